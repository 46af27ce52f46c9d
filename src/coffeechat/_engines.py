"""The two search engines behind :mod:`coffeechat.paths`.

:class:`PythonEngine` is plain Python over the network's adjacency — read it
to see how the searches work: :func:`bfs`, a breadth-first search one level
of hops at a time (who is in reach, and by which chain), and :func:`dijkstra`
(the best chain to a goal, by any ranking of :mod:`coffeechat._rank`).
:class:`ArrayEngine` gives the same answers over the numpy arrays of
:mod:`coffeechat._csr`, for networks of many thousands. Both speak of people
as *nodes*: ids for the plain engine, positions for the array one.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Collection, Hashable, Sequence
from typing import Any

import numpy as np

from coffeechat import _csr
from coffeechat._rank import By, hops_limit, tie_costs, tie_keys
from coffeechat.contacts import Network

__all__ = ["ArrayEngine", "PythonEngine", "bfs", "dijkstra"]

Node = Hashable
Path = list[Any]
Found = tuple[int, Path]  # a chain's key (see coffeechat._rank) and its people
Neighbours = Callable[[Any], list[tuple[Any, int]]]


# ------------------------------------------------------------ the plain engine


class PythonEngine:
    """Plain Python over the network's adjacency: the one to read."""

    def __init__(self, network: Network) -> None:
        self.network = network
        self.adjacency = network.inside.adjacency  # id -> {id: tie row}
        self.costs = tie_costs(network.inside.ties["strength"].to_numpy(dtype=float))

    def nodes(self, ids: list[str]) -> list[str]:
        return ids

    def people_rows(self, path: Path) -> np.ndarray:
        """Where the people of ``path`` are in the people table."""
        return self.network.inside.people.index.get_indexer(path)

    def tie_rows(self, path: Path) -> list[int]:
        """Where the ties between the people of ``path`` are in the ties table."""
        return [self.adjacency[a][b] for a, b in itertools.pairwise(path)]

    def columns(self) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
        return _csr.table_columns(self.network)

    def neighbours(self, by: By) -> Neighbours:
        keys, adjacency = tie_keys(self.costs, by), self.adjacency

        def neighbours(person: str) -> list[tuple[str, int]]:
            return [(other, keys[row]) for other, row in adjacency[person].items()]

        return neighbours

    def search(
        self, neighbours: Neighbours, by: By, source: Node, goals: Collection[Node], **options: Any
    ) -> Found | None:
        """The best chain: Dijkstra's algorithm, whatever the ranking and options."""
        return dijkstra(neighbours, source, goals, **options)

    def hop_counts(self, source: Node) -> list[int]:
        steps, _ = bfs(self.adjacency, self.costs.tolist(), source)
        counts = [0] * (max(steps.values()) + 1)
        for d in steps.values():
            counts[d] += 1
        return counts

    def reach(self, source: Node, goals: Collection[Node]) -> tuple[int, list[tuple[int, Node]]]:
        steps, _ = bfs(self.adjacency, self.costs.tolist(), source)
        return len(steps) - 1, sorted((steps[g], g) for g in goals if g in steps)

    def reach_chains(self, source: str, max_hops: int | None) -> dict[str, tuple[str, ...]]:
        """The chain of :func:`reach` to everyone within ``max_hops``, nearest first."""
        steps, previous = bfs(self.adjacency, self.costs.tolist(), source, max_hops)
        found: dict[str, tuple[str, ...]] = {}
        for person in itertools.islice(steps, 1, None):  # nearest first: the one before is in
            found[person] = found.get(previous[person], (source,)) + (person,)
        return found


def bfs(
    adjacency: dict[str, dict[str, int]],
    costs: Sequence[int],
    source: str,
    max_hops: int | None = None,
) -> tuple[dict[str, int], dict[str, str]]:
    """Breadth-first search, one level of steps at a time.

    Returns the fewest steps from ``source`` to everyone within ``max_hops``
    (nearest first) and, for everyone but the source, the person just before
    them on the strongest of their shortest chains: the least total of
    ``costs`` (see :mod:`coffeechat._rank`), and of equally strong chains the
    one through the smaller id, so that the answer never depends on order.
    """
    steps, cost, previous = {source: 0}, {source: 0}, {}
    level = [source]
    depth = 0
    while level and (max_hops is None or depth < max_hops):
        depth += 1
        next_level = []
        for person in level:
            for other, row in adjacency[person].items():
                seen, new_cost = steps.get(other), cost[person] + costs[row]
                if seen is None:
                    steps[other] = depth
                    next_level.append(other)
                elif seen != depth or (new_cost, person) >= (cost[other], previous[other]):
                    continue
                cost[other], previous[other] = new_cost, person
        level = next_level
    return steps, previous


def dijkstra(
    neighbours: Neighbours,
    source: Node,
    goals: Collection[Node],
    *,
    blocked: Collection[Node] = frozenset(),
    banned: Collection[Node] = frozenset(),
    max_hops: int | None = None,
    limit: int | None = None,
    hops_left: Sequence[int] | None = None,
) -> Found | None:
    """Dijkstra's algorithm from ``source`` to the nearest of ``goals``.

    The queue holds chains by key (see :mod:`coffeechat._rank`), best first,
    so the first goal taken off the queue ends the best chain; of equally
    good chains to someone, the one through the smaller id before them (as in
    :func:`bfs`, so that :func:`~coffeechat.paths.reach` and
    :func:`~coffeechat.paths.shortest_chain` name the same introducers). A
    chain stops at the first goal it meets, never passes through ``blocked`` people, and
    does not start with a step to anyone in ``banned``; only chains of key
    below ``limit`` are wanted.

    With ``max_hops``, a person already reached may be worth reaching again
    by a weaker chain with fewer steps (it may still make it within the
    limit), so a person counts as done only for as many steps as they were
    first reached with. ``hops_left``, if given, is a lower bound on the
    steps from each person to a goal, used to give up on hopeless chains early.

    Returns
    -------
    (key, path) or None
    """
    tiebreak = itertools.count()  # so that people are never compared
    queue = [(0, next(tiebreak), source, 0)]
    previous: dict[tuple[Node, int], tuple[Node, int] | None] = {(source, 0): None}
    best_key = {(source, 0): 0}
    done: dict[Node, int] = {}  # person -> fewest steps they were taken off the queue with
    while queue:
        key, _, person, steps = heapq.heappop(queue)
        if limit is not None and key >= limit:
            return None
        if person in done and (max_hops is None or done[person] <= steps):
            continue
        done[person] = steps
        if person in goals:
            return key, unwind(previous, (person, steps))
        for other, tie_key in neighbours(person):
            if other in blocked or (person == source and other in banned):
                continue
            if max_hops is not None:
                left = 0 if hops_left is None else hops_left[other]
                if left < 0 or steps + 1 + left > max_hops:
                    continue
            state, new_key = (other, steps + 1), key + tie_key
            known = best_key.get(state, new_key + 1)
            if new_key < known or (new_key == known and person < previous[state][0]):
                best_key[state] = new_key
                previous[state] = (person, steps)
                heapq.heappush(queue, (new_key, next(tiebreak), other, steps + 1))
    return None


def unwind(previous: dict[Any, Any], state: Any) -> Path:
    path = []
    while state is not None:
        path.append(state[0])
        state = previous[state]
    return path[::-1]


# ------------------------------------------------------------ the array engine


class ArrayEngine:
    """The same searches over numpy arrays, from both ends (:mod:`coffeechat._csr`)."""

    def __init__(self, network: Network) -> None:
        self.csr = _csr.cached(network)
        self._hops_left: dict[frozenset[int], list[int]] = {}

    def nodes(self, ids: list[str]) -> list[int]:
        return self.csr.positions(ids)

    def people_rows(self, path: Path) -> Path:
        return path  # positions are rows of the people table

    def tie_rows(self, path: Path) -> list[int]:
        return [self.csr.tie_row(a, b) for a, b in itertools.pairwise(path)]

    def columns(self) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
        return self.csr.columns

    def neighbours(self, by: By) -> Neighbours:
        return self.csr.neighbours(by)

    def search(
        self,
        neighbours: Neighbours,
        by: By,
        source: int,
        goals: Collection[int],
        *,
        blocked: Collection[int] = frozenset(),
        banned: Collection[int] = frozenset(),
        max_hops: int | None = None,
        limit: int | None = None,
    ) -> Found | None:
        if max_hops is not None and by == "strength":
            # The hop limit breaks the two-ended search: search from the source
            # only, but drop anyone too many steps from every goal.
            key = frozenset(goals)
            if key not in self._hops_left:
                self._hops_left[key] = self.csr.hop_distances(goals).tolist()
            return dijkstra(
                neighbours,
                source,
                goals,
                blocked=blocked,
                banned=banned,
                max_hops=max_hops,
                limit=limit,
                hops_left=self._hops_left[key],
            )
        if max_hops is not None:  # by hops: a chain within the limit has a small key
            limit = hops_limit(max_hops) if limit is None else min(limit, hops_limit(max_hops))
        if by == "hops" and not blocked:
            found = _csr.fewest_hops(self.csr, source, goals, banned=banned)
            return found if found is None or limit is None or found[0] < limit else None
        return _csr.bidirectional_dijkstra(
            neighbours, source, goals, blocked=blocked, banned=banned, limit=limit
        )

    def hop_counts(self, source: int) -> list[int]:
        steps = self.csr.hop_distances([source])
        return np.bincount(steps[steps >= 0]).tolist()

    def reach(self, source: int, goals: Collection[int]) -> tuple[int, list[tuple[int, int]]]:
        steps = self.csr.hop_distances([source])
        reached = int((steps > 0).sum())
        return reached, sorted((int(steps[g]), g) for g in goals if steps[g] >= 0)

    def reach_chains(self, source: str, max_hops: int | None) -> dict[str, tuple[str, ...]]:
        """As :meth:`PythonEngine.reach_chains`, from the numpy search of the same chains."""
        start = self.csr.positions([source])[0]
        steps, before = self.csr.levels([start], max_hops, previous=True)
        assert before is not None
        reached = np.flatnonzero(steps > 0)
        reached = reached[np.argsort(steps[reached], kind="stable")]
        ids = self.csr.ids
        found: dict[str, tuple[str, ...]] = {}
        chains_at: dict[int, tuple[str, ...]] = {start: (source,)}
        for v in reached.tolist():
            chain = chains_at[v] = chains_at[int(before[v])] + (str(ids[v]),)
            found[chain[-1]] = chain
        return found
