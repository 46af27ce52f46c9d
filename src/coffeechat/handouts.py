"""Printable handouts for a workshop, made from the course's own rules and data.

Each handout is one print-ready HTML page (a print stylesheet, one or two
A4 or Letter pages): the request template, the message asking your own
contact for an introduction, the LAMP sheet, the question card, the research
card, the observer scorecard of the triad role-play, the 3B7 sheet, the
thank-you template and the pre-workshop note. Nothing on them is typed twice:
the rules are read from the checks themselves (:func:`~coffeechat.outreach.review_request`,
:func:`~coffeechat.outreach.review_thank_you`), the scores from the LAMP
list's definition, the questions from the question bank, the measures from
Module 5's scorecard (:data:`~coffeechat.conversation.RUBRIC`), so a page
cannot drift from the course. :func:`write_handouts` writes them all, and
prints each to PDF with Chromium when asked.

Examples
--------
>>> pages = handouts()
>>> [page.name for page in pages][:3]
['request-template', 'contact-message', 'lamp-sheet']
>>> "connection-first" in pages[0].html
True
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from coffeechat.conversation import MAX_LEARNER_SHARE, MIN_SHARED, RUBRIC
from coffeechat.errors import InvalidParameter
from coffeechat.outreach import MAX_WORDS, follow_up_dates, review_request, review_thank_you
from coffeechat.questions import CLOSING_IDS, TIARA, load_bank
from coffeechat.research import ResearchCard
from coffeechat.roleplay import QUESTION_MEASURES
from coffeechat.tracking import LAMP_COLUMNS, MIN_EMPLOYERS

__all__ = [
    "PRE_WORKSHOP_NOTE",
    "REQUEST_RULES",
    "THANK_YOU_RULES",
    "Handout",
    "chromium",
    "handouts",
    "write_handouts",
]

#: What each rule of the request review asks, in words for the page (keyed by the rule's name).
REQUEST_RULES: dict[str, str] = {
    "word-count": f"Under {MAX_WORDS} words, not counting the greeting and the sign-off.",
    "no-job-words": "No job, position, opening, hiring, CV or résumé — and no “pick your brain”.",
    "connection-first": (
        "The first sentence says who suggested you write, or how you are connected."
    ),
    "ask-is-a-question": "The ask is a question, ending with a question mark.",
    "short-stated-time": "It asks for a stated 15 to 30 minutes.",
    "about-the-reader": "More about them than you: “you” and “your” outnumber “I”, “me” and “my”.",
    "specific-interest": (
        "It names what in particular you want to learn about — narrowly and broadly."
    ),
}

#: What each rule of the thank-you review asks, keyed by the rule's name.
THANK_YOU_RULES: dict[str, str] = {
    "within-24-hours": "Send it within 24 hours of the conversation, while they remember you.",
    "concrete-takeaway": "Name one concrete thing you took away, or will do because of them.",
    "no-attachment": "Attach nothing — no CV or portfolio unless they asked for it.",
    "no-new-request": "Ask for nothing new: the note gives thanks; it does not ask again.",
}

#: The pre-workshop note, one item a line.
PRE_WORKSHOP_NOTE: tuple[str, ...] = (
    "Bring a laptop with a charger and a recent web browser; nothing needs installing.",
    "Request your LinkedIn data export at least a day ahead: Settings → Data privacy → "
    "Get a copy of your data → Connections. LinkedIn takes up to a day to send it.",
    "Download Connections.csv from the email LinkedIn sends, and keep it on your laptop: "
    "it stays there, and nothing is sent anywhere.",
    "No LinkedIn account? Bring an address-book export (vCard or Google Contacts CSV), "
    "or work on the course's fictional sample network — everyone gets their own.",
    "Think of one field or organisation you are curious about, and one person whose job "
    "you would like to understand.",
    "Come ready to talk: you will practise a conversation in threes, taking turns to ask, "
    "answer and observe.",
)


@dataclass(frozen=True)
class Handout:
    """One printable page.

    Parameters
    ----------
    name : str
        Its file name without ``.html``, such as ``"lamp-sheet"``.
    title : str
        The heading printed at the top.
    html : str
        The whole page, print stylesheet included.
    """

    name: str
    title: str
    html: str


_STYLE = """
@page { size: auto; margin: 14mm; }
* { box-sizing: border-box; }
body { font: 11pt/1.4 "DejaVu Sans", Arial, sans-serif; color: #111; max-width: 180mm;
       margin: 0 auto; }
h1 { font-size: 18pt; margin: 0 0 4pt; border-bottom: 2pt solid #111; padding-bottom: 3pt; }
h2 { font-size: 12.5pt; margin: 12pt 0 4pt; }
p, li { margin: 3pt 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
th, td { border: 0.6pt solid #555; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #eee; }
td.blank { height: 24pt; }
.template { border: 0.8pt solid #555; padding: 6pt 8pt; white-space: pre-wrap; }
.rules li::marker { content: "☐  "; }
.small { font-size: 9pt; color: #444; }
footer { margin-top: 10pt; font-size: 8.5pt; color: #555; }
@media print { a { color: inherit; text-decoration: none; } tr, li { break-inside: avoid; } }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _page(name: str, title: str, body: str, source: str) -> Handout:
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{_e(title)} — Coffee Chat</title><style>{_STYLE}</style></head>"
        f"<body><h1>{_e(title)}</h1>{body}"
        f"<footer>Coffee Chat handout · {_e(source)}</footer></body></html>\n"
    )
    return Handout(name, title, page)


def _rules(names: Sequence[str], words: dict[str, str], what: str) -> str:
    """The checklist of a review's rules, in the review's order; every rule must have words."""
    missing = [n for n in names if n not in words]
    if missing:
        raise InvalidParameter(f"the {what} has rules the handout does not describe: {missing}")
    items = "".join(f"<li><b>{_e(words[n])}</b> <span class='small'>({_e(n)})</span></li>"
                    for n in names)  # fmt: skip
    return f"<ul class='rules'>{items}</ul>"


def _blank_rows(columns: Sequence[str], rows: int) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    cells = "".join("<td class='blank'></td>" for _ in columns)
    return f"<table><tr>{head}</tr>" + f"<tr>{cells}</tr>" * rows + "</table>"


_SAMPLE_REQUEST = "Hi Sam, would you be open to a 20-minute call?"


def _request_rule_names() -> tuple[str, ...]:
    return review_request(_SAMPLE_REQUEST).rules


def _request_template() -> Handout:
    template = (
        "Hi [first name],\n\n[Name of the person who suggested you write] suggested that I "
        "write to you. [One specific thing about their work] caught my eye, and I would love "
        "to hear how [what you want to learn, narrowly] — and about [the field, broadly]. "
        "Would you be open to a 20-minute call in the next few weeks, at a time that suits "
        "you?\n\nBest wishes,\n[Your first name]"
    )
    body = (
        "<p>The first email to someone you would like to talk to. Its only job is a yes to "
        "a short conversation. Fill in the brackets, then tick each rule — the same rules "
        "the live request checker of Module 3 applies.</p>"
        f"<h2>The template</h2><div class='template'>{_e(template)}</div>"
        f"<h2>The rules</h2>{_rules(_request_rule_names(), REQUEST_RULES, 'request review')}"
        "<h2>Your draft</h2>" + _blank_rows(["draft"], 6)
    )
    return _page("request-template", "The request", body, "Module 3, part 2")


def _contact_message() -> Handout:
    template = (
        "Hi [your contact's first name],\n\nI hope [something you know about them] is going "
        "well. I am exploring [the field] and would love to learn from [the person you would "
        "like to meet] at [their organisation], especially about [what in particular]. Would "
        "you be comfortable introducing us, or letting me use your name when I write? No "
        "problem at all if not.\n\nIn case it helps, here is a note you could forward:\n"
        "“[A request that follows the rules below.]”\n\nThank you,\n[Your first name]"
    )
    body = (
        "<p>You only ever ask <b>your own contact</b> — the first person of the chain "
        "(Module 2, “Whom to ask first, and plan B”). Make it easy for them to say yes, and "
        "painless to say no; if they do not answer within a few days, ask your plan B.</p>"
        f"<h2>The template</h2><div class='template'>{_e(template)}</div>"
        "<h2>For your contact</h2><ul class='rules'>"
        "<li><b>Name the person you would like to meet, and why them.</b></li>"
        "<li><b>Ask whether they are comfortable introducing you</b> — and say it is fine "
        "if not.</li>"
        "<li><b>Give them a note to forward</b>, so the introduction costs them a minute.</li>"
        "<li><b>Thank them, and tell them how it went</b> after the conversation.</li></ul>"
        "<h2>For the note to forward (the request review's rules)</h2>"
        + _rules(_request_rule_names(), REQUEST_RULES, "request review")
    )
    return _page("contact-message", "Asking your contact for an introduction", body,
                 "Modules 2 and 3")  # fmt: skip


def _lamp_sheet() -> Handout:
    columns = list(LAMP_COLUMNS)
    body = (
        f"<p>List at least <b>{MIN_EMPLOYERS} employers</b> you might like to work for, score "
        "each, then sort: by <b>Motivation</b>, then <b>Posting</b>, then <b>Advocacy</b>, "
        "highest first, and start at the top (Steve Dalton, <i>The 2-Hour Job Search</i>).</p>"
        "<table><tr><th>score</th><th>what it means</th></tr>"
        "<tr><td>A — advocacy</td><td>yes if you know someone there (an alum or any other "
        "contact), no if not</td></tr>"
        "<tr><td>M — motivation</td><td>0 to 3: how much you want to work there (3 = a dream "
        "employer, 0 = not at all)</td></tr>"
        "<tr><td>P — posting</td><td>3 for a posting in your field, 2 for postings in other "
        "fields, 1 for none</td></tr></table>"
        + _blank_rows(["#", *columns], 0).replace("</table>", "")
        + "".join(
            f"<tr><td>{n}</td>" + "<td class='blank'></td>" * len(columns) + "</tr>"
            for n in range(1, MIN_EMPLOYERS + 1)
        )
        + "</table>"
    )
    return _page("lamp-sheet", "The LAMP list", body, "Module 3, part 4")


def _question_card() -> Handout:
    bank = load_bank()
    examples = []
    for category in TIARA:
        found = [q for q in bank if q.category == category and not q.searchable
                 and q.topic != "closing"]  # fmt: skip
        best = max(found, key=lambda q: q.value) if found else None
        example = _e(best.ask()) if best else "—"
        examples.append(f"<tr><td><b>{_e(category.title())}</b></td><td>{example}</td></tr>")
    closing = "".join(f"<li><b>{_e(bank[qid].text)}</b></li>" for qid in CLOSING_IDS)
    body = (
        "<p>Questions about <b>them</b>: their work, their path, their advice. Never one that "
        "a quick web search answers, and never one that asks for a job.</p>"
        "<h2>TIARA: five kinds of question, in this order</h2>"
        "<table><tr><th>kind</th><th>for example (from the question bank)</th></tr>"
        + "".join(examples) + "</table>"
        "<h2>Your three core questions</h2>"
        + _blank_rows(["question", "follow-up you might ask"], 3)
        + f"<h2>The closing questions — always ask both</h2><ul class='rules'>{closing}</ul>"
        "<h2>Your 30-second introduction</h2><p class='small'>Thanks; who you are; what you "
        "are exploring; why them. Time it aloud.</p>" + _blank_rows(["introduction"], 2)
    )
    return _page("question-card", "The question card", body, "Module 4, part 2")


def _research_card() -> Handout:
    empty = ResearchCard("", "", "", "", None, None, (), "", "", (), (), ())
    fields = list(empty.to_frame()["field"])
    body = (
        "<p>Ten minutes of research before the conversation: who they are, what they do, "
        "how long they have been there, and what makes their organisation stand out. What "
        "you find here you never ask.</p>"
        "<table><tr><th>field</th><th>what you found</th></tr>"
        + "".join(f"<tr><td>{_e(f)}</td><td class='blank'></td></tr>" for f in fields)
        + "<tr><td>what stands out</td><td class='blank'></td></tr></table>"
    )
    return _page("research-card", "The research card", body, "Module 4, part 1")


def _observer_scorecard() -> Handout:
    rows = "".join(
        f"<tr><td><b>{_e(measure)}</b></td><td>{_e(rule)}</td><td>{points}</td>"
        + "<td class='blank'></td>" * 3 + "</tr>"
        for measure, points, rule in RUBRIC
    )
    total = sum(points for _, points, _ in RUBRIC)
    body = (
        "<p>For the observer of the triad role-play: listen, tick, and note the exact words "
        "of one good follow-up. These are the measures of Module 5's scorecard. A follow-up "
        f"picks up at least {MIN_SHARED} words from the answer just heard; the interviewer "
        f"should talk for at most {MAX_LEARNER_SHARE:.0%} of the time.</p>"
        "<table><tr><th>measure</th><th>earns the points when</th><th>points</th>"
        "<th>round 1</th><th>round 2</th><th>round 3</th></tr>" + rows
        + f"<tr><td colspan='2'><b>total</b></td><td>{total}</td>"
        + "<td class='blank'></td>" * 3 + "</tr></table>"
        "<h2>Tally the questions (a stroke for each)</h2>"
        + _blank_rows(["round", *QUESTION_MEASURES[1:]], 3)
        + "<h2>The follow-up I heard</h2>" + _blank_rows(["round", "their words"], 3)
        + "<h2>Debrief (3 minutes)</h2><p>One thing that worked; one thing to try next "
        "time; when did the interviewee feel most listened to?</p>"
    )
    return _page("observer-scorecard", "The observer scorecard", body, "Module 5, part 4")


def _three_b_seven() -> Handout:
    example = follow_up_dates(date(2026, 3, 2))
    steps = "".join(f"<li><b>{_e(what.capitalize())}</b> — day {n}: "
                    f"{day.strftime('%A %d %B')}</li>"
                    for n, (day, what) in zip((3, 7), example.steps(), strict=True))  # fmt: skip
    body = (
        "<p>When a request meets silence, do not wait and wonder: follow the <b>3B7</b> "
        "routine, counting business days (weekends and holidays do not count).</p>"
        f"<p>For a request sent on {example.sent_on.strftime('%A %d %B %Y')}:</p>"
        f"<ul class='rules'>{steps}</ul>"
        + _blank_rows(["employer", "contact", "sent on", "3 business days later",
                       "7 business days later", "reply on"], 12)  # fmt: skip
    )
    return _page("3b7-sheet", "3B7: when nobody replies", body, "Modules 3 and 6")


def _thank_you_template() -> Handout:
    names = review_thank_you("Thank you, Sam.", "2026-03-02", "2026-03-02").rules
    template = (
        "Dear [first name],\n\nThank you for your time [today / yesterday]. You suggested "
        "[one concrete thing they said], and I [what you have done or will do about it].\n\n"
        "[One sentence on what you enjoyed or learned.]\n\nBest wishes,\n[Your first name]"
    )
    body = (
        f"<h2>The template</h2><div class='template'>{_e(template)}</div>"
        f"<h2>The rules</h2>{_rules(names, THANK_YOU_RULES, 'thank-you review')}"
        "<h2>Then</h2><ul><li>Connect on LinkedIn with a one-line note.</li><li>Add them to "
        "your tracker, and tell them later how their advice worked out.</li></ul>"
        + _blank_rows(["your draft"], 5)
    )
    return _page("thank-you-template", "The thank-you", body, "Module 6, part 1")


def _pre_workshop_note() -> Handout:
    items = "".join(f"<li>{_e(item)}</li>" for item in PRE_WORKSHOP_NOTE)
    body = (
        "<p>Welcome to the Coffee Chat workshop on informational interviews: short "
        "conversations to learn about someone's work. To make the most of the day:</p>"
        f"<ul>{items}</ul>"
    )
    return _page("pre-workshop-note", "Before the workshop", body, "facilitator's kit")


_MAKERS = (
    _request_template, _contact_message, _lamp_sheet, _question_card, _research_card,
    _observer_scorecard, _three_b_seven, _thank_you_template, _pre_workshop_note,
)  # fmt: skip


def handouts() -> list[Handout]:
    """Every handout, in the order of the course.

    Returns
    -------
    list of Handout

    Examples
    --------
    >>> [h.name for h in handouts()][3:]  # doctest: +NORMALIZE_WHITESPACE
    ['question-card', 'research-card', 'observer-scorecard', '3b7-sheet',
     'thank-you-template', 'pre-workshop-note']
    """
    return [make() for make in _MAKERS]


def chromium() -> str | None:
    """The Chromium (or Chrome) to print with: ``$COFFEECHAT_CHROMIUM`` or the first on PATH."""
    wanted = os.environ.get("COFFEECHAT_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _print_pdf(browser: str, page: Path, pdf: Path) -> None:
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={pdf.parent / '.chromium'}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.resolve().as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    if done.returncode != 0 or not pdf.is_file():
        raise InvalidParameter(
            f"Chromium could not print {page} to PDF (exit {done.returncode}): "
            f"{done.stderr.strip()[-300:]}"
        )


def write_handouts(out: str | os.PathLike[str], *, pdf: bool = False) -> list[Path]:
    """Write every handout into the folder ``out``, as HTML (and PDF when ``pdf``).

    Parameters
    ----------
    out : str or path
        The folder; made when missing. Pages already there are replaced.
    pdf : bool, default False
        Also print each page to PDF with Chromium (:func:`chromium`).

    Returns
    -------
    list of pathlib.Path
        The files written, HTML first.

    Raises
    ------
    InvalidParameter
        If ``out`` is a file or cannot be made, or ``pdf`` is asked for and no
        Chromium is found or it fails.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = write_handouts(folder)
    ...     sorted(p.name for p in written)[:2]
    ['3b7-sheet.html', 'contact-message.html']
    """
    if not isinstance(out, (str, os.PathLike)) or not str(out).strip():
        raise InvalidParameter(f"--out must name a folder, not {out!r}")
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise InvalidParameter(
            f"cannot write the handouts into {folder}: it is a file, not a folder"
        )
    browser = chromium() if pdf else None
    if pdf and browser is None:
        raise InvalidParameter("--pdf needs Chromium, and none was found (set COFFEECHAT_CHROMIUM)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for page in handouts():
            path = folder / f"{page.name}.html"
            path.write_text(page.html, encoding="utf-8")
            written.append(path)
    except OSError as err:
        raise InvalidParameter(
            f"cannot write the handouts into {folder}: {err.strerror or err}"
        ) from err
    if browser is not None:
        for path in list(written):
            target = path.with_suffix(".pdf")
            _print_pdf(browser, path, target)
            written.append(target)
        shutil.rmtree(folder / ".chromium", ignore_errors=True)
    return written
