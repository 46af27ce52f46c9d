"""Autograde preprocessor: remove output that shows hidden tests' code."""

from __future__ import annotations

from typing import Any

from nbgrader.api import Gradebook
from nbgrader.preprocessors import ClearHiddenTests, NbGraderPreprocessor

from coffeechat.course.hidden import hidden_lines, leaked
from coffeechat.course.outcome import note

__all__ = ["REMOVED", "ScrubLeakedTests"]

REMOVED = "[output removed: it showed the code of a hidden test]"


class ScrubLeakedTests(NbGraderPreprocessor):
    """Autograde preprocessor: remove output that shows hidden tests' code.

    A submission can print the hidden tests while it is graded (for instance
    by hooking IPython to echo every cell it runs); its feedback would then
    show them. Runs after ``Execute``: every output containing a line of a
    hidden test is replaced by a note, keeping its kind, so scores are
    unchanged (an error stays an error, a stream on stderr stays on stderr).
    A traceback keeps every line that shows no hidden code. How many outputs
    were changed is noted in ``resources`` (``scrubbed``).
    """

    def preprocess(self, nb: Any, resources: Any) -> tuple[Any, Any]:
        info = resources["nbgrader"]
        clear = ClearHiddenTests(config=self.config)
        with Gradebook(info["db_url"]) as gb:
            notebook = gb.find_notebook(info["notebook"], info["assignment"])
            sources = [cell.source for cell in notebook.source_cells]
        secret = hidden_lines(sources, clear.begin_test_delimeter, clear.end_test_delimeter)
        if not secret:
            return nb, resources
        removed = 0
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                removed += _scrub(output, secret)
        if removed:
            self.log.warning("Removed %d outputs that showed hidden test code", removed)
            note(resources, "scrubbed", removed)
        return nb, resources


def _scrub(output: Any, secret: set[str]) -> int:
    kind = output.get("output_type")
    if kind == "stream":
        if leaked(output.get("text", ""), secret):
            output["text"] = REMOVED + "\n"
            return 1
    elif kind == "error":
        before = list(output.get("traceback", []))
        output["traceback"] = [line for line in before if not leaked(line, secret)]
        changed = output["traceback"] != before
        if leaked(output.get("evalue", ""), secret):
            output["evalue"] = REMOVED
            changed = True
        return int(changed)
    elif "data" in output and any(leaked(str(v), secret) for v in output["data"].values()):
        output["data"] = {"text/plain": REMOVED}
        return 1
    return 0
