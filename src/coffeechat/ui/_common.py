"""Small pieces the widgets share: argument checks and an HTML table."""

from __future__ import annotations

import pandas as pd

from coffeechat._args import checked, whole_number
from coffeechat.contacts import Network


def positive_hops(hops: object, name: str = "max_hops") -> int:
    return whole_number(hops, name)


@checked
def source_of(network: Network, source: str | None) -> str:
    """``source``, or the learner when it is None, once the network knows them."""
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
