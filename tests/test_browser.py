"""A learner opens Module 1 in a real JupyterLab, runs every cell, and uses the widgets.

The shared fixtures in ``conftest.py`` start ``jupyter lab`` from the project's
environment on a free local port, with a copy of the course in a temporary
folder, and drive Debian's Chromium through Playwright. Playwright never
downloads a browser of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _module_one() -> str:
    found = sorted(p.name for p in NOTEBOOK_DIR.glob("01-*.ipynb"))
    assert found, f"no 01-*.ipynb in {NOTEBOOK_DIR}"
    return found[0]


def test_module_one_runs_and_its_widgets_work(run_in_lab, page, tmp_path: Path) -> None:
    """Run All executes every cell without error; the explorer and a quiz respond to clicks."""
    run_in_lab(_module_one())
    # The pictures were drawn.
    assert page.locator('.jp-OutputArea-output[data-mime-type="image/png"] img').count() >= 2

    # The reach explorer rendered as live widgets, and answers the slider.
    slider = page.locator(".widget-hslider", has_text="Hops").first
    slider.scroll_into_view_if_needed()
    slider.wait_for(state="visible")
    explorer = slider.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    summary = explorer.locator(".widget-html", has_text="Within 2 hops")
    summary.wait_for(state="visible")
    assert explorer.locator("select option", has_text="Everyone").count() == 1
    assert explorer.locator(".widget-html table tbody tr").count() > 0
    slider.locator(".noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    explorer.locator(".widget-html", has_text="Within 3 hops").wait_for(state="visible")
    page.screenshot(path=str(tmp_path / "module-1-explorer.png"))

    # A self-check quiz marks a right answer.
    question = page.locator(".widget-vbox", has_text="Which is the best thing to ask").last
    question.scroll_into_view_if_needed()
    question.get_by_text("Who else do you think I should talk to?").click()
    question.get_by_role("button", name="Check my answer").click()
    question.get_by_text("Yes! This question grows your network").wait_for(state="visible")
    page.screenshot(path=str(tmp_path / "module-1-quiz.png"))
