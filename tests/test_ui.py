"""Tests of the notebook widgets and pictures, driven without a browser."""

from __future__ import annotations

import math

import ipywidgets as widgets
import networkx as nx
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure

from coffeechat.contacts import Network, Person, Tie
from coffeechat.errors import InvalidParameter, PersonNotFound
from coffeechat.paths import REACH_COLUMNS, hop_counts, reach_table
from coffeechat.ui import (
    MAX_DRAWN,
    MAX_LABELLED,
    Quiz,
    ReachExplorer,
    draw_network,
    mark_answer,
    quiz,
    reach_explorer,
)
from strategies import networks

#   me --0.8-- ana --0.5-- ben --0.5-- dee --0.7-- eve        fay (nobody knows fay)
#    \                     /
#     `--0.2-- cy --0.9---'
PEOPLE = [
    Person("me", "Sam Learner"),
    Person("ana", "Ana Ruiz", "Acme", "Product Designer"),
    Person("ben", "Ben Ode", "ACME Inc.", "Data Analyst"),
    Person("cy", "Cy Nakamura", "Borealis Labs", "Nurse"),
    Person("dee", "Dee <b>Okafor</b>", "Borealis Labs Ltd", "Teacher"),
    Person("eve", "Eve Lund", "Cobalt & Co", "Recruiter"),
    Person("fay", "Fay Berg", "Acme", "Engineer"),
]
TIES = [
    Tie("me", "ana", 0.8, "friend"),
    Tie("me", "cy", 0.2, "online"),
    Tie("ana", "ben", 0.5, "colleague"),
    Tie("cy", "ben", 0.9, "friend"),
    Tie("ben", "dee", 0.5, "classmate"),
    Tie("dee", "eve", 0.7, "colleague"),
]


@pytest.fixture
def net() -> Network:
    return Network(PEOPLE, TIES)


# ------------------------------------------------------------- reach_table


@pytest.mark.parametrize(
    ("hops", "expected"),
    [
        (1, ["ana", "cy"]),
        (2, ["ana", "cy", "ben"]),
        (3, ["ana", "cy", "ben", "dee"]),
        (4, ["ana", "cy", "ben", "dee", "eve"]),
        (9, ["ana", "cy", "ben", "dee", "eve"]),
    ],
)
def test_reach_table_grows_with_hops(net: Network, hops: int, expected: list[str]) -> None:
    """Each extra hop adds the next layer of people, nearest first."""
    table = reach_table(net, max_hops=hops)
    assert list(table.index) == expected
    assert list(table.columns) == list(REACH_COLUMNS)
    assert table["hops"].max() == min(hops, 4)


def test_reach_table_says_through_whom(net: Network) -> None:
    """Direct contacts are marked as known; others name the first link of the chain."""
    table = reach_table(net, max_hops=4)
    assert table.loc["ana", "through"] == "you know them"
    assert table.loc["eve", "through"] == "Ana Ruiz"
    assert table.loc["eve", "chain"] == "You → Ana Ruiz → Ben Ode → Dee <b>Okafor</b> → Eve Lund"
    assert table.loc["ben", ["organization", "role"]].tolist() == ["ACME Inc.", "Data Analyst"]


@pytest.mark.parametrize(
    ("me_ana", "me_cy", "through"),
    [
        (0.8, 0.2, "Ana Ruiz"),  # 0.8 * 0.5 = 0.40 beats 0.2 * 0.9 = 0.18
        (0.3, 0.9, "Cy Nakamura"),  # 0.3 * 0.5 = 0.15 loses to 0.9 * 0.9 = 0.81
        (0.9, 0.5, "Ana Ruiz"),  # 0.45 against 0.45: a tie goes to the smaller id
    ],
)
def test_reach_table_prefers_the_strongest_short_chain(
    me_ana: float, me_cy: float, through: str
) -> None:
    """Of two chains of equal length, the one with stronger ties is shown."""
    ties = [Tie("me", "ana", me_ana), Tie("me", "cy", me_cy), *TIES[2:]]
    table = reach_table(Network(PEOPLE, ties), max_hops=2)
    assert table.loc["ben", "through"] == through


def test_reach_table_never_takes_a_longer_chain_for_strength() -> None:
    """Fewer introductions come first, however strong a longer chain is."""
    people = [Person(i, i.upper()) for i in ("me", "a", "b", "t")]
    ties = [Tie("me", "t", 0.1), Tie("me", "a", 1.0), Tie("a", "b", 1.0), Tie("b", "t", 1.0)]
    table = reach_table(Network(people, ties), max_hops=3)
    assert table.loc["t", "hops"] == 1
    assert table.loc["t", "chain"] == "You → T"


@pytest.mark.parametrize(
    ("organization", "expected"),
    [
        ("Acme", ["ana", "ben"]),
        ("acme inc", ["ana", "ben"]),
        ("Borealis Labs", ["cy", "dee"]),
        ("Cobalt and Co", ["eve"]),
    ],
)
def test_reach_table_filters_by_organization(
    net: Network, organization: str, expected: list[str]
) -> None:
    """Organisation names match however they are spelled; fay at Acme is out of reach."""
    assert list(reach_table(net, max_hops=4, organization=organization).index) == expected


def test_reach_table_from_someone_else(net: Network) -> None:
    """With a source, chains start from that person and name them."""
    table = reach_table(net, "dee", max_hops=1)
    assert list(table.index) == ["ben", "eve"]
    assert table.loc["eve", "chain"] == "Dee <b>Okafor</b> → Eve Lund"


def test_reach_table_can_be_empty(net: Network) -> None:
    """Someone with no ties reaches nobody: an empty table with the usual columns."""
    table = reach_table(net, "fay", max_hops=3)
    assert table.empty
    assert list(table.columns) == list(REACH_COLUMNS)


@pytest.mark.parametrize("hops", [0, -1, 1.5, True, "2", None])
def test_reach_table_rejects_bad_hops(net: Network, hops: object) -> None:
    """Hops must be a whole number of at least 1."""
    with pytest.raises(InvalidParameter, match="hops (must|should) be a whole number"):
        reach_table(net, max_hops=hops)  # type: ignore[arg-type]


def test_reach_table_rejects_unknown_people_and_places(net: Network) -> None:
    """An unknown source or an organisation nobody works at is reported by name."""
    with pytest.raises(PersonNotFound, match="'bne'.*did you mean 'ben'"):
        reach_table(net, source="bne")
    with pytest.raises(InvalidParameter, match="nobody in this network works at 'Zenith'"):
        reach_table(net, organization="Zenith")
    with pytest.raises(InvalidParameter, match="should be a coffeechat Network"):
        reach_table(nx.Graph())  # type: ignore[arg-type]


def _product(network: Network, chain: list[str]) -> float:
    return math.prod(network.tie(a, b).strength for a, b in zip(chain, chain[1:], strict=False))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    network=networks(strengths=st.sampled_from([0.1, 0.25, 0.5, 0.75, 1.0])),
    hops=st.integers(min_value=1, max_value=5),
)
def test_reach_table_chains_are_real_and_strongest_of_the_shortest(
    network: Network, hops: int
) -> None:
    """Every chain is a path of ties, as short as possible and as strong as any that short."""
    graph = network.graph
    expected = nx.single_source_shortest_path_length(graph, "me", cutoff=hops)
    table = reach_table(network, max_hops=hops)
    assert set(table.index) == set(expected) - {"me"}
    name_to_id = {p.name: p.id for p in network}
    for person, row in table.iterrows():
        chain = ["me"] + [name_to_id[name] for name in row["chain"].split(" → ")[1:]]
        assert chain[-1] == person
        assert row["hops"] == expected[person] == len(chain) - 1
        assert all(network.tie(a, b) is not None for a, b in zip(chain, chain[1:], strict=False))
        best = max(_product(network, p) for p in nx.all_shortest_paths(graph, "me", person))
        assert _product(network, chain) == pytest.approx(best)
        assert (row["through"] == "you know them") == (row["hops"] == 1)


# --------------------------------------------------------------- hop_counts


def test_hop_counts_layers(net: Network) -> None:
    """Counts per hop, running totals and shares of everyone else (fay is never reached)."""
    counts = hop_counts(net)
    assert counts.index.tolist() == [1, 2, 3, 4]
    assert counts.index.name == "hops"
    assert counts["people"].tolist() == [2, 1, 1, 1]
    assert counts["within reach"].tolist() == [2, 3, 4, 5]
    assert counts["share of network"].tolist() == [33.3, 50.0, 66.7, 83.3]


def test_hop_counts_from_someone_else(net: Network) -> None:
    """From another person's point of view; someone with no ties reaches nobody."""
    assert hop_counts(net, source="dee")["people"].to_dict() == {1: 2, 2: 2, 3: 1}
    assert hop_counts(net, source="fay").empty
    with pytest.raises(PersonNotFound, match="'bne'"):
        hop_counts(net, source="bne")


@settings(max_examples=60, deadline=None)
@given(network=networks(strengths=st.sampled_from([0.1, 0.25, 0.5, 0.75, 1.0])))
def test_hop_counts_agree_with_networkx(network: Network) -> None:
    """The counts are the distribution of shortest-path lengths from the learner."""
    lengths = nx.single_source_shortest_path_length(network.graph, "me")
    expected = pd.Series([d for d in lengths.values() if d > 0], dtype="int64").value_counts()
    counts = hop_counts(network)
    assert counts["people"].to_dict() == expected.to_dict()
    assert counts["people"].sum() == len(lengths) - 1


# ----------------------------------------------------------- reach explorer


def test_explorer_is_a_widget_showing_the_pure_table(net: Network) -> None:
    """The explorer starts on the requested hops and shows exactly reach_table's result."""
    explorer = reach_explorer(net, max_hops=2)
    assert isinstance(explorer, ReachExplorer)
    assert isinstance(explorer, widgets.Widget)
    assert isinstance(explorer.max_hops, widgets.IntSlider)
    assert (explorer.max_hops.min, explorer.max_hops.max, explorer.max_hops.value) == (1, 4, 2)
    pd.testing.assert_frame_equal(explorer.table, reach_table(net, max_hops=2))
    assert "<b>3</b> of the 6 other people" in explorer.summary.value


@pytest.mark.parametrize("hops", [1, 2, 3, 4])
def test_explorer_follows_the_slider(net: Network, hops: int) -> None:
    """Moving the slider recomputes the table and the sentence above it."""
    explorer = reach_explorer(net, max_hops=1)
    explorer.max_hops.value = hops
    pd.testing.assert_frame_equal(explorer.table, reach_table(net, max_hops=hops))
    assert f"<b>{len(explorer.table)}</b>" in explorer.summary.value
    for person in explorer.table.index:
        assert net.person(person).name.split()[0] in explorer.result.value


def test_explorer_lists_each_organisation_once(net: Network) -> None:
    """Spellings of one organisation share one entry, with a head count."""
    labels = [label for label, _ in reach_explorer(net).organization.options]
    assert labels == [
        "Everyone",
        "Acme (3 people)",
        "Borealis Labs (2 people)",
        "Cobalt & Co (1 person)",
    ]


def test_explorer_filters_by_organisation(net: Network) -> None:
    """Picking an organisation keeps only the people there, and says so."""
    explorer = reach_explorer(net, max_hops=1)
    explorer.organization.value = "Borealis Labs"
    assert list(explorer.table.index) == ["cy"]
    assert "at <b>Borealis Labs</b>" in explorer.summary.value
    explorer.organization.value = "Cobalt & Co"
    assert explorer.table.empty
    assert "Nobody at <b>Cobalt &amp; Co</b> is within 1 hop" in explorer.summary.value
    assert explorer.result.value == ""
    explorer.max_hops.value = 4
    assert list(explorer.table.index) == ["eve"]
    explorer.organization.value = ""
    assert len(explorer.table) == 5


def test_explorer_escapes_names(net: Network) -> None:
    """Text from contact data is shown as text, never run as HTML."""
    explorer = reach_explorer(net, max_hops=3)
    assert "Dee &lt;b&gt;Okafor&lt;/b&gt;" in explorer.result.value
    assert "<b>Okafor</b>" not in explorer.result.value


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_hops": 5}, "max_hops=5 is more than slider_max=4"),
        ({"max_hops": 0}, "max_hops must be"),
        ({"slider_max": 0}, "slider_max must be"),
        ({"max_hops": 2, "slider_max": 1}, "more than slider_max=1"),
    ],
)
def test_explorer_rejects_bad_settings(net: Network, kwargs: dict, message: str) -> None:
    """Impossible slider settings are refused with a clear message."""
    with pytest.raises(InvalidParameter, match=message):
        reach_explorer(net, **kwargs)


# --------------------------------------------------------------------- quiz

QUESTION = {
    "prompt": "What do you ask for in an informational interview?",
    "choices": ["A job", "Advice and insight", "A salary figure"],
    "answer": "Advice and insight",
    "explanation": "You are there to learn.",
    "hints": {"A job": "That would make it a job interview."},
}


@pytest.mark.parametrize(
    ("choice", "correct", "message"),
    [
        ("Advice and insight", True, "Yes! You are there to learn."),
        ("A job", False, "Not quite. That would make it a job interview. Try another answer."),
        ("A salary figure", False, "Not quite. Have another look at the text above."),
        (None, False, "Pick an answer first"),
    ],
)
def test_mark_answer(choice: str | None, correct: bool, message: str) -> None:
    """The right answer is praised and explained; wrong ones get a nudge."""
    question = quiz(**QUESTION).question
    ok, feedback = mark_answer(question, choice)
    assert ok is correct
    assert feedback.startswith(message)


def test_mark_answer_rejects_a_choice_not_offered() -> None:
    """A choice that is not on the list is an error, not a wrong answer."""
    with pytest.raises(InvalidParameter, match="'Cake' is not one of the choices"):
        mark_answer(quiz(**QUESTION).question, "Cake")


def test_quiz_widget_gives_feedback_on_click() -> None:
    """Pressing the button shows feedback; picking another choice clears it."""
    widget = quiz(**QUESTION)
    assert isinstance(widget, Quiz)
    assert widget.choices.value is None
    assert widget.choices.options == tuple(QUESTION["choices"])
    widget.check.click()
    assert "Pick an answer first" in widget.feedback.value
    assert widget.correct is None
    widget.choices.value = "A job"
    widget.check.click()
    assert "job interview" in widget.feedback.value
    assert widget.correct is False
    widget.choices.value = "Advice and insight"
    assert widget.feedback.value == ""
    assert widget.correct is None
    widget.check.click()
    assert "Yes! You are there to learn." in widget.feedback.value
    assert widget.correct is True


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"prompt": " "}, "needs a prompt"),
        ({"choices": ["Only one"], "answer": "Only one", "hints": {}}, "at least two choices"),
        ({"choices": ["A job", "A job"], "answer": "A job"}, "the choices repeat"),
        ({"choices": ["A job", ""], "answer": "A job"}, "non-empty text"),
        ({"answer": "Coffee"}, "'Coffee' is not one of the choices"),
        ({"hints": {"Cake": "no"}}, "hint is given for 'Cake'"),
    ],
)
def test_quiz_rejects_malformed_questions(change: dict, message: str) -> None:
    """A question that could not be answered properly is refused when it is written."""
    with pytest.raises(InvalidParameter, match=message):
        quiz(**{**QUESTION, **change})


def test_quiz_prompt_is_escaped() -> None:
    """The prompt is shown as text."""
    widget = quiz("Is <i>this</i> safe?", ["Yes", "No"], "Yes")
    assert "&lt;i&gt;this&lt;/i&gt;" in widget.children[0].value


# ------------------------------------------------------------------ drawing


def _nodes(fig: Figure) -> int:
    (nodes,) = [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]
    return len(nodes.get_offsets())


def _edges(fig: Figure) -> int:
    return sum(
        len(c.get_segments()) for c in fig.axes[0].collections if isinstance(c, LineCollection)
    )


def _legend(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_legend().get_texts()]


def test_draw_network_by_distance(net: Network) -> None:
    """Everyone is drawn, the first ring is named, and the legend explains the colours."""
    fig = draw_network(net)
    assert isinstance(fig, Figure)
    assert _nodes(fig) == len(net)
    assert _edges(fig) == net.number_of_ties
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["Ana", "Cy", "You"]
    assert _legend(fig) == ["you", "1 hop", "2 hops", "3 hops", "4 hops", "no chain"]


def test_draw_network_keeps_no_figure_open(net: Network) -> None:
    """The figure is returned, not left open in pyplot (so a notebook shows it once)."""
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig = draw_network(net)
    assert plt.get_fignums() == before
    assert fig.get_size_inches().tolist() == [10.0, 10.0]


def test_draw_network_by_kind(net: Network) -> None:
    """Colouring by kind gives one legend entry per kind of tie present, closest first."""
    fig = draw_network(net, color_by="kind", labels=False)
    assert _legend(fig) == ["friend", "colleague", "classmate", "online", "no chain"]
    assert [t.get_text() for t in fig.axes[0].texts] == ["You"]
    assert "how people know each other" in fig.axes[0].get_title()


@pytest.mark.parametrize(("max_hops", "people"), [(1, 3), (2, 4), (3, 5), (4, 6)])
def test_draw_network_max_hops(net: Network, max_hops: int, people: int) -> None:
    """With max_hops, only people that near are drawn."""
    assert _nodes(draw_network(net, max_hops=max_hops)) == people


def test_draw_network_for_someone_else(net: Network) -> None:
    """Another person can sit in the middle; the title names them."""
    fig = draw_network(net, source="dee", max_hops=1)
    assert _nodes(fig) == 3
    assert fig.axes[0].get_title().startswith("Dee <b>Okafor</b>'s network")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"color_by": "colour"}, "color_by must be 'distance' or 'kind'"),
        ({"max_hops": 0}, "max_hops must be"),
        ({"size": -3}, "size must be a positive number"),
    ],
)
def test_draw_network_rejects_bad_options(net: Network, kwargs: dict, message: str) -> None:
    """Unknown options are refused with the allowed values."""
    with pytest.raises(InvalidParameter, match=message):
        draw_network(net, **kwargs)


def test_draw_network_refuses_a_crowd() -> None:
    """Too many people for one picture: the error says how to draw fewer."""
    n = MAX_DRAWN + 1
    people = pd.DataFrame({"id": ["me"] + [f"p{i}" for i in range(1, n)], "name": "X"})
    ties = pd.DataFrame({"source": people["id"][:-1].to_numpy(), "target": people["id"][1:]})
    network = Network.from_frames(people, ties)
    with pytest.raises(InvalidParameter, match=f"{n} people are too many.*max_hops=1"):
        draw_network(network)
    with pytest.raises(InvalidParameter, match=f"{n} people are too many"):
        draw_network(network, max_hops=n)
    assert _nodes(draw_network(network, max_hops=2)) == 3


@pytest.mark.parametrize(
    ("contacts", "names"), [(MAX_LABELLED, MAX_LABELLED), (MAX_LABELLED + 1, 0)]
)
def test_draw_network_names_the_first_ring_only_while_legible(contacts: int, names: int) -> None:
    """First names are written while they fit; a crowded first ring goes unlabelled."""
    people = [Person("me", "Sam")] + [Person(f"p{i}", f"Pat{i} Doe") for i in range(contacts)]
    ties = [Tie("me", f"p{i}", 0.5) for i in range(contacts)]
    texts = [t.get_text() for t in draw_network(Network(people, ties)).axes[0].texts]
    assert texts[0] == "You"
    assert sorted(texts[1:]) == sorted(f"Pat{i}" for i in range(names))
