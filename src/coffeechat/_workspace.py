"""The learner's own copy of the course, which updates never overwrite.

``bash run.sh lab`` opens JupyterLab in ``my-work/``, a folder holding copies of
``notebooks/`` and ``exercises/``. Learners edit and save those copies, so the
course files themselves stay as published, and a new version of the course
adds new notebooks without touching work already done.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

__all__ = ["copy_missing"]

_SKIP = {".ipynb_checkpoints", "__pycache__"}


def copy_missing(folders: Iterable[Path | str], destination: Path | str) -> list[Path]:
    """Copy the files of ``folders`` into ``destination``, never overwriting one.

    Parameters
    ----------
    folders : iterable of path
        Folders to copy, each to a folder of the same name in ``destination``.
    destination : path
        Where the learner's copy lives.

    Returns
    -------
    list of Path
        The files copied this time (those not there already).

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "notebooks").mkdir()
    >>> _ = (root / "notebooks" / "01-intro.ipynb").write_text("{}")
    >>> [p.name for p in copy_missing([root / "notebooks"], root / "my-work")]
    ['01-intro.ipynb']
    >>> copy_missing([root / "notebooks"], root / "my-work")
    []
    """
    destination = Path(destination)
    copied = []
    for folder in map(Path, folders):
        for source in sorted(folder.rglob("*")):
            relative = source.relative_to(folder.parent)
            if not source.is_file() or _SKIP.intersection(relative.parts):
                continue
            target = destination / relative
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            copied.append(target)
    return copied


if __name__ == "__main__":  # python -m coffeechat._workspace DEST FOLDER...
    new = copy_missing(sys.argv[2:], sys.argv[1])
    if new:
        print(f"Copied {len(new)} new course file(s) into {sys.argv[1]}/")
