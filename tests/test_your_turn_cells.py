"""The "your turn" cells of Modules 2, 3 and 4 on an export, and without one.

Each module's cells tagged ``your-turn`` run on their own in a fresh kernel
(nbclient) in a folder with a generated, fictional ``Connections.csv``, and in
one without: they must never end in an error, must name people from the
export when it is there, and must say how to get it when it is not.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from linkedin_exports import EXPORTS

ROOT = Path(__file__).resolve().parents[1]
MODULES = ("02-who-to-talk-to", "03-reaching-out", "04-preparing-the-conversation")

pytestmark = pytest.mark.slow


def _turn_cells(module: str) -> list[nbformat.NotebookNode]:
    notebook = nbformat.read(ROOT / "notebooks" / f"{module}.ipynb", as_version=4)
    return [c for c in notebook.cells if "your-turn" in c.metadata.get("tags", [])]


def _run(module: str, folder: Path) -> str:
    notebook = nbformat.v4.new_notebook(cells=_turn_cells(module))
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": folder}}
    ).execute()
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"{module}: {output.get('evalue')}"
            texts.append(output.get("text", ""))
            texts.extend(str(v) for v in output.get("data", {}).values())
    return "\n".join(texts)


def test_modules_one_to_four_carry_the_thread() -> None:
    """Modules 2-4 each have a your-turn cell; Module 1 asks for the export a day ahead."""
    for module in MODULES:
        assert _turn_cells(module), module
    first = nbformat.read(ROOT / "notebooks" / "01-why-informational-interviews.ipynb", 4)
    assert any("up to a day" in c.source and "Connections.csv" in c.source for c in first.cells)


@pytest.mark.parametrize("module", MODULES)
def test_your_turn_runs_on_an_export(module: str, tmp_path: Path) -> None:
    """With an export beside the notebook, the cells run and name the learner's contacts."""
    spec = EXPORTS[1]
    spec.write(tmp_path / "Connections.csv")
    text = _run(module, tmp_path)
    names = {f"{first} {last}" for first, last, _, _ in spec.people()}
    assert any(n in text for n in names), text[:500]
    if module.startswith("03"):
        assert "request: 8 of 8 checks passed" in text
        assert "message to your contact: 7 of 7 checks passed" in text
    if module.startswith("04"):
        assert "Research card" in text


@pytest.mark.parametrize("module", MODULES)
def test_your_turn_without_an_export_says_what_to_do(module: str, tmp_path: Path) -> None:
    """Without an export, the cells say how to get it, and nothing fails."""
    text = _run(module, tmp_path)
    assert "No Connections.csv beside this notebook yet" in text and "up to a day" in text
