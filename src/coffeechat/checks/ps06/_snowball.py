"""Assignment 6, part (c): the snowball of referrals, simulated and expected, and its checks."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from coffeechat.checks._core import (
    Earlier,
    blame_earlier,
    brief,
    call,
    checked,
    expect_type,
    fail,
    passed,
    plural,
)
from coffeechat.snowball import expected_network_size, snowball_run


# ------------------------------------------------------ part (c): snowball
def _as_weeks(value: object, weeks: int, name: str) -> list[float]:
    if isinstance(value, pd.Series | np.ndarray | list | tuple):
        values = list(np.asarray(value).ravel()) if not isinstance(value, list | tuple) else value
    else:
        if value is None:
            fail(
                f"{name} should give the conversations of each week, but it gave None: did "
                "you forget `return`?"
            )
        fail(
            f"{name} should give a list (or array) of conversations a week, but it gave a "
            f"{type(value).__name__} ({brief(value)})."
        )
    if len(values) != weeks:
        fail(
            f"{name} was asked for {plural(weeks, 'week')} but gave {len(values)} numbers "
            f"({brief(list(values), 50)}); give one number a week, week 1 first."
        )
    try:
        numbers_ = [float(v) for v in values]
    except (TypeError, ValueError):
        fail(f"{name} gave {brief(list(values), 50)}: each week's conversations must be a number.")
    if any(n < 0 or not float(n).is_integer() for n in numbers_):
        fail(f"{name} gave {brief(list(values), 50)}: conversations are whole numbers, 0 or more.")
    return numbers_


def _run(simulate: Callable[..., Any], referrals: float, weeks: int, rng: Any) -> list[float]:
    got = call(simulate, [referrals, weeks, rng], f"simulate_snowball({referrals}, {weeks}, rng)")
    return _as_weeks(got, weeks, "simulate_snowball")


def _compare_run(simulate: Callable[..., Any], referrals: float, weeks: int, seed: int) -> None:
    first = _run(simulate, referrals, weeks, np.random.default_rng(seed))
    if first[0] != 1:
        fail(
            f"Week 1 holds your first conversation, so simulate_snowball should start with 1, "
            f"but it gave {brief(first, 50)}."
        )
    none = _run(simulate, 0, weeks, np.random.default_rng(seed))
    if any(none[1:]):
        fail(
            f"With 0 referrals a conversation nobody passes you on, so weeks 2 to {weeks} hold "
            f"no conversations, but simulate_snowball(0, {weeks}, rng) gave {brief(none, 50)}."
        )
    again = _run(simulate, referrals, weeks, np.random.default_rng(seed))
    if again != first:
        fail(
            "Two generators made with the same seed gave different snowballs "
            f"({brief(first, 40)} and {brief(again, 40)}): draw with the `rng` you are given, "
            "not np.random.poisson."
        )
    runs = 2000
    rng = np.random.default_rng(seed + 1)
    stories = np.array([_run(simulate, referrals, weeks, rng) for _ in range(runs)])
    if len({tuple(s) for s in stories[:50]}) == 1:
        fail(
            f"All 50 snowballs drawn from one generator came out the same ({brief(first, 40)}): "
            "use the `rng` you are given, and do not make a new seeded one inside the function."
        )
    means = stories.mean(axis=0)
    spread = stories.std(axis=0) / math.sqrt(runs)
    for week in range(1, weeks):
        expected = referrals**week
        if abs(means[week] - expected) > 5 * spread[week] + 0.02 * expected + 1e-9:
            fail(
                f"With {referrals} referrals a conversation, week {week + 1} should hold "
                f"{expected:g} conversations on average ({referrals} × week {week}'s), but "
                f"{runs} of your snowballs average {means[week]:.2f}: each conversation of a "
                "week brings rng.poisson(referrals) conversations the next week."
            )


@checked
def check_snowball_run(
    simulate_snowball: Callable[..., Any], referrals: float = 1.5, weeks: int = 6, seed: int = 2026
) -> None:
    """Check a learner's ``simulate_snowball(referrals, weeks, rng)`` (part c1).

    It must return one number a week (week 1 holds 1 conversation), drawn
    with the generator it is given, each conversation of a week bringing on
    average ``referrals`` conversations the next week. The averages of
    2,000 snowballs are compared with ``referrals ** (week - 1)``.
    """
    _compare_run(simulate_snowball, referrals, weeks, seed)
    passed(
        f"simulate_snowball grows like a snowball: {referrals} referrals a conversation, "
        f"week by week, from a seeded generator."
    )


_EXPECTED_CASES = ((0, 1), (0, 4), (1, 6), (2, 4), (0.5, 3), (3, 1), (1.5, 5))


def _compare_expected(expected: Callable[..., Any]) -> None:
    for referrals, weeks in _EXPECTED_CASES:
        got = call(expected, [referrals, weeks], f"expected_network_size({referrals}, {weeks})")
        want = expected_network_size(referrals, weeks)
        try:
            value = float(got)
        except (TypeError, ValueError):
            expect_type(got, (int, float), "expected_network_size", "a number")
            raise
        if not math.isclose(value, want, rel_tol=1e-6, abs_tol=1e-9):
            terms = " + ".join(f"{referrals**k:g}" for k in range(weeks))
            fail(
                f"With {referrals} referrals a conversation, {plural(weeks, 'week')} "
                f"{'holds' if weeks == 1 else 'hold'} {want:g} "
                f"{'conversation' if want == 1 else 'conversations'} in all on average "
                f"({terms}), but expected_network_size({referrals}, {weeks}) gives {got!r}."
            )


@checked
def check_expected_network(expected_network_size: Callable[..., Any]) -> None:
    """Check a learner's ``expected_network_size(referrals, weeks)`` (part c2).

    ``1 + r + r**2 + ... + r**(weeks - 1)``, including ``r = 1`` (where the
    formula with ``1 - r`` divides by zero) and ``r = 0``.
    """
    _compare_expected(expected_network_size)
    passed("expected_network_size adds up the weeks' expected conversations.")


def _reference_totals(
    simulate: Callable[..., Any], referrals: float, weeks: int, runs: int, seed: int
) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.array([sum(_run(simulate, referrals, weeks, rng)) for _ in range(runs)])


def _compare_mean(
    mean_network_size: Callable[..., Any],
    simulate: Callable[..., Any],
    referrals: float,
    weeks: int,
    runs: int,
    seed: int,
) -> None:
    label = f"mean_network_size({referrals}, {weeks}, {runs}, seed={seed})"
    got = call(mean_network_size, [referrals, weeks, runs, seed], label)
    try:
        value = float(got)
    except (TypeError, ValueError):
        expect_type(got, (int, float), "mean_network_size", "a number")
        raise
    again = float(call(mean_network_size, [referrals, weeks, runs, seed], label))
    if again != value:
        fail(
            f"{label} gave {value:g} and then {again:g}: make the generator from the seed, "
            "np.random.default_rng(seed), so the same seed gives the same mean."
        )
    totals = _reference_totals(simulate, referrals, weeks, runs, seed)
    want = float(totals.mean())
    if not math.isclose(value, want, rel_tol=1e-9, abs_tol=1e-9):
        one = sum(_run(simulate, referrals, weeks, np.random.default_rng(seed)))
        hint = "make one generator from the seed, then call simulate_snowball with it for each run"
        if math.isclose(value, one):
            hint = (
                "every run got a fresh generator with the same seed, so all runs are the "
                "same: make the generator once, before the loop"
            )
        fail(
            f"With one generator np.random.default_rng({seed}) shared by {runs} runs of your "
            f"simulate_snowball, the mean network after {plural(weeks, 'week')} is {want:.3f}, "
            f"but {label} gives {value:.3f}: {hint}."
        )
    exact = expected_network_size(referrals, weeks)
    spread = float(totals.std()) / math.sqrt(runs)
    if abs(value - exact) > 5 * spread + 0.02 * exact:
        fail(
            f"With {referrals} referrals a conversation, {plural(weeks, 'week')} should hold "
            f"{exact:.2f} conversations in all on average, but the mean of {runs} runs is "
            f"{value:.2f}: far more than chance allows, so the snowball itself grows wrongly."
        )


def _as_used(function: Any, name: str, default: Any) -> Any:
    """The ``name`` that ``function`` sees now (an earlier part swapped in, or ``default``)."""
    return getattr(function, "__globals__", {}).get(name, default)


@checked
def check_snowball_mean(
    mean_network_size: Callable[..., Any],
    simulate_snowball: Callable[..., Any],
    referrals: float = 1.5,
    weeks: int = 5,
    runs: int = 2000,
    seed: int = 2026,
) -> None:
    """Check a learner's ``mean_network_size(referrals, weeks, runs, seed)`` (part c3).

    It must make one generator ``np.random.default_rng(seed)``, run the
    learner's ``simulate_snowball`` ``runs`` times with it and return the mean
    of the totals (conversations in all the weeks). When it is wrong only
    because ``simulate_snowball`` is, the message says so.
    """

    def reference_simulate(referrals: float, weeks: int, rng: Any) -> list[int]:
        return snowball_run(referrals, weeks, rng).tolist()

    blame_earlier(
        lambda: _compare_mean(
            mean_network_size,
            _as_used(mean_network_size, "simulate_snowball", simulate_snowball),
            referrals,
            weeks,
            runs,
            seed,
        ),
        mean_network_size,
        Earlier(
            "simulate_snowball",
            "c1",
            reference_simulate,
            check=lambda f: _compare_run(f, referrals, weeks, seed),
        ),
    )
    value = float(mean_network_size(referrals, weeks, runs, seed))
    passed(
        f"mean_network_size averages the snowballs of one seeded generator: {value:.2f} "
        f"conversations over {runs} runs, against an expected "
        f"{expected_network_size(referrals, weeks):.2f}."
    )
