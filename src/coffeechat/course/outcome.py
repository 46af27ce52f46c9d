"""What grading one submission came to: the record a worker hands the recorder.

A grading worker (:mod:`coffeechat.course.worker`) grades a submission into
its private gradebook and sends back one :class:`Outcome`; the grading
process (:mod:`coffeechat.course.grade`) records it in the course's gradebook
(:func:`coffeechat.course.transfer.save_outcome`) and beside it. Nothing else
crosses from worker to course. What the course's own nbgrader preprocessors
did on the way (output cut off, hidden-test text removed, cells restored)
they note in nbgrader's ``resources`` (:func:`note`); the worker gathers it
as :class:`Facts`.

Examples
--------
>>> resources = {}
>>> note(resources, "scrubbed", 2)
>>> note(resources, "restored", "q1-answer")
>>> Facts.gathered([resources, {"coffeechat": {"scrubbed": 1}}])
Facts(cut_off=0, timed_out=0, scrubbed=3, restored=('q1-answer',), unmarked=(), error='')
>>> lost = Outcome.failure("ana", ["its grading worker stopped"])
>>> lost.happened, lost.failed, lost.score, lost.notes
('failed', True, 0.0, ('its grading worker stopped',))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

__all__ = ["GRADED", "FAILED", "RESOURCES_KEY", "CellResult", "Facts", "Outcome", "note"]

#: Where the course's preprocessors keep their facts in nbgrader's ``resources``.
RESOURCES_KEY = "coffeechat"

#: What happened to a submission: graded (whatever it scored), or could not be graded.
GRADED, FAILED = "graded", "failed"


@dataclass(frozen=True)
class Facts:
    """What the course's preprocessors did to one submission.

    Attributes
    ----------
    cut_off : int
        Cells whose output passed the byte limit and was cut off (``LimitedExecute``).
    timed_out : int
        Cells stopped at the time limit (``LimitedExecute``).
    scrubbed : int
        Outputs removed because they showed hidden tests' code (``ScrubLeakedTests``).
    restored : tuple of str
        Cells a learner deleted, put back from the source (``RepairGraderMetadata``).
    unmarked : tuple of str
        Why grader metadata was taken off a cell, one entry a cell (``RepairGraderMetadata``).
    error : str
        The error that stopped nbgrader, as ``Name: message``; empty when none did.
    """

    cut_off: int = 0
    timed_out: int = 0
    scrubbed: int = 0
    restored: tuple[str, ...] = ()
    unmarked: tuple[str, ...] = ()
    error: str = ""

    @classmethod
    def gathered(cls, all_resources: list[dict[str, Any]], error: str = "") -> Facts:
        """The facts noted in each ``resources`` of a submission's notebooks, added up."""
        counts: dict[str, Any] = {}
        for resources in all_resources:
            for name, value in resources.get(RESOURCES_KEY, {}).items():
                counts[name] = counts.get(name, type(value)()) + value
        return cls(error=error, **{f.name: counts[f.name] for f in fields(cls) if f.name in counts})


def note(resources: dict[str, Any], name: str, value: int | str) -> None:
    """Note in ``resources`` a fact of :class:`Facts`: a count to add, or a cell's name."""
    if name not in {f.name for f in fields(Facts)} - {"error"}:
        raise ValueError(f"{name!r} is not a field of Facts")
    kept = resources.setdefault(RESOURCES_KEY, {})
    if isinstance(value, str):
        kept[name] = (*kept.get(name, ()), value)
    else:
        kept[name] = kept.get(name, 0) + value


@dataclass(frozen=True)
class CellResult:
    """One graded cell of a submission, as autograde scored it.

    ``points`` is None when autograde could not score the cell (a written
    answer, which then needs a manual grade).
    """

    notebook: str
    cell: str
    points: float | None
    needs_manual_grade: bool


@dataclass(frozen=True)
class Outcome:
    """What grading one submission came to.

    Attributes
    ----------
    student : str
    happened : {"graded", "failed"}
        ``failed``: the submission could not be graded and scores 0.
    score, max_score : float
        The autograded points and the most there were.
    cells : tuple of CellResult
        Every graded cell's result (empty when it failed).
    comments : tuple of (notebook, cell, comment)
        autograde's comment on each cell that has one.
    late_penalties : tuple of (notebook, penalty)
    timestamp : datetime or None
        When the submission was made, as nbgrader read it.
    notes : tuple of str
        What the instructor should know: tampering repaired, cells stopped,
        the reason it failed.
    seconds : float
        How long grading it took.
    facts : Facts
        What the course's preprocessors did to it.
    """

    student: str
    happened: str = GRADED
    score: float = 0.0
    max_score: float = 0.0
    cells: tuple[CellResult, ...] = ()
    comments: tuple[tuple[str, str, str | None], ...] = ()
    late_penalties: tuple[tuple[str, float | None], ...] = ()
    timestamp: datetime | None = None
    notes: tuple[str, ...] = ()
    seconds: float = 0.0
    facts: Facts = field(default_factory=Facts)

    @property
    def failed(self) -> bool:
        """Whether the submission could not be graded (it scores 0)."""
        return self.happened == FAILED

    @classmethod
    def failure(
        cls,
        student: str,
        notes: Sequence[str],
        *,
        seconds: float = 0.0,
        facts: Facts | None = None,
    ) -> Outcome:
        """A submission that could not be graded: it scores 0; ``notes`` say why."""
        return cls(student, FAILED, notes=tuple(notes), seconds=seconds, facts=facts or Facts())
