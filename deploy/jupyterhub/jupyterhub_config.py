# JupyterHub for a Coffee Chat workshop or class on one Linux machine.
#
# Start it with `bash run.sh hub` (which installs what it needs and sets the
# passwords), or by hand from the project folder, virtual environment active:
#
#     COFFEECHAT_WORKSHOP_PASSWORD=... COFFEECHAT_INSTRUCTOR_PASSWORD=... \
#         jupyterhub -f deploy/jupyterhub/jupyterhub_config.py
#
# What it sets up:
# - Log-in: JupyterHub's SharedPasswordAuthenticator. Participants choose a
#   user name and type the workshop password; instructors (listed in
#   COFFEECHAT_INSTRUCTORS) log in with the instructor password. A name that
#   cannot be a safe Unix user name is refused at log-in, saying why.
# - Servers, kept apart (deploy/jupyterhub/isolation.py, deploy/README.md):
#   * hub as root: each user's JupyterLab runs as a Unix account of their
#     own (made on first log-in, uids 40000-49999 or COFFEECHAT_HUB_UIDS),
#     inside a bubblewrap sandbox that shows it its own home (0700), the
#     Python and the kit's code read-only, the nbgrader exchange and its own
#     file of the room: no other home, no hub state, no process of others;
#   * hub as an ordinary user: the same sandbox, under the hub's account;
#   * no bubblewrap and not root: refused, unless the facilitator starts an
#     ungraded workshop without isolation (--ungraded-without-isolation).
#   Each user works in STATE/home/<name>, holding a copy of the modules.
# - nbgrader: every server reads deploy/jupyterhub/jupyter/nbgrader_config.py
#   (the exchange settings of coffeechat.course.hub). Instructors have the
#   `instructor` role and formgrader, with the course folder (theirs alone)
#   in STATE/home/<instructor>/course; participants have no formgrader.
#
# Settings, from the environment:
#   COFFEECHAT_HUB_STATE            the hub's folder (database, homes);
#                                   default ~/coffeechat-hub
#   COFFEECHAT_HUB_IP / _PORT       where participants connect; default 0.0.0.0:8000
#   COFFEECHAT_INSTRUCTORS          comma-separated user names; default "instructor"
#   COFFEECHAT_WORKSHOP_PASSWORD    participants' password (8 characters or more)
#   COFFEECHAT_INSTRUCTOR_PASSWORD  instructors' password (32 characters or more)
#   COFFEECHAT_EXCHANGE_ROOT        the nbgrader exchange; default /srv/nbgrader/exchange
#   COFFEECHAT_HUB_UIDS             uids for participants' accounts (root); default 40000-49999
#   COFFEECHAT_HUB_WITHOUT_ISOLATION=yes  an ungraded workshop, nobody kept apart
# The workshop's room view reads STATE/room (COFFEECHAT_ROOM in every server).
import importlib.util
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub provides get_config)


def _load(name, path):
    # A module read as a file, so that the hub's process does not load the kit
    # (pandas, nbgrader) through coffeechat.course's __init__.
    spec = importlib.util.spec_from_file_location(name, path)
    module = sys.modules[name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HERE = Path(__file__).resolve().parent
KIT = HERE.parents[1]
# The class's settings (coffeechat.course.hub), how servers are kept apart
# (isolation.py, beside this file) and the sandbox test of grading.
hub = _load("coffeechat_hub_settings", KIT / "src" / "coffeechat" / "course" / "hub.py")
isolation = _load("coffeechat_hub_isolation", HERE / "isolation.py")
sandbox = _load("coffeechat_hub_sandbox", KIT / "src" / "coffeechat" / "course" / "sandbox.py")

STATE = Path(os.environ.get("COFFEECHAT_HUB_STATE") or Path.home() / "coffeechat-hub").resolve()
INSTRUCTORS = sorted(
    {n.strip().lower() for n in os.environ.get("COFFEECHAT_INSTRUCTORS", "instructor").split(",")}
    - {""}
)
EXCHANGE = hub.exchange_root()
UIDS = isolation.parse_uids(os.environ.get("COFFEECHAT_HUB_UIDS"))
ISOLATION = isolation.choose_isolation(
    os.geteuid(),
    sandbox.bwrap_path(),
    os.environ.get(isolation.WITHOUT_ISOLATION, "").lower() in ("1", "yes", "true"),
)
print(f"Coffee Chat hub: {isolation.DESCRIPTIONS[ISOLATION]}.", file=sys.stderr)
STATE.mkdir(parents=True, exist_ok=True)
STATE.chmod(0o700)  # database, cookie secret, passwords, homes: the hub's alone
ROOM = STATE / "room"
ROOM.mkdir(exist_ok=True)
if ISOLATION == hub.SHARED:
    ROOM.chmod(0o1777)  # everyone appends to a file of their own; nobody deletes another's
    hub.prepare_exchange(EXCHANGE)
elif ISOLATION == hub.ACCOUNTS:
    ROOM.chmod(0o755)  # the facilitator reads all; each participant sees their own file only
    hub.prepare_exchange(EXCHANGE, 0o1777)
    Path(EXCHANGE).chmod(0o1777)  # nbgrader's shared exchange between accounts
    # The course's own folder there, before any participant could make it.
    isolation.claim_course_exchange(
        isolation.Layout(KIT, STATE, Path(EXCHANGE), ROOM, hub.COURSE_ID), None
    )
else:
    ROOM.chmod(0o700)
    hub.prepare_exchange(EXCHANGE, 0o700)

# ----------------------------------------------------------------- the hub
c.JupyterHub.ip = os.environ.get("COFFEECHAT_HUB_IP", "0.0.0.0")
c.JupyterHub.port = int(os.environ.get("COFFEECHAT_HUB_PORT", "8000"))
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
proxy = KIT / ".node" / "node_modules" / ".bin" / "configurable-http-proxy"
if proxy.exists():  # installed by `bash run.sh hub` (npm, inside the project folder)
    c.ConfigurableHTTPProxy.command = [str(proxy)]

# -------------------------------------------------------------- logging in
c.JupyterHub.authenticator_class = isolation.CoffeeChatAuthenticator
c.SharedPasswordAuthenticator.user_password = os.environ.get("COFFEECHAT_WORKSHOP_PASSWORD")
c.SharedPasswordAuthenticator.admin_password = os.environ.get("COFFEECHAT_INSTRUCTOR_PASSWORD")
c.CoffeeChatAuthenticator.isolation = ISOLATION
c.CoffeeChatAuthenticator.uid_first = UIDS.start
c.CoffeeChatAuthenticator.uid_last = UIDS.stop - 1
c.Authenticator.admin_users = set(INSTRUCTORS)  # so only the instructor password opens them
c.Authenticator.allow_all = True  # participants choose their own user name

# Instructors run the class: they see everyone's server on the hub's admin
# page, start and stop them, and open a participant's JupyterLab to help.
c.JupyterHub.load_groups = {hub.INSTRUCTOR_ROLE: {"users": INSTRUCTORS}}
c.JupyterHub.load_roles = [
    {
        "name": hub.INSTRUCTOR_ROLE,
        "description": "Runs the class: sees, starts, stops and opens participants' servers",
        "scopes": [
            "admin-ui",
            "list:users",
            "read:users",
            "admin:servers",
            "access:servers",
            "read:groups",
        ],
        "groups": [hub.INSTRUCTOR_ROLE],
    }
]

# ---------------------------------------------------------- users' servers
c.JupyterHub.spawner_class = isolation.CoffeeChatSpawner
c.CoffeeChatSpawner.isolation = ISOLATION
c.CoffeeChatSpawner.kit = str(KIT)
c.CoffeeChatSpawner.state = str(STATE)
c.CoffeeChatSpawner.exchange = str(EXCHANGE)
c.CoffeeChatSpawner.room = str(ROOM)
c.CoffeeChatSpawner.instructors = INSTRUCTORS
c.CoffeeChatSpawner.uid_first = UIDS.start
c.CoffeeChatSpawner.uid_last = UIDS.stop - 1
c.CoffeeChatSpawner.home_dir_template = str(STATE / "home" / "{username}")
c.CoffeeChatSpawner.server_cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
# Everyone opens on Module 1, in the course's JupyterLab settings (no news
# prompt, no update check: coffeechat/lab_settings/overrides.json).
c.Spawner.default_url = "/lab/tree/notebooks/01-why-informational-interviews.ipynb"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.args = [
    "--LabApp.extension_manager=readonly",  # never asks PyPI about extensions
    f"--LabApp.app_settings_dir={KIT / 'src' / 'coffeechat' / 'lab_settings'}",
]


def _role(spawner):
    return hub.INSTRUCTOR if spawner.user.name in INSTRUCTORS else hub.PARTICIPANT


def _config_path(spawner):
    # The class's nbgrader settings for everyone; participants also get the
    # settings that switch formgrader and the assignment-making tools off.
    # Without isolation nobody gets nbgrader: the workshop is ungraded.
    if ISOLATION == hub.SHARED:
        return str(HERE / "ungraded")
    folders = [HERE / "jupyter"]
    if _role(spawner) == hub.PARTICIPANT:
        folders.insert(0, HERE / "participant")
    return os.pathsep.join(str(f) for f in folders)


c.Spawner.environment = {
    hub.ROLE_VARIABLE: _role,
    hub.EXCHANGE_VARIABLE: EXCHANGE,
    hub.ISOLATION_VARIABLE: ISOLATION,
    "JUPYTER_CONFIG_PATH": _config_path,
    # The workshop's room: a participant who runs `coffeechat.room.join()`
    # records check names, pass/fail and times there; the facilitator reads
    # it with `coffeechat room` or coffeechat.ui.room_view().
    "COFFEECHAT_ROOM": str(ROOM),
}
