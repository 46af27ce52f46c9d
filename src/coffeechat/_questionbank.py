"""The question bank: a question, a bank of them read from CSV files, and the
goals and audiences a plan is made for.

Import these from :mod:`coffeechat.questions`.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from coffeechat import _bank
from coffeechat._args import items as _items
from coffeechat._args import output_path
from coffeechat._bank import SLOTS, TOPICS
from coffeechat._tables import raise_problems, read_csv_rows
from coffeechat.contacts import Person
from coffeechat.errors import InvalidParameter, PlanError, QuestionBankError

#: The goals a plan can serve: every topic except "closing".
GOALS: tuple[str, ...] = tuple(t for t in TOPICS if t != "closing")

#: Ids of the two questions every plan closes with, in order.
CLOSING_IDS: tuple[str, str] = ("closing-anything-else", "closing-who-else")

#: Two questions whose content words overlap at least this much are near-duplicates.
NEAR_DUPLICATE = 0.6


# ------------------------------------------------------------------ questions


#: A plan gives each question this many minutes more than it takes, for a follow-up ...
FOLLOW_UP_MINUTES = 1.0
#: ... and never fewer than this many (see :attr:`Question.planned_minutes`).
PLANNED_LEAST = 3.0


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
        A plan allows more (:attr:`planned_minutes`): time for a follow-up.
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
    'What surprised you most as a Data Analyst?'
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

    @property
    def planned_minutes(self) -> float:
        """Minutes to plan for it in a conversation: realistic, not as written.

        A question and its answer take :attr:`minutes`; listening well adds a
        follow-up on what you hear, so a plan gives each question a minute
        more, and never less than 3. A closing question keeps its own
        minutes: it ends the conversation.

        Examples
        --------
        >>> Question("x", "What do you enjoy?", "insights", "culture").planned_minutes
        3.0
        >>> Question("y", "Who else should I talk to?", "resources", "closing",
        ...          minutes=1).planned_minutes
        1.0
        """
        if self.topic == "closing":
            return self.minutes
        return max(PLANNED_LEAST, self.minutes + FOLLOW_UP_MINUTES)

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
        values["industry"] = _bank.common_noun(values["industry"])
    return values


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
                if same_group or jaccard(words[i], words[j]) >= NEAR_DUPLICATE:
                    pairs.append((qs[i].id, qs[j].id))
        return pairs

    def cluster(self, question_id: str) -> str:
        """The id naming ``question_id``'s cluster of near-duplicates."""
        self[question_id]
        return self._components[question_id]


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def default_bank_path() -> Path:
    """The path of the question bank shipped with Coffee Chat."""
    return Path(str(resources.files("coffeechat").joinpath("data", "questions.csv")))


@functools.lru_cache(maxsize=1)
def default_bank() -> QuestionBank:
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
    bank = default_bank() if include_default else QuestionBank([])
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


def audience_label(audience: tuple[str, ...]) -> str:
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
