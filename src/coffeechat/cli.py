"""The instructor's console script, ``coffeechat``: parses arguments and prints.

The work is done by :mod:`coffeechat.course`, on top of nbgrader:

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

Examples
--------
>>> parser = build_parser()
>>> args = parser.parse_args(["grade", "ps01", "--course", "course", "--timeout", "20"])
>>> args.command, args.assignment, args.timeout, args.sandbox
('grade', 'ps01', 20.0, 'auto')
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from coffeechat.course import export, manual
from coffeechat.course.collect import Submission, _timestamp, collect
from coffeechat.course.feedback import feedback
from coffeechat.course.folder import DEFAULT_TIMEOUT, init_course, open_course, release
from coffeechat.course.grade import GradeReport, grade
from coffeechat.course.gradebook import (
    gradebook_table,
    plural,
    questions,
    summary,
    write_csv,
)
from coffeechat.course.preprocessors import HideHiddenTests, RepairGraderMetadata
from coffeechat.course.sandbox import MODES, Limits
from coffeechat.errors import CoffeeChatError
from coffeechat.room import STUCK_AFTER, read_room, room_report

__all__ = [
    "DEFAULT_TIMEOUT",
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

_timestamp = _timestamp  # kept for callers of the earlier single-module version


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
    p.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="submissions graded at once, each in its own process (default: the CPUs)",
    )
    p.add_argument(
        "--sandbox",
        choices=MODES,
        default="auto",
        help="run learners' code in a bubblewrap sandbox: auto (where available, "
        "warning once when not), required (refuse without it), off",
    )
    p.add_argument(
        "--memory",
        type=int,
        metavar="MIB",
        help="memory a grading kernel may use, in MiB (default: "
        f"{Limits().memory_mb}); a submission past it is stopped and noted",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="grade every submission again (default: only new or changed ones)",
    )
    course_options(p)

    p = sub.add_parser("feedback", help="write feedback pages (no hidden test code)")
    p.add_argument("assignment")
    p.add_argument(
        "--student", action="append", metavar="ID", help="only this student (repeatable)"
    )
    course_options(p)

    p = sub.add_parser("grades", help="print the grades and write them for a platform")
    p.add_argument("assignment")
    p.add_argument(
        "--format",
        choices=export.FORMATS,
        default="csv",
        help="csv (every graded cell), canvas (Canvas gradebook import) or "
        "moodle (Moodle grade import); default csv",
    )
    p.add_argument(
        "--roster",
        metavar="FILE",
        help="the platform's roster or gradebook export, to take names and ids from",
    )
    p.add_argument(
        "--csv",
        metavar="FILE",
        help="where to write the grades (default: COURSE/grades/<assignment>[-format].csv)",
    )
    course_options(p)

    p = sub.add_parser("marks", help="list the written answers that await a mark, with rubrics")
    p.add_argument("assignment")
    p.add_argument("--all", action="store_true", help="also list answers marked already")
    course_options(p)

    p = sub.add_parser("mark", help="enter a mark and a comment for one written answer")
    p.add_argument("assignment")
    p.add_argument("student")
    p.add_argument("cell", help="the answer's cell id, as `coffeechat marks` lists it")
    p.add_argument("score", type=float)
    p.add_argument("--comment", help="shown to the student in their feedback page")
    course_options(p)

    p = sub.add_parser("room", help="the workshop room: who is stuck, who passed what")
    p.add_argument(
        "folder",
        nargs="?",
        default=None,
        help="the room folder (default: the COFFEECHAT_ROOM environment variable)",
    )
    p.add_argument(
        "--stuck-after",
        type=int,
        default=STUCK_AFTER,
        metavar="N",
        help=f"failures in a row that count as stuck (default: {STUCK_AFTER})",
    )

    p = sub.add_parser("network", help="a workshop participant's own sample network")
    p.add_argument("--participant", required=True, metavar="NAME")
    p.add_argument("--out", metavar="DIR", help="write people.csv and ties.csv into this folder")

    p = sub.add_parser("handouts", help="the workshop's printable handouts, one HTML page each")
    p.add_argument("--out", required=True, metavar="DIR", help="the folder to write them into")
    p.add_argument("--pdf", action="store_true", help="also print each page to PDF with Chromium")
    return parser


def _points(args: argparse.Namespace) -> dict[str, float]:
    c = open_course(args.course, args.db)
    return {column: points for column, _, _, points in questions(c, args.assignment)}


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    def progress(line: str) -> None:
        print(line, file=err, flush=True)

    if args.command == "room":
        found = read_room(args.folder, errors="skip")
        print(room_report(found, stuck_after=args.stuck_after), file=out)
        return 1 if found.problems else 0
    if args.command == "network":
        from coffeechat.datasets import participant_network
        from coffeechat.io import write_csv as write_network

        network = participant_network(args.participant)
        print(
            f"{args.participant}'s network: {len(network)} people, {len(network.ties)} ties; "
            f"Alex knows {network.degree(network.me)} of them directly.",
            file=out,
        )
        if args.out:
            folder = Path(args.out)
            folder.mkdir(parents=True, exist_ok=True)
            write_network(network, folder / "people.csv", folder / "ties.csv")
            print(f"Written to {folder / 'people.csv'} and {folder / 'ties.csv'}", file=out)
        return 0
    if args.command == "handouts":
        from coffeechat.handouts import write_handouts

        written = write_handouts(args.out, pdf=args.pdf)
        print(f"Wrote {len(written)} handout files into {args.out}", file=out)
        return 0
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
            f"Collected {plural(len(taken), 'submission')} of {args.assignment}"
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
            jobs=args.jobs,
            sandbox=args.sandbox,
            force=args.force,
            limits=None if args.memory is None else Limits(memory_mb=args.memory),
        )
        print(summary(report.table, args.assignment, _points(args)), file=out)
        print(
            f"Graded {plural(len(report.students), 'submission')} in {report.seconds:.0f} s"
            + (
                f"; {len(report.failed)} could not be graded (scored 0): {', '.join(report.failed)}"
                if report.failed
                else ""
            )
            + (
                f"; {plural(len(report.skipped), 'submission')} already graded and "
                "unchanged (--force grades them again)"
                if report.skipped
                else ""
            )
            + ("" if report.sandboxed else "; learners' code ran WITHOUT the sandbox")
            + f".\nGrades written to {report.csv}",
            file=out,
        )
        return 1 if report.failed else 0
    if args.command == "feedback":
        pages = feedback(
            args.course, args.assignment, students=args.student, db=args.db, progress=progress
        )
        print(
            f"Wrote {plural(len(pages), 'feedback page')} under "
            f"{Path(args.course).resolve() / 'feedback'}",
            file=out,
        )
        return 0
    if args.command == "grades":
        c = open_course(args.course, args.db)
        table = gradebook_table(args.course, args.assignment, db=args.db)
        print(summary(table, args.assignment, _points(args)), file=out)
        if args.format == "csv":
            out_path = write_csv(c, args.assignment, table, args.csv)
        else:
            roster = export.read_roster(args.roster) if args.roster else None
            title = export.title_of(args.assignment)
            made = (
                export.canvas_table(table, title, args.assignment, roster)
                if args.format == "canvas"
                else export.moodle_table(table, title, roster)
            )
            out_path = Path(args.csv or c.path("grades", f"{args.assignment}-{args.format}.csv"))
            out_path.parent.mkdir(parents=True, exist_ok=True)
            made.to_csv(out_path, index=False)
        print(f"Grades written to {out_path}", file=out)
        return 0
    if args.command == "marks":
        waiting = manual.awaiting_marks(
            args.course, args.assignment, db=args.db, everything=args.all
        )
        if waiting.empty:
            print(f"No written answers of {args.assignment} await a mark.", file=out)
            return 0
        print(waiting.to_string(index=False), file=out)
        for cell, rubric in manual.rubrics(args.course, args.assignment).items():
            if cell in set(waiting["cell"]) and rubric:
                print(f"\n{cell}:\n{rubric}", file=out)
        return 0
    if args.command == "mark":
        total = manual.mark(
            args.course,
            args.assignment,
            args.student,
            args.cell,
            args.score,
            comment=args.comment,
            db=args.db,
        )
        print(
            f"Marked {args.student}'s {args.cell}: {args.score:g}. "
            f"Their total for {args.assignment} is now {total:g}.",
            file=out,
        )
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
    except KeyboardInterrupt:
        print("coffeechat: stopped", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
