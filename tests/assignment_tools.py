"""Helpers the assignment and grading tests share: where the notebooks are, and
submissions made from the solutions (a module of helpers, not of tests)."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat

from coffeechat import checks
from coffeechat.course.hidden import hidden_lines as course_hidden_lines

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
SOLUTION_NOTEBOOKS = sorted(SOLUTIONS.glob("*/*.ipynb"))
ASSIGNMENTS = list(checks.ASSIGNMENTS.values())
STUDENTS = ("correct", "blank", "partial")


def solution_of(spec: checks.Assignment) -> Path:
    return SOLUTIONS / spec.name / f"{spec.notebook}.ipynb"


def exercise_of(spec: checks.Assignment) -> Path:
    return EXERCISES / spec.name / f"{spec.notebook}.ipynb"


def parts_of(spec: checks.Assignment, student: str) -> str:
    """The parts each test student answers: all, none, or the first half."""
    keys = "".join(p.key for p in spec.parts)
    return {"correct": keys, "blank": "", "partial": keys[: len(keys) // 2]}[student]


def nbgrader_meta(cell) -> dict:
    """A cell's nbgrader metadata ({} for an ordinary cell)."""
    return cell.metadata.get("nbgrader", {})


def hidden_lines(path: Path) -> set[str]:
    """The lines of code inside hidden-test regions of a source notebook.

    Read by the course's own scanner (:func:`coffeechat.course.hidden.hidden_lines`),
    the one that release, grading and feedback use.
    """
    cells = nbformat.read(path, as_version=4).cells
    return course_hidden_lines(cell.source for cell in cells)


def submission(spec: checks.Assignment, parts: str, release: Path) -> nbformat.NotebookNode:
    """A student version with the solution's answers filled in for the given parts.

    ``parts`` is a string of part keys, such as ``"ab"``; answer cells of
    other parts keep their ``raise NotImplementedError()`` stub. Answer cells
    are named ``part-<key>-...``.
    """
    solution = nbformat.read(solution_of(spec), as_version=4)
    answers = {
        nbgrader_meta(c)["grade_id"]: re.sub(r"[ \t]*### (BEGIN|END) SOLUTION\n", "", c.source)
        for c in solution.cells
        if nbgrader_meta(c).get("solution")
    }
    nb = copy.deepcopy(nbformat.read(release, as_version=4))
    for cell in nb.cells:
        grade_id = nbgrader_meta(cell).get("grade_id", "")
        if grade_id in answers and grade_id.split("-")[1] in parts:
            cell.source = answers[grade_id]
    return nb


def points_of(spec: checks.Assignment, parts: str) -> float:
    """What the autograder should give a submission with exactly these parts right.

    Written answers (manually graded cells) score nothing until an instructor marks them.
    """
    return sum(t.points for p in spec.parts if p.key in parts for t in p.tests if not t.manual)
