"""The workshop room: who has opened which module, passed which check, is stuck.

During a workshop the facilitator wants to see the room at a glance. A
participant who **joins** (``coffeechat.room.join()``) has each check they run
recorded, and nothing else: the check's name, whether it passed, and when.
Nothing is recorded before joining or after :func:`leave`, and never the
participant's code, answers or messages.

Each participant writes to a file of their own in the room folder, one JSON
object a line (``sam-lee-1a2b3c4d.jsonl``), appended with a single ``write``
to a file opened for appending, so many participants (and several notebooks
of one participant) can record at once without a lock and without ever
sharing a file. The room folder is the ``COFFEECHAT_ROOM`` environment
variable (a JupyterHub sets it for every user), or one passed to
:func:`join`; without a hub it is any folder everyone can write to, or a
folder on one computer. On a shared machine make it writable by everyone and
sticky (``install -d -m 1777 /srv/coffeechat/room``): each participant
creates their own file (readable by all, writable by them) and nobody can
remove another's.

The facilitator reads the folder with :func:`read_room` and summarises it
with :func:`room_summary` (one row a participant), :func:`check_status`
(participant x check) and :func:`stuck` (a check failing
:data:`STUCK_AFTER` times in a row without a pass). A garbled line is never
skipped in silence: it raises :class:`~coffeechat.errors.RoomDataError`
naming the file and line, or with ``errors="skip"`` is listed in
:attr:`Room.problems`.

Examples
--------
>>> import tempfile
>>> folder = tempfile.mkdtemp()
>>> member = join("Sam Lee", folder=folder, module="01-why-informational-interviews")
>>> record_check("ps01-who-can-introduce-you", "check_degrees", passed=False)
>>> record_check("ps01-who-can-introduce-you", "check_degrees", passed=True)
>>> leave()
>>> room = read_room(folder)
>>> check_status(room).loc["Sam Lee", "ps01-who-can-introduce-you: check_degrees"]
'passed'
>>> room_summary(room).loc["Sam Lee", "modules_opened"]
'01-why-informational-interviews, ps01-who-can-introduce-you'
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from coffeechat._args import whole_number
from coffeechat._participant import participant_name
from coffeechat.errors import InvalidParameter, RoomDataError

__all__ = [
    "EVENT_COLUMNS",
    "ROOM_ENV",
    "STUCK_AFTER",
    "Membership",
    "Room",
    "check_status",
    "join",
    "joined",
    "leave",
    "quiet",
    "read_room",
    "record_check",
    "record_open",
    "recorded",
    "room_folder",
    "room_report",
    "room_summary",
    "stuck",
]

#: The environment variable naming the room folder (a JupyterHub sets it).
ROOM_ENV = "COFFEECHAT_ROOM"

#: Failures in a row, without a pass, after which a participant counts as stuck.
STUCK_AFTER = 3

#: The columns of :attr:`Room.events`.
EVENT_COLUMNS = ("participant", "at", "event", "module", "check", "passed", "file", "line")

_EVENTS = ("join", "open", "check", "leave")
_SUFFIX = ".jsonl"


def room_folder(folder: str | os.PathLike[str] | None = None) -> Path:
    """The room folder: ``folder`` if given, else the ``COFFEECHAT_ROOM`` variable's.

    Raises
    ------
    InvalidParameter
        If neither is set.
    """
    if folder is None:
        folder = os.environ.get(ROOM_ENV) or None
        if folder is None:
            raise InvalidParameter(
                f"no room folder: pass folder=... (a folder everyone in the room can "
                f"write to), or set the {ROOM_ENV} environment variable"
            )
    if not isinstance(folder, (str, os.PathLike)):
        raise InvalidParameter(f"folder must be a path, not {type(folder).__name__} {folder!r}")
    return Path(folder).expanduser()


# ------------------------------------------------------------------ writing
@dataclass(frozen=True)
class Membership:
    """A participant's place in the room: what is recorded, and where.

    Shown in the notebook after :func:`join`, so the participant sees exactly
    what the facilitator will see.
    """

    participant: str
    path: Path

    def example(self) -> str:
        """One line exactly as it is recorded for a check."""
        return _line(self.participant, "check", "ps01-who-can-introduce-you", "check_degrees", True)

    def __str__(self) -> str:
        return (
            f"You are in the room as {self.participant!r}. From now on, each check you run "
            f"is recorded in {self.path}: its name, whether it passed, and the time; also "
            f"which module you opened. Nothing else: not your code, answers or messages. "
            f"A recorded line looks like this:\n  {self.example().strip()}\n"
            f"To stop, run coffeechat.room.leave()."
        )

    def _repr_html_(self) -> str:
        return (
            f"<p>You are in the room as <b>{html.escape(self.participant)}</b>. From now on, "
            f"each check you run is recorded in <code>{html.escape(str(self.path))}</code>: "
            "its name, whether it passed, and the time; also which module you opened. "
            "<b>Nothing else</b>: not your code, answers or messages.</p>"
            f"<p>A recorded line looks like this:</p><pre>{html.escape(self.example())}</pre>"
            "<p>To stop, run <code>coffeechat.room.leave()</code>.</p>"
        )


_member: Membership | None = None
_quiet_depth = 0
_warned = False


def _file_name(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:40] or "participant"
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return f"{slug}-{digest}{_SUFFIX}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _line(
    participant: str,
    event: str,
    module: str | None = None,
    check: str | None = None,
    passed: bool | None = None,
) -> str:
    record: dict[str, object] = {"participant": participant, "at": _now(), "event": event}
    if module is not None:
        record["module"] = module
    if check is not None:
        record["check"] = check
    if passed is not None:
        record["passed"] = passed
    return json.dumps(record, ensure_ascii=False) + "\n"


def _append(path: Path, line: str) -> None:
    """Append one whole line with one write (O_APPEND): writers never interleave."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        data = line.encode("utf-8")
        written = os.write(fd, data)
        if written != len(data):  # pragma: no cover - a full disk
            raise OSError(f"only {written} of {len(data)} bytes written to {path}")
    finally:
        os.close(fd)


def _notebook_module() -> str | None:
    """The stem of the notebook this kernel runs, when Jupyter says which."""
    session = os.environ.get("JPY_SESSION_NAME")
    if not session:
        return None
    return Path(session).stem or None


def join(
    name: str | None = None,
    *,
    folder: str | os.PathLike[str] | None = None,
    module: str | None = None,
) -> Membership | None:
    """Join the room: from now on, record this notebook's checks for the facilitator.

    While nbgrader runs the notebook (grading or validating a handed-in
    copy) this does nothing and returns None: there is no room then, and a
    ``join()`` left in a notebook must not turn into an error in its feedback.

    Parameters
    ----------
    name : str, optional
        The name to appear under; by default the JupyterHub user name.
    folder : path, optional
        The room folder; by default the ``COFFEECHAT_ROOM`` variable's.
    module : str, optional
        The module being opened; by default the notebook's own name, when
        Jupyter tells the kernel (``JPY_SESSION_NAME``).

    Returns
    -------
    Membership or None
        Says what is recorded and where (shown when it is a cell's result);
        None while nbgrader runs the notebook.

    Raises
    ------
    InvalidParameter
        Without a name (off a hub) or a room folder.
    RoomDataError
        If the room folder cannot be written to.
    """
    global _member
    if os.environ.get("NBGRADER_EXECUTION"):
        return None
    participant = participant_name(name)
    where = room_folder(folder)
    path = where / _file_name(participant)
    try:
        where.mkdir(parents=True, exist_ok=True)
        _append(path, _line(participant, "join"))
        opened = module if module is not None else _notebook_module()
        if opened:
            _append(path, _line(participant, "open", module=str(opened)))
    except OSError as err:
        raise RoomDataError(f"{path}: cannot record there: {err.strerror or err}") from err
    _member = Membership(participant, path)
    return _member


def leave() -> None:
    """Stop recording (after writing that you left). Does nothing when not in the room."""
    global _member
    if _member is not None:
        _write(_line(_member.participant, "leave"))
        _member = None


def joined() -> Membership | None:
    """Where this notebook records, or None when it has not joined the room."""
    return _member


@contextmanager
def quiet() -> Iterator[None]:
    """Record nothing inside (the scoreboard reruns checks the learner did not run)."""
    global _quiet_depth
    _quiet_depth += 1
    try:
        yield
    finally:
        _quiet_depth -= 1


def _write(line: str) -> None:
    global _warned
    if _member is None:
        return
    try:
        _append(_member.path, line)
    except OSError as err:  # a check must never fail because the room is away
        if not _warned:
            _warned = True
            print(
                f"(note: could not record in the room at {_member.path}: "
                f"{err.strerror or err}; your check ran as usual)",
                file=sys.stderr,
            )


def record_check(module: str, check: str, *, passed: bool) -> None:
    """Record one check's result, if this notebook has joined the room (else nothing)."""
    if _member is None or _quiet_depth:
        return
    _write(_line(_member.participant, "check", module=module, check=check, passed=bool(passed)))


def record_open(module: str) -> None:
    """Record that a module was opened, if this notebook has joined the room (else nothing)."""
    if _member is None or _quiet_depth:
        return
    _write(_line(_member.participant, "open", module=module))


def _assignment_of(module: str) -> str:
    """The assignment a check's module belongs to (its package's ``ASSIGNMENT``), else its name."""
    name = module
    while name:
        spec = getattr(sys.modules.get(name), "ASSIGNMENT", None)
        if spec is not None:
            return str(spec.name)
        name = name.rpartition(".")[0]
    return module.rsplit(".", 1)[-1]


def recorded(check: Callable[..., Any]) -> Callable[..., Any]:
    """``check``, recording each result in the workshop room once the learner joins it.

    Before :func:`join` (and always outside a notebook that joined) it only
    runs the check; :mod:`coffeechat.checks` wraps each of its checks in it.
    After, it records the check's name and whether it passed (a
    :class:`~coffeechat.errors.CheckFailed`, or any other error, is a fail),
    under the assignment the check belongs to.
    """

    @functools.wraps(check)
    def run(*args: Any, **kwargs: Any) -> Any:
        if _member is None:
            return check(*args, **kwargs)
        module = _assignment_of(check.__module__)
        try:
            result = check(*args, **kwargs)
        except Exception:
            record_check(module, check.__name__, passed=False)
            raise
        record_check(module, check.__name__, passed=True)
        return result

    return run


# ------------------------------------------------------------------ reading
@dataclass(frozen=True)
class Room:
    """What a room folder holds.

    Attributes
    ----------
    folder : pathlib.Path
    events : pandas.DataFrame
        One row a recorded line, in time order, columns :data:`EVENT_COLUMNS`
        (``file`` and ``line`` say where each came from).
    problems : tuple of RoomDataError
        Lines set aside with ``errors="skip"``, each naming its file and line.
    """

    folder: Path
    events: pd.DataFrame
    problems: tuple[RoomDataError, ...] = field(default=())

    @property
    def participants(self) -> list[str]:
        """Everyone who has joined, in name order."""
        return sorted(set(self.events["participant"]))


def _parse(path: Path, number: int, text: str) -> dict[str, object]:
    def bad(problem: str) -> RoomDataError:
        return RoomDataError(f"{path}:{number}: {problem}")

    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        raise bad(f"not a JSON record ({err.msg} at column {err.colno}): {text[:60]!r}") from err
    if not isinstance(record, dict):
        raise bad(f"expected a JSON object, not {text[:60]!r}")
    event = record.get("event")
    if event not in _EVENTS:
        raise bad(f"unknown event {event!r}; expected one of {', '.join(_EVENTS)}")
    participant = record.get("participant")
    if not isinstance(participant, str) or not participant.strip():
        raise bad(f"no participant name: {text[:60]!r}")
    try:
        at = pd.Timestamp(record.get("at"))
    except (ValueError, TypeError) as err:
        raise bad(f"the time {record.get('at')!r} cannot be read") from err
    if pd.isna(at) or at.tzinfo is None:
        raise bad(f"the time {record.get('at')!r} is not a UTC time such as 2026-11-28T10:00:00Z")
    module, check, passed = record.get("module"), record.get("check"), record.get("passed")
    if event in ("open", "check") and (not isinstance(module, str) or not module):
        raise bad(f"a {event} record without a module: {text[:60]!r}")
    if event == "check":
        if not isinstance(check, str) or not check:
            raise bad(f"a check record without the check's name: {text[:60]!r}")
        if not isinstance(passed, bool):
            raise bad(f"'passed' must be true or false, not {passed!r}")
    return {
        "participant": participant,
        "at": at.tz_convert("UTC"),
        "event": event,
        "module": module if isinstance(module, str) else "",
        "check": check if isinstance(check, str) else "",
        "passed": passed if isinstance(passed, bool) else None,
        "file": path.name,
        "line": number,
    }


def read_room(folder: str | os.PathLike[str] | None = None, *, errors: str = "raise") -> Room:
    """Read every participant's file in a room folder.

    Parameters
    ----------
    folder : path, optional
        The room folder; by default the ``COFFEECHAT_ROOM`` variable's.
    errors : {"raise", "skip"}
        What a garbled line does: raise, or be set aside in
        :attr:`Room.problems` (for a live view that must keep going).

    Returns
    -------
    Room

    Raises
    ------
    RoomDataError
        For a folder that does not exist, or (``errors="raise"``) the first
        garbled line, naming its file and line.
    InvalidParameter
        For an unknown ``errors``.
    """
    if errors not in ("raise", "skip"):
        raise InvalidParameter(f"errors must be 'raise' or 'skip', not {errors!r}")
    where = room_folder(folder)
    if not where.is_dir():
        raise RoomDataError(f"{where}: there is no room folder here")
    rows: list[dict[str, object]] = []
    problems: list[RoomDataError] = []
    for path in sorted(where.glob(f"*{_SUFFIX}")):
        try:
            data = path.read_bytes()
        except OSError as err:
            problem = RoomDataError(f"{path}: cannot be read: {err.strerror or err}")
            if errors == "raise":
                raise problem from err
            problems.append(problem)
            continue
        for number, raw in enumerate(data.splitlines(), start=1):
            try:
                text = raw.decode("utf-8")
                if not text.strip():
                    continue
                rows.append(_parse(path, number, text))
            except UnicodeDecodeError as err:
                problem = RoomDataError(f"{path}:{number}: not UTF-8 text ({err.reason})")
                if errors == "raise":
                    raise problem from err
                problems.append(problem)
            except RoomDataError as problem:
                if errors == "raise":
                    raise
                problems.append(problem)
    events = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    if len(events):
        events = events.sort_values(["at", "file", "line"], kind="stable", ignore_index=True)
    return Room(where, events, tuple(problems))


# -------------------------------------------------------------- summarising
def _checks(room: Room) -> pd.DataFrame:
    events = room.events
    found = events[events["event"] == "check"].copy()
    found["name"] = found["module"] + ": " + found["check"]
    return found


def _runs(room: Room) -> pd.DataFrame:
    """Per participant and check: attempts, passes, the failures since the last pass."""
    rows = []
    for (person, name), group in _checks(room).groupby(["participant", "name"], sort=True):
        results = group["passed"].tolist()
        trailing = 0
        for result in reversed(results):
            if result:
                break
            trailing += 1
        failing_since = group["at"].iloc[len(results) - trailing] if trailing else pd.NaT
        rows.append(
            {
                "participant": person,
                "name": name,
                "module": group["module"].iloc[0],
                "check": group["check"].iloc[0],
                "attempts": len(results),
                "last_passed": bool(results[-1]),
                "failures_in_a_row": trailing,
                "failing_since": failing_since,
            }
        )
    columns = [
        "participant",
        "name",
        "module",
        "check",
        "attempts",
        "last_passed",
        "failures_in_a_row",
        "failing_since",
    ]
    return pd.DataFrame(rows, columns=columns)


def _threshold(stuck_after: object) -> int:
    return whole_number(stuck_after, "stuck_after")


def _room(room: object) -> Room:
    if not isinstance(room, Room):
        raise InvalidParameter(f"expected a Room from read_room(folder), not {room!r}")
    return room


def check_status(room: Room, *, stuck_after: int = STUCK_AFTER) -> pd.DataFrame:
    """Participant x check: ``"passed"``, ``"failing"``, ``"stuck"`` or ``""`` (not run).

    A check's status is its last result: ``"passed"``, or ``"failing"`` after
    fewer than ``stuck_after`` failures in a row, ``"stuck"`` after more.
    Columns are ``"<module>: <check>"``, in name order; everyone who joined
    has a row.
    """
    limit = _threshold(stuck_after)
    runs = _runs(_room(room))
    status = runs["last_passed"].map({True: "passed", False: "failing"}).astype(object)
    status[runs["failures_in_a_row"] >= limit] = "stuck"
    runs = runs.assign(status=status)
    table = runs.pivot(index="participant", columns="name", values="status")
    table = table.reindex(index=room.participants, columns=sorted(runs["name"].unique()))
    table = table.fillna("").astype(object)
    table.index.name, table.columns.name = "participant", None
    return table


def stuck(room: Room, *, stuck_after: int = STUCK_AFTER) -> pd.DataFrame:
    """Who is stuck: a check failed ``stuck_after`` times or more in a row, no pass since.

    Returns
    -------
    pandas.DataFrame
        Columns ``participant``, ``module``, ``check``, ``failures_in_a_row``
        and ``failing_since``, longest-stuck first.
    """
    limit = _threshold(stuck_after)
    runs = _runs(_room(room))
    found = runs[runs["failures_in_a_row"] >= limit]
    columns = ["participant", "module", "check", "failures_in_a_row", "failing_since"]
    return found.sort_values(["failing_since", "participant"])[columns].reset_index(drop=True)


def room_summary(room: Room, *, stuck_after: int = STUCK_AFTER) -> pd.DataFrame:
    """One row a participant: when they joined and were last seen, modules opened,
    checks passed and failing, and the checks they are stuck on.

    Modules opened are those named by an ``open`` record or by a check run
    in them, in the order first seen.
    """
    limit = _threshold(stuck_after)
    events, runs = _room(room).events, _runs(room)
    columns = ["joined", "last_seen", "modules_opened", "passed", "failing", "stuck_on"]
    rows = {}
    for person in room.participants:
        mine = events[events["participant"] == person]
        theirs = runs[runs["participant"] == person]
        modules = mine.loc[mine["event"].isin(["open", "check"]), "module"]
        joined_at = mine.loc[mine["event"] == "join", "at"]
        held = theirs[theirs["failures_in_a_row"] >= limit]
        rows[person] = {
            "joined": joined_at.min() if len(joined_at) else pd.NaT,
            "last_seen": mine["at"].max(),
            "modules_opened": ", ".join(dict.fromkeys(m for m in modules if m)),
            "passed": int(theirs["last_passed"].sum()),
            "failing": int((~theirs["last_passed"]).sum()),
            "stuck_on": ", ".join(held["name"]),
        }
    table = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    table.index.name = "participant"
    return table


def _clock(value: object) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).strftime("%H:%M")


def room_report(room: Room, *, stuck_after: int = STUCK_AFTER) -> str:
    """The room as plain text, for a terminal (``coffeechat room``).

    Who is stuck first, then one line a participant, then any garbled lines
    (each with its file and line).
    """
    summary = room_summary(room, stuck_after=stuck_after)
    found = stuck(room, stuck_after=stuck_after)
    lines = [f"Room {room.folder}: {len(summary)} participant{'s' if len(summary) != 1 else ''}."]
    if len(found):
        lines.append(f"Stuck ({stuck_after}+ failures in a row, no pass since):")
        for row in found.itertuples():
            lines.append(
                f"  {row.participant}: {row.module} {row.check}, "
                f"{row.failures_in_a_row} failures since {_clock(row.failing_since)}"
            )
    else:
        lines.append("Nobody is stuck.")
    if len(summary):
        shown = summary.assign(
            joined=summary["joined"].map(_clock), last_seen=summary["last_seen"].map(_clock)
        )
        lines += ["", shown.to_string()]
    if room.problems:
        lines += ["", f"{len(room.problems)} line(s) could not be read:"]
        lines += [f"  {problem}" for problem in room.problems]
    return "\n".join(lines)
