"""What every assignment's checks share: the machinery of the check standard, in one import.

The standard itself is stated in :mod:`coffeechat.checks`; its machinery lives
in one module per job, gathered here for the checks of each assignment
(``ps01``, ``ps02``, ...):

- :mod:`~coffeechat.checks._messages`: the words of a message (:func:`fail`,
  :func:`listing`, :func:`brief`, :func:`arrow_chain`, :data:`MESSAGE_LIMIT`);
- :mod:`~coffeechat.checks._calling`: running a learner's code (:func:`call`,
  :func:`expect_type`, :func:`passes_one_of`, :func:`blame_earlier`);
- :mod:`~coffeechat.checks._hooks`: the notebook hooks (:func:`not_defined`,
  :func:`install_notebook_messages`);
- :mod:`~coffeechat.checks._specs`: what an assignment is (:class:`Assignment`,
  :class:`Part`, :class:`GradedTest`);
- :mod:`~coffeechat.checks._scoreboard`: the learner's self-check
  (:func:`scoreboard`).

A private module: notebooks use :mod:`coffeechat.checks`.
"""

from __future__ import annotations

from coffeechat.checks._calling import (
    Earlier,
    blame_earlier,
    blank,
    blanks_as_empty,
    blanks_as_nan,
    call,
    checked,
    expect_type,
    fresh,
    learner_function,
    passes_one_of,
)
from coffeechat.checks._hooks import install_notebook_messages, not_defined
from coffeechat.checks._messages import (
    EXAMPLES,
    MESSAGE_LIMIT,
    arrow_chain,
    brief,
    fail,
    listing,
    passed,
    plural,
    short,
)
from coffeechat.checks._scoreboard import PartResult, Scoreboard, scoreboard
from coffeechat.checks._specs import Assignment, GradedTest, Part

__all__ = [
    "EXAMPLES",
    "MESSAGE_LIMIT",
    "Assignment",
    "Earlier",
    "GradedTest",
    "Part",
    "PartResult",
    "Scoreboard",
    "arrow_chain",
    "blame_earlier",
    "blank",
    "blanks_as_empty",
    "blanks_as_nan",
    "brief",
    "call",
    "checked",
    "expect_type",
    "fail",
    "fresh",
    "install_notebook_messages",
    "learner_function",
    "listing",
    "not_defined",
    "passed",
    "passes_one_of",
    "plural",
    "scoreboard",
    "short",
]
