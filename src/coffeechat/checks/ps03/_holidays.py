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
    call,
    checked,
    expect_type,
    fail,
    listing,
    passed,
    plural,
)
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


def _cases(holidays: Sequence[str]) -> list[str]:
    days = {"2025-03-03", "2025-03-07", "2025-03-08", "2025-03-09", "2025-03-14"}
    for h in holidays:
        day = np.datetime64(h)
        days |= {str(day), str(day - 1), str(day - 3), str(day - 5)}
    return sorted(days)


@checked
def check_three_b_seven(three_b_seven: Any, holidays: Sequence[str]) -> None:
    """Check (e): ``three_b_seven(sent_on, holidays)`` gives the day-3 and day-7 business days."""
    for sent in _cases(holidays):
        try:
            got = call(three_b_seven, [sent, list(holidays)], f"three_b_seven({sent!r}, holidays)")
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
        sent_day = date.fromisoformat(sent)
        weekend = sent_day.weekday() >= 5
        off = weekend or sent in holidays
        if (second, follow) == (want.second_contact_on, want.follow_up_on):
            continue
        if (second, follow) == (want.follow_up_on, want.second_contact_on):
            fail("Your pair is the wrong way round: the second contact (day 3) comes first.")
        if off and second < want.second_contact_on:
            what = "a weekend day" if weekend else "a holiday"
            fail(
                f"A request sent on {sent} ({what}) counts from the next business day, so "
                f"day 3 is {want.second_contact_on}, not {second}: use roll='forward'."
            )
        if second != want.second_contact_on:
            missed = [h for h in holidays if sent < h <= str(want.second_contact_on)]
            hint = (
                f" {listing(missed)} {'is a holiday' if len(missed) == 1 else 'are holidays'}: "
                "pass holidays=holidays."
                if missed
                else " Count business days (Monday to Friday): np.busday_offset(sent_on, 3, ...)."
            )
            fail(
                f"For a request sent on {sent}, three business days later is "
                f"{want.second_contact_on}; you give {second}.{hint}"
            )
        missed = [h for h in holidays if sent < h <= str(want.follow_up_on)]
        hint = " pass holidays=holidays." if missed else " use 7 business days."
        fail(
            f"For a request sent on {sent}, seven business days later (the one follow-up) is "
            f"{want.follow_up_on}; you give {follow}:{hint}"
        )
    passed(f"three_b_seven gives the 3B7 dates for {plural(len(_cases(holidays)), 'sending day')}.")
