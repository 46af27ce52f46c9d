"""Finding hidden tests' code: one scanner for release, grading and feedback.

nbgrader marks hidden tests with two delimiter lines, ``### BEGIN HIDDEN
TESTS`` and ``### END HIDDEN TESTS`` by default, configurable as
``ClearHiddenTests.begin_test_delimeter`` and ``end_test_delimeter`` (sic).
Everything here takes the delimiters from that setting.

Examples
--------
>>> source = "check(1)\\n### BEGIN HIDDEN TESTS\\nsecret_check(42)\\n### END HIDDEN TESTS"
>>> hidden_lines([source])
{'secret_check(42)'}
>>> print(without_hidden(source, note="# (hidden)"))
check(1)
# (hidden)
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from coffeechat.errors import GradingError

__all__ = ["BEGIN", "END", "delimiters", "hidden_lines", "leaked", "refuse_leaks", "without_hidden"]

#: nbgrader's default delimiters.
BEGIN, END = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"

#: Lines this short (``pass``, ``)``) are too common to count as a leak.
_SHORTEST = 9


def delimiters(config: Any = None) -> tuple[str, str]:
    """The hidden-test delimiters in force: nbgrader's setting, else its default."""
    from nbgrader.preprocessors import ClearHiddenTests

    if config is None:
        return BEGIN, END
    clear = ClearHiddenTests(config=config)
    return clear.begin_test_delimeter, clear.end_test_delimeter


def _regions(source: str, begin: str, end: str) -> Iterable[tuple[bool, str]]:
    """Each line of ``source`` with whether it lies inside a hidden region."""
    inside = False
    for line in source.split("\n"):
        if begin in line:
            inside = True
            yield True, line
        elif end in line:
            inside = False
            yield True, line
        else:
            yield inside, line


def hidden_lines(sources: Iterable[str], begin: str = BEGIN, end: str = END) -> set[str]:
    """The stripped lines of code inside hidden regions (long enough to be telling)."""
    found = set()
    for source in sources:
        for inside, line in _regions(source, begin, end):
            if inside and begin not in line and end not in line and len(line.strip()) >= _SHORTEST:
                found.add(line.strip())
    return found


def without_hidden(source: str, *, note: str, begin: str = BEGIN, end: str = END) -> str:
    """``source`` with each hidden region replaced by ``note`` (indented like it)."""
    kept = []
    for inside, line in _regions(source, begin, end):
        if begin in line:
            kept.append(line[: len(line) - len(line.lstrip())] + note)
        elif not inside:
            kept.append(line)
    return "\n".join(kept)


def leaked(text: str, secret: set[str]) -> list[str]:
    """The hidden lines that appear in ``text`` (HTML entities decoded too)."""
    text = text + html.unescape(text)
    return sorted(line for line in secret if line in text)


def refuse_leaks(secret: set[str], files: Iterable[Path], what: str) -> None:
    """Raise if any file shows a line of hidden-test code.

    Raises
    ------
    GradingError
        Naming the file and the first line found.
    """
    for path in files:
        found = leaked(Path(path).read_text(encoding="utf-8"), secret)
        if found:
            raise GradingError(
                f"{path}: {what} shows hidden test code ({found[0]!r}); not handing it out"
            )
