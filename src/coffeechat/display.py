"""How the course's tables show: whole text, every column, in one place.

pandas cuts text in a table at 50 characters and hides columns when a table
is wide. The course's tables hold chains of introductions, findings,
questions and words whose end matters, so each module starts by calling
:func:`show_whole_text` once; the settings live here and nowhere else.

Examples
--------
>>> import pandas as pd
>>> with pd.option_context("display.max_colwidth", 50):
...     show_whole_text()
...     pd.get_option("display.max_colwidth") is None
True
"""

from __future__ import annotations

from types import MappingProxyType

import pandas as pd

__all__ = ["COURSE_DISPLAY", "show_whole_text"]

#: The pandas display options every module of the course uses.
COURSE_DISPLAY = MappingProxyType(
    {
        "display.max_colwidth": None,  # whole text in every cell, never "..." at 50 characters
        "display.max_columns": None,  # every column
        "display.width": None,  # let the notebook wrap wide tables instead of pandas
    }
)


def show_whole_text() -> None:
    """Set the course's pandas display options (:data:`COURSE_DISPLAY`) for the session.

    Examples
    --------
    >>> import pandas as pd
    >>> saved = ("display.max_colwidth", 50, "display.max_columns", 20, "display.width", 80)
    >>> with pd.option_context(*saved):  # put pandas' defaults back afterwards
    ...     show_whole_text()
    ...     "..." in repr(pd.DataFrame({"text": ["word " * 30]}))
    False
    """
    for name, value in COURSE_DISPLAY.items():
        pd.set_option(name, value)
