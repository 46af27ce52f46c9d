"""Tests for coffeechat.cli: the instructor's console script on top of nbgrader."""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from traitlets.config.loader import PyFileConfigLoader

from _ps01 import PS01, SOLUTIONS, nbgrader_meta, points_of, submission
from coffeechat import cli
from coffeechat import course as instructor
from coffeechat.course.collect import _timestamp
from coffeechat.course.folder import SANITIZE
from coffeechat.course.preprocessors import HideHiddenTests
from coffeechat.errors import GradingError, InvalidParameter

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).parent / "coffeechat"
NOTEBOOK = f"{PS01.notebook}.ipynb"


# ------------------------------------------------------------------ fast
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["init", "c"], {"course_dir": "c", "timeout": instructor.DEFAULT_TIMEOUT, "force": False}),
        (["release", "ps01", "--course", "c"], {"assignment": "ps01", "course": "c"}),
        (
            ["collect", "ps01", "inbox", "--db", "sqlite:///x.db"],
            {"folder": "inbox", "db": "sqlite:///x.db", "course": "."},
        ),
        (
            ["grade", "ps01", "--student", "a", "--student", "b", "--timeout", "5"],
            {"student": ["a", "b"], "timeout": 5.0},
        ),
        (["feedback", "ps01"], {"student": None}),
        (["grades", "ps01", "--csv", "out.csv"], {"csv": "out.csv"}),
    ],
)
def test_parser_reads_each_command(argv, expected, tmp_path, monkeypatch):
    """Every command takes its assignment and options; --course defaults to here."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c").mkdir()
    (tmp_path / "inbox").mkdir()
    args = cli.checked_arguments(cli.build_parser().parse_args(argv))
    assert args.command == argv[0]
    for name, value in expected.items():
        assert getattr(args, name) == value


#: Wrong values for every checked argument of every command, by its name.
WRONG = {
    "assignment": ["", "   "],
    "course_dir": ["{file}/course"],
    "--solutions": ["/no/such/solutions"],
    "--db": ["sqlite:////no/such/folder/x.db", "not a url", "sqlite://", "{tmp}"],
    "--timeout": ["soon", "-1", "0"],
    "--course": ["/no/such/course", "{file}"],
    "folder": ["/no/such/inbox", "{file}"],
    "--timestamp": [""],
    "--student": [""],
    "--csv": ["{tmp}", "{file}/grades.csv"],
    "--jobs": ["two", "0", "1.5", "-3"],
    "--sandbox": ["maybe", "AUTO"],
    "--memory": ["-5", "0", "lots"],
    "--format": ["xls"],
    "--roster": ["/no/such/roster.csv", "{tmp}"],
    "student": [""],
    "cell": [""],
    "score": ["-1", "full"],
    "--stuck-after": ["0", "x"],
    "--participant": [""],
    "--out": ["{file}", "{file}/network"],
}

#: Each command with good values: where a wrong one is put in their place.
GOOD = {
    "init": ["init", "{tmp}/new-course"],
    "release": ["release", "ps01", "--course", "{tmp}"],
    "collect": ["collect", "ps01", "{tmp}", "--course", "{tmp}"],
    "grade": ["grade", "ps01", "--course", "{tmp}"],
    "feedback": ["feedback", "ps01", "--course", "{tmp}"],
    "grades": ["grades", "ps01", "--course", "{tmp}"],
    "marks": ["marks", "ps01", "--course", "{tmp}"],
    "mark": ["mark", "ps01", "ana", "q1", "1", "--course", "{tmp}"],
    "room": ["room", "{tmp}"],
    "network": ["network", "--participant", "Ana Silva"],
    "handouts": ["handouts", "--out", "{tmp}/handouts"],
}


def _wrong_calls():
    for command in cli.COMMANDS:
        positional = [o.name for o in command.options if not o.name.startswith("-")]
        for option in command.options:
            if option.check is None:
                continue
            for wrong in WRONG.get(option.name, [None]):
                yield pytest.param(command.name, option.name, positional, wrong,
                                   id=f"{command.name} {option.name}={wrong!r}")  # fmt: skip


def test_every_checked_argument_has_wrong_values_to_try():
    """A new command or option cannot escape the walk below."""
    assert {c.name for c in cli.COMMANDS} == set(GOOD)
    checked = {o.name for c in cli.COMMANDS for o in c.options if o.check is not None}
    assert checked == set(WRONG)


@pytest.mark.parametrize(("command", "option", "positional", "wrong"), list(_wrong_calls()))
def test_every_wrong_argument_is_refused_in_one_sentence(
    command, option, positional, wrong, tmp_path, capsys
):
    """Each wrong value of each argument: status 2, one sentence naming it, no traceback."""
    afile = tmp_path / "afile"
    afile.write_text("x")
    fill = {"tmp": str(tmp_path), "file": str(afile)}
    argv = [part.format(**fill) for part in GOOD[command]]
    wrong = wrong.format(**fill)
    if option.startswith("-"):
        argv += [option, wrong]
    else:
        argv[1 + positional.index(option)] = wrong
    status = cli.main(argv)
    err = capsys.readouterr().err
    assert status == 2, err
    assert err.startswith("coffeechat: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert (option if option.startswith("-") else option.upper()) in err


def test_an_unreachable_database_is_named_with_the_fix(tmp_path, capsys):
    """--db in a folder that does not exist: its folder and the fix, no SQLAlchemy traceback."""
    url = "sqlite:////no/such/folder/x.db"
    assert cli.main(["grades", "ps01", "--course", str(tmp_path), "--db", url]) == 2
    err = capsys.readouterr().err
    assert "/no/such/folder" in err and "create it" in err and "Traceback" not in err
    with pytest.raises(InvalidParameter, match="no folder /no/such/folder"):
        instructor.open_course(tmp_path, url)


def test_the_library_checks_grading_arguments_on_entry(tmp_path):
    """grade() and Limits refuse what the command line refuses, in the same words."""
    with pytest.raises(InvalidParameter, match="jobs should be at least 1, not int 0"):
        instructor.grade(tmp_path, "ps01", jobs=0)
    with pytest.raises(InvalidParameter, match="sandbox should be one of"):
        instructor.grade(tmp_path, "ps01", sandbox="maybe")
    with pytest.raises(InvalidParameter, match="memory_mb .* at least 1, not -5"):
        instructor.Limits(memory_mb=-5)


def test_main_explains_a_folder_that_is_not_a_course(tmp_path, capsys):
    """A wrong --course gives exit status 2 and says what to run first."""
    status = cli.main(["grade", "ps01", "--course", str(tmp_path)])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("coffeechat: error: ") and "coffeechat init" in err


def test_init_refuses_a_course_folder_inside_the_kit():
    """Learners' work must never land in the course kit's repository."""
    with pytest.raises(GradingError, match="inside the course kit"):
        instructor.init_course(ROOT / "course", SOLUTIONS)


def test_init_copies_solutions_and_writes_nbgrader_settings(tmp_path):
    """init makes source/ and an nbgrader_config.py with the repairs switched on."""
    root = instructor.init_course(tmp_path / "course", SOLUTIONS, timeout=45)
    assert (root / "source" / PS01.name / NOTEBOOK).read_bytes() == (
        SOLUTIONS / PS01.name / NOTEBOOK
    ).read_bytes()
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    assert config.CourseDirectory.root == str(root)
    assert config.CourseDirectory.db_url == f"sqlite:///{root}/gradebook.db"
    assert config.Execute.timeout == 45
    assert config.OverwriteCells.add_missing_cells is True
    plugins = "coffeechat.course.preprocessors."
    assert plugins + "RepairGraderMetadata" in config.Autograde.sanitize_preprocessors
    assert config.Autograde.sanitize_preprocessors == list(SANITIZE)  # one list, written once
    assert plugins + "HideHiddenTests" in config.GenerateFeedback.preprocessors
    with pytest.raises(GradingError, match="--force"):
        instructor.init_course(root, SOLUTIONS)
    instructor.init_course(root, SOLUTIONS, db="postgresql://grader@localhost/course", force=True)
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    assert config.CourseDirectory.db_url == "postgresql://grader@localhost/course"


def test_init_needs_a_solutions_folder(tmp_path):
    """A missing solutions folder is named in the error."""
    with pytest.raises(GradingError, match="no such folder"):
        instructor.init_course(tmp_path / "course", tmp_path / "nowhere")


def test_hide_hidden_tests_keeps_the_result_and_drops_the_code():
    """The feedback preprocessor replaces hidden code and shortens its traceback."""
    cell = nbformat.v4.new_code_cell(
        '"""Visible part."""\ncheck(1)\n    ### BEGIN HIDDEN TESTS\n    secret_check(42)\n'
        "    ### END HIDDEN TESTS"
    )
    cell.outputs = [
        nbformat.v4.new_output(
            "error",
            ename="CheckFailed",
            evalue="nope",
            traceback=["----> 4 secret_check(42)", "CheckFailed: nope"],
        )
    ]
    plain = nbformat.v4.new_code_cell("x = 1")
    hide = HideHiddenTests()
    hidden, _ = hide.preprocess_cell(cell, {}, 0)
    assert "secret_check" not in hidden.source
    assert hidden.source.endswith(
        "    # (hidden tests ran here; their code stays with your instructor)"
    )
    assert hidden.outputs[0]["traceback"] == ["CheckFailed: nope"]
    assert hide.preprocess_cell(plain, {}, 1)[0].source == "x = 1"


def test_timestamps_are_written_as_nbgrader_reads_them():
    """The timestamp format is one nbgrader's autograde accepts."""
    from datetime import UTC, datetime

    from nbgrader.utils import parse_utc

    text = _timestamp(datetime(2026, 11, 22, 4, 51, 21, 825107, tzinfo=UTC))
    assert text == "2026-11-22 04:51:21.825107 UTC"
    assert parse_utc(text).year == 2026


# ------------------------------------------------------------------ slow
def _answer_replaced(nb, grade_id: str, source: str):
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if nbgrader_meta(cell).get("grade_id") == grade_id:
            cell.source = source
    return nb


def _tampered(nb):
    """Edits a read-only test, copies one, deletes another and an answer with its test."""
    nb = copy.deepcopy(nb)

    def index(grade_id):
        return [nbgrader_meta(c).get("grade_id") for c in nb.cells].index(grade_id)

    nb.cells[index("part-a-table")].source = "pass"
    twin = copy.deepcopy(nb.cells[index("part-c-degrees")])
    twin["id"] = "pasted-copy"  # Jupyter gives a pasted cell a new id
    nb.cells.append(twin)
    del nb.cells[index("part-b-hidden")]
    del nb.cells[index("part-d-within-two")]
    del nb.cells[index("part-d-answer")]
    return nb


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course with six awkward submissions, graded through cli.main with a 10 s limit."""
    base = tmp_path_factory.mktemp("cli")
    course = base / "course"
    assert cli.main(["init", str(course), "--solutions", str(SOLUTIONS)]) == 0
    assert cli.main(["release", PS01.name, "--course", str(course)]) == 0
    released = course / "release" / PS01.name / NOTEBOOK
    correct = submission("abcd", released)
    inbox = base / "inbox"
    (inbox / "alice").mkdir(parents=True)
    nbformat.write(correct, inbox / "alice" / "My work (2).ipynb")
    (inbox / "alice" / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC\n")
    nbformat.write(_tampered(correct), inbox / "dave.ipynb")
    nbformat.write(
        _answer_replaced(correct, "part-c-answer", "import os\nos._exit(1)"), inbox / "erin.ipynb"
    )
    nbformat.write(
        _answer_replaced(correct, "part-c-answer", "while True:\n    pass"), inbox / "frank.ipynb"
    )
    (inbox / "gina.ipynb").write_text("{this is not a notebook", encoding="utf-8")
    (inbox / "hank").mkdir()
    nbformat.write(correct, inbox / "hank" / NOTEBOOK)
    (inbox / "hank" / "timestamp.txt").write_text("yesterday, before lunch\n")
    assert cli.main(["collect", PS01.name, str(inbox), "--course", str(course)]) == 0
    capture = base / "out.txt", base / "err.txt"
    with open(capture[0], "w") as out, open(capture[1], "w") as err:
        old = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = out, err
        try:
            status = cli.main(["grade", PS01.name, "--course", str(course), "--timeout", "10"])
        finally:
            sys.stdout, sys.stderr = old
    return course, status, capture[0].read_text(), capture[1].read_text()


def _gradebook_scores(course: Path) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course}/gradebook.db") as gb:
        return {s.student.id: float(s.score) for s in gb.find_assignment(PS01.name).submissions}


@pytest.mark.slow
def test_collect_writes_valid_timestamps_and_keeps_good_ones(graded):
    """Every timestamp.txt is one nbgrader reads; a valid one from the platform is kept."""
    from nbgrader.utils import parse_utc

    course = graded[0]
    stamps = {
        p.parent.parent.name: p.read_text().strip()
        for p in (course / "submitted").glob(f"*/{PS01.name}/timestamp.txt")
    }
    assert set(stamps) == {"alice", "dave", "erin", "frank", "gina", "hank"}
    for text in stamps.values():
        parse_utc(text)
    assert stamps["alice"] == "2026-11-20 10:00:00.000000 UTC"
    assert stamps["hank"].endswith(" UTC") and stamps["hank"] != "yesterday, before lunch"
    assert (course / "submitted" / "alice" / PS01.name / NOTEBOOK).is_file()


@pytest.mark.slow
def test_grade_scores_each_submission_fairly(graded):
    """Tampering is repaired; a dead kernel, an endless loop or junk never pass."""
    scores = _gradebook_scores(graded[0])
    assert scores == {
        "alice": PS01.points,
        "hank": PS01.points,
        "dave": points_of("abc"),  # the deleted answer to (d) scores nothing
        "frank": points_of("ab"),  # the loop in (c) is stopped; (c) and (d) fail
        "erin": 0.0,
        "gina": 0.0,
    }


@pytest.mark.slow
def test_failed_grading_leaves_no_nbgrader_flag_behind(graded):
    """nbgrader's NBGRADER_EXECUTION does not leak out of a crashed autograde."""
    assert "NBGRADER_EXECUTION" not in os.environ


@pytest.mark.slow
def test_grade_reports_progress_and_a_readable_summary(graded):
    """Progress per submission on stderr; per-student and per-question summary on stdout."""
    _, status, out, err = graded
    assert status == 1  # some submissions could not be graded
    # Two workers take the submissions in turn, so their start lines may swap
    # places; every submission is announced once, numbered 1 to 6.
    announced = re.findall(r"^grading (\d)/6 (\w+)\N{HORIZONTAL ELLIPSIS}", err, re.M)
    assert sorted(student for _, student in announced) == [
        "alice",
        "dave",
        "erin",
        "frank",
        "gina",
        "hank",
    ]
    assert sorted(int(number) for number, _ in announced) == [1, 2, 3, 4, 5, 6]
    assert re.search(rf"^alice +{PS01.points:g}/{PS01.points:g}$", out, re.M)
    assert "deleted part-b-hidden, part-d-answer, part-d-within-two (put back and graded)" in out
    assert "copied part-c-degrees (one copy graded)" in out
    assert "edited read-only part-a-table (restored)" in out
    assert "erin      0/18  could not be graded: the kernel died" in out
    assert "frank     7/18  1 cell was stopped after the 10 s time limit (scored 0)" in out
    assert "gina      0/18  who-can-introduce-you.ipynb is not a readable notebook" in out
    for test in PS01.tests:
        assert any(line.startswith(test.grade_id) for line in out.splitlines())
    assert "2 could not be graded (scored 0): erin, gina" in out


@pytest.mark.slow
def test_grades_csv_matches_the_gradebook(graded):
    """The grades CSV has a column per graded cell and the gradebook's totals."""
    course = graded[0]
    table = pd.read_csv(course / "grades" / f"{PS01.name}.csv", index_col="student")
    assert list(table.columns) == [t.grade_id for t in PS01.tests] + ["total", "max", "notes"]
    assert table["total"].to_dict() == _gradebook_scores(course)
    assert (table[[t.grade_id for t in PS01.tests]].sum(axis=1) == table["total"]).all()
    assert "kernel died" in table.loc["erin", "notes"]


@pytest.mark.slow
def test_grades_command_prints_the_summary_again(graded, tmp_path, capsys):
    """coffeechat grades reads the gradebook back without grading anything."""
    course = graded[0]
    out_csv = tmp_path / "export.csv"
    assert cli.main(["grades", PS01.name, "--course", str(course), "--csv", str(out_csv)]) == 0
    out = capsys.readouterr().out
    assert f"{PS01.name}: 6 students" in out and "question" in out
    assert "frank     7/18  1 cell was stopped" in out  # notes are kept from grading
    assert pd.read_csv(out_csv, index_col="student")["total"].to_dict() == _gradebook_scores(course)


@pytest.mark.slow
def test_regrading_a_crashing_submission_does_not_keep_an_old_pass(graded, tmp_path):
    """A submission replaced by one whose kernel dies scores 0, not its earlier marks."""
    course = graded[0]
    released = course / "release" / PS01.name / NOTEBOOK
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    nbformat.write(submission("abcd", released), first / "ivan.ipynb")
    crash = _answer_replaced(
        submission("abcd", released), "part-a-answer", "import os\nos._exit(3)"
    )
    nbformat.write(crash, second / "ivan.ipynb")
    instructor.collect(course, PS01.name, first)
    assert instructor.grade(course, PS01.name, students=["ivan"]).table.loc["ivan", "total"] == 18
    taken = instructor.collect(course, PS01.name, second)
    assert taken[0].notes == ("replaced an earlier submission",)
    report = instructor.grade(course, PS01.name, students=["ivan"])
    assert report.failed == ("ivan",)
    assert _gradebook_scores(course)["ivan"] == 0.0


@pytest.mark.slow
@pytest.mark.parametrize(
    ("files", "options", "expected"),
    [
        ({"bad name.ipynb": "{}"}, [], r"'bad name' cannot be a student id"),
        ({"notes.txt": "hello"}, [], r"no notebooks"),
        ({"ok.ipynb": "{}"}, ["--timestamp", "next Tuesday"], r"cannot be read"),
    ],
)
def test_collect_refuses_what_it_cannot_take(graded, tmp_path, capsys, files, options, expected):
    """Bad student ids, empty folders and unreadable timestamps stop collect with a message."""
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    argv = ["collect", PS01.name, str(tmp_path), "--course", str(graded[0]), *options]
    assert cli.main(argv) == 2
    assert re.search(expected, capsys.readouterr().err)


@pytest.mark.slow
def test_console_script_end_to_end(tmp_path):
    """The installed coffeechat script runs the whole cycle, with the gradebook elsewhere,
    run by its path without activating its environment (nbgrader still finds alembic)."""
    course, inbox, db = tmp_path / "course", tmp_path / "inbox", tmp_path / "db" / "grades.db"
    db.parent.mkdir()
    url = f"sqlite:///{db}"
    tools = SCRIPT.parent.resolve()
    inactive = os.pathsep.join(
        d for d in os.environ["PATH"].split(os.pathsep) if Path(d).resolve() != tools
    )

    def run(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(SCRIPT), *argv],
            capture_output=True,
            text=True,
            env={**os.environ, "PATH": inactive},
            timeout=300,
            check=False,
        )

    done = run("init", str(course), "--solutions", str(SOLUTIONS), "--db", url)
    assert done.returncode == 0, done.stderr
    assert run("release", PS01.name, "--course", str(course)).returncode == 0
    inbox.mkdir()
    nbformat.write(
        submission("abc", course / "release" / PS01.name / NOTEBOOK), inbox / "zoe.ipynb"
    )
    assert run("collect", PS01.name, str(inbox), "--course", str(course)).returncode == 0
    done = run("grade", PS01.name, "--course", str(course))
    assert done.returncode == 0, done.stderr
    assert "grading 1/1 zoe" in done.stderr
    assert re.search(rf"^zoe +{points_of('abc'):g}/{PS01.points:g}$", done.stdout, re.M)
    done = run("feedback", PS01.name, "--course", str(course))
    assert done.returncode == 0, done.stderr
    assert (course / "feedback" / "zoe" / PS01.name / f"{PS01.notebook}.html").is_file()
    assert db.is_file() and not (course / "gradebook.db").exists()
    done = run("grades", PS01.name, "--course", str(course), "--db", url)
    assert done.returncode == 0 and "zoe" in done.stdout


@pytest.mark.slow
def test_a_workers_private_gradebook_is_stamped_without_running_alembic(graded, monkeypatch):
    """The private copy gets the course's schema version and assignment, no alembic process."""
    import sqlite3

    import nbgrader.api
    from nbgrader.api import Gradebook

    from coffeechat.course.transfer import private_copy

    def no_alembic() -> str:
        raise AssertionError("alembic was run")

    monkeypatch.setattr(nbgrader.api, "get_alembic_version", no_alembic)
    course = graded[0]
    target = course.parent / "private.db"
    url = private_copy(f"sqlite:///{course}/gradebook.db", PS01.name, target)
    versions = []
    for db in (course / "gradebook.db", target):
        with sqlite3.connect(db) as connection:
            query = "SELECT version_num FROM alembic_version"
            versions.append(connection.execute(query).fetchall())
        connection.close()
    assert versions[0] == versions[1] and len(versions[0]) == 1
    with Gradebook(url) as mine, Gradebook(f"sqlite:///{course}/gradebook.db") as theirs:
        ours, course_cells = (
            sorted(
                (c.name, c.max_score)
                for c in gb.find_notebook(PS01.notebook, PS01.name).grade_cells
            )
            for gb in (mine, theirs)
        )
        assert ours == course_cells and ours
