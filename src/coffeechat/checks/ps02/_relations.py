"""Assignment 2, part (a): the organisations' relations, and its checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from coffeechat.checks._core import (
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
from coffeechat.checks.ps02._data import GROUPS, need_table
from coffeechat.industry import RELATION_COLUMNS, relations_table


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
    expected = _rows(relations_reference(need_table(organizations)))
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
    relations = relations_reference(need_table(organizations))
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
