"""Checks for Assignment 8, the capstone *Your own plan* (``ps08-your-plan``).

Each piece of the learner's plan is checked for being there and being valid
against the learner's own network: a LAMP list the method accepts and whose
advocacy column agrees with whom they can reach; the people to ask at the
top five employers; the right first message for each chain — the request to
someone you know, or, two hops or more away, the message to your own contact
asking for an introduction — each passing its review; a plan for
the first conversation that fits its minutes; and a tracker for the next
three weeks with the 3B7 dates. The written answers are marked by hand.

Examples
--------
>>> import coffeechat as cc
>>> from coffeechat.checks import check_advocacy
>>> def advocacy(network, employer):
...     return True
>>> try:
...     check_advocacy(advocacy, cc.make_network(200, seed=1))
... except AssertionError as err:
...     print(err)  # doctest: +ELLIPSIS
advocacy(network, ...) says yes, but nobody at ... is within two hops of you...
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from coffeechat._args import a_date
from coffeechat.checks._core import (
    Assignment,
    GradedTest,
    Part,
    blank,
    call,
    checked,
    expect_type,
    fail,
    listing,
    passed,
)
from coffeechat.checks._inputs import call_on_copies
from coffeechat.contacts import Network
from coffeechat.employer_plan import within_reach
from coffeechat.errors import CoffeeChatError, NoChainError
from coffeechat.outreach import (
    follow_up_dates,
    review_introduction_request,
    review_request_for,
)
from coffeechat.paths import Target, strongest_chain
from coffeechat.questions import InterviewPlan
from coffeechat.tracking import make_lamp, make_tracker

__all__ = [
    "ASSIGNMENT",
    "check_advocacy",
    "check_ask_list",
    "check_first_plan",
    "check_lamp_list",
    "check_requests",
    "check_three_weeks",
    "check_top_five",
]

_TOLERANCE = 1e-9
_ASK_COLUMNS = ("employer", "person", "introducer", "hops")


# ---------------------------------------------------------------- helpers
def _name(network: Network, person: str) -> str:
    return network.person(person).name


def _blank_cell(value: object) -> bool:
    return blank(value) or (isinstance(value, float) and math.isnan(value))


# ---------------------------------------------------------------- part (a)
@checked
def check_advocacy(advocacy: Callable[[Any, Any], Any], network: Network) -> None:
    """Check a learner's ``advocacy(network, employer)``: can you reach someone there?

    It must say yes exactly when someone at the employer is within two hops
    of the learner (someone you know, or someone they know), for every
    organisation in the network and for one that is in nobody's row.

    Raises
    ------
    CheckFailed
        Naming an employer where the answer is wrong, and who is (or is not) near.
    """
    employers = _advocacy_right(advocacy, network)
    passed(f"Your advocacy is right for all {len(employers)} organisations in your network.")


def _advocacy_right(advocacy: Callable[[Any, Any], Any], network: Network) -> list[str]:
    """Fail at the first employer where ``advocacy`` is wrong; return the employers tried."""
    employers = sorted({o for o in network.people["organization"] if not blank(o)})
    for employer in [*employers, "Nowhere Mapped Ltd"]:
        name = f"advocacy(network, {employer!r})"
        mine = expect_type(
            call(advocacy, [network, employer], name), bool | np.bool_, name, "True or False"
        )
        near = within_reach(network, employer)
        if bool(mine) and not near:
            fail(
                f"{name} says yes, but nobody at {employer} is within two hops of you: "
                "advocacy means someone there you know, or someone they know."
            )
        if not mine and near:
            fail(
                f"{name} says no, but you can reach "
                f"{listing([_name(network, p) for p in near])} there within two hops."
            )
    return employers


@checked
def check_lamp_list(
    lamp: object,
    network: Network,
    advocacy: Callable[[Any, Any], Any],
    more: Sequence[str] = (),
) -> None:
    """Check the learner's LAMP list: the method accepts it, and advocacy matches the network.

    ``more`` are the employers found outside the network (``MORE_EMPLOYERS``):
    each needs a row too.

    Raises
    ------
    CheckFailed
        With the first problem: fewer than 40 employers, a missing column, a
        score out of range, the employer you work for now, an organisation of
        the network left out, an ``advocacy`` that is wrong for an employer
        in the network, or an advocacy answer that disagrees with
        ``advocacy``.
    """
    table = expect_type(lamp, pd.DataFrame, "lamp", "a pandas DataFrame (one row an employer)")
    _advocacy_right(advocacy, network)  # a wrong function is the cause of a wrong column
    try:
        checked = make_lamp(table)
    except CoffeeChatError as err:
        fail(f"Your LAMP list is not ready yet: {_first_problem(err)}")
    listed = set(checked["employer"])
    own = network.person(network.me).organization
    if own in listed:
        fail(f"Your LAMP list has {own}, where you work now: leave it out (you are there already).")
    absent = sorted({o for o in network.people["organization"] if not blank(o)} - listed - {own})
    if absent:
        fail(
            f"Your LAMP list leaves out {listing(absent)}: give every organisation in your "
            "network (except where you work) a row, besides the employers you found outside it."
        )
    outside = [str(e) for e in more if str(e) not in listed and str(e) != own]
    if outside:
        fail(
            f"Your LAMP list leaves out {listing(outside)}, from MORE_EMPLOYERS: give each "
            "employer you found outside your network a row too."
        )
    for row in checked.itertuples():
        if not network.match(organization=row.employer):
            continue
        expected = bool(call(advocacy, [network, row.employer], "advocacy"))
        if bool(row.advocacy) != expected:
            fail(
                f"Your LAMP list says advocacy {'yes' if row.advocacy else 'no'} for "
                f"{row.employer}, but advocacy(network, {row.employer!r}) says "
                f"{'yes' if expected else 'no'}: fill the column with your function."
            )
    passed(
        f"Your LAMP list has {len(checked)} employers, sorted by motivation, posting, "
        f"then advocacy; first: {checked['employer'].iloc[0]}."
    )


def _first_problem(err: Exception) -> str:
    """The first line of a list of problems, and how many more there are."""
    lines = [line for line in str(err).splitlines() if line.strip()]
    more = len(lines) - 1
    return lines[0] + (f" (and {more} more like it)" if more else "")


def _employer_list(value: object, name: str) -> list[str]:
    if isinstance(value, pd.Series):
        value = value.tolist()
    value = expect_type(value, list | tuple, name, "a list of employer names")
    return [str(v) for v in value]


@checked
def check_top_five(top_five: object, lamp: pd.DataFrame) -> None:
    """Check that ``top_five`` names the first five employers of the sorted LAMP list.

    A list of names or a Series of them do; a table does not, since part (b)
    loops over ``top_five`` and a table gives its column names.
    """
    if isinstance(top_five, pd.DataFrame):
        fail(
            "top_five is a table, and a loop over a table gives its column names: take the "
            "names, e.g. cc.make_lamp(lamp)['employer'].head(5).tolist()."
        )
    mine = _employer_list(top_five, "top_five")
    try:
        want = make_lamp(lamp)["employer"].head(5).tolist()
    except CoffeeChatError:
        fail("Your LAMP list is not ready yet, so it has no top five: fix `lamp` first (check a1).")
    if len(mine) != 5:
        fail(f"top_five names {len(mine)} employers; it should name the first 5 of your list.")
    if mine != want:
        wrong = next(i for i, (a, b) in enumerate(zip(mine, want, strict=True)) if a != b)
        fail(
            f"Place {wrong + 1} of your top five is {mine[wrong]}, but your sorted LAMP list "
            f"has {want[wrong]} there (motivation first, then posting, then advocacy)."
        )
    passed(f"Your top five: {', '.join(want)}.")


# ---------------------------------------------------------------- part (b)
def _best(network: Network, **target: Any) -> float | None:
    try:
        return strongest_chain(network, **target).strength
    except NoChainError:
        return None


@checked
def check_ask_list(
    ask_list: Callable[[Any, Any], Any], network: Network, employers: Sequence[str]
) -> None:
    """Check a learner's ``ask_list(network, employers)``: whom to ask at each employer.

    The table needs the columns ``employer``, ``person``, ``introducer`` and
    ``hops``, one row per employer (any order). For an employer someone can
    be reached at, ``person`` works there and is reached by a chain as
    strong as the strongest to anyone there, starting with ``introducer``
    (the person themself when you know them); otherwise ``person`` is blank.

    Raises
    ------
    CheckFailed
        Naming the employer and what is wrong: the person, the introducer,
        the hops, or a missing row.
    """
    if isinstance(employers, pd.DataFrame | str):
        fail(
            "Your `top_five` (part a) is the cause: it should be a list of employer names "
            "\N{EM DASH} fix it first."
        )
    employers = list(employers)
    name = "ask_list(network, employers)"
    answer = call_on_copies(ask_list, [network, employers], name, ["network", "employers"])
    table = expect_type(answer, pd.DataFrame, name, "a pandas DataFrame")
    missing = [c for c in _ASK_COLUMNS if c not in table.columns]
    if missing:
        fail(f"{name} has no {missing[0]!r} column; it needs {list(_ASK_COLUMNS)}.")
    rows = {str(r["employer"]): r for _, r in table.iterrows()}
    absent = [e for e in employers if e not in rows]
    if absent:
        fail(f"{name} has no row for {listing(absent)}; give every employer a row.")
    me = network.me
    for employer in employers:
        row = rows[employer]
        best = _best(network, target=Target(organization=employer))
        if best is None:
            if not _blank_cell(row["person"]):
                fail(f"Nobody at {employer} can be reached, but your row names {row['person']!r}.")
            continue
        person, first = str(row["person"]), str(row["introducer"])
        if _blank_cell(row["person"]) or person not in network:
            fail(f"Someone at {employer} can be reached, but your row's person is {person!r}.")
        if person not in network.match(organization=employer):
            fail(f"{_name(network, person)} does not work at {employer}.")
        if first not in network or (first != person and network.tie(me, first) is None):
            fail(
                f"For {employer}, the introducer {first!r} is not someone you know: the chain "
                "starts with one of your own contacts."
            )
        if first == person and network.tie(me, person) is None:
            fail(
                f"For {employer}, the introducer is {_name(network, person)} themself, whom you "
                "do not know yet: the introducer is your own contact who starts the chain."
            )
        if first == person:
            strength = network.tie(me, person).strength if network.tie(me, person) else 0.0
            hops = 1
        else:
            rest = strongest_chain(network, source=first, target=person)
            strength, hops = network.tie(me, first).strength * rest.strength, rest.hops + 1
        if not math.isclose(strength, best, rel_tol=1e-6):
            chain = strongest_chain(network, target=Target(organization=employer))
            fail(
                f"For {employer}, the chain through {_name(network, first)} to "
                f"{_name(network, person)} is weaker than need be: a stronger one exists, "
                f"through {chain.introducer.name} to {chain.target.name}."
            )
        try:
            mine_hops = float(row["hops"])
        except (TypeError, ValueError):
            fail(f"For {employer}, hops should be a number, not {row['hops']!r}.")
        if mine_hops != hops:
            fail(
                f"For {employer}, the chain you to {_name(network, first)} to "
                f"{_name(network, person)} has {hops} hops, but your row says {row['hops']!r}."
            )
    passed(f"Your ask list names the best person to reach at each of {len(employers)} employers.")


# ---------------------------------------------------------------- part (c)
def _ask_table(ask: object, network: Network) -> pd.DataFrame:
    """The learner's ``ask`` (part b), or a sentence blaming part (b) when it cannot be used."""
    if not isinstance(ask, pd.DataFrame) or not {"person", "introducer"} <= set(ask.columns):
        fail(
            "Your `ask` (part b) is the cause: it needs the columns 'person' and 'introducer' "
            "(ids of people in your network) — fix that first."
        )
    for column in ("person", "introducer"):
        unknown = [p for p in ask[column] if not _blank_cell(p) and str(p) not in network]
        if unknown:
            fail(
                f"Your `ask` (part b) is the cause: its {column} column holds "
                f"{listing(unknown)}, which are not ids of people in your network — fix that first."
            )
    return ask


def _first_recipients(ask: pd.DataFrame) -> dict[str, pd.Series]:
    """Whom each reachable row says to write to first: the person, or your contact."""
    recipients: dict[str, pd.Series] = {}
    for _, row in ask.iterrows():
        if _blank_cell(row["person"]):
            continue
        person, first = str(row["person"]), str(row["introducer"])
        recipients.setdefault(person if first == person else first, row)
    return recipients


@checked
def check_requests(requests: object, ask: pd.DataFrame, network: Network) -> None:
    """Check the learner's first messages: two, each to the right person, each passing review.

    ``requests`` maps the id of the person you write to onto the message.
    For someone on the ask list you know already (one hop), that is the
    request itself: it greets them by name and passes every rule of
    :func:`coffeechat.outreach.review_request_for` — so any contact it names
    as the connection knows them. For someone two hops or more away, the
    first message goes to your own contact who starts the chain, asking for
    an introduction: it greets your contact and passes
    :func:`coffeechat.outreach.review_introduction_request`. Writing first to
    someone you do not know yet, with "X suggested I write", fails.
    """
    mapping = expect_type(requests, Mapping, "requests", "a dictionary: person id -> message")
    ask = _ask_table(ask, network)
    recipients = _first_recipients(ask)
    if len(mapping) < 2:
        fail(
            f"requests holds {len(mapping)} message(s); write two, for the first two "
            "employers where someone can be reached."
        )
    strangers = {str(r["person"]): r for r in recipients.values()}
    for key, text in mapping.items():
        to = str(key)
        if to not in recipients:
            if to in strangers and str(strangers[to]["introducer"]) in network:
                row = strangers[to]
                fail(
                    f"You do not know {_name(network, to)} yet, so do not write to them first: "
                    f"write to {_name(network, str(row['introducer']))}, who starts the chain, "
                    f"asking for an introduction (key it {str(row['introducer'])!r})."
                )
            fail(
                f"requests has a message for {to!r}, who is not whom your ask list says to "
                "write to first (a person you know there, or your contact who starts the chain)."
            )
        row = recipients[to]
        text = expect_type(text, str, f"requests[{to!r}]", "the message's text")
        name = _name(network, to)
        if name.split()[0].lower() not in text.lower():
            fail(f"The message to {name} should greet them by name ({name.split()[0]}).")
        if to == str(row["person"]):
            result = review_request_for(network, to, text)
            what = f"The request to {name}"
        else:
            target = _name(network, str(row["person"]))
            result = review_introduction_request(text, target=target)
            what = f"The message to {name} (asking to meet {target})"
        if not result.passed:
            fail(f"{what}: {result.failures[0].message}")
    passed(f"Your {len(mapping)} first messages go to the right people and pass their reviews.")


# ---------------------------------------------------------------- part (d)
@checked
def check_first_plan(
    plan: object, ask: pd.DataFrame, network: Network, path: str | os.PathLike[str]
) -> None:
    """Check the plan for the first conversation, and that it is saved to ``path``.

    It must be an :class:`~coffeechat.questions.InterviewPlan` for the first
    person on the ask list, for 15 to 30 minutes, fitting its time, ending
    with the closing questions, and saved as Markdown at ``path``.
    """
    plan = expect_type(plan, InterviewPlan, "first_plan", "the result of plan_interview(...)")
    ask = _ask_table(ask, network)
    first = next((r for _, r in ask.iterrows() if not _blank_cell(r["person"])), None)
    if first is None:
        fail("Your ask list has nobody to talk to yet, so there is no first conversation to plan.")
    name = _name(network, str(first["person"]))
    if name not in plan.interviewee:
        fail(
            f"The plan is for {plan.interviewee or 'nobody in particular'}; make it for {name}, "
            "the first person on your ask list (interviewee=...)."
        )
    if not 15 <= plan.minutes <= 30:
        fail(f"The plan asks for {plan.minutes:g} minutes; ask for 15 to 30.")
    if plan.total_minutes > plan.minutes:
        fail(f"The plan runs {plan.total_minutes:g} minutes, over the {plan.minutes:g} asked for.")
    saved = Path(path)
    if not saved.is_file():
        fail(f"Save the plan with to_markdown() to {saved.name}, next to this notebook.")
    if saved.read_text(encoding="utf-8").strip() != plan.to_markdown().strip():
        fail(f"{saved.name} is not this plan's to_markdown(); save it again after the last change.")
    passed(
        f"Your {plan.minutes:g}-minute plan for {name} fits its time and is saved in {saved.name}."
    )


# ---------------------------------------------------------------- part (e)
@checked(start=a_date)
def check_three_weeks(
    tracker: object, requests: Mapping[str, str], network: Network, start: object
) -> None:
    """Check the tracker: a row per message, sent on ``start``, with the 3B7 dates.

    The tracker must pass :func:`coffeechat.tracking.make_tracker`, have a
    row (``contact`` = the name of the person written to, with their
    ``organization``) for each message in ``requests`` and no other, with
    ``sent_on`` equal to ``start``, and the columns
    ``second_contact_due`` and ``follow_up_due`` equal to the 3B7 dates of
    :func:`coffeechat.outreach.follow_up_dates`, all within three weeks.
    """
    if not isinstance(requests, Mapping):
        fail("Your `requests` (part c) is the cause: it should be a dictionary — fix that first.")
    unknown = [str(p) for p in requests if str(p) not in network]
    if unknown:
        fail(
            f"Your `requests` (part c) is the cause: {listing(unknown)} are not ids of people in "
            "your network — fix that first."
        )
    table = expect_type(tracker, pd.DataFrame, "tracker", "a pandas DataFrame")
    try:
        checked = make_tracker(table)
    except CoffeeChatError as err:
        fail(f"Your tracker is not valid yet: {err}")
    day = pd.Timestamp(start).date()
    dates = follow_up_dates(day)
    for column in ("second_contact_due", "follow_up_due"):
        if column not in checked.columns:
            fail(f"Your tracker has no {column!r} column; add the 3B7 dates.")
    by_contact = {str(r["contact"]): r for _, r in checked.iterrows()}
    written_to = {_name(network, str(person)) for person in requests}
    extra = [c for c in by_contact if c not in written_to]
    ids = [c for c in extra if c in {str(p) for p in requests}]
    if ids:
        fail(
            f"Your tracker's contact {ids[0]!r} is an id: write the name of the person written "
            f"to ({_name(network, ids[0])}), as the text asks."
        )
    if extra:
        fail(
            f"Your tracker has a row for {listing(extra)}, to whom `requests` holds no message: "
            "one row per message you send, and no other."
        )
    for person in requests:
        name = _name(network, str(person))
        if name not in by_contact:
            fail(f"Your tracker has no row for {name}, to whom you wrote a first message.")
        row = by_contact[name]
        if _blank_cell(row.get("organization")):
            fail(
                f"Your tracker gives no organization for {name}: each row needs an "
                "'organization' column with the employer of the person written to."
            )
        if row["sent_on"] != day:
            fail(f"{name}'s message is sent on {row['sent_on']}; the plan sends it on {day}.")
        for column, days, want in (
            ("second_contact_due", 3, dates.second_contact_on),
            ("follow_up_due", 7, dates.follow_up_on),
        ):
            have = pd.Timestamp(row[column]).date() if not _blank_cell(row[column]) else None
            if have != want:
                fail(
                    f"For {name}, {column} should be {want:%a %d %b} ({days} business days "
                    f"after {day:%a %d %b}), but your tracker says {have}."
                )
            if want > day + timedelta(days=21):
                fail(f"{column} for {name} falls after the three weeks this plan covers.")
    passed(
        f"Your tracker holds your {len(requests)} messages with their 3B7 dates for the next "
        "three weeks."
    )


# ---------------------------------------------------------- the assignment
ASSIGNMENT = Assignment(
    name="ps08-your-plan",
    notebook="your-plan",
    title="Your own plan",
    parts=(
        Part(
            "a",
            "Your target employers",
            (
                GradedTest(
                    "part-a-lamp", 2, "check_lamp_list(lamp, network, advocacy, MORE_EMPLOYERS)"
                ),
                GradedTest("part-a-top-five", 1, "check_top_five(top_five, lamp)"),
                GradedTest("part-a-hidden", 1),
            ),
            functions=("advocacy",),
        ),
        Part(
            "b",
            "Whom to ask",
            (
                GradedTest("part-b-ask", 3, "check_ask_list(ask_list, network, top_five)"),
                GradedTest("part-b-hidden", 1),
            ),
            functions=("ask_list",),
        ),
        Part(
            "c",
            "Two first messages",
            (GradedTest("part-c-requests", 4, "check_requests(requests, ask, network)"),),
        ),
        Part(
            "d",
            "The first conversation",
            (
                GradedTest(
                    "part-d-plan", 3, "check_first_plan(first_plan, ask, network, PLAN_FILE)"
                ),
            ),
        ),
        Part(
            "e",
            "The next three weeks",
            (
                GradedTest(
                    "part-e-tracker", 3, "check_three_weeks(tracker, requests, network, START)"
                ),
            ),
        ),
        Part(
            "f",
            "Your reasons, in words",
            (
                GradedTest("part-f-why-these", 2, manual=True),
                GradedTest("part-f-first-minutes", 2, manual=True),
                GradedTest("part-f-no-reply", 2, manual=True),
            ),
        ),
    ),
    made_by={"lamp": "advocacy", "ask": "ask_list"},
)
