"""The question bank's vocabulary and row rules.

The vocabularies (TIARA categories, topics, audiences, template slots) live
here, with the row checks that keep a bank file honest. Reading the file
itself is :func:`coffeechat._tables.read_csv_rows`, as for every table.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Mapping

from coffeechat._tables import key
from coffeechat.outreach import job_request

#: Dalton's TIARA question types, in the order an interview asks them.
TIARA: tuple[str, ...] = ("trends", "insights", "advice", "resources", "assignments")

#: Topic key -> what it covers. Every topic but "closing" is also a goal.
TOPICS: dict[str, str] = {
    "career path": "how they got here and where people go next",
    "day-to-day": "what the role involves from day to day",
    "culture": "company culture and values, as lived rather than advertised",
    "industry": "the industry and its suppliers, competitors and customers",
    "skills": "the skills that matter and the gaps to close",
    "entry paths": "how people find their way in",
    "work environment": "the team, its pace and how people work together",
    "pay and schedule": "pay, hours, flexibility and the shape of the year",
    "closing": "closing the conversation and the referral question",
}

#: Who a question suits; "any" suits everyone.
AUDIENCES: tuple[str, ...] = ("peer", "manager", "executive", "recruiter", "alumni", "any")

#: The slots a question may use; they are filled from the interviewee.
SLOTS: tuple[str, ...] = ("organization", "role", "industry")

#: Columns of a bank file, in the order they are written.
COLUMNS: tuple[str, ...] = (
    "id",
    "text",
    "category",
    "topic",
    "audience",
    "minutes",
    "searchable",
    "value",
    "group",
)
REQUIRED: tuple[str, ...] = ("id", "text", "category", "topic")
DEFAULTS: dict[str, str] = {
    "audience": "any",
    "minutes": "2",
    "searchable": "no",
    "value": "3",
    "group": "",
}
MAX_TEXT = 240

_TOPIC_SYNONYMS: dict[str, str] = {
    "career": "career path",
    "careers": "career path",
    "career paths": "career path",
    "career story": "career path",
    "path": "career path",
    "background": "career path",
    "day to day": "day-to-day",
    "day to day of the role": "day-to-day",
    "daily work": "day-to-day",
    "the role": "day-to-day",
    "role": "day-to-day",
    "responsibilities": "day-to-day",
    "typical day": "day-to-day",
    "company culture": "culture",
    "company culture and values": "culture",
    "culture and values": "culture",
    "values": "culture",
    "fit": "culture",
    "culture fit": "culture",
    "industry and its suppliers competitors customers": "industry",
    "industry and its suppliers competitors and customers": "industry",
    "sector": "industry",
    "market": "industry",
    "trends": "industry",
    "competitors": "industry",
    "suppliers": "industry",
    "customers": "industry",
    "skill": "skills",
    "skills and skill gaps": "skills",
    "skill gaps": "skills",
    "gaps": "skills",
    "entry": "entry paths",
    "entry path": "entry paths",
    "getting in": "entry paths",
    "breaking in": "entry paths",
    "how to get in": "entry paths",
    "getting started": "entry paths",
    "environment": "work environment",
    "workplace": "work environment",
    "team": "work environment",
    "working environment": "work environment",
    "pay": "pay and schedule",
    "salary": "pay and schedule",
    "compensation": "pay and schedule",
    "schedule": "pay and schedule",
    "hours": "pay and schedule",
    "work life balance": "pay and schedule",
    "pay schedule": "pay and schedule",
    "close": "closing",
    "wrap up": "closing",
}

_CATEGORY_SYNONYMS: dict[str, str] = {
    "trend": "trends",
    "insight": "insights",
    "assignment": "assignments",
    "resource": "resources",
    "tasks": "assignments",
    "projects": "assignments",
}

_AUDIENCE_SYNONYMS: dict[str, str] = {
    "peers": "peer",
    "managers": "manager",
    "executives": "executive",
    "exec": "executive",
    "execs": "executive",
    "recruiters": "recruiter",
    "alum": "alumni",
    "alumnus": "alumni",
    "alumna": "alumni",
    "all": "any",
    "anyone": "any",
    "everyone": "any",
}

_YES = frozenset(["yes", "y", "true", "1"])
_NO = frozenset(["no", "n", "false", "0", ""])


def yes_no(text: str) -> bool | None:
    """True for yes/y/true/1, False for no/n/false/0 or blank, None for anything else."""
    word = text.strip().lower()
    return True if word in _YES else False if word in _NO else None


def normalize_topic(text: object) -> str | None:
    """The topic ``text`` names (a key of :data:`TOPICS`), or None.

    Examples
    --------
    >>> normalize_topic("Day to day"), normalize_topic("salary"), normalize_topic("x")
    ('day-to-day', 'pay and schedule', None)
    """
    k = key(text)
    for topic in TOPICS:
        if k == key(topic):
            return topic
    return _TOPIC_SYNONYMS.get(k)


def normalize_category(text: object) -> str | None:
    """The TIARA category ``text`` names, or None."""
    k = key(text)
    return k if k in TIARA else _CATEGORY_SYNONYMS.get(k)


def normalize_audience(text: object) -> str | None:
    """The audience ``text`` names, or None."""
    k = key(text)
    return k if k in AUDIENCES else _AUDIENCE_SYNONYMS.get(k)


# ------------------------------------------------------------------ text


def template_problems(text: str) -> list[str]:
    """What is wrong with a question's text, as messages; empty when it is fine."""
    problems: list[str] = []
    if not text.strip():
        return ["text is empty"]
    if len(text) > MAX_TEXT:
        problems.append(f"text is {len(text)} characters; keep a question under {MAX_TEXT}")
    if not text.rstrip().endswith("?"):
        problems.append(f"text {text!r} should end with a question mark")
    try:
        slots = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as err:
        problems.append(f"text has a stray brace ({err}); slots look like {{organization}}")
    else:
        unknown = [s for s in slots if s not in SLOTS]
        if unknown:
            problems.append(
                f"unknown slot {{{unknown[0]}}}; the slots are "
                + ", ".join(f"{{{s}}}" for s in SLOTS)
            )
    asked = job_request(text)
    if asked:
        problems.append(f"text asks for a job ({asked!r}); an informational interview never does")
    return problems


#: Titles held by one person, said without an article: "as head of design".
_TITLES = frozenset(["head", "chief", "founder", "director", "managing", "president", "vice"])


def with_article(role: str) -> str:
    """A role as it follows "as": "a UX Lead", "an Engineering Manager", "Head of Design".

    A title one person holds (head, chief, founder, director) takes no
    article; an abbreviation is read letter by letter ("an MP", "a UX Lead").

    Examples
    --------
    >>> with_article("UX Lead"), with_article("Engineering Manager")
    ('a UX Lead', 'an Engineering Manager')
    >>> with_article("Head of UX Research"), with_article("user researcher")
    ('Head of UX Research', 'a user researcher')
    """
    words = role.split()
    if not words or words[0].lower() in _TITLES:
        return role
    first = words[0]
    if len(first) > 1 and first.isupper():
        vowel = first[0] in "AEFHILMNORSX"  # the letter's name starts with a vowel sound
    else:
        vowel = first[0].lower() in "aeiou" and not first.lower().startswith(("uni", "use", "usu"))
    return f"{'an' if vowel else 'a'} {role}"


def common_noun(text: str) -> str:
    """A name as it reads mid-sentence: "Health care" -> "health care".

    Words written with more than one capital ("UX", "SaaS") keep them.

    >>> common_noun("Senior UX Researcher")
    'senior UX researcher'
    """
    return " ".join(
        word if sum(ch.isupper() for ch in word) > 1 else word.lower() for word in text.split()
    )


def fill(text: str, values: Mapping[str, str]) -> str:
    """Fill a question's slots; a missing value reads as "your organization" etc.

    ``as {role}`` takes an article ("as a UX Lead"), and becomes "in your
    role" when the role is unknown.

    Examples
    --------
    >>> fill("What surprised you in your first year as {role}?", {"role": "UX Lead"})
    'What surprised you in your first year as a UX Lead?'
    >>> fill("What surprised you in your first year as {role} at {organization}?", {})
    'What surprised you in your first year in your role at your organization?'
    """

    def as_role(match: re.Match[str]) -> str:
        role = values.get("role", "")
        return f"as {with_article(role)}" if role else "in your role"

    text = re.sub(r"\bas \{role\}", as_role, text)
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m[1], "") or f"your {m[1]}", text)


# fmt: off
_STOP = frozenset([
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "with",
    "by", "as", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing",
    "have", "has", "had", "what", "which", "who", "whom", "whose", "when", "where", "why",
    "how", "that", "this", "these", "those", "it", "its", "you", "your", "yours", "i", "me",
    "my", "we", "our", "us", "they", "them", "their", "he", "she", "his", "her", "there",
    "here", "than", "then", "so", "if", "about", "into", "over", "most", "more", "some", "any",
    "all", "each", "much", "many", "very", "can", "could", "would", "should", "will", "may",
    "might", "must", "just", "also", "still", "like", "one", "usually", "tend", "often", "s",
    "t"
])
# fmt: on


def content_words(text: str) -> frozenset[str]:
    """The words of a question that carry its meaning, crudely stemmed."""
    plain = re.sub(r"\{\w+\}", " ", text.lower())
    words = re.findall(r"[a-z]+", plain)
    return frozenset(
        (w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w)
        for w in words
        if w not in _STOP
    )


def similarity(a: str, b: str) -> float:
    """Share of content words two questions have in common (Jaccard, 0 to 1).

    Examples
    --------
    >>> similarity("What does a typical week look like?",
    ...            "What does a typical week look like for you as {role}?")
    1.0
    >>> similarity("How did you start?", "Which tools do you use?")
    0.0
    """
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


# ------------------------------------------------------------------ rows


def parse_question_row(raw: Mapping[str, str]) -> tuple[dict[str, object], list[tuple[str, str]]]:
    """Typed fields of one bank row, and its problems as (column, message) pairs."""
    problems: list[tuple[str, str]] = []
    fields: dict[str, object] = {}
    value = {c: raw.get(c, DEFAULTS.get(c, "")).strip() for c in COLUMNS}

    qid = value["id"]
    if not qid:
        problems.append(("id", "id is empty"))
    elif not re.fullmatch(r"[A-Za-z0-9][\w.-]*", qid):
        problems.append(("id", f"id {qid!r} must be one word of letters, digits, '-' or '_'"))
    fields["id"] = qid

    text = " ".join(value["text"].split())
    problems.extend(("text", p) for p in template_problems(text))
    fields["text"] = text

    category = normalize_category(value["category"])
    if category is None:
        problems.append(
            ("category", f"category {value['category']!r} is not one of {', '.join(TIARA)}")
        )
    fields["category"] = category

    topic = normalize_topic(value["topic"])
    if topic is None:
        problems.append(("topic", f"topic {value['topic']!r} is not one of {', '.join(TOPICS)}"))
    fields["topic"] = topic

    audience_text = value["audience"] or "any"
    audience = []
    for part in re.split(r"[;,/|]", audience_text):
        who = normalize_audience(part)
        if who is None:
            problems.append(
                ("audience", f"audience {part.strip()!r} is not one of {', '.join(AUDIENCES)}")
            )
        elif who not in audience:
            audience.append(who)
    fields["audience"] = tuple(a for a in AUDIENCES if a in audience)

    minutes = _number(value["minutes"] or DEFAULTS["minutes"])
    if minutes is None or not 0.5 <= minutes <= 10 or (minutes * 2) % 1:
        problems.append(
            ("minutes", f"minutes {value['minutes']!r} must be 0.5 to 10 in steps of 0.5")
        )
    fields["minutes"] = minutes

    flag = yes_no(value["searchable"])
    if flag is None:
        problems.append(("searchable", f"searchable {value['searchable']!r} must be yes or no"))
    fields["searchable"] = bool(flag)

    worth = _number(value["value"] or DEFAULTS["value"])
    if worth is None or worth not in (1, 2, 3, 4, 5):
        problems.append(("value", f"value {value['value']!r} must be a whole number from 1 to 5"))
    fields["value"] = int(worth) if worth is not None and worth.is_integer() else worth

    group = value["group"]
    if group and not re.fullmatch(r"[\w.-]+", group):
        problems.append(("group", f"group {group!r} must be one word (letters, digits, '-')"))
    fields["group"] = group
    return fields, problems


def _number(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None
