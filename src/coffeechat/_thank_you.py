"""The thank-you note's review (:func:`review_thank_you`).

Import it from :mod:`coffeechat.outreach`.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from coffeechat._args import to_moment
from coffeechat._review import (
    Finding,
    Review,
    fold,
    job_request,
    note_body,
    quote,
    require_text,
    split_sentences,
    word_list,
)
from coffeechat.errors import InvalidParameter

# ------------------------------------------------------------ thank-you note

_ATTACHMENT = re.compile(
    r"\b(?:attach(?:ed|ing|ment|ments)?|enclos(?:ed|ing|ure)|please\s+find|i(?:'|’)?ve\s+"
    r"included\s+my|here\s+is\s+my|sending\s+(?:you\s+)?my)\b",
    re.IGNORECASE,
)
_REQUEST = re.compile(
    r"\b(?:could|would|can|will)\s+you\b|"
    r"\bwould\s+it\s+be\s+possible\b|\bi\s+was\s+(?:wondering|hoping)\b|\bany\s+chance\b|"
    r"\bif\s+you\s+could\b|\bi(?:'|’)?d\s+(?:appreciate|be\s+grateful)\s+(?:it\s+)?if\b|"
    r"\bplease\s+(?:send|forward|share|introduce|review|connect|pass|look|read|check|tell|"
    r"consider|keep)\b|\bdo\s+you\s+(?:know|have)\b",
    re.IGNORECASE,
)
_TAKEAWAY = re.compile(
    r"\b(?:you\s+(?:suggested|mentioned|recommended|said|explained|pointed\s+out|described|"
    r"told\s+me|shared)|your\s+(?:advice|suggestion|tip|point|idea|story|example|"
    r"recommendation|description|explanation|comment)|i\s+(?:learned|learnt|realised|realized|"
    r"took\s+away|will|'ll|’ll|plan\s+to|am\s+going\s+to|have\s+already|'ve\s+already|"
    r"’ve\s+already|now\s+(?:see|understand))|what\s+you\s+said|it\s+was\s+(?:helpful|useful|"
    r"eye-opening)\s+to|thanks\s+to\s+you|especially\s+(?:helpful|useful|valuable))\b",
    re.IGNORECASE,
)


def _hours_between(met_at: object, sent_at: object) -> tuple[float, bool]:
    """Hours from meeting to note, and whether only whole days were known."""
    met = to_moment(met_at, "met_at")
    sent = to_moment(sent_at, "sent_at")
    whole_days = not isinstance(met, datetime) or not isinstance(sent, datetime)
    if whole_days:
        met_day = met.date() if isinstance(met, datetime) else met
        sent_day = sent.date() if isinstance(sent, datetime) else sent
        hours = (sent_day - met_day).days * 24.0
    else:
        if (met.tzinfo is None) != (sent.tzinfo is None):
            raise InvalidParameter(
                "met_at and sent_at must both have a time zone or both have none"
            )
        hours = (sent - met).total_seconds() / 3600
    if hours < 0:
        raise InvalidParameter(f"sent_at ({sent_at}) is before met_at ({met_at})")
    return hours, whole_days


def review_thank_you(
    text: str,
    met_at: date | datetime | str,
    sent_at: date | datetime | str,
    *,
    takeaway: str | None = None,
) -> Review:
    """Check a thank-you note sent after an informational interview.

    Rules (after *The 2-Hour Job Search* and career-centre advice):

    ``within-24-hours``
        Sent within 24 hours of the meeting; when only dates are given, the
        same day or the next.
    ``concrete-takeaway``
        Names one concrete thing you took away or will act on.
    ``no-attachment``
        Attaches nothing (no CV or portfolio unless they asked for it).
    ``no-new-request``
        Asks for nothing new: the note gives thanks, it does not ask again.

    Parameters
    ----------
    text : str
        The note.
    met_at, sent_at : datetime.datetime, datetime.date or ISO string
        When the conversation took place and when the note went out.
    takeaway : str, optional
        The takeaway the note should mention; when omitted, phrases such as
        "you suggested ..." or "I will ..." are accepted.

    Returns
    -------
    Review

    Raises
    ------
    InvalidParameter
        If a time cannot be read or the note is dated before the meeting.

    Examples
    --------
    >>> from datetime import datetime
    >>> note = ("Dear Ana, thank you for your time today. You suggested I look at the "
    ...         "open data projects at the city council, and I have already signed up "
    ...         "for their next meetup. Best, Sam")
    >>> review_thank_you(note, datetime(2025, 3, 4, 10), datetime(2025, 3, 4, 18)).passed
    True
    >>> late = review_thank_you(note, "2025-03-04", "2025-03-08")
    >>> print(late["within-24-hours"].message)
    Sent 4 days after the meeting; send it within 24 hours, while they still remember you.
    """
    require_text(text, "text")
    if takeaway is not None:
        require_text(takeaway, "takeaway")
    hours, whole_days = _hours_between(met_at, sent_at)
    body = note_body(text)
    sentences = split_sentences(body)
    return Review(
        "thank-you note",
        (
            _within_a_day(hours, whole_days),
            _takeaway(sentences, takeaway),
            _no_attachment(body),
            _no_new_request(sentences),
        ),
    )


def _within_a_day(hours: float, whole_days: bool) -> Finding:
    if whole_days:
        days = round(hours / 24)
        on_time = days <= 1
        when = ("the same day" if days == 0 else "the next day") if on_time else f"{days} days"
    else:
        on_time = hours <= 24
        when = f"{hours:.0f} hours"
    if on_time:
        return Finding(
            "within-24-hours", True, f"Sent {when}{'' if whole_days else ' after'} — prompt."
        )
    return Finding(
        "within-24-hours",
        False,
        f"Sent {when} after the meeting; send it within 24 hours, while they still remember you.",
    )


def _takeaway(sentences: list[str], takeaway: str | None) -> Finding:
    if takeaway is not None:
        wanted = fold(takeaway)
        if any(wanted in fold(s) for s in sentences):
            return Finding("concrete-takeaway", True, f"It names your takeaway: {takeaway}.")
        return Finding(
            "concrete-takeaway", False, f"It never mentions {takeaway}; say what you took away."
        )
    for s in sentences:
        m = _TAKEAWAY.search(s)
        if m and len(word_list(s[m.end() :])) >= 3:
            return Finding("concrete-takeaway", True, f"It names a takeaway: {quote(s)}.")
    return Finding(
        "concrete-takeaway",
        False,
        "Name one concrete thing you took away or will do, e.g. “You suggested I join the "
        "regional analytics meetup — I signed up for the next one.”",
    )


def _no_attachment(body: str) -> Finding:
    m = _ATTACHMENT.search(body)
    if m is None:
        return Finding("no-attachment", True, "Nothing attached.")
    return Finding(
        "no-attachment",
        False,
        f"It mentions an attachment (“{m.group(0)}”); send documents only when they were "
        "offered or asked for.",
    )


def _no_new_request(sentences: list[str]) -> Finding:
    for s in sentences:
        job = job_request(s)
        if job:
            return Finding(
                "no-new-request", False, f"It asks for work (“{job}”); a thank-you only thanks."
            )
        if _REQUEST.search(s) or s.rstrip("\"'’”) ").endswith("?"):
            return Finding(
                "no-new-request",
                False,
                f"{quote(s)} asks for something new; keep the thank-you to thanks and one "
                "takeaway, and ask later if you must.",
            )
    return Finding("no-new-request", True, "It asks for nothing new.")
