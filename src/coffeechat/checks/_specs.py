"""What an assignment is: its parts, their graded tests and points.

:class:`Assignment`, :class:`Part` and :class:`GradedTest` describe an
assignment; each assignment's checks module registers one as ``ASSIGNMENT``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Assignment", "GradedTest", "Part"]


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
        cell; None for a cell of hidden tests or a manually graded answer.
    manual : bool
        True for an answer the instructor marks by hand (an nbgrader
        manually graded answer cell): no check runs it.
    """

    grade_id: str
    points: float
    call: str | None = None
    manual: bool = False

    @property
    def hidden(self) -> bool:
        """Whether the cell's tests are hidden from learners."""
        return self.call is None and not self.manual


@dataclass(frozen=True)
class Part:
    """One part of an assignment: a title, its graded tests, the functions it asks for.

    ``functions`` names what the learner writes in the part, so that a check
    cell run too early can say where a missing name comes from.
    """

    key: str
    title: str
    tests: tuple[GradedTest, ...]
    functions: tuple[str, ...] = ()

    @property
    def points(self) -> float:
        """All the points the part is worth, hidden tests included."""
        return sum(t.points for t in self.tests)


@dataclass(frozen=True)
class Assignment:
    """A graded assignment: its folder and notebook names, title and parts.

    ``made_by`` maps a variable the check cells use to the learner's function
    that makes it (``{"connections": "load_connections"}``), for
    :func:`not_defined`.
    """

    name: str
    notebook: str
    title: str
    parts: tuple[Part, ...]
    made_by: Mapping[str, str] = field(default_factory=dict)

    @property
    def points(self) -> float:
        """All the points the assignment is worth."""
        return sum(p.points for p in self.parts)

    @property
    def tests(self) -> tuple[GradedTest, ...]:
        """Every graded test, in notebook order."""
        return tuple(t for p in self.parts for t in p.tests)
