"""Has a notebook's grading cells been deleted, copied or edited?

One comparison serves two audiences: the self-check scoreboard tells a
learner before they hand in ("you deleted the check for part (b); it will be
put back when your work is graded"), and ``coffeechat grade`` writes the same
findings into the instructor's notes. Nothing is run: only the notebook's
cells and their nbgrader metadata are read.

Examples
--------
>>> import nbformat
>>> cell = nbformat.v4.new_code_cell("checks.check_a()")
>>> cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True,
...                              "grade_id": "part-a-table", "points": 2.0}
>>> expected = {"part-a-table": Expected("part-a-table", 2.0, locked=True, graded=True),
...             "part-b-hidden": Expected("part-b-hidden", 3.0, locked=True, graded=True)}
>>> found = cell_changes([cell, cell], expected)
>>> found.deleted, found.copied
(('part-b-hidden',), ('part-a-table',))
"""

from __future__ import annotations

import copy
import difflib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["CellChanges", "Expected", "cell_changes", "expected_cells", "scoreboard_notes"]


@dataclass(frozen=True)
class Expected:
    """What a grading cell of the released notebook is.

    ``checksum`` is nbgrader's checksum of the released cell; None means
    "trust the checksum in the learner's copy of the metadata" (the
    scoreboard has no released notebook at hand).
    """

    grade_id: str
    points: float | None
    locked: bool
    graded: bool
    checksum: str | None = None
    metadata: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class CellChanges:
    """Grading cells a notebook lost, doubled or changed, by ``grade_id``."""

    deleted: tuple[str, ...] = ()
    copied: tuple[str, ...] = ()
    edited: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    moved: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return any((self.deleted, self.copied, self.edited, self.points, self.unknown, self.moved))


def _meta(cell: Any) -> dict[str, Any] | None:
    meta = cell.get("metadata", {}).get("nbgrader") if isinstance(cell, Mapping) else None
    return meta if isinstance(meta, dict) else None


def expected_cells(cells: Iterable[Any]) -> dict[str, Expected]:
    """The grading cells of a released notebook (its cells with grader metadata)."""
    found = {}
    for cell in cells:
        meta = _meta(cell)
        if meta and "grade_id" in meta:
            found[meta["grade_id"]] = Expected(
                meta["grade_id"],
                float(meta["points"]) if meta.get("grade") else None,
                locked=bool(meta.get("locked")),
                graded=bool(meta.get("grade") or meta.get("solution")),
                checksum=meta.get("checksum"),
                metadata=meta,
            )
    return found


def _checksum(cell: Any, meta: Mapping[str, Any]) -> str | None:
    import nbformat
    from nbgrader.utils import compute_checksum

    probe = nbformat.from_dict(copy.deepcopy(dict(cell)))
    if isinstance(probe.get("source"), list):  # as stored on disk, a list of lines
        probe.source = "".join(probe.source)
    probe.metadata["nbgrader"] = dict(meta)
    try:
        return compute_checksum(probe)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def cell_changes(cells: Iterable[Any], expected: Mapping[str, Expected]) -> CellChanges:
    """Compare a notebook's cells with the grading cells it should have.

    Parameters
    ----------
    cells : iterable of notebook cells
    expected : mapping
        ``grade_id`` to :class:`Expected`, e.g. from :func:`expected_cells`.

    Returns
    -------
    CellChanges
        Deleted (graded or read-only cells missing), copied (a ``grade_id``
        more than once), edited (a read-only cell whose checksum differs),
        points (a graded cell worth other points), unknown (a ``grade_id``
        the assignment does not have), moved (cells out of their order).
    """
    seen: dict[str, int] = {}
    edited, points = set(), set()
    order: list[str] = []
    for cell in cells:
        meta = _meta(cell)
        grade_id = meta.get("grade_id") if meta else None
        if not isinstance(grade_id, str):
            continue
        seen[grade_id] = seen.get(grade_id, 0) + 1
        if seen[grade_id] == 1 and grade_id in expected:
            order.append(grade_id)
        want = expected.get(grade_id)
        if want is None:
            continue
        if want.points is not None and meta.get("points") is not None:
            try:
                if float(meta["points"]) != want.points:
                    points.add(grade_id)
            except (TypeError, ValueError):
                points.add(grade_id)
        if want.locked:
            reference = dict(want.metadata or meta)
            if want.points is not None:
                reference["points"] = want.points
            checksum = want.checksum or meta.get("checksum")
            if checksum and _checksum(cell, reference) != checksum:
                edited.add(grade_id)
    deleted = [g for g, want in expected.items() if g not in seen and (want.graded or want.locked)]
    wanted = [g for g in expected if g in seen]
    kept = difflib.SequenceMatcher(a=wanted, b=order, autojunk=False).get_matching_blocks()
    in_place = {g for block in kept for g in wanted[block.a : block.a + block.size]}
    return CellChanges(
        deleted=tuple(deleted),
        copied=tuple(sorted(g for g, n in seen.items() if n > 1)),
        edited=tuple(sorted(edited)),
        points=tuple(sorted(points)),
        unknown=tuple(sorted(g for g in seen if g not in expected)),
        moved=tuple(g for g in order if g not in in_place),
    )


def _notebook_path(notebook: str, namespace: Mapping[str, Any]) -> Path | None:
    session = namespace.get("__session__") or os.environ.get("JPY_SESSION_NAME") or ""
    for candidate in (Path(session), Path.cwd() / Path(session).name, Path.cwd() / notebook):
        if str(candidate) and candidate.suffix == ".ipynb" and candidate.is_file():
            return candidate
    return None


def scoreboard_notes(assignment: Any, namespace: Mapping[str, Any]) -> dict[str, list[str]]:
    """Notes for the self-check scoreboard, by part key, about tampered grading cells.

    Reads the learner's saved notebook (found through the kernel's session
    name, or as ``<notebook>.ipynb`` in the current folder) and compares its
    test cells with the assignment's description. Returns ``{}`` when the
    notebook cannot be found or read: the scoreboard then says nothing more.
    """
    path = _notebook_path(f"{assignment.notebook}.ipynb", namespace)
    if path is None:
        return {}
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    part_of = {t.grade_id: p.key for p in assignment.parts for t in p.tests}
    expected = {
        t.grade_id: Expected(t.grade_id, float(t.points), locked=True, graded=True)
        for t in assignment.tests
    }
    found = cell_changes(cells, expected)
    notes: dict[str, list[str]] = {}

    def add(grade_id: str, text: str) -> None:
        part = part_of[grade_id]
        notes.setdefault(part, []).append(text.format(part=part))

    for g in found.deleted:
        add(
            g,
            "you deleted the check for part ({part}); it will be put back when your work is graded",
        )
    for g in found.copied:
        add(
            g,
            "the check for part ({part}) appears more than once; only one copy is "
            "graded, so delete the copy",
        )
    for g in found.edited:
        add(
            g,
            "you edited the check for part ({part}); the original will be put back "
            "when your work is graded",
        )
    for g in found.moved:
        add(
            g,
            "you moved the check for part ({part}); it is graded where it now is, so "
            "keep it below the answer it checks",
        )
    for g in found.points:
        add(
            g,
            "the points of the check for part ({part}) were changed; the original "
            "points count when your work is graded",
        )
    return notes
