"""A learner opens Module 5 in a real JupyterLab, runs every cell, and plays the role-play.

Uses the shared fixtures of ``conftest.py``: ``jupyter lab`` from the project's
environment and Debian's Chromium through Playwright.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _module_five() -> str:
    found = sorted(p.name for p in NOTEBOOK_DIR.glob("05-*.ipynb"))
    assert found, f"no 05-*.ipynb in {NOTEBOOK_DIR}"
    return found[0]


def test_module_five_runs_and_the_roleplay_answers(run_in_lab, page, tmp_path: Path) -> None:
    """Run All has no error; saying something moves the clock; ending shows the scorecard."""
    run_in_lab(_module_five())

    say = page.get_by_role("button", name="Say it")
    say.scroll_into_view_if_needed()
    say.wait_for(state="visible")
    play = say.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    play.get_by_text("minute 0 of the 20").wait_for(state="visible")

    # Pick the second persona: the conversation starts again with them.
    persona = play.get_by_label("Talk to", exact=True)
    second = persona.locator("option").nth(1).inner_text()
    persona.select_option(label=second)

    moves = play.get_by_label("You say", exact=True)
    moves.select_option(label="Thank them, and introduce yourself in 30 seconds")
    say.click()
    play.get_by_text("Thank you so much for making time for me").wait_for(state="visible")
    play.get_by_text("minute 0.75 of the 20").wait_for(state="visible")
    assert second.split(",")[0] in play.inner_text()

    # Ask the first bank question offered: the clock moves on.
    first_question = moves.locator("option").nth(0).inner_text()
    moves.select_option(label=first_question)
    say.click()
    play.get_by_text("minute 0.75 of the 20").wait_for(state="detached")

    moves.select_option(label="Ask whether their team is hiring (a mistake)")
    say.click()
    play.get_by_role("button", name="End and score").click()
    play.get_by_text("Scorecard:").wait_for(state="visible")
    assert "no job request" in play.inner_text()
    assert play.locator(".widget-html table tbody tr").count() == 7
    page.screenshot(path=str(tmp_path / "module-5-roleplay.png"))

    # A self-check quiz answers too.
    question = page.locator(".widget-vbox", has_text="How long should you ask for?").last
    question.scroll_into_view_if_needed()
    question.get_by_text("15 to 30 minutes").click()
    question.get_by_role("button", name="Check my answer").click()
    question.get_by_text("Short enough to say yes to").wait_for(state="visible")
