"""How long each part of the course takes to run: every module, every assignment's solution.

Run it from the project folder::

    .venv/bin/python benchmarks/bench_course.py              # every notebook, 3 runs each
    .venv/bin/python benchmarks/bench_course.py --repeat 1 --only 01 ps01

Each notebook runs top to bottom in a fresh IPython kernel (nbclient, the
engine behind nbgrader and nbval), in a temporary copy of its folder, as a
learner's "Restart Kernel and Run All" would. The table gives, per notebook,
the kernel's start-up, the median time to run all cells once started, and
the slowest cell, so a facilitator can plan a session and an author can see
which cell to make faster. Hidden tests run too: the solutions are the
instructor's versions. Progress goes to stderr, the Markdown table to stdout.

It is a script, not a test: timings depend on the machine and on what else
runs on it, so no test asserts them.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 60.0  # every notebook should run top to bottom within a minute


@dataclass(frozen=True)
class Timing:
    """One notebook's timings over several runs."""

    path: Path
    cells: int
    start: float
    run: float
    slowest: float
    slowest_cell: int


def notebooks(only: list[str]) -> list[Path]:
    """The modules in notebooks/ and the solutions in solutions/, in course order."""
    found = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted(
        (ROOT / "solutions").glob("*/*.ipynb")
    )
    if only:
        found = [p for p in found if any(word in str(p.relative_to(ROOT)) for word in only)]
    return found


def run_once(path: Path) -> tuple[float, float, list[float]]:
    """Kernel start-up, time to run every cell, and each code cell's time, in seconds."""
    with tempfile.TemporaryDirectory(prefix="coffeechat-bench-") as folder:
        work = Path(folder) / path.parent.name
        shutil.copytree(path.parent, work)
        nb = nbformat.read(work / path.name, as_version=4)
        client = NotebookClient(
            nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(work)}}
        )
        began = time.perf_counter()
        with client.setup_kernel():
            started = time.perf_counter()
            cell_times = []
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                before = time.perf_counter()
                client.execute_cell(cell, index)
                cell_times.append(time.perf_counter() - before)
            finished = time.perf_counter()
    return started - began, finished - started, cell_times


def measure(path: Path, repeat: int) -> Timing:
    starts, runs, per_cell = [], [], []
    for attempt in range(repeat):
        print(f"  {path.relative_to(ROOT)}: run {attempt + 1} of {repeat}", file=sys.stderr)
        start, run, cells = run_once(path)
        starts.append(start)
        runs.append(run)
        per_cell.append(cells)
    medians = [statistics.median(times) for times in zip(*per_cell, strict=True)]
    slowest = max(range(len(medians)), key=medians.__getitem__) if medians else 0
    return Timing(
        path=path,
        cells=len(medians),
        start=statistics.median(starts),
        run=statistics.median(runs),
        slowest=medians[slowest] if medians else 0.0,
        slowest_cell=slowest + 1,
    )


def table(timings: list[Timing], repeat: int) -> str:
    lines = [
        f"Medians of {repeat} run(s); Python {platform.python_version()}, "
        f"{platform.machine()}; target: each notebook under {TARGET_SECONDS:.0f} s.",
        "",
        "| notebook | code cells | kernel start | run all cells | slowest cell | within target |",
        "|---|---|---|---|---|---|",
    ]
    for t in timings:
        total = t.start + t.run
        lines.append(
            f"| `{t.path.relative_to(ROOT)}` | {t.cells} | {t.start:.1f} s | {t.run:.1f} s "
            f"| {t.slowest:.1f} s (code cell {t.slowest_cell}) "
            f"| {'yes' if total <= TARGET_SECONDS else 'no'} |"
        )
    course = sum(t.start + t.run for t in timings)
    lines += ["", f"All {len(timings)} notebooks, one after another: {course:.0f} s."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per notebook (default 3)")
    parser.add_argument(
        "--only", nargs="*", default=[], help="only notebooks whose path contains one of these"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    paths = notebooks(args.only)
    if not paths:
        parser.error(f"no notebook matches {args.only}")
    print(table([measure(p, args.repeat) for p in paths], args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
