"""Assignment 2's checks: unit tests (the mistake bank is in ``test_mistakes_ps02.py``)."""

from __future__ import annotations

import heapq
import math
from pathlib import Path

import pandas as pd
import pytest

import coffeechat as cc
from coffeechat import checks
from coffeechat.checks import ps02
from coffeechat.errors import CheckFailed, InvalidParameter
from ps02_answers import BFS, PEOPLE_PANDAS, RANK_WITH_STRONGEST

ROOT = Path(__file__).resolve().parents[1]
SOLUTION = ROOT / "solutions" / "ps02-who-to-talk-to"
SEED = 2026


def _namespace(source: str) -> dict:
    namespace = {
        "heapq": heapq,
        "math": math,
        "pd": pd,
        "chain_strength": ps02.chain_strength_reference,
        "strongest_chain": ps02.strongest_reference,
    }
    exec(source, namespace)
    return namespace


@pytest.fixture(scope="module")
def sample():
    return cc.load_sample_network(), cc.load_sample_organizations()


@pytest.fixture(scope="module")
def other():
    network = cc.make_network(300, seed=SEED + 2, mean_degree=6)
    organizations = checks.practice_organizations(network, SEED + 2)
    return network, organizations, organizations["name"].iloc[len(organizations) // 2]


def test_strongest_chain_message_names_both_routes_and_strengths(sample):
    """The message says which chain the learner took and which stronger one exists."""
    ns = _namespace(BFS)
    with pytest.raises(CheckFailed) as caught:
        checks.check_strongest_chain(ns["strongest_chain"], checks.strength_practice_network())
    assert str(caught.value) == (
        "In the small practice network, to reach Cy Tran your chain goes through Dee Park, but "
        "a stronger one exists via Ana Ruiz → Ben Ode (strength 0.65 vs 0.12). Fewest hops is "
        "not strongest."
    )


def _reference_unless(wrong, answer):
    """The right strongest_chain, except ``answer(source, target)`` where ``wrong`` holds."""

    def chain(strengths, source, target):
        if wrong(source, target):
            return answer(source, target)
        return ps02.strongest_reference(strengths, source, target)

    return chain


@pytest.mark.parametrize(
    ("function", "expected"),
    [
        (
            _reference_unless(lambda s, t: s == t, lambda s, t: None),
            r"^In the small practice network, the chain from you to \w+ is just \['me'\], but "
            r"your function returned None\.$",
        ),
        (
            _reference_unless(lambda s, t: t == "eli", lambda s, t: [s, t]),
            r"^In the small practice network, nobody you can reach knows Eli Fox: return None "
            r"\(your function returned \['me', 'eli'\]\)\.$",
        ),
        (
            _reference_unless(lambda s, t: t == "cy", lambda s, t: None),
            r"^In the small practice network, your function found no chain to Cy Tran, but there "
            r"is one: you → Ana Ruiz → Ben Ode → Cy Tran\.$",
        ),
        (
            _reference_unless(lambda s, t: t == "cy", lambda s, t: [s, "ben", t]),
            r"your chain to Cy Tran \(you → Ben Ode → Cy Tran\) jumps from you to Ben Ode",
        ),
    ],
)
def test_strongest_chain_names_each_kind_of_wrong_chain(function, expected):
    """The same person, nobody to reach, a missing chain and a skipped tie each get their words."""
    with pytest.raises(CheckFailed, match=expected):
        checks.check_strongest_chain(function, checks.strength_practice_network())


def test_hidden_data_is_another_network_and_target(other):
    """Hidden checks use a generated network with its own organisations and target."""
    network, organizations, target = other
    related = checks.ps02.related_reference(checks.ps02.relations_reference(organizations), target)
    assert target in set(network.people["organization"])
    assert any(related.values())
    solution = _namespace(PEOPLE_PANDAS)["people_to_ask"]
    checks.check_people_to_ask(solution, network, organizations, target)


def test_rank_introducers_blames_a_wrong_strongest_chain(sample):
    """A ranking built on a wrong strongest_chain names part (b2) as the cause."""
    ns = _namespace(RANK_WITH_STRONGEST)
    ns["strongest_chain"] = _namespace(BFS)["strongest_chain"]
    with pytest.raises(CheckFailed, match=r"your `strongest_chain` \(part b2\) is the cause"):
        checks.check_introducer_ranking(ns["rank_introducers"], sample[0], "Quillstack")


FEWEST_HOPS_RANKING = """
def rank_introducers(strengths, source, colleagues):
    from collections import deque
    scores = {}
    for contact, tie in strengths[source].items():
        chain_to = {contact: [contact]}
        queue = deque([contact])
        while queue:
            person = queue.popleft()
            for other in sorted(strengths[person], reverse=REVERSED):
                if other != source and other not in chain_to:
                    chain_to[other] = chain_to[person] + [other]
                    queue.append(other)
        found = sorted((p for p in colleagues if p in chain_to), reverse=REVERSED)
        if found:
            nearest = min(found, key=lambda p: len(chain_to[p]))
            scores[contact] = tie * chain_strength(strengths, chain_to[nearest])
    return pd.Series(scores).sort_values(ascending=False)
"""


@pytest.mark.parametrize("reversed_order", [False, True], ids=["a-z", "z-a"])
def test_fewest_hops_ranking_is_named_in_any_search_order(sample, reversed_order):
    """Whichever equally short chain a breadth-first search settles on, the hint names it."""
    ns = _namespace(FEWEST_HOPS_RANKING.replace("REVERSED", str(reversed_order)))
    with pytest.raises(CheckFailed, match="not the one with fewest hops"):
        checks.check_introducer_ranking(ns["rank_introducers"], sample[0], "Quillstack")


def test_unwritten_and_none_answers_are_one_sentence(sample):
    """A stub and a forgotten return are explained, not shown as tracebacks."""

    def stub(strengths, chain):
        raise NotImplementedError()

    with pytest.raises(CheckFailed, match="not written yet"):
        checks.check_chain_strength(stub, sample[0])
    with pytest.raises(CheckFailed, match="did you forget `return`"):
        checks.check_relations_table(lambda table: None, sample[1])


def test_tie_strengths_is_symmetric_and_complete(sample):
    """strengths[a][b] == strengths[b][a] for every tie, and nothing else."""
    network = sample[0]
    strengths = checks.tie_strengths(network)
    pairs = {(a, b) for a, others in strengths.items() for b in others}
    assert len(pairs) == 2 * network.number_of_ties
    assert all(strengths[a][b] == strengths[b][a] for a, b in pairs)


# --------------------------------------------------------------- the real notebook
@pytest.mark.slow
def test_solution_notebook_passes_every_check():
    """In a real kernel, the solution's graded cells, hidden ones included, all pass."""
    from live_notebook import LiveNotebook

    with LiveNotebook(SOLUTION) as live:
        failed = {gid: r.error for gid, r in live.first_run.items() if not r.passed}
    assert failed == {}


@pytest.mark.parametrize(
    "call",
    [
        lambda: checks.check_chain_strength(lambda s, c: 1.0, "network"),
        lambda: checks.check_strongest_chain(lambda s, a, b: None, {}),
        lambda: checks.check_introducer_ranking(lambda s, a, c: {}, None),
        lambda: checks.check_people_to_ask(
            lambda *a: [], None, cc.load_sample_organizations(), "X"
        ),
        lambda: checks.check_relations_table(lambda t: t, "organizations.csv"),
        lambda: checks.check_related_organizations(lambda r, t: {}, None),
    ],
)
def test_wrong_arguments_to_a_check_are_one_sentence(call):
    """A check given something other than a network or table says so in one sentence."""
    with pytest.raises(InvalidParameter, match=r"should be .*, not ") as raised:
        call()
    assert len(str(raised.value)) <= 400 and "\n" not in str(raised.value)
