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
  about who submitted it.

The hub tells each server which role its user has in :data:`ROLE_VARIABLE`
(``instructor`` or ``participant``).

This module imports nothing from the rest of the kit at load time, so that
the hub can read it without loading pandas and nbgrader into its own
process; an instructor's course folder is prepared in a separate process,
``python -m coffeechat.course.hub HOME [SOLUTIONS]``.

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
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from coffeechat._participant import HUB_USER

__all__ = [
    "CHECK_OWNER",
    "COURSE_FOLDER",
    "COURSE_ID",
    "EXCHANGE_ROOT",
    "EXCHANGE_VARIABLE",
    "INSTRUCTOR",
    "INSTRUCTOR_ROLE",
    "PARTICIPANT",
    "PATH_INCLUDES_COURSE",
    "ROLE_VARIABLE",
    "STUDENT_ID_FROM",
    "configure_nbgrader",
    "exchange_root",
    "prepare_exchange",
    "prepare_instructor",
]

#: nbgrader's course id for the kit's assignments.
COURSE_ID = "coffeechat"
#: Where nbgrader's exchange lives (nbgrader's own default place).
EXCHANGE_ROOT = "/srv/nbgrader/exchange"
#: Environment variable with which a hub may put the exchange elsewhere.
EXCHANGE_VARIABLE = "COFFEECHAT_EXCHANGE_ROOT"
#: The environment variable a participant's student id is taken from: the hub
#: user name, as for the participant's own network and the room.
STUDENT_ID_FROM = HUB_USER
#: ``ExchangeCollect.check_owner``: off, since participants may share a Unix account.
CHECK_OWNER = False
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
    c.ExchangeCollect.check_owner = CHECK_OWNER
    user = environ.get(STUDENT_ID_FROM, "")
    if user and environ.get(ROLE_VARIABLE) != INSTRUCTOR:
        c.CourseDirectory.student_id = user


def prepare_exchange(root: str | Path) -> Path:
    """Make the exchange folder, if missing, writable by everyone, as nbgrader expects.

    nbgrader makes ``<root>/<course>/inbound`` (write-only for students) and
    ``outbound`` itself on the first release.
    """
    path = Path(root)
    if not path.exists():  # an existing folder keeps the rights its owner gave it
        path.mkdir(parents=True)
        path.chmod(0o777)
    return path


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


if __name__ == "__main__":  # the hub prepares an instructor's folder this way
    prepare_instructor(*sys.argv[1:3])
