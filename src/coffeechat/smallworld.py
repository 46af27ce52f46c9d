"""The science of small worlds: rewired rings, and chains of letters that get lost.

Two classic results sit behind "six degrees of separation", and this module
lets a learner reproduce both:

* **Watts & Strogatz (1998)**: start from a ring where everyone knows only
  their nearest neighbours, then rewire each tie to a random person with a
  small probability ``p``. A few long-range ties make paths short while
  friends of friends still know each other: :func:`small_world_curve` gives
  clustering and average path length relative to the unrewired ring, for a
  range of ``p``.
* **Travers & Milgram (1969), Dodds, Muhamad & Watts (2003)**: chains of
  letters or e-mails in which, at every step, someone may simply not pass the
  message on. :func:`simulate_chains` plays such chains out, and
  :func:`chain_summary` shows why the chains that arrive look shorter than
  the real distances (long chains have more chances to break), and how
  weighting each arrived chain by its chance of surviving corrects that.
* **Search is not distance** (Milgram's senders forwarded by geography, then
  occupation; Kleinberg 2000): people who pass a message on do not know the
  shortest path, only which of their contacts is *closer* to the target.
  :func:`greedy_chain` forwards that way on a ring (where a person's place
  on the ring stands for where they live and work), and
  :func:`search_lengths` compares the chains it finds with the true
  distances: a chain found by forwarding is never shorter than the shortest
  path, and usually much longer.

Graphs here are :class:`networkx.Graph` objects; the rings come from
:func:`networkx.connected_watts_strogatz_graph`, the model of the 1998 paper.

Examples
--------
>>> ring = rewired_ring(20, 4, p=0.0, seed=1)
>>> round(average_clustering(ring), 3), round(average_path_length(ring), 3)
(0.5, 2.895)
>>> curve = small_world_curve(n=200, k=6, ps=[0.0, 0.01, 0.1, 1.0], seed=0)
>>> list(curve.columns)
['p', 'clustering', 'path_length', 'clustering_ratio', 'path_length_ratio']
>>> bool(curve["path_length_ratio"].iloc[2] < 0.6 < curve["clustering_ratio"].iloc[2])
True
>>> greedy_chain(rewired_ring(20, 4, p=0.0), source=0, target=7)
[0, 2, 4, 6, 7]
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from coffeechat._args import whole_number
from coffeechat.errors import InvalidParameter

if TYPE_CHECKING:  # networkx is imported where it is used: notebooks load faster
    import networkx as nx

__all__ = [
    "DEFAULT_PS",
    "average_clustering",
    "average_path_length",
    "chain_summary",
    "greedy_chain",
    "rewired_ring",
    "ring_distance",
    "search_lengths",
    "simulate_chains",
    "small_world_curve",
]

#: Rewiring probabilities on a log scale from 1 in 10,000 to 1, as in the 1998 figure.
DEFAULT_PS: tuple[float, ...] = tuple(round(10**e, 6) for e in np.linspace(-4, 0, 13))


def _probability(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.floating):
        raise InvalidParameter(f"{name} must be a number from 0 to 1, not {value!r}")
    value = float(value)
    if not 0.0 <= value <= 1.0:
        raise InvalidParameter(f"{name} must be a number from 0 to 1, not {value!r}")
    return value


def rewired_ring(n: int, k: int, p: float, seed: int | None = 0) -> nx.Graph:
    """A ring of ``n`` people, each tied to their ``k`` nearest, with ties rewired at rate ``p``.

    The ring is Watts and Strogatz's model, drawn again (from the same seed)
    in the rare case that rewiring leaves someone cut off, so that a path
    always exists between any two people.

    Parameters
    ----------
    n : int
        How many people (at least ``k + 1``).
    k : int
        Each person's ties before rewiring: ``k / 2`` on each side (even, at least 2).
    p : float
        The chance that each tie is moved to a random other person (0: the
        plain ring; 1: a random network).
    seed : int, optional
        The seed of the random rewiring, so the same call gives the same ring.

    Returns
    -------
    networkx.Graph

    Raises
    ------
    InvalidParameter
        If ``k`` is odd or too large for ``n``, or ``p`` is not a probability.

    Examples
    --------
    >>> ring = rewired_ring(10, 4, 0.0)
    >>> ring.number_of_edges(), sorted(ring[0])
    (20, [1, 2, 8, 9])
    """
    import networkx as nx

    k = whole_number(k, "k", 2)
    n = whole_number(n, "n", k + 1)
    p = _probability(p, "p")
    if k % 2:
        raise InvalidParameter(f"k must be even (k / 2 ties on each side of the ring), not {k}")
    # Rewiring can, rarely, cut someone off; networkx then draws again from the
    # same random stream, so a seed still fixes the ring and every path exists.
    return nx.connected_watts_strogatz_graph(n, k, p, tries=1000, seed=seed)


def _check_graph(graph: object) -> nx.Graph:
    import networkx as nx

    if not isinstance(graph, nx.Graph):
        raise InvalidParameter(f"expected a networkx Graph, not {type(graph).__name__}")
    if graph.number_of_nodes() < 2:
        raise InvalidParameter("a network needs at least two people for this measure")
    return graph


def average_clustering(graph: nx.Graph) -> float:
    """How often two of a person's contacts know each other, averaged over everyone.

    A person's clustering is the share of pairs of their contacts who are
    tied to each other (0 for someone with fewer than two contacts).

    Examples
    --------
    >>> import networkx as nx
    >>> average_clustering(nx.complete_graph(4))
    1.0
    """
    import networkx as nx

    return float(nx.average_clustering(_check_graph(graph)))


def average_path_length(graph: nx.Graph, sources: int | None = None, seed: int = 0) -> float:
    """The average number of hops between two people, over pairs that are connected.

    Parameters
    ----------
    graph : networkx.Graph
    sources : int, optional
        Measure from this many people drawn at random (seeded) instead of
        from everyone: on a large network an estimate is much quicker, and
        close to the exact value.
    seed : int
        The seed for drawing the sources.

    Examples
    --------
    >>> import networkx as nx
    >>> average_path_length(nx.path_graph(4))  # hops: 1,2,3,1,2,1 each way
    1.6666666666666667
    """
    import networkx as nx

    graph = _check_graph(graph)
    people = list(graph)
    if sources is not None:
        sources = whole_number(sources, "sources", 1)
        if sources < len(people):
            people = random.Random(seed).sample(people, sources)
    total = pairs = 0
    for person in people:
        lengths = nx.single_source_shortest_path_length(graph, person)
        total += sum(lengths.values())
        pairs += len(lengths) - 1
    if not pairs:
        raise InvalidParameter("nobody in this network is tied to anyone")
    return total / pairs


def small_world_curve(
    n: int = 1000,
    k: int = 10,
    ps: Iterable[float] = DEFAULT_PS,
    seed: int = 0,
    sources: int | None = 100,
) -> pd.DataFrame:
    """Clustering and path length of rewired rings, relative to the plain ring.

    This is the measurement behind Watts & Strogatz's 1998 figure: for each
    rewiring probability ``p``, one ring rewired with that probability (all
    from the same seed), its average clustering ``C(p)`` and average path
    length ``L(p)``, and both divided by their values at ``p = 0``.

    Parameters
    ----------
    n, k : int
        The ring's size and each person's number of ties (see :func:`rewired_ring`).
    ps : iterable of float
        The rewiring probabilities, by default :data:`DEFAULT_PS`.
    seed : int
        The seed of every rewiring.
    sources : int or None
        Path lengths are measured from this many randomly drawn people
        (None: from everyone; exact but slower on large rings).

    Returns
    -------
    pandas.DataFrame
        Columns ``p``, ``clustering``, ``path_length``, ``clustering_ratio``
        (``C(p) / C(0)``) and ``path_length_ratio`` (``L(p) / L(0)``), one
        row per ``p`` in the order given. ``attrs["random_clustering"]`` is
        ``k / n``, about the clustering of a random network of that size.
    """
    ps = tuple(_probability(p, "each p") for p in ps)
    if not ps:
        raise InvalidParameter("ps must hold at least one rewiring probability")
    return _curve(whole_number(n, "n", 3), whole_number(k, "k", 2), ps, seed, sources).copy()


@lru_cache(maxsize=16)
def _curve(n: int, k: int, ps: tuple[float, ...], seed: int, sources: int | None) -> pd.DataFrame:
    rows = []
    for p in (0.0, *ps):
        ring = rewired_ring(n, k, p, seed)
        rows.append((p, average_clustering(ring), average_path_length(ring, sources, seed)))
    (_, c0, l0), *rest = rows
    table = pd.DataFrame(rest, columns=["p", "clustering", "path_length"])
    table["clustering_ratio"] = table["clustering"] / c0
    table["path_length_ratio"] = table["path_length"] / l0
    table.attrs["random_clustering"] = k / n  # a random graph's, about k / n
    return table


def simulate_chains(lengths: Sequence[int], dropout: float, seed: int | None = 0) -> pd.DataFrame:
    """Play out chains of introductions in which each holder may drop the message.

    Each chain needs as many hops as its entry in ``lengths`` (the true
    distance from starter to target). At every hop, the person holding the
    message passes it on with probability ``1 - dropout``; otherwise the
    chain stops there, as most chains in the letter and e-mail experiments
    did.

    Parameters
    ----------
    lengths : sequence of int
        The hops each chain needs, at least 1 each.
    dropout : float
        The chance, at each hop, that the message goes no further (0 to below 1).
    seed : int, optional
        Seed of the random draws.

    Returns
    -------
    pandas.DataFrame
        One row per chain: ``hops_needed``, ``hops_made`` and ``arrived``.

    Examples
    --------
    >>> chains = simulate_chains([3, 3, 5], dropout=0.0)
    >>> chains["arrived"].tolist(), chains["hops_made"].tolist()
    ([True, True, True], [3, 3, 5])
    """
    dropout = _probability(dropout, "dropout")
    if dropout >= 1.0:
        raise InvalidParameter("dropout must be below 1: with 1, no message ever moves")
    needed = np.asarray([whole_number(h, "each chain length", 1) for h in lengths], dtype=np.int64)
    rng = np.random.default_rng(seed)
    # The hop at which a chain breaks is geometric: the first failure of a coin
    # that fails with probability `dropout`.
    breaks = rng.geometric(dropout, size=len(needed)) if dropout > 0 else None
    made = needed.copy() if breaks is None else np.minimum(needed, breaks - 1)
    return pd.DataFrame({"hops_needed": needed, "hops_made": made, "arrived": made == needed})


def chain_summary(chains: pd.DataFrame, dropout: float) -> pd.Series:
    """What an experimenter would report, and what they could infer.

    Parameters
    ----------
    chains : pandas.DataFrame
        As made by :func:`simulate_chains`.
    dropout : float
        The drop-out rate the chains were played with.

    Returns
    -------
    pandas.Series
        ``started``, ``arrived``, ``completion_rate``; ``median_arrived``: the
        median length of the chains that arrived (what is observed);
        ``median_corrected``: the median with each arrived chain weighted by
        ``1 / (1 - dropout) ** hops`` (its chance of surviving), Dodds and
        colleagues' correction; ``median_true``: the median of the lengths
        all chains needed (known only in a simulation).
    """
    dropout = _probability(dropout, "dropout")
    missing = {"hops_needed", "hops_made", "arrived"} - set(chains.columns)
    if missing:
        raise InvalidParameter(f"chains needs the columns {sorted(missing)}; see simulate_chains")
    arrived = chains[chains["arrived"]]
    weights = (1.0 - dropout) ** -arrived["hops_needed"].astype(float)
    return pd.Series(
        {
            "started": len(chains),
            "arrived": len(arrived),
            "completion_rate": len(arrived) / len(chains) if len(chains) else math.nan,
            "median_arrived": float(arrived["hops_needed"].median()) if len(arrived) else math.nan,
            "median_corrected": _weighted_median(arrived["hops_needed"].to_numpy(), weights),
            "median_true": float(chains["hops_needed"].median()) if len(chains) else math.nan,
        }
    )


def _weighted_median(values: np.ndarray, weights: pd.Series) -> float:
    if not len(values):
        return math.nan
    order = np.argsort(values, kind="stable")
    cumulative = np.cumsum(np.asarray(weights)[order])
    return float(values[order][np.searchsorted(cumulative, cumulative[-1] / 2)])


# ------------------------------------------------------------------ decentralised search


def ring_distance(n: int, a: int, b: int) -> int:
    """How far apart places ``a`` and ``b`` are on a ring of ``n``, going the short way round.

    Examples
    --------
    >>> ring_distance(10, 1, 9), ring_distance(10, 2, 5)
    (2, 3)
    """
    d = abs(a - b) % n
    return min(d, n - d)


def _check_ring(graph: object) -> nx.Graph:
    graph = _check_graph(graph)
    if set(graph) != set(range(graph.number_of_nodes())):
        raise InvalidParameter(
            "decentralised search needs a ring whose people are numbered 0 to n - 1 "
            "(their places on the ring), as rewired_ring makes"
        )
    return graph


def _ring_person(graph: nx.Graph, person: object, name: str) -> int:
    if isinstance(person, bool) or not isinstance(person, int | np.integer) or person not in graph:
        raise InvalidParameter(
            f"{name} must be a person of the ring (0 to {graph.number_of_nodes() - 1}), "
            f"not {person!r}"
        )
    return int(person)


def greedy_chain(graph: nx.Graph, source: int, target: int) -> list[int] | None:
    """The chain a message takes when each holder passes it to their contact closest to the target.

    This is decentralised search, as in Milgram's letters: nobody knows the
    shortest path, only where their own contacts are. On a ring from
    :func:`rewired_ring`, a person's place stands for where they live and
    work, and each holder forwards to the contact whose place is nearest the
    target's (:func:`ring_distance`; the lower number on a tie). If no
    contact is nearer than the holder, the message is stuck, as a letter is
    when nobody passes it on.

    Parameters
    ----------
    graph : networkx.Graph
        A ring of people ``0 .. n - 1``, as made by :func:`rewired_ring`.
    source, target : int
        Who starts the chain, and whom it must reach.

    Returns
    -------
    list of int or None
        The people the message passes through, ``source`` first and
        ``target`` last; None when it gets stuck.

    Raises
    ------
    InvalidParameter
        If ``graph`` is not a graph, or ``source`` or ``target`` is not on it.

    Examples
    --------
    >>> ring = rewired_ring(12, 2, p=0.0)
    >>> greedy_chain(ring, 0, 3)
    [0, 1, 2, 3]
    >>> shortcut = ring.copy()
    >>> shortcut.add_edge(0, 6)
    >>> greedy_chain(shortcut, 0, 5)
    [0, 6, 5]
    """
    graph = _check_ring(graph)
    source = _ring_person(graph, source, "source")
    target = _ring_person(graph, target, "target")
    n = graph.number_of_nodes()
    chain = [source]
    holder = source
    while holder != target:
        nearest = min(graph[holder], key=lambda other: (ring_distance(n, other, target), other))
        if ring_distance(n, nearest, target) >= ring_distance(n, holder, target):
            return None
        chain.append(nearest)
        holder = nearest
    return chain


def search_lengths(graph: nx.Graph, pairs: int = 200, seed: int = 0) -> pd.DataFrame:
    """Chains found by forwarding, against the true distances, for random pairs of people.

    Parameters
    ----------
    graph : networkx.Graph
        A ring of people ``0 .. n - 1``, as made by :func:`rewired_ring`.
    pairs : int, default 200
        How many (source, target) pairs to draw, at random but seeded.
    seed : int
        The seed for drawing the pairs.

    Returns
    -------
    pandas.DataFrame
        One row a pair: ``source``, ``target``, ``distance`` (the shortest
        path, in hops) and ``search_hops`` (the hops of :func:`greedy_chain`,
        ``<NA>`` when it got stuck). ``search_hops`` is never below
        ``distance``.

    Examples
    --------
    >>> table = search_lengths(rewired_ring(100, 4, p=0.05, seed=3), pairs=50, seed=1)
    >>> list(table.columns)
    ['source', 'target', 'distance', 'search_hops']
    >>> found = table.dropna()
    >>> bool((found["search_hops"] >= found["distance"]).all())
    True
    """
    import networkx as nx

    graph = _check_ring(graph)
    pairs = whole_number(pairs, "pairs", 1)
    people = sorted(graph)
    rng = random.Random(seed)
    rows = []
    for _ in range(pairs):
        source, target = rng.sample(people, 2)
        chain = greedy_chain(graph, source, target)
        try:
            distance = nx.shortest_path_length(graph, source, target)
        except nx.NetworkXNoPath as err:
            raise InvalidParameter(
                f"people {source} and {target} are not connected: every pair needs a path"
            ) from err
        rows.append((source, target, distance, None if chain is None else len(chain) - 1))
    table = pd.DataFrame(rows, columns=["source", "target", "distance", "search_hops"])
    table["search_hops"] = table["search_hops"].astype("Int64")
    return table
