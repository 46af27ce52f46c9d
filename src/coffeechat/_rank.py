"""How chains of introductions are ranked, as exact whole numbers.

A tie of strength ``s`` costs ``-log(s)``: the strongest chain (largest product
of strengths) is then the cheapest (smallest sum of costs). Added up as
floating-point numbers, two equally strong chains can come out a hair apart
depending on the order of the additions, so two correct searches could disagree
about which is best. Here every cost is rounded once to a whole number of
billionths, and whole numbers add up exactly in any order.

Each tie then gets a *key*, one whole number that ranks chains by two things
at once:

* ``by="strength"``: strongest first, then fewest introductions. The key of a
  tie is ``cost * 2**23 + 1``, so the key of a chain is its total cost with its
  number of steps in the last 23 bits.
* ``by="hops"``: fewest introductions first, then strongest. The key of a tie
  is ``2**64 + cost``, so the key of a chain is its number of steps, with its
  total cost below.

Both searches in :mod:`coffeechat.paths` (the plain one and the array one) use
these keys, so they always agree on the number of steps and the strength of
the best chain, even when several chains tie.

Examples
--------
>>> import numpy as np
>>> cost = tie_costs(np.array([1.0, 0.5]))
>>> cost.tolist()
[0, 693147181]
>>> sum(tie_keys(cost, "strength")) == chain_key(2, 693147181, "strength")
True
>>> sum(tie_keys(cost, "hops")) == chain_key(2, 693147181, "hops")
True

By strength, a stronger chain wins whatever its length, and of two equally
strong chains the shorter wins; by hops, the other way round:

>>> one_weak, two_strong, three_strong = (1, 900), (2, 300), (3, 300)
>>> sorted([one_weak, two_strong, three_strong], key=lambda c: chain_key(*c, "strength"))
[(2, 300), (3, 300), (1, 900)]
>>> sorted([one_weak, two_strong, three_strong], key=lambda c: chain_key(*c, "hops"))
[(1, 900), (2, 300), (3, 300)]
"""

from __future__ import annotations

from typing import Literal

import numpy as np

__all__ = [
    "BY",
    "COST_SCALE",
    "COST_SHIFT",
    "MAX_PEOPLE",
    "By",
    "chain_key",
    "hops_key",
    "hops_limit",
    "strength_keys",
    "tie_costs",
    "tie_keys",
]

#: Ways to rank chains.
By = Literal["strength", "hops"]
BY: tuple[str, ...] = ("strength", "hops")

#: A cost of 1 is this fraction of a unit of ``-log(strength)``.
COST_SCALE = 1e9

_HOP_BITS = COST_SHIFT = 23
_STEP = 1 << _HOP_BITS  # one step, in a strength key
_HOP = 1 << 64  # one step, in a hops key (above any total cost)

#: Chains are counted in 23 bits, so a network may hold fewer people than this.
MAX_PEOPLE = _STEP


def tie_costs(strength: np.ndarray) -> np.ndarray:
    """Whole-number costs ``round(-log(strength) * 1e9)`` of tie strengths.

    A strength of 1.0 costs 0; the smallest positive float costs under
    ``2**40``, so ``cost * 2**23`` still fits in 64 bits.
    """
    return np.rint(-np.log(np.asarray(strength, dtype=float)) * COST_SCALE).astype(np.int64)


def tie_keys(costs: np.ndarray, by: By) -> list[int]:
    """The key of each tie when chains are ranked ``by`` strength or hops."""
    if by == "strength":
        return strength_keys(costs).tolist()
    return [_HOP + c for c in costs.tolist()]


def strength_keys(costs: np.ndarray) -> np.ndarray:
    """The strength keys of :func:`tie_keys` as a 64-bit array."""
    return (costs << _HOP_BITS) + 1


def hops_key(strength_key: int) -> int:
    """Turn the strength key of a tie or a chain into its hops key."""
    return (strength_key & (_STEP - 1)) * _HOP + (strength_key >> _HOP_BITS)


def chain_key(hops: int, cost: int, by: By) -> int:
    """The key of a chain of ``hops`` steps and total whole-number ``cost``."""
    return (cost << _HOP_BITS) + hops if by == "strength" else hops * _HOP + cost


def hops_limit(max_hops: int) -> int:
    """The smallest hops key of a chain longer than ``max_hops`` steps."""
    return (max_hops + 1) * _HOP
