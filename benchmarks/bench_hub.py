"""How many participants one machine holds: the workshop hub under N people at once.

Run it from the project folder (needs configurable-http-proxy in ``.node/``,
which ``bash run.sh test`` or ``bash run.sh hub`` installs)::

    .venv/bin/python benchmarks/bench_hub.py                 # 5, 10 and 20 participants
    .venv/bin/python benchmarks/bench_hub.py --sizes 5 10
    .venv/bin/python benchmarks/bench_hub.py --sizes 5 --isolation shared sandbox accounts

For each size N and each way of keeping participants apart (``--isolation``:
by default the way ``bash run.sh hub`` would pick here, ``accounts`` as root,
else ``sandbox``; ``shared`` is the hub without isolation, the baseline) it
starts the hub of ``deploy/jupyterhub/`` on 127.0.0.1 (a temporary folder,
free ports; see ``tests/hub_tools.py`` for how a root benchmark starts the
``sandbox`` and ``shared`` hubs as an ordinary user), as a workshop begins:
N participants ask for
their servers at the same moment; as soon as all are up, each opens Module 1
(``notebooks/01-why-informational-interviews.ipynb``: a session through the
server's REST API, as JupyterLab does) and runs every code cell in its kernel
over the kernel's websocket, all at once. Then it measures memory and stops
the hub (hub, proxy, every server and kernel). A cell that fails, or a run
that passes ``--timeout``, stops the benchmark with an error.

The table gives, per size: seconds until every server is ready, seconds
until everyone has run Module 1 (from the first request), the slowest
participant's Module 1 run, the processor time one participant's server and
kernel used (start-up included), the memory of one participant (resident set of
their server plus kernel: median and largest) and the hub's own overhead
(hub and proxy). Progress goes to stderr, the Markdown table to stdout.

It is a script, not a test: timings depend on the machine and on what else
runs on it, so no test asserts them.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hub_tools import (  # noqa: E402
    ISOLATIONS,
    HubError,
    Kernel,
    LocalHub,
    proxy_or_fail,
    remove_accounts,
)

MODULE = "notebooks/01-why-informational-interviews.ipynb"
MB = 1024 * 1024


@dataclass(frozen=True)
class Row:
    size: int
    isolation: str
    servers_ready: float
    everyone_ran: float
    slowest_run: float
    participant_mb: list[float]
    participant_cpu: list[float]
    hub_mb: float
    total_mb: float


def code_cells(path: Path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def run_module(hub: LocalHub, user: str, cells: list[str], timeout: float) -> float:
    """Open Module 1 in the user's server and run every code cell; seconds taken."""
    began = time.monotonic()
    kernel = Kernel(hub, user, path=MODULE, timeout=timeout)
    try:
        for number, code in enumerate(cells, 1):
            left = timeout - (time.monotonic() - began)
            if left <= 0:
                raise HubError(f"{user}: Module 1 took longer than {timeout} s")
            try:
                kernel.execute(code, timeout=left)
            except HubError as error:
                raise HubError(f"code cell {number} of {MODULE} failed: {error}") from None
    finally:
        kernel.close(shutdown=False)  # the kernel lives on, as a participant's does: measured
    return time.monotonic() - began


def rss_mb(process: psutil.Process, with_children: bool) -> float:
    processes = [process, *(process.children(recursive=True) if with_children else [])]
    total = 0
    for p in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += p.memory_info().rss
    return total / MB


def cpu_seconds(process: psutil.Process) -> float:
    """Processor time (user + system) of a process and everything it started."""
    total = 0.0
    for p in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):
            times = p.cpu_times()
            total += times.user + times.system
    return total


def family(process: psutil.Process) -> set[int]:
    with contextlib.suppress(psutil.NoSuchProcess):
        return {process.pid, *(p.pid for p in process.children(recursive=True))}
    return set()


def measure(size: int, isolation: str, timeout: float, base: Path) -> Row:
    # Names of the benchmark's own: a root hub makes an account for each, removed after.
    users = [f"cc-p{i:02d}" for i in range(1, size + 1)]
    cells = code_cells(ROOT / MODULE)
    hub = LocalHub(base / f"hub-{isolation}-{size}", isolation=isolation)
    try:
        hub.start()
        hub.add_users(users)
        print(f"  {size} participants ({isolation}): starting their servers", file=sys.stderr)
        began = time.monotonic()
        ready = hub.start_servers(users, timeout=timeout)
        servers_ready = max(ready.values())
        print(
            f"  {size} participants: all ready after {servers_ready:.1f} s; each runs Module 1",
            file=sys.stderr,
        )
        runs: dict[str, float] = {}
        errors: list[BaseException] = []

        def participant(user: str) -> None:
            try:
                runs[user] = run_module(hub, user, cells, timeout)
            except BaseException as error:  # reported after every thread ends
                errors.append(error)

        threads = [threading.Thread(target=participant, args=(u,)) for u in users]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout + 30)
        if errors or len(runs) < size:
            raise errors[0] if errors else HubError("a participant's run did not finish")
        everyone_ran = time.monotonic() - began
        per_user = [rss_mb(psutil.Process(hub.server_pid(u)), True) for u in users]
        per_user_cpu = [cpu_seconds(psutil.Process(hub.server_pid(u))) for u in users]
        servers: set[int] = set()
        for user in users:
            servers |= family(psutil.Process(hub.server_pid(user)))
        # The hub's process tree holds the proxy and the users' servers: count all but servers.
        overhead = 0.0
        for pid in family(psutil.Process(hub.process.pid)) - servers:
            with contextlib.suppress(psutil.NoSuchProcess):
                overhead += rss_mb(psutil.Process(pid), False)
        return Row(
            size=size,
            isolation=isolation,
            servers_ready=servers_ready,
            everyone_ran=everyone_ran,
            slowest_run=max(runs.values()),
            participant_mb=per_user,
            participant_cpu=per_user_cpu,
            hub_mb=overhead,
            total_mb=overhead + sum(per_user),
        )
    finally:
        hub.stop()
        if isolation == "accounts":
            remove_accounts(users)


def table(rows: list[Row]) -> str:
    lines = [
        f"Hub of deploy/jupyterhub/ on 127.0.0.1, {os.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2**30:.1f} GB; Python {platform.python_version()}; "
        f"everyone starts at once, then runs Module 1 ({MODULE}).",
        "",
        "| participants | isolation | all servers ready | everyone ran Module 1 "
        "| slowest Module 1 run | processor time per participant (median) "
        "| memory per participant (median / largest) | hub + proxy | total |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.size} | {r.isolation} | {r.servers_ready:.1f} s | {r.everyone_ran:.1f} s "
            f"| {r.slowest_run:.1f} s | {statistics.median(r.participant_cpu):.1f} s "
            f"| {statistics.median(r.participant_mb):.0f} MB / {max(r.participant_mb):.0f} MB "
            f"| {r.hub_mb:.0f} MB | {r.total_mb:.0f} MB |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[5, 10, 20], help="participants (default 5 10 20)"
    )
    parser.add_argument(
        "--timeout", type=float, default=600, help="seconds a size may take (default 600)"
    )
    parser.add_argument(
        "--isolation",
        nargs="+",
        choices=ISOLATIONS,
        default=["accounts" if os.geteuid() == 0 else "sandbox"],
        help="how the hub keeps participants apart (default: as `bash run.sh hub` would here)",
    )
    args = parser.parse_args(argv)
    if "accounts" in args.isolation and os.geteuid() != 0:
        parser.error("--isolation accounts needs root: the hub makes an account per participant")
    if any(n < 1 for n in args.sizes):
        parser.error("--sizes must be at least 1 participant each")
    try:
        proxy_or_fail()
    except HubError as error:
        parser.exit(1, f"bench_hub.py: {error}\n")
    rows = []
    # A folder an ordinary user can reach, for the hubs that start as one.
    base = Path(tempfile.mkdtemp(prefix="bench-hub-", dir="/tmp"))
    base.chmod(0o755)
    try:
        for size in args.sizes:
            for isolation in args.isolation:
                rows.append(measure(size, isolation, args.timeout, base))
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
