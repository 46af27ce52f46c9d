"""Your second ring: people at your targets whom one of your contacts knows.

An export cannot say whom your contacts know, but LinkedIn shows it when you
look: a person at a target organisation, with "1 mutual connection" under
their name. Write each one you find as a row of a small CSV file — their
name, organisation and role, and the contact of yours (``via``) who knows
them. :func:`write_second_ring_template` makes the empty file;
:func:`read_second_ring` reads it back with clear errors (file, line,
column); :func:`add_second_ring` merges the rows into your network, so that
the plan can find two-hop chains: you, your contact, the person you hope to
meet.

A mutual connection only says that the two are connected online, so each new
tie is of kind ``"online"`` with its weak default strength.

Examples
--------
>>> import pathlib, tempfile
>>> import coffeechat as cc
>>> net = cc.load_sample_network()
>>> path = write_second_ring_template(pathlib.Path(tempfile.mkdtemp()) / SECOND_RING_FILE)
>>> with open(path, "a", encoding="utf-8") as f:
...     _ = f.write("Ines Quarry,Glasswing Labs,UX Researcher,Zoë Lefèvre,\\n")
>>> bigger = add_second_ring(net, read_second_ring(path, net))
>>> [p.name for p in bigger.find(organization="Glasswing Labs")]
['Ines Quarry']
"""

from __future__ import annotations

import csv
import difflib
from pathlib import Path

import pandas as pd

from coffeechat._args import output_path
from coffeechat._contact_files import unique_ids
from coffeechat._kinds import DEFAULT_STRENGTH, fold, normalize_organization
from coffeechat._tables import read_csv_rows
from coffeechat.contacts import Network
from coffeechat.errors import ContactDataError, InvalidParameter

__all__ = [
    "SECOND_RING_COLUMNS",
    "SECOND_RING_FILE",
    "add_second_ring",
    "read_second_ring",
    "write_second_ring_template",
]

#: The file's name, kept next to your export.
SECOND_RING_FILE = "second-ring.csv"
#: Columns of the second-ring file, in order; ``role`` and ``notes`` may be blank.
SECOND_RING_COLUMNS: tuple[str, ...] = ("name", "organization", "role", "via", "notes")
_REQUIRED = ("name", "organization", "via")
_ALIASES = {
    "person": "name",
    "company": "organization",
    "organisation": "organization",
    "employer": "organization",
    "position": "role",
    "title": "role",
    "mutual": "via",
    "mutual_connection": "via",
    "note": "notes",
}


def write_second_ring_template(path: str | Path) -> Path:
    """Write the empty second-ring file (its header row only); returns the path.

    An existing file is left as it is, so your rows are never lost.
    """
    out = Path(output_path(path))
    if not out.exists():
        with open(out, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerow(SECOND_RING_COLUMNS)
    return out


def _contact_ids(network: Network) -> dict[str, list[str]]:
    """Your contacts' ids by folded name (and by id)."""
    by_name: dict[str, list[str]] = {}
    for pid in network.neighbors(network.me):
        by_name.setdefault(fold(network.person(pid).name), []).append(pid)
        by_name.setdefault(fold(pid), []).append(pid)
    return by_name


def read_second_ring(path: str | Path, network: Network) -> pd.DataFrame:
    """Read your second-ring file, checking every row against your network.

    Parameters
    ----------
    path : str or Path
        The file (see :data:`SECOND_RING_COLUMNS`; "company", "position" and
        "mutual connection" are understood as column names too).
    network : Network
        Your network: ``via`` must name one of your own contacts (by name,
        any case or accents, or by id).

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`SECOND_RING_COLUMNS`, then ``via_id`` (the
        contact's id) and ``line`` (the row's line in the file).

    Raises
    ------
    ContactDataError
        Naming the file, line and column: a missing column, an empty name,
        organisation or via, a ``via`` who is not one of your contacts (with
        the closest names), one that matches two contacts, or a person
        listed twice.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> import coffeechat as cc
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "second-ring.csv"
    >>> _ = path.write_text("name,organization,role,via\\nIda Holm,Acme,,Zoe Lefevr\\n")
    >>> read_second_ring(path, cc.load_sample_network())
    Traceback (most recent call last):
    ...
    coffeechat.errors.ContactDataError: .../second-ring.csv:2: column 'via': 'Zoe Lefevr' is not
    one of your contacts; did you mean 'Zoë Lefèvre'?
    """
    if not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")
    table = read_csv_rows(path, ContactDataError, _ALIASES)
    for column in _REQUIRED:
        if column not in table.header:
            raise ContactDataError(
                f"missing column {column!r}; the file's header is " + ",".join(SECOND_RING_COLUMNS),
                path=table.path,
                line=table.header_line,
            )
    unknown = [c for c in table.header if c not in SECOND_RING_COLUMNS]
    if unknown:
        raise ContactDataError(
            f"unknown column {unknown[0]!r}; use " + ", ".join(SECOND_RING_COLUMNS),
            path=table.path,
            line=table.header_line,
            column=unknown[0],
        )
    contacts = _contact_ids(network)
    names = {
        fold(network.person(p).name): network.person(p).name for p in network.neighbors(network.me)
    }
    rows = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in table.rows:

        def bad(column: str, text: str, line: int = line) -> ContactDataError:
            return ContactDataError(text, path=table.path, line=line, column=column)

        for column in _REQUIRED:
            if not row.get(column, ""):
                raise bad(column, f"{column} is empty")
        via = row["via"]
        found = contacts.get(fold(via), [])
        if not found:
            close = difflib.get_close_matches(fold(via), list(names), n=2)
            hint = f"; did you mean {' or '.join(repr(names[c]) for c in close)}?" if close else ""
            raise bad("via", f"{via!r} is not one of your contacts{hint}")
        if len(set(found)) > 1:
            raise bad("via", f"{via!r} names two of your contacts; write their id instead")
        key = (fold(row["name"]), normalize_organization(row["organization"]))
        if key in seen:
            raise bad(
                "name", f"{row['name']} at {row['organization']} is already on line {seen[key]}"
            )
        seen[key] = line
        rows.append(
            {c: row.get(c, "") for c in SECOND_RING_COLUMNS} | {"via_id": found[0], "line": line}
        )
    return pd.DataFrame(rows, columns=[*SECOND_RING_COLUMNS, "via_id", "line"])


def add_second_ring(network: Network, second_ring: pd.DataFrame) -> Network:
    """Your network with the second-ring people added, each tied to the contact who knows them.

    A person already in the network (same name and organisation) is not
    added twice; only the tie to ``via`` is added if it is new.

    Parameters
    ----------
    network : Network
    second_ring : pandas.DataFrame
        As :func:`read_second_ring` returns.

    Returns
    -------
    Network
        A new network; ``network`` is unchanged.
    """
    if not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")
    if not isinstance(second_ring, pd.DataFrame) or "via_id" not in second_ring.columns:
        raise InvalidParameter("second_ring must be the table read_second_ring returns")
    people, ties = network.people, network.ties
    known = {
        (fold(n), normalize_organization(o)): pid
        for pid, n, o in zip(people["id"], people["name"], people["organization"], strict=True)
    }
    new_people, new_ties = [], []
    added: set[tuple[str, str]] = set()
    fresh = iter(unique_ids(list(second_ring["name"]), set(people["id"])))
    for row in second_ring.itertuples(index=False):
        pid_new = next(fresh)
        key = (fold(row.name), normalize_organization(row.organization))
        pid = known.get(key)
        if pid is None:
            pid = pid_new
            known[key] = pid
            new_people.append(
                {"id": pid, "name": row.name, "organization": row.organization, "role": row.role}
            )
        already = pid in network and network.tie(row.via_id, pid) is not None
        if pid != row.via_id and not already and (row.via_id, pid) not in added:
            added.add((row.via_id, pid))
            new_ties.append(
                {"source": row.via_id, "target": pid, "kind": "online",
                 "strength": DEFAULT_STRENGTH["online"]}
            )  # fmt: skip
    people = pd.concat([people, pd.DataFrame(new_people)], ignore_index=True).fillna("")
    ties = pd.concat([ties, pd.DataFrame(new_ties, columns=ties.columns)], ignore_index=True)
    return Network.from_frames(people, ties, me=network.me)
