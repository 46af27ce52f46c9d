"""The two deployments (deploy/jupyterhub/, deploy/kubernetes/) agree on the class's settings.

Both take the nbgrader exchange settings from coffeechat.course.hub: these
tests load the real configuration files (JupyterHub's, nbgrader's, the Helm
values, the Dockerfile) and compare what they name.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from coffeechat.course import hub

ROOT = Path(__file__).resolve().parents[1]
LOCAL = ROOT / "deploy" / "jupyterhub"
KUBERNETES = ROOT / "deploy" / "kubernetes"


def load_nbgrader_config(environ: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Config:
    """The site-wide nbgrader_config.py, as a server with this environment reads it."""
    for name in (hub.STUDENT_ID_FROM, hub.ROLE_VARIABLE, hub.EXCHANGE_VARIABLE):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return PyFileConfigLoader("nbgrader_config.py", path=str(LOCAL / "jupyter")).load_config()


@pytest.fixture
def local_hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Config:
    """deploy/jupyterhub/jupyterhub_config.py, loaded as JupyterHub loads it."""
    monkeypatch.setenv("COFFEECHAT_HUB_STATE", str(tmp_path / "state"))
    monkeypatch.setenv(hub.EXCHANGE_VARIABLE, str(tmp_path / "exchange"))
    monkeypatch.setenv("COFFEECHAT_INSTRUCTORS", "Ana, ben")
    return PyFileConfigLoader("jupyterhub_config.py", path=str(LOCAL)).load_config()


@pytest.fixture(scope="module")
def values() -> dict:
    return yaml.safe_load((KUBERNETES / "values.yaml").read_text(encoding="utf-8"))


class FakeSpawner:
    def __init__(self, name: str) -> None:
        self.user = type("User", (), {"name": name})()


def test_a_participant_submits_under_their_hub_name_and_collect_skips_the_owner_check(
    monkeypatch,
):
    c = load_nbgrader_config(
        {hub.STUDENT_ID_FROM: "ada", hub.ROLE_VARIABLE: hub.PARTICIPANT}, monkeypatch
    )
    assert c.CourseDirectory.course_id == hub.COURSE_ID == "coffeechat"
    assert c.CourseDirectory.student_id == "ada"
    assert c.Exchange.root == hub.EXCHANGE_ROOT == "/srv/nbgrader/exchange"
    assert c.Exchange.path_includes_course is False
    assert c.ExchangeCollect.check_owner is hub.CHECK_OWNER is False


def test_an_instructor_keeps_every_student_and_the_exchange_can_move(monkeypatch):
    c = load_nbgrader_config(
        {
            hub.STUDENT_ID_FROM: "ana",
            hub.ROLE_VARIABLE: hub.INSTRUCTOR,
            hub.EXCHANGE_VARIABLE: "/data/exchange",
        },
        monkeypatch,
    )
    assert "student_id" not in c.CourseDirectory  # nbgrader's "*": collect takes everyone
    assert c.Exchange.root == "/data/exchange"


def test_the_local_hub_passes_role_exchange_and_settings_to_every_server(local_hub, tmp_path):
    c = local_hub
    environment = c.Spawner.environment
    assert environment[hub.EXCHANGE_VARIABLE] == str(tmp_path / "exchange")
    assert (tmp_path / "exchange").is_dir()
    role = environment[hub.ROLE_VARIABLE]
    assert role(FakeSpawner("ana")) == hub.INSTRUCTOR
    assert role(FakeSpawner("ben")) == hub.INSTRUCTOR
    assert role(FakeSpawner("ada")) == hub.PARTICIPANT
    # Everyone reads the folder with the class's nbgrader settings; participants
    # first read the one that turns formgrader off.
    config_path = environment["JUPYTER_CONFIG_PATH"]
    assert config_path(FakeSpawner("ana")).split(":") == [str(LOCAL / "jupyter")]
    assert config_path(FakeSpawner("ada")).split(":") == [
        str(LOCAL / "participant"),
        str(LOCAL / "jupyter"),
    ]
    assert c.Authenticator.admin_users == {"ana", "ben"}
    assert c.JupyterHub.spawner_class.__name__ == "CoffeeChatSpawner"
    assert c.CoffeeChatSpawner.home_dir_template == str(tmp_path / "state" / "home" / "{username}")
    assert c.CoffeeChatSpawner.instructors == ["ana", "ben"]


def test_roles_are_the_same_on_both_and_named_as_jupyterhub_requires(local_hub, values):
    (local,) = local_hub.JupyterHub.load_roles
    cluster = values["hub"]["loadRoles"][hub.INSTRUCTOR_ROLE]
    assert local["name"] == hub.INSTRUCTOR_ROLE and len(local["name"]) >= 3
    assert cluster["scopes"] == local["scopes"]
    assert cluster["groups"] == local["groups"] == [hub.INSTRUCTOR_ROLE]
    assert "instructor" in values["hub"]["config"]["Authenticator"]["admin_users"]


def test_kubernetes_mounts_the_shared_exchange_where_nbgrader_looks(values):
    user = values["singleuser"]
    mounts = {m["name"]: m["mountPath"] for m in user["storage"]["extraVolumeMounts"]}
    volumes = {v["name"]: v for v in user["storage"]["extraVolumes"]}
    assert mounts == {"nbgrader-exchange": hub.EXCHANGE_ROOT}
    claim = volumes["nbgrader-exchange"]["persistentVolumeClaim"]["claimName"]
    pvc = yaml.safe_load((KUBERNETES / "exchange-pvc.yaml").read_text(encoding="utf-8"))
    assert pvc["metadata"]["name"] == claim
    assert pvc["spec"]["accessModes"] == ["ReadWriteMany"]
    assert user["extraEnv"][hub.EXCHANGE_VARIABLE] == hub.EXCHANGE_ROOT


def test_kubernetes_tells_servers_their_role_as_the_local_hub_does(values):
    code = values["hub"]["extraConfig"]["coffeechat"]
    assert f'"{hub.ROLE_VARIABLE}"' in code
    assert f'"{hub.INSTRUCTOR}"' in code and f'"{hub.PARTICIPANT}"' in code
    assert "/opt/coffeechat/deploy/jupyterhub/participant" in code
    compile(code, "values.yaml:hub.extraConfig.coffeechat", "exec")


def test_the_image_installs_the_kit_with_the_local_hubs_nbgrader_settings():
    dockerfile = (KUBERNETES / "Dockerfile").read_text(encoding="utf-8")
    copies = dict(re.findall(r"^COPY (?:--\S+ )*(\S+) (\S+)$", dockerfile, flags=re.M))
    assert copies["deploy/jupyterhub/jupyter/nbgrader_config.py"] == (
        "/etc/jupyter/nbgrader_config.py"
    )
    assert copies["."] == "/opt/coffeechat"
    assert re.search(r'pip install .*"/opt/coffeechat(\[hub\])?"', dockerfile)
    assert f"chown ${{NB_UID}}:${{NB_GID}} {hub.EXCHANGE_ROOT}" in dockerfile
    hook = (KUBERNETES / "before-notebook.sh").read_text(encoding="utf-8")
    assert "python -m coffeechat.course.hub" in hook
    assert copies["deploy/kubernetes/before-notebook.sh"].startswith(
        "/usr/local/bin/before-notebook.d/"
    )


def test_the_participant_settings_switch_formgrader_off():
    import json

    server = json.loads((LOCAL / "participant" / "jupyter_server_config.json").read_text())
    extensions = server["ServerApp"]["jpserver_extensions"]
    assert extensions["nbgrader.server_extensions.formgrader"] is False
    page = json.loads((LOCAL / "participant" / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is True


def test_an_instructors_folder_gets_the_course_once_and_formgrader_finds_it(tmp_path):
    from coffeechat.errors import GradingError

    home = tmp_path / "ana"
    course = hub.prepare_instructor(home, ROOT / "solutions")
    assert course == home / hub.COURSE_FOLDER
    assert (course / "source" / "ps01-who-can-introduce-you").is_dir()
    (course / "gradebook.db").write_text("kept")
    assert hub.prepare_instructor(home, ROOT / "solutions") == course  # again: nothing redone
    assert (course / "gradebook.db").read_text() == "kept"
    c = PyFileConfigLoader("nbgrader_config.py", path=str(home)).load_config()
    assert c.CourseDirectory.root == str(course)
    (home / "nbgrader_config.py").write_text("c = get_config()\n")
    with pytest.raises(GradingError, match="nbgrader_config.py of other settings"):
        hub.prepare_instructor(home, ROOT / "solutions")


def test_the_exchange_is_made_open_to_all_but_an_existing_one_is_left_alone(tmp_path):
    made = hub.prepare_exchange(tmp_path / "new" / "exchange")
    assert made.stat().st_mode & 0o777 == 0o777
    existing = tmp_path / "existing"
    existing.mkdir(mode=0o755)
    hub.prepare_exchange(existing)
    assert existing.stat().st_mode & 0o777 == 0o755


def test_every_server_opens_on_module_1_with_the_course_settings_and_the_room(local_hub, tmp_path):
    """Hub users get what `bash run.sh lab` gives: Module 1, no news prompt, the room."""
    from coffeechat.lab import lab_arguments
    from coffeechat.room import ROOM_ENV

    c = local_hub
    assert set(lab_arguments()) <= set(c.Spawner.args)
    page = c.Spawner.default_url.removeprefix("/lab/tree/")
    assert (ROOT / page).is_file()  # each user's folder holds a copy of notebooks/
    room = Path(c.Spawner.environment[ROOM_ENV])
    assert room == tmp_path / "state" / "room"
    assert room.is_dir()


# ------------------------------------------------------------ keeping people apart
def isolation_module():
    from hub_tools import isolation_module as load

    return load()


@pytest.mark.parametrize(
    ("euid", "bwrap", "flag", "expected"),
    [
        (0, "/usr/bin/bwrap", False, "accounts"),
        (1000, "/usr/bin/bwrap", False, "sandbox"),
        (1000, None, True, "shared"),
    ],
)
def test_the_hub_keeps_people_apart_as_root_or_in_a_sandbox(euid, bwrap, flag, expected):
    assert isolation_module().choose_isolation(euid, bwrap, flag) == expected


@pytest.mark.parametrize(
    ("euid", "bwrap", "flag", "reason", "fix"),
    [
        (
            1000,
            None,
            False,
            "could read and change the others' work",
            "--ungraded-without-isolation",
        ),
        (0, None, False, "bubblewrap (bwrap) is missing", "apt-get install bubblewrap"),
        (
            0,
            "/usr/bin/bwrap",
            True,
            "would run every participant's server as root",
            "ordinary user",
        ),
    ],
)
def test_what_cannot_be_isolated_is_refused_with_the_reason_and_the_fix(
    euid, bwrap, flag, reason, fix
):
    isolation = isolation_module()
    with pytest.raises(isolation.Refusal) as refused:
        isolation.choose_isolation(euid, bwrap, flag)
    message = str(refused.value)
    assert "not started" in message and reason in message and "Fix: " in message
    assert fix in message


def test_a_hub_without_bubblewrap_does_not_start(tmp_path, monkeypatch):
    """The real configuration, with no bwrap on PATH: it stops, saying why and what to do."""
    monkeypatch.setenv("PATH", str(tmp_path))  # no bwrap here
    monkeypatch.setenv("COFFEECHAT_HUB_STATE", str(tmp_path / "state"))
    with pytest.raises(SystemExit, match="bubblewrap") as refused:
        PyFileConfigLoader("jupyterhub_config.py", path=str(LOCAL)).load_config()
    assert type(refused.value).__name__ == "Refusal"
    assert "Fix: install bubblewrap" in str(refused.value)
    assert not (tmp_path / "state").exists()  # refused before anything was made


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("ada", None),
        ("ana-maria_2", None),
        ("ada lovelace", "cannot be a user name here"),
        ("-rf", "cannot be a user name here"),
        ("../etc", "cannot be a user name here"),
        ("a" * 33, "cannot be a user name here"),
        ("root", "is taken by an account of this machine"),
    ],
)
def test_a_user_name_must_be_a_safe_unix_name_not_taken_by_the_machine(name, problem):
    found = isolation_module().user_name_problem(name, "accounts")
    if problem is None:
        assert found is None
    else:
        assert problem in found and repr(name) in found


def test_a_participants_sandbox_shows_their_own_things_and_no_solutions(tmp_path):
    isolation = isolation_module()
    layout = isolation.Layout(ROOT, tmp_path / "state", tmp_path / "exchange", tmp_path / "room")
    args = isolation.bwrap_args(layout, "ada", instructor=False, isolation="sandbox")
    binds = {(args[i], args[i + 2]) for i in range(len(args) - 2) if args[i].endswith("bind")}
    inbound = tmp_path / "exchange" / hub.COURSE_ID / "inbound"
    assert ("--bind", str(layout.home("ada"))) in binds
    assert ("--bind", str(inbound)) in binds  # her own inbound folder, shown as inbound/
    assert args[args.index(str(inbound / "ada")) - 1] == "--bind"
    assert ("--ro-bind", str(tmp_path / "exchange" / hub.COURSE_ID / "outbound")) in binds
    assert not any("solutions" in dest or dest.endswith("/state") for _, dest in binds)
    assert "--unshare-pid" in args and "--unshare-user" in args
    teacher = isolation.bwrap_args(layout, "ana", instructor=True, isolation="accounts")
    assert str(ROOT / "solutions") in teacher and "--unshare-user" not in teacher
    account = isolation.Account("ada", 40001, 40001)
    assert isolation.as_account(account)[:3] == ["setpriv", "--reuid=40001", "--regid=40001"]


def test_participants_submit_under_their_own_account_when_each_has_one():
    from coffeechat._participant import HUB_USER

    assert hub.STUDENT_ID_FROM == HUB_USER
    c = Config()
    hub.configure_nbgrader(c, {HUB_USER: "ada", hub.ISOLATION_VARIABLE: hub.SANDBOX})
    assert c.ExchangeCollect.check_owner is False
    assert c.ExchangeFactory.collect == hub.OWNED_COLLECT


def test_collect_takes_a_submission_only_from_whom_it_names(tmp_path):
    from coffeechat.course.inbound import owned

    stamp = "2026-12-06 10:00:00.000000 UTC"
    assert owned(tmp_path / "inbound" / "ada" / f"ada+ps01+{stamp}+x", None)
    assert not owned(tmp_path / "inbound" / "ada" / f"bob+ps01+{stamp}+x", None)
    assert owned(tmp_path / "inbound" / f"bob+ps01+{stamp}+x", "bob")
    assert not owned(tmp_path / "inbound" / f"bob+ps01+{stamp}+x", "ada")


def test_the_isolation_modules_examples_hold():
    import doctest

    result = doctest.testmod(isolation_module(), optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 2 and result.failed == 0


def test_a_users_folder_gets_the_modules_it_lacks_and_an_instructors_course_is_theirs(tmp_path):
    home = tmp_path / "ada"
    hub.main([str(home), "--notebooks", str(ROOT / "notebooks")])
    module = home / "notebooks" / "01-why-informational-interviews.ipynb"
    assert module.is_file()
    module.write_text("her own work")
    hub.prepare_home(home, ROOT / "notebooks")
    assert module.read_text() == "her own work"  # never overwritten by the course's copy
    course = hub.prepare_home(tmp_path / "ana", ROOT / "notebooks", ROOT / "solutions")
    assert (course / hub.COURSE_FOLDER).stat().st_mode & 0o777 == 0o700


def test_collect_leaves_out_work_handed_in_under_another_name(tmp_path):
    """From inbound/ada/ only ada's; in the shared inbound only what its owner's name says."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory

    from coffeechat.course.inbound import OwnedCollect

    inbound = tmp_path / "exchange" / hub.COURSE_ID / "inbound"
    stamp = "2026-12-06 10:00:00.000000 UTC"
    owner = pwd_name(os.getuid())
    for handed_in in (
        f"ada/ada+ps01+{stamp}+a",
        f"ada/bob+ps01+{stamp}+b",  # ada, passing it off as bob's
        f"bob/bob+ps01+{stamp}+c",
        f"{owner}+ps01+{stamp}+d",  # the shared inbound: owned by whom it names
        f"cyd+ps01+{stamp}+e",  # owned by someone else than cyd
    ):
        (inbound / handed_in).mkdir(parents=True)
    (tmp_path / "course").mkdir()
    course = CourseDirectory(root=str(tmp_path / "course"), course_id=hub.COURSE_ID)
    course.assignment_id = "ps01"
    collect = OwnedCollect(coursedir=course, authenticator=Authenticator())
    collect.root = str(tmp_path / "exchange")
    collect.check_owner = True
    collect.init_src()
    taken = sorted(record["filename"] for record in collect.src_records)
    assert taken == sorted(
        [f"ada/ada+ps01+{stamp}+a", f"bob/bob+ps01+{stamp}+c", f"{owner}+ps01+{stamp}+d"]
    )


def pwd_name(uid: int) -> str:
    import pwd

    return pwd.getpwuid(uid).pw_name


def test_the_courses_exchange_folder_is_made_by_the_hub_and_given_to_an_instructor(tmp_path):
    """No participant can make it first; one owned by someone else stops the instructor."""
    isolation = isolation_module()
    layout = isolation.Layout(ROOT, tmp_path / "state", tmp_path / "exchange", tmp_path / "room")
    course = tmp_path / "exchange" / hub.COURSE_ID
    (tmp_path / "exchange").mkdir()
    isolation.claim_course_exchange(layout, None)  # the hub starting
    assert course.is_dir() and course.stat().st_uid == os.geteuid()
    ana, cyd = isolation.Account("ana", 40123, 40123), isolation.Account("cyd", 40124, 40124)
    if os.geteuid() == 0:  # as the root hub does: the first instructor gets it
        isolation.claim_course_exchange(layout, ana, ["ana"])
        assert (course.stat().st_uid, course.stat().st_mode & 0o777) == (40123, 0o755)
    with pytest.raises(Exception, match="not to an instructor: remove it") as refused:
        isolation.claim_course_exchange(layout, cyd, ["cyd"])
    assert refused.value.status_code == 409
