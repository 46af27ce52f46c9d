"""Checks for Assignment 1, *Who can introduce you?* (``ps01-who-can-introduce-you``).

Part (a) loads a LinkedIn export, part (b) summarises it, parts (c) and (d)
search the network breadth first. Each check works out the right answer with
the library when it runs.

Examples
--------
>>> from coffeechat.checks import check_degrees, practice_network
>>> def degrees(contacts, source):
...     return {source: 0}
>>> try:
...     check_degrees(degrees, practice_network())
... except AssertionError as err:
...     print(err)  # doctest: +ELLIPSIS
In the small practice network, your answer leaves out 5 people you can reach, ...
"""

from __future__ import annotations

import os
import random
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from coffeechat.checks._core import (
    Assignment,
    Earlier,
    GradedTest,
    Part,
    arrow_chain,
    blame_earlier,
    blank,
    blanks_as_empty,
    blanks_as_nan,
    brief,
    call,
    checked,
    expect_type,
    fail,
    fresh,
    listing,
    passed,
    passes_one_of,
    plural,
    short,
)
from coffeechat.contacts import Network, Person, Tie
from coffeechat.errors import CheckFailed

_NAME_COLUMNS = ["First Name", "Last Name"]
_OTHER = "other"


# ------------------------------------------------------ part (a): the export
def _reference_table(path: str | os.PathLike[str]) -> pd.DataFrame:
    from coffeechat.io import read_linkedin_table

    return read_linkedin_table(path)


def _learners_table(path: str | os.PathLike[str]) -> pd.DataFrame:
    """The export as a learner's ``pd.read_csv`` gives it: blank cells are NaN."""
    return blanks_as_nan(_reference_table(path))


def _cell_text(value: object) -> str:
    if blank(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value).strip()


def _person_label(row: Mapping[str, object]) -> str:
    return f"{_cell_text(row['First Name'])} {_cell_text(row['Last Name'])}".strip()


def _compare_tables(mine: object, expected: pd.DataFrame, where: str) -> None:
    """Raise CheckFailed at the first way ``mine`` differs from ``expected``."""
    if mine is None:
        fail(
            f"{where}: load_connections gave None instead of a table: did you forget "
            "`return table` at the end?"
        )
    if not isinstance(mine, pd.DataFrame):
        fail(
            f"{where}: the table should be a pandas DataFrame (what pd.read_csv "
            f"gives you), but it is a {type(mine).__name__} ({brief(mine, 40)})."
        )
    columns = [str(c) for c in mine.columns]
    if columns and columns[0].startswith("Notes"):
        fail(
            f"{where}: your table's header is the line {columns[0][:40]!r}. LinkedIn puts "
            "a few Notes lines before the real header: find the line that starts with "
            "'First Name' and read the table from there."
        )
    if columns and columns[0].startswith("\ufeff"):
        fail(
            f"{where}: the first column is called {columns[0]!r}, with an invisible "
            "byte-order mark in front. Open the file with encoding='utf-8-sig'."
        )
    missing = [c for c in expected.columns if c not in mine.columns]
    if missing:
        fail(
            f"{where}: your table has no {missing[0]!r} column. Its columns are "
            f"{brief(columns, 120)}; the export's header line names all seven, "
            "from 'First Name' to 'Connected On'."
        )
    if len(mine) != len(expected):
        _explain_row_count(mine, expected, where)
    dates = mine["Connected On"]
    if not pd.api.types.is_datetime64_any_dtype(dates):
        sample = next((v for v in dates if not blank(v)), None)
        fail(
            f"{where}: 'Connected On' holds {type(sample).__name__} values such as "
            f"{sample!r}, not dates. Turn the column into dates with pd.to_datetime(..., "
            "format='%d %b %Y') so you can sort and compare them."
        )
    _compare_rows(mine, expected, where)


def _explain_row_count(mine: pd.DataFrame, expected: pd.DataFrame, where: str) -> None:
    have, want = len(mine), len(expected)
    mine_names = Counter(_person_label(row) for _, row in mine.iterrows())
    want_names = Counter(_person_label(row) for _, row in expected.iterrows())
    lost = sorted((want_names - mine_names).elements())
    if have < want:
        rows = {_person_label(r): r for _, r in expected.iterrows()}
        hint = "Read every line after the header; keep every connection."
        if lost and all(name in rows and blank(rows[name]["Email Address"]) for name in lost):
            hint = (
                "Every missing person has no email address: most LinkedIn contacts "
                "hide theirs, but they are still your connections, so keep those rows "
                "(no dropna())."
            )
        elif lost and all(name in rows and any(map(blank, rows[name])) for name in lost):
            hint = (
                "Every missing person has a blank cell (an email, a company or a "
                "position), which is usual on LinkedIn: they are still your connections, "
                "so keep those rows (no dropna())."
            )
        fail(
            f"{where}: your table has {have} rows but the export lists {want} "
            f"connections; missing: {listing(lost) or 'some people'}. {hint}"
        )
    extra = sorted((mine_names - want_names).elements())
    fail(
        f"{where}: your table has {have} rows but the export lists only {want} "
        f"connections; extra rows: {listing([repr(e) for e in extra])}. Are some Notes "
        "lines or blank lines being read as people?"
    )


def _compare_rows(mine: pd.DataFrame, expected: pd.DataFrame, where: str) -> None:
    columns = list(expected.columns)

    def normal(table: pd.DataFrame) -> pd.DataFrame:
        text = pd.DataFrame({c: [_cell_text(v) for v in table[c]] for c in columns})
        return text.sort_values(columns, kind="stable").reset_index(drop=True)

    have, want = normal(mine), normal(expected)
    for column in columns:
        differs = have[column] != want[column]
        if not differs.any():
            continue
        # Align by person so the message names the right one.
        key = _NAME_COLUMNS + ["URL"] if "URL" in columns else _NAME_COLUMNS
        joined = want.merge(have, on=key, how="left", suffixes=("", " (yours)"))
        for _, row in joined.iterrows():
            theirs = row.get(f"{column} (yours)")
            if _cell_text(theirs) != row[column]:
                advice = ""
                if column == "Email Address" and _cell_text(theirs).lower() == "nan":
                    advice = " An empty email should stay empty, not become the text 'nan'."
                elif column == "Connected On":
                    advice = " Read dates like '12 Mar 2024' with format='%d %b %Y'."
                fail(
                    f"{where}: for {_person_label(row)}, your {column!r} is "
                    f"{_cell_text(theirs)!r} but the export says {row[column]!r}.{advice}"
                )
        fail(f"{where}: the {column!r} column does not match the export.")


@checked
def check_connections_table(table: object, path: str | os.PathLike[str]) -> None:
    """Check a learner's table of a LinkedIn ``Connections.csv`` export.

    The table must have one row per connection (including people with no
    email address), the export's columns, and 'Connected On' as real dates.

    Parameters
    ----------
    table : pandas.DataFrame
        What the learner loaded.
    path : path-like
        The export it was loaded from; the expected table is read from it with
        :func:`coffeechat.io.read_linkedin_table`.

    Raises
    ------
    CheckFailed
        Naming the first problem: a missing column, missing or extra people,
        dates left as text, or a value that differs from the export.
    """
    expected = _reference_table(path)
    _compare_tables(table, expected, "Your table")
    no_email = sum(blank(v) for v in expected["Email Address"])
    passed(
        f"All {len(expected)} connections are in your table, with real dates "
        f"({no_email} of them have no email address, which is usual on LinkedIn)."
    )


def _export_variants(path: Path) -> dict[str, str]:
    """Other shapes a real export can take, made from the one at ``path``."""
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    header = next((i for i, line in enumerate(lines) if line.startswith("First Name,")), None)
    if header is None:
        fail(f"{path}: no line starts with 'First Name,'; is this a LinkedIn export?")
    body = lines[header:]
    rows = body[1:]
    shuffled = list(rows)
    random.Random(len(rows)).shuffle(shuffled)
    notes = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email '
        'addresses are missing."',
        "",
    ]
    return {
        "an export with a byte-order mark": "\ufeff" + "\n".join(lines) + "\n",
        "an export with no Notes lines": "\n".join(body) + "\n",
        "an export whose byte-order mark is right before the header (no Notes lines)": (
            "\ufeff" + "\n".join(body) + "\n"
        ),
        "an export with a longer Notes preamble": "\n".join(notes + notes + body) + "\n",
        "an export in another order": "\n".join(notes + [body[0], *shuffled]) + "\n",
    }


_VARIANT_HINTS = {
    "byte-order mark": "Open the file with encoding='utf-8-sig', which removes the mark.",
    "no Notes lines": "Find the line that starts with 'First Name' instead of skipping a "
    "fixed number of lines.",
    "longer Notes preamble": "Find the line that starts with 'First Name' instead of "
    "skipping a fixed number of lines.",
}


@checked
def check_connections_loader(load: Callable[[Any], Any], path: str | os.PathLike[str]) -> None:
    """Check a learner's loader on other shapes of the export at ``path``.

    The loader is run on copies of the export with a byte-order mark, with no
    Notes lines, with a longer preamble, and with the rows in another order;
    each result must match :func:`coffeechat.io.read_linkedin_table`.

    Raises
    ------
    CheckFailed
        Naming the kind of export that tripped the loader.
    """
    variants = _export_variants(Path(path))
    with tempfile.TemporaryDirectory(prefix="coffeechat-check-") as folder:
        for number, (label, text) in enumerate(variants.items()):
            variant = Path(folder) / f"Connections-{number}.csv"
            variant.write_text(text, encoding="utf-8")
            try:
                mine = call(load, [variant], f"load_connections, on {label},")
                _compare_tables(mine, _reference_table(variant), f"On {label}")
            except CheckFailed as err:
                hint = next((h for key, h in _VARIANT_HINTS.items() if key in label), "")
                if hint and hint not in str(err) and _loads(load, Path(path)):
                    raise CheckFailed(_short_join(str(err), hint)) from err.__cause__
                raise
    passed(f"Your loader copes with {len(variants)} other shapes of LinkedIn export.")


def _loads(load: Callable[[Any], Any], path: Path) -> bool:
    """Whether the loader gets the export at ``path`` itself right (so a variant is the cause)."""
    try:
        _compare_tables(call(load, [path], "load_connections"), _reference_table(path), "")
    except CheckFailed:
        return False
    return True


def _short_join(message: str, hint: str) -> str:
    """``message`` then ``hint``, the message shortened so both fit one check's message."""
    from coffeechat.checks._core import MESSAGE_LIMIT

    room = MESSAGE_LIMIT - len(hint) - 1
    return f"{short(message, room)} {hint}"


# --------------------------------------------------- part (b): summarising
def _reference_role_family(position: object, families: Mapping[str, Sequence[str]]) -> str:
    words = set(re.findall(r"[a-z0-9]+", _cell_text(position).lower()))
    for family, keywords in families.items():
        if any(str(k).lower() in words for k in keywords):
            return family
    return _OTHER


def role_family_reference(position: object, families: Mapping[str, Sequence[str]]) -> str:
    """A right ``role_family(position, families)``: what part (b2) asks for.

    Examples
    --------
    >>> role_family_reference("Senior UX Researcher", {"research": ["researcher"]})
    'research'
    >>> role_family_reference(float("nan"), {"research": ["researcher"]})
    'other'
    """
    return _reference_role_family(position, families)


_BLANK_NOTE = (
    "blank cells arrive as NaN, as pd.read_csv gives them, and value_counts() "
    "leaves NaN out unless you ask for dropna=False"
)


def _as_counts(result: object, name: str) -> dict[str, int]:
    if isinstance(result, pd.DataFrame):
        fail(
            f"{name} should give a pandas Series of counts (value_counts() gives one), "
            "but it gave a DataFrame: return the Series itself, without .to_frame() or "
            ".reset_index()."
        )
    expect_type(
        result,
        pd.Series,
        name,
        "a pandas Series of counts (value_counts() gives one)",
        advice="The text asks for a Series, and the cell below it calls .head() on it.",
    )
    assert isinstance(result, pd.Series)
    pairs = list(result.items())
    counts: dict[str, int] = {}
    for key, value in pairs:
        try:
            whole = not isinstance(value, bool) and float(value).is_integer()
        except (TypeError, ValueError):
            whole = False
        if not whole:
            fail(f"{name} gives {brief(key)} the count {brief(value)}; counts are whole numbers.")
        label = "" if blank(key) else str(key)
        if label in counts:
            fail(
                f"{name} lists {brief(key)} twice; count each one once (value_counts() "
                "does, on the column itself)."
            )
        counts[label] = int(value)
    values = [count for _, count in pairs]
    if any(a < b for a, b in zip(values, values[1:], strict=False)):
        fail(f"{name} should list the largest count first (value_counts() does that).")
    return counts


def _compare_counts(mine: dict[str, int], expected: Counter[str], what: str, where: str) -> None:
    if "" in mine:
        fail(
            f"{where}: your counts include an empty {what} ({plural(mine[''], 'contact')}); "
            f"leave out connections with no {what} ({_BLANK_NOTE})."
        )
    for key, count in expected.most_common():
        if key not in mine:
            fail(
                f"{where}: {key} has {count} of your contacts, but it is missing from your counts."
            )
        if mine[key] != count:
            fail(f"{where}: {key} has {count} of your contacts, but your counts say {mine[key]}.")
    extra = [key for key in mine if key not in expected]
    if extra:
        fail(f"{where}: your counts list {listing(extra)}, which no contact has as their {what}.")


def _organization_counts(table: pd.DataFrame) -> Counter[str]:
    return Counter(_cell_text(v) for v in table["Company"] if not blank(v))


def _compare_organizations(
    per_organization: Callable[[pd.DataFrame], Any], table: pd.DataFrame, where: str
) -> None:
    """Pass if the counts are right with blanks as NaN (what learners see) or as ''."""
    name = "contacts_per_organization"
    expected = _organization_counts(table)

    def attempt(given: pd.DataFrame) -> None:
        mine = _as_counts(call(per_organization, [given], name), name)
        _compare_counts(mine, expected, "company", where)

    passes_one_of(lambda: attempt(blanks_as_nan(table)), lambda: attempt(blanks_as_empty(table)))


@checked
def check_organization_counts(
    per_organization: Callable[[pd.DataFrame], Any], path: str | os.PathLike[str]
) -> None:
    """Check a learner's count of contacts per organisation.

    ``per_organization(table)`` is called with the export at ``path`` as
    ``pd.read_csv`` reads it (blank companies are NaN), and must return a
    pandas Series with one count per company, largest first, leaving out
    connections with no company. A function that is right when blanks are
    ``''`` instead passes too.

    Raises
    ------
    CheckFailed
        Naming an organisation whose count is wrong or missing.
    """
    table = _reference_table(path)
    _compare_organizations(per_organization, table, "In your LinkedIn export")
    expected = _organization_counts(table)
    top, count = expected.most_common(1)[0]
    passed(f"Right: {len(expected)} organisations; the most contacts ({count}) are at {top}.")


def _check_families(families: object) -> Mapping[str, Sequence[str]]:
    if not isinstance(families, Mapping) or not families:
        fail(
            "ROLE_FAMILIES should be the dictionary given above the exercise "
            "(family name -> list of key words); run that cell again."
        )
    return families


@checked
def check_role_family(
    role_family: Callable[[Any, Any], Any],
    families: object,  # the learner's dict: checked by _check_families
    path: str | os.PathLike[str],
) -> None:
    """Check a learner's ``role_family(position, families)`` on every position.

    The family of a position is the first family (in the order of
    ``families``) one of whose key words is a word of the position, ignoring
    case and punctuation; a position matching no family, or no position at all
    (NaN, as ``pd.read_csv`` gives it, or ``''``), is ``"other"``.

    Raises
    ------
    CheckFailed
        Naming a position and the family it belongs to.
    """
    families = _check_families(families)
    positions = list(dict.fromkeys(_learners_table(path)["Position"].tolist()))
    _compare_families(role_family, families, positions, "In your LinkedIn export")
    passed(f"role_family puts all {len(positions)} different positions in the right family.")


def _compare_families(
    role_family: Callable[[Any, Any], Any],
    families: Mapping[str, Sequence[str]],
    positions: Sequence[object],
    where: str,
) -> None:
    for position in positions:
        want = _reference_role_family(position, families)
        shown = "NaN" if blank(position) and not isinstance(position, str) else repr(position)
        try:
            got = call(role_family, [position, dict(families)], f"role_family({shown}, ...)")
        except CheckFailed as err:
            if blank(position) and "stopped with" in str(err):
                hint = (
                    "A blank position arrives as NaN, which is not a string: "
                    "return 'other' for it first."
                )
                raise CheckFailed(_short_join(str(err), hint)) from err.__cause__
            raise
        if got != want:
            if blank(position):
                fail(
                    f"{where}: a connection with no position (its cell is {shown}, as "
                    f"pd.read_csv gives a blank cell) belongs to {want!r}, but your "
                    f"role_family says {brief(got)}."
                )
            words = [
                k
                for k in families.get(want, ())
                if str(k).lower() in re.findall(r"[a-z0-9]+", _cell_text(position).lower())
            ]
            why = (
                f"it contains the key word {words[0]!r}, and {want!r} is the first "
                "family that matches; case and punctuation do not matter"
                if words
                else "none of the key words is one of its words"
            )
            fail(
                f"{where}: the position {shown} belongs to {want!r} ({why}), "
                f"but your role_family says {brief(got)}."
            )


@checked
def check_role_family_counts(
    per_role_family: Callable[[pd.DataFrame, Any], Any],
    families: object,  # the learner's dict: checked by _check_families
    path: str | os.PathLike[str],
) -> None:
    """Check a learner's ``contacts_per_role_family(table, families)``.

    It must count every connection once, under the family of its position
    (``"other"`` included), largest first. When it is wrong only because the
    learner's ``role_family`` is, the message says so.

    Raises
    ------
    CheckFailed
        Naming a family whose count is wrong or missing, or ``role_family``.
    """
    families = _check_families(families)
    table = _reference_table(path)
    where = "In your LinkedIn export"
    positions = list(dict.fromkeys(_learners_table(path)["Position"].tolist()))
    blame_earlier(
        lambda: _compare_family_counts(per_role_family, families, table, where),
        per_role_family,
        _role_family_part(families, positions, where),
    )
    passed("contacts_per_role_family counts every contact once, in the right family.")


def _role_family_part(
    families: Mapping[str, Sequence[str]], positions: Sequence[object], where: str
) -> Earlier:
    return Earlier(
        "role_family",
        "b2",
        role_family_reference,
        check=lambda mine: _compare_families(mine, families, positions, where),
    )


def _compare_family_counts(
    per_role_family: Callable[[pd.DataFrame, Any], Any],
    families: Mapping[str, Sequence[str]],
    table: pd.DataFrame,
    where: str,
) -> None:
    name = "contacts_per_role_family"
    expected = Counter(_reference_role_family(p, families) for p in table["Position"])

    def attempt(given: pd.DataFrame) -> None:
        mine = _as_counts(call(per_role_family, [given, dict(families)], name), name)
        if sum(mine.values()) != len(table):
            fail(
                f"{where}: your counts add up to {sum(mine.values())}, but there are "
                f"{len(table)} contacts; each belongs to exactly one family "
                f"({_OTHER!r} included)."
            )
        _compare_counts(mine, expected, "role family", where)

    passes_one_of(lambda: attempt(blanks_as_nan(table)), lambda: attempt(blanks_as_empty(table)))


def _edge_case_table() -> pd.DataFrame:
    """A small export with the awkward cases real ones have."""
    rows = [
        ("Iris", "Vale", "Quill & Co, Ltd", "Senior UX/UI Designer"),
        ("Jon", "Reyes", "Quill & Co, Ltd", "Head of Data & Analytics"),
        ("Kemi", "Adeyemi", "", "Freelance"),
        ("Lars", "Holm", None, None),
        ("Mina", "Sato", "Tidewater Health", "Software engineer (platform)"),
        ("Noor", "Haddad", "Tidewater Health", ""),
        ("Olek", "Brandt", "Quill & Co, Ltd", "DATA SCIENTIST"),
        ("Pia", "Lund", "Northwind Rail", "Recruiter, Engineering"),
    ]
    return pd.DataFrame(
        {
            "First Name": [r[0] for r in rows],
            "Last Name": [r[1] for r in rows],
            "URL": [f"https://www.linkedin.com/in/{r[0].lower()}-{r[1].lower()}" for r in rows],
            "Email Address": [None] * len(rows),
            "Company": [r[2] for r in rows],
            "Position": [r[3] for r in rows],
            "Connected On": pd.to_datetime(["2024-03-12"] * len(rows)),
        }
    )


_EDGE_FAMILIES: dict[str, list[str]] = {
    "people": ["recruiter", "hr"],
    "data": ["data", "analytics", "scientist"],
    "design": ["ux", "ui", "designer"],
    "engineering": ["engineer", "developer"],
}


@checked
def check_summary_edge_cases(
    per_organization: Callable[[pd.DataFrame], Any],
    role_family: Callable[[Any, Any], Any],
    per_role_family: Callable[[pd.DataFrame, Any], Any],
) -> None:
    """Check the part (b) functions on an awkward export and other families.

    The export has blank companies and positions (NaN, as ``pd.read_csv``
    gives them), a company with a comma in its name, upper case and
    punctuation in positions; the families dictionary is not the one in the
    notebook.

    Raises
    ------
    CheckFailed
        Naming the awkward case that was not handled.
    """
    table = _edge_case_table()
    where = "In a small export with blank and unusual values"
    _compare_organizations(per_organization, table, where)
    positions = [*blanks_as_nan(table)["Position"].tolist(), ""]
    _compare_families(role_family, _EDGE_FAMILIES, positions, where)
    blame_earlier(
        lambda: _compare_family_counts(per_role_family, _EDGE_FAMILIES, table, where),
        per_role_family,
        _role_family_part(_EDGE_FAMILIES, positions, where),
    )
    passed("Your summaries cope with blank, unusual and upper-case values.")


# ------------------------------------------------ parts (c) and (d): search
@checked
def contact_lists(network: Network) -> dict[str, list[str]]:
    """Each person's id mapped to the ids of the people they know, strongest tie first.

    This is the plain structure the assignment's search functions work on.

    Examples
    --------
    >>> contact_lists(practice_network())["me"]
    ['ana', 'dee']
    """
    return {person: network.neighbors(person) for person in network.people["id"]}


@checked
def practice_network() -> Network:
    """An eight-person network small enough to check a search by hand.

    You know Ana and Dee; both know Ben; Ben knows Cy, and Cy knows Gus. Eli
    and Fay know each other but nobody you can reach. Ben, Cy, Fay and Gus
    work at Borealis Labs.

    Examples
    --------
    >>> practice_network()
    Network(8 people, 7 ties, me='me')
    """
    people = [
        Person("me", "Sam Learner", role="Student"),
        Person("ana", "Ana Ruiz", "Acme", "UX Lead"),
        Person("dee", "Dee Park", "Acme", "Product Manager"),
        Person("ben", "Ben Ode", "Borealis Labs", "Data Analyst"),
        Person("cy", "Cy Tran", "Borealis Labs", "Engineer"),
        Person("gus", "Gus Amari", "Borealis Labs", "Director"),
        Person("eli", "Eli Fox", "Cobalt Works", "Designer"),
        Person("fay", "Fay Lind", "Borealis Labs", "Recruiter"),
    ]
    ties = [
        Tie("me", "ana", 0.8, "friend"),
        Tie("me", "dee", 0.5, "classmate"),
        Tie("ana", "ben", 0.6, "former colleague"),
        Tie("dee", "ben", 0.3, "acquaintance"),
        Tie("ben", "cy", 0.7, "colleague"),
        Tie("cy", "gus", 0.7, "colleague"),
        Tie("eli", "fay", 0.5, "classmate"),
    ]
    return Network(people, ties, me="me")


def _distances(network: Network, source: str, cutoff: int | None = None) -> dict[str, int]:
    import networkx as nx

    return dict(nx.single_source_shortest_path_length(network.graph, source, cutoff=cutoff))


def _name(network: Network, person: object) -> str:
    if person == network.me:
        return "you"
    try:
        return network.person(str(person)).name
    except Exception:
        return repr(person)


def _chain_text(network: Network, chain: Sequence[object]) -> str:
    return arrow_chain([_name(network, p) for p in chain])


def degrees_reference(contacts: Mapping[str, Sequence[str]], source: str) -> dict[str, int]:
    """A right ``degrees_of_separation(contacts, source)``: what part (c1) asks for.

    Examples
    --------
    >>> degrees_reference(contact_lists(practice_network()), "ben")
    {'ben': 0, 'cy': 1, 'ana': 1, 'dee': 1, 'gus': 2, 'me': 2}
    """
    from collections import deque

    found = {source: 0}
    queue = deque([source])
    while queue:
        person = queue.popleft()
        for other in contacts[person]:
            if other not in found:
                found[other] = found[person] + 1
                queue.append(other)
    return found


def chain_reference(
    contacts: Mapping[str, Sequence[str]], source: str, target: str
) -> list[str] | None:
    """A right ``shortest_chain(contacts, source, target)``: what part (c2) asks for.

    Examples
    --------
    >>> chain_reference(contact_lists(practice_network()), "me", "cy")
    ['me', 'ana', 'ben', 'cy']
    >>> chain_reference(contact_lists(practice_network()), "me", "eli") is None
    True
    """
    from collections import deque

    reached_from: dict[str, str | None] = {source: None}
    queue = deque([source])
    while queue:
        person = queue.popleft()
        if person == target:
            chain: list[str] = []
            step: str | None = person
            while step is not None:
                chain.append(step)
                step = reached_from[step]
            return chain[::-1]
        for other in contacts[person]:
            if other not in reached_from:
                reached_from[other] = person
                queue.append(other)
    return None


def _a_shortest_chain(network: Network, source: str, target: str) -> list[str]:
    import networkx as nx

    return list(nx.shortest_path(network.graph, source, target))


def _label(network: Network) -> str:
    if network is _PRACTICE:
        return "In the small practice network"
    return f"In the network of {len(network)} people"


def _source(network: Network, source: str | None) -> str:
    source = network.me if source is None else source
    if source not in network:
        fail(f"{source!r} is not anyone in this network.")
    return source


@checked
def check_degrees(
    degrees: Callable[[Any, Any], Any], network: Network, source: str | None = None
) -> None:
    """Check a learner's breadth-first search for degrees of separation.

    ``degrees(contacts, source)`` is called with :func:`contact_lists` of the
    small :func:`practice_network` and then of ``network``; it must map every
    person reachable from ``source`` (``source`` itself included, at 0) to the
    number of hops (ties) on a shortest chain to them, and leave out everyone else.
    The right numbers come from networkx when the check runs.

    Parameters
    ----------
    degrees : callable
        The learner's function.
    network : Network
        The network to check on, after the practice network.
    source : str, optional
        Whose degrees to compute; the learner (``network.me``) by default.

    Raises
    ------
    CheckFailed
        Naming a person whose number is wrong, missing or should not be there,
        with a shortest chain to them.
    """
    start = _source(network, source)
    for net, begin in ((_PRACTICE, "me"), (network, start)):
        _compare_degrees(degrees, net, begin)
    others = len(_distances(network, start)) - 1
    passed(
        f"Your search finds the right number of hops to all {others} people "
        f"{'you' if start == network.me else _name(network, start)} can reach, and 0 for "
        f"{'yourself' if start == network.me else 'themselves'}."
    )


def _compare_degrees(degrees: Callable[[Any, Any], Any], network: Network, source: str) -> None:
    where = _label(network)
    result = call(
        degrees,
        [fresh(contact_lists(network)), source],
        f"degrees_of_separation(contacts, {source!r})",
    )
    expect_type(
        result,
        Mapping,
        f"{where}, degrees_of_separation",
        "a dict that maps each person's id to a number of hops",
    )
    expected = _distances(network, source)
    strangers = [p for p in result if p not in network]
    if strangers:
        fail(
            f"{where}, your answer has {listing([repr(s) for s in strangers])}, "
            "who is not anyone in the network; use the ids in contacts."
        )
    if result.get(source) != 0:
        said = result.get(source, "nothing")
        hint = "Put the source in the answer at 0 before the search starts."
        if said == 1 and all(result.get(p) == expected[p] + 1 for p in expected):
            hint = "Every number is one too big: count hops (ties between people), not people."
        elif isinstance(said, int | float) and not isinstance(said, bool):
            hint = (
                "If it was 0 at the start, a later step changed it: give each person a "
                "number only the first time the search reaches them, and skip anyone "
                "who already has one."
            )
        fail(
            f"{where}, {_name(network, source)} should be 0 hops from "
            f"{'yourself' if source == network.me else 'themselves'}, but your "
            f"answer says {brief(said)}. {hint}"
        )
    unreachable = [p for p in result if p not in expected]
    if unreachable:
        who = unreachable[0]
        fail(
            f"{where}, {_name(network, who)} cannot be reached from "
            f"{_name(network, source)} (no chain of ties leads there), so leave them "
            f"out; your answer gives them {result[who]!r}."
        )
    missing = sorted((p for p in expected if p not in result), key=lambda p: (expected[p], p))
    if missing:
        first = missing[0]
        fail(
            f"{where}, your answer leaves out "
            f"{plural(len(missing), 'person', 'people')} you can reach, for example "
            f"{_name(network, first)} ({plural(expected[first], 'hop')} away: "
            f"{_chain_text(network, _a_shortest_chain(network, source, first))}). "
            "Keep taking people from the queue until it is empty."
        )
    wrong = sorted(
        (p for p in expected if result[p] != expected[p]), key=lambda p: (expected[p], p)
    )
    if wrong:
        first = wrong[0]
        offsets = {
            result[p] - expected[p]
            for p in wrong
            if isinstance(result[p], int | float) and not isinstance(result[p], bool)
        }
        hint = (
            "Breadth-first search reaches everyone 1 hop away before anyone 2 hops away: "
            "take people from the front of the queue (popleft), and give each a number "
            "only the first time you reach them."
        )
        if offsets == {1} and len(wrong) == len(expected) - 1:
            hint = "Every number is one too big: count hops (ties between people), not people."
        elif offsets == {-1} and len(wrong) == len(expected) - 1:
            hint = "Every number is one too small: count hops (ties between people), not people."
        elif offsets and max(offsets) < 0:
            hint = (
                "Your numbers are too small: each person's number is one more than "
                "that of the person the search reached them from."
            )
        fail(
            f"{where}, {_name(network, first)} is {plural(expected[first], 'hop')} from "
            f"{_name(network, source)} "
            f"({_chain_text(network, _a_shortest_chain(network, source, first))}), "
            f"but your answer says {result[first]!r}. {hint}"
        )


@checked
def check_chain(
    network: Network,
    chain: object,
    source: str | None = None,
    target: str | None = None,
    *,
    shortest: bool = False,
) -> None:
    """Check that ``chain`` is a real chain of introductions in ``network``.

    Parameters
    ----------
    network : Network
    chain : list of str
        Person ids, from ``source`` to ``target``.
    source : str, optional
        Who the chain must start with; the learner (``network.me``) by default.
    target : str, optional
        Who the chain must end with; anyone by default.
    shortest : bool
        Also require that no chain has fewer hops.

    Raises
    ------
    CheckFailed
        For instance "Ana Ruiz and Eli Fox do not know each other, so this chain
        skips a tie".

    Examples
    --------
    >>> net = practice_network()
    >>> check_chain(net, ["me", "ana", "ben"])
    >>> try:
    ...     check_chain(net, ["me", "ben"])
    ... except AssertionError as err:
    ...     print(err)
    You and Ben Ode do not know each other, so this chain skips a tie.
    """
    source = _source(network, source)
    if isinstance(chain, str) or not isinstance(chain, Sequence):
        fail(
            f"A chain should be a list of person ids, such as [{source!r}, ...], "
            f"but this is a {type(chain).__name__}."
        )
    if not chain:
        fail(f"This chain is empty; it should start with {_name(network, source)} ({source!r}).")
    strangers = [p for p in chain if p not in network]
    if strangers:
        fail(f"{strangers[0]!r} in this chain is not anyone in the network.")
    if chain[0] != source:
        fail(
            f"A chain starts with {_name(network, source)} ({source!r}), but this one "
            f"starts with {_name(network, chain[0])}."
        )
    if target is not None and chain[-1] != target:
        fail(
            f"This chain should end with {_name(network, target)} ({target!r}), but "
            f"it ends with {_name(network, chain[-1])}."
        )
    seen: set[object] = set()
    for person in chain:
        if person in seen:
            fail(
                f"{_name(network, person)} appears twice in this chain; a chain never "
                "needs to visit anyone twice."
            )
        seen.add(person)
    for a, b in zip(chain, chain[1:], strict=False):
        if network.tie(a, b) is None:
            first = _name(network, a)
            fail(
                f"{first[0].upper() + first[1:]} and {_name(network, b)} do not know "
                "each other, so this chain skips a tie."
            )
    if shortest:
        best = _a_shortest_chain(network, source, chain[-1])
        if len(best) < len(chain):
            fail(
                f"This chain to {_name(network, chain[-1])} has "
                f"{plural(len(chain) - 1, 'hop')}, but a chain of "
                f"{plural(len(best) - 1, 'hop')} exists "
                f"({_chain_text(network, best)})."
            )


def _chain_targets(network: Network, source: str, every: bool = False) -> list[str]:
    """People to ask for chains to: nearest first (or the farthest and a few others),
    then someone unreachable, then the source itself."""
    reach = _distances(network, source)
    unreachable = sorted(p for p in network.people["id"] if p not in reach)
    if every:
        return [
            *sorted((p for p in reach if p != source), key=lambda p: (reach[p], p)),
            *unreachable,
            source,
        ]
    farthest = min(reach, key=lambda p: (-reach[p], p))
    others = sorted(p for p in reach if p not in (source, farthest))
    picked = random.Random(len(network)).sample(others, min(4, len(others)))
    return [farthest, *picked, *unreachable[:1], source]


@checked
def check_shortest_chains(
    chain: Callable[[Any, Any, Any], Any],
    network: Network,
    source: str | None = None,
    targets: Sequence[str] | None = None,
) -> None:
    """Check a learner's ``shortest_chain(contacts, source, target)``.

    It must return a list of ids from ``source`` to ``target`` with as few hops
    as possible (just ``[source]`` when they are the same person), or None
    when no chain exists. It is tried on every person of the practice network
    and on a few people of ``network`` (the farthest one among them). When it
    is wrong only because the learner's ``degrees_of_separation`` is, the
    message says so.

    Raises
    ------
    CheckFailed
        Naming the target and what is wrong with the chain.
    """
    start = _source(network, source)
    plan = [(_PRACTICE, "me", _chain_targets(_PRACTICE, "me", every=True))]
    plan.append((network, start, list(targets) if targets else _chain_targets(network, start)))
    blame_earlier(lambda: _compare_chains(chain, plan), chain, _degrees_part(network, start))
    passed(
        "shortest_chain finds a shortest chain of real ties every time, and None when "
        "there is none."
    )


def _degrees_part(network: Network, source: str) -> Earlier:
    """Part (c1) as an earlier part: the reference, and its check on these networks."""

    def check(mine: Callable[[Any, Any], Any]) -> None:
        for net, begin in ((_PRACTICE, "me"), (network, source)):
            _compare_degrees(mine, net, begin)

    return Earlier("degrees_of_separation", "c1", degrees_reference, check=check)


def _chain_part(network: Network, source: str) -> Earlier:
    """Part (c2) as an earlier part: the reference, and its check on these networks."""
    plan = [
        (_PRACTICE, "me", _chain_targets(_PRACTICE, "me", every=True)),
        (network, source, _chain_targets(network, source)),
    ]
    return Earlier(
        "shortest_chain", "c2", chain_reference, check=lambda mine: _compare_chains(mine, plan)
    )


def _shown_chain(network: Network, result: object) -> str:
    if isinstance(result, list | tuple) and all(isinstance(p, str) for p in result):
        return _chain_text(network, result)
    return brief(result)


def _compare_chains(
    chain: Callable[[Any, Any, Any], Any],
    plan: Sequence[tuple[Network, str, Sequence[str]]],
) -> None:
    for net, begin, ends in plan:
        contacts = contact_lists(net)
        reach = _distances(net, begin)
        where = _label(net)
        for end in ends:
            result = call(
                chain,
                [fresh(contacts), begin, end],
                f"shortest_chain(contacts, {begin!r}, {end!r})",
            )
            if end == begin:
                if not isinstance(result, list | tuple) or list(result) != [begin]:
                    fail(
                        f"{where}, the chain from {_name(net, begin)} to "
                        f"{'yourself' if begin == net.me else 'themselves'} is just "
                        f"[{begin!r}], but your function returned {brief(result)}."
                    )
                continue
            if end not in reach:
                if result is not None:
                    fail(
                        f"{where}, nobody {_name(net, begin)} can reach knows "
                        f"{_name(net, end)}, so there is no chain: return None "
                        f"(your function returned {brief(result)})."
                    )
                continue
            if result is None:
                best = _chain_text(net, _a_shortest_chain(net, begin, end))
                fail(
                    f"{where}, your function found no chain to {_name(net, end)}, but "
                    f"there is one: {best}."
                )
            try:
                check_chain(net, result, begin, end)
            except CheckFailed as err:
                raise CheckFailed(
                    short(
                        f"{where}, the chain your function gives to {_name(net, end)} "
                        f"({_shown_chain(net, result)}) is not right: {err}"
                    )
                ) from None
            best = _a_shortest_chain(net, begin, end)
            if len(result) > len(best):
                fail(
                    f"{where}, the chain your function gives to {_name(net, end)} has "
                    f"{plural(len(result) - 1, 'hop')}, but a chain of "
                    f"{plural(len(best) - 1, 'hop')} exists ({_chain_text(net, best)}). "
                    "Breadth-first search finds a shortest one: take people from the "
                    "front of the queue (popleft)."
                )


@checked
def check_within_two(
    within_two: Callable[[Any, Any, Any], Any],
    network: Network,
    organization: str | None = None,
    source: str | None = None,
) -> None:
    """Check a learner's ``within_two_introductions(contacts, source, colleagues)``.

    ``colleagues`` is the set of ids of the people at an organisation
    (``network.match(organization=...)``). The function must return, for each
    of them other than ``source`` who can be reached with at most two
    introductions (a chain of at most 3 hops), the number of introductions
    needed: 0 for someone ``source`` already knows, 1 or 2 otherwise.

    It is tried first on the practice network, from you and from Ben Ode, who
    works at the target himself (he must not be in his own answer). When it is
    wrong only because the learner's ``degrees_of_separation`` or
    ``shortest_chain`` is, the message says so.

    Parameters
    ----------
    within_two : callable
        The learner's function.
    network : Network
    organization : str, optional
        The target organisation; by default the three organisations with the
        most people in ``network`` are each tried in turn, and then the
        source's own organisation.
    source : str, optional
        The learner (``network.me``) by default.

    Raises
    ------
    CheckFailed
        Naming a person who is missing, should not be there, or needs a
        different number of introductions.
    """
    start = _source(network, source)
    if organization is None:
        counts = Counter(o for o in network.people["organization"] if o)
        organizations = [o for o, _ in counts.most_common(3)]
        own = network.person(start).organization
        if own and own not in organizations:
            organizations.append(own)
    else:
        organizations = [organization]
    plan = [
        (_PRACTICE, "me", "Borealis Labs"),
        (_PRACTICE, "ben", "Borealis Labs"),
        *((network, start, target) for target in organizations),
    ]

    def run() -> None:
        for net, begin, target in plan:
            _compare_within_two(within_two, net, begin, target)

    blame_earlier(run, within_two, _degrees_part(network, start), _chain_part(network, start))
    passed(
        "within_two_introductions finds exactly the people you can meet with at most "
        "two introductions."
    )


def _compare_within_two(
    within_two: Callable[[Any, Any, Any], Any], network: Network, source: str, organization: str
) -> None:
    colleagues = set(network.match(organization=organization))
    if not colleagues:
        fail(f"Nobody in this network works at {organization!r}; check the name.")
    where = f"{_label(network)}, for {organization}"
    if source != network.me:
        where += f" and from {_name(network, source)} ({source!r}), who works there"
    result = call(
        within_two,
        [fresh(contact_lists(network)), source, set(colleagues)],
        "within_two_introductions(contacts, source, colleagues)",
    )
    expect_type(
        result,
        Mapping,
        f"{where}: within_two_introductions",
        "a dict that maps each person's id to the number of introductions needed",
    )
    reach = _distances(network, source, cutoff=3)
    expected = {p: reach[p] - 1 for p in colleagues if p in reach and p != source}
    for person in result:
        if person == source:
            fail(
                f"{where}: leave {_name(network, source)} out; nobody needs an "
                "introduction to themselves, even when they work at the target."
            )
        if person not in colleagues:
            fail(
                f"{where}: your answer includes {_name(network, person)}, who does not "
                f"work at {organization}."
            )
        if person not in expected:
            far = _distances(network, source).get(person)
            how = (
                "cannot be reached at all"
                if far is None
                else f"needs {plural(far - 1, 'introduction')}"
            )
            fail(f"{where}: {_name(network, person)} {how}, so leave them out.")
    for person in sorted(expected, key=lambda p: (expected[p], p)):
        chain = _chain_text(network, _a_shortest_chain(network, source, person))
        if person not in result:
            fail(
                f"{where}: {_name(network, person)} works at {organization} and "
                f"needs {plural(expected[person], 'introduction')} ({chain}), but "
                "your answer leaves them out."
            )
        if result[person] != expected[person]:
            hint = "Someone you already know needs 0."
            if result[person] == expected[person] + 1:
                hint = "Count introductions (people in between): one fewer than the hops."
            fail(
                f"{where}: {_name(network, person)} needs "
                f"{plural(expected[person], 'introduction')} ({chain}), but your "
                f"answer says {brief(result[person])}. {hint}"
            )


_PRACTICE = practice_network()


ASSIGNMENT = Assignment(
    name="ps01-who-can-introduce-you",
    notebook="who-can-introduce-you",
    title="Who can introduce you?",
    parts=(
        Part(
            "a",
            "Load your LinkedIn export",
            (
                GradedTest(
                    "part-a-table", 2, "check_connections_table(connections, LINKEDIN_PATH)"
                ),
                GradedTest("part-a-hidden", 1),
            ),
            functions=("load_connections",),
        ),
        Part(
            "b",
            "Summarise who you know",
            (
                GradedTest(
                    "part-b-organizations",
                    1,
                    "check_organization_counts(contacts_per_organization, LINKEDIN_PATH)",
                ),
                GradedTest(
                    "part-b-role-family",
                    1,
                    "check_role_family(role_family, ROLE_FAMILIES, LINKEDIN_PATH)",
                ),
                GradedTest(
                    "part-b-role-counts",
                    1,
                    "check_role_family_counts(contacts_per_role_family, ROLE_FAMILIES, "
                    "LINKEDIN_PATH)",
                ),
                GradedTest("part-b-hidden", 1),
            ),
            functions=("contacts_per_organization", "role_family", "contacts_per_role_family"),
        ),
        Part(
            "c",
            "Degrees of separation",
            (
                GradedTest("part-c-degrees", 3, "check_degrees(degrees_of_separation, network)"),
                GradedTest("part-c-chains", 2, "check_shortest_chains(shortest_chain, network)"),
                GradedTest("part-c-hidden", 2),
            ),
            functions=("degrees_of_separation", "shortest_chain"),
        ),
        Part(
            "d",
            "Two introductions away",
            (
                GradedTest(
                    "part-d-within-two",
                    2,
                    "check_within_two(within_two_introductions, network, TARGET_ORGANIZATION)",
                ),
                GradedTest("part-d-hidden", 2),
            ),
            functions=("within_two_introductions",),
        ),
    ),
    made_by={"connections": "load_connections"},
)
