"""Tests of path search: chains of introductions, both engines, against networkx."""

from __future__ import annotations

import copy
import itertools
import math
import pickle
import random
import subprocess
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from coffeechat import _csr
from coffeechat._rank import chain_key, tie_costs
from coffeechat.contacts import Network, Person, Tie
from coffeechat.datasets import make_network
from coffeechat.errors import CoffeeChatError, InvalidParameter, NoChainError, PersonNotFound
from coffeechat.paths import (
    ARRAY_ENGINE_FROM,
    Chain,
    Separation,
    Target,
    chains,
    introducers,
    reach,
    reach_table,
    separation,
    shortest_chain,
    strongest_chain,
)
from strategies import PRIMES, networks

ENGINES = ["python", "arrays"]


def _person_at(pid: str) -> st.SearchStrategy[Person]:
    return st.sampled_from(["Acme", "Borealis"]).map(lambda org: Person(pid, f"Person {pid}", org))


#: Small networks whose strengths often repeat (many equally good chains) or not.
SMALL = networks(
    min_people=2,
    max_people=9,
    person=_person_at,
    strengths=st.sampled_from([0.1, 0.3, 0.5, 0.8, 1.0]) | st.floats(0.01, 1.0),
    max_ties=36,
)
ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------ helpers


@pytest.fixture
def net() -> Network:
    """A hand-made network; the strongest and the shortest chain to Carla differ."""
    people = [
        Person("me", "Sam Learner", "Lakeside School", "Teacher"),
        Person("ana", "Ana Ruiz", "Borealis Labs", "Product Designer", "Software"),
        Person("ben", "Ben Ode", "Cobalt Bank", "Data Analyst", "Finance", school="Northgate"),
        Person("carla", "Carla Diaz", "Acme Inc.", "UX Lead", "Software"),
        Person("dev", "Dev Patel", "Dune Media", "Recruiter", "Media"),
        Person("eli", "Eli Stone", "ACME", "Senior UX Researcher", "Software"),
        Person("fay", "Fay Lin", "Fjord Health"),
        Person("gus", "Gus Amato", "Fjord Health"),
    ]
    ties = [
        Tie("me", "ana", 0.8, "former colleague"),
        Tie("ana", "ben", 0.6, "classmate"),
        Tie("ben", "carla", 0.7, "colleague"),
        Tie("me", "dev", 0.3, "acquaintance"),
        Tie("carla", "dev", 0.5, "friend"),
        Tie("eli", "ben", 0.2, "online"),
        Tie("fay", "gus", 0.9, "colleague"),
    ]
    return Network(people, ties)


def random_network(seed: int, n: int, m: int, *, discrete: bool) -> Network:
    """A random network; discrete strengths (with 1.0) make many equally good chains."""
    rng = random.Random(seed)
    m = min(m, n * (n - 1) // 2)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < m:
        a, b = sorted(rng.sample(range(n), 2))
        pairs.add((a, b))
    ids = ["me"] + [f"p{i}" for i in range(1, n)]
    people = pd.DataFrame(
        {
            "id": ids,
            "name": [f"Person {i}" for i in range(n)],
            "organization": [rng.choice(["Acme", "Borealis", "Cobalt", "Dune"]) for _ in ids],
        }
    )
    ordered = sorted(pairs)
    strength = [
        rng.choice([0.2, 0.3, 0.5, 0.6, 1.0]) if discrete else rng.uniform(0.05, 0.99)
        for _ in ordered
    ]
    ties = pd.DataFrame(
        {
            "source": [ids[a] for a, _ in ordered],
            "target": [ids[b] for _, b in ordered],
            "strength": strength,
        }
    )
    return Network.from_frames(people, ties)


def network_from_graph(graph: nx.Graph, weight: str | None = None) -> Network:
    """A networkx example graph as a Network: node labels as names and ids."""
    ids = [str(v) for v in graph.nodes]
    if weight is None:
        strength = dict.fromkeys(graph.edges, 0.5)
    else:
        top = max(d[weight] for _, _, d in graph.edges(data=True))
        strength = {(a, b): d[weight] / top for a, b, d in graph.edges(data=True)}
    people = pd.DataFrame({"id": ids, "name": ids})
    ties = pd.DataFrame(
        [(str(a), str(b), s) for (a, b), s in strength.items()],
        columns=["source", "target", "strength"],
    )
    return Network.from_frames(people, ties, me=ids[0])


def goals_of(network: Network, source: str, target: str | Target) -> set[str]:
    if isinstance(target, Target):
        return {p for p in target.match(network) if p != source}
    return {target}


def key(chain: Chain, by: str) -> int:
    """A chain's exact rank (see coffeechat._rank), from its own ties."""
    cost = int(tie_costs(np.array([t.strength for t in chain.ties])).sum())
    return chain_key(chain.hops, cost, by)


def all_chains(network: Network, source: str, goals: set[str], by: str) -> list[tuple[int, list]]:
    """Every simple chain from source to a goal (stopping at the first goal), best first."""
    graph = network.graph
    found = []
    for goal in goals:
        for path in nx.all_simple_paths(graph, source, goal):
            if goals.intersection(path[1:-1]):
                continue
            strengths = np.array([graph[a][b]["strength"] for a, b in itertools.pairwise(path)])
            found.append((chain_key(len(path) - 1, int(tie_costs(strengths).sum()), by), path))
    return sorted(found, key=lambda f: f[0])


def reference_graph(network: Network, goals: set[str]) -> nx.DiGraph:
    """The network for networkx, with goals as dead ends tied to one super-sink."""
    graph = nx.DiGraph()
    graph.add_nodes_from(network.graph)
    for a, b, data in network.graph.edges(data=True):
        for u, v in ((a, b), (b, a)):
            if u not in goals:
                graph.add_edge(u, v, cost=data["cost"])
    for goal in goals:
        graph.add_edge(goal, "__sink__", cost=0.0)
    return graph


def check_is_chain(network: Network, chain: Chain, source: str, goals: set[str]) -> None:
    """A chain is a real, simple path of existing ties from source to its first goal."""
    assert chain.ids[0] == source
    assert chain.ids[-1] in goals
    assert not goals.intersection(chain.ids[:-1])
    assert len(set(chain.ids)) == len(chain.ids)
    for a, b, tie in zip(chain.ids, chain.ids[1:], chain.ties, strict=False):
        real = network.tie(a, b)
        assert real is not None
        assert (tie.source, tie.target) == (a, b)
        assert (tie.strength, tie.kind) == (real.strength, real.kind)
    assert math.isclose(chain.strength, math.prod(t.strength for t in chain.ties))
    assert [p.id for p in chain.persons] == list(chain.ids)
    assert chain.persons == tuple(network.person(p) for p in chain.ids)


# ------------------------------------------------------------ the examples


@pytest.mark.parametrize("engine", ENGINES)
def test_strongest_and_shortest_differ(net: Network, engine: str) -> None:
    """Strongest takes three strong ties; shortest takes two weak ones."""
    assert strongest_chain(net, target="carla", engine=engine).ids == ("me", "ana", "ben", "carla")
    assert shortest_chain(net, target="carla", engine=engine).ids == ("me", "dev", "carla")


@pytest.mark.parametrize(
    "args, kwargs",
    [
        (("me", "carla"), {}),
        ((), {"target": "carla"}),
        ((), {"source": "me", "target": "carla"}),
        ((Person("me", "Sam Learner"), Person("carla", "Carla Diaz")), {}),
        ((None, "carla"), {}),
    ],
)
def test_ways_to_call(net: Network, args: tuple, kwargs: dict) -> None:
    """Source then target, as in networkx; the source defaults to the learner."""
    assert strongest_chain(net, *args, **kwargs).ids == ("me", "ana", "ben", "carla")


def test_other_source(net: Network) -> None:
    """A chain can start from anyone; explain() then names them instead of 'You'."""
    chain = shortest_chain(net, source="dev", target="ana")
    assert chain.ids == ("dev", "me", "ana")
    assert chain.explain().startswith("Dev Patel → Sam Learner (acquaintance, weak tie)")


def test_explain_calls_a_chain_stronger_or_weaker_never_a_percentage(net: Network) -> None:
    """Strengths are rough ratings: a chain reads as a stronger or weaker one, with no '%'."""
    weak = shortest_chain(net, target="carla")
    assert weak.strength < 0.3
    assert weak.explain().endswith("— 1 introduction, a weaker chain")
    for chain in (weak, strongest_chain(net, target="carla")):
        assert "%" not in chain.explain() and "likely" not in chain.explain()


def test_explain_in_plain_words(net: Network) -> None:
    """explain() names each person and tie, the target's job, the introductions, the strength."""
    text = strongest_chain(net, target=Target(organization="acme")).explain()
    assert text == (
        "You → Ana Ruiz (former colleague, strong tie) → Ben Ode (classmate, medium tie) "
        "→ Carla Diaz, UX Lead at Acme Inc. (colleague, strong tie) "
        "— 2 introductions, a stronger chain"
    )
    assert str(strongest_chain(net, target="ana")) == (
        "You → Ana Ruiz, Product Designer at Borealis Labs (former colleague, strong tie) "
        "— no introduction needed, a stronger chain"
    )


def test_chain_record(net: Network) -> None:
    """A Chain holds people and oriented ties; hops, strength and introducer derive from them."""
    chain = strongest_chain(net, target="carla")
    assert chain.hops == 3 and chain.introductions == 2
    assert chain.strength == pytest.approx(0.8 * 0.6 * 0.7)
    assert chain.introducer.name == "Ana Ruiz"
    assert chain.source.id == "me" and chain.target.id == "carla"
    assert [(t.source, t.target) for t in chain.ties] == [
        ("me", "ana"),
        ("ana", "ben"),
        ("ben", "carla"),
    ]
    assert repr(chain) == "Chain(me → ana → ben → carla, hops=3, strength=0.336)"
    with pytest.raises(AttributeError):
        chain.me = "ana"  # type: ignore[misc]


@pytest.mark.parametrize(
    "persons, ties, message",
    [
        (("me",), (), "at least two people"),
        (("me", "ana"), (), "one tie between each pair"),
        (("me", "ana"), (Tie("me", "ben", 0.5),), "does not join 'me' to 'ana'"),
    ],
)
def test_chain_checks_its_parts(persons: tuple, ties: tuple, message: str) -> None:
    """A Chain built by hand must join its people one after another."""
    with pytest.raises(InvalidParameter, match=message):
        Chain(tuple(Person(p, p) for p in persons), ties)


@pytest.mark.parametrize(
    "target, expected",
    [
        (Target(organization="ACME, Inc"), {"carla", "eli"}),
        (Target("acme"), {"carla", "eli"}),
        (Target(role="ux"), {"carla", "eli"}),
        (Target(role="researcher"), {"eli"}),
        (Target(industry="software"), {"ana", "carla", "eli"}),
        (Target(school="northgate"), {"ben"}),
        (Target(name="ruiz"), {"ana"}),
        (Target(organization="Acme", role="lead"), {"carla"}),
        (Target(where=lambda p: p.role.startswith("Data")), {"ben"}),
        (Target(industry="Software", where=lambda p: "Senior" in p.role), {"eli"}),
    ],
)
def test_target_matches(net: Network, target: Target, expected: set[str]) -> None:
    """Targets match organisations as normalised names, roles and schools as substrings."""
    assert set(target.match(net)) == expected


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "target, by, expected",
    [
        (Target("Acme"), "strength", ("me", "ana", "ben", "carla")),
        (Target("Acme"), "hops", ("me", "dev", "carla")),
        (Target(role="researcher"), "strength", ("me", "ana", "ben", "eli")),
        (Target(industry="software"), "hops", ("me", "ana")),
    ],
)
def test_best_reached_match(net: Network, target: Target, by: str, expected: tuple, engine: str):
    """A Target means the best-reached person who matches."""
    search = strongest_chain if by == "strength" else shortest_chain
    assert search(net, target=target, engine=engine).ids == expected


def test_target_describes_itself() -> None:
    """Targets say what they look for, for messages."""

    def senior(person: Person) -> bool:
        return "Senior" in person.role

    assert Target("Acme", role="lead").describe() == "someone at Acme, with 'lead' in their role"
    assert Target(where=senior).describe() == "someone for whom senior is true"
    assert Target(where=lambda p: True).describe() == "someone who passes your test"


@pytest.mark.parametrize("engine", ENGINES)
def test_chains_k_best(net: Network, engine: str) -> None:
    """chains() lists alternatives best first, and stops when there are no more."""
    found = chains(net, target="carla", k=5, engine=engine)
    assert [c.ids for c in found] == [
        ("me", "ana", "ben", "carla"),
        ("me", "dev", "carla"),
    ]
    by_hops = chains(net, target="carla", by="hops", engine=engine)
    assert [c.hops for c in by_hops] == [2, 3]


@pytest.mark.parametrize("engine", ENGINES)
def test_plan_b_and_introducers(net: Network, engine: str) -> None:
    """distinct_first and introducers give one chain per first contact, best first."""
    plan = chains(net, target=Target("Acme"), distinct_first=True, engine=engine)
    assert [c.introducer.id for c in plan] == ["ana", "dev"]
    ranked = introducers(net, target="eli", engine=engine)
    assert [(c.introducer.id, c.hops) for c in ranked] == [("ana", 3), ("dev", 4)]
    assert [c.introducer.id for c in introducers(net, target="eli", by="hops")] == ["ana", "dev"]


@pytest.mark.parametrize("engine", ENGINES)
def test_plan_b_never_runs_through_another_contact(engine: str) -> None:
    """A plan-B chain does not pass through someone the learner could ask directly."""
    people = [Person(p, p.upper(), "Acme" if p == "t" else "") for p in ("me", "a", "b", "c", "t")]
    ties = [
        Tie("me", "a", 0.9),
        Tie("me", "b", 0.9),
        Tie("me", "c", 0.2),
        Tie("a", "t", 0.9),
        Tie("b", "a", 0.9),
        Tie("c", "t", 0.3),
    ]
    network = Network(people, ties)
    plan = chains(network, target=Target("Acme"), distinct_first=True, engine=engine)
    assert [c.ids for c in plan] == [("me", "a", "t"), ("me", "c", "t")]
    assert [c.introducer.id for c in introducers(network, target="t", engine=engine)] == ["a", "c"]


@pytest.mark.parametrize("engine", ENGINES)
def test_max_hops(net: Network, engine: str) -> None:
    """max_hops keeps only chains that short, even if weaker."""
    found = chains(net, target="carla", max_hops=2, engine=engine)
    assert [c.ids for c in found] == [("me", "dev", "carla")]
    with pytest.raises(NoChainError, match="at most 1 hop links.*nearest match is Carla Diaz"):
        chains(net, target="carla", max_hops=1, engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_ties_of_strength_one_count(engine: str) -> None:
    """A tie of strength 1.0 costs nothing but is still a tie, and a step."""
    people = [Person(p, p.upper()) for p in ("me", "a", "b", "c")]
    ties = [Tie("me", "a", 1.0), Tie("a", "b", 1.0), Tie("me", "b", 1.0), Tie("b", "c", 0.5)]
    network = Network(people, ties)
    chain = strongest_chain(network, target="c", engine=engine)
    assert chain.ids == ("me", "b", "c")  # as strong as me-a-b-c, with fewer steps
    assert chain.strength == 0.5
    assert strongest_chain(network, "a", "c", engine=engine).hops == 2
    assert separation(network, engine=engine).counts == {1: 2, 2: 1}


@pytest.mark.parametrize("engine", ENGINES)
def test_separation(net: Network, engine: str) -> None:
    """separation counts people by hops, with average, farthest and share within six."""
    s = separation(net, engine=engine)
    assert s == Separation("me", {1: 2, 2: 2, 3: 1}, others=7)
    assert (s.reached, s.unreachable, s.farthest) == (5, 2, 3)
    assert s.average == pytest.approx((2 + 4 + 3) / 5)
    assert s.within_six == pytest.approx(5 / 7)
    assert separation(net, "fay", engine=engine).counts == {1: 1}
    assert "5 can be reached: 2 in 1 hop, 2 in 2 hops, 1 in 3 hops" in s.explain()


@pytest.mark.parametrize(
    ("source", "max_hops", "expected"),
    [
        (
            None,
            None,
            {
                "ana": ("me", "ana"),
                "dev": ("me", "dev"),
                "ben": ("me", "ana", "ben"),
                "carla": ("me", "dev", "carla"),  # shortest; me-ana-ben-carla is stronger
                "eli": ("me", "ana", "ben", "eli"),
            },
        ),
        (None, 1, {"ana": ("me", "ana"), "dev": ("me", "dev")}),
        ("fay", None, {"gus": ("fay", "gus")}),
        (Person("gus", "Gus Amato"), 3, {"fay": ("gus", "fay")}),
    ],
)
def test_reach(net: Network, source, max_hops: int | None, expected: dict) -> None:
    """reach gives everyone within max_hops their shortest chain, nearest first."""
    found = reach(net, source, max_hops=max_hops)
    assert found == expected
    assert [len(ids) for ids in found.values()] == sorted(len(ids) for ids in found.values())


def test_separation_of_nobody() -> None:
    """Someone with no ties reaches nobody: no average, nothing within six."""
    s = separation(Network([Person("me", "Sam"), Person("a", "Ana")], []))
    assert s.reached == 0 and math.isnan(s.average) and s.within_six == 0.0
    assert s.explain() == "Out of 1 other person, 0 can be reached."


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    "call, error, message",
    [
        (
            lambda n: shortest_chain(n, target="carlaa"),
            PersonNotFound,
            "'carlaa'.*did you mean 'carla'",
        ),
        (lambda n: strongest_chain(n, "nobody", "ana"), PersonNotFound, "'nobody'"),
        (lambda n: separation(n, "zed"), PersonNotFound, "'zed'"),
        (lambda n: shortest_chain(n), InvalidParameter, "say whom to reach"),
        (lambda n: shortest_chain(n, "carla"), InvalidParameter, "say whom to reach: target="),
        (lambda n: shortest_chain(n, "me", "me"), InvalidParameter, "is the source itself"),
        (lambda n: shortest_chain(n, "me", 42), InvalidParameter, "target must be a person id"),
        (lambda n: shortest_chain(n, 42, "ana"), InvalidParameter, "source must be a person id"),
        (lambda n: shortest_chain("net", "ana"), InvalidParameter, "should be a coffeechat"),
        (lambda n: chains(n, target="ana", k=0), InvalidParameter, "k must be .* not 0"),
        (lambda n: chains(n, target="ana", k=2.5), InvalidParameter, "k should be a whole"),
        (lambda n: chains(n, target="ana", k=True), InvalidParameter, "k should be a whole"),
        (lambda n: chains(n, target="ana", by="fast"), InvalidParameter, "by must be"),
        (lambda n: introducers(n, target="ana", by=None), InvalidParameter, "by must be"),
        (lambda n: chains(n, target="ana", max_hops=0), InvalidParameter, "max_hops must"),
        (lambda n: chains(n, target="ana", distinct_first="y"), InvalidParameter, "True or"),
        (lambda n: shortest_chain(n, target="ana", engine="gpu"), InvalidParameter, "engine must"),
        (lambda n: separation(n, engine="gpu"), InvalidParameter, "engine must"),
        (lambda n: reach(n, "zed"), PersonNotFound, "'zed'"),
        (lambda n: reach(n, max_hops=0), InvalidParameter, "max_hops must"),
        (lambda n: reach(n, max_hops=1.5), InvalidParameter, "max_hops should be a whole"),
        (lambda n: reach("net"), InvalidParameter, "should be a coffeechat Network"),
        (lambda n: Target(), InvalidParameter, "at least one of"),
        (lambda n: Target(role=""), InvalidParameter, "role must be a non-empty string"),
        (lambda n: Target(school=3), InvalidParameter, "school must be a non-empty string"),
        (lambda n: Target(where="senior"), InvalidParameter, "where must be a function"),
    ],
)
def test_bad_input(net: Network, call, error: type, message: str) -> None:
    """Bad input raises the package's own errors, with a message that says what is wrong."""
    with pytest.raises(error, match=message) as caught:
        call(net)
    assert isinstance(caught.value, CoffeeChatError)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda n, e: shortest_chain(n, target="fay", engine=e),
            "no chain links you to Fay Lin, Fjord Health: you can reach 5 of the 7 other "
            "people, and this person is not among them",
        ),
        (
            lambda n, e: strongest_chain(n, "gus", "ana", engine=e),
            "links Gus Amato to Ana Ruiz.*Gus Amato can reach 1 of the 7",
        ),
        (
            lambda n, e: chains(n, target=Target("Fjord Health"), engine=e),
            "someone at Fjord Health: you can reach 5 .* none of the 2 people who match",
        ),
        (
            lambda n, e: introducers(n, target="fay", engine=e),
            "you can reach 5 of the 7",
        ),
        (
            lambda n, e: shortest_chain(n, target=Target("Acme Bank"), engine=e),
            "nobody in this network matches 'someone at Acme Bank'; did you mean .*'Acme Inc.'",
        ),
        (
            lambda n, e: shortest_chain(n, target=Target(role="teacher"), engine=e),
            r"nobody but you matches \"someone with 'teacher' in their role\"",
        ),
    ],
)
def test_no_chain_messages(net: Network, call, message: str, engine: str) -> None:
    """NoChainError says how many people the source reaches, and why none fits."""
    with pytest.raises(NoChainError, match=message):
        call(net, engine)


# ----------------------------------------------------------- the engines


def test_auto_engine_choice() -> None:
    """Small networks use the plain engine; large ones the arrays, built from the ties table."""
    small = make_network(200, seed=1)
    shortest_chain(small, target="p000100")
    assert "csr" not in small.__dict__.get("_engine_cache", {})
    big = make_network(ARRAY_ENGINE_FROM // 9, seed=1)
    assert big.number_of_ties >= ARRAY_ENGINE_FROM
    chain = strongest_chain(big, target="p000100")
    assert "csr" in big.__dict__["_engine_cache"]
    assert "graph" not in big.__dict__ and "_adjacency" not in big.__dict__
    assert strongest_chain(big, target="p000100", engine="python").strength == pytest.approx(
        chain.strength
    )


def test_arrays_keep_every_tie() -> None:
    """The arrays hold both directions of every tie, including ties of strength 1.0."""
    network = random_network(5, 30, 80, discrete=True)
    csr = _csr.cached(network)
    assert _csr.cached(network) is csr
    assert len(csr.indices) == 2 * network.number_of_ties
    assert (csr.keys > 0).all()
    assert (network.ties["strength"] == 1.0).any()
    for v in range(len(csr)):
        others = {str(csr.ids[w]) for w in csr.indices[csr.indptr[v] : csr.indptr[v + 1]]}
        assert others == set(network.neighbors(str(csr.ids[v])))


def test_network_with_arrays_can_be_copied() -> None:
    """A network keeps its arrays through pickling and copying, and they still work."""
    network = random_network(3, 40, 90, discrete=False)
    chain = strongest_chain(network, target="p5", engine="arrays")
    for other in (pickle.loads(pickle.dumps(network)), copy.deepcopy(network)):
        assert "csr" in other.__dict__["_engine_cache"]
        assert strongest_chain(other, target="p5", engine="arrays") == chain
        assert (
            shortest_chain(other, target="p5", engine="arrays").hops
            == shortest_chain(network, target="p5", engine="python").hops
        )


@pytest.mark.parametrize("seed", range(12))
def test_engines_agree(seed: int) -> None:
    """Both engines give chains of the same steps and strength, also among equal ones."""
    rng = random.Random(seed)
    network = random_network(seed, rng.randint(20, 60), rng.randint(40, 160), discrete=True)
    for target in [f"p{rng.randint(1, len(network) - 1)}", Target("Acme")]:
        for by in ("strength", "hops"):
            results = []
            for engine in ENGINES:
                try:
                    found = [
                        chains(network, target=target, k=6, by=by, engine=engine),
                        chains(network, target=target, k=6, by=by, max_hops=4, engine=engine),
                        introducers(network, target=target, by=by, engine=engine),
                    ]
                except NoChainError:
                    found = []
                results.append([[key(c, by) for c in group] for group in found])
            assert results[0] == results[1]


# ------------------------------------------------------ against networkx


@pytest.mark.parametrize("seed", range(25))
def test_against_networkx(seed: int) -> None:
    """Hops and strengths equal networkx's shortest paths, Dijkstra and simple paths."""
    rng = random.Random(seed)
    n = rng.randint(10, 80)
    network = random_network(seed, n, rng.randint(n, 4 * n), discrete=False)
    graph = network.graph
    others = [f"p{i}" for i in range(1, n)]
    for target in rng.sample(others, 4):
        for engine in ENGINES:
            if not nx.has_path(graph, "me", target):
                with pytest.raises(NoChainError):
                    shortest_chain(network, target=target, engine=engine)
                continue
            assert shortest_chain(
                network, target=target, engine=engine
            ).hops == nx.shortest_path_length(graph, "me", target)
            cost, path = nx.bidirectional_dijkstra(graph, "me", target, weight="cost")
            chain = strongest_chain(network, target=target, engine=engine)
            assert chain.strength == pytest.approx(math.exp(-cost), rel=1e-7)
            assert chain.hops == len(path) - 1
            for by, weight in (("strength", "cost"), ("hops", None)):
                expected = list(
                    itertools.islice(nx.shortest_simple_paths(graph, "me", target, weight), 5)
                )
                found = chains(network, target=target, k=5, by=by, engine=engine)
                assert [c.hops for c in found] == [len(p) - 1 for p in expected]
                if by == "strength":
                    assert [c.strength for c in found] == pytest.approx(
                        [math.exp(-nx.path_weight(graph, p, "cost")) for p in expected], rel=1e-7
                    )


@pytest.mark.parametrize("seed", range(10))
def test_targets_against_networkx(seed: int) -> None:
    """Chains to anyone at X equal networkx's on a graph whose matches lead to one super-sink."""
    network = random_network(100 + seed, 50, 120, discrete=False)
    source = "me"
    goals = goals_of(network, source, Target("Acme"))
    graph = reference_graph(network, goals)
    expected = []
    if nx.has_path(graph, source, "__sink__"):
        paths = nx.shortest_simple_paths(graph, source, "__sink__", "cost")
        expected = list(itertools.islice(paths, 4))
    for engine in ENGINES:
        if not expected:
            with pytest.raises(NoChainError):
                chains(network, target=Target("Acme"), engine=engine)
            continue
        found = chains(network, target=Target("Acme"), k=4, engine=engine)
        assert [c.strength for c in found] == pytest.approx(
            [math.exp(-nx.path_weight(graph, p, "cost")) for p in expected], rel=1e-7
        )
        best = strongest_chain(network, target=Target("Acme"), engine=engine)
        assert best.ids == tuple(expected[0][:-1])


@pytest.mark.parametrize(
    "make, weight, average, diameter",
    [
        (nx.karate_club_graph, "weight", 2.4082, 5),
        (nx.les_miserables_graph, "weight", 2.6411, 5),
        (nx.florentine_families_graph, None, 2.4857, 5),
    ],
)
@pytest.mark.parametrize("engine", ENGINES)
def test_real_networks(make, weight: str | None, average: float, diameter: int, engine: str):
    """On networkx's real example networks: the known averages, diameters and chains."""
    network = network_from_graph(make(), weight)
    graph = network.graph
    ids = list(network.people["id"])
    spans = [separation(network, p, engine=engine) for p in ids]
    assert all(s.unreachable == 0 for s in spans)
    assert round(sum(s.average for s in spans) / len(spans), 4) == average
    assert max(s.farthest for s in spans) == diameter
    lengths = dict(nx.all_pairs_shortest_path_length(graph))
    rng = random.Random(len(ids))
    for a, b in (rng.sample(ids, 2) for _ in range(40)):
        assert shortest_chain(network, a, b, engine=engine).hops == lengths[a][b]
        cost, _ = nx.bidirectional_dijkstra(graph, a, b, weight="cost")
        assert strongest_chain(network, a, b, engine=engine).strength == pytest.approx(
            math.exp(-cost), rel=1e-7
        )


# ------------------------------------------------------------ brute force


@pytest.mark.parametrize("seed", range(40))
def test_brute_force(seed: int) -> None:
    """On small networks, every answer equals the best of all simple chains listed one by one."""
    rng = random.Random(seed)
    n = rng.randint(3, 10)
    network = random_network(seed, n, rng.randint(2, 22), discrete=seed % 2 == 0)
    for target in (f"p{rng.randint(1, n - 1)}", Target("Acme")):
        goals = goals_of(network, "me", target)
        for by in ("strength", "hops"):
            every = all_chains(network, "me", goals, by)
            contacts = set(network.neighbors("me"))
            first_contacts: dict[str, int] = {}
            for k, path in every:
                if not contacts.intersection(path[2:]):  # plan B never runs via another contact
                    first_contacts.setdefault(path[1], k)
            for max_hops in (None, 2, 3):
                within = [k for k, path in every if max_hops is None or len(path) <= max_hops + 1]
                for engine in ENGINES:
                    try:
                        found = chains(
                            network, target=target, k=4, by=by, max_hops=max_hops, engine=engine
                        )
                    except NoChainError:
                        found = []
                    assert [key(c, by) for c in found] == within[:4]
            for engine in ENGINES:
                try:
                    ranked = introducers(network, target=target, by=by, engine=engine)
                except NoChainError:
                    ranked = []
                assert [key(c, by) for c in ranked] == sorted(first_contacts.values())
                assert {c.introducer.id for c in ranked} == set(first_contacts)


# ------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None)
@given(
    network=SMALL,
    pick=st.integers(0, 100),
    by_org=st.booleans(),
    by=st.sampled_from(["strength", "hops"]),
    engine=st.sampled_from(ENGINES),
)
def test_chain_properties(network: Network, pick: int, by_org: bool, by: str, engine: str) -> None:
    """Chains are real simple paths to a match, the k best distinct and sorted, plan B varied."""
    ids = list(network.people["id"])
    target = Target("Acme") if by_org else ids[pick % len(ids)]
    assume(target != "me" and goals_of(network, "me", target))
    goals = goals_of(network, "me", target)
    try:
        found = chains(network, target=target, k=4, by=by, engine=engine)
    except NoChainError:
        assert all(not nx.has_path(network.graph, "me", g) for g in goals)
        return
    for chain in found:
        check_is_chain(network, chain, "me", goals)
    assert len({c.ids for c in found}) == len(found)
    keys = [key(c, by) for c in found]
    assert keys == sorted(keys)
    strongest = strongest_chain(network, target=target, engine=engine)
    shortest = shortest_chain(network, target=target, engine=engine)
    check_is_chain(network, strongest, "me", goals)
    check_is_chain(network, shortest, "me", goals)
    assert all(strongest.strength >= c.strength * (1 - 1e-9) for c in found)
    assert all(shortest.hops <= c.hops for c in found)
    plan_b = chains(network, target=target, k=4, by=by, distinct_first=True, engine=engine)
    assert len({c.introducer.id for c in plan_b}) == len(plan_b)
    assert key(plan_b[0], by) >= keys[0]
    contacts = set(network.neighbors("me"))
    for chain in plan_b:
        check_is_chain(network, chain, "me", goals)
        assert not contacts.intersection(chain.ids[2:])


def _reach_matches_shortest_chain(network: Network, max_hops: int | None, engine: str) -> None:
    found = reach(network, max_hops=max_hops, engine=engine)
    lengths = nx.single_source_shortest_path_length(network.graph, "me", cutoff=max_hops)
    assert set(found) == set(lengths) - {"me"}
    table = reach_table(network, max_hops=max_hops or len(network), engine=engine)
    for person, ids in found.items():
        best = shortest_chain(network, target=person, engine=engine)
        assert ids == best.ids
        assert table.loc[person, "chain"] == " → ".join(
            ["You", *(p.name for p in best.persons[1:])]
        )
        assert table.loc[person, "hops"] == best.hops


@settings(max_examples=60, deadline=None)
@given(network=SMALL, max_hops=st.none() | st.integers(1, 4))
def test_reach_names_the_chain_shortest_chain_names(network: Network, max_hops: int | None) -> None:
    """reach and reach_table give, for everyone, exactly shortest_chain's chain, ties included.

    The strengths here repeat (1.0, 0.5, ...), so many chains are equally
    good: both searches then take the one through the smaller id.
    """
    _reach_matches_shortest_chain(network, max_hops, "python")


@settings(max_examples=60, deadline=None)
@given(network=SMALL, max_hops=st.none() | st.integers(1, 4))
def test_reach_is_the_same_on_both_engines(network: Network, max_hops: int | None) -> None:
    """The array engine's breadth-first search gives the python one's chains, ties included."""
    expected = reach(network, max_hops=max_hops, engine="python")
    assert reach(network, max_hops=max_hops, engine="arrays") == expected
    for person, ids in expected.items():
        best = shortest_chain(network, target=person, engine="arrays")
        assert key(best, "hops") == key(shortest_chain(network, target=person), "hops")
        assert best.hops == len(ids) - 1


@settings(max_examples=60, deadline=None)
@given(
    network=networks(min_people=2, max_people=9, person=_person_at, strengths=PRIMES, max_ties=36),
    max_hops=st.none() | st.integers(1, 4),
    engine=st.sampled_from(["python", "arrays"]),
)
def test_reach_table_agrees_with_shortest_chain_on_both_engines(
    network: Network, max_hops: int | None, engine: str
) -> None:
    """reach_table's chain to everyone is shortest_chain's, on either engine."""
    _reach_matches_shortest_chain(network, max_hops, engine)


# -------------------------------------------------------------- benchmark


def test_benchmark_script_runs() -> None:
    """The benchmark script runs end to end on a small network and finds the same answers."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "bench_paths.py"),
            "--size",
            "2000",
            "--queries",
            "3",
            "--networkx-alternatives",
            "1",
            "--repeat",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "| task |" in result.stdout
    table = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert len(table) >= 8
    assert "differ" not in result.stdout
