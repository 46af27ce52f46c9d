"""An industry around a target: its suppliers, competitors and customers.

The organisation you want to join is not the only place to learn about it.
The firms that sell to it (its **suppliers**), the ones it competes with and
the ones that buy from it (its **customers**) all see it from another side,
and people there are often easier to reach. This module reads those
relations from an organisations table and says, for each organisation around
a target, how many people you can reach there and through whom.

An organisations table has one row per organisation, a ``name`` column and
three relation columns, each a ``"; "``-separated list of names (the format
of :func:`coffeechat.load_sample_organizations`):

* ``supplier_of`` — the organisations this one sells to (its customers);
* ``customer_of`` — the organisations this one buys from (its suppliers);
* ``competitor_of`` — the organisations it competes with.

Mind the direction: if Cloudmere Systems is a ``supplier_of`` Quillstack,
Cloudmere is one of Quillstack's *suppliers*, and Quillstack is a
``customer_of`` Cloudmere.

Examples
--------
>>> from coffeechat.datasets import load_sample_network, load_sample_organizations
>>> orgs = load_sample_organizations()
>>> relations_table(orgs).head(3)
        organization     relation                 other
0  Riverside Academy  customer_of  Brindlewood Learning
1  Riverside Academy  customer_of       Lumen Classroom
2  Northgate University  customer_of  Brindlewood Learning
>>> related_organizations(orgs, "Quillstack")["suppliers"]
['Cloudmere Systems']
>>> table = industry_map(load_sample_network(), orgs, target="Quillstack")
>>> list(table["relation"])[:3]
['target', 'supplier', 'competitor']
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from coffeechat._args import at_least, checked
from coffeechat.contacts import Network, normalize_organization
from coffeechat.errors import InvalidParameter, NoChainError, OrganizationDataError
from coffeechat.paths import Target, chains, introducers, reach

__all__ = [
    "RELATION_COLUMNS",
    "RELATIONS",
    "industry_map",
    "make_organizations",
    "related_organizations",
    "relations_table",
]

#: The relation columns of an organisations table, in order.
RELATION_COLUMNS: tuple[str, ...] = ("supplier_of", "customer_of", "competitor_of")

#: What each organisation around a target is to it, given the row's column:
#: a row (X, ``supplier_of``, target) makes X one of the target's suppliers.
RELATIONS: dict[str, str] = {
    "supplier_of": "suppliers",
    "competitor_of": "competitors",
    "customer_of": "customers",
}

_SINGULAR = {"suppliers": "supplier", "competitors": "competitor", "customers": "customer"}
_MAP_COLUMNS = ("organization", "relation", "people", "in reach", "through", "best chain")


def _names(cell: object) -> list[str]:
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return []
    return [name.strip() for name in str(cell).split(";") if name.strip()]


def _check_table(organizations: object) -> pd.DataFrame:
    if not isinstance(organizations, pd.DataFrame):
        raise InvalidParameter(
            f"expected the organisations table as a pandas DataFrame, not "
            f"{type(organizations).__name__}"
        )
    missing = [c for c in ("name", *RELATION_COLUMNS) if c not in organizations.columns]
    if missing:
        raise OrganizationDataError(
            f"the organisations table has no {missing[0]!r} column; it needs name, "
            + ", ".join(RELATION_COLUMNS)
        )
    names = [str(n).strip() for n in organizations["name"]]
    known = set(names)
    for line, (name, row) in enumerate(zip(names, organizations.itertuples(), strict=True), 2):
        if not name or name == "nan":
            raise OrganizationDataError(f"row {line}: an organisation has no name")
        for column in RELATION_COLUMNS:
            for other in _names(getattr(row, column)):
                if other not in known:
                    raise OrganizationDataError(
                        f"row {line} ({name}): column {column!r} names {other!r}, "
                        "which is not an organisation in the table"
                    )
                if other == name:
                    raise OrganizationDataError(
                        f"row {line} ({name}): column {column!r} names the organisation itself"
                    )
    if len(known) != len(names):
        twice = sorted(n for n in known if names.count(n) > 1)
        raise OrganizationDataError(f"the organisations table names {twice[0]!r} twice")
    return organizations


def relations_table(organizations: pd.DataFrame) -> pd.DataFrame:
    """The relation columns of an organisations table as a tidy table.

    Parameters
    ----------
    organizations : pandas.DataFrame
        An organisations table (see the module description).

    Returns
    -------
    pandas.DataFrame
        One row per relation, with columns ``organization``, ``relation``
        (the column it came from: ``supplier_of``, ``customer_of`` or
        ``competitor_of``) and ``other``; in the table's order.

    Raises
    ------
    OrganizationDataError
        If a column is missing, a name is blank or repeated, or a relation
        names an organisation not in the table.
    InvalidParameter
        If ``organizations`` is not a DataFrame.

    Examples
    --------
    >>> orgs = pd.DataFrame({"name": ["Acme", "Bolt"], "supplier_of": ["Bolt", ""],
    ...                      "customer_of": ["", "Acme"], "competitor_of": ["", ""]})
    >>> relations_table(orgs)
      organization     relation other
    0         Acme  supplier_of  Bolt
    1         Bolt  customer_of  Acme
    """
    table = _check_table(organizations)
    rows = [
        (str(name).strip(), column, other)
        for name, *cells in zip(table["name"], *(table[c] for c in RELATION_COLUMNS), strict=True)
        for column, cell in zip(RELATION_COLUMNS, cells, strict=True)
        for other in _names(cell)
    ]
    return pd.DataFrame(rows, columns=["organization", "relation", "other"])


def related_organizations(organizations: pd.DataFrame, target: str) -> dict[str, list[str]]:
    """The target's suppliers, competitors and customers, by name.

    A relation counts whichever side of it the table records: Cloudmere is
    Quillstack's supplier if Cloudmere's row says ``supplier_of`` Quillstack
    or Quillstack's row says ``customer_of`` Cloudmere.

    Parameters
    ----------
    organizations : pandas.DataFrame
        An organisations table.
    target : str
        An organisation's name as the table spells it.

    Returns
    -------
    dict
        ``{"suppliers": [...], "competitors": [...], "customers": [...]}``,
        each list sorted by name.

    Raises
    ------
    InvalidParameter
        If ``target`` is not in the table (the message suggests names).

    Examples
    --------
    >>> from coffeechat.datasets import load_sample_organizations
    >>> related_organizations(load_sample_organizations(), "Pulsewise")
    {'suppliers': ['Cloudmere Systems', 'Fieldnote Research', 'Quillstack'],
     'competitors': ['Medisight Analytics'], 'customers': ['Calder Health', 'Verdant Clinics']}
    """
    tidy = relations_table(organizations)
    known = list(dict.fromkeys(str(n).strip() for n in organizations["name"]))
    if target not in known:
        import difflib

        close = difflib.get_close_matches(str(target), known, n=3)
        hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
        raise InvalidParameter(f"{target!r} is not in the organisations table{hint}")
    found: dict[str, set[str]] = {kind: set() for kind in RELATIONS.values()}
    mirror = {"supplier_of": "customer_of", "customer_of": "supplier_of"}
    for organization, relation, other in tidy.itertuples(index=False):
        if other == target:  # the row of the organisation around the target
            found[RELATIONS[relation]].add(organization)
        elif organization == target:  # the target's own row, read the other way
            found[RELATIONS[mirror.get(relation, relation)]].add(other)
    return {kind: sorted(names) for kind, names in found.items()}


@checked(max_hops=at_least(1))
def industry_map(
    network: Network,
    organizations: pd.DataFrame,
    source: str | None = None,
    target: str | None = None,
    *,
    max_hops: int = 3,
) -> pd.DataFrame:
    """The target and the organisations around it, with whom you can reach there.

    Parameters
    ----------
    network : Network
    organizations : pandas.DataFrame
        An organisations table naming the network's organisations.
    source : str, optional
        Whose point of view; by default the learner.
    target : str
        The organisation you want to learn about.
    max_hops : int, default 3
        How far to look: 3 hops is at most two introductions.

    Returns
    -------
    pandas.DataFrame
        One row per organisation, the target first, then its suppliers,
        competitors and customers: ``organization``, ``relation``
        (``target``, ``supplier``, ``competitor`` or ``customer``; an
        organisation that is two of these is listed under the first),
        ``people`` (how many work there), ``in reach`` (how many of them are
        within ``max_hops``), ``through`` (up to three of your contacts who
        start the strongest chains there, best first) and ``best chain``
        (the strongest chain within ``max_hops``, in words; ``""`` if none).

    Raises
    ------
    InvalidParameter
        If ``target`` is not in the table or ``max_hops`` is not at least 1.
    PersonNotFound
        If ``source`` is not in the network.

    Examples
    --------
    >>> from coffeechat.datasets import load_sample_network, load_sample_organizations
    >>> table = industry_map(load_sample_network(), load_sample_organizations(), target="Pulsewise")
    >>> table[["organization", "relation", "people", "in reach"]].head(2)
            organization  relation  people  in reach
    0          Pulsewise    target      12        12
    1  Cloudmere Systems  supplier      14        14
    """
    if target is None:
        raise InvalidParameter("say which organisation: target= its name in the table")
    source = network.me if source is None else source
    network.person(source)  # PersonNotFound with suggestions
    around = related_organizations(organizations, target)
    order: dict[str, str] = {target: "target"}
    for kind in ("suppliers", "competitors", "customers"):
        for name in around[kind]:
            order.setdefault(name, _SINGULAR[kind])
    in_reach = reach(network, source=source, max_hops=max_hops)
    rows = []
    for name, relation in order.items():
        people = set(network.match(organization=name)) - {source}
        rows.append(
            {
                "organization": name,
                "relation": relation,
                "people": len(people),
                "in reach": sum(1 for p in people if p in in_reach),
                **_through(network, source, name, max_hops, bool(people)),
            }
        )
    frame = pd.DataFrame(rows, columns=list(_MAP_COLUMNS))
    for column in ("people", "in reach"):
        frame[column] = frame[column].astype("int64")
    return frame


def _through(
    network: Network, source: str, organization: str, max_hops: int, anyone: bool
) -> dict[str, str]:
    if not anyone:
        return {"through": "", "best chain": ""}
    wanted = Target(organization=organization)
    try:
        first = introducers(network, source=source, target=wanted, max_hops=max_hops)
        best = chains(network, source=source, target=wanted, k=1, max_hops=max_hops)[0]
    except NoChainError:
        return {"through": "", "best chain": ""}
    names = []
    for chain in first[:3]:
        who = chain.introducer.name
        names.append(f"{who} (works there)" if chain.hops == 1 else who)
    return {"through": ", ".join(names), "best chain": best.explain()}


@checked
def make_organizations(network: Network, seed: int = 0) -> pd.DataFrame:
    """Draw supplier, customer and competitor relations among a network's organisations.

    For practising on generated networks (:func:`coffeechat.make_network`),
    whose organisations come without such relations. Organisations in the
    same industry may compete; each organisation supplies two or three
    others, mostly in other industries. Both sides of each relation are
    recorded, as in the sample table. The same network and seed always give
    the same table.

    Parameters
    ----------
    network : Network
    seed : int

    Returns
    -------
    pandas.DataFrame
        Columns ``name, industry, supplier_of, customer_of, competitor_of``,
        one row per organisation (blank organisations left out), by name.

    Examples
    --------
    >>> from coffeechat.datasets import make_network
    >>> table = make_organizations(make_network(300, seed=3), seed=3)
    >>> list(table.columns)
    ['name', 'industry', 'supplier_of', 'customer_of', 'competitor_of']
    >>> related = related_organizations(table, table["name"][0])
    >>> sorted(related)
    ['competitors', 'customers', 'suppliers']
    """
    people = network.people
    industry: dict[str, str] = {}
    for name, kind in zip(people["organization"], people["industry"], strict=True):
        if isinstance(name, str) and name.strip():
            industry.setdefault(name.strip(), str(kind) if isinstance(kind, str) else "")
    names = sorted(industry, key=lambda n: (normalize_organization(n), n))
    rng = np.random.default_rng(seed)
    sells: dict[str, set[str]] = {n: set() for n in names}
    competes: dict[str, set[str]] = {n: set() for n in names}
    for name in names:
        same = [n for n in names if n != name and industry[n] == industry[name]]
        others = [n for n in names if n != name and industry[n] != industry[name]]
        if same and rng.random() < 0.7:
            rival = same[int(rng.integers(len(same)))]
            competes[name].add(rival)
            competes[rival].add(name)
        pool = others or same
        if pool:
            count = min(len(pool), int(rng.integers(2, 4)))
            for index in rng.choice(len(pool), size=count, replace=False):
                buyer = pool[int(index)]
                if name not in sells[buyer]:  # no one both sells to and buys from another
                    sells[name].add(buyer)
    buys: dict[str, set[str]] = {n: set() for n in names}
    for seller, buyers in sells.items():
        for buyer in buyers:
            buys[buyer].add(seller)
    return pd.DataFrame(
        {
            "name": names,
            "industry": [industry[n] for n in names],
            "supplier_of": ["; ".join(sorted(sells[n])) for n in names],
            "customer_of": ["; ".join(sorted(buys[n])) for n in names],
            "competitor_of": ["; ".join(sorted(competes[n])) for n in names],
        }
    )
