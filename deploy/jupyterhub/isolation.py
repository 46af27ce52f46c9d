"""How the Coffee Chat hub keeps participants apart (read by jupyterhub_config.py).

The hub picks one of three ways when it starts (:func:`choose_isolation`),
named as in :mod:`coffeechat.course.hub`:

- ``accounts`` -- the hub runs as root: every user's server runs as a Unix
  account of their own (made on first log-in, uids in a reserved range,
  never root), inside a bubblewrap sandbox that shows it the system, the
  Python, the kit's code, its own home (``0700``), the nbgrader exchange
  (nbgrader's own permission model: ``1777``, ``inbound`` ``-wx``) and its
  own file of the workshop room; nothing of other homes or the hub's state.
- ``sandbox`` -- the hub runs as an ordinary user: everybody shares that
  Unix account, so the sandbox alone keeps them apart. A participant sees
  the released assignments and the feedback folder read-only (the feedback
  folder cannot be listed) and, as ``inbound/``, an inbound folder of their
  own (``inbound/<name>/``; the instructor's collect looks there).
- ``shared`` -- no bubblewrap, not root: refused, unless the facilitator
  asks for an ungraded workshop without isolation (``bash run.sh hub
  --ungraded-without-isolation``). nbgrader is then switched off for all.

Everything that cannot be isolated stops the hub with the reason and the fix
(:class:`Refusal`); a user name that cannot be a safe Unix account name is
refused at log-in with a sentence saying why (:func:`user_name_problem`).
"""

from __future__ import annotations

import asyncio
import grp
import os
import pwd
import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jupyterhub.authenticators.shared import SharedPasswordAuthenticator
from jupyterhub.spawner import SimpleLocalProcessSpawner
from tornado import web
from traitlets import Integer, List, Unicode

ACCOUNTS, SANDBOX, SHARED = "accounts", "sandbox", "shared"
#: The environment variable with which the facilitator accepts a hub without isolation.
WITHOUT_ISOLATION = "COFFEECHAT_HUB_WITHOUT_ISOLATION"
#: The uids the hub gives accounts, unless COFFEECHAT_HUB_UIDS says otherwise ("40000-49999").
UIDS = range(40000, 50000)
#: A user name the hub accepts: what `useradd` takes without a fuss, lower case.
SAFE_NAME = re.compile(r"[a-z][a-z0-9_-]{0,31}\Z")
_SYSTEM = ("/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
_ACCOUNT_NOTE = "Coffee Chat hub user"


class Refusal(SystemExit):
    """The hub will not start: the message says why and what to do."""

    def __init__(self, reason: str, fix: str) -> None:
        super().__init__(f"\nCoffee Chat hub: not started. {reason}\n  Fix: {fix}\n")


DESCRIPTIONS = {
    ACCOUNTS: "each user's server runs as a Unix account of their own, in a sandbox of its own",
    SANDBOX: "each user's server runs in a bubblewrap sandbox of its own",
    SHARED: "NOBODY IS KEPT APART (ungraded workshop; nbgrader is off)",
}


def parse_uids(text: str | None) -> range:
    """The uid range from ``COFFEECHAT_HUB_UIDS`` ("FIRST-LAST"), by default :data:`UIDS`."""
    if not text:
        return UIDS
    match = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", text)
    if not match or not 1000 <= int(match[1]) <= int(match[2]):
        raise Refusal(
            f"COFFEECHAT_HUB_UIDS={text!r} is not a range of uids such as 40000-49999",
            "give the first and last uid the hub may use, both 1000 or more",
        )
    return range(int(match[1]), int(match[2]) + 1)


def choose_isolation(euid: int, bwrap: str | None, without_isolation: bool) -> str:
    """How the hub keeps people apart, or a :class:`Refusal` saying why it cannot."""
    if without_isolation:
        if euid == 0:
            raise Refusal(
                "A hub without isolation would run every participant's server as root.",
                "start it as an ordinary user, or leave out --ungraded-without-isolation "
                "(as root, with bubblewrap, every participant gets an account of their own)",
            )
        return SHARED
    if bwrap is None:
        if euid == 0:
            raise Refusal(
                "bubblewrap (bwrap) is missing or cannot make a sandbox here; as root the hub "
                "runs each participant as an account of their own inside it, so that the "
                "kit's solutions (hidden tests) and the hub's files stay out of sight.",
                "install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap)",
            )
        raise Refusal(
            "bubblewrap (bwrap) is missing or cannot make a sandbox here, and the hub does "
            "not run as root: every participant's server would run as this one Unix account "
            "and could read and change the others' work, the course and the hub's secrets.",
            "install bubblewrap (apt-get install bubblewrap), or start the hub as root; "
            "for an ungraded workshop among colleagues only: "
            "bash run.sh hub --ungraded-without-isolation",
        )
    return ACCOUNTS if euid == 0 else SANDBOX


def user_name_problem(name: str, isolation: str, uids: range = UIDS) -> str | None:
    """Why ``name`` cannot be a user of this hub, in a sentence; None when it can.

    >>> user_name_problem("ada", "sandbox") is None
    True
    >>> user_name_problem("ada lovelace", "sandbox")
    "'ada lovelace' cannot be a user name here: use up to 32 lower-case letters, ..."
    """
    if not SAFE_NAME.match(name):
        return (
            f"{name!r} cannot be a user name here: use up to 32 lower-case letters, "
            "digits, '-' and '_', starting with a letter"
        )
    entry = _entry(name) if isolation == ACCOUNTS else None
    if entry is not None and (entry.pw_uid not in uids or entry.pw_gecos != _ACCOUNT_NOTE):
        return f"{name!r} is taken by an account of this machine: choose another user name"
    return None


def _entry(name: str) -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None


# ---------------------------------------------------------------- accounts
@dataclass(frozen=True)
class Account:
    """The Unix account a user's server runs as."""

    name: str
    uid: int
    gid: int


def ensure_account(name: str, home: Path, uids: range = UIDS) -> Account:
    """The hub's account called ``name``: reused if the hub made it, else made (root only)."""
    problem = user_name_problem(name, ACCOUNTS, uids)
    if problem:
        raise web.HTTPError(403, problem)
    for _attempt in range(5):  # another process may take the same free uid first
        entry = _entry(name)
        if entry is not None:
            break
        taken = {p.pw_uid for p in pwd.getpwall()} | {g.gr_gid for g in grp.getgrall()}
        uid = next((u for u in uids if u not in taken), None)
        if uid is None:
            raise web.HTTPError(503, f"no free uid left in {uids.start}-{uids.stop - 1}")
        failed = _add_account(name, uid, home)
    else:
        raise RuntimeError(f"could not make the account {name!r}: {failed}")
    return Account(name, entry.pw_uid, entry.pw_gid)


def _add_account(name: str, uid: int, home: Path) -> str:
    """Make the group and the account ``name`` with ``uid``; what went wrong, or ''."""
    for command in (
        ["groupadd", "--gid", str(uid), name],
        [
            "useradd",
            "--uid",
            str(uid),
            "--gid",
            str(uid),
            "--no-create-home",
            "--no-log-init",
            "--home-dir",
            str(home),
            "--shell",
            "/bin/bash",
            "--comment",
            _ACCOUNT_NOTE,
            name,
        ],
    ):
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            if command[0] == "useradd":  # leave no group without its account
                subprocess.run(["groupdel", name], capture_output=True, check=False)
            return f"{' '.join(command)}: {done.stderr.strip()}"
    return ""


def remove_account(name: str) -> None:
    """Remove an account the hub made (and its group); nothing else is touched."""
    entry = _entry(name)
    if entry is None:
        return
    if entry.pw_gecos != _ACCOUNT_NOTE:
        raise ValueError(f"{name!r} is not an account the Coffee Chat hub made")
    subprocess.run(["userdel", name], capture_output=True, check=False)
    subprocess.run(["groupdel", name], capture_output=True, check=False)


# ----------------------------------------------------------------- sandbox
@dataclass(frozen=True)
class Layout:
    """Where the kit, the hub's state, the exchange and the room are on this machine."""

    kit: Path
    state: Path
    exchange: Path
    room: Path
    course_id: str = "coffeechat"

    def home(self, name: str) -> Path:
        return self.state / "home" / name


def python_folders() -> list[Path]:
    """What a server's Python needs: the virtual environment and the interpreter."""
    folders = [Path(sys.prefix), Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()]
    kept: list[Path] = []
    for folder in folders:
        if folder not in kept and not str(folder).startswith(("/usr/", "/etc/")):
            kept.append(folder)
    return kept


def ancestors(paths: Iterable[Path]) -> list[Path]:
    """Folders above ``paths`` that the sandbox must make (readable, like the real ones)."""
    found: set[Path] = set()
    for path in paths:
        for parent in path.parents:
            if str(parent) not in ("/", "/tmp") and not str(parent).startswith(_SYSTEM):
                found.add(parent)
    return sorted(found, key=lambda p: (len(p.parts), str(p)))


def bwrap_args(
    layout: Layout,
    name: str,
    instructor: bool,
    isolation: str,
    bwrap: str = "bwrap",
) -> list[str]:
    """The bubblewrap command line around a user's server (and its preparation)."""
    home = layout.home(name)
    read_only = [*python_folders()]
    read_only += [layout.kit / part for part in ("src", "notebooks", "deploy/jupyterhub")]
    if instructor:
        read_only.append(layout.kit / "solutions")
    binds: list[tuple[str, Path, Path]] = [("--ro-bind", p, p) for p in read_only]
    binds.append(("--bind", home, home))
    course = layout.exchange / layout.course_id
    if isolation == ACCOUNTS or instructor:
        binds.append(("--bind", layout.exchange, layout.exchange))
    else:  # one Unix account: the participant's own inbound folder, the rest read-only
        binds += [
            ("--ro-bind", course / "outbound", course / "outbound"),
            ("--ro-bind", course / "feedback", course / "feedback"),
            ("--bind", course / "inbound" / name, course / "inbound"),
        ]
    if instructor:
        binds.append(("--ro-bind", layout.room, layout.room))
    else:
        own = room_file(layout, name)
        binds.append(("--bind", own, own))
    args = [
        bwrap,
        "--die-with-parent",
        "--new-session",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
        "--hostname",
        "coffeechat",
    ]
    if isolation != ACCOUNTS:
        args += ["--unshare-user", "--cap-drop", "ALL"]
    for top in _SYSTEM:
        path = Path(top)
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), top]
        elif path.is_dir():
            args += ["--ro-bind", top, top]
    if instructor:
        # Grading starts a sandbox of its own inside, which mounts a /proc of
        # its own: the kernel allows that only beside a /proc shown whole.
        args += ["--bind", "/proc", "/proc"]
    else:  # a process tree of their own: nobody else's processes to see or signal
        args += ["--unshare-pid", "--proc", "/proc"]
    args += ["--dev", "/dev", "--perms", "1777", "--tmpfs", "/dev/shm"]
    args += ["--perms", "1777", "--tmpfs", "/tmp"]
    for folder in ancestors(dest for _, _, dest in binds):
        args += ["--perms", "0755", "--dir", str(folder)]
    if not instructor:
        args += ["--tmpfs", str(layout.room)]
    for kind, source, dest in binds:
        args += [kind, str(source), str(dest)]
    if not instructor:  # the room shows the participant's own file, and takes no other
        args += ["--remount-ro", str(layout.room)]
    return [*args, "--chdir", str(home)]


def as_account(account: Account) -> list[str]:
    """``setpriv`` switching from root to ``account``, with no way back."""
    return [
        "setpriv",
        f"--reuid={account.uid}",
        f"--regid={account.gid}",
        "--clear-groups",
        "--inh-caps=-all",
        "--bounding-set=-all",
        "--no-new-privs",
        "--",
    ]


def room_file(layout: Layout, name: str) -> Path:
    """The participant's own file in the room (coffeechat.room's name for it)."""
    from coffeechat.room import member_file

    return member_file(name, layout.room)


def _make_file(path: Path, account: Account | None) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    except FileExistsError:
        if path.is_symlink() or not path.is_file():
            raise RuntimeError(f"{path} is not a plain file; remove it") from None
    else:
        os.close(fd)
    if account is not None:
        os.chown(path, account.uid, account.gid, follow_symlinks=False)
    path.chmod(0o644)  # the facilitator reads it; nobody else is shown it


def _make_folder(path: Path, mode: int, account: Account | None = None) -> None:
    path.mkdir(parents=True, exist_ok=True)
    if path.is_symlink():
        raise RuntimeError(f"{path} is a symbolic link; the hub expects a folder")
    if account is not None:
        os.chown(path, account.uid, account.gid, follow_symlinks=False)
    path.chmod(mode)


def prepare_places(
    layout: Layout,
    name: str,
    instructor: bool,
    isolation: str,
    account: Account | None,
    instructors: Iterable[str] = (),
) -> None:
    """The folders and files a user's sandbox binds, made before it starts."""
    _make_folder(layout.state / "home", 0o700)
    _make_folder(layout.home(name), 0o700, account)
    if not instructor:
        _make_file(room_file(layout, name), account)
    if isolation == SANDBOX:
        course = layout.exchange / layout.course_id
        _make_folder(course, 0o700)
        _make_folder(course / "outbound", 0o755)
        _make_folder(course / "inbound", 0o700)
        # Written by name, read by name, never listed: each page is someone's work.
        _make_folder(course / "feedback", 0o311)
        if not instructor:
            _make_folder(course / "inbound" / name, 0o700)
    elif isolation == ACCOUNTS and instructor:
        claim_course_exchange(layout, account, instructors)


def claim_course_exchange(
    layout: Layout, account: Account | None, instructors: Iterable[str] = ()
) -> None:
    """The course's folder in the shared exchange belongs to an instructor, nobody else.

    The hub makes it (root's, so that no participant can make it first and
    hold the course's releases) and gives it to the first instructor who
    logs in (``account``); one owned by anybody but an instructor stops the
    instructor's server.
    """
    course = layout.exchange / layout.course_id
    if account is None:  # the hub starting: made, still root's
        if not course.exists():
            _make_folder(course, 0o755)
        return
    owner = course.lstat().st_uid
    if owner == 0:
        _make_folder(course, 0o755, account)
        return
    try:
        owner_name = pwd.getpwuid(owner).pw_name
    except KeyError:
        owner_name = f"uid {owner}"
    if owner != account.uid and owner_name not in set(instructors):
        raise web.HTTPError(
            409, f"{course} belongs to {owner_name}, not to an instructor: remove it, then log in"
        )


class CoffeeChatSpawner(SimpleLocalProcessSpawner):
    """Starts each user's server as its own account (hub as root) or in its own sandbox."""

    isolation = Unicode(SHARED, config=True, help="accounts, sandbox or shared")
    kit = Unicode(config=True, help="the project folder")
    state = Unicode(config=True, help="the hub's folder")
    exchange = Unicode(config=True, help="nbgrader's exchange")
    room = Unicode(config=True, help="the workshop room folder")
    instructors = List(Unicode(), config=True, help="user names of instructors")
    uid_first = Integer(UIDS.start, config=True)
    uid_last = Integer(UIDS.stop - 1, config=True)
    server_cmd = List(Unicode(), config=True, help="the single-user server's command")

    @property
    def layout(self) -> Layout:
        return Layout(Path(self.kit), Path(self.state), Path(self.exchange), Path(self.room))

    def make_preexec_fn(self, name):
        home = self.home_dir  # made by then: the server starts in it (its notebook root)

        def preexec():
            os.chdir(home)

        return preexec

    def wrapper(self, account: Account | None) -> list[str]:
        """What the server's command runs inside: the sandbox, then the account."""
        if self.isolation == SHARED:
            return []
        instructor = self.user.name in self.instructors
        args = bwrap_args(self.layout, self.user.name, instructor, self.isolation)
        if account is not None:
            args += as_account(account)
        return args

    async def _prepare(self, wrapper: list[str]) -> None:
        """The modules in the user's folder, the course for instructors: as the user."""
        layout, name = self.layout, self.user.name
        # coffeechat.course.hub read as a file: copying the modules imports nothing of the kit.
        script = layout.kit / "src" / "coffeechat" / "course" / "hub.py"
        load = (
            "import importlib.util, sys\n"
            f"spec = importlib.util.spec_from_file_location('coffeechat_hub', {str(script)!r})\n"
            "module = importlib.util.module_from_spec(spec)\n"
            "spec.loader.exec_module(module)\n"
            "module.main(sys.argv[1:])\n"
        )
        command = [*wrapper, sys.executable, "-I", "-c", load, self.home_dir]
        if name in self.instructors and self.isolation != SHARED:
            command.append(str(layout.kit / "solutions"))
        command += ["--notebooks", str(layout.kit / "notebooks")]
        env = {k: v for k, v in os.environ.items() if k in ("PATH", "PYTHONPATH", "LANG")}
        env.update(HOME=self.home_dir, USER=name, PYTHONDONTWRITEBYTECODE="1")
        process = await asyncio.create_subprocess_exec(
            *command, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
        )
        _, error = await process.communicate()
        if process.returncode:
            raise RuntimeError(f"preparing {self.home_dir} failed: {error.decode()[-800:]}")

    async def start(self):
        name = self.user.name
        problem = user_name_problem(name, self.isolation, range(self.uid_first, self.uid_last + 1))
        if problem:
            raise web.HTTPError(403, problem)
        account = None
        if self.isolation == ACCOUNTS:
            account = await asyncio.get_running_loop().run_in_executor(
                None,
                ensure_account,
                name,
                Path(self.home_dir),
                range(self.uid_first, self.uid_last + 1),
            )
        if self.isolation != SHARED:
            prepare_places(
                self.layout,
                name,
                name in self.instructors,
                self.isolation,
                account,
                self.instructors,
            )
        wrapper = self.wrapper(account)
        await self._prepare(wrapper)
        self.cmd = [*wrapper, *self.server_cmd]
        return await super().start()


class CoffeeChatAuthenticator(SharedPasswordAuthenticator):
    """The workshop password, and a clear word when a user name cannot be used."""

    isolation = Unicode(SHARED, config=True)
    uid_first = Integer(UIDS.start, config=True)
    uid_last = Integer(UIDS.stop - 1, config=True)

    async def authenticate(self, handler, data):
        name = self.normalize_username(data.get("username", ""))
        problem = user_name_problem(name, self.isolation, range(self.uid_first, self.uid_last + 1))
        if problem:
            raise web.HTTPError(403, problem)
        return await super().authenticate(handler, data)
