"""A class on the real JupyterHub of deploy/jupyterhub/, in both ways it keeps people apart.

One hub on 127.0.0.1 (free ports, a temporary folder) for each way: as root,
every user an account of their own (``accounts``); as an ordinary user,
every server in its own sandbox (``sandbox``). An instructor and three
participants take Assignment 1 from release to feedback: the instructor
releases it (``coffeechat release`` in a kernel of their own server, then
formgrader); ``ada`` and ``cyd`` fetch and submit through their servers'
assignment API; ``bob`` does it in the real JupyterLab in Chromium on the
root hub (logging in with the workshop password, Fetch and Submit in the
Assignments panel). ``ada`` answers with the solution, ``cyd`` leaves it
blank, ``bob`` answers the first half of the parts. The instructor collects,
grades with ``coffeechat grade`` (its own sandbox inside the instructor's),
writes and returns feedback, and everyone fetches it. Scores are read back
from the nbgrader gradebook.

Then ``ada`` turns hostile: from one kernel of her server she tries to
reach what is not hers (the course, the gradebook, bob's work, the hub's
secrets, root, other homes, bob's processes, others' submissions and
feedback, bob's file in the room); every attempt must be refused by the
system, and the test checks how (the error number), not just that something
failed. The room still records her own checks. The root hub, restarted,
finds the accounts it made and makes none again; a user name that cannot be
a safe Unix name gets a sentence saying so at log-in.

configurable-http-proxy must be in ``.node/`` (``bash run.sh test`` puts it
there); without it the test fails and says so. The ``accounts`` hub needs
the test to run as root (as CI does); its accounts are removed at the end.
"""

from __future__ import annotations

import json
import os
import pwd
import tempfile
import time
from pathlib import Path

import nbformat
import psutil
import pytest

from assignment_tools import parts_of, points_of, submission
from coffeechat import checks
from coffeechat.course import hub as settings
from coffeechat.room import member_file
from conftest import CHROMIUM_ARGS
from hub_tools import (
    WORKSHOP_PASSWORD,
    HubError,
    Kernel,
    LocalHub,
    proxy_or_fail,
    remove_accounts,
)

SPEC = checks.ASSIGNMENTS["ps01-who-can-introduce-you"]
ASSIGNMENT = SPEC.name
NOTEBOOK = f"{ASSIGNMENT}/{SPEC.notebook}.ipynb"
# Names of the tests' own, so that the accounts a root hub makes are theirs to remove.
INSTRUCTOR = "cc-teacher"
# Each participant answers like one of the round trip's students.
PARTICIPANTS = {"cc-ada": "correct", "cc-bob": "partial", "cc-cyd": "blank"}
HOSTILE, VICTIM = "cc-ada", "cc-bob"
BROWSER_USER = "cc-bob"
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


def coffeechat(console: Kernel, *args: str) -> str:
    """The instructor's console command, run in their course folder from their own kernel."""
    code = f"""
import subprocess, sys
done = subprocess.run(
    [sys.executable, "-m", "coffeechat.cli", *{list(args)!r}, "--course", "."],
    cwd={settings.COURSE_FOLDER!r}, capture_output=True, text=True, timeout=300,
)
print(done.returncode)
print(done.stdout[-3000:], done.stderr[-3000:])
"""
    printed = console.execute(code, timeout=320)
    code_line, _, output = printed.partition("\n")
    assert code_line == "0", f"coffeechat {' '.join(args)}:\n{output}"
    return output


# What the hostile participant tries, from a kernel of her own server. Each
# attempt prints the error number the system answered with, or what it got.
ATTEMPTS = r"""
import errno, glob, json, os, signal
paths = json.loads(PATHS)
found = {}

def attempt(name, action):
    try:
        found[name] = "got " + repr(action())[:200]
    except OSError as error:
        found[name] = errno.errorcode.get(error.errno, str(error.errno))

def read(path):
    with open(path, "rb") as f:
        return f.read(64)

def write(path):
    with open(path, "ab") as f:
        return f.write(b"{}")

attempt("read hidden tests in source/", lambda: read(paths["source"]))
attempt("write gradebook.db", lambda: write(paths["gradebook"]))
attempt("read another's notebook", lambda: read(paths["their notebook"]))
attempt("write another's notebook", lambda: write(paths["their notebook"]))
attempt("read the hub's database", lambda: read(paths["hub db"]))
attempt("read the cookie secret", lambda: read(paths["cookie secret"]))
attempt("read the passwords file", lambda: read(paths["passwords"]))
attempt("become root", lambda: os.setuid(0))
attempt("list the homes", lambda: sorted(os.listdir(paths["homes"])))
attempt("kill another's server", lambda: os.kill(paths["their pid"], signal.SIGKILL))
attempt("change the released assignment", lambda: write(paths["released"]))
attempt("list inbound submissions", lambda: sorted(os.listdir(paths["inbound"])))
attempt(
    "find another's submission",
    lambda: glob.glob(paths["inbound"] + "/" + paths["victim"] + "+*")
    + glob.glob(paths["inbound"] + "/*/" + paths["victim"] + "+*"),
)
attempt("list the feedback", lambda: sorted(os.listdir(paths["feedback"])))
attempt("write another's room file", lambda: write(paths["their room file"]))
attempt("add a room file", lambda: write(paths["room"] + "/someone-else.jsonl"))
found["running as"] = [os.getuid(), os.geteuid()]
print(json.dumps(found))
"""
DENIED = {"ENOENT", "EACCES", "EPERM", "EROFS"}


def hostile_paths(hub: LocalHub) -> dict[str, object]:
    """What the hostile participant aims at; each is checked to exist on the machine."""
    course = hub.home(INSTRUCTOR) / settings.COURSE_FOLDER
    inbound = hub.exchange / settings.COURSE_ID / "inbound"
    theirs = sorted(inbound.glob(f"{VICTIM}+*")) + sorted(inbound.glob(f"*/{VICTIM}+*"))
    paths = {
        "source": course / "source" / ASSIGNMENT / f"{SPEC.notebook}.ipynb",
        "gradebook": course / "gradebook.db",
        "their notebook": hub.home(VICTIM) / NOTEBOOK,
        "hub db": hub.state / "jupyterhub.sqlite",
        "cookie secret": hub.state / "jupyterhub_cookie_secret",
        "passwords": hub.state / "passwords",
        "homes": hub.state / "home",
        "inbound": inbound,
        "released": hub.exchange / settings.COURSE_ID / "outbound" / NOTEBOOK,
        "their submission": theirs[0] if theirs else inbound / f"{VICTIM}+?",
        "feedback": hub.exchange / settings.COURSE_ID / "feedback",
        "their room file": member_file(VICTIM, hub.room),
        "room": hub.room,
    }
    for name, path in paths.items():
        assert path.exists(), f"{name}: {path} is not there to be attacked"
    return {
        **{k: str(v) for k, v in paths.items()},
        "their pid": hub.server_pid(VICTIM),
        "victim": VICTIM,
    }


def attack(hub: LocalHub, kernel: Kernel) -> dict[str, object]:
    """Every attempt, from one kernel of the hostile participant's server."""
    paths = hostile_paths(hub)
    code = f"PATHS = {json.dumps(json.dumps(paths))}\n{ATTEMPTS}"
    return json.loads(kernel.execute(code).strip().splitlines()[-1])


def assert_all_denied(found: dict[str, object], isolation: str) -> None:
    """Each attempt was refused by the system; the homes and inbound show only her own."""
    running_as = found.pop("running as")
    assert 0 not in running_as, f"the participant's kernel runs as root: {running_as}"
    homes = found.pop("list the homes")
    assert homes == f"got {[HOSTILE]!r}", f"she sees these homes: {homes}"
    inbound = found.pop("list inbound submissions")
    if isolation == "accounts":  # nbgrader's model: inbound is -wx for students
        assert inbound == "EACCES", inbound
    else:  # one Unix account: her own inbound folder is all she sees
        assert inbound.startswith("got [") and VICTIM not in inbound, inbound
        assert HOSTILE in inbound, f"her own submission is not in her inbound: {inbound}"
    assert found.pop("find another's submission") == "got []"
    assert found.pop("list the feedback") == "EACCES"  # pages are read by name only
    assert found.pop("kill another's server") in {"ESRCH", "EPERM"}
    # Not permitted; in a sandbox of one account, root does not even exist (EINVAL).
    assert found.pop("become root") == ("EPERM" if isolation == "accounts" else "EINVAL")
    assert found.pop("add a room file") in {"EROFS", "EACCES"}
    allowed = {name: result for name, result in found.items() if result not in DENIED}
    assert not allowed, f"{HOSTILE} reached what is not hers: {allowed}"


def log_in(hub: LocalHub, name: str, password: str) -> tuple[int, str]:
    """The hub's log-in form, filled in as a browser would (with its XSRF token)."""
    import http.cookiejar
    import re
    import urllib.error
    import urllib.parse
    import urllib.request

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{hub.url}/hub/login", timeout=60).read().decode()
    token = re.search(r'name="_xsrf" value="([^"]+)"', page)
    assert token, "no XSRF token in the log-in form"
    form = {"username": name, "password": password, "_xsrf": token[1]}
    request = urllib.request.Request(
        f"{hub.url}/hub/login", data=urllib.parse.urlencode(form).encode(), method="POST"
    )
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


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


@pytest.fixture(params=["accounts", "sandbox"])
def hub(request, tmp_path: Path):
    """A hub of the deployment, as root (accounts) or as an ordinary user (sandbox)."""
    proxy_or_fail()
    isolation = request.param
    if isolation == "accounts" and os.geteuid() != 0:
        pytest.fail("the hub of separate accounts starts as root: run this test as root (CI does)")
    # A folder an ordinary user can reach (pytest's own are root's alone).
    base = Path(tempfile.mkdtemp(prefix="coffeechat-hub-", dir="/tmp"))
    base.chmod(0o755)
    hub = LocalHub(base / "hub", instructors=(INSTRUCTOR,), isolation=isolation)
    yield hub
    hub.stop()
    if isolation == "accounts":
        remove_accounts([INSTRUCTOR, *PARTICIPANTS])
    import shutil

    shutil.rmtree(base, ignore_errors=True)


def submitted_names(hub: LocalHub) -> list[str]:
    inbound = hub.exchange / settings.COURSE_ID / "inbound"
    found = [*inbound.glob("*+*"), *inbound.glob("*/*+*")]
    return sorted(p.name.split("+")[0] for p in found)


def check_who_owns_what(hub: LocalHub, people: list[str]) -> dict[str, int]:
    """Homes are their users' alone (an account each on a root hub), the course the
    instructor's, the hub's state the hub's; returns each person's uid (root hub)."""
    uids = {}
    if hub.isolation == "accounts":
        uids = {name: pwd.getpwnam(name).pw_uid for name in people}
        assert len(set(uids.values())) == len(people) and 0 not in uids.values()
        for name in people:
            home = hub.home(name).stat()
            assert (home.st_uid, home.st_mode & 0o777) == (uids[name], 0o700)
    course = hub.home(INSTRUCTOR) / settings.COURSE_FOLDER
    assert course.stat().st_mode & 0o777 == 0o700
    for secret in ("jupyterhub.sqlite", "jupyterhub_cookie_secret", "passwords"):
        assert (hub.state / secret).exists()
    assert hub.state.stat().st_mode & 0o777 == 0o700
    return uids


def everyone(hub: LocalHub, browser: Browser | None, action: str, then: str) -> None:
    """A participants' step: bob's in Chromium when there is a browser, the others' by API."""
    if browser is not None:
        button = {"fetch": "Fetch", "submit": "Submit", "fetch_feedback": "Fetch Feedback"}
        listing = {"fetch": "released", "submit": "fetched", "fetch_feedback": "submitted"}
        browser.press(listing[action], button[action], then=then)
    for user in PARTICIPANTS:
        if browser is None or user != BROWSER_USER:
            exchange(hub, user, action)


def check_scores(course: Path) -> None:
    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for user in PARTICIPANTS:
            scores[user] = gradebook.find_submission(ASSIGNMENT, user).score
    full = points_of(SPEC, parts_of(SPEC, "correct"))
    assert full == 18
    assert scores["cc-ada"] == pytest.approx(full)
    assert scores["cc-cyd"] == 0
    assert 0 < scores["cc-bob"] < full
    assert scores["cc-bob"] == pytest.approx(points_of(SPEC, parts_of(SPEC, "partial")))


def turn_hostile(hub: LocalHub) -> None:
    """ada tries everything from one kernel, then joins the room as anyone would."""
    victim_pid = hub.server_pid(VICTIM)
    with Kernel(hub, HOSTILE) as kernel:
        found = attack(hub, kernel)
        kernel.execute(
            "from coffeechat import room\n"
            "room.join()\n"
            f"room.record_check({ASSIGNMENT!r}, 'check_degrees', passed=True)\n"
        )
    assert_all_denied(found, hub.isolation)
    assert psutil.pid_exists(victim_pid)
    assert hub.server(VICTIM, "GET", "/api/status")  # bob's server still answers
    recorded = member_file(HOSTILE, hub.room).read_text(encoding="utf-8")
    assert '"check_degrees"' in recorded and f'"{HOSTILE}"' in recorded


def terminal_runs(hub: LocalHub, user: str) -> None:
    """A terminal in the user's server works, inside the sandbox, as the user."""
    import websocket

    name = hub.server(user, "POST", "/api/terminals")["name"]
    url = hub.url.replace("http://", "ws://") + f"/user/{user}/terminals/websocket/{name}"
    ws = websocket.create_connection(url, header=[f"Authorization: token {hub.token}"], timeout=60)
    mark = hub.home(user) / "from-the-terminal.txt"
    try:
        ws.send(json.dumps(["stdin", f"id -u > {mark.name}; ls / >> {mark.name}\r"]))
        deadline = time.monotonic() + 60
        while not (mark.exists() and mark.read_text().count("\n") > 1):
            assert time.monotonic() < deadline, f"{user}'s terminal did not run the command"
            time.sleep(0.2)
    finally:
        ws.close()
        hub.server(user, "DELETE", f"/api/terminals/{name}")
    uid, *top = mark.read_text().split()
    assert uid != "0" and "home" not in top  # not root, and the machine's /home is not there
    if hub.isolation == "accounts":
        assert int(uid) == pwd.getpwnam(user).pw_uid


def check_log_in_names(hub: LocalHub) -> None:
    """A name that cannot be a safe Unix user name is refused at log-in, saying why."""
    status, page = log_in(hub, "Ada Lovelace", WORKSHOP_PASSWORD)
    assert status == 403 and "cannot be a user name here" in page, page[-2000:]
    if hub.isolation == "accounts":
        status, page = log_in(hub, "root", WORKSHOP_PASSWORD)
        assert status == 403 and "is taken by an account of this machine" in page


def restart_finds_the_same_accounts(hub: LocalHub, uids: dict[str, int]) -> None:
    """Restarted, the root hub finds the accounts it made and makes none again."""
    hub.stop()
    again = LocalHub(hub.base, instructors=(INSTRUCTOR,), isolation="accounts")
    again.start()
    try:
        again.start_servers([HOSTILE])
        assert {n: pwd.getpwnam(n).pw_uid for n in uids} == uids
        made = [e.pw_name for e in pwd.getpwall() if e.pw_name in uids]
        assert sorted(made) == sorted(uids)
        assert (again.home(HOSTILE) / NOTEBOOK).exists()  # her work is still hers
    finally:
        again.stop()


def test_a_class_on_the_hub_keeps_participants_apart(hub: LocalHub, tmp_path: Path) -> None:
    """Release to feedback works, a hostile participant reaches nothing, the room records."""
    people = [INSTRUCTOR, *PARTICIPANTS]
    browser = None
    scratch = Path(tempfile.mkdtemp(dir=tmp_path))
    began = time.monotonic()
    steps: list[str] = []

    def step(name: str) -> None:  # where the time goes, shown with `pytest -s`
        steps.append(f"{time.monotonic() - began:6.1f} s  {name}")

    try:
        hub.start()
        step(f"hub up ({hub.isolation})")
        hub.add_users(people)
        hub.start_servers(people)
        step("four servers up")
        uids = check_who_owns_what(hub, people)

        # The instructor's server has formgrader, with the course folder inside
        # the notebook root; a participant's has none.
        assert hub.server(INSTRUCTOR, "GET", "/formgrader/api/status") == {"status": True}
        with pytest.raises(HubError, match="HTTP 404"):
            hub.server(HOSTILE, "GET", "/formgrader/api/status")

        console = Kernel(hub, INSTRUCTOR, timeout=320)
        coffeechat(console, "release", ASSIGNMENT)
        formgrader(hub, "release")
        assert (hub.exchange / settings.COURSE_ID / "outbound" / ASSIGNMENT).is_dir()
        step("released to the exchange")

        if hub.isolation == "accounts":  # the browser once: on the usual hub
            browser = Browser(hub, BROWSER_USER, tmp_path / "chromium")
            browser.log_in()
            browser.assignments_panel()
            step("bob's JupyterLab open in Chromium")
        everyone(hub, browser, "fetch", then="fetched")
        for user in PARTICIPANTS:
            answer(hub, user, scratch)
        everyone(hub, browser, "submit", then="submitted")
        step("fetched, answered and submitted")
        assert submitted_names(hub) == sorted(PARTICIPANTS)

        formgrader(hub, "collect")
        course = hub.home(INSTRUCTOR) / settings.COURSE_FOLDER
        assert sorted(p.name for p in (course / "submitted").iterdir()) == sorted(PARTICIPANTS)
        step("collected")
        coffeechat(console, "grade", ASSIGNMENT, "--jobs", "2")
        step("graded")
        coffeechat(console, "feedback", ASSIGNMENT)
        formgrader(hub, "release_feedback")
        console.close()
        step("feedback released")

        everyone(hub, browser, "fetch_feedback", then="submitted")
        for user in PARTICIPANTS:
            pages = list((hub.home(user) / ASSIGNMENT / "feedback").glob("*/*.html"))
            assert len(pages) == 1, f"{user} has feedback pages {pages}"
            assert "BEGIN HIDDEN TESTS" not in pages[0].read_text(encoding="utf-8")
        step("feedback fetched")
        check_scores(course)

        turn_hostile(hub)
        terminal_runs(hub, HOSTILE)
        step("hostile attempts refused, the room recorded, a terminal ran")
        check_log_in_names(hub)
        if hub.isolation == "accounts":
            restart_finds_the_same_accounts(hub, uids)
            step("restarted: the same accounts")
    except (HubError, AssertionError):
        print(hub.tail(60))
        raise
    finally:
        if browser is not None:
            browser.close()
        hub.stop()
        step("hub stopped")
        print("\n".join(steps))
