"""Assignment 1 helpers shared by the grading tests (on top of test_assignments)."""

from __future__ import annotations

from pathlib import Path

import nbformat

import test_assignments
from coffeechat import checks
from test_assignments import SOLUTIONS, hidden_lines, nbgrader_meta

__all__ = ["PS01", "SOLUTIONS", "hidden_lines", "nbgrader_meta", "points_of", "submission"]

PS01 = checks.ASSIGNMENTS["ps01-who-can-introduce-you"]


def submission(parts: str, release: Path) -> nbformat.NotebookNode:
    """Assignment 1's student version with the solution's answers for ``parts``."""
    return test_assignments.submission(PS01, parts, release)


def points_of(parts: str) -> float:
    """What Assignment 1 with exactly these parts right scores."""
    return test_assignments.points_of(PS01, parts)
