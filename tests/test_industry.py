"""Tests of coffeechat.industry and the two Module 2 widgets (chain finder, industry map)."""

from __future__ import annotations

import html

import pandas as pd
import pytest

import coffeechat as cc
from coffeechat.contacts import Network, Person, Tie
from coffeechat.errors import InvalidParameter, OrganizationDataError, PersonNotFound
from coffeechat.industry import (
    RELATION_COLUMNS,
    industry_map,
    make_organizations,
    related_organizations,
    relations_table,
)
from coffeechat.ui import (
    CHAIN_COLUMNS,
    ChainFinder,
    IndustryMapExplorer,
    chain_finder,
    chain_table,
    industry_map_explorer,
)


def _orgs(**rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"name": n, "supplier_of": s, "customer_of": c, "competitor_of": k}
            for n, (s, c, k) in rows.items()
        ]
    )


#   me --0.9-- ana(Acme) --0.8-- ben(Bolt) --0.9-- cy(Bolt)
#    \--0.3-- dee(Cog) --0.4--------------------'     eli(Cog, alone)
PEOPLE = [
    Person("me", "Sam Learner"),
    Person("ana", "Ana Ruiz", "Acme", "UX Lead"),
    Person("ben", "Ben Ode", "Bolt", "Data Analyst"),
    Person("cy", "Cy Tran", "Bolt", "UX Researcher"),
    Person("dee", "Dee <b>Park</b>", "Cog", "Buyer"),
    Person("eli", "Eli Fox", "Cog", "Designer"),
]
TIES = [
    Tie("me", "ana", 0.9, "friend"),
    Tie("ana", "ben", 0.8, "former colleague"),
    Tie("ben", "cy", 0.9, "colleague"),
    Tie("me", "dee", 0.3, "acquaintance"),
    Tie("dee", "cy", 0.4, "online"),
]
ORGS = _orgs(Acme=("Bolt", "", "Cog"), Bolt=("", "Acme", ""), Cog=("", "", "Acme"))


@pytest.fixture
def net() -> Network:
    return Network(PEOPLE, TIES)


# --------------------------------------------------------------- relations
def test_relations_table_has_one_row_per_name_with_its_column():
    """Each name in each relation cell becomes a row naming the column it came from."""
    table = relations_table(ORGS)
    assert list(table.columns) == ["organization", "relation", "other"]
    assert sorted(map(tuple, table.to_numpy())) == [
        ("Acme", "competitor_of", "Cog"),
        ("Acme", "supplier_of", "Bolt"),
        ("Bolt", "customer_of", "Acme"),
        ("Cog", "competitor_of", "Acme"),
    ]


def test_relations_table_strips_names_and_skips_blanks_and_nan():
    """Spaces around names, ';' without a space and NaN cells are all read the same."""
    messy = _orgs(
        Acme=(" Bolt ;Cog", float("nan"), ""), Bolt=("", "Acme", ""), Cog=("", "Acme ; ", "")
    )
    table = relations_table(messy)
    assert sorted(table["other"]) == ["Acme", "Acme", "Bolt", "Cog"]


def test_sample_relations_agree_both_ways():
    """In the sample table A supplier_of B comes with B customer_of A; rivalry is mutual."""
    tidy = set(map(tuple, relations_table(cc.load_sample_organizations()).to_numpy()))
    mirror = {
        "supplier_of": "customer_of",
        "customer_of": "supplier_of",
        "competitor_of": "competitor_of",
    }
    assert all((b, mirror[r], a) in tidy for a, r, b in tidy)


@pytest.mark.parametrize(
    ("table", "match"),
    [
        (ORGS.drop(columns="competitor_of"), "no 'competitor_of' column"),
        (_orgs(Acme=("Zed", "", "")), r"row 2 \(Acme\): column 'supplier_of' names 'Zed'"),
        (_orgs(Acme=("Acme", "", "")), "names the organisation itself"),
        (pd.concat([ORGS, ORGS.iloc[:1]]), "names 'Acme' twice"),
        (_orgs(**{"": ("", "", "")}), "row 2: an organisation has no name"),
    ],
)
def test_bad_tables_raise_organization_data_error(table, match):
    """A missing column, unknown name, self-relation, repeat or blank name is named with its row."""
    with pytest.raises(OrganizationDataError, match=match):
        relations_table(table)


def test_related_organizations_reads_both_sides_and_the_direction():
    """A relation recorded on one side still counts; suppliers are who sell to the target."""
    one_sided = _orgs(Acme=("Bolt", "", ""), Bolt=("", "", ""), Cog=("", "Acme", "Bolt"))
    assert related_organizations(one_sided, "Bolt") == {
        "suppliers": ["Acme"],
        "competitors": ["Cog"],
        "customers": [],
    }
    # Cog's row says customer_of Acme: Cog buys from Acme, so it is Acme's customer.
    assert related_organizations(one_sided, "Acme")["customers"] == ["Bolt", "Cog"]
    assert related_organizations(one_sided, "Acme")["suppliers"] == []


def test_related_organizations_suggests_a_close_name():
    """An unknown target is an InvalidParameter that suggests the name meant."""
    with pytest.raises(InvalidParameter, match="did you mean 'Pulsewise'"):
        related_organizations(cc.load_sample_organizations(), "Pulsewse")


# --------------------------------------------------------------- industry map
def test_industry_map_counts_people_in_reach_and_names_introducers(net):
    """Target first; people and reach counted per organisation; 'through' names contacts."""
    table = industry_map(net, ORGS, target="Bolt", max_hops=2)
    assert list(table["organization"]) == ["Bolt", "Acme"]
    assert list(table["relation"]) == ["target", "supplier"]  # Acme sells to Bolt
    bolt = table.iloc[0]
    assert (bolt["people"], bolt["in reach"]) == (2, 2)  # ben via ana, cy via dee
    assert bolt["through"] == "Ana Ruiz, Dee <b>Park</b>"
    assert table.iloc[1]["through"] == "Ana Ruiz (works there)"
    assert "Ben Ode" in bolt["best chain"]


def test_industry_map_with_one_hop_reaches_only_direct_contacts(net):
    """With max_hops=1 nobody at Bolt is in reach and the chain columns are empty."""
    bolt = industry_map(net, ORGS, target="Bolt", max_hops=1).iloc[0]
    assert (bolt["in reach"], bolt["through"], bolt["best chain"]) == (0, "", "")


@pytest.mark.parametrize("hops", [0, -1, 1.5, True])
def test_industry_map_rejects_bad_hops(net, hops):
    """max_hops must be a whole number of at least 1."""
    with pytest.raises(InvalidParameter, match="max_hops"):
        industry_map(net, ORGS, target="Bolt", max_hops=hops)


def test_industry_map_rejects_an_unknown_source(net):
    """An unknown source is PersonNotFound."""
    with pytest.raises(PersonNotFound):
        industry_map(net, ORGS, target="Bolt", source="zed")


# --------------------------------------------------------- generated tables
def test_make_organizations_is_reproducible_consistent_and_readable():
    """The same seed gives the same table; every relation is recorded on both sides."""
    network = cc.make_network(300, seed=5)
    table = make_organizations(network, seed=5)
    assert table.equals(make_organizations(network, seed=5))
    assert not table.equals(make_organizations(network, seed=6))
    assert set(table["name"]) == {o for o in network.people["organization"] if o}
    tidy = set(map(tuple, relations_table(table).to_numpy()))
    mirror = {
        "supplier_of": "customer_of",
        "customer_of": "supplier_of",
        "competitor_of": "competitor_of",
    }
    assert tidy and all((b, mirror[r], a) in tidy for a, r, b in tidy)
    assert {r for _, r, _ in tidy} == set(RELATION_COLUMNS)


# --------------------------------------------------------------- chain finder
def test_chain_table_ranks_by_hops_or_strength(net):
    """By hops the short weak chain comes first; by strength the long strong one."""
    by_hops = chain_table(net, target="cy", by="hops")
    by_strength = chain_table(net, target="cy", by="strength")
    assert list(by_hops.columns) == list(CHAIN_COLUMNS)
    assert list(by_hops["ask first"]) == ["Dee <b>Park</b>", "Ana Ruiz"]
    assert list(by_strength["ask first"]) == ["Ana Ruiz", "Dee <b>Park</b>"]
    assert list(by_strength["hops"]) == [3, 2]
    assert list(by_strength["introductions"]) == [2, 1]
    assert by_strength["strength"].iloc[0] == pytest.approx(0.65)


def test_chain_table_is_empty_when_nothing_reaches(net):
    """Eli is reachable by no chain: an empty table, not an error."""
    assert chain_table(net, target="eli").empty


def test_chain_table_rejects_a_bad_ranking(net):
    """Only 'hops' and 'strength' rank chains."""
    with pytest.raises(InvalidParameter, match="by must be"):
        chain_table(net, target="cy", by="warmth")


def test_chain_finder_follows_every_control(net):
    """Setting kind, value, by and k recomputes the table and the words, escaped."""
    finder = chain_finder(net, kind="organization", value="Bolt")
    assert isinstance(finder, ChainFinder)
    assert list(finder.table["hops"]) == [2, 2]
    finder.k.value = 1
    assert len(finder.table) == 1
    finder.by.value = "strength"
    assert finder.table["ask first"].iloc[0] == "Ana Ruiz"
    finder.kind.value = "role"
    assert "UX Researcher" in [v for _, v in finder.value.options]
    finder.value.value = "UX Researcher"
    assert list(finder.table.index) == [1]
    finder.kind.value = "person"
    finder.value.value = "dee"
    assert finder.table["hops"].tolist() == [1]
    assert html.escape("Dee <b>Park</b>") in finder.result.value
    assert "<b>Park</b>" not in finder.result.value


def test_chain_finder_says_so_when_no_chain(net):
    """A target no chain reaches gives a sentence, not an error."""
    finder = chain_finder(net, kind="person", value="eli")
    assert finder.table.empty
    assert "No chain" in finder.result.value


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"kind": "school"}, "kind must be"),
        ({"value": "Zed"}, "not a organization"),
        ({"k": 0}, "k must"),
    ],
)
def test_chain_finder_rejects_bad_options(net, options, match):
    """Unknown kind, value or k is an InvalidParameter."""
    with pytest.raises(InvalidParameter, match=match):
        chain_finder(net, **options)


# --------------------------------------------------------------- industry map widget
def test_industry_map_explorer_follows_target_and_hops(net):
    """Changing the target or the hops recomputes the table and the summary."""
    view = industry_map_explorer(net, ORGS, target="Bolt", max_hops=1)
    assert isinstance(view, IndustryMapExplorer)
    assert view.table.loc[0, "in reach"] == 0
    view.max_hops.value = 2
    assert view.table.loc[0, "in reach"] == 2
    assert "<b>2</b> of the 2 people at <b>Bolt</b>" in view.summary.value
    view.target.value = "Acme"
    assert list(view.table["organization"]) == ["Acme", "Cog", "Bolt"]
    assert list(view.table["relation"]) == ["target", "competitor", "customer"]
    assert "best chain" not in view.result.value


def test_industry_map_explorer_rejects_an_unknown_target(net):
    """A target not in the table is an InvalidParameter."""
    with pytest.raises(InvalidParameter, match="not in the organisations table"):
        industry_map_explorer(net, ORGS, target="Zed")
