"""Autograde preprocessor: nbgrader's Execute, with a cap on the output kept."""

from __future__ import annotations

from typing import Any

from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Integer

from coffeechat.course.outcome import note

__all__ = ["LimitedExecute"]

_OUTPUTS = ("stream", "display_data", "execute_result", "update_display_data")


class LimitedExecute(Execute):
    """nbgrader's ``Execute``, keeping at most ``max_output_bytes`` a cell.

    A submission that prints without end would otherwise fill the grading
    process's memory with output until the cell's time limit; past the cap
    further output is dropped as it arrives and one line says so. nbgrader's
    ``LimitOutput`` still trims what is kept to its line limits afterwards.
    Each cell cut off (``cut_off``) and each cell stopped at the time limit
    (``timed_out``) is noted in ``resources``
    (:func:`coffeechat.course.outcome.note`).
    """

    max_output_bytes = Integer(
        2_000_000, help="Bytes of output kept for one cell; the rest is dropped."
    ).tag(config=True)

    def preprocess_cell(self, cell: Any, resources: Any, index: int) -> tuple[Any, Any]:
        self._kept_bytes = 0
        self._capped = False
        return super().preprocess_cell(cell, resources, index)

    def output(self, outs: list, msg: dict, display_id: str | None, cell_index: int) -> Any:
        if msg.get("msg_type") in _OUTPUTS:
            size = len(str(msg.get("content", "")))
            self._kept_bytes = getattr(self, "_kept_bytes", 0) + size
            if self._kept_bytes > self.max_output_bytes:
                if not getattr(self, "_capped", False):
                    self._capped = True
                    self.log.warning("Output of cell %d cut off", cell_index)
                    note(self.resources, "cut_off", 1)
                    outs.append(
                        new_output(
                            "stream",
                            name="stdout",
                            text=f"\n[output cut off after {self.max_output_bytes:,} bytes]\n",
                        )
                    )
                return None
        return super().output(outs, msg, display_id, cell_index)

    async def _async_handle_timeout(self, timeout: int, cell: Any = None) -> Any:
        note(self.resources, "timed_out", 1)
        return await super()._async_handle_timeout(timeout, cell)
