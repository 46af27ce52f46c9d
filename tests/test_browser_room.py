"""A participant joins the room in a real notebook; the facilitator's view shows them stuck.

Runs in the shared JupyterLab (``lab``) and Chromium (``page``) of ``conftest.py``:
the notebook's kernel records to a room folder, and the room view widget is
rendered, then refreshed with a button click after another participant joins.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from coffeechat import room

pytestmark = [pytest.mark.slow, pytest.mark.browser]

NOTEBOOK = "room-check.ipynb"


def test_a_stuck_participant_appears_in_the_room_view(lab, page, run_in_lab, tmp_path: Path):
    """Three failed checks make Bea stuck in the widget; Refresh brings in a newcomer."""
    folder = tmp_path / "room"
    cells = [
        f"import coffeechat.room\ncoffeechat.room.join('Browser Bea', folder={str(folder)!r})",
        "from coffeechat import checks\n"
        "from coffeechat.errors import CheckFailed\n\n"
        "def only_me(contacts, source):\n"
        "    return {source: 0}\n\n"
        "for attempt in range(3):\n"
        "    try:\n"
        "        checks.check_degrees(only_me, checks.practice_network())\n"
        "    except CheckFailed:\n"
        "        pass",
        f"from coffeechat.ui import room_view\nview = room_view({str(folder)!r})\nview",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    written = lab.log.parent / "notebooks" / NOTEBOOK  # the lab's root (see conftest.lab)
    nbformat.write(nb, written)
    try:
        _drive(page, run_in_lab, folder, tmp_path)
    finally:
        written.unlink()


def _drive(page, run_in_lab, folder: Path, tmp_path: Path) -> None:
    run_in_lab(NOTEBOOK)
    view = page.locator(".widget-vbox", has=page.get_by_role("button", name="Refresh")).last
    view.scroll_into_view_if_needed()
    view.get_by_text("Stuck:").wait_for(state="visible")
    assert (
        view.locator("li", has_text="Browser Bea")
        .inner_text()
        .startswith("Browser Bea: check_degrees")
    )
    assert view.locator("img").count() == 1
    assert "1 in the room" in view.inner_text()

    # What the kernel recorded: the join, the notebook it opened, three failed checks.
    (recorded,) = folder.glob("*.jsonl")
    records = [json.loads(line) for line in recorded.read_text().splitlines()]
    assert [r["event"] for r in records] == ["join", "open", "check", "check", "check"]
    assert records[1]["module"] == "room-check"
    assert {r.get("passed") for r in records[2:]} == {False}

    # Another participant joins; the facilitator presses Refresh.
    room.join("Cal", folder=folder)
    room.leave()
    view.get_by_role("button", name="Refresh").click()
    view.get_by_text("2 in the room").wait_for(state="visible")
    page.screenshot(path=str(tmp_path / "room-view.png"))
