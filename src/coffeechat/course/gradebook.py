"""The gradebook: reading scores back, keeping it safe, one writer at a time.

nbgrader keeps grades in a SQLAlchemy database, by default the SQLite file
``COURSE/gradebook.db``. Grading here never lets learners' code near it:
workers grade into private gradebooks of their own (:func:`private_copy`)
and the grading process alone writes results into the course's gradebook
(:func:`save_result`). Before a run :func:`backup` keeps a consistent copy
of a SQLite gradebook (the ``sqlite3`` backup API) and after it
:func:`check_integrity` makes sure nothing is damaged.
"""

from __future__ import annotations

import json
import sqlite3
import warnings
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd
from nbgrader.api import Gradebook, MissingEntry
from sqlalchemy.exc import SAWarning

from coffeechat._args import plural
from coffeechat.course.folder import Course, assignment_notebooks, open_course
from coffeechat.errors import GradingError

__all__ = [
    "KEEP_BACKUPS",
    "backup",
    "check_integrity",
    "gradebook_table",
    "load_notes",
    "private_copy",
    "questions",
    "save_notes",
    "save_result",
    "sqlite_path",
    "summary",
    "write_csv",
]

#: How many backups of the gradebook ``grade`` keeps.
KEEP_BACKUPS = 5


def sqlite_path(db_url: str) -> Path | None:
    """The file of a SQLite database URL, or None for another database.

    Examples
    --------
    >>> sqlite_path("sqlite:////srv/course/gradebook.db")
    PosixPath('/srv/course/gradebook.db')
    >>> sqlite_path("postgresql://grader@localhost/course") is None
    True
    """
    prefix = "sqlite:///"
    if not db_url.startswith(prefix) or db_url == prefix + ":memory:":
        return None
    return Path(db_url[len(prefix) :])


def backup(c: Course, keep: int = KEEP_BACKUPS) -> Path | None:
    """Copy a SQLite gradebook to ``COURSE/backups/``; keep the newest ``keep`` copies.

    Uses SQLite's online backup, so the copy is consistent even while
    something else reads the gradebook. Returns the copy, or None when the
    gradebook is not a SQLite file (back up that database your own way) or
    does not exist yet.
    """
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


def check_integrity(c: Course, assignment: str, students: Any = ()) -> None:
    """Make sure the gradebook is sound and holds every student given.

    Raises
    ------
    GradingError
        If SQLite's ``integrity_check`` finds damage, or a student is missing;
        the message names the newest backup to restore.
    """
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


def read_result(db_url: str, assignment: str, student: str) -> dict[str, Any] | None:
    """What autograde stored for one submission, as plain data (None if nothing)."""
    with Gradebook(db_url) as gb:
        try:
            sub = gb.find_submission(assignment, student)
        except MissingEntry:
            return None
        return {
            "timestamp": sub.timestamp,
            "notebooks": {
                nb.name: {
                    "grades": {g.name: (g.auto_score, g.needs_manual_grade) for g in nb.grades},
                    "comments": {c.name: c.auto_comment for c in nb.comments},
                    "late_penalty": nb.late_submission_penalty,
                }
                for nb in sub.notebooks
            },
        }


def quiet_nbgrader_warnings() -> None:
    """Ignore the warning nbgrader's ``add_submission`` gives under SQLAlchemy 2.

    It builds a new submission in a way SQLAlchemy warns about ("Object of
    type <SubmittedAssignment> not in session"), harmlessly: nothing for an
    instructor to act on.
    """
    warnings.filterwarnings("ignore", message="Object of type <Submitted", category=SAWarning)


def save_result(
    gb: Gradebook, assignment: str, student: str, result: Mapping[str, Any] | None
) -> None:
    """Write one graded submission into the course's gradebook (the one writer).

    ``result`` is :func:`read_result`'s data; None means the submission could
    not be graded, and every one of its graded cells then scores 0.
    """
    gb.update_or_create_student(student)
    when = {}
    if result is not None and result.get("timestamp") is not None:
        when["timestamp"] = result["timestamp"]
    with warnings.catch_warnings():
        quiet_nbgrader_warnings()
        sub = gb.update_or_create_submission(assignment, student, **when)
    for nb in sub.notebooks:
        mine = (result or {}).get("notebooks", {}).get(nb.name)
        for grade in nb.grades:
            if mine is None or grade.name not in mine["grades"]:
                grade.auto_score, grade.needs_manual_grade = 0.0, True
            else:
                grade.auto_score, grade.needs_manual_grade = mine["grades"][grade.name]
        for comment in nb.comments:
            if mine is not None and comment.name in mine["comments"]:
                comment.auto_comment = mine["comments"][comment.name]
        if mine is not None:
            nb.late_submission_penalty = mine["late_penalty"]
    gb.db.commit()


def _notes_path(c: Course, assignment: str) -> Path:
    return c.path("grades", f"{assignment}-notes.json")


def load_notes(c: Course, assignment: str) -> dict[str, list[str]]:
    path = _notes_path(c, assignment)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def save_notes(c: Course, assignment: str, latest: dict[str, tuple[str, ...]]) -> None:
    """Keep grading notes beside the grades, so `coffeechat grades` shows them later."""
    notes = load_notes(c, assignment)
    for student, said in latest.items():
        if said:
            notes[student] = list(said)
        else:
            notes.pop(student, None)
    path = _notes_path(c, assignment)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(notes, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8"
    )


def questions(c: Course, assignment: str) -> list[tuple[str, str, str, float]]:
    """(column, notebook, grade id, points) of each graded cell, in notebook order.

    The column is the grade id, prefixed with the notebook's name when the
    assignment has several notebooks.
    """
    cells = []
    for path in sorted(c.path("release", assignment).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade") or meta.get("task"):
                cells.append((path.stem, meta["grade_id"], float(meta.get("points", 0))))
    several = len({nb for nb, _, _ in cells}) > 1
    return [(f"{nb}/{g}" if several else g, nb, g, p) for nb, g, p in cells]


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
    c = open_course(course, db)
    assignment_notebooks(c, assignment)
    cells = questions(c, assignment)
    notes = load_notes(c, assignment)
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
    out = Path(csv) if csv is not None else c.path("grades", f"{assignment}.csv")
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out)
    return out


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
