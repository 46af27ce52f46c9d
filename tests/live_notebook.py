"""Run an assignment notebook once in a real kernel, then try other answers in it.

A mistake bank needs many small variants of a learner's answer, each checked
by the notebook's own test cells. Running the whole notebook for each would
take minutes; instead :class:`LiveNotebook` runs it once (with nbclient, in a
real IPython kernel, as nbgrader does) and then, for each variant, runs the
changed answer cell and the part's graded cells again, and puts the original
answer back. Hidden tests run too when the notebook is the instructor's
version in ``solutions/``.

Conventions it relies on (every assignment follows them): answer cells and
graded cells have nbgrader grade ids of the form ``part-<key>-<name>``, where
``<key>`` is the part's key in :data:`coffeechat.checks.ASSIGNMENTS`.

Example (in a test)::

    with LiveNotebook(SOLUTIONS / "ps01-who-can-introduce-you") as live:
        results = live.try_answer("part-b-answer", "def contacts_per_organization(t): ...")
        assert not results["part-b-organizations"].passed

A test module that tries many answers shares one kernel through
:func:`live_fixture`: ``live = live_fixture(FOLDER)``.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import nbformat
import pytest
from nbclient import NotebookClient

CELL_TIMEOUT = 120  # seconds; a learner's infinite loop fails the variant instead of hanging


@dataclass(frozen=True)
class CellResult:
    """What one cell did: whether it raised, and what it printed."""

    passed: bool
    output: str
    error: str

    @property
    def message(self) -> str:
        """The error's message as the learner sees it (``''`` when the cell passed)."""
        return self.error.split(": ", 1)[-1] if self.error else ""


def part_of(grade_id: str) -> str:
    """The part key in a grade id such as ``part-b-answer`` (here ``b``)."""
    pieces = grade_id.split("-")
    if len(pieces) < 3 or pieces[0] != "part":
        raise ValueError(f"grade id {grade_id!r} is not of the form part-<key>-<name>")
    return pieces[1]


class LiveNotebook:
    """An assignment notebook, run top to bottom once in a kernel that stays up.

    Parameters
    ----------
    folder : Path
        The assignment's folder (in ``solutions/`` or ``exercises/``); it is
        copied to a temporary folder, which is the kernel's working folder.
    notebook : str, optional
        The notebook's file name, if the folder holds more than one.
    """

    def __init__(self, folder: Path, notebook: str | None = None) -> None:
        found = sorted(folder.glob("*.ipynb")) if notebook is None else [folder / notebook]
        if len(found) != 1:
            raise ValueError(f"expected one notebook in {folder}, found {found}")
        self.path = found[0]
        self._stack = contextlib.ExitStack()
        self._work = Path(tempfile.mkdtemp(prefix="coffeechat-live-"))
        shutil.copytree(folder, self._work, dirs_exist_ok=True)
        self.nb = nbformat.read(self._work / self.path.name, as_version=4)
        self.client = NotebookClient(
            self.nb,
            timeout=CELL_TIMEOUT,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": str(self._work)}},
        )
        self._index = {
            cell.metadata["nbgrader"]["grade_id"]: i
            for i, cell in enumerate(self.nb.cells)
            if cell.metadata.get("nbgrader", {}).get("grade_id")
        }
        self._original = {gid: self.nb.cells[i].source for gid, i in self._index.items()}
        self.first_run: dict[str, CellResult] = {}

    # ------------------------------------------------------------- lifetime
    def __enter__(self) -> LiveNotebook:
        self._stack.enter_context(self.client.setup_kernel())
        self._stack.callback(shutil.rmtree, self._work, ignore_errors=True)
        for index, cell in enumerate(self.nb.cells):
            if cell.cell_type == "code":
                result = self._execute(index)
                grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
                if grade_id:
                    self.first_run[grade_id] = result
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stack.close()

    # ------------------------------------------------------------- running
    def _execute(self, index: int) -> CellResult:
        cell = self.nb.cells[index]
        self.client.execute_cell(cell, index)
        printed, error = [], ""
        for output in cell.outputs:
            if output.output_type == "stream":
                printed.append(output.text)
            elif output.output_type == "error":
                error = f"{output.ename}: {output.evalue}"
            elif "text/plain" in output.get("data", {}):
                printed.append(output.data["text/plain"])
        return CellResult(passed=not error, output="".join(printed), error=error)

    def run(self, grade_id: str) -> CellResult:
        """Run the cell with this grade id again, as it stands now."""
        return self._execute(self._index[grade_id])

    def run_code(self, code: str) -> CellResult:
        """Run a piece of code in the notebook's kernel (a scratch cell)."""
        cell = nbformat.v4.new_code_cell(code)
        self.nb.cells.append(cell)
        try:
            return self._execute(len(self.nb.cells) - 1)
        finally:
            self.nb.cells.pop()

    def graded_cells(self, part: str) -> list[str]:
        """Grade ids of the part's graded cells (visible and hidden), in notebook order."""
        return [
            gid
            for gid, i in self._index.items()
            if self.nb.cells[i].metadata["nbgrader"].get("grade") and part_of(gid) == part
        ]

    def try_answer(
        self, grade_id: str, source: str, checks: Iterable[str] | None = None
    ) -> dict[str, CellResult]:
        """Run another version of an answer cell, then the checks; put the answer back.

        Parameters
        ----------
        grade_id : str
            The answer cell's grade id, e.g. ``part-b-answer``.
        source : str
            The variant's code, as a learner would write it in that cell.
        checks : iterable of str, optional
            Grade ids of the cells to run afterwards; by default every graded
            cell of the answer's part (hidden ones too, in a solution notebook).

        Returns
        -------
        dict
            Each check's grade id mapped to its :class:`CellResult`, plus the
            answer cell's own result under ``grade_id``.
        """
        index = self._index[grade_id]
        wanted = list(self.graded_cells(part_of(grade_id)) if checks is None else checks)
        cell = self.nb.cells[index]
        try:
            cell.source = source
            results = {grade_id: self._execute(index)}
            for check in wanted:
                results[check] = self.run(check)
        finally:
            cell.source = self._original[grade_id]
            restored = self._execute(index)
        if not restored.passed:
            raise RuntimeError(f"putting back the answer of {grade_id} failed: {restored.error}")
        return results


def live_fixture(folder: Path, *, first_run_passes: bool = False):
    """A module-scoped fixture ``live``: the notebook in ``folder``, run once in a real kernel.

    The kernel stays up for the test module. With ``first_run_passes`` the
    fixture first asserts that every cell of the untouched notebook passed.
    """

    @pytest.fixture(scope="module")
    def live():
        with LiveNotebook(folder) as notebook:
            if first_run_passes:
                assert all(r.passed for r in notebook.first_run.values()), notebook.first_run
            yield notebook

    return live
