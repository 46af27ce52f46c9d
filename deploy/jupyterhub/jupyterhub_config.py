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
#   COFFEECHAT_INSTRUCTORS) log in with the instructor password.
# - Servers: JupyterHub's SimpleLocalProcessSpawner. Every participant's
#   JupyterLab runs as the Unix user that runs the hub, in a folder of their
#   own (STATE/home/<name>) holding a copy of the course's modules.
#   Trade-off: one Unix account for everybody means that a participant who
#   knows how could read or change the others' files. That is acceptable for
#   an afternoon workshop among colleagues; for a graded class, create a
#   system user per learner and use LocalProcessSpawner (see deploy/README.md),
#   or Kubernetes (deploy/kubernetes/).
# - nbgrader: every server reads deploy/jupyterhub/jupyter/nbgrader_config.py
#   (the exchange settings of coffeechat.course.hub). Instructors have the
#   `instructor` role and formgrader, with the course folder in
#   STATE/home/<instructor>/course; participants have no formgrader.
#
# Settings, from the environment:
#   COFFEECHAT_HUB_STATE            the hub's folder (database, homes);
#                                   default ~/coffeechat-hub
#   COFFEECHAT_HUB_IP / _PORT       where participants connect; default 0.0.0.0:8000
#   COFFEECHAT_INSTRUCTORS          comma-separated user names; default "instructor"
#   COFFEECHAT_WORKSHOP_PASSWORD    participants' password (8 characters or more)
#   COFFEECHAT_INSTRUCTOR_PASSWORD  instructors' password (32 characters or more)
#   COFFEECHAT_EXCHANGE_ROOT        the nbgrader exchange; default /srv/nbgrader/exchange
# The workshop's room view reads STATE/room (COFFEECHAT_ROOM in every server).
import asyncio
import importlib.util
import os
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub provides get_config)

HERE = Path(__file__).resolve().parent
KIT = HERE.parents[1]
# The class's settings, from coffeechat.course.hub, read as a file so that the
# hub's process does not load the kit (pandas, nbgrader) it never uses.
_spec = importlib.util.spec_from_file_location(
    "coffeechat_hub_settings", KIT / "src" / "coffeechat" / "course" / "hub.py"
)
hub = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hub)
STATE = Path(os.environ.get("COFFEECHAT_HUB_STATE") or Path.home() / "coffeechat-hub").resolve()
INSTRUCTORS = sorted(
    {n.strip().lower() for n in os.environ.get("COFFEECHAT_INSTRUCTORS", "instructor").split(",")}
    - {""}
)
EXCHANGE = hub.exchange_root()
STATE.mkdir(parents=True, exist_ok=True)
ROOM = STATE / "room"
ROOM.mkdir(exist_ok=True)
ROOM.chmod(0o1777)  # everyone appends to a file of their own; nobody deletes another's
hub.prepare_exchange(EXCHANGE)

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
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ.get("COFFEECHAT_WORKSHOP_PASSWORD")
c.SharedPasswordAuthenticator.admin_password = os.environ.get("COFFEECHAT_INSTRUCTOR_PASSWORD")
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
c.JupyterHub.spawner_class = "simple"  # jupyterhub.spawner.SimpleLocalProcessSpawner
c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "home" / "{username}")
c.Spawner.cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
# Everyone opens on Module 1, in the course's JupyterLab settings (no news
# prompt, no update check: coffeechat/lab_settings/overrides.json).
c.Spawner.default_url = "/lab/tree/notebooks/01-why-informational-interviews.ipynb"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.args = [
    "--LabApp.extension_manager=readonly",  # never asks PyPI about extensions
    f"--LabApp.app_settings_dir={KIT / 'src' / 'coffeechat' / 'lab_settings'}",
]
if os.getuid() == 0:  # e.g. in a container: every server then runs as root
    c.Spawner.args.append("--ServerApp.allow_root=True")


def _role(spawner):
    return hub.INSTRUCTOR if spawner.user.name in INSTRUCTORS else hub.PARTICIPANT


def _config_path(spawner):
    # The class's nbgrader settings for everyone; participants also get the
    # settings that switch formgrader and the assignment-making tools off.
    folders = [HERE / "jupyter"]
    if _role(spawner) == hub.PARTICIPANT:
        folders.insert(0, HERE / "participant")
    return os.pathsep.join(str(f) for f in folders)


c.Spawner.environment = {
    hub.ROLE_VARIABLE: _role,
    hub.EXCHANGE_VARIABLE: EXCHANGE,
    "JUPYTER_CONFIG_PATH": _config_path,
    # The workshop's room: a participant who runs `coffeechat.room.join()`
    # records check names, pass/fail and times there; the facilitator reads
    # it with `coffeechat room` or coffeechat.ui.room_view().
    "COFFEECHAT_ROOM": str(ROOM),
}


def _copy_if_missing(source, target):
    # A participant's own copy of a module is never overwritten by the course's.
    if not os.path.exists(target):
        shutil.copy2(source, target)


async def _prepare_home(spawner):
    """Before a server starts: the modules in the user's folder; the course for instructors."""
    home = Path(spawner.home_dir)
    home.mkdir(parents=True, exist_ok=True)
    shutil.copytree(
        KIT / "notebooks",
        home / "notebooks",
        dirs_exist_ok=True,
        copy_function=_copy_if_missing,
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )
    if _role(spawner) == hub.INSTRUCTOR:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "coffeechat.course.hub", str(home), str(KIT / "solutions"),
            stderr=asyncio.subprocess.PIPE,
        )
        _, error = await process.communicate()
        if process.returncode:
            raise RuntimeError(f"preparing {home}/course failed: {error.decode()[-800:]}")


c.Spawner.pre_spawn_hook = _prepare_home
