"""The mistake bank of Assignment 1 (Who can introduce you?): parts (c) and (d).

Answers for ``degrees_of_separation``, ``shortest_chain`` and
``within_two_introductions``, written with :func:`ps01_bank.swap` on the
solution's answer cells.
"""

from __future__ import annotations

import textwrap

from mistake_bank import Variant
from ps01_bank import ANSWERS, swap

__all__ = ["PART_C", "PART_D"]


CHAINS = "part-c-answer"
DFS = """\
def degrees_of_separation(contacts, source):
    degrees = {source: 0}
    stack = [source]
    while stack:
        person = stack.pop()
        for other in contacts[person]:
            if other not in degrees:
                degrees[other] = degrees[person] + 1
                stack.append(other)
    return degrees
"""
BFS = DFS.replace("stack", "queue").replace("queue.pop()", "queue.pop(0)")
PART_C = [
    # mistakes: degrees_of_separation (c1)
    Variant(
        "c",
        "depth first (the back of the queue)",
        swap(CHAINS, DFS),
        r"is \d hops from you .* but your answer says \d+\. .*front of the queue \(popleft\)",
        cell=CHAINS,
    ),
    Variant(
        "c",
        "numbers overwritten, no check before giving one",
        swap(
            CHAINS,
            """\
            def degrees_of_separation(contacts, source):
                degrees = {source: 0}
                seen = {source}
                queue = deque([source])
                while queue:
                    person = queue.popleft()
                    for other in contacts[person]:
                        degrees[other] = degrees[person] + 1
                        if other not in seen:
                            seen.add(other)
                            queue.append(other)
                return degrees
            """,
        ),
        r"you should be 0 hops from yourself, but your answer says 2\. If it was 0 at the "
        r"start, a later step changed it",
        cell=CHAINS,
    ),
    Variant(
        "c",
        "people counted instead of hops",
        swap(CHAINS, BFS.replace("degrees = {source: 0}", "degrees = {source: 1}")),
        r"Every number is one too big: count hops",
        cell=CHAINS,
    ),
    Variant(
        "c",
        "only the people you know",
        swap(
            CHAINS,
            """\
            def degrees_of_separation(contacts, source):
                degrees = {source: 0}
                for other in contacts[source]:
                    degrees[other] = 1
                return degrees
            """,
        ),
        r"leaves out \d+ people you can reach, for example .*Keep taking people from the queue",
        cell=CHAINS,
    ),
    Variant(
        "c",
        "the source left out",
        swap(CHAINS, BFS.replace("    return", "    del degrees[source]\n    return")),
        r"should be 0 hops from yourself, but your answer says 'nothing'\. Put the source in",
        cell=CHAINS,
    ),
    Variant(
        "c",
        "people out of reach given infinity",
        swap(
            CHAINS,
            """\
            def degrees_of_separation(contacts, source):
                degrees = dict.fromkeys(contacts, float("inf"))
                degrees[source] = 0
                queue = deque([source])
                while queue:
                    person = queue.popleft()
                    for other in contacts[person]:
                        if degrees[other] == float("inf"):
                            degrees[other] = degrees[person] + 1
                            queue.append(other)
                return degrees
            """,
        ),
        r"cannot be reached from you \(no chain of ties leads there\), so leave them out",
        cell=CHAINS,
    ),
    Variant(
        "c",
        "a list of people instead of a dict",
        swap(
            CHAINS,
            """\
            def degrees_of_separation(contacts, source):
                seen = [source]
                queue = deque([source])
                while queue:
                    for other in contacts[queue.popleft()]:
                        if other not in seen:
                            seen.append(other)
                            queue.append(other)
                return seen
            """,
        ),
        r"degrees_of_separation should give a dict .* but it gave a list",
        cell=CHAINS,
    ),
    # mistakes: shortest_chain (c2)
    Variant(
        "c",
        "a depth-first chain (long, and said briefly)",
        swap(
            CHAINS,
            """\
            def shortest_chain(contacts, source, target):
                reached_from = {source: None}
                stack = [source]
                while stack:
                    person = stack.pop()
                    for other in contacts[person]:
                        if other not in reached_from:
                            reached_from[other] = person
                            stack.append(other)
                if target not in reached_from:
                    return None
                chain = [target]
                while reached_from[chain[-1]] is not None:
                    chain.append(reached_from[chain[-1]])
                return chain[::-1]
            """,
        ),
        r"gives to .* has \d+ hops, but a chain of \d+ hops? exists .*popleft",
        cell=CHAINS,
    ),
    Variant(
        "c",
        "the chain from the target back to the source",
        swap(
            CHAINS,
            """\
            def shortest_chain(contacts, source, target):
                reached_from = {source: None}
                queue = deque([source])
                while queue:
                    person = queue.popleft()
                    if person == target:
                        chain = []
                        while person is not None:
                            chain.append(person)
                            person = reached_from[person]
                        return chain
                    for other in contacts[person]:
                        if other not in reached_from:
                            reached_from[other] = person
                            queue.append(other)
                return None
            """,
        ),
        r"A chain starts with you \('me'\), but this one starts with",
        cell=CHAINS,
    ),
    Variant(
        "c",
        "an empty list when there is no chain",
        ANSWERS[CHAINS].replace(
            "                queue.append(other)\n    return None",
            "                queue.append(other)\n    return []",
        ),
        r"so there is no chain: return None \(your function returned \[\]\)",
        cell=CHAINS,
    ),
    Variant(
        "c",
        "None for the chain from you to yourself",
        ANSWERS[CHAINS].replace(
            "    reached_from = {source: None}\n",
            "    if source == target:\n        return None\n    reached_from = {source: None}\n",
        ),
        r"the chain from you to yourself is just \['me'\], but your function returned None",
        cell=CHAINS,
    ),
    Variant(
        "c",
        "a right walk back through a wrong degrees_of_separation (c1 is the cause)",
        swap(
            swap(CHAINS, DFS),
            """\
            def shortest_chain(contacts, source, target):
                degrees = degrees_of_separation(contacts, source)
                if target not in degrees:
                    return None
                chain = [target]
                while chain[-1] != source:
                    step = degrees[chain[-1]] - 1
                    chain.append(next(p for p in contacts[chain[-1]] if degrees.get(p) == step))
                return chain[::-1]
            """,
        ),
        r"your `degrees_of_separation` \(part c1\) is the cause",
        checks=("part-c-chains",),
        cell=CHAINS,
    ),
    Variant(
        "c",
        "the contact lists used up by the search",
        swap(
            CHAINS,
            """\
            def degrees_of_separation(contacts, source):
                degrees = {source: 0}
                queue = deque([source])
                while queue:
                    person = queue.popleft()
                    while contacts[person]:
                        other = contacts[person].pop()
                        if other not in degrees:
                            degrees[other] = degrees[person] + 1
                            queue.append(other)
                return degrees
            """,
        ),
        r"changed the dict `contacts` it was given",
        cell=CHAINS,
    ),
    # right answers
    Variant("c", "the solution", ANSWERS[CHAINS], cell=CHAINS),
    Variant(
        "c",
        "a list as the queue",
        ANSWERS[CHAINS]
        .replace("deque([source])", "[source]")
        .replace("queue.popleft()", "queue.pop(0)"),
        cell=CHAINS,
    ),
    Variant(
        "c",
        "one ring at a time; the chain walked back by the numbers",
        swap(
            swap(
                CHAINS,
                """\
                def degrees_of_separation(contacts, source):
                    degrees = {source: 0}
                    ring = [source]
                    hops = 0
                    while ring:
                        hops += 1
                        next_ring = []
                        for person in ring:
                            for other in contacts[person]:
                                if other not in degrees:
                                    degrees[other] = hops
                                    next_ring.append(other)
                        ring = next_ring
                    return degrees
                """,
            ),
            """\
            def shortest_chain(contacts, source, target):
                degrees = degrees_of_separation(contacts, source)
                if target not in degrees:
                    return None
                chain = [target]
                while chain[-1] != source:
                    step = degrees[chain[-1]] - 1
                    chain.append(next(p for p in contacts[chain[-1]] if degrees.get(p) == step))
                chain.reverse()
                return chain
            """,
        ),
        cell=CHAINS,
    ),
]


WITHIN = "part-d-answer"


def within(body: str) -> str:
    return swap(
        WITHIN,
        "def within_two_introductions(contacts, source, colleagues):\n"
        + textwrap.indent(textwrap.dedent(body), "    "),
    )


PART_D = [
    Variant(
        "d",
        "the source kept when they work at the target",
        within(
            """\
            degrees = degrees_of_separation(contacts, source)
            return {p: d - 1 for p, d in degrees.items() if p in colleagues and d <= 3}
            """
        ),
        r"from Ben Ode \('ben'\), who works there: leave Ben Ode out",
        cell=WITHIN,
    ),
    Variant(
        "d",
        "hops given instead of introductions",
        within(
            """\
            degrees = degrees_of_separation(contacts, source)
            return {
                p: d for p, d in degrees.items() if p in colleagues and p != source and d <= 3
            }
            """
        ),
        r"Ben Ode needs 1 introduction .* but your answer says 2\. Count introductions",
        cell=WITHIN,
    ),
    Variant(
        "d",
        "three introductions allowed",
        within(
            """\
            degrees = degrees_of_separation(contacts, source)
            return {
                p: d - 1 for p, d in degrees.items() if p in colleagues and p != source and d <= 4
            }
            """
        ),
        r"needs 3 introductions, so leave them out",
        cell=WITHIN,
    ),
    Variant(
        "d",
        "only one introduction allowed",
        within(
            """\
            degrees = degrees_of_separation(contacts, source)
            return {
                p: d - 1 for p, d in degrees.items() if p in colleagues and p != source and d <= 2
            }
            """
        ),
        r"needs 2 introductions \(.*\), but your answer leaves them out",
        cell=WITHIN,
    ),
    Variant(
        "d",
        "everyone within reach, not only colleagues",
        within(
            """\
            degrees = degrees_of_separation(contacts, source)
            return {p: d - 1 for p, d in degrees.items() if p != source and d <= 3}
            """
        ),
        r"your answer includes .*, who does not work at Borealis Labs",
        cell=WITHIN,
    ),
    Variant(
        "d",
        "every colleague, however far",
        within(
            """\
            degrees = degrees_of_separation(contacts, source)
            return {p: degrees.get(p, 99) - 1 for p in colleagues if p != source}
            """
        ),
        r"(cannot be reached at all|needs 3 introductions), so leave them out",
        cell=WITHIN,
    ),
    Variant(
        "d",
        "a set of people instead of a dict",
        within(
            """\
            degrees = degrees_of_separation(contacts, source)
            return {p for p, d in degrees.items() if p in colleagues and p != source and d <= 3}
            """
        ),
        r"within_two_introductions should give a dict .* but it gave a set",
        cell=WITHIN,
    ),
    Variant(
        "d",
        "right, but degrees_of_separation (c1) is wrong",
        swap(CHAINS, DFS),
        r"your `degrees_of_separation` \(part c1\) is the cause",
        checks=("part-d-within-two", "part-d-hidden"),
        cell=CHAINS,
    ),
    Variant(
        "d",
        "the source taken out of the colleagues given",
        within(
            """\
            colleagues.discard(source)
            degrees = degrees_of_separation(contacts, source)
            return {p: d - 1 for p, d in degrees.items() if p in colleagues and d <= 3}
            """
        ),
        r"changed the set `colleagues` it was given",
        cell=WITHIN,
    ),
    # right answers
    Variant("d", "the solution", ANSWERS[WITHIN], cell=WITHIN),
    Variant(
        "d",
        "its own search, stopping at 3 hops",
        within(
            """\
            hops = {source: 0}
            queue = deque([source])
            while queue:
                person = queue.popleft()
                if hops[person] == 3:
                    continue
                for other in contacts[person]:
                    if other not in hops:
                        hops[other] = hops[person] + 1
                        queue.append(other)
            return {p: hops[p] - 1 for p in colleagues if p in hops and p != source}
            """
        ),
        cell=WITHIN,
    ),
    Variant(
        "d",
        "from shortest_chain, one colleague at a time",
        within(
            """\
            found = {}
            for person in colleagues:
                chain = shortest_chain(contacts, source, person)
                if person != source and chain is not None and len(chain) <= 4:
                    found[person] = len(chain) - 2
            return found
            """
        ),
        cell=WITHIN,
    ),
    Variant(
        "d",
        "a loop with get",
        within(
            """\
            degrees = degrees_of_separation(contacts, source)
            result = {}
            for person in colleagues - {source}:
                if degrees.get(person, 4) <= 3:
                    result[person] = degrees[person] - 1
            return result
            """
        ),
        cell=WITHIN,
    ),
]
