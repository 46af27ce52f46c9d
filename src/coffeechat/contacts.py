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
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from functools import cached_property
from typing import Any, Literal

import numpy as np
import pandas as pd

from coffeechat.errors import ContactDataError, PersonNotFound

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

#: The kinds of tie the course talks about, closest first.
TIE_KINDS: tuple[str, ...] = (
    "family",
    "friend",
    "colleague",
    "former colleague",
    "classmate",
    "alumni",
    "acquaintance",
    "online",
)

#: The strength a tie gets when the data gives its kind but no strength.
#: These are teaching defaults, not measurements: a family tie or a friend is
#: someone you could call tonight; an online-only connection may not
#: remember you.
DEFAULT_STRENGTH: dict[str, float] = {
    "family": 0.9,
    "friend": 0.8,
    "colleague": 0.7,
    "former colleague": 0.6,
    "classmate": 0.5,
    "alumni": 0.3,
    "acquaintance": 0.3,
    "online": 0.2,
}

_KIND_SYNONYMS: dict[str, str] = {
    "coworker": "colleague",
    "co worker": "colleague",
    "workmate": "colleague",
    "current colleague": "colleague",
    "ex colleague": "former colleague",
    "former coworker": "former colleague",
    "former co worker": "former colleague",
    "classmates": "classmate",
    "schoolmate": "classmate",
    "alumnus": "alumni",
    "alumna": "alumni",
    "alum": "alumni",
    "friends": "friend",
    "relative": "family",
    "kin": "family",
    "spouse": "family",
    "parent": "family",
    "child": "family",
    "sibling": "family",
    "met": "acquaintance",
    "contact": "acquaintance",
    "neighbor": "acquaintance",
    "neighbour": "acquaintance",
    "linkedin": "online",
}

#: Columns of ``Network.people``, in order. Only ``id`` and ``name`` are required.
PERSON_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "organization",
    "role",
    "industry",
    "location",
    "school",
    "email",
    "tags",
)

#: Columns of ``Network.ties``, in order. Only ``source`` and ``target`` are required.
TIE_COLUMNS: tuple[str, ...] = (
    "source",
    "target",
    "strength",
    "kind",
    "met_on",
    "last_contact",
)

_LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "corp",
        "corporation",
        "co",
        "company",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "bv",
        "nv",
        "pty",
        "oy",
        "ab",
    ]
)


def normalize_organization(name: object) -> str:
    """Return the key used to compare organisation names.

    Case, accents, punctuation and legal suffixes such as "Inc." or "Ltd" are
    ignored, so that the names people type for one employer compare equal.

    Parameters
    ----------
    name : str
        An organisation's name as written anywhere.

    Returns
    -------
    str
        A lower-case key; empty for an empty name.

    Examples
    --------
    >>> normalize_organization("Acme Inc.") == normalize_organization("ACME")
    True
    >>> normalize_organization("  Borealis Labs, Ltd ")
    'borealis labs'
    """
    words = _fold(name).split()
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def _fold(text: object) -> str:
    """Lower-case, strip accents, turn punctuation into spaces."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("&", " and ").lower()
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def normalize_kind(kind: object) -> str | None:
    """Return the tie kind in :data:`TIE_KINDS` that ``kind`` means, or None.

    Examples
    --------
    >>> normalize_kind("Co-worker")
    'colleague'
    >>> normalize_kind("FORMER_COLLEAGUE")
    'former colleague'
    >>> normalize_kind("pen pal") is None
    True
    """
    key = _fold(kind).replace("_", " ")
    key = " ".join(key.split())
    if key in TIE_KINDS:
        return key
    return _KIND_SYNONYMS.get(key)


def strength_label(strength: float) -> str:
    """Describe a tie strength in words.

    Examples
    --------
    >>> strength_label(0.9), strength_label(0.5), strength_label(0.2)
    ('strong tie', 'medium tie', 'weak tie')
    """
    if strength >= 0.7:
        return "strong tie"
    if strength >= 0.4:
        return "medium tie"
    return "weak tie"


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


@dataclass(frozen=True)
class _Origin:
    """Where a table came from, so errors can point at a file and line."""

    label: str
    path: str | None = None
    lines: Sequence[int] | None = None

    def error(self, position: int, column: str | None, problem: str) -> ContactDataError:
        if self.path is not None:
            line = self.lines[position] if self.lines is not None else None
            return ContactDataError(problem, path=self.path, line=line, column=column)
        return ContactDataError(f"{self.label} row {position}: {problem}", column=None)

    def place(self, position: int) -> str:
        """Where a row is, in words: ``'line 7'`` in a file, else ``'row 5'``."""
        if self.lines is not None:
            return f"line {self.lines[position]}"
        return f"row {position}"


_Errors = Literal["raise", "skip"]


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
        errors: _Errors = "raise",
        _people_origin: _Origin | None = None,
        _ties_origin: _Origin | None = None,
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
            For the first bad row, naming row and column (file and line when
            the tables came from a file).
        """
        if errors not in ("raise", "skip"):
            raise ContactDataError(f"errors must be 'raise' or 'skip', not {errors!r}")
        if not isinstance(people, pd.DataFrame) or not isinstance(ties, pd.DataFrame):
            raise ContactDataError(
                "people and ties must be pandas DataFrames, not "
                f"{type(people).__name__} and {type(ties).__name__}"
            )
        p_origin = _people_origin or _Origin("people")
        t_origin = _ties_origin or _Origin("ties")
        skipped: list[ContactDataError] = []

        def problem(err: ContactDataError) -> None:
            if errors == "raise":
                raise err
            skipped.append(err)

        people_frame = _clean_people(people, p_origin, problem)
        ties_frame = _clean_ties(ties, t_origin, problem, people_frame.index)
        if me is None:
            me = "me"
            if me not in people_frame.index:
                raise ContactDataError(
                    "no learner given: pass me=<id>, or give the learner the id 'me'"
                )
        me = str(me)
        if me not in people_frame.index:
            raise ContactDataError(f"me={me!r} is not the id of anyone in the people table")
        net = cls.__new__(cls)
        net._people = people_frame
        net._ties = ties_frame
        net.me = me
        net.skipped = tuple(skipped)
        return net

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
            key = normalize_organization(wanted) if whole else _fold(wanted)
            if not key:
                raise ContactDataError(f"{column} to look for is empty")
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
    keys = _map_values(people[column], normalize_organization if whole else _fold)
    return keys if whole else pd.Series(keys, dtype=object)


def _first_positions(keys: np.ndarray) -> np.ndarray:
    """For each row, the position of the first row with the same key."""
    codes, uniques = pd.factorize(keys)
    first = np.full(len(uniques), len(keys), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(keys)))
    return first[codes]


def _plain(value: object) -> object:
    """A numpy scalar as the Python value it holds, for readable messages."""
    return value.item() if isinstance(value, np.generic) else value


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if value is pd.NaT or value is pd.NA:
        return True
    return isinstance(value, str) and not value.strip()


def _map_values(values: pd.Series | np.ndarray, func: Any) -> np.ndarray:
    """Apply ``func`` once per distinct value (fast on columns with repeats)."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    for i, value in enumerate(uniques):
        mapped[i] = func(value)
    mapped[-1] = func(None)
    return mapped[codes]


def _endpoints(values: pd.Series, ids: pd.Index) -> tuple[np.ndarray, np.ndarray]:
    """Cleaned id strings of a tie column and their positions in ``ids`` (-1: unknown)."""
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    cleaned = np.array(["" if _blank(v) else str(v).strip() for v in uniques] + [""], dtype=object)
    positions = np.append(ids.get_indexer(cleaned[:-1]), -1).astype(np.int64)
    return cleaned[codes], positions[codes]


def _text_column(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    col = frame[column]
    if pd.api.types.is_string_dtype(col.dtype) and not pd.api.types.is_object_dtype(col.dtype):
        cleaned = col.fillna("").str.strip().to_numpy(dtype=object)
    else:
        cleaned = _map_values(col, lambda v: "" if _blank(v) else str(v).strip())
    return pd.Series(cleaned, index=frame.index, dtype=object)


def _require(frame: pd.DataFrame, origin: _Origin, columns: Sequence[str]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        have = ", ".join(map(str, frame.columns)) or "none"
        where = f"{origin.path}: " if origin.path else f"{origin.label} table: "
        raise ContactDataError(f"{where}missing column {missing[0]!r} (the columns are: {have})")


def _clean_people(people: pd.DataFrame, origin: _Origin, problem: Any) -> pd.DataFrame:
    _require(people, origin, ["id", "name"])
    bad: list[int] = []
    ids = _text_column(people, "id")
    names = _text_column(people, "name")
    for pos in np.flatnonzero((ids == "").to_numpy()):
        problem(origin.error(int(pos), "id", "empty id"))
        bad.append(int(pos))
    for pos in np.flatnonzero((names == "").to_numpy()):
        if int(pos) not in bad:
            problem(origin.error(int(pos), "name", f"person {ids.iloc[pos]!r} has no name"))
            bad.append(int(pos))
    first = _first_positions(ids.to_numpy())
    for pos in np.flatnonzero((first != np.arange(len(ids))) & (ids != "").to_numpy()):
        pid = ids.iloc[pos]
        problem(
            origin.error(
                int(pos), "id", f"duplicate id {pid!r} (first used on {origin.place(first[pos])})"
            )
        )
        bad.append(int(pos))
    frame = pd.DataFrame({"id": ids.to_numpy(), "name": names.to_numpy()})
    for column in PERSON_COLUMNS[2:]:
        frame[column] = _text_column(people, column).to_numpy()
    frame = frame.astype(object)
    if bad:
        keep = np.ones(len(frame), dtype=bool)
        keep[bad] = False
        frame = frame[keep]
    return frame.set_index("id")


def _parse_date(value: object) -> date | None:
    if _blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, pd.Timestamp):
        return value.date()
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%Y%m%d", "%m/%d/%Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def _parse_date_or_error(value: object) -> date | None | ValueError:
    try:
        return _parse_date(value)
    except ValueError as err:
        return err


def _clean_ties(ties: pd.DataFrame, origin: _Origin, problem: Any, ids: pd.Index) -> pd.DataFrame:
    _require(ties, origin, ["source", "target"])
    n = len(ties)
    bad = np.zeros(n, dtype=bool)
    source, s_code = _endpoints(ties["source"], ids)
    target, t_code = _endpoints(ties["target"], ids)

    # kind
    if "kind" in ties.columns:
        raw_kind = ties["kind"].to_numpy()
        kind = _map_values(raw_kind, lambda v: "acquaintance" if _blank(v) else normalize_kind(v))
        for pos in np.flatnonzero(pd.isna(kind)):
            problem(
                origin.error(
                    int(pos),
                    "kind",
                    f"unknown tie kind {_plain(raw_kind[pos])!r}; "
                    f"use one of {', '.join(TIE_KINDS)}",
                )
            )
            bad[pos] = True
            kind[pos] = "acquaintance"
    else:
        kind = np.full(n, "acquaintance", dtype=object)

    # strength
    defaults = _map_values(kind, lambda k: DEFAULT_STRENGTH.get(k, 0.3)).astype(float)
    if "strength" in ties.columns:
        raw = ties["strength"]
        numeric = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
        if pd.api.types.is_numeric_dtype(raw.dtype):
            blank = raw.isna().to_numpy()
        else:
            blank = _map_values(raw, _blank).astype(bool)
        strength = np.where(blank, defaults, numeric)
        wrong = ~blank & (np.isnan(numeric) | ~(numeric > 0) | ~(numeric <= 1))
        for pos in np.flatnonzero(wrong & ~bad):
            problem(
                origin.error(
                    int(pos),
                    "strength",
                    f"strength {_plain(raw.iloc[pos])!r} is not a number in (0, 1]",
                )
            )
            bad[pos] = True
    else:
        strength = defaults

    # endpoints
    for name, column, code in (("source", source, s_code), ("target", target, t_code)):
        missing = code < 0
        for pos in np.flatnonzero(missing & ~bad):
            what = "empty" if column[pos] == "" else f"{column[pos]!r} is not a person id"
            problem(origin.error(int(pos), name, f"{name} {what}"))
            bad[pos] = True
    self_tie = source == target
    for pos in np.flatnonzero(self_tie & ~bad):
        problem(origin.error(int(pos), "target", f"tie from {source[pos]!r} to itself"))
        bad[pos] = True

    # one tie per pair, whichever way round
    lo, hi = np.minimum(s_code, t_code), np.maximum(s_code, t_code)
    key = lo * (len(ids) + 1) + hi
    key[bad] = -1 - np.arange(int(bad.sum()))  # bad rows are no one's duplicate
    first = _first_positions(key)
    for pos in np.flatnonzero(first != np.arange(n)):
        problem(
            origin.error(
                int(pos),
                "target",
                f"second tie between {source[pos]!r} and {target[pos]!r} "
                f"(the first is on {origin.place(first[pos])})",
            )
        )
        bad[pos] = True

    # dates
    dates = {}
    for column in ("met_on", "last_contact"):
        if column not in ties.columns:
            dates[column] = np.full(n, None, dtype=object)
            continue
        raw_dates = ties[column].to_numpy(dtype=object)
        parsed = _map_values(raw_dates, _parse_date_or_error)
        for pos in np.flatnonzero(_map_values(parsed, lambda v: isinstance(v, ValueError))):
            parsed[pos] = None
            if not bad[pos]:
                problem(
                    origin.error(
                        int(pos),
                        column,
                        f"cannot read the date {_plain(raw_dates[pos])!r} (write it as 2024-03-12)",
                    )
                )
                bad[pos] = True
        dates[column] = parsed

    frame = pd.DataFrame(
        {
            "source": pd.Series(source, dtype=object),
            "target": pd.Series(target, dtype=object),
            "strength": strength,
            "kind": pd.Series(kind, dtype=object),
            "met_on": pd.Series(dates["met_on"], dtype=object),
            "last_contact": pd.Series(dates["last_contact"], dtype=object),
        }
    )
    if bad.any():
        frame = frame[~bad].reset_index(drop=True)
    return frame


def _canonical_ties(ties: pd.DataFrame) -> pd.DataFrame:
    swap = ties["source"] > ties["target"]
    out = ties.copy()
    out.loc[swap, ["source", "target"]] = ties.loc[swap, ["target", "source"]].to_numpy()
    return out.sort_values(["source", "target"]).reset_index(drop=True)
