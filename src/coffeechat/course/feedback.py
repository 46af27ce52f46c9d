"""``feedback``: each graded student's feedback page, without hidden tests' code."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from coffeechat.course.folder import check_result, open_course, quiet
from coffeechat.course.hidden import refuse_leaks
from coffeechat.errors import GradingError

__all__ = ["feedback"]


def feedback(
    course: str | Path,
    assignment: str,
    *,
    students: Sequence[str] | None = None,
    db: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write each graded student's feedback page, without hidden tests' code.

    Runs nbgrader's ``generate_feedback`` per student; the course's settings
    put :class:`HideHiddenTests` in its preprocessors. As a safety net, every
    page is searched for lines of hidden-test code before it is kept.

    Returns
    -------
    list of pathlib.Path
        The HTML pages, under ``COURSE/feedback/<student>/<assignment>/``.

    Raises
    ------
    GradingError
        If nothing has been graded, nbgrader fails, or a page would show
        hidden test code (the page is then deleted).
    """
    c = open_course(course, db)
    graded = sorted(p.parent.name for p in c.path("autograded").glob(f"*/{assignment}"))
    todo = list(students) if students else graded
    if not todo:
        raise GradingError(
            f"{c.path('autograded')}: nothing graded for {assignment!r} yet; "
            "run `coffeechat grade` first"
        )
    pages = []
    for number, student in enumerate(todo, start=1):
        if progress:
            progress(f"feedback {number}/{len(todo)} {student}")
        with quiet():
            check_result(c.api.generate_feedback(assignment, student), f"feedback for {student}")
        written = sorted(c.path("feedback", student, assignment).glob("*.html"))
        try:
            refuse_leaks(c.hidden_lines(assignment), written, "the feedback")
        except GradingError:
            for page in written:
                page.unlink()
            raise
        pages.extend(written)
    return pages
