"""LinkedIn's ``Connections.csv`` export (:func:`read_linkedin`,
:func:`read_linkedin_table`), read into a table or the learner's network.

Import these from :mod:`coffeechat.io`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd

from coffeechat._contact_files import (
    Errors,
    PathLike,
    Table,
    address_book,
    check_me_name,
    read_records,
    table_at,
)
from coffeechat._tables import (
    DATE_FORMATS,
    Problems,
    Records,
    check_errors,
    parse_date,
)
from coffeechat.contacts import (
    Network,
)
from coffeechat.errors import ContactDataError

#: The kind every LinkedIn connection gets (see read_linkedin).
_LINKEDIN_KIND = "online"

# ------------------------------------------------------------------ LinkedIn

#: The columns of LinkedIn's ``Connections.csv`` export, in order.
LINKEDIN_COLUMNS: tuple[str, ...] = (
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
)
_LINKEDIN_REQUIRED = ("First Name", "Last Name", "Company", "Position", "Connected On")
_HEADER_SEARCH = 50


def _find_header(records: Records, wanted: Sequence[str]) -> int | None:
    keys = {w.casefold() for w in wanted}
    for i, row in enumerate(records.rows[:_HEADER_SEARCH]):
        if keys <= {v.strip().casefold() for v in row}:
            return i
    return None


#: Ways LinkedIn has written "Connected On", besides the usual ones.
_LINKEDIN_DATES = ("%d-%b-%y", "%d-%b-%Y", "%b %d, %Y", "%B %d, %Y")


def _parse_linkedin_date(text: str) -> date | None:
    return parse_date(text, (*DATE_FORMATS, *_LINKEDIN_DATES))


def _linkedin_table(path: object, encoding: str | None, problem: Problems) -> Table:
    """The export's table, checked, with 'Connected On' as dates (or None)."""
    records = read_records(path, encoding, problem)
    shown = records.path
    header_at = _find_header(records, ("First Name", "Last Name"))
    if header_at is None:
        raise ContactDataError(
            "no header row with 'First Name' and 'Last Name' in the first "
            f"{_HEADER_SEARCH} lines; is this LinkedIn's Connections.csv? Its header is "
            + ",".join(LINKEDIN_COLUMNS),
            path=shown,
        )
    table = table_at(records, header_at, problem)
    canonical = {c.casefold(): c for c in LINKEDIN_COLUMNS}
    table.frame = table.frame.rename(columns=lambda c: canonical.get(c.casefold(), c))
    table.columns = [canonical.get(c.casefold(), c) for c in table.columns]
    for column in _LINKEDIN_REQUIRED:
        if column not in table.columns:
            raise table.missing(column)
    for column in table.columns:
        table.frame[column] = table.text(column)
    for column in LINKEDIN_COLUMNS:
        if column not in table.frame.columns:
            table.frame[column] = np.full(len(table.frame), "", dtype=object)
    extra = [c for c in table.frame.columns if c not in LINKEDIN_COLUMNS]
    table.frame = table.frame[list(LINKEDIN_COLUMNS) + extra]
    dates = np.empty(len(table.frame), dtype=object)
    keep = np.ones(len(table.frame), dtype=bool)
    for pos, text_value in enumerate(table.frame["Connected On"]):
        try:
            dates[pos] = _parse_linkedin_date(text_value)
        except ValueError:
            problem(
                ContactDataError(
                    f"cannot read the date {text_value!r} (LinkedIn writes dates like 12 Mar 2024)",
                    path=shown,
                    line=int(table.lines[pos]),
                    column="Connected On",
                )
            )
            keep[pos] = False
    table.frame["Connected On"] = dates
    table.keep(keep)
    return table


def read_linkedin_table(path: PathLike, *, encoding: str | None = None) -> pd.DataFrame:
    """Read LinkedIn's ``Connections.csv`` export as a table.

    LinkedIn's export (Settings > Data privacy > Get a copy of your data >
    Connections) starts with a few lines of notes, then the header
    ``First Name,Last Name,URL,Email Address,Company,Position,Connected On``.
    The header is found wherever it is, so the notes may be any length, and
    an older export without ``URL`` or ``Email Address`` is read too (those
    columns come back empty).

    Parameters
    ----------
    path : str or os.PathLike
        The ``Connections.csv`` file.
    encoding : str, optional
        The file's text encoding when it is not UTF-8.

    Returns
    -------
    pandas.DataFrame
        One row a connection, with the seven columns above (then any others
        the file has), spaces trimmed, and ``Connected On`` as dates
        (``datetime64``; ``NaT`` when empty).

    Raises
    ------
    ContactDataError
        If the file is missing, is not CSV text, has no such header, lacks a
        column, or has a date that cannot be read; the message names the file,
        line and column.

    Examples
    --------
    >>> from coffeechat.datasets import sample_path
    >>> table = read_linkedin_table(sample_path("Connections.csv"))
    >>> list(table.columns)[:3]
    ['First Name', 'Last Name', 'URL']
    >>> table["Connected On"].min().year >= 2010
    True
    """
    problem = Problems("raise")
    table = _linkedin_table(path, encoding, problem)
    frame = table.frame.copy()
    frame["Connected On"] = pd.to_datetime(
        pd.Series(list(frame["Connected On"]), dtype=object), errors="raise"
    )
    return frame


def read_linkedin(
    path: PathLike,
    me_name: str = "Me",
    *,
    errors: Errors = "raise",
    encoding: str | None = None,
) -> Network:
    """Read LinkedIn's ``Connections.csv`` export as the learner's network.

    Every connection becomes a person tied to the learner (``"me"``), with
    ``met_on`` set to the ``Connected On`` date. A LinkedIn connection only
    says that two people accepted each other online; it does not say how
    well they know each other. So every tie gets the kind ``"online"`` and
    its default strength, ``DEFAULT_STRENGTH["online"]`` (0.2, a weak tie).
    Change the kind and strength of the people you know better afterwards,
    or merge with a richer file.

    Ids are made from names: ``'Zoë Lefèvre'`` becomes ``'zoe-lefevre'``, and
    a second person with the same name gets ``-2`` added. Company becomes
    ``organization``, Position ``role``, Email Address ``email``; the profile
    URL is only used to spot a connection listed twice.

    Parameters
    ----------
    path : str or os.PathLike
        The ``Connections.csv`` file.
    me_name : str
        The learner's name, for the person with id ``"me"``.
    errors : {"raise", "skip"}
        ``"raise"`` stops at the first bad row; ``"skip"`` leaves bad rows
        out and lists them in :attr:`Network.skipped`.
    encoding : str, optional
        The file's text encoding when it is not UTF-8.

    Returns
    -------
    Network

    Raises
    ------
    ContactDataError
        As :func:`read_linkedin_table`, and for a row with no name or a
        profile URL listed twice.

    Examples
    --------
    >>> from coffeechat.datasets import sample_path
    >>> net = read_linkedin(sample_path("Connections.csv"))
    >>> net.person("me").name
    'Me'
    >>> sorted(p.name for p in net.find(organization="Cloudmere Systems"))
    ['Dmitri Volkov', 'Marek Nowak', 'Valentina Cruz', 'Yusuf Demir']
    """
    errors = check_errors(errors)
    me_name = check_me_name(me_name)
    problem = Problems(errors)
    table = _linkedin_table(path, encoding, problem)
    first, last = table.text("First Name"), table.text("Last Name")
    names = np.array([" ".join(f"{a} {b}".split()) for a, b in zip(first, last, strict=True)])
    keep = np.ones(len(names), dtype=bool)
    seen_urls: dict[str, int] = {}
    for pos, (name, url) in enumerate(zip(names, table.text("URL"), strict=True)):
        line = int(table.lines[pos])
        if not name:
            problem(
                ContactDataError(
                    "no name: First Name and Last Name are both empty",
                    path=table.path,
                    line=line,
                    column="First Name",
                )
            )
            keep[pos] = False
        elif url and url.rstrip("/").lower() in seen_urls:
            problem(
                ContactDataError(
                    f"the profile {url} is already listed on line "
                    f"{seen_urls[url.rstrip('/').lower()]}",
                    path=table.path,
                    line=line,
                    column="URL",
                )
            )
            keep[pos] = False
        elif url:
            seen_urls[url.rstrip("/").lower()] = line
    table.keep(keep)
    people = {
        "name": list(names[keep]),
        "organization": list(table.text("Company")),
        "role": list(table.text("Position")),
        "email": list(table.text("Email Address")),
    }
    kinds = [_LINKEDIN_KIND] * len(table.frame)
    return address_book(
        table.lines,
        people,
        kinds,
        list(table.frame["Connected On"]),
        "me",
        me_name,
        table.path,
        problem,
        errors,
    )
