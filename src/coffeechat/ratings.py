"""How well do you know them? Your own ratings of the people on your short list.

A LinkedIn connection says only that two people accepted each other online,
so every tie read from an export gets the same weak default strength, and
"the strongest chain" means nothing until you say whom you know well.
:func:`rating_table` lists the people to rate with their tie's kind and
strength now; change the rows (by hand, or with the widget
:func:`coffeechat.ui.rate_contacts`), save them next to your export with
:func:`write_ratings`, and :func:`apply_ratings` gives back your network with
your ratings in it. The next time, :func:`read_ratings` loads them again.

The strengths are your own rough guide, not a measurement: a chain built on
them is *stronger* or *weaker* than another, never "n % likely".

Examples
--------
>>> import coffeechat as cc
>>> net = cc.load_sample_network()
>>> table = rating_table(net, ["zoe-lefevre"])
>>> table.loc[0, "how_well"] = "well"
>>> table.loc[0, "kind"] = "former colleague"
>>> rated = apply_ratings(net, table)
>>> rated.tie("me", "zoe-lefevre").describe()
'former colleague, medium tie'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from coffeechat._args import output_path
from coffeechat._kinds import TIE_KINDS, normalize_kind
from coffeechat._tables import read_csv_rows
from coffeechat.contacts import Network
from coffeechat.errors import ContactDataError, InvalidParameter

__all__ = [
    "HOW_WELL",
    "RATING_COLUMNS",
    "apply_ratings",
    "rating_table",
    "ratings_path",
    "read_ratings",
    "write_ratings",
]

#: How well you know someone, in words, and the tie strength each stands for.
#: A rough guide of your own: "barely" is someone who may not remember you,
#: "very well" someone you could call tonight.
HOW_WELL: dict[str, float] = {"barely": 0.2, "a little": 0.4, "well": 0.6, "very well": 0.9}
#: Columns of a ratings table, in order.
RATING_COLUMNS: tuple[str, ...] = ("id", "name", "organization", "role", "kind", "how_well")


def _how_well(strength: float) -> str:
    """The words nearest to a strength."""
    return min(HOW_WELL, key=lambda w: abs(HOW_WELL[w] - strength))


def ratings_path(export: str | Path) -> Path:
    """Where the ratings of an export are kept: beside it, ``<name>-ratings.csv``.

    Examples
    --------
    >>> ratings_path("folder/Connections.csv").as_posix()
    'folder/Connections-ratings.csv'
    """
    path = Path(export)
    return path.with_name(f"{path.stem}-ratings.csv")


def rating_table(network: Network, people: Iterable[str] | None = None) -> pd.DataFrame:
    """The people to rate, with the kind of your tie and how well you know them now.

    Parameters
    ----------
    network : Network
        Your network.
    people : iterable of str, optional
        Ids of your own contacts to rate (your short list); all of your
        contacts when omitted. Repeats are dropped.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`RATING_COLUMNS`; ``kind`` is one of
        :data:`~coffeechat.contacts.TIE_KINDS`, ``how_well`` one of
        :data:`HOW_WELL`'s words.

    Raises
    ------
    InvalidParameter
        If someone listed is not one of your own contacts.
    """
    if not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")
    me = network.me
    ids = network.neighbors(me) if people is None else list(dict.fromkeys(map(str, people)))
    rows = []
    for pid in ids:
        tie = network.tie(me, pid) if pid in network else None
        if tie is None:
            raise InvalidParameter(
                f"{pid!r} is not one of your own contacts; rate the people you know"
            )
        person = network.person(pid)
        rows.append(
            {
                "id": pid,
                "name": person.name,
                "organization": person.organization,
                "role": person.role,
                "kind": tie.kind,
                "how_well": _how_well(tie.strength),
            }
        )
    return pd.DataFrame(rows, columns=list(RATING_COLUMNS))


def _check_rows(frame: pd.DataFrame, network: Network | None, problem) -> pd.DataFrame:
    """Each row's id, kind and how_well checked; ``problem(pos, column, text)`` reports."""
    for column in ("id", "kind", "how_well"):
        if column not in frame.columns:
            raise ContactDataError(
                f"missing column {column!r}; a ratings table has {', '.join(RATING_COLUMNS)}"
            )
    out = frame.copy()
    seen: dict[str, int] = {}
    contacts = set(network.neighbors(network.me)) if network is not None else None
    for pos, row in enumerate(frame.itertuples(index=False)):
        pid = str(row.id).strip()
        if not pid:
            problem(pos, "id", "the id is empty")
        if pid in seen:
            problem(pos, "id", f"{pid!r} is rated twice; keep one row a person")
        seen[pid] = pos
        if contacts is not None and pid not in contacts:
            close = difflib.get_close_matches(pid, sorted(contacts), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problem(pos, "id", f"{pid!r} is not one of your contacts{hint}")
        kind = normalize_kind(row.kind)
        if kind is None:
            problem(pos, "kind", f"unknown kind {row.kind!r}; use one of {', '.join(TIE_KINDS)}")
        how = " ".join(str(row.how_well).lower().split())
        if how not in HOW_WELL:
            problem(
                pos, "how_well", f"{row.how_well!r} is not one of {', '.join(map(repr, HOW_WELL))}"
            )
        out.loc[out.index[pos], ["id", "kind", "how_well"]] = [pid, kind, how]
    return out


def apply_ratings(network: Network, ratings: pd.DataFrame) -> Network:
    """Your network with your ratings as the kind and strength of each rated tie.

    Parameters
    ----------
    network : Network
    ratings : pandas.DataFrame
        A table like :func:`rating_table`'s (``id``, ``kind``, ``how_well``).

    Returns
    -------
    Network
        A new network; ``network`` is unchanged.

    Raises
    ------
    ContactDataError
        For a row whose id is not one of your contacts, an unknown kind or
        an unknown ``how_well``, naming the row.
    """
    if not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")
    if not isinstance(ratings, pd.DataFrame):
        raise InvalidParameter(f"ratings must be a DataFrame, not {type(ratings).__name__}")

    def problem(pos: int, column: str, text: str) -> None:
        raise ContactDataError(text, line=pos + 1, column=column)

    checked = _check_rows(ratings, network, problem)
    rated = {r.id: (r.kind, HOW_WELL[r.how_well]) for r in checked.itertuples(index=False)}
    ties = network.ties
    me = network.me
    for pos, (source, target) in enumerate(zip(ties["source"], ties["target"], strict=True)):
        other = target if source == me else source if target == me else None
        if other in rated:
            kind, strength = rated[other]
            ties.loc[ties.index[pos], ["kind", "strength"]] = [kind, strength]
    return Network.from_frames(network.people, ties, me=me)


def write_ratings(ratings: pd.DataFrame, path: str | Path) -> Path:
    """Save a ratings table as CSV (see :func:`ratings_path`); returns the path."""
    if not isinstance(ratings, pd.DataFrame):
        raise InvalidParameter(f"ratings must be a DataFrame, not {type(ratings).__name__}")

    def problem(pos: int, column: str, text: str) -> None:
        raise ContactDataError(text, line=pos + 1, column=column)

    checked = _check_rows(ratings, None, problem)
    out = Path(output_path(path))
    columns = [c for c in RATING_COLUMNS if c in checked.columns]
    checked[columns].to_csv(out, index=False, lineterminator="\n")
    return out


def read_ratings(path: str | Path, network: Network | None = None) -> pd.DataFrame:
    """Read ratings saved by :func:`write_ratings`.

    Parameters
    ----------
    path : str or Path
    network : Network, optional
        When given, every id must be one of your contacts in it.

    Raises
    ------
    ContactDataError
        Naming the file, line and column of the first problem: a missing
        column, an id that is not your contact, a kind or ``how_well`` that
        is not one of the allowed words, a person rated twice.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "Connections-ratings.csv"
    >>> _ = path.write_text("id,kind,how_well\\nana,friend,well\\nben,pen pal,well\\n")
    >>> read_ratings(path)
    Traceback (most recent call last):
    ...
    coffeechat.errors.ContactDataError: .../Connections-ratings.csv:3: column 'kind': unknown ...
    """
    table = read_csv_rows(path, ContactDataError)
    frame = table.frame()
    lines = [line for line, _ in table.rows]

    def problem(pos: int, column: str, text: str) -> None:
        raise ContactDataError(text, path=table.path, line=lines[pos], column=column)

    if not {"id", "kind", "how_well"} <= set(frame.columns):
        missing = next(c for c in ("id", "kind", "how_well") if c not in frame.columns)
        raise ContactDataError(
            f"missing column {missing!r}; a ratings file has {', '.join(RATING_COLUMNS)}",
            path=table.path,
            line=table.header_line,
        )
    return _check_rows(frame.fillna(""), network, problem).reset_index(drop=True)
