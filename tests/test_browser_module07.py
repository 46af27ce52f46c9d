"""Module 7 in a real JupyterLab: every cell runs, and the small-world lab answers its slider."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_module_seven_runs_and_the_small_world_lab_moves(run_in_lab, page, tmp_path: Path):
    """Run All succeeds; moving the p slider redraws the lab and rewrites its sentence."""
    run_in_lab("07-small-worlds.ipynb")
    slider = page.locator(".widget-hslider", has_text="p").first
    slider.scroll_into_view_if_needed()
    lab = slider.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    lab.locator(".widget-html", has_text="p = 0.01:").wait_for(state="visible")
    picture = lab.locator("img").first
    before = picture.get_attribute("src")
    slider.locator(".noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    lab.locator(".widget-html", has_text="p = 0.022:").wait_for(state="visible")
    page.wait_for_function(
        "([img, old]) => img.getAttribute('src') !== old", arg=[picture.element_handle(), before]
    )
    page.screenshot(path=str(tmp_path / "module-7-lab.png"))

    # A quiz in the module marks a right answer.
    question = page.locator(".widget-vbox", has_text="In the small-world regime").last
    question.scroll_into_view_if_needed()
    question.get_by_text("Paths are short and clustering is still high").click()
    question.get_by_role("button", name="Check my answer").click()
    question.get_by_text("A few long-range ties shorten paths").wait_for(state="visible")
