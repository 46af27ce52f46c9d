"""Tests of the bundled sample data and the network generator in coffeechat.datasets."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.contacts import TIE_KINDS, Network, normalize_organization
from coffeechat.datasets import (
    load_sample_organizations,
    make_network,
    sample_path,
)
from coffeechat.errors import InvalidParameter
from coffeechat.io import read_google_csv, read_linkedin, read_linkedin_table, read_vcard

ROOT = Path(__file__).resolve().parents[1]


def hops(net: Network) -> dict[str, int]:
    return nx.single_source_shortest_path_length(net.graph, net.me)


def nearest_by_organization(net: Network) -> dict[str, int]:
    """For each organisation, the fewest hops from the learner to anyone working there."""
    dist = hops(net)
    people = net.people
    nearest: dict[str, int] = {}
    for pid, org in zip(people["id"], people["organization"], strict=True):
        if org and pid != net.me:
            nearest[org] = min(nearest.get(org, math.inf), dist[pid])
    return nearest


# ------------------------------------------------------------------ the sample network


def test_sample_network_size_and_learner(sample: Network) -> None:
    """About 200 people, about 40 first-degree contacts, everyone reachable from 'me'."""
    assert 180 <= len(sample) <= 220
    assert 35 <= sample.degree("me") <= 45
    assert sample.person("me").name == "Alex Moreno"
    assert nx.is_connected(sample.graph)


def test_sample_network_has_every_tie_kind_and_detail(sample: Network) -> None:
    """All tie kinds appear; people have organisations, roles, schools; ties have dates."""
    ties = sample.ties
    assert set(ties["kind"]) == set(TIE_KINDS)
    assert ties["strength"].between(0, 1, inclusive="right").all()
    assert ties["met_on"].notna().mean() > 0.6
    mine = ties[(ties["source"] == "me") | (ties["target"] == "me")]
    assert mine["last_contact"].notna().mean() > 0.8
    people = sample.people
    assert (people["role"] != "").mean() > 0.95
    assert (people["school"] != "").mean() > 0.9
    assert people["industry"].replace("", np.nan).dropna().nunique() == 4


def test_sample_names_are_varied(sample: Network) -> None:
    """Names come from many languages, include non-ASCII letters, and one name is shared."""
    names = sample.people["name"]
    assert names.map(lambda n: not n.isascii()).sum() >= 5
    assert names.value_counts().max() == 2
    assert sample.person("maria-silva").organization != sample.person("maria-silva-2").organization


def test_sample_organizations_agree_with_each_other(sample: Network) -> None:
    """15 organisations in 4 industries; supplier and customer lists mirror each other."""
    orgs = load_sample_organizations()
    assert len(orgs) == 15 and orgs["industry"].nunique() == 4
    names = set(orgs["name"])

    def listed(value: str) -> set[str]:
        return {v.strip() for v in value.split(";") if v.strip()}

    table = orgs.set_index("name")
    for name, row in table.iterrows():
        for column in ("supplier_of", "customer_of", "competitor_of"):
            assert listed(row[column]) <= names - {name}
        for customer in listed(row["supplier_of"]):
            assert name in listed(table.loc[customer, "customer_of"])
        for rival in listed(row["competitor_of"]):
            assert name in listed(table.loc[rival, "competitor_of"])
    assert set(sample.people["organization"]) - {""} == names


def test_some_employers_are_two_and_three_hops_away(sample: Network) -> None:
    """Some organisations are reached only through a friend of a friend, some only in three."""
    nearest = nearest_by_organization(sample)
    assert sum(d == 1 for d in nearest.values()) >= 5
    assert sum(d == 2 for d in nearest.values()) >= 3
    assert {org for org, d in nearest.items() if d == 3} >= {
        "Tessellate Labs",
        "Meridian Market Insights",
        "Kitewire Surveys",
    }


def test_two_hop_employers_have_several_introducers(sample: Network) -> None:
    """At organisations two hops away, different first-degree contacts can introduce."""
    nearest = nearest_by_organization(sample)
    people = sample.people.set_index("id")
    counts = {}
    for org, d in nearest.items():
        if d != 2:
            continue
        staff = set(people.index[people["organization"] == org])
        counts[org] = sum(
            1 for friend in sample.neighbors("me") if staff & set(sample.neighbors(friend))
        )
    assert counts["Quillstack"] >= 3
    assert sum(n >= 2 for n in counts.values()) >= 3


def test_strong_long_chain_beats_weak_short_one(sample: Network) -> None:
    """To Pulsewise's head of UX research, the strongest chain is longer than the shortest."""
    g = sample.graph
    short = nx.shortest_path(g, "me", "amara-nwosu")
    strong = nx.dijkstra_path(g, "me", "amara-nwosu", weight="cost")

    def product(path: list[str]) -> float:
        return math.prod(g.edges[a, b]["strength"] for a, b in zip(path, path[1:], strict=False))

    assert len(short) == 3 and len(strong) == 4
    assert product(strong) > 3 * product(short)
    assert strong[1] == "lucia-moreno"


# ------------------------------------------------------------------ bundled exports


def test_connections_csv_looks_like_a_real_export() -> None:
    """The LinkedIn sample has the BOM, notes, empty e-mails, quoted commas, shared names."""
    raw = sample_path("Connections.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfNotes:\n")
    table = read_linkedin_table(sample_path("Connections.csv"))
    assert (table["Email Address"] == "").mean() > 0.8
    assert table["Company"].str.contains(",").any() and table["Position"].str.contains(",").any()
    names = table["First Name"] + " " + table["Last Name"]
    assert names.duplicated().any()
    assert (~names.map(str.isascii)).any()
    assert (table["Company"] == "").any()
    assert table["Connected On"].is_monotonic_decreasing


def test_connections_csv_matches_the_sample_network(sample: Network) -> None:
    """Each LinkedIn connection is a first-degree contact with the same id, employer and role."""
    linked = read_linkedin(sample_path("Connections.csv"))
    first_degree = set(sample.neighbors("me"))
    assert len(linked) - 1 >= 0.9 * len(first_degree)
    for person in linked.contacts():
        assert person.id in first_degree
        theirs = sample.person(person.id)
        assert person.name == theirs.name
        assert normalize_organization(person.organization) == normalize_organization(
            theirs.organization
        )
        assert person.role == theirs.role


@pytest.mark.parametrize(
    ("name", "reader"), [("contacts.vcf", read_vcard), ("google_contacts.csv", read_google_csv)]
)
def test_address_books_match_the_sample_network(sample: Network, name: str, reader) -> None:
    """The vCard and Google samples give the same people and tie kinds as the sample network."""
    book = reader(sample_path(name))
    assert len(book) > 8
    for person in book.contacts():
        theirs = sample.person(person.id)
        assert (person.name, person.organization) == (theirs.name, theirs.organization)
        assert book.tie("me", person.id).kind == sample.tie("me", person.id).kind


def test_sample_files_are_what_the_generator_writes() -> None:
    """tools/make_sample_data.py, run again, writes exactly the bundled files."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_sample_data.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "name",
    [
        "people.csv",
        "ties.csv",
        "organizations.csv",
        "Connections.csv",
        "contacts.vcf",
        "google_contacts.csv",
    ],
)
def test_sample_path_finds_bundled_files(name: str) -> None:
    """Every documented sample file is bundled."""
    path = sample_path(name)
    assert path.is_file() and path.name == name


@pytest.mark.parametrize(
    ("name", "match"),
    [
        ("nope.csv", r"no sample file 'nope\.csv'; the sample files are: .*Connections\.csv"),
        ("../__init__.py", "expected the name of a sample file"),
        ("", "no sample file|expected the name"),
        (3, "expected the name of a sample file"),
    ],
)
def test_sample_path_rejects_other_names(name: object, match: str) -> None:
    """Unknown names, and anything that looks like a path, raise InvalidParameter."""
    with pytest.raises(InvalidParameter, match=match):
        sample_path(name)  # type: ignore[arg-type]


# ------------------------------------------------------------------ make_network


@pytest.mark.parametrize("size", [50, 51, 137, 500, 2_000])
def test_make_network_has_the_size_and_ids_asked_for(size: int) -> None:
    """The network has `size` people, 'me' first, and ids p000001, p000002... for the rest."""
    net = make_network(size, seed=5)
    people = net.people
    assert len(net) == size and net.me == "me"
    assert people["id"].iloc[0] == "me" and people["name"].iloc[0] == "Me"
    assert people["id"].iloc[1:].str.fullmatch(r"p\d{6}").all()
    assert people["id"].is_unique
    for column in ("name", "organization", "role", "industry", "location", "school"):
        assert (people[column] != "").all(), column


def test_make_network_is_deterministic() -> None:
    """The same seed gives the same network; another seed gives another."""
    assert make_network(300, seed=11) == make_network(300, seed=11)
    assert make_network(300, seed=11) != make_network(300, seed=12)


def test_make_network_ties() -> None:
    """Ties have every kind, strengths in (0, 1], dates, and the mean degree asked for."""
    net = make_network(3_000, seed=2, mean_degree=12)
    ties = net.ties
    assert set(ties["kind"]) == set(TIE_KINDS)
    assert ties["strength"].between(0, 1, inclusive="right").all()
    assert (ties["source"] != ties["target"]).all()
    assert ties["met_on"].notna().mean() > 0.9
    assert 11 <= 2 * len(ties) / len(net) <= 12
    colleagues = ties["kind"] == "colleague"
    people = net.people.set_index("id")["organization"]
    same = people[ties["source"]].to_numpy() == people[ties["target"]].to_numpy()
    assert (same == colleagues.to_numpy()).all()


def test_make_network_organisation_sizes_are_heavy_tailed() -> None:
    """A few organisations are far bigger than the typical one."""
    sizes = make_network(5_000, seed=3).people["organization"].value_counts()
    assert sizes.iloc[0] > 5 * sizes.median()


@pytest.mark.parametrize("size", [300, 600])
def test_make_network_is_a_small_world(size: int) -> None:
    """Clustering is far above a random graph's of the same density, and paths are short."""
    g = make_network(size, seed=4).graph
    density = nx.density(g)
    assert nx.average_clustering(g) > max(0.3, 5 * density)
    assert nx.is_connected(g)
    mean_degree = 2 * g.number_of_edges() / size
    assert nx.average_shortest_path_length(g) < 2 * math.log(size) / math.log(mean_degree)


def test_rewiring_moves_between_lattice_and_random_graph() -> None:
    """With no rewiring paths are long; with full rewiring clustering drops to random."""
    lattice = make_network(400, seed=1, mean_degree=8, rewiring=0.0).graph
    small = make_network(400, seed=1, mean_degree=8, rewiring=0.1).graph
    random = make_network(400, seed=1, mean_degree=8, rewiring=1.0).graph
    assert nx.average_shortest_path_length(lattice) > 3 * nx.average_shortest_path_length(small)
    assert nx.average_clustering(lattice) > 0.6
    assert nx.average_clustering(random) < 0.1 < nx.average_clustering(small)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"size": 49}, "size must be a whole number of at least 50"),
        ({"size": 100.0}, "size must be"),
        ({"size": True}, "size must be"),
        ({"size": 100, "seed": -1}, "seed must be"),
        ({"size": 100, "seed": "x"}, "seed must be"),
        ({"size": 100, "mean_degree": 1}, "mean_degree must be a whole number from 2 to 49"),
        ({"size": 100, "mean_degree": 50}, "mean_degree must be"),
        ({"size": 100, "rewiring": 1.5}, "rewiring must be a number from 0 to 1"),
        ({"size": 100, "rewiring": "lots"}, "rewiring must be"),
    ],
)
def test_make_network_rejects_bad_parameters(kwargs: dict[str, object], match: str) -> None:
    """Sizes, seeds, degrees and rewiring out of range raise InvalidParameter."""
    with pytest.raises(InvalidParameter, match=match):
        make_network(**kwargs)  # type: ignore[arg-type]


@settings(max_examples=15, deadline=None)
@given(size=st.integers(50, 400), seed=st.integers(0, 2**32), rewiring=st.floats(0, 1))
def test_make_network_property(size: int, seed: int, rewiring: float) -> None:
    """Any size, seed and rewiring give a valid network of that size with 'me' in it."""
    net = make_network(size, seed=seed, rewiring=rewiring)
    assert len(net) == size and "me" in net
    assert net.number_of_ties > 0
    assert re.fullmatch(r"p\d{6}", net.people["id"].iloc[-1])


# ------------------------------------------------------------------ the sample against the text

ONE_HOLDER = re.compile(
    r"^(?:Chief |Head of|Founder|Managing Partner|Clinic Director|Head Teacher)"
)


def _notebook_text(name: str) -> str:
    import nbformat

    (path,) = (ROOT / "notebooks").glob(f"{name}*.ipynb")
    return "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells)


def test_a_firm_has_one_chief_and_one_head_of_each_thing(sample: Network) -> None:
    """A 12-person firm has one Chief Technology Officer, not four; so for every such title."""
    people = sample.people[sample.people["organization"] != ""]
    titled = people[people["role"].str.contains(ONE_HOLDER)]
    repeats = titled.groupby(["organization", "role"]).size()
    assert (repeats == 1).all(), repeats[repeats > 1].to_dict()


def test_sample_lamp_list_is_true_to_the_sample(sample: Network) -> None:
    """Advocacy follows the network (someone within two hops), notes follow the organisations."""
    import pandas as pd

    from coffeechat.employer_plan import within_reach
    from coffeechat.industry import related_organizations

    lamp = pd.read_csv(sample_path("lamp.csv"), keep_default_na=False)
    organizations = load_sample_organizations()
    known = set(organizations["name"])
    for row in lamp.itertuples():
        said_yes = row.advocacy.strip().lower() in ("yes", "y")
        if row.employer in known:
            assert said_yes == bool(within_reach(sample, row.employer)), row.employer
        if not row.notes:
            continue
        relation, other = row.notes.split(" of ", 1)
        if row.employer in known:
            related = related_organizations(organizations, row.employer)
            side = {"customer": "suppliers", "supplier": "customers", "competitor": "competitors"}
            assert other in related[side[relation]], f"{row.employer}: {row.notes}"
        else:
            assert other not in known, f"invented {row.employer} claims {row.notes}"
    by_name = lamp.set_index("employer")
    assert by_name.loc["Pulsewise", "advocacy"] == "yes"  # two hops away, through Farah
    assert by_name.loc["Quillstack", "motivation"] == 3  # Alex's new favourite (Assignment 2)


def test_first_ring_contacts_are_called_what_their_tie_says(sample: Network) -> None:
    """Nobody the sample marks as an acquaintance is called Alex's friend in the modules."""
    text = "\n".join(_notebook_text(f"{n:02d}") for n in range(1, 9))
    for other in sample.neighbors(sample.me):
        kind = sample.tie(sample.me, other).kind
        name = sample.person(other).name
        if kind in ("friend", "family"):
            continue
        for called in (rf"friend,? {name}", rf"{name}, (?:Alex's|a|my) (?:close )?friend"):
            assert not re.search(called, text), f"{name} is Alex's {kind}, called a friend"


def test_module_five_says_the_minutes_the_call_was_given() -> None:
    """The worked transcript's call was given the minutes the text says it was."""
    import pandas as pd

    interviews = pd.read_csv(sample_path("interviews.csv"))
    agreed = dict(zip(interviews["transcript"], interviews["agreed_minutes"], strict=True))
    text = _notebook_text("05")
    worked = re.search(r"conversation \*\*(T\d)\*\*, a (\d+)-minute call", text)
    assert worked and int(worked[2]) == agreed[worked[1]]
    for said in re.findall(r"gave you (\d+) minutes", text):
        assert int(said) == agreed[worked[1]], f"'gave you {said} minutes' for {worked[1]}"


def test_sample_texts_have_no_slots_and_roles_read_as_english() -> None:
    """Transcripts fill every slot, and a role after "as" has its article ("as a UX Researcher")."""
    import pandas as pd

    turns = pd.read_csv(sample_path("transcripts.csv"))
    roles = pd.read_csv(sample_path("interviews.csv"))["role"]
    for text in turns["text"]:
        assert "{" not in text and "}" not in text, text
        for role in roles:
            if not ONE_HOLDER.match(role):  # "as managing partner" needs no article
                assert not re.search(rf"\bas {re.escape(role)}\b", text, re.IGNORECASE), text
