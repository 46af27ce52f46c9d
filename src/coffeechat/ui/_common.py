"""Small pieces the widgets share: argument checks and an HTML table."""

from __future__ import annotations

import pandas as pd

from coffeechat.contacts import Network
from coffeechat.errors import InvalidParameter


def positive_hops(hops: object, name: str = "max_hops") -> int:
    if isinstance(hops, bool) or not isinstance(hops, int) or hops < 1:
        raise InvalidParameter(f"{name} must be a whole number of at least 1, not {hops!r}")
    return hops


def source_of(network: Network, source: str | None) -> str:
    if not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")
    if source is None:
        return network.me
    network.person(source)  # raises PersonNotFound with suggestions
    return source


_TABLE_STYLE = (
    "<style>.coffeechat-reach table{border-collapse:collapse;font-size:15px}"
    ".coffeechat-reach th,.coffeechat-reach td{padding:4px 10px;text-align:left !important;"
    "white-space:nowrap;border-bottom:1px solid #ddd}</style>"
)


def table_html(table: pd.DataFrame) -> str:
    """The table as scrollable HTML; text from the data is escaped."""
    if table.empty:
        return ""
    body = table.to_html(index=False, escape=True, border=0, justify="left")
    return (
        f'{_TABLE_STYLE}<div class="coffeechat-reach" style="max-height:26em;overflow:auto">'
        f"{body}</div>"
    )
