"""Assignment 8's checks (the capstone plan), called directly on bundled data.

The tests here call the checks with functions and tables written in the test;
the mistake bank and requirement table, run in the solution notebook, are in
``test_mistakes_ps08.py``.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pandas as pd
import pytest

import coffeechat as cc
from coffeechat import checks
from coffeechat.checks._core import MESSAGE_LIMIT
from coffeechat.employer_plan import draft_for, who_to_ask, within_reach
from coffeechat.errors import CheckFailed

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "solutions" / "ps08-your-plan"
START = datetime.date(2026, 12, 7)


# ====================================================================== unit tests
def _advocacy(network, employer) -> bool:
    return bool(within_reach(network, employer))


def _ask_list(network, employers) -> pd.DataFrame:
    return who_to_ask(network, employers)[["employer", "person", "introducer", "hops"]]


def _lamp(network) -> pd.DataFrame:
    own = network.person(network.me).organization
    mine = sorted({o for o in network.people["organization"] if o} - {own})
    more = [f"Outside Employer {i}" for i in range(40)]
    lamp = pd.DataFrame({"employer": mine + more})
    lamp["advocacy"] = [_advocacy(network, e) for e in lamp["employer"]]
    lamp["motivation"] = [2 if e in mine else 1 for e in lamp["employer"]]
    lamp["posting"] = [3 if e in mine else 1 for e in lamp["employer"]]
    return lamp


def _message(check, *args) -> str:
    with pytest.raises(CheckFailed) as info:
        check(*args)
    message = str(info.value)
    assert len(message) <= MESSAGE_LIMIT, message
    return message


def test_reference_answers_pass_on_bundled_data(sample, tmp_path, capsys) -> None:
    """The library's own answers pass every check of the assignment on the sample network."""
    checks.check_advocacy(_advocacy, sample)
    lamp = _lamp(sample)
    checks.check_lamp_list(lamp, sample, _advocacy)
    top_five = cc.make_lamp(lamp)["employer"].head(5).tolist()
    checks.check_top_five(top_five, lamp)
    employers = [*top_five, "Nowhere Mapped Ltd"]
    checks.check_ask_list(_ask_list, sample, employers)
    ask = _ask_list(sample, employers)
    reachable = [r for _, r in ask.iterrows() if r["person"]][:2]
    drafts = [draft_for(sample, who_to_ask(sample, [r["employer"]]).iloc[0]) for r in reachable]
    requests = {d.to: d.text for d in drafts}
    checks.check_requests(requests, ask, sample)
    first = sample.person(reachable[0]["person"])
    plan = cc.plan_interview(["day-to-day"], minutes=20, interviewee=first)
    saved = tmp_path / "plan.md"
    saved.write_text(plan.to_markdown(), encoding="utf-8")
    checks.check_first_plan(plan, ask, sample, saved)
    dates = cc.follow_up_dates(START)
    tracker = cc.make_tracker(
        [
            {
                "contact": sample.person(p).name,
                "organization": sample.person(p).organization,
                "sent_on": START,
                "second_contact_due": dates.second_contact_on,
                "follow_up_due": dates.follow_up_on,
            }
            for p in requests
        ]
    )
    checks.check_three_weeks(tracker, requests, sample, START)
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 7


def test_a_wrong_answer_gives_one_short_sentence(sample) -> None:
    """A wrong advocacy is named with the employer and who is near, in one short sentence."""
    message = _message(checks.check_advocacy, lambda network, employer: False, sample)
    assert "says no, but you can reach" in message and message.count(". ") <= 1
    top = _message(checks.check_top_five, ["a", "b"], _lamp(sample))
    assert "names 2 employers" in top


def test_a_stub_is_explained(sample) -> None:
    """An unanswered cell is 'not written yet', not a traceback."""

    def ask_list(network, employers):
        raise NotImplementedError()

    assert "not written yet" in _message(checks.check_ask_list, ask_list, sample, ["Pulsewise"])
    assert "did you forget `return`" in _message(
        checks.check_advocacy, lambda network, employer: None, sample
    )


def test_the_lamp_list_covers_the_network_and_its_advocacy_is_true(sample) -> None:
    """A LAMP list with your own employer, without the network's, or with a wrong advocacy fails."""
    lamp = _lamp(sample)
    own = sample.person(sample.me).organization
    with_own = pd.concat(
        [lamp, pd.DataFrame([{"employer": own, "advocacy": True, "motivation": 1, "posting": 1}])]
    )
    assert "where you work now" in _message(checks.check_lamp_list, with_own, sample, _advocacy)
    outside = lamp[lamp["employer"].str.startswith("Outside")]
    assert "leaves out" in _message(checks.check_lamp_list, outside, sample, _advocacy)

    def one_hop(network, employer):
        return bool(set(network.match(organization=employer)) & set(network.neighbors(network.me)))

    wrong = lamp.assign(advocacy=[one_hop(sample, e) for e in lamp["employer"]])
    assert "says no, but you can reach" in _message(checks.check_lamp_list, wrong, sample, one_hop)
    short = lamp.head(10)
    assert "not ready yet" in _message(checks.check_top_five, ["a"] * 5, short)


def test_a_numpy_true_is_true_or_false(sample, capsys) -> None:
    """An advocacy that answers with numpy's True or False passes."""
    import numpy as np

    checks.check_advocacy(lambda network, employer: np.bool_(_advocacy(network, employer)), sample)
    assert capsys.readouterr().out.startswith("\N{CHECK MARK}")


def _two_requests(sample) -> tuple[pd.DataFrame, dict[str, str], pd.Series, pd.Series]:
    """The sample's ask list, right first messages, and its one-hop and two-hop rows."""
    employers = cc.make_lamp(_lamp(sample))["employer"].head(5).tolist()
    ask = _ask_list(sample, employers)
    full = who_to_ask(sample, employers)
    direct = full[full["person"] == full["introducer"]].iloc[0]
    far = full[(full["person"] != full["introducer"]) & (full["person"] != "")].iloc[0]
    right = {d.to: d.text for d in (draft_for(sample, direct), draft_for(sample, far))}
    return ask, right, direct, far


def test_writing_first_to_someone_two_hops_away_fails(sample) -> None:
    """'X suggested I write' to a stranger fails: write to X first, asking for an introduction."""
    ask, right, direct, far = _two_requests(sample)
    checks.check_requests(right, ask, sample)
    person = sample.person(far["person"])
    wrong = dict(right)
    del wrong[far["introducer"]]
    wrong[far["person"]] = (
        f"Dear {person.name.split()[0]},\n\n{far['introducer_name']} suggested I write to you. "
        "Your work caught my eye, and I am curious about your team's studies. Would you have "
        "20 minutes next week?\n\nThank you."
    )
    message = _message(checks.check_requests, wrong, ask, sample)
    assert f"You do not know {person.name} yet" in message
    assert f"write to {far['introducer_name']}" in message


def test_a_request_naming_a_stranger_as_the_connection_fails(sample) -> None:
    """A one-hop request that names, as its connection, someone who does not know them fails."""
    ask, right, direct, far = _two_requests(sample)
    person = sample.person(direct["person"])
    stranger = next(
        sample.person(p)
        for p in sample.neighbors(sample.me)
        if p != person.id and sample.tie(p, person.id) is None
    )
    wrong = dict(right)
    wrong[person.id] = right[person.id].replace(
        "We are connected on LinkedIn, and I have followed your work.",
        f"{stranger.name} suggested I write to you.",
    )
    message = _message(checks.check_requests, wrong, ask, sample)
    assert f"{stranger.name} does not know {person.name}" in message


def test_the_message_to_your_contact_is_reviewed(sample) -> None:
    """A message to your contact without an easy no fails, naming the contact and the target."""
    ask, right, direct, far = _two_requests(sample)
    wrong = dict(right)
    wrong[far["introducer"]] = right[far["introducer"]].replace(
        " No worries at all if you would rather not.", ""
    )
    message = _message(checks.check_requests, wrong, ask, sample)
    assert f"The message to {far['introducer_name']} (asking to meet {far['name']})" in message
    assert "easy way to say no" in message


def test_part_c_blames_an_introducer_that_is_not_an_id(sample) -> None:
    """Names instead of ids in ask's introducer column are blamed on part (b)."""
    ask, right, direct, far = _two_requests(sample)
    wrong = ask.assign(introducer=[sample.person(p).name if p else p for p in ask["introducer"]])
    message = _message(checks.check_requests, right, wrong, sample)
    assert "(part b) is the cause" in message and "introducer column" in message


def test_part_d_blames_an_ask_list_with_names(sample, tmp_path) -> None:
    """Names instead of ids in ask's person column are blamed on part (b) by part (d)'s check."""
    ask, right, direct, far = _two_requests(sample)
    wrong = ask.assign(person=[sample.person(p).name if p else p for p in ask["person"]])
    plan = cc.plan_interview(["day-to-day"], minutes=20)
    message = _message(checks.check_first_plan, plan, wrong, sample, tmp_path / "plan.md")
    assert "(part b) is the cause" in message


def test_the_tracker_holds_one_row_per_message_with_its_organization(sample) -> None:
    """A row for someone not written to, or a row without an organization, fails."""
    ask, right, direct, far = _two_requests(sample)
    dates = cc.follow_up_dates(START)

    def row(person, organization=True):
        return {
            "contact": sample.person(person).name,
            "organization": sample.person(person).organization if organization else "",
            "sent_on": START,
            "second_contact_due": dates.second_contact_on,
            "follow_up_due": dates.follow_up_on,
        }

    good = [row(p) for p in right]
    checks.check_three_weeks(cc.make_tracker(good), right, sample, START)
    extra = cc.make_tracker([*good, row(far["person"])])
    assert "one row per message" in _message(checks.check_three_weeks, extra, right, sample, START)
    bare = cc.make_tracker([row(p, organization=False) for p in right])
    assert "no organization" in _message(checks.check_three_weeks, bare, right, sample, START)


def test_a_top_five_table_is_refused_and_blamed_by_part_b(sample) -> None:
    """A table as top_five fails in (a), and (b)'s check names part (a), not the columns."""
    lamp = _lamp(sample)
    table = cc.make_lamp(lamp).head(5)
    assert "loop over a table" in _message(checks.check_top_five, table, lamp)
    assert "(part a) is the cause" in _message(checks.check_ask_list, _ask_list, sample, table)


def test_later_parts_blame_unknown_ids_in_requests(sample) -> None:
    """Keys that are not ids in part (c) are blamed in part (e), never a PersonNotFound."""
    tracker = cc.make_tracker([{"contact": "Somebody", "sent_on": START}])
    message = _message(checks.check_three_weeks, tracker, {"Zoë Lefèvre": "Hi"}, sample, START)
    assert "(part c) is the cause" in message
