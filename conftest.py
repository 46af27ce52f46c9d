"""Test-wide set-up, for tests and doctests alike: keep Jupyter, IPython,
matplotlib and browsers out of the user's home."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

_HOME = Path(tempfile.mkdtemp(prefix="coffeechat-tests-"))
for _name, _sub in (
    ("JUPYTER_CONFIG_DIR", "jupyter-config"),
    ("JUPYTER_DATA_DIR", "jupyter-data"),
    ("JUPYTER_RUNTIME_DIR", "jupyter-runtime"),
    ("IPYTHONDIR", "ipython"),
    ("MPLCONFIGDIR", "matplotlib"),
):
    (_HOME / _sub).mkdir(parents=True, exist_ok=True)
    os.environ[_name] = str(_HOME / _sub)
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")

# nbgrader runs the ``alembic`` executable by name: make sure the one beside
# this interpreter (the project's virtual environment) is found first.
_BIN = str(Path(sys.executable).parent)
if _BIN not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _BIN + os.pathsep + os.environ.get("PATH", "")

# Property tests: no per-example deadline (the machine may be busy), and in CI
# a fixed sequence of examples, so that a red run can be rerun exactly.
try:
    from hypothesis import HealthCheck, settings
except ImportError:  # the doctests alone do not need hypothesis
    pass
else:
    settings.register_profile(
        "coffeechat",
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        derandomize=bool(os.environ.get("CI")),
    )
    settings.load_profile("coffeechat")
