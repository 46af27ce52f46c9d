"""Read contact data from files, and write a network back out.

Every importer returns a :class:`~coffeechat.contacts.Network` whose learner is
the person with id ``"me"``. The formats are:

* a pair of plain CSV files, one of people and one of ties
  (:func:`read_csv`, :func:`write_csv`);
* LinkedIn's ``Connections.csv`` data export (:func:`read_linkedin`,
  :func:`read_linkedin_table`);
* vCard files, versions 4.0, 3.0 and 2.1 (:func:`read_vcard`);
* Google Contacts' CSV export (:func:`read_google_csv`).

Files are read as UTF-8 (a byte-order mark is allowed, and so is UTF-16 with
its byte-order mark). A file in another encoding is refused with the line and
byte at fault; pass ``encoding=`` (for instance ``"cp1252"`` for a file saved
by an older Windows program) to read it anyway.

Bad input never ends in a bare ``KeyError`` or ``UnicodeDecodeError``: every
problem is a :class:`~coffeechat.errors.ContactDataError` whose message names
the file, the line (the real line in the file, counting any notes above the
header and any quoted values that run over several lines), the column and the
problem. With ``errors="skip"`` bad rows are left out instead, and each one is
listed, with its reason, in :attr:`Network.skipped`.

Examples
--------
>>> from coffeechat.datasets import sample_path
>>> net = read_linkedin(sample_path("Connections.csv"), me_name="Alex Moreno")
>>> net.person("zoe-lefevre").describe()
'Zoë Lefèvre, Junior UX Researcher at Brindlewood Learning'
>>> net.tie("me", "zoe-lefevre").kind
'online'
"""

from __future__ import annotations

import csv
import difflib
from collections.abc import Sequence

import pandas as pd

from coffeechat._args import checked, output_path
from coffeechat._contact_files import (
    Errors,
    PathLike,
    Table,
    load_contact_text,
    quick_table,
    records_with_header,
    table_at,
)
from coffeechat._google import read_google_csv
from coffeechat._linkedin import LINKEDIN_COLUMNS, read_linkedin, read_linkedin_table
from coffeechat._tables import (
    Lines,
    Origin,
    Problems,
    check_errors,
    column_name,
)
from coffeechat._vcard import read_vcard
from coffeechat.contacts import (
    PERSON_COLUMNS,
    TIE_COLUMNS,
    Network,
    build_network,
)
from coffeechat.errors import ContactDataError, InvalidParameter

__all__ = [
    "LINKEDIN_COLUMNS",
    "read_csv",
    "read_google_csv",
    "read_linkedin",
    "read_linkedin_table",
    "read_vcard",
    "write_csv",
]

# ------------------------------------------------------------------ generic CSV

_COLUMN_ALIASES = {"organisation": "organization"}


def _plain_table(
    path: object,
    what: str,
    columns: Sequence[str],
    required: Sequence[str],
    encoding: str | None,
    problem: Problems,
) -> Table:
    shown, text = load_contact_text(path, encoding, "CSV")
    table = quick_table(text, shown)
    if table is None:
        table = table_at(records_with_header(text, shown, problem), 0, problem)
    renamed = {}
    for name in table.columns:
        renamed[name] = column_name(name, _COLUMN_ALIASES)
    if len(set(renamed.values())) == len(renamed):
        table.frame = table.frame.rename(columns=renamed)
        table.columns = [renamed[c] for c in table.columns]
    for column in required:
        if column not in table.columns:
            raise table.missing(column, f" from the {what} table")
    for column in table.columns:
        if column not in columns:
            close = difflib.get_close_matches(column, columns, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; use {', '.join(columns)}"
            raise ContactDataError(
                f"unknown column {column!r} in the {what} table{hint}",
                path=shown,
                line=table.header_line,
                column=column,
            )
    return table


def read_csv(
    people_path: PathLike,
    ties_path: PathLike,
    me: str = "me",
    *,
    errors: Errors = "raise",
    encoding: str | None = None,
) -> Network:
    """Read a network from a people CSV file and a ties CSV file.

    The people file has one row a person, with the columns of
    :attr:`Network.people <coffeechat.contacts.Network.people>`: ``id`` and
    ``name`` are required; ``organization, role, industry, location, school,
    email, tags`` are optional (``tags`` separated by ``;``). The ties file has
    one row a tie: ``source`` and ``target`` (person ids) are required;
    ``strength`` (in (0, 1]), ``kind``, ``met_on`` and ``last_contact`` (dates
    such as ``2024-03-12``) are optional. Column names ignore case and spaces
    (``Met On`` is ``met_on``); a column with any other name is an error, so
    that a misspelt column is never quietly ignored.

    Parameters
    ----------
    people_path, ties_path : str or os.PathLike
        The two files, as written by :func:`write_csv`.
    me : str
        The learner's id; the people file must have a row with it.
    errors : {"raise", "skip"}
        ``"raise"`` stops at the first bad row; ``"skip"`` leaves bad rows
        out and lists them in :attr:`Network.skipped`.
    encoding : str, optional
        The files' text encoding when it is not UTF-8.

    Returns
    -------
    Network

    Raises
    ------
    ContactDataError
        For a missing file, a file that is not CSV text, a missing or unknown
        column, a duplicate id, a strength outside (0, 1], a tie to an unknown
        person or to the person itself, a date that cannot be read, and so
        on, naming the file, the line and the column.

    Examples
    --------
    >>> from coffeechat.datasets import sample_path
    >>> net = read_csv(sample_path("people.csv"), sample_path("ties.csv"))
    >>> net.person("me").name
    'Alex Moreno'
    >>> net.tie("me", "lucia-moreno").describe()
    'family, strong tie'
    """
    errors = check_errors(errors)
    if not isinstance(me, str) or not me.strip():
        raise InvalidParameter(f"me must be the learner's id, not {me!r}")
    problem = Problems(errors)
    people = _plain_table(people_path, "people", PERSON_COLUMNS, ("id", "name"), encoding, problem)
    ties = _plain_table(ties_path, "ties", TIE_COLUMNS, ("source", "target"), encoding, problem)
    if me not in set(people.text("id")):
        raise ContactDataError(
            f"no row has the id {me!r}: add a row for yourself (the learner), or pass me=<your id>",
            path=people.path,
            column="id",
        )
    return build_network(
        people.frame,
        ties.frame,
        me=me,
        errors=errors,
        people_origin=Origin("people", people.path, Lines(people.lines)),
        ties_origin=Origin("ties", ties.path, Lines(ties.lines)),
        earlier=problem.found,
    )


@checked
def write_csv(network: Network, people_path: PathLike, ties_path: PathLike) -> None:
    """Write a network as a people CSV file and a ties CSV file.

    The files are UTF-8, with the columns of :attr:`Network.people` and
    :attr:`Network.ties`; tags are joined by ``;`` and dates are written as
    ``2024-03-12``. :func:`read_csv` reads them back into an equal network.

    Parameters
    ----------
    network : Network
    people_path, ties_path : str or os.PathLike
        Where to write; existing files are replaced.

    Raises
    ------
    InvalidParameter
        If ``network`` is not a Network or a file's folder does not exist.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from coffeechat.datasets import load_sample_network
    >>> net = load_sample_network()
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_csv(net, folder / "people.csv", folder / "ties.csv")
    >>> read_csv(folder / "people.csv", folder / "ties.csv") == net
    True
    """
    people_path, ties_path = output_path(people_path), output_path(ties_path)
    _write_rows(people_path, PERSON_COLUMNS, network.people)
    _write_rows(ties_path, TIE_COLUMNS, network.ties)


def _write_rows(path: PathLike, columns: Sequence[str], frame: pd.DataFrame) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(frame[list(columns)].itertuples(index=False, name=None))
