"""What every contact-file reader shares: a CSV table with its lines, ids made
from names, and the learner's address book built from the rows read.

The readers themselves are in :mod:`coffeechat.io`.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from io import StringIO
from typing import Literal

import numpy as np
import pandas as pd

from coffeechat._tables import (
    Lines,
    Origin,
    Problems,
    Records,
    csv_records,
    load_text,
)
from coffeechat.contacts import (
    DEFAULT_STRENGTH,
    Network,
    build_network,
)
from coffeechat.errors import ContactDataError, InvalidParameter

Errors = Literal["raise", "skip"]
PathLike = str | os.PathLike

#: The kind a vCard or Google contact gets when the file does not say.
ADDRESS_BOOK_KIND = "acquaintance"

# ------------------------------------------------------------------ locations


def load_contact_text(path: object, encoding: str | None, expected: str) -> tuple[str, str]:
    return load_text(path, encoding, expected, ContactDataError)


def check_me_name(me_name: object) -> str:
    if not isinstance(me_name, str) or not me_name.strip():
        raise InvalidParameter(f"me_name must be a non-empty name, not {me_name!r}")
    return me_name.strip()


# ------------------------------------------------------------------ CSV tables


def contact_records(text: str, shown: str, problem: Problems) -> Records:
    return csv_records(text, shown, problem, ContactDataError)


def read_records(path: object, encoding: str | None, problem: Problems) -> Records:
    """The records of a CSV file that must have at least a header row."""
    shown, text = load_contact_text(path, encoding, "CSV")
    return records_with_header(text, shown, problem)


def records_with_header(text: str, shown: str, problem: Problems) -> Records:
    records = contact_records(text, shown, problem)
    if not records.rows:
        # only unreadable lines: with errors="skip" they were set aside, but there is no table
        if problem.found:
            raise problem.found[0]
        raise ContactDataError("the file has no header row, only empty values", path=shown)
    return records


@dataclass
class Table:
    """A CSV table: header names, rows (padded to the header) and their lines."""

    path: str
    header_line: int
    columns: list[str]
    frame: pd.DataFrame
    lines: np.ndarray

    def missing(self, column: str, note: str = "") -> ContactDataError:
        have = ", ".join(repr(c) for c in self.columns) or "none"
        return ContactDataError(
            f"this column is missing{note} (the header has: {have})",
            path=self.path,
            line=self.header_line,
            column=column,
        )

    def keep(self, mask: np.ndarray) -> None:
        """Keep only the rows where ``mask`` is true."""
        if not mask.all():
            self.frame = self.frame[mask].reset_index(drop=True)
            self.lines = self.lines[mask]

    def text(self, column: str) -> np.ndarray:
        """A column's values with spaces trimmed; empty strings if there is no such column."""
        if column not in self.frame.columns:
            return np.full(len(self.frame), "", dtype=object)
        return np.array([v.strip() for v in self.frame[column]], dtype=object)


def table_at(records: Records, header_at: int, problem: Problems) -> Table:
    """Turn records into a table whose header is record ``header_at``."""
    shown = records.path
    header = [h.strip() for h in records.rows[header_at]]
    header_line = records.lines[header_at]
    seen: dict[str, int] = {}
    for name in header:
        if name and name in seen:
            raise ContactDataError(
                f"column {name!r} appears twice in the header",
                path=shown,
                line=header_line,
                column=name,
            )
        seen[name] = 1
    rows = records.rows[header_at + 1 :]
    lines = np.frombuffer(records.lines, dtype=np.int64)[header_at + 1 :].copy()
    width = len(header)
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    keep = np.ones(len(rows), dtype=bool)
    for pos in np.flatnonzero(lengths != width):
        row = rows[pos]
        if len(row) < width:
            rows[pos] = row + [""] * (width - len(row))
        elif any(v.strip() for v in row[width:]):
            problem(
                ContactDataError(
                    f"this row has {len(row)} values but the header has {width} columns; "
                    "put quotes around a value that contains a comma",
                    path=shown,
                    line=int(lines[pos]),
                )
            )
            keep[pos] = False
        else:
            rows[pos] = row[:width]
    if not keep.all():
        rows = [row for row, k in zip(rows, keep, strict=True) if k]
        lines = lines[keep]
    names = [name or f"\x00{i}" for i, name in enumerate(header)]
    frame = pd.DataFrame(rows, columns=names, dtype=object) if rows else empty_frame(names)
    for i, name in enumerate(header):
        if name:
            continue
        column = frame[names[i]]
        filled = np.flatnonzero([bool(v.strip()) for v in column])
        if len(filled):
            raise ContactDataError(
                f"the value {column.iloc[filled[0]]!r} is in column {i + 1}, "
                "which has no name in the header",
                path=shown,
                line=int(lines[filled[0]]),
            )
        frame = frame.drop(columns=names[i])
    return Table(shown, header_line, [h for h in header if h], frame, lines)


def quick_table(text: str, shown: str) -> Table | None:
    """Read plain CSV text with pandas' fast parser; None when it needs the careful one.

    Without quotes and carriage returns every line is one row, so each row's
    line number is known without parsing. Anything unusual (a row too long, a
    header with a repeated or empty name) is left to :func:`table_at`, which
    reports it.
    """
    if '"' in text or "\r" in text:
        return None
    physical = text.split("\n")
    filled = [i for i, line in enumerate(physical) if line.replace(",", "").strip()]
    if not filled:
        return None
    header = [h.strip() for h in physical[filled[0]].split(",")]
    if "" in header or len(set(header)) != len(header):
        return None
    try:
        frame = pd.read_csv(
            StringIO("\n".join([physical[i] for i in filled])),
            header=None,
            dtype=object,
            na_filter=False,
            quoting=csv.QUOTE_NONE,
            skip_blank_lines=False,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError):
        return None
    if frame.shape != (len(filled), len(header)):
        return None
    frame = frame.iloc[1:].reset_index(drop=True)
    frame.columns = header
    lines = np.array(filled[1:], dtype=np.int64) + 1
    return Table(shown, filled[0] + 1, header, frame, lines)


def empty_frame(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})


def first_value(values: np.ndarray) -> np.ndarray:
    """The first of several values joined by ``' ::: '`` (Google's separator)."""
    return np.array([v.split(":::")[0].strip() for v in values], dtype=object)


# ------------------------------------------------------------------ ids


_TRANSLITERATE = str.maketrans(
    {"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "ł": "l",
     "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)  # fmt: skip


def slug(name: str) -> str:
    """A lower-case id made of a name's letters: ``'Zoë Lefèvre'`` -> ``'zoe-lefevre'``."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATE))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return re.sub(r"[\W_]+", "-", plain).strip("-") or "contact"


def unique_ids(names: Sequence[str], reserved: set[str]) -> list[str]:
    """Ids from names, with ``-2``, ``-3``... added when a name repeats."""
    used = set(reserved)
    last_number: dict[str, int] = {}
    ids = []
    for name in names:
        base = slug(name)
        candidate, n = base, last_number.get(base, 1)
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        last_number[base] = n
        used.add(candidate)
        ids.append(candidate)
    return ids


def address_book(
    table_lines: np.ndarray,
    people: dict[str, Sequence[object]],
    kinds: Sequence[str],
    met_on: Sequence[object] | None,
    me: str,
    me_name: str,
    shown: str,
    problem: Problems,
    errors: Errors,
) -> Network:
    """A network of the learner and one first-degree tie to each person listed."""
    ids = unique_ids([str(n) for n in people["name"]], {me})
    n = len(ids)
    people_frame = pd.DataFrame({"id": [me, *ids], "name": [me_name, *people["name"]]})
    for column, values in people.items():
        if column != "name":
            people_frame[column] = ["", *values]
    ties_frame = pd.DataFrame(
        {
            "source": [me] * n,
            "target": ids,
            "strength": [DEFAULT_STRENGTH[k] for k in kinds],
            "kind": list(kinds),
            "met_on": list(met_on) if met_on is not None else [None] * n,
        }
    )
    lines = np.asarray(table_lines, dtype=np.int64)
    return build_network(
        people_frame.astype(object),
        ties_frame,
        me=me,
        errors=errors,
        people_origin=Origin("people", shown, Lines(np.append(0, lines))),
        ties_origin=Origin("ties", shown, Lines(lines)),
        earlier=problem.found,
    )
