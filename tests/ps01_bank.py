"""The mistake bank of Assignment 1 (Who can introduce you?): the notebook and parts (a), (b).

Each :class:`mistake_bank.Variant` is a whole answer cell a learner might
leave: a mistake (with the pattern its check's message must match) or a
right answer written another way. Parts (c) and (d) are in
``ps01_bank_cd``; ``test_mistakes_ps01`` runs them all and traces the task
text's requirements to them.
"""

from __future__ import annotations

import re
import textwrap

from mistake_bank import SOLUTIONS, Notebook, Variant

__all__ = ["ANSWERS", "FOLDER", "NOTEBOOK", "PART_A", "PART_B", "swap"]

FOLDER = SOLUTIONS / "ps01-who-can-introduce-you"

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
