"""Widgets and pictures for the course notebooks.

Every function here *returns* a widget or a figure and never displays it: a
notebook shows it by leaving it as the last line of a cell. Under each widget
sits a plain function that does the real work — :func:`coffeechat.paths.reach_table` under
:class:`ReachExplorer`, :func:`mark_answer` under :class:`Quiz` — so a test,
or a curious learner, can call it directly and get a table or a message back.

There is a module per widget or drawing: :mod:`~coffeechat.ui.reach`,
:mod:`~coffeechat.ui.drawing`, :mod:`~coffeechat.ui.quiz`; this package
gathers their public names.
"""

from __future__ import annotations

from coffeechat.ui.calendar import (
    FollowUpCalendar,
    follow_up_calendar,
    follow_up_calendar_widget,
    parse_holidays,
)
from coffeechat.ui.drawing import MAX_DRAWN, MAX_LABELLED, draw_network
from coffeechat.ui.lamp import LampBuilder, lamp_builder, lamp_summary
from coffeechat.ui.quiz import Quiz, QuizQuestion, mark_answer, quiz
from coffeechat.ui.reach import ReachExplorer, reach_explorer
from coffeechat.ui.request import RequestChecker, request_checker, request_findings

__all__ = [
    "MAX_DRAWN",
    "MAX_LABELLED",
    "FollowUpCalendar",
    "LampBuilder",
    "Quiz",
    "QuizQuestion",
    "ReachExplorer",
    "RequestChecker",
    "draw_network",
    "follow_up_calendar",
    "follow_up_calendar_widget",
    "lamp_builder",
    "lamp_summary",
    "mark_answer",
    "parse_holidays",
    "quiz",
    "reach_explorer",
    "request_checker",
    "request_findings",
]
