"""The industry map: a target, its suppliers, competitors and customers, and who you can reach.

Under the widget sits :func:`coffeechat.industry.industry_map`, which returns
the same table as a DataFrame.

Examples
--------
>>> from coffeechat.datasets import load_sample_network, load_sample_organizations
>>> view = industry_map_explorer(load_sample_network(), load_sample_organizations(),
...                              target="Quillstack")
>>> view.max_hops.value = 1
>>> view.table.loc[0, "in reach"]
np.int64(0)
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd

from coffeechat._args import checked
from coffeechat.contacts import Network
from coffeechat.errors import InvalidParameter
from coffeechat.industry import industry_map
from coffeechat.ui._common import positive_hops, source_of, table_html

__all__ = ["IndustryMapExplorer", "industry_map_explorer"]


class IndustryMapExplorer(widgets.VBox):
    """Pick a target organisation and how many hops; see the organisations around it.

    Build one with :func:`industry_map_explorer`.

    Attributes
    ----------
    target : ipywidgets.Dropdown
        The organisation you want to learn about.
    max_hops : ipywidgets.IntSlider
        How far to look (3 hops = at most two introductions).
    summary : ipywidgets.HTML
        One sentence on where you can reach people.
    result : ipywidgets.HTML
        The table.
    table : pandas.DataFrame
        As returned by :func:`coffeechat.industry.industry_map`.
    """

    @checked
    def __init__(
        self,
        network: Network,
        organizations: pd.DataFrame,
        *,
        target: str | None = None,
        max_hops: int = 2,
        source: str | None = None,
    ) -> None:
        self.network = network
        self.organizations = organizations
        self.source = source_of(network, source)
        names = sorted(str(n).strip() for n in organizations["name"])
        if not names:
            raise InvalidParameter("the organisations table is empty")
        if target is not None and target not in names:
            raise InvalidParameter(f"{target!r} is not in the organisations table")
        max_hops = positive_hops(max_hops)
        self.target = widgets.Dropdown(
            options=names, value=target or names[0], description="Target"
        )
        self.max_hops = widgets.IntSlider(
            value=min(max_hops, 4), min=1, max=4, description="Hops", continuous_update=False
        )
        self.summary = widgets.HTML()
        self.result = widgets.HTML()
        self.table = pd.DataFrame()
        self.target.observe(self._update, names="value")
        self.max_hops.observe(self._update, names="value")
        super().__init__(
            children=[widgets.HBox([self.target, self.max_hops]), self.summary, self.result]
        )
        self._update()

    def _update(self, change: Mapping[str, Any] | None = None) -> None:
        self.table = industry_map(
            self.network,
            self.organizations,
            self.source,
            self.target.value,
            max_hops=self.max_hops.value,
        )
        self.summary.value = _summary(self.table, self.max_hops.value)
        self.result.value = table_html(self.table.drop(columns="best chain"))


def _summary(table: pd.DataFrame, max_hops: int) -> str:
    target = table.iloc[0]
    around = table.iloc[1:]
    reached = around[around["in reach"] > 0]
    within = f"{max_hops} hop" + ("" if max_hops == 1 else "s")
    text = (
        f"Within {within} you can reach <b>{target['in reach']}</b> of the "
        f"{target['people']} people at <b>{html.escape(str(target['organization']))}</b>, "
        f"and people at <b>{len(reached)}</b> of the {len(around)} organisations around it."
    )
    return f'<p style="font-size:17px;margin:6px 0">{text}</p>'


@checked
def industry_map_explorer(
    network: Network,
    organizations: pd.DataFrame,
    *,
    target: str | None = None,
    max_hops: int = 2,
    source: str | None = None,
) -> IndustryMapExplorer:
    """A widget showing a target's suppliers, competitors and customers, and your way in.

    Parameters
    ----------
    network : Network
    organizations : pandas.DataFrame
        An organisations table (see :mod:`coffeechat.industry`).
    target : str, optional
        The organisation to start with; by default the first by name.
    max_hops : int, default 2
        Where the slider starts (1 to 4).
    source : str, optional
        Whose point of view; by default the learner.

    Returns
    -------
    IndustryMapExplorer
        The widget; leave it as the last line of a cell to show it.

    Examples
    --------
    >>> from coffeechat.datasets import load_sample_network, load_sample_organizations
    >>> view = industry_map_explorer(load_sample_network(), load_sample_organizations(),
    ...                              target="Pulsewise")
    >>> list(view.table["relation"])
    ['target', 'supplier', 'supplier', 'supplier', 'competitor', 'customer', 'customer']
    """
    return IndustryMapExplorer(
        network, organizations, target=target, max_hops=max_hops, source=source
    )
