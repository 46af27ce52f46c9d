"""Assignment 1, part (b): summarising the export (organisations, role families), and its checks."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from coffeechat.checks._core import (
    Earlier,
    blame_earlier,
    blank,
    blanks_as_empty,
    blanks_as_nan,
    brief,
    checked,
    expect_type,
    fail,
    listing,
    passed,
    passes_one_of,
    plural,
)
from coffeechat.checks._inputs import call_on_copies
from coffeechat.checks.ps01._export import cell_text, learners_table, reference_table, short_join
from coffeechat.errors import CheckFailed

_OTHER = "other"


# --------------------------------------------------- part (b): summarising
def _reference_role_family(position: object, families: Mapping[str, Sequence[str]]) -> str:
    words = set(re.findall(r"[a-z0-9]+", cell_text(position).lower()))
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


def _reads_only(function: Callable[..., Any], table: pd.DataFrame, name: str, *rest: Any) -> None:
    """Fail if ``function`` changes the table (or families) it is given, blanks NaN or ``''``.

    Its answer was checked already, perhaps on the other kind of blanks:
    changing the input is a mistake of its own, which a right answer on the
    other kind must not hide. A call that stops is left to the answer's check.
    """
    params = ["table", "families"][: 1 + len(rest)]
    for given in (blanks_as_nan(table), blanks_as_empty(table)):
        try:
            call_on_copies(function, [given, *rest], name, params)
        except CheckFailed as err:
            if err.__cause__ is None:  # it returned, but changed what it was given
                raise


def _organization_counts(table: pd.DataFrame) -> Counter[str]:
    return Counter(cell_text(v) for v in table["Company"] if not blank(v))


def _compare_organizations(
    per_organization: Callable[[pd.DataFrame], Any], table: pd.DataFrame, where: str
) -> None:
    """Pass if the counts are right with blanks as NaN (what learners see) or as ''."""
    name = "contacts_per_organization"
    expected = _organization_counts(table)

    def attempt(given: pd.DataFrame) -> None:
        mine = _as_counts(call_on_copies(per_organization, [given], name, ["table"]), name)
        _compare_counts(mine, expected, "company", where)

    passes_one_of(lambda: attempt(blanks_as_nan(table)), lambda: attempt(blanks_as_empty(table)))
    _reads_only(per_organization, table, name)


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
    table = reference_table(path)
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
    positions = list(dict.fromkeys(learners_table(path)["Position"].tolist()))
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
            got = call_on_copies(
                role_family,
                [position, dict(families)],
                f"role_family({shown}, ...)",
                ["position", "families"],
            )
        except CheckFailed as err:
            if blank(position) and "stopped with" in str(err):
                hint = (
                    "A blank position arrives as NaN, which is not a string: "
                    "return 'other' for it first."
                )
                raise CheckFailed(short_join(str(err), hint)) from err.__cause__
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
                if str(k).lower() in re.findall(r"[a-z0-9]+", cell_text(position).lower())
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
    table = reference_table(path)
    where = "In your LinkedIn export"
    positions = list(dict.fromkeys(learners_table(path)["Position"].tolist()))
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
        mine = _as_counts(
            call_on_copies(per_role_family, [given, dict(families)], name, ["table", "families"]),
            name,
        )
        if sum(mine.values()) != len(table):
            fail(
                f"{where}: your counts add up to {sum(mine.values())}, but there are "
                f"{len(table)} contacts; each belongs to exactly one family "
                f"({_OTHER!r} included)."
            )
        _compare_counts(mine, expected, "role family", where)

    passes_one_of(lambda: attempt(blanks_as_nan(table)), lambda: attempt(blanks_as_empty(table)))
    _reads_only(per_role_family, table, name, dict(families))


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
