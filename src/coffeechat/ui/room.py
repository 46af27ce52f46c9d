"""The facilitator's room view: who is stuck, and a grid of who passed what.

:func:`room_view` reads a room folder (see :mod:`coffeechat.room`) and shows
who is stuck, one line a participant, and a picture: a grid of participants
by checks, green for passed, amber for failing, red for stuck. Press
*Refresh* (or call :meth:`RoomView.refresh`) to read the folder again during
the workshop. :func:`draw_room` draws the grid on its own.
"""

from __future__ import annotations

import html
import io
import os
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
import pandas as pd

from coffeechat._args import whole_number
from coffeechat.errors import CoffeeChatError
from coffeechat.room import (
    STUCK_AFTER,
    Room,
    check_status,
    read_room,
    room_folder,
    room_summary,
    stuck,
)
from coffeechat.ui._common import table_html

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["STATUS_COLOURS", "RoomView", "draw_room", "room_view"]

#: The colour of each check status in the grid.
STATUS_COLOURS = {
    "": "#eeeeee",
    "passed": "#2e9d4a",
    "failing": "#f0ad2b",
    "stuck": "#d43c3c",
}


def draw_room(room: Room, *, stuck_after: int = STUCK_AFTER) -> Figure:
    """A grid of participants (rows) by checks (columns), coloured by status.

    Returns
    -------
    matplotlib.figure.Figure
        Not shown: leave it as the last line of a cell.
    """
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    status = check_status(room, stuck_after=stuck_after)
    names = list(STATUS_COLOURS)
    rows, columns = max(len(status.index), 1), max(len(status.columns), 1)
    fig, ax = plt.subplots(
        figsize=(min(3 + 0.45 * columns, 16), min(1.6 + 0.35 * rows, 14)), layout="constrained"
    )
    plt.close(fig)
    codes = status.apply(lambda column: column.map(names.index)).to_numpy(dtype=float)
    if codes.size:
        ax.imshow(
            codes,
            cmap=ListedColormap(list(STATUS_COLOURS.values())),
            vmin=0,
            vmax=len(names) - 1,
            aspect="auto",
        )
    ax.set_yticks(range(len(status.index)), list(status.index))
    ax.set_xticks(
        range(len(status.columns)),
        [name.split(": ", 1)[-1] for name in status.columns],
        rotation=60,
        ha="right",
    )
    ax.set_title(f"{len(status.index)} participants \N{MULTIPLICATION SIGN} checks")
    ax.legend(
        handles=[Patch(color=STATUS_COLOURS[s], label=s) for s in names if s],
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
    )
    return fig


def _png(fig: Any) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80)
    return buffer.getvalue()


class RoomView(widgets.VBox):
    """The room, refreshable: stuck list, one row a participant, and the grid.

    Attributes
    ----------
    room : Room or None
        What the folder held at the last refresh.
    refresh_button : ipywidgets.Button
    stuck_after : ipywidgets.BoundedIntText
        Failures in a row that count as stuck.
    summary, table : ipywidgets.HTML
    picture : ipywidgets.Image
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None, *, stuck_after: int) -> None:
        stuck_after = whole_number(stuck_after, "stuck_after")
        self.folder = room_folder(folder)
        self.room: Room | None = None
        self.refresh_button = widgets.Button(description="Refresh", icon="refresh")
        self.stuck_after = widgets.BoundedIntText(
            value=stuck_after,
            min=1,
            max=50,
            description="Stuck after",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="12em"),
        )
        self.summary = widgets.HTML()
        self.table = widgets.HTML()
        self.picture = widgets.Image(format="png")
        super().__init__(
            [
                widgets.HBox([self.refresh_button, self.stuck_after]),
                self.summary,
                self.table,
                self.picture,
            ],
            layout=widgets.Layout(border="1px solid #ddd", padding="8px"),
        )
        self.refresh_button.on_click(lambda _: self.refresh())
        self.stuck_after.observe(lambda _: self._show(), names="value")
        self.refresh()

    def refresh(self) -> None:
        """Read the room folder again and redraw."""
        try:
            self.room = read_room(self.folder, errors="skip")
        except CoffeeChatError as err:
            self.room = None
            self.summary.value = f"<p style='color:#b00'>{html.escape(str(err))}</p>"
            self.table.value = ""
            self.picture.value = b""
            return
        self._show()

    def _show(self) -> None:
        room = self.room
        if room is None:
            return
        limit = int(self.stuck_after.value)
        held = stuck(room, stuck_after=limit)
        parts = [
            f"<p><b>{len(room.participants)}</b> in the room "
            f"({html.escape(str(room.folder))}), read at "
            f"{pd.Timestamp.now(tz='UTC').strftime('%H:%M:%S')} UTC.</p>"
        ]
        if len(held):
            items = "".join(
                f"<li><b>{html.escape(r.participant)}</b>: {html.escape(r.check)} "
                f"({html.escape(r.module)}), {r.failures_in_a_row} failures in a row</li>"
                for r in held.itertuples()
            )
            parts.append(f"<p style='color:#b00'>Stuck:</p><ul>{items}</ul>")
        else:
            parts.append("<p>Nobody is stuck.</p>")
        if room.problems:
            items = "".join(f"<li>{html.escape(str(p))}</li>" for p in room.problems)
            parts.append(f"<p style='color:#b00'>Lines that could not be read:</p><ul>{items}</ul>")
        self.summary.value = "".join(parts)
        summary = room_summary(room, stuck_after=limit)
        shown = summary.assign(
            joined=summary["joined"].map(lambda t: "" if pd.isna(t) else t.strftime("%H:%M")),
            last_seen=summary["last_seen"].map(lambda t: "" if pd.isna(t) else t.strftime("%H:%M")),
        )
        self.table.value = table_html(shown.reset_index())
        self.picture.value = _png(draw_room(room, stuck_after=limit)) if len(summary) else b""


def room_view(
    folder: str | os.PathLike[str] | None = None, *, stuck_after: int = STUCK_AFTER
) -> RoomView:
    """The facilitator's live view of a room folder (see :class:`RoomView`).

    Parameters
    ----------
    folder : path, optional
        The room folder; by default the ``COFFEECHAT_ROOM`` variable's.
    stuck_after : int
        Failures in a row, without a pass, that count as stuck.

    Returns
    -------
    RoomView
        Leave it as the last line of a cell to show it.
    """
    return RoomView(folder, stuck_after=stuck_after)
