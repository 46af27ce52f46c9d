"""Friendly checks for the graded assignments, and a self-check scoreboard.

Each ``check_*`` function takes what a learner made (a table, or one of their
functions), works out the right answer with the library *at check time*, and
compares. When something is wrong it raises :class:`~coffeechat.errors.CheckFailed`
(an :class:`AssertionError`, so nbgrader counts the test as failed) with one
plain sentence in the course's own terms: people, hops, introductions. When
all is well it prints one line that starts with a tick. Because expected
answers are computed when the check runs, a notebook holds no answers that
could leak, and an instructor can give a class its own seeded network.

The check standard
------------------
Every check of every assignment keeps to these five rules; the machinery for
them (names in parentheses) is gathered in ``checks._core``, but for the
notebook hooks of rule 3, in ``checks._hooks``.

1. **Another right answer passes.** An answer written another reasonable way
   passes: equal types the text allows, NaN or ``''`` alike for a blank cell
   (tables reach learners' functions as ``pd.read_csv`` gives them, blanks as
   NaN, and an answer that is right for ``''`` blanks passes too), any order
   where order does not matter (``passes_one_of``, ``blanks_as_nan``,
   ``blanks_as_empty``).
2. **Blame the right part.** A check of a function that may call a function
   of an earlier part first runs it as it is; if that fails, it runs it again
   with the reference for the earlier part, and if it then passes it says
   "your `role_family` (part b2) is the cause — fix that first" instead of
   failing the right function (``blame_earlier``, ``Earlier``).
3. **No traceback of the kit's own making.** A name not defined yet, an
   unanswered cell (``raise NotImplementedError()``), a value that is not a
   function, a result of the wrong type or ``None`` each become one plain
   sentence ("`connections` is not defined yet: run the cell with
   `load_connections` (part a) first"). Learners' functions are run with
   ``call``; results go through ``expect_type``; a check cell's NameError is
   shown by ``install_notebook_messages`` as ``not_defined`` says it.
4. **One problem, three examples, 400 characters.** A message names one
   problem and its likely cause, shows at most three examples, and stays within
   ``MESSAGE_LIMIT`` characters (``fail``, ``listing``, ``brief``,
   ``arrow_chain``).
5. **A mistake bank proves it.** For every part, the tests hold at least five
   typical learner mistakes, written as small answer variants, each caught by
   a check of its own part (visible or hidden) with a message naming the
   cause, and at least three right alternatives that pass; they run on the
   real notebook in a real kernel (``tests/live_notebook.py``).

The checks of each assignment live in a module of their own (``ps01``, ...)
that registers ``ASSIGNMENT`` (its parts, points, the functions each part asks
for); this package gathers them in :data:`ASSIGNMENTS`, so a notebook needs
only ``from coffeechat import checks``. :func:`scoreboard` reruns the visible
checks and shows a learner, working alone, their points so far per part.

Importing the package changes nothing outside it. Two things are switched on
explicitly: :func:`install_notebook_messages` (run by each assignment's first
cell) shows a check cell's ``NameError`` as one sentence, and a learner who
runs ``coffeechat.room.join()`` has each check's result recorded in the
workshop room (every ``check_*`` function reports to :mod:`coffeechat.room`,
which records only after ``join()``).
"""

from __future__ import annotations

from coffeechat.checks._assignments import ASSIGNMENTS
from coffeechat.checks._hooks import install_notebook_messages
from coffeechat.checks._scoreboard import PartResult, Scoreboard, scoreboard
from coffeechat.checks._specs import Assignment, GradedTest, Part
from coffeechat.checks.ps01 import (
    check_chain,
    check_connections_loader,
    check_connections_table,
    check_degrees,
    check_organization_counts,
    check_role_family,
    check_role_family_counts,
    check_shortest_chains,
    check_summary_edge_cases,
    check_within_two,
    contact_lists,
    practice_network,
)
from coffeechat.checks.ps02 import (
    check_chain_strength,
    check_introducer_ranking,
    check_people_to_ask,
    check_related_organizations,
    check_relations_table,
    check_strongest_chain,
    messy_organizations,
    organization_of,
    practice_organizations,
    strength_practice_network,
    tie_strengths,
)
from coffeechat.checks.ps03 import (
    check_draft_request,
    check_first_sentence,
    check_job_words,
    check_lamp_order,
    check_names_connection,
    check_own_request,
    check_three_b_seven,
    check_too_long,
    check_word_count,
    practice_emails,
    practice_holidays,
    practice_lamp,
    two_hop_targets,
)
from coffeechat.checks.ps04 import (
    check_cut_plan,
    check_industry_words,
    check_organization_relations,
    check_question_choice,
    check_tenure_table,
    practice_agenda,
    practice_positions,
    practice_postings,
    practice_questions,
    research_organizations,
)
from coffeechat.checks.ps05 import (
    check_follow_ups,
    check_job_requests,
    check_missing_closing,
    check_overran,
    check_rubric_score,
    check_scores,
    check_searchable_questions,
    check_talk_share,
    other_transcripts,
    tricky_transcript,
)
from coffeechat.checks.ps06 import (
    check_add_ties,
    check_expected_network,
    check_follow_ups_due,
    check_new_ties_elsewhere,
    check_reach_after,
    check_snowball_mean,
    check_snowball_run,
    check_thank_you_edge_cases,
    check_thank_you_hours,
    check_thanked_within_a_day,
)
from coffeechat.checks.ps07 import (
    check_average_clustering,
    check_average_path_length,
    check_clustering,
    check_corrected_median,
    check_letter_simulation,
    check_small_world_points,
    neighbour_lists,
    other_graphs,
    practice_graph,
)
from coffeechat.checks.ps08 import (
    check_advocacy,
    check_ask_list,
    check_first_plan,
    check_lamp_list,
    check_requests,
    check_three_weeks,
    check_top_five,
)

__all__ = [
    "ASSIGNMENTS",
    "Assignment",
    "GradedTest",
    "Part",
    "PartResult",
    "Scoreboard",
    "check_add_ties",
    "check_advocacy",
    "check_ask_list",
    "check_average_clustering",
    "check_average_path_length",
    "check_chain",
    "check_chain_strength",
    "check_clustering",
    "check_connections_loader",
    "check_connections_table",
    "check_corrected_median",
    "check_cut_plan",
    "check_degrees",
    "check_draft_request",
    "check_expected_network",
    "check_first_plan",
    "check_first_sentence",
    "check_follow_ups",
    "check_follow_ups_due",
    "check_industry_words",
    "check_introducer_ranking",
    "check_job_requests",
    "check_job_words",
    "check_lamp_list",
    "check_lamp_order",
    "check_letter_simulation",
    "check_missing_closing",
    "check_names_connection",
    "check_new_ties_elsewhere",
    "check_organization_counts",
    "check_organization_relations",
    "check_overran",
    "check_own_request",
    "check_people_to_ask",
    "check_question_choice",
    "check_reach_after",
    "check_related_organizations",
    "check_relations_table",
    "check_requests",
    "check_role_family",
    "check_role_family_counts",
    "check_rubric_score",
    "check_scores",
    "check_searchable_questions",
    "check_shortest_chains",
    "check_small_world_points",
    "check_snowball_mean",
    "check_snowball_run",
    "check_strongest_chain",
    "check_summary_edge_cases",
    "check_talk_share",
    "check_tenure_table",
    "check_thank_you_edge_cases",
    "check_thank_you_hours",
    "check_thanked_within_a_day",
    "check_three_b_seven",
    "check_three_weeks",
    "check_too_long",
    "check_top_five",
    "check_within_two",
    "check_word_count",
    "install_notebook_messages",
    "contact_lists",
    "messy_organizations",
    "neighbour_lists",
    "organization_of",
    "other_graphs",
    "other_transcripts",
    "practice_agenda",
    "practice_emails",
    "practice_graph",
    "practice_holidays",
    "practice_lamp",
    "practice_network",
    "practice_organizations",
    "practice_positions",
    "practice_postings",
    "practice_questions",
    "research_organizations",
    "scoreboard",
    "strength_practice_network",
    "tie_strengths",
    "tricky_transcript",
    "two_hop_targets",
]
