"""Assignment 2, parts (b) and (c): the strongest chain and ranking introducers.

Dijkstra's algorithm on tie strengths, and the checks of both parts.
"""

from __future__ import annotations

import heapq
import math
import numbers
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from coffeechat.checks._chain_compare import ChainSearch, compare_chains
from coffeechat.checks._chain_words import chain_text, person_name
from coffeechat.checks._core import (
    Earlier,
    blame_earlier,
    brief,
    checked,
    expect_type,
    fail,
    passed,
    passes_one_of,
)
from coffeechat.checks._inputs import call_on_copies
from coffeechat.checks.ps02._data import (
    PRACTICE,
    label,
    need_network,
    setup_intact,
    tie_strengths,
    via,
)
from coffeechat.contacts import Network


# ------------------------------------------------ part (b): strongest chain
def chain_strength_reference(
    strengths: Mapping[str, Mapping[str, float]], chain: Sequence[str]
) -> float:
    """A right ``chain_strength(strengths, chain)``: the product of its tie strengths.

    Examples
    --------
    >>> round(chain_strength_reference(tie_strengths(PRACTICE), ["me", "ana", "ben"]), 6)
    0.72
    """
    return math.prod(strengths[a][b] for a, b in zip(chain, chain[1:], strict=False))


def strongest_reference(
    strengths: Mapping[str, Mapping[str, float]], source: str, target: str
) -> list[str] | None:
    """A right ``strongest_chain(strengths, source, target)``: Dijkstra on -log(strength).

    Examples
    --------
    >>> strongest_reference(tie_strengths(PRACTICE), "me", "cy")
    ['me', 'ana', 'ben', 'cy']
    >>> strongest_reference(tie_strengths(PRACTICE), "me", "eli") is None
    True
    """
    best = dijkstra(strengths, source)
    if target not in best:
        return None
    chain, step = [], target
    while step is not None:
        chain.append(step)
        step = best[step][1]
    return chain[::-1]


def dijkstra(
    strengths: Mapping[str, Mapping[str, float]], source: str, avoid: Iterable[str] = ()
) -> dict[str, tuple[float, str | None]]:
    """Cost (-log strength) and previous person of everyone reachable, avoiding some."""
    done: dict[str, tuple[float, str | None]] = {}
    blocked = set(avoid)
    queue: list[tuple[float, int, str, str | None]] = [(0.0, 0, source, None)]
    counter = 1
    while queue:
        cost, _, person, previous = heapq.heappop(queue)
        if person in done:
            continue
        done[person] = (cost, previous)
        for other, strength in strengths[person].items():
            if other not in done and other not in blocked and strength > 0:
                heapq.heappush(queue, (cost - math.log(strength), counter, other, person))
                counter += 1
    return done


def _best_strength(strengths: Mapping[str, Mapping[str, float]], source: str, target: str) -> float:
    best = dijkstra(strengths, source)
    return math.exp(-best[target][0]) if target in best else 0.0


@checked
def check_chain_strength(chain_strength: Callable[[Any, Any], Any], network: Network) -> None:
    """Check a learner's ``chain_strength(strengths, chain)``: the product of the ties' strengths.

    Tried on chains of one to four ties in the practice network and in
    ``network``, and on a chain of one person (strength 1).

    Raises
    ------
    CheckFailed
        Naming a chain and the strength it should have.
    """
    for net in (PRACTICE, need_network(network)):
        strengths = tie_strengths(net)
        for chain in _sample_chains(net):
            result = call_on_copies(
                chain_strength,
                [strengths, list(chain)],
                f"chain_strength(strengths, {brief(chain, 50)})",
                ["strengths", "chain"],
            )
            right = chain_strength_reference(strengths, chain)
            if isinstance(result, bool) or not isinstance(result, numbers.Real):
                expect_type(result, (), "chain_strength", "a number such as 0.42")
            if not math.isclose(float(result), right, rel_tol=1e-6, abs_tol=1e-12):
                hint = (
                    "Multiply the strengths of the ties: a chain is only as likely as all "
                    "its links together."
                )
                if len(chain) == 1:
                    hint = (
                        "A chain of one person has no ties: its strength is 1 (an empty product)."
                    )
                elif math.isclose(float(result), -math.log(right) if right else -1, rel_tol=1e-6):
                    hint = (
                        "That is -log(strength), the cost Dijkstra adds up; turn it back "
                        "with exp(-cost)."
                    )
                fail(
                    f"{label(net)}, the chain {chain_text(net, chain)} has strength "
                    f"{right:.2f}, but your function gives {brief(result)}. {hint}"
                )
    setup_intact(chain_strength)
    passed("chain_strength multiplies the strengths of a chain's ties.")


def _sample_chains(network: Network) -> list[tuple[str, ...]]:
    from coffeechat.paths import reach

    found = list(reach(network, source=network.me, max_hops=4).values())
    picked: list[tuple[str, ...]] = []
    for hops in (2, 1, 3, 4):
        picked += [c for c in found if len(c) == hops + 1][:2]
    return [*picked, (network.me,)]


@checked
def check_strongest_chain(
    strongest_chain: Callable[[Any, Any, Any], Any],
    network: Network,
    source: str | None = None,
    targets: Sequence[str] | None = None,
) -> None:
    """Check a learner's ``strongest_chain(strengths, source, target)``.

    It must return a list of ids from ``source`` to ``target`` whose ties
    multiply to the largest strength possible (any equally strong chain
    passes); ``[source]`` when the target is the source; None when no chain
    exists. It is tried on every person of the practice network and on people
    of ``network`` whose strongest chain is not their fewest-hop chain.

    Raises
    ------
    CheckFailed
        Saying, e.g., "your chain goes through Dee Park, but a stronger one
        exists via Ana Ruiz → Ben Ode (strength 0.65 vs 0.12)".
    """
    start = need_network(network).me if source is None else source
    plan = [(PRACTICE, "me", [str(p) for p in PRACTICE.people["id"]])]
    plan.append((network, start, list(targets) if targets else _strong_targets(network, start)))
    blame_earlier(
        lambda: _compare_strongest(strongest_chain, plan), strongest_chain, strength_part()
    )
    setup_intact(strongest_chain)
    passed("strongest_chain finds a strongest chain every time, and None when there is none.")


def _strong_targets(network: Network, source: str, count: int = 6) -> list[str]:
    from coffeechat.paths import reach

    strengths = tie_strengths(network)
    best = dijkstra(strengths, source)
    fewest = reach(network, source=source)
    differ = [
        p
        for p, chain in fewest.items()
        if math.exp(-best[p][0]) > chain_strength_reference(strengths, chain) * (1 + 1e-9)
    ]
    differ.sort(key=lambda p: (-len(fewest[p]), p))
    return differ[:count]


def strength_part() -> Earlier:
    return Earlier(
        "chain_strength",
        "b1",
        chain_strength_reference,
        check=lambda mine: check_chain_strength(mine, PRACTICE),
    )


class _Strongest(ChainSearch):
    """A network searched for strongest chains, as :func:`compare_chains` asks."""

    function, data_name = "strongest_chain", "strengths"
    no_chain = ""

    def __init__(self, network: Network, source: str) -> None:
        super().__init__(network, source, label(network))
        self.strengths = tie_strengths(network)
        self.best = dijkstra(self.strengths, source)

    def argument(self) -> object:
        return self.strengths

    def reaches(self, target: str) -> bool:
        return target in self.best

    def right_chain(self, target: str) -> list[str]:
        return strongest_reference(self.strengths, self.source, target) or []

    def judge(self, result: Any, target: str) -> None:
        net, where, strengths = self.network, self.where, self.strengths
        right = self.right_chain(target)
        _valid_chain(net, strengths, result, self.source, target, where)
        mine = chain_strength_reference(strengths, list(result))
        top = math.exp(-self.best[target][0])
        if mine < top * (1 - 1e-9):
            fail(
                f"{where}, to reach {person_name(net, target)} your chain goes through "
                f"{via(net, list(result))}, but a stronger one exists via "
                f"{via(net, right)} (strength {top:.2f} vs {mine:.2f})."
                + (" Fewest hops is not strongest." if len(result) < len(right) else "")
            )


def _compare_strongest(
    function: Callable[[Any, Any, Any], Any], plan: Sequence[tuple[Network, str, Sequence[str]]]
) -> None:
    compare_chains(function, plan, _Strongest)


def _valid_chain(
    net: Network,
    strengths: Mapping[str, Mapping[str, float]],
    result: object,
    begin: str,
    end: str,
    where: str,
) -> None:
    if not isinstance(result, list | tuple) or not all(isinstance(p, str) for p in result):
        fail(
            f"{where}, your chain to {person_name(net, end)} should be a list of ids such as "
            f"['me', 'ana', 'ben'], not {brief(result)}."
        )
    if not result or result[0] != begin or result[-1] != end:
        fail(
            f"{where}, a chain to {person_name(net, end)} starts with {begin!r} and ends with "
            f"{end!r}; yours is {brief(list(result))}."
        )
    for a, b in zip(result, result[1:], strict=False):
        if a not in strengths or b not in strengths[a]:
            fail(
                f"{where}, your chain to {person_name(net, end)} ({chain_text(net, result)}) "
                f"jumps from {person_name(net, a)} to {person_name(net, b)}, who do not know "
                "each other."
            )
    if len(set(result)) != len(result):
        fail(
            f"{where}, your chain to {person_name(net, end)} visits someone twice: "
            f"{chain_text(net, result)}."
        )


# --------------------------------------------- part (c): rank introducers
def introducers_reference(
    strengths: Mapping[str, Mapping[str, float]], source: str, colleagues: Iterable[str]
) -> pd.Series:
    """A right ``rank_introducers(strengths, source, colleagues)``: what part (c) asks for.

    For each contact of ``source``: the strength of their tie times the best
    chain from them to anyone in ``colleagues`` that does not come back
    through ``source``. Contacts with no such chain are left out.

    Examples
    --------
    >>> people = set(PRACTICE.match(organization="Borealis Labs"))
    >>> introducers_reference(tie_strengths(PRACTICE), "me", people).round(3).to_dict()
    {'ana': 0.72, 'hal': 0.18, 'dee': 0.12}
    """
    wanted = set(colleagues) - {source}
    found = {}
    for contact, tie in strengths[source].items():
        best = dijkstra(strengths, contact, avoid=[source])
        top = max((math.exp(-best[p][0]) for p in wanted if p in best), default=0.0)
        if top > 0:
            found[contact] = tie * top
    ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    return pd.Series(dict(ranked), dtype=float, name="strength")


def _distinct_first_reference(network: Network, source: str, organization: str) -> dict[str, float]:
    """The library's reading: the chain through a contact passes none of the other contacts."""
    from coffeechat.errors import NoChainError
    from coffeechat.paths import Target, introducers

    try:
        found = introducers(network, source=source, target=Target(organization=organization))
    except NoChainError:
        return {}
    return {c.introducer.id: c.strength for c in found}


def _as_ranking(result: object, where: str) -> list[tuple[str, float]]:
    if isinstance(result, pd.DataFrame):
        fail(
            f"{where}: rank_introducers should give a Series from contact id to strength; it "
            "gave a DataFrame. Pick the strength column, indexed by contact."
        )
    if not isinstance(result, pd.Series):
        kind = "None" if result is None else f"a {type(result).__name__}"
        fail(
            f"{where}: rank_introducers should give a pandas Series from contact id to "
            f"strength, best first, but it gave {kind}"
            + (
                ": did you forget `return`?"
                if result is None
                else ": make one with pd.Series(scores).sort_values(ascending=False)."
            )
        )
    ranking = []
    for key, value in result.items():
        try:
            number = float(value)
        except (TypeError, ValueError):
            fail(f"{where}: the strength for {key!r} is {brief(value)}, not a number.")
        if math.isnan(number) or number <= 0:
            fail(
                f"{where}: your Series gives {key!r} a strength of {brief(value)}; leave out "
                "the contacts with no chain instead of scoring them."
            )
        ranking.append((str(key), number))
    return ranking


@checked
def check_introducer_ranking(
    rank_introducers: Callable[[Any, Any, Any], Any],
    network: Network,
    organization: str | None = None,
    source: str | None = None,
) -> None:
    """Check a learner's ``rank_introducers(strengths, source, colleagues)``.

    For each contact of ``source`` who can start a chain to anyone in
    ``colleagues``: the best strength of such a chain (the tie to the
    contact times the rest), best first. A chain may not come back through
    ``source``; a chain that also avoids the source's other contacts (the
    reading of :func:`coffeechat.introducers`) passes too. The answer is a
    pandas Series, best first, without the contacts that have no chain.

    Raises
    ------
    CheckFailed
        Naming a contact whose strength is wrong, missing or out of order.
    """
    start = need_network(network).me if source is None else source
    if organization is None:
        organization = _busiest(network, start)
    plan = [
        (PRACTICE, "me", "Borealis Labs"),
        (PRACTICE, "me", "Acme"),
        (network, start, organization),
    ]

    def run() -> None:
        for net, begin, org in plan:
            passes_one_of(
                lambda net=net, begin=begin, org=org: _compare_ranking(
                    rank_introducers, net, begin, org, False
                ),
                lambda net=net, begin=begin, org=org: _compare_ranking(
                    rank_introducers, net, begin, org, True
                ),
            )

    blame_earlier(run, rank_introducers, strength_part(), strongest_part())
    setup_intact(rank_introducers)
    passed("rank_introducers gives each contact's best chain strength to the target, best first.")


def _busiest(network: Network, source: str) -> str:
    from collections import Counter

    own = network.person(source).organization
    counts = Counter(
        o for o in network.people["organization"] if isinstance(o, str) and o and o != own
    )
    return sorted(counts, key=lambda o: (-counts[o], o))[0]


def strongest_part() -> Earlier:
    return Earlier(
        "strongest_chain",
        "b2",
        strongest_reference,
        check=lambda mine: _compare_strongest(
            mine, [(PRACTICE, "me", [str(p) for p in PRACTICE.people["id"]])]
        ),
    )


def _compare_ranking(
    function: Callable[[Any, Any, Any], Any],
    net: Network,
    source: str,
    organization: str,
    distinct: bool,
) -> None:
    strengths = tie_strengths(net)
    colleagues = set(net.match(organization=organization)) - {source}
    where = f"{label(net)}, for {organization}"
    result = call_on_copies(
        function,
        [strengths, source, set(colleagues)],
        "rank_introducers(strengths, source, colleagues)",
        ["strengths", "source", "colleagues"],
    )
    ranking = _as_ranking(result, where)
    if distinct:
        expected = _distinct_first_reference(net, source, organization)
    else:
        expected = introducers_reference(strengths, source, colleagues).to_dict()
    mine = dict(ranking)
    strangers = [c for c, _ in ranking if c not in strengths[source]]
    if source != net.me and strangers and all(c in strengths[net.me] for c in strangers):
        fail(
            f"{where}: your ranking lists {net.me!r}'s contacts, but this ranking is for "
            f"{person_name(net, source)}: use strengths[source], not 'me'."
        )
    for contact, _value in ranking:
        if contact not in strengths[source]:
            fail(
                f"{where}: your ranking includes {person_name(net, contact)}, who is not one of "
                f"{person_name(net, source)}'s own contacts; rank only the people they could ask."
            )
        if contact not in expected:
            fail(
                f"{where}: {person_name(net, contact)} has no chain to {organization} that does "
                "not come back through you; leave them out."
            )
    for contact, value in sorted(expected.items(), key=lambda kv: -kv[1]):
        if contact not in mine:
            extra = (
                " (they work there: the chain is your tie to them)" if contact in colleagues else ""
            )
            fail(
                f"{where}: {person_name(net, contact)} can start a chain of strength "
                f"{value:.2f}{extra}, "
                "but your ranking leaves them out."
            )
        if not math.isclose(mine[contact], value, rel_tol=1e-6):
            hint = _ranking_hint(strengths, source, contact, colleagues, mine[contact], value)
            fail(
                f"{where}: through {person_name(net, contact)} the best chain has strength "
                f"{value:.2f}, but your ranking says {mine[contact]:.2f}. {hint}"
            )
    for (a, va), (b, vb) in zip(ranking, ranking[1:], strict=False):
        if vb > va * (1 + 1e-9):
            fail(
                f"{where}: your ranking puts {person_name(net, a)} ({va:.2f}) before "
                f"{person_name(net, b)} ({vb:.2f}); rank the strongest first "
                "(sort_values(ascending=False))."
            )


def _ranking_hint(
    strengths: Mapping[str, Mapping[str, float]],
    source: str,
    contact: str,
    colleagues: Iterable[str],
    mine: float,
    right: float,
) -> str:
    """The sentence for a wrong score, chosen by the mistake that gives exactly ``mine``."""
    tie = strengths[source][contact]
    wanted = set(colleagues) - {source}
    free = dijkstra(strengths, contact)  # chains that may come back through source
    fenced = dijkstra(strengths, contact, avoid=[source])
    reached = [math.exp(-fenced[p][0]) for p in wanted if p in fenced]
    causes = [
        (
            right / tie if tie else math.nan,
            "Multiply by the strength of your own tie to them: the chain starts with you.",
        ),
        (
            tie * max((math.exp(-free[p][0]) for p in wanted if p in free), default=0.0),
            "Do not let a chain come back through you: skip `source` in the search.",
        ),
        (tie * sum(reached), "Keep the best chain over all the colleagues (the max, not a sum)."),
    ]
    for value, sentence in causes:
        if math.isclose(mine, value, rel_tol=1e-6):
            return sentence
    if any(
        math.isclose(mine, tie * value, rel_tol=1e-6)
        for value in _fewest_hops_strengths(strengths, contact, wanted, source)
    ):
        return "Use the strongest chain, not the one with fewest hops."
    return (
        "Score each contact by your tie to them times their strongest chain to anyone at the "
        "target, not coming back through you."
    )


def _fewest_hops_strengths(
    strengths: Mapping[str, Mapping[str, float]], start: str, wanted: set[str], avoid: str
) -> set[float]:
    """The strengths of every chain with fewest hops from ``start`` to the nearest of ``wanted``.

    A breadth-first search finds one of them, which one depends on the order
    it meets people and colleagues in, so every such chain counts.

    Examples
    --------
    >>> ties = {"a": {"b": 0.5, "c": 0.9}, "b": {"a": 0.5, "d": 1.0},
    ...         "c": {"a": 0.9, "d": 0.2}, "d": {"b": 1.0, "c": 0.2}}
    >>> sorted(_fewest_hops_strengths(ties, "a", {"d"}, "x"))
    [0.18, 0.5]
    >>> _fewest_hops_strengths(ties, "a", {"x"}, "b")
    set()
    """
    products: dict[str, set[float]] = {start: {1.0}}
    layer = [start]
    while layer:
        reached = [p for p in layer if p in wanted]
        if reached:
            return set().union(*(products[p] for p in reached))
        following: dict[str, set[float]] = {}
        for person in layer:
            for other, tie in strengths[person].items():
                if other in products or other == avoid:
                    continue
                found = following.setdefault(other, set())
                found.update(round(value * tie, 12) for value in products[person])
        products.update(following)
        layer = list(following)
    return set()
