"""The mistake bank of Assignment 1 (Who can introduce you?): the answers themselves.

Each :class:`mistake_bank.Variant` is a whole answer cell a learner might
leave: a mistake (with the pattern its check's message must match) or a
right answer written another way. ``test_mistakes_ps01`` runs them and
traces the task text's requirements to them.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from mistake_bank import Notebook, Variant

__all__ = ["BANK", "FOLDER", "NOTEBOOK"]

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "solutions" / "ps01-who-can-introduce-you"

NOTEBOOK = Notebook(FOLDER)
ANSWERS = NOTEBOOK.answers


def swap(cell: str, code: str) -> str:
    """An answer cell (a grade id, or a cell's code) with one function replaced by ``code``.

    Unlike :meth:`Notebook.swap`, it also takes code already swapped once, so
    two functions of one cell can be replaced.
    """
    code = textwrap.dedent(code).strip() + "\n\n\n"
    name = re.match(r"def (\w+)\(", code).group(1)
    source, count = re.subn(
        rf"^def {name}\(.*?(?=^\S)", lambda _: code, ANSWERS.get(cell, cell), flags=re.S | re.M
    )
    assert count == 1, f"no function {name} in {cell}"
    return source


A_TAIL = "\n\nconnections = load_connections(LINKEDIN_PATH)\nconnections.head()\n"


def loader(body: str) -> str:
    """A whole part (a) answer cell: ``load_connections`` with this body."""
    return "def load_connections(path):\n" + textwrap.indent(textwrap.dedent(body), "    ") + A_TAIL


FIND_HEADER = """\
with open(path, encoding="utf-8-sig") as export:
    lines = export.read().splitlines()
header = next(i for i, line in enumerate(lines) if line.startswith("First Name,"))
"""
DATES = 'table["Connected On"] = pd.to_datetime(table["Connected On"], format="%d %b %Y")\n'

PART_A = [
    # mistakes
    Variant(
        "a",
        "fixed number of notes lines",
        loader(
            f'table = pd.read_csv(path, skiprows=3, encoding="utf-8-sig")\n{DATES}return table\n'
        ),
        r"Notes lines.*instead of skipping a fixed number of lines",
    ),
    Variant(
        "a",
        "byte-order mark ignored when finding the header",
        loader(
            FIND_HEADER.replace('encoding="utf-8-sig"', 'encoding="utf-8"')
            + f'table = pd.read_csv(path, skiprows=header, encoding="utf-8-sig")\n{DATES}'
            "return table\n"
        ),
        r"byte-order mark.*encoding='utf-8-sig'",
    ),
    Variant(
        "a",
        "rows without an email dropped",
        loader(
            FIND_HEADER
            + 'table = pd.read_csv(path, skiprows=header, encoding="utf-8-sig").dropna()\n'
            + f"{DATES}return table\n"
        ),
        r"missing person has (no email address|a blank cell).*no dropna",
    ),
    Variant(
        "a",
        "dates left as text",
        loader(FIND_HEADER + 'return pd.read_csv(path, skiprows=header, encoding="utf-8-sig")\n'),
        r"'Connected On' holds str values.*not dates.*pd\.to_datetime",
    ),
    Variant(
        "a",
        "no return",
        loader(
            FIND_HEADER
            + 'table = pd.read_csv(path, skiprows=header, encoding="utf-8-sig")\n'
            + DATES
        ),
        r"gave None instead of a table: did you forget `return table`",
    ),
    Variant(
        "a",
        "header line skipped too",
        loader(
            FIND_HEADER
            + 'table = pd.read_csv(path, skiprows=header + 1, encoding="utf-8-sig")\n'
            + "return table\n"
        ),
        r"no 'First Name' column",
    ),
    Variant(
        "a",
        "not written yet",
        loader("raise NotImplementedError()\n"),
        r"load_connections.* is not written yet",
        checks=("part-a-hidden",),  # in the kernel, (a)'s visible check says the same
    ),
    Variant(
        "a",
        "a date format that does not fit, so the cell stops",
        loader(
            FIND_HEADER
            + 'table = pd.read_csv(path, skiprows=header, encoding="utf-8-sig")\n'
            + DATES.replace("%d %b %Y", "%Y-%m-%d")
            + "return table\n"
        ),
        r"load_connections.*stopped with ValueError",
        checks=("part-a-hidden",),  # in the kernel, (a)'s visible check: "not defined yet"
    ),
    Variant(
        "a",
        "blanks filled with a made-up value",
        loader(
            FIND_HEADER
            + 'table = pd.read_csv(path, skiprows=header, encoding="utf-8-sig").fillna("unknown")\n'
            + DATES
            + "return table\n"
        ),
        r"unknown",
    ),
    # right answers
    Variant("a", "the solution", ANSWERS["part-a-answer"]),
    Variant(
        "a",
        "blanks kept as empty text, header found in a loop",
        loader(
            """\
            with open(path, encoding="utf-8-sig") as export:
                for number, line in enumerate(export):
                    if line.startswith("First Name"):
                        break
            table = pd.read_csv(
                path, skiprows=number, encoding="utf-8-sig", keep_default_na=False
            )
            table["Connected On"] = pd.to_datetime(table["Connected On"], format="%d %b %Y")
            return table
            """
        ),
    ),
    Variant(
        "a",
        "the lines given to pandas from memory",
        "import io\n\n\n"
        + loader(
            """\
            with open(path, encoding="utf-8-sig") as export:
                lines = export.read().splitlines()
            start = [line.startswith("First Name,") for line in lines].index(True)
            table = pd.read_csv(io.StringIO("\\n".join(lines[start:])))
            table["Connected On"] = pd.to_datetime(table["Connected On"], format="%d %b %Y")
            return table
            """
        ),
    ),
    Variant(
        "a",
        "dates read by read_csv itself",
        loader(
            FIND_HEADER + 'return pd.read_csv(path, skiprows=header, encoding="utf-8-sig", '
            'parse_dates=["Connected On"], date_format="%d %b %Y")\n'
        ),
    ),
]


ORGS = "part-b-answer"


def organizations(expression: str) -> str:
    """Part (b)'s answer with a one-line ``contacts_per_organization``."""
    return swap(ORGS, f"def contacts_per_organization(table):\n    return {expression}")


PART_B = [
    # mistakes: contacts_per_organization (b1)
    Variant(
        "b",
        "counts with dropna=False",
        organizations('table["Company"].value_counts(dropna=False)'),
        r"your counts include an empty company \(6 contacts\).*arrive as NaN",
        cell=ORGS,
    ),
    Variant(
        "b",
        "blanks filled in as empty text, then counted",
        organizations('table["Company"].fillna("").value_counts()'),
        r"your counts include an empty company",
        cell=ORGS,
    ),
    Variant(
        "b",
        "a dict instead of a Series",
        organizations('dict(table["Company"].value_counts())'),
        r"should give a pandas Series.*gave a dict",
        cell=ORGS,
    ),
    Variant(
        "b",
        "smallest count first",
        organizations('table["Company"].value_counts(ascending=True)'),
        r"largest count first",
        cell=ORGS,
    ),
    Variant(
        "b",
        "a table instead of a Series",
        organizations('table["Company"].value_counts().reset_index()'),
        r"gave a DataFrame: return the Series itself",
        cell=ORGS,
    ),
    Variant(
        "b",
        "positions counted instead of companies",
        organizations('table["Position"].value_counts()'),
        r"Riverside Academy has 10 of your contacts, but it is missing from your counts",
        cell=ORGS,
    ),
    # mistakes: role_family (b2)
    Variant(
        "b",
        "upper case left in",
        swap(
            ORGS,
            """\
            def role_family(position, families):
                if not isinstance(position, str):
                    return "other"
                words = set(re.findall(r"[a-z0-9]+", position))
                for family, keywords in families.items():
                    if any(keyword in words for keyword in keywords):
                        return family
                return "other"
            """,
        ),
        r"belongs to '.*' \(it contains the key word .*case and punctuation do not matter",
        cell=ORGS,
    ),
    Variant(
        "b",
        "key words found inside other words",
        swap(
            ORGS,
            """\
            def role_family(position, families):
                text = str(position).lower()
                for family, keywords in families.items():
                    if any(keyword in text for keyword in keywords):
                        return family
                return "other"
            """,
        ),
        r"the position .* belongs to .* but your role_family says",
        cell=ORGS,
    ),
    Variant(
        "b",
        "the last family that matches",
        swap(
            ORGS,
            """\
            def role_family(position, families):
                found = "other"
                for family, keywords in families.items():
                    words = re.findall(r"[a-z0-9]+", str(position).lower())
                    if any(keyword in words for keyword in keywords):
                        found = family
                return found
            """,
        ),
        r"is the first family that matches",
        cell=ORGS,
    ),
    Variant(
        "b",
        "a missing position (NaN) not handled",
        swap(
            ORGS,
            """\
            def role_family(position, families):
                words = set(re.findall(r"[a-z0-9]+", position.lower()))
                for family, keywords in families.items():
                    if any(keyword in words for keyword in keywords):
                        return family
                return "other"
            """,
        ),
        r"role_family\(NaN, \.\.\.\) stopped with AttributeError.*arrives as NaN",
        cell=ORGS,
    ),
    # mistakes: contacts_per_role_family (b3)
    Variant(
        "b",
        "'other' left out of the family counts",
        swap(
            ORGS,
            """\
            def contacts_per_role_family(table, families):
                families_found = table["Position"].map(lambda p: role_family(p, families))
                return families_found[families_found != "other"].value_counts()
            """,
        ),
        r"your counts add up to 33, but there are 39 contacts.*'other' included",
        cell=ORGS,
    ),
    Variant(
        "b",
        "positions counted instead of families",
        swap(
            ORGS,
            """\
            def contacts_per_role_family(table, families):
                return table["Position"].value_counts()
            """,
        ),
        r"add up to 38, but there are 39 contacts",
        cell=ORGS,
    ),
    Variant(
        "b",
        "right counts, but role_family is wrong (b2 is the cause)",
        swap(
            ORGS,
            """\
            def role_family(position, families):
                words = set(re.findall(r"[a-z0-9]+", str(position)))
                for family, keywords in families.items():
                    if any(keyword in words for keyword in keywords):
                        return family
                return "other"
            """,
        ),
        r"your `role_family` \(part b2\) is the cause",
        checks=("part-b-role-counts",),
        cell=ORGS,
    ),
    # mistakes: changing the table or the families given
    Variant(
        "b",
        "blank companies filled in the table given",
        swap(
            ORGS,
            """\
            def contacts_per_organization(table):
                table["Company"] = table["Company"].fillna("")
                companies = table["Company"]
                return companies[companies != ""].value_counts()
            """,
        ),
        r"changed the table `table` it was given \(its column 'Company' changed\).*work on a copy",
        cell=ORGS,
    ),
    Variant(
        "b",
        "a family column added to the table",
        swap(
            ORGS,
            """\
            def contacts_per_role_family(table, families):
                table["family"] = table["Position"].map(lambda p: role_family(p, families))
                return table["family"].value_counts()
            """,
        ),
        r"changed the table `table` it was given \(a column 'family' was added\)",
        cell=ORGS,
    ),
    Variant(
        "b",
        "'other' added to the families",
        swap(
            ORGS,
            """\
            def role_family(position, families):
                families.setdefault("other", [])
                if not isinstance(position, str):
                    return "other"
                words = set(re.findall(r"[a-z0-9]+", position.lower()))
                for family, keywords in families.items():
                    if any(keyword in words for keyword in keywords):
                        return family
                return "other"
            """,
        ),
        r"changed the dict `families` it was given \(a key 'other' was added\)",
        cell=ORGS,
    ),
    # right answers
    Variant("b", "the solution", ANSWERS[ORGS], cell=ORGS),
    Variant(
        "b",
        "value_counts as the text suggests",
        organizations('table["Company"].value_counts()'),
        cell=ORGS,
    ),
    Variant(
        "b",
        "dropna first, then count",
        organizations('table["Company"].dropna().value_counts()'),
        cell=ORGS,
    ),
    Variant(
        "b",
        "groupby and a Counter, families with apply",
        swap(
            swap(
                swap(
                    ORGS,
                    """\
                    def contacts_per_organization(table):
                        return table.groupby("Company").size().sort_values(ascending=False)
                    """,
                ),
                """\
                def role_family(position, families):
                    if pd.isna(position):
                        return "other"
                    words = re.findall(r"[a-z0-9]+", position.lower())
                    for family in families:
                        for keyword in families[family]:
                            if keyword in words:
                                return family
                    return "other"
                """,
            ),
            """\
            def contacts_per_role_family(table, families):
                from collections import Counter

                counts = Counter(table["Position"].apply(role_family, args=(families,)))
                return pd.Series(counts).sort_values(ascending=False)
            """,
        ),
        cell=ORGS,
    ),
    Variant(
        "b",
        "counts written for blanks as empty text",
        swap(
            ORGS,
            """\
            def contacts_per_organization(table):
                companies = table["Company"]
                return companies[companies != ""].value_counts()
            """,
        ),
        cell=ORGS,
    ),
]


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

BANK = PART_A + PART_B + PART_C + PART_D
