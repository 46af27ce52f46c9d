"""Checks for Assignment 6, *After the conversation* (``ps06-after-the-conversation``).

Part (a) finds the follow-ups due with pandas dates (the "3B7" routine),
part (b) times thank-you notes across time zones, part (c) simulates the
referral snowball with a seeded random generator, and part (d) adds the new
ties to the network and finds who at the target is within two
introductions. Each check works out the right answer with the library when
it runs, so the hidden checks can use other trackers, time zones and seeds.

Examples
--------
>>> from coffeechat.checks import check_expected_network
>>> def expected_network_size(referrals, weeks):
...     return referrals ** weeks
>>> try:
...     check_expected_network(expected_network_size)
... except AssertionError as err:
...     print(err)  # doctest: +ELLIPSIS
With 0 referrals a conversation, 1 week holds 1 conversation in all ...
"""

from __future__ import annotations

from coffeechat.checks._core import Assignment, GradedTest, Part
from coffeechat.checks.ps06._follow_ups import (
    DUE_TABLE_COLUMNS,
    check_follow_ups_due,
    reference_follow_ups,
)
from coffeechat.checks.ps06._new_ties import (
    check_add_ties,
    check_new_ties_elsewhere,
    check_reach_after,
    reference_add_ties,
    reference_within_two,
)
from coffeechat.checks.ps06._snowball import (
    check_expected_network,
    check_snowball_mean,
    check_snowball_run,
)
from coffeechat.checks.ps06._thank_yous import (
    check_thank_you_edge_cases,
    check_thank_you_hours,
    check_thanked_within_a_day,
    reference_thank_you_hours,
    reference_thanked_within_a_day,
)

__all__ = [
    "ASSIGNMENT",
    "DUE_TABLE_COLUMNS",
    "check_add_ties",
    "check_expected_network",
    "check_follow_ups_due",
    "check_new_ties_elsewhere",
    "check_reach_after",
    "check_snowball_mean",
    "check_snowball_run",
    "check_thank_you_edge_cases",
    "check_thank_you_hours",
    "check_thanked_within_a_day",
    "reference_add_ties",
    "reference_follow_ups",
    "reference_thank_you_hours",
    "reference_thanked_within_a_day",
    "reference_within_two",
]


ASSIGNMENT = Assignment(
    name="ps06-after-the-conversation",
    notebook="after-the-conversation",
    title="After the conversation",
    parts=(
        Part(
            "a",
            "Follow-ups due today and overdue",
            (
                GradedTest("part-a-due", 3, "check_follow_ups_due(follow_ups_due, tracker, TODAY)"),
                GradedTest("part-a-hidden", 2),
            ),
            functions=("follow_ups_due",),
        ),
        Part(
            "b",
            "Thank-yous across time zones",
            (
                GradedTest("part-b-hours", 2, "check_thank_you_hours(thank_you_hours, tracker)"),
                GradedTest(
                    "part-b-within-a-day",
                    2,
                    "check_thanked_within_a_day(thanked_within_a_day, tracker)",
                ),
                GradedTest("part-b-hidden", 2),
            ),
            functions=("thank_you_hours", "thanked_within_a_day"),
        ),
        Part(
            "c",
            "The referral snowball",
            (
                GradedTest("part-c-run", 2, "check_snowball_run(simulate_snowball)"),
                GradedTest("part-c-expected", 1, "check_expected_network(expected_network_size)"),
                GradedTest(
                    "part-c-mean", 2, "check_snowball_mean(mean_network_size, simulate_snowball)"
                ),
                GradedTest("part-c-hidden", 1),
            ),
            functions=("simulate_snowball", "expected_network_size", "mean_network_size"),
        ),
        Part(
            "d",
            "New ties, new reach",
            (
                GradedTest("part-d-add", 2, "check_add_ties(add_ties, network, NEW_TIES)"),
                GradedTest(
                    "part-d-reach",
                    2,
                    "check_reach_after(within_two_introductions, network, NEW_TIES, TARGET)",
                ),
                GradedTest("part-d-hidden", 2),
            ),
            functions=("add_ties", "within_two_introductions"),
        ),
    ),
)
