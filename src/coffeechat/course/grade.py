"""``grade``: autograde a class in parallel, each submission in a sandbox.

The grading process hands students to worker processes
(:mod:`coffeechat.course.worker`), each with its own private gradebook and,
where bubblewrap is available, its own sandboxed kernel
(:mod:`coffeechat.course.sandbox`). It alone writes the course's gradebook,
one finished submission at a time, so a run stopped halfway (Ctrl-C, a
killed worker) keeps every finished grade; the next run grades only what is
new (a submission collected since, or changed) unless asked for more
(``students``, ``force``). Before a run a SQLite gradebook is backed up and
after it the gradebook's integrity is checked.
"""

from __future__ import annotations

import collections
import hashlib
import json
import multiprocessing
import os
import queue
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
from nbgrader.api import Gradebook, MissingEntry

from coffeechat.course import sandbox as _sandbox
from coffeechat.course.folder import Course, assignment_notebooks, open_course
from coffeechat.course.gradebook import (
    backup,
    check_integrity,
    gradebook_table,
    save_notes,
    save_result,
    write_csv,
)
from coffeechat.course.worker import Settings, run_worker, stop_kernels_in
from coffeechat.errors import GradingError

__all__ = ["GradeReport", "grade", "sandbox_status"]

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


def _state_path(c: Course, assignment: str) -> Path:
    return c.path("grades", f"{assignment}-graded.json")


def _load_state(c: Course, assignment: str) -> dict[str, str]:
    path = _state_path(c, assignment)
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except ValueError:
        return {}


def _save_state(c: Course, assignment: str, state: dict[str, str]) -> None:
    path = _state_path(c, assignment)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(temporary, path)


def _eta(start: float, done: int, total: int) -> str:
    if done == 0:
        return ""
    left = (time.perf_counter() - start) / done * (total - done)
    return f" (about {left / 60:.0f} min left)" if left >= 90 else f" (about {left:.0f} s left)"


def _score(gb: Gradebook, assignment: str, student: str) -> str:
    try:
        s = gb.find_submission(assignment, student)
    except MissingEntry:
        return "no score"
    return f"{s.score:g}/{s.max_score:g}"


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
    GradingError
        If the assignment was not released, nobody submitted it, the sandbox
        is required but unavailable, or grading was stopped (what was graded
        by then is saved).
    """
    global _warned_no_sandbox
    if sandbox not in _sandbox.MODES:
        raise GradingError(f"sandbox {sandbox!r}: use one of {', '.join(_sandbox.MODES)}")
    if jobs is not None and jobs < 1:
        raise GradingError(f"jobs {jobs!r}: grade with at least 1 worker")
    c = open_course(course, db, timeout)
    assignment_notebooks(c, assignment)
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
    sandboxed = sandbox != "off" and why_not is None

    state = _load_state(c, assignment)
    prints = {s: _fingerprint(c, assignment, s) for s in everyone}
    if students:
        todo = list(dict.fromkeys(students))
    elif force:
        todo = everyone
    else:
        todo = [s for s in everyone if state.get(s) != prints[s]]
    skipped = tuple(s for s in everyone if s not in todo) if not students else ()

    saved_copy = backup(c)
    settings = Settings(
        course=str(c.root),
        assignment=assignment,
        db_url=c.api.coursedir.db_url,
        timeout=timeout,
        sandbox=sandboxed,
        limits=limits or _sandbox.Limits(),
    )
    start = time.perf_counter()
    problems: dict[str, tuple[str, ...]] = {}
    failed: list[str] = []
    finished: list[str] = []

    def record(gb: Gradebook, student: str, outcome: dict[str, Any]) -> None:
        save_result(gb, assignment, student, outcome["result"])
        score = _score(gb, assignment, student)
        notes = tuple(outcome["notes"])
        problems[student] = notes
        if outcome["failed"]:
            failed.append(student)
        finished.append(student)
        save_notes(c, assignment, {student: notes})
        state[student] = prints[student]
        _save_state(c, assignment, state)
        if progress:
            progress(
                f"  {student}: {score} ({outcome['seconds']:.1f} s)"
                + (f"; {'; '.join(notes)}" if notes else "")
            )

    if todo:
        # One connection for the whole run: the grading process is the gradebook's one writer.
        with Gradebook(c.api.coursedir.db_url) as gb:
            workers = jobs or os.cpu_count() or 1
            lost = _run_pool(settings, todo, workers, partial(record, gb), progress, start)
        if lost:
            raise GradingError(
                f"grading stopped after {len(finished)} of {len(todo)} submissions "
                f"({', '.join(lost[:3])}{' and more' if len(lost) > 3 else ''} unfinished); "
                "every finished grade is saved: run the same command again to grade the rest"
            )
    check_integrity(c, assignment, [s for s in everyone if s in state])
    table = gradebook_table(c.root, assignment, db=db)
    out = write_csv(c, assignment, table, csv)
    return GradeReport(
        assignment,
        table,
        {s: n for s, n in problems.items() if n},
        tuple(failed),
        tuple(finished),
        time.perf_counter() - start,
        out,
        skipped,
        sandboxed,
        saved_copy,
    )


#: How many times a submission is handed to a fresh worker after the worker
#: grading it stopped (killed, crashed) before it is recorded as failed.
RETRIES_PER_SUBMISSION = 1


def _restart_cap(jobs: int, todo: int) -> int:
    """Most workers started again in one run, whatever stops them."""
    return min(2 * jobs + 4, jobs + 2 * todo)


def _worker_stopped(student: str, tries: int) -> dict[str, Any]:
    return {
        "result": None,
        "failed": True,
        "notes": [
            f"could not be graded: its grading worker stopped {tries} times while grading it "
            "(the notebook may stop or kill the process that runs it); scored 0"
        ],
        "seconds": 0.0,
    }


def _process_context() -> Any:
    """How grading workers are started.

    On Linux, while this process has no other thread, workers are forked from
    it: they start at once with nbgrader and the grading code already
    imported (importing them takes a new process 2 to 4 s). Elsewhere, or
    with other threads about (forking those is unsafe), they are forked from
    a clean server process that imports the grading code once.
    """
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["coffeechat.course.worker"])
    return context


def _run_pool(
    settings: Settings,
    todo: list[str],
    jobs: int,
    record: Callable[[str, dict[str, Any]], None],
    progress: Callable[[str], None] | None,
    start: float,
    *,
    retries: int | None = None,
    restart_cap: int | None = None,
) -> list[str]:
    """Grade ``todo`` in worker processes; return the students left unfinished.

    A worker that stops while grading a submission is replaced and the
    submission handed out again, ``retries`` times at most
    (:data:`RETRIES_PER_SUBMISSION`); then it is recorded as failed, with the
    reason. Past ``restart_cap`` replacements in all (:func:`_restart_cap`),
    grading stops and the students not yet graded are returned.
    """
    context = _process_context()
    # Students go to the workers through a queue without a feeder thread, a
    # few at a time (``top_up``): the grading process stays single-threaded,
    # so that a replacement worker can be forked from it safely too.
    tasks, results = context.SimpleQueue(), context.Queue()
    pending = collections.deque(todo)
    queued = 0
    count = min(jobs, len(todo))
    cap = _restart_cap(count, len(todo)) if restart_cap is None else restart_cap
    retries = RETRIES_PER_SUBMISSION if retries is None else retries
    workers: dict[int, Any] = {}
    folders: dict[int, Path] = {}
    serial = iter(range(10**9))

    def launch() -> None:
        index = next(serial)
        folders[index] = Path(tempfile.mkdtemp(prefix="coffeechat-grading-"))
        worker = context.Process(
            target=run_worker,
            args=(index, settings, tasks, results, str(folders[index])),
            daemon=True,
        )
        worker.start()
        workers[index] = worker

    def clear_up(index: int) -> None:
        """A stopped worker's kernels and folder go with it, however it stopped."""
        stop_kernels_in(folders[index])
        shutil.rmtree(folders.pop(index), ignore_errors=True)

    def top_up() -> None:
        nonlocal queued
        while pending and queued < 2 * count:
            tasks.put(pending.popleft())
            queued += 1

    for _ in range(count):
        launch()
    top_up()
    holding: dict[int, str] = {}
    done: set[str] = set()
    tries: dict[str, int] = {}
    restarts = 0
    started = 0
    interrupted = False
    try:
        while len(done) < len(todo):
            try:
                message = results.get(timeout=0.5)
            except queue.Empty:
                for index, worker in list(workers.items()):
                    if worker.is_alive():
                        continue
                    del workers[index]
                    clear_up(index)
                    student = holding.pop(index, None)
                    if student is not None:
                        tries[student] = tries.get(student, 0) + 1
                        if tries[student] > retries:
                            done.add(student)
                            record(student, _worker_stopped(student, tries[student]))
                        else:
                            pending.appendleft(student)
                            top_up()
                            if progress:
                                progress(
                                    f"the worker grading {student} stopped; "
                                    "grading it again in a new worker"
                                )
                while len(workers) < min(count, len(todo) - len(done)) and restarts < cap:
                    restarts += 1
                    launch()
                if not workers:
                    break
                continue
            kind, index = message[0], message[1]
            if kind == "start":
                holding[index] = message[2]
                queued -= 1
                top_up()
                started += 1
                if progress:
                    progress(
                        f"grading {min(started, len(todo))}/{len(todo)} {message[2]}"
                        "\N{HORIZONTAL ELLIPSIS}" + _eta(start, len(done), len(todo))
                    )
            elif kind == "done":
                holding.pop(index, None)
                done.add(message[2])
                record(message[2], message[3])
            elif kind == "error":
                raise GradingError(f"a grading worker could not start: {message[2]}")
    except KeyboardInterrupt:
        interrupted = True
        return [s for s in todo if s not in done]
    finally:
        if not interrupted:
            for _ in workers:
                tasks.put(None)
            for worker in workers.values():
                worker.join(timeout=2)
            if worker.is_alive():
                worker.terminate()
        for worker in workers.values():
            worker.join(timeout=10)
            if worker.is_alive():
                worker.kill()
                worker.join(timeout=10)
        for index in list(folders):
            clear_up(index)
        results.cancel_join_thread()
    if progress and len(done) < len(todo):
        progress(
            f"grading workers stopped {restarts + count} times in all; stopping here "
            "(something keeps stopping them)"
        )
    return [s for s in todo if s not in done]
