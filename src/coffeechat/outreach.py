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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from coffeechat.errors import InvalidParameter

__all__ = [
    "FIRST_EDITION_MAX_WORDS",
    "MAX_WORDS",
    "CheckResult",
    "Finding",
    "FollowUpDates",
    "add_business_days",
    "review_request",
    "review_thank_you",
    "follow_up_dates",
    "job_request",
    "job_words",
]

#: Word limit for a request note (*The 2-Hour Job Search*, second edition).
MAX_WORDS = 75
#: The looser limit of the book's first edition.
FIRST_EDITION_MAX_WORDS = 100


# ------------------------------------------------------------------ records


@dataclass(frozen=True)
class Finding:
    """The outcome of one rule applied to one note.

    Parameters
    ----------
    rule : str
        A short, stable name such as ``"word-count"``.
    passed : bool
        Whether the note follows the rule.
    message : str
        What was found, and when the rule failed, what to change.

    Examples
    --------
    >>> print(Finding("word-count", False, "Your note is 92 words; aim for under 75."))
    ✗ word-count: Your note is 92 words; aim for under 75.
    """

    rule: str
    passed: bool
    message: str

    def __str__(self) -> str:
        return f"{'✓' if self.passed else '✗'} {self.rule}: {self.message}"


@dataclass(frozen=True)
class CheckResult:
    """Every finding for one note, in the order the rules were applied.

    Parameters
    ----------
    subject : str
        What was checked, such as ``"request"`` or ``"thank-you note"``.
    findings : tuple of Finding

    Examples
    --------
    >>> result = CheckResult("request", (Finding("a", True, "fine"), Finding("b", False, "fix")))
    >>> result.passed, [f.rule for f in result.failures], result["b"].message
    (False, ['b'], 'fix')
    >>> print(result)
    request: 1 of 2 checks passed
    ✓ a: fine
    ✗ b: fix
    """

    subject: str
    findings: tuple[Finding, ...]

    @property
    def passed(self) -> bool:
        """True when every rule passed."""
        return all(f.passed for f in self.findings)

    @property
    def failures(self) -> tuple[Finding, ...]:
        """The findings whose rule failed."""
        return tuple(f for f in self.findings if not f.passed)

    @property
    def rules(self) -> tuple[str, ...]:
        """The names of the rules applied."""
        return tuple(f.rule for f in self.findings)

    def __getitem__(self, rule: str) -> Finding:
        for finding in self.findings:
            if finding.rule == rule:
                return finding
        raise KeyError(f"no rule {rule!r}; the rules are {', '.join(self.rules)}")

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __str__(self) -> str:
        ok = sum(f.passed for f in self.findings)
        head = f"{self.subject}: {ok} of {len(self.findings)} checks passed"
        return "\n".join([head, *map(str, self.findings)])


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


# ------------------------------------------------------------ vocabulary

_JOB_WORDS = re.compile(
    r"\b(jobs?|positions?|openings?|hiring|hire[sd]?|r[eé]sum[eé]s?|cvs?|"
    r"vacanc(?:y|ies)|internships?)\b|\bpick(?:ing)?\s+your\s+brains?\b",
    re.IGNORECASE,
)

_JOB_REQUESTS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:are|is)\s+(?:you\s+|your\s+\w+\s+|\w+\s+)?(?:currently\s+|still\s+)?hiring\b",
        r"\b(?:any|an?)\s+(?:job\s+)?(?:openings?|vacanc(?:y|ies))\b",
        r"\bopen\s+(?:positions?|roles?|jobs?)\b",
        r"\b(?:hire|employ|recruit)\s+me\b",
        r"\b(?:give|offer|find|get)\s+me\s+(?:a|an|the)\s+"
        r"(?:job|position|role|internship|placement|interview)\b",
        r"\b(?:refer|recommend)\s+me\b",
        r"\b(?:pass|forward|send|share|look\s+at|review|read)\s+(?:along\s+|on\s+|over\s+)?"
        r"my\s+(?:cv|r[eé]sum[eé]|application)\b",
        r"\bjobs?\s+for\s+me\b",
        r"\b(?:consider|keep)\s+me\s+(?:for|in\s+mind)\b",
        r"\b(?:can|could|should|may|do|how\s+do|how\s+can)\s+i\s+apply\b",
        r"\bput\s+in\s+a\s+(?:good\s+)?word\b",
        r"\binterview\s+me\b",
    )
]


def job_words(text: str) -> list[str]:
    """The words in ``text`` that talk about jobs, in order of appearance.

    A request for an informational interview should contain none of them:
    job, position, opening, hiring, résumé/CV, vacancy, internship, and the
    phrase "pick your brain".

    Examples
    --------
    >>> job_words("I saw the opening on your site and attached my résumé.")
    ['opening', 'résumé']
    >>> job_words("Would you be open to a 20-minute call?")
    []
    """
    _require_text(text, "text")
    return [m.group(0) for m in _JOB_WORDS.finditer(text)]


def job_request(text: str) -> str | None:
    """The first phrase in ``text`` that asks for a job, a referral or an interview.

    Milder than :func:`job_words`: "What does your job involve?" mentions a
    job but asks for none, so it is allowed in an interview question.

    Examples
    --------
    >>> job_request("Is your team hiring right now?")
    'Is your team hiring'
    >>> job_request("Could you forward my resume to the manager?")
    'forward my resume'
    >>> job_request("What does a typical day in your job involve?") is None
    True
    """
    _require_text(text, "text")
    found = [m for p in _JOB_REQUESTS if (m := p.search(text))]
    if not found:
        return None
    return min(found, key=lambda m: m.start()).group(0)


_YOU = frozenset(["you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll"])
_ME = frozenset(["i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"])

_CONNECTION = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:fellow|alum|alumn[ai]|alumnus|alumni|graduate\s+of|graduated\s+from|class\s+of|"
        r"classmates?)\b",
        r"\b(?:referred|suggested|recommended|introduced|mentioned|pointed\s+me|"
        r"gave\s+me\s+your\s+(?:name|details|email))\b",
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

_NUMBER_WORDS = {
    "five": 5,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "twenty-five": 25,
    "twenty five": 25,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "forty five": 45,
    "sixty": 60,
    "ninety": 90,
}
_NUM = r"(\d{1,3}|" + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True)) + ")"
_RANGE_MINUTES = re.compile(
    _NUM + r"\s*(?:-|–|—|to|or)\s*" + _NUM + r"\s*-?\s*(?:minutes?|mins?)\b", re.IGNORECASE
)
_ONE_MINUTES = re.compile(_NUM + r"\s*-?\s*(?:minutes?|mins?)\b", re.IGNORECASE)
_HOURS = [
    (re.compile(r"\bhalf\s+an?\s+hour\b|\bhalf-hour\b", re.IGNORECASE), 30),
    (re.compile(r"(?<!half )\b(?:an|one|1)\s+hours?\b", re.IGNORECASE), 60),
    (re.compile(r"\b(?:two|2)\s+hours\b", re.IGNORECASE), 120),
]

_INTEREST = re.compile(
    r"\b(?:interested\s+in|interest\s+in|curious\s+about|exploring|explore|learn(?:ing)?\s+"
    r"(?:more\s+)?about|hear(?:ing)?\s+(?:more\s+)?about|insights?\s+into|passionate\s+about|"
    r"focus(?:ed|ing)?\s+on|excited\s+about|drawn\s+to|"
    r"your\s+(?:\w+(?:'|’)s\s+)?(?:work|research|projects?|talk|article|post|paper|book|"
    r"experience|team)\s+(?:on|in|about|with)|"
    r"moving\s+into|career\s+in)\s+(?P<what>[^.?!;]{3,120})",
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

_SALUTATION = re.compile(
    r"^\s*(?:hi|hello|dear|hey|greetings|good\s+(?:morning|afternoon|evening))\b[^\n]{0,60}?"
    r"(?:[,:!]|\s*$)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^\s*(?:best(?:\s+wishes|\s+regards)?|kind\s+regards|warm\s+regards|regards|warmly|thanks|"
    r"thank\s+you|many\s+thanks|thanks\s+so\s+much|thanks\s+again|sincerely|cheers|"
    r"all\s+the\s+best|with\s+thanks|with\s+gratitude|respectfully)\s*[,.!]?\s*$",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(r"\b(?:Mr|Ms|Mrs|Mx|Dr|Prof|St|Jr|Sr|vs|etc|e\.g|i\.e|Inc|Ltd|Co)\.")
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


# ------------------------------------------------------------ text helpers


def _require_text(text: object, name: str) -> None:
    if not isinstance(text, str):
        raise InvalidParameter(f"{name} must be a string, not {type(text).__name__}")


def _body(text: str) -> str:
    """The note without its greeting and sign-off, on one line per paragraph."""
    lines = text.strip().splitlines()
    if lines:
        first = _SALUTATION.match(lines[0])
        if first:
            rest = lines[0][first.end() :].strip()
            lines = ([rest] if rest else []) + lines[1:]
    for i in range(len(lines) - 1, -1, -1):
        if _SIGN_OFF.match(lines[i]):
            lines = lines[:i]
            break
    paragraphs = re.split(r"\n\s*\n", "\n".join(lines))
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _sentences(body: str) -> list[str]:
    """Split into sentences, leaving "Dr." or "e.g." inside their sentence."""
    protected = _ABBREVIATION.sub(lambda m: m.group(0)[:-1] + "\u2024", body)
    parts = re.split(r"(?<=[.!?])[\"'’”)\]]*\s+|\n\s*\n", protected)
    return [p.replace("\u2024", ".").strip() for p in parts if p and p.strip()]


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _lower_words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _words(text)]


def _quote(sentence: str, limit: int = 60) -> str:
    return f"“{sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + '…'}”"


def _fold(text: str) -> str:
    return " ".join(_lower_words(text))


def _listing(items: Iterable[str]) -> str:
    quoted = [f"“{i}”" for i in dict.fromkeys(items)]
    if len(quoted) <= 2:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _minutes_asked(text: str) -> list[tuple[int, int]]:
    """Every stretch of time the note mentions, as (low, high) minutes."""
    found: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []

    def number(token: str) -> int:
        token = token.lower().replace("  ", " ")
        return int(token) if token.isdigit() else _NUMBER_WORDS[token]

    for m in _RANGE_MINUTES.finditer(text):
        low, high = sorted((number(m.group(1)), number(m.group(2))))
        found.append((low, high))
        spans.append(m.span())
    for m in _ONE_MINUTES.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        n = number(m.group(1))
        found.append((n, n))
    for pattern, n in _HOURS:
        found.extend((n, n) for _ in pattern.finditer(text))
    return found


# ------------------------------------------------------------ request note


def review_request(
    text: str,
    *,
    max_words: int = MAX_WORDS,
    connection: str | None = None,
    interest: str | None = None,
) -> CheckResult:
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
    CheckResult

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
    _require_text(text, "text")
    if isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1:
        raise InvalidParameter(f"max_words must be a positive whole number, not {max_words!r}")
    for name, value in (("connection", connection), ("interest", interest)):
        if value is not None:
            _require_text(value, name)
            if not _words(value):
                raise InvalidParameter(f"{name} is empty; leave it out or name it")
    body = _body(text)
    sentences = _sentences(body)
    findings = (
        _word_count(body, max_words),
        _no_job_words(body),
        _connection_first(sentences, connection),
        _ask_is_question(sentences),
        _short_time(body),
        _about_reader(body),
        _specific_interest(body, interest),
    )
    return CheckResult("request", findings)


def _word_count(body: str, max_words: int) -> Finding:
    n = len(_words(body))
    if n == 0:
        return Finding("word-count", False, "The note is empty.")
    if n < max_words:
        return Finding(
            "word-count", True, f"{n} words — under {max_words}, quick to read on a phone."
        )
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    me_heavy = max(
        paragraphs, key=lambda p: sum(w in _ME for w in _lower_words(p)) / (len(_words(p)) or 1)
    )
    hint = (
        f"cut the part about yourself ({_quote(me_heavy, 40)})"
        if any(w in _ME for w in _lower_words(me_heavy))
        else "keep only the connection, your interest and the question"
    )
    return Finding(
        "word-count",
        False,
        f"Your note is {n} words; aim for under {max_words} — {hint}.",
    )


def _no_job_words(body: str) -> Finding:
    found = job_words(body)
    if not found:
        return Finding("no-job-words", True, "No mention of jobs — it asks for advice, not work.")
    return Finding(
        "no-job-words",
        False,
        f"It mentions {_listing(found)}; leave jobs out entirely — a request for "
        "insight is easy to accept, a request for work is easy to ignore.",
    )


def _connection_first(sentences: list[str], connection: str | None) -> Finding:
    if not sentences:
        return Finding("connection-first", False, "There is no first sentence to check.")
    first = sentences[0]
    if connection is not None:
        wanted = _fold(connection)
        if wanted in _fold(first):
            return Finding("connection-first", True, f"The first sentence names {connection}.")
        elsewhere = any(wanted in _fold(s) for s in sentences[1:])
        where = "later on; move it to the first sentence" if elsewhere else "nowhere"
        return Finding(
            "connection-first",
            False,
            f"The connection ({connection}) appears {where}, so the reader first meets a "
            "stranger: open with it.",
        )
    if any(p.search(first) for p in _CONNECTION):
        return Finding("connection-first", True, f"It opens with the connection: {_quote(first)}.")
    return Finding(
        "connection-first",
        False,
        f"The first sentence ({_quote(first)}) does not say how you are connected; open with "
        "it, e.g. “I found your name in the Lakeside College alumni directory.”",
    )


def _ask_is_question(sentences: list[str]) -> Finding:
    asks = [s for s in sentences if _ASK_TOPIC.search(s) and _ASK_VERB.search(s)]
    questions = [s for s in asks if s.rstrip("\"'’”) ").endswith("?")]
    if questions:
        return Finding("ask-is-a-question", True, f"The ask is a question: {_quote(questions[0])}.")
    if asks:
        return Finding(
            "ask-is-a-question",
            False,
            f"Your ask ({_quote(asks[0])}) is a statement; make it a question, e.g. “Would you "
            "be open to a 20-minute call next week?”",
        )
    return Finding(
        "ask-is-a-question",
        False,
        "There is no request for a conversation; end with a question such as “Would you be "
        "open to a 20-minute call in the next few weeks?”",
    )


def _short_time(body: str) -> Finding:
    asked = _minutes_asked(body)
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
    words = _lower_words(body)
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
        if _fold(interest) in _fold(body):
            return Finding("specific-interest", True, f"It names your interest: {interest}.")
        return Finding(
            "specific-interest",
            False,
            f"It never mentions {interest}; name it, narrowly and then broadly.",
        )
    for m in _INTEREST.finditer(body):
        what = m.group("what").strip()
        specific = [w for w in _lower_words(what) if w not in _GENERIC and not w.isdigit()]
        if specific:
            return Finding("specific-interest", True, f"It names an interest: {_quote(what, 50)}.")
    return Finding(
        "specific-interest",
        False,
        "Say what in particular you want to learn about, narrowly and broadly — e.g. “your "
        "team's work on battery recycling, and clean energy more broadly”.",
    )


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


def _as_moment(value: object, name: str) -> date | datetime:
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, str):
        for parse in (date.fromisoformat, datetime.fromisoformat):
            try:
                return parse(value.strip())
            except ValueError:
                continue
        raise InvalidParameter(f"{name}={value!r} is not a date; write it like 2025-03-14 15:30")
    raise InvalidParameter(f"{name} must be a date or datetime, not {type(value).__name__}")


def _hours_between(met_at: object, sent_at: object) -> tuple[float, bool]:
    """Hours from meeting to note, and whether only whole days were known."""
    met = _as_moment(met_at, "met_at")
    sent = _as_moment(sent_at, "sent_at")
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
) -> CheckResult:
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
    CheckResult

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
    _require_text(text, "text")
    if takeaway is not None:
        _require_text(takeaway, "takeaway")
    hours, whole_days = _hours_between(met_at, sent_at)
    body = _body(text)
    sentences = _sentences(body)
    return CheckResult(
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
        wanted = _fold(takeaway)
        if any(wanted in _fold(s) for s in sentences):
            return Finding("concrete-takeaway", True, f"It names your takeaway: {takeaway}.")
        return Finding(
            "concrete-takeaway", False, f"It never mentions {takeaway}; say what you took away."
        )
    for s in sentences:
        m = _TAKEAWAY.search(s)
        if m and len(_words(s[m.end() :])) >= 3:
            return Finding("concrete-takeaway", True, f"It names a takeaway: {_quote(s)}.")
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
                f"{_quote(s)} asks for something new; keep the thank-you to thanks and one "
                "takeaway, and ask later if you must.",
            )
    return Finding("no-new-request", True, "It asks for nothing new.")


# ------------------------------------------------------------ 3B7


def _as_day(value: object, name: str) -> date:
    moment = _as_moment(value, name)
    return moment.date() if isinstance(moment, datetime) else moment


def _holiday_set(holidays: Iterable[object]) -> frozenset[date]:
    if isinstance(holidays, str | date):
        raise InvalidParameter("holidays must be a list of dates, not a single value")
    return frozenset(_as_day(h, "holiday") for h in holidays)


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
    day = _as_day(start, "start")
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise InvalidParameter(f"days must be a whole number of at least 0, not {days!r}")
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
    day = _as_day(sent_on, "sent_on")
    free = _holiday_set(holidays)
    return FollowUpDates(
        sent_on=day,
        second_contact_on=_add_business_days(day, 3, free),
        follow_up_on=_add_business_days(day, 7, free),
    )
