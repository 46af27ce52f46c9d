"""A learner's first screen: JupyterLab opens on the course, with no news prompt.

The shared ``lab`` fixture starts JupyterLab with the course's own settings
(:func:`coffeechat.lab.lab_arguments`, exactly what ``bash run.sh lab`` and a
hub pass), so this proves what learners get.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULE_ONE = sorted(p.name for p in (ROOT / "notebooks").glob("01-*.ipynb"))[0]
NEWS_PLUGIN = "@jupyterlab/apputils-extension:notification"

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_lab_opens_on_the_course_without_a_news_prompt(lab, page, tmp_path: Path) -> None:
    """Module 1 opens, the file browser lists the course, and no news question appears."""
    # Generous timeouts: the first page load compiles a lot of JavaScript on a busy machine.
    page.goto(f"{lab.url}/lab/tree/{MODULE_ONE}?reset&token={lab.token}", timeout=120_000)
    page.wait_for_function(
        "() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel",
        timeout=120_000,
    )
    # The server hands out the course's defaults for the notification plugin.
    defaults = page.evaluate(
        """async (plugin) => {
            const found = await window.jupyterapp.serviceManager.settings.fetch(plugin);
            const props = found.schema.properties;
            return {news: props.fetchNews.default, updates: props.checkForUpdates.default};
        }""",
        NEWS_PLUGIN,
    )
    assert defaults == {"news": "false", "updates": False}

    # The file browser shows the course at its root: the modules and the assignments.
    listing = page.locator(".jp-DirListing-content .jp-DirListing-itemText")
    listing.filter(has_text="exercises").first.wait_for(state="visible")
    names = set(listing.all_inner_texts())
    assert "exercises" in names
    assert MODULE_ONE in names
    assert len([n for n in names if n[:2].isdigit() and n.endswith(".ipynb")]) >= 8
    assert page.locator(".jp-NotebookPanel").first.is_visible()

    # JupyterLab asks about news a moment after it starts; give it the chance.
    page.wait_for_timeout(4000)
    assert page.get_by_text("Jupyter news").count() == 0
    assert page.locator(".Toastify__toast").count() == 0
    page.screenshot(path=str(tmp_path / "first-impression.png"))
