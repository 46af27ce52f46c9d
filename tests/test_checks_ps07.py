"""Assignment 7's checks: unit tests, and the mistake bank run in the real notebook.

The mistake bank holds, for each part, the slips learners typically make,
written as small edits of the solution's answer cell. Each must be caught by
a check of its own part with a message that names the cause; each correct
alternative must pass every check of the part, hidden ones included.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from coffeechat import checks
from coffeechat.errors import CheckFailed
from coffeechat.smallworld import rewired_ring
from live_notebook import LiveNotebook

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "solutions" / "ps07-small-worlds"


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


# ------------------------------------------------------------ mistake bank
@pytest.fixture(scope="module")
def live():
    with LiveNotebook(FOLDER) as notebook:
        assert all(r.passed for r in notebook.first_run.values()), notebook.first_run
        yield notebook


def _edit(live: LiveNotebook, grade_id: str, old: str, new: str) -> str:
    source = live._original[grade_id]
    assert old in source, f"the solution of {grade_id} no longer contains {old!r}"
    return source.replace(old, new, 1)


def _failures(results: dict, answer: str) -> list[str]:
    return [r.message for gid, r in results.items() if gid != answer and not r.passed]


MISTAKES = [
    # part (a): clustering
    (
        "for b in friends[i + 1 :]:",
        "for b in friends:\n            if a == b:\n                continue",
        "counted twice",
    ),
    ("return tied / (k * (k - 1) / 2)", "return tied / (k * k)", "Divide by the number of pairs"),
    (
        "return tied / (k * (k - 1) / 2)",
        "return 100 * tied / (k * (k - 1) / 2)",
        "not a percentage",
    ),
    ("return tied / (k * (k - 1) / 2)", "return tied // (k * (k - 1) // 2)", "//"),
    ("    if k < 2:\n        return 0.0\n", "", "fewer than two contacts"),
    (
        "return sum(clustering(contacts, person) for person in contacts) / len(contacts)",
        "found = [clustering(contacts, p) for p in contacts if len(contacts[p]) >= 2]\n"
        "    return sum(found) / len(found)",
        "fewer than two contacts",
    ),
    # part (b): average path length
    ("pairs += len(hops) - 1", "pairs += len(hops)", "0 hops from themselves"),
    ("person = queue.popleft()", "person = queue.pop()", "breadth first"),
    ("hops[other] = hops[person] + 1", "hops[other] = hops[person] + 2", "Some of your distances"),
    ("return total / pairs", "return total", "total of all the hops"),
    ("return total / pairs", "return total / pairs / 2", "counted once but divided"),
    (
        "total += sum(hops.values())",
        "total += sum(hops.values()) + len(hops) - 1",
        "people on the chain",
    ),
    # part (c): Watts and Strogatz's points
    (
        '"clustering_ratio": c / c0,',
        '"clustering_ratio": c,',
        "divide by the ring's value at p = 0",
    ),
    ('"path_length_ratio": length / l0,', '"path_length_ratio": l0 / length,', "upside down"),
    (
        "ring = checks.neighbour_lists(rewired_ring(n, k, p, seed=seed))",
        "ring = checks.neighbour_lists(rewired_ring(n, k, p, seed=seed + 1))",
        "the same seed for every p",
    ),
    (
        "plain = checks.neighbour_lists(rewired_ring(n, k, 0.0, seed=seed))",
        "plain = checks.neighbour_lists(rewired_ring(n, k, ps[0], seed=seed))",
        "the first in ps",
    ),
    (
        '"path_length_ratio": length / l0,',
        '"L_ratio": length / l0,',
        "no column 'path_length_ratio'",
    ),
    ("return pd.DataFrame(rows)", "return rows", "should return a pandas DataFrame"),
    # part (d): chains that get lost
    (
        "for _ in range(hops):\n            if rng.random() < dropout:",
        "for _ in range(1):\n            if rng.random() < dropout:",
        "once per chain",
    ),
    ("if rng.random() < dropout:", "if rng.random() > dropout:", "at least* dropout"),
    ("for _ in range(hops):", "for _ in range(hops - 1):", "one hop is missed"),
    ("for hops in lengths:", "for hops in [lengths[0]] * len(lengths):", "each chain's own length"),
    ("    return arrived\n", "    return sum(arrived)\n", "should return a list"),
    (
        "weights = [(1 - dropout) ** -h for h in lengths]",
        "weights = [1 for h in lengths]",
        "plain median",
    ),
    (
        "weights = [(1 - dropout) ** -h for h in lengths]",
        "weights = [(1 - dropout) ** h for h in lengths]",
        "should weigh more",
    ),
]


def _answer_cell(live: LiveNotebook, old: str) -> str:
    """The grade id of the one answer cell whose solution contains ``old``."""
    found = [g for g, src in live._original.items() if g.endswith("-answer") and old in src]
    assert len(found) == 1, f"{old!r} is in {found}, not in exactly one answer cell"
    return found[0]


@pytest.mark.slow
@pytest.mark.parametrize(("old", "new", "expected"), MISTAKES, ids=[m[2] for m in MISTAKES])
def test_each_mistake_is_caught_by_its_own_part_and_named(live, old, new, expected) -> None:
    """A typical slip fails a check of its own part, with a message that says what is wrong."""
    grade_id = _answer_cell(live, old)
    results = live.try_answer(grade_id, _edit(live, grade_id, old, new))
    failures = _failures(results, grade_id)
    assert failures, f"no check of {grade_id}'s part caught: {new!r}"
    assert any(expected in message for message in failures), failures
    assert all(len(message) < 400 for message in failures), failures


CORRECT = [
    (
        "part-a-answer",
        "combinations",
        """
from itertools import combinations

def clustering(contacts, person):
    friends = contacts[person]
    pairs = list(combinations(friends, 2))
    if not pairs:
        return 0
    return sum(b in contacts[a] for a, b in pairs) / len(pairs)

def average_clustering(contacts):
    return statistics.mean(clustering(contacts, p) for p in contacts)
""",
    ),
    (
        "part-a-answer",
        "sets",
        """
def clustering(contacts, person):
    friends = set(contacts[person])
    if len(friends) < 2:
        return 0.0
    links = sum(len(friends & set(contacts[a])) for a in friends)  # each pair twice
    return links / (len(friends) * (len(friends) - 1))

def average_clustering(contacts):
    return float(np.mean([clustering(contacts, p) for p in contacts]))
""",
    ),
    (
        "part-a-answer",
        "networkx",
        """
def clustering(contacts, person):
    return nx.clustering(nx.Graph(contacts), person)

def average_clustering(contacts):
    return nx.average_clustering(nx.Graph(contacts))
""",
    ),
    (
        "part-b-answer",
        "list as a queue",
        """
def average_path_length(contacts):
    distances = []
    for source in contacts:
        hops, queue = {source: 0}, [source]
        while queue:
            person = queue.pop(0)
            for other in contacts[person]:
                if other not in hops:
                    hops[other] = hops[person] + 1
                    queue.append(other)
        distances += [h for p, h in hops.items() if p != source]
    return statistics.mean(distances)
""",
    ),
    (
        "part-b-answer",
        "each pair once",
        """
def average_path_length(contacts):
    people = list(contacts)
    total = 0
    for i, source in enumerate(people):
        hops, queue = {source: 0}, deque([source])
        while queue:
            person = queue.popleft()
            for other in contacts[person]:
                if other not in hops:
                    hops[other] = hops[person] + 1
                    queue.append(other)
        total += sum(hops[p] for p in people[i + 1 :])
    n = len(people)
    return total / (n * (n - 1) / 2)
""",
    ),
    (
        "part-b-answer",
        "networkx",
        """
def average_path_length(contacts):
    return nx.average_shortest_path_length(nx.Graph(contacts))
""",
    ),
    (
        "part-c-answer",
        "networkx, reversed rows, an extra column",
        """
def small_world_points(n, k, ps, seed):
    plain = rewired_ring(n, k, 0, seed=seed)
    c0, l0 = nx.average_clustering(plain), nx.average_shortest_path_length(plain)
    table = pd.DataFrame({"p": list(ps)[::-1]})
    rings = [rewired_ring(n, k, p, seed=seed) for p in table["p"]]
    table["clustering"] = [nx.average_clustering(g) for g in rings]
    table["path_length"] = [nx.average_shortest_path_length(g) for g in rings]
    table["clustering_ratio"] = table["clustering"] / c0
    table["path_length_ratio"] = table["path_length"] / l0
    table["people"] = n
    return table
""",
    ),
    (
        "part-c-answer",
        "a dictionary of columns",
        """
def small_world_points(n, k, ps, seed):
    def measure(p):
        graph = rewired_ring(n, k, p, seed=seed)
        return nx.average_clustering(graph), nx.average_shortest_path_length(graph)
    c0, l0 = measure(0.0)
    measured = [measure(p) for p in ps]
    return pd.DataFrame({
        "p": ps,
        "clustering": [c for c, _ in measured],
        "path_length": [l for _, l in measured],
        "clustering_ratio": [c / c0 for c, _ in measured],
        "path_length_ratio": [l / l0 for _, l in measured],
    })
""",
    ),
    (
        "part-c-answer",
        "your own functions, index by p",
        """
def small_world_points(n, k, ps, seed):
    rows = {}
    for p in [0.0, *ps]:
        contacts = checks.neighbour_lists(rewired_ring(n, k, p, seed=seed))
        rows[p] = (average_clustering(contacts), average_path_length(contacts))
    c0, l0 = rows[0.0]
    return pd.DataFrame(
        [(p, c, l, c / c0, l / l0) for p, (c, l) in rows.items() if p in ps],
        columns=["p", "clustering", "path_length", "clustering_ratio", "path_length_ratio"],
    ).set_index("p", drop=False)
""",
    ),
    (
        "part-d-answer",
        "numpy, all at once",
        """
def simulate_letters(lengths, dropout, rng):
    return [bool(np.all(rng.random(int(h)) >= dropout)) for h in lengths]

def corrected_median(arrived, dropout):
    lengths = np.sort(np.asarray(arrived))
    weights = (1 - dropout) ** -lengths.astype(float)
    cumulative = np.cumsum(weights)
    return int(lengths[np.searchsorted(cumulative, cumulative[-1] / 2)])
""",
    ),
    (
        "part-d-answer",
        "a while loop, pandas weights",
        """
def simulate_letters(lengths, dropout, rng):
    result = []
    for hops in lengths:
        step = 0
        while step < hops and rng.random() >= dropout:
            step += 1
        result.append(step == hops)
    return np.array(result)

def corrected_median(arrived, dropout):
    table = pd.DataFrame({"hops": arrived}).sort_values("hops")
    table["weight"] = 1 / (1 - dropout) ** table["hops"]
    reached = table["weight"].cumsum() >= table["weight"].sum() / 2
    return table.loc[reached, "hops"].iloc[0]
""",
    ),
    (
        "part-d-answer",
        "python's random module",
        """
import random as stdlib_random

def simulate_letters(lengths, dropout, rng):
    return [all(stdlib_random.random() >= dropout for _ in range(h)) for h in lengths]

def corrected_median(arrived, dropout):
    weighted = sorted((h, 1 / (1 - dropout) ** h) for h in arrived)
    half, running = sum(w for _, w in weighted) / 2, 0
    for h, w in weighted:
        running += w
        if running >= half:
            return h
""",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("grade_id", "style", "source"), CORRECT, ids=[c[1] for c in CORRECT])
def test_correct_answers_written_another_way_pass(live, grade_id, style, source) -> None:
    """Correct answers in other reasonable styles pass every check of their part."""
    results = live.try_answer(grade_id, source)
    failures = {gid: r.message for gid, r in results.items() if gid != grade_id and not r.passed}
    assert not failures, f"{style}: {failures}"


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
