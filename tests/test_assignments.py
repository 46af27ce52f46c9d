"""Tests for the graded assignments in solutions/ and exercises/, on the real nbgrader."""

from __future__ import annotations

import ast
import html
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from assignment_tools import (
    ASSIGNMENTS,
    EXERCISES,
    ROOT,
    SOLUTION_NOTEBOOKS,
    SOLUTIONS,
    STUDENTS,
    exercise_of,
    hidden_lines,
    nbgrader_meta,
    parts_of,
    points_of,
    solution_of,
    submission,
)
from coffeechat import cli
from coffeechat import course as instructor
from coffeechat.errors import GradingError, InvalidParameter

#: Parametrise a test over every registered assignment.
each_assignment = pytest.mark.parametrize("spec", ASSIGNMENTS, ids=lambda a: a.name)


# ------------------------------------------------------------- static checks
def test_there_is_an_assignment_and_its_exercise():
    """Every solution notebook has its student version in exercises/, and a spec in checks."""
    assert SOLUTION_NOTEBOOKS
    for path in SOLUTION_NOTEBOOKS:
        assert (EXERCISES / path.relative_to(SOLUTIONS)).is_file()
    assert sorted(solution_of(a) for a in ASSIGNMENTS) == SOLUTION_NOTEBOOKS


@pytest.mark.parametrize(
    "path",
    SOLUTION_NOTEBOOKS + sorted(EXERCISES.glob("*/*.ipynb")),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_notebooks_are_stored_without_outputs(path):
    """Stored notebooks carry no outputs or execution counts."""
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", SOLUTION_NOTEBOOKS, ids=lambda p: p.parent.name)
def test_solution_metadata_is_what_nbgrader_needs(path):
    """Unique grade ids, schema 3, locked test cells with points, marked answer regions."""
    nb = nbformat.read(path, as_version=4)
    ids = [nbgrader_meta(c)["grade_id"] for c in nb.cells if nbgrader_meta(c)]
    assert len(ids) == len(set(ids))
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        if not meta:
            assert "BEGIN SOLUTION" not in cell.source and "HIDDEN TESTS" not in cell.source
            continue
        assert meta["schema_version"] == 3
        if meta["grade"] and meta["solution"]:  # a written answer, marked by hand
            assert cell.cell_type == "markdown" and not meta["locked"] and meta["points"] > 0
        elif meta["grade"]:
            assert meta["locked"] and not meta["solution"] and meta["points"] > 0
            assert cell.cell_type == "code"
        elif meta["solution"]:
            assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
            assert not meta["locked"]
        else:
            assert meta["locked"]
        if "BEGIN HIDDEN TESTS" in cell.source:
            assert meta["grade"]


@each_assignment
def test_spec_matches_the_notebook(spec):
    """checks.ASSIGNMENTS lists the notebook's graded cells, points and visible checks."""
    nb = nbformat.read(solution_of(spec), as_version=4)
    graded = [c for c in nb.cells if nbgrader_meta(c).get("grade")]
    assert [nbgrader_meta(c)["grade_id"] for c in graded] == [t.grade_id for t in spec.tests]
    assert [nbgrader_meta(c)["points"] for c in graded] == [t.points for t in spec.tests]
    assert 15 <= spec.points <= 25, "an assignment is worth 15 to 25 points"
    for cell, test in zip(graded, spec.tests, strict=True):
        assert test.grade_id.startswith("part-"), "graded cells are named part-<key>-<name>"
        if test.manual:
            assert cell.cell_type == "markdown" and nbgrader_meta(cell)["solution"]
            assert "Rubric" in cell.source, "the instructor's version holds the rubric"
        elif test.hidden:
            assert "### BEGIN HIDDEN TESTS" in cell.source
        else:
            assert "HIDDEN" not in cell.source
            assert cell.source.splitlines()[-1] == f"checks.{test.call}"
            assert cell.source.startswith('"""')  # a one-line docstring says what is checked


@each_assignment
def test_test_cells_hold_no_expected_values(spec):
    """Test cells only call the library's checks: no asserts, comparisons or answers."""
    nb = nbformat.read(solution_of(spec), as_version=4)
    for cell in nb.cells:
        if not nbgrader_meta(cell).get("grade") or cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            assert not isinstance(node, ast.Assert | ast.Compare)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                assert not node.func.attr.startswith("check_") or (
                    isinstance(node.func.value, ast.Name) and node.func.value.id == "checks"
                )


@each_assignment
def test_notebook_explains_self_checking_and_ends_with_a_recap(spec):
    """The intro says how to check your work; the end has a recap and the self-check."""
    nb = nbformat.read(exercise_of(spec), as_version=4)
    intro = nb.cells[0].source
    assert "By the end you will be able to" in intro
    for words in (
        "check cell",
        "self-check",
        "Validate",
        "hidden checks",
        "Restart Kernel and Run All",
    ):
        assert words.lower() in intro.lower()
    assert any("## Recap" in c.source for c in nb.cells if c.cell_type == "markdown")
    assert nb.cells[-1].source == f'checks.scoreboard("{spec.name}", globals())'


@pytest.mark.parametrize("path", SOLUTION_NOTEBOOKS, ids=lambda p: p.parent.name)
def test_hidden_test_text_is_nowhere_in_exercises(path):
    """No line of a hidden test appears in any file under exercises/."""
    secret = hidden_lines(path)
    assert secret
    for file in EXERCISES.rglob("*"):
        if file.is_file():
            text = file.read_text(encoding="utf-8")
            assert not [line for line in secret if line in text], file


# --------------------------------------------------------- nbgrader, for real
@pytest.mark.slow
@pytest.mark.parametrize("path", SOLUTION_NOTEBOOKS, ids=lambda p: p.parent.name)
def test_solutions_pass_their_own_tests(path, tmp_path):
    """nbgrader's validator, hidden tests included, finds nothing wrong with a solution.

    It runs on a copy, so that files a notebook writes stay out of the repository.
    """
    from nbgrader.validator import Validator

    copy = tmp_path / path.parent.name
    shutil.copytree(path.parent, copy)
    assert Validator().validate(str(copy / path.name)) == {}


@pytest.mark.slow
@each_assignment
def test_untouched_exercise_fails_every_visible_test(spec):
    """Each visible test cell of the student version fails until the learner writes code."""
    from nbgrader.validator import Validator

    result = Validator().validate(str(exercise_of(spec)))
    failed = {entry["source"] for entry in result["failed"]}
    nb = nbformat.read(exercise_of(spec), as_version=4)
    visible = {
        c.source.strip()
        for c in nb.cells
        if nbgrader_meta(c).get("grade")
        and c.cell_type == "code"
        and "Hidden checks" not in c.source
    }
    assert len(visible) == sum(1 for t in spec.tests if not t.hidden and not t.manual)
    if any(t.manual for t in spec.tests):  # nbgrader also lists written answers not given
        visible.add("YOUR ANSWER HERE")
    assert failed == visible


@pytest.mark.slow
def test_exercises_are_not_stale(tmp_path):
    """Regenerating exercises/ from solutions/ with nbgrader gives the committed files."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    config = Config()
    config.CourseDirectory.root = str(tmp_path)
    config.CourseDirectory.source_directory = str(SOLUTIONS)
    config.CourseDirectory.release_directory = "exercises"
    config.GenerateAssignment.no_database = True
    config.SaveCells.enabled = False
    api = NbGraderAPI(CourseDirectory(config=config), config=config)
    for folder in sorted(p for p in SOLUTIONS.iterdir() if p.is_dir()):
        result = api.generate_assignment(folder.name)
        assert result["success"], result.get("error")
        made = tmp_path / "exercises" / folder.name
        committed = EXERCISES / folder.name
        assert sorted(p.name for p in made.iterdir()) == sorted(p.name for p in committed.iterdir())
        for fresh in made.iterdir():
            if fresh.suffix != ".ipynb":
                assert fresh.read_bytes() == (committed / fresh.name).read_bytes()
                continue
            new = nbformat.read(fresh, as_version=4)
            old = nbformat.read(committed / fresh.name, as_version=4)
            assert new.metadata == old.metadata
            assert [(c.cell_type, c.source, c.metadata) for c in new.cells] == [
                (c.cell_type, c.source, c.metadata) for c in old.cells
            ], f"{committed / fresh.name} is stale: regenerate it (see nbgrader_config.py)"


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """One course folder: every assignment released, three students' work graded, feedback.

    Returns the course root and, per assignment, the grading report and the
    feedback pages.
    """
    base = tmp_path_factory.mktemp("round-trip")
    root = instructor.init_course(base / "course", SOLUTIONS, timeout=60)
    done = {}
    for spec in ASSIGNMENTS:
        instructor.release(root, spec.name)
        inbox = base / "inbox" / spec.name
        inbox.mkdir(parents=True)
        released = root / "release" / spec.name / f"{spec.notebook}.ipynb"
        for student in STUDENTS:
            work = submission(spec, parts_of(spec, student), released)
            nbformat.write(work, inbox / f"{student}.ipynb")
        instructor.collect(root, spec.name, inbox)
        # A worker a student: the three are graded at once, as a class would be.
        graded = instructor.grade(root, spec.name, jobs=len(STUDENTS))
        done[spec.name] = (graded, instructor.feedback(root, spec.name))
    return root, done


def scores(root: Path, spec, student: str) -> tuple[float, float, dict[str, float]]:
    """Total, maximum and per-cell scores of a submission, read from the gradebook."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root}/gradebook.db") as gb:
        sub = gb.find_submission(spec.name, student)
        cells = {g.name: float(g.score or 0) for nb in sub.notebooks for g in nb.grades}
        return float(sub.score), float(sub.max_score), cells


@pytest.mark.slow
@each_assignment
def test_released_student_version_is_the_committed_exercise(course, spec):
    """What an instructor hands out is exactly the student version in exercises/."""
    root, _ = course
    released = nbformat.read(root / "release" / spec.name / exercise_of(spec).name, as_version=4)
    committed = nbformat.read(exercise_of(spec), as_version=4)
    assert [(c.source, c.metadata) for c in released.cells] == [
        (c.source, c.metadata) for c in committed.cells
    ]


@pytest.mark.slow
@each_assignment
@pytest.mark.parametrize("student", STUDENTS)
def test_round_trip_scores_come_back_from_the_gradebook(course, spec, student):
    """Full marks for the solution, 0 for a blank notebook, the right partial score between."""
    root, done = course
    report, _ = done[spec.name]
    parts = parts_of(spec, student)
    total, maximum, cells = scores(root, spec, student)
    assert maximum == spec.points
    assert total == points_of(spec, parts)
    if student == "partial":
        assert 0 < total < spec.points
    for part in spec.parts:
        for test in part.tests:
            earned = test.points if part.key in parts and not test.manual else 0.0
            assert cells[test.grade_id] == earned
    assert report.table.loc[student, "total"] == total
    assert not report.failed


@pytest.mark.slow
@each_assignment
def test_feedback_shows_scores_but_never_hidden_test_code(course, spec):
    """Feedback pages say hidden tests ran, and how they scored, without their code."""
    root, done = course
    _, pages = done[spec.name]
    assert {p.parent.parent.name for p in pages} == set(STUDENTS)
    secret = hidden_lines(solution_of(spec))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        plain = html.unescape(re.sub(r"<[^>]+>", " ", text))
        assert not [line for line in secret if line in text or line in plain], page
        assert "BEGIN HIDDEN TESTS" not in plain
        assert plain.count("hidden tests ran here") == sum(t.hidden for t in spec.tests)
    blank = root / "feedback" / "blank" / spec.name / f"{spec.notebook}.html"
    plain = html.unescape(re.sub(r"<[^>]+>", "", blank.read_text(encoding="utf-8")))
    assert "not written yet" in plain  # the learner is told why, in words


# ------------------------------------------------------ written answers, by hand
@pytest.fixture(scope="module")
def marked_course(course, tmp_path_factory):
    """A copy of the graded course in which an instructor marks written answers by hand."""
    root, _ = course
    copy = tmp_path_factory.mktemp("marking") / "course"
    shutil.copytree(root, copy)
    return copy


@pytest.mark.slow
@pytest.mark.parametrize(
    "spec", [a for a in ASSIGNMENTS if any(t.manual for t in a.tests)], ids=lambda a: a.name
)
def test_written_answers_are_listed_marked_and_shown_in_feedback(marked_course, spec, capsys):
    """The instructor lists what awaits a mark (with rubrics), enters marks through nbgrader's
    gradebook, reads the new total back, and the student's feedback shows the comment."""
    from coffeechat.course import manual

    manual_tests = [t for t in spec.tests if t.manual]
    manual_parts = {p.key for p in spec.parts if any(t.manual for t in p.tests)}
    # nbgrader scores a written answer left exactly as released 0 by itself:
    # only students who wrote something wait for a mark.
    wrote = [s for s in STUDENTS if manual_parts & set(parts_of(spec, s))]
    assert "correct" in wrote and "blank" not in wrote
    waiting = manual.awaiting_marks(marked_course, spec.name)
    assert set(waiting["student"]) == set(wrote)
    assert sorted(waiting["cell"]) == sorted(t.grade_id for t in manual_tests for _ in wrote)
    assert waiting["score"].isna().all()
    every = manual.awaiting_marks(marked_course, spec.name, everything=True)
    untouched = every[~every["student"].isin(wrote)]
    assert set(untouched["student"]) == set(STUDENTS) - set(wrote)
    assert (untouched["score"] == 0).all()  # nothing written, nothing to mark, nothing lost

    assert cli.main(["marks", spec.name, "--course", str(marked_course)]) == 0
    listed = capsys.readouterr().out
    assert all(t.grade_id in listed for t in manual_tests) and "Rubric" in listed

    auto = points_of(spec, parts_of(spec, "correct"))
    total = auto
    for number, test in enumerate(manual_tests):
        score = test.points if number else test.points / 2
        total = manual.mark(
            marked_course,
            spec.name,
            "correct",
            test.grade_id,
            score,
            comment=f"Comment {number}: a concrete reason for each employer would earn more.",
        )
    assert total == auto + sum(t.points for t in manual_tests) - manual_tests[0].points / 2
    assert (
        cli.main(
            [
                "mark",
                spec.name,
                "correct",
                manual_tests[0].grade_id,
                str(manual_tests[0].points),
                "--course",
                str(marked_course),
            ]
        )
        == 0
    )
    assert f"is now {auto + sum(t.points for t in manual_tests):g}" in capsys.readouterr().out
    with pytest.raises(InvalidParameter, match="out of range"):
        manual.mark(marked_course, spec.name, "correct", manual_tests[0].grade_id, 99)
    with pytest.raises(GradingError, match="no written answer"):
        manual.mark(marked_course, spec.name, "correct", "part-z-nothing", 1)

    left = manual.awaiting_marks(marked_course, spec.name)
    others = [s for s in wrote if s != "correct"]
    assert set(left["student"]) == set(others)
    assert len(left) == len(others) * len(manual_tests)

    pages = instructor.feedback(marked_course, spec.name, students=["correct"])
    text = html.unescape(pages[0].read_text(encoding="utf-8"))
    assert "Comment 1: a concrete reason for each employer would earn more." in text
