"""The workshop room: opt-in recording of checks, many writers, reading and summarising."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
from pathlib import Path

import pandas as pd
import pytest

from coffeechat import checks, room
from coffeechat.errors import CheckFailed, InvalidParameter, RoomDataError

PS01 = "ps01-who-can-introduce-you"


@pytest.fixture(autouse=True)
def _outside_the_room(monkeypatch):
    """Every test starts outside any room, off the hub, and leaves it again."""
    for name in ("JUPYTERHUB_USER", room.ROOM_ENV, "JPY_SESSION_NAME", "NBGRADER_EXECUTION"):
        monkeypatch.delenv(name, raising=False)
    room.leave()
    yield
    room.leave()


def _bfs(contacts, source):
    found, frontier = {source: 0}, [source]
    while frontier:
        following = []
        for person in frontier:
            for other in contacts[person]:
                if other not in found:
                    found[other] = found[person] + 1
                    following.append(other)
        frontier = following
    return found


def _off_by_one(contacts, source):
    return {person: hops + 1 for person, hops in _bfs(contacts, source).items()}


def _lines(folder: Path) -> list[dict]:
    return [
        json.loads(line)
        for f in sorted(folder.glob("*.jsonl"))
        for line in f.read_text().splitlines()
    ]


def test_nothing_is_recorded_before_joining(tmp_path, monkeypatch, capsys):
    """Checks run with a room folder set, but without join(), write nothing at all."""
    monkeypatch.setenv(room.ROOM_ENV, str(tmp_path))
    monkeypatch.setenv("JUPYTERHUB_USER", "sam")
    checks.check_degrees(_bfs, checks.practice_network())
    with pytest.raises(CheckFailed):
        checks.check_degrees(_off_by_one, checks.practice_network())
    assert list(tmp_path.iterdir()) == []
    assert room.joined() is None


def test_joining_records_only_names_results_and_times(tmp_path, monkeypatch, capsys):
    """After join(), a check's name, pass/fail and time are recorded: nothing else."""
    monkeypatch.setenv(room.ROOM_ENV, str(tmp_path / "room"))
    monkeypatch.setenv("JUPYTERHUB_USER", "sam")
    monkeypatch.setenv("JPY_SESSION_NAME", "/home/sam/my-work/exercises/ps01/who.ipynb")
    member = room.join()
    assert member.participant == "sam" and member.path.parent == tmp_path / "room"
    shown = str(member)
    assert str(member.path) in shown and "Nothing else" in shown and "leave()" in shown
    assert "check_degrees" in member._repr_html_()

    checks.check_degrees(_bfs, checks.practice_network())
    with pytest.raises(CheckFailed):
        checks.check_degrees(_off_by_one, checks.practice_network())
    records = _lines(tmp_path / "room")
    assert [r["event"] for r in records] == ["join", "open", "check", "check"]
    assert records[1]["module"] == "who"
    assert records[2] == {
        "participant": "sam",
        "at": records[2]["at"],
        "event": "check",
        "module": PS01,
        "check": "check_degrees",
        "passed": True,
    }
    assert records[3]["passed"] is False
    assert all(
        set(r) <= {"participant", "at", "event", "module", "check", "passed"} for r in records
    )
    assert pd.Timestamp(records[2]["at"]).tzinfo is not None


def test_a_check_that_runs_another_check_is_recorded_once(tmp_path, capsys):
    """check_shortest_chains runs check_chain on each answer: the room sees one check."""
    room.join("Sam Lee", folder=tmp_path)
    checks.check_shortest_chains(checks.ps01.chain_reference, checks.practice_network())
    with pytest.raises(CheckFailed):
        checks.check_shortest_chains(lambda contacts, a, b: [a, b], checks.practice_network())
    records = [r for r in _lines(tmp_path) if r["event"] == "check"]
    assert [(r["check"], r["passed"]) for r in records] == [
        ("check_shortest_chains", True),
        ("check_shortest_chains", False),
    ]


def test_leaving_stops_recording(tmp_path, capsys):
    """After leave(), checks write nothing more."""
    room.join("Sam Lee", folder=tmp_path)
    room.leave()
    checks.check_degrees(_bfs, checks.practice_network())
    assert [r["event"] for r in _lines(tmp_path)] == ["join", "leave"]


def test_the_scoreboard_records_nothing(tmp_path):
    """The scoreboard reruns every check quietly: no attempts appear in the room."""
    room.join("Sam Lee", folder=tmp_path)
    checks.scoreboard(PS01, {})
    assert [r["event"] for r in _lines(tmp_path)] == ["join"]


def test_joining_needs_a_name_off_the_hub_and_a_folder(tmp_path):
    """Off the hub a name must be typed; without COFFEECHAT_ROOM a folder must be given."""
    with pytest.raises(InvalidParameter, match="type one"):
        room.join(folder=tmp_path)
    with pytest.raises(InvalidParameter, match="COFFEECHAT_ROOM"):
        room.join("Sam")
    assert room.joined() is None


def test_joining_does_nothing_while_nbgrader_runs_the_notebook(tmp_path, monkeypatch):
    """A join() left in a handed-in notebook is no error when it is graded or validated."""
    for step in ("autograde", "validate"):
        monkeypatch.setenv("NBGRADER_EXECUTION", step)
        assert room.join() is None  # no name, no folder: still no error
        assert room.join("Sam", folder=tmp_path) is None
        assert room.joined() is None
    checks.check_degrees(_bfs, checks.practice_network())
    assert list(tmp_path.iterdir()) == []


def test_a_room_that_cannot_be_written_is_reported(tmp_path):
    """Joining a folder one cannot write to raises RoomDataError naming it."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(RoomDataError, match="not-a-folder"):
        room.join("Sam", folder=blocker / "room")


def test_a_vanished_room_never_breaks_a_check(tmp_path, capsys):
    """When the room goes away mid-workshop, the check still runs and says so once."""
    folder = tmp_path / "room"
    member = room.join("Sam", folder=folder)
    member.path.unlink()
    folder.rmdir()
    checks.check_degrees(_bfs, checks.practice_network())
    checks.check_degrees(_bfs, checks.practice_network())
    captured = capsys.readouterr()
    assert captured.out.count("\N{CHECK MARK}") == 2
    assert captured.err.count("could not record in the room") == 1


def _writer(args: tuple[str, str, int]) -> None:
    folder, name, count = args
    room.join(name, folder=folder)
    for i in range(count):
        room.record_check(PS01, f"check_{i % 5}", passed=i % 2 == 0)


def test_many_writers_at_once_lose_and_garble_nothing(tmp_path):
    """Twelve processes (two sharing a name, so a file) append at once: every line whole."""
    names = [f"participant {i}" for i in range(10)] + ["participant 0", "participant 1"]
    jobs = [(str(tmp_path), name, 300) for name in names]
    with multiprocessing.get_context("fork").Pool(4) as pool:
        pool.map(_writer, jobs)
    assert len(list(tmp_path.glob("*.jsonl"))) == 10
    found = room.read_room(tmp_path)
    assert found.problems == ()
    events = found.events
    assert len(events) == 12 * 301
    per = events[events["event"] == "check"].groupby("participant").size()
    assert per["participant 0"] == per["participant 1"] == 600
    assert per["participant 5"] == 300


def _write(folder: Path, name: str, lines: list[str]) -> Path:
    path = folder / f"{name}.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _check(who: str, check: str, passed: bool, minute: int, module: str = PS01) -> str:
    return json.dumps(
        {
            "participant": who,
            "at": f"2026-11-28T10:{minute:02d}:00Z",
            "event": "check",
            "module": module,
            "check": check,
            "passed": passed,
        }
    )


def _join(who: str, minute: int = 0) -> str:
    return json.dumps(
        {"participant": who, "at": f"2026-11-28T10:{minute:02d}:00Z", "event": "join"}
    )


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"participant": "ana", "at": "2026-11-28T10:', "not a JSON record"),
        ("[1, 2]", "expected a JSON object"),
        ('{"participant": "ana", "at": "2026-11-28T10:00:00Z", "event": "dance"}', "unknown event"),
        ('{"at": "2026-11-28T10:00:00Z", "event": "join"}', "no participant name"),
        ('{"participant": "ana", "at": "yesterday", "event": "join"}', "cannot be read"),
        ('{"participant": "ana", "at": "2026-11-28T10:00:00", "event": "join"}', "not a UTC time"),
        (
            '{"participant": "ana", "at": "2026-11-28T10:00:00Z", "event": "open"}',
            "without a module",
        ),
        (_check("ana", "", True, 1), "without the check's name"),
        (_check("ana", "check_x", True, 1).replace("true", '"yes"'), "must be true or false"),
    ],
)
def test_a_garbled_line_names_its_file_and_line(tmp_path, line, problem):
    """A bad line raises RoomDataError with file:line, or is listed with errors='skip'."""
    path = _write(tmp_path, "ana", [_join("ana"), _check("ana", "check_a", True, 1), line])
    with pytest.raises(RoomDataError, match=f"{path.name}:3: .*{re.escape(problem)}"):
        room.read_room(tmp_path)
    kept = room.read_room(tmp_path, errors="skip")
    assert len(kept.events) == 2
    assert len(kept.problems) == 1
    assert str(kept.problems[0]).startswith(f"{path}:3: ")
    assert problem in str(kept.problems[0])


def test_bytes_that_are_not_text_are_reported(tmp_path):
    """A line that is not UTF-8 is a problem with its line number too."""
    path = tmp_path / "bo.jsonl"
    path.write_bytes(_join("bo").encode() + b"\n\xff\xfe garbage\n")
    with pytest.raises(RoomDataError, match=r"bo.jsonl:2: not UTF-8"):
        room.read_room(tmp_path)


def test_reading_a_missing_folder_or_bad_options_fails_clearly(tmp_path):
    """No such folder: RoomDataError; an unknown errors= or stuck_after=: InvalidParameter."""
    with pytest.raises(RoomDataError, match="no room folder"):
        room.read_room(tmp_path / "nowhere")
    with pytest.raises(InvalidParameter, match="errors"):
        room.read_room(tmp_path, errors="ignore")
    with pytest.raises(InvalidParameter, match="stuck_after"):
        room.stuck(room.read_room(tmp_path), stuck_after=0)


@pytest.fixture
def workshop(tmp_path) -> room.Room:
    """Ana passed after two tries; Bo failed four times in a row; Cy only opened Module 1."""
    _write(
        tmp_path,
        "ana",
        [
            _join("ana"),
            _check("ana", "check_degrees", False, 1),
            _check("ana", "check_degrees", False, 2),
            _check("ana", "check_degrees", True, 3),
            _check("ana", "check_chain", False, 4),
        ],
    )
    _write(
        tmp_path,
        "bo",
        [
            _join("bo"),
            _check("bo", "check_degrees", True, 1),
            *[_check("bo", "check_chain", False, m) for m in (2, 3, 5, 7)],
        ],
    )
    _write(
        tmp_path,
        "cy",
        [
            _join("cy", 5),
            json.dumps(
                {
                    "participant": "cy",
                    "at": "2026-11-28T10:06:00Z",
                    "event": "open",
                    "module": "01-why-informational-interviews",
                }
            ),
        ],
    )
    return room.read_room(tmp_path)


def test_check_status_is_a_table_of_participants_by_check(workshop):
    """Last result decides: passed, failing, or stuck after three failures in a row."""
    table = room.check_status(workshop)
    assert list(table.index) == ["ana", "bo", "cy"]
    assert list(table.columns) == [f"{PS01}: check_chain", f"{PS01}: check_degrees"]
    assert table.loc["ana"].tolist() == ["failing", "passed"]
    assert table.loc["bo"].tolist() == ["stuck", "passed"]
    assert table.loc["cy"].tolist() == ["", ""]
    assert room.check_status(workshop, stuck_after=5).loc["bo"].tolist() == ["failing", "passed"]


def test_stuck_lists_who_fails_repeatedly_without_a_pass(workshop):
    """Bo is stuck on check_chain since 10:02; Ana's two failures then a pass are not stuck."""
    found = room.stuck(workshop)
    assert found[["participant", "check", "failures_in_a_row"]].values.tolist() == [
        ["bo", "check_chain", 4]
    ]
    assert found.loc[0, "failing_since"] == pd.Timestamp("2026-11-28T10:02:00Z")
    assert len(room.stuck(workshop, stuck_after=1)) == 2


def test_room_summary_has_one_row_a_participant(workshop):
    """Modules opened, checks passed and failing, and what they are stuck on."""
    summary = room.room_summary(workshop)
    assert summary.loc["ana", ["passed", "failing", "stuck_on"]].tolist() == [1, 1, ""]
    assert summary.loc["bo", "stuck_on"] == f"{PS01}: check_chain"
    assert summary.loc["cy", "modules_opened"] == "01-why-informational-interviews"
    assert summary.loc["bo", "last_seen"] == pd.Timestamp("2026-11-28T10:07:00Z")


def test_an_empty_room_gives_empty_tables(tmp_path):
    """A room nobody joined yet summarises to empty tables, not an error."""
    empty = room.read_room(tmp_path)
    assert room.check_status(empty).empty and room.stuck(empty).empty
    assert room.room_summary(empty).empty


def test_file_names_stay_apart_for_similar_names(tmp_path):
    """'Sam Lee' and 'sam lee' write to different files, both safe file names."""
    a = room.join("Sam Lee", folder=tmp_path).path
    b = room.join("sam lee", folder=tmp_path).path
    c = room.join("../../etc/passwd", folder=tmp_path).path
    assert a != b and a.parent == b.parent == c.parent == tmp_path
    assert os.sep not in c.name and c.name.endswith(".jsonl")


# ------------------------------------------------------------ command line
def test_the_room_command_prints_who_is_stuck_and_everyone(workshop, capsys):
    """`coffeechat room FOLDER` prints the stuck list and one line a participant."""
    from coffeechat import cli

    assert cli.main(["room", str(workshop.folder)]) == 0
    out = capsys.readouterr().out
    assert f"Room {workshop.folder}: 3 participants." in out
    assert f"  bo: {PS01} check_chain, 4 failures since 10:02" in out
    lines = out.splitlines()
    assert any(line.startswith("ana ") and "10:00" in line and "10:04" in line for line in lines)
    assert cli.main(["room", str(workshop.folder), "--stuck-after", "5"]) == 0
    assert "Nobody is stuck." in capsys.readouterr().out


def test_the_room_command_lists_garbled_lines_and_fails(workshop, capsys, monkeypatch):
    """A garbled line is printed with its file and line, and the exit status is 1."""
    from coffeechat import cli

    with (workshop.folder / "bo.jsonl").open("a") as f:
        f.write('{"participant": "bo", "at": \n')
    monkeypatch.setenv(room.ROOM_ENV, str(workshop.folder))
    assert cli.main(["room"]) == 1
    out = capsys.readouterr().out
    assert f"{workshop.folder / 'bo.jsonl'}:7: not a JSON record" in out
    assert "bo: " in out  # the rest of the room is still shown


def test_the_room_command_without_a_folder_says_how(capsys):
    """No folder and no COFFEECHAT_ROOM: a one-line error, exit status 2."""
    from coffeechat import cli

    assert cli.main(["room"]) == 2
    assert "COFFEECHAT_ROOM" in capsys.readouterr().err


def test_the_network_command_rebuilds_a_participant_network(tmp_path, capsys):
    """`coffeechat network --participant NAME --out DIR` writes the participant's network."""
    from coffeechat import cli
    from coffeechat.datasets import participant_network
    from coffeechat.io import read_csv

    assert cli.main(["network", "--participant", "Wen Zhao", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Wen Zhao's network: 200 people, ")
    again = read_csv(tmp_path / "people.csv", tmp_path / "ties.csv")
    expected = participant_network("Wen Zhao")
    assert sorted(map(tuple, again.ties[["source", "target"]].to_numpy())) == sorted(
        map(tuple, expected.ties[["source", "target"]].to_numpy())
    )


# ------------------------------------------------------------------ widget
def test_the_room_view_refreshes_and_draws_the_grid(tmp_path):
    """The widget shows who is stuck, a table and a picture; Refresh reads new lines."""
    from coffeechat.ui import room_view

    _write(tmp_path, "ana", [_join("ana"), _check("ana", "check_degrees", True, 1)])
    view = room_view(tmp_path)
    assert "<b>1</b> in the room" in view.summary.value
    assert "Nobody is stuck" in view.summary.value
    assert "ana" in view.table.value
    assert view.picture.value[:4] == b"\x89PNG"
    _write(
        tmp_path, "bo", [_join("bo"), *[_check("bo", "check_chain", False, m) for m in (2, 3, 4)]]
    )
    assert "Nobody is stuck" in view.summary.value  # not read again yet
    view.refresh_button.click()
    assert "<b>2</b> in the room" in view.summary.value
    assert "<b>bo</b>: check_chain" in view.summary.value
    view.stuck_after.value = 4
    assert "Nobody is stuck" in view.summary.value


def test_the_room_view_reports_problems_instead_of_failing(tmp_path):
    """A missing folder or a garbled line is shown in the widget, in words."""
    from coffeechat.ui import room_view

    view = room_view(tmp_path / "nowhere")
    assert "no room folder" in view.summary.value
    _write(tmp_path, "cy", [_join("cy"), "not json"])
    view = room_view(tmp_path)
    assert "cy.jsonl:2: not a JSON record" in view.summary.value


def test_draw_room_colours_each_status(workshop):
    """The grid has a row a participant and a column a check."""
    from coffeechat.ui import draw_room

    fig = draw_room(workshop)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["ana", "bo", "cy"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["check_chain", "check_degrees"]
    assert ax.images[0].get_array().tolist() == [[2, 1], [3, 1], [0, 0]]
