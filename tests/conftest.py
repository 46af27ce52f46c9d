"""Fixtures shared by the test modules.

``sample`` is the course's bundled sample network, read once per run (the
library's tests treat it as read-only); ``solved`` is Assignment 1's
reference solution, run once in the test process. Hypothesis strategies for random
networks are in ``tests/strategies.py``.

Browser tests get one JupyterLab for the whole run (``lab``), a fresh
Chromium page each (``page``), and ``run_in_lab``, which opens a notebook,
runs every cell and fails the test on any error, as a learner's Run All would.
JupyterLab serves a temporary copy of the course: ``notebooks/`` at its root
and the student versions of the assignments in ``exercises/``.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# A setting a learner would not need, but that keeps the test steady: render
# every cell (so every output is in the page). Everything else is what learners
# get: the course's own settings (coffeechat.lab, as `bash run.sh lab` uses them).
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}
SERVER_START_TIMEOUT = 60  # seconds
RUN_ALL_TIMEOUT = 90_000  # milliseconds
STEP_TIMEOUT = 30_000  # milliseconds


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab: where it is and how to get in."""

    url: str
    token: str
    log: Path
    home: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_ready(url: str, token: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    request = urllib.request.Request(
        f"{url}/api/status", headers={"Authorization": f"token {token}"}
    )
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"jupyter lab exited with {process.returncode}:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    pytest.fail(f"jupyter lab did not answer within {SERVER_START_TIMEOUT} s:\n{_tail(log)}")


def _tail(log: Path, lines: int = 30) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def _stop(process: subprocess.Popen) -> None:
    """Ask the server (and the kernels it started) to stop; insist after a grace period."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


@pytest.fixture(scope="session")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab serving a temporary copy of notebooks/, stopped when the tests finish."""
    base = tmp_path_factory.mktemp("lab")
    work = base / "notebooks"
    shutil.copytree(NOTEBOOK_DIR, work)
    shutil.copytree(ROOT / "exercises", work / "exercises")
    settings = base / "settings"
    for name, values in LAB_SETTINGS.items():
        target = settings / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))
    home = base / "home"
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"),
    }
    from coffeechat.lab import lab_arguments

    port = _free_port()
    token = secrets.token_hex(16)
    url = f"http://127.0.0.1:{port}"
    log = base / "jupyter-lab.log"
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={work}",
        f"--IdentityProvider.token={token}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.extension_manager=readonly",  # never asks PyPI about extensions
        "--allow-root",  # containers and CI often run as root; harmless otherwise
        *lab_arguments(),  # the course's JupyterLab settings, exactly as run.sh passes them
    ]
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        _wait_until_ready(url, token, process, log)
        yield Lab(url=url, token=token, log=log, home=home)
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium; its absence fails the test (it is part of the test set-up)."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: run `apt-get install -y chromium` "
            "(`bash run.sh test` does it for you)"
        )
    return CHROMIUM


@pytest.fixture
def page(chromium: Path, lab: Lab, tmp_path: Path) -> Iterator:
    """A fresh page in Debian's headless Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=str(chromium),
            headless=True,
            args=CHROMIUM_ARGS,
            env={**os.environ, "HOME": str(lab.home)},
            viewport={"width": 1400, "height": 1000},
        )
        try:
            context.set_default_timeout(STEP_TIMEOUT)
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


CELL_REPORT = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    return panel.content.widgets
        .filter(cell => cell.model.type === 'code')
        .map(cell => ({
            count: cell.model.executionCount,
            errors: cell.model.outputs.toJSON()
                .filter(o => o.output_type === 'error')
                .map(o => `${o.ename}: ${o.evalue}`),
        }));
}"""


@pytest.fixture
def run_in_lab(lab: Lab, page) -> Callable[[str], list[dict]]:
    """Open a notebook (a path under the lab's root) in JupyterLab and Run All.

    Returns, per code cell, its execution count and errors, after asserting
    that every cell ran and none raised or printed a traceback.
    """

    def run(name: str) -> list[dict]:
        page.goto(f"{lab.url}/lab/tree/{name}?reset&token={lab.token}")
        page.wait_for_function(
            "() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel"
        )
        page.evaluate(
            """async () => {
                const panel = window.jupyterapp.shell.currentWidget;
                await panel.context.ready;
                await panel.sessionContext.ready;
            }"""
        )
        # Start Run All, then wait (bounded) for it to report, instead of awaiting it unbounded.
        page.evaluate(
            """() => {
                window.__runAll = undefined;
                window.jupyterapp.commands.execute('notebook:run-all-cells').then(
                    ok => { window.__runAll = ok === false ? 'stopped' : 'done'; },
                    err => { window.__runAll = 'failed: ' + err; });
            }"""
        )
        page.wait_for_function("() => window.__runAll !== undefined", timeout=RUN_ALL_TIMEOUT)
        cells = page.evaluate(CELL_REPORT)
        errors = [(i, e) for i, cell in enumerate(cells) for e in cell["errors"]]
        assert not errors, f"cells raised errors in JupyterLab: {errors}"
        assert page.evaluate("window.__runAll") == "done"
        not_run = [i for i, cell in enumerate(cells) if cell["count"] is None]
        assert not not_run, f"code cells {not_run} did not run"
        tracebacks = page.locator(
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]',
            has_text="Traceback",
        )
        assert tracebacks.count() == 0
        return cells

    return run


@pytest.fixture(scope="session")
def sample():
    """The course's sample network (``coffeechat.load_sample_network()``); do not change it."""
    from coffeechat.datasets import load_sample_network

    return load_sample_network()


@pytest.fixture(scope="session")
def solved() -> dict:
    """Assignment 1's reference solution, its code cells run in this process.

    No kernel, no nbgrader: the namespace holds the solution's functions
    (``load_connections``, ``shortest_chain``, ...); do not change it.
    """
    import contextlib
    import io

    import nbformat

    solution = (
        Path(__file__).resolve().parent.parent
        / "solutions"
        / "ps01-who-can-introduce-you"
        / "who-can-introduce-you.ipynb"
    )
    namespace: dict = {}
    nb = nbformat.read(solution, as_version=4)
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in nb.cells:
            if cell.cell_type == "code":
                exec(compile(cell.source, f"<cell {cell.get('id')}>", "exec"), namespace)
    return namespace
