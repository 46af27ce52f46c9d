"""Reading tables: the machinery every reader in the package shares.

Contacts (:mod:`coffeechat.io`, :mod:`coffeechat.contacts`), the question bank
(:mod:`coffeechat.questions`), the LAMP list and the contact tracker
(:mod:`coffeechat.tracking`) are all tables a person typed or a program
exported. They are read the same way, so that a problem gets the same clear
words whichever table it is in:

* :func:`load_text` reads a file as text: UTF-8 (with or without a byte-order
  mark) or UTF-16 with its byte-order mark, and refuses an Excel workbook, a
  PDF or any other binary file, or a byte that is not text, naming the line;
* :func:`csv_records` splits CSV text into rows, each with the line it starts
  on; :func:`read_csv_rows` does both and keys each row by column name;
* :func:`column_name` gives a column heading its one spelling
  (``"Met On"`` is ``met_on``), :func:`canonical_columns` renames a table's;
* :class:`Origin` says where a row came from (``people.csv:7``, or
  ``tracker row 3``) and :class:`Lines` holds many rows' line numbers;
* :class:`Problems` raises the first bad row, or collects them all when
  skipping;
* :func:`blank` and :func:`parse_date` read a cell.

Every function takes the error type to raise (``error``): one whose
``__init__`` accepts ``path=``, ``line=`` and ``column=`` keywords, as
:class:`~coffeechat.errors.ContactDataError`, or any other
:class:`~coffeechat.errors.CoffeeChatError`, whose message then starts with
``file:line:column:``.

Examples
--------
>>> from coffeechat.errors import TrackerDataError
>>> column_name(" Met On "), column_name("E-mail", {"e_mail": "email"})
('met_on', 'email')
>>> parse_date("12 Mar 2024"), blank("  "), blank(float("nan"))
(datetime.date(2024, 3, 12), True, True)
>>> str(located(TrackerDataError)("no name", path="lamp.csv", line=4, column=2))
'lamp.csv:4:2: no name'
"""

from __future__ import annotations

import codecs
import csv
import inspect
import os
import re
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from io import StringIO
from pathlib import Path
from typing import Literal, overload

import numpy as np
import pandas as pd

from coffeechat.errors import CoffeeChatError, InvalidParameter

__all__ = [
    "DATE_FORMATS",
    "Lines",
    "Origin",
    "Problems",
    "Records",
    "Table",
    "blank",
    "canonical_columns",
    "check_errors",
    "column_name",
    "csv_records",
    "key",
    "load_text",
    "located",
    "parse_date",
    "raise_problems",
    "read_csv_rows",
]

Errors = Literal["raise", "skip"]
#: ``error(problem, path=..., line=..., column=...)`` makes the exception to raise.
ErrorMaker = Callable[..., Exception]


def located(error: type[Exception] | ErrorMaker) -> ErrorMaker:
    """A maker of ``error`` taking ``path``, ``line`` and ``column`` keywords.

    An error type that takes them itself is returned as it is; for any other,
    the place is written at the start of the message: ``file:line:column: ``
    for a column given by number, ``file:line: column 'name': `` by name.
    """
    try:
        accepted = inspect.signature(error).parameters
    except (TypeError, ValueError):
        accepted = {}
    if {"path", "line", "column"} <= set(accepted):
        return error

    def make(
        problem: str,
        *,
        path: object = None,
        line: int | None = None,
        column: str | int | None = None,
    ) -> Exception:
        where = ""
        if path is not None:
            where = f"{os.fsdecode(path)}" + (f":{line}" if line is not None else "") + ": "
        elif line is not None:
            where = f"row {line}: "
        if isinstance(column, int) and path is not None and line is not None:
            where = where[:-2] + f":{column}: "
        elif column is not None:
            where += f"column {column!r}: "
        return error(where + problem)

    return make


def check_errors(errors: object) -> Errors:
    """``errors`` itself if it is ``"raise"`` or ``"skip"``; else :class:`InvalidParameter`."""
    if errors not in ("raise", "skip"):
        raise InvalidParameter(f"errors must be 'raise' or 'skip', not {errors!r}")
    return errors  # type: ignore[return-value]


def raise_problems(problems: Sequence[str], error: type[CoffeeChatError]) -> None:
    """Raise ``error`` listing every problem, one a line; do nothing when there are none.

    The error's ``problems`` attribute (declared by the error type) holds the list.
    """
    if problems:
        raise error("\n".join(problems), problems=tuple(problems))  # type: ignore[call-arg]


# ------------------------------------------------------------------ cells


def blank(value: object) -> bool:
    """Is a cell empty: None, NaN, NaT, NA (what ``pd.read_csv`` gives) or only spaces?

    Examples
    --------
    >>> [blank(v) for v in (None, float("nan"), pd.NaT, np.datetime64("NaT"), " ", "x", 0)]
    [True, True, True, True, True, False, False]
    """
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or an array: not one empty cell
        return False


#: The ways of writing a date that :func:`parse_date` reads, tried in order.
DATE_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d",
    "%d %b %Y",
    "%d %B %Y",
    "%Y%m%d",
    "%m/%d/%Y",
    "%Y/%m/%d",
)


def parse_date(value: object, formats: Sequence[str] = DATE_FORMATS) -> date | None:
    """A cell as a date: None when blank; ValueError(text) when it is not a date.

    A date, datetime or pandas Timestamp is taken as it is; text is read in
    one of ``formats`` (ISO ``2025-03-04`` first).
    """
    if blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, pd.Timestamp):
        return value.date()
    text = str(value).strip()
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def key(text: object) -> str:
    """Lower-case words of ``text`` joined by single spaces (hyphens and slashes are spaces)."""
    return " ".join(re.sub(r"[^\w]+|_", " ", str(text).lower()).split())


def column_name(name: object, aliases: Mapping[str, str] | None = None) -> str:
    """A column heading's one spelling: lower case, words joined by ``_``, aliases applied."""
    canonical = key(name).replace(" ", "_")
    return (aliases or {}).get(canonical, canonical)


def canonical_columns(
    frame: pd.DataFrame, aliases: Mapping[str, str], label: str, error: ErrorMaker
) -> pd.DataFrame:
    """A copy of ``frame`` with its columns named by :func:`column_name`; two alike are an error."""
    names: list[str] = []
    for name in frame.columns:
        canonical = column_name(name, aliases)
        if canonical in names:
            raise error(f"{label}: column {name!r} appears twice")
        names.append(canonical)
    out = frame.copy()
    out.columns = names
    return out


# ------------------------------------------------------------------ origins


class Lines(Sequence):
    """Physical line numbers of table rows, kept in a compact array.

    A stored 0 stands for a row that came from no line (the learner's own row,
    which the importers add): it reads back as None.
    """

    def __init__(self, values: Sequence[int] | np.ndarray) -> None:
        self._values = np.asarray(values, dtype=np.int64)

    def __len__(self) -> int:
        return len(self._values)

    @overload
    def __getitem__(self, index: int) -> int | None: ...

    @overload
    def __getitem__(self, index: slice) -> Lines: ...

    def __getitem__(self, index: int | slice) -> int | None | Lines:
        if isinstance(index, slice):
            return Lines(self._values[index])
        value = int(self._values[index])
        return value if value > 0 else None


@dataclass(frozen=True)
class Origin:
    """Where a table came from, so that a problem can name the file, line and column.

    Parameters
    ----------
    label : str
        What the table is, in words (``"people"``, ``"LAMP list"``).
    path : str, optional
        The file it was read from.
    lines : sequence of int, optional
        The line each row starts on in that file.
    header : sequence of str, optional
        The file's column names in order, to give a column's number.
    header_line : int, optional
        The line of the header row.
    """

    label: str
    path: str | None = None
    lines: Sequence[int | None] | None = None
    header: Sequence[str] = ()
    header_line: int | None = None

    def place(self, position: int) -> str:
        """Where a row is, in words: ``'line 7'`` in a file, else ``'row 5'``."""
        if self.lines is not None:
            return f"line {self.lines[position]}"
        return f"row {position}"

    def at(self, position: int, column: str) -> str:
        """``file:line:column`` of a cell, or ``'<label> row 3, column 'x''`` for a table."""
        if self.path is not None and self.lines is not None:
            return f"{self.path}:{self.lines[position]}:{self._column_number(column)}"
        return f"{self.label} row {position}, column {column!r}"

    def whole(self) -> str:
        """The table as a place: ``file:header line:1``, or its label."""
        if self.path is not None:
            return f"{self.path}:{self.header_line or 1}:1"
        return self.label

    def missing(self, column: str, required: Iterable[str]) -> str:
        """The message for a required column that is not there."""
        if self.path is not None:
            where = f"{self.path}:{self.header_line or 1}:{len(self.header) + 1}"
        else:
            where = self.label
        return f"{where}: missing column {column!r} (required: {', '.join(required)})"

    def error(
        self, position: int, column: str | None, problem: str, error: ErrorMaker
    ) -> Exception:
        """``error`` for a problem in ``column`` of the row at ``position``."""
        if self.path is not None:
            line = self.lines[position] if self.lines is not None else None
            return error(problem, path=self.path, line=line, column=column)
        return error(f"{self.label} row {position}: {problem}")

    def _column_number(self, column: str) -> int:
        header = list(self.header)
        return header.index(column) + 1 if column in header else len(header) + 1


class Problems:
    """Collects row problems: raises the first one, or keeps them all when skipping."""

    def __init__(self, errors: Errors) -> None:
        self.skip = errors == "skip"
        self.found: list[Exception] = []

    def __call__(self, err: Exception) -> None:
        if not self.skip:
            raise err
        self.found.append(err)


# ------------------------------------------------------------------ reading text

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (an Excel .xlsx workbook, a Word file or a zipped export)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office file (such as an Excel .xls)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"{\\rtf", "an RTF document"),
)

_SAVE_HINT = {
    "CSV": "export or save it as CSV (in Excel: File > Save As > 'CSV UTF-8')",
    "vCard": "export the contacts as a vCard (.vcf) file",
}


def load_text(
    path: object,
    encoding: str | None,
    expected: str,
    error: ErrorMaker,
    *,
    offer_encoding: bool = True,
) -> tuple[str, str]:
    """Read a whole file as text; returns (the path as shown in messages, text).

    ``expected`` is the kind of file wanted (``"CSV"`` or ``"vCard"``), for
    the advice in a message; ``offer_encoding`` says whether the caller takes
    an ``encoding=`` to suggest.
    """
    if not isinstance(path, str | os.PathLike):
        raise InvalidParameter(f"expected the path of a file, not {type(path).__name__}")
    shown = os.fsdecode(path)
    try:
        data = Path(shown).read_bytes()
    except FileNotFoundError as err:
        raise error(f"no such file (a relative path starts in {Path.cwd()})", path=shown) from err
    except IsADirectoryError as err:
        raise error("this is a folder, not a file", path=shown) from err
    except OSError as err:
        raise error(f"cannot read the file: {err.strerror or err}", path=shown) from err
    text = _decode(data, shown, encoding, expected, error, offer_encoding)
    if not text.strip():
        raise error("the file is empty", path=shown)
    return shown, text


def _decode(
    data: bytes,
    shown: str,
    encoding: str | None,
    expected: str,
    error: ErrorMaker,
    offer_encoding: bool,
) -> str:
    hint = _SAVE_HINT[expected]
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise error(f"this is {what}, not a {expected} file; {hint}", path=shown)
    if encoding is None:
        utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        codec = "utf-16" if utf16 else "utf-8-sig"
    else:
        try:
            codec = codecs.lookup(encoding).name
        except (LookupError, TypeError) as err:
            raise InvalidParameter(f"unknown encoding {encoding!r}") from err
        utf16 = codec.startswith(("utf-16", "utf-32"))
    if not utf16 and b"\x00" in data:
        at = data.index(b"\x00")
        line = data.count(b"\n", 0, at) + 1
        raise error(
            f"this is not a text file (it holds binary data: a NUL byte at byte {at}); {hint}",
            path=shown,
            line=line,
        )
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        if _looks_binary(data):
            raise error(
                f"this is not a text file (it holds binary data); {hint}", path=shown
            ) from err
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        name = "UTF-8" if codec.startswith("utf-8") else codec
        advice = "save it as CSV UTF-8" if expected == "CSV" else "save the file as UTF-8"
        if offer_encoding:
            advice += ", or pass encoding='cp1252' if an older Windows program wrote it"
        raise error(
            f"byte {data[err.start]:#04x} (byte {err.start} of the file, character {column} "
            f"of the line) is not {name} text; {advice}",
            path=shown,
            line=line,
        ) from err
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise error(
            f"this is not a text file (it holds binary data); {hint}", path=shown, line=line
        )
    return text


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


# ------------------------------------------------------------------ CSV


@dataclass
class Records:
    """The non-blank CSV records of a file, each with the line it starts on."""

    path: str
    rows: list[list[str]]
    lines: array = field(default_factory=lambda: array("q"))


def csv_records(
    text: str, shown: str, problem: Callable[[Exception], None], error: ErrorMaker
) -> Records:
    """Split CSV text into records, leaving out blank lines and rows of empty values.

    A line that cannot be read as CSV is passed to ``problem`` (which raises
    it or sets it aside) and reading goes on after it.
    """
    records = Records(shown, [])
    rows, lines = records.rows, records.lines
    reader = csv.reader(StringIO(text, newline=""), strict=True)
    end = 0
    while True:
        try:
            for fields in reader:
                start, end = end + 1, reader.line_num
                if fields and (fields[0].strip() or "".join(fields).strip()):
                    rows.append(fields)
                    lines.append(start)
            return records
        except csv.Error as err:
            start, end = end + 1, reader.line_num
            problem(error(_csv_problem(err, start, end), path=shown, line=start))


def _csv_problem(err: csv.Error, start: int, end: int) -> str:
    text = str(err)
    if "unexpected end of data" in text:
        return 'a quote (") opened on this line is never closed'
    if "expected after" in text:
        return (
            "a quoted value must end at its closing quote; write a quote inside a "
            'quoted value as two quotes ("")'
        )
    if "field larger than field limit" in text:
        return f"a value is too long to be a table cell (lines {start}-{end})"
    return f"cannot read this line as CSV: {text}"


@dataclass(frozen=True)
class Table:
    """A small CSV file as read by :func:`read_csv_rows`."""

    path: str
    header: list[str]
    header_line: int
    rows: list[tuple[int, dict[str, str]]]

    def origin(self, label: str) -> Origin:
        """Where each row came from, for messages."""
        return Origin(
            label, self.path, [line for line, _ in self.rows], self.header, self.header_line
        )

    def frame(self) -> pd.DataFrame:
        """The rows as a table of text, one column per header name."""
        return pd.DataFrame([row for _, row in self.rows], columns=self.header, dtype=object)


def read_csv_rows(
    path: object, error: type[Exception] | ErrorMaker, aliases: Mapping[str, str] | None = None
) -> Table:
    """Read a small CSV file whole, keeping each row's first line number.

    The file is read by :func:`load_text`, so a workbook, a PDF or a file in
    another encoding gets the same clear message as a contacts file. Header
    names are given their one spelling (:func:`column_name`, with
    ``aliases``); blank lines are left out. The first problem is raised as
    ``error``, naming ``file:line``.
    """
    make = located(error)
    if isinstance(path, str | os.PathLike):
        path = os.fspath(path)
    shown, text = load_text(path, None, "CSV", make, offer_encoding=False)

    def stop(err: Exception) -> None:
        raise err

    records = csv_records(text, shown, stop, make)
    if not records.rows:
        raise make("the file is empty; it needs a header row", path=shown)
    header_line = records.lines[0]
    header: list[str] = []
    for col, name in enumerate(records.rows[0], start=1):
        canonical = column_name(name, aliases)
        if not canonical:
            raise make(f"column {col} has no name", path=shown, line=header_line, column=col)
        if canonical in header:
            raise make(
                f"column {name.strip()!r} appears twice", path=shown, line=header_line, column=col
            )
        header.append(canonical)
    rows: list[tuple[int, dict[str, str]]] = []
    for line, record in zip(records.lines[1:], records.rows[1:], strict=True):
        if len(record) != len(header):
            raise make(
                f"this row has {len(record)} values but the header has {len(header)} columns "
                "(is there an unquoted comma?)",
                path=shown,
                line=line,
                column=min(len(record), len(header)) + 1,
            )
        rows.append((line, {h: cell.strip() for h, cell in zip(header, record, strict=True)}))
    return Table(shown, header, header_line, rows)
