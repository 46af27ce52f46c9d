"""Checks for Assignment 3, *Reaching out* (``ps03-reaching-out``).

Part (a) writes the word-count and job-word rules of a request with regular
expressions, part (b) asks whether the first sentence names the connection,
part (c) is the learner's own request to someone in the sample network (the
library's request review, plus the introducer by name), part (d) sorts a
LAMP list with pandas and part (e) works out the 3B7 dates with
``numpy.busday_offset``. Every check works out the right answer with the
library when it runs; the hidden checks run the same checks on other emails,
other LAMP lists and other holiday calendars.

Examples
--------
>>> from coffeechat.checks import check_word_count
>>> try:
...     check_word_count(lambda text: len(text.split()))
... except AssertionError as err:
...     print(err)  # doctest: +ELLIPSIS
Your count_words says this email is ... words; it is ...
"""

from __future__ import annotations

from coffeechat.checks._core import Assignment, GradedTest, Part
from coffeechat.checks.ps03._emails import (
    check_first_sentence,
    check_job_words,
    check_names_connection,
    check_too_long,
    check_word_count,
    practice_emails,
    reference_first_sentence,
)
from coffeechat.checks.ps03._holidays import check_three_b_seven, practice_holidays
from coffeechat.checks.ps03._lamp import check_lamp_order, practice_lamp
from coffeechat.checks.ps03._requests import check_draft_request, check_own_request, two_hop_targets

__all__ = [
    "ASSIGNMENT",
    "check_draft_request",
    "check_first_sentence",
    "check_job_words",
    "check_lamp_order",
    "check_names_connection",
    "check_own_request",
    "check_three_b_seven",
    "check_too_long",
    "check_word_count",
    "practice_emails",
    "practice_holidays",
    "practice_lamp",
    "reference_first_sentence",
    "two_hop_targets",
]


ASSIGNMENT = Assignment(
    name="ps03-reaching-out",
    notebook="reaching-out",
    title="Reaching out",
    parts=(
        Part(
            "a",
            "The word-count and job-word rules",
            (
                GradedTest("part-a-words", 1, "check_word_count(count_words)"),
                GradedTest("part-a-limit", 1, "check_too_long(too_long, count_words)"),
                GradedTest("part-a-job-words", 1, "check_job_words(find_job_words)"),
                GradedTest("part-a-hidden", 1),
            ),
            functions=("count_words", "too_long", "find_job_words"),
        ),
        Part(
            "b",
            "Does the first sentence name the connection?",
            (
                GradedTest("part-b-first", 1, "check_first_sentence(first_sentence)"),
                GradedTest(
                    "part-b-connection",
                    1,
                    "check_names_connection(names_connection, first_sentence)",
                ),
                GradedTest("part-b-hidden", 1),
            ),
            functions=("first_sentence", "names_connection"),
        ),
        Part(
            "c",
            "Your own request",
            (
                GradedTest("part-c-own", 3, "check_own_request(my_request, network, TARGET)"),
                GradedTest("part-c-draft", 1, "check_draft_request(draft_request, network)"),
                GradedTest("part-c-hidden", 1),
            ),
            functions=("my_request", "draft_request"),
        ),
        Part(
            "d",
            "Sort your LAMP list",
            (
                GradedTest("part-d-order", 2, "check_lamp_order(sort_lamp, lamp)"),
                GradedTest("part-d-hidden", 2),
            ),
            functions=("sort_lamp",),
        ),
        Part(
            "e",
            "The 3B7 dates",
            (
                GradedTest("part-e-dates", 2, "check_three_b_seven(three_b_seven, HOLIDAYS)"),
                GradedTest("part-e-hidden", 2),
            ),
            functions=("three_b_seven",),
        ),
    ),
)
