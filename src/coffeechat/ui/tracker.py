"""The follow-up board: a contact tracker, a form to add a conversation, and what is due.

Under the widget is :func:`follow_up_board`, an ordinary function: a tracker
and a day in, the table of what to do that day out (the tracker's own
:func:`coffeechat.tracking.due_today`, with dates written for people).

Examples
--------
>>> board = tracker_board([{"contact": "Ana Ruiz", "organization": "Acme",
...                         "sent_on": "2026-03-02"}], today="2026-03-05")
>>> board.table["action"].tolist()
['No reply after 3 business days: write to a second contact at Acme']
>>> board.contact.value, board.sent_on.value = "Ben Ode", "2026-02-20"
>>> board.add.click()
>>> board.table["contact"].tolist()
['Ben Ode', 'Ana Ruiz']
>>> board.today.value = "2026-03-11"
>>> board.table["when"].tolist()
['8 days overdue', '6 days overdue', 'today']
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date
from typing import Any

import ipywidgets as widgets
import pandas as pd

from coffeechat._args import checked
from coffeechat.errors import CoffeeChatError
from coffeechat.tracking import due_today, make_tracker
from coffeechat.ui._common import table_html

__all__ = ["BOARD_COLUMNS", "TrackerBoard", "follow_up_board", "tracker_board"]

#: Columns of :func:`follow_up_board`.
BOARD_COLUMNS: tuple[str, ...] = ("when", "contact", "organization", "action")


def _when(days_overdue: int) -> str:
    if days_overdue == 0:
        return "today"
    return f"{days_overdue} day{'s' if days_overdue != 1 else ''} overdue"


@checked
def follow_up_board(tracker: object, today: date | str) -> pd.DataFrame:
    """What to do on ``today``: follow-ups, thank-yous and replies due or overdue.

    Parameters
    ----------
    tracker : pandas.DataFrame or list of dict
        A contact tracker (see :func:`coffeechat.tracking.make_tracker`).
    today : datetime.date or ISO string

    Returns
    -------
    pandas.DataFrame
        Columns :data:`BOARD_COLUMNS`, the most overdue first; ``when`` says
        "today" or "3 days overdue".

    Raises
    ------
    TrackerDataError
        For a tracker that does not read, or a day that is not a date.

    Examples
    --------
    >>> follow_up_board([{"contact": "Ana", "sent_on": "2026-03-02",
    ...                   "replied_on": "2026-03-03", "meeting_on": "2026-03-09"}],
    ...                 "2026-03-11").loc[0, ["when", "action"]].tolist()
    ['1 day overdue', 'Send Ana a thank-you note (within 24 hours of meeting) with one takeaway']
    """
    due = due_today(make_tracker(tracker), today=today)
    board = pd.DataFrame(
        {
            "when": [_when(int(d)) for d in due["days_overdue"]],
            "contact": due["contact"].to_numpy(),
            "organization": due["organization"].to_numpy(),
            "action": due["action"].to_numpy(),
        },
        columns=list(BOARD_COLUMNS),
    )
    return board


class TrackerBoard(widgets.VBox):
    """A form to add a request or a conversation, above the board of what is due.

    Build one with :func:`tracker_board`. Clicking **Add** puts a row in
    :attr:`tracker`; changing :attr:`today` or adding a row recomputes
    :attr:`table` with :func:`follow_up_board`. A row that does not fit (a
    name already tracked, a date that does not read) is explained in
    :attr:`status` and not added.

    Attributes
    ----------
    contact, organization, sent_on, meeting_on, today : ipywidgets.Text
        The form's fields (dates written like 2026-03-14) and the day shown.
    add : ipywidgets.Button
    status : ipywidgets.HTML
        One sentence: what was added, or what is wrong.
    result : ipywidgets.HTML
        The board, as HTML.
    tracker : pandas.DataFrame
        The tracker now.
    table : pandas.DataFrame
        The board now shown.
    """

    @checked
    def __init__(self, tracker: object, today: date | str) -> None:
        if tracker is None or (isinstance(tracker, list | tuple) and not tracker):
            tracker = pd.DataFrame(columns=["contact"])  # an empty tracker still has its columns
        self.tracker = make_tracker(tracker)

        def field(label: str, placeholder: str = "") -> widgets.Text:
            return widgets.Text(
                description=label,
                placeholder=placeholder,
                style={"description_width": "initial"},
                layout=widgets.Layout(width="260px"),
            )

        self.contact = field("Name", "Ana Ruiz")
        self.organization = field("Organisation", "Acme Health")
        self.sent_on = field("Request sent", "2026-03-14")
        self.meeting_on = field("Met on (if you did)", "")
        self.add = widgets.Button(description="Add", button_style="primary")
        self.today = field("Today is")
        self.today.value = str(today)
        self.status = widgets.HTML()
        self.summary = widgets.HTML()
        self.result = widgets.HTML()
        self.table = pd.DataFrame(columns=list(BOARD_COLUMNS))
        self.add.on_click(self._add)
        self.today.observe(self._update, names="value")
        super().__init__(
            children=[
                widgets.HBox([self.contact, self.organization]),
                widgets.HBox([self.sent_on, self.meeting_on, self.add]),
                self.status,
                self.today,
                self.summary,
                self.result,
            ]
        )
        self._update()

    def _add(self, _: Any = None) -> None:
        name = self.contact.value.strip()
        row = {
            "contact": name,
            "organization": self.organization.value.strip(),
            "sent_on": self.sent_on.value.strip(),
            "meeting_on": self.meeting_on.value.strip(),
        }
        if row["meeting_on"] and not row["sent_on"]:
            row["sent_on"] = row["meeting_on"]
        if row["meeting_on"]:
            row["replied_on"] = row["sent_on"]
        try:
            grown = make_tracker(pd.concat([self.tracker, pd.DataFrame([row])], ignore_index=True))
        except CoffeeChatError as err:
            message = html.escape(str(err))
            self.status.value = f"<span style='color:#b00'>Not added: {message}</span>"
            return
        self.tracker = grown
        self.status.value = f"Added {html.escape(name)}."
        for box in (self.contact, self.organization, self.sent_on, self.meeting_on):
            box.value = ""
        self._update()

    def _update(self, change: Mapping[str, Any] | None = None) -> None:
        try:
            self.table = follow_up_board(self.tracker, self.today.value.strip())
        except CoffeeChatError as err:
            self.summary.value = f"<span style='color:#b00'>{html.escape(str(err))}</span>"
            return
        overdue = int((self.table["when"] != "today").sum())
        self.summary.value = (
            f"<b>{len(self.table) - overdue} due today, {overdue} overdue</b> "
            f"({len(self.tracker)} people in the tracker)."
            if len(self.table)
            else "<b>Nothing due today.</b>"
        )
        self.result.value = table_html(self.table)


@checked
def tracker_board(tracker: object = None, today: date | str | None = None) -> TrackerBoard:
    """The follow-up board widget (see :class:`TrackerBoard`).

    Parameters
    ----------
    tracker : pandas.DataFrame or list of dict, optional
        The tracker to start from; empty by default.
    today : datetime.date or ISO string, optional
        The day to show; today by default.
    """
    return TrackerBoard(tracker, today or date.today().isoformat())
