"""The referral snowball: how one conversation leads to the next ones.

At the end of an informational interview you ask "Who else should I talk
to?". If each conversation brings, on average, ``referrals`` more
conversations a week later, then one conversation in week 1 becomes
``referrals`` conversations in week 2, ``referrals ** 2`` in week 3, and so
on. Below one referral a conversation the snowball melts: the total levels
off at ``1 / (1 - referrals)``. At one or more it keeps growing.

Real referrals are not a steady number: one person names three colleagues,
the next names nobody. :func:`snowball_run` draws one possible story with a
random generator (each conversation brings a Poisson-distributed number of
new conversations), and :func:`snowball_table` averages many such stories,
week by week, beside the :func:`expected_network_size` worked out exactly.
It also says how likely you are, by each week, to have talked to at least
one person at the organisation you are aiming for, when a share
``target_share`` of the people you are referred to work there.

Examples
--------
>>> expected_network_size(2, weeks=4)       # 1 + 2 + 4 + 8
15.0
>>> expected_network_size(0.5, weeks=30)    # levels off near 1 / (1 - 0.5)
1.9999999981373549
>>> import numpy as np
>>> snowball_run(1.5, weeks=5, rng=np.random.default_rng(1)).tolist()
[1, 2, 4, 4, 5]
>>> table = snowball_table(1.0, weeks=3, runs=500, seed=7, target_share=0.1)
>>> table.columns.tolist()
['conversations', 'network', 'expected_network', 'reach_target']
>>> table["expected_network"].tolist()
[1.0, 2.0, 3.0]
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from coffeechat._args import whole_number
from coffeechat.errors import InvalidParameter

__all__ = [
    "SNOWBALL_COLUMNS",
    "expected_network_size",
    "snowball_run",
    "snowball_table",
]

#: Columns of :func:`snowball_table` (indexed by ``week``).
SNOWBALL_COLUMNS: tuple[str, ...] = (
    "conversations",
    "network",
    "expected_network",
    "reach_target",
)


def _rate(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidParameter(f"{name} must be a number, not {type(value).__name__}")
    rate = float(value)
    if not np.isfinite(rate) or rate < 0:
        raise InvalidParameter(f"{name} must be 0 or more, not {value!r}")
    return rate


def _share(value: object) -> float:
    share = _rate(value, "target_share")
    if share > 1:
        raise InvalidParameter(f"target_share must be between 0 and 1, not {value!r}")
    return share


def expected_network_size(referrals: float, weeks: int, *, start: int = 1) -> float:
    """The expected number of conversations held in ``weeks`` weeks.

    Week 1 holds ``start`` conversations; each conversation brings
    ``referrals`` more the week after, on average, so the expected total is
    ``start * (1 + r + r**2 + ... + r**(weeks - 1))``.

    Parameters
    ----------
    referrals : float
        Conversations each conversation leads to, on average (0 or more).
    weeks : int
        How many weeks, at least 1.
    start : int, default 1
        Conversations in week 1.

    Returns
    -------
    float

    Raises
    ------
    InvalidParameter
        For a negative rate or a number of weeks below 1.

    Examples
    --------
    >>> expected_network_size(1, weeks=6)
    6.0
    >>> expected_network_size(3, weeks=3, start=2)   # 2 + 6 + 18
    26.0
    """
    r = _rate(referrals, "referrals")
    weeks = whole_number(weeks, "weeks", 1)
    start = whole_number(start, "start", 0)
    if r == 1:
        return float(start * weeks)
    return float(start * (1 - r**weeks) / (1 - r))


def snowball_run(
    referrals: float, weeks: int, rng: np.random.Generator, *, start: int = 1
) -> np.ndarray:
    """One possible snowball: the conversations held in each week.

    Each conversation in a week leads to a Poisson-distributed number of
    conversations (mean ``referrals``) the next week; the sum of those is
    one Poisson draw with mean ``referrals`` times the week's conversations.

    Parameters
    ----------
    referrals : float
        Conversations each conversation leads to, on average.
    weeks : int
        How many weeks to draw, at least 1.
    rng : numpy.random.Generator
        The random generator, e.g. ``numpy.random.default_rng(2026)``: the
        same seed gives the same story.
    start : int, default 1
        Conversations in week 1.

    Returns
    -------
    numpy.ndarray of int
        ``weeks`` numbers: the conversations in weeks 1, 2, ...

    Examples
    --------
    >>> snowball_run(0, weeks=3, rng=np.random.default_rng(0)).tolist()
    [1, 0, 0]
    """
    r = _rate(referrals, "referrals")
    weeks = whole_number(weeks, "weeks", 1)
    start = whole_number(start, "start", 0)
    if not isinstance(rng, np.random.Generator):
        raise InvalidParameter(
            f"rng must be a numpy random Generator (numpy.random.default_rng(seed)), "
            f"not {type(rng).__name__}"
        )
    held = np.zeros(weeks, dtype=np.int64)
    held[0] = start
    for week in range(1, weeks):
        held[week] = rng.poisson(r * held[week - 1])
    return held


def snowball_table(
    referrals: float,
    weeks: int,
    *,
    start: int = 1,
    target_share: float = 0.0,
    runs: int = 2000,
    seed: int | None = 0,
) -> pd.DataFrame:
    """Many snowballs averaged, week by week, beside the expected size.

    Parameters
    ----------
    referrals : float
        Conversations each conversation leads to, on average.
    weeks : int
        How many weeks, at least 1.
    start : int, default 1
        Conversations in week 1.
    target_share : float, default 0
        The chance that a person you talk to works at your target
        organisation.
    runs : int, default 2000
        How many snowballs to draw.
    seed : int, optional
        Seed of :func:`numpy.random.default_rng`; the same seed gives the
        same table.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``week`` from 1, columns :data:`SNOWBALL_COLUMNS`: the
        mean conversations held that week, the mean network (conversations
        so far), the expected network and the chance of having talked to at
        least one person at the target by then.

    Examples
    --------
    >>> t = snowball_table(2, weeks=3, runs=4000, seed=1, target_share=0.2)
    >>> t["expected_network"].tolist(), bool(abs(t["network"].iloc[-1] - 7) < 0.3)
    ([1.0, 3.0, 7.0], True)
    """
    share = _share(target_share)
    runs = whole_number(runs, "runs", 1)
    rng = np.random.default_rng(seed)
    stories = np.stack([snowball_run(referrals, weeks, rng, start=start) for _ in range(runs)])
    totals = stories.cumsum(axis=1)
    # Averaging the exact chance for each story, rather than drawing who
    # works where, gives the same mean with less noise.
    reached = 1.0 - (1.0 - share) ** totals
    expected = [expected_network_size(referrals, week, start=start) for week in range(1, weeks + 1)]
    table = pd.DataFrame(
        {
            "conversations": stories.mean(axis=0),
            "network": totals.mean(axis=0),
            "expected_network": expected,
            "reach_target": reached.mean(axis=0),
        },
        index=pd.RangeIndex(1, weeks + 1, name="week"),
    )
    return table
