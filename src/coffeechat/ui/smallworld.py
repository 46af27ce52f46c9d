"""The small-world lab: a slider for the rewiring probability, a ring, and the 1998 curves.

Moving the slider rewires a small ring (so the long-range ties can be seen)
and marks the same probability on the curves of clustering and path length
for a large ring, which :func:`coffeechat.smallworld.small_world_curve`
computes once and caches. Underneath sits :func:`small_world_summary`, an
ordinary function that returns the sentence the widget shows.

Examples
--------
>>> lab = small_world_lab(n=200, k=6, sources=50)
>>> lab.p.value = 0.1
>>> "p = 0.1" in lab.summary.value
True
"""

from __future__ import annotations

import html
import io
import math
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd

from coffeechat._args import checked
from coffeechat.errors import InvalidParameter
from coffeechat.smallworld import DEFAULT_PS, rewired_ring, small_world_curve

__all__ = ["SmallWorldLab", "small_world_lab", "small_world_summary"]

_RING_PEOPLE = 24  # few enough to see each rewired tie
_RING_TIES = 4
_CLUSTERING_COLOUR = "#0072B2"
_PATH_COLOUR = "#D55E00"
_REWIRED_COLOUR = "#D55E00"
#: A small world: paths at most this share of the plain ring's ...
SMALL_WORLD_PATHS = 0.6
#: ... while clustering keeps at least this share of the plain ring's.
SMALL_WORLD_CLUSTERING = 0.6


@checked
def small_world_summary(
    curve: pd.DataFrame, p: float, random_clustering: float | None = None
) -> str:
    """One sentence on the ring at rewiring probability ``p``, from a curve's row.

    The sentence compares the ring with the plain ring *and* with a random
    network of the same size: a random network's clustering is about
    ``k / n`` (0.01 for 1,000 people with 10 ties each), so clustering that
    has fallen from the plain ring's can still be far above it. Watts and
    Strogatz's Figure 2 puts the small-world regime roughly between
    ``p = 0.001`` and ``p = 0.1``; here a ring is a small world when its
    paths are at most 60% as long as the plain ring's and its clustering is
    still at least 60% of the plain ring's.

    Parameters
    ----------
    curve : pandas.DataFrame
        As made by :func:`~coffeechat.smallworld.small_world_curve`.
    p : float
        One of the curve's probabilities.
    random_clustering : float, optional
        A random network's clustering, ``k / n``; by default the curve's own
        (``curve.attrs["random_clustering"]``, set by ``small_world_curve``).

    Raises
    ------
    InvalidParameter
        If ``p`` is not one of the curve's probabilities, or the random
        network's clustering is neither given nor on the curve.

    Examples
    --------
    >>> curve = pd.DataFrame({"p": [0.1], "clustering": [0.49], "clustering_ratio": [0.74],
    ...                       "path_length_ratio": [0.09]})
    >>> print(small_world_summary(curve, 0.1, random_clustering=0.01))
    p = 0.1: a small world, near the upper end of the regime. Paths are 9% as long
    as the plain ring's, and clustering, though down to 74% of the ring's, is still
    about 49 times a random network's (0.01).
    """
    rows = curve[curve["p"] == p]
    if rows.empty:
        raise InvalidParameter(f"p = {p!r} is not one of the curve's probabilities")
    if random_clustering is None:
        random_clustering = curve.attrs.get("random_clustering")
    if random_clustering is None or not random_clustering > 0:
        raise InvalidParameter(
            "give random_clustering (k / n for the ring), or a curve made by small_world_curve"
        )
    row = rows.iloc[0]
    c, ell = float(row["clustering_ratio"]), float(row["path_length_ratio"])
    times = float(row["clustering"]) / random_clustering
    head = f"p = {p:.2g}: "
    versus = f"about {times:.0f} times a random network's ({random_clustering:.2g})"
    if ell > SMALL_WORLD_PATHS:
        return (
            f"{head}close to the plain ring: clustering {c:.0%} of the ring's, and paths still "
            f"{ell:.0%} as long. Rewire a few more ties: the small world begins at about "
            "p = 0.001."
        )
    if c >= SMALL_WORLD_CLUSTERING:
        if ell > 0.5:
            where = "the small world begins: paths have fallen, clustering has not."
            clustering = f"clustering is {c:.0%} of the ring's, {versus}"
        elif c >= 0.9:
            where = "a small world: friends of friends still know each other."
            clustering = f"clustering is {c:.0%} of the ring's, {versus}"
        else:
            where = "a small world, near the upper end of the regime."
            clustering = f"clustering, though down to {c:.0%} of the ring's, is still {versus}"
        return f"{head}{where} Paths are {ell:.0%} as long as the plain ring's, and {clustering}."
    if times >= 3:
        return (
            f"{head}leaving the small world: paths are short ({ell:.0%} of the ring's), and "
            f"clustering has fallen to {c:.0%} of the ring's, though it is still {versus}."
        )
    return (
        f"{head}a random network: paths are short ({ell:.0%} of the ring's), and clustering "
        f"({float(row['clustering']):.2g}) is no higher than a random network's "
        f"({random_clustering:.2g}): most of your contacts do not know each other."
    )


def _png(fig: Any) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80)
    return buffer.getvalue()


def _picture(curve: pd.DataFrame, p: float, seed: int) -> bytes:
    """The small ring rewired at ``p`` beside the curves with ``p`` marked, as a PNG."""
    import matplotlib.pyplot as plt

    fig, (ring_ax, curve_ax) = plt.subplots(1, 2, figsize=(10, 4.2), layout="constrained")
    plt.close(fig)
    plain = rewired_ring(_RING_PEOPLE, _RING_TIES, 0.0)
    ring = rewired_ring(_RING_PEOPLE, _RING_TIES, p, seed)
    where = {
        i: (math.cos(2 * math.pi * i / _RING_PEOPLE), math.sin(2 * math.pi * i / _RING_PEOPLE))
        for i in ring
    }
    for a, b in ring.edges():
        moved = not plain.has_edge(a, b)
        ring_ax.plot(
            [where[a][0], where[b][0]],
            [where[a][1], where[b][1]],
            color=_REWIRED_COLOUR if moved else "#999999",
            lw=2.2 if moved else 1,
            zorder=2 if moved else 1,
        )
    ring_ax.scatter(*zip(*where.values(), strict=True), s=60, color="#222222", zorder=3)
    ring_ax.set_title(f"{_RING_PEOPLE} people, rewired with p = {p:.2g}\n(orange: rewired ties)")
    ring_ax.set_aspect("equal")
    ring_ax.axis("off")

    curve_ax.semilogx(
        curve["p"],
        curve["clustering_ratio"],
        "o-",
        color=_CLUSTERING_COLOUR,
        label="clustering C(p) / C(0)",
    )
    curve_ax.semilogx(
        curve["p"],
        curve["path_length_ratio"],
        "s-",
        color=_PATH_COLOUR,
        label="path length L(p) / L(0)",
    )
    curve_ax.axvline(p, color="#555555", ls="--", lw=1)
    curve_ax.set_xlabel("rewiring probability p (log scale)")
    curve_ax.set_ylim(0, 1.05)
    curve_ax.set_title("A large ring: what rewiring does")
    curve_ax.legend(loc="lower left")
    return _png(fig)


class SmallWorldLab(widgets.VBox):
    """A rewiring-probability slider above a picture and a sentence that follow it.

    Use :func:`small_world_lab` to make one. ``p`` is the slider, ``picture``
    the image, ``summary`` the sentence, and ``curve`` the table behind them.
    """

    @checked
    def __init__(
        self,
        *,
        n: int = 1000,
        k: int = 10,
        ps: tuple[float, ...] = DEFAULT_PS,
        seed: int = 0,
        sources: int | None = 100,
    ) -> None:
        self.curve = small_world_curve(n=n, k=k, ps=ps, seed=seed, sources=sources)
        self._seed = seed
        options = [(f"{p:.2g}", p) for p in self.curve["p"]]
        start = min(self.curve["p"], key=lambda p: abs(math.log10(p or 1e-9) + 2))
        self.p = widgets.SelectionSlider(
            options=options,
            value=start,
            description="p",
            continuous_update=False,
            layout=widgets.Layout(width="32em"),
        )
        self.picture = widgets.Image(format="png")
        self.summary = widgets.HTML()
        super().__init__(
            [self.p, self.summary, self.picture],
            layout=widgets.Layout(border="1px solid #ddd", padding="8px"),
        )
        self.p.observe(self._update, names="value")
        self._update()

    def _update(self, change: Mapping[str, Any] | None = None) -> None:
        p = self.p.value
        self.summary.value = (
            f"<p style='font-size:15px'>{html.escape(small_world_summary(self.curve, p))}</p>"
        )
        self.picture.value = _picture(self.curve, p, self._seed)


@checked
def small_world_lab(
    *,
    n: int = 1000,
    k: int = 10,
    ps: tuple[float, ...] = DEFAULT_PS,
    seed: int = 0,
    sources: int | None = 100,
) -> SmallWorldLab:
    """The small-world lab as a widget (see :class:`SmallWorldLab`).

    Parameters are those of :func:`~coffeechat.smallworld.small_world_curve`
    for the large ring whose curves are drawn; the drawn ring always has
    24 people with 4 ties each.

    Returns
    -------
    SmallWorldLab
        Leave it as the last line of a cell to show it.
    """
    return SmallWorldLab(n=n, k=k, ps=tuple(ps), seed=seed, sources=sources)
