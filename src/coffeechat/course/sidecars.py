"""The two files kept beside an assignment's grades: what was graded, and the notes.

``COURSE/grades/<assignment>-graded.json`` maps each graded student to a
digest of what they submitted, so the next ``grade`` grades only what is new
or changed; ``COURSE/grades/<assignment>-notes.json`` keeps what grading found
(tampering repaired, cells stopped, failures) for ``coffeechat grades`` to
show later. Both are written whole to a temporary file and moved into place,
so a run stopped mid-write leaves the earlier file, never half of one.

Examples
--------
>>> import tempfile
>>> kept = Sidecars(Path(tempfile.mkdtemp()), "ps01")
>>> kept.record("ana", "f00d", ("edited read-only q1 (restored)",))
>>> kept.record("ben", "beef", ())
>>> kept.fingerprints(), kept.notes()
({'ana': 'f00d', 'ben': 'beef'}, {'ana': ['edited read-only q1 (restored)']})
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Sidecars"]


@dataclass(frozen=True)
class Sidecars:
    """The grading state and notes of one assignment, in the folder of its grades."""

    folder: Path
    assignment: str

    @property
    def state_path(self) -> Path:
        return self.folder / f"{self.assignment}-graded.json"

    @property
    def notes_path(self) -> Path:
        return self.folder / f"{self.assignment}-notes.json"

    def fingerprints(self) -> dict[str, str]:
        """Each graded student's digest of what was graded (unreadable: none)."""
        return _read(self.state_path)

    def notes(self) -> dict[str, list[str]]:
        """Each student's notes from the last grading of their submission."""
        return _read(self.notes_path)

    def record(self, student: str, fingerprint: str, notes: tuple[str, ...]) -> None:
        """Record one graded submission: its digest and its notes (none: removed)."""
        state = self.fingerprints()
        state[student] = fingerprint
        kept = self.notes()
        if notes:
            kept[student] = list(notes)
        else:
            kept.pop(student, None)
        _write(self.notes_path, kept)
        _write(self.state_path, state)


def _read(path: Path) -> dict[str, Any]:
    try:
        found = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _write(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` as JSON to ``path`` atomically: whole, or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, sort_keys=True, ensure_ascii=False)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
