"""Assignment 2 answers that both its unit tests and its mistake bank use."""

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


RANK_WITH_STRONGEST = """
def rank_introducers(strengths, source, colleagues):
    others = {p: {o: s for o, s in ties.items() if o != source}
              for p, ties in strengths.items() if p != source}
    scores = {}
    for contact, tie in strengths[source].items():
        best = 0
        for person in colleagues:
            chain = strongest_chain(others, contact, person) if person in others else None
            if chain:
                best = max(best, chain_strength(others, chain))
        if best:
            scores[contact] = tie * best
    return pd.Series(scores, dtype=float).sort_values(ascending=False)
"""
