"""The learner's self-check: visible points earned per part.

:func:`scoreboard` reruns an assignment's visible checks and gives a
:class:`Scoreboard` of :class:`PartResult`, one per part.
"""

from __future__ import annotations

import contextlib
import difflib
import html
import importlib
import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coffeechat import room
from coffeechat.checks._hooks import not_defined
from coffeechat.checks._integrity import scoreboard_notes
from coffeechat.checks._specs import Assignment, Part
from coffeechat.errors import CheckFailed, InvalidParameter

__all__ = ["PartResult", "Scoreboard", "scoreboard"]


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
            if not r.visible and any(t.manual for t in r.part.tests):
                status = "written answers: your instructor marks them"
            rows.append(
                (
                    f"({r.part.key}) {r.part.title}",
                    f"{_points(r.earned)} / {_points(r.visible)}",
                    status,
                )
            )
        return rows

    def _footer(self) -> str:
        manual = sum(t.points for t in self.assignment.tests if t.manual)
        hidden = self.assignment.points - self.visible - manual
        text = f"Visible checks: {_points(self.earned)} of {_points(self.visible)} points."
        if hidden:
            text += f" Hidden checks, worth {_points(hidden)} more, run when your work is graded."
        if manual:
            text += f" Your instructor marks the written answers ({_points(manual)} points)."
        return text

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
    InvalidParameter
        If there is no such assignment (the message names the close ones).

    Examples
    --------
    >>> board = scoreboard("ps01-who-can-introduce-you", {})
    >>> board.earned, board.visible
    (0.0, 12.0)
    >>> print(board.parts[0].notes[0])
    `connections` is not defined yet: run the cell with `load_connections` (part a) first.
    """
    from coffeechat.checks import ASSIGNMENTS

    if not isinstance(namespace, Mapping):
        raise InvalidParameter(f"namespace must be a mapping such as globals(), not {namespace!r}")
    if not isinstance(assignment, str) or assignment not in ASSIGNMENTS:
        close = difflib.get_close_matches(str(assignment), list(ASSIGNMENTS), n=1)
        hint = (
            f"did you mean {close[0]!r}?"
            if close
            else "the assignments are " + ", ".join(map(repr, ASSIGNMENTS))
        )
        raise InvalidParameter(f"there is no assignment {assignment!r}; {hint}")
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
                with contextlib.redirect_stdout(io.StringIO()), room.quiet():
                    eval("checks." + test.call, env)
            except NameError as err:
                notes.append(not_defined(str(err.name), spec, namespace))
            except CheckFailed as err:
                notes.append(str(err))
            except Exception as err:
                notes.append(f"{type(err).__name__}: {err}")
            else:
                earned += test.points
        results.append(PartResult(part, earned, visible, (*tampered.get(part.key, ()), *notes)))
    return Scoreboard(spec, tuple(results))
