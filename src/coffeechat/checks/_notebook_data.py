"""The notebook's own data, as its set-up cells made it: a changed variable is named as the cause.

A learner's demo line (``lamp["advocacy"] = ...``, or a call of a function
that changes its input) can change a variable that a later check reads. The
check would then blame the data, or another part. :func:`data_intact` looks
at the learner's notebook (the globals of their function), compares each
variable with what its cell gives it, and says which one changed and which
cell to run again; when the learner's own function is what changed it, it
says that instead.

A private module: the checks of each assignment use it.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from coffeechat.checks._core import fail
from coffeechat.checks._inputs import difference, fresh_copy, unchanged_global

__all__ = ["data_intact"]


def data_intact(
    function: Any,
    setup: Callable[[], Mapping[str, Any]],
    cells: Mapping[str, str],
    marker: str,
    reads: Sequence[str] = (),
    extra: Sequence[Any] = (),
) -> None:
    """Fail, naming the variable, if a line the learner ran changed the notebook's data.

    Parameters
    ----------
    function : callable
        The learner's function; its globals are the notebook's.
    setup : callable
        Gives each variable's name and the value its cell gives it.
    cells : mapping
        Each variable's cell, in words (``"the cell that loads `lamp`"``).
    marker : str
        A variable only the assignment's notebook defines: elsewhere nothing is compared.
    reads : sequence of str
        The notebook's variables that ``function`` takes, in the order of its
        parameters: when it changes one of them, that is said to be the cause.
    extra : sequence
        The arguments that follow them (a date, a number), when there are any.

    Raises
    ------
    CheckFailed
        Naming the variable, how it changed, and the cell to run again.

    Examples
    --------
    >>> LAMP = [3, 1, 2]
    >>> def middle(values):
    ...     values.sort()
    ...     return values[1]
    >>> _ = middle(LAMP)  # the learner's demo line
    >>> try:
    ...     data_intact(middle, lambda: {"LAMP": [3, 1, 2]}, {"LAMP": "the first cell"},
    ...                 "LAMP", reads=["LAMP"])
    ... except AssertionError as err:
    ...     print(err)  # doctest: +NORMALIZE_WHITESPACE
    `middle` changes the `LAMP` it is given (its order changed), so calling it in your cell
    changed the notebook's `LAMP` too: work on a copy, then run the first cell again.
    """
    namespace = getattr(function, "__globals__", None) or {}
    if marker not in namespace:
        return
    pristine = setup()
    for name, value in pristine.items():
        if name not in namespace or difference(value, namespace[name]) is None:
            continue
        if name in reads:
            copies = [fresh_copy(pristine[r]) for r in reads]
            with contextlib.suppress(Exception), contextlib.redirect_stdout(io.StringIO()):
                function(*copies, *extra)
            what = difference(value, copies[list(reads).index(name)])
            if what is not None:
                fail(
                    f"`{getattr(function, '__name__', 'your function')}` changes the `{name}` it "
                    f"is given ({what}), so calling it in your cell changed the notebook's "
                    f"`{name}` too: work on a copy, then run {cells[name]} again."
                )
        unchanged_global(name, namespace[name], value, cells[name])
