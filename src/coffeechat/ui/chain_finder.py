"""The chain finder: the best few chains of introductions to a person, organisation or role.

Under the widget sits :func:`chain_table`, an ordinary function that returns
the chains as a table, each explained in words by :meth:`Chain.explain`.

Examples
--------
>>> from coffeechat.contacts import Network, Person, Tie
>>> net = Network(
...     [Person("me", "Sam"), Person("a", "Ana"), Person("b", "Ben"),
...      Person("c", "Cy", "Acme", "Analyst")],
...     [Tie("me", "a", 0.9, "friend"), Tie("me", "b", 0.2, "online"),
...      Tie("a", "b", 0.9, "friend"), Tie("b", "c", 0.8, "colleague")],
... )
>>> chain_table(net, target="c", by="hops")[["hops", "strength", "ask first"]]
      hops  strength ask first
rank
1        2      0.16       Ben
2        3      0.65       Ana
>>> finder = chain_finder(net, kind="organization", value="Acme")
>>> finder.by.value = "strength"
>>> list(finder.table["ask first"])
['Ana', 'Ben']
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd

from coffeechat._args import checked
from coffeechat.contacts import Network
from coffeechat.errors import InvalidParameter, NoChainError
from coffeechat.paths import Target, chains
from coffeechat.ui._common import positive_hops, source_of, table_html

__all__ = ["CHAIN_COLUMNS", "ChainFinder", "KINDS", "chain_finder", "chain_table"]

#: Columns of :func:`chain_table`, in order (the rank, from 1, is the index).
CHAIN_COLUMNS: tuple[str, ...] = ("hops", "introductions", "strength", "ask first", "chain")

#: What the chain finder can aim at: the widget's choices and their labels.
KINDS: dict[str, str] = {"person": "a person", "organization": "an organisation", "role": "a role"}

_BY = {"hops": "fewest hops", "strength": "strongest"}


@checked
def chain_table(
    network: Network,
    source: str | None = None,
    target: str | Target | None = None,
    *,
    by: str = "hops",
    k: int = 3,
    max_hops: int | None = None,
) -> pd.DataFrame:
    """The ``k`` best chains to a target, best first, each explained in words.

    Parameters
    ----------
    network : Network
    source : str, optional
        Who asks; by default the learner.
    target : str or Target
        A person's id, or a :class:`~coffeechat.paths.Target` such as
        ``Target(organization="Pulsewise")``.
    by : {"hops", "strength"}
        Fewest hops first (then strongest), or strongest first (then fewest hops).
    k : int, default 3
        How many chains at most.
    max_hops : int, optional
        Only chains of at most this many hops.

    Returns
    -------
    pandas.DataFrame
        Indexed by rank (1 is best), with columns ``hops``,
        ``introductions`` (hops - 1), ``strength`` (the product of the tie
        strengths, rounded to two places), ``ask first`` (the contact who
        starts the chain) and ``chain`` (the whole chain in words). Empty
        if no chain reaches the target.

    Raises
    ------
    InvalidParameter
        If ``by``, ``k`` or ``max_hops`` cannot be used, or the target is the source.
    PersonNotFound
        If the source or target id is not in the network.

    Examples
    --------
    >>> from coffeechat.datasets import load_sample_network
    >>> net = load_sample_network()
    >>> table = chain_table(net, target=Target(organization="Pulsewise"), by="strength", k=2)
    >>> list(table["hops"]), list(table["ask first"])
    ([3, 4], ['Lucía Moreno', 'Tomás Moreno'])
    """
    if target is None:
        raise InvalidParameter("say whom to reach: target= a person's id, or a Target")
    if by not in _BY:
        raise InvalidParameter(f"by must be 'hops' or 'strength', not {by!r}")
    source = source_of(network, source)
    try:
        found = chains(network, source=source, target=target, k=k, by=by, max_hops=max_hops)
    except NoChainError:
        found = []
    rows = [
        {
            "hops": c.hops,
            "introductions": c.introductions,
            "strength": round(c.strength, 2),
            "ask first": c.introducer.name,
            "chain": c.explain(),
        }
        for c in found
    ]
    frame = pd.DataFrame(rows, columns=list(CHAIN_COLUMNS))
    for column in ("hops", "introductions"):
        frame[column] = frame[column].astype("int64")
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="rank")
    return frame


def _options(network: Network, source: str, kind: str) -> list[tuple[str, str]]:
    people = network.people
    if kind == "person":
        rows = people[people["id"] != source].sort_values(["name", "id"])
        return [
            (f"{r.name}, {r.organization}" if r.organization else str(r.name), str(r.id))
            for r in rows.itertuples()
        ]
    values = sorted({str(v).strip() for v in people[kind] if isinstance(v, str) and v.strip()})
    return [(v, v) for v in values]


def _target(kind: str, value: str) -> str | Target:
    if kind == "person":
        return value
    return Target(**{kind: value})


class ChainFinder(widgets.VBox):
    """Pick a target and a way to rank; see the best chains and whom to ask first.

    Build one with :func:`chain_finder`. Changing any control recomputes
    :attr:`table` with :func:`chain_table` and redraws the chains in words.

    Attributes
    ----------
    kind : ipywidgets.Dropdown
        ``"person"``, ``"organization"`` or ``"role"``.
    value : ipywidgets.Dropdown
        The person (by id), organisation or role (by name); its options
        follow ``kind``.
    by : ipywidgets.ToggleButtons
        ``"hops"`` (fewest hops) or ``"strength"`` (strongest).
    k : ipywidgets.IntSlider
        How many alternatives.
    result : ipywidgets.HTML
        The chains, numbered, in words, and the table.
    table : pandas.DataFrame
        What :func:`chain_table` gave for the current choice.
    """

    @checked
    def __init__(
        self,
        network: Network,
        *,
        kind: str = "organization",
        value: str | None = None,
        by: str = "hops",
        k: int = 3,
        source: str | None = None,
    ) -> None:
        if kind not in KINDS:
            raise InvalidParameter(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if by not in _BY:
            raise InvalidParameter(f"by must be 'hops' or 'strength', not {by!r}")
        k = positive_hops(k, "k")
        self.network = network
        self.source = source_of(network, source)
        self.kind = widgets.Dropdown(
            options=[(label, key) for key, label in KINDS.items()],
            value=kind,
            description="Reach",
        )
        options = _options(network, self.source, kind)
        if not options:
            raise InvalidParameter(f"nobody in this network has a {kind} to aim at")
        names = [v for _, v in options]
        if value is not None and value not in names:
            raise InvalidParameter(f"{value!r} is not a {kind} in this network")
        self.value = widgets.Dropdown(
            options=options, value=value if value is not None else names[0], description=""
        )
        self.by = widgets.ToggleButtons(
            options=[(label, key) for key, label in _BY.items()], value=by, description="Rank by"
        )
        self.k = widgets.IntSlider(
            value=min(k, 5), min=1, max=5, description="Chains", continuous_update=False
        )
        self.result = widgets.HTML()
        self.table = pd.DataFrame()
        self.kind.observe(self._new_kind, names="value")
        for control in (self.value, self.by, self.k):
            control.observe(self._update, names="value")
        super().__init__(
            children=[
                widgets.HBox([self.kind, self.value]),
                widgets.HBox([self.by, self.k]),
                self.result,
            ]
        )
        self._update()

    def _new_kind(self, change: Mapping[str, Any]) -> None:
        options = _options(self.network, self.source, change["new"])
        self.value.unobserve(self._update, names="value")
        try:
            self.value.options = options
            self.value.value = options[0][1] if options else None
        finally:
            self.value.observe(self._update, names="value")
        self._update()

    def _update(self, change: Mapping[str, Any] | None = None) -> None:
        if self.value.value is None:
            self.table, self.result.value = pd.DataFrame(), ""
            return
        target = _target(self.kind.value, self.value.value)
        self.table = chain_table(
            self.network, self.source, target, by=self.by.value, k=self.k.value
        )
        self.result.value = _chains_html(self.table, target, self.by.value)


def _chains_html(table: pd.DataFrame, target: str | Target, by: str) -> str:
    what = target.describe() if isinstance(target, Target) else "this person"
    if table.empty:
        return f"<p>No chain of introductions reaches {html.escape(what)}.</p>"
    items = "".join(f"<li>{html.escape(text)}</li>" for text in table["chain"])
    lead = f"The {len(table)} best chains to {html.escape(what)}, {_BY[by]} first:"
    return f"<p>{lead}</p><ol>{items}</ol>" + table_html(table.drop(columns="chain"))


@checked
def chain_finder(
    network: Network,
    *,
    kind: str = "organization",
    value: str | None = None,
    by: str = "hops",
    k: int = 3,
    source: str | None = None,
) -> ChainFinder:
    """A widget that finds and explains the best chains of introductions.

    Parameters
    ----------
    network : Network
    kind : {"person", "organization", "role"}
        What to aim at first.
    value : str, optional
        The person's id, organisation or role to start with; by default the
        first in the list.
    by : {"hops", "strength"}
    k : int, default 3
        How many alternatives to show first (the slider goes to 5).
    source : str, optional
        Who asks; by default the learner.

    Returns
    -------
    ChainFinder
        The widget; leave it as the last line of a cell to show it.

    Examples
    --------
    >>> from coffeechat.datasets import load_sample_network
    >>> finder = chain_finder(load_sample_network(), value="Pulsewise")
    >>> list(finder.table["hops"])
    [2, 2, 3]
    >>> finder.by.value = "strength"
    >>> finder.table["strength"].iloc[0]
    np.float64(0.57)
    """
    return ChainFinder(network, kind=kind, value=value, by=by, k=k, source=source)
