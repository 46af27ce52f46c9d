"""Your own plan: whom to ask at each target employer, and what to do when.

The capstone brings the course together. From a learner's network and the
employers at the top of their LAMP list, :func:`who_to_ask` finds, for each
employer, the person there reachable by the strongest chain and the contact
to ask first; :func:`plan_for` says in plain words what to do about one
employer, with the 3B7 follow-up dates if the request goes out on a given day.

Examples
--------
>>> import coffeechat as cc
>>> network = cc.load_sample_network()
>>> asks = who_to_ask(network, ["Pulsewise", "Nowhere Ltd"])
>>> asks[["employer", "name", "introducer_name", "hops"]]
      employer         name introducer_name  hops
0    Pulsewise  Amara Nwosu    Lucía Moreno   3.0
1  Nowhere Ltd                                NaN
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

import pandas as pd

from coffeechat.contacts import Network
from coffeechat.errors import InvalidParameter, NoChainError
from coffeechat.outreach import follow_up_dates
from coffeechat.paths import Target, reach, strongest_chain

__all__ = ["ASK_COLUMNS", "plan_for", "who_to_ask", "within_reach"]

#: Columns of :func:`who_to_ask`, in order.
ASK_COLUMNS: tuple[str, ...] = (
    "employer",
    "person",
    "name",
    "role",
    "introducer",
    "introducer_name",
    "hops",
    "strength",
)


def _employers(employers: object) -> list[str]:
    if isinstance(employers, str) or not isinstance(employers, Iterable):
        raise InvalidParameter(f"employers must be a list of names, not {employers!r}")
    names = [str(e).strip() for e in employers]
    if not names or not all(names):
        raise InvalidParameter(f"employers must be a non-empty list of names, not {employers!r}")
    return names


def within_reach(network: Network, employer: str, *, max_hops: int = 2) -> list[str]:
    """The ids of the people at ``employer`` within ``max_hops`` of the learner.

    This is the LAMP list's *advocacy*: someone there you know (one hop), or
    someone they know (two hops).

    Examples
    --------
    >>> import coffeechat as cc
    >>> network = cc.load_sample_network()
    >>> within_reach(network, "Pulsewise")
    ['amara-nwosu', 'noor-khalil']
    >>> within_reach(network, "Pulsewise", max_hops=1)
    []
    """
    if not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")
    there = set(network.match(organization=employer))
    return sorted(there & set(reach(network, max_hops=max_hops)))


def who_to_ask(network: Network, employers: Iterable[str]) -> pd.DataFrame:
    """For each employer, the person there you can reach best, and whom to ask first.

    Parameters
    ----------
    network : Network
        The learner's network (the learner is ``network.me``).
    employers : iterable of str
        Employer names, as on a LAMP list; spelling variants such as
        "Pulsewise Inc." match, as in :meth:`Network.match`.

    Returns
    -------
    pandas.DataFrame
        One row per employer, in the order given, with :data:`ASK_COLUMNS`:
        the person's id, name and role, the contact who starts the chain
        (``introducer``; the person themself when you know them already),
        the chain's ``hops`` and ``strength``. An employer where nobody can be
        reached has blank cells (NaN for the numbers): ask your contacts who
        *might* know someone there.
    """
    if not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")
    rows = []
    for employer in _employers(employers):
        row: dict[str, object] = dict.fromkeys(ASK_COLUMNS, "")
        row.update(employer=employer, hops=math.nan, strength=math.nan)
        try:
            chain = strongest_chain(network, target=Target(organization=employer))
        except NoChainError:
            rows.append(row)
            continue
        target, first = chain.target, chain.introducer
        row.update(
            person=target.id,
            name=target.name,
            role=target.role,
            introducer=first.id,
            introducer_name=first.name,
            hops=float(chain.hops),
            strength=chain.strength,
        )
        rows.append(row)
    return pd.DataFrame(rows, columns=list(ASK_COLUMNS))


def plan_for(
    network: Network,
    employer: str,
    sent_on: date | str | None = None,
    holidays: Iterable[date | str] = (),
) -> str:
    """What to do about one employer, in plain words.

    Parameters
    ----------
    network : Network
    employer : str
    sent_on : date or ISO string, optional
        When the request goes out; then the 3B7 dates are given too.
    holidays : iterable of date or ISO string
        Days that are not business days, for the 3B7 dates.

    Examples
    --------
    >>> import coffeechat as cc
    >>> print(plan_for(cc.load_sample_network(), "Pulsewise", "2026-03-02"))
    Pulsewise: ask Lucía Moreno to introduce you to Amara Nwosu (Head of UX Research);
    the chain has 2 introductions and is 57% likely to work.
    If the request goes out on Mon 2 Mar 2026: no reply by Thu 5 Mar, write to a
    second person at Pulsewise; no reply by Wed 11 Mar, send Amara Nwosu one short
    follow-up.
    """
    asks = who_to_ask(network, [employer])
    row = asks.iloc[0]
    if not row["person"]:
        return (
            f"{employer}: nobody you can reach works there yet. Ask your contacts who might "
            "know someone there, or look for alumni; write to a stranger only as a last resort."
        )
    if row["introducer"] == row["person"]:
        first = (
            f"{employer}: you know {row['name']} ({row['role']}) already; write to them directly"
        )
    else:
        between = int(row["hops"]) - 1
        first = (
            f"{employer}: ask {row['introducer_name']} to introduce you to {row['name']} "
            f"({row['role']}); the chain has {between} introduction"
            f"{'s' if between != 1 else ''} and is {row['strength']:.0%} likely to work"
        )
    lines = [first + "."]
    if sent_on is not None:
        dates = follow_up_dates(sent_on, holidays)
        lines.append(
            f"If the request goes out on {_day(dates.sent_on)}: no reply by "
            f"{_day(dates.second_contact_on, year=False)}, write to a second person at "
            f"{employer}; no reply by {_day(dates.follow_up_on, year=False)}, send "
            f"{row['name']} one short follow-up."
        )
    return "\n".join(lines)


def _day(day: date, year: bool = True) -> str:
    text = f"{day:%a} {day.day} {day:%b}"
    return f"{text} {day.year}" if year else text
