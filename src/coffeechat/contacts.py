"""The contact model: people, the ties between them, and the learner's network.

A :class:`Network` holds people and ties as two pandas tables, so that it stays
small and quick even for a second-degree network of 300,000 people. Single
records come out as frozen dataclasses, :class:`Person` and :class:`Tie`, and
the whole network is also available as a networkx graph.

Examples
--------
>>> import pandas as pd
>>> people = pd.DataFrame({
...     "id": ["me", "ana", "ben"],
...     "name": ["Sam Learner", "Ana Ruiz", "Ben Ode"],
...     "organization": ["", "Acme Inc.", "Borealis Labs"],
...     "role": ["Student", "UX Lead", "Data Analyst"],
... })
>>> ties = pd.DataFrame({
...     "source": ["me", "ana"],
...     "target": ["ana", "ben"],
...     "strength": [0.8, 0.3],
...     "kind": ["former colleague", "classmate"],
... })
>>> net = Network.from_frames(people, ties, me="me")
>>> net
Network(3 people, 2 ties, me='me')
>>> [p.name for p in net.find(organization="ACME")]
['Ana Ruiz']
>>> net.tie("ben", "ana").kind
'classmate'
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from coffeechat._args import items
from coffeechat._cleaning import clean_people, clean_ties, map_values, merge_skipped
from coffeechat._kinds import (
    DEFAULT_STRENGTH,
    PERSON_COLUMNS,
    TIE_COLUMNS,
    TIE_KINDS,
    fold,
    normalize_kind,
    normalize_organization,
    strength_label,
)
from coffeechat._tables import Errors, Origin, Problems, check_errors
from coffeechat.errors import ContactDataError, InvalidParameter, PersonNotFound

__all__ = [
    "DEFAULT_STRENGTH",
    "PERSON_COLUMNS",
    "Inside",
    "TIE_COLUMNS",
    "TIE_KINDS",
    "Network",
    "Person",
    "Tie",
    "normalize_kind",
    "normalize_organization",
    "strength_label",
]


@dataclass(frozen=True)
class Person:
    """One person in a network.

    Parameters
    ----------
    id : str
        A unique, stable identifier (the learner is usually ``"me"``).
    name : str
        The person's name as they write it.
    organization, role, industry, location, school, email : str
        What we know of them; empty when unknown.
    tags : tuple of str
        Free labels, for instance Google Contacts labels.
    """

    id: str
    name: str
    organization: str = ""
    role: str = ""
    industry: str = ""
    location: str = ""
    school: str = ""
    email: str = ""
    tags: tuple[str, ...] = field(default=())

    def describe(self) -> str:
        """Name, role and organisation in one phrase.

        Examples
        --------
        >>> Person("c", "Carla Diaz", "Acme", "UX Lead").describe()
        'Carla Diaz, UX Lead at Acme'
        """
        if self.role and self.organization:
            return f"{self.name}, {self.role} at {self.organization}"
        if self.role or self.organization:
            return f"{self.name}, {self.role or self.organization}"
        return self.name


@dataclass(frozen=True)
class Tie:
    """An undirected tie between two people.

    Parameters
    ----------
    source, target : str
        The ids of the two people; the order carries no meaning.
    strength : float
        How likely this person is to help, in (0, 1]; 1.0 is the strongest.
    kind : str
        How the two know each other, one of :data:`TIE_KINDS`.
    met_on, last_contact : datetime.date or None
        When they met and when they were last in touch, if known.
    """

    source: str
    target: str
    strength: float
    kind: str = "acquaintance"
    met_on: date | None = None
    last_contact: date | None = None

    def other(self, person_id: str) -> str:
        """The id at the other end of the tie from ``person_id``."""
        return self.target if person_id == self.source else self.source

    def describe(self) -> str:
        """Kind and strength in words, such as ``'classmate, weak tie'``."""
        return f"{self.kind}, {strength_label(self.strength)}"


class Inside:
    """Read-only access to a network's own tables, for the library's modules.

    :mod:`coffeechat.paths`, its array engine and the widgets search the
    network's tables directly rather than through copies; they reach them
    here (``network.inside``) and never through the network's private
    attributes. Nothing here may be changed: the tables are the network's own.

    Attributes
    ----------
    people : pandas.DataFrame
        The people table, indexed by id (:data:`PERSON_COLUMNS` but ``id``).
    ties : pandas.DataFrame
        The ties table, one row a tie (:data:`TIE_COLUMNS`).
    """

    __slots__ = ("_network",)

    def __init__(self, network: Network) -> None:
        self._network = network

    @property
    def people(self) -> pd.DataFrame:
        return self._network._people

    @property
    def ties(self) -> pd.DataFrame:
        return self._network._ties

    @property
    def adjacency(self) -> Mapping[str, Mapping[str, int]]:
        """For each id, the ids they have a tie with and that tie's row in :attr:`ties`."""
        return self._network._adjacency

    def cached(self, name: str, build: Callable[[Network], Any]) -> Any:
        """``build(network)``, worked out once and kept by the network under ``name``."""
        return self._network._cached(name, build)

    @staticmethod
    def person(person_id: str, row: Mapping[str, Any]) -> Person:
        """A :class:`Person` from a row of :attr:`people` (a mapping of column to value)."""
        return _person_from_row(person_id, row)


class Network:
    """People, the ties between them, and which person is the learner.

    Build one with :meth:`from_frames`, from lists of :class:`Person` and
    :class:`Tie`, with an importer from :mod:`coffeechat.io`, or from the sample
    data in :mod:`coffeechat.datasets`.

    Parameters
    ----------
    people : iterable of Person
    ties : iterable of Tie
    me : str
        The id of the learner; the default is ``"me"``.

    Raises
    ------
    ContactDataError
        If an id repeats, a tie names an unknown person or the person itself,
        a strength is outside (0, 1], a tie kind is unknown, a pair of people
        has two ties, or ``me`` is not one of the people.

    Examples
    --------
    >>> net = Network([Person("me", "Sam"), Person("a", "Ana Ruiz", "Acme")],
    ...               [Tie("me", "a", 0.8, "friend")])
    >>> [p.name for p in net.contacts("me")]
    ['Ana Ruiz']
    >>> net.graph.number_of_edges()
    1
    """

    def __init__(self, people: Iterable[Person], ties: Iterable[Tie], me: str = "me") -> None:
        people = items(people, "people", Person)
        ties = items(ties, "ties", Tie)
        people_frame = pd.DataFrame([_person_row(p) for p in people], columns=list(PERSON_COLUMNS))
        ties_frame = pd.DataFrame([asdict(t) for t in ties], columns=list(TIE_COLUMNS))
        other = Network.from_frames(people_frame, ties_frame, me=me)
        self.__dict__.update(other.__dict__)

    # ----------------------------------------------------------------- build
    @classmethod
    def from_frames(
        cls,
        people: pd.DataFrame,
        ties: pd.DataFrame,
        me: str | None = None,
        *,
        errors: Errors = "raise",
    ) -> Network:
        """Build a network from two pandas tables.

        Parameters
        ----------
        people : pandas.DataFrame
            One row a person. Columns ``id`` and ``name`` are required;
            ``organization, role, industry, location, school, email, tags``
            are optional (``tags`` separated by ``;``).
        ties : pandas.DataFrame
            One row a tie. Columns ``source`` and ``target`` are required;
            ``strength`` (in (0, 1]), ``kind`` (see :data:`TIE_KINDS`),
            ``met_on`` and ``last_contact`` (dates) are optional. A missing
            strength takes the default for its kind (:data:`DEFAULT_STRENGTH`);
            a missing kind is ``"acquaintance"``.
        me : str, optional
            The learner's id; when omitted, the person whose id is ``"me"``.
        errors : {"raise", "skip"}
            ``"raise"`` (the default) stops at the first bad row. ``"skip"``
            leaves bad rows out and lists each one, with its reason, in
            :attr:`skipped`; a tie to a skipped person is skipped too.

        Returns
        -------
        Network

        Raises
        ------
        ContactDataError
            For the first bad row, naming row and column.
        InvalidParameter
            If ``errors`` is not ``"raise"`` or ``"skip"``, or a table is not
            a DataFrame.
        """
        return build_network(people, ties, me, errors=errors)

    # ------------------------------------------------------------ tables
    @property
    def people(self) -> pd.DataFrame:
        """A copy of the people table, one row a person, ``id`` first."""
        return self._people.reset_index()

    @property
    def ties(self) -> pd.DataFrame:
        """A copy of the ties table, one row a tie."""
        return self._ties.copy()

    @cached_property
    def graph(self) -> Any:
        """The network as an undirected :class:`networkx.Graph`.

        Nodes carry every person column; edges carry ``strength``, ``kind``,
        ``met_on``, ``last_contact`` and ``cost`` (``-log(strength)``, the
        weight under which the shortest path is the strongest chain).
        """
        import networkx as nx

        g = nx.Graph(me=self.me)
        people = self._people
        g.add_nodes_from(
            (pid, dict(zip(people.columns, row, strict=True)))
            for pid, row in zip(people.index, people.itertuples(index=False), strict=True)
        )
        t = self._ties
        cost = 0.0 - np.log(t["strength"].to_numpy())
        g.add_edges_from(
            (s, d, {"strength": w, "kind": k, "met_on": m, "last_contact": lc, "cost": c})
            for s, d, w, k, m, lc, c in zip(
                t["source"],
                t["target"],
                t["strength"],
                t["kind"],
                t["met_on"],
                t["last_contact"],
                cost,
                strict=True,
            )
        )
        return g

    # ------------------------------------------------------------ questions
    def __len__(self) -> int:
        return len(self._people)

    def __contains__(self, person_id: object) -> bool:
        return person_id in self._people.index

    def __iter__(self) -> Iterator[Person]:
        for pid in self._people.index:
            yield self.person(pid)

    def __repr__(self) -> str:
        extra = f", {len(self.skipped)} rows skipped" if self.skipped else ""
        return f"Network({len(self)} people, {len(self._ties)} ties, me={self.me!r}{extra})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Network):
            return NotImplemented
        return (
            self.me == other.me
            and self._people.equals(other._people)
            and _canonical_ties(self._ties).equals(_canonical_ties(other._ties))
        )

    __hash__ = None  # type: ignore[assignment]

    @property
    def number_of_ties(self) -> int:
        """How many ties the network has."""
        return len(self._ties)

    def person(self, person_id: str) -> Person:
        """The :class:`Person` with this id.

        Raises
        ------
        PersonNotFound
            If nobody has that id; the message suggests close ids or names.
        """
        try:
            row = self._people.loc[person_id]
        except (KeyError, TypeError) as err:
            raise PersonNotFound(self._not_found_message(person_id)) from err
        return _person_from_row(person_id, row)

    def _not_found_message(self, person_id: object) -> str:
        message = f"no person with id {person_id!r} in this network of {len(self)} people"
        if len(self) <= 5000:
            names = dict(zip(self._people["name"], self._people.index, strict=True))
            ids = [str(i) for i in self._people.index]
            close = difflib.get_close_matches(str(person_id), ids, n=3, cutoff=0.6)
            close += [
                names[n]
                for n in difflib.get_close_matches(str(person_id), list(names), n=3, cutoff=0.6)
            ]
            if close:
                suggestions = ", ".join(dict.fromkeys(repr(c) for c in close))
                message += f"; did you mean {suggestions}?"
        return message

    def _check(self, person_id: str) -> None:
        if person_id not in self._people.index:
            raise PersonNotFound(self._not_found_message(person_id))

    def match(
        self,
        *,
        organization: str | None = None,
        role: str | None = None,
        industry: str | None = None,
        school: str | None = None,
        name: str | None = None,
    ) -> list[str]:
        """Ids of the people who match every criterion given.

        ``organization`` and ``industry`` compare whole names, ignoring case,
        accents, punctuation and legal suffixes (so "Acme Inc." finds
        "ACME"); ``role``, ``school`` and ``name`` match any part of the text,
        ignoring case and punctuation.
        """
        people = self._people
        mask = np.ones(len(people), dtype=bool)
        for column, wanted, whole in (
            ("organization", organization, True),
            ("industry", industry, True),
            ("role", role, False),
            ("school", school, False),
            ("name", name, False),
        ):
            if wanted is None:
                continue
            keys = self._keys(column, whole)
            key = normalize_organization(wanted) if whole else fold(wanted)
            if not key:
                raise InvalidParameter(f"{column} to look for is empty")
            mask &= (keys == key) if whole else keys.str.contains(key, regex=False).to_numpy()
        return [str(i) for i in people.index[mask]]

    def _keys(self, column: str, whole: bool) -> Any:
        """The column's comparison keys, worked out once per network."""
        cache = self.__dict__.setdefault("_key_cache", {})
        if column not in cache:
            cache[column] = _column_keys(self._people, column, whole)
        return cache[column]

    def find(self, **criteria: str) -> list[Person]:
        """The people who match, as :class:`Person` records; see :meth:`match`."""
        return [self.person(pid) for pid in self.match(**criteria)]

    @property
    def inside(self) -> Inside:
        """The network's own tables, read-only, for the library's modules (see :class:`Inside`)."""
        return Inside(self)

    def _cached(self, name: str, build: Callable[[Network], Any]) -> Any:
        cache = self.__dict__.setdefault("_engine_cache", {})
        if name not in cache:
            cache[name] = build(self)
        return cache[name]

    @cached_property
    def _adjacency(self) -> dict[str, dict[str, int]]:
        adj: dict[str, dict[str, int]] = {pid: {} for pid in self._people.index}
        for i, (s, t) in enumerate(zip(self._ties["source"], self._ties["target"], strict=True)):
            adj[s][t] = i
            adj[t][s] = i
        return adj

    def neighbors(self, person_id: str) -> list[str]:
        """Ids of the people ``person_id`` has a tie with, strongest first."""
        self._check(person_id)
        row = self._adjacency[person_id]
        strength = self._ties["strength"].to_numpy()
        return sorted(row, key=lambda other: (-strength[row[other]], other))

    def contacts(self, person_id: str | None = None) -> list[Person]:
        """The people ``person_id`` (by default the learner) knows, strongest tie first."""
        return [self.person(pid) for pid in self.neighbors(person_id or self.me)]

    def tie(self, a: str, b: str) -> Tie | None:
        """The tie between ``a`` and ``b``, or None if they do not know each other.

        Raises
        ------
        PersonNotFound
            If either id is not in the network.
        """
        self._check(a)
        self._check(b)
        i = self._adjacency[a].get(b)
        if i is None:
            return None
        return _tie_from_row(self._ties.iloc[i])

    def degree(self, person_id: str) -> int:
        """How many ties ``person_id`` has."""
        self._check(person_id)
        return len(self._adjacency[person_id])


# ------------------------------------------------------------------ helpers


def build_network(
    people: pd.DataFrame,
    ties: pd.DataFrame,
    me: str | None = None,
    *,
    errors: Errors = "raise",
    people_origin: Origin | None = None,
    ties_origin: Origin | None = None,
    earlier: Sequence[ContactDataError] = (),
) -> Network:
    """:meth:`Network.from_frames`, for the importers of :mod:`coffeechat.io`.

    ``people_origin`` and ``ties_origin`` say which file and line each row
    came from, so that a problem names them; ``earlier`` holds the rows an
    importer already set aside (with ``errors="skip"``), which join the
    network's :attr:`~Network.skipped` in file and line order.
    """
    errors = check_errors(errors)
    if not isinstance(people, pd.DataFrame) or not isinstance(ties, pd.DataFrame):
        raise InvalidParameter(
            "people and ties must be pandas DataFrames, not "
            f"{type(people).__name__} and {type(ties).__name__}"
        )
    p_origin = people_origin or Origin("people")
    t_origin = ties_origin or Origin("ties")
    problem = Problems(errors)

    people_frame = clean_people(people, p_origin, problem)
    ties_frame = clean_ties(ties, t_origin, problem, people_frame.index)
    if me is None:
        me = "me"
        if me not in people_frame.index:
            raise ContactDataError(
                "no learner given: pass me=<id>, or give the learner the id 'me'"
            )
    me = str(me)
    if me not in people_frame.index:
        raise ContactDataError(f"me={me!r} is not the id of anyone in the people table")
    net = Network.__new__(Network)
    net._people = people_frame
    net._ties = ties_frame
    net.me = me
    net.skipped = merge_skipped([*earlier, *problem.found])
    return net


def _person_row(p: Person) -> dict[str, object]:
    row = {f.name: getattr(p, f.name) for f in fields(Person)}
    row["tags"] = "; ".join(p.tags)
    return row


def _person_from_row(person_id: str, row: Mapping[str, Any]) -> Person:
    tags = tuple(t.strip() for t in str(row["tags"]).split(";") if t.strip())
    return Person(
        id=str(person_id),
        name=row["name"],
        organization=row["organization"],
        role=row["role"],
        industry=row["industry"],
        location=row["location"],
        school=row["school"],
        email=row["email"],
        tags=tags,
    )


def _tie_from_row(row: pd.Series) -> Tie:
    return Tie(
        source=row["source"],
        target=row["target"],
        strength=float(row["strength"]),
        kind=row["kind"],
        met_on=row["met_on"],
        last_contact=row["last_contact"],
    )


def _column_keys(people: pd.DataFrame, column: str, whole: bool) -> Any:
    keys = map_values(people[column], normalize_organization if whole else fold)
    return keys if whole else pd.Series(keys, dtype=object)


def _canonical_ties(ties: pd.DataFrame) -> pd.DataFrame:
    swap = ties["source"] > ties["target"]
    out = ties.copy()
    out.loc[swap, ["source", "target"]] = ties.loc[swap, ["target", "source"]].to_numpy()
    return out.sort_values(["source", "target"]).reset_index(drop=True)
