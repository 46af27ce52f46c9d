"""Assignment 7 (Small worlds): mistake bank and requirement table."""

from __future__ import annotations

import pytest

from mistake_bank import SOLUTIONS, BankTests, Notebook, Requirement, Variant

pytestmark = pytest.mark.slow

NOTEBOOK = Notebook(SOLUTIONS / "ps07-small-worlds")
edit, swap = NOTEBOOK.edit, NOTEBOOK.swap

A, B, C, D = "part-a-answer", "part-b-answer", "part-c-answer", "part-d-answer"
RATIO = "return tied / (k * (k - 1) / 2)"
AVERAGE = "return sum(clustering(contacts, person) for person in contacts) / len(contacts)"
HOP = "for _ in range(hops):\n            if rng.random() < dropout:"
WEIGHTS = "weights = [(1 - dropout) ** -h for h in lengths]"

PART_A = [
    Variant(
        "a",
        "each pair counted twice",
        edit(
            A,
            "for b in friends[i + 1 :]:",
            "for b in friends:\n            if a == b:\n                continue",
        ),
        r"Each pair seems counted twice \(A–B and B–A\): count each pair once",
    ),
    Variant(
        "a",
        "divided by k squared",
        edit(A, RATIO, "return tied / (k * k)"),
        r"Divide by the number of pairs, \d+ × \d+ / 2 = \d+",
    ),
    Variant(
        "a",
        "a percentage",
        edit(A, RATIO, "return 100 * tied / (k * (k - 1) / 2)"),
        r"Give a share between 0 and 1, not a percentage",
    ),
    Variant(
        "a",
        "whole-number division",
        edit(A, RATIO, "return tied // (k * (k - 1) // 2)"),
        r"Is the division done with // \(whole numbers\)\? Use /",
    ),
    Variant(
        "a",
        "no guard for fewer than two contacts",
        edit(A, "    if k < 2:\n        return 0.0\n", ""),
        r"divides by zero: \w+ has [01] contact\(s\), so no pairs",
    ),
    Variant(
        "a",
        "a guard for one contact, not for none",
        edit(A, "    if k < 2:\n", "    if k == 1:\n"),
        r"divides by zero: Ivy has 0 contact\(s\)",
    ),
    Variant(
        "a",
        "divided by the number of contacts",
        edit(A, RATIO, "return tied / k"),
        r"clustering should be [\d.]+: \d+ of the \d+ pairs among their \d+ contacts",
    ),
    Variant(
        "a",
        "contacts popped while counting",
        swap(
            A,
            """\
            def clustering(contacts, person):
                friends = contacts[person]
                k = len(friends)
                if k < 2:
                    return 0.0
                tied = 0
                while friends:
                    a = friends.pop()
                    tied += sum(1 for b in friends if b in contacts[a])
                return tied / (k * (k - 1) / 2)
            """,
        ),
        r"changed the dict `contacts` it was given \(the value of '\w+' changed\)",
    ),
    Variant(
        "a",
        "loners left out of the average",
        edit(
            A,
            AVERAGE,
            "found = [clustering(contacts, p) for p in contacts if len(contacts[p]) >= 2]\n"
            "    return sum(found) / len(found)",
        ),
        r"your average leaves out the \d+ people with fewer than two contacts",
    ),
    Variant(
        "a",
        "the average divided by those with pairs",
        edit(
            A,
            AVERAGE,
            "return sum(clustering(contacts, p) for p in contacts) / "
            "len([p for p in contacts if len(contacts[p]) >= 2])",
        ),
        r"your average leaves out the 2 people with fewer than two contacts",
    ),
    # right answers
    Variant(
        "a",
        "combinations",
        """\
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
    Variant(
        "a",
        "sets, numpy mean",
        """\
def clustering(contacts, person):
    friends = set(contacts[person])
    if len(friends) < 2:
        return 0.0
    links = sum(len(friends & set(contacts[a])) for a in friends)  # each pair twice
    return links / (len(friends) * (len(friends) - 1))

def average_clustering(contacts):
    return np.mean([clustering(contacts, p) for p in contacts])
""",
    ),
    Variant(
        "a",
        "networkx",
        """\
def clustering(contacts, person):
    return nx.clustering(nx.Graph(contacts), person)

def average_clustering(contacts):
    return nx.average_clustering(nx.Graph(contacts))
""",
    ),
]

PART_B = [
    Variant(
        "b",
        "each person counted 0 hops from themselves",
        edit(B, "pairs += len(hops) - 1", "pairs += len(hops)"),
        r"counted as 0 hops from themselves: average only over pairs of two different people",
    ),
    Variant(
        "b",
        "depth-first search",
        edit(B, "person = queue.popleft()", "person = queue.pop()"),
        r"does your search go breadth first",
    ),
    Variant(
        "b",
        "two hops a tie",
        edit(B, "hops[other] = hops[person] + 1", "hops[other] = hops[person] + 2"),
        r"Some of your distances are longer than the shortest chain",
    ),
    Variant(
        "b",
        "the total, not the average",
        edit(B, "return total / pairs", "return total"),
        r"That is the total of all the hops: divide by the number of pairs",
    ),
    Variant(
        "b",
        "halved twice",
        edit(B, "return total / pairs", "return total / pairs / 2"),
        r"Each pair is counted once but divided as if counted twice",
    ),
    Variant(
        "b",
        "people on the chain counted",
        edit(B, "total += sum(hops.values())", "total += sum(hops.values()) + len(hops) - 1"),
        r"people on the chain are counted, not the ties between them",
    ),
    Variant(
        "b",
        "the search from the first person only",
        edit(B, "    for source in contacts:\n", "    for source in list(contacts)[:1]:\n"),
        r"That is the average from \w+ alone: run the search from every person",
    ),
    Variant(
        "b",
        "whole-number division",
        edit(B, "return total / pairs", "return total // pairs"),
        r"Is the division done with // \(whole numbers\)\? Use /",
    ),
    Variant(
        "b",
        "the contact list itself used as the queue",
        edit(
            B,
            "        queue = deque([source])\n",
            "        queue = contacts[source]\n"
            "        for first in queue:\n"
            "            hops[first] = 1\n",
        ).replace("person = queue.popleft()", "person = queue.pop(0)"),
        r"changed the dict `contacts` it was given",
    ),
    Variant(
        "b",
        "the distances, not their average",
        edit(B, "return total / pairs", "return {'total': total, 'pairs': pairs}"),
        r"should be a number, but it is a dict",
    ),
    # right answers
    Variant(
        "b",
        "a list as a queue",
        """\
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
    Variant(
        "b",
        "each pair once",
        """\
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
    Variant(
        "b",
        "networkx",
        """\
def average_path_length(contacts):
    return nx.average_shortest_path_length(nx.Graph(contacts))
""",
    ),
]

PART_C = [
    Variant(
        "c",
        "the clustering itself as its ratio",
        edit(C, '"clustering_ratio": c / c0,', '"clustering_ratio": c,'),
        r"It equals the value itself: divide by the ring's value at p = 0",
    ),
    Variant(
        "c",
        "the path-length ratio upside down",
        edit(C, '"path_length_ratio": length / l0,', '"path_length_ratio": l0 / length,'),
        r"It is upside down",
    ),
    Variant(
        "c",
        "another seed for each ring",
        edit(
            C,
            "ring = checks.neighbour_lists(rewired_ring(n, k, p, seed=seed))",
            "ring = checks.neighbour_lists(rewired_ring(n, k, p, seed=seed + 1))",
        ),
        r"the same seed for every p",
    ),
    Variant(
        "c",
        "ratios to the first p, not to p = 0",
        edit(
            C,
            "plain = checks.neighbour_lists(rewired_ring(n, k, 0.0, seed=seed))",
            "plain = checks.neighbour_lists(rewired_ring(n, k, ps[0], seed=seed))",
        ),
        r"It is divided by the ring with p = [\d.]+, the first in ps",
    ),
    Variant(
        "c",
        "a column named otherwise",
        edit(C, '"path_length_ratio": length / l0,', '"L_ratio": length / l0,'),
        r"has no column 'path_length_ratio'",
    ),
    Variant(
        "c",
        "the rows, not a DataFrame",
        edit(C, "return pd.DataFrame(rows)", "return rows").replace("points.round(3)", "points"),
        r"should return a pandas DataFrame, but it returned a list\. Build one",
    ),
    Variant(
        "c",
        "a row for p = 0 as well",
        edit(C, "    for p in ps:\n", "    for p in [0.0, *ps]:\n"),
        r"has \d+ rows; there should be one per p \(\d+\)",
    ),
    Variant(
        "c",
        "p = 0 put into the list given",
        edit(C, "    rows = []\n", "    ps.insert(0, 0.0)\n    rows = []\n").replace(
            "return pd.DataFrame(rows)", "return pd.DataFrame(rows[1:])"
        ),
        r"changed the list `ps` it was given \(0\.0 was added\)",
    ),
    Variant(
        "c",
        "transitivity, not the average clustering",
        edit(
            C,
            "c, length = average_clustering(ring), average_path_length(ring)",
            "c, length = nx.transitivity(nx.Graph(ring)), average_path_length(ring)",
        ),
        r"That is the transitivity of the whole network",
    ),
    # right answers
    Variant(
        "c",
        "networkx, reversed rows, an extra column",
        """\
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
    Variant(
        "c",
        "a dictionary of columns",
        """\
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
    Variant(
        "c",
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
]

PART_D = [
    Variant(
        "d",
        "one coin per chain",
        edit(D, HOP, "for _ in range(1):\n            if rng.random() < dropout:"),
        r"The coin is tossed once per chain: toss it once per hop",
    ),
    Variant(
        "d",
        "the message dropped when the draw is above dropout",
        edit(D, "if rng.random() < dropout:", "if rng.random() > dropout:"),
        r"moves on when the draw is \*at least\* dropout",
    ),
    Variant(
        "d",
        "one hop too few",
        edit(D, "for _ in range(hops):", "for _ in range(hops - 1):"),
        r"That is the rate for \d+ hops: one hop is missed",
    ),
    Variant(
        "d",
        "every chain as long as the first",
        edit(D, "for hops in lengths:", "for hops in [lengths[0]] * len(lengths):"),
        r"Use each chain's own length",
    ),
    Variant(
        "d",
        "a dict of chains, not a list",
        edit(D, "    return arrived\n", "    return dict(enumerate(arrived))\n"),
        r"should return a list with True or False for each chain",
    ),
    Variant(
        "d",
        "Python's random module",
        "import random as stdlib_random\n\n"
        + swap(
            D,
            """\
            def simulate_letters(lengths, dropout, rng):
                return [all(stdlib_random.random() >= dropout for _ in range(h)) for h in lengths]
            """,
        ),
        r"never drew a number from the generator `rng` it was given",
    ),
    Variant(
        "d",
        "the notebook's rng, not the one given",
        edit(
            D,
            "def simulate_letters(lengths, dropout, rng):",
            "def simulate_letters(lengths, dropout, generator):",
        ),
        r"never drew a number from the generator `rng` it was given",
    ),
    Variant(
        "d",
        "half the draws from another source",
        "import random as stdlib_random\n\n"
        + edit(
            D,
            "if rng.random() < dropout:",
            "if (rng.random() if stdlib_random.random() < 0.5 else stdlib_random.random()) "
            "< dropout:",
        ),
        r"gave other chains the second time, with a generator of the same seed",
    ),
    Variant(
        "d",
        "no weights",
        edit(D, WEIGHTS, "weights = [1 for h in lengths]"),
        r"That is the plain median: weight each chain",
    ),
    Variant(
        "d",
        "weights upside down",
        edit(D, WEIGHTS, "weights = [(1 - dropout) ** h for h in lengths]"),
        r"Long chains should weigh more",
    ),
    Variant(
        "d",
        "the running total must pass half",
        edit(D, "if running >= half:", "if running > half:"),
        r"reaches means ≥ half, not more than half",
    ),
    Variant(
        "d",
        "the lengths not sorted",
        edit(D, "lengths = sorted(arrived)", "lengths = list(arrived)"),
        r"Sort the lengths first",
    ),
    Variant(
        "d",
        "the list given sorted in place",
        edit(D, "lengths = sorted(arrived)", "arrived.sort()\n    lengths = arrived"),
        r"changed the list `arrived` it was given \(its order changed\)",
    ),
    # right answers
    Variant(
        "d",
        "numpy, all at once",
        """\
def simulate_letters(lengths, dropout, rng):
    return [bool(np.all(rng.random(int(h)) >= dropout)) for h in lengths]

def corrected_median(arrived, dropout):
    lengths = np.sort(np.asarray(arrived))
    weights = (1 - dropout) ** -lengths.astype(float)
    cumulative = np.cumsum(weights)
    return int(lengths[np.searchsorted(cumulative, cumulative[-1] / 2)])
""",
    ),
    Variant(
        "d",
        "a while loop, pandas weights",
        """\
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
    Variant(
        "d",
        "one draw per chain against the chance of surviving",
        edit(D, HOP, "for _ in range(1):\n            if rng.random() >= (1 - dropout) ** hops:"),
    ),
]

BANK = PART_A + PART_B + PART_C + PART_D

#: Every sentence of the task text that asks something of the learner's code.
REQUIREMENTS = [
    Requirement(
        "a",
        "their clustering is 0 by convention",
        "part-a-clustering",
        "a guard for one contact, not for none",
    ),
    Requirement(
        "a",
        "the share of pairs of `person`'s contacts who know each other",
        "part-a-clustering",
        "divided by the number of contacts",
    ),
    Requirement("a", "a number from 0 to 1", "part-a-clustering", "a percentage"),
    Requirement(
        "a",
        "everyone, including people with fewer than two contacts, who count as 0",
        "part-a-average",
        "loners left out of the average",
    ),
    Requirement(
        "a",
        "your functions read what they are given (contact lists, lists of numbers) and must "
        "not change it",
        "part-a-clustering",
        "contacts popped while counting",
    ),
    Requirement(
        "b",
        "averaged over every pair of two different people",
        "part-b-path-length",
        "each person counted 0 hops from themselves",
    ),
    Requirement(
        "b",
        "Run it from every person",
        "part-b-path-length",
        "the search from the first person only",
    ),
    Requirement(
        "b", "divide by the number of pairs", "part-b-path-length", "the total, not the average"
    ),
    Requirement(
        "b",
        "the number of hops on a shortest chain",
        "part-b-path-length",
        "depth-first search",
    ),
    Requirement(
        "b",
        "never the list you were handed",
        "part-b-path-length",
        "the contact list itself used as the queue",
    ),
    Requirement(
        "c",
        "a pandas DataFrame with one row per `p` in `ps`",
        "part-c-points",
        "a row for p = 0 as well",
    ),
    Requirement(
        "c",
        "those two divided by the values of the plain ring (`p = 0`, same `n`, `k` and seed)",
        "part-c-points",
        "ratios to the first p, not to p = 0",
    ),
    Requirement(
        "c",
        "`clustering_ratio` and `path_length_ratio`",
        "part-c-points",
        "a column named otherwise",
    ),
    Requirement(
        "c",
        "(the same seed gives the same ring)",
        "part-c-points",
        "another seed for each ring",
    ),
    Requirement(
        "c",
        "sort or extend a copy",
        "part-c-points",
        "p = 0 put into the list given",
    ),
    Requirement(
        "d",
        "whether it arrived — a list of `True`/`False`",
        "part-d-simulation",
        "a dict of chains, not a list",
    ),
    Requirement(
        "d",
        "at each step the person holding the message drops it with probability `dropout`",
        "part-d-simulation",
        "one coin per chain",
    ),
    Requirement(
        "d",
        "Use the random generator `rng` you are given, and no other source of randomness",
        "part-d-simulation",
        "Python's random module",
    ),
    Requirement(
        "d",
        "Then two generators made with the same seed give the same chains.",
        "part-d-simulation",
        "half the draws from another source",
    ),
    Requirement(
        "d",
        "each arrived chain stands for `1 / (1 − dropout) ** h` chains",
        "part-d-median",
        "weights upside down",
    ),
    Requirement("d", "sort the arrived lengths", "part-d-median", "the lengths not sorted"),
    Requirement(
        "d",
        "do not change the list you are given",
        "part-d-median",
        "the list given sorted in place",
    ),
    Requirement(
        "d",
        "when it is exactly half at a length, that length is the median",
        "part-d-median",
        "the running total must pass half",
    ),
    Requirement(
        "a",
        "there are `k × (k − 1) / 2` pairs of contacts",
        "part-a-clustering",
        "divided by k squared",
    ),
    Requirement(
        "b",
        "Breadth-first search, which you wrote in Assignment 1, gives the hops",
        "part-b-path-length",
        "depth-first search",
    ),
    Requirement(
        "c",
        "or networkx's `nx.average_clustering(graph)`",
        "part-c-points",
        "networkx, reversed rows, an extra column",
    ),
]

#: Sentences with a requirement word that ask nothing of the code.
ASIDES = [
    "Only Ben and Cy know each other, so Ana's clustering is 1/3.",
    "Watts and Strogatz (1998, Nature 393:440) started from a ring",
    "Then they rewired each tie with probability `p` to a random person.",
    "In between they found the small-world regime",
    "only 384 of 24,163 chains completed",
    "Please do not delete or copy the check cells.",
    "correct the observed chain lengths for the chains that never arrived",
]


class TestBank(BankTests):
    NOTEBOOK, BANK, REQUIREMENTS, ASIDES = NOTEBOOK, BANK, REQUIREMENTS, ASIDES
    PARTS = "abcd"
