"""The notebook hooks: a check cell's NameError shown as one plain sentence.

:func:`not_defined` is the sentence for a name a check cell needs but the
notebook has not defined yet; :func:`install_notebook_messages` shows it in
place of IPython's ``NameError`` traceback in check cells.
"""

from __future__ import annotations

import linecache
import re
from collections.abc import Mapping
from typing import Any

from coffeechat.checks._calling import global_names
from coffeechat.checks._specs import Assignment
from coffeechat.errors import CheckFailed

__all__ = ["install_notebook_messages", "not_defined"]


def not_defined(
    name: str, assignment: Assignment | None = None, namespace: Mapping[str, Any] | None = None
) -> str:
    """The sentence for a check cell that uses a name the notebook has not defined yet.

    Parameters
    ----------
    name : str
        The name that is not defined.
    assignment : Assignment, optional
        Where to look up which part defines it (or the function that makes it).
    namespace : mapping, optional
        The notebook's variables, to tell "not written yet" from "not run yet".

    Examples
    --------
    >>> from coffeechat.checks import ASSIGNMENTS
    >>> spec = ASSIGNMENTS["ps01-who-can-introduce-you"]
    >>> print(not_defined("connections", spec))
    `connections` is not defined yet: run the cell with `load_connections` (part
    a) first.
    >>> def load_connections(path):
    ...     raise NotImplementedError()
    >>> print(not_defined("connections", spec, {"load_connections": load_connections}))
    `connections` is not defined yet: `load_connections` (part a) is not written
    yet — write it, run its cell, then this one.
    >>> print(not_defined("role_family", spec))
    `role_family` is not defined yet: write it in the answer cell of part (b), run
    that cell, then this one.
    """
    namespace = {} if namespace is None else namespace
    if assignment is not None:
        maker = dict(assignment.made_by).get(name)
        for part in assignment.parts:
            if name in part.functions:
                return (
                    f"`{name}` is not defined yet: write it in the answer cell of part "
                    f"({part.key}), run that cell, then this one."
                )
            if maker in part.functions:
                where = f"`{maker}` (part {part.key})"
                function = namespace.get(maker)
                if function is None:
                    return f"`{name}` is not defined yet: run the cell with {where} first."
                if _unwritten(function):
                    return (
                        f"`{name}` is not defined yet: {where} is not written yet "
                        "\N{EM DASH} write it, run its cell, then this one."
                    )
                return (
                    f"`{name}` is not defined yet: run the cell with {where} again; if "
                    "it stops with an error, fix that first."
                )
    return (
        f"`{name}` is not defined yet: run the cells above this one first "
        "(Run \N{RIGHTWARDS ARROW} Run All Above Selected Cell)."
    )


def _unwritten(function: object) -> bool:
    """Whether a learner's function still raises NotImplementedError (the exercise stub)."""
    code = getattr(function, "__code__", None)
    return code is not None and "NotImplementedError" in global_names(code)


def _assignment_for(source: str) -> Assignment | None:
    from coffeechat.checks import ASSIGNMENTS

    called = set(re.findall(r"checks\.(\w+)\(", source))
    for spec in ASSIGNMENTS.values():
        if any(t.call and t.call.split("(")[0] in called for t in spec.tests):
            return spec
    return None


def _assignment_defining(name: str) -> Assignment | None:
    from coffeechat.checks import ASSIGNMENTS

    for spec in ASSIGNMENTS.values():
        if name in spec.made_by or any(name in p.functions for p in spec.parts):
            return spec
    return None


def _check_cell_name_error(
    shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None
) -> None:
    """IPython's NameError handler: one sentence in a check cell, the usual traceback elsewhere."""
    try:
        last = tb
        while last is not None and last.tb_next is not None:
            last = last.tb_next
        frame = last.tb_frame if last is not None else None
        source = ""
        if frame is not None and frame.f_code.co_name == "<module>":
            source = "".join(linecache.getlines(frame.f_code.co_filename))
        name = getattr(value, "name", None)
        if name and "checks." in source:
            spec = _assignment_for(source) or _assignment_defining(name)
            message = CheckFailed(not_defined(name, spec, shell.user_ns))
            shell.showtraceback((CheckFailed, message, None))
            return
    except Exception:  # a handler must never break the notebook: fall back
        pass
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def install_notebook_messages() -> bool:
    """In IPython, show a check cell's NameError as one sentence (see :func:`not_defined`).

    Elsewhere (plain Python, nbgrader's own process) it does nothing. The cell
    still fails, with a ``CheckFailed`` error, so nbgrader counts it as failed.

    Returns
    -------
    bool
        Whether the handler is now installed.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return False
    shell = get_ipython()
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    if getattr(shell, "custom_exceptions", ()) not in ((), (NameError,)):
        return False  # someone else's handler: leave it alone
    shell.set_custom_exc((NameError,), _check_cell_name_error)
    return True
