"""Read contact data from files, and write a network back out.

Every importer returns a :class:`~coffeechat.contacts.Network` whose learner is
the person with id ``"me"``. The formats are:

* a pair of plain CSV files, one of people and one of ties
  (:func:`read_csv`, :func:`write_csv`);
* LinkedIn's ``Connections.csv`` data export (:func:`read_linkedin`,
  :func:`read_linkedin_table`);
* vCard files, versions 4.0, 3.0 and 2.1 (:func:`read_vcard`);
* Google Contacts' CSV export (:func:`read_google_csv`).

Files are read as UTF-8 (a byte-order mark is allowed, and so is UTF-16 with
its byte-order mark). A file in another encoding is refused with the line and
byte at fault; pass ``encoding=`` (for instance ``"cp1252"`` for a file saved
by an older Windows program) to read it anyway.

Bad input never ends in a bare ``KeyError`` or ``UnicodeDecodeError``: every
problem is a :class:`~coffeechat.errors.ContactDataError` whose message names
the file, the line (the real line in the file, counting any notes above the
header and any quoted values that run over several lines), the column and the
problem. With ``errors="skip"`` bad rows are left out instead, and each one is
listed, with its reason, in :attr:`Network.skipped`.

Examples
--------
>>> from coffeechat.datasets import sample_path
>>> net = read_linkedin(sample_path("Connections.csv"), me_name="Alex Moreno")
>>> net.person("zoe-lefevre").describe()
'Zoë Lefèvre, Junior UX Researcher at Brindlewood Learning'
>>> net.tie("me", "zoe-lefevre").kind
'online'
"""

from __future__ import annotations

import base64
import binascii
import csv
import difflib
import os
import quopri
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from io import StringIO
from typing import Literal

import numpy as np
import pandas as pd

from coffeechat._args import output_path
from coffeechat._tables import (
    DATE_FORMATS,
    Lines,
    Origin,
    Problems,
    Records,
    check_errors,
    column_name,
    csv_records,
    load_text,
    parse_date,
)
from coffeechat.contacts import (
    DEFAULT_STRENGTH,
    PERSON_COLUMNS,
    TIE_COLUMNS,
    TIE_KINDS,
    Network,
    build_network,
    normalize_kind,
)
from coffeechat.errors import ContactDataError, InvalidParameter

__all__ = [
    "LINKEDIN_COLUMNS",
    "read_csv",
    "read_google_csv",
    "read_linkedin",
    "read_linkedin_table",
    "read_vcard",
    "write_csv",
]

_Errors = Literal["raise", "skip"]
_PathLike = str | os.PathLike

#: The kind every LinkedIn connection gets (see read_linkedin).
_LINKEDIN_KIND = "online"
#: The kind a vCard or Google contact gets when the file does not say.
_ADDRESS_BOOK_KIND = "acquaintance"

# ------------------------------------------------------------------ locations


def _load_text(path: object, encoding: str | None, expected: str) -> tuple[str, str]:
    return load_text(path, encoding, expected, ContactDataError)


def _check_me_name(me_name: object) -> str:
    if not isinstance(me_name, str) or not me_name.strip():
        raise InvalidParameter(f"me_name must be a non-empty name, not {me_name!r}")
    return me_name.strip()


# ------------------------------------------------------------------ CSV tables


def _csv_records(text: str, shown: str, problem: Problems) -> Records:
    return csv_records(text, shown, problem, ContactDataError)


def _read_records(path: object, encoding: str | None, problem: Problems) -> Records:
    """The records of a CSV file that must have at least a header row."""
    shown, text = _load_text(path, encoding, "CSV")
    return _records_with_header(text, shown, problem)


def _records_with_header(text: str, shown: str, problem: Problems) -> Records:
    records = _csv_records(text, shown, problem)
    if not records.rows:
        # only unreadable lines: with errors="skip" they were set aside, but there is no table
        if problem.found:
            raise problem.found[0]
        raise ContactDataError("the file has no header row, only empty values", path=shown)
    return records


@dataclass
class _Table:
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


def _table(records: Records, header_at: int, problem: Problems) -> _Table:
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
    frame = pd.DataFrame(rows, columns=names, dtype=object) if rows else _empty(names)
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
    return _Table(shown, header_line, [h for h in header if h], frame, lines)


def _quick_table(text: str, shown: str) -> _Table | None:
    """Read plain CSV text with pandas' fast parser; None when it needs the careful one.

    Without quotes and carriage returns every line is one row, so each row's
    line number is known without parsing. Anything unusual (a row too long, a
    header with a repeated or empty name) is left to :func:`_table`, which
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
    return _Table(shown, filled[0] + 1, header, frame, lines)


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})


def _first_value(values: np.ndarray) -> np.ndarray:
    """The first of several values joined by ``' ::: '`` (Google's separator)."""
    return np.array([v.split(":::")[0].strip() for v in values], dtype=object)


# ------------------------------------------------------------------ ids


_TRANSLITERATE = str.maketrans(
    {"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "ł": "l",
     "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)  # fmt: skip


def _slug(name: str) -> str:
    """A lower-case id made of a name's letters: ``'Zoë Lefèvre'`` -> ``'zoe-lefevre'``."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATE))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return re.sub(r"[\W_]+", "-", plain).strip("-") or "contact"


def _unique_ids(names: Sequence[str], reserved: set[str]) -> list[str]:
    """Ids from names, with ``-2``, ``-3``... added when a name repeats."""
    used = set(reserved)
    last_number: dict[str, int] = {}
    ids = []
    for name in names:
        base = _slug(name)
        candidate, n = base, last_number.get(base, 1)
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        last_number[base] = n
        used.add(candidate)
        ids.append(candidate)
    return ids


def _address_book(
    table_lines: np.ndarray,
    people: dict[str, Sequence[object]],
    kinds: Sequence[str],
    met_on: Sequence[object] | None,
    me: str,
    me_name: str,
    shown: str,
    problem: Problems,
    errors: _Errors,
) -> Network:
    """A network of the learner and one first-degree tie to each person listed."""
    ids = _unique_ids([str(n) for n in people["name"]], {me})
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


# ------------------------------------------------------------------ generic CSV

_COLUMN_ALIASES = {"organisation": "organization"}


def _plain_table(
    path: object,
    what: str,
    columns: Sequence[str],
    required: Sequence[str],
    encoding: str | None,
    problem: Problems,
) -> _Table:
    shown, text = _load_text(path, encoding, "CSV")
    table = _quick_table(text, shown)
    if table is None:
        table = _table(_records_with_header(text, shown, problem), 0, problem)
    renamed = {}
    for name in table.columns:
        renamed[name] = column_name(name, _COLUMN_ALIASES)
    if len(set(renamed.values())) == len(renamed):
        table.frame = table.frame.rename(columns=renamed)
        table.columns = [renamed[c] for c in table.columns]
    for column in required:
        if column not in table.columns:
            raise table.missing(column, f" from the {what} table")
    for column in table.columns:
        if column not in columns:
            close = difflib.get_close_matches(column, columns, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; use {', '.join(columns)}"
            raise ContactDataError(
                f"unknown column {column!r} in the {what} table{hint}",
                path=shown,
                line=table.header_line,
                column=column,
            )
    return table


def read_csv(
    people_path: _PathLike,
    ties_path: _PathLike,
    me: str = "me",
    *,
    errors: _Errors = "raise",
    encoding: str | None = None,
) -> Network:
    """Read a network from a people CSV file and a ties CSV file.

    The people file has one row a person, with the columns of
    :attr:`Network.people <coffeechat.contacts.Network.people>`: ``id`` and
    ``name`` are required; ``organization, role, industry, location, school,
    email, tags`` are optional (``tags`` separated by ``;``). The ties file has
    one row a tie: ``source`` and ``target`` (person ids) are required;
    ``strength`` (in (0, 1]), ``kind``, ``met_on`` and ``last_contact`` (dates
    such as ``2024-03-12``) are optional. Column names ignore case and spaces
    (``Met On`` is ``met_on``); a column with any other name is an error, so
    that a misspelt column is never quietly ignored.

    Parameters
    ----------
    people_path, ties_path : str or os.PathLike
        The two files, as written by :func:`write_csv`.
    me : str
        The learner's id; the people file must have a row with it.
    errors : {"raise", "skip"}
        ``"raise"`` stops at the first bad row; ``"skip"`` leaves bad rows
        out and lists them in :attr:`Network.skipped`.
    encoding : str, optional
        The files' text encoding when it is not UTF-8.

    Returns
    -------
    Network

    Raises
    ------
    ContactDataError
        For a missing file, a file that is not CSV text, a missing or unknown
        column, a duplicate id, a strength outside (0, 1], a tie to an unknown
        person or to the person itself, a date that cannot be read, and so
        on, naming the file, the line and the column.

    Examples
    --------
    >>> from coffeechat.datasets import sample_path
    >>> net = read_csv(sample_path("people.csv"), sample_path("ties.csv"))
    >>> net.person("me").name
    'Alex Moreno'
    >>> net.tie("me", "lucia-moreno").describe()
    'family, strong tie'
    """
    errors = check_errors(errors)
    if not isinstance(me, str) or not me.strip():
        raise InvalidParameter(f"me must be the learner's id, not {me!r}")
    problem = Problems(errors)
    people = _plain_table(people_path, "people", PERSON_COLUMNS, ("id", "name"), encoding, problem)
    ties = _plain_table(ties_path, "ties", TIE_COLUMNS, ("source", "target"), encoding, problem)
    if me not in set(people.text("id")):
        raise ContactDataError(
            f"no row has the id {me!r}: add a row for yourself (the learner), or pass me=<your id>",
            path=people.path,
            column="id",
        )
    return build_network(
        people.frame,
        ties.frame,
        me=me,
        errors=errors,
        people_origin=Origin("people", people.path, Lines(people.lines)),
        ties_origin=Origin("ties", ties.path, Lines(ties.lines)),
        earlier=problem.found,
    )


def write_csv(network: Network, people_path: _PathLike, ties_path: _PathLike) -> None:
    """Write a network as a people CSV file and a ties CSV file.

    The files are UTF-8, with the columns of :attr:`Network.people` and
    :attr:`Network.ties`; tags are joined by ``;`` and dates are written as
    ``2024-03-12``. :func:`read_csv` reads them back into an equal network.

    Parameters
    ----------
    network : Network
    people_path, ties_path : str or os.PathLike
        Where to write; existing files are replaced.

    Raises
    ------
    InvalidParameter
        If ``network`` is not a Network or a file's folder does not exist.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from coffeechat.datasets import load_sample_network
    >>> net = load_sample_network()
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_csv(net, folder / "people.csv", folder / "ties.csv")
    >>> read_csv(folder / "people.csv", folder / "ties.csv") == net
    True
    """
    if not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")
    people_path, ties_path = output_path(people_path), output_path(ties_path)
    _write_rows(people_path, PERSON_COLUMNS, network.people)
    _write_rows(ties_path, TIE_COLUMNS, network.ties)


def _write_rows(path: _PathLike, columns: Sequence[str], frame: pd.DataFrame) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(frame[list(columns)].itertuples(index=False, name=None))


# ------------------------------------------------------------------ LinkedIn

#: The columns of LinkedIn's ``Connections.csv`` export, in order.
LINKEDIN_COLUMNS: tuple[str, ...] = (
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
)
_LINKEDIN_REQUIRED = ("First Name", "Last Name", "Company", "Position", "Connected On")
_HEADER_SEARCH = 50


def _find_header(records: Records, wanted: Sequence[str]) -> int | None:
    keys = {w.casefold() for w in wanted}
    for i, row in enumerate(records.rows[:_HEADER_SEARCH]):
        if keys <= {v.strip().casefold() for v in row}:
            return i
    return None


#: Ways LinkedIn has written "Connected On", besides the usual ones.
_LINKEDIN_DATES = ("%d-%b-%y", "%d-%b-%Y", "%b %d, %Y", "%B %d, %Y")


def _parse_linkedin_date(text: str) -> date | None:
    return parse_date(text, (*DATE_FORMATS, *_LINKEDIN_DATES))


def _linkedin_table(path: object, encoding: str | None, problem: Problems) -> _Table:
    """The export's table, checked, with 'Connected On' as dates (or None)."""
    records = _read_records(path, encoding, problem)
    shown = records.path
    header_at = _find_header(records, ("First Name", "Last Name"))
    if header_at is None:
        raise ContactDataError(
            "no header row with 'First Name' and 'Last Name' in the first "
            f"{_HEADER_SEARCH} lines; is this LinkedIn's Connections.csv? Its header is "
            + ",".join(LINKEDIN_COLUMNS),
            path=shown,
        )
    table = _table(records, header_at, problem)
    canonical = {c.casefold(): c for c in LINKEDIN_COLUMNS}
    table.frame = table.frame.rename(columns=lambda c: canonical.get(c.casefold(), c))
    table.columns = [canonical.get(c.casefold(), c) for c in table.columns]
    for column in _LINKEDIN_REQUIRED:
        if column not in table.columns:
            raise table.missing(column)
    for column in table.columns:
        table.frame[column] = table.text(column)
    for column in LINKEDIN_COLUMNS:
        if column not in table.frame.columns:
            table.frame[column] = np.full(len(table.frame), "", dtype=object)
    extra = [c for c in table.frame.columns if c not in LINKEDIN_COLUMNS]
    table.frame = table.frame[list(LINKEDIN_COLUMNS) + extra]
    dates = np.empty(len(table.frame), dtype=object)
    keep = np.ones(len(table.frame), dtype=bool)
    for pos, text_value in enumerate(table.frame["Connected On"]):
        try:
            dates[pos] = _parse_linkedin_date(text_value)
        except ValueError:
            problem(
                ContactDataError(
                    f"cannot read the date {text_value!r} (LinkedIn writes dates like 12 Mar 2024)",
                    path=shown,
                    line=int(table.lines[pos]),
                    column="Connected On",
                )
            )
            keep[pos] = False
    table.frame["Connected On"] = dates
    table.keep(keep)
    return table


def read_linkedin_table(path: _PathLike, *, encoding: str | None = None) -> pd.DataFrame:
    """Read LinkedIn's ``Connections.csv`` export as a table.

    LinkedIn's export (Settings > Data privacy > Get a copy of your data >
    Connections) starts with a few lines of notes, then the header
    ``First Name,Last Name,URL,Email Address,Company,Position,Connected On``.
    The header is found wherever it is, so the notes may be any length, and
    an older export without ``URL`` or ``Email Address`` is read too (those
    columns come back empty).

    Parameters
    ----------
    path : str or os.PathLike
        The ``Connections.csv`` file.
    encoding : str, optional
        The file's text encoding when it is not UTF-8.

    Returns
    -------
    pandas.DataFrame
        One row a connection, with the seven columns above (then any others
        the file has), spaces trimmed, and ``Connected On`` as dates
        (``datetime64``; ``NaT`` when empty).

    Raises
    ------
    ContactDataError
        If the file is missing, is not CSV text, has no such header, lacks a
        column, or has a date that cannot be read; the message names the file,
        line and column.

    Examples
    --------
    >>> from coffeechat.datasets import sample_path
    >>> table = read_linkedin_table(sample_path("Connections.csv"))
    >>> list(table.columns)[:3]
    ['First Name', 'Last Name', 'URL']
    >>> table["Connected On"].min().year >= 2010
    True
    """
    problem = Problems("raise")
    table = _linkedin_table(path, encoding, problem)
    frame = table.frame.copy()
    frame["Connected On"] = pd.to_datetime(
        pd.Series(list(frame["Connected On"]), dtype=object), errors="raise"
    )
    return frame


def read_linkedin(
    path: _PathLike,
    me_name: str = "Me",
    *,
    errors: _Errors = "raise",
    encoding: str | None = None,
) -> Network:
    """Read LinkedIn's ``Connections.csv`` export as the learner's network.

    Every connection becomes a person tied to the learner (``"me"``), with
    ``met_on`` set to the ``Connected On`` date. A LinkedIn connection only
    says that two people accepted each other online; it does not say how
    well they know each other. So every tie gets the kind ``"online"`` and
    its default strength, ``DEFAULT_STRENGTH["online"]`` (0.2, a weak tie).
    Change the kind and strength of the people you know better afterwards,
    or merge with a richer file.

    Ids are made from names: ``'Zoë Lefèvre'`` becomes ``'zoe-lefevre'``, and
    a second person with the same name gets ``-2`` added. Company becomes
    ``organization``, Position ``role``, Email Address ``email``; the profile
    URL is only used to spot a connection listed twice.

    Parameters
    ----------
    path : str or os.PathLike
        The ``Connections.csv`` file.
    me_name : str
        The learner's name, for the person with id ``"me"``.
    errors : {"raise", "skip"}
        ``"raise"`` stops at the first bad row; ``"skip"`` leaves bad rows
        out and lists them in :attr:`Network.skipped`.
    encoding : str, optional
        The file's text encoding when it is not UTF-8.

    Returns
    -------
    Network

    Raises
    ------
    ContactDataError
        As :func:`read_linkedin_table`, and for a row with no name or a
        profile URL listed twice.

    Examples
    --------
    >>> from coffeechat.datasets import sample_path
    >>> net = read_linkedin(sample_path("Connections.csv"))
    >>> net.person("me").name
    'Me'
    >>> sorted(p.name for p in net.find(organization="Cloudmere Systems"))
    ['Dmitri Volkov', 'Marek Nowak', 'Valentina Cruz', 'Yusuf Demir']
    """
    errors = check_errors(errors)
    me_name = _check_me_name(me_name)
    problem = Problems(errors)
    table = _linkedin_table(path, encoding, problem)
    first, last = table.text("First Name"), table.text("Last Name")
    names = np.array([" ".join(f"{a} {b}".split()) for a, b in zip(first, last, strict=True)])
    keep = np.ones(len(names), dtype=bool)
    seen_urls: dict[str, int] = {}
    for pos, (name, url) in enumerate(zip(names, table.text("URL"), strict=True)):
        line = int(table.lines[pos])
        if not name:
            problem(
                ContactDataError(
                    "no name: First Name and Last Name are both empty",
                    path=table.path,
                    line=line,
                    column="First Name",
                )
            )
            keep[pos] = False
        elif url and url.rstrip("/").lower() in seen_urls:
            problem(
                ContactDataError(
                    f"the profile {url} is already listed on line "
                    f"{seen_urls[url.rstrip('/').lower()]}",
                    path=table.path,
                    line=line,
                    column="URL",
                )
            )
            keep[pos] = False
        elif url:
            seen_urls[url.rstrip("/").lower()] = line
    table.keep(keep)
    people = {
        "name": list(names[keep]),
        "organization": list(table.text("Company")),
        "role": list(table.text("Position")),
        "email": list(table.text("Email Address")),
    }
    kinds = [_LINKEDIN_KIND] * len(table.frame)
    return _address_book(
        table.lines,
        people,
        kinds,
        list(table.frame["Connected On"]),
        "me",
        me_name,
        table.path,
        problem,
        errors,
    )


# ------------------------------------------------------------------ vCard

#: RELATED types of RFC 6350 that name no tie kind of their own.
_RELATED_IGNORED = frozenset(["me", "agent", "emergency", "contact"])
#: RELATED types of RFC 6350 that contacts.normalize_kind does not know.
_RELATED_KINDS = {
    "co-resident": "friend",
    "crush": "friend",
    "date": "friend",
    "sweetheart": "friend",
    "muse": "acquaintance",
}
_VCARD_VERSIONS = ("2.1", "3.0", "4.0")


@dataclass
class _Property:
    name: str
    params: dict[str, list[str]]
    value: str
    line: int

    def types(self) -> list[str]:
        return [t.lower() for t in self.params.get("TYPE", [])]


@dataclass
class _Card:
    line: int
    properties: list[_Property] = field(default_factory=list)
    broken: bool = False

    def first(self, name: str) -> _Property | None:
        return next((p for p in self.properties if p.name == name), None)


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Unfold a vCard: continuation lines start with a space or a tab.

    vCard 2.1 quoted-printable values also continue on the next line when a
    line ends with ``=``.
    """
    current: str | None = None
    start = 0
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), 1):
        if current is not None and raw[:1] in (" ", "\t"):
            current += raw[1:]
            continue
        if current is not None and current.endswith("=") and _is_quoted_printable(current):
            current = current[:-1] + raw
            continue
        if current is not None and current.strip():
            yield start, current
        current, start = raw, number
    if current is not None and current.strip():
        yield start, current


def _is_quoted_printable(line: str) -> bool:
    return "QUOTED-PRINTABLE" in _split_head(line)[0].upper()


def _split_head(line: str) -> tuple[str, str | None]:
    """Split ``NAME;PARAM=x:value`` at the first colon outside quotes."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return line[:i], line[i + 1 :]
    return line, None


def _split_outside_quotes(text: str, sep: str) -> list[str]:
    parts, buf, quoted = [], [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return parts


def _parse_property(line: str, number: int, shown: str) -> _Property:
    head, value = _split_head(line)
    if value is None:
        raise ContactDataError(f"expected NAME:value, found {line[:60]!r}", path=shown, line=number)
    parts = _split_outside_quotes(head, ";")
    name = parts[0].strip().upper().rsplit(".", 1)[-1]  # drop a group prefix such as item1.
    if not re.fullmatch(r"[A-Z0-9-]+", name):
        raise ContactDataError(
            f"{parts[0].strip()[:40]!r} is not a vCard property name", path=shown, line=number
        )
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        key, sep, raw = part.partition("=")
        if not sep:  # vCard 2.1 allows a bare type: EMAIL;INTERNET:...
            key, raw = "TYPE", part
        values = [v.strip().strip('"').strip() for v in raw.replace('"', "").split(",")]
        params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    return _Property(name, params, value, number)


_ESCAPES = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":"}


def _split_escaped(value: str, sep: str) -> list[str]:
    """Split at ``sep`` unless it is escaped with a backslash, then unescape."""
    parts: list[str] = []
    buf: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            buf.append(_ESCAPES.get(nxt, "\\" + nxt))
            i += 2
            continue
        if ch == sep:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    parts.append("".join(buf))
    return parts


def _unescape(value: str) -> str:
    """Undo vCard escapes (``\\n``, ``\\,``, ``\\;``, ``\\\\``) in a text value."""
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), value)


def _property_text(prop: _Property, shown: str) -> str:
    """The raw value of a property, decoded if it is quoted-printable or base64."""
    encodings = {e.upper() for e in prop.params.get("ENCODING", []) + prop.params.get("TYPE", [])}
    if not encodings & {"QUOTED-PRINTABLE", "B", "BASE64"}:
        return prop.value
    charset = (prop.params.get("CHARSET") or ["utf-8"])[0]
    try:
        raw = prop.value.encode("ascii")
        data = (
            quopri.decodestring(raw) if "QUOTED-PRINTABLE" in encodings else base64.b64decode(raw)
        )
        return data.decode(charset)
    except (UnicodeError, LookupError, binascii.Error, ValueError) as err:
        how = "quoted-printable" if "QUOTED-PRINTABLE" in encodings else "base64"
        raise ContactDataError(
            f"cannot decode this {how} value with charset {charset!r}",
            path=shown,
            line=prop.line,
            column=prop.name,
        ) from err


def _vcard_cards(text: str, shown: str, problem: Problems) -> list[_Card]:
    cards: list[_Card] = []
    current: _Card | None = None
    first = True
    for number, line in _logical_lines(text):
        if first:
            first = False
            if line.strip().upper() != "BEGIN:VCARD":
                raise ContactDataError(
                    f"this is not a vCard file: it should start with BEGIN:VCARD, "
                    f"not {line.strip()[:60]!r}",
                    path=shown,
                    line=number,
                )
        try:
            prop = _parse_property(line.strip(), number, shown)
        except ContactDataError as err:
            if current is not None:
                current.broken = True
            problem(err)
            continue
        if prop.name == "BEGIN":
            if prop.value.strip().upper() != "VCARD":
                problem(
                    ContactDataError(
                        f"expected BEGIN:VCARD, found BEGIN:{prop.value.strip()[:30]}",
                        path=shown,
                        line=number,
                        column="BEGIN",
                    )
                )
                continue
            if current is not None:
                problem(
                    ContactDataError(
                        f"a new card begins on line {number} before this card's END:VCARD",
                        path=shown,
                        line=current.line,
                        column="END",
                    )
                )
            current = _Card(number)
        elif prop.name == "END":
            if current is None:
                problem(ContactDataError("END without BEGIN:VCARD", path=shown, line=number))
            else:
                if not current.broken:
                    cards.append(current)
                current = None
        elif current is None:
            problem(
                ContactDataError(
                    f"{prop.name} is outside any card (between END:VCARD and BEGIN:VCARD)",
                    path=shown,
                    line=number,
                    column=prop.name,
                )
            )
        else:
            current.properties.append(prop)
    if current is not None:
        problem(
            ContactDataError(
                "this card has no END:VCARD", path=shown, line=current.line, column="END"
            )
        )
    return cards


def _card_kind(card: _Card, shown: str) -> str:
    kinds = []
    for prop in card.properties:
        if prop.name != "RELATED":
            continue
        for raw in prop.types():
            key = raw[2:] if raw.startswith("x-") else raw
            kind = _RELATED_KINDS.get(key) or normalize_kind(key)
            if kind is not None:
                kinds.append(kind)
            elif key not in _RELATED_IGNORED:
                raise ContactDataError(
                    f"RELATED type {raw!r} is not a kind of tie; use one of "
                    f"{', '.join(TIE_KINDS)}, or a vCard type such as co-worker or met",
                    path=shown,
                    line=prop.line,
                    column="RELATED",
                )
    if not kinds:
        return _ADDRESS_BOOK_KIND
    return min(kinds, key=TIE_KINDS.index)


def _card_person(card: _Card, shown: str) -> dict[str, str]:
    def text(name: str) -> str:
        prop = card.first(name)
        return "" if prop is None else _unescape(_property_text(prop, shown))

    def component(name: str, index: int) -> str:
        prop = card.first(name)
        if prop is None:
            return ""
        parts = _split_escaped(_property_text(prop, shown), ";")
        return parts[index].strip() if index < len(parts) else ""

    version_prop = card.first("VERSION")
    version = version_prop.value.strip() if version_prop is not None else "4.0"
    if version not in _VCARD_VERSIONS:
        raise ContactDataError(
            f"vCard version {version!r} is not supported (use 4.0, 3.0 or 2.1)",
            path=shown,
            line=version_prop.line if version_prop is not None else card.line,
            column="VERSION",
        )
    name = " ".join(text("FN").split())
    if not name and version == "2.1":
        n = card.first("N")
        if n is not None:
            parts = _split_escaped(_property_text(n, shown), ";") + [""] * 5
            name = " ".join(" ".join([parts[3], parts[1], parts[2], parts[0], parts[4]]).split())
    if not name:
        fn = card.first("FN")
        raise ContactDataError(
            "this card has an empty name (FN)" if fn else "this card has no FN (its name)",
            path=shown,
            line=fn.line if fn else card.line,
            column="FN",
        )
    locality, country = component("ADR", 3), component("ADR", 6)
    categories = card.first("CATEGORIES")
    tags = []
    if categories is not None:
        tags = [t.strip() for t in _split_escaped(_property_text(categories, shown), ",")]
    return {
        "name": name,
        "organization": component("ORG", 0),
        "role": " ".join(text("TITLE").split()) or " ".join(text("ROLE").split()),
        "location": ", ".join(p for p in (locality, country) if p),
        "email": text("EMAIL").strip(),
        "tags": "; ".join(t for t in tags if t),
    }


def read_vcard(
    path: _PathLike,
    me_name: str = "Me",
    *,
    errors: _Errors = "raise",
    encoding: str | None = None,
) -> Network:
    """Read a vCard file (``.vcf``, one or many cards) as the learner's network.

    Each card becomes a person tied to the learner (``"me"``). Versions 4.0
    (RFC 6350) and 3.0 are read, and 2.1 (with quoted-printable values, as
    phones export it) too; a card without ``VERSION`` is read as 4.0. Long
    lines folded onto the next line and escaped commas and semicolons are
    undone.

    The properties read are ``FN`` (the name, required), ``ORG`` (its first
    part is the organisation), ``TITLE`` (or else ``ROLE``), the first
    ``EMAIL``, the first ``ADR`` (town and country become the location),
    ``CATEGORIES`` (tags) and ``RELATED``. The ``TYPE`` of ``RELATED`` says
    how the learner knows the person: ``colleague`` and ``co-worker`` make a
    colleague, ``friend`` a friend, ``met`` and ``acquaintance`` an
    acquaintance, ``kin``, ``spouse``, ``parent``, ``child`` and ``sibling``
    family; ``x-former-colleague``, ``x-classmate``, ``x-alumni`` and
    ``x-online`` name the other kinds. When a card has several, the closest
    kind wins. A card without ``RELATED`` is an acquaintance: someone whose
    details you saved, but no more. The strength is the kind's default
    (:data:`~coffeechat.contacts.DEFAULT_STRENGTH`). Ids are made from names,
    as in :func:`read_linkedin`; the value of ``RELATED`` is not used.

    Parameters
    ----------
    path : str or os.PathLike
        The ``.vcf`` file.
    me_name : str
        The learner's name, for the person with id ``"me"``.
    errors : {"raise", "skip"}
        ``"raise"`` stops at the first bad card; ``"skip"`` leaves bad cards
        and stray lines out and lists them in :attr:`Network.skipped`.
    encoding : str, optional
        The file's text encoding when it is not UTF-8.

    Returns
    -------
    Network

    Raises
    ------
    ContactDataError
        For a file that is not a vCard, a card without ``FN`` or
        ``END:VCARD``, an unsupported version or an unknown ``RELATED`` type,
        naming the file, the line and the property.

    Examples
    --------
    >>> from coffeechat.datasets import sample_path
    >>> net = read_vcard(sample_path("contacts.vcf"))
    >>> net.tie("me", "lucia-moreno").kind
    'family'
    >>> net.person("lucia-moreno").organization
    'Calder Health'
    """
    errors = check_errors(errors)
    me_name = _check_me_name(me_name)
    problem = Problems(errors)
    shown, text = _load_text(path, encoding, "vCard")
    rows: list[dict[str, str]] = []
    kinds: list[str] = []
    lines: list[int] = []
    for card in _vcard_cards(text, shown, problem):
        try:
            person = _card_person(card, shown)
            kind = _card_kind(card, shown)
        except ContactDataError as err:
            problem(err)
            continue
        rows.append(person)
        kinds.append(kind)
        lines.append(card.line)
    if not rows and not problem.found:
        raise ContactDataError("the file has no cards (BEGIN:VCARD ... END:VCARD)", path=shown)
    columns = ("name", "organization", "role", "location", "email", "tags")
    people = {c: [r[c] for r in rows] for c in columns}
    return _address_book(
        np.array(lines, dtype=np.int64), people, kinds, None, "me", me_name, shown, problem, errors
    )


# ------------------------------------------------------------------ Google

#: Column names of Google Contacts' export, then of its older "Google CSV".
_GOOGLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "given": ("First Name", "Given Name"),
    "middle": ("Middle Name", "Additional Name"),
    "family": ("Last Name", "Family Name"),
    "full": ("Name",),
    "nickname": ("Nickname",),
    "file_as": ("File As",),
    "organization": ("Organization Name", "Organization 1 - Name"),
    "role": ("Organization Title", "Organization 1 - Title"),
    "labels": ("Labels", "Group Membership"),
    "email": ("E-mail 1 - Value",),
    "city": ("Address 1 - City",),
    "country": ("Address 1 - Country",),
}
_GOOGLE_SYSTEM_DROPPED = "* mycontacts"


def _google_kind(labels: Sequence[str]) -> str:
    kinds = []
    for label in labels:
        kind = normalize_kind(label) or (
            normalize_kind(label[:-1]) if label.endswith("s") else None
        )
        if kind is not None:
            kinds.append(kind)
    return min(kinds, key=TIE_KINDS.index) if kinds else _ADDRESS_BOOK_KIND


def read_google_csv(
    path: _PathLike,
    me_name: str = "Me",
    *,
    errors: _Errors = "raise",
    encoding: str | None = None,
) -> Network:
    """Read a Google Contacts CSV export as the learner's network.

    Google Contacts (Export > Google CSV) writes one row a contact, with
    columns such as ``First Name``, ``Last Name``, ``Organization Name``,
    ``Organization Title``, ``Labels`` and ``E-mail 1 - Value``; a field
    with several values joins them with ``' ::: '``, and only the first is
    kept. The older export, with ``Given Name``, ``Family Name``,
    ``Group Membership`` and ``Organization 1 - Name``, is read too.

    Each contact becomes a person tied to the learner (``"me"``). Labels
    become tags, except ``* myContacts``, which every saved contact has and
    so says nothing; Google's other built-in labels keep their name without
    the ``* `` mark (``* starred`` becomes ``starred``). A label that names a
    kind of tie (``Family``, ``Friends``, ``Coworkers``, ``Classmates``...)
    also gives the tie its kind, the closest winning; a contact with none is
    an acquaintance. The strength is the kind's default
    (:data:`~coffeechat.contacts.DEFAULT_STRENGTH`). A contact with no name
    is named by its nickname, "File As", organisation or e-mail, in that
    order. Ids are made from names, as in :func:`read_linkedin`.

    Parameters
    ----------
    path : str or os.PathLike
        The exported CSV file.
    me_name : str
        The learner's name, for the person with id ``"me"``.
    errors : {"raise", "skip"}
        ``"raise"`` stops at the first bad row; ``"skip"`` leaves bad rows
        out and lists them in :attr:`Network.skipped`.
    encoding : str, optional
        The file's text encoding when it is not UTF-8.

    Returns
    -------
    Network

    Raises
    ------
    ContactDataError
        For a file that is not CSV text, a header without ``Labels`` or any
        name column, or a row with nothing to name the contact by, naming the
        file, the line and the column.

    Examples
    --------
    >>> from coffeechat.datasets import sample_path
    >>> net = read_google_csv(sample_path("google_contacts.csv"))
    >>> net.tie("me", "oscar-ibanez").kind
    'friend'
    >>> net.person("oscar-ibanez").tags
    ('Friends', 'data')
    """
    errors = check_errors(errors)
    me_name = _check_me_name(me_name)
    problem = Problems(errors)
    records = _read_records(path, encoding, problem)
    shown = records.path
    header = {h.strip() for h in records.rows[0]} if records.rows else set()
    for keys, column in ((("given", "family", "full"), "First Name"), (("labels",), "Labels")):
        if not any(header.intersection(_GOOGLE_COLUMNS[k]) for k in keys):
            have = ", ".join(repr(h) for h in sorted(header) if h) or "none"
            raise ContactDataError(
                f"this column is missing; is this a Google Contacts CSV export? "
                f"(the first line has: {have})",
                path=shown,
                line=records.lines[0] if records.rows else None,
                column=column,
            )
    table = _table(records, 0, problem)
    found = {
        key: next((c for c in names if c in table.columns), None)
        for key, names in _GOOGLE_COLUMNS.items()
    }

    def values(key: str) -> np.ndarray:
        column = found[key]
        if column is None:
            return np.full(len(table.frame), "", dtype=object)
        return _first_value(table.text(column))

    full = values("full")
    parts = np.array(
        [
            " ".join(f"{a} {b} {c}".split())
            for a, b, c in zip(values("given"), values("middle"), values("family"), strict=True)
        ],
        dtype=object,
    )
    fallbacks = [full, values("nickname"), values("file_as"), values("organization")]
    fallbacks.append(values("email"))
    names = parts.copy()
    for other in fallbacks:
        names = np.where(names == "", other, names)
    keep = names != ""
    for pos in np.flatnonzero(~keep):
        problem(
            ContactDataError(
                "this contact has no name, nickname, organisation or e-mail",
                path=shown,
                line=int(table.lines[pos]),
                column=found["given"] or found["full"],
            )
        )
    labels_column = table.text(found["labels"])
    tags, kinds = [], []
    for raw in labels_column[keep]:
        labels = [t.strip() for t in raw.split(":::") if t.strip()]
        labels = [t for t in labels if t.casefold() != _GOOGLE_SYSTEM_DROPPED]
        labels = [t[2:].strip() if t.startswith("* ") else t for t in labels]
        tags.append("; ".join(t.replace(";", ",") for t in labels))
        kinds.append(_google_kind(labels))
    city, country = values("city")[keep], values("country")[keep]
    table_lines = table.lines[keep]
    people = {
        "name": list(names[keep]),
        "organization": list(values("organization")[keep]),
        "role": list(values("role")[keep]),
        "location": [", ".join(p for p in pair if p) for pair in zip(city, country, strict=True)],
        "email": list(values("email")[keep]),
        "tags": tags,
    }
    return _address_book(table_lines, people, kinds, None, "me", me_name, shown, problem, errors)
