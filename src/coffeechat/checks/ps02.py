"""Checks for Assignment 2, *Who to talk to, and who can introduce you* (``ps02-who-to-talk-to``).

Part (a) tidies the organisations table and reads a target's suppliers,
competitors and customers from it; part (b) finds the strongest chain with
Dijkstra's algorithm; part (c) ranks the learner's contacts as introducers;
part (d) picks five people to ask around the target. Each check works out the
right answer when it runs, on the network and target it is given, so hidden
checks can use another seeded network and another target.

The search functions of parts (b)-(d) work on :func:`tie_strengths`, a
dictionary of dictionaries: ``strengths[a][b]`` is the strength of the tie
between ``a`` and ``b`` (the same both ways).

Examples
--------
>>> from coffeechat.checks import check_chain_strength, strength_practice_network
>>> def chain_strength(strengths, chain):
...     return sum(strengths[a][b] for a, b in zip(chain, chain[1:]))
>>> try:
...     check_chain_strength(chain_strength, strength_practice_network())
... except AssertionError as err:
...     print(err)  # doctest: +ELLIPSIS
In the small practice network, the chain you → Ana Ruiz → Ben Ode has strength 0.72, ...
"""

from __future__ import annotations

import heapq
import math
import numbers
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from coffeechat.checks._core import (
    Assignment,
    Earlier,
    GradedTest,
    Part,
    arrow_chain,
    blame_earlier,
    blank,
    blanks_as_nan,
    brief,
    call,
    checked,
    expect_type,
    fail,
    listing,
    passed,
    passes_one_of,
    plural,
)
from coffeechat.contacts import Network, Person, Tie
from coffeechat.industry import RELATION_COLUMNS, make_organizations, relations_table

#: The keys of ``related_organizations``' answer, and the relation column behind each:
#: a row (X, column, target) makes X one of the target's ...
GROUPS: dict[str, str] = {
    "suppliers": "supplier_of",
    "competitors": "competitor_of",
    "customers": "customer_of",
}

#: Part (d): how many people to pick, at most how many per organisation, within how many hops.
PICKS, PER_ORGANIZATION, MAX_HOPS = 5, 2, 3

_TOLERANCE = 1e-9


# ------------------------------------------------------------ shared data
@checked
def tie_strengths(network: Network) -> dict[str, dict[str, float]]:
    """Each person's id mapped to ``{contact's id: tie strength}``.

    This is the structure the assignment's search functions work on.

    Examples
    --------
    >>> tie_strengths(strength_practice_network())["me"]
    {'ana': 0.9, 'hal': 0.5, 'dee': 0.3}
    """
    ties = network.ties
    strengths: dict[str, dict[str, float]] = {p: {} for p in network.people["id"]}
    for person in strengths:
        for other in network.neighbors(person):
            strengths[person][other] = 0.0
    for a, b, s in zip(ties["source"], ties["target"], ties["strength"], strict=True):
        strengths[a][b] = strengths[b][a] = float(s)
    return strengths


@checked
def organization_of(network: Network) -> dict[str, str]:
    """Each person's id mapped to their organisation (``''`` when unknown).

    Examples
    --------
    >>> organization_of(strength_practice_network())["ben"]
    'Borealis Labs'
    """
    people = network.people
    return {
        str(p): ("" if blank(o) else str(o))
        for p, o in zip(people["id"], people["organization"], strict=True)
    }


@checked
def strength_practice_network() -> Network:
    """A ten-person network where the fewest hops and the strongest ties disagree.

    You know Ana well, Hal a little and Dee hardly. The one-introduction chain
    to Cy (through Dee) is far weaker than the two-introduction chain through
    Ana and Ben; even Dee is better reached through Hal, her close colleague,
    than by your weak direct tie. Kim, at Dunmore Health, is three introductions
    away by strong ties but only weakly within two. Eli and Fay know nobody you
    can reach.

    Examples
    --------
    >>> strength_practice_network()
    Network(12 people, 14 ties, me='me')
    """
    people = [
        Person("me", "Sam Learner", role="Student"),
        Person("ana", "Ana Ruiz", "Acme", "UX Lead"),
        Person("ben", "Ben Ode", "Borealis Labs", "Data Analyst"),
        Person("cy", "Cy Tran", "Borealis Labs", "Engineer"),
        Person("dee", "Dee Park", "Cobalt Works", "Recruiter"),
        Person("gus", "Gus Amari", "Borealis Labs", "Director"),
        Person("hal", "Hal Moss", "Cobalt Works", "Buyer"),
        Person("ivy", "Ivy Chen", "Acme", "Product Manager"),
        Person("eli", "Eli Fox", "Cobalt Works", "Designer"),
        Person("fay", "Fay Lind", "Borealis Labs", "Recruiter"),
        Person("kim", "Kim Sato", "Dunmore Health", "Nurse"),
        Person("lee", "Lee Wong", "Dunmore Health", "Data Analyst"),
    ]
    ties = [
        Tie("me", "ana", 0.9, "friend"),
        Tie("ana", "ben", 0.8, "former colleague"),
        Tie("ben", "cy", 0.9, "colleague"),
        Tie("me", "dee", 0.3, "acquaintance"),
        Tie("dee", "cy", 0.4, "online"),
        Tie("cy", "gus", 0.7, "colleague"),
        Tie("dee", "gus", 0.2, "online"),
        Tie("me", "hal", 0.5, "classmate"),
        Tie("hal", "dee", 0.9, "colleague"),
        Tie("ana", "ivy", 0.1, "online"),
        Tie("hal", "ivy", 0.9, "friend"),
        Tie("eli", "fay", 0.5, "classmate"),
        Tie("cy", "kim", 0.9, "friend"),
        Tie("hal", "lee", 0.5, "classmate"),
    ]
    return Network(people, ties, me="me")


def _need_network(network: object) -> Network:
    if not isinstance(network, Network):
        fail(
            f"The check needs a coffeechat Network (such as load_sample_network()), not a "
            f"{type(network).__name__}: {brief(network)}."
        )
    return network


def _need_table(organizations: object) -> pd.DataFrame:
    if not isinstance(organizations, pd.DataFrame) or "name" not in organizations.columns:
        fail(
            "The check needs the organisations table (load_sample_organizations()), not "
            f"{brief(organizations)}."
        )
    return organizations


_PRACTICE = strength_practice_network()


def _label(network: Network) -> str:
    if network is _PRACTICE:
        return "In the small practice network"
    return f"In the network of {len(network)} people"


def _name(network: Network, person: object) -> str:
    if person == network.me:
        return "you"
    try:
        return network.person(str(person)).name
    except Exception:
        return repr(person)


def _chain_text(network: Network, chain: Sequence[object]) -> str:
    return arrow_chain([_name(network, p) for p in chain])


def _via(network: Network, chain: Sequence[str]) -> str:
    middle = [_name(network, p) for p in chain[1:-1]]
    return " → ".join(middle) if middle else "nobody (a direct tie)"


# ------------------------------------------------- part (a): relations
def relations_reference(organizations: pd.DataFrame) -> pd.DataFrame:
    """A right ``relations_table(organizations)``: what part (a1) asks for.

    Examples
    --------
    >>> from coffeechat.datasets import load_sample_organizations
    >>> relations_reference(load_sample_organizations()).shape
    (74, 3)
    """
    return relations_table(organizations)


def related_reference(relations: pd.DataFrame, target: str) -> dict[str, list[str]]:
    """A right ``related_organizations(relations, target)``: what part (a2) asks for.

    Examples
    --------
    >>> from coffeechat.datasets import load_sample_organizations
    >>> tidy = relations_reference(load_sample_organizations())
    >>> related_reference(tidy, "Quillstack")["competitors"]
    ['Kitewire Surveys', 'Tessellate Labs']
    """
    found: dict[str, set[str]] = {group: set() for group in GROUPS}
    mirror = {
        "supplier_of": "customers",
        "customer_of": "suppliers",
        "competitor_of": "competitors",
    }
    for organization, relation, other in relations[
        ["organization", "relation", "other"]
    ].itertuples(index=False):
        if other == target:
            found[{v: k for k, v in GROUPS.items()}[relation]].add(organization)
        elif organization == target:
            found[mirror[relation]].add(other)
    return {group: sorted(names) for group, names in found.items()}


@checked
def messy_organizations(organizations: pd.DataFrame) -> pd.DataFrame:
    """The same table written less tidily: blanks as NaN, ``;`` with and without spaces.

    Examples
    --------
    >>> from coffeechat.datasets import load_sample_organizations
    >>> messy = messy_organizations(load_sample_organizations())
    >>> messy.loc[2, "customer_of"]
    'Cloudmere Systems; Quillstack;Fieldnote Research'
    """
    table = organizations.copy()
    separators = [";", " ; ", ";  ", "; "]
    for column in RELATION_COLUMNS:
        cells = []
        for row, cell in enumerate(table[column]):
            names = (
                [n.strip() for n in str(cell).split(";") if n.strip()] if not blank(cell) else []
            )
            text = ""
            for i, name in enumerate(names):
                text += name if i == 0 else separators[(row + i) % len(separators)] + name
            cells.append(text)
        table[column] = cells
    return blanks_as_nan(table)


def _cell(value: object) -> str:
    return "" if blank(value) else str(value)


def _rows(table: pd.DataFrame) -> list[tuple[str, str, str]]:
    return [
        (_cell(a), _cell(b), _cell(c))
        for a, b, c in zip(table["organization"], table["relation"], table["other"], strict=True)
    ]


@checked
def check_relations_table(
    relations_table: Callable[[Any], Any], organizations: pd.DataFrame
) -> None:
    """Check a learner's ``relations_table(organizations)``.

    It must return a DataFrame with one row per relation and the columns
    ``organization``, ``relation`` (the column the relation came from:
    ``supplier_of``, ``customer_of`` or ``competitor_of``) and ``other``, in
    any order, with names stripped of spaces and no rows for empty cells.
    The table is tried as given and as ``pd.read_csv`` gives it (blanks as
    NaN); either passing is enough.

    Raises
    ------
    CheckFailed
        Naming one missing, extra or badly written relation.
    """
    expected = _rows(relations_reference(_need_table(organizations)))
    passes_one_of(
        lambda: _compare_relations(relations_table, organizations, expected),
        lambda: _compare_relations(relations_table, blanks_as_nan(organizations), expected),
    )
    passed(f"relations_table gives all {len(expected)} relations, one per row, with clean names.")


def _compare_relations(
    function: Callable[[Any], Any],
    organizations: pd.DataFrame,
    expected: list[tuple[str, str, str]],
) -> None:
    result = call(function, [organizations.copy()], "relations_table(organizations)")
    expect_type(
        result,
        pd.DataFrame,
        "relations_table",
        "a pandas DataFrame with columns organization, relation and other",
    )
    missing = [c for c in ("organization", "relation", "other") if c not in result.columns]
    if missing:
        fail(
            f"Your relations table has no {missing[0]!r} column (its columns are "
            f"{brief([str(c) for c in result.columns], 100)}). Name the three columns "
            "organization, relation and other."
        )
    mine = _rows(result)
    names = set(organizations["name"].astype(str).str.strip())
    for organization, relation, other in mine:
        if not other:
            fail(
                f"Your table has a row for {organization or 'an organisation'} "
                f"({relation}) with no other organisation: an empty cell means no "
                "relation, so drop the empty names (and NaN) after splitting."
            )
        for value in (organization, other):
            if value != value.strip():
                fail(
                    f"The name {value!r} has spaces around it, so it will not match "
                    f"{value.strip()!r}: strip each name after splitting on ';' "
                    "(.str.strip())."
                )
        if relation not in RELATION_COLUMNS:
            fail(
                f"The relation {relation!r} is not one of the table's relation columns: "
                "keep the column's name (supplier_of, customer_of or competitor_of), "
                "so that the direction stays clear."
            )
        if other not in names or organization not in names:
            odd = other if other not in names else organization
            fail(
                f"Your table names {odd!r}, which is not one organisation of the table: "
                "split each cell on ';' (only there), then strip the spaces."
            )
    counted: dict[tuple[str, str, str], int] = {}
    for row in mine:
        counted[row] = counted.get(row, 0) + 1
    twice = [row for row, n in counted.items() if n > 1]
    if twice:
        organization, relation, other = twice[0]
        fail(
            f"Your table lists {organization} {relation} {other} {counted[twice[0]]} times; "
            "each relation should appear once."
        )
    absent = [row for row in expected if row not in counted]
    if absent:
        gone = {r for _, r, _ in absent}
        if len(gone) == 1 and not any(r in gone for _, r, _ in mine):
            fail(
                f"Your table has no {next(iter(gone))} rows at all: read all three "
                f"relation columns ({', '.join(RELATION_COLUMNS)})."
            )
        examples = [f"{o} {r} {x}" for o, r, x in absent]
        fail(
            f"Your table misses {plural(len(absent), 'relation')}, such as "
            f"{listing(examples, 2)}. Every name in every relation cell needs a row."
        )
    extra = [row for row in counted if row not in set(expected)]
    if extra:
        o, r, x = extra[0]
        fail(f"Your table says {o} {r} {x}, but the organisations table does not.")


@checked
def check_related_organizations(
    related_organizations: Callable[[Any, Any], Any],
    organizations: pd.DataFrame,
    target: str | None = None,
) -> None:
    """Check a learner's ``related_organizations(relations, target)``.

    It is given the right relations table (so part (a1) cannot spoil it) and
    tried for ``target`` and then for every organisation of the table. It
    must return a dict with keys ``suppliers``, ``competitors`` and
    ``customers``, each a list (or set, tuple or Series) of names in any order.

    Raises
    ------
    CheckFailed
        Naming one organisation in the wrong group, missing or extra.
    """
    relations = relations_reference(_need_table(organizations))
    names = [str(n).strip() for n in organizations["name"]]
    targets = ([target] if target else []) + [n for n in names if n != target]
    for name in targets:
        _compare_related(related_organizations, relations, name)
    passed(
        "related_organizations finds every supplier, competitor and customer, each on the "
        "right side."
    )


def _compare_related(
    function: Callable[[Any, Any], Any], relations: pd.DataFrame, target: str
) -> None:
    result = call(
        function, [relations.copy(), target], f"related_organizations(relations, {target!r})"
    )
    expect_type(
        result,
        Mapping,
        "related_organizations",
        "a dict with the keys 'suppliers', 'competitors' and 'customers'",
    )
    missing = [g for g in GROUPS if g not in result]
    if missing:
        fail(
            f"For {target}, your dict has no {missing[0]!r} key (its keys are "
            f"{brief([str(k) for k in result], 80)}); use 'suppliers', 'competitors' "
            "and 'customers'."
        )
    expected = related_reference(relations, target)
    mine: dict[str, set[str]] = {}
    for group in GROUPS:
        value = result[group]
        if isinstance(value, str) or not isinstance(value, Iterable):
            fail(
                f"For {target}, your {group!r} is {brief(value)}; it should be a list of "
                "organisation names (an empty list when there are none)."
            )
        mine[group] = {str(v) for v in value}
    where = {name: group for group, names in expected.items() for name in names}
    for group in GROUPS:
        for name in sorted(mine[group]):
            if name == target:
                fail(f"For {target}, your {group} include {target} itself; leave the target out.")
            right = where.get(name)
            if right == group:
                continue
            if right is None:
                fail(
                    f"For {target}, your {group} include {name}, which the table does not "
                    f"relate to {target}."
                )
            fail(_wrong_side(target, name, group, right))
        for name in expected[group]:
            if name not in mine[group]:
                fail(
                    f"For {target}, {name} is one of its {group} ({_why(target, name, group)}), "
                    "but your answer leaves it out."
                )


def _why(target: str, name: str, group: str) -> str:
    return {
        "suppliers": f"{name} is a supplier_of {target}: it sells to {target}",
        "customers": f"{name} is a customer_of {target}: it buys from {target}",
        "competitors": f"{name} is a competitor_of {target}",
    }[group]


def _wrong_side(target: str, name: str, mine: str, right: str) -> str:
    return (
        f"For {target}, you list {name} among its {mine}, but {_why(target, name, right)}, "
        f"so it is one of {target}'s {right}. Mind the direction: a row (X, supplier_of, "
        f"{target}) makes X a supplier."
    )


# ------------------------------------------------ part (b): strongest chain
def chain_strength_reference(
    strengths: Mapping[str, Mapping[str, float]], chain: Sequence[str]
) -> float:
    """A right ``chain_strength(strengths, chain)``: the product of its tie strengths.

    Examples
    --------
    >>> round(chain_strength_reference(tie_strengths(_PRACTICE), ["me", "ana", "ben"]), 6)
    0.72
    """
    return math.prod(strengths[a][b] for a, b in zip(chain, chain[1:], strict=False))


def strongest_reference(
    strengths: Mapping[str, Mapping[str, float]], source: str, target: str
) -> list[str] | None:
    """A right ``strongest_chain(strengths, source, target)``: Dijkstra on -log(strength).

    Examples
    --------
    >>> strongest_reference(tie_strengths(_PRACTICE), "me", "cy")
    ['me', 'ana', 'ben', 'cy']
    >>> strongest_reference(tie_strengths(_PRACTICE), "me", "eli") is None
    True
    """
    best = _dijkstra(strengths, source)
    if target not in best:
        return None
    chain, step = [], target
    while step is not None:
        chain.append(step)
        step = best[step][1]
    return chain[::-1]


def _dijkstra(
    strengths: Mapping[str, Mapping[str, float]], source: str, avoid: Iterable[str] = ()
) -> dict[str, tuple[float, str | None]]:
    """Cost (-log strength) and previous person of everyone reachable, avoiding some."""
    done: dict[str, tuple[float, str | None]] = {}
    blocked = set(avoid)
    queue: list[tuple[float, int, str, str | None]] = [(0.0, 0, source, None)]
    counter = 1
    while queue:
        cost, _, person, previous = heapq.heappop(queue)
        if person in done:
            continue
        done[person] = (cost, previous)
        for other, strength in strengths[person].items():
            if other not in done and other not in blocked and strength > 0:
                heapq.heappush(queue, (cost - math.log(strength), counter, other, person))
                counter += 1
    return done


def _best_strength(strengths: Mapping[str, Mapping[str, float]], source: str, target: str) -> float:
    best = _dijkstra(strengths, source)
    return math.exp(-best[target][0]) if target in best else 0.0


@checked
def check_chain_strength(chain_strength: Callable[[Any, Any], Any], network: Network) -> None:
    """Check a learner's ``chain_strength(strengths, chain)``: the product of the ties' strengths.

    Tried on chains of one to four ties in the practice network and in
    ``network``, and on a chain of one person (strength 1).

    Raises
    ------
    CheckFailed
        Naming a chain and the strength it should have.
    """
    for net in (_PRACTICE, _need_network(network)):
        strengths = tie_strengths(net)
        for chain in _sample_chains(net):
            result = call(
                chain_strength,
                [_fresh(strengths), list(chain)],
                f"chain_strength(strengths, {brief(chain, 50)})",
            )
            right = chain_strength_reference(strengths, chain)
            if isinstance(result, bool) or not isinstance(result, numbers.Real):
                expect_type(result, (), "chain_strength", "a number such as 0.42")
            if not math.isclose(float(result), right, rel_tol=1e-6, abs_tol=1e-12):
                hint = (
                    "Multiply the strengths of the ties: a chain is only as likely as all "
                    "its links together."
                )
                if len(chain) == 1:
                    hint = (
                        "A chain of one person has no ties: its strength is 1 (an empty product)."
                    )
                elif math.isclose(float(result), -math.log(right) if right else -1, rel_tol=1e-6):
                    hint = (
                        "That is -log(strength), the cost Dijkstra adds up; turn it back "
                        "with exp(-cost)."
                    )
                fail(
                    f"{_label(net)}, the chain {_chain_text(net, chain)} has strength "
                    f"{right:.2f}, but your function gives {brief(result)}. {hint}"
                )
    passed("chain_strength multiplies the strengths of a chain's ties.")


def _sample_chains(network: Network) -> list[tuple[str, ...]]:
    from coffeechat.paths import reach

    found = list(reach(network, source=network.me, max_hops=4).values())
    picked: list[tuple[str, ...]] = []
    for hops in (2, 1, 3, 4):
        picked += [c for c in found if len(c) == hops + 1][:2]
    return [*picked, (network.me,)]


def _fresh(strengths: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    return {p: dict(others) for p, others in strengths.items()}


@checked
def check_strongest_chain(
    strongest_chain: Callable[[Any, Any, Any], Any],
    network: Network,
    source: str | None = None,
    targets: Sequence[str] | None = None,
) -> None:
    """Check a learner's ``strongest_chain(strengths, source, target)``.

    It must return a list of ids from ``source`` to ``target`` whose ties
    multiply to the largest strength possible (any equally strong chain
    passes); ``[source]`` when the target is the source; None when no chain
    exists. It is tried on every person of the practice network and on people
    of ``network`` whose strongest chain is not their fewest-hop chain.

    Raises
    ------
    CheckFailed
        Saying, e.g., "your chain goes through Dee Park, but a stronger one
        exists via Ana Ruiz → Ben Ode (strength 0.65 vs 0.12)".
    """
    start = _need_network(network).me if source is None else source
    plan = [(_PRACTICE, "me", [str(p) for p in _PRACTICE.people["id"]])]
    plan.append((network, start, list(targets) if targets else _strong_targets(network, start)))
    blame_earlier(
        lambda: _compare_strongest(strongest_chain, plan), strongest_chain, _strength_part()
    )
    passed("strongest_chain finds a strongest chain every time, and None when there is none.")


def _strong_targets(network: Network, source: str, count: int = 6) -> list[str]:
    from coffeechat.paths import reach

    strengths = tie_strengths(network)
    best = _dijkstra(strengths, source)
    fewest = reach(network, source=source)
    differ = [
        p
        for p, chain in fewest.items()
        if math.exp(-best[p][0]) > chain_strength_reference(strengths, chain) * (1 + 1e-9)
    ]
    differ.sort(key=lambda p: (-len(fewest[p]), p))
    return differ[:count]


def _strength_part() -> Earlier:
    return Earlier(
        "chain_strength",
        "b1",
        chain_strength_reference,
        check=lambda mine: check_chain_strength(mine, _PRACTICE),
    )


def _compare_strongest(
    function: Callable[[Any, Any, Any], Any], plan: Sequence[tuple[Network, str, Sequence[str]]]
) -> None:
    for net, begin, ends in plan:
        strengths = tie_strengths(net)
        best = _dijkstra(strengths, begin)
        where = _label(net)
        for end in ends:
            result = call(
                function,
                [_fresh(strengths), begin, end],
                f"strongest_chain(strengths, {begin!r}, {end!r})",
            )
            if end == begin:
                if not isinstance(result, list | tuple) or list(result) != [begin]:
                    fail(
                        f"{where}, the chain from {_name(net, begin)} to themselves is just "
                        f"[{begin!r}], but your function returned {brief(result)}."
                    )
                continue
            if end not in best:
                if result is not None:
                    fail(
                        f"{where}, nobody {_name(net, begin)} can reach knows "
                        f"{_name(net, end)}: return None (your function returned {brief(result)})."
                    )
                continue
            right = strongest_reference(strengths, begin, end) or []
            if result is None:
                fail(
                    f"{where}, your function found no chain to {_name(net, end)}, but there "
                    f"is one: {_chain_text(net, right)}."
                )
            _valid_chain(net, strengths, result, begin, end, where)
            mine = chain_strength_reference(strengths, list(result))
            top = math.exp(-best[end][0])
            if mine < top * (1 - 1e-9):
                fail(
                    f"{where}, to reach {_name(net, end)} your chain goes through "
                    f"{_via(net, list(result))}, but a stronger one exists via "
                    f"{_via(net, right)} (strength {top:.2f} vs {mine:.2f})."
                    + (" Fewest hops is not strongest." if len(result) < len(right) else "")
                )


def _valid_chain(
    net: Network,
    strengths: Mapping[str, Mapping[str, float]],
    result: object,
    begin: str,
    end: str,
    where: str,
) -> None:
    if not isinstance(result, list | tuple) or not all(isinstance(p, str) for p in result):
        fail(
            f"{where}, your chain to {_name(net, end)} should be a list of ids such as "
            f"['me', 'ana', 'ben'], not {brief(result)}."
        )
    if not result or result[0] != begin or result[-1] != end:
        fail(
            f"{where}, a chain to {_name(net, end)} starts with {begin!r} and ends with "
            f"{end!r}; yours is {brief(list(result))}."
        )
    for a, b in zip(result, result[1:], strict=False):
        if a not in strengths or b not in strengths[a]:
            fail(
                f"{where}, your chain to {_name(net, end)} ({_chain_text(net, result)}) "
                f"jumps from {_name(net, a)} to {_name(net, b)}, who do not know each other."
            )
    if len(set(result)) != len(result):
        fail(
            f"{where}, your chain to {_name(net, end)} visits someone twice: "
            f"{_chain_text(net, result)}."
        )


# --------------------------------------------- part (c): rank introducers
def introducers_reference(
    strengths: Mapping[str, Mapping[str, float]], source: str, colleagues: Iterable[str]
) -> pd.Series:
    """A right ``rank_introducers(strengths, source, colleagues)``: what part (c) asks for.

    For each contact of ``source``: the strength of their tie times the best
    chain from them to anyone in ``colleagues`` that does not come back
    through ``source``. Contacts with no such chain are left out.

    Examples
    --------
    >>> people = set(_PRACTICE.match(organization="Borealis Labs"))
    >>> introducers_reference(tie_strengths(_PRACTICE), "me", people).round(3).to_dict()
    {'ana': 0.72, 'hal': 0.18, 'dee': 0.12}
    """
    wanted = set(colleagues) - {source}
    found = {}
    for contact, tie in strengths[source].items():
        best = _dijkstra(strengths, contact, avoid=[source])
        top = max((math.exp(-best[p][0]) for p in wanted if p in best), default=0.0)
        if top > 0:
            found[contact] = tie * top
    ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    return pd.Series(dict(ranked), dtype=float, name="strength")


def _distinct_first_reference(network: Network, source: str, organization: str) -> dict[str, float]:
    """The library's reading: the chain through a contact passes none of the other contacts."""
    from coffeechat.errors import NoChainError
    from coffeechat.paths import Target, introducers

    try:
        found = introducers(network, source=source, target=Target(organization=organization))
    except NoChainError:
        return {}
    return {c.introducer.id: c.strength for c in found}


def _as_ranking(result: object, where: str) -> list[tuple[str, float]]:
    if isinstance(result, pd.Series):
        pairs = list(result.items())
    elif isinstance(result, pd.DataFrame):
        fail(
            f"{where}: rank_introducers should give a Series (or dict) from contact id to "
            "strength; it gave a DataFrame. Pick the strength column, indexed by contact."
        )
    elif isinstance(result, Mapping):
        pairs = list(result.items())
    elif isinstance(result, list | tuple) and all(
        isinstance(p, list | tuple) and len(p) == 2 for p in result
    ):
        pairs = [tuple(p) for p in result]
    else:
        expect_type(
            result,
            (pd.Series, dict),
            f"{where}: rank_introducers",
            "a pandas Series (or dict) mapping each contact's id to a strength, best first",
        )
        pairs = []
    ranking = []
    for key, value in pairs:
        try:
            number = float(value)
        except (TypeError, ValueError):
            fail(f"{where}: the strength for {key!r} is {brief(value)}, not a number.")
        if not math.isnan(number) and number > 0:
            ranking.append((str(key), number))
    return ranking


@checked
def check_introducer_ranking(
    rank_introducers: Callable[[Any, Any, Any], Any],
    network: Network,
    organization: str | None = None,
    source: str | None = None,
) -> None:
    """Check a learner's ``rank_introducers(strengths, source, colleagues)``.

    For each contact of ``source`` who can start a chain to anyone in
    ``colleagues``: the best strength of such a chain (the tie to the
    contact times the rest), best first. A chain may not come back through
    ``source``; a chain that also avoids the source's other contacts (the
    reading of :func:`coffeechat.introducers`) passes too. Contacts with no
    chain may be left out or given 0.

    Raises
    ------
    CheckFailed
        Naming a contact whose strength is wrong, missing or out of order.
    """
    start = _need_network(network).me if source is None else source
    if organization is None:
        organization = _busiest(network, start)
    plan = [
        (_PRACTICE, "me", "Borealis Labs"),
        (_PRACTICE, "me", "Acme"),
        (network, start, organization),
    ]

    def run() -> None:
        for net, begin, org in plan:
            passes_one_of(
                lambda net=net, begin=begin, org=org: _compare_ranking(
                    rank_introducers, net, begin, org, False
                ),
                lambda net=net, begin=begin, org=org: _compare_ranking(
                    rank_introducers, net, begin, org, True
                ),
            )

    blame_earlier(run, rank_introducers, _strength_part(), _strongest_part())
    passed("rank_introducers gives each contact's best chain strength to the target, best first.")


def _busiest(network: Network, source: str) -> str:
    from collections import Counter

    own = network.person(source).organization
    counts = Counter(
        o for o in network.people["organization"] if isinstance(o, str) and o and o != own
    )
    return sorted(counts, key=lambda o: (-counts[o], o))[0]


def _strongest_part() -> Earlier:
    return Earlier(
        "strongest_chain",
        "b2",
        strongest_reference,
        check=lambda mine: _compare_strongest(
            mine, [(_PRACTICE, "me", [str(p) for p in _PRACTICE.people["id"]])]
        ),
    )


def _compare_ranking(
    function: Callable[[Any, Any, Any], Any],
    net: Network,
    source: str,
    organization: str,
    distinct: bool,
) -> None:
    strengths = tie_strengths(net)
    colleagues = set(net.match(organization=organization)) - {source}
    where = f"{_label(net)}, for {organization}"
    result = call(
        function,
        [_fresh(strengths), source, set(colleagues)],
        "rank_introducers(strengths, source, colleagues)",
    )
    ranking = _as_ranking(result, where)
    if distinct:
        expected = _distinct_first_reference(net, source, organization)
    else:
        expected = introducers_reference(strengths, source, colleagues).to_dict()
    mine = dict(ranking)
    for contact, _value in ranking:
        if contact not in strengths[source]:
            fail(
                f"{where}: your ranking includes {_name(net, contact)}, who is not one of "
                f"{_name(net, source)}'s own contacts; rank only the people they could ask."
            )
        if contact not in expected:
            fail(
                f"{where}: {_name(net, contact)} has no chain to {organization} that does "
                "not come back through you; leave them out."
            )
    for contact, value in sorted(expected.items(), key=lambda kv: -kv[1]):
        if contact not in mine:
            extra = (
                " (they work there: the chain is your tie to them)" if contact in colleagues else ""
            )
            fail(
                f"{where}: {_name(net, contact)} can start a chain of strength {value:.2f}{extra}, "
                "but your ranking leaves them out."
            )
        if not math.isclose(mine[contact], value, rel_tol=1e-6):
            hint = _ranking_hint(strengths, source, contact, mine[contact], value)
            fail(
                f"{where}: through {_name(net, contact)} the best chain has strength "
                f"{value:.2f}, but your ranking says {mine[contact]:.2f}. {hint}"
            )
    for (a, va), (b, vb) in zip(ranking, ranking[1:], strict=False):
        if vb > va * (1 + 1e-9):
            fail(
                f"{where}: your ranking puts {_name(net, a)} ({va:.2f}) before "
                f"{_name(net, b)} ({vb:.2f}); rank the strongest first "
                "(sort_values(ascending=False))."
            )


def _ranking_hint(
    strengths: Mapping[str, Mapping[str, float]],
    source: str,
    contact: str,
    mine: float,
    right: float,
) -> str:
    tie = strengths[source][contact]
    if math.isclose(mine * tie, right, rel_tol=1e-6):
        return "Multiply by the strength of your own tie to them: the chain starts with you."
    if mine > right:
        return (
            "Keep the best chain over all the colleagues (the max, not a sum), and do not "
            "let a chain come back through you."
        )
    return (
        "Use the strongest chain (Dijkstra), not the one with fewest hops, and keep the "
        "best over all the colleagues."
    )


# ------------------------------------------------- part (d): five people
def _within_hops(
    strengths: Mapping[str, Mapping[str, float]], source: str, max_hops: int
) -> dict[str, float]:
    """The best strength to everyone within ``max_hops`` ties (Bellman-Ford, one round a hop)."""
    best = {source: 1.0}
    frontier = dict(best)
    for _ in range(max_hops):
        better: dict[str, float] = {}
        for person, value in frontier.items():
            for other, tie in strengths[person].items():
                candidate = value * tie
                if candidate > best.get(other, 0.0) * (1 + 1e-12) and candidate > better.get(
                    other, 0.0
                ):
                    better[other] = candidate
        for person, value in better.items():
            best[person] = max(best.get(person, 0.0), value)
        frontier = better
    best.pop(source)
    return best


def people_to_ask_reference(
    strengths: Mapping[str, Mapping[str, float]],
    organization_of: Mapping[str, str],
    source: str,
    organizations: Iterable[str],
) -> list[str]:
    """A right ``people_to_ask(strengths, organization_of, source, organizations)``.

    The five people to ask, best first: at the given organisations, within
    two introductions (three hops), ranked by the strongest chain of at most
    three hops, no more than two per organisation.

    Examples
    --------
    >>> people_to_ask_reference(tie_strengths(_PRACTICE), organization_of(_PRACTICE), "me",
    ...                         ["Borealis Labs", "Acme"])
    ['ana', 'ben', 'cy', 'ivy']
    """
    wanted = set(organizations)
    best = _within_hops(strengths, source, MAX_HOPS)
    candidates = sorted(
        (p for p in best if organization_of.get(p) in wanted), key=lambda p: (-best[p], p)
    )
    picked: list[str] = []
    count: dict[str, int] = {}
    for person in candidates:
        org = organization_of[person]
        if count.get(org, 0) < PER_ORGANIZATION:
            picked.append(person)
            count[org] = count.get(org, 0) + 1
        if len(picked) == PICKS:
            break
    return picked


@checked
def check_people_to_ask(
    people_to_ask: Callable[[Any, Any, Any, Any], Any],
    network: Network,
    organizations: pd.DataFrame,
    target: str,
    source: str | None = None,
) -> None:
    """Check a learner's ``people_to_ask(strengths, organization_of, source, organizations)``.

    ``organizations`` (the argument given to the learner's function) is the
    list of the target and its suppliers, competitors and customers, worked
    out here from the organisations table. The answer must be a list of at
    most five ids, best first: people at those organisations, within two
    introductions, ranked by their strongest chain of at most three hops, at
    most two per organisation. Equally strong people may come in any order.

    Raises
    ------
    CheckFailed
        Naming a person who should or should not be picked, or the order.
    """
    start = _need_network(network).me if source is None else source
    related = related_reference(relations_reference(_need_table(organizations)), target)
    around = [target, *related["suppliers"], *related["competitors"], *related["customers"]]
    plan = [
        (_PRACTICE, "me", ["Borealis Labs", "Acme", "Cobalt Works"]),
        (_PRACTICE, "me", ["Borealis Labs"]),
        (_PRACTICE, "me", ["Dunmore Health"]),
        (network, start, around),
    ]

    def run() -> None:
        for net, begin, orgs in plan:
            _compare_picks(people_to_ask, net, begin, orgs)

    blame_earlier(run, people_to_ask, _strength_part(), _strongest_part())
    passed(
        "people_to_ask picks the strongest people within two introductions, at most two "
        "per organisation."
    )


def _compare_picks(
    function: Callable[..., Any], net: Network, source: str, orgs: list[str]
) -> None:
    strengths = tie_strengths(net)
    owner = organization_of(net)
    where = f"{_label(net)}, for {listing(orgs, 2)}"
    result = call(
        function,
        [_fresh(strengths), dict(owner), source, list(orgs)],
        "people_to_ask(strengths, organization_of, source, organizations)",
    )
    if isinstance(result, pd.Series | pd.Index):
        result = list(result)
    expect_type(result, list | tuple, f"{where}: people_to_ask", "a list of person ids, best first")
    picks = [str(p) for p in result]
    best3 = _within_hops(strengths, source, MAX_HOPS)
    every = _dijkstra(strengths, source)
    expected = people_to_ask_reference(strengths, owner, source, orgs)
    count: dict[str, int] = {}
    for person in picks:
        if person not in owner:
            fail(f"{where}: {person!r} is not anyone in this network; return ids such as 'ana'.")
        if person == source:
            fail(f"{where}: leave {_name(net, source)} out; you do not need to ask yourself.")
        if owner[person] not in orgs:
            fail(
                f"{where}: you pick {_name(net, person)}, who works at "
                f"{owner[person] or 'no known organisation'}, not at one of these organisations."
            )
        if person not in best3:
            far = (
                "cannot be reached" if person not in every else "needs more than two introductions"
            )
            fail(f"{where}: {_name(net, person)} {far}; pick only people within two introductions.")
        count[owner[person]] = count.get(owner[person], 0) + 1
        if count[owner[person]] > PER_ORGANIZATION:
            fail(
                f"{where}: you pick {count[owner[person]]} people at {owner[person]}; take "
                f"at most {PER_ORGANIZATION} per organisation, so that you hear several "
                "sides of the industry."
            )
    if len(set(picks)) != len(picks):
        twice = next(p for p in picks if picks.count(p) > 1)
        fail(f"{where}: you pick {_name(net, twice)} twice.")
    if len(picks) < len(expected):
        left_out = next(p for p in expected if p not in picks)
        fail(
            f"{where}: you pick only {len(picks)} of the {len(expected)} people you could; "
            f"you leave out {_name(net, left_out)} at {owner[left_out]} (strength "
            f"{best3[left_out]:.2f} within two introductions)."
        )
    if len(picks) != len(expected):
        fail(
            f"{where}: pick {len(expected)} people (five if there are that many within two "
            f"introductions), not {len(picks)}."
        )
    for i, (mine, right) in enumerate(zip(picks, expected, strict=True)):
        have, want = best3[mine], best3[right]
        if math.isclose(have, want, rel_tol=1e-9):
            continue
        if have < want:
            left_out = [p for p in expected if p not in picks]
            who = left_out[0] if left_out else right
            if who in picks:  # right people, wrong order
                longer = every.get(mine)
                cause = "put the strongest first."
                if longer and math.exp(-longer[0]) > have * (1 + 1e-9):
                    cause = (
                        f"{_name(net, mine)}'s stronger chain needs more than two "
                        "introductions, so it does not count."
                    )
                fail(
                    f"{where}: your pick {i + 1} is {_name(net, mine)} ({have:.2f}), but "
                    f"{_name(net, who)} is stronger ({best3[who]:.2f}); {cause}"
                )
            longer = every.get(who)
            hint = ""
            if longer and math.exp(-longer[0]) > best3[who] * (1 + 1e-9):
                hint = (
                    " (its strongest chain overall is longer, but a weaker one within two "
                    "introductions counts)"
                )
            fail(
                f"{where}: you leave out {_name(net, who)} at {owner[who]}, whose best chain "
                f"within two introductions has strength {best3[who]:.2f}{hint}, stronger than "
                f"your pick {_name(net, mine)} ({have:.2f})."
            )
        fail(
            f"{where}: your pick {i + 1} is {_name(net, mine)}, whose best chain within two "
            f"introductions has strength {have:.2f}; pick {i + 1} should be as strong as "
            f"{want:.2f}: rank by the strongest chain of at most three hops, best first."
        )


# ---------------------------------------------------------------- hidden data
@checked
def practice_organizations(network: Network, seed: int) -> pd.DataFrame:
    """An organisations table for a generated network (see ``industry.make_organizations``)."""
    return make_organizations(network, seed=seed)


ASSIGNMENT = Assignment(
    name="ps02-who-to-talk-to",
    notebook="who-to-talk-to",
    title="Who to talk to, and who can introduce you",
    parts=(
        Part(
            "a",
            "Suppliers, competitors and customers",
            (
                GradedTest(
                    "part-a-relations", 2, "check_relations_table(relations_table, organizations)"
                ),
                GradedTest(
                    "part-a-related",
                    2,
                    "check_related_organizations(related_organizations, organizations, "
                    "TARGET_ORGANIZATION)",
                ),
                GradedTest("part-a-hidden", 1),
            ),
            functions=("relations_table", "related_organizations"),
        ),
        Part(
            "b",
            "The strongest chain",
            (
                GradedTest("part-b-strength", 1, "check_chain_strength(chain_strength, network)"),
                GradedTest(
                    "part-b-strongest", 4, "check_strongest_chain(strongest_chain, network)"
                ),
                GradedTest("part-b-hidden", 2),
            ),
            functions=("chain_strength", "strongest_chain"),
        ),
        Part(
            "c",
            "Whom to ask first",
            (
                GradedTest(
                    "part-c-introducers",
                    3,
                    "check_introducer_ranking(rank_introducers, network, TARGET_ORGANIZATION)",
                ),
                GradedTest("part-c-hidden", 1),
            ),
            functions=("rank_introducers",),
        ),
        Part(
            "d",
            "Five people to ask",
            (
                GradedTest(
                    "part-d-people",
                    3,
                    "check_people_to_ask(people_to_ask, network, organizations, "
                    "TARGET_ORGANIZATION)",
                ),
                GradedTest("part-d-hidden", 2),
            ),
            functions=("people_to_ask",),
        ),
    ),
    made_by={
        "relations": "relations_table",
        "related": "related_organizations",
        "ranking": "rank_introducers",
        "picks": "people_to_ask",
    },
)
