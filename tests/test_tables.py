"""One way of reading tables: every reader gives the same words for the same file problem."""

from __future__ import annotations

import codecs
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from coffeechat import _tables
from coffeechat.errors import (
    CoffeeChatError,
    ContactDataError,
    QuestionBankError,
    TrackerDataError,
)
from coffeechat.io import read_csv
from coffeechat.outreach import follow_up_dates
from coffeechat.questions import load_bank
from coffeechat.tracking import due_today, make_tracker, read_lamp, read_tracker

PEOPLE = "id,name,organization\nme,Sam Learner,\nana,Ana Ruiz,Acme\n"
TIES = "source,target,strength\nme,ana,0.8\n"
LAMP = "employer,advocacy,motivation,posting\nAcme,Y,3,2\nBorealis,N,1,1\n"
TRACKER = "contact,organization,sent_on\nAna Ruiz,Acme,2025-03-03\n"
BANK = "id,text,category,topic\nmine,What surprised you most?,insights,culture\n"


def _contacts(path: Path) -> object:
    ties = path.with_name("ties.csv")
    ties.write_text(TIES, encoding="utf-8")
    return read_csv(path, ties)


def _lamp(path: Path) -> object:
    return read_lamp(path, min_employers=0)


def _bank(path: Path) -> object:
    return load_bank(path, include_default=False)


READERS: list[tuple[str, Callable[[Path], object], str, type[CoffeeChatError]]] = [
    ("contacts", _contacts, PEOPLE, ContactDataError),
    ("LAMP list", _lamp, LAMP, TrackerDataError),
    ("tracker", read_tracker, TRACKER, TrackerDataError),
    ("question bank", _bank, BANK, QuestionBankError),
]


def _xlsx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.xml", "<workbook/>")


def _problem(err: BaseException, path: Path) -> str:
    """The message without the place, which each error type writes its own way."""
    text = str(err)
    assert text.startswith(str(path))
    return text.split(": ", 1)[1]


@pytest.mark.parametrize(("what", "read", "body", "error"), READERS, ids=[r[0] for r in READERS])
def test_a_workbook_gets_the_same_clear_error_from_every_reader(
    tmp_path: Path, what: str, read: Callable[[Path], object], body: str, error: type
) -> None:
    """An Excel workbook saved where a CSV file belongs is named as one, with how to fix it."""
    path = tmp_path / "table.csv"
    _xlsx(path)
    with pytest.raises(error) as info:
        read(path)
    assert _problem(info.value, path) == (
        "this is a ZIP archive (an Excel .xlsx workbook, a Word file or a zipped export), "
        "not a CSV file; export or save it as CSV (in Excel: File > Save As > 'CSV UTF-8')"
    )


@pytest.mark.parametrize(("what", "read", "body", "error"), READERS, ids=[r[0] for r in READERS])
def test_utf16_is_read_by_every_reader(
    tmp_path: Path, what: str, read: Callable[[Path], object], body: str, error: type
) -> None:
    """A file Excel saved as 'Unicode Text' (UTF-16 with a byte-order mark) reads as UTF-8 does."""
    utf8, utf16 = tmp_path / "a" / "table.csv", tmp_path / "b" / "table.csv"
    for path, data in (
        (utf8, body.encode("utf-8")),
        (utf16, codecs.BOM_UTF16_LE + body.encode("utf-16-le")),
    ):
        path.parent.mkdir()
        path.write_bytes(data)
    first, second = read(utf8), read(utf16)
    if isinstance(first, pd.DataFrame):
        pd.testing.assert_frame_equal(first, second)
    else:
        assert first == second


@pytest.mark.parametrize(("what", "read", "body", "error"), READERS, ids=[r[0] for r in READERS])
def test_a_byte_that_is_not_text_is_named_by_line(
    tmp_path: Path, what: str, read: Callable[[Path], object], body: str, error: type
) -> None:
    """A Latin-1 byte in a UTF-8 file is refused, naming the line and the byte, by every reader."""
    path = tmp_path / "table.csv"
    path.write_bytes(body.encode("utf-8") + "Zoë,x\n".encode("latin-1"))
    with pytest.raises(error) as info:
        read(path)
    line = body.count("\n") + 1
    assert str(info.value).startswith(f"{path}:{line}")
    assert "byte 0xeb" in str(info.value)
    assert "save it as CSV UTF-8" in str(info.value)


def test_origin_places_rows_in_files_and_tables() -> None:
    """One Origin says where a row came from, for every kind of table."""
    table = _tables.Origin("tracker", "t.csv", [2, 5], header=["contact", "sent_on"])
    assert table.at(1, "sent_on") == "t.csv:5:2"
    assert table.place(0) == "line 2"
    assert _tables.Origin("tracker").at(3, "contact") == "tracker row 3, column 'contact'"
    assert _tables.Origin("tracker").place(3) == "row 3"
    err = table.error(1, "sent_on", "not a date", ContactDataError)
    assert (err.path, err.line, err.column) == ("t.csv", 5, "sent_on")


def test_problems_raise_or_collect() -> None:
    """Problems raises the first error, or keeps them all when skipping."""
    with pytest.raises(ValueError, match="first"):
        _tables.Problems("raise")(ValueError("first"))
    kept = _tables.Problems("skip")
    kept(ValueError("a"))
    kept(ValueError("b"))
    assert [str(e) for e in kept.found] == ["a", "b"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-04", date(2025, 3, 4)),
        ("4 Mar 2025", date(2025, 3, 4)),
        ("03/04/2025", date(2025, 3, 4)),
        (pd.Timestamp("2025-03-04 10:00"), date(2025, 3, 4)),
        ("  ", None),
        (float("nan"), None),
    ],
)
def test_one_date_reader(value: object, expected: date | None) -> None:
    """Every table reads dates the same way."""
    assert _tables.parse_date(value) == expected


def test_column_names_have_one_spelling() -> None:
    """Headings ignore case, spaces, hyphens and underscores, then aliases apply."""
    assert _tables.column_name("  Met On ") == "met_on"
    assert _tables.column_name("E-mail", {"e_mail": "email"}) == "email"
    frame = pd.DataFrame({"Sent On": [1], "sent_on": [2]})
    with pytest.raises(TrackerDataError, match="column 'sent_on' appears twice"):
        _tables.canonical_columns(frame, {}, "tracker", TrackerDataError)


@pytest.mark.parametrize("holidays", [(), ("2025-03-05",), ("2025-03-05", "2025-03-12")])
def test_tracker_uses_the_one_follow_up_rule(holidays: tuple[str, ...]) -> None:
    """due_today's day-3 and day-7 actions fall on follow_up_dates' days, holidays included."""
    plan = follow_up_dates("2025-03-03", holidays=holidays)
    tracker = make_tracker(
        [{"contact": "Ana Ruiz", "organization": "Acme", "sent_on": "2025-03-03"}]
    )
    for day, action in ((plan.second_contact_on, "3 business days"), (plan.follow_up_on, "7")):
        due = due_today(tracker, today=day, holidays=holidays)
        assert any(
            action in a and d == 0 for a, d in zip(due["action"], due["days_overdue"], strict=True)
        )
