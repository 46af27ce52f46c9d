"""Assignment 1, part (a): loading a LinkedIn export, and its checks."""

from __future__ import annotations

import os
import random
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from coffeechat.checks._core import (
    blank,
    blanks_as_nan,
    brief,
    call,
    checked,
    fail,
    listing,
    passed,
    short,
)
from coffeechat.errors import CheckFailed

_NAME_COLUMNS = ["First Name", "Last Name"]


# ------------------------------------------------------ part (a): the export
def reference_table(path: str | os.PathLike[str]) -> pd.DataFrame:
    from coffeechat.io import read_linkedin_table

    return read_linkedin_table(path)


def learners_table(path: str | os.PathLike[str]) -> pd.DataFrame:
    """The export as a learner's ``pd.read_csv`` gives it: blank cells are NaN."""
    return blanks_as_nan(reference_table(path))


def cell_text(value: object) -> str:
    if blank(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value).strip()


def _person_label(row: Mapping[str, object]) -> str:
    return f"{cell_text(row['First Name'])} {cell_text(row['Last Name'])}".strip()


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
        text = pd.DataFrame({c: [cell_text(v) for v in table[c]] for c in columns})
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
            if cell_text(theirs) != row[column]:
                advice = ""
                if column == "Email Address" and cell_text(theirs).lower() == "nan":
                    advice = " An empty email should stay empty, not become the text 'nan'."
                elif column == "Connected On":
                    advice = " Read dates like '12 Mar 2024' with format='%d %b %Y'."
                fail(
                    f"{where}: for {_person_label(row)}, your {column!r} is "
                    f"{cell_text(theirs)!r} but the export says {row[column]!r}.{advice}"
                )
        fail(f"{where}: the {column!r} column does not match the export.")


@checked
def check_connections_table(
    table: object, path: str | os.PathLike[str], load: Callable[[Any], Any] | None = None
) -> None:
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
    load : callable, optional
        The learner's ``load_connections``. When the table is wrong but the
        function, called again, gets it right, a line run since changed the
        table (a later part's function that changes its input, say), and
        the message says so instead of blaming the loader.

    Raises
    ------
    CheckFailed
        Naming the first problem: a missing column, missing or extra people,
        dates left as text, a value that differs from the export, or a table
        changed since it was loaded.
    """
    expected = reference_table(path)
    try:
        _compare_tables(table, expected, "Your table")
    except CheckFailed:
        if load is not None and _loads(load, Path(path)):
            fail(
                "`connections` is no longer what load_connections gives: a line you ran since "
                "changed it, perhaps a function that changes the table it is given. Run the "
                "cell of part (a) again, then this one."
            )
        raise
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
                _compare_tables(mine, reference_table(variant), f"On {label}")
            except CheckFailed as err:
                hint = next((h for key, h in _VARIANT_HINTS.items() if key in label), "")
                if hint and hint not in str(err) and _loads(load, Path(path)):
                    raise CheckFailed(short_join(str(err), hint)) from err.__cause__
                raise
    passed(f"Your loader copes with {len(variants)} other shapes of LinkedIn export.")


def _loads(load: Callable[[Any], Any], path: Path) -> bool:
    """Whether the loader gets the export at ``path`` itself right (so a variant is the cause)."""
    try:
        _compare_tables(call(load, [path], "load_connections"), reference_table(path), "")
    except CheckFailed:
        return False
    return True


def short_join(message: str, hint: str) -> str:
    """``message`` then ``hint``, the message shortened so both fit one check's message."""
    from coffeechat.checks._core import MESSAGE_LIMIT

    room = MESSAGE_LIMIT - len(hint) - 1
    return f"{short(message, room)} {hint}"
