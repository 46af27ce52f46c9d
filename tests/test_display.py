"""The course's one place for pandas display options: tables show whole text."""

from __future__ import annotations

import pandas as pd
import pytest

import coffeechat as cc
from coffeechat.display import COURSE_DISPLAY, show_whole_text

LONG = "Farah Siddiqui (acquaintance, 0.25) → Amara Nwosu, Head of UX Research at Pulsewise " * 2


@pytest.fixture
def pandas_defaults():
    """pandas' own defaults during the test, and whatever was set before put back after."""
    before = {name: pd.get_option(name) for name in COURSE_DISPLAY}
    for name in COURSE_DISPLAY:
        pd.reset_option(name)
    yield
    for name, value in before.items():
        pd.set_option(name, value)


def test_pandas_cuts_text_without_it(pandas_defaults) -> None:
    """Without the course's options a long cell ends in '...' (so the next test means something)."""
    table = pd.DataFrame({"chain": [LONG]})
    assert LONG not in repr(table) and "..." in repr(table)


def test_whole_text_and_every_column_show_after_it(pandas_defaults) -> None:
    """After show_whole_text a table shows every character of every cell and every column."""
    assert cc.show_whole_text is show_whole_text
    show_whole_text()
    wide = pd.DataFrame({f"column {i}": [LONG] for i in range(30)})
    assert LONG.strip() in repr(wide)
    assert LONG.strip() in wide.to_html()
    assert "column 29" in repr(wide) and "column 15" in repr(wide)
    assert {name: pd.get_option(name) for name in COURSE_DISPLAY} == dict(COURSE_DISPLAY)
