"""Who is in reach: the table of people within a few hops, and the explorer widget on it.

Examples
--------
>>> from coffeechat.contacts import Network, Person, Tie
>>> net = Network(
...     [Person("me", "Sam Learner"), Person("ana", "Ana Ruiz", "Acme"),
...      Person("ben", "Ben Ode", "Borealis Labs")],
...     [Tie("me", "ana", 0.8, "friend"), Tie("ana", "ben", 0.3, "classmate")],
... )
>>> reach_table(net, hops=2)[["name", "hops", "through"]]
         name  hops        through
id
ana  Ana Ruiz     1  you know them
ben   Ben Ode     2       Ana Ruiz
>>> explorer = reach_explorer(net, hops=1)
>>> explorer.hops.value = 2
>>> list(explorer.table["name"])
['Ana Ruiz', 'Ben Ode']
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd

from coffeechat.contacts import Network, normalize_organization
from coffeechat.errors import InvalidParameter
from coffeechat.paths import reach, separation
from coffeechat.ui._common import positive_hops, source_of, table_html

#: What the "through" column says for someone the learner already knows.
DIRECT = "you know them"

#: Columns of :func:`reach_table`, in order (the person's id is the index).
REACH_COLUMNS: tuple[str, ...] = ("name", "organization", "role", "hops", "through", "chain")


def reach_table(
    network: Network,
    hops: int = 2,
    *,
    source: str | None = None,
    organization: str | None = None,
) -> pd.DataFrame:
    """Who can be reached within a number of hops, and through whom.

    One hop is someone you know; two hops is someone they know, and so on.
    For each person the table gives the chain of introductions with the
    fewest steps — and among chains equally short, the one whose ties are
    strongest, because a warm chain is the one most likely to work (the
    chains of :func:`coffeechat.paths.reach`).

    Parameters
    ----------
    network : Network
        The network to look in.
    hops : int, default 2
        How many steps of introduction to allow (1 = people you know).
    source : str, optional
        Whose point of view; by default the learner (``network.me``).
    organization : str, optional
        Keep only people at this organisation. Names compare as in
        :meth:`Network.match`, so "Acme Inc." finds "ACME".

    Returns
    -------
    pandas.DataFrame
        Indexed by person id, with columns ``name, organization, role,
        hops, through, chain``, nearest first then by name. ``through`` is
        the person you know who starts the chain ("you know them" for a
        direct contact); ``chain`` spells out the whole chain by name.

    Raises
    ------
    InvalidParameter
        If ``hops`` is not a whole number of at least 1, or nobody in the
        network works at ``organization``.
    PersonNotFound
        If ``source`` is not in the network.

    Examples
    --------
    >>> from coffeechat.contacts import Network, Person, Tie
    >>> net = Network(
    ...     [Person("me", "Sam"), Person("a", "Ana", "Acme"), Person("b", "Ben", "Acme"),
    ...      Person("c", "Cy", "Borealis")],
    ...     [Tie("me", "a", 0.9, "friend"), Tie("me", "c", 0.2, "online"),
    ...      Tie("a", "b", 0.5, "colleague"), Tie("c", "b", 0.9, "friend")],
    ... )
    >>> reach_table(net, 2, organization="ACME")[["hops", "through", "chain"]]
        hops        through              chain
    id
    a      1  you know them          You → Ana
    b      2            Ana    You → Ana → Ben
    """
    hops = positive_hops(hops)
    source = source_of(network, source)
    wanted: set[str] | None = None
    if organization is not None:
        wanted = set(network.match(organization=organization))
        if not wanted:
            raise InvalidParameter(f"nobody in this network works at {organization!r}")
    return _reach_frame(network, source, hops, wanted)


def _reach_frame(network: Network, source: str, hops: int, wanted: set[str] | None) -> pd.DataFrame:
    people = network._people
    me_label = "You" if source == network.me else str(people.at[source, "name"])
    rows = []
    for person, ids in reach(network, source, max_hops=hops).items():
        if wanted is not None and person not in wanted:
            continue
        steps = len(ids) - 1
        names = [me_label] + [str(people.at[i, "name"]) for i in ids[1:]]
        rows.append(
            {
                "id": person,
                "name": names[-1],
                "organization": people.at[person, "organization"],
                "role": people.at[person, "role"],
                "hops": steps,
                "through": DIRECT if steps == 1 else names[1],
                "chain": " → ".join(names),
            }
        )
    frame = pd.DataFrame(rows, columns=["id", *REACH_COLUMNS])
    frame["hops"] = frame["hops"].astype("int64")
    frame = frame.sort_values(["hops", "name", "id"], kind="stable")
    return frame.set_index("id")


def hop_counts(network: Network, *, source: str | None = None) -> pd.DataFrame:
    """How many people are 1, 2, 3, ... hops away — the "degrees of separation".

    Parameters
    ----------
    network : Network
        The network to count in.
    source : str, optional
        Whose point of view; by default the learner (``network.me``).

    Returns
    -------
    pandas.DataFrame
        Indexed by the number of hops, with columns ``people`` (how
        many are exactly that far), ``within reach`` (how many are that far
        or nearer) and ``share of network`` (that number as a percentage of
        everyone else in the network). A last share below 100 means some
        people cannot be reached by any chain at all.

    Raises
    ------
    PersonNotFound
        If ``source`` is not in the network.

    Examples
    --------
    >>> from coffeechat.contacts import Network, Person, Tie
    >>> net = Network(
    ...     [Person("me", "Sam"), Person("a", "Ana"), Person("b", "Ben"),
    ...      Person("c", "Cy"), Person("d", "Dee")],
    ...     [Tie("me", "a", 0.9, "friend"), Tie("a", "b", 0.5, "colleague"),
    ...      Tie("a", "c", 0.5, "colleague")],
    ... )
    >>> hop_counts(net)
          people  within reach  share of network
    hops
    1          1             1              25.0
    2          2             3              75.0
    """
    found = separation(network, source_of(network, source))
    hops = sorted(found.counts)
    people = [found.counts[d] for d in hops]
    within = list(itertools.accumulate(people))
    return pd.DataFrame(
        {
            "people": pd.Series(people, dtype="int64"),
            "within reach": pd.Series(within, dtype="int64"),
            "share of network": [round(100 * w / found.others, 1) for w in within],
        }
    ).set_axis(pd.Index(hops, dtype="int64", name="hops"))


class ReachExplorer(widgets.VBox):
    """A slider for hops and a list of organisations, above a table of who is in reach.

    Build one with :func:`reach_explorer`. Moving the slider or picking an
    organisation recomputes :attr:`table` with :func:`reach_table` and
    redraws the summary and the table.

    Attributes
    ----------
    hops : ipywidgets.IntSlider
        How many hops to allow.
    organization : ipywidgets.Dropdown
        An organisation to look for; ``""`` means everyone.
    summary : ipywidgets.HTML
        One sentence saying how many people are in reach.
    result : ipywidgets.HTML
        The table, as HTML.
    table : pandas.DataFrame
        The table now shown, as returned by :func:`reach_table`.
    """

    def __init__(
        self, network: Network, *, source: str | None = None, hops: int = 2, max_hops: int = 4
    ) -> None:
        max_hops = positive_hops(max_hops, "max_hops")
        hops = positive_hops(hops)
        if hops > max_hops:
            raise InvalidParameter(f"hops={hops} is more than max_hops={max_hops}")
        self.network = network
        self.source = source_of(network, source)
        self._others = len(network) - 1
        self.hops = widgets.IntSlider(
            value=hops,
            min=1,
            max=max_hops,
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
        self.hops.observe(self._update, names="value")
        self.organization.observe(self._update, names="value")
        super().__init__(
            children=[
                widgets.HBox([self.hops, self.organization]),
                self.summary,
                self.result,
            ]
        )
        self._update()

    def _update(self, change: Mapping[str, Any] | None = None) -> None:
        hops = self.hops.value
        organization = self.organization.value or None
        wanted = (
            None if organization is None else set(self.network.match(organization=organization))
        )
        self.table = _reach_frame(self.network, self.source, hops, wanted)
        self.summary.value = _summary_html(
            len(self.table), hops, organization, self._others, self.source == self.network.me
        )
        self.result.value = table_html(self.table)


def _organization_options(network: Network, source: str) -> list[tuple[str, str]]:
    """(label, name) for each organisation someone other than ``source`` works at."""
    people = network._people
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    for person, name in zip(people.index, people["organization"], strict=True):
        key = normalize_organization(name)
        if person == source or not key:
            continue
        names.setdefault(key, name)
        counts[key] = counts.get(key, 0) + 1
    ordered = sorted(names, key=lambda k: (names[k].casefold(), k))
    return [
        (f"{names[k]} ({counts[k]} {'person' if counts[k] == 1 else 'people'})", names[k])
        for k in ordered
    ]


def _summary_html(found: int, hops: int, organization: str | None, others: int, is_me: bool) -> str:
    within = f"{hops} hop" + ("" if hops == 1 else "s")
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
        who = "person" if found == 1 else "people"
        text = (
            f"Within {within} {subject} can reach <b>{found}</b> {who} at "
            f"<b>{html.escape(organization)}</b>. The <i>through</i> column says whom to ask "
            "for an introduction."
        )
    return f'<p style="font-size:17px;margin:6px 0">{text}</p>'


def reach_explorer(
    network: Network, *, source: str | None = None, hops: int = 2, max_hops: int = 4
) -> ReachExplorer:
    """A widget to explore who is within reach, and through whom.

    Parameters
    ----------
    network : Network
        The network to explore.
    source : str, optional
        Whose point of view; by default the learner (``network.me``).
    hops : int, default 2
        Where the slider starts.
    max_hops : int, default 4
        The slider's largest value.

    Returns
    -------
    ReachExplorer
        The widget; leave it as the last line of a cell to show it.

    Raises
    ------
    InvalidParameter
        If ``hops`` or ``max_hops`` is not a whole number of at least 1, or
        ``hops`` is more than ``max_hops``.
    PersonNotFound
        If ``source`` is not in the network.

    Examples
    --------
    >>> from coffeechat.contacts import Network, Person, Tie
    >>> net = Network([Person("me", "Sam"), Person("a", "Ana", "Acme"), Person("b", "Ben")],
    ...               [Tie("me", "a", 0.8, "friend"), Tie("a", "b", 0.5, "colleague")])
    >>> explorer = reach_explorer(net, hops=1)
    >>> list(explorer.table.index)
    ['a']
    >>> explorer.hops.value = 2
    >>> list(explorer.table.index)
    ['a', 'b']
    >>> explorer.organization.value = "Acme"
    >>> list(explorer.table.index)
    ['a']
    """
    return ReachExplorer(network, source=source, hops=hops, max_hops=max_hops)
