"""Who is in reach: the explorer widget on :func:`coffeechat.paths.reach_table`.

Examples
--------
>>> from coffeechat.contacts import Network, Person, Tie
>>> net = Network(
...     [Person("me", "Sam Learner"), Person("ana", "Ana Ruiz", "Acme"),
...      Person("ben", "Ben Ode", "Borealis Labs")],
...     [Tie("me", "ana", 0.8, "friend"), Tie("ana", "ben", 0.3, "classmate")],
... )
>>> explorer = reach_explorer(net, max_hops=1)
>>> explorer.max_hops.value = 2
>>> explorer.table[["name", "hops", "through"]]
         name  hops        through
id
ana  Ana Ruiz     1  you know them
ben   Ben Ode     2       Ana Ruiz
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd

from coffeechat._args import plural
from coffeechat.contacts import Network, normalize_organization
from coffeechat.errors import InvalidParameter
from coffeechat.paths import reach_table
from coffeechat.ui._common import positive_hops, source_of, table_html

__all__ = ["ReachExplorer", "reach_explorer"]


class ReachExplorer(widgets.VBox):
    """A slider for hops and a list of organisations, above a table of who is in reach.

    Build one with :func:`reach_explorer`. Moving the slider or picking an
    organisation recomputes :attr:`table` with
    :func:`~coffeechat.paths.reach_table` and redraws the summary and the table.

    Attributes
    ----------
    max_hops : ipywidgets.IntSlider
        How many hops to allow.
    organization : ipywidgets.Dropdown
        An organisation to look for; ``""`` means everyone.
    summary : ipywidgets.HTML
        One sentence saying how many people are in reach.
    result : ipywidgets.HTML
        The table, as HTML.
    table : pandas.DataFrame
        The table now shown, as returned by :func:`~coffeechat.paths.reach_table`.
    """

    def __init__(
        self,
        network: Network,
        source: str | None = None,
        *,
        max_hops: int = 2,
        slider_max: int = 4,
    ) -> None:
        slider_max = positive_hops(slider_max, "slider_max")
        max_hops = positive_hops(max_hops, "max_hops")
        if max_hops > slider_max:
            raise InvalidParameter(f"max_hops={max_hops} is more than slider_max={slider_max}")
        self.network = network
        self.source = source_of(network, source)
        self._others = len(network) - 1
        self.max_hops = widgets.IntSlider(
            value=max_hops,
            min=1,
            max=slider_max,
            description="Hops",
            continuous_update=False,
            layout=widgets.Layout(width="360px"),
        )
        self.organization = widgets.Dropdown(
            options=[("Everyone", ""), *_organization_options(network, self.source)],
            value="",
            description="Organisation",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="420px"),
        )
        self.summary = widgets.HTML()
        self.result = widgets.HTML()
        self.table = pd.DataFrame()
        self.max_hops.observe(self._update, names="value")
        self.organization.observe(self._update, names="value")
        super().__init__(
            children=[
                widgets.HBox([self.max_hops, self.organization]),
                self.summary,
                self.result,
            ]
        )
        self._update()

    def _update(self, change: Mapping[str, Any] | None = None) -> None:
        hops = self.max_hops.value
        organization = self.organization.value or None
        self.table = reach_table(
            self.network, self.source, max_hops=hops, organization=organization
        )
        self.summary.value = _summary_html(
            len(self.table), hops, organization, self._others, self.source == self.network.me
        )
        self.result.value = table_html(self.table)


def _organization_options(network: Network, source: str) -> list[tuple[str, str]]:
    """(label, name) for each organisation someone other than ``source`` works at."""
    people = network.inside.people
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    for person, name in zip(people.index, people["organization"], strict=True):
        key = normalize_organization(name)
        if person == source or not key:
            continue
        names.setdefault(key, name)
        counts[key] = counts.get(key, 0) + 1
    ordered = sorted(names, key=lambda k: (names[k].casefold(), k))
    return [(f"{names[k]} ({plural(counts[k], 'person', 'people')})", names[k]) for k in ordered]


def _summary_html(found: int, hops: int, organization: str | None, others: int, is_me: bool) -> str:
    within = plural(hops, "hop")
    subject = "you" if is_me else "they"
    if organization is None:
        text = (
            f"Within {within} {subject} can reach <b>{found}</b> of the {others} other "
            "people in this network."
        )
    elif found == 0:
        text = (
            f"Nobody at <b>{html.escape(organization)}</b> is within {within}. "
            "Move the slider to look further."
        )
    else:
        who = plural(found, "person", "people").split(" ", 1)[1]
        text = (
            f"Within {within} {subject} can reach <b>{found}</b> {who} at "
            f"<b>{html.escape(organization)}</b>. The <i>through</i> column says whom to ask "
            "for an introduction."
        )
    return f'<p style="font-size:17px;margin:6px 0">{text}</p>'


def reach_explorer(
    network: Network,
    source: str | None = None,
    *,
    max_hops: int = 2,
    slider_max: int = 4,
) -> ReachExplorer:
    """A widget to explore who is within reach, and through whom.

    Parameters
    ----------
    network : Network
        The network to explore.
    source : str, optional
        Whose point of view; by default the learner (``network.me``).
    max_hops : int, default 2
        Where the slider starts.
    slider_max : int, default 4
        The slider's largest value.

    Returns
    -------
    ReachExplorer
        The widget; leave it as the last line of a cell to show it.

    Raises
    ------
    InvalidParameter
        If ``max_hops`` or ``slider_max`` is not a whole number of at least
        1, or ``max_hops`` is more than ``slider_max``.
    PersonNotFound
        If ``source`` is not in the network.

    Examples
    --------
    >>> from coffeechat.contacts import Network, Person, Tie
    >>> net = Network([Person("me", "Sam"), Person("a", "Ana", "Acme"), Person("b", "Ben")],
    ...               [Tie("me", "a", 0.8, "friend"), Tie("a", "b", 0.5, "colleague")])
    >>> explorer = reach_explorer(net, max_hops=1)
    >>> list(explorer.table.index)
    ['a']
    >>> explorer.max_hops.value = 2
    >>> list(explorer.table.index)
    ['a', 'b']
    >>> explorer.organization.value = "Acme"
    >>> list(explorer.table.index)
    ['a']
    """
    return ReachExplorer(network, source, max_hops=max_hops, slider_max=slider_max)
