"""The records :mod:`coffeechat.paths` answers with: a :class:`Target` to look
for, a :class:`Chain` of introductions, and the :class:`Separation` of a network.

They are defined here and used from :mod:`coffeechat.paths` (and the package
itself), which is where to import them from.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from coffeechat._args import items, plural
from coffeechat._kinds import chain_label
from coffeechat.contacts import Network, Person, Tie
from coffeechat.errors import InvalidParameter

__all__ = ["Chain", "Separation", "Target"]


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
        object.__setattr__(self, "persons", tuple(items(self.persons, "persons", Person)))
        object.__setattr__(self, "ties", tuple(items(self.ties, "ties", Tie)))
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
        """The chain in plain words: who, how each knows the next, how strong.

        The strengths are rough ratings, so the chain is called a *stronger*
        or a *weaker* one (:func:`coffeechat.employer_plan.chain_label`), never
        given a percentage.

        Examples
        --------
        >>> ana, ben = Person("ana", "Ana Ruiz"), Person("ben", "Ben Ode", "Acme", "Analyst")
        >>> Chain((ana, ben), (Tie("ana", "ben", 0.5, "classmate"),)).explain()
        'Ana Ruiz → Ben Ode, Analyst at Acme (classmate, medium tie)
         — no introduction needed, a stronger chain'
        """
        first = "You" if self.persons[0].id == self.me else self.persons[0].name
        steps = [first]
        for person, tie in zip(self.persons[1:-1], self.ties, strict=False):
            steps.append(f"{person.name} ({tie.describe()})")
        steps.append(f"{self.persons[-1].describe()} ({self.ties[-1].describe()})")
        n = self.introductions
        needed = {0: "no introduction needed", 1: "1 introduction"}.get(n, f"{n} introductions")
        return " → ".join(steps) + f" — {needed}, a {chain_label(self.strength)}"

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
        by_step = ", ".join(f"{c:,} in {plural(d, 'hop')}" for d, c in sorted(self.counts.items()))
        text = f"Out of {plural(self.others, 'other person', 'other people')}, "
        text += f"{self.reached:,} can be reached"
        text += f": {by_step}." if by_step else "."
        if self.reached:
            text += (
                f"\nOn average they are {self.average:.1f} hops away; "
                f"{self.within_six:.0%} of everyone else is within six hops."
            )
        return text


# They are coffeechat.paths' records: say so in help(), reprs and pickles.
for _record in (Target, Chain, Separation):
    _record.__module__ = "coffeechat.paths"
del _record
