"""The instructor's side of Coffee Chat, on top of nbgrader.

Every step works in an instructor's *course folder*, kept outside the course
kit's repository, and hands the real work to nbgrader's own API:

===============  ==========================================================
folder           ``init_course`` (copy ``solutions/`` into ``COURSE/source``
                 and write the course's ``nbgrader_config.py``), ``release``
collect          ``collect``: take in a folder of submitted notebooks
grade            ``grade``: choose what to grade, run the pool, record each
                 outcome; one writer to the gradebook, resumable
pool             the grading workers' processes (``worker`` grades one
                 submission and sends back one ``outcome.Outcome``)
transfer         a worker's private gradebook; its results into the course's
sidecars         the graded-state and notes files beside the grades
sandbox          the bubblewrap sandbox each grading kernel runs in
gradebook        backups, integrity checks, the scores table and summary
feedback         ``feedback``: pages without hidden tests' code
export           grades for Canvas and Moodle
manual           written answers: what awaits a mark, rubrics, entering marks
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
from coffeechat.course.manual import awaiting_marks, mark
from coffeechat.course.sandbox import Limits

__all__ = [
    "DEFAULT_TIMEOUT",
    "GradeReport",
    "Limits",
    "Submission",
    "awaiting_marks",
    "collect",
    "feedback",
    "grade",
    "gradebook_table",
    "init_course",
    "mark",
    "open_course",
    "release",
    "sandbox_status",
    "summary",
]
