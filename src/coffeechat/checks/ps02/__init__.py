"""Checks for Assignment 2, *Who to talk to, and who can introduce you* (``ps02-who-to-talk-to``).

Part (a) tidies the organisations table and reads a target's suppliers,
competitors and customers from it; part (b) finds the strongest chain with
Dijkstra's algorithm; part (c) ranks the learner's contacts as introducers;
part (d) picks five people to ask around the target. Each check works out the
right answer when it runs, on the network and target it is given, so hidden
checks can use another seeded network and another target.

The search functions of parts (b)-(d) work on :func:`tie_strengths`, a
dictionary of dictionaries: ``strengths[a][b]`` is the strength of the tie
between ``a`` and ``b`` (the same both ways).

Examples
--------
>>> from coffeechat.checks import check_chain_strength, strength_practice_network
>>> def chain_strength(strengths, chain):
...     return sum(strengths[a][b] for a, b in zip(chain, chain[1:]))
>>> try:
...     check_chain_strength(chain_strength, strength_practice_network())
... except AssertionError as err:
...     print(err)  # doctest: +ELLIPSIS
In the small practice network, the chain you → Ana Ruiz → Ben Ode has strength 0.72, ...
"""

from __future__ import annotations

from coffeechat.checks._core import Assignment, GradedTest, Part
from coffeechat.checks.ps02._data import (
    GROUPS,
    MAX_HOPS,
    PER_ORGANIZATION,
    PICKS,
    organization_of,
    practice_organizations,
    strength_practice_network,
    tie_strengths,
)
from coffeechat.checks.ps02._people import check_people_to_ask, people_to_ask_reference
from coffeechat.checks.ps02._relations import (
    check_related_organizations,
    check_relations_table,
    messy_organizations,
    related_reference,
    relations_reference,
)
from coffeechat.checks.ps02._strongest import (
    chain_strength_reference,
    check_chain_strength,
    check_introducer_ranking,
    check_strongest_chain,
    introducers_reference,
    strongest_reference,
)

__all__ = [
    "ASSIGNMENT",
    "GROUPS",
    "MAX_HOPS",
    "PER_ORGANIZATION",
    "PICKS",
    "chain_strength_reference",
    "check_chain_strength",
    "check_introducer_ranking",
    "check_people_to_ask",
    "check_related_organizations",
    "check_relations_table",
    "check_strongest_chain",
    "introducers_reference",
    "messy_organizations",
    "organization_of",
    "people_to_ask_reference",
    "practice_organizations",
    "related_reference",
    "relations_reference",
    "strength_practice_network",
    "strongest_reference",
    "tie_strengths",
]


ASSIGNMENT = Assignment(
    name="ps02-who-to-talk-to",
    notebook="who-to-talk-to",
    title="Who to talk to, and who can introduce you",
    parts=(
        Part(
            "a",
            "Suppliers, competitors and customers",
            (
                GradedTest(
                    "part-a-relations", 2, "check_relations_table(relations_table, organizations)"
                ),
                GradedTest(
                    "part-a-related",
                    2,
                    "check_related_organizations(related_organizations, organizations, "
                    "TARGET_ORGANIZATION)",
                ),
                GradedTest("part-a-hidden", 1),
            ),
            functions=("relations_table", "related_organizations"),
        ),
        Part(
            "b",
            "The strongest chain",
            (
                GradedTest("part-b-strength", 1, "check_chain_strength(chain_strength, network)"),
                GradedTest(
                    "part-b-strongest", 4, "check_strongest_chain(strongest_chain, network)"
                ),
                GradedTest("part-b-hidden", 2),
            ),
            functions=("chain_strength", "strongest_chain"),
        ),
        Part(
            "c",
            "Whom to ask first",
            (
                GradedTest(
                    "part-c-introducers",
                    3,
                    "check_introducer_ranking(rank_introducers, network, TARGET_ORGANIZATION)",
                ),
                GradedTest("part-c-hidden", 1),
            ),
            functions=("rank_introducers",),
        ),
        Part(
            "d",
            "Five people to ask",
            (
                GradedTest(
                    "part-d-people",
                    3,
                    "check_people_to_ask(people_to_ask, network, organizations, "
                    "TARGET_ORGANIZATION)",
                ),
                GradedTest("part-d-hidden", 2),
            ),
            functions=("people_to_ask",),
        ),
    ),
    made_by={
        "relations": "relations_table",
        "related": "related_organizations",
        "ranking": "rank_introducers",
        "picks": "people_to_ask",
    },
)
