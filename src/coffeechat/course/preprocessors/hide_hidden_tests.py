"""Feedback preprocessor: remove hidden tests' code, keep their result."""

from __future__ import annotations

from typing import Any

from nbgrader.preprocessors import ClearHiddenTests

from coffeechat.course.hidden import without_hidden

__all__ = ["HideHiddenTests", "NOTE"]

NOTE = "# (hidden tests ran here; their code stays with your instructor)"


class HideHiddenTests(ClearHiddenTests):
    """Feedback preprocessor: remove hidden tests' code, keep their result.

    nbgrader's feedback page shows the autograded notebook, in which locked
    test cells hold the instructor's full source, hidden tests included. This
    replaces each hidden region with a one-line comment and cuts the
    traceback of a failed hidden test down to its last line (the message), so
    learners see *that* a hidden test failed and why, but not its code.
    Configure it in ``GenerateFeedback.preprocessors``; it uses nbgrader's
    ``begin_test_delimeter`` and ``end_test_delimeter`` settings.
    """

    def preprocess_cell(self, cell: Any, resources: Any, cell_index: int) -> tuple[Any, Any]:
        if self.begin_test_delimeter not in cell.source:
            return cell, resources
        cell.source = without_hidden(
            cell.source, note=NOTE, begin=self.begin_test_delimeter, end=self.end_test_delimeter
        )
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                name, message = output.get("ename", "Error"), output.get("evalue", "")
                output["traceback"] = [f"{name}: {message}"]
        return cell, resources
