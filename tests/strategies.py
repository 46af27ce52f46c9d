"""Hypothesis strategies the test modules share: random networks, one way.

:func:`networks` draws a learner ``"me"`` and some other people, then some of
the possible ties between them. Everything else is a choice of the test:

* ``ids``: ``None`` numbers the people ``p1, p2, ...``; a text strategy draws
  their ids (never ``"me"``, never two alike once spaces are stripped);
* ``person``: how to draw a person from their id (by default ``Person(id,
  "Person <id>")``, so names are unique);
* ``strengths``: a strategy of tie strengths, or :data:`PRIMES` for strengths
  ``1/p`` with a different prime ``p`` on every tie — then no two different
  chains are equally strong, and a best chain is unique;
* ``dates``: a strategy for ``met_on`` and ``last_contact``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from hypothesis import strategies as st

from coffeechat.contacts import TIE_KINDS, Network, Person, Tie

#: A few strengths, 1.0 among them: many chains are equally good.
DISCRETE = st.sampled_from([0.1, 0.25, 0.3, 0.5, 0.75, 0.8, 1.0])
#: Any strength in (0, 1].
ANY_STRENGTH = st.floats(min_value=0.0, max_value=1.0, exclude_min=True)
#: Pass as ``strengths`` for ties of strength 1/p, a different prime p for each.
PRIMES = "primes"
_PRIME_LIST = [p for p in range(2, 400) if all(p % d for d in range(2, int(p**0.5) + 1))]

KINDS = st.sampled_from(TIE_KINDS)
NO_DATES = st.none()
DATES = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


def numbered_person(pid: str) -> st.SearchStrategy[Person]:
    return st.just(Person(pid, f"Person {pid}"))


@st.composite
def networks(
    draw: st.DrawFn,
    *,
    min_people: int = 1,
    max_people: int = 12,
    ids: st.SearchStrategy[str] | None = None,
    person: Callable[[str], st.SearchStrategy[Person]] = numbered_person,
    strengths: st.SearchStrategy[float] | str = DISCRETE,
    kinds: st.SearchStrategy[str] = KINDS,
    dates: st.SearchStrategy[date | None] = NO_DATES,
    max_ties: int = 30,
) -> Network:
    """A random network with the learner ``"me"`` (see the module docstring)."""
    if ids is None:
        n = draw(st.integers(min_people, max_people))
        people_ids = ["me"] + [f"p{i}" for i in range(1, n)]
    else:
        others = st.lists(
            ids.filter(lambda s: s.strip() not in ("", "me")),
            min_size=min_people - 1,
            max_size=max_people - 1,
            unique_by=str.strip,
        )
        people_ids = ["me", *draw(others)]
    pairs = [(a, b) for i, a in enumerate(people_ids) for b in people_ids[i + 1 :]]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=max_ties)) if pairs else []
    if strengths == PRIMES:
        order = draw(st.permutations(_PRIME_LIST))
        strength_of = [1 / p for p in order[: len(chosen)]]
    else:
        assert isinstance(strengths, st.SearchStrategy)
        strength_of = [draw(strengths) for _ in chosen]
    people = [draw(person(pid)) for pid in people_ids]
    ties = [
        Tie(a, b, s, draw(kinds), draw(dates), draw(dates))
        for (a, b), s in zip(chosen, strength_of, strict=True)
    ]
    return Network(people, ties)
