"""The snowball simulator: referrals a conversation and weeks in, network and reach out.

Under the widget is :func:`coffeechat.snowball.snowball_table` (many
simulated snowballs averaged, beside the expected size) and
:func:`snowball_summary`, the sentence it shows.

Examples
--------
>>> sim = snowball_simulator(referrals=1.0, weeks=4, runs=300)
>>> sim.table["expected_network"].tolist()
[1.0, 2.0, 3.0, 4.0]
>>> sim.weeks.value = 6
>>> len(sim.table)
6
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd

from coffeechat._args import checked
from coffeechat.snowball import snowball_table
from coffeechat.ui._common import table_html

__all__ = ["SnowballSimulator", "snowball_simulator", "snowball_summary"]


@checked
def snowball_summary(table: pd.DataFrame, referrals: float, target_share: float) -> str:
    """One sentence about the last week of a :func:`~coffeechat.snowball.snowball_table`.

    Examples
    --------
    >>> from coffeechat.snowball import snowball_table
    >>> print(snowball_summary(snowball_table(0.5, 8, runs=200, target_share=0.1), 0.5, 0.1))
    ... # doctest: +NORMALIZE_WHITESPACE
    With 0.5 referrals a conversation, after 8 weeks you have had about 2 conversations
    (expected 2.0); the snowball levels off below one referral a conversation. The chance
    that one of them works at your target: 19%.
    """
    last = table.iloc[-1]
    weeks = len(table)
    text = (
        f"With {referrals:g} referrals a conversation, after {weeks} "
        f"week{'s' if weeks != 1 else ''} you have had about {last['network']:.0f} "
        f"conversation{'s' if round(last['network']) != 1 else ''} "
        f"(expected {last['expected_network']:.1f})"
    )
    if referrals < 1:
        text += "; the snowball levels off below one referral a conversation"
    elif last["conversations"] > 5:
        text += (
            f"; week {weeks} alone would hold {last['conversations']:.0f}, more than most "
            "people can fit in: choose whom to talk to"
        )
    return text + (
        f". The chance that one of them works at your target: {last['reach_target']:.0%}."
    )


class SnowballSimulator(widgets.VBox):
    """Sliders for referrals, weeks and the target's share, above the simulated table.

    Build one with :func:`snowball_simulator`; moving a slider recomputes
    :attr:`table` and redraws :attr:`summary` and :attr:`result`.
    """

    @checked
    def __init__(
        self,
        referrals: float = 1.0,
        weeks: int = 8,
        target_share: float = 0.1,
        *,
        runs: int = 1000,
        seed: int = 0,
    ) -> None:
        self.runs, self.seed = runs, seed
        style = {"description_width": "initial"}
        layout = widgets.Layout(width="420px")
        self.referrals = widgets.FloatSlider(
            value=referrals,
            min=0,
            max=3,
            step=0.1,
            description="Referrals a conversation",
            continuous_update=False,
            style=style,
            layout=layout,
        )
        self.weeks = widgets.IntSlider(
            value=weeks,
            min=1,
            max=16,
            description="Weeks",
            continuous_update=False,
            style=style,
            layout=layout,
        )
        self.target_share = widgets.FloatSlider(
            value=target_share,
            min=0,
            max=0.5,
            step=0.01,
            description="Share at your target",
            readout_format=".0%",
            continuous_update=False,
            style=style,
            layout=layout,
        )
        self.summary = widgets.HTML()
        self.result = widgets.HTML()
        self.table = pd.DataFrame()
        for slider in (self.referrals, self.weeks, self.target_share):
            slider.observe(self._update, names="value")
        super().__init__(
            children=[self.referrals, self.weeks, self.target_share, self.summary, self.result]
        )
        self._update()

    def _update(self, change: Mapping[str, Any] | None = None) -> None:
        referrals = round(float(self.referrals.value), 2)
        share = float(self.target_share.value)
        self.table = snowball_table(
            referrals, int(self.weeks.value), target_share=share, runs=self.runs, seed=self.seed
        )
        self.summary.value = f"<p>{snowball_summary(self.table, referrals, share)}</p>"
        shown = self.table.reset_index().round(
            {"conversations": 1, "network": 1, "expected_network": 1}
        )
        shown["reach_target"] = [f"{p:.0%}" for p in shown["reach_target"]]
        shown.columns = [
            "week",
            "conversations that week",
            "network so far",
            "expected",
            "chance of a contact at the target",
        ]
        self.result.value = table_html(shown)


@checked
def snowball_simulator(
    referrals: float = 1.0,
    weeks: int = 8,
    target_share: float = 0.1,
    *,
    runs: int = 1000,
    seed: int = 0,
) -> SnowballSimulator:
    """The snowball simulator widget (see :class:`SnowballSimulator`)."""
    return SnowballSimulator(referrals, weeks, target_share, runs=runs, seed=seed)
