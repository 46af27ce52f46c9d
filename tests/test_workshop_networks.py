"""In a workshop, Modules 2 and 4 run on the participant's own network, as Module 1 can."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = ["02-who-to-talk-to.ipynb", "04-preparing-the-conversation.ipynb"]
NAME = re.compile(r"^PARTICIPANT = None\b", re.MULTILINE)


def _cells(name: str) -> list[dict]:
    return json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("name", MODULES)
def test_the_participant_cell_is_near_the_top_and_used(name):
    """A cell near the top names the participant (None: Alex's sample); the network is theirs."""
    sources = ["".join(c["source"]) for c in _cells(name)]
    where = [i for i, s in enumerate(sources) if NAME.search(s)]
    assert where and where[0] <= 3, f"{name}: no PARTICIPANT cell among the first cells"
    loads = [s for s in sources if "load_sample_network(" in s and "network =" in s]
    assert loads and all("for_participant=PARTICIPANT" in s for s in loads), loads
    first_load = next(i for i, s in enumerate(sources) if s in loads)
    assert where[0] < first_load


@pytest.mark.slow
@pytest.mark.parametrize("name", MODULES)
def test_the_module_runs_on_a_participants_network(name, tmp_path):
    """With a participant's name set, every cell runs, and the network is theirs, not Alex's."""
    from nbclient import NotebookClient

    notebook = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    cell = next(c for c in notebook.cells if NAME.search(c.source))
    cell.source = NAME.sub('PARTICIPANT = "Sam Lee"', cell.source)
    notebook.cells.append(nbformat.v4.new_code_cell(
        "from coffeechat.datasets import participant_network\n"
        "print(network.ties.equals(participant_network('Sam Lee').ties),"
        " network.ties.equals(load_sample_network().ties) if 'load_sample_network' in dir()"
        " else cc.load_sample_network().ties.equals(network.ties))"
    ))  # fmt: skip
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()  # fmt: skip
    printed = "".join(o.get("text", "") for o in notebook.cells[-1].outputs)
    assert printed.split() == ["True", "False"]
