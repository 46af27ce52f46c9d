"""Assignment 7's checks: unit tests with functions written here.

The mistake bank and the requirement table, run in the solution notebook, are
in ``test_mistakes_ps07.py``.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from coffeechat import checks
from coffeechat.errors import CheckFailed
from coffeechat.smallworld import rewired_ring


# ------------------------------------------------------------- unit tests
def test_practice_graph_and_neighbour_lists() -> None:
    """The practice network is the one the text describes, as sorted contact lists."""
    contacts = checks.neighbour_lists(checks.practice_graph())
    assert contacts["Ana"] == ["Ben", "Cy", "Dee"]
    assert contacts["Eli"] == ["Dee", "Fay", "Gus"]
    assert nx.clustering(checks.practice_graph(), "Ana") == pytest.approx(1 / 3)


def test_hidden_networks_are_connected_and_varied() -> None:
    """Every network the hidden checks use is connected and has someone with one contact or
    everyone tied to everyone, so loners and cliques are both tried."""
    graphs = dict(checks.other_graphs())
    assert all(nx.is_connected(g) for g in graphs.values())
    assert any(min(d for _, d in g.degree()) == 1 for g in graphs.values())
    assert any(nx.average_clustering(g) == 1.0 for g in graphs.values())


def test_a_wrong_type_is_one_plain_sentence() -> None:
    """A function returning text instead of a number gets a sentence, not a traceback."""
    with pytest.raises(CheckFailed, match="should be a number, but it is a str"):
        checks.check_clustering(lambda contacts, person: "high", rewired_ring(20, 4, 0.0))


def test_unwritten_function_says_so() -> None:
    """The stub nbgrader leaves in an answer cell is reported as not written yet."""

    def stub(contacts):
        raise NotImplementedError()

    with pytest.raises(CheckFailed, match="not written yet"):
        checks.check_average_path_length(stub, rewired_ring(20, 4, 0.0))


def test_simulation_check_wants_the_generator_given_and_rejects_a_fixed_answer() -> None:
    """A right simulation drawing from `rng` passes; one drawing elsewhere, or ignoring the
    drop-out, fails naming the cause."""
    import random

    def with_python_random(lengths, dropout, rng):
        return [all(random.random() >= dropout for _ in range(h)) for h in lengths]

    def with_its_own_generator(lengths, dropout, rng):
        mine = np.random.default_rng(7)
        return [all(mine.random() >= dropout for _ in range(h)) for h in lengths]

    def with_the_generator(lengths, dropout, rng):
        return [bool((rng.random(h) >= dropout).all()) for h in lengths]

    checks.check_letter_simulation(with_the_generator)
    for elsewhere in (with_python_random, with_its_own_generator):
        with pytest.raises(CheckFailed, match="never drew a number from the generator `rng`"):
            checks.check_letter_simulation(elsewhere)
    with pytest.raises(CheckFailed, match="should arrive"):
        checks.check_letter_simulation(
            lambda lengths, dropout, rng: [rng.random() < 2] * len(lengths)
        )


def test_messages_stay_short() -> None:
    """A check's message names one problem in under 400 characters."""

    def wrong(contacts):
        return 42.0

    for check in (checks.check_average_clustering, checks.check_average_path_length):
        with pytest.raises(CheckFailed) as info:
            check(wrong, nx.karate_club_graph())
        assert len(str(info.value)) < 400


def test_part_c_blames_a_wrong_average_from_part_a() -> None:
    """A right small_world_points that calls a wrong average_clustering is told that part (a2)
    is the cause, not failed."""
    namespace: dict = {"checks": checks, "rewired_ring": rewired_ring, "pd": pd, "nx": nx}
    exec(
        "def average_clustering(contacts):\n"
        "    return 0.5\n"
        "def average_path_length(contacts):\n"
        "    return nx.average_shortest_path_length(nx.Graph(contacts))\n"
        "def small_world_points(n, k, ps, seed):\n"
        "    plain = checks.neighbour_lists(rewired_ring(n, k, 0.0, seed=seed))\n"
        "    c0, l0 = average_clustering(plain), average_path_length(plain)\n"
        "    rows = []\n"
        "    for p in ps:\n"
        "        ring = checks.neighbour_lists(rewired_ring(n, k, p, seed=seed))\n"
        "        c, l = average_clustering(ring), average_path_length(ring)\n"
        "        rows.append((p, c, l, c / c0, l / l0))\n"
        "    return pd.DataFrame(rows, columns=['p', 'clustering', 'path_length',\n"
        "                                       'clustering_ratio', 'path_length_ratio'])\n",
        namespace,
    )
    with pytest.raises(CheckFailed, match=r"`average_clustering` \(part a2\) is the cause"):
        checks.check_small_world_points(namespace["small_world_points"], 60, 4, [0.1], 3)
    assert namespace["average_clustering"]({}) == 0.5  # the notebook's own function is put back


def test_a_loner_is_tried_and_the_pass_says_so(capsys) -> None:
    """The visible networks hold someone with no contact; the ✓ says loners were included."""
    checks.check_clustering(
        lambda contacts, person: nx.clustering(nx.Graph(contacts), person), rewired_ring(20, 4, 0.0)
    )
    assert "fewer than two contacts included" in capsys.readouterr().out

    def one_contact_guard(contacts, person):
        k = len(contacts[person])
        if k == 1:
            return 0.0
        return nx.clustering(nx.Graph(contacts), person) if k else 1 / k

    with pytest.raises(CheckFailed, match=r"divides by zero: Ivy has 0 contact"):
        checks.check_clustering(one_contact_guard, rewired_ring(20, 4, 0.0))


def test_a_changed_ps_list_is_named(capsys) -> None:
    """A small_world_points that puts p = 0 into the list it is given is told so."""

    def inserts(n, k, ps, seed):
        ps.insert(0, 0.0)
        return pd.DataFrame()

    with pytest.raises(CheckFailed, match=r"changed the list `ps` it was given \(0\.0 was added\)"):
        checks.check_small_world_points(inserts, 40, 4, [0.1], 1)


def test_same_seed_same_chains() -> None:
    """A simulation that mixes the generator given with another source fails by its seed."""
    import random

    def mixed(lengths, dropout, rng):
        return [
            all(
                (rng.random() if random.random() < 0.5 else random.random()) >= dropout
                for _ in range(h)
            )
            for h in lengths
        ]

    with pytest.raises(CheckFailed, match="other chains the second time"):
        checks.check_letter_simulation(mixed)
