"""Assignment 8's checks (the capstone plan): right answers pass, every mistake is caught.

The unit tests call the checks directly on bundled data with functions and
tables written here. The mistake bank runs the real solution notebook once in
a kernel (:class:`live_notebook.LiveNotebook`): each variant replaces a piece
of an answer cell, and a check of its own part (visible or hidden) must fail
with a message naming the cause; each right alternative must pass every
check of its part.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import coffeechat as cc
from coffeechat import checks
from coffeechat.checks._core import MESSAGE_LIMIT
from coffeechat.employer_plan import draft_for, who_to_ask, within_reach
from coffeechat.errors import CheckFailed
from live_notebook import LiveNotebook

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


def test_later_parts_blame_unknown_ids_in_requests(sample) -> None:
    """Keys that are not ids in part (c) are blamed in part (e), never a PersonNotFound."""
    tracker = cc.make_tracker([{"contact": "Somebody", "sent_on": START}])
    message = _message(checks.check_three_weeks, tracker, {"Zoë Lefèvre": "Hi"}, sample, START)
    assert "(part c) is the cause" in message


# ====================================================================== mistake bank
def _answers() -> dict[str, str]:
    nb = nbformat.read(FOLDER / "your-plan.ipynb", as_version=4)
    return {
        c.metadata["nbgrader"]["grade_id"]: c.source
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"
    }


ANSWERS = _answers()

A_RETURN = "return bool((there & within_two) - {network.me})"
A_TOP = 'top_five = cc.make_lamp(lamp)["employer"].head(5).tolist()'
A_MINE = 'mine = sorted(set(network.people["organization"]) - {"", where_i_work})'
B_ROW = (
    '"person": chain.target.id,\n'
    '                "introducer": chain.introducer.id,\n'
    '                "hops": chain.hops,'
)
B_NONE = 'rows.append({"employer": employer, "person": "", "introducer": "", "hops": None})'
C_KEY = "requests[contact.id] = introduction(contact, person)"
C_NO = '"No worries at all if you would rather not.\\n\\n"'
C_BLURB = '"Here is a short note you could forward:\\n\\n"'
D_PLAN = (
    'first_plan = cc.plan_interview(["day-to-day", "skills", "entry paths"], minutes=20,\n'
    "                               interviewee=first_person)"
)
E_DATES = (
    '"second_contact_due": dates.second_contact_on,\n'
    '            "follow_up_due": dates.follow_up_on,'
)

# (answer cell, text in the solution, replacement, words the message must hold)
MISTAKES = [
    # part (a): advocacy, the LAMP list, the top five
    ("part-a-answer", A_RETURN, "return bool((there & near) - {network.me})", "says no"),
    ("part-a-answer", A_RETURN, "return bool(there)", "says yes"),
    ("part-a-answer", A_RETURN, "return (there & within_two) - {network.me}", "True or False"),
    (
        "part-a-answer",
        A_RETURN,
        "for person in set(within_two):\n"
        "        within_two.update(network.neighbors(person))\n"
        "    " + A_RETURN,
        "says yes",
    ),
    ("part-a-answer", A_RETURN, "bool((there & within_two) - {network.me})", "forget `return`"),
    (
        "part-a-answer",
        'lamp = pd.DataFrame({"employer": mine + MORE_EMPLOYERS})',
        'lamp = pd.DataFrame({"employer": mine})',
        "at least 40",
    ),
    (
        "part-a-answer",
        'lamp = pd.DataFrame({"employer": mine + MORE_EMPLOYERS})',
        'lamp = pd.DataFrame({"employer": MORE_EMPLOYERS})',
        "organisation",
    ),
    (
        "part-a-answer",
        A_MINE,
        'mine = sorted(set(network.people["organization"]) - {""})',
        "where you work",
    ),
    (
        "part-a-answer",
        'lamp["advocacy"] = [advocacy(network, e) for e in lamp["employer"]]',
        'lamp["advocacy"] = False',
        "advocacy",
    ),
    (
        "part-a-answer",
        "3 if industry_of.get(e) == my_industry else 2",
        "5 if industry_of.get(e) == my_industry else 2",
        "motivation",
    ),
    (
        "part-a-answer",
        'lamp["posting"] = [3 if e in mine else 1',
        'lamp["posting"] = [3 if e in mine else 0',
        "posting",
    ),
    ("part-a-answer", A_TOP, 'top_five = lamp["employer"].head(5).tolist()', "Place"),
    (
        "part-a-answer",
        A_TOP,
        'top_five = cc.make_lamp(lamp)["employer"].head(4).tolist()',
        "names 4",
    ),
    (
        "part-a-answer",
        A_TOP,
        'top_five = lamp.sort_values(["motivation", "posting", "advocacy"])["employer"]'
        ".head(5).tolist()",
        "Place",
    ),
    (
        "part-a-answer",
        A_TOP,
        'top_five = cc.make_lamp(lamp)["employer"].iloc[1:6].tolist()',
        "Place 1",
    ),
    # part (b): whom to ask
    (
        "part-b-answer",
        "chain = cc.strongest_chain(network, target=",
        "chain = cc.shortest_chain(network, target=",
        "stronger one exists",
    ),
    ("part-b-answer", "chain.introducer.id", "chain.target.id", "whom you do not know"),
    ("part-b-answer", "chain.introducer.id", "chain.ids[0]", "not someone you know"),
    ("part-b-answer", '"hops": chain.hops,', '"hops": chain.hops - 1,', "hops"),
    ("part-b-answer", '"hops": chain.hops,', '"hops": len(chain.ids),', "hops"),
    ("part-b-answer", '"person": chain.target.id,', '"person": chain.target.name,', "person is"),
    ("part-b-answer", B_NONE, "pass", "no row for"),
    (
        "part-b-answer",
        B_ROW,
        '"person": chain.target.id,\n                "introducer": chain.introducer.id,',
        "'hops' column",
    ),
    ("part-b-answer", "return pd.DataFrame(rows)", "return rows", "DataFrame"),
    # part (c): two first messages
    ("part-c-answer", "len(requests) == 2", "len(requests) == 1", "write two"),
    ("part-c-answer", C_KEY, "requests[person.id] = request(person)", "You do not know"),
    ("part-c-answer", C_KEY, "requests[contact.name] = introduction(contact, person)", "not whom"),
    ("part-c-answer", 'f"Hi {contact.name.split()[0]},', 'f"Hi there,', "greet them by name"),
    ("part-c-answer", C_NO, '"\\n\\n"', "easy way to say no"),
    ("part-c-answer", C_BLURB, '"\\n\\n"', "blurb"),
    ("part-c-answer", "would value 20 minutes with you", "would like a job with you", "job"),
    # part (d): the first conversation
    (
        "part-d-answer",
        'first_person = network.person(next(p for p in ask["person"] if p))',
        'first_person = network.person([p for p in ask["person"] if p][1])',
        "the first person on your ask list",
    ),
    ("part-d-answer", "minutes=20,", "minutes=45,", "15 to 30"),
    ("part-d-answer", "minutes=20,", "minutes=10,", "15 to 30"),
    ("part-d-answer", "interviewee=first_person)", "interviewee=first_person.id)", "make it for"),
    (
        "part-d-answer",
        'PLAN_FILE.write_text(first_plan.to_markdown(), encoding="utf-8")',
        'PLAN_FILE.write_text(first_plan.to_markdown(), encoding="utf-8")\n'
        'first_plan = cc.plan_interview(["day-to-day", "skills"], minutes=25,\n'
        "                               interviewee=first_person)",
        "save it again",
    ),
    (
        "part-d-answer",
        'PLAN_FILE.write_text(first_plan.to_markdown(), encoding="utf-8")',
        'PLAN_FILE.write_text(cc.plan_interview(["skills"]).to_markdown(), encoding="utf-8")',
        "to_markdown",
    ),
    (
        "part-d-answer",
        'PLAN_FILE.write_text(first_plan.to_markdown(), encoding="utf-8")',
        'first_plan = first_plan.to_markdown()\nPLAN_FILE.write_text(first_plan, encoding="utf-8")',
        "plan_interview",
    ),
    # part (e): the next three weeks
    (
        "part-e-answer",
        E_DATES,
        '"second_contact_due": START + datetime.timedelta(days=3),\n'
        '            "follow_up_due": START + datetime.timedelta(days=7),',
        "business days",
    ),
    (
        "part-e-answer",
        E_DATES,
        '"second_contact_due": dates.follow_up_on,\n'
        '            "follow_up_due": dates.second_contact_on,',
        "business days",
    ),
    (
        "part-e-answer",
        '"sent_on": START,',
        '"sent_on": datetime.date(2026, 11, 30),',
        "sends it on",
    ),
    (
        "part-e-answer",
        '"contact": network.person(person).name,',
        '"contact": person,',
        "no row for",
    ),
    ("part-e-answer", "for person in requests", "for person in list(requests)[:1]", "no row for"),
    ("part-e-answer", E_DATES, "", "column"),
    (
        "part-e-answer",
        E_DATES,
        '"second_contact_due": dates.second_contact_on,\n'
        '            "follow_up_due": dates.second_contact_on,',
        "follow_up_due",
    ),
]

RIGHT = [
    # part (a)
    ("part-a-answer", A_RETURN, "return len(cc.employer_plan.within_reach(network, employer)) > 0"),
    (
        "part-a-answer",
        A_RETURN,
        "return pd.Series(sorted(there)).isin(within_two - {network.me}).any()",
    ),
    (
        "part-a-answer",
        A_RETURN,
        "return any(p in within_two and p != network.me for p in there)",
    ),
    (
        "part-a-answer",
        'lamp["advocacy"] = [advocacy(network, e) for e in lamp["employer"]]',
        'lamp["advocacy"] = ["yes" if advocacy(network, e) else "no" for e in lamp["employer"]]',
    ),
    ("part-a-answer", A_TOP, 'top_five = cc.make_lamp(lamp)["employer"].head(5)'),
    ("part-a-answer", A_TOP, "top_five = cc.make_lamp(lamp).head(5)"),
    (
        "part-a-answer",
        A_TOP,
        'top_five = list(lamp.sort_values(["motivation", "posting", "advocacy"], '
        'ascending=False, kind="stable")["employer"][:5])',
    ),
    # part (b)
    (
        "part-b-answer",
        B_NONE,
        'rows.append({"employer": employer, "person": None, "introducer": None, "hops": None})',
    ),
    (
        "part-b-answer",
        "return pd.DataFrame(rows)",
        'return pd.DataFrame(rows).sort_values("employer")',
    ),
    ("part-b-answer", '"hops": chain.hops,', '"hops": float(len(chain.ids) - 1),'),
    (
        "part-b-answer",
        B_NONE,
        'rows.append({"employer": employer, "person": float("nan"), "introducer": float("nan"), '
        '"hops": float("nan")})',
    ),
    # part (c)
    ("part-c-answer", 'f"Hi {contact.name.split()[0]},', 'f"Dear {contact.name.split()[0]},'),
    ("part-c-answer", C_NO, '"I completely understand if not.\\n\\n"'),
    ("part-c-answer", C_KEY, "requests[str(contact.id)] = introduction(contact, person)"),
    ("part-c-answer", "would value 20 minutes", "would value 15 to 20 minutes"),
    # part (d)
    ("part-d-answer", "minutes=20,", "minutes=30,"),
    ("part-d-answer", "minutes=20,", "minutes=15,"),
    (
        "part-d-answer",
        'PLAN_FILE.write_text(first_plan.to_markdown(), encoding="utf-8")',
        'with open(PLAN_FILE, "w", encoding="utf-8") as handle:\n'
        '    handle.write(first_plan.to_markdown() + "\\n")',
    ),
    ("part-d-answer", "interviewee=first_person)", "interviewee=first_person.name)"),
    # part (e)
    (
        "part-e-answer",
        E_DATES,
        '"second_contact_due": str(dates.second_contact_on),\n'
        '            "follow_up_due": str(dates.follow_up_on),',
    ),
    (
        "part-e-answer",
        E_DATES,
        '"second_contact_due": (pd.Timestamp(START) + pd.offsets.BDay(3)).date(),\n'
        '            "follow_up_due": pd.Timestamp(START) + pd.offsets.BDay(7),',
    ),
    ("part-e-answer", "tracker = cc.make_tracker(", "tracker = pd.DataFrame("),
    ("part-e-answer", '"sent_on": START,', '"sent_on": START.isoformat(),'),
]


def _variant(cell: str, old: str, new: str) -> str:
    source = ANSWERS[cell]
    assert old in source, f"{old!r} is not in {cell}"
    return source.replace(old, new)


@pytest.fixture(scope="module")
def live():
    with LiveNotebook(FOLDER) as notebook:
        yield notebook


@pytest.mark.slow
def test_the_solution_passes_every_check(live) -> None:
    """The solution notebook passes every visible and hidden check."""
    graded = {
        gid: r
        for gid, r in live.first_run.items()
        if gid.startswith("part-") and not gid.endswith("-answer")
    }
    assert len(graded) == 8 and all(r.passed for r in graded.values()), {
        gid: r.error for gid, r in graded.items() if not r.passed
    }


def test_the_bank_is_full() -> None:
    """Every automatically checked part has five mistakes and three right alternatives."""
    for part in "abcde":
        assert sum(m[0] == f"part-{part}-answer" for m in MISTAKES) >= 5, part
        assert sum(r[0] == f"part-{part}-answer" for r in RIGHT) >= 3, part


@pytest.mark.slow
@pytest.mark.parametrize(
    ("cell", "old", "new", "cause"),
    MISTAKES,
    ids=[f"{m[0][5]}-{i}" for i, m in enumerate(MISTAKES)],
)
def test_each_mistake_is_caught_by_its_part(live, cell, old, new, cause) -> None:
    """A typical slip fails a check of its own part, with a message naming the cause."""
    results = live.try_answer(cell, _variant(cell, old, new))
    failed = {gid: r.message for gid, r in results.items() if gid != cell and not r.passed}
    assert failed, f"no check of {cell} caught: {new!r}"
    raised = [r.error for gid, r in results.items() if gid != cell and not r.passed]
    assert all(error.startswith("CheckFailed") for error in raised), raised
    assert any(cause in message for message in failed.values()), failed
    assert all(len(message) <= MESSAGE_LIMIT for message in failed.values())


@pytest.mark.slow
def test_a_plan_never_saved_is_caught(live) -> None:
    """Without the line that saves it, the plan file is missing and the check says so."""
    live.run_code("PLAN_FILE.unlink()")
    old = 'PLAN_FILE.write_text(first_plan.to_markdown(), encoding="utf-8")'
    results = live.try_answer("part-d-answer", _variant("part-d-answer", old, ""))
    assert not results["part-d-plan"].passed
    assert "Save the plan" in results["part-d-plan"].message


@pytest.mark.slow
@pytest.mark.parametrize(
    ("cell", "old", "new"), RIGHT, ids=[f"{r[0][5]}-{i}" for i, r in enumerate(RIGHT)]
)
def test_right_alternatives_pass(live, cell, old, new) -> None:
    """An answer written another reasonable way passes every check of its part."""
    results = live.try_answer(cell, _variant(cell, old, new))
    failed = {gid: r.error for gid, r in results.items() if not r.passed}
    assert not failed, failed


@pytest.mark.slow
def test_later_parts_blame_a_wrong_ask_list(live) -> None:
    """With names instead of ids in `ask`, parts (c) and (d) name part (b) as the cause."""
    wrong = _variant("part-b-answer", '"person": chain.target.id,', '"person": chain.target.name,')
    index = {c.metadata.get("nbgrader", {}).get("grade_id"): i for i, c in enumerate(live.nb.cells)}
    cell = live.nb.cells[index["part-b-answer"]]
    cell.source = wrong
    try:
        live.run("part-b-answer")
        results = [live.run("part-c-requests"), live.run("part-d-plan")]
    finally:
        cell.source = ANSWERS["part-b-answer"]
        live.run("part-b-answer")
    for result in results:
        assert not result.passed and "(part b) is the cause" in result.message, result.error
        assert result.error.startswith("CheckFailed") and len(result.message) <= MESSAGE_LIMIT
