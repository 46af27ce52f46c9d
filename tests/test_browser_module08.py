"""Module 8 in a real JupyterLab: every cell runs, and the plan board answers its menu."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_module_eight_runs_and_the_plan_board_answers(run_in_lab, page, tmp_path: Path):
    """Run All succeeds; choosing another employer rewrites the plan board's advice."""
    run_in_lab("08-your-own-plan.ipynb")
    menu = page.locator(".widget-dropdown", has_text="Employer").first
    menu.scroll_into_view_if_needed()
    board = menu.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    options = menu.locator("option").all_inner_texts()
    assert len(options) == 5
    board.locator(".widget-html", has_text=options[0]).wait_for(state="visible")
    menu.locator("select").select_option(label=options[1])
    board.locator(".widget-html", has_text=f"{options[1]}:").wait_for(state="visible")
    page.screenshot(path=str(tmp_path / "module-8-board.png"))
