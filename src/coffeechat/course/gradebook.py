"""The gradebook: keeping it safe, and reading its scores back.

nbgrader keeps grades in a SQLAlchemy database, by default the SQLite file
``COURSE/gradebook.db``. Before a grading run :func:`backup` keeps a
consistent copy of a SQLite gradebook (the ``sqlite3`` backup API) and after
it :func:`check_integrity` makes sure nothing is damaged;
:func:`gradebook_table` and :func:`summary` read the scores back. How a
grading worker's results reach the gradebook is
:mod:`~coffeechat.course.transfer`; the files kept beside the grades are
:mod:`~coffeechat.course.sidecars`.

Every function here takes the course folder; the course's own modules,
which have the course open already, use the same functions on an open
:class:`~coffeechat.course.folder.Course` from ``course/_gradebook.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from coffeechat._args import plural
from coffeechat.course import _gradebook
from coffeechat.course._gradebook import KEEP_BACKUPS
from coffeechat.course.folder import open_course, sqlite_path

__all__ = [
    "KEEP_BACKUPS",
    "backup",
    "check_integrity",
    "gradebook_table",
    "questions",
    "sqlite_path",
    "summary",
    "write_csv",
]


def backup(course: str | Path, *, db: str | None = None, keep: int = KEEP_BACKUPS) -> Path | None:
    """Copy a SQLite gradebook to ``COURSE/backups/``; keep the newest ``keep`` copies.

    Uses SQLite's online backup, so the copy is consistent even while
    something else reads the gradebook. Returns the copy, or None when the
    gradebook is not a SQLite file (back up that database your own way) or
    does not exist yet.
    """
    return _gradebook.backup(open_course(course, db), keep)


def check_integrity(
    course: str | Path, assignment: str, students: Iterable[str] = (), *, db: str | None = None
) -> None:
    """Make sure the gradebook is sound and holds every student given.

    Raises
    ------
    GradingError
        If SQLite's ``integrity_check`` finds damage, or a student is missing;
        the message names the newest backup to restore.
    """
    _gradebook.check_integrity(open_course(course, db), assignment, students)


def questions(course: str | Path, assignment: str) -> list[tuple[str, str, str, float]]:
    """(column, notebook, grade id, points) of each graded cell, in notebook order.

    The column is the grade id, prefixed with the notebook's name when the
    assignment has several notebooks.
    """
    return _gradebook.questions(open_course(course), assignment)


def gradebook_table(course: str | Path, assignment: str, *, db: str | None = None) -> pd.DataFrame:
    """Everyone's scores on an assignment, read back from nbgrader's gradebook.

    Returns
    -------
    pandas.DataFrame
        Indexed by student id (every student in the gradebook); one column of
        points per graded cell (named by its ``grade_id``, prefixed with the
        notebook name when the assignment has several), then ``total``,
        ``max`` and ``notes``: what the last grading found (tampering repaired,
        cells stopped, failures), or "no submission".
    """
    return _gradebook.scores_table(open_course(course, db), assignment)


def write_csv(
    course: str | Path, assignment: str, table: pd.DataFrame, csv: str | Path | None = None
) -> Path:
    """Write ``table`` to ``csv``, by default ``COURSE/grades/<assignment>.csv``; return where."""
    return _gradebook.write_csv(open_course(course), assignment, table, csv)


def summary(table: pd.DataFrame, assignment: str, points: dict[str, float]) -> str:
    """A plain-text summary: one line a student, then one line a question.

    Parameters
    ----------
    table : pandas.DataFrame
        As made by :func:`gradebook_table`.
    assignment : str
        Its name, for the first line.
    points : dict
        Each question column's maximum points.

    Examples
    --------
    >>> t = pd.DataFrame({"q1": [1.0, 0.0], "q2": [2.0, 2.0], "total": [3.0, 2.0],
    ...                   "max": [3.0, 3.0], "notes": ["", "no submission"]},
    ...                  index=pd.Index(["ana", "ben"], name="student"))
    >>> print(summary(t, "ps01", {"q1": 1.0, "q2": 2.0}))
    ps01: 2 students, mean 2.5 of 3 points
    student  score  notes
    ana        3/3
    ben        2/3  no submission
    question  points  mean  full marks
    q1           1   0.5   1 of 2
    q2           2     2   2 of 2
    """
    questions = [c for c in table.columns if c not in ("total", "max", "notes")]
    maximum = table["max"].max() if len(table) else 0
    mean = table["total"].mean()
    lines = [
        f"{assignment}: {plural(len(table), 'student')}, mean {mean:.3g} of {maximum:g} points"
    ]
    width = max([len("student"), *(len(str(s)) for s in table.index)])
    lines.append(f"{'student':<{width}}  score  notes")
    for student, row in table.iterrows():
        score = f"{row['total']:g}/{row['max']:g}"
        lines.append(f"{student!s:<{width}}  {score:>5}  {row['notes']}".rstrip())
    qwidth = max([len("question"), *(len(q) for q in questions)])
    lines.append(f"{'question':<{qwidth}}  points  mean  full marks")
    for q in questions:
        full = int((table[q] >= points[q]).sum())
        lines.append(
            f"{q:<{qwidth}}  {points[q]:>6g}  {table[q].mean():>4.2g}   {full} of {len(table)}"
        )
    return "\n".join(lines)
