"""Tests of the contact model: people, ties and the network."""

from __future__ import annotations

import math
from datetime import date

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.contacts import (
    DEFAULT_STRENGTH,
    Network,
    Person,
    Tie,
    normalize_kind,
    normalize_organization,
    strength_label,
)
from coffeechat.errors import CoffeeChatError, ContactDataError, InvalidParameter, PersonNotFound
from strategies import ANY_STRENGTH, networks


def small_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    people = pd.DataFrame(
        {
            "id": ["me", "ana", "ben", "carla", "dev"],
            "name": ["Sam Learner", "Ana Ruiz", "Ben Ode", "Carla Díaz", "Dev Patel"],
            "organization": ["", "Acme Inc.", "Borealis Labs", "ACME", "Cobalt & Co"],
            "role": ["Teacher", "Product Designer", "Data Analyst", "UX Lead", "Recruiter"],
            "industry": ["Education", "Software", "Software", "Software", "Staffing"],
            "school": ["Lakeside College", "", "Lakeside College", "", ""],
            "tags": ["", "design; mentor", "", "", ""],
        }
    )
    ties = pd.DataFrame(
        {
            "source": ["me", "ana", "me", "ben"],
            "target": ["ana", "carla", "ben", "dev"],
            "strength": [0.8, 0.3, 1.0, ""],
            "kind": ["former colleague", "classmate", "friend", "Co-worker"],
            "met_on": ["2019-09-01", "", "12 Mar 2024", None],
        }
    )
    return people, ties


@pytest.fixture
def net() -> Network:
    return Network.from_frames(*small_frames())


def test_frames_round_trip(net: Network) -> None:
    """A network rebuilt from its own tables is equal to it."""
    assert Network.from_frames(net.people, net.ties, me=net.me) == net


def test_tables_are_copies(net: Network) -> None:
    """Changing a returned table does not change the network."""
    people = net.people
    people.loc[0, "name"] = "Someone Else"
    ties = net.ties
    ties.loc[0, "strength"] = 0.01
    assert net.person("me").name == "Sam Learner"
    assert net.tie("me", "ana").strength == 0.8


def test_defaults_fill_missing_strength_and_kind(net: Network) -> None:
    """A blank strength takes its kind's default; synonyms of kinds are understood."""
    tie = net.tie("dev", "ben")
    assert tie.kind == "colleague"
    assert tie.strength == DEFAULT_STRENGTH["colleague"]


def test_dates_are_read(net: Network) -> None:
    """ISO dates and LinkedIn-style dates both become ``datetime.date``."""
    assert net.tie("me", "ana").met_on == date(2019, 9, 1)
    assert net.tie("me", "ben").met_on == date(2024, 3, 12)
    assert net.tie("ana", "carla").met_on is None


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"organization": "acme"}, ["ana", "carla"]),
        ({"organization": "Acme, Inc"}, ["ana", "carla"]),
        ({"organization": "cobalt and co"}, ["dev"]),
        ({"role": "ux"}, ["carla"]),
        ({"role": "analyst", "industry": "SOFTWARE"}, ["ben"]),
        ({"school": "lakeside"}, ["me", "ben"]),
        ({"name": "diaz"}, ["carla"]),
        ({"organization": "Acme", "role": "recruiter"}, []),
    ],
)
def test_match(net: Network, criteria: dict[str, str], expected: list[str]) -> None:
    """Queries ignore case, accents, punctuation and legal suffixes."""
    assert net.match(**criteria) == expected


def test_person_and_contacts(net: Network) -> None:
    """People come back as records; contacts are ordered strongest first."""
    ana = net.person("ana")
    assert ana == Person(
        "ana",
        "Ana Ruiz",
        "Acme Inc.",
        "Product Designer",
        "Software",
        tags=("design", "mentor"),
    )
    assert [p.id for p in net.contacts()] == ["ben", "ana"]
    assert net.neighbors("ana") == ["me", "carla"]
    assert net.degree("ben") == 2
    assert net.tie("me", "carla") is None
    assert "carla" in net and "zoe" not in net
    assert len(net) == 5 and net.number_of_ties == 4


def test_unknown_person_suggests(net: Network) -> None:
    """An unknown id raises PersonNotFound and suggests close ids."""
    with pytest.raises(PersonNotFound, match=r"no person with id 'anna'.*did you mean 'ana'"):
        net.person("anna")
    with pytest.raises(PersonNotFound):
        net.tie("me", "nobody")


def test_graph_view(net: Network) -> None:
    """The networkx view has every person and tie with their attributes."""
    g = net.graph
    assert isinstance(g, nx.Graph)
    assert g.number_of_nodes() == 5 and g.number_of_edges() == 4
    assert g.nodes["carla"]["organization"] == "ACME"
    assert g.edges["me", "ben"]["cost"] == 0.0
    assert g.edges["me", "ana"]["cost"] == pytest.approx(-math.log(0.8))


def test_build_from_records() -> None:
    """A network can be built from Person and Tie records."""
    net = Network([Person("me", "Sam"), Person("a", "Ana")], [Tie("a", "me", 0.5, "friend")])
    assert net.tie("me", "a") == Tie("a", "me", 0.5, "friend")


BAD_PEOPLE = [
    ({"id": ["me", "a", "a"], "name": ["x", "y", "z"]}, r"people row 2: duplicate id 'a'"),
    ({"id": ["me", ""], "name": ["x", "y"]}, r"people row 1: empty id"),
    ({"id": ["me", "a"], "name": ["x", None]}, r"people row 1: person 'a' has no name"),
    ({"id": ["me"]}, r"missing column 'name'"),
]


@pytest.mark.parametrize(("people", "message"), BAD_PEOPLE)
def test_bad_people(people: dict[str, list[object]], message: str) -> None:
    """Bad people rows raise ContactDataError naming the row and problem."""
    ties = pd.DataFrame({"source": [], "target": []})
    with pytest.raises(ContactDataError, match=message):
        Network.from_frames(pd.DataFrame(people), ties)


BAD_TIES = [
    ({"source": ["me"], "target": ["a"], "strength": [1.5]}, r"row 0: strength 1.5 is not"),
    ({"source": ["me"], "target": ["a"], "strength": [0]}, r"strength 0 is not a number in"),
    ({"source": ["me"], "target": ["a"], "strength": ["strong"]}, r"strength 'strong'"),
    ({"source": ["me"], "target": ["zed"]}, r"row 0: target 'zed' is not a person id"),
    ({"source": [""], "target": ["a"]}, r"row 0: source empty"),
    ({"source": ["a"], "target": ["a"]}, r"tie from 'a' to itself"),
    ({"source": ["me", "a"], "target": ["a", "me"]}, r"row 1: second tie between 'a' and 'me'"),
    ({"source": ["me"], "target": ["a"], "kind": ["pen pal"]}, r"unknown tie kind 'pen pal'"),
    ({"source": ["me"], "target": ["a"], "met_on": ["yesterday"]}, r"cannot read the date"),
    ({"source": ["me"]}, r"missing column 'target'"),
]


@pytest.mark.parametrize(("ties", "message"), BAD_TIES)
def test_bad_ties(ties: dict[str, list[object]], message: str) -> None:
    """Bad tie rows raise ContactDataError naming the row and problem."""
    people = pd.DataFrame({"id": ["me", "a"], "name": ["Me", "Ana"]})
    with pytest.raises(ContactDataError, match=message):
        Network.from_frames(people, pd.DataFrame(ties))


def test_error_names_file_line_and_column() -> None:
    """When the tables came from a file, errors point at file, line and column."""
    from coffeechat._tables import Lines, Origin
    from coffeechat.contacts import build_network

    people = pd.DataFrame({"id": ["me", "a"], "name": ["Me", "Ana"]})
    ties = pd.DataFrame({"source": ["me", "me"], "target": ["a", "b"]})
    with pytest.raises(ContactDataError) as info:
        build_network(people, ties, ties_origin=Origin("ties", "ties.csv", Lines([2, 5])))
    err = info.value
    assert str(err) == "ties.csv:5: column 'target': target 'b' is not a person id"
    assert (err.path, err.line, err.column) == ("ties.csv", 5, "target")


def test_skip_reports_every_bad_row() -> None:
    """With errors='skip' bad rows are left out and each one is reported."""
    people = pd.DataFrame({"id": ["me", "a", "a", "b"], "name": ["Me", "Ana", "Ann", "Bo"]})
    ties = pd.DataFrame(
        {"source": ["me", "me", "a", "b"], "target": ["a", "b", "a", "zed"], "strength": 0.5}
    )
    net = Network.from_frames(people, ties, errors="skip")
    assert len(net) == 3 and net.number_of_ties == 2
    assert len(net.skipped) == 3
    messages = " | ".join(map(str, net.skipped))
    assert "duplicate id 'a'" in messages
    assert "tie from 'a' to itself" in messages
    assert "'zed' is not a person id" in messages
    assert "3 rows skipped" in repr(net)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"me": "zoe"}, ContactDataError, r"me='zoe' is not the id of anyone"),
        ({"errors": "ignore"}, InvalidParameter, r"errors must be 'raise' or 'skip'"),
    ],
)
def test_bad_arguments(kwargs: dict[str, str], error: type, message: str) -> None:
    """A learner missing from the data is a data error; a bad errors= an argument mistake.

    ``errors=`` is refused with the same error by from_frames and by every reader.
    """
    with pytest.raises(error, match=message):
        Network.from_frames(*small_frames(), **kwargs)


def test_missing_learner() -> None:
    """Without a 'me' row or a me= argument, the error says what to do."""
    people = pd.DataFrame({"id": ["a"], "name": ["Ana"]})
    with pytest.raises(ContactDataError, match="pass me=<id>"):
        Network.from_frames(people, pd.DataFrame({"source": [], "target": []}))


def test_not_frames() -> None:
    """Passing something other than DataFrames is an argument mistake."""
    with pytest.raises(InvalidParameter, match="must be pandas DataFrames"):
        Network.from_frames([], [])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("friend", "friend"),
        ("Former_Colleague", "former colleague"),
        ("co-worker", "colleague"),
        ("MET", "acquaintance"),
        ("spouse", "family"),
        ("Alumna", "alumni"),
        ("rival", None),
    ],
)
def test_normalize_kind(raw: str, kind: str | None) -> None:
    """Tie kinds and their common synonyms map onto TIE_KINDS."""
    assert normalize_kind(raw) == kind


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Acme Inc.", "ACME"),
        ("Borealis Labs, Ltd", "borealis labs"),
        ("Café Noir GmbH", "cafe noir"),
        ("Smith & Sons", "Smith and Sons"),
    ],
)
def test_normalize_organization(a: str, b: str) -> None:
    """Organisation names that mean the same employer compare equal."""
    assert normalize_organization(a) == normalize_organization(b)


def test_strength_labels_cover_range() -> None:
    """Every strength in (0, 1] has a label."""
    assert {strength_label(s / 100) for s in range(1, 101)} == {
        "strong tie",
        "medium tie",
        "weak tie",
    }


ids = st.text(alphabet="abcdefghij", min_size=1, max_size=4)


def _person(pid: str) -> st.SearchStrategy[Person]:
    return st.builds(
        Person,
        st.just(pid),
        st.text(min_size=1, max_size=8).filter(str.strip).map(str.strip),
        st.sampled_from(["", "Acme", "Borealis Labs"]),
    )


@settings(max_examples=60, deadline=None)
@given(networks(ids=ids, person=_person, strengths=ANY_STRENGTH, max_ties=20))
def test_property_frames_round_trip(net: Network) -> None:
    """Any valid network survives a trip through its own tables."""
    again = Network.from_frames(net.people, net.ties)
    assert again == net
    assert again.graph.number_of_edges() == net.number_of_ties


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.text(max_size=3), st.integers(-2, 2)),
            st.one_of(st.none(), st.text(max_size=3)),
            st.one_of(st.none(), st.floats(allow_nan=True), st.text(max_size=4)),
            st.one_of(st.none(), st.text(max_size=10)),
        ),
        max_size=6,
    )
)
def test_property_garbage_ties_raise_only_our_errors(rows: list[tuple[object, ...]]) -> None:
    """Arbitrary tie rows give a valid network or a CoffeeChatError, nothing else."""
    people = pd.DataFrame({"id": ["me", "a", "b"], "name": ["Me", "Ana", "Bo"]})
    ties = pd.DataFrame(rows, columns=["source", "target", "strength", "kind"])
    for errors in ("raise", "skip"):
        try:
            net = Network.from_frames(people, ties, errors=errors)
        except CoffeeChatError:
            assert errors == "raise"
            continue
        assert net.number_of_ties + len(net.skipped) == len(ties)
        assert (net.ties["strength"] > 0).all() and (net.ties["strength"] <= 1).all()
