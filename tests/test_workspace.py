"""The learner's copy of the course: new files arrive, their work is never overwritten."""

from __future__ import annotations

from pathlib import Path

from coffeechat._workspace import copy_missing


def test_copies_new_files_and_keeps_edited_ones(tmp_path: Path) -> None:
    """A second copy adds what is new and leaves the learner's edits alone."""
    course = tmp_path / "course"
    (course / "exercises" / "ps01").mkdir(parents=True)
    (course / "exercises" / "ps01" / "a.ipynb").write_text("original")
    (course / "exercises" / ".ipynb_checkpoints").mkdir()
    (course / "exercises" / ".ipynb_checkpoints" / "a-checkpoint.ipynb").write_text("x")
    work = tmp_path / "my-work"

    assert copy_missing([course / "exercises"], work) == [work / "exercises" / "ps01" / "a.ipynb"]
    (work / "exercises" / "ps01" / "a.ipynb").write_text("my answers")
    (course / "exercises" / "ps01" / "a.ipynb").write_text("updated course")
    (course / "exercises" / "ps01" / "b.ipynb").write_text("new")

    assert copy_missing([course / "exercises"], work) == [work / "exercises" / "ps01" / "b.ipynb"]
    assert (work / "exercises" / "ps01" / "a.ipynb").read_text() == "my answers"
    assert not (work / "exercises" / ".ipynb_checkpoints").exists()
