"""The interview planner: :func:`plan_interview`, its agenda and the exact
search that picks the questions.

Import these from :mod:`coffeechat.questions`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from coffeechat import _bank
from coffeechat._args import plural
from coffeechat._bank import TIARA
from coffeechat._questionbank import (
    CLOSING_IDS,
    GOALS,
    NEAR_DUPLICATE,
    Question,
    QuestionBank,
    audience_label,
    default_bank,
    infer_audience,
    jaccard,
    normalize_goal,
)
from coffeechat.contacts import Person
from coffeechat.errors import InvalidParameter, PlanError
from coffeechat.outreach import job_request

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
            f"({audience_label(self.audience)}), goals: {', '.join(self.goals)}.",
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
        bank = default_bank()
    elif not isinstance(bank, QuestionBank):
        raise InvalidParameter(f"bank must be a QuestionBank, not {type(bank).__name__}")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise InvalidParameter(f"seed must be a whole number or None, not {seed!r}")
    audience = infer_audience(interviewee)
    forced = _check_must_ask(bank, must_ask)
    avoided = _check_avoid(bank, avoid, forced)
    closing = tuple(bank[i] if i in bank else default_bank()[i] for i in CLOSING_IDS)
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
        if jaccard(words, _bank.content_words(other.text)) >= NEAR_DUPLICATE
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
        return f"none of the bank's questions on it suit {audience_label(audience)}"
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
            f"note: it is meant for {', '.join(q.audience)}, not {audience_label(audience)}"
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
