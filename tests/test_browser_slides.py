"""A facilitator presents a module as slides: the slideshow opens in JupyterLab and advances,
and a quiz on its slide is a live widget.

Uses the shared fixtures of ``conftest.py`` (one JupyterLab for the run, Debian's
Chromium through Playwright) and the slideshow extension, jupyterlab-rise,
installed with the course.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULE = "03-reaching-out.ipynb"

pytestmark = [pytest.mark.slow, pytest.mark.browser]

PRESENT = """() => {
    const s = document.querySelector('.reveal .slides section.present:not(.stack)')
        || document.querySelector('.reveal .slides section.present');
    return s ? s.innerText : null;
}"""


def _slideshow(page, timeout: float = 60.0):
    """The frame in which the slideshow has rendered its first slide."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                if frame.evaluate(PRESENT):
                    return frame
            except Exception:  # a frame still loading or gone: look again
                continue
        page.wait_for_timeout(250)
    raise AssertionError("the slideshow did not render a slide")


def test_module_three_opens_as_slides_and_advances(lab, page, tmp_path: Path) -> None:
    """Render as slideshow shows the module's title slide; the next arrow moves to part 1."""
    cells = json.loads((ROOT / "notebooks" / MODULE).read_text(encoding="utf-8"))["cells"]
    titles = ["".join(c["source"]).splitlines()[0].lstrip("# ") for c in cells
              if c["metadata"].get("slideshow", {}).get("slide_type") == "slide"]  # fmt: skip
    page.goto(f"{lab.url}/lab/tree/{MODULE}?reset&token={lab.token}")
    page.wait_for_function("() => window.jupyterapp?.shell.currentWidget?.content")
    page.evaluate("() => window.jupyterapp.commands.execute('RISE:preview')")
    show = _slideshow(page)
    assert show.evaluate(PRESENT).startswith(titles[0])

    show.locator(".reveal .controls .navigate-right").click()
    show.wait_for_function(f"() => ({PRESENT})().startsWith({json.dumps(titles[1])})")
    page.screenshot(path=str(tmp_path / "module-3-slides.png"))


def test_a_quiz_is_live_in_the_slideshow(lab, page, run_in_lab) -> None:
    """A quiz run in the notebook is a working widget on its slide: pick, check, feedback."""
    cells = json.loads((ROOT / "notebooks" / MODULE).read_text(encoding="utf-8"))["cells"]
    first_quiz = next(i for i, c in enumerate(cells) if "quiz(" in "".join(c["source"]))
    run_in_lab(MODULE)
    page.evaluate(
        f"() => {{ window.jupyterapp.shell.currentWidget.content.activeCellIndex = {first_quiz}; }}"
    )
    page.evaluate("() => window.jupyterapp.commands.execute('RISE:preview')")
    slide = _slideshow(page).locator(".reveal .slides section.present:not(.stack)")
    slide.locator(".jupyter-widgets.widget-vbox").wait_for()
    assert "Quiz(" not in slide.inner_text()  # not the widget's text stand-in

    slide.get_by_label("Ask whether you could have 20 minutes another day").check()
    slide.get_by_role("button", name="Check my answer").click()
    slide.get_by_text("a proper conversation at a time that suits her").wait_for()
