"""Assignment 6, part (b): how soon each thank-you went out, and its checks."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from coffeechat.checks._core import (
    Earlier,
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
