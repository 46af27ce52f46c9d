"""The graded assignments, gathered from the checks module of each.

Each assignment's checks module (``ps01``, ``ps02``, ...) registers its
``ASSIGNMENT``; :data:`ASSIGNMENTS` holds them by folder name, and
:func:`checks_module` gives the module whose checks an assignment's visible
test cells call (``checks.<name>(...)``).
"""

from __future__ import annotations

from types import ModuleType

from coffeechat.checks import ps01, ps02, ps03, ps04, ps05, ps06, ps07, ps08
from coffeechat.checks._specs import Assignment

__all__ = ["ASSIGNMENTS", "checks_module"]

_MODULES: dict[str, ModuleType] = {
    m.ASSIGNMENT.name: m for m in (ps01, ps02, ps03, ps04, ps05, ps06, ps07, ps08)
}

#: The graded assignments, by folder name.
ASSIGNMENTS: dict[str, Assignment] = {name: m.ASSIGNMENT for name, m in _MODULES.items()}


def checks_module(assignment: str) -> ModuleType:
    """The checks module of an assignment (a key of :data:`ASSIGNMENTS`).

    Examples
    --------
    >>> checks_module("ps01-who-can-introduce-you").__name__
    'coffeechat.checks.ps01'
    """
    return _MODULES[assignment]
