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

from coffeechat.ui.drawing import MAX_DRAWN, MAX_LABELLED, draw_network
from coffeechat.ui.quiz import Quiz, QuizQuestion, mark_answer, quiz
from coffeechat.ui.reach import ReachExplorer, reach_explorer

__all__ = [
    "MAX_DRAWN",
    "MAX_LABELLED",
    "Quiz",
    "QuizQuestion",
    "ReachExplorer",
    "mark_answer",
    "draw_network",
    "quiz",
    "reach_explorer",
]
