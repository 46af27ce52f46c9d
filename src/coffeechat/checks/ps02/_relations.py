"""Assignment 2, part (a): the organisations' relations, and its checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from coffeechat.checks._core import (
    blank,
    blanks_as_empty,
    blanks_as_nan,
    brief,
    checked,
    expect_type,
    fail,
    listing,
    passed,
    plural,
    short,
)
from coffeechat.checks._inputs import call_on_copies
from coffeechat.checks.ps02._data import GROUPS, need_table, setup_intact
from coffeechat.errors import CheckFailed, OrganizationDataError
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
    try:
        table = relations_table(organizations)
    except OrganizationDataError as err:
        fail(
            f"The organisations table given to the check is not a valid one ({err}): run the "
            "cell that loads it again, then this one."
        )
    return table.drop_duplicates(ignore_index=True)


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

    One name is written twice in its cell, as happens in a shared spreadsheet,
    so the relation it makes must still be kept once.

    Examples
    --------
    >>> from coffeechat.datasets import load_sample_organizations
    >>> messy = messy_organizations(load_sample_organizations())
    >>> messy.loc[2, "customer_of"]
    'Cloudmere Systems; Quillstack;Fieldnote Research'
    >>> len(relations_table(messy)) - len(relations_table(load_sample_organizations()))
    1
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
    first = next(
        (i, c) for c in RELATION_COLUMNS for i, cell in enumerate(table[c]) if cell.strip()
    )
    row, column = first
    table.loc[row, column] += "; " + table.loc[row, column].split(";")[0].strip()
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
    any order, with names stripped of spaces, no rows for empty cells, each
    relation once, and the table it is given left as it was. The table is
    tried as given, with its empty cells as NaN (what ``pd.read_csv`` gives)
    and as empty text: the text asks for both.

    Raises
    ------
    CheckFailed
        Naming one missing, extra or badly written relation.
    """
    setup_intact(relations_table, ["organizations"])
    expected = _rows(relations_reference(need_table(organizations)))
    _compare_relations(relations_table, organizations, expected)
    for table, blanks in (
        (blanks_as_nan(organizations), "NaN (what pd.read_csv gives)"),
        (blanks_as_empty(organizations), "empty text"),
    ):
        try:
            _compare_relations(relations_table, table, expected)
        except CheckFailed as err:
            message = str(err)
            raise CheckFailed(
                short(f"With the empty cells as {blanks}: {message[0].lower()}{message[1:]}")
            ) from err
    passed(
        f"relations_table gives all {len(expected)} relations, once each, with clean names "
        "(empty cells as NaN or as empty text)."
    )


def _compare_relations(
    function: Callable[[Any], Any],
    organizations: pd.DataFrame,
    expected: list[tuple[str, str, str]],
) -> None:
    result = call_on_copies(
        function, [organizations], "relations_table(organizations)", ["organizations"]
    )
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
    setup_intact(related_organizations)
    relations = relations_reference(need_table(organizations))
    names = [str(n).strip() for n in organizations["name"]]
    targets = ([target] if target else []) + [n for n in names if n != target]
    for name in targets:
        _compare_related(related_organizations, relations, name)
    for side in (0, 1):
        one_sided = one_side_only(relations, side)
        for name in targets:
            _compare_related(related_organizations, one_sided, name)
    passed(
        "related_organizations finds every supplier, competitor and customer, each on the "
        "right side, even in a table that records each relation on one side only."
    )


def one_side_only(relations: pd.DataFrame, side: int) -> pd.DataFrame:
    """The relations with each one recorded on one organisation's row only.

    ``side`` 0 keeps the supplier's rows (``supplier_of``) and drops the
    customers' (``customer_of``); 1 does the opposite. Of two competitors,
    the one first (0) or last (1) in alphabetical order keeps the row.

    Examples
    --------
    >>> tidy = pd.DataFrame({"organization": ["A", "B", "A", "B"],
    ...                      "relation": ["supplier_of", "customer_of"] + ["competitor_of"] * 2,
    ...                      "other": ["B", "A", "B", "A"]})
    >>> one_side_only(tidy, 0).values.tolist()
    [['A', 'supplier_of', 'B'], ['A', 'competitor_of', 'B']]
    """
    dropped = "customer_of" if side == 0 else "supplier_of"
    first = relations["organization"].astype(str) < relations["other"].astype(str)
    rival = relations["relation"] == "competitor_of"
    keep = (relations["relation"] != dropped) & (~rival | (first if side == 0 else ~first))
    return relations[keep].reset_index(drop=True)


def _compare_related(
    function: Callable[[Any, Any], Any], relations: pd.DataFrame, target: str
) -> None:
    result = call_on_copies(
        function,
        [relations, target],
        f"related_organizations(relations, {target!r})",
        ["relations", "target"],
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
                fail(_left_out(relations, target, name, group))


def _left_out(relations: pd.DataFrame, target: str, name: str, group: str) -> str:
    pair = relations[
        ((relations["organization"] == target) & (relations["other"] == name))
        | ((relations["organization"] == name) & (relations["other"] == target))
    ]
    rows = set(pair["organization"])
    if rows == {target}:
        where = (
            f" In this table only {target}'s own row records it: read both the rows where "
            "the target is `organization` and those where it is `other`."
        )
    elif rows == {name}:
        where = (
            f" In this table only {name}'s row records it: read both the rows where the "
            "target is `other` and those where it is `organization`."
        )
    else:
        where = ""
    return short(
        f"For {target}, {name} is one of its {group} ({_why(target, name, group)}), but your "
        f"answer leaves it out.{where}"
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
