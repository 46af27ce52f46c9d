"""Checks for Assignment 1, *Who can introduce you?* (``ps01-who-can-introduce-you``).

Part (a) loads a LinkedIn export, part (b) summarises it, parts (c) and (d)
search the network breadth first. Each check works out the right answer with
the library when it runs.

Examples
--------
>>> from coffeechat.checks import check_degrees, practice_network
>>> def degrees(contacts, source):
...     return {source: 0}
>>> try:
...     check_degrees(degrees, practice_network())
... except AssertionError as err:
...     print(err)  # doctest: +ELLIPSIS
In the small practice network, your answer leaves out 5 people you can reach, ...
"""

from __future__ import annotations

from coffeechat.checks._core import Assignment, GradedTest, Part
from coffeechat.checks.ps01._export import check_connections_loader, check_connections_table
from coffeechat.checks.ps01._search import (
    chain_reference,
    check_chain,
    check_degrees,
    check_shortest_chains,
    check_within_two,
    contact_lists,
    degrees_reference,
    practice_network,
)
from coffeechat.checks.ps01._summary import (
    check_organization_counts,
    check_role_family,
    check_role_family_counts,
    check_summary_edge_cases,
    role_family_reference,
)

__all__ = [
    "ASSIGNMENT",
    "chain_reference",
    "check_chain",
    "check_connections_loader",
    "check_connections_table",
    "check_degrees",
    "check_organization_counts",
    "check_role_family",
    "check_role_family_counts",
    "check_shortest_chains",
    "check_summary_edge_cases",
    "check_within_two",
    "contact_lists",
    "degrees_reference",
    "practice_network",
    "role_family_reference",
]

ASSIGNMENT = Assignment(
    name="ps01-who-can-introduce-you",
    notebook="who-can-introduce-you",
    title="Who can introduce you?",
    parts=(
        Part(
            "a",
            "Load your LinkedIn export",
            (
                GradedTest(
                    "part-a-table",
                    2,
                    "check_connections_table(connections, LINKEDIN_PATH, load_connections)",
                ),
                GradedTest("part-a-hidden", 1),
            ),
            functions=("load_connections",),
        ),
        Part(
            "b",
            "Summarise who you know",
            (
                GradedTest(
                    "part-b-organizations",
                    1,
                    "check_organization_counts(contacts_per_organization, LINKEDIN_PATH)",
                ),
                GradedTest(
                    "part-b-role-family",
                    1,
                    "check_role_family(role_family, ROLE_FAMILIES, LINKEDIN_PATH)",
                ),
                GradedTest(
                    "part-b-role-counts",
                    1,
                    "check_role_family_counts(contacts_per_role_family, ROLE_FAMILIES, "
                    "LINKEDIN_PATH)",
                ),
                GradedTest("part-b-hidden", 1),
            ),
            functions=("contacts_per_organization", "role_family", "contacts_per_role_family"),
        ),
        Part(
            "c",
            "Degrees of separation",
            (
                GradedTest("part-c-degrees", 3, "check_degrees(degrees_of_separation, network)"),
                GradedTest("part-c-chains", 2, "check_shortest_chains(shortest_chain, network)"),
                GradedTest("part-c-hidden", 2),
            ),
            functions=("degrees_of_separation", "shortest_chain"),
        ),
        Part(
            "d",
            "Two introductions away",
            (
                GradedTest(
                    "part-d-within-two",
                    2,
                    "check_within_two(within_two_introductions, network, TARGET_ORGANIZATION)",
                ),
                GradedTest("part-d-hidden", 2),
            ),
            functions=("within_two_introductions",),
        ),
    ),
    made_by={"connections": "load_connections"},
)
