"""Assignment 2 (Who to talk to): mistake bank and requirement table."""

from __future__ import annotations

from mistake_bank import SOLUTIONS, BankTests, Notebook, Requirement, Variant
from ps02_answers import BFS, PEOPLE_PANDAS, RANK_WITH_STRONGEST

NOTEBOOK = Notebook(SOLUTIONS / "ps02-who-to-talk-to")
A, B, C, D = (f"part-{p}-answer" for p in "abcd")
swap, edit = NOTEBOOK.swap, NOTEBOOK.edit

# ====================================================================== (a)
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
    return pd.DataFrame(rows).drop_duplicates()
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
    long = long.rename(columns={"name": "organization"}).drop_duplicates()
    return long.sort_values("other")
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
    def pick(relation, back):
        into = relations[(relations["relation"] == relation) & (relations["other"] == target)]
        out = relations[(relations["relation"] == back) & (relations["organization"] == target)]
        return sorted(set(into["organization"]) | set(out["other"]))
    return {"suppliers": pick("supplier_of", "customer_of"),
            "competitors": pick("competitor_of", "competitor_of"),
            "customers": pick("customer_of", "supplier_of")}
"""
RELATED_ONE_SIDE = """
def related_organizations(relations, target):
    def pick(relation):
        rows = relations[(relations["relation"] == relation) & (relations["other"] == target)]
        return rows["organization"].tolist()
    return {"suppliers": pick("supplier_of"), "competitors": pick("competitor_of"),
            "customers": pick("customer_of")}
"""

PART_A = [
    Variant("a", "a loop over rows", swap(A, RELATIONS_LOOP)),
    Variant("a", "melt, dropna, sorted", swap(A, RELATIONS_DROPNA)),
    Variant("a", "related as sets", swap(A, RELATED_SETS)),
    Variant("a", "related with two queries", swap(A, RELATED_QUERY)),
    Variant(
        "a",
        "no strip",
        swap(A, RELATIONS_DROPNA.replace('    long["other"] = long["other"].str.strip()\n', "")),
        r"spaces around it",
    ),
    Variant(
        "a",
        "keeps empty cells",
        swap(
            A,
            RELATIONS_DROPNA.replace("long = long.dropna()", 'long = long.fillna("")').replace(
                '    long = long[long["other"].str.len() > 0]\n', ""
            ),
        ),
        r"with no other organisation",
    ),
    Variant(
        "a",
        "empty text left out, NaN kept",
        edit(A, '.fillna("").astype(str)', ".astype(str)"),
        r"With the empty cells as NaN.*no other organisation",
    ),
    Variant(
        "a",
        "forgets a column",
        swap(A, RELATIONS_DROPNA.replace('"competitor_of", ', "")),
        r"no competitor_of rows",
    ),
    Variant(
        "a",
        "renames the relation",
        swap(
            A,
            RELATIONS_DROPNA.replace(
                "long = long.dropna()",
                'long = long.dropna()\n    long["relation"] = long["relation"].str[:-3]',
            ),
        ),
        r"not one of the table's relation columns",
    ),
    Variant(
        "a",
        "splits on '; ' only",
        swap(A, RELATIONS_DROPNA.replace('.str.split(";")', '.str.split("; ")')),
        r"not one organisation of the table",
    ),
    Variant(
        "a",
        "keeps repeated relations",
        swap(A, RELATIONS_DROPNA.replace(".drop_duplicates()", "")),
        r"each relation (should appear|once)",
    ),
    Variant(
        "a",
        "suppliers and customers swapped",
        swap(
            A,
            RELATED_QUERY.replace(
                '"suppliers": pick("supplier_of", "customer_of")',
                '"suppliers": pick("customer_of", "supplier_of")',
            ).replace(
                '"customers": pick("customer_of", "supplier_of")',
                '"customers": pick("supplier_of", "customer_of")',
            ),
        ),
        r"Mind the direction",
    ),
    Variant(
        "a",
        "reads only the rows that name the target as other",
        swap(A, RELATED_ONE_SIDE),
        r"leaves it out|only one side|either organisation's row",
    ),
    Variant(
        "a",
        "singular keys",
        swap(A, RELATED_QUERY.replace('"suppliers":', '"supplier":')),
        r"no 'suppliers' key",
    ),
    Variant(
        "a",
        "includes the target",
        swap(
            A,
            RELATED_QUERY.replace(
                '"competitors": pick("competitor_of", "competitor_of")',
                '"competitors": pick("competitor_of", "competitor_of") + [target]',
            ),
        ),
        r"itself",
    ),
    Variant(
        "a",
        "changes the table it is given",
        swap(
            A,
            RELATIONS_DROPNA.replace(
                '    long = organizations.melt(id_vars="name",',
                '    organizations["organization"] = organizations["name"]\n'
                '    long = organizations.melt(id_vars="organization",',
            ).replace('long = long.rename(columns={"name": "organization"})', "long = long"),
        ),
        r"changes the `organizations` it is given",
    ),
    Variant(
        "a",
        "a demo line that empties the organisations table",
        edit(
            A,
            "relations = relations_table(organizations)\n",
            'organizations["supplier_of"] = ""\nrelations = relations_table(organizations)\n',
        ),
        r"organizations is no longer what the cell that loads `organizations` made it",
    ),
]

# ====================================================================== (b)
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
STRENGTH_AS_COST = """
def strongest_chain(strengths, source, target):
    done, came, queue = set(), {source: None}, [(0.0, source, None)]
    while queue:
        cost, person, previous = heapq.heappop(queue)
        if person in done:
            continue
        done.add(person)
        came[person] = previous
        if person == target:
            chain = [person]
            while came[chain[-1]] is not None:
                chain.append(came[chain[-1]])
            return chain[::-1]
        for other, s in strengths[person].items():
            if other not in done:
                heapq.heappush(queue, (cost + s, other, person))
    return None
"""

STRENGTH_NUMPY = """
def chain_strength(strengths, chain):
    import numpy as np
    return np.prod([strengths[a][b] for a, b in zip(chain, chain[1:])])
"""

PART_B = [
    Variant("b", "strength as a sum of logarithms", swap(B, STRENGTH_LOG)),
    Variant("b", "a numpy product (np.float64)", swap(B, STRENGTH_NUMPY)),
    Variant("b", "a max-heap of strengths", swap(B, STRONGEST_MAXHEAP)),
    Variant("b", "relaxation until nothing changes", swap(B, STRONGEST_RELAX)),
    Variant(
        "b",
        "sum of strengths",
        swap(
            B,
            "def chain_strength(strengths, chain):\n"
            "    return sum(strengths[a][b] for a, b in zip(chain, chain[1:]))\n",
        ),
        r"Multiply the strengths",
    ),
    Variant(
        "b",
        "returns the cost",
        swap(
            B,
            "def chain_strength(strengths, chain):\n"
            "    return -sum(math.log(strengths[a][b]) for a, b in zip(chain, chain[1:]))\n",
        ),
        r"-log\(strength\)",
    ),
    Variant(
        "b",
        "single person is 0",
        swap(
            B,
            "def chain_strength(strengths, chain):\n"
            "    if len(chain) < 2:\n        return 0\n"
            "    return math.prod(strengths[a][b] for a, b in zip(chain, chain[1:]))\n",
        ),
        r"empty product",
    ),
    Variant("b", "fewest hops (breadth first)", swap(B, BFS), r"a stronger one exists via"),
    Variant("b", "strength as cost", swap(B, STRENGTH_AS_COST), r"a stronger one exists via"),
    Variant(
        "b",
        "stops when the target is first pushed",
        swap(
            B,
            STRONGEST_MAXHEAP.replace(
                "                came[other] = person\n",
                "                came[other] = person\n"
                "                if other == target:\n"
                "                    chain = [other]\n"
                "                    while came[chain[-1]] is not None:\n"
                "                        chain.append(came[chain[-1]])\n"
                "                    return chain[::-1]\n",
            ),
        ),
        r"a stronger one exists via",
    ),
    Variant(
        "b",
        "no chain for the source itself",
        swap(
            B,
            STRONGEST_MAXHEAP.replace(
                "    best = {source: 1.0}",
                "    if source == target:\n        return None\n    best = {source: 1.0}",
            ),
        ),
        r"is just \['me'\]|is just \[",
    ),
    Variant(
        "b",
        "an empty list when nobody can be reached",
        swap(B, STRONGEST_MAXHEAP.replace("    return None\n", "    return []\n")),
        r"None",
    ),
    Variant(
        "b",
        "the chain from the target back to the source",
        swap(B, STRONGEST_MAXHEAP.replace("return chain[::-1]", "return chain")),
        r"start|from 'me'|begin",
    ),
    Variant(
        "b",
        "changes the strengths it is given",
        swap(
            B,
            STRONGEST_MAXHEAP.replace(
                "        for other, s in strengths[person].items():\n",
                "        for other, s in list(strengths[person].items()):\n"
                "            strengths[other].pop(person, None)\n",
            ),
        ),
        r"changed the dict `strengths` it was given",
    ),
]

# ====================================================================== (c)
RANK_SERIES_DISTINCT = """
def rank_introducers(strengths, source, colleagues):
    scores = {}
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
        if costs:
            scores[contact] = tie * math.exp(-min(costs))
    return pd.Series(scores).sort_values(ascending=False)
"""
RANK_BASE = RANK_SERIES_DISTINCT

PART_C = [
    Variant("c", "a Dijkstra from each contact", swap(C, RANK_SERIES_DISTINCT)),
    Variant("c", "built on strongest_chain", swap(C, RANK_WITH_STRONGEST)),
    Variant(
        "c",
        "forgets your own tie",
        swap(C, RANK_BASE.replace("tie * math.exp", "math.exp")),
        r"your own tie",
    ),
    Variant(
        "c",
        "weakest first",
        swap(C, RANK_BASE.replace("ascending=False", "ascending=True")),
        r"strongest first",
    ),
    Variant(
        "c",
        "fewest hops",
        swap(
            C,
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
        ),
        r"not the one with fewest hops",
    ),
    Variant(
        "c",
        "ranks everyone, not just contacts",
        swap(
            C,
            RANK_BASE.replace(
                "    return pd.Series(scores)",
                "    for person in strengths:\n"
                "        if person in colleagues:\n"
                "            scores.setdefault(person, 1.0)\n"
                "    return pd.Series(scores)",
            ),
        ),
        r"not one of",
    ),
    Variant(
        "c",
        "adds up over colleagues",
        swap(
            C,
            RANK_BASE.replace(
                "scores[contact] = tie * math.exp(-min(costs))",
                "scores[contact] = tie * sum(math.exp(-c) for c in costs)",
            ),
        ),
        r"Keep the best",
    ),
    Variant(
        "c",
        "returns a DataFrame",
        swap(
            C,
            RANK_BASE.replace(
                "return pd.Series(scores).sort_values(ascending=False)",
                'return pd.DataFrame({"strength": scores}).sort_values("strength", '
                "ascending=False)",
            ),
        ),
        r"gave a DataFrame",
    ),
    Variant(
        "c",
        "returns a dict",
        swap(
            C,
            RANK_BASE.replace(
                "return pd.Series(scores).sort_values(ascending=False)",
                "return dict(sorted(scores.items(), key=lambda kv: -kv[1]))",
            ),
        ),
        r"Series.*dict|dict.*Series",
    ),
    Variant(
        "c",
        "keeps contacts with no chain, at 0",
        swap(
            C,
            RANK_BASE.replace(
                "        if costs:\n            scores[contact] = tie * math.exp(-min(costs))",
                "        scores[contact] = tie * math.exp(-min(costs)) if costs else 0.0",
            ),
        ),
        r"no chain|leave (them|it) out|leaving out",
    ),
    Variant(
        "c",
        "chains may come back through you",
        swap(
            C,
            RANK_BASE.replace("if other != source and other not in found", "if other not in found"),
        ),
        r"back through",
    ),
]

# ====================================================================== (d)
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

PART_D = [
    Variant("d", "a queue of (strength, hops) states", swap(D, PEOPLE_STATES)),
    Variant("d", "rounds, then pandas", swap(D, PEOPLE_PANDAS)),
    Variant(
        "d",
        "a tuple of ids",
        swap(
            D,
            PEOPLE_PANDAS.replace(
                'return table["id"].head(5).tolist()', 'return tuple(table["id"].head(5))'
            ),
        ),
    ),
    Variant(
        "d",
        "no cap per organisation",
        swap(
            D,
            PEOPLE_PANDAS.replace(
                '    table = table.groupby("organization", sort=False).head(2)\n', ""
            ),
        ),
        r"at most 2 per organisation",
    ),
    Variant(
        "d",
        "strongest chain at any length",
        swap(D, PEOPLE_PANDAS.replace("for _ in range(3):", "for _ in range(12):")),
        r"more than two introductions",
    ),
    Variant(
        "d",
        "one introduction at most",
        swap(D, PEOPLE_PANDAS.replace("for _ in range(3):", "for _ in range(2):")),
        r"leave out",
    ),
    Variant(
        "d",
        "not sorted",
        swap(
            D, PEOPLE_PANDAS.replace('table = table.sort_values("strength", ascending=False)', "")
        ),
        r"strongest first|leave out|stronger",
    ),
    Variant(
        "d",
        "only the target",
        swap(D, PEOPLE_PANDAS.replace("isin(organizations)", "isin(organizations[:1])")),
        r"leave out",
    ),
    Variant(
        "d",
        "names instead of ids",
        swap(
            D,
            PEOPLE_PANDAS.replace(
                'return table["id"].head(5).tolist()',
                'return [p.title() for p in table["id"].head(5)]',
            ),
        ),
        r"not anyone in this network",
    ),
    Variant(
        "d",
        "weakest first",
        swap(D, PEOPLE_PANDAS.replace("ascending=False", "ascending=True")),
        r"leave out|strongest first",
    ),
    Variant(
        "d",
        "six people",
        swap(D, PEOPLE_PANDAS.replace(".head(5)", ".head(6)")),
        r"at most five|5 people|five",
    ),
    Variant(
        "d",
        "yourself among the picks",
        swap(D, PEOPLE_PANDAS.replace("    del best[source]\n", "")),
        r"yourself|your own|source",
    ),
]

PART_C.append(
    Variant(
        "c",
        "your own contacts written as 'me'",
        swap(C, RANK_BASE.replace("strengths[source].items()", 'strengths["me"].items()')),
        r"use strengths\[source\], not 'me'",
    )
)
PART_D.append(
    Variant(
        "d",
        "the search starts from 'me'",
        swap(
            D,
            PEOPLE_PANDAS.replace("best = {source: 1.0}", 'best = {"me": 1.0}').replace(
                "del best[source]", 'del best["me"]'
            ),
        ),
        r"start the search at `source`, not at 'me'",
    )
)

BANK = PART_A + PART_B + PART_C + PART_D

# ====================================================================== requirements
REQUIREMENTS = [
    # the answer cells' docstrings restate the task in short
    Requirement(
        "a",
        "One row per relation: organization, relation (the column's name), other.",
        "part-a-relations",
        "renames the relation",
    ),
    Requirement(
        "b",
        "The product of the tie strengths along a chain of ids (1 for a single person).",
        "part-b-strength",
        "single person is 0",
    ),
    Requirement(
        "b",
        "The strongest chain of ids from source to target, or None if there is none.",
        "part-b-hidden",
        "an empty list when nobody can be reached",
    ),
    Requirement(
        "c",
        "Each contact of source, scored by their best chain to anyone in colleagues, best first.",
        "part-c-introducers",
        "adds up over colleagues",
    ),
    Requirement(
        "d",
        "Five people at these organisations within two introductions, strongest first.",
        "part-d-people",
        "only the target",
    ),
    # the parts' text
    Requirement(
        "a", "one row per relation and three columns", "part-a-relations", "forgets a column"
    ),
    Requirement(
        "a", "`relation` (the column it came from", "part-a-relations", "renames the relation"
    ),
    Requirement("a", "Strip the spaces around names", "part-a-hidden", "no strip"),
    Requirement(
        "a", "leave out empty cells (empty text or NaN)", "part-a-relations", "keeps empty cells"
    ),
    Requirement(
        "a",
        "leave out empty cells (empty text or NaN)",
        "part-a-hidden",
        "empty text left out, NaN kept",
    ),
    Requirement("a", "keep each relation once", "part-a-hidden", "keeps repeated relations"),
    Requirement("a", "Row order does not matter.", "part-a-relations", "melt, dropna, sorted"),
    Requirement(
        "a",
        "listing the target's suppliers, competitors and customers by name",
        "part-a-related",
        "suppliers and customers swapped",
    ),
    Requirement("a", "(any order)", "part-a-related", "related as sets"),
    Requirement(
        "a",
        "read both so your function works even on a table that records only one side",
        "part-a-hidden",
        "reads only the rows that name the target as other",
    ),
    Requirement(
        "a",
        "Do not change the table you are given",
        "part-a-relations",
        "changes the table it is given",
    ),
    Requirement(
        "b",
        "the product of the strengths of the ties along `chain`",
        "part-b-strength",
        "sum of strengths",
    ),
    Requirement("b", "`1` for a chain of one person", "part-b-strength", "single person is 0"),
    Requirement(
        "b",
        "whose strength is as large as possible",
        "part-b-strongest",
        "fewest hops (breadth first)",
    ),
    Requirement(
        "b",
        "a list of ids from `source` to `target`",
        "part-b-strongest",
        "the chain from the target back to the source",
    ),
    Requirement(
        "b",
        "`[source]` when `target` is `source`",
        "part-b-strongest",
        "no chain for the source itself",
    ),
    Requirement(
        "b",
        "`None` when no chain exists",
        "part-b-hidden",
        "an empty list when nobody can be reached",
    ),
    Requirement(
        "b",
        "A person's cost is final only when they are popped",
        "part-b-strongest",
        "stops when the target is first pushed",
    ),
    Requirement(
        "b", "Do not change `strengths`", "part-b-strongest", "changes the strengths it is given"
    ),
    Requirement(
        "c",
        "the strength of the tie source–`c` times",
        "part-c-introducers",
        "forgets your own tie",
    ),
    Requirement(
        "c",
        "that does not come back through `source`",
        "part-c-introducers",
        "chains may come back through you",
    ),
    Requirement(
        "c",
        "Return a pandas Series from contact id to score",
        "part-c-introducers",
        "returns a dict",
    ),
    Requirement(
        "c",
        "strongest first, leaving out contacts with no chain",
        "part-c-introducers",
        "keeps contacts with no chain, at 0",
    ),
    Requirement(
        "c",
        "strongest first, leaving out contacts with no chain",
        "part-c-introducers",
        "weakest first",
    ),
    Requirement(
        "d",
        "within two introductions (a chain of at most three hops)",
        "part-d-people",
        "one introduction at most",
    ),
    Requirement(
        "d",
        "(a stronger chain of four hops does not count)",
        "part-d-people",
        "strongest chain at any length",
    ),
    Requirement("d", "at most two per organisation", "part-d-people", "no cap per organisation"),
    Requirement(
        "d", "Return a list of at most five ids, strongest first", "part-d-people", "six people"
    ),
    Requirement(
        "c",
        "For each contact `c` of `source`",
        "part-c-hidden",
        "your own contacts written as 'me'",
    ),
    Requirement(
        "d",
        "Write `people_to_ask(strengths, organization_of, source,",
        "part-d-hidden",
        "the search starts from 'me'",
    ),
    Requirement(
        "d",
        "Equally strong people may come in any order.",
        "part-d-people",
        "a queue of (strength, hops) states",
    ),
]

#: Sentences with a requirement word that ask nothing of the code.
ASIDES = [
    "Talking only to people at the organisation",
    "A worked example on one column",
    "Notice the rows whose cell was empty",
    "In Assignment 1 your breadth-first search",
    "each person must be willing to pass your request on",
    "Give each tie a strength between 0 and 1",
    "Dijkstra's algorithm finds the cheapest chain when costs add up",
    "Products are turned into sums with a logarithm",
    "The search keeps a priority queue",
    "The network comes as a dictionary of dictionaries",
    "Here is the chain with the fewest hops to him",
    "Which would you rather start",
    "Whom would you ask first in each",
    "(Part (d) adds a rule of thumb",
    "You will not send one request down a whole chain",
    "If the first person cannot help",
    "Hint: a version of your Dijkstra",
    "Three rules keep the plan realistic",
    "Instead, go out one hop at a time",
]


class TestBank(BankTests):
    NOTEBOOK, BANK, REQUIREMENTS, ASIDES = NOTEBOOK, BANK, REQUIREMENTS, ASIDES
    PARTS = "abcd"
