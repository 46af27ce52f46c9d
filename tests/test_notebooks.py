"""Every teaching notebook runs top to bottom, and follows the course's notebook conventions."""

from __future__ import annotations

import ast
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import ipywidgets as widgets
import nbformat
import pytest

from coffeechat import ui

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
NAME = re.compile(r"^(\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*\.ipynb$")
IGNORE_OUTPUT = "nbval-ignore-output"
PRIMER = "python-primer"  # cells that teach Python itself (def, loops) in a module
CELL_TIMEOUT = 120  # seconds; a cell that hangs fails instead of stalling the suite
RUN_TIMEOUT = 300


def run_nbval(*notebooks: Path) -> subprocess.CompletedProcess[str]:
    """Run notebooks with ``pytest --nbval-lax`` in a fresh process and kernel.

    ``--nbval-lax`` runs every cell and fails on any error without comparing
    outputs (the notebooks are stored without them); ``--nbval-current-env``
    starts the kernel from this interpreter, so it imports this checkout.
    """
    command = [
        sys.executable,
        "-m",
        "pytest",
        "--nbval-lax",
        "--nbval-current-env",
        f"--nbval-cell-timeout={CELL_TIMEOUT}",
        "-p",
        "no:cacheprovider",
        "-q",
        *map(str, notebooks),
    ]
    return subprocess.run(
        command,
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def test_there_are_teaching_notebooks() -> None:
    """The course has at least its first module."""
    assert [p for p in NOTEBOOKS if p.name.startswith("01-")], f"no 01-*.ipynb in {NOTEBOOK_DIR}"


def test_notebook_names_are_ordered() -> None:
    """Files are named NN-short-title.ipynb and numbered 01, 02, ... without gaps."""
    names = [p.name for p in NOTEBOOKS]
    bad = [n for n in names if not NAME.match(n)]
    assert not bad, f"not named like 01-short-title.ipynb: {bad}"
    numbers = [int(NAME.match(n).group(1)) for n in names]
    assert numbers == list(range(1, len(names) + 1)), f"numbers should run 01, 02, ...: {names}"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebook_runs_top_to_bottom(path: Path) -> None:
    """Every cell runs without an error, in order, in a fresh kernel."""
    result = run_nbval(path)
    assert result.returncode == 0, (
        f"{path.name} failed under pytest --nbval-lax:\n{result.stdout}\n{result.stderr}"
    )
    assert "passed" in result.stdout


@pytest.mark.slow
def test_a_failing_cell_fails_the_run(tmp_path: Path) -> None:
    """The runner above really fails when a cell raises (so a green run means something)."""
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("total = 1 + 1"),
            nbformat.v4.new_code_cell("raise ValueError('a cell that breaks')"),
        ],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    )
    path = tmp_path / "01-broken.ipynb"
    nbformat.write(notebook, path)
    result = run_nbval(path)
    assert result.returncode != 0
    assert "a cell that breaks" in result.stdout


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebook_is_stored_clean(path: Path) -> None:
    """No outputs or execution counts are stored, and the kernel is plain Python 3."""
    notebook = _read(path)
    nbformat.validate(notebook)
    assert notebook.metadata.get("kernelspec", {}).get("name") == "python3"
    dirty = [
        i
        for i, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert not dirty, f"{path.name}: cells {dirty} have stored outputs; clear them before saving"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebook_opens_with_goals_and_ends_with_a_recap(path: Path) -> None:
    """The first cell says what the learner will be able to do; a recap follows the last code."""
    cells = _read(path).cells
    assert cells[0].cell_type == "markdown"
    assert cells[0].source.startswith("# ")
    assert "you will be able to" in cells[0].source.lower()
    recaps = [
        i for i, c in enumerate(cells) if c.cell_type == "markdown" and "## Recap" in c.source
    ]
    last_code = max(i for i, c in enumerate(cells) if c.cell_type == "code")
    assert recaps, f"{path.name} has no '## Recap' section"
    assert recaps[-1] > last_code, f"{path.name}: the recap should come after the last code cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebook_keeps_logic_in_the_package(path: Path) -> None:
    """Notebooks import and call; they never write code files or define functions and classes.

    Only a cell tagged ``python-primer``, which teaches the Python language
    itself (what ``def`` is), may define a function.
    """
    for i, cell in enumerate(_read(path).cells):
        if cell.cell_type != "code":
            continue
        assert not re.search(r"^\s*%%?(?:file|writefile)\b", cell.source, re.M), (
            f"{path.name} cell {i} writes a file with a magic"
        )
        if PRIMER in cell.metadata.get("tags", []):
            continue
        tree = ast.parse(cell.source)
        defined = [
            n.name
            for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        ]
        assert not defined, f"{path.name} cell {i} defines {defined}: move it into coffeechat"


def widget_makers() -> set[str]:
    """Names in coffeechat.ui that are, or return, ipywidgets widgets."""
    makers = set()
    for name in ui.__all__:
        obj = getattr(ui, name)
        if isinstance(obj, type):
            target: object = obj
        elif callable(obj):
            returned = inspect.signature(obj).return_annotation
            target = getattr(ui, returned, None) if isinstance(returned, str) else returned
        else:
            continue
        if isinstance(target, type) and issubclass(target, widgets.Widget):
            makers.add(name)
    return makers


def _shows_widget(source: str, makers: set[str]) -> bool:
    body = ast.parse(source).body
    if not body or not isinstance(body[-1], ast.Expr) or not isinstance(body[-1].value, ast.Call):
        return False
    func = body[-1].value.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    return name in makers


def test_widget_makers_are_found() -> None:
    """The check below knows the widget functions it is looking for."""
    assert {"quiz", "reach_explorer", "Quiz", "ReachExplorer"} <= widget_makers()
    assert "draw_network" not in widget_makers()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_widget_cells_ignore_output(path: Path) -> None:
    """A cell that shows a widget is tagged nbval-ignore-output (widget output never matches)."""
    makers = widget_makers()
    untagged = [
        i
        for i, cell in enumerate(_read(path).cells)
        if cell.cell_type == "code"
        and _shows_widget(cell.source, makers)
        and IGNORE_OUTPUT not in cell.metadata.get("tags", [])
    ]
    assert not untagged, f"{path.name}: widget cells {untagged} need the {IGNORE_OUTPUT} tag"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_first_code_cell_sets_the_course_display(path: Path) -> None:
    """Each module sets the course's table display first, so no table cuts text at 50 characters."""
    cells = [c for c in _read(path).cells if c.cell_type == "code"]
    calls = [
        node.func for node in ast.walk(ast.parse(cells[0].source)) if isinstance(node, ast.Call)
    ]
    names = {getattr(f, "attr", getattr(f, "id", None)) for f in calls}
    assert "show_whole_text" in names, f"{path.name}: the first code cell should call it"


GRANOVETTER = ("16.7", "55.6", "27.8", "83.4")


def test_granovetter_figures_are_given_once_in_module_two() -> None:
    """The course states Granovetter's figures in one cell of Module 2; others refer back."""
    cells = [
        (path.name, i)
        for path in NOTEBOOKS
        for i, cell in enumerate(_read(path).cells)
        if any(figure in cell.source for figure in GRANOVETTER)
    ]
    assert len(cells) == 1 and cells[0][0].startswith("02-"), cells
    name, index = cells[0]
    source = _read(NOTEBOOK_DIR / name).cells[index].source
    assert all(f"{figure}%" in source for figure in GRANOVETTER[:3])
    assert "83.4" not in source  # the three shares are of job finders who used a contact
    for path in NOTEBOOKS:
        text = " ".join(c.source for c in _read(path).cells)
        if "Granovetter" in text and not path.name.startswith("02-"):
            assert "Module 2" in text, f"{path.name} cites Granovetter without referring back"
