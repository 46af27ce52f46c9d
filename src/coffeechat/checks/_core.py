"""What every assignment's checks share: calling a learner's function safely,
telling the learner a check passed, small wording helpers, the description of
an assignment (parts and graded tests) and the self-check scoreboard.

A private module: the checks of each assignment (``ps01``, ``ps02``, ...)
import from it; notebooks use :mod:`coffeechat.checks`.
"""

from __future__ import annotations

import contextlib
import html
import importlib
import io
import os
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from coffeechat.checks._integrity import scoreboard_notes
from coffeechat.errors import CheckFailed


# --------------------------------------------------------------- plumbing
def passed(message: str) -> None:
    """Tell the learner a check passed (stdout: nbgrader reads stderr as a failure)."""
    print(f"\N{CHECK MARK} {message}")


def call(function: Any, args: Sequence[Any], name: str) -> Any:
    """Call a learner's function; turn its errors into friendly ones.

    Warnings and anything the function writes to the error stream are caught,
    so a harmless warning never costs points (nbgrader fails a test cell that
    writes to stderr); what the function wrote is shown on stdout instead.
    """
    if not callable(function):
        raise CheckFailed(
            f"{name} should be a function you defined with def, but it is a "
            f"{type(function).__name__}."
        )
    stderr = io.StringIO()
    try:
        with warnings.catch_warnings(), contextlib.redirect_stderr(stderr):
            warnings.simplefilter("ignore")
            result = function(*args)
    except NotImplementedError as err:
        raise CheckFailed(
            f"{name} is not written yet: replace `raise NotImplementedError()` with your code."
        ) from err
    except CheckFailed:
        raise
    except Exception as err:
        raise CheckFailed(
            f"{name} stopped with {type(err).__name__}: {err}. The traceback above "
            "points at the line in your code."
        ) from err
    if stderr.getvalue().strip():
        print(f"(note: {name} wrote to the error stream: {stderr.getvalue().strip()[:300]})")
    return result


def fresh(contacts: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """A copy a learner's function may change without spoiling the next test."""
    return {person: list(others) for person, others in contacts.items()}


def plural(number: object, word: str, many: str | None = None) -> str:
    """``1 tie``, ``2 ties``: a number with its noun."""
    return f"{number} {word if number == 1 else many or word + 's'}"


def listing(items: Sequence[str], limit: int = 3) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def blank(value: object) -> bool:
    if value is None:
        return True
    try:
        if pd.isna(value):
            return True
    except (TypeError, ValueError):
        return False
    return isinstance(value, str) and not value.strip()


# ---------------------------------------------------------- assignments
@dataclass(frozen=True)
class GradedTest:
    """One graded test cell of an assignment.

    Parameters
    ----------
    grade_id : str
        The cell's nbgrader ``grade_id``.
    points : float
        Its nbgrader points.
    call : str or None
        The check the visible cell runs, as written after ``checks.`` in the
        cell; None for a cell of hidden tests.
    """

    grade_id: str
    points: float
    call: str | None = None

    @property
    def hidden(self) -> bool:
        """Whether the cell's tests are hidden from learners."""
        return self.call is None


@dataclass(frozen=True)
class Part:
    """One part of an assignment: a title and its graded tests."""

    key: str
    title: str
    tests: tuple[GradedTest, ...]

    @property
    def points(self) -> float:
        """All the points the part is worth, hidden tests included."""
        return sum(t.points for t in self.tests)


@dataclass(frozen=True)
class Assignment:
    """A graded assignment: its folder and notebook names, title and parts."""

    name: str
    notebook: str
    title: str
    parts: tuple[Part, ...]

    @property
    def points(self) -> float:
        """All the points the assignment is worth."""
        return sum(p.points for p in self.parts)

    @property
    def tests(self) -> tuple[GradedTest, ...]:
        """Every graded test, in notebook order."""
        return tuple(t for p in self.parts for t in p.tests)


# ------------------------------------------------------------ scoreboard
@dataclass(frozen=True)
class PartResult:
    """How a learner is doing on one part, from the visible checks alone."""

    part: Part
    earned: float
    visible: float
    notes: tuple[str, ...]

    @property
    def hidden(self) -> float:
        """Points from hidden tests, known only after grading."""
        return self.part.points - self.visible


@dataclass(frozen=True)
class Scoreboard:
    """A learner's self-check: visible points earned per part.

    Shown as a table in a notebook and as plain text elsewhere. ``graded`` is
    True when the notebook is being graded by nbgrader; then the checks are
    not rerun and the feedback shows the real scores.
    """

    assignment: Assignment
    parts: tuple[PartResult, ...]
    graded: bool = False

    @property
    def earned(self) -> float:
        """Visible points earned so far."""
        return sum(r.earned for r in self.parts)

    @property
    def visible(self) -> float:
        """Points the visible checks are worth."""
        return sum(r.visible for r in self.parts)

    def _rows(self) -> list[tuple[str, str, str]]:
        rows = []
        for r in self.parts:
            status = "\N{CHECK MARK} all visible checks pass" if not r.notes else r.notes[0]
            rows.append(
                (
                    f"({r.part.key}) {r.part.title}",
                    f"{_points(r.earned)} / {_points(r.visible)}",
                    status,
                )
            )
        return rows

    def _footer(self) -> str:
        hidden = self.assignment.points - self.visible
        return (
            f"Visible checks: {_points(self.earned)} of {_points(self.visible)} points. "
            f"Hidden checks, worth {_points(hidden)} more, run when your work is graded."
        )

    def __str__(self) -> str:
        if self.graded:
            return _GRADED_MESSAGE
        width = max(len(r[0]) for r in self._rows())
        lines = [f"Self-check: {self.assignment.title}"]
        lines += [f"  {a:<{width}}  {b:>9}  {c}" for a, b, c in self._rows()]
        lines.append(self._footer())
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        if self.graded:
            return f"<p>{html.escape(_GRADED_MESSAGE)}</p>"
        cells = "".join(
            f"<tr><td style='text-align:left'>{html.escape(a)}</td><td>{html.escape(b)}</td>"
            f"<td style='text-align:left'>{html.escape(c)}</td></tr>"
            for a, b, c in self._rows()
        )
        return (
            f"<table><caption>Self-check: {html.escape(self.assignment.title)}</caption>"
            f"<tr><th>part</th><th>points</th><th>status</th></tr>{cells}</table>"
            f"<p>{html.escape(self._footer())}</p>"
        )


_GRADED_MESSAGE = "This notebook is being graded: the scores above come from all the tests."


def _points(value: float) -> str:
    return f"{value:g}"


def scoreboard(assignment: str, namespace: Mapping[str, Any]) -> Scoreboard:
    """Rerun an assignment's visible checks and score each part.

    Parameters
    ----------
    assignment : str
        The assignment's folder name, a key of :data:`ASSIGNMENTS`.
    namespace : mapping
        Where the learner's work lives; in a notebook, ``globals()``.

    Returns
    -------
    Scoreboard
        Visible points earned per part, with the first problem found in each.

    Raises
    ------
    KeyError
        If there is no such assignment.

    Examples
    --------
    >>> board = scoreboard("ps01-who-can-introduce-you", {})
    >>> board.earned, board.visible
    (0.0, 12.0)
    >>> board.parts[0].notes[0]
    'not run yet: `connections` is not defined; run the cells above first'
    """
    from coffeechat.checks import ASSIGNMENTS

    spec = ASSIGNMENTS[assignment]
    if os.environ.get("NBGRADER_EXECUTION") == "autograde":
        return Scoreboard(spec, (), graded=True)
    env = dict(namespace)
    env["checks"] = importlib.import_module("coffeechat.checks")
    tampered = scoreboard_notes(spec, namespace)  # deleted, copied or edited test cells
    results = []
    for part in spec.parts:
        earned, visible, notes = 0.0, 0.0, []
        for test in part.tests:
            if test.call is None:
                continue
            visible += test.points
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    eval("checks." + test.call, env)
            except NameError as err:
                notes.append(f"not run yet: `{err.name}` is not defined; run the cells above first")
            except CheckFailed as err:
                notes.append(str(err))
            except Exception as err:
                notes.append(f"{type(err).__name__}: {err}")
            else:
                earned += test.points
        results.append(PartResult(part, earned, visible, (*tampered.get(part.key, ()), *notes)))
    return Scoreboard(spec, tuple(results))
