"""Chains of introductions: who can introduce you to whom, and how well.

You may not know anyone at the company you want to learn about, but someone
you know might, or might know someone who does. A *chain* is such a route:
you → a contact → their contact → the person you want to talk to. This module
finds the best chains in a :class:`~coffeechat.contacts.Network`:

* :func:`shortest_chain` — the fewest introductions;
* :func:`strongest_chain` — the strongest ties (the largest product of tie
  strengths: a chain is only as strong as all its links together);
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

Two engines find the same chains (:mod:`coffeechat._engines`). The plain one
is ordinary breadth-first search and Dijkstra's algorithm over the network's
adjacency — read it to see how the search works. For networks of
``ARRAY_ENGINE_FROM`` ties or more, the array engine (:mod:`coffeechat._csr`)
takes over: the same answers, searched from
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
→ Carla Diaz, UX Lead at Acme (colleague, strong tie) — 2 introductions, a stronger chain
>>> shortest_chain(net, target="carla")
Chain(me → dev → carla, hops=2, strength=0.15)
>>> [c.introducer.name for c in introducers(net, target="carla")]
['Ana Ruiz', 'Dev Patel']
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from coffeechat._alternatives import k_best
from coffeechat._args import checked, plural, whole_number
from coffeechat._chains import Chain, Separation, Target
from coffeechat._engines import ArrayEngine, PythonEngine
from coffeechat._rank import BY, MAX_PEOPLE, By
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


# ---------------------------------------------------------------- public API


@checked
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


@checked
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


@checked
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
    k = whole_number(k, "k")
    by = _by(by)
    max_hops = None if max_hops is None else whole_number(max_hops, "max_hops")
    if not isinstance(distinct_first, bool):
        raise InvalidParameter(f"distinct_first must be True or False, not {distinct_first!r}")
    query = _Query.make(network, source, target, engine)
    if distinct_first:
        found = query.one_per_contact(by, k, max_hops)
    else:
        found = k_best(query, by, k, max_hops)
    if not found:
        raise query.no_chain(max_hops)
    return [query.chain(f) for f in found]


@checked
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
    max_hops = None if max_hops is None else whole_number(max_hops, "max_hops")
    query = _Query.make(network, source, target, engine)
    found = query.one_per_contact(by, None, max_hops)
    if not found:
        raise query.no_chain(max_hops)
    return [query.chain(f) for f in found]


@checked
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
    source_id = _person_id(network, network.me if source is None else source, "source")
    search = _engine(network, engine)
    counts = search.hop_counts(search.nodes([source_id])[0])
    return Separation(
        source=source_id,
        counts={d: c for d, c in enumerate(counts) if d and c},
        others=len(network) - 1,
    )


@checked
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
    source_id = _person_id(network, network.me if source is None else source, "source")
    max_hops = None if max_hops is None else whole_number(max_hops, "max_hops")
    return _engine(network, engine).reach_chains(source_id, max_hops)


@checked
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
    source_id = _person_id(network, network.me if source is None else source, "source")
    max_hops = whole_number(max_hops, "max_hops")
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


@checked
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


# ------------------------------------------------------------------- queries


def _engine(network: Network, engine: object) -> PythonEngine | ArrayEngine:
    if engine not in ENGINES:
        raise InvalidParameter(
            f"engine must be one of {', '.join(map(repr, ENGINES))}, not {engine!r}"
        )
    if len(network) >= MAX_PEOPLE:
        raise InvalidParameter(f"path search handles networks of under {MAX_PEOPLE:,} people")
    if engine == "arrays" or (engine == "auto" and network.number_of_ties >= ARRAY_ENGINE_FROM):
        return ArrayEngine(network)
    return PythonEngine(network)


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
    return plural(n, "hop")


def _by(by: object) -> By:
    if by not in BY:
        raise InvalidParameter(f"by must be 'strength' or 'hops', not {by!r}")
    return by  # type: ignore[return-value]
