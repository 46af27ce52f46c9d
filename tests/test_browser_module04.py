"""A learner opens Module 4 in a real JupyterLab, runs every cell, and plans a conversation.

Uses the shared fixtures of ``conftest.py``: a real ``jupyter lab`` on a
copy of the course, driven through Playwright in Debian's Chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _module_four() -> str:
    found = sorted(p.name for p in NOTEBOOK_DIR.glob("04-*.ipynb"))
    assert found, f"no 04-*.ipynb in {NOTEBOOK_DIR}"
    return found[0]


def test_module_four_runs_and_the_question_planner_replans(run_in_lab, page, tmp_path: Path):
    """Run All executes every cell; the planner answers the slider, the goals and Save."""
    run_in_lab(_module_four())

    slider = page.locator(".widget-hslider", has_text="Minutes").first
    slider.scroll_into_view_if_needed()
    slider.wait_for(state="visible")
    planner = slider.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][last()]")
    planner.locator(".widget-html", has_text="of 20 minutes stay free").wait_for(state="visible")
    assert planner.locator("table tbody tr", has_text="Who else should I talk to?").count() == 1

    # One minute more: the agenda is planned again for 21 minutes.
    slider.locator(".noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    planner.locator(".widget-html", has_text="of 21 minutes stay free").wait_for(state="visible")
    assert planner.locator("h2", has_text="Amara Nwosu").count() == 1

    # Only one goal: the summary says so.
    planner.locator("select[multiple]").select_option(["culture"])
    planner.locator(".widget-html", has_text="of your 1 goal").wait_for(state="visible")

    # Save writes the agenda and says where.
    planner.get_by_role("button", name="Save agenda").click()
    planner.locator(".widget-html", has_text="agenda-amara-nwosu.html").wait_for(state="visible")
    page.screenshot(path=str(tmp_path / "module-4-planner.png"))

    # A self-check quiz marks a right answer.
    question = page.locator(".widget-vbox", has_text="Which TIARA category is it?").last
    question.scroll_into_view_if_needed()
    question.get_by_text("Trends", exact=True).click()
    question.get_by_role("button", name="Check my answer").click()
    question.get_by_text("It asks about where the field is going").wait_for(state="visible")
