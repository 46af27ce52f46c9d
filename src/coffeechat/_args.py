"""Small checks and words the public functions share.

Every argument mistake is an :class:`~coffeechat.errors.InvalidParameter`
that names the argument and the value given; every count in a sentence is
written with :func:`plural`. A public function decorated with :func:`checked`
has its arguments checked against its annotations on entry.

Examples
--------
>>> whole_number(3, "k"), plural(1, "hop"), plural(2, "person", "people")
(3, '1 hop', '2 people')
>>> whole_number(True, "k")
Traceback (most recent call last):
...
coffeechat.errors.InvalidParameter: k must be a whole number of at least 1, not True
"""

from __future__ import annotations

import datetime
import functools
import inspect
import math
import numbers
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from coffeechat.errors import InvalidParameter

__all__ = [
    "a_date",
    "at_least",
    "checked",
    "given",
    "items",
    "one_of",
    "output_path",
    "plural",
    "seed",
    "to_day",
    "to_moment",
    "whole_number",
]


def whole_number(value: object, name: str, minimum: int = 1) -> int:
    """``value`` as an int if it is a whole number of at least ``minimum`` (never a bool)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise InvalidParameter(
            f"{name} must be a whole number of at least {minimum}, not {value!r}"
        )
    return int(value)


def plural(count: float, word: str, many: str | None = None) -> str:
    """``'1 hop'``, ``'3 hops'``: the count and the word, in the plural when it is not 1.

    Examples
    --------
    >>> plural(1, "tie"), plural(2, "person", "people"), plural(1500, "person", "people")
    ('1 tie', '2 people', '1,500 people')
    """
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def items(values: object, name: str, kind: type | tuple[type, ...] | None = None) -> list[Any]:
    """``values`` as a list, if it is a list (or other iterable, not text) of ``kind``."""
    what = "" if kind is None else " of " + _kind_name(kind)
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidParameter(f"{name} must be a list{what}, not {values!r}")
    found = list(values)
    if kind is not None:
        for value in found:
            if not isinstance(value, kind):
                raise InvalidParameter(f"{name} must be a list{what}, but it holds {value!r}")
    return found


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


def output_path(path: object) -> Path:
    """The path of a file to write: a str or path, not a folder, in a folder that exists."""
    if not isinstance(path, str | os.PathLike) or not os.fspath(path):
        raise InvalidParameter(f"expected the path of a file to write, not {path!r}")
    target = Path(os.fsdecode(path))
    if target.is_dir():
        raise InvalidParameter(f"cannot write {target}: it is a folder")
    if not target.parent.is_dir():
        raise InvalidParameter(f"cannot write {target}: no folder {target.parent}")
    return target


def to_moment(value: object, name: str) -> datetime.date | datetime.datetime:
    """``value`` as a date or datetime: one already, or ISO text (``2025-03-14 15:30``)."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value
    if isinstance(value, str):
        for parse in (datetime.date.fromisoformat, datetime.datetime.fromisoformat):
            try:
                return parse(value.strip())
            except ValueError:
                continue
        raise InvalidParameter(f"{name}={value!r} is not a date; write it like 2025-03-14 15:30")
    raise InvalidParameter(f"{name} must be a date or datetime, not {type(value).__name__}")


def to_day(value: object, name: str) -> datetime.date:
    """``value`` as a date, as :func:`to_moment` reads it (a datetime gives its day)."""
    when = to_moment(value, name)
    return when.date() if isinstance(when, datetime.datetime) else when


# ------------------------------------------------ arguments checked on entry
#: What an argument of each annotated kind should be: a test and the words for it.
#: Kinds not listed here (``Any``, ``object``, ``bool``, a learner's ``Callable``
#: unless a caller says otherwise) are not checked.
Kind = tuple[Callable[[object], bool], str]


def _is_network(value: object) -> bool:
    # A Network exists only once coffeechat.contacts is loaded; asking for the
    # module, not importing it, keeps this module below contacts (which uses it).
    contacts = sys.modules.get("coffeechat.contacts")
    return contacts is not None and isinstance(value, contacts.Network)


def _is_graph(value: object) -> bool:
    import networkx as nx

    return isinstance(value, nx.Graph)


def _is_date(value: object) -> bool:
    return isinstance(value, datetime.date)


def _is_whole(value: object) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and not (isinstance(value, float) and math.isnan(value))
    )


KINDS: dict[str, Kind] = {
    "Network": (_is_network, "a coffeechat Network (the one the notebook loaded)"),
    "DataFrame": (lambda v: isinstance(v, pd.DataFrame), "a pandas DataFrame (a table)"),
    "Graph": (_is_graph, "a networkx Graph"),
    "str": (lambda v: isinstance(v, str), "text (a str)"),
    "int": (_is_whole, "a whole number"),
    "float": (_is_number, "a number"),
    "date": (_is_date, "a date"),
    "datetime": (_is_date, "a date and time"),
    "Path": (lambda v: isinstance(v, str | os.PathLike), "the path of a file or folder"),
    "PathLike": (lambda v: isinstance(v, str | os.PathLike), "the path of a file or folder"),
    "Mapping": (lambda v: isinstance(v, Mapping), "a dict"),
    "dict": (lambda v: isinstance(v, Mapping), "a dict"),
}
#: Kinds that hold other values: the outer test, its words, and whether the
#: inner kind (``Sequence[str]``: ``str``) is checked value by value.
_LISTS = {"Sequence", "Iterable", "list", "tuple", "Collection"}
_NONE = (lambda v: v is None, "None")


def given(value: object) -> str:
    """How a message names what was given: its type, and the value when it is short.

    Examples
    --------
    >>> given(42), given("x"), given(object())
    ('int 42', "str 'x'", 'object')
    """
    kind = type(value).__name__
    text = repr(value)
    if len(text) > 40 or text.startswith("<") or isinstance(value, Mapping | list | tuple):
        return kind
    return f"{kind} {text}"


def _split(annotation: str, sep: str) -> list[str]:
    """``annotation`` split at ``sep`` outside brackets."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(annotation):
        depth += char == "["
        depth -= char == "]"
        if depth == 0 and annotation.startswith(sep, i):
            parts.append(annotation[start:i].strip())
            start = i + len(sep)
    return [*parts, annotation[start:].strip()]


def _rule(annotation: object, kinds: Mapping[str, Kind]) -> Callable[[object, str], None] | None:
    """The check for one annotation, or None when it is not one to check."""
    if not isinstance(annotation, str):
        annotation = getattr(annotation, "__name__", "")
    alternatives = []
    for part in _split(annotation, "|"):
        outer, _, inner = part.partition("[")
        outer = outer.rsplit(".", 1)[-1].strip()
        if outer == "None":
            alternatives.append((_NONE, None))
        elif outer in _LISTS:
            inner_kind = _inner(inner[:-1], kinds) if inner else None
            alternatives.append(((_is_list, "a list"), inner_kind))
        elif outer in kinds:
            alternatives.append((kinds[outer], None))
        else:
            return None  # a kind not checked here, alone or among others: accept anything

    def check(value: object, name: str) -> None:
        for (test, _), inner_kind in alternatives:
            if test(value):
                if inner_kind is not None:
                    for item in list(value):  # type: ignore[call-overload]
                        if not inner_kind[0](item):
                            raise InvalidParameter(
                                f"{name} should be a list of {inner_kind[1]}, but it "
                                f"holds {given(item)}"
                            )
                return
        words = [
            words + (f" of {inner_kind[1]}" if inner_kind else "")
            for (_, words), inner_kind in alternatives
            if words != "None"
        ]
        optional = " (or None)" if any(w == "None" for (_, w), _ in alternatives) else ""
        raise InvalidParameter(
            f"{name} should be {' or '.join(words)}{optional}, not {given(value)}"
        )

    return check


def _inner(annotation: str, kinds: Mapping[str, Kind]) -> Kind | None:
    """The kind of each value in a list: ``str`` in ``Sequence[str]``; ``tuple[str, str]``."""
    outer = annotation.partition("[")[0].rsplit(".", 1)[-1].strip()
    if outer in _LISTS:
        return (_is_list, f"{outer}s")
    return kinds.get(outer)


def _is_list(value: object) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, str | bytes | Mapping)


def seed(value: object, name: str) -> None:
    """A random seed: a whole number of at least 0 (or None)."""
    if value is not None and (not _is_whole(value) or value < 0):  # type: ignore[operator]
        raise InvalidParameter(
            f"{name} should be a whole number of at least 0 (a random seed), not {given(value)}"
        )


def a_date(value: object, name: str) -> None:
    """A day: a date, a datetime or text such as ``'2026-03-12'`` (what ``pd.Timestamp`` reads)."""
    if isinstance(value, datetime.date):
        return
    if isinstance(value, str):
        try:
            if not pd.isna(pd.Timestamp(value)):
                return
        except (TypeError, ValueError):
            pass
    raise InvalidParameter(
        f"{name} should be a date, such as '2026-03-12' or datetime.date(2026, 3, 12), "
        f"not {given(value)}"
    )


def one_of(*choices: object) -> Callable[[object, str], None]:
    """A rule: one of ``choices``.

    Examples
    --------
    >>> one_of(15, 20, 30)(25, "agreed_minutes")
    Traceback (most recent call last):
    ...
    coffeechat.errors.InvalidParameter: agreed_minutes should be one of 15, 20, 30, not int 25
    """

    def check(value: object, name: str) -> None:
        try:
            if any(value == choice and type(value) is not bool for choice in choices):
                return
        except (TypeError, ValueError):
            pass
        raise InvalidParameter(
            f"{name} should be one of {', '.join(map(repr, choices))}, not {given(value)}"
        )

    return check


def at_least(minimum: float, most: float | None = None) -> Callable[[object, str], None]:
    """A rule: a number from ``minimum`` (to ``most``), checked after its kind."""

    def check(value: object, name: str) -> None:
        if _is_number(value) and (
            value < minimum or (most is not None and value > most)  # type: ignore[operator]
        ):
            span = f"from {minimum} to {most}" if most is not None else f"at least {minimum}"
            raise InvalidParameter(f"{name} should be {span}, not {given(value)}")

    return check


def checked(
    function: Callable[..., Any] | None = None,
    /,
    *,
    kinds: Mapping[str, Kind] | None = None,
    functions: Callable[[object, str], None] | None = None,
    **rules: Callable[[object, str], None],
) -> Any:
    """Check a public function's arguments against its annotations on entry.

    Each argument whose annotation names a kind in :data:`KINDS` (``Network``,
    ``pd.DataFrame``, ``str``, ``int``, ``float``, ``Sequence[str]``, ...,
    ``X | None``) is checked before the function runs; a wrong one raises
    :class:`~coffeechat.errors.InvalidParameter` with one sentence naming the
    argument, what was given and what it should be. ``rules`` add checks by
    argument name (run after the annotation's; a parameter named ``seed`` is
    always checked as a random seed); ``kinds`` adds or replaces kinds;
    ``functions`` checks an argument annotated ``Callable`` (the checks say a
    learner's value that is not a function in their own words). Only
    the arguments are checked: what the function then does, and what a
    learner's function it calls raises, is its own business.

    Examples
    --------
    >>> @checked
    ... def hops(network: Network, source: str | None = None) -> None: ...
    >>> hops(42)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    coffeechat.errors.InvalidParameter: network should be a coffeechat Network ..., not int 42
    """
    if function is None:
        return lambda f: checked(f, kinds=kinds, functions=functions, **rules)
    known = {**KINDS, **(kinds or {})}
    signature = inspect.signature(function)
    checks: dict[str, list[Callable[[object, str], None]]] = {}
    for name, parameter in signature.parameters.items():
        found = [r for r in [_rule(parameter.annotation, known)] if r is not None]
        if functions is not None and "Callable" in str(parameter.annotation):
            found.append(functions)
        if name == "seed":
            found.append(seed)
        if name in rules:
            found.append(rules[name])
        if found:
            checks[name] = found

    @functools.wraps(function)
    def entry(*args: Any, **kwargs: Any) -> Any:
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError:
            return function(*args, **kwargs)  # Python's own words for a missing argument
        for name, value in bound.arguments.items():
            for check in checks.get(name, ()):
                check(value, name)
        return function(*args, **kwargs)

    return entry
