"""Slides: every module notebook is marked for the slideshow as tools/slides.py's rules say."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("slides", ROOT / "tools" / "slides.py")
slides = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(slides)

SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}


def cell(kind: str, text: str) -> dict:
    return {"cell_type": kind, "metadata": {}, "source": text.splitlines(keepends=True)}


@pytest.mark.parametrize("path", slides.notebooks(), ids=lambda p: p.name)
def test_every_cell_carries_the_slide_type_the_rules_give(path):
    """Each cell's slide type is the tool's; a cell added later fails until the tool is re-run."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for index, c in enumerate(notebook["cells"]):
        found = c.get("metadata", {}).get("slideshow", {}).get("slide_type")
        assert found == slides.slide_type(c), (
            f"{path.name}: cell {index} is {found!r}, the rules say {slides.slide_type(c)!r}; "
            "run python tools/slides.py"
        )
    assert notebook["metadata"].get("rise") == slides.RISE


@pytest.mark.parametrize("path", slides.notebooks(), ids=lambda p: p.name)
def test_a_module_opens_on_a_title_slide_and_shows_its_widgets(path):
    """The first cell is a slide; every widget cell is shown (never skipped)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    assert slides.slide_type(cells[0]) == "slide"
    for c in cells:
        source = "".join(c["source"])
        widget = "from coffeechat.ui import" in source or "quiz(" in source
        if c["cell_type"] == "code" and widget:
            assert slides.slide_type(c) == "subslide"


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("markdown", "# Module 9 — A title\n\nWhat you will learn.", "slide"),
        ("markdown", "## 2. A part\n\nText.", "slide"),
        ("markdown", "### A smaller part\n\nText.", "subslide"),
        ("markdown", "<details>\n<summary>Check yourself</summary>\nYes.\n</details>", "fragment"),
        ("markdown", "A short paragraph that goes on the slide before it.", "-"),
        ("markdown", "\n".join(f"line {n}" for n in range(30)), "subslide"),
        ("code", "from coffeechat.ui import roleplay\n\nroleplay()", "subslide"),
        ("code", "quiz(\n    'Why?',\n    ['a', 'b'],\n    answer='a',\n)", "subslide"),
        ("code", "talk_share(t4)", "fragment"),
        ("code", "import coffeechat as cc\n\ncc.show_whole_text()", "skip"),
        ("code", "PARTICIPANT = None", "skip"),
        ("code", "table = cc.load_sample_network()\ntable.people", "fragment"),
        ("code", "\n".join(f"x{n} = {n}" for n in range(12)), "skip"),
        ("raw", "anything", "skip"),
    ],
)
def test_the_rules_by_kind_and_length(kind, text, expected):
    """Titles start slides, long code is skipped, widgets get a slide of their own."""
    assert slides.slide_type(cell(kind, text)) == expected
    assert expected in SLIDE_TYPES


def test_the_tool_changes_only_slide_metadata_and_is_idempotent():
    """Marking twice gives the same notebook; sources, outputs and other metadata are untouched."""
    notebook = {
        "cells": [
            cell("markdown", "# Title"),
            {**cell("code", "x + 1"), "metadata": {"tags": ["keep"]}, "outputs": [],
             "execution_count": None},
        ],
        "metadata": {"kernelspec": {"name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }  # fmt: skip
    once = slides.marked(notebook)
    assert slides.marked(once) == once
    marks = {"tags": ["keep"], "slideshow": {"slide_type": "fragment"}}
    assert once["cells"][1]["metadata"] == marks
    assert [c["source"] for c in once["cells"]] == [c["source"] for c in notebook["cells"]]
    assert once["metadata"]["kernelspec"] == {"name": "python3"}
    assert "slideshow" not in notebook["cells"][0]["metadata"]  # the input is not changed


def test_the_check_mode_reports_stale_notebooks(tmp_path, capsys, monkeypatch):
    """--check exits 1 and names the notebook when a cell is not marked as the rules say."""
    (tmp_path / "notebooks").mkdir()
    path = tmp_path / "notebooks" / "01-x.ipynb"
    notebook = {"cells": [cell("markdown", "# Title")], "metadata": {}, "nbformat": 4,
                "nbformat_minor": 5}  # fmt: skip
    path.write_text(slides.dumps(notebook), encoding="utf-8")
    monkeypatch.setattr(slides, "ROOT", tmp_path)
    monkeypatch.setattr(slides, "notebooks", lambda root=tmp_path: [path])
    assert slides.main(["--check"]) == 1
    assert "01-x.ipynb" in capsys.readouterr().out
    assert slides.main([]) == 0 and slides.main(["--check"]) == 0


def test_jupyterlab_rise_is_a_dependency():
    """The slideshow extension is installed with the course (run.sh lab and the hub)."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(d.startswith("jupyterlab-rise") for d in project["dependencies"])


def test_the_widget_manager_can_load_in_the_slideshow():
    """The slideshow app provides no @jupyterlab/console: a widget manager needing it fails there.

    jupyterlab_widgets 3.0.11 and later need it, and the slideshow then shows each
    widget as a line of text; the course pins a version without it.
    """
    import sys

    manager = Path(sys.prefix, "share", "jupyter", "labextensions", "@jupyter-widgets",
                   "jupyterlab-manager", "package.json")  # fmt: skip
    needs = json.loads(manager.read_text(encoding="utf-8"))["dependencies"]
    assert "@jupyterlab/console" not in needs, f"{manager} needs @jupyterlab/console"
