"""Checks for Assignment 7, *The science of small worlds* (``ps07-small-worlds``).

Part (a) measures clustering from scratch, part (b) the average path length
by breadth-first search, part (c) reproduces Watts & Strogatz's points for a
few rewiring probabilities, and part (d) plays out chains of letters that may
be dropped at each hop. Expected values come from networkx, or from exact
probabilities, when the check runs.

Examples
--------
>>> from coffeechat.checks import check_clustering, practice_graph
>>> def clustering(contacts, person):
...     return 1.0
>>> try:
...     check_clustering(clustering, practice_graph())
... except AssertionError as err:
...     print(err)  # doctest: +ELLIPSIS
In the practice network, Ana's clustering should be 0.333: 1 of the 3 pairs ...
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from coffeechat.checks._core import (
    Assignment,
    Earlier,
    GradedTest,
    Part,
    blame_earlier,
    checked,
    fail,
    passed,
    short,
)
from coffeechat.checks._inputs import call_on_copies
from coffeechat.errors import CheckFailed
from coffeechat.smallworld import rewired_ring

if TYPE_CHECKING:  # networkx is imported where it is used: notebooks load faster
    import networkx as nx

__all__ = [
    "ASSIGNMENT",
    "check_average_clustering",
    "check_average_path_length",
    "check_clustering",
    "check_corrected_median",
    "check_letter_simulation",
    "check_small_world_points",
    "neighbour_lists",
    "other_graphs",
    "practice_graph",
]

_TOLERANCE = 1e-9
_POINT_COLUMNS = ["p", "clustering", "path_length", "clustering_ratio", "path_length_ratio"]


# ------------------------------------------------------------- networks
@checked
def neighbour_lists(graph: nx.Graph) -> dict[Any, list[Any]]:
    """Each person mapped to the list of people they are tied to (sorted).

    This is the plain structure the assignment's functions work on.

    Examples
    --------
    >>> neighbour_lists(practice_graph())["Ana"]
    ['Ben', 'Cy', 'Dee']
    """
    return {person: sorted(graph[person]) for person in graph}


@checked
def practice_graph() -> nx.Graph:
    """Seven people, small enough to count triangles by hand.

    Ana knows Ben, Cy and Dee; Ben and Cy know each other; Dee knows Eli,
    Eli knows Fay and Gus, and Fay and Gus know each other.

    Examples
    --------
    >>> g = practice_graph()
    >>> g.number_of_nodes(), g.number_of_edges()
    (7, 8)
    """
    import networkx as nx

    graph = nx.Graph()
    graph.add_edges_from(
        [
            ("Ana", "Ben"),
            ("Ana", "Cy"),
            ("Ana", "Dee"),
            ("Ben", "Cy"),
            ("Dee", "Eli"),
            ("Eli", "Fay"),
            ("Eli", "Gus"),
            ("Fay", "Gus"),
        ]
    )
    return graph


def _graphs() -> list[tuple[str, nx.Graph]]:
    """The networks every check of parts (a) and (b) tries, smallest first (all connected)."""
    return [
        ("the practice network", practice_graph()),
        ("a ring of 20 people with 4 ties each", rewired_ring(20, 4, 0.0)),
        ("a ring of 30 rewired with p = 0.2", rewired_ring(30, 4, 0.2, seed=3)),
    ]


def _with_loners() -> tuple[str, nx.Graph]:
    """The practice network with Hal, who knows only Gus, and Ivy, who knows nobody."""
    graph = practice_graph()
    graph.add_edge("Gus", "Hal")
    graph.add_node("Ivy")
    return ("the practice network with Hal (one contact) and Ivy (none)", graph)


def _loners(networks: Sequence[tuple[str, nx.Graph]]) -> bool:
    """Whether anyone in ``networks`` has fewer than two contacts."""
    return any(len(net[person]) < 2 for _, net in networks for person in net)


@checked
def other_graphs() -> list[tuple[str, nx.Graph]]:
    """Networks for the hidden checks: a star, a clique, a chain, the karate club."""
    import networkx as nx

    return [
        ("a star of one person and 6 contacts", nx.star_graph(6)),
        ("a group of 5 who all know each other", nx.complete_graph(5)),
        ("a chain of 6 people", nx.path_graph(6)),
        ("Zachary's karate club", nx.karate_club_graph()),
    ]


def _number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        fail(f"{what} should be a number, but it is a {type(value).__name__}.")
    number = float(value)
    if math.isnan(number):
        fail(f"{what} is NaN (not a number); is something divided by zero?")
    return number


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=_TOLERANCE, abs_tol=_TOLERANCE)


# --------------------------------------------------------- part (a)
def _explain_clustering(graph: nx.Graph, person: Any, mine: float, right: float) -> str:
    contacts = len(graph[person])
    pairs = contacts * (contacts - 1) // 2
    tied = round(right * pairs)
    if contacts < 2:
        return (
            f"{person} has {contacts} contact{'s' if contacts != 1 else ''}, so no pair of "
            f"contacts to compare: their clustering is 0 by definition (yours: {mine:g})."
        )
    hint = ""
    if pairs and _close(mine, right * 2):
        hint = " Each pair seems counted twice (A–B and B–A): count each pair once."
    elif pairs and _close(mine, tied / (contacts * contacts)):
        hint = f" Divide by the number of pairs, {contacts} × {contacts - 1} / 2 = {pairs}."
    elif _close(mine, right * 100):
        hint = " Give a share between 0 and 1, not a percentage."
    elif mine == 0 and right > 0:
        hint = " Is the division done with // (whole numbers)? Use /."
    return (
        f"{person}'s clustering should be {right:.3f}: {tied} of the {pairs} pairs among "
        f"their {contacts} contacts know each other; yours is {mine:.3f}.{hint}"
    )


@checked
def check_clustering(
    clustering: Callable[[Any, Any], Any], graph: nx.Graph, label: str = "your network"
) -> None:
    """Check a learner's clustering of one person, on small networks and then ``graph``.

    ``clustering(contacts, person)`` gets :func:`neighbour_lists` and must
    return the share of pairs of the person's contacts who know each other
    (0 for someone with fewer than two contacts), as
    :func:`networkx.clustering` computes it.

    Raises
    ------
    CheckFailed
        Naming a person whose clustering is wrong, with their pairs counted.
    """
    import networkx as nx

    networks = [*_graphs(), _with_loners(), (label, graph)]
    for where, net in networks:
        contacts = neighbour_lists(net)
        for person in net:
            name = f"clustering(contacts, {person!r})"
            try:
                mine = _number(
                    call_on_copies(clustering, [contacts, person], name, ["contacts", "person"]),
                    name,
                )
            except CheckFailed as err:
                if isinstance(err.__cause__, ZeroDivisionError) and len(net[person]) < 2:
                    raise CheckFailed(
                        f"In {where}, {name} divides by zero: {person} has "
                        f"{len(net[person])} contact(s), so no pairs. Return 0 for someone "
                        "with fewer than two contacts, before dividing."
                    ) from None
                raise
            right = float(nx.clustering(net, person))
            if not _close(mine, right):
                fail(f"In {where}, {_explain_clustering(net, person, mine, right)}")
    loners = ", people with fewer than two contacts included" if _loners(networks) else ""
    passed(f"Your clustering is right for everyone in every network tried{loners}.")


@checked
def check_average_clustering(
    average: Callable[[Any], Any], graph: nx.Graph, label: str = "your network"
) -> None:
    """Check a learner's average clustering of a whole network.

    ``average(contacts)`` must average everyone's clustering, counting 0 for
    people with fewer than two contacts (as :func:`networkx.average_clustering`).

    Raises
    ------
    CheckFailed
        Saying how the average differs: people left out, or a wrong total.
    """
    import networkx as nx

    networks = [*_graphs(), _with_loners(), (label, graph)]
    for where, net in networks:
        name = "average_clustering(contacts)"
        mine = _number(call_on_copies(average, [neighbour_lists(net)], name, ["contacts"]), name)
        right = float(nx.average_clustering(net))
        if _close(mine, right):
            continue
        without_loners = [p for p in net if len(net[p]) >= 2]
        if without_loners and _close(
            mine, sum(nx.clustering(net, p) for p in without_loners) / len(without_loners)
        ):
            fail(
                f"In {where}, your average leaves out the "
                f"{len(net) - len(without_loners)} people with fewer than two contacts; "
                f"count them with clustering 0 (the average is then {right:.3f})."
            )
        fail(
            f"In {where}, the average clustering of the {len(net)} people is {right:.3f}, "
            f"but yours is {mine:.3f}. Add everyone's clustering and divide by {len(net)}."
        )
    loners = ", counting people with fewer than two contacts as 0" if _loners(networks) else ""
    passed(f"Your average clustering matches networkx's on every network tried{loners}.")


# --------------------------------------------------------- part (b)
@checked
def check_average_path_length(
    average: Callable[[Any], Any], graph: nx.Graph, label: str = "your network"
) -> None:
    """Check a learner's average number of hops between two people.

    ``average(contacts)`` must average, over every ordered pair of two
    different people, the hops on a shortest chain between them (the networks
    tried are connected), as :func:`networkx.average_shortest_path_length`.

    Raises
    ------
    CheckFailed
        Naming the likely slip: the source counted at 0, each pair once, a
        path that is not the shortest, or people counted instead of hops.
    """
    import networkx as nx

    for where, net in [*_graphs(), (label, graph)]:
        name = "average_path_length(contacts)"
        mine = _number(call_on_copies(average, [neighbour_lists(net)], name, ["contacts"]), name)
        right = float(nx.average_shortest_path_length(net))
        if _close(mine, right):
            continue
        n = len(net)
        first = next(iter(net))
        from_first = nx.single_source_shortest_path_length(net, first)
        hint = ""
        if mine == int(mine) and int(mine) == math.floor(right):
            hint = " Is the division done with // (whole numbers)? Use /."
        elif _close(mine, sum(from_first.values()) / (n - 1)):
            hint = (
                f" That is the average from {first} alone: run the search from every person "
                "and average over all the pairs."
            )
        elif _close(mine, right * n * (n - 1)) or _close(mine, right * n * (n - 1) / 2):
            hint = " That is the total of all the hops: divide by the number of pairs."
        elif _close(mine, right * (n - 1) / n):
            hint = (
                " Each person is counted as 0 hops from themselves: average only over pairs "
                "of two different people."
            )
        elif _close(mine, right / 2):
            hint = " Each pair is counted once but divided as if counted twice (or the reverse)."
        elif _close(mine, right + 1):
            hint = " It looks like people on the chain are counted, not the ties between them."
        elif right < mine < 3 * right:
            hint = (
                " Some of your distances are longer than the shortest chain: does your "
                "search go breadth first (a deque, popleft), and keep the first distance "
                "it finds for each person?"
            )
        fail(
            f"In {where}, the average path length is {right:.4f} hops, but yours is "
            f"{mine:.4f}.{hint}"
        )
    passed("Your average path length matches networkx's on every network tried.")


# --------------------------------------------------------- part (c)
def _reference_points(n: int, k: int, ps: Sequence[float], seed: int) -> pd.DataFrame:
    import networkx as nx

    rows = []
    base = rewired_ring(n, k, 0.0, seed)
    c0, l0 = nx.average_clustering(base), nx.average_shortest_path_length(base)
    for p in ps:
        ring = rewired_ring(n, k, p, seed)
        c, ell = nx.average_clustering(ring), nx.average_shortest_path_length(ring)
        rows.append((p, c, ell, c / c0, ell / l0))
    return pd.DataFrame(rows, columns=_POINT_COLUMNS)


@checked
def check_small_world_points(
    points: Callable[..., Any], n: int, k: int, ps: Sequence[float], seed: int
) -> None:
    """Check a learner's Watts–Strogatz measurement against networkx, on the same rings.

    ``points(n, k, ps, seed)`` must return a DataFrame with one row per
    ``p`` and the columns ``p``, ``clustering``, ``path_length``,
    ``clustering_ratio`` and ``path_length_ratio`` (ratios to the ring with
    ``p = 0``, same seed). Rows may come in any order.

    Raises
    ------
    CheckFailed
        Naming the first column and ``p`` that differ, and the likely slip.
    """
    ps = list(ps)
    blame_earlier(lambda: _compare_points(points, n, k, ps, seed), points, *_earlier_parts())
    right = _reference_points(n, k, ps, seed).sort_values("p")
    passed(
        f"Your {len(ps)} points match networkx's on the same rings: at p = {right['p'].iloc[-1]:g}"
        f" paths are {right['path_length_ratio'].iloc[-1]:.0%} as long and clustering "
        f"{right['clustering_ratio'].iloc[-1]:.0%} of the plain ring's."
    )


def _earlier_parts() -> tuple[Earlier, ...]:
    """The functions of parts (a) and (b) that part (c) may call, with right versions."""
    import networkx as nx

    return (
        Earlier(
            "average_clustering",
            "a2",
            lambda contacts: nx.average_clustering(nx.Graph(contacts)),
            check=lambda mine: check_average_clustering(mine, practice_graph()),
        ),
        Earlier(
            "average_path_length",
            "b",
            lambda contacts: nx.average_shortest_path_length(nx.Graph(contacts)),
            check=lambda mine: check_average_path_length(mine, practice_graph()),
        ),
    )


def _compare_points(points: Callable[..., Any], n: int, k: int, ps: list[float], seed: int) -> None:
    name = f"small_world_points({n}, {k}, {ps}, seed={seed})"
    mine = call_on_copies(points, [n, k, ps, seed], name, ["n", "k", "ps", "seed"])
    if not isinstance(mine, pd.DataFrame):
        advice = " Build one with pd.DataFrame(rows)." if isinstance(mine, dict | list) else ""
        fail(
            f"{name} should return a pandas DataFrame, but it returned a "
            f"{type(mine).__name__}.{advice}"
        )
    missing = [c for c in _POINT_COLUMNS if c not in mine.columns]
    if missing:
        fail(f"{name} has no column {missing[0]!r}; the columns should be {_POINT_COLUMNS}.")
    if len(mine) != len(ps):
        fail(f"{name} has {len(mine)} rows; there should be one per p ({len(ps)}).")
    right = _reference_points(n, k, ps, seed)
    # Only the columns asked for, whatever the index: rows may come in any order.
    mine = pd.DataFrame({c: list(mine[c]) for c in _POINT_COLUMNS})
    mine = mine.sort_values("p", kind="stable").reset_index(drop=True)
    right = right.sort_values("p", kind="stable").reset_index(drop=True)
    if not np.allclose(mine["p"].astype(float), right["p"], rtol=0, atol=1e-12):
        fail(f"{name}: the p column should hold exactly {ps}.")
    for column in _POINT_COLUMNS[1:]:
        for i in range(len(right)):
            have, want = float(mine.at[i, column]), float(right.at[i, column])
            if math.isclose(have, want, rel_tol=1e-6, abs_tol=1e-9):
                continue
            p = right.at[i, "p"]
            hint = ""
            if column.endswith("ratio"):
                value = column.replace("_ratio", "")
                plain = right.at[i, value]
                first = right.set_index("p").at[ps[0], value]
                if math.isclose(have, plain, rel_tol=1e-6):
                    hint = " It equals the value itself: divide by the ring's value at p = 0."
                elif math.isclose(have, 1 / want, rel_tol=1e-6):
                    hint = " It is upside down: the value at p, divided by the value at p = 0."
                elif math.isclose(have, plain / first, rel_tol=1e-6):
                    hint = (
                        f" It is divided by the ring with p = {ps[0]:g}, the first in ps: "
                        "divide by the plain ring, rewired with p = 0."
                    )
            else:
                hint = _measure_hint(n, k, float(p), seed, column, have)
            fail(
                f"{name}: at p = {p:g}, {column} should be {want:.4f}, but yours is "
                f"{have:.4f}.{hint}"
            )


def _measure_hint(n: int, k: int, p: float, seed: int, column: str, have: float) -> str:
    """The slip that measured ``have`` instead of the ring's clustering or path length."""
    import networkx as nx

    ring = rewired_ring(n, k, p, seed)
    if column == "clustering" and math.isclose(have, nx.transitivity(ring), rel_tol=1e-6):
        return (
            " That is the transitivity of the whole network (triangles over triples): "
            "average each person's clustering instead."
        )
    measure = nx.average_clustering if column == "clustering" else nx.average_shortest_path_length
    for other in (seed + 1, seed - 1, 0):
        if other != seed and math.isclose(
            have, measure(rewired_ring(n, k, p, other)), rel_tol=1e-6
        ):
            return (
                f" That is the ring built with seed={other}: build each ring with "
                f"rewired_ring({n}, {k}, p, seed={seed}), the same seed for every p."
            )
    return f" Measure the ring rewired_ring({n}, {k}, {p:g}, seed={seed}) itself."


# --------------------------------------------------------- part (d)
def _as_flags(result: object, name: str, expected: int) -> list[bool]:
    if isinstance(result, pd.Series | np.ndarray):
        result = list(result)
    if not isinstance(result, list | tuple):
        fail(
            f"{name} should return a list with True or False for each chain, but it "
            f"returned a {type(result).__name__}."
        )
    if len(result) != expected:
        fail(
            f"{name} returned {len(result)} values for {expected} chains: one True/False per chain."
        )
    if not all(isinstance(v, bool | np.bool_) for v in result):
        odd = next(v for v in result if not isinstance(v, bool | np.bool_))
        fail(f"{name} should give True or False for each chain, not {odd!r}.")
    return [bool(v) for v in result]


_SIMULATIONS = ((1, 0.0), (3, 0.0), (4, 0.3), (2, 0.5), (6, 0.5))


@checked
def check_letter_simulation(
    simulate: Callable[..., Any],
    seed: int = 0,
    cases: Sequence[tuple[int, float]] = _SIMULATIONS,
) -> None:
    """Check a learner's chain simulation by its completion rates.

    ``simulate(lengths, dropout, rng)`` must return, per chain, whether it
    arrived, each hop passing the message on with probability
    ``1 - dropout``. Rates are compared with the exact ``(1 - dropout) ** hops``
    within five standard errors, over 20,000 chains.

    Chains of one length are tried first, then a mix of short and long
    chains in one call (each chain has its own length).

    Raises
    ------
    CheckFailed
        Naming the chain length and drop-out whose rate is off, and the likely slip.
    """
    n = 20_000
    _check_randomness(simulate, seed)
    for hops, dropout in cases:
        name = f"simulate_letters([{hops}] * {n}, {dropout}, rng)"
        flags = _as_flags(_simulate(simulate, [hops] * n, dropout, seed, name), name, n)
        _compare_rate(sum(flags) / n, hops, dropout, n)
    mixed = [2, 6] * (n // 2)
    name = f"simulate_letters([2, 6, 2, 6, …] ({n} chains), 0.5, rng)"
    flags = _as_flags(_simulate(simulate, mixed, 0.5, seed, name), name, n)
    for hops in (2, 6):
        group = [f for f, h in zip(flags, mixed, strict=True) if h == hops]
        try:
            _compare_rate(sum(group) / len(group), hops, 0.5, len(group))
        except CheckFailed as err:
            raise CheckFailed(
                short(f"In a mix of 2-hop and 6-hop chains, {err} Use each chain's own length.")
            ) from None
    passed("Your chains arrive as often as the drop-out rate says, for every length tried.")


def _simulate(
    simulate: Callable[..., Any], lengths: list[int], dropout: float, seed: int, name: str
) -> Any:
    return call_on_copies(
        simulate, [lengths, dropout, np.random.default_rng(seed)], name,
        ["lengths", "dropout", "rng"],
    )  # fmt: skip


def _check_randomness(simulate: Callable[..., Any], seed: int) -> None:
    """The generator given is the one drawn from, and the same seed gives the same chains."""
    lengths, dropout = [3] * 200, 0.5
    name = f"simulate_letters([3] * 200, {dropout}, rng)"
    rng = np.random.default_rng(seed)
    before = rng.bit_generator.state
    first = _as_flags(
        call_on_copies(simulate, [lengths, dropout, rng], name, ["lengths", "dropout", "rng"]),
        name,
        len(lengths),
    )
    if rng.bit_generator.state == before:
        fail(
            f"{name} never drew a number from the generator `rng` it was given: use "
            "rng.random() for every hop, not np.random, random or a generator of your own."
        )
    again = _as_flags(_simulate(simulate, lengths, dropout, seed, name), name, len(lengths))
    if again != first:
        fail(
            f"{name} gave other chains the second time, with a generator of the same seed: "
            "draw only from the `rng` you are given (not np.random, random or a global rng), "
            "so that the same seed gives the same result."
        )


def _compare_rate(rate: float, hops: int, dropout: float, n: int) -> None:
    want = (1 - dropout) ** hops
    error = 5 * math.sqrt(want * (1 - want) / n) + 1e-12
    if abs(rate - want) <= error:
        return
    hint = ""
    if math.isclose(rate, 1 - dropout, abs_tol=0.02) and hops > 1:
        hint = " The coin is tossed once per chain: toss it once per hop."
    elif math.isclose(rate, dropout**hops, abs_tol=0.02):
        hint = " The message moves on when the draw is *at least* dropout, not below it."
    elif hops > 1 and math.isclose(rate, (1 - dropout) ** (hops - 1), abs_tol=0.02):
        hint = f" That is the rate for {hops - 1} hops: one hop is missed."
    elif math.isclose(rate, (1 - dropout) ** (hops + 1), abs_tol=0.02):
        hint = f" That is the rate for {hops + 1} hops: one hop too many."
    fail(
        f"{hops}-hop chains with drop-out {dropout:g} should arrive {want:.1%} of the "
        f"time ((1 − {dropout:g})^{hops}); yours arrive {rate:.1%}.{hint}"
    )


def _weighted_median(
    lengths: Sequence[int], survive: float, power: int = -1, *, strict: bool = False
) -> float:
    """The median of ``lengths``, each weighted by ``survive ** (power * length)``.

    With ``strict`` the running total must pass half, not only reach it (a slip).
    """
    return _running_median(sorted(lengths), survive, power, strict=strict)


def _unsorted_median(lengths: Sequence[int], survive: float) -> float:
    """The slip of adding the weights up in the order given, unsorted."""
    return _running_median(list(lengths), survive, -1)


def _running_median(
    lengths: Sequence[int], survive: float, power: int, *, strict: bool = False
) -> float:
    weighted = [(h, survive ** (power * h)) for h in lengths]
    total = sum(w for _, w in weighted)
    running = 0.0
    for hops, weight in weighted:
        running += weight
        if running > total / 2 or (running == total / 2 and not strict):
            return float(hops)
    return float(weighted[-1][0])


@checked
def check_corrected_median(corrected: Callable[..., Any], seed: int = 0) -> None:
    """Check a learner's drop-out correction of the median chain length.

    ``corrected(arrived, dropout)`` gets the lengths of the chains that
    arrived and must weight each by ``1 / (1 - dropout) ** hops``, its
    chance of surviving, and return the weighted median.

    Raises
    ------
    CheckFailed
        Naming the data tried and the slip (no weights, weights upside down).
    """
    rng = random.Random(seed)
    cases = [
        ([2, 3, 3, 4, 4, 4, 5, 7], 0.6),
        ([4, 4, 5, 6], 0.5),
        ([1, 1, 2], 0.5),  # the running total reaches exactly half at the second 1
        ([rng.choice([3, 4, 5, 6, 7]) for _ in range(40)], 0.4),
        ([5, 5, 5], 0.3),
    ]
    for arrived, dropout in cases:
        shown = arrived if len(arrived) <= 8 else f"{arrived[:5]} … ({len(arrived)} chains)"
        name = f"corrected_median({shown}, {dropout})"
        mine = _number(
            call_on_copies(corrected, [list(arrived), dropout], name, ["arrived", "dropout"]),
            name,
        )
        want = _weighted_median(arrived, 1 - dropout)
        if math.isclose(mine, want):
            continue
        hint = ""
        plain = {statistics.median(arrived), statistics.median_low(arrived)}
        upside_down = _weighted_median(arrived, 1 - dropout, power=1)
        if math.isclose(mine, upside_down) and upside_down not in plain:
            hint = " Long chains should weigh more (they were less likely to arrive), not less."
        elif any(math.isclose(mine, m) for m in plain):
            hint = " That is the plain median: weight each chain by 1 / (1 − dropout) ** hops."
        elif math.isclose(mine, _weighted_median(arrived, 1 - dropout, strict=True)):
            hint = (
                " The running total reaches half exactly at a length: take that length "
                "(reaches means ≥ half, not more than half)."
            )
        elif math.isclose(mine, _unsorted_median(arrived, 1 - dropout)):
            hint = " Sort the lengths first: the running total goes from the shortest up."
        fail(f"{name} should be {want:g}, but yours is {mine:g}.{hint}")
    passed("Your correction gives the longer chains the weight the drop-out took from them.")


# ---------------------------------------------------------- the assignment
ASSIGNMENT = Assignment(
    name="ps07-small-worlds",
    notebook="small-worlds",
    title="The science of small worlds",
    parts=(
        Part(
            "a",
            "Clustering from scratch",
            (
                GradedTest("part-a-clustering", 2, "check_clustering(clustering, RING)"),
                GradedTest(
                    "part-a-average", 1, "check_average_clustering(average_clustering, RING)"
                ),
                GradedTest("part-a-hidden", 2),
            ),
            functions=("clustering", "average_clustering"),
        ),
        Part(
            "b",
            "Average path length",
            (
                GradedTest(
                    "part-b-path-length", 3, "check_average_path_length(average_path_length, RING)"
                ),
                GradedTest("part-b-hidden", 2),
            ),
            functions=("average_path_length",),
        ),
        Part(
            "c",
            "Watts and Strogatz's points",
            (
                GradedTest(
                    "part-c-points",
                    3,
                    "check_small_world_points(small_world_points, N, K, PS, SEED)",
                ),
                GradedTest("part-c-hidden", 2),
            ),
            functions=("small_world_points",),
        ),
        Part(
            "d",
            "Chains that get lost",
            (
                GradedTest("part-d-simulation", 2, "check_letter_simulation(simulate_letters)"),
                GradedTest("part-d-median", 1, "check_corrected_median(corrected_median)"),
                GradedTest("part-d-hidden", 2),
            ),
            functions=("simulate_letters", "corrected_median"),
        ),
    ),
)
