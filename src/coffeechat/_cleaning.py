"""Checking the people and ties tables a network is built from, row by row,
so that every problem names its file, line and column.

The worker behind :func:`coffeechat.contacts.build_network`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from coffeechat._kinds import (
    DEFAULT_STRENGTH,
    PERSON_COLUMNS,
    TIE_KINDS,
    normalize_kind,
)
from coffeechat._tables import Origin, blank, parse_date
from coffeechat.errors import ContactDataError


def merge_skipped(found: Sequence[Exception]) -> tuple[ContactDataError, ...]:
    """Problems in file and line order, each row once (its ties are left out with it)."""
    seen: set[tuple[str | None, int | None]] = set()
    kept = []
    for err in sorted(
        found, key=lambda e: (getattr(e, "path", None) or "", getattr(e, "line", None) or 0)
    ):
        where = (getattr(err, "path", None), getattr(err, "line", None))
        if where[1] is not None and where in seen:
            continue
        seen.add(where)
        kept.append(err)
    return tuple(kept)  # type: ignore[arg-type]


def _error(origin: Origin, position: int, column: str | None, problem: str) -> ContactDataError:
    return origin.error(position, column, problem, ContactDataError)  # type: ignore[return-value]


def _first_positions(keys: np.ndarray) -> np.ndarray:
    """For each row, the position of the first row with the same key."""
    codes, uniques = pd.factorize(keys)
    first = np.full(len(uniques), len(keys), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(keys)))
    return first[codes]


def _plain(value: object) -> object:
    """A numpy scalar as the Python value it holds, for readable messages."""
    return value.item() if isinstance(value, np.generic) else value


def map_values(values: pd.Series | np.ndarray, func: Any) -> np.ndarray:
    """Apply ``func`` once per distinct value (fast on columns with repeats)."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    for i, value in enumerate(uniques):
        mapped[i] = func(value)
    mapped[-1] = func(None)
    return mapped[codes]


def _endpoints(values: pd.Series, ids: pd.Index) -> tuple[np.ndarray, np.ndarray]:
    """Cleaned id strings of a tie column and their positions in ``ids`` (-1: unknown)."""
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    cleaned = np.array(["" if blank(v) else str(v).strip() for v in uniques] + [""], dtype=object)
    positions = np.append(ids.get_indexer(cleaned[:-1]), -1).astype(np.int64)
    return cleaned[codes], positions[codes]


def _text_column(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    col = frame[column]
    if pd.api.types.is_string_dtype(col.dtype) and not pd.api.types.is_object_dtype(col.dtype):
        cleaned = col.fillna("").str.strip().to_numpy(dtype=object)
    else:
        cleaned = map_values(col, lambda v: "" if blank(v) else str(v).strip())
    return pd.Series(cleaned, index=frame.index, dtype=object)


def _require(frame: pd.DataFrame, origin: Origin, columns: Sequence[str]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        have = ", ".join(map(str, frame.columns)) or "none"
        where = f"{origin.path}: " if origin.path else f"{origin.label} table: "
        raise ContactDataError(f"{where}missing column {missing[0]!r} (the columns are: {have})")


def clean_people(people: pd.DataFrame, origin: Origin, problem: Any) -> pd.DataFrame:
    _require(people, origin, ["id", "name"])
    bad: list[int] = []
    ids = _text_column(people, "id")
    names = _text_column(people, "name")
    for pos in np.flatnonzero((ids == "").to_numpy()):
        problem(_error(origin, int(pos), "id", "empty id"))
        bad.append(int(pos))
    for pos in np.flatnonzero((names == "").to_numpy()):
        if int(pos) not in bad:
            problem(_error(origin, int(pos), "name", f"person {ids.iloc[pos]!r} has no name"))
            bad.append(int(pos))
    first = _first_positions(ids.to_numpy())
    for pos in np.flatnonzero((first != np.arange(len(ids))) & (ids != "").to_numpy()):
        pid = ids.iloc[pos]
        problem(
            _error(
                origin,
                int(pos),
                "id",
                f"duplicate id {pid!r} (first used on {origin.place(first[pos])})",
            )
        )
        bad.append(int(pos))
    frame = pd.DataFrame({"id": ids.to_numpy(), "name": names.to_numpy()})
    for column in PERSON_COLUMNS[2:]:
        frame[column] = _text_column(people, column).to_numpy()
    frame = frame.astype(object)
    if bad:
        keep = np.ones(len(frame), dtype=bool)
        keep[bad] = False
        frame = frame[keep]
    return frame.set_index("id")


def _parse_date_or_error(value: object) -> date | None | ValueError:
    try:
        return parse_date(value)
    except ValueError as err:
        return err


def clean_ties(ties: pd.DataFrame, origin: Origin, problem: Any, ids: pd.Index) -> pd.DataFrame:
    _require(ties, origin, ["source", "target"])
    n = len(ties)
    bad = np.zeros(n, dtype=bool)
    source, s_code = _endpoints(ties["source"], ids)
    target, t_code = _endpoints(ties["target"], ids)

    kind = _tie_kinds(ties, origin, problem, bad)
    strength = _tie_strengths(ties, kind, origin, problem, bad)

    # endpoints
    for name, column, code in (("source", source, s_code), ("target", target, t_code)):
        missing = code < 0
        for pos in np.flatnonzero(missing & ~bad):
            what = "empty" if column[pos] == "" else f"{column[pos]!r} is not a person id"
            problem(_error(origin, int(pos), name, f"{name} {what}"))
            bad[pos] = True
    self_tie = source == target
    for pos in np.flatnonzero(self_tie & ~bad):
        problem(_error(origin, int(pos), "target", f"tie from {source[pos]!r} to itself"))
        bad[pos] = True

    # one tie per pair, whichever way round
    lo, hi = np.minimum(s_code, t_code), np.maximum(s_code, t_code)
    key = lo * (len(ids) + 1) + hi
    key[bad] = -1 - np.arange(int(bad.sum()))  # bad rows are no one's duplicate
    first = _first_positions(key)
    for pos in np.flatnonzero(first != np.arange(n)):
        problem(
            _error(
                origin,
                int(pos),
                "target",
                f"second tie between {source[pos]!r} and {target[pos]!r} "
                f"(the first is on {origin.place(first[pos])})",
            )
        )
        bad[pos] = True

    # dates
    dates = {}
    for column in ("met_on", "last_contact"):
        if column not in ties.columns:
            dates[column] = np.full(n, None, dtype=object)
            continue
        raw_dates = ties[column].to_numpy(dtype=object)
        parsed = map_values(raw_dates, _parse_date_or_error)
        for pos in np.flatnonzero(map_values(parsed, lambda v: isinstance(v, ValueError))):
            parsed[pos] = None
            if not bad[pos]:
                problem(
                    _error(
                        origin,
                        int(pos),
                        column,
                        f"cannot read the date {_plain(raw_dates[pos])!r} (write it as 2024-03-12)",
                    )
                )
                bad[pos] = True
        dates[column] = parsed

    frame = pd.DataFrame(
        {
            "source": pd.Series(source, dtype=object),
            "target": pd.Series(target, dtype=object),
            "strength": strength,
            "kind": pd.Series(kind, dtype=object),
            "met_on": pd.Series(dates["met_on"], dtype=object),
            "last_contact": pd.Series(dates["last_contact"], dtype=object),
        }
    )
    if bad.any():
        frame = frame[~bad].reset_index(drop=True)
    return frame


def _tie_kinds(ties: pd.DataFrame, origin: Origin, problem: Any, bad: np.ndarray) -> np.ndarray:
    """Each tie's kind (a blank is an acquaintance); an unknown kind is a problem."""
    n = len(ties)
    if "kind" in ties.columns:
        raw_kind = ties["kind"].to_numpy()
        kind = map_values(raw_kind, lambda v: "acquaintance" if blank(v) else normalize_kind(v))
        for pos in np.flatnonzero(pd.isna(kind)):
            problem(
                _error(
                    origin,
                    int(pos),
                    "kind",
                    f"unknown tie kind {_plain(raw_kind[pos])!r}; "
                    f"use one of {', '.join(TIE_KINDS)}",
                )
            )
            bad[pos] = True
            kind[pos] = "acquaintance"
    else:
        kind = np.full(n, "acquaintance", dtype=object)
    return kind


def _tie_strengths(
    ties: pd.DataFrame, kind: np.ndarray, origin: Origin, problem: Any, bad: np.ndarray
) -> np.ndarray:
    """Each tie's strength (a blank: its kind's usual one); one outside (0, 1] is a problem."""
    defaults = map_values(kind, lambda k: DEFAULT_STRENGTH.get(k, 0.3)).astype(float)
    if "strength" in ties.columns:
        raw = ties["strength"]
        numeric = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
        if pd.api.types.is_numeric_dtype(raw.dtype):
            empty = raw.isna().to_numpy()
        else:
            empty = map_values(raw, blank).astype(bool)
        strength = np.where(empty, defaults, numeric)
        wrong = ~empty & (np.isnan(numeric) | ~(numeric > 0) | ~(numeric <= 1))
        for pos in np.flatnonzero(wrong & ~bad):
            problem(
                _error(
                    origin,
                    int(pos),
                    "strength",
                    f"strength {_plain(raw.iloc[pos])!r} is not a number in (0, 1]",
                )
            )
            bad[pos] = True
    else:
        strength = defaults
    return strength
