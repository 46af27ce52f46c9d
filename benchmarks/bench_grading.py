"""Grading a class: plain nbgrader autograde against ``coffeechat grade``.

Makes a class of Assignment 1 submissions from the released notebook (mostly
correct or partly correct, some adversarial), then grades it twice in this
one run:

1. plain nbgrader: its ``autograde`` converter, one submission after the
   other, no sandbox (through :class:`nbgrader.apps.NbGraderAPI`, as the
   ``nbgrader autograde`` command does, without the command's start-up);
2. ``coffeechat grade --jobs N`` with the bubblewrap sandbox.

Destructive submissions (one that overwrites the gradebook, one that reads
the hidden tests, one that allocates memory without end) go to the coffeechat
run only: in plain nbgrader the first would destroy the gradebook of the whole
class and the last would take the machine's memory. It prints a Markdown table:
per-submission seconds, totals, speed-up, whether every non-hostile score is
identical, and the start-up time of a sandboxed kernel against a plain one.

Run from the project folder (a few minutes on 2 cores)::

    .venv/bin/python benchmarks/bench_grading.py            # 30 submissions, 2 jobs
    .venv/bin/python benchmarks/bench_grading.py --size 8   # a quick look
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from coffeechat import checks  # noqa: E402
from coffeechat import course as instructor  # noqa: E402
from coffeechat.course import sandbox  # noqa: E402

PS01 = checks.ASSIGNMENTS["ps01-who-can-introduce-you"]
NOTEBOOK = f"{PS01.notebook}.ipynb"
PARTS = ["abcd", "abcd", "abcd", "abc", "ab", "abcd", "a", "abcd", "bcd", "abcd"]


def _answers() -> dict[str, str]:
    solution = nbformat.read(ROOT / "solutions" / PS01.name / NOTEBOOK, as_version=4)
    return {
        c.metadata["nbgrader"]["grade_id"]: re.sub(
            r"[ \t]*### (BEGIN|END) SOLUTION\n", "", c.source
        )
        for c in solution.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }


def _submission(released: Path, parts: str, answers: dict[str, str]):
    nb = copy.deepcopy(nbformat.read(released, as_version=4))
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id in answers and grade_id.split("-")[1] in parts:
            cell.source = answers[grade_id]
    return nb


def _with_cell(nb, code: str):
    nb = copy.deepcopy(nb)
    nb.cells.insert(2, nbformat.v4.new_code_cell(code))
    return nb


ADVERSARIAL = {  # graded by both
    "adv-exits": "import os\nos._exit(1)",
    "adv-loop": "while True:\n    pass",
}
HOSTILE = {  # coffeechat only: in plain nbgrader they wreck the gradebook or the machine
    # Unbounded in plain nbgrader: tens of GB within the time limit.
    "hostile-memory": "hog = []\nwhile True:\n    hog.append(bytearray(100 * 2**20))",
    "hostile-vandal": 'open("../../../gradebook.db", "w").write("destroyed")',
    "hostile-spy": 'print(open("../../../source/ps01-who-can-introduce-you/'
    'who-can-introduce-you.ipynb").read())',
}


def _make_inbox(folder: Path, released: Path, size: int, hostile: bool) -> dict[str, str]:
    answers = _answers()
    folder.mkdir(parents=True)
    kinds = {}
    correct = _submission(released, "abcd", answers)
    adversarial = dict(ADVERSARIAL)
    if hostile:
        adversarial.update(HOSTILE)
    plain = size - len(ADVERSARIAL) - len(HOSTILE)
    for n in range(plain):
        student = f"student{n:03d}"
        nbformat.write(
            _submission(released, PARTS[n % len(PARTS)], answers), folder / f"{student}.ipynb"
        )
        kinds[student] = "ordinary"
    for student, code in adversarial.items():
        nbformat.write(_with_cell(correct, code), folder / f"{student}.ipynb")
        kinds[student] = "adversarial" if student in ADVERSARIAL else "hostile"
    return kinds


def _scores(db_url: str) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gb:
        return {s.student.id: float(s.score) for s in gb.find_assignment(PS01.name).submissions}


def _plain_nbgrader(base: Path, size: int, timeout: int) -> tuple[dict, dict, float]:
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    root = base / "plain"
    instructor.init_course(root, ROOT / "solutions", timeout=timeout)
    instructor.release(root, PS01.name)
    released = root / "release" / PS01.name / NOTEBOOK
    _make_inbox(base / "plain-inbox", released, size, hostile=False)
    instructor.collect(root, PS01.name, base / "plain-inbox")
    config = Config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = f"sqlite:///{root}/gradebook.db"
    config.Execute.timeout = timeout
    api = NbGraderAPI(CourseDirectory(config=config), config=config)
    students = sorted(p.name for p in (root / "submitted").iterdir())
    seconds = {}
    start = time.perf_counter()
    for student in students:
        began = time.perf_counter()
        api.autograde(PS01.name, student)
        seconds[student] = time.perf_counter() - began
        print(f"plain nbgrader {len(seconds)}/{len(students)} {student}", file=sys.stderr)
    total = time.perf_counter() - start
    return seconds, _scores(config.CourseDirectory.db_url), total


def _coffeechat(base: Path, size: int, timeout: int, jobs: int) -> tuple:
    root = base / "coffeechat"
    instructor.init_course(root, ROOT / "solutions", timeout=timeout)
    instructor.release(root, PS01.name)
    released = root / "release" / PS01.name / NOTEBOOK
    kinds = _make_inbox(base / "cc-inbox", released, size, hostile=True)
    instructor.collect(root, PS01.name, base / "cc-inbox")
    seconds = {}

    def progress(line: str) -> None:
        print(line, file=sys.stderr)
        found = re.match(r"^  (\S+): \S+(?: \S+)? \((\d+\.\d) s\)", line)
        if found:
            seconds[found.group(1)] = float(found.group(2))

    start = time.perf_counter()
    report = instructor.grade(root, PS01.name, jobs=jobs, sandbox="required", progress=progress)
    total = time.perf_counter() - start
    return seconds, _scores(f"sqlite:///{root}/gradebook.db"), total, kinds, report


def _kernel_start(kernel_name: str | None, base: Path, run: Path, rounds: int) -> list[float]:
    """Seconds from launch to a kernel answering, ``rounds`` times.

    A sandboxed kernel's connection file and sockets must be in ``run``, the
    runtime folder its kernelspec binds into the sandbox.
    """
    from jupyter_client.manager import KernelManager

    times = []
    for n in range(rounds):
        work = base / f"work-{kernel_name}-{n}"
        work.mkdir()
        options = {}
        if kernel_name:
            options = {
                "kernel_name": kernel_name,
                "transport": "ipc",
                "ip": str(run / f"ipc-{n}"),
                "connection_file": str(run / f"kernel-{n}.json"),
            }
        km = KernelManager(**options)
        began = time.perf_counter()
        km.start_kernel(cwd=str(work))
        client = km.client()
        client.start_channels()
        client.wait_for_ready(timeout=120)
        times.append(time.perf_counter() - began)
        client.stop_channels()
        km.shutdown_kernel(now=True)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=30, help="submissions in the class")
    parser.add_argument("--jobs", type=int, default=2, help="coffeechat grade --jobs")
    parser.add_argument("--timeout", type=int, default=10, help="seconds a cell may run")
    parser.add_argument("--kernels", type=int, default=5, help="kernel starts to time")
    args = parser.parse_args(argv)
    if sandbox.bwrap_path() is None:
        print(f"bench_grading: needs bubblewrap: {sandbox.INSTALL_HINT}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        base = Path(tmp)
        os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
        # Kernel start-up, plain and sandboxed (the course folder hidden as in grading).
        data, run = base / "kernelspec", base / "kernel-run"
        run.mkdir()
        sandbox.write_kernelspec(data, run, hidden=[base / "course"], limits=sandbox.Limits())
        plain_start = _kernel_start(None, base, run, args.kernels)
        saved_path = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = str(data)
        boxed_start = _kernel_start(sandbox.KERNEL_NAME, base, run, args.kernels)
        if saved_path is None:
            del os.environ["JUPYTER_PATH"]
        else:
            os.environ["JUPYTER_PATH"] = saved_path
        print(f"kernel start: plain {plain_start}, sandboxed {boxed_start}", file=sys.stderr)
        plain_seconds, plain_scores, plain_total = _plain_nbgrader(base, args.size, args.timeout)
        print(f"plain nbgrader: {plain_total:.1f} s {plain_seconds}", file=sys.stderr)
        cc_seconds, cc_scores, cc_total, kinds, report = _coffeechat(
            base, args.size, args.timeout, args.jobs
        )

    print(f"# Grading {args.size} submissions of {PS01.name}\n")
    print(
        "| student | kind | plain nbgrader (s) | coffeechat (s) | plain score | coffeechat score |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for student in sorted(kinds):
        plain = plain_seconds.get(student)
        print(
            f"| {student} | {kinds[student]} | {'' if plain is None else f'{plain:.1f}'} | "
            f"{cc_seconds.get(student, float('nan')):.1f} | "
            f"{plain_scores.get(student, '')} | {cc_scores.get(student, '')} |"
        )
    ordinary = [s for s, k in kinds.items() if k == "ordinary"]
    identical = all(plain_scores.get(s) == cc_scores.get(s) for s in ordinary)
    graded_by_both = [s for s in kinds if s in plain_seconds]
    both_total = sum(plain_seconds[s] for s in graded_by_both)
    print()
    print("| measure | value |")
    print("| --- | ---: |")
    print(f"| plain nbgrader, serial, no sandbox: total | {plain_total:.1f} s |")
    print(
        f"| coffeechat grade --jobs {args.jobs}, sandbox: total ({len(kinds)} submissions, "
        f"{len(kinds) - len(graded_by_both)} more than plain) | {cc_total:.1f} s |"
    )
    print(f"| speed-up (plain total / coffeechat total) | {plain_total / cc_total:.2f}x |")
    print(
        f"| mean per submission: plain / coffeechat (in its worker) | "
        f"{both_total / len(graded_by_both):.2f} s / "
        f"{statistics.mean(cc_seconds.values()):.2f} s |"
    )
    print(f"| identical scores, every ordinary submission | {'yes' if identical else 'NO'} |")
    print(
        f"| kernel start (median of {args.kernels}): plain / sandboxed | "
        f"{statistics.median(plain_start):.2f} s / {statistics.median(boxed_start):.2f} s |"
    )
    print(
        f"| sandbox start-up cost a kernel | "
        f"{statistics.median(boxed_start) - statistics.median(plain_start):+.2f} s |"
    )
    print(
        f"| hostile submissions with a note | "
        f"{sum(1 for s, k in kinds.items() if k != 'ordinary' and s in report.problems)} of "
        f"{sum(1 for k in kinds.values() if k != 'ordinary')} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
