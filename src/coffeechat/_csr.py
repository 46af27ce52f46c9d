"""The array engine of :mod:`coffeechat.paths`, for networks of many thousands.

The network is held as *compressed sparse rows* (CSR): person ``v``'s ties
are the slice ``indptr[v]:indptr[v + 1]`` of three arrays — who is at the other
end (``indices``), the tie's strength key (``keys``, see
:mod:`coffeechat._rank`) and its row in the ties table (``rows``). The arrays
are built with numpy straight from the network's ties table (no networkx
graph) and kept by the network (``network.inside.cached``), so a second search
costs nothing to set up.

Both searches start from the two ends at once (bidirectional), which on a
small-world network of 300,000 people touches a few thousand people instead
of all of them: :func:`fewest_hops` is a breadth-first search that handles a
whole level in a few numpy operations; :func:`bidirectional_dijkstra` runs in
Python, turning a person's slice into Python lists only when it first
expands them. Ties of strength 1.0 cost 0 but keep their key of one step, so
they are never lost. Everything here works on positions ``0 .. n-1``;
:mod:`coffeechat.paths` turns them into ids.

Examples
--------
>>> from coffeechat.contacts import Network, Person, Tie
>>> net = Network([Person(p, p) for p in ("me", "a", "b", "c")],
...               [Tie("me", "a", 1.0), Tie("a", "c", 0.5), Tie("me", "b", 0.3),
...                Tie("b", "c", 0.9)])
>>> csr = cached(net)
>>> csr.indptr.tolist(), csr.indices.tolist()
([0, 2, 4, 6, 8], [1, 2, 3, 0, 3, 0, 1, 2])
>>> me, c = csr.positions(["me", "c"])
>>> fewest_hops(csr, me, {c})[1]  # two steps either way: the stronger chain
[0, 1, 3]
>>> key, path = bidirectional_dijkstra(csr.neighbours("strength"), me, {c}, banned={1})
>>> [str(csr.ids[v]) for v in path]
['me', 'b', 'c']
"""

from __future__ import annotations

import contextlib
import heapq
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any

import numpy as np

from coffeechat._rank import COST_SHIFT as _COST_SHIFT
from coffeechat._rank import chain_key, hops_key, strength_keys, tie_costs
from coffeechat.contacts import PERSON_COLUMNS, TIE_COLUMNS

__all__ = [
    "CSR",
    "bidirectional_dijkstra",
    "cached",
    "fewest_hops",
]

Neighbours = Callable[[int], list[tuple[int, int]]]
Path = list[int]


class CSR:
    """A network's ties as compressed sparse rows (see the module docstring).

    Attributes
    ----------
    ids : numpy.ndarray
        The person id at each position.
    indptr : numpy.ndarray of int64, length n + 1
    indices : numpy.ndarray of int32
        The other end of each tie, by position.
    keys : numpy.ndarray of int64
        The strength key of each tie (:func:`coffeechat._rank.tie_keys`).
    rows : numpy.ndarray of int32
        The row of each tie in the network's ties table.
    columns : (dict, dict)
        The people and ties tables' columns (:func:`table_columns`).
    """

    def __init__(self, network: Any) -> None:
        people = network.inside.people.index
        ties = network.inside.ties
        n, m = len(people), len(ties)
        ends = np.empty(2 * m, dtype=np.int32)
        ends[:m] = people.get_indexer(ties["source"])
        ends[m:] = people.get_indexer(ties["target"])
        # Each tie is two arcs: rows 0..m-1 leave the source, m..2m-1 the target.
        order = np.argsort(ends, kind="stable")
        self.indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(ends, minlength=n), out=self.indptr[1:])
        other = np.roll(ends, m)  # the far end of arc i is the near end of arc i ± m
        self.indices = other[order]
        del other, ends
        order[order >= m] -= m
        self.rows = order.astype(np.int32)
        del order
        costs = tie_costs(ties["strength"].to_numpy(dtype=float))
        self.keys = strength_keys(costs)[self.rows]
        self.columns = table_columns(network)
        self.ids = self.columns[0]["id"]
        self._position = people
        self._workspace = _Workspace(n)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def nbytes(self) -> int:
        """Memory held by the arrays, in bytes."""
        space = self._workspace
        arrays = [self.indptr, self.indices, self.keys, self.rows, self.ids, space.scratch]
        return sum(a.nbytes for a in [*arrays, *space.depth, *space.best])

    def positions(self, person_ids: list[str]) -> list[int]:
        """The positions of person ids (all must be in the network)."""
        if len(person_ids) < 16:  # get_loc is quicker for a few
            return [int(self._position.get_loc(pid)) for pid in person_ids]
        return self._position.get_indexer(person_ids).tolist()

    def tie_row(self, a: int, b: int) -> int:
        """The row in the ties table of the tie between positions ``a`` and ``b``."""
        start = self.indptr[a]
        where = np.flatnonzero(self.indices[start : self.indptr[a + 1]] == b)
        return int(self.rows[start + where[0]])

    def neighbours(self, by: str) -> Neighbours:
        """A function giving ``[(other, key), ...]`` for a position.

        Each slice is turned into Python lists once, on first use; make a new
        function for each search so that the lists do not pile up.
        """
        indptr, indices, keys = self.indptr, self.indices, self.keys
        seen: dict[int, list[tuple[int, int]]] = {}

        def by_strength(v: int) -> list[tuple[int, int]]:
            pairs = seen.get(v)
            if pairs is None:
                a, b = indptr[v], indptr[v + 1]
                pairs = seen[v] = list(zip(indices[a:b].tolist(), keys[a:b].tolist(), strict=True))
            return pairs

        def by_hops(v: int) -> list[tuple[int, int]]:
            pairs = seen.get(v)
            if pairs is None:
                a, b = indptr[v], indptr[v + 1]
                pairs = seen[v] = [
                    (w, hops_key(k))
                    for w, k in zip(indices[a:b].tolist(), keys[a:b].tolist(), strict=True)
                ]
            return pairs

        return by_strength if by == "strength" else by_hops

    @contextlib.contextmanager
    def workspace(self) -> Iterator[_Workspace]:
        """The arrays :func:`fewest_hops` works in, all zero; zero again afterwards.

        A search running at the same time in another thread gets fresh ones.
        """
        space = self._workspace
        if not space.lock.acquire(blocking=False):
            yield _Workspace(len(self))
            return
        try:
            yield space
        finally:
            space.clear()
            space.lock.release()

    def arcs(self, front: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every tie leaving ``front``: where it starts, and its position in the arrays."""
        starts = self.indptr[front]
        counts = self.indptr[front + 1] - starts
        total = int(counts.sum())
        # positions starts[i] .. starts[i] + counts[i] - 1, for every i, in one array
        shift = np.repeat(starts - (np.cumsum(counts) - counts), counts)
        return np.repeat(front, counts), np.arange(total, dtype=np.int64) + shift

    def hop_distances(self, sources: Iterable[int]) -> np.ndarray:
        """Fewest hops from any of ``sources`` to everyone (-1: out of reach)."""
        return self.levels(sources)[0]

    def levels(
        self, sources: Iterable[int], max_hops: int | None = None, *, previous: bool = False
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """Breadth-first search, a whole level at a time with numpy.

        The array twin of :func:`coffeechat.paths._bfs`, with the same answers.

        Returns
        -------
        (hops, before)
            ``hops[v]``: fewest hops from any of ``sources`` to ``v`` (-1: out
            of reach or beyond ``max_hops``). With ``previous=True``,
            ``before[v]`` is the person just before ``v`` on the strongest of
            its shortest chains (least total cost, then the smaller id), -1
            for the sources and the unreached; else ``before`` is None.
        """
        dist = np.full(len(self), -1, dtype=np.int32)
        frontier = np.unique(np.fromiter(sources, dtype=np.int64))
        dist[frontier] = 0
        before = cost = rank = None
        if previous:
            before = np.full(len(self), -1, dtype=np.int64)
            cost = np.zeros(len(self), dtype=np.int64)
            rank = self.id_ranks
        level = 0
        while frontier.size and (max_hops is None or level < max_hops):
            origin, arcs = self.arcs(frontier)
            reached = self.indices[arcs]
            new = dist[reached] < 0
            if before is None:
                fresh = np.unique(reached[new])
            else:
                origin, reached, arcs = origin[new], reached[new], arcs[new]
                total = cost[origin] + (self.keys[arcs] >> _COST_SHIFT)
                order = np.lexsort((rank[origin], total, reached))
                ranked = reached[order]
                first = order[np.r_[True, ranked[1:] != ranked[:-1]]] if ranked.size else order
                fresh = reached[first]
                cost[fresh] = total[first]
                before[fresh] = origin[first]
            level += 1
            dist[fresh] = level
            frontier = fresh
        return dist, before

    @property
    def id_ranks(self) -> np.ndarray:
        """Each position's place when the ids are sorted (worked out on first use)."""
        ranks = self.__dict__.get("_id_ranks")
        if ranks is None:
            ranks = self._id_ranks = np.empty(len(self), dtype=np.int64)
            ranks[np.argsort(self.ids.astype(str), kind="stable")] = np.arange(len(self))
        return ranks


def table_columns(network: Any) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The people and ties tables as numpy columns (views, not copies), ``id`` included.

    Picking a few rows out of these is much quicker than asking pandas.
    """
    inside = network.inside
    people = {"id": inside.people.index.to_numpy()}
    people.update((c, inside.people[c].to_numpy()) for c in PERSON_COLUMNS[1:])
    return people, {c: inside.ties[c].to_numpy() for c in TIE_COLUMNS}


def cached(network: Any) -> CSR:
    """The :class:`CSR` of a network, built on first use and kept by the network."""
    return network.inside.cached("csr", CSR)


def _walk(pred: dict[int, int], v: int) -> Path:
    path = [v]
    while v in pred:
        v = pred[v]
        path.append(v)
    return path


def bidirectional_dijkstra(
    neighbours: Neighbours,
    source: int,
    goals: Collection[int],
    *,
    blocked: Collection[int] = (),
    banned: Collection[int] = (),
    limit: int | None = None,
) -> tuple[int, Path] | None:
    """The chain of least key from ``source`` to any of ``goals``.

    Dijkstra's algorithm run from the source and from all the goals at once
    (as if from one "super-sink" tied to every goal at no cost), always
    advancing the side with the shorter queue, until the smallest keys in
    the two queues add up to at least the best chain seen where the sides met.

    Parameters
    ----------
    neighbours : callable
        ``neighbours(v) -> [(w, key), ...]``, from :meth:`CSR.neighbours`.
    source : int
    goals : collection of int
        Where a chain may end; a chain never passes through a goal.
    blocked : collection of int
        People the chain may not pass through.
    banned : collection of int
        People the chain may not take as its first step.
    limit : int, optional
        Only chains of key below this are wanted.

    Returns
    -------
    (key, path) or None
    """
    inf = float("inf")
    best: float = inf if limit is None else limit
    meet = -1
    dist = ({source: 0}, dict.fromkeys(goals, 0))
    pred: tuple[dict[int, int], dict[int, int]] = ({}, {})
    # Settled people are never expanded again. The source is never expanded
    # from the goals' side, nor a goal from the source's side: a chain ends
    # at its first goal. Blocked people look settled at key -1 on both sides,
    # so that nothing ever improves on them.
    done = ({source, *goals}, {source, *goals})
    done[0].discard(source)
    done[1].difference_update(goals)
    for b in blocked:
        dist[0][b] = dist[1][b] = -1
    heaps = ([(0, source)], [(0, g) for g in goals])
    heapq.heapify(heaps[1])
    push, pop = heapq.heappush, heapq.heappop
    while heaps[0] and heaps[1] and heaps[0][0][0] + heaps[1][0][0] < best:
        side = 0 if len(heaps[0]) <= len(heaps[1]) else 1
        heap, mine, theirs = heaps[side], dist[side], dist[1 - side]
        d, v = pop(heap)
        if v in done[side]:
            continue
        done[side].add(v)
        pairs = neighbours(v)
        if banned and (v == source if side == 0 else v in banned):
            pairs = [(w, k) for w, k in pairs if (w not in banned if side == 0 else w != source)]
        came, mine_get, theirs_get = pred[side], mine.get, theirs.get
        for w, k in pairs:
            nd = d + k
            if nd < mine_get(w, inf):
                mine[w] = nd
                came[w] = v
                push(heap, (nd, w))
                other = theirs_get(w)
                if other is not None and nd + other < best:
                    best, meet = nd + other, w
    if meet < 0:
        return None
    front = _walk(pred[0], meet)[::-1]
    back = _walk(pred[1], meet)
    return int(best), front + back[1:]


def fewest_hops(
    csr: CSR,
    source: int,
    goals: Collection[int],
    *,
    banned: Collection[int] = (),
) -> tuple[int, Path] | None:
    """The chain of fewest steps, and the strongest of those, from ``source`` to a goal.

    A breadth-first search from both ends, one whole level at a time (each
    level in a few numpy operations), always growing the smaller frontier.
    When the frontiers first touch, every person where they touch lies at the
    same distance from each end; the strongest chain through them is then
    found level by level over only the people on some shortest chain.

    Parameters
    ----------
    csr : CSR
    source, goals, banned
        As in :func:`bidirectional_dijkstra`.

    Returns
    -------
    (key, path) or None
        ``key`` is the chain's hops key (:mod:`coffeechat._rank`).
    """
    with csr.workspace() as space:
        return _fewest_hops(csr, space, source, goals, banned)


def _fewest_hops(
    csr: CSR, space: _Workspace, source: int, goals: Collection[int], banned: Collection[int]
) -> tuple[int, Path] | None:
    indptr, indices, keys = csr.indptr, csr.indices, csr.keys
    goal_list = np.fromiter(goals, dtype=np.int64)
    banned_list = np.fromiter(banned, dtype=np.int64)

    def allowed(near: np.ndarray | int, far: np.ndarray | int) -> Any:
        """May a chain step from ``near`` to ``far``? (Not from the source to a banned person.)"""
        if not banned_list.size:
            return True
        return ~((near == source) & np.isin(far, banned_list))

    # depth[side][v]: 1 + v's distance from that side's end, 0 if not reached yet;
    # cost[side][v]: the least total cost from that side's end to v in that many steps.
    depth, cost, scratch = space.depth, space.best, space.scratch
    space.set(depth[0], np.array([source], dtype=np.int64), 1)
    space.set(depth[1], goal_list, 1)
    fronts = [np.array([source], dtype=np.int64), goal_list]
    levels = [0, 0]
    meets = goal_list[:0]
    while fronts[0].size and fronts[1].size:
        side = 0 if fronts[0].size <= fronts[1].size else 1
        mine, theirs, best = depth[side], depth[1 - side], cost[side]
        origin, arcs = csr.arcs(fronts[side])
        reached = indices[arcs]
        keep = mine[reached] == 0
        keep &= allowed(origin, reached) if side == 0 else allowed(reached, origin)
        hit = keep & (theirs[reached] > 0)
        if hit.any():  # the frontiers touch: only where they touch matters now
            keep = hit
        origin, reached, arcs = origin[keep], reached[keep], arcs[keep]
        fresh = _distinct(reached, scratch)
        levels[side] += 1
        space.set(mine, fresh, levels[side] + 1)
        space.set(best, fresh, _UNSET)
        np.minimum.at(best, reached, best[origin] + (keys[arcs] >> _COST_SHIFT))
        if hit.any():
            meets = fresh
            break
        fronts[side] = fresh
    if not meets.size:
        return None

    total = cost[0][meets] + cost[1][meets]
    meet = int(meets[np.argmin(total)])
    halves = []
    for side in (0, 1):
        mine, best = depth[side], cost[side]
        v, half = meet, [meet]
        while mine[v] > 1:  # step back to a neighbour one level nearer this end, on a best chain
            ws, ks = indices[indptr[v] : indptr[v + 1]], keys[indptr[v] : indptr[v + 1]]
            ok = (mine[ws] == mine[v] - 1) & (best[ws] + (ks >> _COST_SHIFT) == best[v])
            ok &= allowed(ws, v) if side == 0 else allowed(v, ws)
            v = int(ws[ok][0])
            half.append(v)
        halves.append(half)
    path = halves[0][::-1] + halves[1][1:]
    return chain_key(len(path) - 1, int(total.min()), "hops"), path


_UNSET = np.iinfo(np.int64).max


class _Workspace:
    """Arrays of one slot per person for :func:`fewest_hops`, kept between searches.

    Allocating and zeroing them for every search would cost more than the
    search; instead every slot written is remembered and zeroed again after.
    """

    def __init__(self, n: int) -> None:
        self.depth = (np.zeros(n, dtype=np.int32), np.zeros(n, dtype=np.int32))
        self.best = (np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64))
        self.scratch = np.zeros(n, dtype=np.int64)  # see _distinct; never needs zeroing
        for array in (*self.depth, *self.best, self.scratch):
            array.fill(0)  # touch every page now, not a few at a time in each search
        self.written: list[tuple[np.ndarray, np.ndarray]] = []
        self.lock = threading.Lock()

    def __reduce__(self) -> tuple[type, tuple[int]]:  # a lock cannot be pickled or copied
        return _Workspace, (len(self.scratch),)

    def set(self, array: np.ndarray, where: np.ndarray, value: int) -> None:
        array[where] = value
        self.written.append((array, where))

    def clear(self) -> None:
        for array, where in self.written:
            array[where] = 0
        self.written.clear()


def _distinct(values: np.ndarray, scratch: np.ndarray) -> np.ndarray:
    """``values`` without repeats, in first-seen order (``scratch``: n spare slots)."""
    where = np.arange(values.size)
    scratch[values[::-1]] = where[::-1]  # the first occurrence is written last
    return values[scratch[values] == where]
