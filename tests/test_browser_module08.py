"""Module 8 in a real JupyterLab: every cell runs, the plan board answers its menu, and the
rating board and the second-ring form write their files."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_module_eight_runs_and_its_widgets_answer(run_in_lab, lab, page, tmp_path: Path):
    """Run All succeeds; the board follows its menu; Save and Add write beside the notebook."""
    run_in_lab("08-your-own-plan.ipynb")
    work = lab.log.parent / "notebooks"  # the lab's copy of notebooks/
    menu = page.locator(".widget-dropdown", has_text="Employer").first
    menu.scroll_into_view_if_needed()
    board = menu.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    options = menu.locator("option").all_inner_texts()
    assert len(options) == 5
    board.locator(".widget-html", has_text=options[0]).wait_for(state="visible")
    menu.locator("select").select_option(label=options[1])
    board.locator(".widget-html", has_text=f"{options[1]}:").wait_for(state="visible")

    ratings = page.locator(".widget-vbox", has_text="How well do you know them?").last
    ratings.scroll_into_view_if_needed()
    ratings.locator("select").nth(1).select_option(label="very well")
    ratings.locator("button", has_text="Save").click()
    ratings.locator(".widget-html", has_text="ratings to network-2026").wait_for(state="visible")
    assert "very well" in (work / "network-2026-ratings.csv").read_text(encoding="utf-8")

    form = page.locator(".widget-vbox", has_text="Your second ring").last
    form.scroll_into_view_if_needed()
    form.locator(".widget-text", has_text="Name").locator("input").fill("Ines Quarry")
    form.locator(".widget-text", has_text="Organisation").locator("input").fill("Glasswing Labs")
    form.locator(".widget-dropdown", has_text="Via").locator("select").select_option(index=1)
    form.locator("button", has_text="Add").click()
    form.locator(".widget-html", has_text="Added Ines Quarry").wait_for(state="visible")
    saved = (work / "network-2026-second-ring.csv").read_text(encoding="utf-8")
    assert saved.startswith("name,organization,role,via,notes\n")
    assert "Ines Quarry,Glasswing Labs," in saved
    page.screenshot(path=str(tmp_path / "module-8-widgets.png"))
