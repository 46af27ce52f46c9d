"""Google Contacts' CSV export (:func:`read_google_csv`), read into the
learner's network.

Import :func:`read_google_csv` from :mod:`coffeechat.io`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from coffeechat._contact_files import (
    ADDRESS_BOOK_KIND,
    Errors,
    PathLike,
    address_book,
    check_me_name,
    first_value,
    read_records,
    table_at,
)
from coffeechat._tables import (
    Problems,
    check_errors,
)
from coffeechat.contacts import (
    TIE_KINDS,
    Network,
    normalize_kind,
)
from coffeechat.errors import ContactDataError

# ------------------------------------------------------------------ Google

#: Column names of Google Contacts' export, then of its older "Google CSV".
_GOOGLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "given": ("First Name", "Given Name"),
    "middle": ("Middle Name", "Additional Name"),
    "family": ("Last Name", "Family Name"),
    "full": ("Name",),
    "nickname": ("Nickname",),
    "file_as": ("File As",),
    "organization": ("Organization Name", "Organization 1 - Name"),
    "role": ("Organization Title", "Organization 1 - Title"),
    "labels": ("Labels", "Group Membership"),
    "email": ("E-mail 1 - Value",),
    "city": ("Address 1 - City",),
    "country": ("Address 1 - Country",),
}
_GOOGLE_SYSTEM_DROPPED = "* mycontacts"


def _google_kind(labels: Sequence[str]) -> str:
    kinds = []
    for label in labels:
        kind = normalize_kind(label) or (
            normalize_kind(label[:-1]) if label.endswith("s") else None
        )
        if kind is not None:
            kinds.append(kind)
    return min(kinds, key=TIE_KINDS.index) if kinds else ADDRESS_BOOK_KIND


def read_google_csv(
    path: PathLike,
    me_name: str = "Me",
    *,
    errors: Errors = "raise",
    encoding: str | None = None,
) -> Network:
    """Read a Google Contacts CSV export as the learner's network.

    Google Contacts (Export > Google CSV) writes one row a contact, with
    columns such as ``First Name``, ``Last Name``, ``Organization Name``,
    ``Organization Title``, ``Labels`` and ``E-mail 1 - Value``; a field
    with several values joins them with ``' ::: '``, and only the first is
    kept. The older export, with ``Given Name``, ``Family Name``,
    ``Group Membership`` and ``Organization 1 - Name``, is read too.

    Each contact becomes a person tied to the learner (``"me"``). Labels
    become tags, except ``* myContacts``, which every saved contact has and
    so says nothing; Google's other built-in labels keep their name without
    the ``* `` mark (``* starred`` becomes ``starred``). A label that names a
    kind of tie (``Family``, ``Friends``, ``Coworkers``, ``Classmates``...)
    also gives the tie its kind, the closest winning; a contact with none is
    an acquaintance. The strength is the kind's default
    (:data:`~coffeechat.contacts.DEFAULT_STRENGTH`). A contact with no name
    is named by its nickname, "File As", organisation or e-mail, in that
    order. Ids are made from names, as in :func:`read_linkedin`.

    Parameters
    ----------
    path : str or os.PathLike
        The exported CSV file.
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
        For a file that is not CSV text, a header without ``Labels`` or any
        name column, or a row with nothing to name the contact by, naming the
        file, the line and the column.

    Examples
    --------
    >>> from coffeechat.datasets import sample_path
    >>> net = read_google_csv(sample_path("google_contacts.csv"))
    >>> net.tie("me", "oscar-ibanez").kind
    'friend'
    >>> net.person("oscar-ibanez").tags
    ('Friends', 'data')
    """
    errors = check_errors(errors)
    me_name = check_me_name(me_name)
    problem = Problems(errors)
    records = read_records(path, encoding, problem)
    shown = records.path
    header = {h.strip() for h in records.rows[0]} if records.rows else set()
    for keys, column in ((("given", "family", "full"), "First Name"), (("labels",), "Labels")):
        if not any(header.intersection(_GOOGLE_COLUMNS[k]) for k in keys):
            have = ", ".join(repr(h) for h in sorted(header) if h) or "none"
            raise ContactDataError(
                f"this column is missing; is this a Google Contacts CSV export? "
                f"(the first line has: {have})",
                path=shown,
                line=records.lines[0] if records.rows else None,
                column=column,
            )
    table = table_at(records, 0, problem)
    found = {
        key: next((c for c in names if c in table.columns), None)
        for key, names in _GOOGLE_COLUMNS.items()
    }

    def values(key: str) -> np.ndarray:
        column = found[key]
        if column is None:
            return np.full(len(table.frame), "", dtype=object)
        return first_value(table.text(column))

    full = values("full")
    parts = np.array(
        [
            " ".join(f"{a} {b} {c}".split())
            for a, b, c in zip(values("given"), values("middle"), values("family"), strict=True)
        ],
        dtype=object,
    )
    fallbacks = [full, values("nickname"), values("file_as"), values("organization")]
    fallbacks.append(values("email"))
    names = parts.copy()
    for other in fallbacks:
        names = np.where(names == "", other, names)
    keep = names != ""
    for pos in np.flatnonzero(~keep):
        problem(
            ContactDataError(
                "this contact has no name, nickname, organisation or e-mail",
                path=shown,
                line=int(table.lines[pos]),
                column=found["given"] or found["full"],
            )
        )
    labels_column = table.text(found["labels"])
    tags, kinds = [], []
    for raw in labels_column[keep]:
        labels = [t.strip() for t in raw.split(":::") if t.strip()]
        labels = [t for t in labels if t.casefold() != _GOOGLE_SYSTEM_DROPPED]
        labels = [t[2:].strip() if t.startswith("* ") else t for t in labels]
        tags.append("; ".join(t.replace(";", ",") for t in labels))
        kinds.append(_google_kind(labels))
    city, country = values("city")[keep], values("country")[keep]
    table_lines = table.lines[keep]
    people = {
        "name": list(names[keep]),
        "organization": list(values("organization")[keep]),
        "role": list(values("role")[keep]),
        "location": [", ".join(p for p in pair if p) for pair in zip(city, country, strict=True)],
        "email": list(values("email")[keep]),
        "tags": tags,
    }
    return address_book(table_lines, people, kinds, None, "me", me_name, shown, problem, errors)
