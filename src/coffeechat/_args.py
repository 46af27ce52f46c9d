"""Small checks and words the public functions share.

Every argument mistake is an :class:`~coffeechat.errors.InvalidParameter`
that names the argument and the value given; every count in a sentence is
written with :func:`plural`.

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

import numbers
import os
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from coffeechat.errors import InvalidParameter

__all__ = ["items", "output_path", "plural", "to_day", "to_moment", "whole_number"]


def whole_number(value: object, name: str, minimum: int = 1) -> int:
    """``value`` as an int if it is a whole number of at least ``minimum`` (never a bool)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise InvalidParameter(
            f"{name} must be a whole number of at least {minimum}, not {value!r}"
        )
    return int(value)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``'1 hop'``, ``'3 hops'``: the count and the word, in the plural when it is not 1."""
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


def to_moment(value: object, name: str) -> date | datetime:
    """``value`` as a date or datetime: one already, or ISO text (``2025-03-14 15:30``)."""
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, str):
        for parse in (date.fromisoformat, datetime.fromisoformat):
            try:
                return parse(value.strip())
            except ValueError:
                continue
        raise InvalidParameter(f"{name}={value!r} is not a date; write it like 2025-03-14 15:30")
    raise InvalidParameter(f"{name} must be a date or datetime, not {type(value).__name__}")


def to_day(value: object, name: str) -> date:
    """``value`` as a date, as :func:`to_moment` reads it (a datetime gives its day)."""
    when = to_moment(value, name)
    return when.date() if isinstance(when, datetime) else when
