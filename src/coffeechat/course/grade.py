"""``grade``: autograde a class in parallel, each submission in a sandbox.

One submission travels one way: :func:`grade` chooses what to grade
(:func:`_choose`), hands it to the worker pool (:mod:`coffeechat.course.pool`),
whose worker (:mod:`coffeechat.course.worker`) grades it in a private
gradebook and, where bubblewrap is available, a sandboxed kernel
(:mod:`coffeechat.course.sandbox`), and sends back one
:class:`~coffeechat.course.outcome.Outcome`; the :class:`Recorder` writes it
into the course's gradebook (:mod:`coffeechat.course.transfer`) and the files
beside it (:mod:`coffeechat.course.sidecars`). The grading process alone
writes the course's gradebook, one finished submission at a time, so a run
stopped halfway (Ctrl-C, a killed worker) keeps every finished grade; the
next run grades only what is new (a submission collected since, or changed)
unless asked for more (``students``, ``force``). Before a run a SQLite
gradebook is backed up and after it the gradebook's integrity is checked.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from nbgrader.api import Gradebook, MissingEntry

from coffeechat._args import at_least, checked, one_of, plural
from coffeechat.course import _gradebook
from coffeechat.course import sandbox as _sandbox
from coffeechat.course.folder import Course, assignment_notebooks, open_course
from coffeechat.course.gradebook import summary
from coffeechat.course.outcome import Outcome
from coffeechat.course.pool import run_pool
from coffeechat.course.sidecars import Sidecars
from coffeechat.course.transfer import save_outcome
from coffeechat.course.worker import Settings
from coffeechat.errors import GradingError

__all__ = ["GradeReport", "Recorder", "grade", "sandbox_status"]

_warned_no_sandbox = False


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
        The students graded, in the order they finished.
    seconds : float
        How long grading took.
    csv : pathlib.Path or None
        Where the grades were written.
    skipped : tuple of str
        Students already graded whose submission has not changed.
    sandboxed : bool
        Whether learners' code ran in the sandbox.
    backup : pathlib.Path or None
        The copy of the gradebook taken before the run.
    points : dict
        Each question column's maximum points.
    """

    assignment: str
    table: pd.DataFrame
    problems: dict[str, tuple[str, ...]] = field(default_factory=dict)
    failed: tuple[str, ...] = ()
    students: tuple[str, ...] = ()
    seconds: float = 0.0
    csv: Path | None = None
    skipped: tuple[str, ...] = ()
    sandboxed: bool = False
    backup: Path | None = None
    points: dict[str, float] = field(default_factory=dict)

    def text(self) -> str:
        """The summary of the grades, then a sentence on the run, for the instructor."""
        closing = (
            f"Graded {plural(len(self.students), 'submission')} in {self.seconds:.0f} s"
            + (
                f"; {len(self.failed)} could not be graded (scored 0): {', '.join(self.failed)}"
                if self.failed
                else ""
            )
            + (
                f"; {plural(len(self.skipped), 'submission')} already graded and "
                "unchanged (--force grades them again)"
                if self.skipped
                else ""
            )
            + ("" if self.sandboxed else "; learners' code ran WITHOUT the sandbox")
            + f".\nGrades written to {self.csv}"
        )
        return summary(self.table, self.assignment, self.points) + "\n" + closing


def sandbox_status() -> str | None:
    """None when grading kernels can be sandboxed here, else why not."""
    if not sys.platform.startswith("linux"):
        return "the grading sandbox needs Linux (bubblewrap)"
    if _sandbox.bwrap_path() is None:
        return (
            "bubblewrap (bwrap) is missing or cannot make a sandbox here: " + _sandbox.INSTALL_HINT
        )
    return None


def _submitted_students(c: Course, assignment: str) -> list[str]:
    return sorted(p.parent.name for p in c.path("submitted").glob(f"*/{assignment}") if p.is_dir())


def _fingerprint(c: Course, assignment: str, student: str) -> str:
    """A digest of everything submitted, to tell a new submission from a graded one."""
    digest = hashlib.sha256()
    folder = c.path("submitted", student, assignment)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class _Choice:
    """What a run grades: ``todo``; what it leaves, unchanged since graded: ``skipped``."""

    everyone: list[str]
    todo: list[str]
    skipped: tuple[str, ...]
    prints: dict[str, str]


def _choose(
    c: Course, assignment: str, students: Sequence[str] | None, force: bool, kept: Sidecars
) -> _Choice:
    """Choose what to grade: the students asked for, else what is new or changed."""
    everyone = _submitted_students(c, assignment)
    missing = [s for s in students or () if s not in everyone]
    if missing:
        raise GradingError(
            f"{c.path('submitted', missing[0], assignment)}: no such "
            "submission; run `coffeechat collect` first"
        )
    if not everyone:
        raise GradingError(
            f"{c.path('submitted')}: no submissions of {assignment!r}; run "
            "`coffeechat collect` first"
        )
    state = kept.fingerprints()
    prints = {s: _fingerprint(c, assignment, s) for s in everyone}
    if students:
        todo = list(dict.fromkeys(students))
    elif force:
        todo = everyone
    else:
        todo = [s for s in everyone if state.get(s) != prints[s]]
    skipped = tuple(s for s in everyone if s not in todo) if not students else ()
    return _Choice(everyone, todo, skipped, prints)


def _use_sandbox(sandbox: str, progress: Callable[[str], None] | None) -> bool:
    """Whether to sandbox learners' code; refuse or warn (once) when it cannot be."""
    global _warned_no_sandbox
    why_not = sandbox_status() if sandbox != "off" else None
    if sandbox == "required" and why_not:
        raise GradingError(f"not grading without the sandbox: {why_not}")
    if sandbox == "auto" and why_not and not _warned_no_sandbox:
        _warned_no_sandbox = True
        if progress:
            progress(
                f"WARNING: grading WITHOUT a sandbox ({why_not}). Learners' code runs with "
                "your rights and can reach the course folder and the gradebook."
            )
    return sandbox != "off" and why_not is None


def _stopped(finished: int, todo: int, lost: list[str]) -> GradingError:
    return GradingError(
        f"grading stopped after {finished} of {todo} submissions "
        f"({', '.join(lost[:3])}{' and more' if len(lost) > 3 else ''} unfinished); "
        "every finished grade is saved: run the same command again to grade the rest"
    )


class Recorder:
    """Records each graded submission as its outcome arrives: the one writer.

    Writes the outcome into the course's gradebook (``gb``, one connection for
    the whole run) and the notes and digest beside it, then says the score.
    """

    def __init__(
        self,
        gb: Gradebook,
        assignment: str,
        kept: Sidecars,
        prints: dict[str, str],
        progress: Callable[[str], None] | None = None,
    ) -> None:
        self.gb, self.assignment, self.kept, self.prints = gb, assignment, kept, prints
        self.progress = progress
        self.outcomes: list[Outcome] = []

    def __call__(self, outcome: Outcome) -> None:
        save_outcome(self.gb, self.assignment, outcome)
        self.kept.record(outcome.student, self.prints[outcome.student], outcome.notes)
        self.outcomes.append(outcome)
        if self.progress:
            self.progress(
                f"  {outcome.student}: {self.score(outcome.student)} ({outcome.seconds:.1f} s)"
                + (f"; {'; '.join(outcome.notes)}" if outcome.notes else "")
            )

    def score(self, student: str) -> str:
        """The student's score as the course's gradebook now holds it (marks included)."""
        try:
            s = self.gb.find_submission(self.assignment, student)
        except MissingEntry:
            return "no score"
        return f"{s.score:g}/{s.max_score:g}"


@checked(
    jobs=at_least(1),
    timeout=at_least(1),
    sandbox=one_of(*_sandbox.MODES),
    kinds={"Limits": (lambda v: isinstance(v, _sandbox.Limits), "coffeechat.course.Limits")},
)
def grade(
    course: str | Path,
    assignment: str,
    *,
    students: Sequence[str] | None = None,
    db: str | None = None,
    timeout: float | None = None,
    csv: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
    sandbox: str = "auto",
    force: bool = False,
    limits: _sandbox.Limits | None = None,
) -> GradeReport:
    """Autograde the collected submissions of an assignment.

    Each submission is graded by nbgrader's ``autograde``, in ``jobs``
    worker processes at once, with a line of progress per submission. A
    submission whose kernel dies or whose notebook cannot be read scores 0
    and is reported; a cell that runs longer than the time limit scores 0
    and is reported; tampering with test cells is repaired, graded and
    reported. The grades are then written to a CSV.

    Parameters
    ----------
    course : path-like
    assignment : str
    students : sequence of str, optional
        Grade these students (again); by default everyone whose submission
        is new or changed since it was last graded.
    db : str, optional
        Gradebook URL, instead of the course's.
    timeout : float, optional
        Seconds a cell may run, instead of the course's setting.
    csv : path-like, optional
        Where to write the grades; ``COURSE/grades/<assignment>.csv`` by default.
    progress : callable, optional
        Called with a line of text before and after each submission.
    jobs : int, optional
        Worker processes; by default the number of CPUs.
    sandbox : {"auto", "required", "off"}
        ``auto`` sandboxes kernels where bubblewrap works and says loudly,
        once, when it cannot; ``required`` refuses to grade without it.
    force : bool
        Grade every submission again, changed or not.
    limits : coffeechat.course.sandbox.Limits, optional
        Resource limits of each sandboxed kernel.

    Returns
    -------
    GradeReport

    Raises
    ------
    InvalidParameter
        If an argument is of the wrong kind or out of range (``jobs`` below 1).
    GradingError
        If the assignment was not released, nobody submitted it, the sandbox
        is required but unavailable, or grading was stopped (what was graded
        by then is saved).
    """
    c = open_course(course, db, timeout)
    assignment_notebooks(c, assignment)
    kept = Sidecars(c.path("grades"), assignment)
    chosen = _choose(c, assignment, students, force, kept)
    sandboxed = _use_sandbox(sandbox, progress)
    saved_copy = _gradebook.backup(c)
    settings = Settings(
        str(c.root),
        assignment,
        c.api.coursedir.db_url,
        timeout,
        sandboxed,
        limits or _sandbox.Limits(),
    )
    start = time.perf_counter()
    # One connection for the whole run: the grading process is the gradebook's one writer.
    with Gradebook(c.api.coursedir.db_url) as gb:
        recorder = Recorder(gb, assignment, kept, chosen.prints, progress)
        workers = jobs or os.cpu_count() or 1
        lost = run_pool(settings, chosen.todo, workers, recorder, progress) if chosen.todo else []
    outcomes = recorder.outcomes
    if lost:
        raise _stopped(len(outcomes), len(chosen.todo), lost)
    graded = kept.fingerprints()
    _gradebook.check_integrity(c, assignment, [s for s in chosen.everyone if s in graded])
    table = _gradebook.scores_table(c, assignment)
    return GradeReport(
        assignment,
        table,
        problems={o.student: o.notes for o in outcomes if o.notes},
        failed=tuple(o.student for o in outcomes if o.failed),
        students=tuple(o.student for o in outcomes),
        seconds=time.perf_counter() - start,
        csv=_gradebook.write_csv(c, assignment, table, csv),
        skipped=chosen.skipped,
        sandboxed=sandboxed,
        backup=saved_copy,
        points={column: points for column, _, _, points in _gradebook.questions(c, assignment)},
    )
