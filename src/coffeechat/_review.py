"""What a note's review is made of: its findings, the review itself, the job
words a note must avoid, and the helpers that split a note into body,
sentences and words.

Import the public names from :mod:`coffeechat.outreach`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from coffeechat.errors import InvalidParameter

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
class Review:
    """Every finding for one note, in the order the rules were applied.

    Parameters
    ----------
    subject : str
        What was checked, such as ``"request"`` or ``"thank-you note"``.
    findings : tuple of Finding

    Examples
    --------
    >>> result = Review("request", (Finding("a", True, "fine"), Finding("b", False, "fix")))
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
        raise InvalidParameter(f"no rule {rule!r}; the rules are {', '.join(self.rules)}")

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __str__(self) -> str:
        ok = sum(f.passed for f in self.findings)
        head = f"{self.subject}: {ok} of {len(self.findings)} checks passed"
        return "\n".join([head, *map(str, self.findings)])


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
    require_text(text, "text")
    return [m.group(0) for m in _JOB_WORDS.finditer(text)]


def no_job_words_finding(body: str, passed: str, advice: str) -> Finding:
    """The ``no-job-words`` finding of a review: ``passed``, or the job words and ``advice``.

    Examples
    --------
    >>> no_job_words_finding("Is your team hiring?", "No jobs.", "leave them out").message
    'It mentions “hiring”; leave them out'
    """
    found = job_words(body)
    if not found:
        return Finding("no-job-words", True, passed)
    return Finding("no-job-words", False, f"It mentions {listing(found)}; {advice}")


def ask_question_finding(asks: list[str], example: str, missing: str) -> Finding:
    """The ``ask-is-a-question`` finding: among the sentences that ask, is one a question?

    ``example`` is a question to suggest for an ask written as a statement;
    ``missing`` the message when nothing is asked at all.

    Examples
    --------
    >>> ask_question_finding(["I would like a call."], "“Could we talk?”", "Ask.").message
    'Your ask (“I would like a call.”) is a statement; make it a question, e.g. “Could we talk?”'
    """
    questions = [s for s in asks if s.rstrip("\"'’”) ").endswith("?")]
    if questions:
        return Finding("ask-is-a-question", True, f"The ask is a question: {quote(questions[0])}.")
    if asks:
        return Finding(
            "ask-is-a-question",
            False,
            f"Your ask ({quote(asks[0])}) is a statement; make it a question, e.g. {example}",
        )
    return Finding("ask-is-a-question", False, missing)


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
    require_text(text, "text")
    found = [m for p in _JOB_REQUESTS if (m := p.search(text))]
    if not found:
        return None
    return min(found, key=lambda m: m.start()).group(0)


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


def require_text(text: object, name: str) -> None:
    if not isinstance(text, str):
        raise InvalidParameter(f"{name} must be a string, not {type(text).__name__}")


def note_body(text: str) -> str:
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


def split_sentences(body: str) -> list[str]:
    """Split into sentences, leaving "Dr." or "e.g." inside their sentence."""
    protected = _ABBREVIATION.sub(lambda m: m.group(0)[:-1] + "\u2024", body)
    parts = re.split(r"(?<=[.!?])[\"'’”)\]]*\s+|\n\s*\n", protected)
    return [p.replace("\u2024", ".").strip() for p in parts if p and p.strip()]


def word_list(text: str) -> list[str]:
    return _WORD.findall(text)


def lower_words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in word_list(text)]


def quote(sentence: str, limit: int = 60) -> str:
    return f"“{sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + '…'}”"


def fold(text: str) -> str:
    return " ".join(lower_words(text))


def listing(items: Iterable[str]) -> str:
    quoted = [f"“{i}”" for i in dict.fromkeys(items)]
    if len(quoted) <= 2:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def minutes_asked(text: str) -> list[tuple[int, int]]:
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
