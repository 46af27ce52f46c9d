"""Assignment 3, part (d): sorting a LAMP list, and its check."""

from __future__ import annotations

import itertools
from typing import Any

import pandas as pd

from coffeechat.checks._core import (
    blank,
    call,
    checked,
    expect_type,
    fail,
    listing,
    passed,
)
from coffeechat.tracking import make_lamp


# ------------------------------------------------------------ part (d)
@checked
def practice_lamp(seed: int | None = None, n: int = 45) -> pd.DataFrame:
    """A LAMP list to sort: Alex's (no seed) or another one, as pd.read_csv gives it."""
    from coffeechat.datasets import load_sample_lamp, make_lamp_list

    if seed is None:
        return load_sample_lamp()
    lamp = make_lamp_list(n, seed=seed)
    return lamp.assign(advocacy=[float("nan") if blank(a) else a for a in lamp["advocacy"]])


@checked
def check_lamp_order(sort_lamp: Any, lamp: pd.DataFrame) -> None:
    """Check (d): ``sort_lamp(lamp)`` puts employers in LAMP order (M, then P, then A)."""
    original = lamp.copy()
    got = call(sort_lamp, [lamp.copy()], "sort_lamp(lamp)")
    expect_type(
        got,
        pd.DataFrame,
        "sort_lamp",
        "the sorted LAMP list as a DataFrame",
        advice="sort_values returns a new table: return it.",
    )
    if "employer" not in got.columns:
        fail(
            "Your sorted list has no 'employer' column; its columns are "
            f"{listing(list(got.columns))}."
        )
    want = list(make_lamp(original, min_employers=0)["employer"])
    mine = [str(e) for e in got["employer"]]
    if sorted(mine) != sorted(want):
        lost = [e for e in want if e not in mine]
        fail(
            f"Your sorted list has {len(mine)} employers; the list has {len(want)}. Keep "
            f"every row (a blank advocacy means no, not a row to drop): {listing(lost)} "
            "went missing."
        )
    if mine == want:
        passed(f"sort_lamp puts all {len(want)} employers in LAMP order.")
        return
    known = _known_wrong_order(original, mine)
    if known:
        fail(known)
    reference = make_lamp(original, min_employers=0).set_index("employer")
    at = next(i for i, (a, b) in enumerate(zip(mine, want, strict=True)) if a != b)
    a, b = reference.loc[mine[at]], reference.loc[want[at]]

    def describe(name: str, row: pd.Series) -> str:
        yes = "a contact" if row["advocacy"] else "no contact"
        return f"{name} (M {row['motivation']}, P {row['posting']}, {yes})"

    if (a["motivation"], a["posting"], a["advocacy"]) == (
        b["motivation"],
        b["posting"],
        b["advocacy"],
    ):
        reason = (
            "they score the same, so they keep the order of the list you were given "
            "(a stable sort: kind='stable')"
        )
    elif a["motivation"] < b["motivation"]:
        reason = "Motivation comes first, highest first (ascending=False)"
    elif a["motivation"] == b["motivation"] and a["posting"] < b["posting"]:
        reason = "with equal Motivation, Posting decides, highest first"
    elif (a["motivation"], a["posting"]) == (b["motivation"], b["posting"]):
        reason = (
            "with equal Motivation and Posting, an employer where you have a contact comes "
            "first: turn advocacy into True/False (yes or y, any case) before sorting"
        )
    else:
        reason = "sort by motivation, then posting, then advocacy — in that order"
    fail(
        f"At rank {at + 1} your list has {describe(mine[at], a)}, but "
        f"{describe(want[at], b)} comes first: {reason}."
    )


_LAMP_KEYS = ("motivation", "posting", "advocacy")


def _known_wrong_order(lamp: pd.DataFrame, mine: list[str]) -> str:
    """The message for a sort by the wrong keys, the wrong way or on raw text, or ''."""
    clean = lamp.copy()
    clean["advocacy"] = [
        not blank(a) and str(a).strip().lower() in {"yes", "y", "true", "1"}
        for a in clean["advocacy"]
    ]
    right = "LAMP sorts by Motivation, then Posting, then Advocacy, highest first"
    for keys in itertools.permutations(_LAMP_KEYS):
        for ascending in (False, True):
            order = clean.sort_values(list(keys), ascending=ascending, kind="stable")
            if list(order["employer"]) != mine:
                continue
            if keys == _LAMP_KEYS:
                return f"Your list is upside down: {right} (ascending=False)."
            said = ", then ".join(keys)
            letters = " (the order of the letters in LAMP)" if keys[0] == "advocacy" else ""
            return f"You sorted by {said}{letters}; {right}."
    raw = lamp.sort_values(list(_LAMP_KEYS), ascending=False, kind="stable")
    if list(raw["employer"]) == mine:
        return (
            "Your advocacy is still text, so 'yes' and 'Yes' and 'y' sort apart and blanks "
            "last: turn advocacy into True/False first (yes or y in any case is True)."
        )
    return ""
