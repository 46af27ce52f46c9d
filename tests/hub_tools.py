"""A real JupyterHub on 127.0.0.1 for the hub test and benchmark (helpers, not tests).

:class:`LocalHub` starts ``deploy/jupyterhub/jupyterhub_config.py`` as
``bash run.sh hub`` would, in a temporary folder, on free ports, with one
extra: a service token with which the caller drives the hub's REST API
(create users, start servers) and each user's Jupyter server through the
hub's proxy. Stopping it stops the hub, the proxy and every server (their
process group).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HUB_CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
PROXY = ROOT / ".node" / "node_modules" / ".bin" / "configurable-http-proxy"
WORKSHOP_PASSWORD = "coffee-and-questions"
INSTRUCTOR_PASSWORD = "instructor-" + "x" * 32
SERVICE = "workshop-driver"

_EXTRA_CONFIG = """\
load_subconfig({main!r})  # noqa: F821
c = get_config()  # noqa: F821
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
# The browser test reads JupyterLab's state, as tests/conftest.py's lab does.
c.Spawner.args.append("--LabApp.expose_app_in_browser=True")
c.JupyterHub.services = [{{"name": {service!r}, "api_token": {token!r}}}]
c.JupyterHub.load_roles.append({{
    "name": {service!r},
    "scopes": [
        "admin:users", "admin:servers", "admin:server_state", "access:servers",
        "list:users", "read:users",
    ],
    "services": [{service!r}],
}})
"""


class HubError(AssertionError):
    """The hub or a user's server did not do what was asked."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def proxy_or_fail() -> Path:
    """The project-local configurable-http-proxy, or a clear failure."""
    if not PROXY.exists():
        raise HubError(
            f"configurable-http-proxy is not installed at {PROXY}: run `bash run.sh test` "
            "(or `npm install --prefix .node configurable-http-proxy@5.3.0`)"
        )
    return PROXY


@dataclass
class LocalHub:
    """A JupyterHub of the deployment's configuration, in ``base``."""

    base: Path
    instructors: tuple[str, ...] = ("teacher",)
    token: str = field(default_factory=lambda: secrets.token_hex(16))
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def state(self) -> Path:
        return self.base / "state"

    @property
    def exchange(self) -> Path:
        return self.base / "exchange"

    @property
    def log(self) -> Path:
        return self.base / "jupyterhub.log"

    def home(self, user: str) -> Path:
        return self.state / "home" / user

    def environment(self) -> dict[str, str]:
        home = self.base / "hub-home"
        home.mkdir(parents=True, exist_ok=True)
        return {
            **os.environ,
            "HOME": str(home),
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "PYTHONPATH": str(ROOT / "src"),
            "COFFEECHAT_HUB_STATE": str(self.state),
            "COFFEECHAT_HUB_IP": "127.0.0.1",
            "COFFEECHAT_HUB_PORT": str(self.port),
            "COFFEECHAT_INSTRUCTORS": ",".join(self.instructors),
            "COFFEECHAT_WORKSHOP_PASSWORD": WORKSHOP_PASSWORD,
            "COFFEECHAT_INSTRUCTOR_PASSWORD": INSTRUCTOR_PASSWORD,
            "COFFEECHAT_EXCHANGE_ROOT": str(self.exchange),
            "JUPYTER_PLATFORM_DIRS": "1",
        }

    def start(self, timeout: float = 60) -> LocalHub:
        proxy_or_fail()
        self.base.mkdir(parents=True, exist_ok=True)
        config = self.base / "jupyterhub_config.py"
        config.write_text(
            _EXTRA_CONFIG.format(
                main=str(HUB_CONFIG),
                hub_port=free_port(),
                proxy_api_port=free_port(),
                service=SERVICE,
                token=self.token,
            )
        )
        with self.log.open("w") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(config)],
                cwd=self.base,
                env=self.environment(),
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise HubError(f"jupyterhub exited with {self.process.returncode}:\n{self.tail()}")
            try:
                self.api("GET", "/")
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError, HubError):
                time.sleep(0.25)
        raise HubError(f"jupyterhub did not answer within {timeout} s:\n{self.tail()}")

    def stop(self) -> None:
        """Stop the hub and, with it, the proxy and every user's server and kernel.

        The hub stops the servers it started; whatever is still alive after it
        exits (servers and kernels run in sessions of their own) is killed.
        """
        if self.process is None or self.process.poll() is not None:
            return
        import psutil

        try:
            family = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            family = []
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=15)
        _gone, alive = psutil.wait_procs(family, timeout=10)
        for leftover in alive:
            with contextlib.suppress(psutil.NoSuchProcess):
                leftover.kill()

    def __enter__(self) -> LocalHub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def tail(self, lines: int = 40) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    # ------------------------------------------------------------ requests
    def request(
        self,
        method: str,
        url: str,
        body: Any = None,
        form: dict[str, str] | None = None,
        timeout: float = 120,
    ) -> Any:
        """One request with the service token; JSON in and out."""
        headers = {"Authorization": f"token {self.token}"}
        data = None
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.url + url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                text = response.read().decode()
        except urllib.error.HTTPError as error:
            detail = error.read().decode(errors="replace")[:500]
            raise HubError(f"{method} {url}: HTTP {error.code} {detail}") from None
        return json.loads(text) if text.strip() else None

    def api(self, method: str, path: str, body: Any = None) -> Any:
        """A request to the hub's REST API (``/hub/api``)."""
        return self.request(method, "/hub/api" + path, body)

    def server(self, user: str, method: str, path: str, **kwargs: Any) -> Any:
        """A request to a user's Jupyter server, through the proxy."""
        return self.request(method, f"/user/{user}{path}", **kwargs)

    def add_users(self, names: list[str]) -> None:
        self.api("POST", "/users", {"usernames": list(names)})

    def start_servers(self, names: list[str], timeout: float = 180) -> dict[str, float]:
        """Ask for every user's server at once; wait until each is ready.

        Returns the seconds, from the first request, until each server was ready.
        """
        began = time.monotonic()
        for name in names:
            self.api("POST", f"/users/{name}/server")
        ready: dict[str, float] = {}
        deadline = began + timeout
        while len(ready) < len(names):
            if time.monotonic() > deadline:
                waiting = [n for n in names if n not in ready]
                raise HubError(f"servers not ready after {timeout} s: {waiting}\n{self.tail()}")
            for name in names:
                if name in ready:
                    continue
                model = self.api("GET", f"/users/{name}")
                server = model.get("servers", {}).get("")
                if server and server.get("ready"):
                    ready[name] = time.monotonic() - began
            time.sleep(0.25)
        return ready

    def server_pid(self, user: str) -> int:
        """The process id of a user's server (the hub records it in its state)."""
        model = self.api("GET", f"/users/{user}")
        state = model["servers"][""].get("state") or {}
        if "pid" not in state:
            raise HubError(f"the hub did not report {user}'s server process: {model}")
        return int(state["pid"])
