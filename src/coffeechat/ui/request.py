"""The live request checker: type a request for a conversation, see what to change.

Under the widget is :func:`request_findings`, an ordinary function that runs
the library's request review (:mod:`coffeechat.outreach`) on a draft and
returns one row per rule: whether the draft keeps it, and what to change when
it does not. The widget reruns it on every keystroke.

Examples
--------
>>> draft = (
...     "Hi Amara,\\n"
...     "Farah Siddiqui suggested that I write to you. Your research on the Pulsewise "
...     "patient app caught my eye, and I would love to hear how your team tests ideas "
...     "with patients. Would you be open to a 20-minute call in the next few weeks, "
...     "at a time that suits you?\\nBest,\\nAlex"
... )
>>> table = request_findings(draft, connection="Farah Siddiqui")
>>> list(table.columns)
['rule', 'ok', 'what to change']
>>> bool(table["ok"].all())
True
>>> checker = request_checker(connection="Farah Siddiqui")
>>> checker.text.value = "Are you hiring? I attached my CV."
>>> int((~checker.table["ok"]).sum()) > 0
True
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd

from coffeechat._args import checked
from coffeechat.errors import InvalidParameter
from coffeechat.outreach import MAX_WORDS, review_request

__all__ = ["FINDING_COLUMNS", "RULE_NAMES", "RequestChecker", "request_checker", "request_findings"]

#: Columns of :func:`request_findings`.
FINDING_COLUMNS: tuple[str, ...] = ("rule", "ok", "what to change")

#: Plain names for the review's rules, in the order they are shown.
RULE_NAMES: dict[str, str] = {
    "word-count": "Short (under the word limit)",
    "no-job-words": "No mention of jobs",
    "connection-first": "Connection in the first sentence",
    "ask-is-a-question": "The ask is a question",
    "short-stated-time": "A short, stated time (15–30 minutes)",
    "about-the-reader": "More about them than about you",
    "specific-interest": "A specific interest",
}


@checked
def request_findings(
    text: str, *, connection: str | None = None, max_words: int = MAX_WORDS
) -> pd.DataFrame:
    """Review a request for an informational interview, one row per rule.

    Parameters
    ----------
    text : str
        The draft, greeting and sign-off included.
    connection : str, optional
        Who suggested you write (or how you are connected); the first
        sentence should name it. When omitted, any common way of saying how
        you are connected is accepted.
    max_words : int, default 75
        The word limit; the draft must be under it.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FINDING_COLUMNS`: the rule in plain words, whether the
        draft keeps it, and the review's message (what to change, or why it
        is fine).

    Raises
    ------
    InvalidParameter
        If ``text`` is not a string, ``connection`` is empty, or
        ``max_words`` is not a positive whole number.

    Examples
    --------
    >>> table = request_findings("Are you hiring? I attached my CV.")
    >>> table.loc[table["rule"] == "No mention of jobs", "what to change"].item()[:31]
    'It mentions “hiring” and “CV”; '
    """
    if isinstance(connection, str) and not connection.strip():
        connection = None
    review = review_request(text, max_words=max_words, connection=connection)
    rows = [
        {
            "rule": RULE_NAMES.get(finding.rule, finding.rule),
            "ok": bool(finding.passed),
            "what to change": finding.message,
        }
        for finding in review.findings
    ]
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS))


def _findings_html(table: pd.DataFrame) -> str:
    rows = "".join(
        f"<tr><td style='padding:3px 8px;font-size:18px'>{'✓' if ok else '✗'}</td>"
        f"<td style='padding:3px 8px'><b>{html.escape(rule)}</b></td>"
        f"<td style='padding:3px 8px'>{html.escape(message)}</td></tr>"
        for rule, ok, message in table.itertuples(index=False)
    )
    return (
        '<table class="coffeechat-findings" style="border-collapse:collapse;font-size:15px">'
        f"{rows}</table>"
    )


def _summary_html(table: pd.DataFrame) -> str:
    kept = int(table["ok"].sum())
    total = len(table)
    if kept == total:
        text = f"All {total} rules kept: this request is ready to send."
    else:
        left = total - kept
        text = f"{kept} of {total} rules kept; {left} to fix ({'✗' * left})."
    return f'<p class="coffeechat-summary" style="font-size:17px;margin:6px 0">{text}</p>'


class RequestChecker(widgets.VBox):
    """A text box for a request, with the review's findings updated as you type.

    Build one with :func:`request_checker`.

    Attributes
    ----------
    text : ipywidgets.Textarea
        The draft (updates on every keystroke).
    connection : ipywidgets.Text
        Who suggested you write; the first sentence should name them.
    summary : ipywidgets.HTML
        How many rules the draft keeps.
    findings : ipywidgets.HTML
        One line per rule: ✓ or ✗, and what to change.
    table : pandas.DataFrame
        The findings now shown, as returned by :func:`request_findings`.
    """

    @checked
    def __init__(self, text: str = "", *, connection: str = "", max_words: int = MAX_WORDS) -> None:
        if not isinstance(text, str) or not isinstance(connection, str):
            raise InvalidParameter("text and connection must be strings")
        self.max_words = max_words
        self.text = widgets.Textarea(
            value=text,
            placeholder="Hi Amara,\nFarah Siddiqui suggested I write to you. ...",
            description="Your email",
            continuous_update=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="720px", height="180px"),
        )
        self.connection = widgets.Text(
            value=connection,
            description="Who suggested you write",
            continuous_update=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="420px"),
        )
        self.summary = widgets.HTML()
        self.findings = widgets.HTML()
        self.table = pd.DataFrame(columns=list(FINDING_COLUMNS))
        self.text.observe(self._update, names="value")
        self.connection.observe(self._update, names="value")
        super().__init__(children=[self.connection, self.text, self.summary, self.findings])
        self._update()

    def _update(self, change: Mapping[str, Any] | None = None) -> None:
        if not self.text.value.strip():
            self.table = pd.DataFrame(columns=list(FINDING_COLUMNS))
            self.summary.value = (
                '<p class="coffeechat-summary" style="font-size:17px;margin:6px 0">'
                "Type your request above; the checks appear as you write.</p>"
            )
            self.findings.value = ""
            return
        self.table = request_findings(
            self.text.value, connection=self.connection.value or None, max_words=self.max_words
        )
        self.summary.value = _summary_html(self.table)
        self.findings.value = _findings_html(self.table)


@checked
def request_checker(
    text: str = "", *, connection: str = "", max_words: int = MAX_WORDS
) -> RequestChecker:
    """A live checker for a request for an informational interview.

    Parameters
    ----------
    text : str, optional
        A draft to start from.
    connection : str, optional
        Who suggested you write, such as ``"Farah Siddiqui"``.
    max_words : int, default 75
        The word limit.

    Returns
    -------
    RequestChecker
        The widget; leave it as the last line of a cell to show it.
    """
    return RequestChecker(text, connection=connection, max_words=max_words)
