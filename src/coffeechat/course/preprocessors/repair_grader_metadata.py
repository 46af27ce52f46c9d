"""Autograde preprocessor: make a tampered notebook safe for nbgrader."""

from __future__ import annotations

from typing import Any

import nbformat
from nbgrader.api import Gradebook
from nbgrader.nbgraderformat import ValidationError
from nbgrader.preprocessors import NbGraderPreprocessor

from coffeechat.course.outcome import note
from coffeechat.course.preprocessors.check_cell_metadata import FastMetadataValidator

__all__ = ["RepairGraderMetadata"]


class RepairGraderMetadata(NbGraderPreprocessor):
    """Autograde preprocessor: make a tampered notebook safe for nbgrader.

    Runs after nbgrader's ``DeduplicateIds`` and before ``OverwriteCells``.
    It removes grader metadata that ``DeduplicateIds`` emptied (a copied
    cell), that names a cell this assignment does not have (a cell pasted
    from elsewhere) or that nbgrader cannot read, and puts back answer and
    read-only cells a learner deleted (answers as the blank stub, so they
    score nothing), so that ``OverwriteCells`` can put deleted test cells
    back in their place. Without this, such a notebook stops autograde with a
    ``KeyError``. Each cell put back (``restored``, by name) and each cell
    whose metadata was removed (``unmarked``, why) is noted in ``resources``.
    """

    def preprocess(self, nb: Any, resources: Any) -> tuple[Any, Any]:
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            source = gb.find_notebook(info["notebook"], info["assignment"])
            order = [
                (c.name, c.cell_type, c.locked, c.source, c.checksum) for c in source.source_cells
            ]
            graded = {c.name for c in source.grade_cells} | {c.name for c in source.task_cells}
            answers = {c.name for c in source.solution_cells}
        known = {name for name, *_ in order}
        validator = FastMetadataValidator()
        present: set[str] = set()
        for index, cell in enumerate(nb.cells):
            meta = cell.metadata.get("nbgrader")
            if meta is None:
                continue
            grade_id = meta.get("grade_id") if isinstance(meta, dict) else None
            problem = None
            if not meta or grade_id is None:
                problem = "grader metadata without a cell id (a copied cell)"
            elif grade_id not in known:
                problem = f"grader metadata for {grade_id!r}, which this assignment does not have"
            else:
                try:
                    validator.validate_cell(cell)
                except ValidationError as err:
                    problem = f"grader metadata nbgrader cannot read ({err})"
            if problem:
                self.log.warning("Cell %d had %s; it is graded as an ordinary cell", index, problem)
                del cell.metadata["nbgrader"]
                note(resources, "unmarked", f"cell {index}: {problem}")
            else:
                present.add(grade_id)
        # Put back deleted answer and read-only cells, in source order.
        last = -1
        for name, cell_type, locked, text, checksum in order:
            if name in present:
                last = next(
                    i
                    for i, c in enumerate(nb.cells)
                    if c.metadata.get("nbgrader", {}).get("grade_id") == name
                )
                continue
            if name in graded:
                continue  # nbgrader's OverwriteCells.add_missing_cells puts these back
            self.log.warning("Missing cell %s put back from the source", name)
            note(resources, "restored", name)
            make = (
                nbformat.v4.new_code_cell if cell_type == "code" else nbformat.v4.new_markdown_cell
            )
            restored = make(text)
            restored.metadata["nbgrader"] = {
                "grade": False,
                "solution": name in answers,
                "locked": bool(locked),
                "grade_id": name,
                "schema_version": 3,
                "checksum": checksum,
            }
            nb.cells.insert(last + 1, restored)
            last += 1
        return nb, resources
