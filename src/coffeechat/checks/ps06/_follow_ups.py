"""Assignment 6, part (a): the follow-ups due (the 3B7 routine with pandas dates), and its check."""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from coffeechat._args import a_date
from coffeechat.checks._core import (
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
from coffeechat.outreach import follow_up_dates

DUE_TABLE_COLUMNS: tuple[str, ...] = ("contact", "due_on", "days_overdue")


def as_day(value: object) -> date:
    return pd.Timestamp(value).date()


def spoken_day(day: date) -> str:
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
    day = as_day(today)
    rows = []
    for record in tracker.to_dict("records"):
        if _text_cell(record.get("sent_on")) == "" or any(
            _text_cell(record.get(c)) for c in ("replied_on", "meeting_on", "followed_up_on")
        ):
            continue
        due = follow_up_dates(as_day(record["sent_on"])).follow_up_on
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
            return (
                f"{name} {reason.format(d=spoken_day(as_day(value)))}, but your table lists {name}."
            )
    sent = as_day(record["sent_on"])
    due = follow_up_dates(sent).follow_up_on
    return (
        f"{name}'s request went out on {spoken_day(sent)}; 7 business days later is "
        f"{spoken_day(due)}, "
        f"after today ({spoken_day(day)}), so {name} is not due yet, but your table lists {name}. "
        "Count Monday to Friday only (pd.offsets.BDay(7))."
    )


def _compare_follow_ups(
    follow_ups_due: Callable[..., Any], tracker: pd.DataFrame, today: object
) -> None:
    day = as_day(today)
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
            sent = as_day(records[row.contact]["sent_on"])
            when = "today" if row.days_overdue == 0 else f"{plural(row.days_overdue, 'day')} ago"
            fail(
                f"{row.contact}'s request went out on {spoken_day(sent)} with no reply and no "
                f"follow-up yet: the follow-up was due on {spoken_day(row.due_on)} "
                "(7 business days "
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
        sent = as_day(records[row.contact]["sent_on"])
        due = _learner_day(theirs["due_on"])
        if due != row.due_on:
            fail(
                f"{row.contact}'s follow-up is due on {spoken_day(row.due_on)}, 7 business days "
                f"after the request of {spoken_day(sent)}, but your table says "
                f"{brief(theirs['due_on'], 30)}."
            )
        late = _learner_days(theirs["days_overdue"])
        if late is None or not math.isclose(late, row.days_overdue):
            fail(
                f"{row.contact}'s follow-up, due on {spoken_day(row.due_on)}, is "
                f"{plural(row.days_overdue, 'day')} overdue on {spoken_day(day)} (calendar days, 0 "
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
        f"follow_ups_due finds the {plural(len(due), 'follow-up')} due on "
        f"{spoken_day(as_day(today))}: "
        f"{today_count} due today, {len(due) - today_count} overdue."
    )
