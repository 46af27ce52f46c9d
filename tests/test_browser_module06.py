"""A learner opens Module 6 in a real JupyterLab, runs every cell, and uses its three widgets."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _module_six() -> str:
    found = sorted(p.name for p in (ROOT / "notebooks").glob("06-*.ipynb"))
    assert found, "no 06-*.ipynb in notebooks/"
    return found[0]


def test_module_six_runs_and_its_widgets_work(run_in_lab, page, tmp_path: Path) -> None:
    """Run All executes every cell; the reviewer, the board and the simulator respond."""
    run_in_lab(_module_six())

    # The thank-you reviewer reviews the note as it is typed.
    note = page.locator(".widget-textarea", has_text="Your note").first
    note.scroll_into_view_if_needed()
    reviewer = note.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    reviewer.locator(".widget-html", has_text="0 of 4 rules followed").wait_for(state="visible")
    box = note.locator("textarea")
    box.fill(
        "Dear Priya, thank you for your time. You suggested I read your team's accessibility "
        "reports, and I have started on the first one. Best wishes, Alex"
    )
    box.press("Tab")
    reviewer.locator(".widget-html", has_text="3 of 4 rules followed").wait_for(state="visible")
    page.screenshot(path=str(tmp_path / "module-6-reviewer.png"))

    # The follow-up board adds a conversation and shows it as due.
    name = page.locator(".widget-text", has_text="Name").first
    name.scroll_into_view_if_needed()
    board = name.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    board.locator(".widget-html", has_text="4 people in the tracker").wait_for(state="visible")
    name.locator("input").fill("Eli Novak")
    board.locator(".widget-text", has_text="Organisation").locator("input").fill("Pulsewise")
    board.locator(".widget-text", has_text="Request sent").locator("input").fill("2026-03-02")
    board.get_by_role("button", name="Add").click()
    board.locator(".widget-html", has_text="Added Eli Novak").wait_for(state="visible")
    board.locator(".widget-html", has_text="5 people in the tracker").wait_for(state="visible")
    assert board.locator("table tbody tr", has_text="Eli Novak").count() >= 1
    page.screenshot(path=str(tmp_path / "module-6-board.png"))

    # The snowball simulator answers its weeks slider.
    weeks = page.locator(".widget-hslider", has_text="Weeks").first
    weeks.scroll_into_view_if_needed()
    simulator = weeks.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    simulator.locator(".widget-html", has_text="after 8 weeks").wait_for(state="visible")
    weeks.locator(".noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    simulator.locator(".widget-html", has_text="after 9 weeks").wait_for(state="visible")
    page.screenshot(path=str(tmp_path / "module-6-snowball.png"))
