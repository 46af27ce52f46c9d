"""The 3B7 calendar: when to write to a second person, and when to follow up.

After a request with no reply, the "3B7" routine (Steve Dalton, *The 2-Hour
Job Search*) says: three business days later, write to a second person at
the same employer; seven business days later, send the first person one short
follow-up. :func:`follow_up_calendar` lays the days out, one row each, from
the library's :func:`coffeechat.outreach.follow_up_dates`; the widget draws
them as a calendar.

Examples
--------
>>> table = follow_up_calendar("2025-03-03")  # a Monday
>>> for row in table[table["to do"] != ""].itertuples(index=False):
...     print(row[0], row[1], row[2] or "-", row[3])
2025-03-03 Mon - send the request
2025-03-06 Thu 3 no reply yet: write to a second contact at the same employer
2025-03-12 Wed 7 still no reply: send one short follow-up to the first contact
>>> calendar = follow_up_calendar_widget("2025-03-03")
>>> calendar.holidays.value = "2025-03-05"
>>> str(calendar.dates.second_contact_on)
'2025-03-07'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

import ipywidgets as widgets
import pandas as pd

from coffeechat._args import checked
from coffeechat.errors import CoffeeChatError, InvalidParameter
from coffeechat.outreach import FollowUpDates, follow_up_dates

__all__ = [
    "CALENDAR_COLUMNS",
    "FollowUpCalendar",
    "follow_up_calendar",
    "follow_up_calendar_widget",
    "parse_holidays",
]

#: Columns of :func:`follow_up_calendar`.
CALENDAR_COLUMNS: tuple[str, ...] = ("date", "weekday", "business day", "to do")


@checked
def parse_holidays(text: str) -> list[date]:
    """Dates written one a line (or separated by commas), like ``2025-12-25``.

    Raises
    ------
    InvalidParameter
        Naming the line and the text that is not a date.

    Examples
    --------
    >>> parse_holidays("2025-12-25, 2025-12-26\\n")
    [datetime.date(2025, 12, 25), datetime.date(2025, 12, 26)]
    """
    if not isinstance(text, str):
        raise InvalidParameter(f"holidays must be text, not {type(text).__name__}")
    found: list[date] = []
    for number, line in enumerate(text.splitlines(), start=1):
        for piece in line.replace(";", ",").split(","):
            piece = piece.strip()
            if not piece:
                continue
            try:
                found.append(date.fromisoformat(piece))
            except ValueError as err:
                raise InvalidParameter(
                    f"holidays line {number}: {piece!r} is not a date; write it like 2025-12-25"
                ) from err
    return found


@checked
def follow_up_calendar(
    sent_on: date | datetime | str, holidays: Iterable[date | str] = ()
) -> pd.DataFrame:
    """Every day from the request to the follow-up, and what to do on the 3B7 days.

    Parameters
    ----------
    sent_on : datetime.date or ISO string
        When the request went out.
    holidays : iterable of dates or ISO strings
        Days that are not business days, besides weekends.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CALENDAR_COLUMNS`: the date, its weekday, its number
        as a business day after the request ("" on weekends and holidays)
        and what to do ("" on most days).

    Raises
    ------
    InvalidParameter
        If a date cannot be read.
    """
    dates = follow_up_dates(sent_on, holidays)
    free = {h if isinstance(h, date) else date.fromisoformat(str(h).strip()) for h in holidays}
    todo = dict(dates.steps())
    rows = []
    day, count = dates.sent_on, 0
    while day <= dates.follow_up_on:
        business = day.weekday() < 5 and day not in free
        if day > dates.sent_on and business:
            count += 1
        label = "holiday" if day in free else ("weekend" if day.weekday() >= 5 else "")
        rows.append(
            {
                "date": day,
                "weekday": day.strftime("%a"),
                "business day": str(count) if business and day > dates.sent_on else label,
                "to do": "send the request" if day == dates.sent_on else todo.get(day, ""),
            }
        )
        day += timedelta(days=1)
    return pd.DataFrame(rows, columns=list(CALENDAR_COLUMNS))


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_COLOURS = {"send": "#cfe2ff", "second": "#fff3cd", "follow": "#d1e7dd", "off": "#eeeeee"}


def _calendar_html(table: pd.DataFrame, dates: FollowUpDates) -> str:
    first = dates.sent_on - timedelta(days=dates.sent_on.weekday())
    last = dates.follow_up_on + timedelta(days=6 - dates.follow_up_on.weekday())
    by_day = {row.date: row for row in table.itertuples(index=False)}
    head = "".join(f"<th style='padding:4px 10px'>{d}</th>" for d in _WEEKDAYS)
    weeks = []
    day = first
    while day <= last:
        cells = []
        for _ in range(7):
            row = by_day.get(day)
            colour = "#ffffff"
            mark = ""
            if day == dates.sent_on:
                colour, mark = _COLOURS["send"], "sent"
            elif day == dates.second_contact_on:
                colour, mark = _COLOURS["second"], "3: second person"
            elif day == dates.follow_up_on:
                colour, mark = _COLOURS["follow"], "7: follow up"
            elif row is not None and row[2] in ("weekend", "holiday"):
                colour, mark = _COLOURS["off"], row[2]
            elif day.weekday() >= 5:
                colour = _COLOURS["off"]
            elif row is not None:
                mark = f"day {row[2]}"
            cells.append(
                f"<td style='padding:4px 8px;border:1px solid #ddd;background:{colour};"
                f"vertical-align:top;min-width:70px'><b>{day.strftime('%d %b')}</b>"
                f"<br><small>{html.escape(mark)}</small></td>"
            )
            day += timedelta(days=1)
        weeks.append(f"<tr>{''.join(cells)}</tr>")
    return (
        '<table class="coffeechat-calendar" style="border-collapse:collapse;font-size:14px">'
        f"<tr>{head}</tr>{''.join(weeks)}</table>"
    )


class FollowUpCalendar(widgets.VBox):
    """Pick the day you sent a request (and any holidays); see the 3B7 days.

    Build one with :func:`follow_up_calendar_widget`.

    Attributes
    ----------
    sent_on : ipywidgets.DatePicker
    holidays : ipywidgets.Textarea
        Holidays, one date a line, like 2025-12-25.
    summary : ipywidgets.HTML
        The two dates in words (or what is wrong with the holidays).
    calendar : ipywidgets.HTML
        The weeks from the request to the follow-up.
    table : pandas.DataFrame
        As returned by :func:`follow_up_calendar`.
    dates : FollowUpDates or None
    """

    @checked
    def __init__(self, sent_on: date, holidays: str = "") -> None:
        self.sent_on = widgets.DatePicker(value=sent_on, description="Request sent on")
        self.holidays = widgets.Textarea(
            value=holidays,
            placeholder="holidays, one a line: 2025-12-25",
            description="Holidays",
            continuous_update=False,
            layout=widgets.Layout(width="260px", height="70px"),
        )
        self.summary = widgets.HTML()
        self.calendar = widgets.HTML()
        self.table = pd.DataFrame(columns=list(CALENDAR_COLUMNS))
        self.dates: FollowUpDates | None = None
        self.sent_on.observe(self._update, names="value")
        self.holidays.observe(self._update, names="value")
        super().__init__(
            children=[widgets.HBox([self.sent_on, self.holidays]), self.summary, self.calendar]
        )
        self._update()

    def _update(self, change: Mapping[str, Any] | None = None) -> None:
        if self.sent_on.value is None:
            self.summary.value = "<p>Pick the day you sent the request.</p>"
            self.calendar.value = ""
            return
        try:
            holidays = parse_holidays(self.holidays.value)
            self.dates = follow_up_dates(self.sent_on.value, holidays)
            self.table = follow_up_calendar(self.sent_on.value, holidays)
        except CoffeeChatError as err:
            self.summary.value = f"<p style='color:#a00'>{html.escape(str(err))}</p>"
            return
        d = self.dates
        self.summary.value = (
            '<p class="coffeechat-summary" style="font-size:16px;margin:6px 0">'
            f"Sent {d.sent_on:%a %d %b %Y}. No reply by <b>{d.second_contact_on:%a %d %b}</b> "
            f"(3 business days): write to a second person at the same employer. Still none by "
            f"<b>{d.follow_up_on:%a %d %b}</b> (7 business days): one short follow-up to the "
            "first.</p>"
        )
        self.calendar.value = _calendar_html(self.table, d)


@checked
def follow_up_calendar_widget(
    sent_on: date | datetime | str | None = None, holidays: str = ""
) -> FollowUpCalendar:
    """A calendar of the 3B7 days for a request; change the date and the holidays.

    Parameters
    ----------
    sent_on : datetime.date or ISO string, optional
        Where the date picker starts; today by default.
    holidays : str, optional
        Holidays to start with, one a line.

    Returns
    -------
    FollowUpCalendar
        The widget; leave it as the last line of a cell to show it.
    """
    if sent_on is None:
        start = date.today()
    elif isinstance(sent_on, datetime):
        start = sent_on.date()
    elif isinstance(sent_on, date):
        start = sent_on
    elif isinstance(sent_on, str):
        try:
            start = date.fromisoformat(sent_on.strip())
        except ValueError as err:
            raise InvalidParameter(
                f"sent_on={sent_on!r} is not a date; write it like 2025-03-14"
            ) from err
    else:
        raise InvalidParameter(f"sent_on must be a date, not {type(sent_on).__name__}")
    return FollowUpCalendar(start, holidays)
