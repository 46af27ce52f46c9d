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
    """Run All has no error; the learner filters, introduces themselves, types questions that
    are labelled and answered, ends with the scorecard and saves the transcript."""
    run_in_lab(_module_five())

    ask = page.get_by_role("button", name="Ask", exact=True)
    ask.scroll_into_view_if_needed()
    ask.wait_for(state="visible")
    play = ask.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    play.get_by_text("minute 0 of the 20").wait_for(state="visible")

    # Filter to Pulsewise, then to the UX researcher there: one person left.
    play.get_by_label("Organisation", exact=True).select_option(label="Pulsewise")
    play.get_by_label("Role", exact=True).select_option(label="UX Researcher")
    options = play.get_by_label("Talk to", exact=True).locator("option")
    options.nth(1).wait_for(state="detached")
    assert options.inner_text().replace("\xa0", " ") == "Noor Khalil, UX Researcher at Pulsewise"

    intro = play.get_by_label("Your 30 seconds", exact=True)
    intro.fill("Thank you so much for your time. I teach science and I am moving into UX "
               "research; your work on the Pulsewise app is why I wanted to talk to you.")
    play.get_by_role("button", name="Check my introduction").click()
    play.get_by_text("✓ thirty-seconds").wait_for(state="visible")
    play.get_by_role("button", name="Start with it").click()
    play.get_by_text("What would you like to know?").wait_for(state="visible")

    question = play.get_by_label("You ask", exact=True)
    for typed, answer in [
        ("What are you working on right now?", "Right now most of my time goes on"),
        ("How did testing the new recovery diary with patients start?", "It started because"),
        ("Is your team hiring?", "I am not the person to ask about openings"),
        ("Who else should I talk to?", "Tell them I suggested it"),
    ]:
        question.fill(typed)
        ask.click()
        play.get_by_text(answer).wait_for(state="visible")
    talk = play.inner_text()
    assert "follow-up" in talk and "asks for a job" in talk and "closing question" in talk

    play.get_by_role("button", name="End and score").click()
    play.get_by_text("Scorecard:").wait_for(state="visible")
    assert "no job request" in play.inner_text()
    play.get_by_role("button", name="Save transcript").click()
    play.get_by_text("✓ Saved to").wait_for(state="visible")
    page.screenshot(path=str(tmp_path / "module-5-roleplay.png"))

    # A self-check quiz answers too.
    question = page.locator(".widget-vbox", has_text="How long should you ask for?").last
    question.scroll_into_view_if_needed()
    question.get_by_text("15 to 30 minutes").click()
    question.get_by_role("button", name="Check my answer").click()
    question.get_by_text("Short enough to say yes to").wait_for(state="visible")
