"""The thank-you reviewer: write a thank-you note and see, as you type, what to fix.

Under the widget is :func:`thank_you_findings`, an ordinary function: the
note and the two moments in, one row per rule of the library's thank-you
review (:mod:`coffeechat.outreach`) out.

Examples
--------
>>> reviewer = thank_you_reviewer(met_at="2026-03-12T10:00", sent_at="2026-03-12T18:00")
>>> reviewer.note.value = "Thank you! Could you forward my CV to your manager?"
>>> reviewer.table.set_index("rule")["passed"].to_dict()["no-new-request"]
False
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import ipywidgets as widgets
import pandas as pd

from coffeechat._args import checked
from coffeechat.errors import CoffeeChatError
from coffeechat.outreach import review_thank_you

__all__ = ["FINDING_COLUMNS", "ThankYouReviewer", "thank_you_findings", "thank_you_reviewer"]

#: Columns of :func:`thank_you_findings`.
FINDING_COLUMNS: tuple[str, ...] = ("rule", "passed", "message")

_EXAMPLE = (
    "Dear Priya, thank you for your time yesterday. You suggested I read the accessibility "
    "reports your team publishes; I have started on the first one. Best wishes, Alex"
)


@checked
def thank_you_findings(
    text: str, met_at: date | datetime | str, sent_at: date | datetime | str
) -> pd.DataFrame:
    """The thank-you review of a note, one row a rule.

    Parameters
    ----------
    text : str
        The note.
    met_at, sent_at : datetime, date or ISO string
        When the conversation began and when the note goes out.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FINDING_COLUMNS`: the rule's name, whether the note
        follows it and what to change.

    Raises
    ------
    InvalidParameter
        If a moment does not read or the note is dated before the meeting.

    Examples
    --------
    >>> table = thank_you_findings(_EXAMPLE, "2026-03-12", "2026-03-13")
    >>> table["passed"].all()
    np.True_
    """
    review = review_thank_you(text, met_at, sent_at)
    return pd.DataFrame(
        [(f.rule, f.passed, f.message) for f in review.findings], columns=list(FINDING_COLUMNS)
    )


class ThankYouReviewer(widgets.VBox):
    """A box for the note and two moments, above the review of it.

    Build one with :func:`thank_you_reviewer`; changing the note or a moment
    recomputes :attr:`table` with :func:`thank_you_findings`.
    """

    @checked
    def __init__(self, text: str, met_at: str, sent_at: str) -> None:
        style = {"description_width": "initial"}
        self.note = widgets.Textarea(
            value=text,
            description="Your note",
            style=style,
            layout=widgets.Layout(width="640px", height="120px"),
        )
        self.met_at = widgets.Text(value=met_at, description="Conversation began", style=style)
        self.sent_at = widgets.Text(value=sent_at, description="Note goes out", style=style)
        self.summary = widgets.HTML()
        self.result = widgets.HTML()
        self.table = pd.DataFrame(columns=list(FINDING_COLUMNS))
        for box in (self.note, self.met_at, self.sent_at):
            box.observe(self._update, names="value")
        super().__init__(
            children=[
                self.note,
                widgets.HBox([self.met_at, self.sent_at]),
                self.summary,
                self.result,
            ]
        )
        self._update()

    def _update(self, change: Mapping[str, Any] | None = None) -> None:
        try:
            self.table = thank_you_findings(
                self.note.value, self.met_at.value.strip(), self.sent_at.value.strip()
            )
        except CoffeeChatError as err:
            self.table = pd.DataFrame(columns=list(FINDING_COLUMNS))
            self.summary.value = f"<span style='color:#b00'>{html.escape(str(err))}</span>"
            self.result.value = ""
            return
        ok = int(self.table["passed"].sum())
        self.summary.value = f"<b>{ok} of {len(self.table)} rules followed.</b>"
        self.result.value = "".join(
            f"<div>{'✓' if row.passed else '✗'} <b>{html.escape(row.rule)}</b>: "
            f"{html.escape(row.message)}</div>"
            for row in self.table.itertuples()
        )


@checked
def thank_you_reviewer(
    text: str = _EXAMPLE,
    *,
    met_at: str = "2026-03-12T10:00",
    sent_at: str = "2026-03-13T09:00",
) -> ThankYouReviewer:
    """The thank-you reviewer widget (see :class:`ThankYouReviewer`)."""
    return ThankYouReviewer(text, met_at, sent_at)
