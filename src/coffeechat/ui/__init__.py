"""Widgets and pictures for the course notebooks.

Every function here *returns* a widget or a figure and never displays it: a
notebook shows it by leaving it as the last line of a cell. Under each widget
sits a plain function that does the real work — :func:`coffeechat.paths.reach_table` under
:class:`ReachExplorer`, :func:`mark_answer` under :class:`Quiz` — so a test,
or a curious learner, can call it directly and get a table or a message back.

There is a module per widget or drawing, in the order the course meets them:
``reach``, ``drawing`` and ``quiz`` (Module 1); ``chain_finder`` and
``industry_map`` (Module 2); ``request``, ``lamp`` and ``calendar``
(Module 3); ``planner`` (Module 4); ``roleplay`` (Module 5); ``thank_you``,
``tracker`` and ``snowball`` (Module 6); ``smallworld`` (Module 7); ``plan`` and
``own_search`` (Module 8); and ``room``, the facilitator's view of a workshop room. This
package gathers their public names.
"""

from __future__ import annotations

from coffeechat.ui.calendar import (
    FollowUpCalendar,
    follow_up_calendar,
    follow_up_calendar_widget,
    parse_holidays,
)
from coffeechat.ui.chain_finder import CHAIN_COLUMNS, ChainFinder, chain_finder, chain_table
from coffeechat.ui.drawing import MAX_DRAWN, MAX_LABELLED, draw_network
from coffeechat.ui.employer_plan import PlanBoard, plan_board
from coffeechat.ui.industry_map import IndustryMapExplorer, industry_map_explorer
from coffeechat.ui.lamp import LampBuilder, lamp_builder, lamp_summary
from coffeechat.ui.own_search import (
    RatingBoard,
    SecondRingForm,
    rate_contacts,
    second_ring_form,
)
from coffeechat.ui.question_planner import (
    AGENDA_FORMATS,
    QuestionPlanner,
    agenda_html,
    planner_agenda,
    question_planner,
)
from coffeechat.ui.quiz import Quiz, QuizQuestion, mark_answer, quiz
from coffeechat.ui.reach import ReachExplorer, reach_explorer
from coffeechat.ui.request import RequestChecker, request_checker, request_findings
from coffeechat.ui.roleplay import RolePlay, roleplay
from coffeechat.ui.room import STATUS_COLOURS, RoomView, draw_room, room_view
from coffeechat.ui.smallworld import SmallWorldLab, small_world_lab, small_world_summary
from coffeechat.ui.snowball import SnowballSimulator, snowball_simulator, snowball_summary
from coffeechat.ui.thank_you import (
    FINDING_COLUMNS,
    ThankYouReviewer,
    thank_you_findings,
    thank_you_reviewer,
)
from coffeechat.ui.tracker import BOARD_COLUMNS, TrackerBoard, follow_up_board, tracker_board

__all__ = [
    "AGENDA_FORMATS",
    "BOARD_COLUMNS",
    "CHAIN_COLUMNS",
    "ChainFinder",
    "FINDING_COLUMNS",
    "FollowUpCalendar",
    "IndustryMapExplorer",
    "LampBuilder",
    "MAX_DRAWN",
    "MAX_LABELLED",
    "PlanBoard",
    "QuestionPlanner",
    "Quiz",
    "QuizQuestion",
    "RatingBoard",
    "ReachExplorer",
    "RequestChecker",
    "RolePlay",
    "RoomView",
    "STATUS_COLOURS",
    "SecondRingForm",
    "SmallWorldLab",
    "SnowballSimulator",
    "ThankYouReviewer",
    "TrackerBoard",
    "agenda_html",
    "chain_finder",
    "chain_table",
    "draw_network",
    "draw_room",
    "follow_up_board",
    "follow_up_calendar",
    "follow_up_calendar_widget",
    "industry_map_explorer",
    "lamp_builder",
    "lamp_summary",
    "mark_answer",
    "parse_holidays",
    "plan_board",
    "planner_agenda",
    "question_planner",
    "quiz",
    "rate_contacts",
    "reach_explorer",
    "request_checker",
    "request_findings",
    "roleplay",
    "room_view",
    "second_ring_form",
    "small_world_lab",
    "small_world_summary",
    "snowball_simulator",
    "snowball_summary",
    "thank_you_findings",
    "thank_you_reviewer",
    "tracker_board",
]
