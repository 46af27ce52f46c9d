"""The interview planner: :func:`plan_interview`, its agenda and the exact
search that picks the questions.

Import these from :mod:`coffeechat.questions`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from coffeechat import _bank
from coffeechat._args import plural
from coffeechat._bank import TIARA
from coffeechat._plan_inputs import (
    MAX_MINUTES,
    MIN_MINUTES,
    check_avoid,
    check_goals,
    check_minutes,
    check_must_ask,
)
from coffeechat._plansearch import SCALE, best_more, best_selection
from coffeechat._questionbank import (
    CLOSING_IDS,
    NEAR_DUPLICATE,
    Question,
    QuestionBank,
    audience_label,
    default_bank,
    infer_audience,
    jaccard,
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
#: Core questions a plan steers by: the learner's own first, the planner's after.
CORE_QUESTIONS = 3
#: Questions a plan may ask beyond the core, as time allows ("a couple more").
MORE_QUESTIONS = 2
MAX_QUESTIONS = CORE_QUESTIONS + MORE_QUESTIONS


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
    core : bool
        True for the core questions the conversation steers by.
    """

    start: float
    minutes: float
    section: str
    text: str
    question: Question | None = None
    why: str = ""
    core: bool = False

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
    def core(self) -> tuple[Question, ...]:
        """The core questions, at most three: the learner's own (``must_ask``) first."""
        return tuple(i.question for i in self.items if i.core and i.question)

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

        Columns: ``start``, ``end``, ``minutes``, ``section``, ``core``,
        ``category``, ``topic``, ``id``, ``text``, ``why``.
        """
        rows = [
            {
                "start": i.start,
                "end": i.end,
                "minutes": i.minutes,
                "section": i.section,
                "core": i.core,
                "category": i.question.category if i.question else "",
                "topic": i.question.topic if i.question else "",
                "id": i.question.id if i.question else "",
                "text": i.text,
                "why": i.why,
            }
            for i in self.items
        ]
        columns = [
            "start", "end", "minutes", "section", "core", "category", "topic", "id", "text", "why"
        ]  # fmt: skip
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
                part = item.question.category.capitalize() + (" · core" if item.core else "")
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
            f"left for questions: {plural(len(self.core), 'core question')} to steer by"
            + (
                f" and {plural(len(self.questions) - len(self.core), 'more question')} "
                "as time allows"
                if len(self.questions) > len(self.core)
                else ""
            )
            + f" (a plan asks at most {CORE_QUESTIONS} core questions and "
            f"{MORE_QUESTIONS} more).",
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


def _a(minutes: float) -> str:
    """The article for a number of minutes as it is said: "an 18-minute", "a 20-minute".

    >>> _a(18), _a(8), _a(11), _a(20), _a(80)
    ('an', 'an', 'an', 'a', 'an')
    """
    said = _fmt(minutes)
    return "an" if said.startswith("8") or said.split(".")[0] in ("11", "18") else "a"


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

    The agenda opens with thanks and a 30-second introduction, asks **three
    core questions** — the learner's own (``must_ask``) first, in the order
    given — and at most **two more** as time allows, closes with "Is there
    anything I should have asked?" and "Who else should I talk to?" (common
    practice in career guidance), and ends with thanks. The planner's
    questions are asked in TIARA order (trends, insights, advice, resources,
    assignments — after Steve Dalton, *The 2-Hour Job Search*). Each question
    is planned at :attr:`Question.planned_minutes` (3 to 4 minutes for the
    bundled bank: the question, its answer and a follow-up). A buffer of a
    tenth of the time (at least a minute) stays free, and so does any time
    the questions do not need.

    The core questions are chosen by an exact search (dynamic programming
    over goals covered, questions asked and half-minutes used) for the set
    of at most three (less the learner's own) that, within the time:

    1. covers as many goals as possible — all of them whenever they fit;
    2. then has the highest total value.

    The questions added as time allows (at most two, counting the learner's
    beyond three) are the best pair or single question that fits, by: goals
    not yet covered, then TIARA categories not yet asked, then value. All
    come from questions on the goals' topics that suit the interviewee, that
    a quick web search would not answer, at most one of each cluster of
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
        more than five must-ask questions, must-ask questions that do not fit
        or repeat each other, a question
        both asked for and avoided, or a bank question that asks for a job.

    Examples
    --------
    >>> plan = plan_interview("industry", minutes=15, interviewee="recruiter", seed=0)
    >>> [item.section for item in plan.items][:3]
    ['opening', 'opening', 'questions']
    >>> plan.closing[-1].id
    'closing-who-else'
    >>> from coffeechat.questions import GOALS
    >>> tight = plan_interview(GOALS, minutes=10, seed=0)
    >>> len(tight.left_out) > 0
    True
    """
    goal_list = check_goals(goals)
    minutes = check_minutes(minutes)
    if bank is None:
        bank = default_bank()
    elif not isinstance(bank, QuestionBank):
        raise InvalidParameter(f"bank must be a QuestionBank, not {type(bank).__name__}")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise InvalidParameter(f"seed must be a whole number or None, not {seed!r}")
    audience = infer_audience(interviewee)
    forced = check_must_ask(bank, must_ask)
    avoided = check_avoid(bank, avoid, forced)
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
    own = sum(q.topic != "closing" for q in forced)
    if own > MAX_QUESTIONS:
        raise PlanError(
            f"must_ask names {own} questions, but a plan asks at most {MAX_QUESTIONS}: "
            f"{CORE_QUESTIONS} core questions and {MORE_QUESTIONS} more; keep the ones you "
            "would regret not asking"
        )
    if forced_units > units:
        raise PlanError(
            f"the questions in must_ask take {_fmt(forced_units / 2)} minutes, but a "
            f"{_fmt(minutes)}-minute plan has only {_fmt(units / 2)} for questions; ask for "
            "more time or fewer must-ask questions"
        )
    candidates, skipped = _candidates(bank, goals, audience, forced, avoided, closing)
    core, more, left_out = _choose(
        bank, goals, audience, avoided, forced, candidates, units, closing, seed
    )
    items = _agenda(goals, minutes, interviewee, audience, forced, core, more, closing)
    for item in items:
        asked = job_request(item.text)
        if asked:
            raise PlanError(f"question {item.question.id!r} asks for a job ({asked!r})")
    notes = _notes(skipped, len(candidates), (units - forced_units) / 2)
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


def _candidates(
    bank: QuestionBank,
    goals: tuple[str, ...],
    audience: tuple[str, ...],
    forced: tuple[Question, ...],
    avoided: frozenset[str],
    closing: tuple[Question, ...],
) -> tuple[list[Question], dict[str, int]]:
    """The bank's questions the planner may choose, and how many it skipped, by reason."""
    blocked = {bank.cluster(q.id) for q in forced}
    for q in closing:
        blocked |= _clusters_like(bank, q)
    forced_ids = {q.id for q in forced}
    candidates: list[Question] = []
    skipped = {"searchable": 0, "audience": 0, "avoided": 0, "duplicate": 0}
    for q in bank:
        if q.topic not in goals or q.id in forced_ids:
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
    return candidates, skipped


def _choose(
    bank: QuestionBank,
    goals: tuple[str, ...],
    audience: tuple[str, ...],
    avoided: frozenset[str],
    forced: tuple[Question, ...],
    candidates: list[Question],
    units: int,
    closing: tuple[Question, ...],
    seed: int | None,
) -> tuple[list[Question], list[Question], tuple[tuple[str, str], ...]]:
    """The planner's core questions, the few more it asks as time allows, and goals left out.

    The core (three, less the learner's own) covers the most goals, then is
    worth the most; the few more (at most two, with the learner's) add new
    goals first, then TIARA categories not yet asked, then value.
    """
    goal_bit = {g: 1 << i for i, g in enumerate(goals)}
    start_mask = 0
    for q in forced:
        start_mask |= goal_bit.get(q.topic, 0)
    rng = random.Random(seed)
    ties = [rng.randrange(1 << 16) if seed is not None else 0 for _ in candidates]
    clusters: dict[str, list[int]] = {}
    for i, q in enumerate(candidates):
        clusters.setdefault(bank.cluster(q.id), []).append(i)
    weights = [_units(q) for q in candidates]
    scores = [q.value * SCALE + t for q, t in zip(candidates, ties, strict=True)]
    bits = [goal_bit[q.topic] for q in candidates]
    budget = units - sum(_units(q) for q in forced)
    own = sum(q.topic != "closing" for q in forced)
    core_slots = max(0, CORE_QUESTIONS - own)
    chosen, used = best_selection(
        weights, scores, bits, list(clusters.values()), budget, start_mask, len(goals), core_slots
    )
    core = [candidates[i] for i in chosen]
    more: list[Question] = []
    more_slots = MAX_QUESTIONS - max(own, CORE_QUESTIONS)
    if len(core) == core_slots and more_slots > 0:
        taken = {bank.cluster(q.id) for q in core}
        mask = start_mask
        for q in core:
            mask |= goal_bit[q.topic]
        groups = [bank.cluster(q.id) for q in candidates]
        options = [i for i, group in enumerate(groups) if group not in taken]
        asked = {q.category for q in (*forced, *core)}
        categories = [q.category for q in candidates]
        picked = best_more(
            weights, scores, bits, categories, options, budget - (used or 0), mask,
            more_slots, asked, groups,
        )  # fmt: skip
        more = [candidates[i] for i in picked]

    covered = {q.topic for q in (*forced, *core, *more)}
    left_out = tuple(
        (g, _why_left_out(g, bank, audience, avoided, candidates))
        for g in goals
        if g not in covered
    )
    if left_out and all(r == _NO_TIME for _, r in left_out):
        if len(goals) > MAX_QUESTIONS:
            advice = (
                f"a plan asks at most {MAX_QUESTIONS} questions, so it covers at most "
                f"{MAX_QUESTIONS} goals: choose the goals that matter most"
            )
        else:
            need = _minutes_to_cover(
                weights, bits, list(clusters.values()), start_mask, goals, forced, closing
            )
            advice = (
                f"{_a(need)} {_fmt(need)}-minute conversation would cover every goal, "
                "or drop a goal"
                if need is not None
                else "no plan of up to 60 minutes covers every goal; drop a goal"
            )
        left_out = tuple((g, f"{r}; {advice}") for g, r in left_out)
    return core, more, left_out


def _units(q: Question) -> int:
    return round(q.planned_minutes * 2)


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
    forced: tuple[Question, ...],
    closing: tuple[Question, ...],
) -> float | None:
    """The shortest plan, in whole minutes, whose questions would cover every goal."""
    per_goal = [
        max((w for w, b in zip(weights, bits, strict=True) if b == 1 << i), default=0)
        for i in range(len(goals))
    ]
    budget = sum(per_goal)
    slots = MAX_QUESTIONS - sum(q.topic != "closing" for q in forced)
    _, cost = best_selection(
        weights, [0] * len(weights), bits, groups, budget, start_mask, len(goals), slots, cover=True
    )
    if cost is None:
        return None
    closing_minutes = sum(q.minutes for q in closing)
    forced_units = sum(_units(q) for q in forced)
    for minutes in range(MIN_MINUTES, MAX_MINUTES + 1):
        if _question_units(minutes, closing_minutes) >= cost + forced_units:
            return float(minutes)
    return None


def _notes(skipped: dict[str, int], n: int, minutes: float) -> tuple[str, ...]:
    notes = [
        f"The questions were chosen by exact search among {n} candidates, in the "
        f"{_fmt(minutes)} minutes left for them: no other set of core questions covers more "
        "goals, or as many goals with more value; the questions added as time allows cover "
        "new goals first, then TIARA categories not yet asked, then the most value."
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
    core: list[Question],
    more: list[Question],
    closing: tuple[Question, ...],
) -> tuple[AgendaItem, ...]:
    person = interviewee if isinstance(interviewee, Person) else None
    forced_ids = {q.id for q in forced}
    own = [q for q in forced if q.topic != "closing"]
    core_ids = {q.id for q in own[:CORE_QUESTIONS]} | {q.id for q in core}
    chosen = [*own[CORE_QUESTIONS:], *core, *more]
    chosen.sort(
        key=lambda q: (
            TIARA.index(q.category),
            goals.index(q.topic) if q.topic in goals else len(goals),
            -q.value,
            q.id,
        )
    )
    main = [*own[:CORE_QUESTIONS], *chosen]
    asked = [q.category for q in main]
    ending = [q for q in forced if q.topic == "closing"] + list(closing)
    rows: list[tuple[float, str, str, Question | None, str]] = []
    for m, text in _OPENING:
        rows.append((m, "opening", text.format(minutes=_fmt(minutes)), None, "opening"))
    for place, q in enumerate(main):
        role = "core" if q.id in core_ids else "more"
        why = _why(q, goals, audience, forced_ids, role, asked[:place])
        rows.append((q.planned_minutes, "questions", q.ask(person), q, why))
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
        is_core = q is not None and section == "questions" and q.id in core_ids
        items.append(AgendaItem(clock, m, section, text, q, why, is_core))
        clock += m
    return tuple(items)


def _why(
    q: Question,
    goals: tuple[str, ...],
    audience: tuple[str, ...],
    forced: set[str],
    role: str,
    before: list[str],
) -> str:
    """Why ``q`` is on the agenda; ``before``: the categories of the questions asked before it."""
    parts = []
    if q.id in forced:
        parts.append("you asked for it (must_ask)")
    parts.append("core question" if role == "core" else "one more, as time allows")
    if q.topic in goals:
        parts.append(f"covers your goal {q.topic!r}")
    else:
        parts.append(f"on {q.topic!r}, which is not one of your goals")
    parts.append(f"TIARA: {q.category}, {_tiara_place(q.category, before)}")
    parts.append(
        f"value {q.value}/5 for {_fmt(q.planned_minutes)} min with a follow-up "
        f"({_fmt(q.minutes)} as written)"
    )
    if q.id in forced and not q.suits(audience):
        parts.append(
            f"note: it is meant for {', '.join(q.audience)}, not {audience_label(audience)}"
        )
    if q.searchable:
        parts.append("note: a quick web search may answer it — check before you ask")
    return "; ".join(parts)


def _tiara_place(category: str, before: list[str]) -> str:
    """Where the question sits among the questions actually asked, named by their categories."""
    if not before:
        return "asked first"
    previous = before[-1]
    if previous == category:
        return f"after another {category} question"
    return f"asked after the {previous} question"
