"""A learner runs Module 3 in a real JupyterLab and uses its three widgets.

Uses the shared fixtures in ``conftest.py``: ``jupyter lab`` on a free local
port with a copy of the course, driven through Debian's Chromium by
Playwright (which never downloads a browser of its own).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.slow, pytest.mark.browser]

GOOD = (
    "Hi Amara,\nFarah Siddiqui suggested that I write to you. Your research on the Pulsewise "
    "patient app caught my eye, and I would love to hear how your team tests new ideas with "
    "patients. Would you be open to a 20-minute call in the next few weeks, at a time that "
    "suits you?\nBest wishes,\nAlex"
)


def _module_three() -> str:
    found = sorted(p.name for p in (ROOT / "notebooks").glob("03-*.ipynb"))
    assert found, "no 03-*.ipynb in notebooks/"
    return found[0]


def test_module_three_runs_and_its_widgets_respond(run_in_lab, page, tmp_path: Path) -> None:
    """Run All succeeds; typing, scoring and picking a date each change what is shown."""
    run_in_lab(_module_three())

    # The live request checker: the first draft breaks rules; typing a good one fixes them.
    box = page.locator(".widget-textarea", has_text="Your email").first
    box.scroll_into_view_if_needed()
    checker = box.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    checker.locator(".coffeechat-summary", has_text="to fix").wait_for(state="visible")
    assert checker.locator(".coffeechat-findings tr").count() == 7
    box.locator("textarea").fill(GOOD)
    checker.locator(".coffeechat-summary", has_text="All 7 rules kept").wait_for(state="visible")
    box.locator("textarea").fill(GOOD.replace("Would you", "Are you hiring? Would you"))
    checker.locator(".coffeechat-findings", has_text="hiring").wait_for(state="visible")
    page.screenshot(path=str(tmp_path / "module-3-request-checker.png"))

    # The LAMP builder: Pulsewise starts the list; with no posting it drops below Quillstack.
    pick = page.locator(".widget-dropdown", has_text="Employer").first
    pick.scroll_into_view_if_needed()
    builder = pick.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    summary = builder.locator(".coffeechat-summary")
    summary.get_by_text("Start with: Pulsewise", exact=False).wait_for(state="visible")
    pick.locator("select").select_option("Pulsewise")
    builder.get_by_role("button", name="1 none").click()
    summary.get_by_text("Start with: Quillstack", exact=False).wait_for(state="visible")
    builder.locator("input[placeholder='another employer']").fill("Saltings Health")
    builder.get_by_role("button", name="Add").click()
    summary.get_by_text("46 employers", exact=False).wait_for(state="visible")
    page.screenshot(path=str(tmp_path / "module-3-lamp-builder.png"))

    # The 3B7 calendar: a request sent on a Saturday counts from Monday.
    picker = page.locator(".widget-datepicker", has_text="Request sent on").first
    picker.scroll_into_view_if_needed()
    calendar = picker.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    calendar.locator(".coffeechat-summary", has_text="Sent Thu 17 Apr 2025").wait_for(
        state="visible"
    )
    picker.locator("input[type=date]").fill("2025-03-08")
    picker.locator("input[type=date]").press("Tab")
    calendar.locator(".coffeechat-summary", has_text="Thu 13 Mar").wait_for(state="visible")
    assert calendar.locator(".coffeechat-calendar td", has_text="7: follow up").count() == 1
    page.screenshot(path=str(tmp_path / "module-3-calendar.png"))
