"""Widgets and pictures for the course notebooks.

Every function here *returns* a widget or a figure and never displays it: a
notebook shows it by leaving it as the last line of a cell. Under each widget
sits a plain function that does the real work — :func:`~coffeechat.ui.reach.reach_table` under
:class:`ReachExplorer`, :func:`check_answer` under :class:`Quiz` — so a test,
or a curious learner, can call it directly and get a table or a message back.

There is a module per widget or drawing: :mod:`~coffeechat.ui.reach`,
:mod:`~coffeechat.ui.drawing`, :mod:`~coffeechat.ui.quiz`; this package
gathers their public names.
"""

from __future__ import annotations

from coffeechat.ui.drawing import MAX_DRAWN, MAX_LABELLED, draw_network
from coffeechat.ui.quiz import Quiz, QuizQuestion, check_answer, quiz
from coffeechat.ui.reach import (
    DIRECT,
    REACH_COLUMNS,
    ReachExplorer,
    hop_counts,
    reach_explorer,
    reach_table,
)
from coffeechat.ui.snowball import SnowballSimulator, snowball_simulator, snowball_summary
from coffeechat.ui.thank_you import (
    FINDING_COLUMNS,
    ThankYouReviewer,
    thank_you_findings,
    thank_you_reviewer,
)
from coffeechat.ui.tracker import BOARD_COLUMNS, TrackerBoard, follow_up_board, tracker_board

__all__ = [
    "BOARD_COLUMNS",
    "DIRECT",
    "FINDING_COLUMNS",
    "MAX_DRAWN",
    "MAX_LABELLED",
    "REACH_COLUMNS",
    "Quiz",
    "QuizQuestion",
    "ReachExplorer",
    "SnowballSimulator",
    "ThankYouReviewer",
    "TrackerBoard",
    "check_answer",
    "draw_network",
    "follow_up_board",
    "hop_counts",
    "quiz",
    "reach_explorer",
    "reach_table",
    "snowball_simulator",
    "snowball_summary",
    "thank_you_findings",
    "thank_you_reviewer",
    "tracker_board",
]
