"""Questions for an informational interview, and a planner that picks the right few.

The bank shipped with Coffee Chat (``coffeechat/data/questions.csv``) holds
questions written for this course. Each has a TIARA category — Trends,
Insights, Advice, Resources, Assignments, the question types Steve Dalton
recommends in *The 2-Hour Job Search* — a topic, the people it suits, an
estimate of the minutes it takes, a value from 1 to 5 (how much insider
knowledge it tends to draw out) and a flag for questions a quick web search
answers. Those are in the bank only as examples of what to research instead:
the planner leaves them out.

:func:`plan_interview` turns goals and the minutes you asked for into an
agenda: a short opening, the questions in TIARA order, the two closing
questions ("Is there anything I should have asked?" and "Who else should I
talk to?") and thanks, with a few minutes to spare. It chooses the
questions by exact optimisation: the set that covers the most goals, then
is worth the most, within the time, with no two questions alike.

Examples
--------
>>> from coffeechat.contacts import Person
>>> ana = Person("ana", "Ana Ruiz", "Acme Health", "UX Lead", "Healthcare")
>>> plan = plan_interview(["culture", "skills"], minutes=20, interviewee=ana, seed=1)
>>> plan.covered_goals
('culture', 'skills')
>>> plan.total_minutes + plan.buffer <= 20
True
>>> plan.items[-2].text
'Who else should I talk to?'
"""

from __future__ import annotations

import difflib
import functools
import math
import random
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from coffeechat import _bank
from coffeechat._args import items as _items
from coffeechat._args import output_path, plural
from coffeechat._bank import AUDIENCES, SLOTS, TIARA, TOPICS
from coffeechat._tables import raise_problems, read_csv_rows
from coffeechat.contacts import Person
from coffeechat.errors import InvalidParameter, PlanError, QuestionBankError
from coffeechat.outreach import job_request

__all__ = [
    "AUDIENCES",
    "CLOSING_IDS",
    "GOALS",
    "NEAR_DUPLICATE",
    "SLOTS",
    "TIARA",
    "TOPICS",
    "AgendaItem",
    "InterviewPlan",
    "Question",
    "QuestionBank",
    "default_bank_path",
    "infer_audience",
    "load_bank",
    "normalize_goal",
    "plan_interview",
]

#: The goals a plan can serve: every topic except "closing".
GOALS: tuple[str, ...] = tuple(t for t in TOPICS if t != "closing")

#: Ids of the two questions every plan closes with, in order.
CLOSING_IDS: tuple[str, str] = ("closing-anything-else", "closing-who-else")

#: Two questions whose content words overlap at least this much are near-duplicates.
NEAR_DUPLICATE = 0.6

_OPENING = (
    (0.5, "Thank them for making the time, and say you will finish within {minutes} minutes."),
    (
        0.5,
        "Introduce yourself in 30 seconds: who you are, what you are exploring, and why you "
        "wanted to talk with them in particular.",
    ),
)
_THANKS = (
    0.5,
    "Thank them again, say what you will do next (such as contacting the people they "
    "suggested), and finish on time.",
)
MIN_MINUTES = 5
MAX_MINUTES = 60


# ------------------------------------------------------------------ questions


@dataclass(frozen=True)
class Question:
    """One question in a bank.

    Parameters
    ----------
    id : str
        A short unique name, such as ``"cu-who-thrives"``.
    text : str
        The question, ending with "?"; may use the slots ``{organization}``,
        ``{role}`` and ``{industry}`` (see :meth:`ask`).
    category : str
        Its TIARA category: trends, insights, advice, resources or assignments.
    topic : str
        One of :data:`TOPICS`.
    audience : tuple of str
        Who it suits (:data:`AUDIENCES`); ``("any",)`` suits everyone.
    minutes : float
        About how long it takes to ask and hear the answer, in steps of 0.5.
    searchable : bool
        True when a quick web search answers it (research it, don't ask it).
    value : int
        1 to 5: how much insider knowledge it tends to draw out.
    group : str
        Questions sharing a group are near-duplicates; a plan asks one at most.

    Raises
    ------
    QuestionBankError
        If a field is not valid; synonyms such as "trend" are accepted and
        stored in their usual spelling.

    Examples
    --------
    >>> q = Question("x", "What surprised you most as {role}?", "insight", "Day to day")
    >>> q.category, q.topic, q.audience, q.minutes
    ('insights', 'day-to-day', ('any',), 2.0)
    >>> q.ask(Person("p", "Pat", role="Data Analyst"))
    'What surprised you most as Data Analyst?'
    """

    id: str
    text: str
    category: str
    topic: str
    audience: tuple[str, ...] = ("any",)
    minutes: float = 2.0
    searchable: bool = False
    value: int = 3
    group: str = ""

    def __post_init__(self) -> None:
        fields, problems = _bank.parse_question_row(_as_row(self))
        if problems:
            raise QuestionBankError(f"question {self.id!r}: {problems[0][1]}")
        for name, value in fields.items():
            object.__setattr__(self, name, value)

    def suits(self, audience: Iterable[str]) -> bool:
        """Whether the question suits someone in any of ``audience``."""
        return "any" in self.audience or any(a in self.audience for a in audience)

    def ask(self, interviewee: Person | None = None) -> str:
        """The text with its slots filled from ``interviewee``.

        A missing value reads naturally: "at your organization", "in your
        industry", "in your role".
        """
        return _bank.fill(self.text, _slot_values(interviewee))


def _as_row(q: Question) -> dict[str, str]:
    audience = q.audience if isinstance(q.audience, tuple | list) else (q.audience,)
    flag = q.searchable
    return {
        "id": str(q.id),
        "text": str(q.text),
        "category": str(q.category),
        "topic": str(q.topic),
        "audience": ";".join(map(str, audience)),
        "minutes": "" if isinstance(q.minutes, bool) else str(q.minutes),
        "searchable": ("yes" if flag else "no") if isinstance(flag, bool) else str(flag),
        "value": "" if isinstance(q.value, bool) else str(q.value),
        "group": str(q.group),
    }


def _slot_values(interviewee: Person | str | None) -> dict[str, str]:
    if not isinstance(interviewee, Person):
        return {}
    values = {s: str(getattr(interviewee, s) or "").strip() for s in SLOTS}
    if "industry" in values:
        values["industry"] = _common_noun(values["industry"])
    return values


def _common_noun(text: str) -> str:
    """An industry name as it reads mid-sentence: "Health care" -> "health care".

    Words written in capitals ("UX", "SaaS") keep them.
    """
    return " ".join(
        word if sum(ch.isupper() for ch in word) > 1 else word.lower() for word in text.split()
    )


class QuestionBank:
    """An ordered, read-only collection of questions with unique ids.

    Build one with :func:`load_bank` (the bundled bank, your own CSV files,
    or both) or from :class:`Question` records.

    Parameters
    ----------
    questions : iterable of Question

    Raises
    ------
    QuestionBankError
        If two questions share an id or the same text.

    Examples
    --------
    >>> bank = load_bank()
    >>> len(bank) >= 120
    True
    >>> bank["closing-who-else"].text
    'Who else should I talk to?'
    >>> small = QuestionBank([Question("a", "What do you enjoy most?", "insights", "culture")])
    >>> "a" in small, len(small.merge(QuestionBank([])))
    (True, 1)
    """

    def __init__(self, questions: Iterable[Question]) -> None:
        self._build(questions, {})

    @classmethod
    def _from_files(cls, questions: Iterable[Question], origins: Mapping[str, str]) -> QuestionBank:
        """A bank whose questions came from files: ``origins`` maps id to ``file:line``."""
        bank = cls.__new__(cls)
        bank._build(questions, origins)
        return bank

    def _build(self, questions: Iterable[Question], origins: Mapping[str, str]) -> None:
        items = tuple(_items(questions, "questions"))
        origins = dict(origins)
        by_id: dict[str, Question] = {}
        by_text: dict[str, str] = {}
        for q in items:
            if not isinstance(q, Question):
                raise InvalidParameter(f"a bank holds Question records, not {type(q).__name__}")
            here = origins.get(q.id, f"question {q.id!r}")
            if q.id in by_id:
                raise QuestionBankError(f"{here}: id {q.id!r} is used twice")
            text_key = _bank.key(q.text)
            if text_key in by_text:
                first = by_text[text_key]
                raise QuestionBankError(
                    f"{here}: repeats the text of {first!r} ({origins.get(first, 'same bank')})"
                )
            by_id[q.id] = q
            by_text[text_key] = q.id
        self._questions = items
        self._by_id = by_id
        self._origins = origins

    # -------------------------------------------------------------- basics
    def __len__(self) -> int:
        return len(self._questions)

    def __iter__(self) -> Iterator[Question]:
        return iter(self._questions)

    def __contains__(self, question_id: object) -> bool:
        return question_id in self._by_id

    def __getitem__(self, question_id: str) -> Question:
        try:
            return self._by_id[question_id]
        except (KeyError, TypeError) as err:
            raise QuestionBankError(self._unknown(question_id)) from err

    def __repr__(self) -> str:
        return f"QuestionBank({len(self)} questions)"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, QuestionBank):
            return NotImplemented
        return self._questions == other._questions

    __hash__ = None  # type: ignore[assignment]

    def _unknown(self, question_id: object) -> str:
        close = difflib.get_close_matches(str(question_id), list(self._by_id), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        return f"no question with id {question_id!r} in this bank of {len(self)}{hint}"

    @property
    def ids(self) -> tuple[str, ...]:
        """The question ids, in bank order."""
        return tuple(self._by_id)

    def where(self, question_id: str) -> str:
        """Where a question came from: ``file:line`` or "" when built in code."""
        return self._origins.get(question_id, "")

    def merge(self, other: QuestionBank) -> QuestionBank:
        """A bank with this bank's questions followed by ``other``'s.

        Raises
        ------
        QuestionBankError
            If an id or a text appears in both.
        """
        if not isinstance(other, QuestionBank):
            raise InvalidParameter(f"can only merge a QuestionBank, not {type(other).__name__}")
        return QuestionBank._from_files(
            [*self._questions, *other._questions], {**self._origins, **other._origins}
        )

    def to_frame(self) -> pd.DataFrame:
        """The bank as a DataFrame, one row a question (audience joined by ``;``)."""
        rows = [
            {
                "id": q.id,
                "text": q.text,
                "category": q.category,
                "topic": q.topic,
                "audience": ";".join(q.audience),
                "minutes": q.minutes,
                "searchable": q.searchable,
                "value": q.value,
                "group": q.group,
            }
            for q in self._questions
        ]
        return pd.DataFrame(rows, columns=list(_bank.COLUMNS))

    def to_csv(self, path: str | Path) -> None:
        """Write the bank in the format :func:`load_bank` reads."""
        frame = self.to_frame()
        frame["minutes"] = [f"{m:g}" for m in frame["minutes"]]
        frame["searchable"] = ["yes" if s else "no" for s in frame["searchable"]]
        frame.to_csv(output_path(path), index=False, lineterminator="\n")

    # -------------------------------------------------------------- duplicates
    @functools.cached_property
    def _components(self) -> dict[str, str]:
        """Question id -> id of the first question of its near-duplicate cluster."""
        parent = {q.id: q.id for q in self._questions}

        def root(i: str) -> str:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for a, b in self.near_duplicates():
            ra, rb = root(a), root(b)
            if ra != rb:
                first, second = sorted((ra, rb), key=self.ids.index)
                parent[second] = first
        return {q.id: root(q.id) for q in self._questions}

    def near_duplicates(self) -> list[tuple[str, str]]:
        """Pairs of questions a plan should not ask together.

        Two questions are near-duplicates when they share a ``group`` or when
        at least :data:`NEAR_DUPLICATE` of their content words are the same.
        A plan asks at most one question of each cluster of near-duplicates.

        Examples
        --------
        >>> bank = QuestionBank([
        ...     Question("a", "What does a typical week look like?", "assignments", "day-to-day"),
        ...     Question("b", "What does a typical week look like as {role}?", "assignments",
        ...              "day-to-day"),
        ...     Question("c", "Which tools do you use?", "resources", "skills"),
        ... ])
        >>> bank.near_duplicates()
        [('a', 'b')]
        """
        words = [_bank.content_words(q.text) for q in self._questions]
        pairs = []
        qs = self._questions
        for i in range(len(qs)):
            for j in range(i + 1, len(qs)):
                same_group = bool(qs[i].group) and qs[i].group == qs[j].group
                if same_group or _jaccard(words[i], words[j]) >= NEAR_DUPLICATE:
                    pairs.append((qs[i].id, qs[j].id))
        return pairs

    def cluster(self, question_id: str) -> str:
        """The id naming ``question_id``'s cluster of near-duplicates."""
        self[question_id]
        return self._components[question_id]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def default_bank_path() -> Path:
    """The path of the question bank shipped with Coffee Chat."""
    return Path(str(resources.files("coffeechat").joinpath("data", "questions.csv")))


@functools.lru_cache(maxsize=1)
def _default_bank() -> QuestionBank:
    return _read_bank(default_bank_path())


def load_bank(*paths: str | Path, include_default: bool = True) -> QuestionBank:
    """Load the bundled question bank and, optionally, your own CSV files.

    A bank file is CSV with a header row. The columns ``id``, ``text``,
    ``category`` and ``topic`` are required; ``audience`` (default ``any``;
    several separated by ``;``), ``minutes`` (default 2), ``searchable``
    (default ``no``), ``value`` (default 3) and ``group`` are optional.
    Every row is checked; all the problems found are reported together,
    one line each, as ``file:line:column: problem``.

    Parameters
    ----------
    *paths : str or pathlib.Path
        Your own bank files, added after the bundled questions.
    include_default : bool, default True
        Start from the bundled bank; False loads only ``paths``.

    Returns
    -------
    QuestionBank

    Raises
    ------
    QuestionBankError
        For a missing file, an unknown or missing column, a bad row, a
        repeated id or text, or a question that asks for a job. The error's
        ``problems`` attribute lists each problem.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> mine = folder / "mine.csv"
    >>> _ = mine.write_text(
    ...     "id,text,category,topic\\n"
    ...     "my-1,What would you tell your younger self about {industry}?,advice,career path\\n")
    >>> len(load_bank(mine)) == len(load_bank()) + 1
    True
    >>> _ = mine.write_text("id,text,category,topic\\nbad,Any openings for me?,advice,skills\\n")
    >>> load_bank(mine, include_default=False)
    Traceback (most recent call last):
    ...
    coffeechat.errors.QuestionBankError: .../mine.csv:2:2: text asks for a job ('Any openings'); ...
    """
    if not isinstance(include_default, bool):
        raise InvalidParameter("include_default must be True or False")
    bank = _default_bank() if include_default else QuestionBank([])
    for path in paths:
        if not isinstance(path, str | Path):
            raise InvalidParameter(f"a bank path must be a str or Path, not {type(path).__name__}")
        bank = bank.merge(_read_bank(Path(path)))
    return bank


def _read_bank(path: Path) -> QuestionBank:
    table = read_csv_rows(path, QuestionBankError)
    origin = table.origin("question bank")
    problems: list[str] = []
    for col, name in enumerate(table.header, start=1):
        if name not in _bank.COLUMNS:
            problems.append(
                f"{path}:{table.header_line}:{col}: unknown column {name!r}; the columns are "
                + ", ".join(_bank.COLUMNS)
            )
    for name in _bank.REQUIRED:
        if name not in table.header:
            problems.append(origin.missing(name, _bank.REQUIRED))
    raise_problems(problems, QuestionBankError)
    questions: list[Question] = []
    origins: dict[str, str] = {}
    first_line: dict[str, int] = {}
    first_text: dict[str, int] = {}
    for position, (line, raw) in enumerate(table.rows):
        fields, row_problems = _bank.parse_question_row(raw)
        problems.extend(f"{origin.at(position, c)}: {m}" for c, m in row_problems)
        qid = str(fields["id"])
        if qid in first_line:
            problems.append(
                f"{origin.at(position, 'id')}: id {qid!r} is already used on line {first_line[qid]}"
            )
        text_key = _bank.key(fields["text"])
        if text_key and text_key in first_text:
            problems.append(
                f"{origin.at(position, 'text')}: same text as line {first_text[text_key]}"
            )
        first_line.setdefault(qid, line)
        first_text.setdefault(text_key, line)
        if not row_problems and qid not in origins:
            questions.append(Question(**fields))  # type: ignore[arg-type]
            origins[qid] = f"{path}:{line}"
    raise_problems(problems, QuestionBankError)
    return QuestionBank._from_files(questions, origins)


# ------------------------------------------------------------------ goals and audience


def normalize_goal(goal: str) -> str:
    """The goal in :data:`GOALS` that ``goal`` names.

    Raises
    ------
    PlanError
        If ``goal`` names no goal; the message lists the goals.

    Examples
    --------
    >>> normalize_goal("Company culture"), normalize_goal("salary")
    ('culture', 'pay and schedule')
    >>> normalize_goal("fame")
    Traceback (most recent call last):
    ...
    coffeechat.errors.PlanError: unknown goal 'fame'; choose from: career path, ...
    """
    if not isinstance(goal, str):
        raise InvalidParameter(f"a goal must be a string, not {type(goal).__name__}")
    topic = _bank.normalize_topic(goal)
    if topic is None or topic == "closing":
        close = difflib.get_close_matches(_bank.key(goal), list(GOALS), n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise PlanError(f"unknown goal {goal!r}; choose from: {', '.join(GOALS)}{hint}")
    return topic


_RECRUITER = re.compile(
    r"\b(?:recruit\w*|talent|sourc(?:er|ing)|human resources|hr|people (?:partner|operations))\b"
)
_EXECUTIVE = re.compile(
    r"\b(?:director|vp|svp|evp|vice president|head|chief|ceo|cto|cfo|coo|cio|cmo|cpo|"
    r"founder|cofounder|co founder|president|owner|partner|general manager|gm)\b"
)
_MANAGER = re.compile(r"\b(?:manager|management|lead|leader|supervisor)\b")
_ALUMNI_TAGS = frozenset(["alumni", "alum", "alumnus", "alumna", "alumnae"])


def infer_audience(interviewee: Person | str | None) -> tuple[str, ...]:
    """Which audiences an interviewee belongs to, from their role and tags.

    A recruiter or talent role is ``recruiter``; director, VP, head, chief,
    founder and the like are ``executive``; manager or lead is ``manager``;
    anyone else is a ``peer``. A tag such as "alumni" adds ``alumni``. A
    string may name an audience directly or give a role. ``None`` (nothing
    known) gives an empty tuple: only questions for "any" suit.

    Examples
    --------
    >>> infer_audience(Person("d", "Dana", role="Senior Talent Partner"))
    ('recruiter',)
    >>> infer_audience(Person("e", "Eli", role="VP Engineering", tags=("Alumni",)))
    ('executive', 'alumni')
    >>> infer_audience("Team Lead"), infer_audience("Data Analyst"), infer_audience(None)
    (('manager',), ('peer',), ())
    """
    if interviewee is None:
        return ()
    if isinstance(interviewee, str):
        named = _bank.normalize_audience(interviewee)
        if named is not None:
            return () if named == "any" else (named,)
        role, tags = interviewee, ()
    elif isinstance(interviewee, Person):
        role, tags = interviewee.role, interviewee.tags
    else:
        raise PlanError(
            f"interviewee must be a Person, a role or None, not {type(interviewee).__name__}"
        )
    words = _bank.key(role)
    if _RECRUITER.search(words):
        audience = ["recruiter"]
    elif _EXECUTIVE.search(words):
        audience = ["executive"]
    elif _MANAGER.search(words):
        audience = ["manager"]
    else:
        audience = ["peer"]
    if any(set(_bank.key(t).split()) & _ALUMNI_TAGS for t in tags):
        audience.append("alumni")
    return tuple(audience)


def _audience_label(audience: tuple[str, ...]) -> str:
    if not audience:
        return "someone whose role you don't know"
    names = {
        "peer": "a peer",
        "manager": "a manager",
        "executive": "an executive",
        "recruiter": "a recruiter",
        "alumni": "a fellow alum",
    }
    label = names[audience[0]]
    return label + (" and fellow alum" if "alumni" in audience[1:] else "")


# ------------------------------------------------------------------ plans


@dataclass(frozen=True)
class AgendaItem:
    """One line of an interview agenda.

    Parameters
    ----------
    start : float
        Minutes from the start of the conversation.
    minutes : float
        How long it is planned to take.
    section : str
        ``"opening"``, ``"questions"``, ``"closing"`` or ``"thanks"``.
    text : str
        What to say or ask, slots filled.
    question : Question or None
        The bank question, for questions.
    why : str
        Why it is on the agenda.
    """

    start: float
    minutes: float
    section: str
    text: str
    question: Question | None = None
    why: str = ""

    @property
    def end(self) -> float:
        """When the item is planned to finish, in minutes from the start."""
        return self.start + self.minutes


@dataclass(frozen=True)
class InterviewPlan:
    """An agenda for one informational interview; made by :func:`plan_interview`.

    Parameters
    ----------
    goals : tuple of str
        The goals asked for, in the order given.
    minutes : float
        The time asked for; the agenda plus :attr:`buffer` never exceeds it.
    items : tuple of AgendaItem
        The agenda, in order.
    buffer : float
        Minutes left free for follow-up questions and a late start.
    question_budget : float
        Minutes that were available for questions between opening and closing.
    audience : tuple of str
        The audiences the interviewee belongs to (see :func:`infer_audience`).
    interviewee : str
        Who the plan is for, in words (empty when unknown).
    left_out : tuple of (str, str)
        Each goal the plan could not cover, with the reason.
    notes : tuple of str
        What the planner filtered out, for :meth:`explain`.
    seed : int or None
        The seed that broke ties between equally good sets of questions.
    """

    goals: tuple[str, ...]
    minutes: float
    items: tuple[AgendaItem, ...]
    buffer: float
    question_budget: float
    audience: tuple[str, ...] = ()
    interviewee: str = ""
    left_out: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = field(default=())
    seed: int | None = None

    @property
    def questions(self) -> tuple[Question, ...]:
        """The questions of the main part, in the order they are asked."""
        return tuple(i.question for i in self.items if i.section == "questions" and i.question)

    @property
    def closing(self) -> tuple[Question, ...]:
        """The closing questions, the referral question last."""
        return tuple(i.question for i in self.items if i.section == "closing" and i.question)

    @property
    def total_minutes(self) -> float:
        """Minutes the agenda takes, without the buffer."""
        return sum(i.minutes for i in self.items)

    @property
    def value(self) -> int:
        """Total value of the questions of the main part."""
        return sum(q.value for q in self.questions)

    @property
    def covered_goals(self) -> tuple[str, ...]:
        """The goals at least one question serves, in the order asked."""
        topics = {q.topic for q in self.questions}
        return tuple(g for g in self.goals if g in topics)

    @property
    def missing_goals(self) -> tuple[str, ...]:
        """The goals the plan leaves out (see :attr:`left_out` for why)."""
        return tuple(g for g, _ in self.left_out)

    def to_frame(self) -> pd.DataFrame:
        """The agenda as a DataFrame, one row an item.

        Columns: ``start``, ``end``, ``minutes``, ``section``, ``category``,
        ``topic``, ``id``, ``text``, ``why``.
        """
        rows = [
            {
                "start": i.start,
                "end": i.end,
                "minutes": i.minutes,
                "section": i.section,
                "category": i.question.category if i.question else "",
                "topic": i.question.topic if i.question else "",
                "id": i.question.id if i.question else "",
                "text": i.text,
                "why": i.why,
            }
            for i in self.items
        ]
        columns = ["start", "end", "minutes", "section", "category", "topic", "id", "text", "why"]
        return pd.DataFrame(rows, columns=columns)

    def to_markdown(self) -> str:
        """A one-page agenda with timings, as Markdown to print or display."""
        who = f" with {self.interviewee}" if self.interviewee else ""
        lines = [
            f"# Informational interview{who}",
            "",
            f"**Time asked for:** {_fmt(self.minutes)} minutes · "
            f"**Goals:** {', '.join(self.goals)}",
            "",
            "| Start | Min | Part | Say or ask |",
            "|------:|----:|------|------------|",
        ]
        for item in self.items:
            part = item.section.capitalize()
            if item.question is not None and item.section == "questions":
                part = item.question.category.capitalize()
            text = item.text.replace("|", "\\|")
            lines.append(f"| {_clock(item.start)} | {_fmt(item.minutes)} | {part} | {text} |")
        lines += [
            "",
            f"Planned: {_fmt(self.total_minutes)} of {_fmt(self.minutes)} minutes, leaving "
            f"{_fmt(self.minutes - self.total_minutes)} for follow-up questions. Listen more "
            "than you talk, and never ask for a job.",
        ]
        for goal, reason in self.left_out:
            lines.append(f"\n*Left out — {goal}:* {reason}")
        return "\n".join(lines) + "\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def explain(self) -> str:
        """Why each item is on the agenda, and what was left out and why."""
        lines = [
            f"A {_fmt(self.minutes)}-minute plan for {self.interviewee or 'your interviewee'} "
            f"({_audience_label(self.audience)}), goals: {', '.join(self.goals)}.",
            f"Opening and thanks take {_fmt(_opening_minutes() + _THANKS[0])} minutes, the "
            f"closing questions {_fmt(sum(q.minutes for q in self.closing))}, and "
            f"{_fmt(self.buffer)} are kept free; {_fmt(self.question_budget)} minutes were "
            "left for questions.",
            "",
        ]
        for item in self.items:
            if item.question is not None:
                lines.append(f"- {item.question.id}: {item.why}")
        lines.append("")
        lines.extend(self.notes)
        for goal, reason in self.left_out:
            lines.append(f"Goal {goal!r} is left out: {reason}")
        return "\n".join(lines).rstrip() + "\n"

    def __str__(self) -> str:
        return self.to_markdown()


def _fmt(minutes: float) -> str:
    return f"{minutes:g}"


def _clock(minutes: float) -> str:
    seconds = round(minutes * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"


def _opening_minutes() -> float:
    return sum(m for m, _ in _OPENING)


def _buffer(minutes: float) -> float:
    """A tenth of the time, rounded up to half a minute, and at least one minute."""
    return max(1.0, math.ceil(minutes * 0.2) / 2)


def _question_units(minutes: float, closing_minutes: float) -> int:
    """Half-minutes left for questions in a plan of ``minutes``."""
    free = minutes - _buffer(minutes) - _opening_minutes() - _THANKS[0] - closing_minutes
    return max(0, math.floor(free * 2 + 1e-9))


# ------------------------------------------------------------------ planner


def plan_interview(
    goals: str | Iterable[str],
    minutes: float = 20,
    interviewee: Person | str | None = None,
    bank: QuestionBank | None = None,
    must_ask: Iterable[str] = (),
    avoid: Iterable[str] = (),
    seed: int | None = None,
) -> InterviewPlan:
    """Plan an informational interview: the right few questions in the time asked for.

    The agenda opens with thanks and a 30-second introduction, asks the
    chosen questions in TIARA order (trends, insights, advice, resources,
    assignments — after Steve Dalton, *The 2-Hour Job Search*), closes with
    "Is there anything I should have asked?" and "Who else should I talk
    to?", and ends with thanks. A buffer of a tenth of the time (at least a
    minute) stays free.

    The questions are chosen by an exact search (dynamic programming over
    goals covered and half-minutes used) for the set that, within the time:

    1. covers as many goals as possible — all of them whenever they fit;
    2. then has the highest total value;

    using only questions on the goals' topics that suit the interviewee, that
    a quick web search would not answer, and at most one of each cluster of
    near-duplicates (see :meth:`QuestionBank.near_duplicates`). ``seed``
    only decides between sets that are equally good.

    Parameters
    ----------
    goals : str or iterable of str
        What you want to learn about: any of :data:`GOALS` (career path,
        day-to-day, culture, industry, skills, entry paths, work environment,
        pay and schedule) or a synonym such as "salary" or "company culture".
    minutes : float, default 20
        The time you asked for, 5 to 60 minutes (15 to 30 is usual).
    interviewee : Person, str or None
        Whom you will talk to: fills ``{organization}``, ``{role}`` and
        ``{industry}`` and decides which questions suit them (see
        :func:`infer_audience`). A string names an audience or a role.
    bank : QuestionBank, optional
        The questions to choose from; the bundled bank by default.
    must_ask : iterable of str
        Ids of questions to ask whatever else is chosen (a closing question
        goes into the closing part).
    avoid : iterable of str
        Ids of questions to leave out (to leave out a topic, leave it out of
        ``goals``).
    seed : int, optional
        Breaks ties between equally good choices; the same seed gives the
        same plan.

    Returns
    -------
    InterviewPlan

    Raises
    ------
    PlanError
        For an unknown goal or question id, a time outside 5 to 60 minutes,
        must-ask questions that do not fit or repeat each other, a question
        both asked for and avoided, or a bank question that asks for a job.

    Examples
    --------
    >>> plan = plan_interview("industry", minutes=15, interviewee="recruiter", seed=0)
    >>> [item.section for item in plan.items][:3]
    ['opening', 'opening', 'questions']
    >>> plan.closing[-1].id
    'closing-who-else'
    >>> tight = plan_interview(GOALS, minutes=10, seed=0)
    >>> len(tight.left_out) > 0
    True
    """
    goal_list = _check_goals(goals)
    minutes = _check_minutes(minutes)
    if bank is None:
        bank = _default_bank()
    elif not isinstance(bank, QuestionBank):
        raise InvalidParameter(f"bank must be a QuestionBank, not {type(bank).__name__}")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise InvalidParameter(f"seed must be a whole number or None, not {seed!r}")
    audience = infer_audience(interviewee)
    forced = _check_must_ask(bank, must_ask)
    avoided = _check_avoid(bank, avoid, forced)
    closing = tuple(bank[i] if i in bank else _default_bank()[i] for i in CLOSING_IDS)
    return _plan(
        bank,
        goal_list,
        minutes,
        interviewee,
        audience,
        forced,
        avoided,
        closing,
        seed,
    )


def _strings(values: str | Iterable[str], name: str, what: str) -> list[str]:
    """One string or an iterable of strings as a list without repeats."""
    if isinstance(values, str):
        values = [values]
    try:
        items = list(values)
    except TypeError as err:
        raise InvalidParameter(f"{name} must be a list of {what}, not {values!r}") from err
    for v in items:
        if not isinstance(v, str):
            raise InvalidParameter(f"{name} must hold {what} (strings), not {v!r}")
    return list(dict.fromkeys(items))


def _check_goals(goals: str | Iterable[str]) -> tuple[str, ...]:
    items = _strings(goals, "goals", "goals")
    if not items:
        raise PlanError(f"name at least one goal; choose from: {', '.join(GOALS)}")
    return tuple(dict.fromkeys(normalize_goal(g) for g in items))


def _check_minutes(minutes: object) -> float:
    if isinstance(minutes, bool) or not isinstance(minutes, int | float):
        raise InvalidParameter(f"minutes must be a number, not {minutes!r}")
    if not math.isfinite(minutes) or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise PlanError(
            f"minutes={minutes!r} is outside {MIN_MINUTES} to {MAX_MINUTES}; ask for 15 to 30 "
            "minutes — the opening, the closing questions and a buffer alone take about 5"
        )
    return float(minutes)


def _check_must_ask(bank: QuestionBank, must_ask: Iterable[str]) -> tuple[Question, ...]:
    forced = []
    for qid in _strings(must_ask, "must_ask", "question ids"):
        if qid in CLOSING_IDS:
            continue
        if qid not in bank:
            raise PlanError(f"must_ask: {bank._unknown(qid)}")
        forced.append(bank[qid])
    seen: dict[str, str] = {}
    for q in forced:
        cluster = bank.cluster(q.id)
        if cluster in seen:
            raise PlanError(
                f"must_ask: {seen[cluster]!r} and {q.id!r} are near-duplicates; keep one"
            )
        seen[cluster] = q.id
    return tuple(forced)


def _check_avoid(
    bank: QuestionBank, avoid: Iterable[str], forced: tuple[Question, ...]
) -> frozenset[str]:
    ids = set()
    for qid in _strings(avoid, "avoid", "question ids"):
        if qid not in bank:
            hint = ""
            if _bank.normalize_topic(qid) is not None:
                hint = " (to leave out a topic, leave it out of the goals)"
            raise PlanError(f"avoid: {bank._unknown(qid)}{hint}")
        ids.add(qid)
    for q in forced:
        if q.id in ids:
            raise PlanError(f"{q.id!r} is both in must_ask and in avoid")
    return frozenset(ids)


def _plan(
    bank: QuestionBank,
    goals: tuple[str, ...],
    minutes: float,
    interviewee: Person | str | None,
    audience: tuple[str, ...],
    forced: tuple[Question, ...],
    avoided: frozenset[str],
    closing: tuple[Question, ...],
    seed: int | None,
) -> InterviewPlan:
    closing_minutes = sum(q.minutes for q in closing)
    units = _question_units(minutes, closing_minutes)
    forced_units = sum(_units(q) for q in forced)
    if forced_units > units:
        raise PlanError(
            f"the questions in must_ask take {_fmt(forced_units / 2)} minutes, but a "
            f"{_fmt(minutes)}-minute plan has only {_fmt(units / 2)} for questions; ask for "
            "more time or fewer must-ask questions"
        )
    goal_bit = {g: 1 << i for i, g in enumerate(goals)}
    blocked = {bank.cluster(q.id) for q in forced}
    for q in closing:
        blocked |= _clusters_like(bank, q)
    forced_ids = {q.id for q in forced}
    candidates: list[Question] = []
    skipped = {"searchable": 0, "audience": 0, "avoided": 0, "duplicate": 0}
    for q in bank:
        if q.topic not in goal_bit or q.id in forced_ids:
            continue
        if q.id in avoided:
            skipped["avoided"] += 1
        elif not q.suits(audience):
            skipped["audience"] += 1
        elif q.searchable:
            skipped["searchable"] += 1
        elif bank.cluster(q.id) in blocked:
            skipped["duplicate"] += 1
        else:
            candidates.append(q)

    start_mask = 0
    for q in forced:
        start_mask |= goal_bit.get(q.topic, 0)
    rng = random.Random(seed)
    ties = [rng.randrange(1 << 16) if seed is not None else 0 for _ in candidates]
    clusters: dict[str, list[int]] = {}
    for i, q in enumerate(candidates):
        clusters.setdefault(bank.cluster(q.id), []).append(i)
    weights = [_units(q) for q in candidates]
    scores = [q.value * _SCALE + t for q, t in zip(candidates, ties, strict=True)]
    bits = [goal_bit[q.topic] for q in candidates]
    chosen, _ = _best_selection(
        weights, scores, bits, list(clusters.values()), units - forced_units, start_mask, len(goals)
    )
    picked = [candidates[i] for i in chosen]

    covered = {q.topic for q in (*forced, *picked)}
    left_out = tuple(
        (g, _why_left_out(g, bank, audience, avoided, candidates))
        for g in goals
        if g not in covered
    )
    if left_out and all(r == _NO_TIME for _, r in left_out):
        need = _minutes_to_cover(
            weights, bits, list(clusters.values()), start_mask, goals, forced_units, closing
        )
        advice = (
            f"a {_fmt(need)}-minute conversation would cover every goal"
            if need is not None
            else "no plan of up to 60 minutes covers every goal"
        )
        left_out = tuple((g, f"{r}; {advice}, or drop a goal") for g, r in left_out)

    items = _agenda(goals, minutes, interviewee, audience, forced, picked, closing)
    for item in items:
        asked = job_request(item.text)
        if asked:
            raise PlanError(f"question {item.question.id!r} asks for a job ({asked!r})")
    notes = _notes(skipped, len(candidates), units - forced_units)
    who = interviewee.describe() if isinstance(interviewee, Person) else (interviewee or "")
    return InterviewPlan(
        goals=goals,
        minutes=minutes,
        items=items,
        buffer=minutes - sum(i.minutes for i in items),
        question_budget=units / 2,
        audience=audience,
        interviewee=who,
        left_out=left_out,
        notes=notes,
        seed=seed,
    )


def _units(q: Question) -> int:
    return round(q.minutes * 2)


def _clusters_like(bank: QuestionBank, q: Question) -> set[str]:
    """The clusters in ``bank`` that ``q`` (perhaps from another bank) belongs to or repeats."""
    if q.id in bank:
        return {bank.cluster(q.id)}
    words = _bank.content_words(q.text)
    return {
        bank.cluster(other.id)
        for other in bank
        if _jaccard(words, _bank.content_words(other.text)) >= NEAR_DUPLICATE
    }


_NO_TIME = "not enough time for every goal"


def _why_left_out(
    goal: str,
    bank: QuestionBank,
    audience: tuple[str, ...],
    avoided: frozenset[str],
    candidates: list[Question],
) -> str:
    on_topic = [q for q in bank if q.topic == goal]
    if not on_topic:
        return "the question bank has no questions on it"
    suiting = [q for q in on_topic if q.suits(audience)]
    if not suiting:
        return f"none of the bank's questions on it suit {_audience_label(audience)}"
    usable = [q for q in suiting if not q.searchable and q.id not in avoided]
    if not usable:
        return (
            "its questions that suit the interviewee were avoided or can be answered by a "
            "quick web search — research those before you go"
        )
    if not any(q.topic == goal for q in candidates):
        return "its questions repeat ones already on the agenda"
    return _NO_TIME


def _minutes_to_cover(
    weights: list[int],
    bits: list[int],
    groups: list[list[int]],
    start_mask: int,
    goals: tuple[str, ...],
    forced_units: int,
    closing: tuple[Question, ...],
) -> float | None:
    """The shortest plan, in whole minutes, that would cover every goal."""
    per_goal = [
        max((w for w, b in zip(weights, bits, strict=True) if b == 1 << i), default=0)
        for i in range(len(goals))
    ]
    budget = sum(per_goal)
    _, cost = _best_selection(
        weights, [0] * len(weights), bits, groups, budget, start_mask, len(goals), cover=True
    )
    if cost is None:
        return None
    closing_minutes = sum(q.minutes for q in closing)
    for minutes in range(MIN_MINUTES, MAX_MINUTES + 1):
        if _question_units(minutes, closing_minutes) >= cost + forced_units:
            return float(minutes)
    return None


def _notes(skipped: dict[str, int], n: int, units: int) -> tuple[str, ...]:
    notes = [
        f"The questions were chosen by exact search among {n} candidates: no other set that "
        f"fits {_fmt(units / 2)} minutes covers more goals, or as many goals with more value."
    ]
    labels = {
        "searchable": "can be answered by a quick web search (research those first)",
        "audience": "do not suit this interviewee",
        "avoided": "were avoided as asked",
        "duplicate": "repeat a question that is asked anyway",
    }
    for name, count in skipped.items():
        if count:
            notes.append(f"Left out {plural(count, 'question')} on your goals that {labels[name]}.")
    return tuple(notes)


def _agenda(
    goals: tuple[str, ...],
    minutes: float,
    interviewee: Person | str | None,
    audience: tuple[str, ...],
    forced: tuple[Question, ...],
    picked: list[Question],
    closing: tuple[Question, ...],
) -> tuple[AgendaItem, ...]:
    person = interviewee if isinstance(interviewee, Person) else None
    forced_ids = {q.id for q in forced}
    main = [q for q in (*forced, *picked) if q.topic != "closing"]
    main.sort(
        key=lambda q: (
            TIARA.index(q.category),
            goals.index(q.topic) if q.topic in goals else len(goals),
            -q.value,
            q.id,
        )
    )
    ending = [q for q in forced if q.topic == "closing"] + list(closing)
    rows: list[tuple[float, str, str, Question | None, str]] = []
    for m, text in _OPENING:
        rows.append((m, "opening", text.format(minutes=_fmt(minutes)), None, "opening"))
    for q in main:
        rows.append(
            (q.minutes, "questions", q.ask(person), q, _why(q, goals, audience, forced_ids))
        )
    for q in ending:
        why = "closing question: it may surface what you did not know to ask"
        if q.id == CLOSING_IDS[1]:
            why = "referral question, always last: it turns one conversation into the next"
        elif q.id in forced_ids:
            why = "you asked for it (must_ask); closing questions go before the referral question"
        rows.append((q.minutes, "closing", q.ask(person), q, why))
    rows.append((_THANKS[0], "thanks", _THANKS[1], None, "thanks"))
    items = []
    clock = 0.0
    for m, section, text, q, why in rows:
        items.append(AgendaItem(clock, m, section, text, q, why))
        clock += m
    return tuple(items)


def _why(q: Question, goals: tuple[str, ...], audience: tuple[str, ...], forced: set[str]) -> str:
    parts = []
    if q.id in forced:
        parts.append("you asked for it (must_ask)")
    if q.topic in goals:
        parts.append(f"covers your goal {q.topic!r}")
    else:
        parts.append(f"on {q.topic!r}, which is not one of your goals")
    parts.append(f"TIARA: {q.category}, {_tiara_place(q.category)}")
    parts.append(f"value {q.value}/5 for {_fmt(q.minutes)} min")
    if q.id in forced and not q.suits(audience):
        parts.append(
            f"note: it is meant for {', '.join(q.audience)}, not {_audience_label(audience)}"
        )
    if q.searchable:
        parts.append("note: a quick web search may answer it — check before you ask")
    return "; ".join(parts)


def _tiara_place(category: str) -> str:
    i = TIARA.index(category)
    return "asked first" if i == 0 else f"asked after {TIARA[i - 1]}"


# ------------------------------------------------------------------ exact search

_NEG = np.int64(-(1 << 62))
_SCALE = 1 << 24


def _best_selection(
    weights: Sequence[int],
    scores: Sequence[int],
    bits: Sequence[int],
    groups: Sequence[Sequence[int]],
    budget: int,
    start_mask: int,
    n_goals: int,
    *,
    cover: bool = False,
) -> tuple[list[int], int | None]:
    """Exact choice of items: at most one per group, total weight within ``budget``.

    Dynamic programming over (goals covered as a bit mask, weight used):
    ``best[m, w]`` is the highest score of a selection that covers exactly
    the goals in ``m`` and weighs exactly ``w``. The answer maximises the
    number of goals covered, then the score, then uses the least weight.
    With ``cover=True`` it returns the least weight that covers every goal
    (or None) instead.

    Returns
    -------
    (list of int, int or None)
        The chosen item indices and the weight they use.
    """
    n_masks = 1 << n_goals
    width = budget + 1
    best = np.full((n_masks, width), _NEG, dtype=np.int64)
    best[start_mask, 0] = 0
    masks = np.arange(n_masks)
    trail: list[tuple[np.ndarray, np.ndarray]] = []
    for members in groups:
        new = best.copy()
        choice = np.full((n_masks, width), -1, dtype=np.int16)
        previous = np.repeat(masks[:, None], width, axis=1).astype(np.int32)
        for k, i in enumerate(members):
            w = weights[i]
            if w > budget:
                continue
            shifted = np.full((n_masks, width), _NEG, dtype=np.int64)
            old = best[:, : width - w]
            shifted[:, w:] = np.where(old > _NEG, old + scores[i], _NEG)
            bit = bits[i]
            for sources in (masks[(masks & bit) != 0], masks[(masks & bit) == 0]):
                targets = sources | bit
                better = shifted[sources] > new[targets]
                new[targets] = np.where(better, shifted[sources], new[targets])
                choice[targets] = np.where(better, k, choice[targets])
                previous[targets] = np.where(better, sources[:, None], previous[targets])
        best = new
        trail.append((choice, previous))

    reachable = best > _NEG
    if cover:
        full = n_masks - 1
        used = np.flatnonzero(reachable[full])
        if used.size == 0:
            return [], None
        mask, weight = full, int(used[0])
    else:
        popcount = np.array([bin(m).count("1") for m in range(n_masks)])
        goals_met = np.where(reachable, popcount[:, None], -1)
        top = goals_met == goals_met.max()
        score = np.where(top, best, _NEG)
        top &= score == score.max()
        candidates = np.argwhere(top)
        mask, weight = min(((int(m), int(w)) for m, w in candidates), key=lambda mw: mw[1])

    chosen: list[int] = []
    used_weight = weight
    for members, (choice, previous) in zip(reversed(groups), reversed(trail), strict=True):
        k = int(choice[mask, weight])
        if k >= 0:
            i = members[k]
            chosen.append(i)
            mask, weight = int(previous[mask, weight]), weight - weights[i]
    return sorted(chosen), used_weight
