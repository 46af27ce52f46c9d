"""Taking in a folder of submitted notebooks, as downloaded from a learning platform."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import nbformat
from nbgrader.utils import parse_utc

from coffeechat.course.folder import Course, assignment_notebooks, open_course, quiet
from coffeechat.errors import GradingError

__all__ = ["TIMESTAMP_FORMAT", "Submission", "collect"]

#: How ``timestamp.txt`` is written; nbgrader's autograde crashes on a bad one.
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f UTC"

_STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@+-]*$")


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
    c = open_course(course, db)
    notebooks = assignment_notebooks(c, assignment)
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
    c: Course,
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
            with quiet():
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
