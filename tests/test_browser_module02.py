"""A learner opens Module 2 in a real JupyterLab, runs every cell, and uses both widgets.

Uses the shared fixtures of ``conftest.py`` (JupyterLab on a free port, Debian's
Chromium through Playwright).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _module_two() -> str:
    found = sorted(p.name for p in (ROOT / "notebooks").glob("02-*.ipynb"))
    assert found, "no 02-*.ipynb in notebooks/"
    return found[0]


def test_module_two_runs_and_its_widgets_work(run_in_lab, page, tmp_path: Path) -> None:
    """Run All works; the industry map follows its target and the chain finder its ranking."""
    run_in_lab(_module_two())

    # The industry map: pick another target and see the summary and the table change.
    target = page.locator(".widget-dropdown", has_text="Target").first.locator("select")
    target.scroll_into_view_if_needed()
    industry = target.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    industry.locator(".widget-html", has_text="people at Pulsewise").wait_for(state="visible")
    assert industry.locator("table tbody tr").count() == 7  # Pulsewise and its six neighbours
    target.select_option("Quillstack")
    industry.locator(".widget-html", has_text="people at Quillstack").wait_for(state="visible")
    industry.locator("table tbody tr td", has_text="Cloudmere Systems").first.wait_for()
    assert industry.locator("table tbody tr").count() == 8
    page.screenshot(path=str(tmp_path / "module-2-industry-map.png"))

    # The chain finder: switch from fewest hops to strongest and see who is asked first.
    strongest = page.locator(".widget-toggle-button", has_text="strongest").first
    strongest.scroll_into_view_if_needed()
    finder = strongest.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][.//select][1]")
    first_chain = finder.locator("ol li").first
    first_chain.wait_for(state="visible")
    assert "Lars Eriksson" in first_chain.inner_text()
    strongest.click()
    finder.locator(".widget-html", has_text="strongest first").wait_for(state="visible")
    assert "Lucía Moreno" in finder.locator("ol li").first.inner_text()
    page.screenshot(path=str(tmp_path / "module-2-chain-finder.png"))
