"""The small-world measurements and simulations, and the lab widget built on them."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coffeechat.errors import InvalidParameter
from coffeechat.smallworld import (
    DEFAULT_PS,
    average_clustering,
    average_path_length,
    chain_summary,
    greedy_chain,
    rewired_ring,
    ring_distance,
    search_lengths,
    simulate_chains,
    small_world_curve,
)
from coffeechat.ui import SmallWorldLab, small_world_lab, small_world_summary


# ------------------------------------------------------------------ rings
@pytest.mark.parametrize(("n", "k"), [(10, 2), (20, 4), (51, 6)])
def test_plain_ring_matches_the_formulas(n: int, k: int) -> None:
    """At p = 0 each person has k ties and clustering is 3(k − 2) / (4(k − 1))."""
    ring = rewired_ring(n, k, 0.0)
    assert {d for _, d in ring.degree()} == {k}
    assert average_clustering(ring) == pytest.approx(3 * (k - 2) / (4 * (k - 1)))
    assert average_path_length(ring) == pytest.approx(nx.average_shortest_path_length(ring))


@given(st.integers(12, 60), st.sampled_from([2, 4, 6]), st.floats(0, 1), st.integers(0, 99))
def test_rewired_rings_keep_their_size_and_stay_connected(n, k, p, seed) -> None:
    """Rewiring moves ties but never adds or removes any, and leaves nobody cut off."""
    ring = rewired_ring(n, k, p, seed)
    assert ring.number_of_nodes() == n
    assert ring.number_of_edges() == n * k // 2
    assert nx.is_connected(ring)
    assert nx.utils.graphs_equal(ring, rewired_ring(n, k, p, seed))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: rewired_ring(10, 3, 0.1), "k must be even"),
        (lambda: rewired_ring(4, 4, 0.1), "n must be a whole number of at least 5"),
        (lambda: rewired_ring(10, 2, 1.5), "p must be a number from 0 to 1"),
        (lambda: rewired_ring(10, 2, "0.1"), "p must be a number"),
        (lambda: average_clustering("ring"), "expected a networkx Graph"),
        (lambda: average_path_length(nx.empty_graph(3)), "nobody in this network is tied"),
        (lambda: average_path_length(rewired_ring(10, 2, 0), sources=0), "sources must be"),
        (lambda: small_world_curve(n=20, k=4, ps=[]), "at least one"),
        (lambda: simulate_chains([3], dropout=1.0), "dropout must be below 1"),
        (lambda: simulate_chains([0], dropout=0.1), "each chain length must be"),
        (lambda: chain_summary(pd.DataFrame({"x": [1]}), 0.1), "needs the columns"),
        (lambda: greedy_chain(rewired_ring(10, 2, 0), 0, 10), "target must be a person"),
        (lambda: greedy_chain(rewired_ring(10, 2, 0), True, 3), "source must be a person"),
        (
            lambda: greedy_chain(nx.relabel_nodes(rewired_ring(10, 2, 0), str), "0", "3"),
            "numbered 0 to n - 1",
        ),
        (
            lambda: search_lengths(
                nx.union(
                    rewired_ring(6, 2, 0), nx.relabel_nodes(rewired_ring(6, 2, 0), lambda i: i + 6)
                )
            ),
            "not connected",
        ),
        (lambda: search_lengths(rewired_ring(10, 2, 0), pairs=0), "pairs must be"),
    ],
)
def test_bad_arguments_get_clear_errors(call, message: str) -> None:
    """Argument mistakes raise InvalidParameter saying what is wrong."""
    with pytest.raises(InvalidParameter, match=message):
        call()


def test_sampled_path_length_is_close_to_the_exact_one() -> None:
    """Measuring from 100 people estimates the average path length within a few percent."""
    ring = rewired_ring(400, 6, 0.05, seed=4)
    exact = nx.average_shortest_path_length(ring)
    assert average_path_length(ring, sources=100) == pytest.approx(exact, rel=0.05)


def test_curve_shows_the_small_world_regime() -> None:
    """Paths collapse long before clustering does, as in Watts and Strogatz's figure."""
    curve = small_world_curve(n=400, k=8, ps=DEFAULT_PS, seed=0, sources=60)
    assert list(curve["p"]) == list(DEFAULT_PS)
    regime = curve[(curve["clustering_ratio"] > 0.8) & (curve["path_length_ratio"] < 0.4)]
    assert not regime.empty
    assert curve["clustering_ratio"].iloc[-1] < 0.1  # random network at p = 1
    assert (
        curve["path_length_ratio"].is_monotonic_decreasing
        or (curve["path_length_ratio"].diff().dropna() < 0.05).all()
    )


def test_curve_is_cached_but_returned_as_a_copy() -> None:
    """A learner who edits the table does not change the next call's answer."""
    first = small_world_curve(n=60, k=4, ps=[0.1], seed=2)
    first.loc[0, "clustering"] = -1
    assert small_world_curve(n=60, k=4, ps=[0.1], seed=2).loc[0, "clustering"] > 0


# ------------------------------------------------------------------ chains
def test_no_dropout_means_every_chain_arrives() -> None:
    """With dropout 0 every chain makes all its hops."""
    chains = simulate_chains([1, 4, 9], dropout=0.0)
    assert chains["arrived"].all()
    assert chains["hops_made"].tolist() == [1, 4, 9]


@pytest.mark.parametrize(("hops", "dropout"), [(1, 0.5), (4, 0.3), (7, 0.1)])
def test_completion_rate_is_the_survival_probability(hops: int, dropout: float) -> None:
    """Chains of h hops arrive with probability (1 − dropout) ** h."""
    n = 40_000
    rate = simulate_chains([hops] * n, dropout, seed=3)["arrived"].mean()
    want = (1 - dropout) ** hops
    assert abs(rate - want) < 5 * math.sqrt(want * (1 - want) / n)


def test_the_correction_removes_the_bias_of_lost_chains() -> None:
    """Arrived chains look short; weighting them by 1 / survival gives back the true median."""
    rng = np.random.default_rng(0)
    needed = rng.choice(np.arange(3, 12), size=50_000)
    summary = chain_summary(simulate_chains(needed, 0.3, seed=1), 0.3)
    assert summary["median_arrived"] < summary["median_true"] - 1
    assert summary["median_corrected"] == pytest.approx(summary["median_true"], abs=0.5)
    assert summary["completion_rate"] == pytest.approx(summary["arrived"] / summary["started"])


def test_hops_made_never_exceed_hops_needed() -> None:
    """A chain stops at the target; a broken chain stops where it broke."""
    chains = simulate_chains([2, 5, 8] * 500, dropout=0.4, seed=9)
    assert (chains["hops_made"] <= chains["hops_needed"]).all()
    assert (chains["arrived"] == (chains["hops_made"] == chains["hops_needed"])).all()


# ------------------------------------------------------------------ widget
def test_summary_sentence_says_which_world_it_is() -> None:
    """The sentence under the slider names the regime from the ratios and a random network."""
    curve = pd.DataFrame(
        {
            "p": [0.0001, 0.01, 0.3, 1.0],
            "clustering": [0.67, 0.6, 0.2, 0.009],
            "clustering_ratio": [1.0, 0.9, 0.3, 0.013],
            "path_length_ratio": [0.95, 0.2, 0.08, 0.06],
        }
    )
    curve.attrs["random_clustering"] = 0.01
    assert "close to the plain ring" in small_world_summary(curve, 0.0001)
    assert "a small world" in small_world_summary(curve, 0.01)
    assert "leaving the small world" in small_world_summary(curve, 0.3)
    assert "30 times a random network's" in small_world_summary(curve, 0.01, 0.02)
    assert "a random network" in small_world_summary(curve, 1.0)
    with pytest.raises(InvalidParameter, match="not one of the curve's"):
        small_world_summary(curve, 0.5)
    curve.attrs.clear()
    with pytest.raises(InvalidParameter, match="random_clustering"):
        small_world_summary(curve, 0.01)


@pytest.fixture(scope="module")
def figure_two() -> pd.DataFrame:
    """The lab's curve: Watts and Strogatz's ring of 1,000 people with 10 ties each."""
    return small_world_curve(n=1000, k=10)


@pytest.mark.parametrize(
    ("p", "words"),
    [
        (0.0001, ["close to the plain ring", "begins at about p = 0.001"]),
        (0.001, ["the small world begins", "times a random network's (0.01)"]),
        (0.01, ["a small world", "friends of friends still know each other"]),
        (0.1, ["a small world, near the upper end of the regime", "times a random network's"]),
        (1.0, ["a random network", "no higher than a random network's"]),
    ],
)
def test_lab_sentences_match_figure_two(figure_two: pd.DataFrame, p: float, words) -> None:
    """The regime runs from about p = 0.001 to p = 0.1, judged against a random network's k/n.

    At p = 0.1 clustering is still dozens of times a random network's, so the
    lab must not say that contacts no longer know each other; at p = 0.001
    the small world begins, so it must not say "almost the plain ring".
    """
    sentence = small_world_summary(figure_two, p)
    assert figure_two.attrs["random_clustering"] == pytest.approx(0.01)
    for word in words:
        assert word in sentence, sentence
    assert "no longer know each other" not in sentence
    if p == 0.1:
        times = int(sentence.split("about ")[1].split(" times")[0])
        assert times >= 30, sentence


def test_lab_follows_its_slider() -> None:
    """Moving the slider redraws the ring and rewrites the sentence."""
    lab = small_world_lab(n=100, k=4, ps=(0.001, 0.05, 1.0), sources=30)
    assert isinstance(lab, SmallWorldLab)
    before_picture, before_text = bytes(lab.picture.value), lab.summary.value
    assert before_picture.startswith(b"\x89PNG")
    lab.p.value = 1.0
    assert bytes(lab.picture.value) != before_picture
    assert "p = 1" in lab.summary.value and lab.summary.value != before_text


# ------------------------------------------------------------------ decentralised search
def test_ring_distance_goes_the_short_way_round() -> None:
    """Distance on a ring is the shorter of the two ways round."""
    assert [ring_distance(10, 0, b) for b in range(10)] == [0, 1, 2, 3, 4, 5, 4, 3, 2, 1]


@given(
    st.integers(12, 80),
    st.sampled_from([2, 4, 6]),
    st.floats(0, 0.3),
    st.integers(0, 50),
    st.data(),
)
def test_greedy_chain_is_a_real_path_no_shorter_than_the_distance(n, k, p, seed, data) -> None:
    """Forwarding finds a real chain of ties, source to target, never shorter than the shortest."""
    ring = rewired_ring(n, k, p, seed)
    source = data.draw(st.integers(0, n - 1))
    target = data.draw(st.integers(0, n - 1))
    chain = greedy_chain(ring, source, target)
    if chain is None:
        return
    assert chain[0] == source and chain[-1] == target
    assert all(ring.has_edge(a, b) for a, b in zip(chain, chain[1:], strict=False))
    assert len(chain) - 1 >= nx.shortest_path_length(ring, source, target)
    gaps = [ring_distance(n, person, target) for person in chain]
    assert gaps == sorted(gaps, reverse=True) and len(set(gaps)) == len(gaps)


def test_greedy_chain_takes_the_contact_closest_to_the_target() -> None:
    """Each holder passes the message to whichever contact is nearest the target's place."""
    ring = rewired_ring(30, 2, 0.0)
    ring.add_edge(0, 14)  # a long-range tie, like a cousin in another city
    assert greedy_chain(ring, 0, 12) == [0, 14, 13, 12]
    assert greedy_chain(ring, 0, 3) == [0, 1, 2, 3]


def test_greedy_chain_gets_stuck_when_no_contact_is_closer() -> None:
    """A holder with no contact nearer the target drops the message, as a lost letter."""
    ring = nx.cycle_graph(8)
    ring.remove_edge(1, 2)
    ring.add_edge(1, 5)
    assert greedy_chain(ring, 1, 3) is None  # 1's contacts, 0 and 5, are no nearer 3 than 1 is
    assert greedy_chain(ring, 2, 4) == [2, 3, 4]


def test_search_finds_chains_far_longer_than_the_distance_on_a_small_world() -> None:
    """On the lab's small world, forwarding works but finds chains several times the distance."""
    table = search_lengths(rewired_ring(1000, 10, 0.01), pairs=150, seed=2)
    found = table.dropna()
    assert len(found) >= 0.9 * len(table)
    assert (found["search_hops"] >= found["distance"]).all()
    assert found["search_hops"].mean() > 2 * found["distance"].mean()
    assert search_lengths(rewired_ring(1000, 10, 0.01), pairs=150, seed=2).equals(table)
