"""Tests for the machinery of the check standard in coffeechat.checks._core."""

from __future__ import annotations

import pandas as pd
import pytest

from coffeechat import checks
from coffeechat.checks._core import (
    MESSAGE_LIMIT,
    Earlier,
    arrow_chain,
    blame_earlier,
    blanks_as_empty,
    blanks_as_nan,
    brief,
    call,
    expect_type,
    fail,
    listing,
    passes_one_of,
    short,
)
from coffeechat.checks._hooks import not_defined
from coffeechat.errors import CheckFailed

SPEC = checks.ASSIGNMENTS["ps01-who-can-introduce-you"]


def _notebook(code: str) -> dict:
    """A namespace as a notebook would hold it, with the learner's functions defined in it."""
    namespace: dict = {}
    exec(code, namespace)
    return namespace


LEARNER = """
def double(x):
    return 3 * x


def quadruple(x):
    return double(double(x))


def quadruple_by_lambda(x):
    twice = lambda y: double(y)  # noqa: E731
    return twice(twice(x))


def quadruple_alone(x):
    return 5 * x


def both(x):
    return double(x) + halve(x)


def halve(x):
    return x
"""


def _check_quadruple(namespace: dict, name: str):
    def check():
        if namespace[name](1) != 4:
            fail(f"{name}(1) should be 4.")

    return check


DOUBLE = Earlier(
    "double", "a", lambda x: 2 * x, check=lambda f: f(1) == 2 or fail("double(1) is 2.")
)


@pytest.mark.parametrize("name", ["quadruple", "quadruple_by_lambda"])
def test_blame_earlier_names_the_earlier_part_when_it_is_the_cause(name):
    """A right function using a wrong earlier one is told to fix the earlier part first."""
    namespace = _notebook(LEARNER)
    with pytest.raises(CheckFailed) as info:
        blame_earlier(_check_quadruple(namespace, name), namespace[name], DOUBLE)
    message = str(info.value)
    assert f"Your `{name}` is right once `double` is" in message
    assert "your `double` (part a) is the cause — fix that first." in message
    assert message.endswith("Check (a) says: double(1) is 2.")
    assert namespace["double"](1) == 3, "the learner's own function is put back"


def test_blame_earlier_keeps_the_first_failure_when_the_function_itself_is_wrong():
    """A function that does not use the earlier part, or is wrong anyway, gets its own message."""
    namespace = _notebook(LEARNER)
    with pytest.raises(CheckFailed, match=r"^quadruple_alone\(1\) should be 4\.$"):
        blame_earlier(
            _check_quadruple(namespace, "quadruple_alone"), namespace["quadruple_alone"], DOUBLE
        )


def test_blame_earlier_passes_quietly_and_restores_a_missing_name():
    """A right answer passes; an earlier function not defined at all is reported, then removed."""
    namespace = _notebook(LEARNER.replace("return 3 * x", "return 2 * x"))
    blame_earlier(_check_quadruple(namespace, "quadruple"), namespace["quadruple"], DOUBLE)
    del namespace["double"]
    with pytest.raises(CheckFailed, match=r"your `double` \(part a\) is the cause"):
        blame_earlier(
            lambda: call(namespace["quadruple"], [1], "quadruple") == 4 or fail("no"),
            namespace["quadruple"],
            DOUBLE,
        )
    assert "double" not in namespace


def test_blame_earlier_can_name_two_earlier_parts():
    """When only both references together make it pass, both parts are named."""
    namespace = _notebook(LEARNER.replace("return x\n", "return 0\n"))

    def check():
        if namespace["both"](2) != 5:
            fail("both(2) should be 5.")

    halve = Earlier("halve", "b", lambda x: x / 2)
    with pytest.raises(CheckFailed) as info:
        blame_earlier(check, namespace["both"], DOUBLE, halve)
    assert "your `double` (part a) and `halve` (part b) are the cause" in str(info.value)


def test_passes_one_of_accepts_either_input_and_reports_the_first():
    """NaN or '' alike: an answer right for either passes; otherwise the first message shows."""
    table = pd.DataFrame({"Company": ["Acme", "", None, "Acme"]})

    def counts_of(given):
        def attempt():
            counts = given["Company"].value_counts()
            if "" in counts.index or counts.index.isna().any():
                fail("your counts include an empty company.")

        return attempt

    passes_one_of(counts_of(blanks_as_nan(table)), counts_of(blanks_as_empty(table)))
    with pytest.raises(CheckFailed, match="empty company"):
        passes_one_of(counts_of(blanks_as_empty(table)), counts_of(blanks_as_empty(table)))


def test_blank_cells_become_nan_or_empty_text_but_dates_stay_dates():
    """The two tables a function may meet differ only in how a blank cell looks."""
    table = pd.DataFrame(
        {"Company": ["Acme", " ", None], "When": pd.to_datetime(["2024-01-02"] * 3)}
    )
    nan = blanks_as_nan(table)
    assert nan["Company"].isna().tolist() == [False, True, True]
    assert blanks_as_empty(table)["Company"].tolist() == ["Acme", "", ""]
    assert pd.api.types.is_datetime64_any_dtype(nan["When"])
    assert table["Company"].tolist()[1] == " ", "the original is left alone"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, r"should give a dict, but it gave None: did you forget `return`\?"),
        ([1, 2], r"should give a dict, but it gave a list \(\[1, 2\]\)\. Use a dict\.$"),
    ],
)
def test_expect_type_says_what_the_value_is(value, expected):
    """A wrong type is one sentence naming the type, with the learner's value, short."""
    with pytest.raises(CheckFailed, match=expected):
        expect_type(value, dict, "degrees", "a dict", advice="Use a dict.")
    assert expect_type({}, dict, "degrees", "a dict") == {}


def test_call_turns_stubs_crashes_and_non_functions_into_sentences():
    """No traceback of the kit's own making: each problem is one sentence."""

    def stub():
        raise NotImplementedError()

    def crash():
        return next(iter([]))

    def loop():
        return loop()

    with pytest.raises(CheckFailed, match=r"^f is not written yet: replace `raise"):
        call(stub, [], "f")
    with pytest.raises(CheckFailed, match=r"^f stopped with StopIteration\. The traceback"):
        call(crash, [], "f")
    with pytest.raises(CheckFailed, match=r"called itself without end"):
        call(loop, [], "f")
    with pytest.raises(CheckFailed, match=r"defined with def, but it is a NoneType \(run the cell"):
        call(None, [], "f")


def test_messages_are_kept_short_at_a_sentence_end():
    """fail() never lets a message run past MESSAGE_LIMIT; it cuts at a sentence if it can."""
    with pytest.raises(CheckFailed) as info:
        fail("The problem is this. " + "A very long hint. " * 40)
    assert len(str(info.value)) <= MESSAGE_LIMIT and str(info.value).endswith(".")
    assert short("x " * 300).endswith("…") and len(short("x " * 300)) <= MESSAGE_LIMIT


def test_examples_are_at_most_three_and_chains_are_shortened():
    """Forty names become three and a count; a forty-person chain keeps its two ends."""
    names = [f"Person {n}" for n in range(40)]
    assert listing(names) == "Person 0, Person 1, Person 2 and 37 more"
    chain = arrow_chain(names)
    assert chain.startswith("Person 0 → Person 1 → Person 2 → … → Person 37")
    assert chain.endswith("Person 39 (39 hops)") and len(chain) < 120
    assert len(brief(names)) <= 60


def test_not_defined_says_which_cell_to_run():
    """A name a check needs points at the part and function that make it."""
    assert not_defined("connections", SPEC) == (
        "`connections` is not defined yet: run the cell with `load_connections` (part a) first."
    )

    def written(path):
        return path

    assert "run the cell with `load_connections` (part a) again; if it stops" in not_defined(
        "connections", SPEC, {"load_connections": written}
    )
    assert not_defined("shortest_chain", SPEC).startswith(
        "`shortest_chain` is not defined yet: write it in the answer cell of part (c)"
    )
    assert "Run All Above Selected Cell" in not_defined("network", SPEC)


def test_scoreboard_says_what_is_not_written_yet():
    """The self-check uses the same sentence as a check cell."""

    def load_connections(path):
        raise NotImplementedError()

    board = checks.scoreboard(SPEC.name, {"load_connections": load_connections})
    assert board.parts[0].notes[0] == (
        "`connections` is not defined yet: `load_connections` (part a) is not written yet "
        "— write it, run its cell, then this one."
    )


def test_every_part_names_the_functions_it_asks_for():
    """Assignment 1's parts list their functions, so a missing name can be traced to a part."""
    assert [p.functions for p in SPEC.parts] == [
        ("load_connections",),
        ("contacts_per_organization", "role_family", "contacts_per_role_family"),
        ("degrees_of_separation", "shortest_chain"),
        ("within_two_introductions",),
    ]
    assert SPEC.made_by == {"connections": "load_connections"}
