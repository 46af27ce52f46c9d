"""Checks of Assignment 4 (Prepare the conversation): unit tests.

The unit tests call the checks directly with right and wrong functions; the
mistake bank and the requirement table are in ``test_mistakes_ps04.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from coffeechat import checks
from coffeechat.checks._core import MESSAGE_LIMIT
from coffeechat.checks.ps02 import relations_reference as relations_table
from coffeechat.checks.ps04 import best_choice, best_cut
from coffeechat.datasets import load_sample_organizations, load_sample_postings
from coffeechat.errors import CheckFailed
from coffeechat.research import distinctive_words, tenure_table

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "solutions" / "ps04-prepare-the-conversation"


# ====================================================================== unit tests


def _message(check, *args) -> str:
    with pytest.raises(CheckFailed) as info:
        check(*args)
    message = str(info.value)
    assert len(message) <= MESSAGE_LIMIT
    return message


def test_reference_functions_pass_on_sample_and_practice_data(capsys) -> None:
    """The reference functions pass every check, on the sample and on drawn data.

    ``relations_table`` is Assignment 2's, so that a learner's answer carries over.
    """
    orgs = load_sample_organizations()
    checks.check_organization_relations(relations_table, orgs)
    for seed in range(3):
        people, positions, as_of = checks.practice_positions(seed)
        checks.check_tenure_table(tenure_table, people, positions, as_of)
        checks.check_organization_relations(relations_table, checks.research_organizations(seed))
        checks.check_industry_words(distinctive_words, checks.practice_postings(seed), 3)
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 10


def test_practice_positions_hold_promotions_returns_and_people_without_a_job() -> None:
    """The hidden data has the cases a careless answer gets wrong."""
    people, positions, as_of = checks.practice_positions(7)
    table = tenure_table(people, positions, as_of)
    assert len(table) < len(people)  # someone left, someone has no history
    current = positions[positions["end"] == ""]
    firsts = current.merge(table, left_on="person", right_on="id")
    assert (pd.to_datetime(firsts["start"]).dt.date > firsts["started"]).any()  # promotions


def test_relations_check_is_assignment_twos() -> None:
    """Assignment 4 asks for Assignment 2's relations table: the old labels are named."""

    def research_card_labels(orgs):
        table = relations_table(orgs)
        table["relation"] = table["relation"].map(
            {"supplier_of": "customer", "customer_of": "supplier", "competitor_of": "competitor"}
        )
        return table

    message = _message(
        checks.check_organization_relations, research_card_labels, load_sample_organizations()
    )
    assert "not one of the table's relation columns" in message


def test_words_check_names_a_generic_word() -> None:
    """A word every industry uses is named with its share elsewhere."""

    def common(postings, top):
        table = distinctive_words(postings, top)
        table.loc[0, "word"] = "team"
        return table

    message = _message(checks.check_industry_words, common, load_sample_postings(), 5)
    assert "'team' is not one of" in message and "other industries' postings" in message


def _shortlist() -> pd.DataFrame:
    rows = [
        ("close", "Who else should I talk to?", 1.0, 5),
        ("a", "A?", 1.0, 3),
        ("b", "B?", 5.5, 10),
        ("c", "C?", 5.5, 10),
    ]
    return pd.DataFrame(rows, columns=["id", "text", "minutes", "value"])


def test_best_choice_is_exact_where_greedy_is_not() -> None:
    """Best value per minute first takes 'a' and wastes minutes; the knapsack does not."""
    ids, value = best_choice(_shortlist(), 12, "close")
    assert sorted(ids) == ["b", "c", "close"] and value == 25
    assert best_choice(_shortlist(), 0.5, "close") == ([], 0)


def test_question_choice_messages_speak_the_subject() -> None:
    """Missing referral, overrun and a worse choice each get their sentence."""
    table = _shortlist()
    assert "'Who else should I talk to?' must close the plan" in _message(
        checks.check_question_choice, lambda q, m, c: ["b", "c"], table, 12, "close"
    )
    assert "take 13 minutes, but only 12" in _message(
        checks.check_question_choice, lambda q, m, c: ["close", "a", "b", "c"], table, 12, "close"
    )
    assert "best choice within 12 minutes is worth 25" in _message(
        checks.check_question_choice, lambda q, m, c: ["close", "a", "b"], table, 12, "close"
    )
    checks.check_question_choice(lambda q, m, c: {"c", "b", "close"}, table, 12, "close")


def test_cut_check_says_the_plan_runs_over() -> None:
    """An agenda longer than the minutes is named in minutes, as promised."""
    agenda = checks.practice_agenda(["skills", "culture"], 30, "Data Analyst", 0)
    goals, value, _ = best_cut(agenda, 13.5)
    assert goals == 2 and value > 0
    message = _message(checks.check_cut_plan, lambda a, m: a, agenda, 13.5)
    assert re.match(
        r"Your plan runs \d+(\.5)? minutes; the conversation was promised at 13.5", message
    )
