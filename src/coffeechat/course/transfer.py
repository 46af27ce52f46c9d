"""Results from a grading worker's private gradebook into the course's.

A grading worker never writes the course's gradebook: it grades into a
private SQLite gradebook of its own (:func:`private_copy`), reads what
autograde stored there into an :class:`~coffeechat.course.outcome.Outcome`
(:func:`read_outcome`), and the grading process alone writes that into the
course's gradebook (:func:`save_outcome`).
"""

from __future__ import annotations

import sqlite3
import warnings
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from sqlalchemy.exc import SAWarning

from coffeechat.course.outcome import CellResult, Facts, Outcome

__all__ = ["private_copy", "quiet_nbgrader_warnings", "read_outcome", "save_outcome"]


def private_copy(db_url: str, assignment: str, target: Path) -> str:
    """A new SQLite gradebook at ``target`` holding one assignment's definition.

    The assignment, its notebooks and their graded, answer, task and source
    cells are copied through nbgrader's API, so this works whatever database
    the course uses. A grading worker runs nbgrader's autograde against it;
    the course's own gradebook is never opened by a worker for writing.
    """
    url = f"sqlite:///{target}"
    with Gradebook(db_url) as gb:
        _stamp_schema(gb, target)
        _copy_assignment(gb, url, assignment)
    return url


def _stamp_schema(gb: Gradebook, target: Path) -> None:
    """Give a new SQLite gradebook the course gradebook's schema version.

    nbgrader stamps a gradebook it creates by running the ``alembic``
    command in a new process, which costs a second or two (far more on a
    busy machine) for each grading worker; the version is the course's own.
    """
    from sqlalchemy import text

    try:
        (version,) = gb.db.execute(text("SELECT version_num FROM alembic_version")).one()
    except Exception:  # no stamp to copy: nbgrader stamps it itself
        gb.db.rollback()
        return
    with sqlite3.connect(target) as db:
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        db.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (version,))
    db.close()


def _copy_assignment(gb: Gradebook, url: str, assignment: str) -> None:
    with Gradebook(url) as mine:
        a = gb.find_assignment(assignment)
        mine.update_or_create_assignment(a.name, duedate=a.duedate)
        for nb in a.notebooks:
            mine.update_or_create_notebook(nb.name, a.name)
            for cell in nb.grade_cells:
                mine.update_or_create_grade_cell(
                    cell.name, nb.name, a.name, max_score=cell.max_score, cell_type=cell.cell_type
                )
            for cell in nb.solution_cells:
                mine.update_or_create_solution_cell(cell.name, nb.name, a.name)
            for cell in nb.task_cells:
                mine.update_or_create_task_cell(
                    cell.name, nb.name, a.name, max_score=cell.max_score, cell_type=cell.cell_type
                )
            for cell in nb.source_cells:
                mine.update_or_create_source_cell(
                    cell.name,
                    nb.name,
                    a.name,
                    cell_type=cell.cell_type,
                    locked=cell.locked,
                    source=cell.source,
                    checksum=cell.checksum,
                )


def read_outcome(
    db_url: str,
    assignment: str,
    student: str,
    *,
    notes: tuple[str, ...],
    seconds: float,
    facts: Facts,
) -> Outcome:
    """What autograde stored for one submission in a private gradebook, as an Outcome.

    A submission autograde stored nothing for could not be graded.
    """
    with Gradebook(db_url) as gb:
        try:
            sub = gb.find_submission(assignment, student)
        except MissingEntry:
            return Outcome.failure(student, notes, seconds=seconds, facts=facts)
        return Outcome(
            student,
            score=float(sub.score),
            max_score=float(sub.max_score),
            cells=tuple(
                CellResult(nb.name, g.name, g.auto_score, bool(g.needs_manual_grade))
                for nb in sub.notebooks
                for g in nb.grades
            ),
            comments=tuple(
                (nb.name, c.name, c.auto_comment) for nb in sub.notebooks for c in nb.comments
            ),
            late_penalties=tuple((nb.name, nb.late_submission_penalty) for nb in sub.notebooks),
            timestamp=sub.timestamp,
            notes=notes,
            seconds=seconds,
            facts=facts,
        )


def quiet_nbgrader_warnings() -> None:
    """Ignore the warning nbgrader's ``add_submission`` gives under SQLAlchemy 2.

    It builds a new submission in a way SQLAlchemy warns about ("Object of
    type <SubmittedAssignment> not in session"), harmlessly: nothing for an
    instructor to act on.
    """
    warnings.filterwarnings("ignore", message="Object of type <Submitted", category=SAWarning)


def save_outcome(gb: Gradebook, assignment: str, outcome: Outcome) -> None:
    """Write one graded submission into the course's gradebook (the one writer).

    Every graded cell of a submission that failed, or that autograde did not
    score, scores 0 and awaits a manual grade.
    """
    gb.update_or_create_student(outcome.student)
    when = {} if outcome.timestamp is None else {"timestamp": outcome.timestamp}
    with warnings.catch_warnings():
        quiet_nbgrader_warnings()
        sub = gb.update_or_create_submission(assignment, outcome.student, **when)
    scored = {(c.notebook, c.cell): c for c in outcome.cells}
    comments = {(nb, cell): text for nb, cell, text in outcome.comments}
    penalties = dict(outcome.late_penalties)
    for nb in sub.notebooks:
        for grade in nb.grades:
            mine = scored.get((nb.name, grade.name))
            if outcome.failed or mine is None:
                grade.auto_score, grade.needs_manual_grade = 0.0, True
            else:
                grade.auto_score, grade.needs_manual_grade = mine.points, mine.needs_manual_grade
        for comment in nb.comments:
            if (nb.name, comment.name) in comments:
                comment.auto_comment = comments[(nb.name, comment.name)]
        if nb.name in penalties:
            nb.late_submission_penalty = penalties[nb.name]
    gb.db.commit()
