"""Tests of the LAMP target list and the contact tracker."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.errors import CoffeeChatError, InvalidParameter, TrackerDataError
from coffeechat.outreach import follow_up_dates
from coffeechat.tracking import (
    DUE_COLUMNS,
    LAMP_COLUMNS,
    MIN_EMPLOYERS,
    TRACKER_COLUMNS,
    due_today,
    make_lamp,
    make_tracker,
    read_lamp,
    read_tracker,
    tracker_summary,
    write_lamp,
    write_tracker,
)

PREFIXES = ["North", "Blue", "Cedar", "Harbor", "Summit", "Willow", "Granite", "Lumen"]
SUFFIXES = ["Foods", "Health", "Labs", "Logistics", "Energy"]
EMPLOYERS = [f"{p} {s}" for p in PREFIXES for s in SUFFIXES]  # 40 fictional employers


def lamp_rows(n: int = MIN_EMPLOYERS) -> list[dict[str, object]]:
    return [
        {
            "employer": EMPLOYERS[i],
            "advocacy": "yes" if i % 3 == 0 else "no",
            "motivation": i % 4,
            "posting": 1 + i % 3,
        }
        for i in range(n)
    ]


def write(tmp_path: Path, body: str, name: str = "table.csv") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


# ------------------------------------------------------------------ LAMP


def test_lamp_sorts_by_motivation_then_posting_then_advocacy() -> None:
    """The list is ordered M, then P, then A, highest first, ranked from 1."""
    lamp = make_lamp(lamp_rows())
    assert list(lamp.columns) == list(LAMP_COLUMNS)
    assert lamp.index.name == "rank" and list(lamp.index) == list(range(1, 41))
    keys = list(zip(lamp["motivation"], lamp["posting"], lamp["advocacy"], strict=True))
    assert keys == sorted(keys, reverse=True)
    assert sorted(lamp["employer"]) == sorted(EMPLOYERS)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.booleans(), st.integers(0, 3), st.integers(1, 3)), min_size=1, max_size=60
    )
)
def test_lamp_order_property(scores: list[tuple[bool, int, int]]) -> None:
    """Any scored list comes back complete, sorted M-P-A, ties in their original order."""
    rows = [
        {"employer": f"Employer {i}", "advocacy": a, "motivation": m, "posting": p}
        for i, (a, m, p) in enumerate(scores)
    ]
    lamp = make_lamp(rows, min_employers=0)
    expected = sorted(
        range(len(rows)), key=lambda i: (-scores[i][1], -scores[i][2], -scores[i][0], i)
    )
    assert list(lamp["employer"]) == [f"Employer {i}" for i in expected]


def test_lamp_needs_forty_employers() -> None:
    """Fewer than 40 employers is refused unless the list is marked as a draft."""
    with pytest.raises(TrackerDataError, match="has 39 employers; list at least 40"):
        make_lamp(lamp_rows(39))
    assert len(make_lamp(lamp_rows(39), min_employers=0)) == 39
    assert len(make_lamp(lamp_rows(40))) == 40


def test_lamp_understands_the_books_headers(tmp_path: Path) -> None:
    """Dalton's spreadsheet headers (Company, A, M, P) and Y/N are understood."""
    body = "Company,A,M,P,Website\n" + "".join(
        f"{e},{'Y' if i % 2 else 'N'},{i % 4},{1 + i % 3},https://example.org/{i}\n"
        for i, e in enumerate(EMPLOYERS)
    )
    lamp = read_lamp(write(tmp_path, body))
    assert list(lamp.columns) == [*LAMP_COLUMNS, "website"]
    assert lamp["advocacy"].dtype == bool and lamp["motivation"].dtype == "int64"
    assert set(lamp["website"]) == {f"https://example.org/{i}" for i in range(40)}


def test_lamp_round_trips(tmp_path: Path) -> None:
    """A LAMP list saved as CSV loads back equal."""
    lamp = make_lamp(lamp_rows())
    lamp.loc[1, "notes"] = "Alum, class of 2019; ask about the analytics team"
    path = tmp_path / "lamp.csv"
    write_lamp(lamp, path)
    pd.testing.assert_frame_equal(read_lamp(path), lamp)


@pytest.mark.parametrize(
    ("row", "where", "message"),
    [
        ("Acme,Y,3,2", None, None),
        (",Y,3,2", "2:1", "employer is empty"),
        ("Acme,maybe,3,2", "2:2", "advocacy 'maybe' must be yes or no"),
        ("Acme,Y,4,2", "2:3", "motivation '4' must be a whole number from 0 to 3"),
        ("Acme,Y,2.5,2", "2:3", "motivation '2.5'"),
        ("Acme,Y,3,0", "2:4", "posting '0' must be 1 (none)"),
        ("Acme,Y,3,", "2:4", "posting '' must be 1"),
        ("Acme,Y,3", "2:4", "this row has 3 values but the header has 4"),
    ],
)
def test_lamp_file_errors(tmp_path: Path, row: str, where: str | None, message: str | None) -> None:
    """A bad LAMP row is refused with file:line:column and the problem."""
    path = write(tmp_path, "employer,advocacy,motivation,posting\n" + row + "\n")
    if where is None:
        assert len(read_lamp(path, min_employers=0)) == 1
        return
    with pytest.raises(TrackerDataError) as info:
        read_lamp(path, min_employers=0)
    assert str(info.value).startswith(f"{path}:{where}: ")
    assert message in str(info.value)


def test_lamp_repeated_employer_names_the_first_line(tmp_path: Path) -> None:
    """The same employer written two ways is caught, pointing at the first."""
    body = "employer,advocacy,motivation,posting\nAcme Inc.,Y,3,2\nBorealis,N,1,1\nACME,N,2,2\n"
    path = write(tmp_path, body, "lamp.csv")
    with pytest.raises(
        TrackerDataError,
        match=r"lamp\.csv:4:1: 'ACME' is already listed as 'Acme Inc\.', spelled another way "
        r"\(line 2\)",
    ):
        read_lamp(path, min_employers=0)


def test_lamp_reports_every_bad_row(tmp_path: Path) -> None:
    """All the problems in a LAMP file come together, one a line."""
    body = "employer,advocacy,motivation,posting\nA,Y,9,2\nB,N,1,1\nC,?,1,7\n"
    path = write(tmp_path, body)
    with pytest.raises(TrackerDataError) as info:
        read_lamp(path, min_employers=0)
    assert [p.split(": ")[0] for p in info.value.problems] == [
        f"{path}:2:3",
        f"{path}:4:2",
        f"{path}:4:4",
    ]


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (
            pd.DataFrame({"employer": ["A"], "advocacy": [True], "motivation": [3]}),
            "missing column 'posting'",
        ),
        (
            pd.DataFrame({"employer": ["A"], "advocacy": [2], "motivation": [3], "posting": [1]}),
            "LAMP list row 0, column 'advocacy': advocacy 2 must be yes or no",
        ),
        ("lamp.csv", "use read_lamp or read_tracker"),
        ([1, 2], "each row must be a mapping"),
    ],
)
def test_lamp_frame_errors(data: object, match: str) -> None:
    """Bad tables in memory are refused naming row and column; a non-table is a wrong argument."""
    error = InvalidParameter if isinstance(data, str | list) else TrackerDataError
    with pytest.raises(error, match=match) as info:
        make_lamp(data, min_employers=0)
    assert isinstance(info.value, CoffeeChatError)


def test_lamp_accepts_numpy_scores() -> None:
    """Scores held as numpy integers or booleans (as pandas stores them) are accepted."""
    frame = pd.DataFrame(
        {"employer": ["A", "B"], "advocacy": [True, False], "motivation": [1, 3], "posting": [2, 2]}
    )
    lamp = make_lamp(frame, min_employers=0)
    assert list(lamp["employer"]) == ["B", "A"]


# ------------------------------------------------------------------ tracker

TRACKER_CSV = (
    ",".join(TRACKER_COLUMNS)
    + "\n"
    + """Ana Ruiz,Acme Health,ana@example.org,2025-03-03,,,,,alumni directory
Ben Ode,Borealis Labs,,2025-03-03,2025-03-04,2025-03-10,,,
Carla Diaz,Cobalt & Co,,2025-03-03,2025-03-05,,,,
Dev Patel,Acme Health,,2025-03-07,,,,,second contact at Acme
Eve Moss,Lumen Bank,,2025-02-20,,,,2025-03-03,"met at a meetup, then wrote"
"""
)


def test_tracker_round_trips(tmp_path: Path) -> None:
    """A tracker read from CSV and saved again loads back equal, dates as dates."""
    tracker = read_tracker(write(tmp_path, TRACKER_CSV))
    assert list(tracker.columns) == list(TRACKER_COLUMNS)
    assert tracker.loc[1, "meeting_on"] == date(2025, 3, 10)
    assert tracker.loc[0, "replied_on"] is None
    out = tmp_path / "again.csv"
    write_tracker(tracker, out)
    pd.testing.assert_frame_equal(read_tracker(out), tracker)
    assert out.read_text(encoding="utf-8") == TRACKER_CSV


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (
            date(2025, 3, 5),
            [
                ("Eve Moss", "write to a second contact at Lumen Bank", 8),
                ("Carla Diaz", "answer and agree a time", 0),
            ],
        ),
        (
            date(2025, 3, 10),
            [
                ("Eve Moss", "write to a second contact at Lumen Bank", 13),
                ("Carla Diaz", "answer and agree a time", 5),
                ("Ben Ode", "Meet Ben Ode today", 0),
            ],
        ),
        (
            date(2025, 3, 12),
            [
                ("Eve Moss", "write to a second contact at Lumen Bank", 15),
                ("Carla Diaz", "answer and agree a time", 7),
                ("Ben Ode", "thank-you note", 1),
                ("Ana Ruiz", "send Ana Ruiz one short follow-up", 0),
                ("Dev Patel", "write to a second contact at Acme Health", 0),
            ],
        ),
    ],
)
def test_due_today(tmp_path: Path, today: date, expected: list[tuple[str, str, int]]) -> None:
    """Replies, meetings, thank-yous and 3B7 steps fall due on the right days."""
    tracker = read_tracker(write(tmp_path, TRACKER_CSV))
    due = due_today(tracker, today=today)
    assert list(due.columns) == list(DUE_COLUMNS)
    got = list(zip(due["contact"], due["action"], due["days_overdue"], strict=True))
    assert len(got) == len(expected)
    for (name, action, late), (want_name, fragment, want_late) in zip(got, expected, strict=True):
        assert (name, late) == (want_name, want_late)
        assert fragment in action


def test_second_contact_is_not_asked_for_twice(tmp_path: Path) -> None:
    """Once a later contact at the employer was written to, day 3 asks for no other."""
    tracker = read_tracker(write(tmp_path, TRACKER_CSV))
    due = due_today(tracker, today=date(2025, 3, 6))
    assert not any("Acme" in a and "second contact" in a for a in due["action"])


def test_due_dates_follow_3b7_with_holidays() -> None:
    """The tracker's day-3 and day-7 steps use the same business days as follow_up_dates."""
    tracker = make_tracker(
        [{"contact": "Fay", "organization": "Harbor Foods", "sent_on": "2025-12-22"}]
    )
    holidays = [date(2025, 12, 25), date(2025, 12, 26)]
    plan = follow_up_dates("2025-12-22", holidays=holidays)
    due = due_today(tracker, today=plan.follow_up_on, holidays=holidays)
    assert list(due["due_on"]) == [plan.second_contact_on, plan.follow_up_on]
    before = due_today(tracker, today=date(2025, 12, 24), holidays=holidays)
    assert before.empty


def test_nothing_due_for_finished_contacts() -> None:
    """A contact who met and was thanked needs nothing more."""
    tracker = make_tracker(
        [
            {
                "contact": "Gus",
                "sent_on": "2025-03-03",
                "replied_on": "2025-03-03",
                "meeting_on": "2025-03-05",
                "thanked_on": "2025-03-05",
            }
        ]
    )
    assert due_today(tracker, today="2025-04-01").empty


def test_tracker_summary(tmp_path: Path) -> None:
    """The summary counts each stage of outreach."""
    summary = tracker_summary(read_tracker(write(tmp_path, TRACKER_CSV)))
    assert summary.to_dict() == {
        "contacts": 5,
        "sent": 5,
        "replied": 2,
        "meetings": 1,
        "thanked": 0,
        "followed_up": 1,
        "reply_rate": 0.4,
    }


@pytest.mark.parametrize(
    ("row", "where", "message"),
    [
        (",Acme,,2025-03-03,,,,,", "2:1", "contact is empty"),
        ("Ana,Acme,ana.example.org,,,,,,", "2:3", "email 'ana.example.org' has no '@'"),
        ("Ana,Acme,,03/31/2025x,,,,,", "2:4", "cannot read the date '03/31/2025x'"),
        ("Ana,Acme,,2025-03-05,2025-03-04,,,,", "2:5", "a reply cannot come before the request"),
        ("Ana,Acme,,2025-03-05,,2025-03-07,2025-03-06,,", "2:7", "thank-you cannot come before"),
        ("Ana,Acme,,2025-03-05,,,,2025-03-01,", "2:8", "follow-up cannot come before"),
        ("Ana,Acme,,2025-03-05,,2025-03-01,,,", "2:6", "meeting cannot come before"),
    ],
)
def test_tracker_file_errors(tmp_path: Path, row: str, where: str, message: str) -> None:
    """A bad tracker row is refused with file:line:column and the problem."""
    path = write(tmp_path, TRACKER_CSV.splitlines()[0] + "\n" + row + "\n")
    with pytest.raises(TrackerDataError) as info:
        read_tracker(path)
    assert str(info.value).startswith(f"{path}:{where}: ")
    assert message in str(info.value)


def test_tracker_repeated_contact(tmp_path: Path) -> None:
    """The same person at the same employer is tracked once."""
    body = TRACKER_CSV + "ana ruiz,ACME Health Inc.,,,,,,,\n"
    with pytest.raises(TrackerDataError, match=r":7:1: 'ana ruiz' at ACME Health Inc\. is already"):
        read_tracker(write(tmp_path, body))


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (
            pd.DataFrame({"name ": ["Ana"], "sent": ["soon"]}),
            "tracker row 0, column 'sent_on': cannot read the date 'soon'",
        ),
        (pd.DataFrame({"organization": ["Acme"]}), "missing column 'contact'"),
        (pd.DataFrame([[1, 2]], columns=["Contact", "contact"]), "appears twice"),
    ],
)
def test_tracker_frame_errors(data: pd.DataFrame, match: str) -> None:
    """Bad tables in memory are refused naming row and column."""
    with pytest.raises(TrackerDataError, match=match):
        make_tracker(data)


def test_tracker_accepts_dates_and_timestamps() -> None:
    """Dates may be date objects, pandas timestamps or ISO strings."""
    tracker = make_tracker(
        pd.DataFrame(
            {
                "contact": ["Ana", "Ben"],
                "sent_on": [date(2025, 3, 3), pd.Timestamp("2025-03-04 10:30")],
                "replied_on": [None, "2025-03-05"],
            }
        )
    )
    assert list(tracker["sent_on"]) == [date(2025, 3, 3), date(2025, 3, 4)]
    assert list(tracker["replied_on"]) == [None, date(2025, 3, 5)]


def test_due_today_rejects_bad_today() -> None:
    """A day that cannot be read is refused."""
    with pytest.raises(InvalidParameter, match="today='tomorrow' is not a date"):
        due_today(make_tracker([{"contact": "Ana"}]), today="tomorrow")
