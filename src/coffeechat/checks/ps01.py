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
    GradedTest,
    Part,
    blank,
    call,
    fresh,
    listing,
    passed,
    plural,
)
from coffeechat.contacts import Network, Person, Tie
from coffeechat.errors import CheckFailed

_NAME_COLUMNS = ["First Name", "Last Name"]
_OTHER = "other"


# ------------------------------------------------------ part (a): the export
def _reference_table(path: str | os.PathLike[str]) -> pd.DataFrame:
    from coffeechat.io import read_linkedin_table

    return read_linkedin_table(path)


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
    if not isinstance(mine, pd.DataFrame):
        raise CheckFailed(
            f"{where}: the table should be a pandas DataFrame (what pd.read_csv "
            f"gives you), but it is a {type(mine).__name__}."
        )
    columns = [str(c) for c in mine.columns]
    if columns and columns[0].startswith("Notes"):
        raise CheckFailed(
            f"{where}: your table's header is the line {columns[0][:40]!r}. LinkedIn puts "
            "a few Notes lines before the real header: find the line that starts with "
            "'First Name' and read the table from there."
        )
    if columns and columns[0].startswith("\ufeff"):
        raise CheckFailed(
            f"{where}: the first column is called {columns[0]!r}, with an invisible "
            "byte-order mark in front. Open the file with encoding='utf-8-sig'."
        )
    missing = [c for c in expected.columns if c not in mine.columns]
    if missing:
        raise CheckFailed(
            f"{where}: your table has no {missing[0]!r} column. Its columns are "
            f"{columns}; the export's header line names {list(expected.columns)}."
        )
    if len(mine) != len(expected):
        _explain_row_count(mine, expected, where)
    dates = mine["Connected On"]
    if not pd.api.types.is_datetime64_any_dtype(dates):
        sample = next((v for v in dates if not blank(v)), None)
        raise CheckFailed(
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
        emails = {_person_label(r): r["Email Address"] for _, r in expected.iterrows()}
        hint = "Read every line after the header; keep every connection."
        if lost and all(blank(emails.get(name)) for name in lost):
            hint = (
                "Every missing person has no email address: most LinkedIn contacts "
                "hide theirs, but they are still your connections, so keep those rows "
                "(no dropna())."
            )
        raise CheckFailed(
            f"{where}: your table has {have} rows but the export lists {want} "
            f"connections; missing: {listing(lost) or 'some people'}. {hint}"
        )
    extra = sorted((mine_names - want_names).elements())
    raise CheckFailed(
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
                raise CheckFailed(
                    f"{where}: for {_person_label(row)}, your {column!r} is "
                    f"{_cell_text(theirs)!r} but the export says {row[column]!r}.{advice}"
                )
        raise CheckFailed(f"{where}: the {column!r} column does not match the export.")


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
        raise CheckFailed(f"{path}: no line starts with 'First Name,'; is this a LinkedIn export?")
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
        "an export with a longer Notes preamble": "\n".join(notes + notes + body) + "\n",
        "an export in another order": "\n".join(notes + [body[0], *shuffled]) + "\n",
    }


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
            mine = call(load, [variant], f"load_connections, on {label},")
            _compare_tables(mine, _reference_table(variant), f"On {label}")
    passed(f"Your loader copes with {len(variants)} other shapes of LinkedIn export.")


# --------------------------------------------------- part (b): summarising
def _reference_role_family(position: object, families: Mapping[str, Sequence[str]]) -> str:
    words = set(re.findall(r"[a-z0-9]+", _cell_text(position).lower()))
    for family, keywords in families.items():
        if any(str(k).lower() in words for k in keywords):
            return family
    return _OTHER


def _as_counts(result: object, name: str) -> dict[str, int]:
    if isinstance(result, pd.DataFrame) and result.shape[1] == 1:
        result = result.iloc[:, 0]
    if isinstance(result, pd.Series | Mapping):
        pairs = list(result.items())
    else:
        raise CheckFailed(
            f"{name} should return a pandas Series of counts (as value_counts() "
            f"gives), but it returned a {type(result).__name__}."
        )
    counts: dict[str, int] = {}
    for key, value in pairs:
        if isinstance(value, bool) or not float(value).is_integer():
            raise CheckFailed(
                f"{name} gives {key!r} the count {value!r}; counts are whole numbers."
            )
        counts[str(key) if not blank(key) else ""] = int(value)
    values = [count for _, count in pairs]
    if any(a < b for a, b in zip(values, values[1:], strict=False)):
        raise CheckFailed(f"{name} should list the largest count first (value_counts() does that).")
    return counts


def _compare_counts(mine: dict[str, int], expected: Counter[str], what: str, where: str) -> None:
    if "" in mine:
        raise CheckFailed(
            f"{where}: your counts include an empty {what}; leave out connections with no {what}."
        )
    for key, count in expected.most_common():
        if key not in mine:
            raise CheckFailed(
                f"{where}: {key} has {count} of your contacts, but it is missing from your counts."
            )
        if mine[key] != count:
            raise CheckFailed(
                f"{where}: {key} has {count} of your contacts, but your counts say {mine[key]}."
            )
    extra = [key for key in mine if key not in expected]
    if extra:
        raise CheckFailed(
            f"{where}: your counts list {listing(extra)}, which no contact has as their {what}."
        )


def _organization_counts(table: pd.DataFrame) -> Counter[str]:
    return Counter(_cell_text(v) for v in table["Company"] if not blank(v))


def check_organization_counts(
    per_organization: Callable[[pd.DataFrame], Any], path: str | os.PathLike[str]
) -> None:
    """Check a learner's count of contacts per organisation.

    ``per_organization(table)`` is called with the export at ``path`` as read by
    :func:`coffeechat.io.read_linkedin_table`, and must return one count per
    company (largest first) leaving out connections with no company.

    Raises
    ------
    CheckFailed
        Naming an organisation whose count is wrong or missing.
    """
    table = _reference_table(path)
    mine = _as_counts(
        call(per_organization, [table.copy()], "contacts_per_organization"),
        "contacts_per_organization",
    )
    expected = _organization_counts(table)
    _compare_counts(mine, expected, "company", "In your LinkedIn export")
    top, count = expected.most_common(1)[0]
    passed(f"Right: {len(expected)} organisations; the most contacts ({count}) are at {top}.")


def _check_families(families: object) -> Mapping[str, Sequence[str]]:
    if not isinstance(families, Mapping) or not families:
        raise CheckFailed(
            "ROLE_FAMILIES should be the dictionary given above the exercise "
            "(family name -> list of key words); run that cell again."
        )
    return families


def check_role_family(
    role_family: Callable[[Any, Any], Any],
    families: Mapping[str, Sequence[str]],
    path: str | os.PathLike[str],
) -> None:
    """Check a learner's ``role_family(position, families)`` on every position.

    The family of a position is the first family (in the order of
    ``families``) one of whose key words is a word of the position, ignoring
    case and punctuation; a position matching no family, or no position at all,
    is ``"other"``.

    Raises
    ------
    CheckFailed
        Naming a position and the family it belongs to.
    """
    families = _check_families(families)
    table = _reference_table(path)
    positions = list(dict.fromkeys(table["Position"].tolist()))
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
        got = call(role_family, [position, dict(families)], f"role_family({position!r}, ...)")
        if got != want:
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
            raise CheckFailed(
                f"{where}: the position {position!r} belongs to {want!r} ({why}), "
                f"but your role_family says {got!r}."
            )


def check_role_family_counts(
    per_role_family: Callable[[pd.DataFrame, Any], Any],
    families: Mapping[str, Sequence[str]],
    path: str | os.PathLike[str],
) -> None:
    """Check a learner's ``contacts_per_role_family(table, families)``.

    It must count every connection once, under the family of its position
    (``"other"`` included), largest first.

    Raises
    ------
    CheckFailed
        Naming a family whose count is wrong or missing.
    """
    families = _check_families(families)
    table = _reference_table(path)
    _compare_family_counts(per_role_family, families, table, "In your LinkedIn export")
    passed("contacts_per_role_family counts every contact once, in the right family.")


def _compare_family_counts(
    per_role_family: Callable[[pd.DataFrame, Any], Any],
    families: Mapping[str, Sequence[str]],
    table: pd.DataFrame,
    where: str,
) -> None:
    name = "contacts_per_role_family"
    mine = _as_counts(call(per_role_family, [table.copy(), dict(families)], name), name)
    expected = Counter(_reference_role_family(p, families) for p in table["Position"])
    if sum(mine.values()) != len(table):
        raise CheckFailed(
            f"{where}: your counts add up to {sum(mine.values())}, but there are "
            f"{len(table)} contacts; each belongs to exactly one family "
            f"({_OTHER!r} included)."
        )
    _compare_counts(mine, expected, "role family", where)


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


def check_summary_edge_cases(
    per_organization: Callable[[pd.DataFrame], Any],
    role_family: Callable[[Any, Any], Any],
    per_role_family: Callable[[pd.DataFrame, Any], Any],
) -> None:
    """Check the part (b) functions on an awkward export and other families.

    The export has blank companies and positions, a company with a comma in
    its name, upper case and punctuation in positions; the families dictionary
    is not the one in the notebook.

    Raises
    ------
    CheckFailed
        Naming the awkward case that was not handled.
    """
    table = _edge_case_table()
    where = "In a small export with blank and unusual values"
    mine = _as_counts(
        call(per_organization, [table.copy()], "contacts_per_organization"),
        "contacts_per_organization",
    )
    _compare_counts(mine, _organization_counts(table), "company", where)
    _compare_families(role_family, _EDGE_FAMILIES, table["Position"].tolist(), where)
    _compare_family_counts(per_role_family, _EDGE_FAMILIES, table, where)
    passed("Your summaries cope with blank, unusual and upper-case values.")


# ------------------------------------------------ parts (c) and (d): search
def contact_lists(network: Network) -> dict[str, list[str]]:
    """Each person's id mapped to the ids of the people they know, strongest tie first.

    This is the plain structure the assignment's search functions work on.

    Examples
    --------
    >>> contact_lists(practice_network())["me"]
    ['ana', 'dee']
    """
    return {person: network.neighbors(person) for person in network.people["id"]}


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
    return " \N{RIGHTWARDS ARROW} ".join(_name(network, p) for p in chain)


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
        raise CheckFailed(f"{source!r} is not anyone in this network.")
    return source


def check_degrees(
    degrees: Callable[[Any, Any], Any], network: Network, source: str | None = None
) -> None:
    """Check a learner's breadth-first search for degrees of separation.

    ``degrees(contacts, source)`` is called with :func:`contact_lists` of the
    small :func:`practice_network` and then of ``network``; it must map every
    person reachable from ``source`` (``source`` itself included, at 0) to the
    number of ties on a shortest chain to them, and leave out everyone else.
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
    for net, start in ((_PRACTICE, "me"), (network, _source(network, source))):
        _compare_degrees(degrees, net, start)
    passed(
        f"Your search finds the right number of ties to all "
        f"{len(_distances(network, _source(network, source)))} people you can reach."
    )


def _compare_degrees(degrees: Callable[[Any, Any], Any], network: Network, source: str) -> None:
    where = _label(network)
    result = call(
        degrees,
        [fresh(contact_lists(network)), source],
        f"degrees_of_separation(contacts, {source!r})",
    )
    if not isinstance(result, Mapping):
        raise CheckFailed(
            f"{where}, degrees_of_separation should return a dict that maps each "
            f"person's id to a number of ties, but it returned a "
            f"{type(result).__name__}."
        )
    expected = _distances(network, source)
    strangers = [p for p in result if p not in network]
    if strangers:
        raise CheckFailed(
            f"{where}, your answer has {listing([repr(s) for s in strangers])}, "
            "who is not anyone in the network; use the ids in contacts."
        )
    if result.get(source) != 0:
        raise CheckFailed(
            f"{where}, {_name(network, source)} should be 0 ties from "
            f"{'yourself' if source == network.me else 'themselves'}, but your "
            f"answer says {result.get(source, 'nothing')!r}. Put the source in "
            "the answer at 0 before the search starts."
        )
    unreachable = [p for p in result if p not in expected]
    if unreachable:
        who = unreachable[0]
        raise CheckFailed(
            f"{where}, {_name(network, who)} cannot be reached from "
            f"{_name(network, source)} (no chain of ties leads there), so leave them "
            f"out; your answer gives them {result[who]!r}."
        )
    missing = sorted((p for p in expected if p not in result), key=lambda p: (expected[p], p))
    if missing:
        first = missing[0]
        raise CheckFailed(
            f"{where}, your answer leaves out "
            f"{plural(len(missing), 'person', 'people')} you can reach, for example "
            f"{_name(network, first)} ({plural(expected[first], 'tie')} away: "
            f"{_chain_text(network, _a_shortest_chain(network, source, first))}). "
            "Keep taking people from the queue until it is empty."
        )
    wrong = sorted(
        (p for p in expected if result[p] != expected[p]), key=lambda p: (expected[p], p)
    )
    if wrong:
        first = wrong[0]
        offsets = {result[p] - expected[p] for p in wrong if isinstance(result[p], int | float)}
        hint = "Breadth-first search reaches everyone at distance 1 before anyone at 2."
        if offsets == {1} and len(wrong) == len(expected) - 1:
            hint = "Every number is one too big: count ties (handshakes), not people."
        elif offsets == {-1} and len(wrong) == len(expected) - 1:
            hint = "Every number is one too small: count ties (handshakes), not people."
        raise CheckFailed(
            f"{where}, {_name(network, first)} is {plural(expected[first], 'tie')} from "
            f"{_name(network, source)} "
            f"({_chain_text(network, _a_shortest_chain(network, source, first))}), "
            f"but your answer says {result[first]!r}. {hint}"
        )


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
        Also require that no chain has fewer ties.

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
        raise CheckFailed(
            f"A chain should be a list of person ids, such as [{source!r}, ...], "
            f"but this is a {type(chain).__name__}."
        )
    if not chain:
        raise CheckFailed(
            f"This chain is empty; it should start with {_name(network, source)} ({source!r})."
        )
    strangers = [p for p in chain if p not in network]
    if strangers:
        raise CheckFailed(f"{strangers[0]!r} in this chain is not anyone in the network.")
    if chain[0] != source:
        raise CheckFailed(
            f"A chain starts with {_name(network, source)} ({source!r}), but this one "
            f"starts with {_name(network, chain[0])}."
        )
    if target is not None and chain[-1] != target:
        raise CheckFailed(
            f"This chain should end with {_name(network, target)} ({target!r}), but "
            f"it ends with {_name(network, chain[-1])}."
        )
    seen: set[object] = set()
    for person in chain:
        if person in seen:
            raise CheckFailed(
                f"{_name(network, person)} appears twice in this chain; a chain never "
                "needs to visit anyone twice."
            )
        seen.add(person)
    for a, b in zip(chain, chain[1:], strict=False):
        if network.tie(a, b) is None:
            first = _name(network, a)
            raise CheckFailed(
                f"{first[0].upper() + first[1:]} and {_name(network, b)} do not know "
                "each other, so this chain skips a tie."
            )
    if shortest:
        best = _a_shortest_chain(network, source, chain[-1])
        if len(best) < len(chain):
            raise CheckFailed(
                f"This chain to {_name(network, chain[-1])} has "
                f"{plural(len(chain) - 1, 'tie')}, but a chain of "
                f"{plural(len(best) - 1, 'tie')} exists "
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


def check_shortest_chains(
    chain: Callable[[Any, Any, Any], Any],
    network: Network,
    source: str | None = None,
    targets: Sequence[str] | None = None,
) -> None:
    """Check a learner's ``shortest_chain(contacts, source, target)``.

    It must return a list of ids from ``source`` to ``target`` with as few ties
    as possible (just ``[source]`` when they are the same person), or None
    when no chain exists. It is tried on every person of the practice network
    and on a few people of ``network`` (the farthest one among them).

    Raises
    ------
    CheckFailed
        Naming the target and what is wrong with the chain.
    """
    start = _source(network, source)
    plan = [(_PRACTICE, "me", _chain_targets(_PRACTICE, "me", every=True))]
    plan.append((network, start, list(targets) if targets else _chain_targets(network, start)))
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
                if result is None or list(result) != [begin]:
                    raise CheckFailed(
                        f"{where}, the chain from {_name(net, begin)} to "
                        f"{'yourself' if begin == net.me else 'themselves'} is just "
                        f"[{begin!r}], but your function returned {result!r}."
                    )
                continue
            if end not in reach:
                if result is not None:
                    raise CheckFailed(
                        f"{where}, nobody {_name(net, begin)} can reach knows "
                        f"{_name(net, end)}, so there is no chain: return None "
                        f"(your function returned {result!r})."
                    )
                continue
            if result is None:
                best = _chain_text(net, _a_shortest_chain(net, begin, end))
                raise CheckFailed(
                    f"{where}, your function found no chain to {_name(net, end)}, but "
                    f"there is one: {best}."
                )
            try:
                check_chain(net, result, begin, end, shortest=True)
            except CheckFailed as err:
                raise CheckFailed(
                    f"{where}, the chain your function gives to {_name(net, end)} "
                    f"({_chain_text(net, list(result))}) is not right: {err}"
                ) from None
    passed(
        "shortest_chain finds a shortest chain of real ties every time, and None when "
        "there is none."
    )


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
    introductions (a chain of at most three ties), the number of introductions
    needed: 0 for someone ``source`` already knows, 1 or 2 otherwise.

    Parameters
    ----------
    within_two : callable
        The learner's function.
    network : Network
    organization : str, optional
        The target organisation; by default the three organisations with the
        most people in ``network`` are each tried in turn.
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
    else:
        organizations = [organization]
    for net, begin, targets in (
        (_PRACTICE, "me", ["Borealis Labs"]),
        (network, start, organizations),
    ):
        for target in targets:
            _compare_within_two(within_two, net, begin, target)
    passed(
        "within_two_introductions finds exactly the people you can meet with at most "
        "two introductions."
    )


def _compare_within_two(
    within_two: Callable[[Any, Any, Any], Any], network: Network, source: str, organization: str
) -> None:
    colleagues = set(network.match(organization=organization))
    if not colleagues:
        raise CheckFailed(f"Nobody in this network works at {organization!r}; check the name.")
    where = f"{_label(network)}, for {organization}"
    result = call(
        within_two,
        [fresh(contact_lists(network)), source, set(colleagues)],
        "within_two_introductions(contacts, source, colleagues)",
    )
    if not isinstance(result, Mapping):
        raise CheckFailed(
            f"{where}: within_two_introductions should return a dict that maps each "
            "person's id to the number of introductions needed, but it returned a "
            f"{type(result).__name__}."
        )
    reach = _distances(network, source, cutoff=3)
    expected = {p: reach[p] - 1 for p in colleagues if p in reach and p != source}
    for person in result:
        if person not in colleagues:
            raise CheckFailed(
                f"{where}: your answer includes {_name(network, person)}, who does not "
                f"work at {organization}."
            )
        if person == source:
            raise CheckFailed(
                f"{where}: leave {_name(network, source)} out; nobody needs an "
                "introduction to themselves."
            )
        if person not in expected:
            far = _distances(network, source).get(person)
            how = (
                "cannot be reached at all"
                if far is None
                else f"needs {plural(far - 1, 'introduction')}"
            )
            raise CheckFailed(f"{where}: {_name(network, person)} {how}, so leave them out.")
    for person in sorted(expected, key=lambda p: (expected[p], p)):
        chain = _chain_text(network, _a_shortest_chain(network, source, person))
        if person not in result:
            raise CheckFailed(
                f"{where}: {_name(network, person)} works at {organization} and "
                f"needs {plural(expected[person], 'introduction')} ({chain}), but "
                "your answer leaves them out."
            )
        if result[person] != expected[person]:
            raise CheckFailed(
                f"{where}: {_name(network, person)} needs "
                f"{plural(expected[person], 'introduction')} ({chain}), but your "
                f"answer says {result[person]!r}. "
                "Someone you already know needs 0."
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
        ),
        Part(
            "c",
            "Degrees of separation",
            (
                GradedTest("part-c-degrees", 3, "check_degrees(degrees_of_separation, network)"),
                GradedTest("part-c-chains", 2, "check_shortest_chains(shortest_chain, network)"),
                GradedTest("part-c-hidden", 2),
            ),
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
        ),
    ),
)
