"""Widgets for your own search: rate your short list, and note your second ring.

:class:`RatingBoard` shows one row a person on your short list, with the
kind of your tie and how well you know them; **Save** writes the table
beside your export (:func:`coffeechat.ratings.write_ratings`). Underneath
sit :func:`coffeechat.ratings.rating_table` and
:func:`coffeechat.ratings.apply_ratings`, so ``board.table()`` and
``board.rated_network()`` give the same results without a browser.

:class:`SecondRingForm` adds a row to your second-ring file: a person at a
target, and the contact of yours (chosen from a menu, so never misspelt) who
knows them. Underneath sit :mod:`coffeechat.second_ring`'s template and reader.

Examples
--------
>>> import pathlib, tempfile
>>> import coffeechat as cc
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> net = cc.load_sample_network()
>>> board = rate_contacts(net, ["zoe-lefevre", "lucia-moreno"], folder / "ratings.csv")
>>> board.how_well["zoe-lefevre"].value = "very well"
>>> board.save.click()
>>> board.rated_network().tie("me", "zoe-lefevre").strength
0.9
>>> form = second_ring_form(net, folder / "second-ring.csv")
>>> form.name.value, form.organization.value = "Ines Quarry", "Glasswing Labs"
>>> form.via.value = "zoe-lefevre"
>>> form.add.click()
>>> list(form.rows()["name"])
['Ines Quarry']
"""

from __future__ import annotations

import csv
import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd

from coffeechat._args import checked
from coffeechat.contacts import TIE_KINDS, Network
from coffeechat.errors import CoffeeChatError
from coffeechat.ratings import HOW_WELL, apply_ratings, rating_table, write_ratings
from coffeechat.second_ring import (
    SECOND_RING_COLUMNS,
    read_second_ring,
    write_second_ring_template,
)

__all__ = ["RatingBoard", "SecondRingForm", "rate_contacts", "second_ring_form"]


def _note(text: str, ok: bool) -> str:
    colour = "#1a7f37" if ok else "#b42318"
    return f"<span style='color:{colour};font-size:15px'>{html.escape(text)}</span>"


class RatingBoard(widgets.VBox):
    """One row a person: their name, the kind of your tie, how well you know them.

    ``kind`` and ``how_well`` map each person's id to their menu; ``save``
    writes the table to ``path``; ``status`` says what happened. Use
    :func:`rate_contacts` to make one.
    """

    @checked
    def __init__(self, network: Network, people: Iterable[str], path: str | Path) -> None:
        self.network = network
        self.path = Path(path)
        start = rating_table(network, people)
        self._start = start
        self.kind: dict[str, widgets.Dropdown] = {}
        self.how_well: dict[str, widgets.Dropdown] = {}
        rows = []
        for row in start.itertuples(index=False):
            who = f"{row.name}" + (
                f" — {row.role} at {row.organization}" if row.organization else ""
            )
            self.kind[row.id] = widgets.Dropdown(
                options=list(TIE_KINDS), value=row.kind, layout=widgets.Layout(width="12em")
            )
            self.how_well[row.id] = widgets.Dropdown(
                options=list(HOW_WELL), value=row.how_well, layout=widgets.Layout(width="9em")
            )
            label = widgets.HTML(f"<b>{html.escape(who)}</b>", layout=widgets.Layout(width="28em"))
            rows.append(widgets.HBox([label, self.kind[row.id], self.how_well[row.id]]))
        self.save = widgets.Button(description="Save", button_style="primary", icon="save")
        self.status = widgets.HTML()
        head = widgets.HTML(
            "<b>How well do you know them?</b> The kind of tie, and how well: your own rough "
            "guide, saved next to your export."
        )
        super().__init__(
            [head, *rows, widgets.HBox([self.save, self.status])],
            layout=widgets.Layout(border="1px solid #ddd", padding="8px"),
        )
        self.save.on_click(self._save)

    def table(self) -> pd.DataFrame:
        """The ratings as the menus show them (a table like ``rating_table``'s)."""
        table = self._start.copy()
        table["kind"] = [self.kind[p].value for p in table["id"]]
        table["how_well"] = [self.how_well[p].value for p in table["id"]]
        return table

    def rated_network(self) -> Network:
        """Your network with these ratings (see :func:`coffeechat.ratings.apply_ratings`)."""
        return apply_ratings(self.network, self.table())

    def _save(self, _button: Any = None) -> None:
        try:
            saved = write_ratings(self.table(), self.path)
        except CoffeeChatError as err:
            self.status.value = _note(f"Not saved: {err}", ok=False)
            return
        self.status.value = _note(f"Saved {len(self._start)} ratings to {saved.name}.", ok=True)


@checked
def rate_contacts(network: Network, people: Iterable[str], path: str | Path) -> RatingBoard:
    """The rating board for your short list (see :class:`RatingBoard`).

    Parameters
    ----------
    network : Network
        Your network.
    people : iterable of str
        Ids of your own contacts to rate.
    path : str or Path
        Where Save writes the ratings (see :func:`coffeechat.ratings.ratings_path`).
    """
    return RatingBoard(network, people, path)


class SecondRingForm(widgets.VBox):
    """A form that adds one second-ring person at a time to your file.

    ``name``, ``organization`` and ``role`` are text boxes, ``via`` the menu of
    your contacts, ``add`` the button, ``status`` what happened and ``listing``
    the rows so far. Use :func:`second_ring_form` to make one.
    """

    @checked
    def __init__(self, network: Network, path: str | Path) -> None:
        self.network = network
        self.path = Path(path)
        contacts = sorted(
            ((network.person(p).name, p) for p in network.neighbors(network.me)),
            key=lambda pair: (pair[0].casefold(), pair[1]),
        )
        self.name = widgets.Text(description="Name", placeholder="Their name")
        self.organization = widgets.Text(description="Organisation", placeholder="Where they work")
        self.role = widgets.Text(description="Role", placeholder="Their role (optional)")
        self.via = widgets.Dropdown(
            description="Via", options=[("(your contact who knows them)", ""), *contacts], value=""
        )
        self.add = widgets.Button(description="Add", button_style="primary", icon="plus")
        self.status = widgets.HTML()
        self.listing = widgets.HTML()
        super().__init__(
            [
                widgets.HTML(
                    f"<b>Your second ring</b>: people at your targets whom a contact of yours "
                    f"knows (LinkedIn shows “mutual connections”). Saved in "
                    f"{html.escape(self.path.name)}."
                ),
                self.name,
                self.organization,
                self.role,
                self.via,
                widgets.HBox([self.add, self.status]),
                self.listing,
            ],
            layout=widgets.Layout(border="1px solid #ddd", padding="8px"),
        )
        self.add.on_click(self._add)
        self._show()

    def rows(self) -> pd.DataFrame:
        """The rows so far, read and checked (see :func:`read_second_ring`)."""
        if not self.path.is_file():
            return pd.DataFrame(columns=[*SECOND_RING_COLUMNS, "via_id", "line"])
        return read_second_ring(self.path, self.network)

    def _show(self) -> None:
        try:
            rows = self.rows()
        except CoffeeChatError as err:
            self.listing.value = _note(f"The file needs fixing: {err}", ok=False)
            return
        lines = [
            f"<li>{html.escape(r.name)} at {html.escape(r.organization)}, via "
            f"{html.escape(self.network.person(r.via_id).name)}</li>"
            for r in rows.itertuples(index=False)
        ]
        self.listing.value = f"<ul>{''.join(lines)}</ul>" if lines else "<i>No one yet.</i>"

    def _add(self, _button: Any = None) -> None:
        values = {
            "name": self.name.value.strip(),
            "organization": self.organization.value.strip(),
            "role": self.role.value.strip(),
            "via": self.via.value,
            "notes": "",
        }
        missing = [k for k in ("name", "organization", "via") if not values[k]]
        if missing:
            self.status.value = _note(f"Fill in {', '.join(missing)} first.", ok=False)
            return
        write_second_ring_template(self.path)
        before = self.path.read_text(encoding="utf-8")
        with open(self.path, "a", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerow(
                [values[c] for c in SECOND_RING_COLUMNS]
            )
        try:
            self.rows()
        except CoffeeChatError as err:
            self.path.write_text(before, encoding="utf-8")  # keep the file readable
            self.status.value = _note(f"Not added: {err}", ok=False)
            return
        self.status.value = _note(f"Added {values['name']}.", ok=True)
        self.name.value = self.organization.value = self.role.value = ""
        self._show()


@checked
def second_ring_form(network: Network, path: str | Path) -> SecondRingForm:
    """The second-ring form (see :class:`SecondRingForm`); the file is made at the first Add.

    Parameters
    ----------
    network : Network
        Your network: ``via`` is one of your contacts.
    path : str or Path
        Your second-ring file (see :data:`coffeechat.second_ring.SECOND_RING_FILE`).
    """
    return SecondRingForm(network, path)
