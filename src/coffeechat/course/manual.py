"""Written answers, marked by hand: what awaits marking, the rubric, and the marks.

Some answers (the capstone's reasons, for example) are nbgrader *manually
graded answer cells*: autograding gives them no score and flags them as
needing a person. :func:`awaiting_marks` lists them with the rubric from the
instructor's version of the notebook, and :func:`mark` enters a score and a
comment in nbgrader's own gradebook (the formgrader in JupyterLab does the
same, one click at a time). The comment appears in the student's feedback
page the next time feedback is written.

Examples
--------
The rubric of a cell is the text from a line that starts with ``**Rubric``:

>>> rubric_of("**Model answer.** Names three employers.\\n\\n**Rubric (2 points).** 1 point: ...")
'**Rubric (2 points).** 1 point: ...'
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd

from coffeechat.course.folder import Course, open_course
from coffeechat.errors import GradingError, InvalidParameter

__all__ = ["MARK_COLUMNS", "awaiting_marks", "mark", "marking_sheet", "rubric_of", "rubrics"]

#: Columns of :func:`awaiting_marks`, in order.
MARK_COLUMNS: tuple[str, ...] = ("student", "notebook", "cell", "points", "score", "comment")


def rubric_of(source: str) -> str:
    """The rubric in an instructor's answer cell: from ``**Rubric`` to the end ('' if none)."""
    start = source.find("**Rubric")
    return source[start:].strip() if start >= 0 else ""


def rubrics(course: str | Path, assignment: str) -> dict[str, str]:
    """Each manually graded cell's rubric, by grade id, from the course's source notebooks."""
    c = open_course(course)
    found: dict[str, str] = {}
    for path in sorted(c.path("source", assignment).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade") and meta.get("solution"):
                found[meta["grade_id"]] = rubric_of(cell.source)
    return found


def _manual_grades(gb: Any, c: Course, assignment: str) -> Iterator[tuple[str, str, Any, Any]]:
    """(student, notebook, grade, comment) for every manually graded answer of the assignment."""
    try:
        submissions = gb.assignment_submissions(assignment)
    except Exception as err:  # nbgrader raises MissingEntry
        raise GradingError(f"{c.root}: no assignment {assignment!r} in the gradebook") from err
    for submission in sorted(submissions, key=lambda s: s.student.id):
        for notebook in submission.notebooks:
            comments = {comment.name: comment for comment in notebook.comments}
            for grade in notebook.grades:
                if grade.cell.cell_type == "markdown" or grade.auto_score is None:
                    yield submission.student.id, notebook.name, grade, comments.get(grade.name)


def awaiting_marks(
    course: str | Path, assignment: str, *, db: str | None = None, everything: bool = False
) -> pd.DataFrame:
    """The written answers that still need a mark (or all of them, with ``everything``).

    Returns
    -------
    pandas.DataFrame
        One row per student and answer cell, with :data:`MARK_COLUMNS`:
        ``points`` is what the cell is worth, ``score`` the mark given (NaN
        until marked; 0 for an answer left exactly as released, which
        nbgrader scores by itself) and ``comment`` the marker's comment.
    """
    c = open_course(course, db)
    rows = []
    with c.api.gradebook as gb:
        for student, notebook, grade, comment in _manual_grades(gb, c, assignment):
            # nbgrader's own score: the mark given, else its automatic 0 for
            # an answer left exactly as released, else None (not marked yet).
            score = grade.manual_score if grade.manual_score is not None else grade.auto_score
            if not grade.needs_manual_grade and not everything:
                continue
            rows.append(
                {
                    "student": student,
                    "notebook": notebook,
                    "cell": grade.name,
                    "points": float(grade.max_score),
                    "score": math.nan if score is None else float(score),
                    "comment": (comment.manual_comment or "") if comment else "",
                }
            )
    return pd.DataFrame(rows, columns=list(MARK_COLUMNS))


def marking_sheet(
    course: str | Path, assignment: str, *, db: str | None = None, everything: bool = False
) -> str:
    """The written answers that await a mark, as text, each listed cell's rubric below.

    ``everything`` lists the answers marked already too.
    """
    waiting = awaiting_marks(course, assignment, db=db, everything=everything)
    if waiting.empty:
        return f"No written answers of {assignment} await a mark."
    lines = [waiting.to_string(index=False)]
    for cell, rubric in rubrics(course, assignment).items():
        if cell in set(waiting["cell"]) and rubric:
            lines.append(f"\n{cell}:\n{rubric}")
    return "\n".join(lines)


def mark(
    course: str | Path,
    assignment: str,
    student: str,
    cell: str,
    score: float,
    *,
    comment: str | None = None,
    db: str | None = None,
) -> float:
    """Enter a mark (and a comment) for one student's written answer.

    Parameters
    ----------
    course : path
        The course folder.
    assignment, student, cell : str
        Which answer: the cell is its nbgrader grade id (see :func:`awaiting_marks`).
    score : float
        From 0 to the points the cell is worth.
    comment : str, optional
        Shown to the student in their feedback page.

    Returns
    -------
    float
        The submission's new total score.

    Raises
    ------
    InvalidParameter
        If the score is not a number from 0 to the cell's points.
    GradingError
        If there is no such submission or written answer.
    """
    if isinstance(score, bool) or not isinstance(score, int | float) or math.isnan(score):
        raise InvalidParameter(f"score must be a number, not {score!r}")
    c = open_course(course, db)
    with c.api.gradebook as gb:
        answers = {
            (who, grade.name): (notebook, grade)
            for who, notebook, grade, _ in _manual_grades(gb, c, assignment)
        }
        if (student, cell) not in answers:
            cells = sorted({name for who, name in answers if who == student})
            raise GradingError(
                f"{assignment}: {student!r} has no written answer {cell!r} to mark"
                + (f"; their answers are {', '.join(cells)}" if cells else "; no such submission")
            )
        notebook, grade = answers[(student, cell)]
        if not 0 <= score <= grade.max_score:
            raise InvalidParameter(
                f"{cell} is worth {grade.max_score:g} points: a score of {score:g} is out of range"
            )
        grade.manual_score = float(score)
        grade.needs_manual_grade = False  # as nbgrader's formgrader does
        if comment is not None:
            found = gb.find_comment(cell, notebook, assignment, student)
            found.manual_comment = comment
        gb.db.commit()
        return float(gb.find_submission(assignment, student).score)
