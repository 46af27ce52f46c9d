"""Assignment 2, part (d): five people to ask around the target, and its check."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from coffeechat.checks._chain_words import person_name
from coffeechat.checks._core import (
    blame_earlier,
    checked,
    expect_type,
    fail,
    listing,
    passed,
)
from coffeechat.checks._inputs import call_on_copies
from coffeechat.checks.ps02._data import (
    MAX_HOPS,
    PER_ORGANIZATION,
    PICKS,
    PRACTICE,
    label,
    need_network,
    need_table,
    organization_of,
    setup_intact,
    tie_strengths,
)
from coffeechat.checks.ps02._relations import related_reference, relations_reference
from coffeechat.checks.ps02._strongest import (
    dijkstra,
    strength_part,
    strongest_part,
)
from coffeechat.contacts import Network


# ------------------------------------------------- part (d): five people
def _within_hops(
    strengths: Mapping[str, Mapping[str, float]], source: str, max_hops: int
) -> dict[str, float]:
    """The best strength to everyone within ``max_hops`` ties (Bellman-Ford, one round a hop)."""
    best = {source: 1.0}
    frontier = dict(best)
    for _ in range(max_hops):
        better: dict[str, float] = {}
        for person, value in frontier.items():
            for other, tie in strengths[person].items():
                candidate = value * tie
                if candidate > best.get(other, 0.0) * (1 + 1e-12) and candidate > better.get(
                    other, 0.0
                ):
                    better[other] = candidate
        for person, value in better.items():
            best[person] = max(best.get(person, 0.0), value)
        frontier = better
    best.pop(source)
    return best


def people_to_ask_reference(
    strengths: Mapping[str, Mapping[str, float]],
    organization_of: Mapping[str, str],
    source: str,
    organizations: Iterable[str],
) -> list[str]:
    """A right ``people_to_ask(strengths, organization_of, source, organizations)``.

    The five people to ask, best first: at the given organisations, within
    two introductions (three hops), ranked by the strongest chain of at most
    three hops, no more than two per organisation.

    Examples
    --------
    >>> people_to_ask_reference(tie_strengths(PRACTICE), organization_of(PRACTICE), "me",
    ...                         ["Borealis Labs", "Acme"])
    ['ana', 'ben', 'cy', 'ivy']
    """
    wanted = set(organizations)
    best = _within_hops(strengths, source, MAX_HOPS)
    candidates = sorted(
        (p for p in best if organization_of.get(p) in wanted), key=lambda p: (-best[p], p)
    )
    picked: list[str] = []
    count: dict[str, int] = {}
    for person in candidates:
        org = organization_of[person]
        if count.get(org, 0) < PER_ORGANIZATION:
            picked.append(person)
            count[org] = count.get(org, 0) + 1
        if len(picked) == PICKS:
            break
    return picked


@checked
def check_people_to_ask(
    people_to_ask: Callable[[Any, Any, Any, Any], Any],
    network: Network,
    organizations: pd.DataFrame,
    target: str,
    source: str | None = None,
) -> None:
    """Check a learner's ``people_to_ask(strengths, organization_of, source, organizations)``.

    ``organizations`` (the argument given to the learner's function) is the
    list of the target and its suppliers, competitors and customers, worked
    out here from the organisations table. The answer must be a list of at
    most five ids, best first: people at those organisations, within two
    introductions, ranked by their strongest chain of at most three hops, at
    most two per organisation. Equally strong people may come in any order.

    Raises
    ------
    CheckFailed
        Naming a person who should or should not be picked, or the order.
    """
    start = need_network(network).me if source is None else source
    related = related_reference(relations_reference(need_table(organizations)), target)
    around = [target, *related["suppliers"], *related["competitors"], *related["customers"]]
    plan = [
        (PRACTICE, "me", ["Borealis Labs", "Acme", "Cobalt Works"]),
        (PRACTICE, "me", ["Borealis Labs"]),
        (PRACTICE, "me", ["Dunmore Health"]),
        (network, start, around),
    ]

    def run() -> None:
        for net, begin, orgs in plan:
            _compare_picks(people_to_ask, net, begin, orgs)

    blame_earlier(run, people_to_ask, strength_part(), strongest_part())
    setup_intact(people_to_ask)
    passed(
        "people_to_ask picks the strongest people within two introductions, at most two "
        "per organisation."
    )


def _compare_picks(
    function: Callable[..., Any], net: Network, source: str, orgs: list[str]
) -> None:
    strengths = tie_strengths(net)
    owner = organization_of(net)
    where = f"{label(net)}, for {listing(orgs, 2)}"
    result = call_on_copies(
        function,
        [strengths, dict(owner), source, list(orgs)],
        "people_to_ask(strengths, organization_of, source, organizations)",
        ["strengths", "organization_of", "source", "organizations"],
    )
    if isinstance(result, pd.Series | pd.Index):
        result = list(result)
    expect_type(result, list | tuple, f"{where}: people_to_ask", "a list of person ids, best first")
    picks = [str(p) for p in result]
    best3 = _within_hops(strengths, source, MAX_HOPS)
    every = dijkstra(strengths, source)
    expected = people_to_ask_reference(strengths, owner, source, orgs)
    from_me = (
        people_to_ask_reference(strengths, owner, net.me, orgs) if source != net.me else expected
    )
    if picks != list(expected) and picks == list(from_me):
        fail(
            f"{where}: your picks are the right ones for {net.me!r}, but this plan is for "
            f"{person_name(net, source)}: start the search at `source`, not at 'me'."
        )
    _check_each_pick(net, where, picks, owner, source, orgs, best3, every)
    if len(picks) < len(expected):
        left_out = next(p for p in expected if p not in picks)
        fail(
            f"{where}: you pick only {len(picks)} of the {len(expected)} people you could; "
            f"you leave out {person_name(net, left_out)} at {owner[left_out]} (strength "
            f"{best3[left_out]:.2f} within two introductions)."
        )
    if len(picks) != len(expected):
        fail(
            f"{where}: pick {len(expected)} people (five if there are that many within two "
            f"introductions), not {len(picks)}."
        )
    _compare_order(net, where, picks, expected, owner, best3, every)


def _check_each_pick(
    net: Network,
    where: str,
    picks: list[str],
    owner: Mapping[str, str],
    source: str,
    orgs: list[str],
    best3: Mapping[str, float],
    every: Mapping[str, Any],
) -> None:
    """Each pick is someone else, at one of ``orgs``, within reach, once, two per organisation."""
    count: dict[str, int] = {}
    for person in picks:
        if person not in owner:
            fail(f"{where}: {person!r} is not anyone in this network; return ids such as 'ana'.")
        if person == source:
            fail(f"{where}: leave {person_name(net, source)} out; you do not need to ask yourself.")
        if owner[person] not in orgs:
            fail(
                f"{where}: you pick {person_name(net, person)}, who works at "
                f"{owner[person] or 'no known organisation'}, not at one of these organisations."
            )
        if person not in best3:
            far = (
                "cannot be reached" if person not in every else "needs more than two introductions"
            )
            fail(
                f"{where}: {person_name(net, person)} {far}; pick only people within two "
                "introductions."
            )
        count[owner[person]] = count.get(owner[person], 0) + 1
        if count[owner[person]] > PER_ORGANIZATION:
            fail(
                f"{where}: you pick {count[owner[person]]} people at {owner[person]}; take "
                f"at most {PER_ORGANIZATION} per organisation, so that you hear several "
                "sides of the industry."
            )
    if len(set(picks)) != len(picks):
        twice = next(p for p in picks if picks.count(p) > 1)
        fail(f"{where}: you pick {person_name(net, twice)} twice.")


def _compare_order(
    net: Network,
    where: str,
    picks: list[str],
    expected: list[str],
    owner: Mapping[str, str],
    best3: Mapping[str, float],
    every: Mapping[str, Any],
) -> None:
    """As many picks as expected: each as strong as the expected pick in its place."""
    for i, (mine, right) in enumerate(zip(picks, expected, strict=True)):
        have, want = best3[mine], best3[right]
        if math.isclose(have, want, rel_tol=1e-9):
            continue
        if have < want:
            left_out = [p for p in expected if p not in picks]
            who = left_out[0] if left_out else right
            if who in picks:  # right people, wrong order
                longer = every.get(mine)
                cause = "put the strongest first."
                if longer and math.exp(-longer[0]) > have * (1 + 1e-9):
                    cause = (
                        f"{person_name(net, mine)}'s stronger chain needs more than two "
                        "introductions, so it does not count."
                    )
                fail(
                    f"{where}: your pick {i + 1} is {person_name(net, mine)} ({have:.2f}), but "
                    f"{person_name(net, who)} is stronger ({best3[who]:.2f}); {cause}"
                )
            longer = every.get(who)
            hint = ""
            if longer and math.exp(-longer[0]) > best3[who] * (1 + 1e-9):
                hint = (
                    " (its strongest chain overall is longer, but a weaker one within two "
                    "introductions counts)"
                )
            fail(
                f"{where}: you leave out {person_name(net, who)} at {owner[who]}, whose best chain "
                f"within two introductions has strength {best3[who]:.2f}{hint}, stronger than "
                f"your pick {person_name(net, mine)} ({have:.2f})."
            )
        fail(
            f"{where}: your pick {i + 1} is {person_name(net, mine)}, whose best chain within two "
            f"introductions has strength {have:.2f}; pick {i + 1} should be as strong as "
            f"{want:.2f}: rank by the strongest chain of at most three hops, best first."
        )
