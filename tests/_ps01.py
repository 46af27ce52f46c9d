"""Assignment 1 helpers shared by the grading tests (on top of assignment_tools)."""

from __future__ import annotations

from pathlib import Path

import nbformat

import assignment_tools
from assignment_tools import SOLUTIONS, hidden_lines, nbgrader_meta
from coffeechat import checks

__all__ = ["PS01", "SOLUTIONS", "hidden_lines", "nbgrader_meta", "points_of", "submission"]

PS01 = checks.ASSIGNMENTS["ps01-who-can-introduce-you"]


def submission(parts: str, release: Path) -> nbformat.NotebookNode:
    """Assignment 1's student version with the solution's answers for ``parts``."""
    return assignment_tools.submission(PS01, parts, release)


def points_of(parts: str) -> float:
    """What Assignment 1 with exactly these parts right scores."""
    return assignment_tools.points_of(PS01, parts)
