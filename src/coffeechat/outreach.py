"""Checks for the notes around an informational interview.

Three notes decide whether a busy stranger says yes and remembers you well:
the short request, the thank-you, and (when there is no reply) one polite
follow-up. The checks here read a draft and return :class:`Finding` records
that say, rule by rule, what works and what to change. They follow the
practice taught in Steve Dalton's *The 2-Hour Job Search*: a request under
75 words that names the connection first, never mentions jobs, asks a
question and is mostly about the reader; a thank-you within a day; and the
"3B7" routine for silence.

The checks are simple text rules, not a judgement of tone: they catch the
common mistakes so that the learner can spend their attention on the rest.

Examples
--------
>>> note = (
...     "Hi Ana, I found your name in the Lakeside College alumni directory. "
...     "Your work on accessible design at Acme caught my eye, and I am curious "
...     "about product design for healthcare more broadly. Would you be open to "
...     "a 20-minute call in the next few weeks to share how you found your way "
...     "into the field? Thank you for considering it. Sam"
... )
>>> result = review_request(note)
>>> result.passed
True
>>> review_request("Are you hiring? I attached my resume.").passed
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from coffeechat._args import items, to_day, whole_number
from coffeechat._introduction import (
    MAX_BLURB_WORDS,
    MAX_INTRODUCTION_WORDS,
    name_drop_finding,
    review_introduction_request,
)
from coffeechat._review import (
    Finding,
    Review,
    ask_question_finding,
    fold,
    job_request,
    job_words,
    lower_words,
    minutes_asked,
    no_job_words_finding,
    note_body,
    quote,
    require_text,
    split_sentences,
    word_list,
)
from coffeechat._thank_you import review_thank_you
from coffeechat.contacts import Network
from coffeechat.errors import InvalidParameter

__all__ = [
    "FIRST_EDITION_MAX_WORDS",
    "MAX_BLURB_WORDS",
    "MAX_INTRODUCTION_WORDS",
    "MAX_WORDS",
    "Review",
    "Finding",
    "FollowUpDates",
    "add_business_days",
    "name_drop_finding",
    "review_introduction_request",
    "review_request",
    "review_request_for",
    "review_thank_you",
    "follow_up_dates",
    "job_request",
    "job_words",
]

#: Word limit for a request note (*The 2-Hour Job Search*, second edition).
MAX_WORDS = 75
#: The looser limit of the book's first edition.
FIRST_EDITION_MAX_WORDS = 100


@dataclass(frozen=True)
class FollowUpDates:
    """The "3B7" dates for one request that has had no reply.

    Parameters
    ----------
    sent_on : datetime.date
        When the request was sent.
    second_contact_on : datetime.date
        Three business days later: write to a second person at the same
        employer (keep waiting for the first).
    follow_up_on : datetime.date
        Seven business days later: send one short follow-up to the first
        person, then let it rest.
    """

    sent_on: date
    second_contact_on: date
    follow_up_on: date

    def steps(self) -> list[tuple[date, str]]:
        """The two dates with what to do on each."""
        return [
            (
                self.second_contact_on,
                "no reply yet: write to a second contact at the same employer",
            ),
            (self.follow_up_on, "still no reply: send one short follow-up to the first contact"),
        ]

    def __str__(self) -> str:
        lines = [f"sent {self.sent_on.isoformat()}"]
        lines += [f"{day.isoformat()}: {what}" for day, what in self.steps()]
        return "\n".join(lines)


# ------------------------------------------------------------ request vocabulary

_YOU = frozenset(["you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll"])
_ME = frozenset(["i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"])

_CONNECTION = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:fellow|alum|alumn[ai]|alumnus|alumni|graduate\s+of|graduated\s+from|class\s+of|"
        r"classmates?)\b",
        r"\b(?:referred|suggested|suggestion|recommended|recommendation|referral|introduced|"
        r"mentioned|pointed\s+me|"
        r"gave\s+me\s+your\s+(?:name|details|email)|told\s+me|put\s+me\s+in\s+touch|"
        r"passed\s+on\s+your|thought\s+(?:that\s+)?(?:you|we|I)|said\s+(?:that\s+)?you)\b",
        r"\b(?:found|came\s+across|saw|read|heard|listened\s+to|watched|noticed)\b.*\byou",
        r"\blinked\s?in\b",
        r"\bmet\b",
        r"\b(?:mutual|our)\s+(?:friend|colleague|connection|contact)",
        r"\bwe\s+(?:both|met|spoke)\b",
        r"\bthrough\b",
        r"\b(?:university|college|school|club|association|group|society|conference|meetup|"
        r"directory|alumni\s+network)\b",
    )
]

_ASK_TOPIC = re.compile(
    r"\b(?:minutes?|mins?|chat|call|talk|speak|conversation|meet|meeting|coffee|hear|learn|"
    r"phone|zoom|video|time)\b",
    re.IGNORECASE,
)
_ASK_VERB = re.compile(
    r"\b(?:would|could|can|will|might|may|are|do|is)\s+(?:you|it|there|we|i)\b|"
    r"\b(?:willing|open\s+to|able\s+to|possible|love\s+to|like\s+to|hoping|wondering|"
    r"appreciate|grateful|request|ask)\b",
    re.IGNORECASE,
)


_INTEREST = re.compile(
    r"\b(?:interested\s+in|interest\s+in|curious\s+(?:about|how|what|why|whether)|exploring|"
    r"explore|(?:learn|hear|know|understand|ask)(?:ing)?\s+(?:more\s+)?(?:about|how|what|why|"
    r"whether)|find(?:ing)?\s+out\s+(?:more\s+)?(?:about|how|what|why|whether)|insights?\s+into|"
    r"passionate\s+about|focus(?:ed|ing)?\s+on|excited\s+about|drawn\s+to|fascinated\s+by|"
    r"your\s+(?:\w+(?:'|’)s\s+)?(?:work|research|projects?|talk|article|post|paper|book|"
    r"experience|team|role|day)\s+(?:on|in|about|with)|(?:how|what|why)\s+(?:your|you)|"
    r"moving\s+into|career\s+in)\s+(?P<what>[^.?!;]{3,120})",
    re.IGNORECASE,
)
# Wanting to work somewhere is not something to learn about: "I would love to work at X",
# "join your team at X", "interested in working at X".
_WISH = re.compile(
    r"\b(?:work(?:ing)?|join(?:ing)?|intern(?:ing)?|hired|employed|part\s+of)\s+"
    r"(?:(?:at|for|with|in|on)\s+)?(?:\w+(?:'|’)?s?\s+){0,2}$",
    re.IGNORECASE,
)
_WISHED = re.compile(
    r"^(?:(?:working|joining|interning|being\s+(?:hired|part\s+of)|getting\s+(?:hired|in))\b|"
    r"(?:a|an|the)\s+(?:job|role|position|place|opening|internship)\b)",
    re.IGNORECASE,
)
_WISH_SENTENCE = re.compile(
    r"\b(?:love|like|want|wish|hope|hoping|keen|eager|dream|aim|plan)\s+(?:\w+\s+){0,2}?"
    r"(?:to\s+)?(?:work|join|intern)\b|\binterest(?:ed)?\s+in\s+(?:working|joining|"
    r"(?:a|an)\s+(?:job|role|position|opening|internship))\b",
    re.IGNORECASE,
)
# fmt: off
_GENERIC = frozenset([
    "a", "an", "the", "your", "you", "my", "me", "i", "it", "this", "that", "these", "those",
    "and", "or", "of", "in", "at", "on", "for", "to", "with", "about", "more", "career",
    "careers", "company", "companies", "work", "experience", "experiences", "industry", "field",
    "fields", "role", "roles", "organization", "organisation", "job", "jobs", "things", "thing",
    "everything", "stuff", "path", "paths", "story", "journey", "background", "how", "what",
    "why", "who", "where", "when", "do", "does", "did", "is", "are", "was", "were", "be",
    "been", "have", "has", "had", "can", "could", "would", "will", "get", "go", "going",
    "opportunity", "opportunities", "today", "now", "time", "some", "any"
])
# fmt: on


# ------------------------------------------------------------ request note


def review_request(
    text: str,
    *,
    max_words: int = MAX_WORDS,
    connection: str | None = None,
    interest: str | None = None,
) -> Review:
    """Check a request for an informational interview against seven rules.

    The rules come from Steve Dalton's *The 2-Hour Job Search* ("the 5-point
    email") and from career centres' advice on asking for a conversation:

    ``word-count``
        Fewer than ``max_words`` words, not counting the greeting and the
        sign-off (75; the book's first edition allowed 100 — pass
        ``max_words=FIRST_EDITION_MAX_WORDS``).
    ``no-job-words``
        No mention of a job, position, opening, hiring, résumé or CV, and no
        "pick your brain": the note asks for insight, not work.
    ``connection-first``
        The first sentence says how you are connected or how you found them.
    ``ask-is-a-question``
        The request for a conversation ends with a question mark, which is
        easier to say yes to than a statement of what you want.
    ``short-stated-time``
        It asks for a stated 15 to 30 minutes.
    ``about-the-reader``
        "You" and "your" outnumber "I", "me" and "my".
    ``specific-interest``
        It names what in particular you want to learn about.

    Parameters
    ----------
    text : str
        The draft, greeting and sign-off included.
    max_words : int, default 75
        The word limit; the note must be under it.
    connection : str, optional
        The connection to look for in the first sentence, such as a school or
        a friend's name. When omitted, common ways of saying it are accepted.
    interest : str, optional
        The interest the note should name. When omitted, phrases such as
        "curious about ..." followed by something specific are accepted.

    Returns
    -------
    Review

    Raises
    ------
    InvalidParameter
        If ``text`` is not a string or ``max_words`` is not a positive whole number.

    Examples
    --------
    >>> result = review_request(
    ...     "Dear Mr. Okafor, I am a student and I want a job at your company. "
    ...     "I would like to pick your brain for an hour."
    ... )
    >>> [f.rule for f in result.failures]  # doctest: +NORMALIZE_WHITESPACE
    ['no-job-words', 'connection-first', 'ask-is-a-question', 'short-stated-time',
     'about-the-reader', 'specific-interest']
    >>> print(result["short-stated-time"].message)
    You ask for 60 minutes; ask for 15 to 30 minutes and keep to it.
    """
    require_text(text, "text")
    max_words = whole_number(max_words, "max_words")
    for name, value in (("connection", connection), ("interest", interest)):
        if value is not None:
            require_text(value, name)
            if not word_list(value):
                raise InvalidParameter(f"{name} is empty; leave it out or name it")
    body = note_body(text)
    sentences = split_sentences(body)
    findings = (
        _word_count(body, max_words),
        no_job_words_finding(
            body,
            "No mention of jobs — it asks for advice, not work.",
            "leave jobs out entirely — a request for insight is easy to accept, a request "
            "for work is easy to ignore.",
        ),
        _connection_first(sentences, connection),
        ask_question_finding(
            [s for s in sentences if _ASK_TOPIC.search(s) and _ASK_VERB.search(s)],
            "“Would you be open to a 20-minute call next week?”",
            "There is no request for a conversation; end with a question such as “Would you be "
            "open to a 20-minute call in the next few weeks?”",
        ),
        _short_time(body),
        _about_reader(body),
        _specific_interest(body, interest),
    )
    return Review("request", findings)


def review_request_for(
    network: Network,
    recipient: str,
    text: str,
    *,
    max_words: int = MAX_WORDS,
    interest: str | None = None,
) -> Review:
    """Review a request to someone in your network, and the connection it names.

    The seven rules of :func:`review_request`, then ``connection-knows-reader``
    (see :func:`name_drop_finding`): a contact named as the connection must
    know the reader. Someone two hops away is reached by first asking your
    contact for an introduction (:func:`review_introduction_request`).

    Parameters
    ----------
    network : Network
        Your network.
    recipient : str
        The id of the person the request goes to.
    text : str
        The request.
    max_words, interest
        As for :func:`review_request`.

    Returns
    -------
    Review

    Examples
    --------
    >>> import coffeechat as cc
    >>> net = cc.load_sample_network()
    >>> note = ("Dear Amara, Lucía Moreno suggested I write to you. Your team's work on "
    ...         "health apps caught my eye. Would you have 20 minutes next week?")
    >>> print(review_request_for(net, "amara-nwosu", note)["connection-knows-reader"].message)
    ... # doctest: +ELLIPSIS
    Lucía Moreno does not know Amara Nwosu: ask Lucía Moreno for an introduction first ...
    """
    base = review_request(text, max_words=max_words, interest=interest)
    return Review(base.subject, (*base.findings, name_drop_finding(network, recipient, text)))


def _word_count(body: str, max_words: int) -> Finding:
    n = len(word_list(body))
    if n == 0:
        return Finding("word-count", False, "The note is empty.")
    if n < max_words:
        return Finding(
            "word-count", True, f"{n} words — under {max_words}, quick to read on a phone."
        )
    sentences = split_sentences(body)
    later = sentences[1:] or sentences  # the first sentence is the connection: keep it
    me_heavy = max(
        later, key=lambda p: sum(w in _ME for w in lower_words(p)) / (len(word_list(p)) or 1)
    )
    hint = (
        f"cut the part about yourself ({quote(me_heavy, 40)})"
        if any(w in _ME for w in lower_words(me_heavy))
        else "keep only the connection, your interest and the question"
    )
    return Finding(
        "word-count",
        False,
        f"Your note is {n} words; aim for under {max_words} — {hint}.",
    )


def _connection_first(sentences: list[str], connection: str | None) -> Finding:
    if not sentences:
        return Finding("connection-first", False, "There is no first sentence to check.")
    first = sentences[0]
    if connection is not None:
        wanted = fold(connection)
        if wanted in fold(first):
            return Finding("connection-first", True, f"The first sentence names {connection}.")
        elsewhere = any(wanted in fold(s) for s in sentences[1:])
        where = "later on; move it to the first sentence" if elsewhere else "nowhere"
        return Finding(
            "connection-first",
            False,
            f"The connection ({connection}) appears {where}: open with it, so that the reader "
            "meets a friend of a friend, not a stranger.",
        )
    if any(p.search(first) for p in _CONNECTION):
        return Finding("connection-first", True, f"It opens with the connection: {quote(first)}.")
    return Finding(
        "connection-first",
        False,
        f"The first sentence ({quote(first)}) does not say how you are connected; open with "
        "it, e.g. “I found your name in the Lakeside College alumni directory.”",
    )


def _short_time(body: str) -> Finding:
    asked = minutes_asked(body)
    if not asked:
        return Finding(
            "short-stated-time",
            False,
            "State how long you are asking for, e.g. “a 20-minute call” — a stated, short "
            "time is easier to agree to than an open-ended chat.",
        )
    low = min(a for a, _ in asked)
    high = max(b for _, b in asked)
    if high > 30:
        return Finding(
            "short-stated-time",
            False,
            f"You ask for {high} minutes; ask for 15 to 30 minutes and keep to it.",
        )
    if low < 15:
        return Finding(
            "short-stated-time",
            False,
            f"{low} minutes is too short for a real conversation; ask for 15 to 30 minutes.",
        )
    span = f"{low}" if low == high else f"{low}–{high}"
    return Finding("short-stated-time", True, f"It asks for {span} minutes — short and stated.")


def _about_reader(body: str) -> Finding:
    words = lower_words(body)
    you = sum(w in _YOU for w in words)
    me = sum(w in _ME for w in words)
    if you > me:
        return Finding(
            "about-the-reader",
            True,
            f"“You/your” {you} times against “I/me/my” {me} times — it is about them.",
        )
    return Finding(
        "about-the-reader",
        False,
        f"“I/me/my” appears {me} times and “you/your” {you} times; turn sentences round to "
        "their work, e.g. “Your talk on ...” rather than “I am ...”.",
    )


def _specific_interest(body: str, interest: str | None) -> Finding:
    if interest is not None:
        if fold(interest) in fold(body):
            return Finding("specific-interest", True, f"It names your interest: {interest}.")
        return Finding(
            "specific-interest",
            False,
            f"It never mentions {interest}; name it, narrowly and then broadly.",
        )
    for m in _INTEREST.finditer(body):
        what = m.group("what").strip()
        before = body[: m.start()].rsplit(".", 1)[-1]
        if _WISH.search(before) or _WISHED.match(what):
            continue
        specific = [w for w in lower_words(what) if w not in _GENERIC and not w.isdigit()]
        if specific:
            return Finding("specific-interest", True, f"It names an interest: {quote(what, 50)}.")
    wishes = [s for s in split_sentences(body) if _WISH_SENTENCE.search(s)]
    if wishes:
        return Finding(
            "specific-interest",
            False,
            f"{quote(wishes[0], 50)} says you would like to work there, which is not something "
            "to learn about; say what in particular you want to learn, e.g. “what your work on "
            "the patient app involves”.",
        )
    return Finding(
        "specific-interest",
        False,
        "Say what in particular you want to learn about, narrowly and broadly — e.g. “your "
        "team's work on battery recycling, and clean energy more broadly”.",
    )


# ------------------------------------------------------------ 3B7


def _holiday_set(holidays: Iterable[object]) -> frozenset[date]:
    if isinstance(holidays, str | date):
        raise InvalidParameter("holidays must be a list of dates, not a single value")
    return frozenset(to_day(h, "holiday") for h in items(holidays, "holidays"))


def _is_business_day(day: date, holidays: frozenset[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def _add_business_days(start: date, days: int, holidays: frozenset[date]) -> date:
    day = start
    while not _is_business_day(day, holidays):
        day += timedelta(days=1)
    left = days
    while left > 0:
        day += timedelta(days=1)
        if _is_business_day(day, holidays):
            left -= 1
    return day


def add_business_days(
    start: date | datetime | str, days: int, holidays: Iterable[date | str] = ()
) -> date:
    """The date ``days`` business days after ``start``, skipping weekends and holidays.

    A start on a weekend or holiday counts from the next business day.

    Examples
    --------
    >>> from datetime import date
    >>> add_business_days(date(2025, 3, 7), 1)   # Friday -> Monday
    datetime.date(2025, 3, 10)
    >>> add_business_days("2025-03-08", 0)       # Saturday rolls to Monday
    datetime.date(2025, 3, 10)
    """
    day = to_day(start, "start")
    days = whole_number(days, "days", minimum=0)
    return _add_business_days(day, days, _holiday_set(holidays))


def follow_up_dates(
    sent_on: date | datetime | str, holidays: Iterable[date | str] = ()
) -> FollowUpDates:
    """The "3B7" routine for a request that has had no reply.

    From *The 2-Hour Job Search*: three business days after sending, write
    to a second person at the same employer (without giving up on the
    first); seven business days after sending, send the first person one
    short follow-up. Weekends and the ``holidays`` given are not business
    days; a note sent on a weekend counts from the next business day.

    Parameters
    ----------
    sent_on : datetime.date, datetime.datetime or ISO string
    holidays : iterable of datetime.date or ISO string

    Returns
    -------
    FollowUpDates

    Examples
    --------
    >>> from datetime import date
    >>> print(follow_up_dates(date(2025, 3, 3)))  # a Monday
    sent 2025-03-03
    2025-03-06: no reply yet: write to a second contact at the same employer
    2025-03-12: still no reply: send one short follow-up to the first contact
    >>> follow_up_dates("2025-03-03", holidays=["2025-03-05"]).second_contact_on
    datetime.date(2025, 3, 7)
    """
    day = to_day(sent_on, "sent_on")
    free = _holiday_set(holidays)
    return FollowUpDates(
        sent_on=day,
        second_contact_on=_add_business_days(day, 3, free),
        follow_up_on=_add_business_days(day, 7, free),
    )
