"""The capstone's plan: whom to ask at each employer, the plan in words, and its board."""

from __future__ import annotations

import datetime
import math

import pytest

import coffeechat as cc
from coffeechat.employer_plan import ASK_COLUMNS, plan_for, who_to_ask
from coffeechat.errors import InvalidParameter
from coffeechat.ui import PlanBoard, plan_board


@pytest.fixture(scope="module")
def network():
    return cc.make_network(200, seed=2026)


def test_who_to_ask_gives_the_strongest_chain_for_each_employer(network) -> None:
    """Each row names someone at the employer reached by a chain as strong as the best."""
    employers = sorted(set(network.people["organization"]) - {""})
    asks = who_to_ask(network, employers)
    assert list(asks.columns) == list(ASK_COLUMNS)
    assert list(asks["employer"]) == employers
    for row in asks.itertuples():
        best = cc.strongest_chain(network, target=cc.Target(organization=row.employer))
        assert row.person in network.match(organization=row.employer)
        assert row.strength == pytest.approx(best.strength)
        assert row.hops == best.hops
        assert row.introducer in network.neighbors(network.me) or row.introducer == row.person


def test_an_employer_nobody_works_at_gets_a_blank_row(network) -> None:
    """Nobody reachable: blank names and NaN numbers, and the advice says to ask who might."""
    asks = who_to_ask(network, ["Nowhere Mapped Ltd"])
    assert asks.loc[0, "person"] == "" and math.isnan(asks.loc[0, "hops"])
    assert "ask your contacts who might" in plan_for(network, "Nowhere Mapped Ltd").lower()


def test_plan_for_gives_the_3b7_dates(network) -> None:
    """With a sending day, the plan names the third and seventh business days after it."""
    employer = who_to_ask(network, ["Ember Tutoring Partners"]).iloc[0]
    text = plan_for(network, "Ember Tutoring Partners", datetime.date(2026, 12, 4))  # a Friday
    dates = cc.follow_up_dates(datetime.date(2026, 12, 4))
    assert f"{dates.second_contact_on.day} Dec" in text
    assert f"{dates.follow_up_on.day} Dec" in text
    assert employer["name"] in text


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda n: who_to_ask(n, "Acme"), "employers must be a list"),
        (lambda n: who_to_ask(n, []), "non-empty list"),
        (lambda n: who_to_ask("network", ["Acme"]), "expected a Network"),
        (lambda n: plan_board(n, []), "at least one employer"),
    ],
)
def test_bad_arguments_get_clear_errors(network, call, message: str) -> None:
    """Argument mistakes raise InvalidParameter naming the problem."""
    with pytest.raises(InvalidParameter, match=message):
        call(network)


def test_plan_board_follows_its_menu_and_date(network) -> None:
    """Choosing an employer or a day rewrites the advice the board shows."""
    board = plan_board(network, ["Ember Tutoring Partners", "Juniper Data"])
    assert isinstance(board, PlanBoard)
    first = board.advice.value
    assert "Ember Tutoring Partners" in first and "If the request goes out" not in first
    board.employer.value = "Juniper Data"
    assert "Juniper Data" in board.advice.value
    board.sent_on.value = datetime.date(2026, 12, 7)
    assert "Thu 10 Dec" in board.advice.value
