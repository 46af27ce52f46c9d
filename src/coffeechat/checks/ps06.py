"""Checks for Assignment 6, *After the conversation* (``ps06-after-the-conversation``).

Part (a) finds the follow-ups due with pandas dates (the "3B7" routine),
part (b) times thank-you notes across time zones, part (c) simulates the
referral snowball with a seeded random generator, and part (d) adds the new
ties to the network and finds who at the target is within two
introductions. Each check works out the right answer with the library when
it runs, so the hidden checks can use other trackers, time zones and seeds.

Examples
--------
>>> from coffeechat.checks import check_expected_network
>>> def expected_network_size(referrals, weeks):
...     return referrals ** weeks
>>> try:
...     check_expected_network(expected_network_size)
... except AssertionError as err:
...     print(err)  # doctest: +ELLIPSIS
With 0 referrals a conversation, 1 week holds 1 conversation in all ...
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from coffeechat._args import a_date
from coffeechat.checks._core import (
    Assignment,
    Earlier,
    GradedTest,
    Part,
    blame_earlier,
    blank,
    brief,
    call,
    checked,
    expect_type,
    fail,
    listing,
    passed,
    plural,
)
from coffeechat.contacts import Network
from coffeechat.errors import CheckFailed, ContactDataError
from coffeechat.outreach import follow_up_dates
from coffeechat.paths import reach
from coffeechat.snowball import expected_network_size, snowball_run

#: Columns part (a)'s table must have.
DUE_TABLE_COLUMNS: tuple[str, ...] = ("contact", "due_on", "days_overdue")


def _day(value: object) -> date:
    return pd.Timestamp(value).date()


def _when(day: date) -> str:
    return f"{day:%a} {day.day} {day:%B}"


# ------------------------------------------------- part (a): follow-ups due
def _text_cell(value: object) -> str:
    return "" if blank(value) else str(value).strip()


def reference_follow_ups(tracker: pd.DataFrame, today: object) -> pd.DataFrame:
    """The right answer to part (a): one row a follow-up due today or overdue.

    A request with no reply, no meeting and no follow-up yet is due its one
    follow-up seven business days after it was sent (the library's
    :func:`coffeechat.outreach.follow_up_dates`).
    """
    day = _day(today)
    rows = []
    for record in tracker.to_dict("records"):
        if _text_cell(record.get("sent_on")) == "" or any(
            _text_cell(record.get(c)) for c in ("replied_on", "meeting_on", "followed_up_on")
        ):
            continue
        due = follow_up_dates(_day(record["sent_on"])).follow_up_on
        if due <= day:
            rows.append(
                {"contact": record["contact"], "due_on": due, "days_overdue": (day - due).days}
            )
    table = pd.DataFrame(rows, columns=list(DUE_TABLE_COLUMNS))
    return table.sort_values(
        ["days_overdue", "contact"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def _learner_day(value: object) -> date | None:
    if blank(value):
        return None
    try:
        return pd.Timestamp(value).date()
    except (ValueError, TypeError):
        return None


def _learner_days(value: object) -> float | None:
    if blank(value):
        return None
    if isinstance(value, pd.Timedelta | np.timedelta64) or hasattr(value, "total_seconds"):
        return pd.Timedelta(value).total_seconds() / 86400
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return float(value)
    return None


def _why_not_due(record: dict[str, Any], day: date) -> str:
    name = record["contact"]
    for column, reason in (
        ("replied_on", "replied on {d}: answer and agree a time — a reply needs no follow-up"),
        ("meeting_on", "already met you on {d}, so no follow-up is due"),
        ("followed_up_on", "already had your one follow-up on {d} (3B7 allows one)"),
    ):
        value = _text_cell(record.get(column))
        if value:
            return f"{name} {reason.format(d=_when(_day(value)))}, but your table lists {name}."
    sent = _day(record["sent_on"])
    due = follow_up_dates(sent).follow_up_on
    return (
        f"{name}'s request went out on {_when(sent)}; 7 business days later is {_when(due)}, "
        f"after today ({_when(day)}), so {name} is not due yet, but your table lists {name}. "
        "Count Monday to Friday only (pd.offsets.BDay(7))."
    )


def _compare_follow_ups(
    follow_ups_due: Callable[..., Any], tracker: pd.DataFrame, today: object
) -> None:
    day = _day(today)
    got = call(follow_ups_due, [tracker.copy(), today], "follow_ups_due(tracker, TODAY)")
    got = expect_type(
        got, pd.DataFrame, "follow_ups_due", "a DataFrame with one row per follow-up due"
    )
    missing = [c for c in DUE_TABLE_COLUMNS if c not in got.columns]
    if missing:
        fail(
            f"Your table has no column {listing([repr(c) for c in missing])}; it should have "
            f"the columns 'contact', 'due_on' and 'days_overdue' (it has "
            f"{listing([repr(str(c)) for c in got.columns])})."
        )
    want = reference_follow_ups(tracker, day)
    records = {r["contact"]: r for r in tracker.to_dict("records")}
    names = [str(n) for n in got["contact"]]
    if len(set(names)) < len(names):
        twice = sorted({n for n in names if names.count(n) > 1})
        fail(f"Your table lists {listing(twice)} more than once; one row a follow-up due.")
    for row in want.itertuples():
        if row.contact not in names:
            sent = _day(records[row.contact]["sent_on"])
            when = "today" if row.days_overdue == 0 else f"{plural(row.days_overdue, 'day')} ago"
            fail(
                f"{row.contact}'s request went out on {_when(sent)} with no reply and no "
                f"follow-up yet: the follow-up was due on {_when(row.due_on)} (7 business days "
                f"later), {when}, but your table leaves {row.contact} out."
            )
    for name in names:
        if name not in set(want["contact"]):
            if name not in records:
                fail(f"Your table lists {brief(name)}, who is not in the tracker.")
            fail(_why_not_due(records[name], day))
    by_name = {str(r["contact"]): r for r in got.to_dict("records")}
    for row in want.itertuples():
        theirs = by_name[row.contact]
        sent = _day(records[row.contact]["sent_on"])
        due = _learner_day(theirs["due_on"])
        if due != row.due_on:
            fail(
                f"{row.contact}'s follow-up is due on {_when(row.due_on)}, 7 business days "
                f"after the request of {_when(sent)}, but your table says "
                f"{brief(theirs['due_on'], 30)}."
            )
        late = _learner_days(theirs["days_overdue"])
        if late is None or not math.isclose(late, row.days_overdue):
            fail(
                f"{row.contact}'s follow-up, due on {_when(row.due_on)}, is "
                f"{plural(row.days_overdue, 'day')} overdue on {_when(day)} (calendar days, 0 "
                f"when due today), but your table says {brief(theirs['days_overdue'], 30)}."
            )
    lates = [_learner_days(v) for v in got["days_overdue"]]
    if any(a < b for a, b in zip(lates, lates[1:], strict=False)):  # type: ignore[operator]
        fail(
            "Your table is not in order: put the most overdue follow-up first "
            "(sort_values('days_overdue', ascending=False))."
        )


@checked(today=a_date)
def check_follow_ups_due(
    follow_ups_due: Callable[..., Any], tracker: pd.DataFrame, today: object
) -> None:
    """Check a learner's ``follow_ups_due(tracker, today)`` (part a).

    It must return a DataFrame with columns ``contact``, ``due_on`` and
    ``days_overdue``: one row for each request with no reply, no meeting and
    no follow-up yet whose follow-up (seven business days after sending) is
    due on or before ``today``, the most overdue first. ``due_on`` may be a
    date, a Timestamp or an ISO string; ``days_overdue`` counts calendar days.

    Raises
    ------
    CheckFailed
        Naming one person left out, listed wrongly, or given a wrong date.
    """
    _compare_follow_ups(follow_ups_due, tracker, today)
    due = reference_follow_ups(tracker, today)
    today_count = int((due["days_overdue"] == 0).sum())
    passed(
        f"follow_ups_due finds the {plural(len(due), 'follow-up')} due on {_when(_day(today))}: "
        f"{today_count} due today, {len(due) - today_count} overdue."
    )


# --------------------------------------------------- part (b): thank-yous
def _moments(tracker: pd.DataFrame) -> pd.DataFrame:
    met = tracker[[not blank(v) for v in tracker["met_at"]]]
    hours = (
        pd.to_datetime(met["thanked_at"], utc=True) - pd.to_datetime(met["met_at"], utc=True)
    ).dt.total_seconds() / 3600
    return pd.DataFrame(
        {
            "contact": met["contact"].to_numpy(),
            "met_at": met["met_at"].to_numpy(),
            "thanked_at": met["thanked_at"].to_numpy(),
            "hours": hours.to_numpy(),
        }
    )


def reference_thank_you_hours(tracker: pd.DataFrame) -> pd.Series:
    """The right answer to part (b1): hours from conversation to thank-you, by contact."""
    moments = _moments(tracker)
    return pd.Series(moments["hours"].to_numpy(), index=moments["contact"], name="hours")


def reference_thanked_within_a_day(tracker: pd.DataFrame) -> list[str]:
    """The right answer to part (b2): who thanked within 24 hours (24 itself counts)."""
    hours = reference_thank_you_hours(tracker)
    return sorted(hours[hours <= 24].index)


def _hours_text(hours: float) -> str:
    return f"{hours:g} hours" if hours != 1 else "1 hour"


def _stamp(text: str) -> str:
    moment = datetime.fromisoformat(str(text))
    zone = moment.strftime("%z")
    return f"{moment:%H:%M} on {moment.day} {moment:%B}, UTC{zone[:3]}:{zone[3:]}"


def _story(row: Any) -> str:
    return (
        f"{row.contact}'s thank-you went out {_hours_text(row.hours)} after the conversation "
        f"(it began at {_stamp(row.met_at)}, their time; the note left at "
        f"{_stamp(row.thanked_at)}, your time)"
    )


def _naive_hours(row: Any) -> float:
    met = datetime.fromisoformat(str(row.met_at)).replace(tzinfo=None)
    sent = datetime.fromisoformat(str(row.thanked_at)).replace(tzinfo=None)
    return (sent - met).total_seconds() / 3600


def _as_series(value: object, name: str) -> pd.Series:
    if isinstance(value, dict):
        return pd.Series(value, dtype=float)
    value = expect_type(
        value,
        pd.Series,
        name,
        "a pandas Series of hours indexed by contact",
        advice="Index it by the contact's name.",
    )
    return value


def _compare_hours(thank_you_hours: Callable[..., Any], tracker: pd.DataFrame) -> None:
    got = _as_series(
        call(thank_you_hours, [tracker.copy()], "thank_you_hours(tracker)"), "thank_you_hours"
    )
    moments = _moments(tracker)
    names = [str(n) for n in got.index]
    for row in moments.itertuples():
        if row.contact not in names:
            fail(
                f"You met {row.contact} (the conversation began at {_stamp(row.met_at)}), but "
                f"your Series has no entry for {row.contact}; give everyone you met a row, NaN "
                "when no thank-you went out yet."
            )
    extra = [n for n in names if n not in set(moments["contact"])]
    if extra:
        fail(
            f"Your Series lists {listing(extra)}, but the tracker has no conversation with "
            f"{'them' if len(extra) > 1 else extra[0]} yet (met_at is blank): leave out people "
            "you have not met."
        )
    values = dict(zip(names, got.to_numpy(), strict=True))
    for row in moments.itertuples():
        try:
            theirs = float(values[row.contact])  # type: ignore[arg-type]
        except (TypeError, ValueError):
            fail(
                f"Your hours for {row.contact} are {brief(values[row.contact], 30)}, not a "
                "number: divide the Timedelta's .total_seconds() by 3600."
            )
        if math.isnan(row.hours):
            if not math.isnan(theirs):
                fail(
                    f"{row.contact} has had no thank-you yet (thanked_at is blank), so the "
                    f"hours should be NaN, but your Series says {theirs:g}."
                )
            continue
        if math.isnan(theirs) or not math.isclose(theirs, row.hours, abs_tol=0.01):
            hint = ""
            if not math.isnan(theirs) and math.isclose(theirs, _naive_hours(row), abs_tol=0.01):
                hint = (
                    " — you compared the clocks and ignored the time zones; read both with "
                    "pd.to_datetime(..., utc=True)"
                )
            elif not math.isnan(theirs) and math.isclose(theirs, math.floor(row.hours)):
                hint = " — keep the minutes: do not round the hours down"
            fail(f"{_story(row)}, but your Series says {theirs:g}{hint}.")


@checked
def check_thank_you_hours(thank_you_hours: Callable[..., Any], tracker: pd.DataFrame) -> None:
    """Check a learner's ``thank_you_hours(tracker)`` (part b1).

    It must return a Series (or dict) indexed by contact, with one entry for
    everyone the tracker says you met (``met_at`` filled in): the hours from
    the start of the conversation to the thank-you, with the time zones taken
    into account, and NaN when no thank-you went out yet.
    """
    _compare_hours(thank_you_hours, tracker)
    moments = _moments(tracker)
    passed(f"thank_you_hours times all {plural(len(moments), 'thank-you')} across time zones.")


def _names(value: object, name: str) -> list[str]:
    if isinstance(value, pd.Series) and pd.api.types.is_bool_dtype(value):
        return [str(n) for n in value.index[value.to_numpy()]]
    if isinstance(value, pd.Series):
        return [str(n) for n in value.to_numpy()]
    if isinstance(value, pd.Index | list | tuple | set | frozenset | np.ndarray):
        return [str(n) for n in value]
    if value is None:
        fail(
            f"{name} should give the names of the contacts, but it gave None: did you "
            "forget `return`?"
        )
    fail(
        f"{name} should give a list of contacts' names, but it gave a "
        f"{type(value).__name__} ({brief(value)})."
    )


def _compare_within_a_day(thanked_within_a_day: Callable[..., Any], tracker: pd.DataFrame) -> None:
    got = _names(
        call(thanked_within_a_day, [tracker.copy()], "thanked_within_a_day(tracker)"),
        "thanked_within_a_day",
    )
    moments = _moments(tracker)
    for row in moments.itertuples():
        prompt = not math.isnan(row.hours) and row.hours <= 24
        if prompt and row.contact not in got:
            hint = ""
            if row.hours == 24:
                hint = " — exactly 24 hours is still within a day (use <= 24)"
            elif _naive_hours(row) > 24:
                hint = " — the clocks differ because the time zones do"
            fail(f"{_story(row)}, within 24 hours, but your answer leaves {row.contact} out{hint}.")
        if not prompt and row.contact in got:
            if math.isnan(row.hours):
                fail(
                    f"{row.contact} has had no thank-you yet (thanked_at is blank), but your "
                    f"answer counts {row.contact} as thanked within a day."
                )
            fail(f"{_story(row)}, more than 24, but your answer counts it as within a day.")
    extra = [n for n in got if n not in set(moments["contact"])]
    if extra:
        fail(f"Your answer lists {listing(extra)}, whom the tracker has not met yet.")
    if len(set(got)) < len(got):
        fail("Your answer lists someone twice; name each contact once.")


@checked
def check_thanked_within_a_day(
    thanked_within_a_day: Callable[..., Any], tracker: pd.DataFrame
) -> None:
    """Check a learner's ``thanked_within_a_day(tracker)`` (part b2).

    It must return the names (a list, set, Index or Series; or a boolean
    Series indexed by contact) of everyone whose thank-you went out at most
    24 hours after the conversation began. When it is wrong only because the
    learner's ``thank_you_hours`` is, the message says so.
    """
    blame_earlier(
        lambda: _compare_within_a_day(thanked_within_a_day, tracker),
        thanked_within_a_day,
        Earlier(
            "thank_you_hours",
            "b1",
            reference_thank_you_hours,
            check=lambda f: _compare_hours(f, tracker),
        ),
    )
    prompt = reference_thanked_within_a_day(tracker)
    passed(
        f"thanked_within_a_day finds the {plural(len(prompt), 'thank-you')} sent within 24 hours."
    )


@checked
def check_thank_you_edge_cases(
    thank_you_hours: Callable[..., Any],
    thanked_within_a_day: Callable[..., Any],
    tracker: pd.DataFrame,
) -> None:
    """Both part (b) functions on another tracker (hidden check)."""
    _compare_hours(thank_you_hours, tracker)
    check_thanked_within_a_day(thanked_within_a_day, tracker)


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


# --------------------------------------------------- part (d): new ties
def reference_add_ties(network: Network, new_ties: pd.DataFrame) -> Network:
    """The right answer to part (d1): the network with the new ties, none twice."""
    fresh = [
        row
        for row in new_ties.to_dict("records")
        if network.tie(str(row["source"]), str(row["target"])) is None
    ]
    ties = pd.concat(
        [network.ties, pd.DataFrame(fresh, columns=new_ties.columns)], ignore_index=True
    )
    return Network.from_frames(network.people, ties, me=network.me)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _pairs(network: Network) -> set[tuple[str, str]]:
    ties = network.ties
    return {_pair(str(a), str(b)) for a, b in zip(ties["source"], ties["target"], strict=True)}


def _compare_add_ties(
    add_ties: Callable[..., Any], network: Network, new_ties: pd.DataFrame
) -> None:
    before = _pairs(network)
    try:
        got = call(add_ties, [network, new_ties.copy()], "add_ties(network, NEW_TIES)")
    except CheckFailed as err:
        repeated = [
            network.person(str(r["target"])).name
            for r in new_ties.to_dict("records")
            if network.tie(str(r["source"]), str(r["target"])) is not None
        ]
        if isinstance(err.__cause__, ContactDataError) and repeated:
            fail(
                f"{network.person(network.me).name} already knew {listing(repeated)}: that new "
                "tie repeats one the network has, and a network holds one tie a pair — leave "
                "out new ties between people already tied (network.tie(a, b) is not None)."
            )
        raise
    got = expect_type(
        got,
        Network,
        "add_ties",
        "a Network",
        advice="Build it with Network.from_frames(people, ties).",
    )
    if got is network:
        fail(
            "add_ties gave back the same network it was given: build a new Network with "
            "Network.from_frames from the people and the old ties plus the new ones."
        )
    if got.me != network.me or set(got.people["id"]) != set(network.people["id"]):
        fail(
            "add_ties changed who is in the network (or who the learner is): keep the same "
            "people and me=network.me, and only add ties."
        )
    after = _pairs(got)
    lost = sorted(before - after)
    if lost:
        names = [f"{network.person(a).name}–{network.person(b).name}" for a, b in lost]
        fail(
            f"Your new network has lost {plural(len(lost), 'old tie')}, such as "
            f"{listing(names)}: keep every tie of the network and add the new ones."
        )
    for row in new_ties.to_dict("records"):
        pair = _pair(str(row["source"]), str(row["target"]))
        if pair not in after:
            other = network.person(str(row["target"])).name
            fail(
                f"{network.person(str(row['source'])).name} met {other} on "
                f"{_when(_day(row['met_on']))}, but your new network has no tie between them."
            )
    extra = sorted(
        after
        - before
        - {_pair(str(r["source"]), str(r["target"])) for r in new_ties.to_dict("records")}
    )
    if extra:
        names = [f"{network.person(a).name}–{network.person(b).name}" for a, b in extra]
        fail(f"Your new network has ties that are neither old nor new: {listing(names)}.")


@checked
def check_add_ties(add_ties: Callable[..., Any], network: Network, new_ties: pd.DataFrame) -> None:
    """Check a learner's ``add_ties(network, new_ties)`` (part d1).

    It must return a new Network with the same people and learner, every old
    tie, and a tie for each new row (a pair already tied keeps one tie).
    """
    _compare_add_ties(add_ties, network, new_ties)
    added = len(_pairs(reference_add_ties(network, new_ties))) - len(_pairs(network))
    passed(
        f"add_ties adds {plural(added, 'new tie')} and keeps all {network.number_of_ties} old ones."
    )


def reference_within_two(network: Network, organization: str) -> dict[str, int]:
    """The right answer to part (d2): people at ``organization`` -> introductions needed."""
    chains = reach(network, source=network.me, max_hops=3)
    return {
        person: len(chains[person]) - 2
        for person in network.match(organization=organization)
        if person in chains
    }


def _compare_within_two(
    within_two: Callable[..., Any], network: Network, organization: str, label: str
) -> None:
    got = call(
        within_two, [network, organization], f"within_two_introductions({label}, {organization!r})"
    )
    got = expect_type(
        got, dict, "within_two_introductions", "a dict of person id to the number of introductions"
    )
    want = reference_within_two(network, organization)
    chains = reach(network, source=network.me)
    names = {str(k): v for k, v in got.items()}

    def story(person: str) -> str:
        chain = chains[person]
        labels = ["you", *(network.person(p).name for p in chain[1:])]
        return " → ".join(labels)

    for person, count in sorted(want.items(), key=lambda kv: (kv[1], kv[0])):
        name = network.person(person).name
        if person not in names:
            hint = " (two introductions are three hops: max_hops=3)" if count == 2 else ""
            fail(
                f"In the {label}, {name} at {organization} is {plural(count, 'introduction')} "
                f"away ({story(person)}), but your answer leaves {name} out{hint}."
            )
        theirs = names[person]
        if blank(theirs) or theirs != count:
            fail(
                f"In the {label}, {name} needs {plural(count, 'introduction')} "
                f"({story(person)}: {count + 1} hops, {count} people in between), but your "
                f"answer says {brief(theirs, 20)}."
            )
    for person in names:
        if person in want:
            continue
        if person == network.me:
            fail("Your answer includes you: leave out network.me, who needs no introduction.")
        if person not in network:
            fail(f"Your answer lists {brief(person)}, who is not in the network.")
        who = network.person(person)
        if person not in set(network.match(organization=organization)):
            fail(
                f"Your answer lists {who.name}, who works at {who.organization or 'no employer'}"
                f", not {organization}."
            )
        hops = len(chains[person]) - 1 if person in chains else None
        fail(
            f"In the {label}, {who.name} at {organization} is "
            f"{'out of reach' if hops is None else f'{hops} hops away ({story(person)})'}: "
            "more than two introductions, but your answer lists them."
        )


@checked
def check_reach_after(
    within_two_introductions: Callable[..., Any],
    network: Network,
    new_ties: pd.DataFrame,
    organization: str,
) -> None:
    """Check a learner's ``within_two_introductions(network, organization)`` (part d2).

    It must return, for each person at ``organization`` within two
    introductions of the learner (at most three hops), the number of
    introductions needed (hops - 1). It is tried on the network before and
    after the new ties are added (the reference's :func:`reference_add_ties`).
    """
    grown = reference_add_ties(network, new_ties)
    _compare_within_two(within_two_introductions, network, organization, "old network")
    _compare_within_two(within_two_introductions, grown, organization, "network with the new ties")
    before, after = (
        reference_within_two(network, organization),
        reference_within_two(grown, organization),
    )
    closer = sum(1 for p in after if p not in before or after[p] < before[p])
    passed(
        f"within_two_introductions finds {len(after)} people at {organization} within two "
        f"introductions; the new ties brought {plural(closer, 'of them', 'of them')} closer."
    )


@checked
def check_new_ties_elsewhere(
    add_ties: Callable[..., Any],
    within_two_introductions: Callable[..., Any],
    network: Network,
    new_ties: pd.DataFrame,
    organization: str,
) -> None:
    """Both part (d) functions on another network (hidden check)."""
    _compare_add_ties(add_ties, network, new_ties)
    check_reach_after(within_two_introductions, network, new_ties, organization)


ASSIGNMENT = Assignment(
    name="ps06-after-the-conversation",
    notebook="after-the-conversation",
    title="After the conversation",
    parts=(
        Part(
            "a",
            "Follow-ups due today and overdue",
            (
                GradedTest("part-a-due", 3, "check_follow_ups_due(follow_ups_due, tracker, TODAY)"),
                GradedTest("part-a-hidden", 2),
            ),
            functions=("follow_ups_due",),
        ),
        Part(
            "b",
            "Thank-yous across time zones",
            (
                GradedTest("part-b-hours", 2, "check_thank_you_hours(thank_you_hours, tracker)"),
                GradedTest(
                    "part-b-within-a-day",
                    2,
                    "check_thanked_within_a_day(thanked_within_a_day, tracker)",
                ),
                GradedTest("part-b-hidden", 2),
            ),
            functions=("thank_you_hours", "thanked_within_a_day"),
        ),
        Part(
            "c",
            "The referral snowball",
            (
                GradedTest("part-c-run", 2, "check_snowball_run(simulate_snowball)"),
                GradedTest("part-c-expected", 1, "check_expected_network(expected_network_size)"),
                GradedTest(
                    "part-c-mean", 2, "check_snowball_mean(mean_network_size, simulate_snowball)"
                ),
                GradedTest("part-c-hidden", 1),
            ),
            functions=("simulate_snowball", "expected_network_size", "mean_network_size"),
        ),
        Part(
            "d",
            "New ties, new reach",
            (
                GradedTest("part-d-add", 2, "check_add_ties(add_ties, network, NEW_TIES)"),
                GradedTest(
                    "part-d-reach",
                    2,
                    "check_reach_after(within_two_introductions, network, NEW_TIES, TARGET)",
                ),
                GradedTest("part-d-hidden", 2),
            ),
            functions=("add_ties", "within_two_introductions"),
        ),
    ),
)
