"""How JupyterLab should open for a learner: the course's own settings.

JupyterLab reads default settings from ``overrides.json`` in its application
settings folder. The course ships one (``coffeechat/lab_settings/``) that
turns off the "Would you like to receive official Jupyter news?" prompt and
the update check, so a learner's first screen is the course, and nothing is
fetched from the internet. A learner can still change these settings; their
changes are kept in their own user settings, as usual.

``bash run.sh lab`` starts JupyterLab with it; a JupyterHub passes the same
option to every user's server (``c.Spawner.args``)::

    from coffeechat.lab import lab_arguments
    c.Spawner.args = lab_arguments()

or, from a shell, ``jupyter lab --LabApp.app_settings_dir="$(python -m coffeechat.lab)"``.

Examples
--------
>>> (settings_dir() / "overrides.json").is_file()
True
>>> lab_arguments()[0].startswith("--LabApp.app_settings_dir=")
True
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

__all__ = ["lab_arguments", "lab_overrides", "settings_dir"]


def settings_dir() -> Path:
    """The folder holding the course's ``overrides.json`` (JupyterLab's ``app_settings_dir``)."""
    return Path(str(resources.files("coffeechat").joinpath("lab_settings")))


def lab_overrides() -> dict[str, dict[str, object]]:
    """The settings the course overrides, by JupyterLab plugin id.

    Examples
    --------
    >>> lab_overrides()["@jupyterlab/apputils-extension:notification"]["fetchNews"]
    'false'
    """
    return json.loads((settings_dir() / "overrides.json").read_text(encoding="utf-8"))


def lab_arguments() -> list[str]:
    """The command-line options a JupyterLab (or a hub's single-user server) needs."""
    return [f"--LabApp.app_settings_dir={settings_dir()}"]


if __name__ == "__main__":  # python -m coffeechat.lab: print the settings folder
    print(settings_dir())
