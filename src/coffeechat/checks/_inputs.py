"""What a learner's function is given, and what it gives back, as the checks see it.

A learner's function reads its inputs; it must not change them. The checks
hand it copies (:func:`call_on_copies`) and compare each copy with the
original afterwards, so a function that sorts the list it is given, adds a
column to the table it is given or drops its rows is told so in one
sentence, before any other finding. A notebook's own variable (a table
loaded by the set-up cell, a list of constants) that a learner's demo line
changed is caught by :func:`unchanged_global`, which names the variable and
the cell to run again, instead of letting a later check blame the data or
another part.

:func:`expect_number` accepts every kind of number a learner may compute
(Python's, numpy's, pandas'), never a bool.

A private module: the checks of each assignment import from it.

Examples
--------
>>> def sorts_in_place(lengths):
...     lengths.sort()
...     return lengths[len(lengths) // 2]
>>> try:
...     call_on_copies(sorts_in_place, [[5, 3, 4]], "median([5, 3, 4])", ["lengths"])
... except CheckFailed as err:
...     print(err)  # doctest: +ELLIPSIS
median([5, 3, 4]) changed the list `lengths` it was given (its order changed): read your input...
"""

from __future__ import annotations

import copy
import math
import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from coffeechat.checks._core import brief, call, fail
from coffeechat.errors import CheckFailed

__all__ = ["call_on_copies", "difference", "expect_number", "fresh_copy", "unchanged_global"]


def fresh_copy(value: Any) -> Any:
    """A deep copy of ``value`` that a learner's function may change without harm.

    Only what a function could change in place is copied: tables, lists,
    dicts, sets and arrays. A random generator is not copied: drawing from
    it is what it is for.

    Examples
    --------
    >>> table = pd.DataFrame({"a": [1]})
    >>> fresh_copy(table) is table, fresh_copy(table).equals(table)
    (False, True)
    """
    if isinstance(value, pd.DataFrame | pd.Series):
        return value.copy(deep=True)
    if isinstance(value, list | dict | set | np.ndarray):
        return copy.deepcopy(value)
    # Anything else is passed as it is: numbers and text cannot change, a record
    # such as a Network cannot be changed, and a random generator is there to
    # be drawn from (the check follows its state).
    return value


def _what(value: object) -> str:
    if isinstance(value, pd.DataFrame):
        return "table"
    if isinstance(value, pd.Series):
        return "Series"
    return type(value).__name__


def _sort_key(value: object) -> str:
    return repr(value)


def difference(before: Any, after: Any) -> str | None:
    """In a few words, how ``after`` differs from ``before``; None when they are equal.

    Examples
    --------
    >>> difference([1, 2], [2, 1])
    'its order changed'
    >>> difference(pd.DataFrame({"a": [1]}), pd.DataFrame({"a": [1], "b": [2]}))
    "a column 'b' was added"
    >>> difference({"x": [1]}, {"x": [1]}) is None
    True
    """
    if isinstance(before, pd.DataFrame) and isinstance(after, pd.DataFrame):
        added = [c for c in after.columns if c not in before.columns]
        if added:
            return f"a column {added[0]!r} was added"
        gone = [c for c in before.columns if c not in after.columns]
        if gone:
            return f"its column {gone[0]!r} was removed"
        if len(after) != len(before):
            return f"it went from {len(before)} rows to {len(after)}"
        if not after.index.equals(before.index):
            same = sorted(map(_sort_key, after.index)) == sorted(map(_sort_key, before.index))
            return "its rows were put in another order" if same else "its row labels changed"
        for column in before.columns:
            if not before[column].equals(after[column]):
                return f"its column {column!r} changed"
        return None
    if isinstance(before, pd.Series) and isinstance(after, pd.Series):
        if before.equals(after) and before.index.equals(after.index):
            return None
        return "its values changed" if len(before) == len(after) else "its length changed"
    if type(before) is not type(after):
        return f"it became a {_what(after)}"
    if isinstance(before, list | tuple):
        if len(before) != len(after):
            extra = [v for v in after if v not in before]
            if extra:
                return f"{brief(extra[0])} was added"
            return f"it went from {len(before)} items to {len(after)}"
        if _equal(before, after):
            return None
        if sorted(map(_sort_key, before)) == sorted(map(_sort_key, after)):
            return "its order changed"
        return "its items changed"
    if isinstance(before, dict):
        added = [k for k in after if k not in before]
        if added:
            return f"a key {brief(added[0])} was added"
        gone = [k for k in before if k not in after]
        if gone:
            return f"its key {brief(gone[0])} was removed"
        for key in before:
            if not _equal(before[key], after[key]):
                return f"the value of {brief(key)} changed"
        return None
    return None if _equal(before, after) else "its value changed"


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, pd.DataFrame | pd.Series) or isinstance(b, pd.DataFrame | pd.Series):
        return difference(a, b) is None
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return a is b


def _copy_advice(value: object, param: str) -> str:
    if isinstance(value, pd.DataFrame | pd.Series):
        return f"{param} = {param}.copy()"
    if isinstance(value, list):
        return f"sorted({param}), or {param}.copy()"
    if isinstance(value, dict):
        return f"dict({param})"
    return f"a copy of {param}"


def call_on_copies(
    function: Any, args: Sequence[Any], name: str, params: Sequence[str] = ()
) -> Any:
    """Call a learner's function (with :func:`call`) on copies; fail if it changed one.

    Parameters
    ----------
    function : callable
        The learner's function.
    args : sequence
        The arguments; each is copied with :func:`fresh_copy`, and the
        originals are never handed over.
    name : str
        How the message names the call, e.g. ``"talk_share(transcript)"``.
    params : sequence of str, optional
        The parameters' names in the text, for the message (``transcript``).

    Returns
    -------
    object
        What the function returned.

    Raises
    ------
    CheckFailed
        From :func:`call`, or naming the argument that the function changed and how.
    """
    copies = [fresh_copy(arg) for arg in args]
    try:
        result = call(function, copies, name)
    except CheckFailed as err:
        _explain_label_lookup(err, args, name)
        raise
    for position, (before, after) in enumerate(zip(args, copies, strict=True)):
        what = difference(before, after)
        if what is None:
            continue
        param = params[position] if position < len(params) else f"argument {position + 1}"
        fail(
            f"{name} changed the {_what(before)} `{param}` it was given ({what}): read your "
            f"input, do not change it \N{EM DASH} work on a copy ({_copy_advice(before, param)})."
        )
    return result


def _explain_label_lookup(err: CheckFailed, args: Sequence[Any], name: str) -> None:
    """Fail with the real cause when a KeyError came from looking up a row by position with .loc."""
    cause = err.__cause__
    if not isinstance(cause, KeyError) or not cause.args:
        return
    key = cause.args[0]
    if isinstance(key, bool) or not isinstance(key, numbers.Integral):
        return
    for arg in args:
        positional = isinstance(arg, pd.DataFrame | pd.Series) and 0 <= key < len(arg)
        if positional and key not in arg.index:
            fail(
                f"{name} stopped with KeyError: {key}: it looked up row {key} by label "
                f"(.loc or []), but the rows keep their labels from the big table (these "
                f"start at {arg.index[0]}). Use .iloc[{key}] for a position, or loop "
                "over the columns."
            )


def unchanged_global(label: str, value: Any, pristine: Any, cell: str) -> None:
    """Fail if a notebook variable no longer holds what ``cell`` gave it.

    Parameters
    ----------
    label : str
        The variable's name in the notebook, e.g. ``"TRANSCRIPTS"``.
    value : object
        What the variable holds now.
    pristine : object
        What the cell that sets it gives it.
    cell : str
        That cell, in words: ``"the setup cell"``.

    Raises
    ------
    CheckFailed
        Saying the variable was changed since, so the learner reruns the cell
        (and the check does not blame the data or another part).

    Examples
    --------
    >>> try:
    ...     unchanged_global("PS", [0.0, 0.1], [0.1], "the cell that sets N, K and PS")
    ... except CheckFailed as err:
    ...     print(err)  # doctest: +ELLIPSIS
    PS is no longer what the cell that sets N, K and PS made it (0.0 was added): a line you ran...
    """
    what = difference(pristine, value)
    if what is not None:
        fail(
            f"{label} is no longer what {cell} made it ({what}): a line you ran since changed "
            "it, perhaps a function that changes its input. Run that cell again, then this one."
        )


def expect_number(value: object, name: str, should: str = "a number") -> float | int:
    """``value`` if it is a number of any kind (Python, numpy); never a bool or NaN.

    Examples
    --------
    >>> expect_number(np.int64(7), "rubric_score")
    7
    >>> try:
    ...     expect_number("7", "rubric_score", "a whole number of points")
    ... except CheckFailed as err:
    ...     print(err)
    rubric_score should give a whole number of points, but it gave a str ('7').
    """
    if value is None:
        fail(f"{name} should give {should}, but it gave None: did you forget `return`?")
    if isinstance(value, bool | np.bool_):
        fail(f"{name} should give {should}, not True or False.")
    if isinstance(value, np.ndarray) and value.shape == ():
        value = value[()]
    if not isinstance(value, numbers.Real):
        if isinstance(value, pd.Series | list | tuple | dict) and len(value) == 1:
            fail(
                f"{name} should give {should}, but it gave a {_what(value)} holding one "
                f"({brief(value)}): take the number out of it."
            )
        fail(f"{name} should give {should}, but it gave a {_what(value)} ({brief(value)}).")
    if isinstance(value, float | np.floating) and math.isnan(value):
        fail(f"{name} gave NaN (not a number): is something divided by zero, or a blank summed?")
    if isinstance(value, numbers.Integral):
        return int(value)
    return float(value)
