"""The network drawn in rings around the learner: one ring per hop."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from coffeechat._args import plural
from coffeechat.contacts import TIE_KINDS, Network
from coffeechat.errors import InvalidParameter
from coffeechat.paths import reach
from coffeechat.ui._common import positive_hops, source_of

__all__ = ["MAX_DRAWN", "MAX_LABELLED", "draw_network"]

if TYPE_CHECKING:
    from matplotlib.figure import Figure

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


# ------------------------------------------------------------------ drawing


def draw_network(
    network: Network,
    source: str | None = None,
    *,
    color_by: str = "distance",
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
    source : str, optional
        Who sits in the middle; by default the learner (``network.me``).
    color_by : {"distance", "kind"}, default "distance"
        Colour people by how many hops away they are, or colour the ties by
        how the two people know each other (friend, colleague, ...).
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
        max_hops = positive_hops(max_hops, "max_hops")
    if not (isinstance(size, int | float) and not isinstance(size, bool) and size > 0):
        raise InvalidParameter(f"size must be a positive number of inches, not {size!r}")
    source = source_of(network, source)
    if max_hops is None and len(network) > MAX_DRAWN:  # say so before searching them all
        raise _too_many(len(network))
    chains = reach(network, source, max_hops=max_hops)
    if len(chains) + 1 > MAX_DRAWN:
        raise _too_many(len(chains) + 1)
    distance = {source: 0} | {p: len(ids) - 1 for p, ids in chains.items()}
    parent: dict[str, str | None] = {source: None}
    parent.update((p, ids[-2]) for p, ids in chains.items())
    shown = list(distance) if max_hops is not None else list(network.inside.people.index)
    return _draw(network, source, distance, parent, shown, color_by, labels, size)


def _too_many(people: int) -> InvalidParameter:
    return InvalidParameter(
        f"{people} people are too many to draw (the most is {MAX_DRAWN}); "
        "pass max_hops=1 or max_hops=2 to draw the people nearest you"
    )


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

    node_colours, edge_colours, handles, title = _colours(
        network, source, graph, edges, distance, color_by, bool(unreached)
    )

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


def _colours(
    network: Network,
    source: str,
    graph: Any,
    edges: list[Any],
    distance: Mapping[str, int],
    color_by: str,
    unreached: bool,
) -> tuple[list[str], list[str], list[Any], str]:
    """The people's and ties' colours, the legend's entries and the title of a drawing."""
    from matplotlib.lines import Line2D

    far = max(distance.values())
    near = network.graph.adj[source]

    def node_colour(person: str) -> str:
        return _hop_colour(distance[person]) if person in distance else _UNREACHED_COLOUR

    if color_by == "distance":
        node_colours = [node_colour(p) for p in graph.nodes]
        edge_colours = ["#9a9a9a"] * len(edges)
        handles = [Line2D([], [], marker="o", ls="", ms=12, color=_YOU_COLOUR, label="you")]
        last = len(_HOP_COLOURS)
        for steps in range(1, min(far, last) + 1):
            label = plural(steps, "hop")
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
    return node_colours, edge_colours, handles, title


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
