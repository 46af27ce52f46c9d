"""Assignment 6: the notebook's own variables, checked before a check blames anything else.

``tracker``, ``NEW_TIES`` and ``network`` are loaded by cells of the notebook;
a learner's function that changes its input (``tracker["sent_on"] =
pd.to_datetime(...)``), run on them in a demo line, changes them for every
later check. :func:`setup_intact` names the variable and the cell to run
again, instead of a later check blaming the data or another part.
"""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd

from coffeechat.checks._inputs import unchanged_global
from coffeechat.contacts import Network
from coffeechat.datasets import load_sample_followups, load_sample_network

_TRACKER_CELL = "the cell that loads it (tracker, NEW_TIES = load_sample_followups())"
_NETWORK_CELL = "the cell that loads it (network = load_sample_network())"


@functools.lru_cache(maxsize=1)
def _pristine() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    tracker, new_ties = load_sample_followups()
    return tracker, new_ties, load_sample_network().ties


def setup_intact(function: Any) -> None:
    """Fail, naming the variable, if a line the learner ran changed one the notebook loaded.

    Only a namespace that is the assignment's notebook (it holds ``TODAY``
    and ``tracker``) is looked at; the learner's function tells where it is.
    """
    namespace = getattr(function, "__globals__", None) or {}
    if "TODAY" not in namespace or "tracker" not in namespace:
        return
    tracker, new_ties, ties = _pristine()
    unchanged_global("tracker", namespace["tracker"], tracker, _TRACKER_CELL)
    if "NEW_TIES" in namespace:
        unchanged_global("NEW_TIES", namespace["NEW_TIES"], new_ties, _TRACKER_CELL)
    if isinstance(namespace.get("network"), Network):
        unchanged_global("network", namespace["network"].ties, ties, _NETWORK_CELL)
