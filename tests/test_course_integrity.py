"""Tampered grading cells, found without running anything: scoreboard and grading notes."""

from __future__ import annotations

import copy

import nbformat
import pytest

from _ps01 import PS01, nbgrader_meta
from assignment_tools import exercise_of
from coffeechat import checks
from coffeechat.checks._integrity import cell_changes, expected_cells
from coffeechat.course import sandbox

RELEASED = nbformat.read(exercise_of(PS01), as_version=4)


def _index(nb, grade_id: str) -> int:
    return [nbgrader_meta(c).get("grade_id") for c in nb.cells].index(grade_id)


def _board_notes(tmp_path, nb) -> dict[str, tuple[str, ...]]:
    path = tmp_path / f"{PS01.notebook}.ipynb"
    nbformat.write(nb, path)
    board = checks.scoreboard(PS01.name, {"__session__": str(path)})
    return {r.part.key: r.notes for r in board.parts}


def test_untouched_notebook_has_no_changes():
    """The released notebook compared with itself shows nothing."""
    assert not cell_changes(RELEASED.cells, expected_cells(RELEASED.cells))


@pytest.mark.parametrize(
    ("change", "field", "grade_id"),
    [
        (lambda nb: nb.cells.pop(_index(nb, "part-b-hidden")), "deleted", "part-b-hidden"),
        (
            lambda nb: nb.cells.append(copy.deepcopy(nb.cells[_index(nb, "part-c-degrees")])),
            "copied",
            "part-c-degrees",
        ),
        (
            lambda nb: setattr(nb.cells[_index(nb, "part-a-table")], "source", "pass"),
            "edited",
            "part-a-table",
        ),
        (
            lambda nb: (
                nb.cells[_index(nb, "part-d-within-two")].metadata["nbgrader"].update(points=50)
            ),
            "points",
            "part-d-within-two",
        ),
        (
            lambda nb: nb.cells.insert(len(nb.cells), nb.cells.pop(_index(nb, "part-a-table"))),
            "moved",
            "part-a-table",
        ),
    ],
    ids=["deleted", "copied", "edited", "points", "moved"],
)
def test_each_kind_of_tampering_is_found(change, field, grade_id):
    """Deleted, copied, edited, re-pointed and moved test cells are each named."""
    nb = copy.deepcopy(RELEASED)
    change(nb)
    found = cell_changes(nb.cells, expected_cells(RELEASED.cells))
    assert getattr(found, field) == (grade_id,)


def test_scoreboard_reports_a_deleted_check_without_running_it(tmp_path):
    """The self-check names the part whose check was deleted and says it comes back."""
    nb = copy.deepcopy(RELEASED)
    del nb.cells[_index(nb, "part-b-hidden")]
    nb.cells[_index(nb, "part-a-table")].source = "pass"
    notes = _board_notes(tmp_path, nb)
    assert notes["b"][0] == (
        "you deleted the check for part (b); it will be put back when your work is graded"
    )
    assert notes["a"][0].startswith("you edited the check for part (a)")
    assert not any("deleted" in n or "edited" in n for n in notes["c"] + notes["d"])


def test_scoreboard_of_an_untouched_notebook_says_nothing_of_tampering(tmp_path):
    """A learner who changed no test cell sees only the usual check results."""
    notes = _board_notes(tmp_path, copy.deepcopy(RELEASED))
    assert not any("the check for part" in n for part in notes.values() for n in part)


def test_scoreboard_finds_the_notebook_in_the_current_folder(tmp_path, monkeypatch):
    """Without a session name the notebook is looked for beside the kernel."""
    nb = copy.deepcopy(RELEASED)
    nb.cells.append(copy.deepcopy(nb.cells[_index(nb, "part-c-chains")]))
    nbformat.write(nb, tmp_path / f"{PS01.notebook}.ipynb")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    board = checks.scoreboard(PS01.name, {})
    notes = {r.part.key: r.notes for r in board.parts}
    assert "appears more than once" in notes["c"][0]


def test_sandbox_kernelspec_wraps_ipykernel_in_bwrap(tmp_path):
    """The kernelspec starts the launcher, which execs bwrap around ipykernel."""
    import json

    if sandbox.bwrap_path() is None:
        pytest.skip("needs bubblewrap: `bash run.sh test` installs it")
    folder = sandbox.write_kernelspec(
        tmp_path / "data", tmp_path / "run", hidden=[tmp_path / "course"], limits=sandbox.Limits()
    )
    kernel = json.loads((folder / "kernel.json").read_text())
    assert kernel["argv"][-4:] == ["-c", sandbox.KERNEL_MAIN, "-f", "{connection_file}"]
    assert kernel["interrupt_mode"] == "message"
    spec = json.loads((folder / "sandbox.json").read_text())
    assert {"--unshare-all", "--die-with-parent", "--clearenv"} <= set(spec["args"])
    assert str(tmp_path / "course") in spec["read_only"]


@pytest.mark.parametrize(
    "change",
    [
        {},  # sound metadata passes both
        {"points": -2},
        {"points": "ten"},
        {"grade": "yes"},
        {"grade_id": "has spaces"},
        {"schema_version": 2},
        {"schema_version": 4},
        {"grade_id": ""},  # nbgrader's own rule, past the schema
        {"task": True},  # a task cell must be markdown: nbgrader's rule too
    ],
    ids=repr,
)
def test_the_compiled_schema_accepts_and_refuses_exactly_what_nbgrader_does(change):
    """The course's metadata check (schema compiled once) gives nbgrader's verdict and words."""
    from nbgrader.nbgraderformat import MetadataValidator

    from coffeechat.course.preprocessors.check_cell_metadata import FastMetadataValidator

    meta = {
        "schema_version": 3,
        "grade": True,
        "solution": False,
        "locked": True,
        "grade_id": "part-a-test",
        "points": 3,
        **change,
    }
    verdicts = []
    for validator in (MetadataValidator(), FastMetadataValidator()):
        cell = nbformat.v4.new_code_cell("assert True", metadata={"nbgrader": copy.deepcopy(meta)})
        try:
            validator.validate_cell(cell)
            verdicts.append(None)
        except Exception as err:  # the type and the words are what is compared
            verdicts.append((type(err).__name__, str(err)))
    assert verdicts[0] == verdicts[1]
    assert (verdicts[0] is None) == (change == {})


def test_an_outcome_crosses_the_process_boundary_whole():
    """What a worker sends is one frozen record that pickles and unpickles equal."""
    import dataclasses
    import pickle

    from coffeechat.course.outcome import CellResult, Facts, Outcome

    sent = Outcome(
        "ana",
        score=3.0,
        max_score=4.0,
        cells=(CellResult("ps01", "part-a-check", 3.0, False),),
        notes=("its output was too long and was cut off",),
        seconds=1.5,
        facts=Facts(cut_off=1),
    )
    assert pickle.loads(pickle.dumps(sent)) == sent
    with pytest.raises(dataclasses.FrozenInstanceError):
        sent.score = 4.0  # type: ignore[misc]
    assert not sent.failed and Outcome.failure("ben", ["no notebook"]).failed


def test_the_files_beside_the_grades_are_written_whole_or_not_at_all(tmp_path, monkeypatch):
    """A write that fails midway leaves the earlier state and notes, and no stray file."""
    import json

    from coffeechat.course.sidecars import Sidecars

    kept = Sidecars(tmp_path, "ps01")
    kept.record("ana", "f00d", ("deleted part-a-check (put back and graded)",))

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(json, "dump", broken)
    with pytest.raises(OSError, match="disk full"):
        kept.record("ben", "beef", ("edited read-only q1 (restored)",))
    monkeypatch.undo()
    assert kept.fingerprints() == {"ana": "f00d"}
    assert kept.notes() == {"ana": ["deleted part-a-check (put back and graded)"]}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ps01-graded.json", "ps01-notes.json"]
