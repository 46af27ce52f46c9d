"""Widgets and pictures for the course notebooks.

Every function here *returns* a widget or a figure and never displays it: a
notebook shows it by leaving it as the last line of a cell. Under each widget
sits a plain function that does the real work — :func:`reach_table` under
:class:`ReachExplorer`, :func:`check_answer` under :class:`Quiz` — so a test,
or a curious learner, can call it directly and get a table or a message back.

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
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
import pandas as pd

from coffeechat.contacts import TIE_KINDS, Network, normalize_organization
from coffeechat.errors import InvalidParameter
from coffeechat.paths import separation

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "DIRECT",
    "MAX_DRAWN",
    "MAX_LABELLED",
    "REACH_COLUMNS",
    "Quiz",
    "QuizQuestion",
    "ReachExplorer",
    "check_answer",
    "draw_network",
    "hop_counts",
    "quiz",
    "reach_explorer",
    "reach_table",
]

#: What the "through" column says for someone the learner already knows.
DIRECT = "you know them"

#: Columns of :func:`reach_table`, in order (the person's id is the index).
REACH_COLUMNS: tuple[str, ...] = ("name", "organization", "role", "hops", "through", "chain")

#: The most people :func:`draw_network` will draw in one picture.
MAX_DRAWN = 1500

#: The most first-ring names :func:`draw_network` will write before they overlap.
MAX_LABELLED = 60

# Colours from Okabe & Ito's palette, readable with any common colour-vision
# deficiency and on a washed-out projector. The pale yellow goes to the
# weakest kind of tie, which is drawn thinnest anyway.
_KIND_COLOURS = {
    "family": "#D55E00",  # vermillion
    "friend": "#E69F00",  # orange
    "colleague": "#0072B2",  # blue
    "former colleague": "#56B4E9",  # sky blue
    "classmate": "#009E73",  # bluish green
    "alumni": "#CC79A7",  # reddish purple
    "acquaintance": "#555555",  # dark grey
    "online": "#E0D030",  # yellow
}
_YOU_COLOUR = "#222222"
_HOP_COLOURS = ("#0072B2", "#56B4E9", "#F0E442", "#E69F00", "#D55E00")
_UNREACHED_COLOUR = "#BBBBBB"


# ------------------------------------------------------------- reachability


def _adjacency(network: Network) -> dict[str, dict[str, float]]:
    """Each person's neighbours and the strength of the tie to each."""
    return {
        node: {other: data["strength"] for other, data in nbrs.items()}
        for node, nbrs in network.graph.adj.items()
    }


def _reach(
    adj: Mapping[str, Mapping[str, float]], source: str, max_hops: int | None
) -> tuple[dict[str, int], dict[str, str | None]]:
    """Breadth-first search, one layer of hops at a time.

    Returns the number of hops to everyone within ``max_hops`` and, for each,
    the person just before them on the *strongest* of their shortest chains
    (strength of a chain: the product of its ties' strengths; a tie on
    strength goes to the smaller id, so the answer never depends on order).
    """
    hops: dict[str, int] = {source: 0}
    warmth: dict[str, float] = {source: 1.0}
    parent: dict[str, str | None] = {source: None}
    frontier = [source]
    depth = 0
    while frontier and (max_hops is None or depth < max_hops):
        depth += 1
        layer: list[str] = []
        for person in frontier:
            base = warmth[person]
            for other, strength in adj[person].items():
                seen = hops.get(other)
                value = base * strength
                if seen is None:
                    hops[other] = depth
                    warmth[other] = value
                    parent[other] = person
                    layer.append(other)
                elif seen == depth:
                    best, via = warmth[other], parent[other]
                    if value > best or (value == best and via is not None and person < via):
                        warmth[other] = value
                        parent[other] = person
        frontier = layer
    return hops, parent


def _chain(parent: Mapping[str, str | None], person: str) -> list[str]:
    """The ids from the source to ``person``, following ``parent`` links."""
    ids = [person]
    while (before := parent[ids[-1]]) is not None:
        ids.append(before)
    return ids[::-1]


def _check_hops(hops: object, name: str = "hops") -> int:
    if isinstance(hops, bool) or not isinstance(hops, int) or hops < 1:
        raise InvalidParameter(f"{name} must be a whole number of at least 1, not {hops!r}")
    return hops


def _source(network: Network, source: str | None) -> str:
    if not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")
    if source is None:
        return network.me
    network.person(source)  # raises PersonNotFound with suggestions
    return source


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
    strongest, because a warm chain is the one most likely to work.

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
    hops = _check_hops(hops)
    source = _source(network, source)
    wanted: set[str] | None = None
    if organization is not None:
        wanted = set(network.match(organization=organization))
        if not wanted:
            raise InvalidParameter(f"nobody in this network works at {organization!r}")
    return _reach_frame(network, _adjacency(network), source, hops, wanted)


def _reach_frame(
    network: Network,
    adj: Mapping[str, Mapping[str, float]],
    source: str,
    hops: int,
    wanted: set[str] | None,
) -> pd.DataFrame:
    distance, parent = _reach(adj, source, hops)
    people = network._people
    me_label = "You" if source == network.me else str(people.at[source, "name"])
    rows = []
    for person, steps in distance.items():
        if person == source or (wanted is not None and person not in wanted):
            continue
        ids = _chain(parent, person)
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
    found = separation(network, _source(network, source))
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


# ------------------------------------------------------------------ drawing


def draw_network(
    network: Network,
    *,
    color_by: str = "distance",
    source: str | None = None,
    max_hops: int | None = None,
    labels: bool = True,
    size: float = 10.0,
) -> Figure:
    """Draw the network as rings around the learner.

    The learner sits in the middle; the people they know form the first
    ring, the people *those* people know the second, and so on. Each person
    is placed near whoever links them to the inner ring, and thicker lines
    are stronger ties.

    Parameters
    ----------
    network : Network
        The network to draw.
    color_by : {"distance", "kind"}, default "distance"
        Colour people by how many hops away they are, or colour the ties by
        how the two people know each other (friend, colleague, ...).
    source : str, optional
        Who sits in the middle; by default the learner (``network.me``).
    max_hops : int, optional
        Draw only people at most this many hops away (by default everyone,
        with people no chain reaches on an outer grey ring).
    labels : bool, default True
        Write the first names of the people in the first ring (when it
        holds at most :data:`MAX_LABELLED` people; more would overlap).
    size : float, default 10
        Width and height of the picture in inches (10 fills a projector).

    Returns
    -------
    matplotlib.figure.Figure
        The picture; leave it as the last line of a cell to show it.

    Raises
    ------
    InvalidParameter
        For an unknown ``color_by``, a bad ``max_hops``, or more than
        :data:`MAX_DRAWN` people to draw (pass a smaller ``max_hops``).
    PersonNotFound
        If ``source`` is not in the network.

    Examples
    --------
    >>> from coffeechat.contacts import Network, Person, Tie
    >>> net = Network([Person("me", "Sam"), Person("a", "Ana Ruiz")],
    ...               [Tie("me", "a", 0.8, "friend")])
    >>> fig = draw_network(net, color_by="kind")
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['You', 'Ana']
    """
    if color_by not in ("distance", "kind"):
        raise InvalidParameter(f"color_by must be 'distance' or 'kind', not {color_by!r}")
    if max_hops is not None:
        max_hops = _check_hops(max_hops, "max_hops")
    if not (isinstance(size, int | float) and not isinstance(size, bool) and size > 0):
        raise InvalidParameter(f"size must be a positive number of inches, not {size!r}")
    source = _source(network, source)
    adj = _adjacency(network)
    distance, parent = _reach(adj, source, max_hops)
    shown = list(distance) if max_hops is not None else list(adj)
    if len(shown) > MAX_DRAWN:
        raise InvalidParameter(
            f"{len(shown)} people are too many to draw (the most is {MAX_DRAWN}); "
            "pass max_hops=1 or max_hops=2 to draw the people nearest you"
        )
    return _draw(network, adj, source, distance, parent, shown, color_by, labels, size)


_FIRST_RING = 2.8  # radius of the first ring: room for names between it and the centre
_RING_GAP = 1.1


def _ring_positions(
    rings: list[list[str]], parent: Mapping[str, str | None], first_key: Any
) -> tuple[dict[str, tuple[float, float]], dict[str, float]]:
    """Place each ring on a circle, every person near the person before them in their chain.

    Returns positions and angles (radians). ``first_key`` orders the first
    ring, so that, say, all the family sit together.
    """
    centre = rings[0][0]
    angle: dict[str, float] = {centre: 0.0}
    pos: dict[str, tuple[float, float]] = {centre: (0.0, 0.0)}
    for k, ring in enumerate(rings[1:], start=1):
        radius = _FIRST_RING + _RING_GAP * (k - 1)
        if k == 1:
            ordered = sorted(ring, key=first_key)
        else:
            ordered = sorted(ring, key=lambda p: (angle.get(parent.get(p) or "", math.inf), p))
        for i, person in enumerate(ordered):
            a = 2 * math.pi * i / len(ordered)
            angle[person] = a
            pos[person] = (radius * math.cos(a), radius * math.sin(a))
    return pos, angle


def _draw(
    network: Network,
    adj: Mapping[str, Mapping[str, float]],
    source: str,
    distance: Mapping[str, int],
    parent: Mapping[str, str | None],
    shown: list[str],
    color_by: str,
    labels: bool,
    size: float,
) -> Figure:
    import matplotlib.pyplot as plt
    import networkx as nx
    from matplotlib.lines import Line2D

    far = max(distance.values())
    rings: list[list[str]] = [[] for _ in range(far + 1)]
    unreached: list[str] = []
    for person in shown:
        if person in distance:
            rings[distance[person]].append(person)
        else:
            unreached.append(person)
    if unreached:
        rings.append(unreached)
    kinds = {k: i for i, k in enumerate(TIE_KINDS)}
    near = network.graph.adj[source]
    pos, angle = _ring_positions(
        [r for r in rings if r], parent, lambda p: (kinds[near[p]["kind"]], -near[p]["strength"], p)
    )

    graph = network.graph.subgraph(shown)
    chain_links = {frozenset((p, before)) for p, before in parent.items() if before is not None}
    edges = sorted(
        graph.edges(data=True), key=lambda e: frozenset(e[:2]) in chain_links
    )  # links on chains last, so they are drawn on top
    widths = [0.4 + 2.6 * d["strength"] for _, _, d in edges]
    alphas = [0.85 if frozenset((u, v)) in chain_links else 0.15 for u, v, _ in edges]

    def node_colour(person: str) -> str:
        return _hop_colour(distance[person]) if person in distance else _UNREACHED_COLOUR

    if color_by == "distance":
        node_colours = [node_colour(p) for p in graph.nodes]
        edge_colours = ["#9a9a9a"] * len(edges)
        handles = [Line2D([], [], marker="o", ls="", ms=12, color=_YOU_COLOUR, label="you")]
        last = len(_HOP_COLOURS)
        for steps in range(1, min(far, last) + 1):
            label = f"{steps} hop" + ("" if steps == 1 else "s")
            if steps == last and far > last:
                label = f"{last}+ hops"
            handles.append(
                Line2D([], [], marker="o", ls="", ms=12, color=_hop_colour(steps), label=label)
            )
        title = "Your network, coloured by hops from you"
    else:
        node_colours = [
            _YOU_COLOUR
            if p == source
            else (_KIND_COLOURS[near[p]["kind"]] if p in near else "#d9d9d9")
            for p in graph.nodes
        ]
        edge_colours = [_KIND_COLOURS[d["kind"]] for _, _, d in edges]
        present = {d["kind"] for _, _, d in edges}
        handles = [
            Line2D([], [], lw=4, color=_KIND_COLOURS[k], label=k) for k in TIE_KINDS if k in present
        ]
        title = "Your network, ties coloured by how people know each other"
    if unreached:
        handles.append(
            Line2D([], [], marker="o", ls="", ms=12, color=_UNREACHED_COLOUR, label="no chain")
        )
    if source != network.me:
        title = title.replace("Your", f"{network.person(source).name}'s").replace("you", "them")

    # Made through pyplot so that Jupyter's inline backend is set up and knows how
    # to show a figure; closed at once so it shows once, as the cell's result,
    # and is not kept open in pyplot's list of figures.
    fig = plt.figure(figsize=(size, size), layout="constrained")
    plt.close(fig)
    ax = fig.add_subplot()
    nx.draw_networkx_edges(
        graph,
        pos,
        edgelist=[(u, v) for u, v, _ in edges],
        width=widths,
        edge_color=edge_colours,
        alpha=alphas,
        ax=ax,
    )
    node_sizes = [
        900 if p == source else (200 if distance.get(p) == 1 else 60) for p in graph.nodes
    ]
    nx.draw_networkx_nodes(
        graph,
        pos,
        node_color=node_colours,
        node_size=node_sizes,
        edgecolors="white",
        linewidths=0.8,
        ax=ax,
    )
    centre = "You" if source == network.me else network.person(source).name.split()[0]
    ax.text(0, 0, centre, ha="center", va="center", color="white", fontsize=14, weight="bold")
    if labels and far >= 1 and len(rings[1]) <= MAX_LABELLED:
        for person in rings[1]:
            _radial_label(ax, network.person(person).name.split()[0], angle[person])
    ax.set_title(title, fontsize=17)
    ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=13, frameon=False
    )
    ax.set_aspect("equal")
    ax.axis("off")
    return fig


def _radial_label(ax: Any, text: str, angle: float) -> None:
    """Write ``text`` along the spoke to a person on the first ring, ending at them."""
    degrees = math.degrees(angle) % 360
    left = 90 < degrees < 270
    r = _FIRST_RING - 0.17
    ax.text(
        r * math.cos(angle),
        r * math.sin(angle),
        text,
        rotation=degrees - 180 if left else degrees,
        rotation_mode="anchor",
        ha="left" if left else "right",
        va="center",
        fontsize=10,
        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
    )


def _hop_colour(steps: int) -> str:
    """The colour of a person ``steps`` hops away (0 is the learner)."""
    if steps == 0:
        return _YOU_COLOUR
    return _HOP_COLOURS[min(steps, len(_HOP_COLOURS)) - 1]


# ----------------------------------------------------------- reach explorer

_TABLE_STYLE = (
    "<style>.coffeechat-reach table{border-collapse:collapse;font-size:15px}"
    ".coffeechat-reach th,.coffeechat-reach td{padding:4px 10px;text-align:left !important;"
    "white-space:nowrap;border-bottom:1px solid #ddd}</style>"
)


def _table_html(table: pd.DataFrame) -> str:
    """The table as scrollable HTML; text from the data is escaped."""
    if table.empty:
        return ""
    body = table.to_html(index=False, escape=True, border=0, justify="left")
    return (
        f'{_TABLE_STYLE}<div class="coffeechat-reach" style="max-height:26em;overflow:auto">'
        f"{body}</div>"
    )


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
        max_hops = _check_hops(max_hops, "max_hops")
        hops = _check_hops(hops)
        if hops > max_hops:
            raise InvalidParameter(f"hops={hops} is more than max_hops={max_hops}")
        self.network = network
        self.source = _source(network, source)
        self._adj = _adjacency(network)
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
        self.table = _reach_frame(self.network, self._adj, self.source, hops, wanted)
        self.summary.value = _summary_html(
            len(self.table), hops, organization, self._others, self.source == self.network.me
        )
        self.result.value = _table_html(self.table)


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


# --------------------------------------------------------------------- quiz


@dataclass(frozen=True)
class QuizQuestion:
    """A multiple-choice question for a self-check.

    Parameters
    ----------
    prompt : str
        The question.
    choices : tuple of str
        The possible answers, in the order shown.
    answer : str
        The right answer; one of ``choices``.
    explanation : str
        Why it is right, shown once the learner picks it.
    hints : tuple of (str, str)
        For some wrong choices, a nudge shown when that choice is picked.
    """

    prompt: str
    choices: tuple[str, ...]
    answer: str
    explanation: str = ""
    hints: tuple[tuple[str, str], ...] = field(default=())


def _question(
    prompt: str,
    choices: Iterable[str],
    answer: str,
    explanation: str = "",
    hints: Mapping[str, str] | None = None,
) -> QuizQuestion:
    choices = tuple(choices)
    if not isinstance(prompt, str) or not prompt.strip():
        raise InvalidParameter("a quiz question needs a prompt")
    if len(choices) < 2:
        raise InvalidParameter(f"a quiz question needs at least two choices, not {len(choices)}")
    if not all(isinstance(c, str) and c.strip() for c in choices):
        raise InvalidParameter(f"every choice must be non-empty text: {choices!r}")
    if len(set(choices)) != len(choices):
        raise InvalidParameter(f"the choices repeat: {choices!r}")
    if answer not in choices:
        raise InvalidParameter(f"the answer {answer!r} is not one of the choices {choices!r}")
    hints = dict(hints or {})
    for choice in hints:
        if choice not in choices:
            raise InvalidParameter(f"a hint is given for {choice!r}, which is not a choice")
    return QuizQuestion(prompt, choices, answer, explanation, tuple(hints.items()))


def check_answer(question: QuizQuestion, choice: str | None) -> tuple[bool, str]:
    """Whether ``choice`` answers ``question``, and friendly feedback.

    Parameters
    ----------
    question : QuizQuestion
    choice : str or None
        What the learner picked; None when they have picked nothing yet.

    Returns
    -------
    (bool, str)
        True and the explanation for the right answer; False and a nudge
        otherwise.

    Raises
    ------
    InvalidParameter
        If ``choice`` is not one of the question's choices.

    Examples
    --------
    >>> q = QuizQuestion("2 + 2?", ("3", "4"), "4", "Two pairs make four.")
    >>> check_answer(q, "4")
    (True, 'Yes! Two pairs make four.')
    >>> check_answer(q, "3")[0]
    False
    """
    if choice is None:
        return False, "Pick an answer first, then press “Check my answer”."
    if choice not in question.choices:
        raise InvalidParameter(f"{choice!r} is not one of the choices {question.choices!r}")
    if choice == question.answer:
        return True, ("Yes! " + question.explanation).strip()
    hint = dict(question.hints).get(choice, "Have another look at the text above.")
    return False, f"Not quite. {hint} Try another answer."


class Quiz(widgets.VBox):
    """A self-check question: choices, a "Check my answer" button and feedback.

    Build one with :func:`quiz`.

    Attributes
    ----------
    question : QuizQuestion
    choices : ipywidgets.RadioButtons
        Starts with nothing picked.
    check : ipywidgets.Button
        Shows feedback for the picked choice.
    feedback : ipywidgets.HTML
        The feedback; cleared whenever the learner picks another choice.
    correct : bool or None
        Whether the last checked answer was right; None before any check.
    """

    def __init__(self, question: QuizQuestion) -> None:
        self.question = question
        self.correct: bool | None = None
        self.choices = widgets.RadioButtons(
            options=list(question.choices),
            value=None,
            layout=widgets.Layout(width="auto"),
        )
        self.check = widgets.Button(description="Check my answer", button_style="primary")
        self.check.layout.width = "180px"
        self.feedback = widgets.HTML()
        self.check.on_click(self._on_check)
        self.choices.observe(self._on_choice, names="value")
        prompt = widgets.HTML(
            f'<p style="font-size:17px;margin:4px 0"><b>{html.escape(question.prompt)}</b></p>'
        )
        super().__init__(children=[prompt, self.choices, self.check, self.feedback])

    def _on_check(self, _button: widgets.Button | None = None) -> None:
        ok, message = check_answer(self.question, self.choices.value)
        self.correct = ok if self.choices.value is not None else None
        colour = "#006b3c" if ok else "#9a3b00"
        self.feedback.value = (
            f'<p style="font-size:16px;color:{colour};margin:4px 0">{html.escape(message)}</p>'
        )

    def _on_choice(self, _change: Mapping[str, Any]) -> None:
        self.feedback.value = ""
        self.correct = None


def quiz(
    prompt: str,
    choices: Iterable[str],
    answer: str,
    *,
    explanation: str = "",
    hints: Mapping[str, str] | None = None,
) -> Quiz:
    """A self-check question as a widget.

    Parameters
    ----------
    prompt : str
        The question.
    choices : iterable of str
        The possible answers, in the order shown (at least two, no repeats).
    answer : str
        The right answer; one of ``choices``.
    explanation : str, optional
        Why it is right, shown once the learner picks it.
    hints : mapping of str to str, optional
        For some wrong choices, a nudge shown when that choice is checked.

    Returns
    -------
    Quiz
        The widget; leave it as the last line of a cell to show it.

    Raises
    ------
    InvalidParameter
        If there are fewer than two choices, a choice repeats or is empty, or
        the answer or a hinted choice is not among the choices.

    Examples
    --------
    >>> q = quiz("Which is an informational interview for?",
    ...          ["Asking for a job", "Learning about someone's work"],
    ...          "Learning about someone's work",
    ...          hints={"Asking for a job": "That is a job interview."})
    >>> q.choices.value = "Asking for a job"
    >>> q.check.click()
    >>> q.correct, "job interview" in q.feedback.value
    (False, True)
    >>> q.choices.value = "Learning about someone's work"
    >>> q.check.click()
    >>> q.correct
    True
    """
    return Quiz(_question(prompt, choices, answer, explanation, hints))
