"""Grades in files that learning platforms import.

========  ==================================================================
csv       the course's own table: a column per graded cell, ``total``,
          ``max`` and ``notes`` (what :func:`~coffeechat.course.gradebook.gradebook_table` gives)
canvas    Canvas's gradebook CSV: ``Student, ID, SIS User ID, SIS Login ID,
          Section``, then a column ``Title (id)`` with each student's total
moodle    Moodle's grade import CSV: one identifier column (``ID number``) and
          one column per grade item, named by the assignment's title
========  ==================================================================

Students are matched by id. With a roster (the platform's own gradebook
export, or any CSV with those identity columns), each student's row takes
the roster's name, ids and section, and the assignment column keeps the
roster's name (Canvas puts its own assignment id in brackets); without one
the student id fills the ids. A student in the gradebook but not on the
roster is still written, never dropped.

Examples
--------
>>> t = pd.DataFrame({"total": [18.0, 7.5], "max": [18.0, 18.0], "notes": ["", ""]},
...                  index=pd.Index(["ana", "ben"], name="student"))
>>> print(canvas_table(t, "Who can introduce you", "ps01").to_csv(index=False).strip())
Student,ID,SIS User ID,SIS Login ID,Section,Who can introduce you (ps01)
ana,,ana,ana,,18
ben,,ben,ben,,7.5
>>> print(moodle_table(t, "Who can introduce you").to_csv(index=False).strip())
ID number,Who can introduce you
ana,18
ben,7.5
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from coffeechat.course._gradebook import questions, scores_table, write_csv
from coffeechat.course.folder import open_course
from coffeechat.course.gradebook import summary
from coffeechat.errors import GradingError

__all__ = [
    "CANVAS_IDENTITY",
    "FORMATS",
    "Grades",
    "canvas_table",
    "export_grades",
    "moodle_table",
    "read_roster",
    "title_of",
]

FORMATS = ("csv", "canvas", "moodle")
CANVAS_IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
_MATCH = ("SIS Login ID", "SIS User ID", "ID", "ID number", "Username", "Email address")


def title_of(assignment: str) -> str:
    """The assignment's title, from :data:`coffeechat.checks.ASSIGNMENTS` if it is there."""
    from coffeechat.checks import ASSIGNMENTS

    spec = ASSIGNMENTS.get(assignment)
    return spec.title if spec is not None else assignment


def read_roster(path: str | Path) -> pd.DataFrame:
    """Read a platform's roster or gradebook export (a CSV file).

    Raises
    ------
    GradingError
        If the file cannot be read or has none of the identity columns.
    """
    try:
        roster = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError, pd.errors.ParserError) as err:
        raise GradingError(f"{path}: cannot read the roster ({err})") from err
    if not any(column in roster.columns for column in _MATCH):
        raise GradingError(
            f"{path}:1: the roster has none of the columns {', '.join(_MATCH)} to match students by"
        )
    # Canvas's export has a "Points Possible" line under the header.
    first = roster.columns[0]
    return roster[~roster[first].str.strip().eq("Points Possible")].reset_index(drop=True)


def _roster_row(roster: pd.DataFrame | None, student: str) -> dict[str, str] | None:
    if roster is None:
        return None
    for column in _MATCH:
        if column in roster.columns:
            hits = roster[roster[column].str.strip() == student]
            if len(hits):
                return hits.iloc[0].to_dict()
    return None


def canvas_table(
    table: pd.DataFrame, title: str, assignment: str, roster: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Canvas's gradebook import: identity columns, then ``Title (id)`` with totals."""
    column = f"{title} ({assignment})"
    if roster is not None:
        named = [c for c in roster.columns if c.startswith(f"{title} (")]
        column = named[0] if named else column
    rows = []
    for student, row in table.iterrows():
        found = _roster_row(roster, str(student)) or {}
        identity = {
            "Student": found.get("Student", str(student)),
            "ID": found.get("ID", ""),
            "SIS User ID": found.get("SIS User ID", str(student)),
            "SIS Login ID": found.get("SIS Login ID", str(student)),
            "Section": found.get("Section", ""),
        }
        rows.append({**identity, column: f"{row['total']:g}"})
    return pd.DataFrame(rows, columns=[*CANVAS_IDENTITY, column])


def moodle_table(
    table: pd.DataFrame, title: str, roster: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Moodle's grade import: ``ID number`` and one column for the grade item."""
    rows = []
    for student, row in table.iterrows():
        found = _roster_row(roster, str(student)) or {}
        ident = found.get("ID number") or str(student)
        rows.append({"ID number": ident, title: f"{row['total']:g}"})
    return pd.DataFrame(rows, columns=["ID number", title])


@dataclass(frozen=True)
class Grades:
    """What :func:`export_grades` wrote: the course's table, each question's points, the file."""

    assignment: str
    table: pd.DataFrame
    points: dict[str, float]
    path: Path

    def text(self) -> str:
        """The summary of the grades and where they were written, for the instructor."""
        return (
            summary(self.table, self.assignment, self.points) + f"\nGrades written to {self.path}"
        )


def export_grades(
    course: str | Path,
    assignment: str,
    *,
    format: str = "csv",
    roster: str | Path | None = None,
    csv: str | Path | None = None,
    db: str | None = None,
) -> Grades:
    """Write an assignment's grades from the gradebook, for the course or a platform.

    Parameters
    ----------
    course : path-like
    assignment : str
    format : {"csv", "canvas", "moodle"}
        The course's own table (every graded cell), or a platform's import.
    roster : path-like, optional
        The platform's roster or gradebook export, to take names and ids from.
    csv : path-like, optional
        Where to write; by default ``COURSE/grades/<assignment>.csv``, or
        ``<assignment>-<format>.csv`` for a platform.
    db : str, optional
        Gradebook URL, instead of the course's.

    Returns
    -------
    Grades
    """
    if format not in FORMATS:
        raise GradingError(f"format {format!r}: use one of {', '.join(FORMATS)}")
    c = open_course(course, db)
    table = scores_table(c, assignment)
    points = {column: points for column, _, _, points in questions(c, assignment)}
    if format == "csv":
        return Grades(assignment, table, points, write_csv(c, assignment, table, csv))
    people = read_roster(roster) if roster else None
    title = title_of(assignment)
    made = (
        canvas_table(table, title, assignment, people)
        if format == "canvas"
        else moodle_table(table, title, people)
    )
    out = Path(csv) if csv is not None else c.path("grades", f"{assignment}-{format}.csv")
    out.parent.mkdir(parents=True, exist_ok=True)
    made.to_csv(out, index=False)
    return Grades(assignment, table, points, out)
