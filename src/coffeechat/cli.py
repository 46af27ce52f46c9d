"""The instructor's console script, ``coffeechat``: one table of commands.

Each command in :data:`COMMANDS` names its arguments, how each is checked
on entry, and the one function of :mod:`coffeechat.course` (or the library)
it calls; the work, and the words it prints, are theirs:

========  ==============================================================
init      copy ``solutions/`` into ``COURSE/source`` and write the course's
          ``nbgrader_config.py`` (SQLite gradebook, time limit, repairs)
release   make the student version: ``COURSE/release/<assignment>/``
collect   take a folder of submitted notebooks (``<student>.ipynb`` or
          ``<student>/<notebook>.ipynb``, as downloaded from a learning
          platform) into ``COURSE/submitted/<student>/<assignment>/``
grade     autograde what is new, in parallel, each kernel in a sandbox;
          print a summary and write a grades CSV
feedback  write each student's feedback page, with hidden tests' code removed
grades    print the summary and write the grades as CSV, or for Canvas or Moodle
marks     list the written answers that await a mark, with their rubrics
mark      enter a mark and a comment for one written answer
room      the workshop room: who is stuck, who opened and passed what
network   rebuild a participant's own sample network from their name
handouts  write the workshop's printable handouts (HTML, and PDF with --pdf)
========  ==============================================================

A wrong argument is refused before any work starts, in the library's words
(:class:`~coffeechat.errors.InvalidParameter`), with status 2. A new command
is one more :class:`Command` in the table.

Examples
--------
>>> args = build_parser().parse_args(["grade", "ps01", "--course", ".", "--timeout", "20"])
>>> args = checked_arguments(args)
>>> args.command, args.assignment, args.timeout, args.sandbox
('grade', 'ps01', 20.0, 'auto')
>>> checked_arguments(build_parser().parse_args(["grade", "ps01", "--memory", "-5"]))
Traceback (most recent call last):
...
coffeechat.errors.InvalidParameter: --memory should be at least 1, not int -5
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from coffeechat import course
from coffeechat._args import at_least, given, one_of, plural
from coffeechat.course import export, manual
from coffeechat.course.folder import DEFAULT_TIMEOUT, check_database
from coffeechat.course.sandbox import MODES, Limits
from coffeechat.errors import CoffeeChatError, InvalidParameter
from coffeechat.room import STUCK_AFTER

__all__ = ["COMMANDS", "Command", "Option", "build_parser", "checked_arguments", "main"]

Check = Callable[[str, str], Any]


# ------------------------------------------------ checks of the arguments' text
def _number(minimum: float, whole: bool = False) -> Check:
    """A check: text that is a (whole) number of at least ``minimum``."""

    def check(text: str, name: str) -> float | int:
        try:
            value = int(text) if whole else float(text)
        except ValueError:
            kind = "a whole number" if whole else "a number"
            raise InvalidParameter(f"{name} should be {kind}, not {given(text)}") from None
        at_least(minimum)(value, name)
        return value

    return check


def _choice(*choices: str) -> Check:
    def check(text: str, name: str) -> str:
        one_of(*choices)(text, name)
        return text

    return check


def _existing(kind: str) -> Check:
    """A check: the path of a file or folder (``kind``) that exists."""

    def check(text: str, name: str) -> str:
        path = Path(text)
        if not (path.is_dir() if kind == "folder" else path.is_file()):
            raise InvalidParameter(f"{name} {text!r}: there is no {kind} {path.resolve()}")
        return text

    return check


def _writable(kind: str) -> Check:
    """A check: where to write a file or folder (``kind``): its nearest existing folder is ours."""

    def check(text: str, name: str) -> str:
        path = Path(text).resolve()
        if path.exists() and path.is_dir() != (kind == "folder"):
            raise InvalidParameter(f"{name} {text!r}: {path} is not a {kind}")
        base = path if path.is_dir() else path.parent
        while not base.exists():
            base = base.parent
        if not base.is_dir() or not os.access(base, os.W_OK):
            raise InvalidParameter(f"{name} {text!r}: {base} cannot be written here")
        return text

    return check


def _course(text: str, name: str) -> str:
    """A check: a folder that exists (:func:`~coffeechat.course.open_course` checks the rest)."""
    if not Path(text).is_dir():
        raise InvalidParameter(
            f"{name} {text!r}: there is no folder {Path(text).resolve()}; set a course up "
            f"there with `coffeechat init {text}`"
        )
    return text


def _named(text: str, name: str) -> str:
    """A check: a name that is not empty (an assignment, a student, a cell)."""
    if not text.strip():
        raise InvalidParameter(f"{name} should not be empty")
    return text


def _database(text: str, name: str) -> str:
    return check_database(text, name)


def _new_database(text: str, name: str) -> str:
    """A check: a database URL for a new course (its server may be elsewhere)."""
    return check_database(text, name, connect=False)


# ------------------------------------------------------------------ the table
@dataclass(frozen=True)
class Option:
    """One argument of a command: its name, help, how it is checked, argparse's extras."""

    name: str
    help: str
    check: Check | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Command:
    """One command: its name, help, arguments and what it runs (which returns the status)."""

    name: str
    help: str
    options: tuple[Option, ...]
    run: Callable[[argparse.Namespace, TextIO, Callable[[str], None]], int]


# fmt: off
ASSIGNMENT = Option("assignment", "the assignment, e.g. ps01", _named)
COURSE = (
    Option("--course", "the course folder (default: the current folder)", _course,
           {"default": ".", "metavar": "DIR"}),
    Option("--db", "gradebook database URL (SQLAlchemy), instead of the course's", _database,
           {"metavar": "URL"}),
)
# fmt: on


def _init(a: argparse.Namespace, out: TextIO, progress: Callable[[str], None]) -> int:
    root = course.init_course(a.course_dir, a.solutions, db=a.db, timeout=a.timeout, force=a.force)
    names = sorted(p.name for p in (root / "source").iterdir() if p.is_dir())
    print(f"Course folder ready: {root}\nAssignments: {', '.join(names)}\n"
          f"Next: coffeechat release {names[0]} --course {root}", file=out)  # fmt: skip
    return 0


def _release(a: argparse.Namespace, out: TextIO, progress: Callable[[str], None]) -> int:
    folder = course.release(a.course, a.assignment, db=a.db)
    files = ", ".join(p.name for p in sorted(folder.glob("*.ipynb")))
    print(f"Student version of {a.assignment}: {folder}\nHand out: {files}", file=out)
    return 0


def _collect(a: argparse.Namespace, out: TextIO, progress: Callable[[str], None]) -> int:
    taken = course.collect(
        a.course, a.assignment, a.folder, db=a.db, timestamp=a.timestamp, progress=progress
    )
    flagged = sum(1 for s in taken if s.notes)
    print(f"Collected {plural(len(taken), 'submission')} of {a.assignment}"
          + (f"; {flagged} with notes above" if flagged else "") + ".", file=out)  # fmt: skip
    return 0


def _grade(a: argparse.Namespace, out: TextIO, progress: Callable[[str], None]) -> int:
    report = course.grade(
        a.course, a.assignment, students=a.student, db=a.db, timeout=a.timeout, csv=a.csv,
        progress=progress, jobs=a.jobs, sandbox=a.sandbox, force=a.force,
        limits=None if a.memory is None else Limits(memory_mb=a.memory),
    )  # fmt: skip
    print(report.text(), file=out)
    return 1 if report.failed else 0


def _feedback(a: argparse.Namespace, out: TextIO, progress: Callable[[str], None]) -> int:
    pages = course.feedback(a.course, a.assignment, students=a.student, db=a.db, progress=progress)
    where = Path(a.course).resolve() / "feedback"
    print(f"Wrote {plural(len(pages), 'feedback page')} under {where}", file=out)
    return 0


def _grades(a: argparse.Namespace, out: TextIO, progress: Callable[[str], None]) -> int:
    made = export.export_grades(
        a.course, a.assignment, format=a.format, roster=a.roster, csv=a.csv, db=a.db
    )
    print(made.text(), file=out)
    return 0


def _marks(a: argparse.Namespace, out: TextIO, progress: Callable[[str], None]) -> int:
    print(manual.marking_sheet(a.course, a.assignment, db=a.db, everything=a.all), file=out)
    return 0


def _mark(a: argparse.Namespace, out: TextIO, progress: Callable[[str], None]) -> int:
    total = manual.mark(
        a.course, a.assignment, a.student, a.cell, a.score, comment=a.comment, db=a.db
    )
    print(f"Marked {a.student}'s {a.cell}: {a.score:g}. "
          f"Their total for {a.assignment} is now {total:g}.", file=out)  # fmt: skip
    return 0


def _room(a: argparse.Namespace, out: TextIO, progress: Callable[[str], None]) -> int:
    from coffeechat.room import read_room, room_report

    found = read_room(a.folder, errors="skip")
    print(room_report(found, stuck_after=a.stuck_after), file=out)
    return 1 if found.problems else 0


def _network(a: argparse.Namespace, out: TextIO, progress: Callable[[str], None]) -> int:
    from coffeechat.datasets import participant_network
    from coffeechat.io import write_csv

    network = participant_network(a.participant)
    print(f"{a.participant}'s network: {len(network)} people, {len(network.ties)} ties; "
          f"Alex knows {network.degree(network.me)} of them directly.", file=out)  # fmt: skip
    if a.out:
        folder = Path(a.out)
        folder.mkdir(parents=True, exist_ok=True)
        write_csv(network, folder / "people.csv", folder / "ties.csv")
        print(f"Written to {folder / 'people.csv'} and {folder / 'ties.csv'}", file=out)
    return 0


def _handouts(a: argparse.Namespace, out: TextIO, progress: Callable[[str], None]) -> int:
    from coffeechat.handouts import write_handouts

    written = write_handouts(a.out, pdf=a.pdf)
    print(f"Wrote {len(written)} handout files into {a.out}", file=out)
    return 0


# fmt: off
_FLAG = {"action": "store_true"}
_STUDENTS = {"action": "append", "metavar": "ID"}

#: Every command of the console script, in the order ``--help`` lists them.
COMMANDS: tuple[Command, ...] = (
    Command("init", "set up a course folder from the course kit's solutions", (
        Option("course_dir", "the course folder to set up", _writable("folder"),
               {"metavar": "COURSE_DIR"}),
        Option("--solutions", "the course kit's solutions folder", _existing("folder"),
               {"metavar": "DIR"}),
        Option("--db", "gradebook database URL (default: SQLite file COURSE_DIR/gradebook.db)",
               _new_database, {"metavar": "URL"}),
        Option("--timeout", f"seconds a cell may run when grading (default {DEFAULT_TIMEOUT})",
               _number(1), {"default": DEFAULT_TIMEOUT, "metavar": "SECONDS"}),
        Option("--force", "refresh a course set up before", None, _FLAG),
    ), _init),
    Command("release", "make the student version of an assignment",
            (ASSIGNMENT, *COURSE), _release),
    Command("collect", "take in a folder of submitted notebooks", (
        ASSIGNMENT,
        Option("folder", "<student>.ipynb files or <student>/ folders", _existing("folder")),
        Option("--timestamp", "submission time for all, e.g. '2026-11-22 04:51:21.825107 UTC' "
               "(default: each file's time)", _named),
        *COURSE,
    ), _collect),
    Command("grade", "autograde the collected submissions", (
        ASSIGNMENT,
        Option("--student", "grade only this student (repeatable)", _named, _STUDENTS),
        Option("--timeout", "seconds a cell may run (default: the course's setting)",
               _number(1), {"metavar": "SECONDS"}),
        Option("--csv", "where to write the grades (default: COURSE/grades/<assignment>.csv)",
               _writable("file"), {"metavar": "FILE"}),
        Option("--jobs", "submissions graded at once, each in its own process "
               "(default: the CPUs)", _number(1, whole=True), {"metavar": "N"}),
        Option("--sandbox", "run learners' code in a bubblewrap sandbox: auto (where "
               "available, warning once when not), required (refuse without it), off",
               _choice(*MODES), {"default": "auto", "metavar": "{" + ",".join(MODES) + "}"}),
        Option("--memory", "memory a grading kernel may use, in MiB (default: "
               f"{Limits().memory_mb}); a submission past it is stopped and noted",
               _number(1, whole=True), {"metavar": "MIB"}),
        Option("--force", "grade every submission again (default: only new or changed ones)",
               None, _FLAG),
        *COURSE,
    ), _grade),
    Command("feedback", "write feedback pages (no hidden test code)", (
        ASSIGNMENT,
        Option("--student", "only this student (repeatable)", _named, _STUDENTS),
        *COURSE,
    ), _feedback),
    Command("grades", "print the grades and write them for a platform", (
        ASSIGNMENT,
        Option("--format", "csv (every graded cell), canvas (Canvas gradebook import) or "
               "moodle (Moodle grade import); default csv", _choice(*export.FORMATS),
               {"default": "csv", "metavar": "{" + ",".join(export.FORMATS) + "}"}),
        Option("--roster", "the platform's roster or gradebook export, to take names and "
               "ids from", _existing("file"), {"metavar": "FILE"}),
        Option("--csv", "where to write the grades (default: "
               "COURSE/grades/<assignment>[-format].csv)", _writable("file"),
               {"metavar": "FILE"}),
        *COURSE,
    ), _grades),
    Command("marks", "list the written answers that await a mark, with rubrics", (
        ASSIGNMENT,
        Option("--all", "also list answers marked already", None, _FLAG),
        *COURSE,
    ), _marks),
    Command("mark", "enter a mark and a comment for one written answer", (
        ASSIGNMENT,
        Option("student", "the student's id", _named),
        Option("cell", "the answer's cell id, as `coffeechat marks` lists it", _named),
        Option("score", "the mark, from 0 to the cell's points", _number(0)),
        Option("--comment", "shown to the student in their feedback page"),
        *COURSE,
    ), _mark),
    Command("room", "the workshop room: who is stuck, who passed what", (
        Option("folder", "the room folder (default: the COFFEECHAT_ROOM environment variable)",
               _existing("folder"), {"nargs": "?", "default": None}),
        Option("--stuck-after", f"failures in a row that count as stuck (default: "
               f"{STUCK_AFTER})", _number(1, whole=True),
               {"default": STUCK_AFTER, "metavar": "N"}),
    ), _room),
    Command("network", "a workshop participant's own sample network", (
        Option("--participant", "the participant's name", _named,
               {"required": True, "metavar": "NAME"}),
        Option("--out", "write people.csv and ties.csv into this folder", _writable("folder"),
               {"metavar": "DIR"}),
    ), _network),
    Command("handouts", "the workshop's printable handouts, one HTML page each", (
        Option("--out", "the folder to write them into", _writable("folder"),
               {"required": True, "metavar": "DIR"}),
        Option("--pdf", "also print each page to PDF with Chromium", None, _FLAG),
    ), _handouts),
)
# fmt: on

_BY_NAME = {command.name: command for command in COMMANDS}


# ------------------------------------------------------------------ main
def build_parser() -> argparse.ArgumentParser:
    """The command-line parser of the ``coffeechat`` console script, from :data:`COMMANDS`.

    Every argument is read as text; :func:`checked_arguments` checks and converts it.
    """
    parser = argparse.ArgumentParser(
        prog="coffeechat",
        description="Run Coffee Chat's graded assignments on nbgrader, in a course folder "
        "outside the course kit.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        p = sub.add_parser(command.name, help=command.help)
        for option in command.options:
            p.add_argument(option.name, help=option.help, **option.extra)
    return parser


def checked_arguments(args: argparse.Namespace) -> argparse.Namespace:
    """``args`` with each argument's text checked and converted, as its :class:`Option` says.

    Raises
    ------
    InvalidParameter
        At the first argument that is wrong, naming it as typed (``--memory``).
    """
    for option in _BY_NAME[args.command].options:
        key = option.name.lstrip("-").replace("-", "_")
        value = getattr(args, key)
        if option.check is None or value is None or value == option.extra.get("default"):
            continue
        name = option.name if option.name.startswith("-") else option.name.upper()
        if isinstance(value, list):
            setattr(args, key, [option.check(v, name) for v in value])
        else:
            setattr(args, key, option.check(value, name))
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``coffeechat`` console script; return its exit status.

    0 on success; 1 when grading finished but some submissions could not be
    graded (or the room has problems); 2 on a wrong argument or a
    course-folder error (with a message on stderr).
    """
    args = build_parser().parse_args(argv)

    def progress(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    try:
        return _BY_NAME[args.command].run(checked_arguments(args), sys.stdout, progress)
    except CoffeeChatError as err:
        print(f"coffeechat: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("coffeechat: stopped", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
