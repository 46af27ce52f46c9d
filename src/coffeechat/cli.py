"""The instructor's console script, ``coffeechat``, on top of nbgrader.

Every command works in an instructor's *course folder*, kept outside the
course kit's repository so that learners' work never lands in it, and hands
the real work to nbgrader's own API (:class:`nbgrader.apps.NbGraderAPI` and
its :class:`~nbgrader.api.Gradebook`):

========  ==============================================================
init      copy ``solutions/`` into ``COURSE/source`` and write the course's
          ``nbgrader_config.py`` (SQLite gradebook, time limit, fixes below)
release   make the student version: ``COURSE/release/<assignment>/``
collect   take a folder of submitted notebooks (``<student>.ipynb`` or
          ``<student>/<notebook>.ipynb``, as downloaded from a learning
          platform) into ``COURSE/submitted/<student>/<assignment>/`` with a
          valid ``timestamp.txt``, and add the students to the gradebook
grade     autograde every submission, showing progress, then print a summary
          and write a grades CSV
feedback  write each student's feedback page, with hidden tests' code removed
grades    print the summary and write the grades CSV again
========  ==============================================================

The course's ``nbgrader_config.py`` also fixes problems nbgrader users
report: a cell that runs too long is stopped and scores nothing, deleted
test cells are put back and graded, copied or pasted cells with grader
metadata no longer crash grading (:class:`RepairGraderMetadata`), and
feedback never shows the code of hidden tests (:class:`HideHiddenTests`).

Examples
--------
>>> parser = build_parser()
>>> args = parser.parse_args(["grade", "ps01", "--course", "course", "--timeout", "20"])
>>> args.command, args.assignment, args.timeout
('grade', 'ps01', 20.0)
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import nbformat
import pandas as pd
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.nbgraderformat import MetadataValidator, ValidationError
from nbgrader.preprocessors import ClearHiddenTests, NbGraderPreprocessor
from nbgrader.utils import compute_checksum, parse_utc

from coffeechat.errors import CoffeeChatError, GradingError

__all__ = [
    "GradeReport",
    "HideHiddenTests",
    "RepairGraderMetadata",
    "Submission",
    "build_parser",
    "collect",
    "feedback",
    "grade",
    "gradebook_table",
    "init_course",
    "main",
    "release",
    "summary",
]

#: How ``timestamp.txt`` is written; nbgrader's autograde crashes on a bad one.
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f UTC"

#: Seconds a cell may run before it is stopped (it then scores nothing).
DEFAULT_TIMEOUT = 60

_NBGRADER_FLAGS = ("NBGRADER_EXECUTION", "NBGRADER_VALIDATING")
_STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@+-]*$")
_CONFIG = "nbgrader_config.py"

_CONFIG_TEXT = """\
# nbgrader settings for this course, written by `coffeechat init`.
# Use it through `coffeechat release|collect|grade|feedback|grades --course <this folder>`;
# nbgrader's own commands and formgrader read it too when run from this folder.
import os

c = get_config()  # noqa: F821 (nbgrader provides get_config)
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.db_url = {db_url}

# A cell that runs longer than this many seconds is stopped and scores nothing,
# so an infinite loop can neither hang grading nor pass a test.
c.Execute.timeout = {timeout}
c.Execute.interrupt_on_timeout = True
# Keep the kernel's start-up chatter out of the grading log.
c.Execute.extra_arguments = [
    "--HistoryManager.hist_file=:memory:",
    "--IPKernelApp.log_level=ERROR",
]

# Test cells a learner deleted are put back and graded.
c.OverwriteCells.add_missing_cells = True
# Copied, pasted or damaged grader metadata is repaired before nbgrader checks it,
# so one tampered notebook cannot stop grading.
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "coffeechat.cli.RepairGraderMetadata",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# Feedback says that hidden tests ran and whether they passed, never their code.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "coffeechat.cli.HideHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
"""


# ------------------------------------------------------- nbgrader plug-ins
class HideHiddenTests(ClearHiddenTests):
    """Feedback preprocessor: remove hidden tests' code, keep their result.

    nbgrader's feedback page shows the autograded notebook, in which locked
    test cells hold the instructor's full source, hidden tests included. This
    replaces each hidden region with a one-line comment and cuts the
    traceback of a failed hidden test down to its last line (the message), so
    learners see *that* a hidden test failed and why, but not its code.
    Configure it in ``GenerateFeedback.preprocessors``.
    """

    def preprocess_cell(self, cell: Any, resources: Any, cell_index: int) -> tuple[Any, Any]:
        lines = cell.source.split("\n")
        if not any(self.begin_test_delimeter in line for line in lines):
            return cell, resources
        kept, inside = [], False
        for line in lines:
            if self.begin_test_delimeter in line:
                inside = True
                indent = line[: len(line) - len(line.lstrip())]
                kept.append(
                    f"{indent}# (hidden tests ran here; their code stays with your instructor)"
                )
            elif self.end_test_delimeter in line:
                inside = False
            elif not inside:
                kept.append(line)
        cell.source = "\n".join(kept)
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                name, message = output.get("ename", "Error"), output.get("evalue", "")
                output["traceback"] = [f"{name}: {message}"]
        return cell, resources


class RepairGraderMetadata(NbGraderPreprocessor):
    """Autograde preprocessor: make a tampered notebook safe for nbgrader.

    Runs after nbgrader's ``DeduplicateIds`` and before ``OverwriteCells``.
    It removes grader metadata that ``DeduplicateIds`` emptied (a copied
    cell), that names a cell this assignment does not have (a cell pasted
    from elsewhere) or that nbgrader cannot read, and puts back answer and
    read-only cells a learner deleted (answers as the blank stub, so they
    score nothing), so that ``OverwriteCells`` can put deleted test cells
    back in their place. Without this, such a notebook stops autograde with a
    ``KeyError``.
    """

    def preprocess(self, nb: Any, resources: Any) -> tuple[Any, Any]:
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            source = gb.find_notebook(info["notebook"], info["assignment"])
            order = [
                (c.name, c.cell_type, c.locked, c.source, c.checksum) for c in source.source_cells
            ]
            graded = {c.name for c in source.grade_cells} | {c.name for c in source.task_cells}
            answers = {c.name for c in source.solution_cells}
        known = {name for name, *_ in order}
        validator = MetadataValidator()
        present: set[str] = set()
        for index, cell in enumerate(nb.cells):
            meta = cell.metadata.get("nbgrader")
            if meta is None:
                continue
            grade_id = meta.get("grade_id") if isinstance(meta, dict) else None
            problem = None
            if not meta or grade_id is None:
                problem = "grader metadata without a cell id (a copied cell)"
            elif grade_id not in known:
                problem = f"grader metadata for {grade_id!r}, which this assignment does not have"
            else:
                try:
                    validator.validate_cell(cell)
                except ValidationError as err:
                    problem = f"grader metadata nbgrader cannot read ({err})"
            if problem:
                self.log.warning("Cell %d had %s; it is graded as an ordinary cell", index, problem)
                del cell.metadata["nbgrader"]
            else:
                present.add(grade_id)
        # Put back deleted answer and read-only cells, in source order.
        last = -1
        for name, cell_type, locked, text, checksum in order:
            if name in present:
                last = next(
                    i
                    for i, c in enumerate(nb.cells)
                    if c.metadata.get("nbgrader", {}).get("grade_id") == name
                )
                continue
            if name in graded:
                continue  # nbgrader's OverwriteCells.add_missing_cells puts these back
            self.log.warning("Missing cell %s put back from the source", name)
            make = (
                nbformat.v4.new_code_cell if cell_type == "code" else nbformat.v4.new_markdown_cell
            )
            restored = make(text)
            restored.metadata["nbgrader"] = {
                "grade": False,
                "solution": name in answers,
                "locked": bool(locked),
                "grade_id": name,
                "schema_version": 3,
                "checksum": checksum,
            }
            nb.cells.insert(last + 1, restored)
            last += 1
        return nb, resources


# ----------------------------------------------------------- course folder
@dataclass(frozen=True)
class _Course:
    """An instructor's course folder and the nbgrader objects working on it."""

    root: Path
    api: Any

    def path(self, *parts: str) -> Path:
        return self.root.joinpath(*parts)


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence library warnings that would bury the progress lines.

    Also put back nbgrader's execution flags: nbgrader 0.9.6 sets
    ``NBGRADER_EXECUTION`` around autograde but leaves it set when a
    submission fails (its ``utils.setenv`` has no ``finally``).
    """
    flags = {name: os.environ.get(name) for name in _NBGRADER_FLAGS}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for name, value in flags.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _open_course(
    course: str | Path, db: str | None = None, timeout: float | None = None
) -> _Course:
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    root = Path(course).resolve()
    if not (root / _CONFIG).is_file():
        raise GradingError(
            f"{root}: not a course folder (no {_CONFIG}); run `coffeechat init {course}` first"
        )
    config = PyFileConfigLoader(_CONFIG, path=str(root)).load_config()
    config.CourseDirectory.root = str(root)
    if db is not None:
        config.CourseDirectory.db_url = db
    if timeout is not None:
        config.Execute.timeout = int(timeout) if float(timeout).is_integer() else timeout
    # nbgrader logs at length; keep it for capture_log, off the terminal.
    log = logging.getLogger("coffeechat.nbgrader")
    log.propagate = False
    log.setLevel(logging.INFO)
    if not log.handlers:
        log.addHandler(logging.NullHandler())
    with _quiet():
        api = NbGraderAPI(CourseDirectory(config=config), config=config, log=log)
    return _Course(root, api)


def _repository_solutions() -> Path | None:
    """The course kit's ``solutions/`` folder, when running from a checkout."""
    for base in (Path(__file__).resolve().parents[2], Path.cwd()):
        if (base / "solutions").is_dir():
            return base / "solutions"
    return None


def init_course(
    course: str | Path,
    solutions: str | Path | None = None,
    *,
    db: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    force: bool = False,
) -> Path:
    """Set up an instructor's course folder.

    Copies every assignment in ``solutions`` into ``COURSE/source`` and writes
    ``COURSE/nbgrader_config.py``.

    Parameters
    ----------
    course : path-like
        The course folder; created if needed. It must be outside the course
        kit's repository, so that learners' work never ends up in it.
    solutions : path-like, optional
        The ``solutions/`` folder of the course kit; by default the one of the
        checkout this package runs from.
    db : str, optional
        A SQLAlchemy database URL for the gradebook; by default
        ``COURSE/gradebook.db`` (SQLite).
    timeout : float
        Seconds a cell may run when grading.
    force : bool
        Refresh ``source`` and the settings of a folder set up before.

    Returns
    -------
    pathlib.Path
        The course folder.

    Raises
    ------
    GradingError
        If the folder is inside the repository, is already set up (without
        ``force``), or there are no assignments to copy.
    """
    root = Path(course).resolve()
    found = _repository_solutions() if solutions is None else Path(solutions).resolve()
    if found is None or not found.is_dir():
        raise GradingError(
            f"{solutions or 'solutions/'}: no such folder; pass --solutions "
            "with the course kit's solutions folder"
        )
    kit = found.parent
    if root == kit or kit in root.parents:
        raise GradingError(
            f"{root} is inside the course kit ({kit}); keep learners' work out "
            "of it and choose a folder elsewhere"
        )
    if (root / _CONFIG).exists() and not force:
        raise GradingError(
            f"{root / _CONFIG} exists already; add --force to refresh the "
            "course's source folder and settings"
        )
    assignments = sorted(p for p in found.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))
    if not assignments:
        raise GradingError(f"{found}: no assignment folders with notebooks in them")
    root.mkdir(parents=True, exist_ok=True)
    for folder in assignments:
        target = root / "source" / folder.name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(folder, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    db_url = repr(db) if db else 'f"sqlite:///{c.CourseDirectory.root}/gradebook.db"'
    (root / _CONFIG).write_text(
        _CONFIG_TEXT.format(db_url=db_url, timeout=timeout), encoding="utf-8"
    )
    return root


def _assignment_notebooks(course: _Course, assignment: str) -> list[str]:
    """The notebook names of a released assignment, from the gradebook."""
    with course.api.gradebook as gb:
        try:
            found = gb.find_assignment(assignment)
        except MissingEntry:
            raise GradingError(
                f"assignment {assignment!r} has not been released in {course.root}; run "
                f"`coffeechat release {assignment} --course {course.root}` first"
            ) from None
        names = sorted(nb.name for nb in found.notebooks)
    if not names:
        raise GradingError(f"assignment {assignment!r} has no notebooks in the gradebook")
    return names


def _check_result(result: dict[str, Any], what: str) -> None:
    if not result.get("success"):
        detail = _last_error(result)
        raise GradingError(f"{what} failed: {detail}")


def _last_error(result: dict[str, Any]) -> str:
    lines = [
        line[len("[ERROR] ") :]
        for line in result.get("log", "").splitlines()
        if line.startswith("[ERROR] ") and "Traceback" not in line and "Please see" not in line
    ]
    if lines:
        return lines[0]
    error = result.get("error", "").strip().splitlines()
    return error[-1] if error else "unknown error"


def release(course: str | Path, assignment: str, *, db: str | None = None) -> Path:
    """Make the student version of an assignment in ``COURSE/release``.

    Runs nbgrader's ``generate_assignment``, which also records the
    assignment, its notebooks and graded cells in the gradebook.

    Returns
    -------
    pathlib.Path
        The folder to hand out.

    Raises
    ------
    GradingError
        If the assignment is not in ``COURSE/source`` or nbgrader fails; or,
        as a safety net, if hidden tests' code is found in the release.
    """
    c = _open_course(course, db)
    if not c.path("source", assignment).is_dir():
        have = sorted(p.name for p in c.path("source").glob("*") if p.is_dir())
        raise GradingError(
            f"{c.path('source', assignment)}: no such assignment "
            f"(the course has: {', '.join(have) or 'none'})"
        )
    with _quiet():
        _check_result(c.api.generate_assignment(assignment), f"release of {assignment}")
    out = c.path("release", assignment)
    _refuse_leaks(c, assignment, out.glob("*.ipynb"), "the student version")
    return out


def _hidden_lines(c: _Course, assignment: str) -> set[str]:
    """Lines of hidden-test code in the assignment's source notebooks."""
    lines: set[str] = set()
    for path in c.path("source", assignment).glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            inside = False
            for line in cell.source.split("\n"):
                if "BEGIN HIDDEN TESTS" in line:
                    inside = True
                elif "END HIDDEN TESTS" in line:
                    inside = False
                elif inside and len(line.strip()) > 8:
                    lines.add(line.strip())
    return lines


def _refuse_leaks(c: _Course, assignment: str, files: Any, what: str) -> None:
    import html

    secret = _hidden_lines(c, assignment)
    for path in files:
        text = Path(path).read_text(encoding="utf-8")
        text = text + html.unescape(text)
        leaked = sorted(line for line in secret if line in text)
        if leaked:
            raise GradingError(
                f"{path}: {what} shows hidden test code ({leaked[0]!r}); not handing it out"
            )


# ---------------------------------------------------------------- collect
@dataclass(frozen=True)
class Submission:
    """One submission taken in by :func:`collect`.

    Attributes
    ----------
    student : str
        The student's id (from the file or folder name).
    files : tuple of pathlib.Path
        The notebooks written into ``COURSE/submitted/<student>/<assignment>/``.
    timestamp : str
        What ``timestamp.txt`` says.
    notes : tuple of str
        Anything the instructor should know (a renamed file, a file that is
        not a readable notebook, a replaced earlier submission).
    """

    student: str
    files: tuple[Path, ...]
    timestamp: str
    notes: tuple[str, ...] = ()


def _timestamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime(TIMESTAMP_FORMAT)


def _valid_timestamp(text: str) -> bool:
    try:
        parse_utc(text.strip())
    except Exception:
        return False
    return bool(text.strip())


def _found_submissions(folder: Path) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_file() and path.suffix == ".ipynb":
            found.setdefault(path.stem, []).append(path)
        elif path.is_dir():
            notebooks = sorted(
                p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
            )
            if notebooks:
                found.setdefault(path.name, []).extend(notebooks)
    return found


def collect(
    course: str | Path,
    assignment: str,
    folder: str | Path,
    *,
    db: str | None = None,
    timestamp: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Submission]:
    """Take a folder of submitted notebooks into the course.

    Each ``<student>.ipynb``, or each ``<student>/`` folder of notebooks, is
    copied to ``COURSE/submitted/<student>/<assignment>/`` under the
    assignment's notebook name, with a ``timestamp.txt`` that nbgrader can
    read: the folder's own ``timestamp.txt`` if it is valid, else the given
    ``timestamp``, else the time the file was last changed. Each student is
    added to the gradebook.

    Parameters
    ----------
    course : path-like
    assignment : str
        A released assignment.
    folder : path-like
        The downloaded submissions.
    db : str, optional
        Gradebook URL, instead of the course's.
    timestamp : str, optional
        Submission time for all, such as ``2026-11-22 04:51:21.825107 UTC``.
    progress : callable, optional
        Called with a line of text per submission.

    Returns
    -------
    list of Submission

    Raises
    ------
    GradingError
        If the folder holds no notebooks, a student id cannot be used as a
        folder name, or ``timestamp`` cannot be read.
    """
    c = _open_course(course, db)
    notebooks = _assignment_notebooks(c, assignment)
    source = Path(folder)
    if not source.is_dir():
        raise GradingError(f"{source}: no such folder of submissions")
    if timestamp is not None and not _valid_timestamp(timestamp):
        raise GradingError(
            f"timestamp {timestamp!r} cannot be read; write it like "
            "'2026-11-22 04:51:21.825107 UTC'"
        )
    found = _found_submissions(source)
    if not found:
        raise GradingError(f"{source}: no notebooks (.ipynb) in it, nor in folders inside it")
    bad = [s for s in found if not _STUDENT_ID.match(s)]
    if bad:
        raise GradingError(
            f"{found[bad[0]][0]}: {bad[0]!r} cannot be a student id (use "
            "letters, digits and . _ @ + - only); rename it and collect again"
        )
    collected = []
    with c.api.gradebook as gb:
        for number, (student, files) in enumerate(sorted(found.items()), start=1):
            collected.append(_collect_one(c, assignment, notebooks, student, files, timestamp))
            gb.update_or_create_student(student)
            if progress:
                note = f" ({'; '.join(collected[-1].notes)})" if collected[-1].notes else ""
                progress(f"collected {number}/{len(found)} {student}{note}")
    return collected


def _collect_one(
    c: _Course,
    assignment: str,
    notebooks: list[str],
    student: str,
    files: list[Path],
    timestamp: str | None,
) -> Submission:
    notes: list[str] = []
    target = c.path("submitted", student, assignment)
    if target.exists():
        notes.append("replaced an earlier submission")
        shutil.rmtree(target)
    target.mkdir(parents=True)
    written = []
    by_name = {f.stem: f for f in files}
    for name in notebooks:
        if name in by_name:
            chosen = by_name[name]
        elif len(files) == 1 and len(notebooks) == 1:
            chosen = files[0]
            if chosen.stem != student:
                notes.append(f"took {chosen.name} as {name}.ipynb")
        else:
            notes.append(f"no {name}.ipynb (it will score 0)")
            continue
        try:
            with _quiet():
                nbformat.read(chosen, as_version=4)
        except Exception as err:
            notes.append(
                f"{chosen.name} is not a readable notebook ({type(err).__name__}); "
                "grading will report it"
            )
        shutil.copyfile(chosen, target / f"{name}.ipynb")
        written.append(target / f"{name}.ipynb")
    own = files[0].parent / "timestamp.txt"
    if timestamp is None and own.is_file() and _valid_timestamp(own.read_text()):
        stamp = own.read_text().strip()
    else:
        if own.is_file() and timestamp is None:
            notes.append("its timestamp.txt could not be read; used the file's time")
        stamp = timestamp or _timestamp(
            datetime.fromtimestamp(max(f.stat().st_mtime for f in files), UTC)
        )
    (target / "timestamp.txt").write_text(stamp + "\n", encoding="utf-8")
    return Submission(student, tuple(written), stamp, tuple(notes))


# ------------------------------------------------------------------ grade
@dataclass(frozen=True)
class GradeReport:
    """What :func:`grade` did.

    Attributes
    ----------
    assignment : str
    table : pandas.DataFrame
        One row a student: a column of points per graded cell, then
        ``total``, ``max`` and ``notes``; see :func:`gradebook_table`.
    problems : dict
        Student id to the notes about their submission: tampering that was
        repaired, cells stopped by the time limit, grading failures.
    failed : tuple of str
        Students whose notebook could not be graded at all (scored 0).
    students : tuple of str
        The students graded, in order.
    seconds : float
        How long grading took.
    csv : pathlib.Path or None
        Where the grades were written.
    """

    assignment: str
    table: pd.DataFrame
    problems: dict[str, tuple[str, ...]] = field(default_factory=dict)
    failed: tuple[str, ...] = ()
    students: tuple[str, ...] = ()
    seconds: float = 0.0
    csv: Path | None = None


def _submitted_students(c: _Course, assignment: str) -> list[str]:
    return sorted(p.parent.name for p in c.path("submitted").glob(f"*/{assignment}") if p.is_dir())


def _tampering(c: _Course, assignment: str, student: str) -> list[str]:
    """How a submission differs from the release in ways grading must repair."""
    notes = []
    for released in sorted(c.path("release", assignment).glob("*.ipynb")):
        sent = c.path("submitted", student, assignment, released.name)
        if not sent.is_file():
            notes.append(f"{released.name} missing (scored 0)")
            continue
        try:
            with _quiet():
                nb = nbformat.read(sent, as_version=4)
        except Exception as err:
            notes.append(f"{released.name} is not a readable notebook ({type(err).__name__})")
            continue
        original = nbformat.read(released, as_version=4)
        cells = {}
        for cell in original.cells:
            meta = cell.metadata.get("nbgrader", {})
            if "grade_id" in meta:
                cells[meta["grade_id"]] = (cell, meta)
        seen: dict[str, int] = {}
        edited = set()
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader")
            grade_id = meta.get("grade_id") if isinstance(meta, dict) else None
            if grade_id is None:
                continue
            seen[grade_id] = seen.get(grade_id, 0) + 1
            if grade_id in cells and cells[grade_id][1].get("locked"):
                theirs = nbformat.from_dict(dict(cell, metadata={"nbgrader": cells[grade_id][1]}))
                if compute_checksum(theirs) != cells[grade_id][1].get("checksum"):
                    edited.add(grade_id)
        graded = [g for g, (_, m) in cells.items() if m.get("grade") or m.get("solution")]
        deleted = [g for g in cells if g not in seen and (g in graded or cells[g][1].get("locked"))]
        copied = sorted(g for g, n in seen.items() if n > 1)
        unknown = sorted(g for g in seen if g not in cells)
        if deleted:
            notes.append(f"deleted {', '.join(deleted)} (put back and graded)")
        if copied:
            notes.append(f"copied {', '.join(copied)} (one copy graded)")
        if edited:
            notes.append(f"edited read-only {', '.join(sorted(edited))} (restored)")
        if unknown:
            notes.append(f"cells from elsewhere {', '.join(unknown)} (ignored)")
    return notes


def _failure_reason(result: dict[str, Any]) -> str:
    text = result.get("log", "") + result.get("error", "")
    if "Kernel died" in text or "DeadKernelError" in text:
        return "the kernel died (the notebook stopped or crashed Python)"
    if any(
        sign in text
        for sign in (
            "became unresponsive",
            "UnresponsiveKernelError",
            "Timeout waiting for execute reply",
            "didn't respond",
        )
    ):
        return (
            "a cell ran past the time limit and could not be interrupted (an endless "
            "loop that ignores interrupts)"
        )
    if "failed to validate" in text:
        return "its grader metadata is damaged beyond repair"
    if "NotJSONError" in text or "JSONDecodeError" in text or "Notebook does not appear" in text:
        return "it is not a readable notebook"
    return _last_error(result)


def _zero(c: _Course, assignment: str, student: str) -> None:
    """Make sure a submission that could not be graded scores 0, not an old score."""
    with c.api.gradebook as gb:
        try:
            submission = gb.find_submission(assignment, student)
        except MissingEntry:
            return
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.auto_score = 0.0
                grade.needs_manual_grade = True
        gb.db.commit()


def grade(
    course: str | Path,
    assignment: str,
    *,
    students: Sequence[str] | None = None,
    db: str | None = None,
    timeout: float | None = None,
    csv: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> GradeReport:
    """Autograde every collected submission of an assignment.

    Each submission is graded by nbgrader's ``autograde`` in turn, with a
    line of progress per submission. A submission whose kernel dies or whose
    notebook cannot be read scores 0 and is reported; a cell that runs longer
    than the time limit scores 0 and is reported; tampering with test cells
    is repaired, graded and reported. The grades are then written to a CSV.

    Parameters
    ----------
    course : path-like
    assignment : str
    students : sequence of str, optional
        Only these students; by default everyone who submitted.
    db : str, optional
        Gradebook URL, instead of the course's.
    timeout : float, optional
        Seconds a cell may run, instead of the course's setting.
    csv : path-like, optional
        Where to write the grades; ``COURSE/grades/<assignment>.csv`` by default.
    progress : callable, optional
        Called with a line of text before and after each submission.

    Returns
    -------
    GradeReport

    Raises
    ------
    GradingError
        If the assignment was not released or nobody submitted it.
    """
    c = _open_course(course, db, timeout)
    _assignment_notebooks(c, assignment)
    everyone = _submitted_students(c, assignment)
    todo = list(students) if students else everyone
    missing = [s for s in todo if s not in everyone]
    if missing:
        raise GradingError(
            f"{c.path('submitted', missing[0], assignment)}: no such "
            "submission; run `coffeechat collect` first"
        )
    if not todo:
        raise GradingError(
            f"{c.path('submitted')}: no submissions of {assignment!r}; run "
            "`coffeechat collect` first"
        )
    limit = c.api.config.Execute.get("timeout", 30)
    problems: dict[str, tuple[str, ...]] = {}
    failed = []
    start = time.perf_counter()
    for number, student in enumerate(todo, start=1):
        began = time.perf_counter()
        if progress:
            progress(
                f"grading {number}/{len(todo)} {student}\N{HORIZONTAL ELLIPSIS}"
                + _eta(start, number - 1, len(todo))
            )
        notes = _tampering(c, assignment, student)
        with _quiet():
            result = c.api.autograde(assignment, student)
        stopped = result.get("log", "").count("Timeout waiting for execute reply")
        if stopped:
            cells = "1 cell was" if stopped == 1 else f"{stopped} cells were"
            notes.append(f"{cells} stopped after the {limit:g} s time limit (scored 0)")
        if not result.get("success"):
            failed.append(student)
            _zero(c, assignment, student)
            reason = _failure_reason(result)
            said = any("not a readable notebook" in n for n in notes)
            notes.append(
                "could not be graded; scored 0"
                if said and "readable" in reason
                else f"could not be graded: {reason}; scored 0"
            )
        problems[student] = tuple(notes)
        if progress:
            score = _score(c, assignment, student)
            progress(
                f"  {student}: {score} ({time.perf_counter() - began:.1f} s)"
                + (f"; {'; '.join(notes)}" if notes else "")
            )
    _save_notes(c, assignment, problems)
    table = gradebook_table(course, assignment, db=db)
    out = _write_csv(c, assignment, table, csv)
    problems = {student: notes for student, notes in problems.items() if notes}
    return GradeReport(
        assignment, table, problems, tuple(failed), tuple(todo), time.perf_counter() - start, out
    )


def _notes_path(c: _Course, assignment: str) -> Path:
    return c.path("grades", f"{assignment}-notes.json")


def _load_notes(c: _Course, assignment: str) -> dict[str, list[str]]:
    path = _notes_path(c, assignment)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _save_notes(c: _Course, assignment: str, latest: dict[str, tuple[str, ...]]) -> None:
    """Keep grading notes beside the grades, so `coffeechat grades` shows them later."""
    notes = _load_notes(c, assignment)
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


def _eta(start: float, done: int, total: int) -> str:
    if done == 0:
        return ""
    left = (time.perf_counter() - start) / done * (total - done)
    return f" (about {left / 60:.0f} min left)" if left >= 90 else f" (about {left:.0f} s left)"


def _score(c: _Course, assignment: str, student: str) -> str:
    with c.api.gradebook as gb:
        try:
            s = gb.find_submission(assignment, student)
        except MissingEntry:
            return "no score"
        return f"{s.score:g}/{s.max_score:g}"


def _questions(c: _Course, assignment: str) -> list[tuple[str, str, str, float]]:
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
    c = _open_course(course, db)
    _assignment_notebooks(c, assignment)
    questions = _questions(c, assignment)
    notes = _load_notes(c, assignment)
    rows = {}
    with c.api.gradebook as gb:
        maximum = gb.find_assignment(assignment).max_score
        for student in gb.students:
            try:
                submission = gb.find_submission(assignment, student.id)
            except MissingEntry:
                rows[student.id] = [0.0] * len(questions) + [0.0, maximum, "no submission"]
                continue
            scores = {}
            for notebook in submission.notebooks:
                for g in notebook.grades:
                    scores[(notebook.name, g.name)] = float(g.score)
            points = [scores.get((nb, gid), 0.0) for _, nb, gid, _ in questions]
            note = "; ".join(notes.get(student.id, ()))
            rows[student.id] = [*points, float(submission.score), float(submission.max_score), note]
    columns = [column for column, *_ in questions]
    table = pd.DataFrame.from_dict(
        rows, orient="index", columns=[*columns, "total", "max", "notes"]
    )
    table.index.name = "student"
    return table.sort_index()


def _write_csv(c: _Course, assignment: str, table: pd.DataFrame, csv: str | Path | None) -> Path:
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
        f"{assignment}: {_plural(len(table), 'student')}, mean {mean:.3g} of {maximum:g} points"
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


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


# --------------------------------------------------------------- feedback
def feedback(
    course: str | Path,
    assignment: str,
    *,
    students: Sequence[str] | None = None,
    db: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write each graded student's feedback page, without hidden tests' code.

    Runs nbgrader's ``generate_feedback`` per student; the course's settings
    put :class:`HideHiddenTests` in its preprocessors. As a safety net, every
    page is searched for lines of hidden-test code before it is kept.

    Returns
    -------
    list of pathlib.Path
        The HTML pages, under ``COURSE/feedback/<student>/<assignment>/``.

    Raises
    ------
    GradingError
        If nothing has been graded, nbgrader fails, or a page would show
        hidden test code (the page is then deleted).
    """
    c = _open_course(course, db)
    graded = sorted(p.parent.name for p in c.path("autograded").glob(f"*/{assignment}"))
    todo = list(students) if students else graded
    if not todo:
        raise GradingError(
            f"{c.path('autograded')}: nothing graded for {assignment!r} yet; "
            "run `coffeechat grade` first"
        )
    pages = []
    for number, student in enumerate(todo, start=1):
        if progress:
            progress(f"feedback {number}/{len(todo)} {student}")
        with _quiet():
            _check_result(c.api.generate_feedback(assignment, student), f"feedback for {student}")
        written = sorted(c.path("feedback", student, assignment).glob("*.html"))
        try:
            _refuse_leaks(c, assignment, written, "the feedback")
        except GradingError:
            for page in written:
                page.unlink()
            raise
        pages.extend(written)
    return pages


# -------------------------------------------------------------------- main
def build_parser() -> argparse.ArgumentParser:
    """The command-line parser of the ``coffeechat`` console script."""
    parser = argparse.ArgumentParser(
        prog="coffeechat",
        description="Run Coffee Chat's graded assignments on nbgrader, in a course folder "
        "outside the course kit.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def course_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--course",
            default=".",
            metavar="DIR",
            help="the course folder (default: the current folder)",
        )
        p.add_argument(
            "--db",
            metavar="URL",
            help="gradebook database URL (SQLAlchemy), instead of the course's",
        )

    p = sub.add_parser("init", help="set up a course folder from the course kit's solutions")
    p.add_argument("course_dir", metavar="COURSE_DIR")
    p.add_argument("--solutions", metavar="DIR", help="the course kit's solutions folder")
    p.add_argument(
        "--db",
        metavar="URL",
        help="gradebook database URL (default: SQLite file COURSE_DIR/gradebook.db)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"seconds a cell may run when grading (default {DEFAULT_TIMEOUT})",
    )
    p.add_argument("--force", action="store_true", help="refresh a course set up before")

    p = sub.add_parser("release", help="make the student version of an assignment")
    p.add_argument("assignment")
    course_options(p)

    p = sub.add_parser("collect", help="take in a folder of submitted notebooks")
    p.add_argument("assignment")
    p.add_argument("folder", help="<student>.ipynb files or <student>/ folders")
    p.add_argument(
        "--timestamp",
        help="submission time for all, e.g. "
        "'2026-11-22 04:51:21.825107 UTC' (default: each file's time)",
    )
    course_options(p)

    p = sub.add_parser("grade", help="autograde the collected submissions")
    p.add_argument("assignment")
    p.add_argument(
        "--student", action="append", metavar="ID", help="grade only this student (repeatable)"
    )
    p.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="seconds a cell may run (default: the course's setting)",
    )
    p.add_argument(
        "--csv",
        metavar="FILE",
        help="where to write the grades (default: COURSE/grades/<assignment>.csv)",
    )
    course_options(p)

    p = sub.add_parser("feedback", help="write feedback pages (no hidden test code)")
    p.add_argument("assignment")
    p.add_argument(
        "--student", action="append", metavar="ID", help="only this student (repeatable)"
    )
    course_options(p)

    p = sub.add_parser("grades", help="print the grades and write the grades CSV")
    p.add_argument("assignment")
    p.add_argument(
        "--csv",
        metavar="FILE",
        help="where to write the grades (default: COURSE/grades/<assignment>.csv)",
    )
    course_options(p)
    return parser


def _points(args: argparse.Namespace) -> dict[str, float]:
    c = _open_course(args.course, args.db)
    return {column: points for column, _, _, points in _questions(c, args.assignment)}


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    def progress(line: str) -> None:
        print(line, file=err, flush=True)

    if args.command == "init":
        root = init_course(
            args.course_dir, args.solutions, db=args.db, timeout=args.timeout, force=args.force
        )
        names = sorted(p.name for p in (root / "source").iterdir() if p.is_dir())
        print(
            f"Course folder ready: {root}\nAssignments: {', '.join(names)}\n"
            f"Next: coffeechat release {names[0]} --course {root}",
            file=out,
        )
        return 0
    if args.command == "release":
        folder = release(args.course, args.assignment, db=args.db)
        files = ", ".join(p.name for p in sorted(folder.glob("*.ipynb")))
        print(f"Student version of {args.assignment}: {folder}\nHand out: {files}", file=out)
        return 0
    if args.command == "collect":
        taken = collect(
            args.course,
            args.assignment,
            args.folder,
            db=args.db,
            timestamp=args.timestamp,
            progress=progress,
        )
        flagged = [s for s in taken if s.notes]
        print(
            f"Collected {_plural(len(taken), 'submission')} of {args.assignment}"
            + (f"; {len(flagged)} with notes above" if flagged else "")
            + ".",
            file=out,
        )
        return 0
    if args.command == "grade":
        report = grade(
            args.course,
            args.assignment,
            students=args.student,
            db=args.db,
            timeout=args.timeout,
            csv=args.csv,
            progress=progress,
        )
        print(summary(report.table, args.assignment, _points(args)), file=out)
        print(
            f"Graded {_plural(len(report.students), 'submission')} in {report.seconds:.0f} s"
            + (
                f"; {len(report.failed)} could not be graded (scored 0): {', '.join(report.failed)}"
                if report.failed
                else ""
            )
            + f".\nGrades written to {report.csv}",
            file=out,
        )
        return 1 if report.failed else 0
    if args.command == "feedback":
        pages = feedback(
            args.course, args.assignment, students=args.student, db=args.db, progress=progress
        )
        print(
            f"Wrote {_plural(len(pages), 'feedback page')} under "
            f"{Path(args.course).resolve() / 'feedback'}",
            file=out,
        )
        return 0
    if args.command == "grades":
        c = _open_course(args.course, args.db)
        table = gradebook_table(args.course, args.assignment, db=args.db)
        out_path = _write_csv(c, args.assignment, table, args.csv)
        print(summary(table, args.assignment, _points(args)), file=out)
        print(f"Grades written to {out_path}", file=out)
        return 0
    raise AssertionError(args.command)  # argparse only allows the commands above


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``coffeechat`` console script; return its exit status.

    0 on success; 1 when grading finished but some submissions could not be
    graded; 2 on a usage or course-folder error (with a message on stderr).
    """
    args = build_parser().parse_args(argv)
    try:
        return _run(args, sys.stdout, sys.stderr)
    except CoffeeChatError as err:
        print(f"coffeechat: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
