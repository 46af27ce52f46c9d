"""Chains of introductions: who can introduce you to whom, and how well.

You may not know anyone at the company you want to learn about, but someone
you know might, or might know someone who does. A *chain* is such a route:
you → a contact → their contact → the person you want to talk to. This module
finds the best chains in a :class:`~coffeechat.contacts.Network`:

* :func:`shortest_chain` — the fewest introductions;
* :func:`strongest_chain` — the strongest ties (the largest product of tie
  strengths: a chain is only as likely to work as all its links together);
* :func:`chains` — the few best alternatives, or one per first contact;
* :func:`introducers` — which of your contacts to ask first;
* :func:`separation` — how many people are 1, 2, 3, ... hops away;
* :func:`reach_table` — everyone within a few hops, each with their shortest
  chain and whom to ask (:func:`reach` gives the same chains as ids);
* :func:`hop_counts` — how many people are 1, 2, 3, ... hops away, as a table.

A chain's length is counted in *hops*: one hop per tie, so a chain of 3 hops
needs 2 introductions (the 2 people in between).

A target is a person's id, or a :class:`Target` such as
``Target(organization="Acme")``: "whoever at Acme I can reach best".

How chains are compared: a tie of strength ``s`` costs ``-log(s)``, so the
strongest chain is the cheapest one, and a tie of strength 1.0 costs nothing
(but is still a hop). Equally strong chains are told apart by the number of
hops, and equally short ones by their strength (see :mod:`coffeechat._rank`).

Two engines find the same chains. The plain one, in this module, is ordinary
Dijkstra's algorithm over the network's adjacency — read it to see how the
search works. For networks of ``ARRAY_ENGINE_FROM`` ties or more, the array
engine (:mod:`coffeechat._csr`) takes over: the same answers, searched from
both ends at once over numpy arrays, in milliseconds on 300,000 people (see
``benchmarks/README.md``). Pass ``engine="python"`` or ``engine="arrays"`` to
choose.

Examples
--------
>>> from coffeechat.contacts import Network, Person, Tie
>>> net = Network(
...     [Person("me", "Sam Learner"), Person("ana", "Ana Ruiz", "Borealis Labs"),
...      Person("ben", "Ben Ode", "Cobalt Bank"), Person("dev", "Dev Patel"),
...      Person("carla", "Carla Diaz", "Acme", "UX Lead")],
...     [Tie("me", "ana", 0.8, "former colleague"), Tie("ana", "ben", 0.6, "classmate"),
...      Tie("ben", "carla", 0.7, "colleague"), Tie("me", "dev", 0.3, "acquaintance"),
...      Tie("dev", "carla", 0.5, "friend")],
... )
>>> print(strongest_chain(net, target=Target(organization="Acme")).explain())
You → Ana Ruiz (former colleague, strong tie) → Ben Ode (classmate, medium tie)
→ Carla Diaz, UX Lead at Acme (colleague, strong tie) — 2 introductions, 34% likely
>>> shortest_chain(net, target="carla")
Chain(me → dev → carla, hops=2, strength=0.15)
>>> [c.introducer.name for c in introducers(net, target="carla")]
['Ana Ruiz', 'Dev Patel']
"""

from __future__ import annotations

import difflib
import heapq
import itertools
import math
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from coffeechat import _csr
from coffeechat._rank import BY, MAX_PEOPLE, By, hops_limit, tie_costs, tie_keys
from coffeechat.contacts import (
    Inside,
    Network,
    Person,
    Tie,
    normalize_organization,
)
from coffeechat.errors import InvalidParameter, NoChainError

__all__ = [
    "ARRAY_ENGINE_FROM",
    "DIRECT",
    "ENGINES",
    "REACH_COLUMNS",
    "Chain",
    "Separation",
    "Target",
    "chains",
    "hop_counts",
    "introducers",
    "reach",
    "reach_table",
    "separation",
    "shortest_chain",
    "strongest_chain",
]

#: Ways to choose the search engine (see the module docstring).
ENGINES: tuple[str, ...] = ("auto", "python", "arrays")
Engine = Literal["auto", "python", "arrays"]

#: With ``engine="auto"``, networks with at least this many ties use the array engine.
ARRAY_ENGINE_FROM = 10_000

#: What the "through" column of :func:`reach_table` says for someone the source knows.
DIRECT = "you know them"

#: Columns of :func:`reach_table`, in order (the person's id is the index).
REACH_COLUMNS: tuple[str, ...] = ("name", "organization", "role", "hops", "through", "chain")

Node = Hashable
Path = list[Any]
Found = tuple[int, Path]  # a chain's key (see coffeechat._rank) and its people
Neighbours = Callable[[Any], list[tuple[Any, int]]]


# --------------------------------------------------------------------- records


@dataclass(frozen=True)
class Target:
    """Whoever matches, reached by the best chain: a company, a role, a school ...

    Give one or more criteria; a person must match all of them. Organisation
    and industry compare whole names, ignoring case, accents and legal
    suffixes ("Acme Inc." is "ACME"); role, school and name match any part of
    the text, ignoring case. ``where`` is any test of a
    :class:`~coffeechat.contacts.Person` you write yourself.

    Parameters
    ----------
    organization, role, industry, school, name : str, optional
    where : callable, optional
        ``where(person) -> bool``.

    Raises
    ------
    InvalidParameter
        If no criterion is given, or one is not a non-empty string.

    Examples
    --------
    >>> Target("Acme").describe()
    'someone at Acme'
    >>> Target(role="designer", school="Lakeside").describe()
    "someone with 'designer' in their role, from Lakeside"
    """

    organization: str | None = None
    role: str | None = None
    industry: str | None = None
    school: str | None = None
    name: str | None = None
    where: Callable[[Person], bool] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        criteria = self._criteria()
        if not criteria and self.where is None:
            raise InvalidParameter(
                "a Target needs at least one of organization, role, industry, school, "
                "name or where, e.g. Target(organization='Acme')"
            )
        for column, wanted in criteria.items():
            if not isinstance(wanted, str) or not wanted.strip():
                raise InvalidParameter(
                    f"Target {column} must be a non-empty string, not {wanted!r}"
                )
        if self.where is not None and not callable(self.where):
            raise InvalidParameter(
                f"Target where must be a function of a Person, not {self.where!r}"
            )

    def _criteria(self) -> dict[str, str]:
        columns = ("organization", "role", "industry", "school", "name")
        return {c: getattr(self, c) for c in columns if getattr(self, c) is not None}

    def match(self, network: Network) -> list[str]:
        """Ids of the people in ``network`` who match, in the network's order."""
        criteria = self._criteria()
        ids = (
            network.match(**criteria) if criteria else [str(i) for i in network.inside.people.index]
        )
        if self.where is not None:
            ids = [pid for pid in ids if self.where(network.person(pid))]
        return ids

    def describe(self) -> str:
        """The target in words, such as ``'someone at Acme'``."""
        parts = []
        if self.organization is not None:
            parts.append(f"at {self.organization}")
        if self.role is not None:
            parts.append(f"with {self.role!r} in their role")
        if self.industry is not None:
            parts.append(f"in {self.industry}")
        if self.school is not None:
            parts.append(f"from {self.school}")
        if self.name is not None:
            parts.append(f"named like {self.name!r}")
        if self.where is not None:
            test = getattr(self.where, "__name__", "<lambda>")
            parts.append(
                "who passes your test" if test == "<lambda>" else f"for whom {test} is true"
            )
        return "someone " + ", ".join(parts)


@dataclass(frozen=True, repr=False)
class Chain:
    """A chain of introductions, from the person who asks to the person they want to meet.

    Parameters
    ----------
    persons : tuple of Person
        Everyone on the chain, the source first.
    ties : tuple of Tie
        The tie between each person and the next, each oriented along the
        chain (``ties[i].source`` is ``persons[i].id``).
    me : str, optional
        The learner's id, so that :meth:`explain` can say "You".

    Attributes
    ----------
    ids : tuple of str
        The ids on the chain, the source first (``persons`` holds the
        :class:`~coffeechat.contacts.Person` records; a network's ``people``
        is its table of people).
    hops : int
        The number of ties; one fewer introductions are needed.
    strength : float
        The product of the tie strengths: a rough chance that every link
        passes the request on.

    Raises
    ------
    InvalidParameter
        If ``ties`` do not join ``persons`` one after another.
    """

    persons: tuple[Person, ...]
    ties: tuple[Tie, ...]
    me: str | None = None

    def __post_init__(self) -> None:
        if len(self.persons) < 2 or len(self.ties) != len(self.persons) - 1:
            raise InvalidParameter(
                f"a chain needs at least two people and one tie between each pair, "
                f"not {len(self.persons)} people and {len(self.ties)} ties"
            )
        for a, b, tie in zip(self.persons, self.persons[1:], self.ties, strict=False):
            if (tie.source, tie.target) != (a.id, b.id):
                raise InvalidParameter(
                    f"tie {tie.source!r}–{tie.target!r} does not join {a.id!r} to {b.id!r}"
                )

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.persons)

    @property
    def hops(self) -> int:
        return len(self.ties)

    @property
    def introductions(self) -> int:
        """How many introductions the chain needs (``hops - 1``)."""
        return len(self.ties) - 1

    @property
    def strength(self) -> float:
        return math.prod(t.strength for t in self.ties)

    @property
    def source(self) -> Person:
        """The person who asks."""
        return self.persons[0]

    @property
    def target(self) -> Person:
        """The person at the end of the chain."""
        return self.persons[-1]

    @property
    def introducer(self) -> Person:
        """The first person to ask: the source's contact who starts the chain."""
        return self.persons[1]

    def explain(self) -> str:
        """The chain in plain words.

        Examples
        --------
        >>> ana, ben = Person("ana", "Ana Ruiz"), Person("ben", "Ben Ode", "Acme", "Analyst")
        >>> Chain((ana, ben), (Tie("ana", "ben", 0.5, "classmate"),)).explain()
        'Ana Ruiz → Ben Ode, Analyst at Acme (classmate, medium tie)
         — no introduction needed, 50% likely'
        """
        first = "You" if self.persons[0].id == self.me else self.persons[0].name
        steps = [first]
        for person, tie in zip(self.persons[1:-1], self.ties, strict=False):
            steps.append(f"{person.name} ({tie.describe()})")
        steps.append(f"{self.persons[-1].describe()} ({self.ties[-1].describe()})")
        n = self.introductions
        needed = {0: "no introduction needed", 1: "1 introduction"}.get(n, f"{n} introductions")
        likely = f"{self.strength:.0%}" if self.strength >= 0.005 else "under 1%"
        return " → ".join(steps) + f" — {needed}, {likely} likely"

    def __str__(self) -> str:
        return self.explain()

    def __repr__(self) -> str:
        return f"Chain({' → '.join(self.ids)}, hops={self.hops}, strength={self.strength:.3g})"


@dataclass(frozen=True)
class Separation:
    """How far everyone else in a network is from one person, in hops.

    Parameters
    ----------
    source : str
        Whose point of view.
    counts : dict of int to int
        ``counts[d]`` is how many people are exactly ``d`` hops away (``d >= 1``).
    others : int
        How many people the network holds besides the source.

    Examples
    --------
    >>> s = Separation("me", {1: 2, 2: 3}, others=6)
    >>> s.reached, s.unreachable, s.average, s.farthest
    (5, 1, 1.6, 2)
    >>> round(s.within_six, 3)
    0.833
    """

    source: str
    counts: dict[int, int]
    others: int

    @property
    def reached(self) -> int:
        """How many people some chain reaches."""
        return sum(self.counts.values())

    @property
    def unreachable(self) -> int:
        """How many people no chain reaches."""
        return self.others - self.reached

    @property
    def average(self) -> float:
        """The average number of hops to the people reached (nan if none)."""
        if not self.reached:
            return math.nan
        return sum(d * c for d, c in self.counts.items()) / self.reached

    @property
    def farthest(self) -> int:
        """The most hops anyone reached is away (0 if nobody is reached)."""
        return max(self.counts, default=0)

    def within(self, max_hops: int) -> float:
        """The share of everyone else who is at most ``max_hops`` hops away."""
        if not self.others:
            return 0.0
        return sum(c for d, c in self.counts.items() if d <= max_hops) / self.others

    @property
    def within_six(self) -> float:
        """The share of everyone else within six hops ("six degrees")."""
        return self.within(6)

    def explain(self) -> str:
        """The distances in plain words.

        Examples
        --------
        >>> print(Separation("me", {1: 2, 2: 3}, others=6).explain())
        Out of 6 other people, 5 can be reached: 2 in 1 hop, 3 in 2 hops.
        On average they are 1.6 hops away; 83% of everyone else is within six hops.
        """
        by_step = ", ".join(f"{c:,} in {_hops(d)}" for d, c in sorted(self.counts.items()))
        people = "person" if self.others == 1 else "people"
        text = f"Out of {self.others:,} other {people}, {self.reached:,} can be reached"
        text += f": {by_step}." if by_step else "."
        if self.reached:
            text += (
                f"\nOn average they are {self.average:.1f} hops away; "
                f"{self.within_six:.0%} of everyone else is within six hops."
            )
        return text


# ---------------------------------------------------------------- public API


def shortest_chain(
    network: Network,
    source: str | Person | Target | None = None,
    target: str | Person | Target | None = None,
    *,
    engine: Engine = "auto",
) -> Chain:
    """The chain with the fewest introductions (the strongest of those if several).

    Parameters
    ----------
    network : Network
    source : str or Person, optional
        Who asks; by default the learner.
    target : str, Person or Target
        The person (or kind of person) to reach.
    engine : {"auto", "python", "arrays"}
        Which search to use; both give equally good chains.

    Returns
    -------
    Chain

    Raises
    ------
    PersonNotFound
        If the source or target id is not in the network.
    NoChainError
        If no chain reaches the target, or nobody matches a Target; the
        message says how many people the source can reach.
    InvalidParameter
        If the target is missing or is the source itself.

    Examples
    --------
    >>> from coffeechat.contacts import Network, Person, Tie
    >>> net = Network([Person("me", "Sam"), Person("a", "Ana"), Person("b", "Ben")],
    ...               [Tie("me", "a", 0.9, "friend"), Tie("a", "b", 0.4, "classmate")])
    >>> shortest_chain(net, target="b").ids
    ('me', 'a', 'b')
    >>> shortest_chain(net, source="b", target="me").ids
    ('b', 'a', 'me')
    """
    query = _Query.make(network, source, target, engine)
    return query.chain(query.best("hops"))


def strongest_chain(
    network: Network,
    source: str | Person | Target | None = None,
    target: str | Person | Target | None = None,
    *,
    engine: Engine = "auto",
) -> Chain:
    """The chain whose ties are strongest together (largest product of strengths).

    Parameters, return value and errors are as in :func:`shortest_chain`. If
    several chains are equally strong, the one with fewest hops is returned.

    Examples
    --------
    >>> from coffeechat.contacts import Network, Person, Tie
    >>> net = Network([Person("me", "Sam"), Person("a", "Ana"), Person("b", "Ben"),
    ...                Person("c", "Cy")],
    ...               [Tie("me", "c", 0.2, "online"), Tie("me", "a", 0.9, "friend"),
    ...                Tie("a", "b", 0.9, "friend"), Tie("b", "c", 0.9, "friend")])
    >>> strongest_chain(net, target="c")
    Chain(me → a → b → c, hops=3, strength=0.729)
    """
    query = _Query.make(network, source, target, engine)
    return query.chain(query.best("strength"))


def chains(
    network: Network,
    source: str | Person | Target | None = None,
    target: str | Person | Target | None = None,
    *,
    k: int = 5,
    by: By = "strength",
    max_hops: int | None = None,
    distinct_first: bool = False,
    engine: Engine = "auto",
) -> list[Chain]:
    """The ``k`` best chains to the target, best first; no chain visits anyone twice.

    Parameters
    ----------
    network, source, target, engine
        As in :func:`shortest_chain`.
    k : int
        How many chains at most (fewer if fewer exist).
    by : {"strength", "hops"}
        Best means strongest (then fewest hops), or fewest hops (then strongest).
    max_hops : int, optional
        Only chains of at most this many hops (ties).
    distinct_first : bool
        If True, every chain starts with a different contact of the source
        and, after that first step, passes none of the source's other
        contacts (a chain "Ana, then Ben" is no plan B when you could ask Ben
        yourself): "if Ana can't help, whom else could I ask?"

    Returns
    -------
    list of Chain

    Raises
    ------
    NoChainError
        If there is no chain at all (within ``max_hops``).
    InvalidParameter
        If ``k < 1``, ``by`` is unknown or ``max_hops < 1``.

    Examples
    --------
    >>> from coffeechat.contacts import Network, Person, Tie
    >>> net = Network([Person("me", "Sam"), Person("a", "Ana"), Person("b", "Ben"),
    ...                Person("c", "Cy")],
    ...               [Tie("me", "a", 0.9, "friend"), Tie("me", "b", 0.5, "colleague"),
    ...                Tie("a", "b", 0.8, "friend"), Tie("a", "c", 0.6, "colleague"),
    ...                Tie("b", "c", 0.7, "colleague")])
    >>> chains(net, target="c", k=3)
    [Chain(me → a → c, hops=2, strength=0.54),
     Chain(me → a → b → c, hops=3, strength=0.504),
     Chain(me → b → c, hops=2, strength=0.35)]
    >>> [c.introducer.name for c in chains(net, target="c", distinct_first=True)]
    ['Ana', 'Ben']
    """
    k = _positive_int(k, "k")
    by = _by(by)
    max_hops = None if max_hops is None else _positive_int(max_hops, "max_hops")
    if not isinstance(distinct_first, bool):
        raise InvalidParameter(f"distinct_first must be True or False, not {distinct_first!r}")
    query = _Query.make(network, source, target, engine)
    if distinct_first:
        found = query.one_per_contact(by, k, max_hops)
    else:
        found = _k_best(query, by, k, max_hops)
    if not found:
        raise query.no_chain(max_hops)
    return [query.chain(f) for f in found]


def introducers(
    network: Network,
    source: str | Person | Target | None = None,
    target: str | Person | Target | None = None,
    *,
    by: By = "strength",
    max_hops: int | None = None,
    engine: Engine = "auto",
) -> list[Chain]:
    """The source's contacts who can start a chain to the target, best chain first.

    Each contact appears once, with the best chain that starts with them
    (:attr:`Chain.introducer`) and then passes none of the source's other
    contacts, as with ``chains(..., distinct_first=True)``. Contacts with no
    such chain to the target are left out. Parameters are as in :func:`chains`.

    Returns
    -------
    list of Chain

    Raises
    ------
    NoChainError
        If none of the source's contacts can reach the target.

    Examples
    --------
    >>> from coffeechat.contacts import Network, Person, Tie
    >>> net = Network([Person("me", "Sam"), Person("a", "Ana"), Person("b", "Ben"),
    ...                Person("c", "Cy", "Acme")],
    ...               [Tie("me", "a", 0.9, "friend"), Tie("me", "b", 0.5, "colleague"),
    ...                Tie("a", "c", 0.3, "alumni"), Tie("b", "c", 0.8, "colleague")])
    >>> for chain in introducers(net, target=Target("Acme")):
    ...     print(chain.introducer.name, f"{chain.strength:.2f}")
    Ben 0.40
    Ana 0.27
    """
    by = _by(by)
    max_hops = None if max_hops is None else _positive_int(max_hops, "max_hops")
    query = _Query.make(network, source, target, engine)
    found = query.one_per_contact(by, None, max_hops)
    if not found:
        raise query.no_chain(max_hops)
    return [query.chain(f) for f in found]


def separation(
    network: Network,
    source: str | Person | None = None,
    *,
    engine: Engine = "auto",
) -> Separation:
    """How many people are 1, 2, 3, ... hops from the source ("degrees of separation").

    Parameters
    ----------
    network : Network
    source : str or Person, optional
        Whose point of view; by default the learner.
    engine : {"auto", "python", "arrays"}

    Returns
    -------
    Separation

    Raises
    ------
    PersonNotFound
        If the source is not in the network.

    Examples
    --------
    >>> from coffeechat.contacts import Network, Person, Tie
    >>> net = Network([Person("me", "Sam"), Person("a", "Ana"), Person("b", "Ben"),
    ...                Person("c", "Cy")],
    ...               [Tie("me", "a", 0.9, "friend"), Tie("a", "b", 0.4, "classmate")])
    >>> s = separation(net)
    >>> s.counts, s.unreachable, round(s.average, 2)
    ({1: 1, 2: 1}, 1, 1.5)
    """
    _check_network(network)
    source_id = _person_id(network, network.me if source is None else source, "source")
    search = _engine(network, engine)
    counts = search.hop_counts(search.nodes([source_id])[0])
    return Separation(
        source=source_id,
        counts={d: c for d, c in enumerate(counts) if d and c},
        others=len(network) - 1,
    )


def reach(
    network: Network,
    source: str | Person | None = None,
    *,
    max_hops: int | None = None,
    engine: Engine = "auto",
) -> dict[str, tuple[str, ...]]:
    """Everyone the source can reach, each with the shortest chain to them.

    Of several shortest chains to someone, the strongest is given, as by
    :func:`shortest_chain` (of equally strong ones, the one whose last
    introducer has the smaller id, on either engine). This is one
    breadth-first search, one level of hops at a time, over the whole network.

    Parameters
    ----------
    network : Network
    source : str or Person, optional
        Whose point of view; by default the learner.
    max_hops : int, optional
        Only people at most this many hops away.
    engine : {"auto", "python", "arrays"}

    Returns
    -------
    dict of str to tuple of str
        For each person reached (not the source), the ids on their chain,
        the source first; nearest people first.

    Raises
    ------
    PersonNotFound
        If the source is not in the network.
    InvalidParameter
        If ``max_hops`` is not a whole number of at least 1.

    Examples
    --------
    >>> from coffeechat.contacts import Network, Person, Tie
    >>> net = Network([Person("me", "Sam"), Person("a", "Ana"), Person("b", "Ben"),
    ...                Person("c", "Cy")],
    ...               [Tie("me", "a", 0.9, "friend"), Tie("me", "b", 0.3, "online"),
    ...                Tie("a", "c", 0.5, "colleague"), Tie("b", "c", 0.9, "friend")])
    >>> reach(net)
    {'a': ('me', 'a'), 'b': ('me', 'b'), 'c': ('me', 'a', 'c')}
    >>> reach(net, "c", max_hops=1)
    {'a': ('c', 'a'), 'b': ('c', 'b')}
    """
    _check_network(network)
    source_id = _person_id(network, network.me if source is None else source, "source")
    max_hops = None if max_hops is None else _positive_int(max_hops, "max_hops")
    return _engine(network, engine).reach_chains(source_id, max_hops)


def reach_table(
    network: Network,
    source: str | Person | None = None,
    *,
    max_hops: int = 2,
    organization: str | None = None,
    engine: Engine = "auto",
) -> pd.DataFrame:
    """Who can be reached within ``max_hops`` hops, and through whom.

    One hop is someone you know; two hops is someone they know, and so on.
    For each person the table gives the chain with the fewest hops — and
    among chains equally short, the strongest, because a warm chain is the
    one most likely to work: the very chain :func:`shortest_chain` gives.

    Parameters
    ----------
    network : Network
        The network to look in.
    source : str or Person, optional
        Whose point of view; by default the learner (``network.me``).
    max_hops : int, default 2
        How many hops to allow (1 = people you know).
    organization : str, optional
        Keep only people at this organisation. Names compare as in
        :meth:`Network.match`, so "Acme Inc." finds "ACME".
    engine : {"auto", "python", "arrays"}

    Returns
    -------
    pandas.DataFrame
        Indexed by person id, with columns ``name, organization, role,
        hops, through, chain``, nearest first then by name. ``through`` is
        the person you know who starts the chain ("you know them" for a
        direct contact); ``chain`` spells out the whole chain by name.

    Raises
    ------
    InvalidParameter
        If ``max_hops`` is not a whole number of at least 1, or nobody in
        the network works at ``organization``.
    PersonNotFound
        If ``source`` is not in the network.

    Examples
    --------
    >>> from coffeechat.contacts import Network, Person, Tie
    >>> net = Network(
    ...     [Person("me", "Sam"), Person("a", "Ana", "Acme"), Person("b", "Ben", "Acme"),
    ...      Person("c", "Cy", "Borealis")],
    ...     [Tie("me", "a", 0.9, "friend"), Tie("me", "c", 0.2, "online"),
    ...      Tie("a", "b", 0.5, "colleague"), Tie("c", "b", 0.9, "friend")],
    ... )
    >>> reach_table(net, max_hops=2, organization="ACME")[["hops", "through", "chain"]]
        hops        through              chain
    id
    a      1  you know them          You → Ana
    b      2            Ana    You → Ana → Ben
    """
    _check_network(network)
    source_id = _person_id(network, network.me if source is None else source, "source")
    max_hops = _positive_int(max_hops, "max_hops")
    wanted: set[str] | None = None
    if organization is not None:
        if not isinstance(organization, str):
            raise InvalidParameter(f"organization must be a string, not {organization!r}")
        wanted = set(network.match(organization=organization))
        if not wanted:
            raise InvalidParameter(f"nobody in this network works at {organization!r}")
    found = _engine(network, engine).reach_chains(source_id, max_hops)
    return _reach_frame(network, source_id, found, wanted)


def _reach_frame(
    network: Network,
    source: str,
    found: dict[str, tuple[str, ...]],
    wanted: set[str] | None,
) -> pd.DataFrame:
    people = network.inside.people
    me_label = "You" if source == network.me else str(people.at[source, "name"])
    rows = []
    for person, ids in found.items():
        if wanted is not None and person not in wanted:
            continue
        hops = len(ids) - 1
        names = [me_label] + [str(people.at[i, "name"]) for i in ids[1:]]
        rows.append(
            {
                "id": person,
                "name": names[-1],
                "organization": people.at[person, "organization"],
                "role": people.at[person, "role"],
                "hops": hops,
                "through": DIRECT if hops == 1 else names[1],
                "chain": " → ".join(names),
            }
        )
    frame = pd.DataFrame(rows, columns=["id", *REACH_COLUMNS])
    frame["hops"] = frame["hops"].astype("int64")
    frame = frame.sort_values(["hops", "name", "id"], kind="stable")
    return frame.set_index("id")


def hop_counts(
    network: Network,
    source: str | Person | None = None,
    *,
    engine: Engine = "auto",
) -> pd.DataFrame:
    """How many people are 1, 2, 3, ... hops away — the "degrees of separation".

    The same counts as :func:`separation`, as a table.

    Parameters
    ----------
    network : Network
        The network to count in.
    source : str or Person, optional
        Whose point of view; by default the learner (``network.me``).
    engine : {"auto", "python", "arrays"}

    Returns
    -------
    pandas.DataFrame
        Indexed by the number of hops, with columns ``people`` (how
        many are exactly that far), ``within reach`` (how many are that far
        or nearer) and ``share of network`` (that number as a percentage of
        everyone else in the network). A last share below 100 means some
        people cannot be reached by any chain at all.

    Raises
    ------
    PersonNotFound
        If ``source`` is not in the network.

    Examples
    --------
    >>> from coffeechat.contacts import Network, Person, Tie
    >>> net = Network(
    ...     [Person("me", "Sam"), Person("a", "Ana"), Person("b", "Ben"),
    ...      Person("c", "Cy"), Person("d", "Dee")],
    ...     [Tie("me", "a", 0.9, "friend"), Tie("a", "b", 0.5, "colleague"),
    ...      Tie("a", "c", 0.5, "colleague")],
    ... )
    >>> hop_counts(net)
          people  within reach  share of network
    hops
    1          1             1              25.0
    2          2             3              75.0
    """
    found = separation(network, source, engine=engine)
    hops = sorted(found.counts)
    people = [found.counts[d] for d in hops]
    within = list(itertools.accumulate(people))
    return pd.DataFrame(
        {
            "people": pd.Series(people, dtype="int64"),
            "within reach": pd.Series(within, dtype="int64"),
            "share of network": [round(100 * w / found.others, 1) for w in within],
        }
    ).set_axis(pd.Index(hops, dtype="int64", name="hops"))


# ------------------------------------------------------------ the plain engine


class _PythonEngine:
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
        return _dijkstra(neighbours, source, goals, **options)

    def hop_counts(self, source: Node) -> list[int]:
        steps, _ = _bfs(self.adjacency, self.costs.tolist(), source)
        counts = [0] * (max(steps.values()) + 1)
        for d in steps.values():
            counts[d] += 1
        return counts

    def reach(self, source: Node, goals: Collection[Node]) -> tuple[int, list[tuple[int, Node]]]:
        steps, _ = _bfs(self.adjacency, self.costs.tolist(), source)
        return len(steps) - 1, sorted((steps[g], g) for g in goals if g in steps)

    def reach_chains(self, source: str, max_hops: int | None) -> dict[str, tuple[str, ...]]:
        """The chain of :func:`reach` to everyone within ``max_hops``, nearest first."""
        steps, previous = _bfs(self.adjacency, self.costs.tolist(), source, max_hops)
        found: dict[str, tuple[str, ...]] = {}
        for person in itertools.islice(steps, 1, None):  # nearest first: the one before is in
            found[person] = found.get(previous[person], (source,)) + (person,)
        return found


def _bfs(
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


def _dijkstra(
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
    :func:`_bfs`, so that :func:`reach` and :func:`shortest_chain` name the
    same introducers). A chain stops
    at the first goal it meets, never passes through ``blocked`` people, and
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
            return key, _unwind(previous, (person, steps))
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


def _unwind(previous: dict[Any, Any], state: Any) -> Path:
    path = []
    while state is not None:
        path.append(state[0])
        state = previous[state]
    return path[::-1]


def _k_best(query: _Query, by: By, k: int, max_hops: int | None) -> list[Found]:
    """Yen's algorithm: the ``k`` best simple chains, best first.

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
    candidates: list[tuple[int, int, tuple[Node, ...]]] = []
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


# ------------------------------------------------------------ the array engine


class _ArrayEngine:
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
            return _dijkstra(
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
        """As :meth:`_PythonEngine.reach_chains`, from the numpy search of the same chains."""
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


# ------------------------------------------------------------------- queries


def _engine(network: Network, engine: object) -> _PythonEngine | _ArrayEngine:
    if engine not in ENGINES:
        raise InvalidParameter(
            f"engine must be one of {', '.join(map(repr, ENGINES))}, not {engine!r}"
        )
    if len(network) >= MAX_PEOPLE:
        raise InvalidParameter(f"path search handles networks of under {MAX_PEOPLE:,} people")
    if engine == "arrays" or (engine == "auto" and network.number_of_ties >= ARRAY_ENGINE_FROM):
        return _ArrayEngine(network)
    return _PythonEngine(network)


@dataclass
class _Query:
    """One question: chains from ``source`` to any of ``goals``, on one engine."""

    network: Network
    engine: Any
    source_id: str
    target: str | Target  # a person id, or what the goals match
    source: Node  # source_id, as the engine knows it
    goals: frozenset[Node]

    @classmethod
    def make(cls, network: Network, source: object, target: object, engine: object) -> _Query:
        _check_network(network)
        if target is None:
            raise InvalidParameter(
                "say whom to reach: target= a person's id, or a Target such as "
                "Target(organization='Acme'), e.g. shortest_chain(net, target='carla')"
            )
        source_id = _person_id(network, network.me if source is None else source, "source")
        if isinstance(target, Target):
            goal_ids = [pid for pid in target.match(network) if pid != source_id]
            if not goal_ids:
                raise NoChainError(_nobody_matches(network, target, source_id))
        else:
            goal_ids = [_person_id(network, target, "target")]
            if goal_ids[0] == source_id:
                raise InvalidParameter(f"the target {source_id!r} is the source itself")
        search = _engine(network, engine)
        return cls(
            network,
            search,
            source_id,
            target if isinstance(target, Target) else goal_ids[0],
            search.nodes([source_id])[0],
            frozenset(search.nodes(goal_ids)),
        )

    def search(self, neighbours: Neighbours, by: By, start: Node, **options: Any) -> Found | None:
        return self.engine.search(neighbours, by, start, self.goals, **options)

    def best(self, by: By) -> Found:
        found = self.search(self.engine.neighbours(by), by, self.source)
        if found is None:
            raise self.no_chain(None)
        return found

    def one_per_contact(self, by: By, k: int | None, max_hops: int | None) -> list[Found]:
        """The best chain through each contact of the source, best first.

        After its first step a chain avoids the source's other contacts: a
        chain "Tomás, then Lucía" is no plan B when you could ask Lucía
        yourself.
        """
        neighbours = self.engine.neighbours(by)
        first = list(neighbours(self.source))
        contacts = frozenset(person for person, _ in first)
        found: list[Found] = []
        for contact, tie_key in first:
            if contact in self.goals:
                found.append((tie_key, [self.source, contact]))
                continue
            if max_hops == 1:
                continue
            blocked = (contacts - {contact}) | {self.source}
            goals = self.goals - blocked
            if not goals:  # every match is another contact: ask them yourself
                continue
            rest = self.engine.search(
                neighbours,
                by,
                contact,
                goals,
                blocked=blocked,
                max_hops=None if max_hops is None else max_hops - 1,
            )
            if rest is not None:
                found.append((tie_key + rest[0], [self.source, *rest[1]]))
        found.sort(key=lambda f: f[0])
        return found if k is None else found[:k]

    def people(self, path: Path) -> tuple[Person, ...]:
        """The people at these nodes, as records."""
        people = self.engine.columns()[0]
        return tuple(
            Inside.person(str(people["id"][i]), {c: values[i] for c, values in people.items()})
            for i in self.engine.people_rows(path)
        )

    def chain(self, found: Found) -> Chain:
        persons = self.people(found[1])
        ids = [p.id for p in persons]
        ties = self.engine.columns()[1]
        links = tuple(
            Tie(
                a,
                b,
                float(ties["strength"][i]),
                ties["kind"][i],
                ties["met_on"][i],
                ties["last_contact"][i],
            )
            for (a, b), i in zip(
                itertools.pairwise(ids), self.engine.tie_rows(found[1]), strict=True
            )
        )
        return Chain(persons, links, me=self.network.me)

    def no_chain(self, max_hops: int | None) -> NoChainError:
        network = self.network
        reached, nearest = self.engine.reach(self.source, self.goals)
        who = "you" if self.source_id == network.me else network.person(self.source_id).name
        if isinstance(self.target, Target):
            what = self.target.describe()
        else:
            what = network.person(self.target).describe()
        within = "" if max_hops is None else f" of at most {_hops(max_hops)}"
        message = (
            f"no chain{within} links {who} to {what}: {who} can reach "
            f"{reached:,} of the {len(network) - 1:,} other people"
        )
        if nearest:
            steps, goal = nearest[0]
            name = self.people([goal])[0].describe()
            message += f"; the nearest match is {name}, {_hops(steps)} away"
        elif isinstance(self.target, Target):
            message += f", and none of the {len(self.goals):,} people who match is among them"
        else:
            message += ", and this person is not among them"
        return NoChainError(message)


def _check_network(network: object) -> None:
    if not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")


def _person_id(network: Network, person: object, role: str) -> str:
    if isinstance(person, Person):
        person = person.id
    if not isinstance(person, str):
        kinds = (
            "a person id, a Person or a Target" if role == "target" else "a person id or a Person"
        )
        raise InvalidParameter(f"the {role} must be {kinds}, not {person!r}")
    if person not in network:
        network.person(person)  # raises PersonNotFound, suggesting close ids and names
    return person


def _nobody_matches(network: Network, target: Target, source_id: str) -> str:
    if target.match(network):
        who = "you" if source_id == network.me else repr(source_id)
        return f"nobody but {who} matches {target.describe()!r}"
    message = f"nobody in this network matches {target.describe()!r}"
    if target.organization is not None:
        names: dict[str, str] = {}
        for name in network.inside.people["organization"].unique():
            if name:
                names.setdefault(normalize_organization(name), name)
        close = difflib.get_close_matches(normalize_organization(target.organization), names, n=3)
        if close:
            message += "; did you mean " + ", ".join(repr(names[c]) for c in close) + "?"
    return message


def _hops(n: int) -> str:
    return "1 hop" if n == 1 else f"{n} hops"


def _positive_int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidParameter(f"{name} must be a whole number of at least 1, not {value!r}")
    return value


def _by(by: object) -> By:
    if by not in BY:
        raise InvalidParameter(f"by must be 'strength' or 'hops', not {by!r}")
    return by  # type: ignore[return-value]
