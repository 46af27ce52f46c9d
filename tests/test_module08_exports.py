"""Module 8 on a learner's own export: it runs top to bottom and speaks of their people.

Each generated, fictional export (notes or none, BOM or none, blank
companies and positions, one employer spelled three ways, non-ASCII names,
10 to 500 rows) is put as ``Connections.csv`` beside a copy of the notebook,
which nbclient runs in a fresh kernel.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from linkedin_exports import EXPORTS

ROOT = Path(__file__).resolve().parents[1]
MODULE = ROOT / "notebooks" / "08-your-own-plan.ipynb"

pytestmark = pytest.mark.slow


def _run(folder: Path) -> str:
    """Run the copy of Module 8 in ``folder``; return every text output, failing on an error."""
    copy = folder / MODULE.name
    shutil.copy(MODULE, copy)
    notebook = nbformat.read(copy, as_version=4)
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": folder}}
    ).execute()
    texts = []
    for i, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"cell {i}: {output.get('evalue')}"
            texts.append(output.get("text", ""))
            texts.extend(str(v) for v in output.get("data", {}).values())
    return "\n".join(texts)


@pytest.mark.parametrize("spec", EXPORTS, ids=[e.label for e in EXPORTS])
def test_module_eight_runs_on_an_export_and_names_its_people(spec, tmp_path: Path) -> None:
    """No error cell; the outputs name people from the export and never a percentage chance."""
    spec.write(tmp_path / "Connections.csv")
    text = _run(tmp_path)
    assert f"Read your Connections.csv: {spec.rows} connections" in text
    names = {f"{first} {last}" for first, last, _, _ in spec.people()}
    named = {n for n in names if n in text}
    assert len(named) >= 3, named
    assert "likely to work" not in text
    assert (tmp_path / "my-search-profile.json").is_file()


def test_module_eight_runs_without_an_export(tmp_path: Path) -> None:
    """Without Connections.csv it says how to get one and runs on a network of your own."""
    text = _run(tmp_path)
    assert "No Connections.csv beside this notebook yet" in text
    assert "up to a day" in text
    assert "Using a network of your own, made from 2026" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == [MODULE.name]
