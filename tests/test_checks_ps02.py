"""Assignment 2's checks: unit tests, and the mistake bank on the real notebook.

Each part has typical learner mistakes (small variants of the answer cell)
that its checks must catch with a message naming the cause, and right
answers written another way that must pass. The same variants run twice:
quickly, by calling the checks directly, and (marked slow) in the solution
notebook's own kernel through :class:`tests.live_notebook.LiveNotebook`.
"""

from __future__ import annotations

import heapq
import math
from pathlib import Path

import pandas as pd
import pytest

import coffeechat as cc
from coffeechat import checks
from coffeechat.checks import ps02
from coffeechat.errors import CheckFailed, InvalidParameter
from live_notebook import live_fixture

ROOT = Path(__file__).resolve().parents[1]
SOLUTION = ROOT / "solutions" / "ps02-who-to-talk-to"
SEED = 2026

# --------------------------------------------------------------- right answers
RELATIONS_LOOP = """
def relations_table(organizations):
    rows = []
    for _, row in organizations.iterrows():
        for column in ["supplier_of", "customer_of", "competitor_of"]:
            cell = row[column]
            if isinstance(cell, str):
                for name in cell.split(";"):
                    if name.strip():
                        rows.append({"organization": row["name"].strip(), "relation": column,
                                     "other": name.strip()})
    return pd.DataFrame(rows)
"""
RELATIONS_DROPNA = """
def relations_table(organizations):
    long = organizations.melt(id_vars="name", value_vars=["competitor_of", "supplier_of",
                              "customer_of"], var_name="relation", value_name="other")
    long = long.dropna()
    long["other"] = long["other"].str.split(";")
    long = long.explode("other")
    long["other"] = long["other"].str.strip()
    long = long[long["other"].str.len() > 0]
    return long.rename(columns={"name": "organization"}).sort_values("other")
"""
RELATED_SETS = """
def related_organizations(relations, target):
    result = {"suppliers": set(), "competitors": set(), "customers": set()}
    rows = relations[["organization", "relation", "other"]]
    for org, relation, other in rows.itertuples(index=False):
        if other == target:
            key = {"supplier_of": "suppliers", "customer_of": "customers",
                   "competitor_of": "competitors"}[relation]
            result[key].add(org)
        if org == target:
            key = {"supplier_of": "customers", "customer_of": "suppliers",
                   "competitor_of": "competitors"}[relation]
            result[key].add(other)
    return result
"""
RELATED_QUERY = """
def related_organizations(relations, target):
    def pick(relation):
        rows = relations[(relations["relation"] == relation) & (relations["other"] == target)]
        return rows["organization"]
    return {"suppliers": pick("supplier_of").tolist(),
            "competitors": pick("competitor_of").tolist(),
            "customers": pick("customer_of").tolist()}
"""
RIGHT_A = {
    "loop": RELATIONS_LOOP,
    "dropna": RELATIONS_DROPNA,
    "sets": RELATED_SETS,
    "query": RELATED_QUERY,
}

STRENGTH_LOG = """
def chain_strength(strengths, chain):
    return math.exp(sum(math.log(strengths[a][b]) for a, b in zip(chain, chain[1:])))
"""
STRONGEST_MAXHEAP = """
def strongest_chain(strengths, source, target):
    best = {source: 1.0}
    came = {source: None}
    queue = [(-1.0, source)]
    while queue:
        value, person = heapq.heappop(queue)
        value = -value
        if value < best[person]:
            continue
        if person == target:
            chain = [person]
            while came[chain[-1]] is not None:
                chain.append(came[chain[-1]])
            return chain[::-1]
        for other, s in strengths[person].items():
            if value * s > best.get(other, 0):
                best[other] = value * s
                came[other] = person
                heapq.heappush(queue, (-value * s, other))
    return None
"""
STRONGEST_RELAX = """
def strongest_chain(strengths, source, target):
    best, came = {source: 1.0}, {source: None}
    changed = True
    while changed:
        changed = False
        for person in list(best):
            for other, s in strengths[person].items():
                if best[person] * s > best.get(other, 0) * (1 + 1e-12):
                    best[other], came[other] = best[person] * s, person
                    changed = True
    if target not in best:
        return None
    chain = [target]
    while came[chain[-1]] is not None:
        chain.append(came[chain[-1]])
    return chain[::-1]
"""
RIGHT_B = {"log-sum": STRENGTH_LOG, "max-heap": STRONGEST_MAXHEAP, "relaxation": STRONGEST_RELAX}

RANK_DICT = """
def rank_introducers(strengths, source, colleagues):
    scores = {}
    for contact, tie in strengths[source].items():
        others = {p: {o: s for o, s in ties.items() if o != source}
                  for p, ties in strengths.items() if p != source}
        best = 0
        for person in colleagues:
            if person == contact:
                best = 1.0
            elif person in others:
                chain = strongest_chain(others, contact, person)
                if chain:
                    best = max(best, chain_strength(others, chain))
        if best:
            scores[contact] = tie * best
    return dict(sorted(scores.items(), key=lambda kv: -kv[1]))
"""
RANK_PAIRS_WITH_ZEROS = """
def rank_introducers(strengths, source, colleagues):
    pairs = []
    for contact, tie in strengths[source].items():
        found, queue = {}, [(0.0, contact)]
        while queue:
            cost, person = heapq.heappop(queue)
            if person in found:
                continue
            found[person] = cost
            for other, s in strengths[person].items():
                if other != source and other not in found:
                    heapq.heappush(queue, (cost - math.log(s), other))
        costs = [found[p] for p in colleagues if p in found]
        pairs.append((contact, tie * math.exp(-min(costs)) if costs else 0.0))
    return sorted(pairs, key=lambda pair: pair[1], reverse=True)
"""
RANK_SERIES_DISTINCT = """
def rank_introducers(strengths, source, colleagues):
    contacts = set(strengths[source])
    scores = {}
    for contact, tie in strengths[source].items():
        found, queue = {}, [(0.0, contact)]
        while queue:
            cost, person = heapq.heappop(queue)
            if person in found:
                continue
            found[person] = cost
            for other, s in strengths[person].items():
                if other != source and other not in contacts and other not in found:
                    heapq.heappush(queue, (cost - math.log(s), other))
        costs = [found[p] for p in colleagues if p in found]
        if costs:
            scores[contact] = tie * math.exp(-min(costs))
    return pd.Series(scores).sort_values(ascending=False)
"""
RIGHT_C = {
    "dict": RANK_DICT,
    "pairs-with-zeros": RANK_PAIRS_WITH_ZEROS,
    "distinct": RANK_SERIES_DISTINCT,
}

PEOPLE_STATES = """
def people_to_ask(strengths, organization_of, source, organizations):
    best = {}
    queue = [(-1.0, 0, source)]
    seen = set()
    while queue:
        value, hops, person = heapq.heappop(queue)
        if (person, hops) in seen:
            continue
        seen.add((person, hops))
        if -value > best.get(person, 0):
            best[person] = -value
        if hops < 3:
            for other, s in strengths[person].items():
                heapq.heappush(queue, (value * s, hops + 1, other))
    best.pop(source, None)
    ranked = sorted((p for p in best if organization_of[p] in organizations),
                    key=lambda p: (-best[p], p))
    picks, count = [], {}
    for p in ranked:
        if count.get(organization_of[p], 0) < 2 and len(picks) < 5:
            picks.append(p)
            count[organization_of[p]] = count.get(organization_of[p], 0) + 1
    return picks
"""
PEOPLE_PANDAS = """
def people_to_ask(strengths, organization_of, source, organizations):
    best = {source: 1.0}
    for _ in range(3):
        step = dict(best)
        for person, value in best.items():
            for other, s in strengths[person].items():
                step[other] = max(step.get(other, 0), value * s)
        best = step
    del best[source]
    table = pd.DataFrame({"id": list(best), "strength": list(best.values())})
    table["organization"] = table["id"].map(organization_of)
    table = table[table["organization"].isin(organizations)]
    table = table.sort_values("strength", ascending=False)
    table = table.groupby("organization", sort=False).head(2)
    return table["id"].head(5).tolist()
"""
PEOPLE_TUPLE = PEOPLE_PANDAS.replace(
    'return table["id"].head(5).tolist()', 'return tuple(table["id"].head(5))'
)
RIGHT_D = {"hop-states": PEOPLE_STATES, "pandas": PEOPLE_PANDAS, "tuple": PEOPLE_TUPLE}

# --------------------------------------------------------------- mistakes
SOLUTION_RELATIONS = RELATIONS_DROPNA
MISTAKES_A = {
    "no strip": (
        RELATIONS_DROPNA.replace('    long["other"] = long["other"].str.strip()\n', ""),
        "spaces around it",
    ),
    "keeps empty cells": (
        RELATIONS_DROPNA.replace("long = long.dropna()", 'long = long.fillna("")').replace(
            '    long = long[long["other"].str.len() > 0]\n', ""
        ),
        "with no other organisation",
    ),
    "forgets a column": (
        RELATIONS_DROPNA.replace('"competitor_of", ', ""),
        "no competitor_of rows",
    ),
    "renames the relation": (
        RELATIONS_DROPNA.replace(
            "long = long.dropna()",
            'long = long.dropna()\n    long["relation"] = long["relation"].str[:-3]',
        ),
        "not one of the table's relation columns",
    ),
    "splits on '; ' only": (
        RELATIONS_DROPNA.replace('.str.split(";")', '.str.split("; ")'),
        "not one organisation of the table",
    ),
    "suppliers and customers swapped": (
        RELATED_QUERY.replace(
            '"suppliers": pick("supplier_of")', '"suppliers": pick("customer_of")'
        ).replace('"customers": pick("customer_of")', '"customers": pick("supplier_of")'),
        "Mind the direction",
    ),
    "target's own row read as its suppliers": (
        RELATED_QUERY.replace(
            '(relations["other"] == target)', '(relations["organization"] == target)'
        ).replace('return rows["organization"]', 'return rows["other"]'),
        "Mind the direction",
    ),
    "singular keys": (
        RELATED_QUERY.replace('"suppliers":', '"supplier":'),
        "no 'suppliers' key",
    ),
    "includes the target": (
        RELATED_QUERY.replace(
            '"competitors": pick("competitor_of").tolist()',
            '"competitors": pick("competitor_of").tolist() + [target]',
        ),
        "itself",
    ),
}

BFS = """
def strongest_chain(strengths, source, target):
    from collections import deque
    came = {source: None}
    queue = deque([source])
    while queue:
        person = queue.popleft()
        if person == target:
            chain = [person]
            while came[chain[-1]] is not None:
                chain.append(came[chain[-1]])
            return chain[::-1]
        for other in strengths[person]:
            if other not in came:
                came[other] = person
                queue.append(other)
    return None
"""
DIJKSTRA_PLAIN = STRONGEST_MAXHEAP  # a right one to bend into mistakes
MISTAKES_B = {
    "sum of strengths": (
        "def chain_strength(strengths, chain):\n"
        "    return sum(strengths[a][b] for a, b in zip(chain, chain[1:]))\n",
        "Multiply the strengths",
    ),
    "returns the cost": (
        "def chain_strength(strengths, chain):\n"
        "    return -sum(math.log(strengths[a][b]) for a, b in zip(chain, chain[1:]))\n",
        "-log(strength)",
    ),
    "single person is 0": (
        "def chain_strength(strengths, chain):\n"
        "    if len(chain) < 2:\n        return 0\n"
        "    return math.prod(strengths[a][b] for a, b in zip(chain, chain[1:]))\n",
        "empty product",
    ),
    "fewest hops (breadth first)": (BFS, "a stronger one exists via"),
    "strength as cost": (
        "def strongest_chain(strengths, source, target):\n"
        "    done, came, queue = set(), {source: None}, [(0.0, source, None)]\n"
        "    while queue:\n"
        "        cost, person, previous = heapq.heappop(queue)\n"
        "        if person in done:\n"
        "            continue\n"
        "        done.add(person)\n"
        "        came[person] = previous\n"
        "        if person == target:\n"
        "            chain = [person]\n"
        "            while came[chain[-1]] is not None:\n"
        "                chain.append(came[chain[-1]])\n"
        "            return chain[::-1]\n"
        "        for other, s in strengths[person].items():\n"
        "            if other not in done:\n"
        "                heapq.heappush(queue, (cost + s, other, person))\n"
        "    return None\n",
        "a stronger one exists via",
    ),
    "stops when the target is first pushed": (
        STRONGEST_MAXHEAP.replace(
            "                came[other] = person\n",
            "                came[other] = person\n"
            "                if other == target:\n"
            "                    chain = [other]\n"
            "                    while came[chain[-1]] is not None:\n"
            "                        chain.append(came[chain[-1]])\n"
            "                    return chain[::-1]\n",
        ),
        "a stronger one exists via",
    ),
    "no chain for the source itself": (
        STRONGEST_MAXHEAP.replace(
            "    best = {source: 1.0}",
            "    if source == target:\n        return None\n    best = {source: 1.0}",
        ),
        "is just ['me']",
    ),
}

RANK_BASE = RANK_SERIES_DISTINCT.replace("other not in contacts and ", "")
MISTAKES_C = {
    "forgets your own tie": (RANK_BASE.replace("tie * math.exp", "math.exp"), "your own tie"),
    "weakest first": (RANK_BASE.replace("ascending=False", "ascending=True"), "strongest first"),
    "fewest hops": (
        "def rank_introducers(strengths, source, colleagues):\n"
        "    from collections import deque\n"
        "    scores = {}\n"
        "    for contact, tie in strengths[source].items():\n"
        "        chain_to = {contact: [contact]}\n"
        "        queue = deque([contact])\n"
        "        while queue:\n"
        "            person = queue.popleft()\n"
        "            for other in strengths[person]:\n"
        "                if other != source and other not in chain_to:\n"
        "                    chain_to[other] = chain_to[person] + [other]\n"
        "                    queue.append(other)\n"
        "        found = [p for p in colleagues if p in chain_to]\n"
        "        if found:\n"
        "            nearest = min(found, key=lambda p: len(chain_to[p]))\n"
        "            scores[contact] = tie * chain_strength(strengths, chain_to[nearest])\n"
        "    return pd.Series(scores).sort_values(ascending=False)\n",
        "not the one with fewest hops",
    ),
    "ranks everyone, not just contacts": (
        RANK_BASE.replace(
            "    return pd.Series(scores)",
            "    for person in strengths:\n"
            "        if person in colleagues:\n"
            "            scores.setdefault(person, 1.0)\n"
            "    return pd.Series(scores)",
        ),
        "not one of",
    ),
    "adds up over colleagues": (
        RANK_BASE.replace(
            "scores[contact] = tie * math.exp(-min(costs))",
            "scores[contact] = tie * sum(math.exp(-c) for c in costs)",
        ),
        "Keep the best",
    ),
    "returns a DataFrame": (
        RANK_BASE.replace(
            "return pd.Series(scores).sort_values(ascending=False)",
            'return pd.DataFrame({"strength": scores}).sort_values("strength", ascending=False)',
        ),
        "gave a DataFrame",
    ),
}

MISTAKES_D = {
    "no cap per organisation": (
        PEOPLE_PANDAS.replace(
            '    table = table.groupby("organization", sort=False).head(2)\n', ""
        ),
        "at most 2 per organisation",
    ),
    "strongest chain at any length": (
        PEOPLE_PANDAS.replace("for _ in range(3):", "for _ in range(12):"),
        "more than two introductions",
    ),
    "one introduction at most": (
        PEOPLE_PANDAS.replace("for _ in range(3):", "for _ in range(2):"),
        "leave out",
    ),
    "not sorted": (
        PEOPLE_PANDAS.replace('table = table.sort_values("strength", ascending=False)', ""),
        "Borealis",
    ),
    "only the target": (
        PEOPLE_PANDAS.replace("isin(organizations)", "isin(organizations[:1])"),
        "leave out",
    ),
    "names instead of ids": (
        PEOPLE_PANDAS.replace(
            'return table["id"].head(5).tolist()', 'return [p.title() for p in table["id"].head(5)]'
        ),
        "not anyone in this network",
    ),
    "weakest first": (PEOPLE_PANDAS.replace("ascending=False", "ascending=True"), "leave out"),
}


# --------------------------------------------------------------- fast runs
def _namespace(source: str) -> dict:
    namespace = {
        "heapq": heapq,
        "math": math,
        "pd": pd,
        "chain_strength": ps02.chain_strength_reference,
        "strongest_chain": ps02.strongest_reference,
    }
    exec(source, namespace)
    return namespace


@pytest.fixture(scope="module")
def sample():
    return cc.load_sample_network(), cc.load_sample_organizations()


@pytest.fixture(scope="module")
def other():
    network = cc.make_network(300, seed=SEED + 2, mean_degree=6)
    organizations = checks.practice_organizations(network, SEED + 2)
    return network, organizations, organizations["name"].iloc[len(organizations) // 2]


def _run_a(ns: dict, sample) -> None:
    network, organizations = sample
    if "relations_table" in ns:
        checks.check_relations_table(ns["relations_table"], organizations)
        checks.check_relations_table(
            ns["relations_table"], checks.messy_organizations(organizations)
        )
    if "related_organizations" in ns:
        checks.check_related_organizations(ns["related_organizations"], organizations, "Quillstack")


def _run_b(ns: dict, sample) -> None:
    network, _ = sample
    if "chain_strength" in ns and ns["chain_strength"] is not ps02.chain_strength_reference:
        checks.check_chain_strength(ns["chain_strength"], network)
    if ns["strongest_chain"] is not ps02.strongest_reference:
        checks.check_strongest_chain(ns["strongest_chain"], network)


def _run_c(ns: dict, sample) -> None:
    checks.check_introducer_ranking(ns["rank_introducers"], sample[0], "Quillstack")


def _run_d(ns: dict, sample) -> None:
    network, organizations = sample
    checks.check_people_to_ask(ns["people_to_ask"], network, organizations, "Quillstack")


RUNS = {"a": _run_a, "b": _run_b, "c": _run_c, "d": _run_d}
RIGHT = {"a": RIGHT_A, "b": RIGHT_B, "c": RIGHT_C, "d": RIGHT_D}
MISTAKES = {"a": MISTAKES_A, "b": MISTAKES_B, "c": MISTAKES_C, "d": MISTAKES_D}
RIGHT_CASES = [(part, name) for part, table in RIGHT.items() for name in table]
MISTAKE_CASES = [(part, name) for part, table in MISTAKES.items() for name in table]


@pytest.mark.parametrize(("part", "name"), RIGHT_CASES, ids=[f"{p}-{n}" for p, n in RIGHT_CASES])
def test_right_answers_written_another_way_pass(part, name, sample, capsys):
    """Each part accepts at least three right answers written in other ways."""
    RUNS[part](_namespace(RIGHT[part][name]), sample)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("part", "name"), MISTAKE_CASES, ids=[f"{p}-{n}" for p, n in MISTAKE_CASES]
)
def test_mistakes_are_caught_with_their_cause(part, name, sample):
    """Each typical mistake fails its own part's checks with a message naming the cause."""
    source, expected = MISTAKES[part][name]
    with pytest.raises(CheckFailed) as caught:
        RUNS[part](_namespace(source), sample)
    message = str(caught.value)
    assert expected in message
    assert len(message) <= 400


def test_every_part_has_five_mistakes_and_three_right_answers():
    """The mistake bank is as big as the check standard asks."""
    assert all(len(MISTAKES[p]) >= 5 and len(RIGHT[p]) >= 3 for p in "abcd")


def test_strongest_chain_message_names_both_routes_and_strengths(sample):
    """The message says which chain the learner took and which stronger one exists."""
    ns = _namespace(BFS)
    with pytest.raises(CheckFailed) as caught:
        checks.check_strongest_chain(ns["strongest_chain"], checks.strength_practice_network())
    assert str(caught.value) == (
        "In the small practice network, to reach Cy Tran your chain goes through Dee Park, but "
        "a stronger one exists via Ana Ruiz → Ben Ode (strength 0.65 vs 0.12). Fewest hops is "
        "not strongest."
    )


def test_hidden_data_is_another_network_and_target(other):
    """Hidden checks use a generated network with its own organisations and target."""
    network, organizations, target = other
    related = checks.ps02.related_reference(checks.ps02.relations_reference(organizations), target)
    assert target in set(network.people["organization"])
    assert any(related.values())
    solution = _namespace(PEOPLE_PANDAS)["people_to_ask"]
    checks.check_people_to_ask(solution, network, organizations, target)


def test_rank_introducers_blames_a_wrong_strongest_chain(sample):
    """A ranking built on a wrong strongest_chain names part (b2) as the cause."""
    ns = _namespace(RANK_DICT)
    ns["strongest_chain"] = _namespace(BFS)["strongest_chain"]
    with pytest.raises(CheckFailed, match=r"your `strongest_chain` \(part b2\) is the cause"):
        checks.check_introducer_ranking(ns["rank_introducers"], sample[0], "Quillstack")


def test_unwritten_and_none_answers_are_one_sentence(sample):
    """A stub and a forgotten return are explained, not shown as tracebacks."""

    def stub(strengths, chain):
        raise NotImplementedError()

    with pytest.raises(CheckFailed, match="not written yet"):
        checks.check_chain_strength(stub, sample[0])
    with pytest.raises(CheckFailed, match="did you forget `return`"):
        checks.check_relations_table(lambda table: None, sample[1])


def test_tie_strengths_is_symmetric_and_complete(sample):
    """strengths[a][b] == strengths[b][a] for every tie, and nothing else."""
    network = sample[0]
    strengths = checks.tie_strengths(network)
    pairs = {(a, b) for a, others in strengths.items() for b in others}
    assert len(pairs) == 2 * network.number_of_ties
    assert all(strengths[a][b] == strengths[b][a] for a, b in pairs)


# --------------------------------------------------------------- the real notebook
live = live_fixture(SOLUTION)


def _failures(results: dict, answer: str) -> list[str]:
    return [r.message for gid, r in results.items() if gid != answer and not r.passed]


@pytest.mark.slow
def test_solution_notebook_passes_every_check(live):
    """The solution's graded cells, hidden ones included, all pass."""
    failed = {gid: r.error for gid, r in live.first_run.items() if not r.passed}
    assert failed == {}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("part", "name"), MISTAKE_CASES, ids=[f"{p}-{n}" for p, n in MISTAKE_CASES]
)
def test_mistake_bank_on_the_notebook(live, part, name):
    """In the notebook's kernel, each mistake fails a check of its own part, naming the cause."""
    source, expected = MISTAKES[part][name]
    answer = f"part-{part}-answer"
    failures = _failures(live.try_answer(answer, source), answer)
    assert failures, f"{name}: no check of part ({part}) failed"
    assert any(expected in message for message in failures), failures


@pytest.mark.slow
@pytest.mark.parametrize(("part", "name"), RIGHT_CASES, ids=[f"{p}-{n}" for p, n in RIGHT_CASES])
def test_right_answers_on_the_notebook(live, part, name):
    """In the notebook's kernel, each right alternative passes every check of its part."""
    answer = f"part-{part}-answer"
    assert _failures(live.try_answer(answer, RIGHT[part][name]), answer) == []


@pytest.mark.parametrize(
    "call",
    [
        lambda: checks.check_chain_strength(lambda s, c: 1.0, "network"),
        lambda: checks.check_strongest_chain(lambda s, a, b: None, {}),
        lambda: checks.check_introducer_ranking(lambda s, a, c: {}, None),
        lambda: checks.check_people_to_ask(
            lambda *a: [], None, cc.load_sample_organizations(), "X"
        ),
        lambda: checks.check_relations_table(lambda t: t, "organizations.csv"),
        lambda: checks.check_related_organizations(lambda r, t: {}, None),
    ],
)
def test_wrong_arguments_to_a_check_are_one_sentence(call):
    """A check given something other than a network or table says so in one sentence."""
    with pytest.raises(InvalidParameter, match=r"should be .*, not ") as raised:
        call()
    assert len(str(raised.value)) <= 400 and "\n" not in str(raised.value)
