"""Module 3's widgets and the functions under them; the sample LAMP list and its generator."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from coffeechat.datasets import load_sample_lamp, make_lamp_list
from coffeechat.errors import InvalidParameter, TrackerDataError
from coffeechat.outreach import review_request
from coffeechat.tracking import make_lamp
from coffeechat.ui import (
    follow_up_calendar,
    follow_up_calendar_widget,
    lamp_builder,
    lamp_summary,
    parse_holidays,
    request_checker,
    request_findings,
)

ROOT = Path(__file__).resolve().parents[1]

GOOD = (
    "Hi Amara,\nFarah Siddiqui suggested that I write to you. Your research on the Pulsewise "
    "patient app caught my eye, and I would love to hear how your team tests new ideas with "
    "patients. Would you be open to a 20-minute call in the next few weeks, at a time that "
    "suits you?\nBest wishes,\nAlex"
)
BAD = "Dear Ms Nwosu,\nI want a job at Pulsewise. I attached my CV.\nAlex"


# ------------------------------------------------------------- request checker
def test_request_findings_follow_the_review():
    """One row per rule of the library's review, with its verdict and message."""
    table = request_findings(BAD, connection="Farah Siddiqui")
    review = review_request(BAD, connection="Farah Siddiqui")
    assert list(table["ok"]) == [f.passed for f in review.findings]
    assert list(table["what to change"]) == [f.message for f in review.findings]
    assert not table["ok"].all()
    assert request_findings(GOOD, connection="Farah Siddiqui")["ok"].all()


def test_request_findings_blank_connection_means_any():
    """An empty connection box is the same as no connection given."""
    assert request_findings(GOOD, connection="  ").equals(request_findings(GOOD))


def test_request_findings_rejects_bad_arguments():
    """A non-string text is an InvalidParameter, not a traceback from deep inside."""
    with pytest.raises(InvalidParameter, match="text should be text"):
        request_findings(42)  # type: ignore[arg-type]


def test_request_checker_updates_as_you_type():
    """Setting the text (as each keystroke does) reruns the review; so does the connection."""
    checker = request_checker(connection="Farah Siddiqui")
    assert checker.table.empty and "Type your request" in checker.summary.value
    checker.text.value = BAD
    assert not checker.table["ok"].all()
    assert "✗" in checker.findings.value and "to fix" in checker.summary.value
    checker.text.value = GOOD
    assert checker.table["ok"].all() and "ready to send" in checker.summary.value
    checker.connection.value = "Rachel Goldberg"
    row = checker.table[checker.table["rule"] == "Connection in the first sentence"]
    assert not row["ok"].item() and "Rachel Goldberg" in row["what to change"].item()


def test_request_checker_escapes_html():
    """Text from the learner is shown as text, never as markup."""
    checker = request_checker("Hi <b>Ana</b>, <script>x</script> Would you?")
    assert "<script>" not in checker.findings.value


# ----------------------------------------------------------------- LAMP
def test_sample_lamp_is_a_valid_list_of_45():
    """Alex's list passes make_lamp (40 or more employers) and keeps the spreadsheet's blanks."""
    lamp = load_sample_lamp()
    assert len(lamp) == 45 and len(make_lamp(lamp)) == 45
    assert list(lamp.columns) == ["employer", "advocacy", "motivation", "posting", "notes"]


def test_make_lamp_list_is_reproducible_and_has_ties():
    """The same seed gives the same list; scores repeat, so tie-breaks matter."""
    one = make_lamp_list(60, seed=7)
    assert one.equals(make_lamp_list(60, seed=7))
    assert not one.equals(make_lamp_list(60, seed=8))
    assert one["employer"].is_unique
    assert one.duplicated(["motivation", "posting"]).any()
    make_lamp(one)  # valid


def test_make_lamp_list_rejects_a_bad_size():
    """n must be a whole number of at least 1."""
    with pytest.raises(InvalidParameter, match="n must be"):
        make_lamp_list(0)


def test_bundled_lamp_file_is_what_the_tool_writes():
    """tools/make_lamp.py --check finds the bundled file up to date."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_lamp.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_lamp_summary_counts_and_names_the_top():
    """Too short a list is told how many more to add; the top employers are named."""
    rows = [
        {"employer": "Acme", "advocacy": "no", "motivation": 1, "posting": 1},
        {"employer": "Borealis", "advocacy": "yes", "motivation": 3, "posting": 2},
    ]
    assert lamp_summary(rows) == (
        "2 employers: add 38 more (their suppliers, competitors and customers count). "
        "Start with: Borealis, Acme."
    )
    assert "enough" in lamp_summary(load_sample_lamp())


def test_lamp_builder_re_sorts_when_a_score_changes():
    """Changing an employer's Motivation moves it; the table and summary follow."""
    builder = lamp_builder(load_sample_lamp())
    assert list(builder.lamp["employer"]) == list(make_lamp(load_sample_lamp())["employer"])
    builder.employer.value = "Medisight Analytics"
    assert builder.motivation.value == 1 and builder.advocacy.value is True  # two hops away
    builder.motivation.value = 3
    builder.posting.value = 3
    builder.advocacy.value = True
    assert builder.lamp["employer"].iloc[0] == "Medisight Analytics"
    assert "Start with: Medisight Analytics" in builder.summary.value


def test_lamp_builder_adds_employers_and_refuses_repeats():
    """Add puts a new employer in the list; the same name again is refused with a reason."""
    builder = lamp_builder([{"employer": "Acme", "advocacy": "no", "motivation": 2, "posting": 1}])
    builder.new_employer.value = "Borealis Labs"
    builder.add()
    assert builder.employer.value == "Borealis Labs"
    assert set(builder.lamp["employer"]) == {"Acme", "Borealis Labs"}
    builder.new_employer.value = "ACME"
    builder.add()
    assert len(builder.lamp) == 2 and "already listed" in builder.message.value


def test_lamp_builder_reports_bad_data():
    """A bad starting list raises the tracker's own error, naming the row."""
    with pytest.raises(TrackerDataError, match="motivation"):
        lamp_builder([{"employer": "Acme", "advocacy": "no", "motivation": 9, "posting": 1}])


# ----------------------------------------------------------------- 3B7
def test_follow_up_calendar_marks_day_three_and_seven():
    """A Thursday before a four-day Easter weekend: day 3 and day 7 skip the holidays."""
    table = follow_up_calendar("2025-04-17", ["2025-04-18", "2025-04-21"])
    todo = table[table["to do"] != ""]
    assert list(todo["date"]) == [date(2025, 4, 17), date(2025, 4, 24), date(2025, 4, 30)]
    assert table.set_index("date").loc[date(2025, 4, 18), "business day"] == "holiday"
    assert table.set_index("date").loc[date(2025, 4, 19), "business day"] == "weekend"
    assert table["business day"].iloc[-1] == "7"


def test_parse_holidays_names_the_bad_line():
    """A holiday that is not a date is reported with its line."""
    assert parse_holidays("2025-12-25\n\n2025-12-26, 2026-01-01") == [
        date(2025, 12, 25),
        date(2025, 12, 26),
        date(2026, 1, 1),
    ]
    with pytest.raises(InvalidParameter, match="line 2: 'Boxing Day'"):
        parse_holidays("2025-12-25\nBoxing Day")


def test_calendar_widget_follows_the_date_and_holidays():
    """Changing the date or the holidays redraws the summary and the calendar."""
    calendar = follow_up_calendar_widget("2025-03-03")
    assert calendar.dates.second_contact_on == date(2025, 3, 6)
    calendar.holidays.value = "2025-03-05"
    assert calendar.dates.second_contact_on == date(2025, 3, 7)
    calendar.sent_on.value = date(2025, 3, 8)  # a Saturday counts from Monday
    assert calendar.dates.second_contact_on == date(2025, 3, 13)
    assert "Thu 13 Mar" in calendar.summary.value and "13 Mar" in calendar.calendar.value
    calendar.holidays.value = "not a date"
    assert "is not a date" in calendar.summary.value


def test_calendar_widget_rejects_a_bad_start():
    """A start that is not a date is an InvalidParameter."""
    with pytest.raises(InvalidParameter, match="not a date"):
        follow_up_calendar_widget("soon")


def test_widgets_are_widgets_not_displays():
    """The makers return widgets (shown by a notebook as the last line), tables are DataFrames."""
    import ipywidgets as widgets

    assert isinstance(request_checker(), widgets.Widget)
    assert isinstance(lamp_builder(), widgets.Widget)
    assert isinstance(follow_up_calendar("2025-03-03"), pd.DataFrame)
