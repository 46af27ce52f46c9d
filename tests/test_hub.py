"""A class on the real JupyterHub of deploy/jupyterhub/: Assignment 1 from release to feedback.

One hub on 127.0.0.1 (free ports, a temporary folder), an instructor and
three participants. The instructor releases Assignment 1 through nbgrader's
exchange with formgrader; ``ada`` and ``cyd`` fetch and submit through their
servers' assignment API; ``bob`` does it in the real JupyterLab in Chromium
(logging in with the workshop password, Fetch and Submit in the Assignments
panel). ``ada`` answers with the solution, ``cyd`` leaves it blank, ``bob``
answers the first half of the parts. The instructor collects, grades with
``coffeechat grade``, writes and returns feedback, and everyone fetches it.
Scores are read back from the nbgrader gradebook.

configurable-http-proxy must be in ``.node/`` (``bash run.sh test`` puts it
there); without it the test fails and says so.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

from assignment_tools import parts_of, points_of, submission
from coffeechat import checks
from coffeechat.course import hub as settings
from conftest import CHROMIUM_ARGS
from hub_tools import WORKSHOP_PASSWORD, HubError, LocalHub, proxy_or_fail

SPEC = checks.ASSIGNMENTS["ps01-who-can-introduce-you"]
ASSIGNMENT = SPEC.name
NOTEBOOK = f"{ASSIGNMENT}/{SPEC.notebook}.ipynb"
INSTRUCTOR = "teacher"
# Each participant answers like one of the round trip's students.
PARTICIPANTS = {"ada": "correct", "bob": "partial", "cyd": "blank"}
BROWSER_USER = "bob"
MODULE_1 = "notebooks/01-why-informational-interviews.ipynb"  # where everyone starts
STEP = 60_000  # milliseconds a browser step may take

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def answer(hub: LocalHub, user: str, scratch: Path) -> None:
    """Fill the fetched notebook in the user's server with their answers (contents API)."""
    model = hub.server(user, "GET", f"/api/contents/{NOTEBOOK}")
    fetched = scratch / f"{user}.ipynb"
    nbformat.write(nbformat.from_dict(model["content"]), fetched)
    answered = submission(SPEC, parts_of(SPEC, PARTICIPANTS[user]), fetched)
    hub.server(
        user,
        "PUT",
        f"/api/contents/{NOTEBOOK}",
        body={"type": "notebook", "format": "json", "content": answered},
    )


def exchange(hub: LocalHub, user: str, action: str) -> None:
    """A participant's Fetch / Submit / Fetch Feedback, through their server's assignment API."""
    result = hub.server(
        user,
        "POST",
        f"/assignments/{action}",
        form={"course_id": settings.COURSE_ID, "assignment_id": ASSIGNMENT},
    )
    assert result["success"], f"{user}: {action} failed: {result.get('value')}"


def formgrader(hub: LocalHub, action: str) -> None:
    """One of the instructor's formgrader buttons, through its API."""
    result = hub.server(INSTRUCTOR, "POST", f"/formgrader/api/assignment/{ASSIGNMENT}/{action}")
    assert result["success"], f"formgrader {action} failed: {result.get('log') or result}"


def coffeechat(hub: LocalHub, *args: str) -> str:
    """The instructor's console command, run in their course folder."""
    course = hub.home(INSTRUCTOR) / settings.COURSE_FOLDER
    env = {**hub.environment(), "HOME": str(hub.home(INSTRUCTOR))}
    done = subprocess.run(
        [sys.executable, "-m", "coffeechat.cli", *args, "--course", str(course)],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"coffeechat {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


class Browser:
    """Debian's Chromium with one page, logged in to the hub as a participant."""

    def __init__(self, hub: LocalHub, user: str, profile: Path) -> None:
        from playwright.sync_api import sync_playwright

        if not Path("/usr/bin/chromium").exists():
            pytest.fail("Chromium is not installed at /usr/bin/chromium: run `bash run.sh test`")
        self.hub, self.user = hub, user
        self._playwright = sync_playwright().start()
        self.context = self._playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path="/usr/bin/chromium",
            headless=True,
            args=CHROMIUM_ARGS,
            env={**os.environ, "HOME": str(profile)},
            viewport={"width": 1400, "height": 1000},
        )
        self.context.set_default_timeout(STEP)
        self.page = self.context.pages[0] if self.context.pages else self.context.new_page()

    def close(self) -> None:
        self.context.close()
        self._playwright.stop()

    def log_in(self) -> None:
        page = self.page
        page.goto(f"{self.hub.url}/hub/login")
        page.fill("#username_input", self.user)
        page.fill("#password_input", WORKSHOP_PASSWORD)
        page.click("#login_submit")
        page.wait_for_url(f"**/user/{self.user}/lab**")
        page.wait_for_function(
            "() => window.jupyterapp?.commands.hasCommand('nbgrader:open-assignment-list')"
        )
        # The hub opens everyone on Module 1 (c.Spawner.default_url); wait until
        # it is open, so that it does not take the front after the panel below.
        page.wait_for_function(
            f"() => window.jupyterapp.shell.currentWidget?.context?.path === '{MODULE_1}'"
        )

    def assignments_panel(self) -> None:
        self.page.evaluate(
            "() => window.jupyterapp.commands.execute('nbgrader:open-assignment-list')"
        )
        self.page.locator("#released_assignments_list").wait_for()

    def press(self, listing: str, button: str, then: str) -> None:
        """Refresh the panel, press a button on the assignment's row, wait for the next list."""
        page = self.page
        self.assignments_panel()  # in front, whatever else has opened
        page.locator("#refresh_assignments_list").click()
        row = page.locator(f"#{listing}_assignments_list > .list_item", has_text=ASSIGNMENT)
        row.locator(f'.item_status button:text("{button}")').first.click()
        page.locator(f"#{then}_assignments_list > .list_item", has_text=ASSIGNMENT).first.wait_for()


def test_a_class_goes_from_release_to_feedback_on_the_hub(tmp_path: Path) -> None:
    """Release, fetch, answer, submit, collect, grade, return and fetch feedback on JupyterHub."""
    proxy_or_fail()
    people = [INSTRUCTOR, *PARTICIPANTS]
    hub = LocalHub(tmp_path / "hub", instructors=(INSTRUCTOR,))
    browser = None
    scratch = Path(tempfile.mkdtemp(dir=tmp_path))
    began = time.monotonic()
    steps: list[str] = []

    def step(name: str) -> None:  # where the time goes, shown with `pytest -s`
        steps.append(f"{time.monotonic() - began:6.1f} s  {name}")

    try:
        hub.start()
        step("hub up")
        hub.add_users(people)
        hub.start_servers(people)
        step("four servers up")

        # The instructor's server has formgrader, with the course folder inside
        # the notebook root; a participant's has none.
        assert hub.server(INSTRUCTOR, "GET", "/formgrader/api/status") == {"status": True}
        with pytest.raises(HubError, match="HTTP 404"):
            hub.server("ada", "GET", "/formgrader/api/status")

        coffeechat(hub, "release", ASSIGNMENT)
        formgrader(hub, "release")
        assert (hub.exchange / settings.COURSE_ID / "outbound" / ASSIGNMENT).is_dir()
        step("released to the exchange")

        browser = Browser(hub, BROWSER_USER, tmp_path / "chromium")
        browser.log_in()
        browser.assignments_panel()
        step("bob's JupyterLab open in Chromium")
        browser.press("released", "Fetch", then="fetched")
        for user in PARTICIPANTS:
            if user != BROWSER_USER:
                exchange(hub, user, "fetch")
            answer(hub, user, scratch)
        browser.press("fetched", "Submit", then="submitted")
        for user in PARTICIPANTS:
            if user != BROWSER_USER:
                exchange(hub, user, "submit")
        step("fetched, answered and submitted")

        # Submissions carry the hub's user names although everyone shares one Unix account.
        inbound = sorted(
            p.name.split("+")[0] for p in (hub.exchange / settings.COURSE_ID / "inbound").iterdir()
        )
        assert inbound == sorted(PARTICIPANTS)

        formgrader(hub, "collect")
        course = hub.home(INSTRUCTOR) / settings.COURSE_FOLDER
        assert sorted(p.name for p in (course / "submitted").iterdir()) == sorted(PARTICIPANTS)
        step("collected")
        coffeechat(hub, "grade", ASSIGNMENT, "--jobs", "2")
        step("graded")
        coffeechat(hub, "feedback", ASSIGNMENT)
        formgrader(hub, "release_feedback")
        step("feedback released")

        browser.press("submitted", "Fetch Feedback", then="submitted")
        for user in PARTICIPANTS:
            if user != BROWSER_USER:
                exchange(hub, user, "fetch_feedback")
        for user in PARTICIPANTS:
            pages = list((hub.home(user) / ASSIGNMENT / "feedback").glob("*/*.html"))
            assert len(pages) == 1, f"{user} has feedback pages {pages}"
            assert "BEGIN HIDDEN TESTS" not in pages[0].read_text(encoding="utf-8")
        step("feedback fetched")

        from nbgrader.api import Gradebook

        scores = {}
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
            for user in PARTICIPANTS:
                scores[user] = gradebook.find_submission(ASSIGNMENT, user).score
        full = points_of(SPEC, parts_of(SPEC, "correct"))
        assert full == 18
        assert scores["ada"] == pytest.approx(full)
        assert scores["cyd"] == 0
        assert 0 < scores["bob"] < full
        assert scores["bob"] == pytest.approx(points_of(SPEC, parts_of(SPEC, "partial")))
    except (HubError, AssertionError):
        print(hub.tail(60))
        raise
    finally:
        if browser is not None:
            browser.close()
        hub.stop()
        step("hub stopped")
        print("\n".join(steps))
