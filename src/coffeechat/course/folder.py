"""An instructor's course folder: setting it up, opening it, releasing assignments.

The course folder is kept outside the course kit's repository, so that
learners' work never lands in it. ``init_course`` copies the kit's
``solutions/`` into ``COURSE/source`` and writes ``COURSE/nbgrader_config.py``;
everything else opens it with :func:`open_course`, which hands the work to
nbgrader's own API (:class:`nbgrader.apps.NbGraderAPI`).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
from nbgrader.api import MissingEntry

from coffeechat.course.hidden import delimiters, hidden_lines, refuse_leaks
from coffeechat.errors import GradingError, InvalidParameter

__all__ = [
    "CONFIG",
    "DEFAULT_TIMEOUT",
    "SANITIZE",
    "Course",
    "assignment_notebooks",
    "check_database",
    "check_result",
    "init_course",
    "last_error",
    "open_course",
    "quiet",
    "release",
    "sqlite_path",
]

#: Seconds a cell may run before it is stopped (it then scores nothing).
DEFAULT_TIMEOUT = 60

#: The course's settings file.
CONFIG = "nbgrader_config.py"
_CONFIG = CONFIG

_NBGRADER_FLAGS = ("NBGRADER_EXECUTION", "NBGRADER_VALIDATING")

#: The preprocessors that make a submission safe before autograde runs it, in order.
SANITIZE = (
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "coffeechat.course.preprocessors.RepairGraderMetadata",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "coffeechat.course.preprocessors.CheckCellMetadata",
)

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
{sanitize}
]
# Feedback says that hidden tests ran and whether they passed, never their code.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "coffeechat.course.preprocessors.HideHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
"""


@dataclass(frozen=True)
class Course:
    """An instructor's course folder and the nbgrader objects working on it."""

    root: Path
    api: Any

    def path(self, *parts: str) -> Path:
        """A path inside the course folder."""
        return self.root.joinpath(*parts)

    def hidden_lines(self, assignment: str) -> set[str]:
        """Lines of hidden-test code in the assignment's source notebooks."""
        begin, end = delimiters(self.api.config)
        sources = []
        for path in sorted(self.path("source", assignment).glob("*.ipynb")):
            sources += [c.source for c in nbformat.read(path, as_version=4).cells]
        return hidden_lines(sources, begin, end)


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


def check_database(url: object, name: str = "db", *, connect: bool = True) -> str:
    """``url`` if it is a gradebook database this machine can open and write.

    A SQLite gradebook's folder must exist and be writable (and the file too,
    if it exists); any other database must be reachable with its driver
    installed. Only the SQLite checks are free: another database is
    connected to once (unless ``connect`` is false: a course set up here to
    grade elsewhere).

    Raises
    ------
    InvalidParameter
        Naming the URL, what is wrong and the fix.

    Examples
    --------
    >>> check_database("sqlite:////no/such/folder/x.db", "--db")
    Traceback (most recent call last):
    ...
    coffeechat.errors.InvalidParameter: --db 'sqlite:////no/such/folder/x.db': there is no \
folder /no/such/folder; create it first, or give a database in a folder that exists
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if not isinstance(url, str) or not url.strip():
        raise InvalidParameter(
            f"{name} should be a database URL such as sqlite:////srv/course/gradebook.db, "
            f"not {url!r}"
        )
    what = f"{name} {url!r}"
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InvalidParameter(
            f"{what} is not a database URL; write it like sqlite:////srv/course/gradebook.db"
        ) from None
    if parsed.get_backend_name() == "sqlite":
        _check_sqlite_file(parsed.database or "", what)
    elif connect:
        _check_reachable(url, what)
    return url


def _check_sqlite_file(database: str, what: str) -> None:
    if database in ("", ":memory:"):
        raise InvalidParameter(f"{what}: a gradebook in memory is lost at once; give a file")
    path = Path(database)
    if path.is_dir():
        raise InvalidParameter(f"{what}: {path} is a folder; name a file inside it")
    if not path.parent.is_dir():
        raise InvalidParameter(
            f"{what}: there is no folder {path.parent}; create it first, or give a "
            "database in a folder that exists"
        )
    if not os.access(path if path.exists() else path.parent, os.W_OK):
        raise InvalidParameter(
            f"{what}: {path if path.exists() else path.parent} cannot be written here; "
            "give a database you may write, or change its permissions"
        )


def _check_reachable(url: str, what: str) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError

    try:
        engine = create_engine(url)
    except (SQLAlchemyError, ImportError) as err:
        raise InvalidParameter(
            f"{what}: this database needs a driver that is not installed "
            f"({type(err).__name__}: {str(err).splitlines()[0]}); install it, or use SQLite"
        ) from None
    try:
        with engine.connect():
            pass
    except (SQLAlchemyError, OSError) as err:
        detail = str(getattr(err, "orig", None) or err).strip().splitlines()
        raise InvalidParameter(
            f"{what}: cannot reach the database ({detail[0] if detail else type(err).__name__}); "
            "check the URL and that its server is running"
        ) from None
    finally:
        engine.dispose()


@contextmanager
def quiet() -> Iterator[None]:
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


def nbgrader_tools_on_path() -> None:
    """Let nbgrader find ``alembic``, which it runs by name to open a gradebook.

    When ``coffeechat`` is run as ``.venv/bin/coffeechat`` without activating
    the environment, the environment's ``bin/`` is not on PATH and nbgrader
    fails with a bare FileNotFoundError; put it there, once, for this process.
    """
    if shutil.which("alembic") is None:
        tools = str(Path(sys.executable).parent)
        os.environ["PATH"] = os.pathsep.join([tools, os.environ.get("PATH", "")])


def open_course(
    course: str | Path,
    db: str | None = None,
    timeout: float | None = None,
    configure: Callable[[Any], None] | None = None,
) -> Course:
    """Open a course folder set up by :func:`init_course`.

    ``db`` and ``timeout`` override the course's settings; ``configure`` may
    change the loaded nbgrader configuration further before nbgrader sees it.
    """
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    nbgrader_tools_on_path()
    if db is not None:
        check_database(db)
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
    if configure is not None:
        configure(config)
    # nbgrader logs at length; keep it for capture_log, off the terminal.
    log = logging.getLogger("coffeechat.nbgrader")
    log.propagate = False
    log.setLevel(logging.INFO)
    if not log.handlers:
        log.addHandler(logging.NullHandler())
    with quiet():
        api = NbGraderAPI(CourseDirectory(config=config), config=config, log=log)
    return Course(root, api)


def repository_solutions() -> Path | None:
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
    if db is not None:
        check_database(db, connect=False)
    root = Path(course).resolve()
    found = repository_solutions() if solutions is None else Path(solutions).resolve()
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
        _CONFIG_TEXT.format(
            db_url=db_url,
            timeout=timeout,
            sanitize="\n".join(f'    "{name}",' for name in SANITIZE),
        ),
        encoding="utf-8",
    )
    return root


def assignment_notebooks(course: Course, assignment: str) -> list[str]:
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


def check_result(result: dict[str, Any], what: str) -> None:
    if not result.get("success"):
        detail = last_error(result)
        raise GradingError(f"{what} failed: {detail}")


def last_error(result: dict[str, Any]) -> str:
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
    c = open_course(course, db)
    if not c.path("source", assignment).is_dir():
        have = sorted(p.name for p in c.path("source").glob("*") if p.is_dir())
        raise GradingError(
            f"{c.path('source', assignment)}: no such assignment "
            f"(the course has: {', '.join(have) or 'none'})"
        )
    with quiet():
        check_result(c.api.generate_assignment(assignment), f"release of {assignment}")
    out = c.path("release", assignment)
    refuse_leaks(c.hidden_lines(assignment), out.glob("*.ipynb"), "the student version")
    return out
