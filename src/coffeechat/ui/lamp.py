"""The LAMP builder: score your target employers and watch the list re-sort.

The LAMP method (Steve Dalton, *The 2-Hour Job Search*) lists at least 40
employers, scores each for Advocacy (a contact there?), Motivation (0–3) and
Posting (1–3), and sorts by Motivation, then Posting, then Advocacy. The
sorting and checking are :func:`coffeechat.tracking.make_lamp`; under the
widget, :func:`lamp_summary` says in words where the list stands.

Examples
--------
>>> builder = lamp_builder([
...     {"employer": "Acme Health", "advocacy": "yes", "motivation": 2, "posting": 3},
...     {"employer": "Borealis Labs", "advocacy": "no", "motivation": 3, "posting": 1},
... ])
>>> list(builder.lamp["employer"])
['Borealis Labs', 'Acme Health']
>>> builder.employer.value = "Acme Health"
>>> builder.motivation.value = 3
>>> list(builder.lamp["employer"])
['Acme Health', 'Borealis Labs']
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd

from coffeechat._args import checked, given
from coffeechat.errors import CoffeeChatError, InvalidParameter
from coffeechat.tracking import MIN_EMPLOYERS, make_lamp
from coffeechat.ui._common import table_html

__all__ = ["LampBuilder", "lamp_builder", "lamp_summary"]

_SHOWN = ("employer", "advocacy", "motivation", "posting")


def _rows(data: object, name: str) -> None:
    """The argument rule for a LAMP list: a table, or a list of rows (dicts)."""
    if isinstance(data, pd.DataFrame):
        return
    if isinstance(data, list | tuple):
        odd = next((row for row in data if not isinstance(row, Mapping)), None)
        if odd is None:
            return
        raise InvalidParameter(
            f"{name} should be a list of rows (dicts), but it holds {given(odd)}"
        )
    raise InvalidParameter(
        f"{name} should be a LAMP list: a pandas DataFrame or a list of rows (dicts), "
        f"not {given(data)}"
    )


@checked(lamp=_rows)
def lamp_summary(
    lamp: pd.DataFrame | list[dict[str, Any]], *, min_employers: int = MIN_EMPLOYERS, top: int = 3
) -> str:
    """Where a LAMP list stands, in one or two sentences.

    Parameters
    ----------
    lamp : pandas.DataFrame or list of dict
        A LAMP list (a table, or a list of rows), sorted or not (it is checked and sorted with
        :func:`~coffeechat.tracking.make_lamp`).
    min_employers : int, default 40
        How many employers the list should hold.
    top : int, default 3
        How many employers to name as the place to start.

    Returns
    -------
    str

    Examples
    --------
    >>> print(lamp_summary([{"employer": "Acme", "advocacy": "no", "motivation": 3,
    ...                      "posting": 2}]))
    1 employer: add 39 more (their suppliers, competitors and customers count). Start with: Acme.
    """
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise InvalidParameter(f"top must be a whole number of at least 1, not {top!r}")
    checked = make_lamp(lamp, min_employers=0)
    n = len(checked)
    if n == 0:
        return "The list is empty: add the employers you would like to learn about."
    count = f"{n} employer{'s' if n != 1 else ''}"
    if n < min_employers:
        head = (
            f"{count}: add {min_employers - n} more (their suppliers, competitors and "
            "customers count)."
        )
    else:
        head = f"{count} — enough (the method asks for at least {min_employers})."
    first = ", ".join(checked["employer"].head(top))
    return f"{head} Start with: {first}."


def _rows_in_order(data: object) -> list[dict[str, Any]]:
    """The list's rows, checked by make_lamp but in the order given (ties keep it)."""
    frame = data.reset_index(drop=True) if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    if frame.empty:
        return []
    checked = make_lamp(frame.assign(given_order=range(len(frame))), min_employers=0)
    ordered = checked.sort_values("given_order").drop(columns="given_order")
    return ordered.to_dict("records")


class LampBuilder(widgets.VBox):
    """Pick an employer, change its scores, add employers; the list re-sorts at once.

    Build one with :func:`lamp_builder`.

    Attributes
    ----------
    employer : ipywidgets.Dropdown
        The employer whose scores the controls below show and change.
    advocacy : ipywidgets.Checkbox
        Whether you have a contact (alum or advocate) there.
    motivation : ipywidgets.IntSlider
        How much you want to work there, 0 to 3.
    posting : ipywidgets.ToggleButtons
        3 for a posting in your field, 2 for postings in other fields, 1 for none.
    new_employer : ipywidgets.Text
        A name to add; press **Add** (or set ``new_employer.value`` and call
        :meth:`add`).
    summary : ipywidgets.HTML
        :func:`lamp_summary` of the list.
    result : ipywidgets.HTML
        The sorted list, as a table.
    lamp : pandas.DataFrame
        The sorted list now shown, as :func:`~coffeechat.tracking.make_lamp` returns it.
    """

    @checked(data=_rows)
    def __init__(self, data: object = (), *, min_employers: int = MIN_EMPLOYERS) -> None:
        self.min_employers = min_employers
        self._rows = _rows_in_order(data)
        self._loading = False
        self.employer = widgets.Dropdown(
            options=sorted((r["employer"] for r in self._rows), key=str.casefold),
            description="Employer",
            layout=widgets.Layout(width="360px"),
        )
        self.advocacy = widgets.Checkbox(description="A contact there (Advocacy)", indent=False)
        self.motivation = widgets.IntSlider(
            min=0, max=3, description="Motivation", continuous_update=False
        )
        self.posting = widgets.ToggleButtons(
            options=[("1 none", 1), ("2 other fields", 2), ("3 your field", 3)],
            description="Posting",
            style={"button_width": "110px"},
        )
        self.new_employer = widgets.Text(
            placeholder="another employer", layout=widgets.Layout(width="260px")
        )
        self.add_button = widgets.Button(description="Add", icon="plus")
        self.message = widgets.HTML()
        self.summary = widgets.HTML()
        self.result = widgets.HTML()
        self.lamp = pd.DataFrame()
        self.employer.observe(self._load, names="value")
        for control in (self.advocacy, self.motivation, self.posting):
            control.observe(self._store, names="value")
        self.add_button.on_click(self.add)
        super().__init__(
            children=[
                widgets.HBox([self.employer, self.advocacy]),
                widgets.HBox([self.motivation, self.posting]),
                widgets.HBox([self.new_employer, self.add_button, self.message]),
                self.summary,
                self.result,
            ]
        )
        self._load()
        self._update()

    def _row(self) -> dict[str, Any] | None:
        for row in self._rows:
            if row["employer"] == self.employer.value:
                return row
        return None

    def _load(self, change: Mapping[str, Any] | None = None) -> None:
        row = self._row()
        if row is None:
            return
        self._loading = True
        try:
            self.advocacy.value = bool(row["advocacy"])
            self.motivation.value = int(row["motivation"])
            self.posting.value = int(row["posting"])
        finally:
            self._loading = False

    def _store(self, change: Mapping[str, Any] | None = None) -> None:
        row = self._row()
        if self._loading or row is None:
            return
        row["advocacy"] = bool(self.advocacy.value)
        row["motivation"] = int(self.motivation.value)
        row["posting"] = int(self.posting.value)
        self._update()

    def add(self, _button: widgets.Button | None = None) -> None:
        """Add the employer typed in :attr:`new_employer` (scored 0 / 1 / no to start)."""
        name = " ".join(self.new_employer.value.split())
        if not name:
            self.message.value = "Type an employer's name first."
            return
        row = {"employer": name, "advocacy": False, "motivation": 0, "posting": 1}
        try:
            make_lamp([*self._rows, row], min_employers=0)
        except CoffeeChatError as err:
            self.message.value = html.escape(str(err).split(": ", 1)[-1])
            return
        self._rows.append(row)
        self.message.value = f"Added {html.escape(name)}: now score it."
        self.new_employer.value = ""
        self.employer.options = sorted((r["employer"] for r in self._rows), key=str.casefold)
        self.employer.value = name
        self._update()

    def _update(self) -> None:
        self.lamp = (
            make_lamp(self._rows, min_employers=0)
            if self._rows
            else make_lamp(pd.DataFrame(columns=list(_SHOWN)), min_employers=0)
        )
        self.summary.value = (
            '<p class="coffeechat-summary" style="font-size:17px;margin:6px 0">'
            f"{html.escape(lamp_summary(self.lamp, min_employers=self.min_employers))}</p>"
        )
        shown = self.lamp[list(_SHOWN)].reset_index()
        shown["advocacy"] = shown["advocacy"].map({True: "yes", False: "no"})
        self.result.value = table_html(shown)


@checked(data=_rows)
def lamp_builder(data: object = (), *, min_employers: int = MIN_EMPLOYERS) -> LampBuilder:
    """A widget to score a LAMP list and see it sorted as you go.

    Parameters
    ----------
    data : pandas.DataFrame or list of dict, optional
        A LAMP list to start from (columns as for
        :func:`~coffeechat.tracking.make_lamp`).
    min_employers : int, default 40
        How many employers the summary asks for.

    Returns
    -------
    LampBuilder
        The widget; leave it as the last line of a cell to show it.

    Raises
    ------
    TrackerDataError
        If ``data`` is not a valid LAMP list (the message names the row).
    """
    return LampBuilder(data, min_employers=min_employers)
