"""A hostile class, graded for real in the sandbox: nothing it does reaches anyone else.

Every submission is made from the released Assignment 1. The good ones are
the solution (all or some parts); each hostile one is a correct notebook
with one attack added, or a broken file. The class is graded once, in two
workers with the bubblewrap sandbox and small limits, and shared by the tests.
"""

from __future__ import annotations

import copy
import html
import importlib
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from _ps01 import PS01, SOLUTIONS, hidden_lines, nbgrader_meta, points_of, submission
from coffeechat import course as instructor
from coffeechat.course import sandbox
from coffeechat.errors import GradingError

NOTEBOOK = f"{PS01.notebook}.ipynb"
SCRIPT = Path(sys.executable).parent / "coffeechat"
#: Small limits, so that the attacks cannot hurt the machine running the tests.
LIMITS = sandbox.Limits(memory_mb=1536, processes=48, cpu_seconds=120, file_mb=16, tmp_mb=16)
GOOD = {"good-all": "abcd", "good-ab": "ab", "good-abc": "abc", "good-none": ""}

pytestmark = pytest.mark.skipif(
    sandbox.bwrap_path() is None, reason="needs bubblewrap: `bash run.sh test` installs it"
)


def _with_cell(nb, code: str):
    """A copy of ``nb`` with an ordinary code cell added after the set-up cell."""
    nb = copy.deepcopy(nb)
    nb.cells.insert(2, nbformat.v4.new_code_cell(code))
    return nb


def _index(nb, grade_id: str) -> int:
    return [nbgrader_meta(c).get("grade_id") for c in nb.cells].index(grade_id)


def _tampered(nb):
    nb = copy.deepcopy(nb)
    nb.cells[_index(nb, "part-a-table")].source = "pass"
    twin = copy.deepcopy(nb.cells[_index(nb, "part-c-degrees")])
    twin["id"] = "pasted-copy"
    nb.cells.append(twin)
    del nb.cells[_index(nb, "part-b-hidden")]
    return nb


def _reordered(nb):
    nb = copy.deepcopy(nb)
    cell = nb.cells.pop(_index(nb, "part-a-table"))
    nb.cells.insert(len(nb.cells) - 1, cell)
    return nb


def _points_edited(nb):
    nb = copy.deepcopy(nb)
    nb.cells[_index(nb, "part-a-table")].metadata["nbgrader"]["points"] = 100
    return nb


def _attacks(port: int) -> dict[str, str]:
    """Student id to the code of its attack (an extra cell in a correct notebook)."""
    return {
        "loop": "while True:\n    pass",
        "exits": "import os\nos._exit(1)",
        "segfault": "import ctypes\nctypes.string_at(0)",
        "memory": "hog = []\nwhile True:\n    hog.append(bytearray(100 * 2**20))",
        "memory3gb": "import numpy as np\nbig = np.ones(3 * 2**30 // 8)",
        "forkbomb": (
            "import os, time\nwhile True:\n    if os.fork() == 0:\n"
            "        time.sleep(60)\n        os._exit(0)"
        ),
        "output": 'print("x" * 30_000_000)',
        "network": f"import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=3)",
        "vandal": 'open("../../../gradebook.db", "w").write("destroyed")',
        "spy": (
            'print(open("../../../source/ps01-who-can-introduce-you/'
            'who-can-introduce-you.ipynb").read())'
        ),
        "neighbour": 'print(open("../../good-all/ps01-who-can-introduce-you/'
        'who-can-introduce-you.ipynb").read())',
        "home": "import os\nprint(os.listdir(os.path.expanduser('~root') + '/.ssh'))",
        "echo": (
            "get_ipython().events.register('pre_run_cell', lambda info: print(info.raw_cell))"
        ),
        "bigfile": 'open("big.bin", "wb").write(bytes(40 * 2**20))',
    }


#: Words each hostile student's note must contain.
EXPECTED_NOTE = {
    "loop": "time limit",
    "exits": "kernel died",
    "segfault": "kernel died",
    "memory": "used too much memory: stopped at the limit of 1536 MiB",
    "memory3gb": "used too much memory: stopped at the limit of 1536 MiB",
    "forkbomb": "too many processes",
    "output": "cut off",
    "network": "network",
    "vandal": "outside its folder",
    "spy": "outside its folder",
    "neighbour": "outside its folder",
    "home": "outside its folder",
    "echo": "hidden test code",
    "bigfile": "MiB limit",
    "tampered": "deleted part-b-hidden",
    "reordered": "part-a-table",
    "points": "edited the points of part-a-table",
    "garbled": "not a readable notebook",
    "truncated": "not a readable notebook",
    "notanotebook": "could not be graded",
    "misnamed": "missing",
}


def _make_class(base: Path, released: Path, port: int, students: set[str] | None = None) -> Path:
    inbox = base / "inbox"
    inbox.mkdir()
    correct = submission("abcd", released)
    for student, parts in GOOD.items():
        nbformat.write(submission(parts, released), inbox / f"{student}.ipynb")
    for student, code in _attacks(port).items():
        nbformat.write(_with_cell(correct, code), inbox / f"{student}.ipynb")
    nbformat.write(_tampered(correct), inbox / "tampered.ipynb")
    nbformat.write(_reordered(correct), inbox / "reordered.ipynb")
    nbformat.write(_points_edited(correct), inbox / "points.ipynb")
    (inbox / "garbled.ipynb").write_text("{this is not a notebook", encoding="utf-8")
    text = nbformat.writes(correct)
    (inbox / "truncated.ipynb").write_text(text[: len(text) // 2], encoding="utf-8")
    (inbox / "notanotebook.ipynb").write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    (inbox / "misnamed").mkdir()
    nbformat.write(correct, inbox / "misnamed" / "draft.ipynb")
    nbformat.write(correct, inbox / "misnamed" / "final answers.ipynb")
    if students is not None:
        for path in inbox.iterdir():
            if path.stem not in students and path.name not in students:
                if path.is_dir():
                    for inner in path.iterdir():
                        inner.unlink()
                    path.rmdir()
                else:
                    path.unlink()
    return inbox


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile class, graded with the sandbox in two workers, and its feedback."""
    base = tmp_path_factory.mktemp("hostile")
    root = instructor.init_course(base / "course", SOLUTIONS, timeout=10)
    instructor.release(root, PS01.name)
    released = root / "release" / PS01.name / NOTEBOOK
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    inbox = _make_class(base, released, listener.getsockname()[1])
    instructor.collect(root, PS01.name, inbox)
    lines: list[str] = []
    report = instructor.grade(
        root, PS01.name, jobs=2, sandbox="required", limits=LIMITS, progress=lines.append
    )
    try:
        listener.accept()
        reached = True
    except BlockingIOError:
        reached = False
    finally:
        listener.close()
    pages = instructor.feedback(root, PS01.name)
    return root, report, lines, reached, pages


def _scores(root: Path) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root}/gradebook.db") as gb:
        return {s.student.id: float(s.score) for s in gb.find_assignment(PS01.name).submissions}


@pytest.mark.slow
def test_good_students_score_as_if_the_hostile_ones_were_not_there(hostile):
    """Every good submission gets exactly the points its correct parts are worth."""
    root, report, *_ = hostile
    assert report.sandboxed
    scores = _scores(root)
    for student, parts in GOOD.items():
        assert scores[student] == points_of(parts), student
        assert student not in report.problems


@pytest.mark.slow
def test_gradebook_is_sound_and_holds_every_student(hostile):
    """The vandal wrote nowhere: SQLite finds no damage and every student is there."""
    root, report, *_ = hostile
    db = sqlite3.connect(root / "gradebook.db")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()
    everyone = set(GOOD) | set(EXPECTED_NOTE)
    assert set(_scores(root)) == everyone
    assert set(report.table.index) == everyone
    assert report.backup is None or report.backup.is_file()


@pytest.mark.slow
@pytest.mark.parametrize("student", sorted(EXPECTED_NOTE))
def test_each_hostile_student_gets_its_own_note(hostile, student):
    """Each attack or broken file is named in the student's notes and in the CSV."""
    root, report, *_ = hostile
    notes = "; ".join(report.problems.get(student, ()))
    assert EXPECTED_NOTE[student] in notes, notes
    table = pd.read_csv(root / "grades" / f"{PS01.name}.csv", index_col="student")
    assert EXPECTED_NOTE[student] in table.loc[student, "notes"]


@pytest.mark.slow
def test_memory_hogs_are_stopped_and_only_they_are_noted(hostile):
    """3 GB at once, or 100 MB at a time without end: stopped at the limit, the rest graded."""
    root, report, *_ = hostile
    hogs = {s for s, notes in report.problems.items() if any("memory" in n for n in notes)}
    assert hogs == {"memory", "memory3gb"}
    scores = _scores(root)
    assert scores["memory3gb"] == PS01.points  # the failed allocation cost only its own cell
    assert set(scores) >= set(GOOD) | set(EXPECTED_NOTE)


@pytest.mark.slow
def test_attacks_that_only_fail_a_cell_keep_the_students_own_points(hostile):
    """A contained attack costs nothing but its own cell; tampering is repaired and graded."""
    scores = _scores(hostile[0])
    for student in ("vandal", "spy", "neighbour", "home", "network", "echo", "reordered"):
        assert scores[student] == PS01.points, student
    assert scores["points"] == PS01.points  # graded at the released points, not 100
    for student in ("exits", "segfault", "garbled", "truncated", "notanotebook", "misnamed"):
        assert scores[student] == 0.0, student


@pytest.mark.slow
def test_no_hidden_test_text_in_graded_outputs_or_feedback(hostile):
    """The spy and the echo show nothing of the hidden tests, in outputs or feedback."""
    root, _, _, _, pages = hostile
    secret = hidden_lines(SOLUTIONS / PS01.name / NOTEBOOK)
    for path in (root / "autograded").glob(f"*/{PS01.name}/*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        outputs = json.dumps([c.get("outputs", []) for c in nb.cells])
        assert not [
            line for line in secret if line in outputs or json.dumps(line)[1:-1] in outputs
        ], path
    assert {p.parent.parent.name for p in pages} >= set(GOOD)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        plain = html.unescape(re.sub(r"<[^>]+>", " ", text))
        assert not [line for line in secret if line in text or line in plain], page


@pytest.mark.slow
def test_the_sandbox_reached_no_network_and_no_other_folder(hostile):
    """Nothing connected to the test's server; nothing was written beside the course."""
    root, _, _, reached, _ = hostile
    assert not reached
    assert not (root / "autograded" / "vandal" / "gradebook.db").exists()
    assert (root / "autograded" / "bigfile" / PS01.name / "big.bin").stat().st_size <= 16 * 2**20


@pytest.mark.slow
def test_regrading_grades_only_what_is_new(hostile, tmp_path):
    """A second run grades nothing unchanged; --student grades one again; a new one is graded."""
    root, *_ = hostile
    again = instructor.grade(root, PS01.name, jobs=2, limits=LIMITS)
    assert again.students == () and "good-all" in again.skipped
    one = instructor.grade(root, PS01.name, students=["good-ab"], limits=LIMITS)
    assert one.students == ("good-ab",) and one.table.loc["good-ab", "total"] == points_of("ab")
    inbox = tmp_path / "late"
    inbox.mkdir()
    released = root / "release" / PS01.name / NOTEBOOK
    nbformat.write(submission("a", released), inbox / "late-one.ipynb")
    instructor.collect(root, PS01.name, inbox)
    new = instructor.grade(root, PS01.name, limits=LIMITS)
    assert new.students == ("late-one",)
    assert _scores(root)["late-one"] == points_of("a")


@pytest.mark.slow
def test_serial_and_parallel_scores_are_equal(hostile, tmp_path):
    """One worker gives the same scores, cell by cell, as two."""
    root, report, *_ = hostile
    chosen = {"good-all", "good-ab", "good-none", "tampered", "reordered", "points", "garbled"}
    course = instructor.init_course(tmp_path / "course", SOLUTIONS, timeout=10)
    instructor.release(course, PS01.name)
    released = course / "release" / PS01.name / NOTEBOOK
    inbox = _make_class(tmp_path, released, 9, chosen)
    instructor.collect(course, PS01.name, inbox)
    serial = instructor.grade(course, PS01.name, jobs=1, sandbox="required", limits=LIMITS)
    columns = [t.grade_id for t in PS01.tests] + ["total"]
    expected = report.table.loc[sorted(chosen), columns]
    pd.testing.assert_frame_equal(serial.table.loc[sorted(chosen), columns], expected)


@pytest.mark.slow
def test_grades_export_for_canvas_and_moodle(hostile, tmp_path, capsys):
    """Canvas and Moodle files have the platforms' columns and match students by id."""
    from coffeechat import cli

    root = hostile[0]
    roster = tmp_path / "canvas-export.csv"
    roster.write_text(
        "Student,ID,SIS User ID,SIS Login ID,Section,Who can introduce you? (4711)\n"
        "    Points Possible,,,,,18\n"
        '"Allen, Kim",101,good-all,kallen,Monday\n',
        encoding="utf-8",
    )
    out = tmp_path / "canvas.csv"
    argv = ["grades", PS01.name, "--course", str(root), "--format", "canvas"]
    assert cli.main([*argv, "--roster", str(roster), "--csv", str(out)]) == 0
    canvas = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(canvas.columns)[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    title = f"{PS01.title} ("
    assert len(canvas.columns) == 6 and canvas.columns[5].startswith(title)
    kim = canvas[canvas["SIS User ID"] == "good-all"].iloc[0]
    assert (kim["Student"], kim["ID"], kim["Section"]) == ("Allen, Kim", "101", "Monday")
    if canvas.columns[5].endswith("(4711)"):
        assert kim.iloc[5] == f"{PS01.points:g}"
    assert set(canvas["SIS User ID"]) == set(_scores(root))
    moodle_out = tmp_path / "moodle.csv"
    argv = ["grades", PS01.name, "--course", str(root), "--format", "moodle"]
    assert cli.main([*argv, "--csv", str(moodle_out)]) == 0
    moodle = pd.read_csv(moodle_out, dtype=str)
    assert list(moodle.columns) == ["ID number", PS01.title]
    assert moodle.set_index("ID number").loc["good-ab", PS01.title] == f"{points_of('ab'):g}"
    capsys.readouterr()


@pytest.mark.slow
def test_required_sandbox_refuses_without_bubblewrap(hostile, tmp_path, monkeypatch):
    """With no bwrap on PATH, --sandbox required refuses and auto says so loudly once."""
    root = hostile[0]
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    sandbox.bwrap_path.cache_clear()
    try:
        with pytest.raises(GradingError, match="not grading without the sandbox.*bubblewrap"):
            instructor.grade(root, PS01.name, sandbox="required", force=True)
        assert instructor.sandbox_status() is not None
    finally:
        monkeypatch.undo()
        sandbox.bwrap_path.cache_clear()
    assert sandbox.bwrap_path() is not None


TINY = "tiny-sum"


def _tiny_course(base: Path) -> tuple[Path, nbformat.NotebookNode]:
    """A course with a one-question assignment made for the tests: quick to grade.

    Returns the course folder and the released notebook.
    """
    meta = {"solution": True, "grade": False, "locked": False, "grade_id": "answer"}
    test = {"solution": False, "grade": True, "locked": True, "grade_id": "test", "points": 1}
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell(
            "def add(a, b):\n    ### BEGIN SOLUTION\n    return a + b\n    ### END SOLUTION",
            metadata={"nbgrader": {**meta, "schema_version": 3}},
        ),
        nbformat.v4.new_code_cell(
            "assert add(1, 2) == 3", metadata={"nbgrader": {**test, "schema_version": 3}}
        ),
    ]
    (base / "kit" / "solutions" / TINY).mkdir(parents=True)
    nbformat.write(nb, base / "kit" / "solutions" / TINY / "sum.ipynb")
    root = instructor.init_course(base / "course", base / "kit" / "solutions", timeout=10)
    released = instructor.release(root, TINY) / "sum.ipynb"
    return root, nbformat.read(released, as_version=4)


def _tiny_inbox(base: Path, released, answers: dict[str, str]) -> Path:
    """One submission a student: ``answers`` maps the student to the answer cell's code."""
    inbox = base / "inbox"
    inbox.mkdir()
    for student, code in answers.items():
        nb = copy.deepcopy(released)
        nb.cells[0].source = code
        nbformat.write(nb, inbox / f"{student}.ipynb")
    return inbox


def _tiny_scores(root: Path) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root}/gradebook.db") as gb:
        return {s.student.id: float(s.score) for s in gb.find_assignment(TINY).submissions}


def _processes_naming(folder: Path) -> list[str]:
    """Command lines of the processes that name ``folder`` (a sandbox binds it by name)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            line = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if entry.name.isdigit() and os.fsencode(str(folder)) in line:
            found.append(line.replace(b"\0", b" ").decode(errors="replace"))
    return found


RIGHT = "import time\ntime.sleep(1)\ndef add(a, b):\n    return a + b"
WRONG = "import time\ntime.sleep(1)\ndef add(a, b):\n    return a - b"
#: Kills the process that runs its kernel: the grading worker, when there is no sandbox.
KILLER = (
    "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\ndef add(a, b):\n    return a + b"
)


@pytest.mark.slow
def test_interrupted_run_keeps_finished_grades_and_resumes(tmp_path):
    """Ctrl-C halfway through: finished grades stay; the next run grades only the rest."""
    root, released = _tiny_course(tmp_path)
    answers = {f"s{n}": RIGHT if n % 2 else WRONG for n in range(6)}
    instructor.collect(root, TINY, _tiny_inbox(tmp_path, released, answers))
    argv = [str(SCRIPT), "grade", TINY, "--course", str(root), "--jobs", "2"]
    err = tmp_path / "err.txt"
    with open(err, "w") as sink:
        run = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=sink, env=os.environ.copy())
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and run.poll() is None:
            if re.search(r"^  s\d: ", err.read_text(), re.M):
                break
            time.sleep(0.1)
        run.send_signal(signal.SIGINT)
        assert run.wait(timeout=120) != 0
    first = set(re.findall(r"^  (s\d): ", err.read_text(), re.M))
    assert 1 <= len(first) < len(answers)
    assert _processes_naming(root / "autograded") == []  # no kernel left running
    expected = {s: 1.0 if code == RIGHT else 0.0 for s, code in answers.items()}
    saved = _tiny_scores(root)
    assert {s: saved[s] for s in first} == {s: expected[s] for s in first}
    done = subprocess.run(
        [*argv], capture_output=True, text=True, env=os.environ.copy(), timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    second = set(re.findall(r"^  (s\d): ", done.stderr, re.M))
    assert second == set(answers) - first  # nothing graded twice, nothing left out
    assert f"grading 1/{len(second)} " in done.stderr
    assert _tiny_scores(root) == expected


@pytest.mark.slow
def test_a_submission_that_keeps_killing_its_worker_fails_alone_with_a_reason(tmp_path):
    """Its worker is replaced and it is tried once more, then it scores 0 with a note."""
    root, released = _tiny_course(tmp_path)
    answers = {"a-killer": KILLER, "b-right": RIGHT, "c-wrong": WRONG, "d-right": RIGHT}
    instructor.collect(root, TINY, _tiny_inbox(tmp_path, released, answers))
    lines: list[str] = []
    report = instructor.grade(root, TINY, jobs=2, sandbox="off", progress=lines.append)
    assert report.failed == ("a-killer",)
    (note,) = report.problems["a-killer"]
    assert "grading worker stopped 2 times" in note and "scored 0" in note
    assert sum("the worker grading a-killer stopped" in line for line in lines) == 1
    assert _tiny_scores(root) == {"a-killer": 0.0, "b-right": 1.0, "c-wrong": 0.0, "d-right": 1.0}
    assert "worker stopped" in report.table.loc["a-killer", "notes"]
    # Recorded: the next run has nothing left to grade.
    again = instructor.grade(root, TINY, jobs=2, sandbox="off")
    assert again.students == () and set(again.skipped) == set(answers)


@pytest.mark.slow
def test_workers_are_restarted_a_bounded_number_of_times_in_all(tmp_path, monkeypatch):
    """Past the cap on restarts, grading stops, saying what is left; nothing is lost."""
    grading = importlib.import_module("coffeechat.course.pool")
    monkeypatch.setattr(grading, "_restart_cap", lambda jobs, todo: 1)
    root, released = _tiny_course(tmp_path)
    answers = {"a-killer": KILLER, "b-killer": KILLER, "c-right": RIGHT}
    instructor.collect(root, TINY, _tiny_inbox(tmp_path, released, answers))
    lines: list[str] = []
    with pytest.raises(GradingError, match=r"stopped after 0 of 3 .*run the same command again"):
        instructor.grade(root, TINY, jobs=1, sandbox="off", progress=lines.append)
    assert any("stopped 2 times in all" in line for line in lines)
    monkeypatch.undo()
    report = instructor.grade(root, TINY, jobs=1, sandbox="off", progress=lines.append)
    assert set(report.students) == set(answers)  # the rest is graded on the next run
    assert set(report.failed) == {"a-killer", "b-killer"}
    assert _tiny_scores(root) == {"a-killer": 0.0, "b-killer": 0.0, "c-right": 1.0}


@pytest.mark.slow
def test_grading_from_a_process_with_threads_starts_its_workers_cleanly(tmp_path):
    """Workers are forked from the grading process only while it has no other thread.

    In a Jupyter kernel or a web server (other threads running) forking it is
    unsafe, so workers come from a clean server process instead; the grades
    are the same.
    """
    grading = importlib.import_module("coffeechat.course.pool")
    root, released = _tiny_course(tmp_path)
    answers = {"a": RIGHT, "b": WRONG, "c": RIGHT}
    instructor.collect(root, TINY, _tiny_inbox(tmp_path, released, answers))
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert grading._process_context().get_start_method() == "forkserver"
        report = instructor.grade(root, TINY, jobs=2, sandbox="off")
    finally:
        stop.set()
        other.join()
    assert set(report.students) == set(answers) and report.failed == ()
    assert _tiny_scores(root) == {"a": 1.0, "b": 0.0, "c": 1.0}


@pytest.mark.slow
def test_what_grading_did_is_noted_even_when_the_submission_then_fails(tmp_path):
    """Output cut off before the kernel died: both are in the notes (facts outlive the error)."""
    root, released = _tiny_course(tmp_path)
    loud_crash = 'import os, time\nprint("x" * 3_000_000, flush=True)\ntime.sleep(1)\nos._exit(1)'
    instructor.collect(root, TINY, _tiny_inbox(tmp_path, released, {"a": loud_crash, "b": RIGHT}))
    report = instructor.grade(root, TINY, jobs=1, sandbox="off")
    assert report.failed == ("a",)
    notes = "; ".join(report.problems["a"])
    assert "output was too long and was cut off" in notes and "kernel died" in notes, notes
    assert "b" not in report.problems
