"""Path search at scale: Coffee Chat's array engine beside networkx, in one run.

Run it from the project folder::

    .venv/bin/python benchmarks/bench_paths.py                  # 300,000 people, 3M ties
    .venv/bin/python benchmarks/bench_paths.py --size 20000 --queries 5

It draws ``make_network(size, seed)``, builds each library's search structure
from the ties table, then runs the same randomly drawn queries on both (each
task on Coffee Chat, then the same task on networkx), checks that the answers
are equally good, and prints a Markdown table (progress goes to stderr).
Times are wall-clock with Python's garbage collector on: each query runs
``--repeat`` times and its best run counts (as :mod:`timeit` advises), and the
table gives the median over queries, and the median first run when that is
much slower (memory not yet in the processor's caches). Memory is the peak
traced by :mod:`tracemalloc` while building (numpy arrays included), measured
in a separate, untimed build.

networkx gets the same graph as an undirected ``networkx.Graph`` with one edge
attribute, ``cost = -log(strength)``; its answers are compared by the product
of strengths (to a relative 1e-7: Coffee Chat rounds each cost to a
billionth, see ``coffeechat/_rank.py``) and by the number of steps.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import math
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import networkx as nx
import numpy as np

from coffeechat import _csr
from coffeechat.datasets import make_network
from coffeechat.paths import (
    Target,
    chains,
    introducers,
    separation,
    shortest_chain,
    strongest_chain,
)

SINK = "__super_sink__"


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def traced_peak(call: Callable[[], Any]) -> int:
    """Peak bytes allocated while ``call`` runs (the result is dropped)."""
    gc.collect()
    tracemalloc.start()
    try:
        result = call()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del result
    gc.collect()
    return peak


def seconds(values: list[float]) -> str:
    t = statistics.median(values)
    return f"{t * 1e3:.2f} ms" if t < 0.01 else f"{t * 1e3:.0f} ms" if t < 1 else f"{t:.2f} s"


def timing(best: list[float], first: list[float]) -> str:
    """Median of the best runs, and of the first runs when they differ much."""
    text = seconds(best)
    if statistics.median(first) > 1.2 * statistics.median(best):
        text += f" (first run {seconds(first)})"
    return text


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-7)


class Row:
    """One line of the table."""

    def __init__(self, task: str, target: str = "—", limit: float | None = None) -> None:
        self.task, self.target, self.limit = task, target, limit
        self.ours: list[float] = []  # per query, the best of a few runs
        self.theirs: list[float] = []
        self.ours_first: list[float] = []  # per query, the first run
        self.theirs_first: list[float] = []
        self.agree = 0
        self.compared = 0
        self.notes: list[str] = []
        self.ours_text = self.theirs_text = ""

    def check(self, agrees: bool) -> None:
        self.compared += 1
        self.agree += bool(agrees)

    def cells(self) -> list[str]:
        ours = self.ours_text or timing(self.ours, self.ours_first)
        theirs = self.theirs_text or (
            timing(self.theirs, self.theirs_first) if self.theirs else "—"
        )
        if not self.theirs_text and self.theirs and len(self.theirs) < len(self.ours):
            k = len(self.theirs)
            theirs += (
                f" ({k} of {len(self.ours)} queries; Coffee Chat on those {k}: "
                f"{seconds(self.ours[:k])})"
            )
        met = "—"
        if self.limit is not None:
            met = "yes" if statistics.median(self.ours) <= self.limit else "**no**"
        answer = "—"
        if self.compared:
            answer = f"{self.agree}/{self.compared} same"
            if self.agree < self.compared:
                answer += f", {self.compared - self.agree} differ"
        if self.notes:
            answer += "; " + "; ".join(self.notes)
        return [self.task, ours, theirs, self.target, met, answer]


def build_arrays(network: Any) -> _csr.CSR:
    """Build the array engine's search structure for ``network`` from its tables.

    Always a real build: the structure the network keeps once a search has
    used it (:func:`coffeechat._csr.cached`) is neither read nor replaced.
    """
    return _csr.CSR(network)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=300_000, help="people (default 300,000)")
    parser.add_argument("--seed", type=int, default=0, help="make_network seed (default 0)")
    parser.add_argument("--queries", type=int, default=15, help="queries per task (default 15)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each query, the best kept (default 3)"
    )
    parser.add_argument(
        "--networkx-alternatives",
        type=int,
        default=3,
        help="queries for networkx's slow shortest_simple_paths (default 3)",
    )
    args = parser.parse_args(argv)

    progress(f"make_network({args.size:,}, seed={args.seed}) ...")
    made, network = timed(lambda: make_network(args.size, seed=args.seed))
    n = len(network)
    progress(f"  {n:,} people, {network.number_of_ties:,} ties in {made:.1f} s")

    # ------------------------------------------------------------- build
    def build_ours() -> _csr.CSR:
        return build_arrays(network)

    progress("building the arrays ...")
    build = Row("build the search structure from the ties table", "≤ 1.5 s, ≤ 200 MB")
    build.ours = [timed(build_ours)[0] for _ in range(3)]
    ours_peak = traced_peak(build_ours)
    csr = build_ours()
    build.ours_text = (
        f"{seconds(build.ours)}, {ours_peak / 1e6:.0f} MB peak ({csr.nbytes / 1e6:.0f} MB kept)"
    )
    met_build = statistics.median(build.ours) <= 1.5 and ours_peak <= 200e6

    ties = network.inside.ties
    ends = (ties["source"].to_numpy(), ties["target"].to_numpy())
    costs = (-np.log(ties["strength"].to_numpy())).tolist()

    def build_networkx() -> nx.Graph:
        graph = nx.Graph()
        graph.add_weighted_edges_from(zip(*ends, costs, strict=True), weight="cost")
        return graph

    progress("building the networkx graph (twice: once traced for memory) ...")
    theirs_peak = traced_peak(build_networkx)
    theirs_time, graph = timed(build_networkx)
    build.theirs = [theirs_time]
    build.theirs_text = f"{seconds(build.theirs)}, {theirs_peak / 1e6:.0f} MB peak"

    # ------------------------------------------------------------ queries
    rng = np.random.default_rng(args.seed + 1)
    ids = network.inside.people.index.to_numpy()
    pairs = []
    while len(pairs) < args.queries:
        a, b = rng.integers(n, size=2)
        if a != b:
            pairs.append((str(ids[a]), str(ids[b])))
    organizations = network.inside.people["organization"].to_numpy()
    orgs = [str(organizations[i]) for i in rng.integers(n, size=args.queries)]

    # one untimed warm-up query each, so that no timing pays for a first import
    shortest_chain(network, source=pairs[0][0], target=pairs[0][1], engine="arrays")
    nx.bidirectional_shortest_path(graph, *pairs[0])

    def run(
        row: Row,
        queries: list[tuple[str, str]],
        ours: Callable[[str, str], Any],
        theirs: Callable[[str, str], Any] | None = None,
        agree: Callable[[Any, Any], bool] | None = None,
        limit: int | None = None,
    ) -> list[Any]:
        """Time every query on Coffee Chat, then on networkx; compare the answers."""
        progress(f"  {row.task} ...")
        found = []
        for query in queries:
            t, result = repeated(lambda q=query: ours(*q), row.ours_first)
            row.ours.append(t)
            found.append(result)
        if theirs is not None:
            for query, mine in zip(queries[:limit], found, strict=False):
                t, result = repeated(lambda q=query: theirs(*q), row.theirs_first)
                row.theirs.append(t)
                if agree is not None:
                    row.check(agree(mine, result))
        return found

    def repeated(call: Callable[[], Any], first: list[float]) -> tuple[float, Any]:
        """The best of ``--repeat`` runs (one if it takes over a second); the first run noted."""
        t, result = timed(call)
        first.append(t)
        runs = [t] + [timed(call)[0] for _ in range(args.repeat - 1 if t < 1 else 0)]
        return min(runs), result

    def super_sink(source: str, organization: str) -> tuple[float, list]:
        members = network.match(organization=organization)
        graph.add_weighted_edges_from(((m, SINK, 0.0) for m in members if m != source), "cost")
        try:
            return nx.bidirectional_dijkstra(graph, source, SINK, weight="cost")
        finally:
            graph.remove_node(SINK)

    def same_strengths(found: list, paths: list) -> bool:
        theirs = [math.exp(-nx.path_weight(graph, p, "cost")) for p in paths]
        return len(found) == len(theirs) and all(
            same(c.strength, x) for c, x in zip(found, theirs, strict=True)
        )

    def same_counts(steps: Any, lengths: dict) -> bool:
        counts = np.bincount(np.fromiter(lengths.values(), dtype=np.int64)).tolist()
        return steps.counts == {d: c for d, c in enumerate(counts) if d and c}

    progress(f"{args.queries} queries per task, each task on Coffee Chat then on networkx:")
    at_org = list(zip([s for s, _ in pairs], orgs, strict=True))
    fewest = Row("one pair, fewest hops", "≤ 1 ms", 1e-3)
    run(
        fewest,
        pairs,
        lambda s, d: shortest_chain(network, source=s, target=d, engine="arrays"),
        lambda s, d: nx.bidirectional_shortest_path(graph, s, d),
        lambda chain, path: chain.hops == len(path) - 1,
    )
    strongest = Row("one pair, strongest", "≤ 50 ms", 50e-3)
    found = run(
        strongest,
        pairs,
        lambda s, d: strongest_chain(network, source=s, target=d, engine="arrays"),
        lambda s, d: nx.bidirectional_dijkstra(graph, s, d, weight="cost"),
        lambda chain, answer: same(chain.strength, math.exp(-answer[0])),
    )
    steps = [len(nx.bidirectional_dijkstra(graph, *q, weight="cost")[1]) - 1 for q in pairs]
    fewer = sum(c.hops < h for c, h in zip(found, steps, strict=True))
    if fewer:
        strongest.notes.append(f"{fewer} equally strong with fewer steps here")
    anyone = Row("anyone at organisation X, strongest", "≤ 100 ms", 100e-3)
    run(
        anyone,
        at_org,
        lambda s, o: strongest_chain(
            network, source=s, target=Target(organization=o), engine="arrays"
        ),
        super_sink,
        lambda chain, answer: same(chain.strength, math.exp(-answer[0])),
    )
    matching = Row("… of which `Network.match(organization=X)`")
    run(matching, at_org, lambda s, o: network.match(organization=o))
    alternatives = Row("5 best alternative chains by strength", "≤ 2 s", 2.0)
    run(
        alternatives,
        pairs,
        lambda s, d: chains(network, s, d, k=5, engine="arrays"),
        lambda s, d: list(itertools.islice(nx.shortest_simple_paths(graph, s, d, "cost"), 5)),
        same_strengths,
        limit=args.networkx_alternatives,
    )
    plan_b = Row("introducers: every first contact's best chain")
    run(plan_b, pairs, lambda s, d: introducers(network, s, d, engine="arrays"))
    spread = Row("separation: everyone's distance from one person")
    run(
        spread,
        pairs,
        lambda s, d: separation(network, s, engine="arrays"),
        lambda s, d: nx.single_source_shortest_path_length(graph, s),
        same_counts,
    )

    rows = [build, fewest, strongest, anyone, matching, alternatives, plan_b, spread]
    sizes = [len(network.match(organization=o)) for o in orgs]
    print(
        f"make_network({args.size:,}, seed={args.seed}): {n:,} people, "
        f"{network.number_of_ties:,} ties; medians over {args.queries} random queries of "
        f"the best of {args.repeat} runs each "
        f"(organisations of {min(sizes):,} to {max(sizes):,} people, median "
        f"{statistics.median(sizes):,.0f}); Python {sys.version.split()[0]}, "
        f"networkx {nx.__version__}, numpy {np.__version__}.\n"
    )
    header = ["task", "Coffee Chat (arrays)", "networkx", "target", "met", "same answer"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        cells = row.cells()
        if row is build:
            cells[4] = "yes" if met_build else "**no**"
        print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
