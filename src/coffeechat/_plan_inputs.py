"""Checking what :func:`coffeechat.questions.plan_interview` is given.

Each check returns the value in the form the planner uses, or raises
:class:`~coffeechat.errors.InvalidParameter` for a value of the wrong kind and
:class:`~coffeechat.errors.PlanError` for one the plan cannot hold.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from coffeechat import _bank
from coffeechat._questionbank import CLOSING_IDS, GOALS, Question, QuestionBank, normalize_goal
from coffeechat.errors import InvalidParameter, PlanError

__all__ = [
    "MAX_MINUTES",
    "MIN_MINUTES",
    "check_avoid",
    "check_goals",
    "check_minutes",
    "check_must_ask",
]

MIN_MINUTES = 5
MAX_MINUTES = 60


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


def check_goals(goals: str | Iterable[str]) -> tuple[str, ...]:
    items = _strings(goals, "goals", "goals")
    if not items:
        raise PlanError(f"name at least one goal; choose from: {', '.join(GOALS)}")
    return tuple(dict.fromkeys(normalize_goal(g) for g in items))


def check_minutes(minutes: object) -> float:
    if isinstance(minutes, bool) or not isinstance(minutes, int | float):
        raise InvalidParameter(f"minutes must be a number, not {minutes!r}")
    if not math.isfinite(minutes) or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise PlanError(
            f"minutes={minutes!r} is outside {MIN_MINUTES} to {MAX_MINUTES}; ask for 15 to 30 "
            "minutes — the opening, the closing questions and a buffer alone take about 5"
        )
    return float(minutes)


def check_must_ask(bank: QuestionBank, must_ask: Iterable[str]) -> tuple[Question, ...]:
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


def check_avoid(
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
