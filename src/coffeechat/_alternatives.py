"""The ``k`` best simple chains between two people: Yen's algorithm.

:func:`coffeechat.paths.chains` asks for the best few chains to someone, not
just the best one; :func:`k_best` finds them with whichever search engine the
query uses (the plain one or the array one).
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Hashable
from typing import Any

from coffeechat._rank import By

__all__ = ["k_best"]


def k_best(query: Any, by: By, k: int, max_hops: int | None) -> list[tuple[int, list[Hashable]]]:
    """Yen's algorithm: the ``k`` best simple chains of ``query``, best first.

    ``query`` is a :mod:`coffeechat.paths` query: its ``engine`` gives each
    person's neighbours, and its ``search`` the best chain on from one person.

    Each chain found so far is a *root* (its first ``i + 1`` people) plus a
    *spur*: the best way on from its ``i``-th person that avoids the root and
    the next steps already taken by earlier chains with the same root. Every
    such candidate goes into a queue; the best one in the queue is the next
    chain. (Lawler's shortcut: a chain's roots shorter than where it left its
    parent chain were already tried for the parent.)
    """
    neighbours = query.engine.neighbours(by)
    first = query.search(neighbours, by, query.source, max_hops=max_hops)
    if first is None:
        return []
    accepted = [(first[0], tuple(first[1]))]
    branched_at = {accepted[0][1]: 0}
    candidates: list[tuple[int, int, tuple[Hashable, ...]]] = []
    tiebreak = itertools.count()
    while len(accepted) < k:
        path = accepted[-1][1]
        root_key = 0
        for i in range(len(path) - 1):
            if i >= branched_at[path]:
                root = path[: i + 1]
                wanted = k - len(accepted)
                limit = None
                if len(candidates) >= wanted:  # only a spur that beats these can matter
                    limit = heapq.nsmallest(wanted, candidates)[-1][0] - root_key
                spur = query.search(
                    neighbours,
                    by,
                    path[i],
                    blocked=frozenset(root[:-1]),
                    banned=frozenset(p[i + 1] for _, p in accepted if p[: i + 1] == root),
                    max_hops=None if max_hops is None else max_hops - i,
                    limit=limit,
                )
                if spur is not None:
                    chain = root[:-1] + tuple(spur[1])
                    if chain not in branched_at:
                        branched_at[chain] = i
                        heapq.heappush(candidates, (root_key + spur[0], next(tiebreak), chain))
            root_key += dict(neighbours(path[i]))[path[i + 1]]
        if not candidates:
            break
        key, _, chain = heapq.heappop(candidates)
        accepted.append((key, chain))
    return [(key, list(chain)) for key, chain in accepted]
