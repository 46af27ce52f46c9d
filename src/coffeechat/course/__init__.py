"""The instructor's side of Coffee Chat, on top of nbgrader.

Every step works in an instructor's *course folder*, kept outside the course
kit's repository, and hands the real work to nbgrader's own API:

===============  ==========================================================
folder           ``init_course`` (copy ``solutions/`` into ``COURSE/source``
                 and write the course's ``nbgrader_config.py``), ``release``
collect          ``collect``: take in a folder of submitted notebooks
grade            ``grade``: autograde in parallel workers, one writer to the
                 gradebook, resumable (``worker`` grades one submission)
sandbox          the bubblewrap sandbox each grading kernel runs in
gradebook        backups, integrity checks, the scores table and summary
feedback         ``feedback``: pages without hidden tests' code
export           grades for Canvas and Moodle
preprocessors    nbgrader preprocessors, one per file
hidden           the one scanner for hidden tests' code
===============  ==========================================================

The console script :mod:`coffeechat.cli` only parses arguments and prints.
"""

from coffeechat.course.collect import Submission, collect
from coffeechat.course.feedback import feedback
from coffeechat.course.folder import DEFAULT_TIMEOUT, init_course, open_course, release
from coffeechat.course.grade import GradeReport, grade, sandbox_status
from coffeechat.course.gradebook import gradebook_table, summary
from coffeechat.course.sandbox import Limits

__all__ = [
    "DEFAULT_TIMEOUT",
    "GradeReport",
    "Limits",
    "Submission",
    "collect",
    "feedback",
    "grade",
    "gradebook_table",
    "init_course",
    "open_course",
    "release",
    "sandbox_status",
    "summary",
]
