"""A real JupyterHub on 127.0.0.1 for the hub test and benchmark (helpers, not tests).

:class:`LocalHub` starts ``deploy/jupyterhub/jupyterhub_config.py`` as
``bash run.sh hub`` would, in a temporary folder, on free ports, with one
extra: a service token with which the caller drives the hub's REST API
(create users, start servers) and each user's Jupyter server through the
hub's proxy; :class:`Kernel` runs code in a kernel of a user's server, as a
notebook would. Stopping it stops the hub, the proxy and every server
(their process group).

The hub keeps people apart in one of three ways (``isolation``):
``accounts`` starts it as root (the test process must be root);
``sandbox`` and ``shared`` start it as an ordinary user: when the test runs
as root, as the account :data:`RUNNER` (made for it), seeing the machine
as that user does, except that the Python, wherever it is installed, is
shown to it read-only.
"""

from __future__ import annotations

import contextlib
import importlib.util
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
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HUB_CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
PROXY = ROOT / ".node" / "node_modules" / ".bin" / "configurable-http-proxy"
WORKSHOP_PASSWORD = "coffee-and-questions"
INSTRUCTOR_PASSWORD = "instructor-" + "x" * 32
SERVICE = "workshop-driver"
#: The ordinary user a test running as root starts the sandbox and shared hubs as.
RUNNER = "cc-hubrunner"
ISOLATIONS = ("accounts", "sandbox", "shared")

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


def isolation_module():
    """deploy/jupyterhub/isolation.py, as the hub's configuration loads it."""
    spec = importlib.util.spec_from_file_location(
        "coffeechat_hub_isolation", HUB_CONFIG.with_name("isolation.py")
    )
    if spec.name in sys.modules:
        return sys.modules[spec.name]
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def runner_account():
    """The ordinary account the tests start a hub as (made once, kept: see remove_accounts)."""
    isolation = isolation_module()
    return isolation.ensure_account(RUNNER, Path("/nonexistent"))


def remove_accounts(names: list[str]) -> None:
    """Remove accounts a root hub made for ``names`` (only accounts the hub made)."""
    isolation = isolation_module()
    for name in names:
        isolation.remove_account(name)


def _closed_folder(path: Path) -> Path | None:
    """The highest folder above ``path`` that others may not pass through (e.g. /root,
    or a private checkout folder such as ``mktemp -d`` makes), or None."""
    for folder in reversed(path.parents):
        if folder != Path("/") and not folder.stat().st_mode & 0o001:
            return folder
    return None


def as_ordinary_user(account, reveal: list[Path]) -> list[str]:
    """Run as ``account`` with the machine as it sees it, but ``reveal`` shown read-only.

    A folder in ``reveal`` that sits below a folder closed to others (root's home,
    or a private temporary folder holding the checkout) is shown on its own: the
    closed folder becomes an empty one, with only the revealed paths bound into it.
    """
    isolation = isolation_module()
    args = ["bwrap", "--dev-bind", "/", "/"]
    shown = {path: _closed_folder(path) for path in dict.fromkeys(reveal)}
    for closed in dict.fromkeys(c for c in shown.values() if c is not None):
        args += ["--perms", "0755", "--tmpfs", str(closed)]
    hidden = [path for path, closed in shown.items() if closed is not None]
    for folder in isolation.ancestors(hidden):
        closed = _closed_folder(folder) or folder
        if folder != closed and folder.is_relative_to(closed):
            args += ["--perms", "0755", "--dir", str(folder)]
    for folder in hidden:
        args += ["--ro-bind", str(folder), str(folder)]
    return [*args, *isolation.as_account(account)]


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
    isolation: str = "sandbox"
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

    @property
    def room(self) -> Path:
        return self.state / "room"

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
            "COFFEECHAT_HUB_WITHOUT_ISOLATION": "yes" if self.isolation == "shared" else "",
            "JUPYTER_PLATFORM_DIRS": "1",
        }

    def _command(self, config: Path) -> list[str]:
        """jupyterhub, as root for ``accounts``, else as an ordinary user."""
        command = [sys.executable, "-m", "jupyterhub", "-f", str(config)]
        if self.isolation not in ISOLATIONS:
            raise HubError(f"isolation must be one of {ISOLATIONS}, not {self.isolation!r}")
        if (os.geteuid() == 0) != (self.isolation == "accounts"):
            if os.geteuid() != 0:
                raise HubError("a hub of separate accounts starts as root: run the test as root")
            isolation = isolation_module()
            runner = runner_account()
            for path in [self.base, *self.base.rglob("*")]:
                os.chown(path, runner.uid, runner.gid, follow_symlinks=False)
            reveal = [*isolation.python_folders(), ROOT]
            return [*as_ordinary_user(runner, reveal), *command]
        return command

    def write_passwords(self) -> Path:
        """The passwords file `bash run.sh hub` keeps in the hub's state (0600)."""
        self.state.mkdir(parents=True, exist_ok=True)
        passwords = self.state / "passwords"
        passwords.write_text(
            f"COFFEECHAT_WORKSHOP_PASSWORD={WORKSHOP_PASSWORD}\n"
            f"COFFEECHAT_INSTRUCTOR_PASSWORD={INSTRUCTOR_PASSWORD}\n"
        )
        passwords.chmod(0o600)
        return passwords

    def start(self, timeout: float = 60) -> LocalHub:
        proxy_or_fail()
        self.base.mkdir(parents=True, exist_ok=True)
        self.base.chmod(0o755)
        self.write_passwords()
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
        self.log.write_text("")
        environment = self.environment()
        command = self._command(config)
        with self.log.open("a") as out:
            self.process = subprocess.Popen(
                command,
                cwd=self.base,
                env=environment,
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


class Kernel:
    """A kernel in a user's server, run over its websocket as a notebook runs it.

    With ``path``, a session for that notebook (as JupyterLab opens one), else a
    bare kernel. :meth:`execute` runs code and returns what it printed.
    """

    def __init__(self, hub: LocalHub, user: str, path: str | None = None, timeout: float = 120):
        import websocket

        self.hub, self.user, self.timeout = hub, user, timeout
        if path is None:
            self.session = None
            self.id = hub.server(user, "POST", "/api/kernels", body={"name": "python3"})["id"]
        else:
            self.session = hub.server(
                user,
                "POST",
                "/api/sessions",
                body={"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}},
            )
            self.id = self.session["kernel"]["id"]
        url = hub.url.replace("http://", "ws://") + f"/user/{user}/api/kernels/{self.id}/channels"
        self.ws = websocket.create_connection(
            url, header=[f"Authorization: token {hub.token}"], timeout=timeout
        )
        self.client = uuid.uuid4().hex

    def execute(self, code: str, timeout: float | None = None) -> str:
        """Run ``code``; what it printed. A failing cell raises HubError with its traceback."""
        msg_id = uuid.uuid4().hex
        self.ws.send(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "msg_type": "execute_request",
                        "session": self.client,
                        "username": self.user,
                        "version": "5.3",
                        "date": datetime.now(UTC).isoformat(),
                    },
                    "parent_header": {},
                    "metadata": {},
                    "content": {
                        "code": code,
                        "silent": False,
                        "store_history": True,
                        "user_expressions": {},
                        "allow_stdin": False,
                        "stop_on_error": True,
                    },
                    "channel": "shell",
                    "buffers": [],
                }
            )
        )
        deadline = time.monotonic() + (timeout or self.timeout)
        printed: list[str] = []
        reply = None
        idle = False  # the kernel's "idle" (iopub) and its reply (shell) come in either order
        while reply is None or not idle:
            if time.monotonic() > deadline:
                raise HubError(f"{self.user}: code did not finish in time:\n{code[:200]}")
            frame = self.ws.recv()
            if isinstance(frame, bytes):  # a message with binary buffers (widgets)
                continue
            message = json.loads(frame)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = message["msg_type"]
            if kind == "stream":
                printed.append(message["content"]["text"])
            elif kind == "execute_reply":
                reply = message["content"]
            elif kind == "status" and message["content"]["execution_state"] == "idle":
                idle = True
        if reply.get("status") != "ok":
            trace = "\n".join(reply.get("traceback", []))
            raise HubError(
                f"{self.user}: {reply.get('ename')}: {reply.get('evalue')}\n{trace[-2000:]}"
            )
        return "".join(printed)

    def close(self, shutdown: bool = True) -> None:
        """Close the websocket and, unless ``shutdown`` is False, stop the kernel."""
        with contextlib.suppress(Exception):
            self.ws.close()
        if shutdown:
            with contextlib.suppress(HubError):
                self.hub.server(self.user, "DELETE", f"/api/kernels/{self.id}")

    def __enter__(self) -> Kernel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
