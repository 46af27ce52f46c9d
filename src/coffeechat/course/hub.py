"""A class on JupyterHub: the nbgrader exchange settings every deployment shares.

The local hub (``deploy/jupyterhub/``) and the Kubernetes one
(``deploy/kubernetes/``) both take their nbgrader settings from this module,
so the course id, the exchange folder, whose name a submission carries and
the owner check cannot drift apart (``tests/test_deploy.py`` compares them).

- **Course id** :data:`COURSE_ID`, and the **exchange** at
  :data:`EXCHANGE_ROOT`: a folder every user's server can write (on
  Kubernetes, a shared volume mounted there). A hub may move it with the
  environment variable :data:`EXCHANGE_VARIABLE`.
- **Student id**: nbgrader names a submission after the Unix user
  (``nbgrader.utils.get_username``). When participants share one Unix
  account, as with JupyterHub's ``SimpleLocalProcessSpawner`` or on
  Kubernetes (everyone is ``jovyan``), every submission would carry the same
  name; so a participant's student id is their hub user name, from
  :data:`STUDENT_ID_FROM`. An instructor keeps nbgrader's ``*`` (everyone),
  or ``collect`` would collect nobody else.
- **Owner check**: ``ExchangeCollect.check_owner`` is :data:`CHECK_OWNER`:
  with a shared Unix account the owner of a submitted file says nothing
  about who submitted it. A hub that gives every participant a Unix account
  of their own (:data:`ACCOUNTS`, told in :data:`ISOLATION_VARIABLE`) turns
  it on, and collects with :class:`coffeechat.course.inbound.OwnedCollect`,
  which takes a submission only from the participant it names.
- **Isolation**: the local hub runs each server as a Unix account of its own
  (:data:`ACCOUNTS`, hub started as root) or in a bubblewrap sandbox
  (:data:`SANDBOX`); there a participant's ``inbound/`` is a folder of their
  own, ``inbound/<name>/``, and collect looks there too. :data:`SHARED` is
  the hub that keeps nobody apart, for an ungraded workshop only.

The hub tells each server which role its user has in :data:`ROLE_VARIABLE`
(``instructor`` or ``participant``).

This module imports nothing beyond the standard library at load time, so
that the hub can read it without loading pandas and nbgrader into its own
process. Each user's folder is prepared in a separate process,
``python -m coffeechat.course.hub HOME [SOLUTIONS] [--notebooks FOLDER]``,
run as the user (the hub starts it with the user's rights and sandbox, and
reads this file directly, so that a participant's copy of the modules costs
no import of the kit).

Examples
--------
>>> from traitlets.config import Config
>>> c = Config()
>>> configure_nbgrader(c, {"JUPYTERHUB_USER": "ada", ROLE_VARIABLE: "participant"})
>>> c.CourseDirectory.course_id, c.CourseDirectory.student_id, c.ExchangeCollect.check_owner
('coffeechat', 'ada', False)
>>> c = Config()
>>> configure_nbgrader(c, {"JUPYTERHUB_USER": "grace", ROLE_VARIABLE: "instructor"})
>>> "student_id" in c.CourseDirectory
False
>>> c = Config()
>>> configure_nbgrader(c, {"JUPYTERHUB_USER": "ada", ISOLATION_VARIABLE: ACCOUNTS})
>>> c.ExchangeCollect.check_owner, c.ExchangeFactory.collect
(True, 'coffeechat.course.inbound.OwnedCollect')
"""

from __future__ import annotations

import argparse
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = [
    "ACCOUNTS",
    "CHECK_OWNER",
    "COURSE_FOLDER",
    "COURSE_ID",
    "EXCHANGE_ROOT",
    "EXCHANGE_VARIABLE",
    "INSTRUCTOR",
    "INSTRUCTOR_ROLE",
    "ISOLATION_VARIABLE",
    "OWNED_COLLECT",
    "PARTICIPANT",
    "PATH_INCLUDES_COURSE",
    "ROLE_VARIABLE",
    "SANDBOX",
    "SHARED",
    "STUDENT_ID_FROM",
    "configure_nbgrader",
    "exchange_root",
    "main",
    "prepare_exchange",
    "prepare_home",
    "prepare_instructor",
]

#: nbgrader's course id for the kit's assignments.
COURSE_ID = "coffeechat"
#: Where nbgrader's exchange lives (nbgrader's own default place).
EXCHANGE_ROOT = "/srv/nbgrader/exchange"
#: Environment variable with which a hub may put the exchange elsewhere.
EXCHANGE_VARIABLE = "COFFEECHAT_EXCHANGE_ROOT"
#: The environment variable a participant's student id is taken from: the hub
#: user name, as for the participant's own network and the room
#: (``coffeechat._participant.HUB_USER``; written out so that this module
#: loads with the standard library alone).
STUDENT_ID_FROM = "JUPYTERHUB_USER"
#: ``ExchangeCollect.check_owner``: off, since participants may share a Unix account.
CHECK_OWNER = False
#: The environment variable in which the local hub tells a server how it keeps people apart.
ISOLATION_VARIABLE = "COFFEECHAT_HUB_ISOLATION"
#: Hub as root: every server runs as a Unix account of its own, in a sandbox.
ACCOUNTS = "accounts"
#: Hub as an ordinary user: every server in a bubblewrap sandbox of its own.
SANDBOX = "sandbox"
#: Nobody kept apart (an ungraded workshop, by the facilitator's explicit choice).
SHARED = "shared"
#: The collect that takes a submission only from the participant it names.
OWNED_COLLECT = "coffeechat.course.inbound.OwnedCollect"
#: A fetched assignment lands in ``~/<assignment>``, not ``~/<course>/<assignment>``.
PATH_INCLUDES_COURSE = False
#: The JupyterHub role (and group) of the people who run the class.
INSTRUCTOR_ROLE = "instructor"
#: The environment variable in which the hub tells a server its user's role.
ROLE_VARIABLE = "COFFEECHAT_HUB_ROLE"
INSTRUCTOR = "instructor"
PARTICIPANT = "participant"
#: The instructor's course folder, inside their notebook root (formgrader needs it there).
COURSE_FOLDER = "course"

_HOME_CONFIG = """\
# nbgrader settings of this notebook folder, written by the Coffee Chat hub:
# the course folder is ./{folder} (formgrader and nbgrader commands run here use it).
load_subconfig("{folder}/nbgrader_config.py")  # noqa: F821 (traitlets provides it)
"""


def exchange_root(environ: Mapping[str, str] | None = None) -> str:
    """The exchange folder: :data:`EXCHANGE_VARIABLE` if set, else :data:`EXCHANGE_ROOT`.

    >>> exchange_root({})
    '/srv/nbgrader/exchange'
    >>> exchange_root({EXCHANGE_VARIABLE: "/data/exchange"})
    '/data/exchange'
    """
    environ = os.environ if environ is None else environ
    return environ.get(EXCHANGE_VARIABLE) or EXCHANGE_ROOT


def configure_nbgrader(c: Any, environ: Mapping[str, str] | None = None) -> None:
    """Apply the class's exchange settings to an nbgrader configuration ``c``.

    Called from the site-wide ``nbgrader_config.py`` of every user's server;
    ``environ`` is the server's environment (``os.environ`` by default).
    """
    environ = os.environ if environ is None else environ
    c.CourseDirectory.course_id = COURSE_ID
    c.Exchange.root = exchange_root(environ)
    c.Exchange.path_includes_course = PATH_INCLUDES_COURSE
    isolation = environ.get(ISOLATION_VARIABLE, "")
    c.ExchangeCollect.check_owner = CHECK_OWNER or isolation == ACCOUNTS
    if isolation in (ACCOUNTS, SANDBOX):
        c.ExchangeFactory.collect = OWNED_COLLECT
    user = environ.get(STUDENT_ID_FROM, "")
    if user and environ.get(ROLE_VARIABLE) != INSTRUCTOR:
        c.CourseDirectory.student_id = user


def prepare_exchange(root: str | Path, mode: int = 0o777) -> Path:
    """Make the exchange folder, if missing, with ``mode`` (by default writable by everyone).

    nbgrader makes ``<root>/<course>/inbound`` (write-only for students) and
    ``outbound`` itself on the first release. A hub of separate Unix accounts
    asks for ``0o1777`` (nobody removes another's files), as nbgrader's
    documentation on a shared exchange does.
    """
    path = Path(root)
    if not path.exists():  # an existing folder keeps the rights its owner gave it
        path.mkdir(parents=True)
        path.chmod(mode)
    return path


def _copy_if_missing(source: str, target: str) -> None:
    # A participant's own copy of a module is never overwritten by the course's.
    if not os.path.lexists(target):
        shutil.copy2(source, target)


def prepare_home(
    home: str | Path,
    notebooks: str | Path | None = None,
    solutions: str | Path | None = None,
) -> Path:
    """Give a hub user's folder the course's modules it lacks, and an instructor the course.

    Run as the user (the hub starts it with the user's rights, in the user's
    sandbox), so nothing a user left in their folder can make it write
    elsewhere with more rights than theirs.

    Parameters
    ----------
    home : path
        The user's notebook folder.
    notebooks : path, optional
        The course's modules, copied to ``home/notebooks`` where missing.
    solutions : path, optional
        For an instructor: the course's assignments
        (:func:`prepare_instructor`); the course folder is then the
        instructor's alone (``0o700``).
    """
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    if notebooks is not None:
        shutil.copytree(
            notebooks,
            home / "notebooks",
            dirs_exist_ok=True,
            copy_function=_copy_if_missing,
            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
        )
    if solutions is not None:
        prepare_instructor(home, solutions).chmod(0o700)
    return home


def prepare_instructor(home: str | Path, solutions: str | Path | None = None) -> Path:
    """Give an instructor's notebook folder its course folder, once.

    Runs :func:`coffeechat.course.folder.init_course` for ``home/course``
    (when it is not set up yet) and writes ``home/nbgrader_config.py``
    pointing to it, so formgrader (which reads the notebook root's settings)
    finds the course. Returns the course folder.
    """
    from coffeechat.course.folder import CONFIG, init_course
    from coffeechat.errors import GradingError

    home = Path(home)
    course = home / COURSE_FOLDER
    home.mkdir(parents=True, exist_ok=True)
    if not (course / CONFIG).exists():
        init_course(course, solutions)
    settings = home / CONFIG
    text = _HOME_CONFIG.format(folder=COURSE_FOLDER)
    if settings.exists() and settings.read_text(encoding="utf-8") != text:
        raise GradingError(
            f"{settings}: an nbgrader_config.py of other settings is in the way; move it "
            f"aside so that formgrader finds the course in {course}"
        )
    settings.write_text(text, encoding="utf-8")
    return course


def main(argv: list[str] | None = None) -> None:
    """``python -m coffeechat.course.hub HOME [SOLUTIONS] [--notebooks FOLDER]``."""
    parser = argparse.ArgumentParser(
        prog="python -m coffeechat.course.hub",
        description="Prepare a hub user's folder: the modules, and an instructor's course.",
    )
    parser.add_argument("home", help="the user's notebook folder")
    parser.add_argument("solutions", nargs="?", help="the assignments (instructors only)")
    parser.add_argument("--notebooks", help="the course's modules to copy where missing")
    args = parser.parse_args(argv)
    prepare_home(args.home, args.notebooks, args.solutions)


if __name__ == "__main__":  # the hub prepares each user's folder this way
    main()
