"""A grading worker: a process that grades submissions one at a time.

Each worker has a private gradebook (:func:`~coffeechat.course.gradebook.private_copy`)
and, when the sandbox is on, the ``coffeechat-sandbox`` kernelspec of its
own, so that workers never share a database, a socket or a kernel. It runs
nbgrader's real ``autograde`` for each student it is handed and sends back
one :class:`~coffeechat.course.outcome.Outcome`: the scores, the notes for the
instructor, how long it took, what the course's preprocessors did (which they
note in nbgrader's ``resources``). The grading process alone writes the
course's gradebook.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import stat
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
from nbgrader.converters import Autograde
from nbgrader.utils import capture_log, temp_attrs

from coffeechat.checks._integrity import cell_changes, expected_cells
from coffeechat.course import sandbox
from coffeechat.course.folder import SANITIZE, Course, last_error, open_course, quiet
from coffeechat.course.outcome import RESOURCES_KEY, Facts, Outcome
from coffeechat.course.transfer import private_copy, quiet_nbgrader_warnings, read_outcome

__all__ = ["Settings", "grade_one", "run_worker", "submission_notes"]

_AUTOGRADE = [
    "coffeechat.course.preprocessors.LimitedExecute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "coffeechat.course.preprocessors.ScrubLeakedTests",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "coffeechat.course.preprocessors.CheckCellMetadata",
]

#: Course configurations may name nbgrader's own preprocessor where the course has its own.
_OURS = {
    "nbgrader.preprocessors.CheckCellMetadata": "coffeechat.course.preprocessors.CheckCellMetadata",
}


@dataclass(frozen=True)
class Settings:
    """What every worker of a grading run shares."""

    course: str
    assignment: str
    db_url: str
    timeout: float | None
    sandbox: bool
    limits: sandbox.Limits


def _configure(settings: Settings, private_url: str, run: Path) -> Any:
    def configure(config: Any) -> None:
        config.CourseDirectory.db_url = private_url
        config.Autograde.sanitize_preprocessors = [
            _OURS.get(name, name) if isinstance(name, str) else name
            for name in config.Autograde.get("sanitize_preprocessors", list(SANITIZE))
        ]
        config.Autograde.autograde_preprocessors = list(_AUTOGRADE)
        # Every answer is in by the time the kernel is shut down: end it at once
        # rather than wait for it to tidy up and exit.
        config.Execute.shutdown_kernel = "immediate"
        if settings.sandbox:
            config.Execute.kernel_name = sandbox.KERNEL_NAME
            config.KernelManager.transport = "ipc"
            config.KernelManager.ip = str(run / "ipc")
            config.KernelManager.connection_file = str(run / "kernel.json")

    return configure


def submission_notes(c: Course, assignment: str, student: str) -> list[str]:
    """How a submission differs from the release in ways grading must repair."""
    notes = []
    for released in sorted(c.path("release", assignment).glob("*.ipynb")):
        sent = c.path("submitted", student, assignment, released.name)
        if not sent.is_file():
            notes.append(f"{released.name} missing (scored 0)")
            continue
        try:
            with quiet():
                nb = nbformat.read(sent, as_version=4)
        except Exception as err:
            notes.append(f"{released.name} is not a readable notebook ({type(err).__name__})")
            continue
        expected = expected_cells(nbformat.read(released, as_version=4).cells)
        found = cell_changes(nb.cells, expected)
        if found.deleted:
            notes.append(f"deleted {', '.join(found.deleted)} (put back and graded)")
        if found.copied:
            notes.append(f"copied {', '.join(found.copied)} (one copy graded)")
        if found.edited:
            notes.append(f"edited read-only {', '.join(found.edited)} (restored)")
        if found.points:
            notes.append(f"edited the points of {', '.join(found.points)} (restored)")
        if found.moved:
            notes.append(f"moved {', '.join(found.moved)} (graded where it is)")
        if found.unknown:
            notes.append(f"cells from elsewhere {', '.join(found.unknown)} (ignored)")
    return notes


class _Autograde(Autograde):
    """nbgrader's ``Autograde``, keeping what each notebook's preprocessors noted.

    Every notebook of a submission passes through nbgrader twice (sanitising,
    then autograding), each time with ``resources`` of its own; what the
    course's preprocessors noted there is kept in :attr:`noted`, and the
    error that stopped a notebook, if any, in :attr:`error`.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.noted: list[dict[str, Any]] = []
        self.error = ""

    def write_single_notebook(self, output: str, resources: Any) -> None:
        self.noted.append(resources)
        super().write_single_notebook(output, resources)

    def convert_single_notebook(self, notebook_filename: str) -> None:
        try:
            super().convert_single_notebook(notebook_filename)
        except Exception as err:
            self.error = self.error or f"{type(err).__name__}: {err}"
            # The notebook is never written, but what was noted before the error
            # still happened (output cut off, a cell stopped): an executing
            # preprocessor keeps the resources it was given as ``resources``.
            for preprocessor in self.exporter._preprocessors:  # nbgrader sets this list itself
                kept = getattr(preprocessor, "resources", None)
                if isinstance(kept, dict) and RESOURCES_KEY in kept:
                    self.noted.append(kept)
            raise


def autograde(c: Course, assignment: str, student: str) -> tuple[dict[str, Any], Facts]:
    """Run nbgrader's autograde on one submission: its result and what was noted.

    The result is nbgrader's (``success``, ``log``, ``error``), as
    :meth:`nbgrader.apps.NbGraderAPI.autograde` gives it.
    """
    api = c.api
    with temp_attrs(api.coursedir, assignment_id=assignment, student_id=student):
        app = _Autograde(coursedir=api.coursedir, parent=api)
        app.force = True
        app.create_student = True
        result = capture_log(app)
    return result, Facts.gathered(app.noted, app.error)


def failure_reason(result: Mapping[str, Any], facts: Facts) -> str:
    """Why nbgrader could not grade a submission, in a few plain words."""
    error = facts.error or result.get("error", "")
    if error.startswith("DeadKernelError"):
        return "the kernel died (the notebook stopped or crashed Python)"
    if facts.timed_out or error.startswith(("UnresponsiveKernelError", "CellTimeoutError")):
        return (
            "a cell ran past the time limit and could not be interrupted (an endless "
            "loop that ignores interrupts)"
        )
    if error.startswith("ValidationError"):
        return "its grader metadata is damaged beyond repair"
    if error.startswith(("NotJSONError", "JSONDecodeError")) or "does not appear" in error:
        return "it is not a readable notebook"
    return last_error(result)


def _tidy(folder: Path) -> int:
    """Remove links, pipes and sockets a kernel left in its working folder."""
    removed = 0
    if not folder.is_dir():
        return 0
    for path in sorted(folder.rglob("*"), reverse=True):
        mode = path.lstat().st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            path.unlink()
            removed += 1
    return removed


_OUTSIDE = re.compile(
    r"""(?:No such file or directory|Permission denied|Read-only file system"""
    r"""|Is a directory): '([^']+)'"""
)


def _too_much_memory(limits: sandbox.Limits) -> str:
    return f"used too much memory: stopped at the limit of {limits.memory_mb} MiB"


#: What a kernel's own log shows when memory ran out outside Python's reach.
_MEMORY_SIGNS = ("MemoryError", "bad_alloc", "Cannot allocate memory", "out of memory")


def _log_since(log: Path | None, offset: int) -> str:
    if log is None or not log.is_file():
        return ""
    with open(log, "rb") as f:
        f.seek(offset)
        return f.read(1_000_000).decode("utf-8", "replace")


def behaviour_notes(c: Course, assignment: str, student: str, limits: sandbox.Limits) -> list[str]:
    """What the graded notebook's errors say it tried: limits hit, network, other folders."""
    folder = c.path("autograded", student, assignment)
    found: dict[str, None] = {}
    for path in sorted(folder.glob("*.ipynb")):
        try:
            with quiet():
                nb = nbformat.read(path, as_version=4)
        except Exception:
            continue
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                if output.get("output_type") != "error":
                    continue
                name, value = output.get("ename", ""), str(output.get("evalue", ""))
                if name.endswith("MemoryError"):  # numpy's is _ArrayMemoryError
                    found[_too_much_memory(limits)] = None
                elif name == "BlockingIOError" or "Resource temporarily unavailable" in value:
                    found[f"started too many processes (the limit is {limits.processes})"] = None
                elif "File too large" in value:
                    found[f"wrote a file over the {limits.file_mb} MiB limit"] = None
                elif any(
                    sign in value
                    for sign in (
                        "Network is unreachable",
                        "Connection refused",
                        "name resolution",
                        "Name or service not known",
                        "urlopen error",
                    )
                ) or name in ("gaierror", "URLError", "ConnectionRefusedError"):
                    found["tried to use the network (there is none while grading)"] = None
                else:
                    match = _OUTSIDE.search(value)
                    if match:
                        target = (folder / match.group(1)).resolve()
                        if not target.is_relative_to(folder.resolve()):
                            found[f"tried to reach {match.group(1)}, outside its folder"] = None
    return list(found)


def grade_one(
    c: Course,
    assignment: str,
    student: str,
    private_url: str,
    limits: sandbox.Limits | None = None,
    kernel_log: Path | None = None,
) -> Outcome:
    """Autograde one submission against the worker's private gradebook.

    ``kernel_log`` is the sandboxed kernels' log: what it gains while this
    submission runs tells, for one, a kernel that died of memory.
    """
    began = time.perf_counter()
    notes = submission_notes(c, assignment, student)
    offset = kernel_log.stat().st_size if kernel_log is not None and kernel_log.is_file() else 0
    with quiet():
        result, facts = autograde(c, assignment, student)
    notes += _fact_notes(facts, c.api.config.Execute.get("timeout", 30))
    limits = limits or sandbox.Limits()
    notes += behaviour_notes(c, assignment, student, limits)
    memory_signs = any(sign in _log_since(kernel_log, offset) for sign in _MEMORY_SIGNS)
    if memory_signs and _too_much_memory(limits) not in notes:
        notes.append(_too_much_memory(limits))
    if _tidy(c.path("autograded", student, assignment)):
        notes.append("it left links or pipes in its folder (removed)")
    if not result.get("success"):
        reason = failure_reason(result, facts)
        said = any("not a readable notebook" in n for n in notes)
        notes.append(
            "could not be graded; scored 0"
            if said and "readable" in reason
            else f"could not be graded: {reason}; scored 0"
        )
        return Outcome.failure(student, notes, seconds=time.perf_counter() - began, facts=facts)
    return read_outcome(
        private_url,
        assignment,
        student,
        notes=tuple(notes),
        seconds=time.perf_counter() - began,
        facts=facts,
    )


def _fact_notes(facts: Facts, limit: float) -> list[str]:
    """The instructor's notes on what the course's preprocessors did."""
    notes = []
    if facts.timed_out:
        cells = "1 cell was" if facts.timed_out == 1 else f"{facts.timed_out} cells were"
        notes.append(f"{cells} stopped after the {limit:g} s time limit (scored 0)")
    if facts.cut_off:
        notes.append("its output was too long and was cut off")
    if facts.scrubbed:
        notes.append("its output showed hidden test code, which was removed")
    return notes


def share_gradebook_engines() -> None:
    """Let every nbgrader ``Gradebook`` of this process share one engine per database.

    nbgrader's autograde opens a new ``Gradebook``, and with it a new
    SQLAlchemy engine, about a dozen times a submission; each new engine
    compiles the same SQL again and checks every table again, about 0.35 s of
    a worker's 3.7 s a submission. SQLAlchemy's engines are made to be made
    once and shared, so a worker (a process of its own, forked for grading
    alone) hands nbgrader the one engine it already has for a database. This
    is the one place the course reaches into nbgrader: ``nbgrader.api`` calls
    ``create_engine`` by that name, and nothing else about it changes.
    """
    import nbgrader.api
    from sqlalchemy import create_engine

    engines: dict[tuple[str, tuple[tuple[str, Any], ...]], Any] = {}

    def shared_engine(url: Any, **options: Any) -> Any:
        key = (str(url), tuple(sorted(options.items())))
        if key not in engines:
            engines[key] = create_engine(url, **options)
        return engines[key]

    nbgrader.api.create_engine = shared_engine


def stop_kernels_in(base: Path) -> int:
    """Kill every process whose command line names ``base``: a worker's leftover kernels.

    A sandboxed kernel runs in a session of its own under bubblewrap, so it
    outlives a worker that is killed or stopped mid-submission; its command
    line names the worker's folder (connection file, bound runtime folder).
    """
    needle = os.fsencode(str(base))
    killed = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry.name}/cmdline", "rb") as f:
                if needle in f.read():
                    os.kill(int(entry.name), signal.SIGKILL)
                    killed += 1
        except OSError:
            continue
    return killed


def run_worker(
    index: int, settings: Settings, tasks: Any, results: Any, folder: str | None = None
) -> None:
    """Grade the students taken from ``tasks`` until a None; report on ``results``.

    Messages: ``("ready", index)``, ``("start", index, student)``,
    ``("done", index, outcome)`` (an :class:`~coffeechat.course.outcome.Outcome`),
    ``("error", index, message)``.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the grading process handles Ctrl-C

    def stop(*_: Any) -> None:
        raise SystemExit(1)

    signal.signal(signal.SIGTERM, stop)
    quiet_nbgrader_warnings()
    share_gradebook_engines()
    base = Path(folder or tempfile.mkdtemp(prefix="coffeechat-grading-"))
    try:
        run = base / "run"
        run.mkdir()
        private_url = private_copy(settings.db_url, settings.assignment, base / "gradebook.db")
        if settings.sandbox:
            course_root = Path(settings.course).resolve()
            sandbox.write_kernelspec(
                base / "data", run, hidden=[course_root], limits=settings.limits
            )
            os.environ["JUPYTER_PATH"] = os.pathsep.join(
                p for p in (str(base / "data"), os.environ.get("JUPYTER_PATH", "")) if p
            )
        c = open_course(
            settings.course, None, settings.timeout, _configure(settings, private_url, run)
        )
        results.put(("ready", index))
        while True:
            student = tasks.get()
            if student is None:
                break
            results.put(("start", index, student))
            try:
                outcome = grade_one(
                    c,
                    settings.assignment,
                    student,
                    private_url,
                    settings.limits,
                    run / "kernel.log" if settings.sandbox else None,
                )
            except Exception as err:  # one submission must never stop the class
                outcome = Outcome.failure(
                    student, [f"could not be graded: {type(err).__name__}: {err}; scored 0"]
                )
            results.put(("done", index, outcome))
    except Exception as err:
        results.put(("error", index, f"{type(err).__name__}: {err}"))
    finally:
        stop_kernels_in(base)
        shutil.rmtree(base, ignore_errors=True)
