"""The shared mistake-bank runner and requirement table, tried on a small made-up notebook."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from mistake_bank import (
    Notebook,
    Requirement,
    Variant,
    assert_caught,
    assert_passes,
    assert_requirements_traced,
    requirement_sentences,
)

TASK = """## Part (a)

**Your task.** Write `double(items)`, which returns each number twice as big.
Do not change the list you are given. Always keep them in order.
"""
ANSWER = """\
def double(items):
    ### BEGIN SOLUTION
    return [2 * x for x in items]
    ### END SOLUTION


NUMBERS.append(0)  # a demo line that changes a global
"""
CHECK = """\
from coffeechat.errors import CheckFailed

given = [1, 2, 3]
answer = double(given)
if given != [1, 2, 3]:
    raise CheckFailed("`double` changed the list it was given.")
if NUMBERS != [5, 0]:
    raise CheckFailed(f"NUMBERS is {NUMBERS}.")
"""
TOTAL = """\
from coffeechat.errors import CheckFailed

if total([1, 2]) != 6:
    raise CheckFailed("`total` should give 6: your `double` (part a) is the cause.")
"""


def _cell(kind: str, source: str, grade_id: str | None = None, **flags):
    cell = (
        nbformat.v4.new_code_cell(source)
        if kind == "code"
        else nbformat.v4.new_markdown_cell(source)
    )
    if grade_id:
        cell.metadata["nbgrader"] = {"grade_id": grade_id, "grade": False, "solution": False}
        cell.metadata["nbgrader"].update(flags)
    return cell


@pytest.fixture
def notebook(tmp_path: Path) -> Notebook:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        _cell("code", "NUMBERS = [5]", "setup"),
        _cell("markdown", TASK),
        _cell("code", ANSWER, "part-a-answer", solution=True),
        _cell("code", CHECK, "part-a-check", grade=True, points=1),
        _cell(
            "code",
            "def total(items):\n    return sum(double(items))",
            "part-b-answer",
            solution=True,
        ),
        _cell("code", TOTAL, "part-b-check", grade=True, points=1),
    ]
    nbformat.write(nb, tmp_path / "tiny.ipynb")
    return Notebook(tmp_path)


MUTATES = Variant(
    "a",
    "doubles in place",
    ANSWER.replace(
        "return [2 * x for x in items]", "items[:] = [2 * x for x in items]\n    return items"
    ),
    r"changed the list it was given",
)
RIGHT = Variant(
    "a", "a loop", ANSWER.replace("return [2 * x for x in items]", "return [x + x for x in items]")
)


def test_the_solution_passes_and_each_variant_starts_from_a_fresh_state(notebook):
    """A demo line's change to a global is undone between variants, as a fresh kernel would."""
    assert_passes(notebook, RIGHT)
    assert_passes(notebook, RIGHT)  # NUMBERS was [5, 0] after the first; fresh again now
    assert notebook.first_run["part-a-check"].passed


def test_a_later_function_calls_the_variants_earlier_one(notebook):
    """Part (b)'s `total`, run after the variant, uses the variant's `double`, as in a kernel."""
    wrong = Variant(
        "a",
        "triples",
        ANSWER.replace("2 * x", "3 * x"),
        r"part a\) is the cause",
        checks=("part-b-check",),
    )
    results = assert_caught(notebook, wrong)
    assert set(results) == {"part-a-answer", "part-b-check"}


def test_a_mistake_must_fail_with_its_expected_message(notebook):
    assert_caught(notebook, MUTATES)
    with pytest.raises(AssertionError):
        assert_caught(notebook, Variant("a", "right, but said wrong", RIGHT.answer, "anything"))
    with pytest.raises(AssertionError):
        assert_caught(notebook, Variant("a", "cause misnamed", MUTATES.answer, r"should give 6"))


def test_requirement_sentences_are_found():
    """Sentences with a requirement word are found, one by one, markdown stripped."""
    found = requirement_sentences(TASK)
    assert found == [
        "Write `double(items)`, which returns each number twice as big.",
        "Do not change the list you are given.",
        "Always keep them in order.",
    ]


def test_a_requirement_needs_a_row_a_check_and_a_proving_mistake(notebook):
    """The table fails when a requirement has no row, or its mistake does not fail the check."""
    row = Requirement(
        "a", "Do not change the list you are given.", "part-a-check", "doubles in place"
    )
    asides = ["Always keep them", "returns each number"]  # asides here, to keep it short
    assert_requirements_traced(notebook, [row], [MUTATES, RIGHT], asides)
    with pytest.raises(AssertionError, match="no row in the table"):
        assert_requirements_traced(notebook, [row], [MUTATES, RIGHT])
    unproved = Requirement("a", "Do not change the list you are given.", "part-a-check", "a loop")
    with pytest.raises(AssertionError, match="no mistake 'absent'"):
        assert_requirements_traced(
            notebook, [Requirement("a", row.text, row.check, "absent")], [MUTATES], asides
        )
    wrong = Variant("a", "a loop", MUTATES.answer)  # a "right answer" that the check fails
    with pytest.raises(AssertionError, match="fails 'a loop'"):
        assert_requirements_traced(notebook, [unproved], [MUTATES, wrong], asides)
    harmless = Variant("a", "harmless", RIGHT.answer, r"x")
    with pytest.raises(AssertionError, match="passes 'harmless'"):
        assert_requirements_traced(
            notebook, [Requirement("a", row.text, row.check, "harmless")], [harmless], asides
        )
    with pytest.raises(AssertionError, match="not in the task text"):
        assert_requirements_traced(
            notebook,
            [row, Requirement("a", "Sort it.", "part-a-check", "doubles in place")],
            [MUTATES],
            asides,
        )
