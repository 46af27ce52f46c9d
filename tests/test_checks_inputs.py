"""What a learner's function is given: copies, and a sentence when it changed one."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from coffeechat.checks._inputs import (
    call_on_copies,
    difference,
    expect_number,
    fresh_copy,
    unchanged_global,
)
from coffeechat.errors import CheckFailed

TABLE = pd.DataFrame({"speaker": ["learner", "interviewee"], "start": [0.0, 1.0]}, index=[7, 8])


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        (TABLE, TABLE.assign(length=1), "a column 'length' was added"),
        (TABLE, TABLE.drop(columns="start"), "its column 'start' was removed"),
        (TABLE, TABLE.iloc[:1], "it went from 2 rows to 1"),
        (TABLE, TABLE.iloc[::-1], "its rows were put in another order"),
        (TABLE, TABLE.reset_index(drop=True), "its row labels changed"),
        (TABLE, TABLE.assign(start=[0.0, 2.0]), "its column 'start' changed"),
        ([3, 1, 2], [1, 2, 3], "its order changed"),
        ([0.1], [0.0, 0.1], "0.0 was added"),
        ({"a": [1]}, {"a": [1, 2]}, "the value of 'a' changed"),
        ({"a": [1]}, {"a": [1], "b": []}, "a key 'b' was added"),
        ([float("nan")], [float("nan")], None),
        (TABLE, TABLE.copy(), None),
    ],
)
def test_difference_says_what_changed(before, after, said) -> None:
    """Each kind of change is named in a few words; equal values (NaN included) are equal."""
    assert difference(before, after) == said


def test_a_function_gets_copies_and_a_change_is_one_sentence() -> None:
    """The original is never handed over; a change fails naming the parameter and the fix."""
    given = [3, 1, 2]

    def sorts(values):
        values.sort()
        return values[0]

    with pytest.raises(CheckFailed, match=r"changed the list `values` .* \(its order changed\)"):
        call_on_copies(sorts, [given], "smallest(values)", ["values"])
    assert given == [3, 1, 2]


def test_a_generator_is_handed_over_itself() -> None:
    """A random generator is drawn from, not copied, so the check can follow its state."""
    rng = np.random.default_rng(1)
    assert fresh_copy(rng) is rng
    state = rng.bit_generator.state
    call_on_copies(lambda r: r.random(), [rng], "draw(rng)", ["rng"])
    assert rng.bit_generator.state != state


def test_a_row_looked_up_by_label_is_explained() -> None:
    """A KeyError from .loc[0] on a slice says the rows keep their labels and names .iloc."""
    with pytest.raises(CheckFailed, match=r"rows keep their labels .* start at 7.*\.iloc\[0\]"):
        call_on_copies(lambda t: t.loc[0, "speaker"], [TABLE], "first(transcript)", ["t"])


def test_a_changed_global_names_the_cell() -> None:
    """A notebook variable that a demo line changed names itself and the cell to run again."""
    with pytest.raises(CheckFailed, match=r"^TRANSCRIPTS is no longer what the setup cell"):
        unchanged_global("TRANSCRIPTS", TABLE.iloc[:1], TABLE, "the setup cell")
    unchanged_global("TRANSCRIPTS", TABLE.copy(), TABLE, "the setup cell")


@pytest.mark.parametrize("value", [3, 3.5, np.int64(3), np.float64(3.5), np.array(2.0)])
def test_numbers_of_every_kind_pass(value) -> None:
    """Python's and numpy's numbers are all numbers."""
    assert expect_number(value, "score") == float(value)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (True, "not True or False"),
        (None, "did you forget `return`"),
        (float("nan"), "gave NaN"),
        (pd.Series([3]), "holding one"),
        ("3", "gave a str"),
    ],
)
def test_what_is_not_a_number_is_told_so(value, said) -> None:
    """A bool, None, NaN, a one-item Series or text each get their own sentence."""
    with pytest.raises(CheckFailed, match=said):
        expect_number(value, "score")
