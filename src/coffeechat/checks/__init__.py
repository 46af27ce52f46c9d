"""Friendly checks for the graded assignments, and a self-check scoreboard.

Each ``check_*`` function takes what a learner made (a table, or one of their
functions), works out the right answer with the library *at check time*, and
compares. When something is wrong it raises :class:`~coffeechat.errors.CheckFailed`
(an :class:`AssertionError`, so nbgrader counts the test as failed) with a
message in the course's own terms: people, ties, introductions. When all is
well it prints one line that starts with a tick.

Because expected answers are computed when the check runs, a notebook holds no
answers that could leak, and an instructor can give a class its own seeded
network without rewriting any test.

:func:`scoreboard` reruns the visible checks of an assignment and shows a
learner, working alone, the points they have so far for each part.

The checks of each assignment live in a module of their own (``ps01``, ...);
this package gathers them, so a notebook needs only ``from coffeechat import
checks`` and calls ``checks.check_...``.
"""

from __future__ import annotations

from coffeechat.checks import ps01, ps07
from coffeechat.checks._core import (
    Assignment,
    GradedTest,
    Part,
    PartResult,
    Scoreboard,
    scoreboard,
)
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

#: The graded assignments, by folder name.
ASSIGNMENTS: dict[str, Assignment] = {a.name: a for a in (ps01.ASSIGNMENT, ps07.ASSIGNMENT)}

__all__ = [
    "ASSIGNMENTS",
    "Assignment",
    "GradedTest",
    "Part",
    "PartResult",
    "Scoreboard",
    "check_average_clustering",
    "check_average_path_length",
    "check_chain",
    "check_clustering",
    "check_connections_loader",
    "check_connections_table",
    "check_corrected_median",
    "check_degrees",
    "check_letter_simulation",
    "check_organization_counts",
    "check_role_family",
    "check_role_family_counts",
    "check_shortest_chains",
    "check_small_world_points",
    "check_summary_edge_cases",
    "check_within_two",
    "contact_lists",
    "neighbour_lists",
    "other_graphs",
    "practice_graph",
    "practice_network",
    "scoreboard",
]
