"""Assignment 3, part (e): the 3B7 dates around holidays, and its check."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from coffeechat._args import one_of
from coffeechat.checks._core import (
    brief,
    checked,
    expect_type,
    fail,
    passed,
    plural,
)
from coffeechat.checks._inputs import call_on_copies
from coffeechat.checks._notebook_data import data_intact
from coffeechat.errors import CheckFailed
from coffeechat.outreach import follow_up_dates

# ------------------------------------------------------------ part (e)
_HOLIDAYS = {
    "practice": [
        "2025-04-18",
        "2025-04-21",
        "2025-05-05",
        "2025-05-26",
        "2025-12-25",
        "2025-12-26",
    ],
    "harborview-2026": ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-25", "2026-08-31"],
    "lakemont-2026": [
        "2026-01-01",
        "2026-01-19",
        "2026-05-25",
        "2026-07-03",
        "2026-11-26",
        "2026-11-27",
        "2026-12-25",
    ],
}


@checked(calendar=one_of(*_HOLIDAYS))
def practice_holidays(calendar: str = "practice") -> list[str]:
    """A list of holidays (ISO strings) to try the 3B7 dates on."""
    return list(_HOLIDAYS[calendar])


def _as_plain_date(value: object) -> date | None:
    if isinstance(value, np.datetime64):
        if np.isnat(value):
            return None
        return date.fromisoformat(str(value.astype("datetime64[D]")))
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _dates(sent: str, holidays: Sequence[str], roll: str) -> tuple[date, date]:
    days = [np.busday_offset(sent, n, roll=roll, holidays=list(holidays)) for n in (3, 7)]
    return (_as_plain_date(days[0]), _as_plain_date(days[1]))  # type: ignore[return-value]


def _dates_message(sent: str, holidays: Sequence[str], got: tuple[date, date], want: Any) -> str:
    """The sentence for a wrong pair, chosen by the mistake that gives exactly that pair."""
    sent_day = date.fromisoformat(sent)
    what = "a weekend day" if sent_day.weekday() >= 5 else "a holiday"
    right = (want.second_contact_on, want.follow_up_on)
    causes = [
        (_dates(sent, (), "forward"), "the holidays are left out: pass holidays=holidays."),
        (_dates(sent, holidays, "backward"), f"it was sent on {what}: use roll='forward'."),
        (
            _dates(sent, (), "backward"),
            f"it was sent on {what}, and the holidays are left out: use roll='forward' and "
            "pass holidays=holidays.",
        ),
    ]
    for pair, cause in causes:
        if pair != right and got == pair:
            return (
                f"For a request sent on {sent}, the 3B7 days are {right[0]} and {right[1]}; "
                f"you give {got[0]} and {got[1]} because {cause}"
            )
    if got[0] != right[0]:
        return (
            f"For a request sent on {sent}, three business days later is {right[0]}; you give "
            f"{got[0]}. Count business days: np.busday_offset(sent_on, 3, roll='forward', "
            "holidays=holidays)."
        )
    return (
        f"For a request sent on {sent}, seven business days later (the one follow-up) is "
        f"{right[1]}; you give {got[1]}: use 7 business days, counted the same way."
    )


def _cases(holidays: Sequence[str]) -> list[str]:
    days = {"2025-03-03", "2025-03-07", "2025-03-08", "2025-03-09", "2025-03-14"}
    for h in holidays:
        day = np.datetime64(h)
        days |= {str(day), str(day - 1), str(day - 3), str(day - 5)}
    return sorted(days)


@checked
def check_three_b_seven(three_b_seven: Any, holidays: Sequence[str]) -> None:
    """Check (e): ``three_b_seven(sent_on, holidays)`` gives the day-3 and day-7 business days."""
    namespace = getattr(three_b_seven, "__globals__", None) or {}
    if namespace.get("HOLIDAYS") is holidays:  # the check was given the notebook's own list
        data_intact(
            three_b_seven,
            lambda: {"HOLIDAYS": practice_holidays()},
            {"HOLIDAYS": "the cell that sets `HOLIDAYS`"},
            "HOLIDAYS",
        )
    for sent in _cases(holidays):
        try:
            got = call_on_copies(
                three_b_seven,
                [sent, list(holidays)],
                f"three_b_seven({sent!r}, holidays)",
                ["sent_on", "holidays"],
            )
        except CheckFailed as err:
            if "Non-business day" not in str(err):
                raise
            what = "a weekend day" if date.fromisoformat(sent).weekday() >= 5 else "a holiday"
            fail(
                f"A request sent on {sent} ({what}) stopped np.busday_offset: that day is not "
                "a business day. Pass roll='forward' to count from the next business day."
            )
        if not isinstance(got, tuple | list) or len(got) != 2:
            expect_type(got, (), "three_b_seven", "a pair (second_contact_on, follow_up_on)")
        second, follow = (_as_plain_date(v) for v in got)
        if second is None or follow is None:
            fail(
                f"three_b_seven({sent!r}, ...) gave {brief(got)}; give two dates "
                "(np.busday_offset gives numpy dates, which are fine)."
            )
        want = follow_up_dates(sent, holidays)
        if (second, follow) == (want.second_contact_on, want.follow_up_on):
            continue
        if (second, follow) == (want.follow_up_on, want.second_contact_on):
            fail("Your pair is the wrong way round: the second contact (day 3) comes first.")
        fail(_dates_message(sent, holidays, (second, follow), want))
    passed(f"three_b_seven gives the 3B7 dates for {plural(len(_cases(holidays)), 'sending day')}.")
