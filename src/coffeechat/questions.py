"""Questions for an informational interview, and a planner that picks the right few.

The bank shipped with Coffee Chat (``coffeechat/data/questions.csv``) holds
questions written for this course. Each has a TIARA category — Trends,
Insights, Advice, Resources, Assignments, the question types Steve Dalton
recommends in *The 2-Hour Job Search* — a topic, the people it suits, an
estimate of the minutes it takes, a value from 1 to 5 (how much insider
knowledge it tends to draw out) and a flag for questions a quick web search
answers. Those are in the bank only as examples of what to research instead:
the planner leaves them out.

:func:`plan_interview` turns goals and the minutes you asked for into an
agenda: a short opening, the questions in TIARA order, the two closing
questions ("Is there anything I should have asked?" and "Who else should I
talk to?") and thanks, with a few minutes to spare. It chooses the
questions by exact optimisation: the set that covers the most goals, then
is worth the most, within the time, with no two questions alike.

Examples
--------
>>> from coffeechat.contacts import Person
>>> ana = Person("ana", "Ana Ruiz", "Acme Health", "UX Lead", "Healthcare")
>>> plan = plan_interview(["culture", "skills"], minutes=20, interviewee=ana, seed=1)
>>> plan.covered_goals
('culture', 'skills')
>>> plan.total_minutes + plan.buffer <= 20
True
>>> plan.items[-2].text
'Who else should I talk to?'
"""

from __future__ import annotations

from coffeechat._bank import AUDIENCES, SLOTS, TIARA, TOPICS
from coffeechat._interview_plan import MAX_MINUTES as MAX_MINUTES
from coffeechat._interview_plan import MIN_MINUTES as MIN_MINUTES
from coffeechat._interview_plan import AgendaItem, InterviewPlan, plan_interview
from coffeechat._questionbank import (
    CLOSING_IDS,
    GOALS,
    NEAR_DUPLICATE,
    Question,
    QuestionBank,
    default_bank_path,
    infer_audience,
    load_bank,
    normalize_goal,
)

__all__ = [
    "AUDIENCES",
    "CLOSING_IDS",
    "GOALS",
    "NEAR_DUPLICATE",
    "SLOTS",
    "TIARA",
    "TOPICS",
    "AgendaItem",
    "InterviewPlan",
    "Question",
    "QuestionBank",
    "default_bank_path",
    "infer_audience",
    "load_bank",
    "normalize_goal",
    "plan_interview",
]
