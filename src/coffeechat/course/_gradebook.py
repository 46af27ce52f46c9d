"""The gradebook on an open course: what the course's own modules share.

Each function here takes an open :class:`~coffeechat.course.folder.Course`,
so that a grading run, which has one open, does not open the course folder
again; :mod:`coffeechat.course.gradebook` is the public face of the same
functions, taking the course folder.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import nbformat
import pandas as pd
from nbgrader.api import Gradebook, MissingEntry

from coffeechat.course.folder import Course, assignment_notebooks, sqlite_path
from coffeechat.course.sidecars import Sidecars
from coffeechat.errors import GradingError

__all__ = ["KEEP_BACKUPS", "backup", "check_integrity", "questions", "scores_table", "write_csv"]

#: How many backups of the gradebook ``grade`` keeps.
KEEP_BACKUPS = 5


def backup(c: Course, keep: int = KEEP_BACKUPS) -> Path | None:
    """Copy a SQLite gradebook to ``COURSE/backups/``; keep the newest ``keep`` copies."""
    path = sqlite_path(c.api.coursedir.db_url)
    if path is None or not path.is_file():
        return None
    folder = c.path("backups")
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}.db"
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    for old in sorted(folder.glob(f"{path.stem}-*.db"))[:-keep]:
        old.unlink()
    return target


def check_integrity(c: Course, assignment: str, students: Iterable[str] = ()) -> None:
    """Make sure the gradebook is sound and holds every student given."""
    newest = sorted(c.path("backups").glob("*.db"))
    restore = f"; restore the backup {newest[-1]}" if newest else ""
    path = sqlite_path(c.api.coursedir.db_url)
    if path is not None:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = db.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as err:
            verdict = str(err)
        finally:
            db.close()
        if verdict != "ok":
            raise GradingError(f"{path}: the gradebook is damaged ({verdict}){restore}")
    with Gradebook(c.api.coursedir.db_url) as gb:
        have = {s.student.id for s in gb.find_assignment(assignment).submissions}
    missing = sorted(set(students) - have)
    if missing:
        raise GradingError(
            f"the gradebook lacks the grades of {', '.join(missing[:3])}"
            f"{' and more' if len(missing) > 3 else ''}{restore}"
        )


def questions(c: Course, assignment: str) -> list[tuple[str, str, str, float]]:
    """(column, notebook, grade id, points) of each graded cell, in notebook order."""
    cells = []
    for path in sorted(c.path("release", assignment).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade") or meta.get("task"):
                cells.append((path.stem, meta["grade_id"], float(meta.get("points", 0))))
    several = len({nb for nb, _, _ in cells}) > 1
    return [(f"{nb}/{g}" if several else g, nb, g, p) for nb, g, p in cells]


def scores_table(c: Course, assignment: str) -> pd.DataFrame:
    """Everyone's scores on an assignment: see :func:`coffeechat.course.gradebook_table`."""
    assignment_notebooks(c, assignment)
    cells = questions(c, assignment)
    notes = Sidecars(c.path("grades"), assignment).notes()
    rows = {}
    with c.api.gradebook as gb:
        maximum = gb.find_assignment(assignment).max_score
        for student in gb.students:
            try:
                submission = gb.find_submission(assignment, student.id)
            except MissingEntry:
                rows[student.id] = [0.0] * len(cells) + [0.0, maximum, "no submission"]
                continue
            scores = {}
            for notebook in submission.notebooks:
                for g in notebook.grades:
                    scores[(notebook.name, g.name)] = float(g.score)
            points = [scores.get((nb, gid), 0.0) for _, nb, gid, _ in cells]
            note = "; ".join(notes.get(student.id, ()))
            rows[student.id] = [*points, float(submission.score), float(submission.max_score), note]
    columns = [column for column, *_ in cells]
    table = pd.DataFrame.from_dict(
        rows, orient="index", columns=[*columns, "total", "max", "notes"]
    )
    table.index.name = "student"
    return table.sort_index()


def write_csv(c: Course, assignment: str, table: pd.DataFrame, csv: str | Path | None) -> Path:
    """Write ``table`` to ``csv``, by default ``COURSE/grades/<assignment>.csv``."""
    out = Path(csv) if csv is not None else c.path("grades", f"{assignment}.csv")
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out)
    return out
