"""The exact searches behind the interview planner.

:func:`best_selection` chooses the core questions: at most one per group of
near-duplicates, at most ``max_items`` of them, within a budget of
half-minutes, covering the most goals and then worth the most (dynamic
programming over goals covered, questions asked and half-minutes used).
:func:`best_more` then adds the few questions asked as time allows, by trying
every set of at most two: new goals first, then TIARA categories not yet
asked, then value.

Examples
--------
>>> best_selection([2, 2, 4], [5, 1, 9], [1, 2, 1], [[0], [1], [2]], 4, 0, 2, 2)
([0, 1], 4)
>>> best_more([2, 2], [1, 9], [1, 1], ["trends", "advice"], [0, 1], 3, 1, 1, {"advice"})
[0]
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence

import numpy as np

_NEG = np.int64(-(1 << 62))
#: Scores are ``value * SCALE + tie``: a seeded tie-break never outweighs value.
SCALE = 1 << 24


def best_selection(
    weights: Sequence[int],
    scores: Sequence[int],
    bits: Sequence[int],
    groups: Sequence[Sequence[int]],
    budget: int,
    start_mask: int,
    n_goals: int,
    max_items: int,
    *,
    cover: bool = False,
) -> tuple[list[int], int | None]:
    """Exact choice of at most ``max_items`` items, one per group, within ``budget``.

    ``best[m, c, w]`` is the highest score of a selection of ``c`` items
    that covers exactly the goals in the bit mask ``m`` and weighs exactly
    ``w``. The answer maximises the number of goals covered, then the score,
    then uses the least weight. With ``cover=True`` it returns the least
    weight that covers every goal (or None) instead.

    Returns
    -------
    (list of int, int or None)
        The chosen item indices, sorted, and the weight they use.
    """
    n_masks = 1 << n_goals
    width = budget + 1
    shape = (n_masks, max_items + 1, width)
    best = np.full(shape, _NEG, dtype=np.int64)
    best[start_mask, 0, 0] = 0
    masks = np.arange(n_masks)
    trail: list[tuple[np.ndarray, np.ndarray]] = []
    for members in groups:
        new = best.copy()
        choice = np.full(shape, -1, dtype=np.int16)
        previous = np.broadcast_to(masks[:, None, None], shape).astype(np.int32)
        for k, i in enumerate(members):
            w = weights[i]
            if w > budget or max_items == 0:
                continue
            shifted = np.full(shape, _NEG, dtype=np.int64)
            old = best[:, :-1, : width - w]
            shifted[:, 1:, w:] = np.where(old > _NEG, old + scores[i], _NEG)
            bit = bits[i]
            for sources in (masks[(masks & bit) != 0], masks[(masks & bit) == 0]):
                targets = sources | bit
                better = shifted[sources] > new[targets]
                new[targets] = np.where(better, shifted[sources], new[targets])
                choice[targets] = np.where(better, k, choice[targets])
                previous[targets] = np.where(better, sources[:, None, None], previous[targets])
        best = new
        trail.append((choice, previous))

    reachable = best > _NEG
    if cover:
        full = n_masks - 1
        used = np.flatnonzero(reachable[full].any(axis=0))
        if used.size == 0:
            return [], None
        weight = int(used[0])
        mask, count = full, int(np.flatnonzero(reachable[full, :, weight])[0])
    else:
        popcount = np.array([bin(m).count("1") for m in range(n_masks)])
        goals_met = np.where(reachable, popcount[:, None, None], -1)
        top = goals_met == goals_met.max()
        score = np.where(top, best, _NEG)
        top &= score == score.max()
        mask, count, weight = min(
            (tuple(int(x) for x in found) for found in np.argwhere(top)),
            key=lambda mcw: (mcw[2], mcw[1]),
        )

    chosen: list[int] = []
    used_weight = weight
    for members, (choice, previous) in zip(reversed(groups), reversed(trail), strict=True):
        k = int(choice[mask, count, weight])
        if k >= 0:
            i = members[k]
            chosen.append(i)
            mask, count, weight = int(previous[mask, count, weight]), count - 1, weight - weights[i]
    return sorted(chosen), used_weight


def best_more(
    weights: Sequence[int],
    scores: Sequence[int],
    bits: Sequence[int],
    categories: Sequence[str],
    options: Sequence[int],
    budget: int,
    covered_mask: int,
    max_items: int,
    asked_categories: Collection[str],
    groups: Sequence[str] | None = None,
) -> list[int]:
    """The best few items to add, by trying every set of at most ``max_items`` of ``options``.

    A set is better when it covers more goals not yet covered (bits outside
    ``covered_mask``), then more categories not in ``asked_categories``,
    then has the higher total score, then the lower weight. Items of the
    same group (``groups``, by default none shared) are never chosen
    together.

    Returns
    -------
    list of int
        The chosen item indices, sorted.
    """
    best_key: tuple[int, int, int, int] = (0, 0, 0, 0)
    best: tuple[int, ...] = ()
    for size in range(1, max_items + 1):
        for combo in itertools.combinations(options, size):
            weight = sum(weights[i] for i in combo)
            if weight > budget:
                continue
            if groups is not None and len({groups[i] for i in combo}) < size:
                continue
            mask = 0
            for i in combo:
                mask |= bits[i]
            key = (
                bin(mask & ~covered_mask).count("1"),
                len({categories[i] for i in combo} - set(asked_categories)),
                sum(scores[i] for i in combo),
                -weight,
            )
            if key > best_key:
                best_key, best = key, combo
    return sorted(best)
