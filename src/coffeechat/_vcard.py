"""vCard files, versions 4.0, 3.0 and 2.1 (:func:`read_vcard`), read into the
learner's network.

Import :func:`read_vcard` from :mod:`coffeechat.io`.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from coffeechat._contact_files import (
    ADDRESS_BOOK_KIND,
    Errors,
    PathLike,
    address_book,
    check_me_name,
    load_contact_text,
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

# ------------------------------------------------------------------ vCard

#: RELATED types of RFC 6350 that name no tie kind of their own.
_RELATED_IGNORED = frozenset(["me", "agent", "emergency", "contact"])
#: RELATED types of RFC 6350 that contacts.normalize_kind does not know.
_RELATED_KINDS = {
    "co-resident": "friend",
    "crush": "friend",
    "date": "friend",
    "sweetheart": "friend",
    "muse": "acquaintance",
}
_VCARD_VERSIONS = ("2.1", "3.0", "4.0")


@dataclass
class _Property:
    name: str
    params: dict[str, list[str]]
    value: str
    line: int

    def types(self) -> list[str]:
        return [t.lower() for t in self.params.get("TYPE", [])]


@dataclass
class _Card:
    line: int
    properties: list[_Property] = field(default_factory=list)
    broken: bool = False

    def first(self, name: str) -> _Property | None:
        return next((p for p in self.properties if p.name == name), None)


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Unfold a vCard: continuation lines start with a space or a tab.

    vCard 2.1 quoted-printable values also continue on the next line when a
    line ends with ``=``.
    """
    current: str | None = None
    start = 0
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), 1):
        if current is not None and raw[:1] in (" ", "\t"):
            current += raw[1:]
            continue
        if current is not None and current.endswith("=") and _is_quoted_printable(current):
            current = current[:-1] + raw
            continue
        if current is not None and current.strip():
            yield start, current
        current, start = raw, number
    if current is not None and current.strip():
        yield start, current


def _is_quoted_printable(line: str) -> bool:
    return "QUOTED-PRINTABLE" in _split_head(line)[0].upper()


def _split_head(line: str) -> tuple[str, str | None]:
    """Split ``NAME;PARAM=x:value`` at the first colon outside quotes."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return line[:i], line[i + 1 :]
    return line, None


def _split_outside_quotes(text: str, sep: str) -> list[str]:
    parts, buf, quoted = [], [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return parts


def _parse_property(line: str, number: int, shown: str) -> _Property:
    head, value = _split_head(line)
    if value is None:
        raise ContactDataError(f"expected NAME:value, found {line[:60]!r}", path=shown, line=number)
    parts = _split_outside_quotes(head, ";")
    name = parts[0].strip().upper().rsplit(".", 1)[-1]  # drop a group prefix such as item1.
    if not re.fullmatch(r"[A-Z0-9-]+", name):
        raise ContactDataError(
            f"{parts[0].strip()[:40]!r} is not a vCard property name", path=shown, line=number
        )
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        key, sep, raw = part.partition("=")
        if not sep:  # vCard 2.1 allows a bare type: EMAIL;INTERNET:...
            key, raw = "TYPE", part
        values = [v.strip().strip('"').strip() for v in raw.replace('"', "").split(",")]
        params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    return _Property(name, params, value, number)


_ESCAPES = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":"}


def _split_escaped(value: str, sep: str) -> list[str]:
    """Split at ``sep`` unless it is escaped with a backslash, then unescape."""
    parts: list[str] = []
    buf: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            buf.append(_ESCAPES.get(nxt, "\\" + nxt))
            i += 2
            continue
        if ch == sep:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    parts.append("".join(buf))
    return parts


def _unescape(value: str) -> str:
    """Undo vCard escapes (``\\n``, ``\\,``, ``\\;``, ``\\\\``) in a text value."""
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), value)


def _property_text(prop: _Property, shown: str) -> str:
    """The raw value of a property, decoded if it is quoted-printable or base64."""
    encodings = {e.upper() for e in prop.params.get("ENCODING", []) + prop.params.get("TYPE", [])}
    if not encodings & {"QUOTED-PRINTABLE", "B", "BASE64"}:
        return prop.value
    charset = (prop.params.get("CHARSET") or ["utf-8"])[0]
    try:
        raw = prop.value.encode("ascii")
        data = (
            quopri.decodestring(raw) if "QUOTED-PRINTABLE" in encodings else base64.b64decode(raw)
        )
        return data.decode(charset)
    except (UnicodeError, LookupError, binascii.Error, ValueError) as err:
        how = "quoted-printable" if "QUOTED-PRINTABLE" in encodings else "base64"
        raise ContactDataError(
            f"cannot decode this {how} value with charset {charset!r}",
            path=shown,
            line=prop.line,
            column=prop.name,
        ) from err


def _vcard_cards(text: str, shown: str, problem: Problems) -> list[_Card]:
    cards: list[_Card] = []
    current: _Card | None = None
    first = True
    for number, line in _logical_lines(text):
        if first:
            first = False
            if line.strip().upper() != "BEGIN:VCARD":
                raise ContactDataError(
                    f"this is not a vCard file: it should start with BEGIN:VCARD, "
                    f"not {line.strip()[:60]!r}",
                    path=shown,
                    line=number,
                )
        try:
            prop = _parse_property(line.strip(), number, shown)
        except ContactDataError as err:
            if current is not None:
                current.broken = True
            problem(err)
            continue
        if prop.name == "BEGIN":
            if prop.value.strip().upper() != "VCARD":
                problem(
                    ContactDataError(
                        f"expected BEGIN:VCARD, found BEGIN:{prop.value.strip()[:30]}",
                        path=shown,
                        line=number,
                        column="BEGIN",
                    )
                )
                continue
            if current is not None:
                problem(
                    ContactDataError(
                        f"a new card begins on line {number} before this card's END:VCARD",
                        path=shown,
                        line=current.line,
                        column="END",
                    )
                )
            current = _Card(number)
        elif prop.name == "END":
            if current is None:
                problem(ContactDataError("END without BEGIN:VCARD", path=shown, line=number))
            else:
                if not current.broken:
                    cards.append(current)
                current = None
        elif current is None:
            problem(
                ContactDataError(
                    f"{prop.name} is outside any card (between END:VCARD and BEGIN:VCARD)",
                    path=shown,
                    line=number,
                    column=prop.name,
                )
            )
        else:
            current.properties.append(prop)
    if current is not None:
        problem(
            ContactDataError(
                "this card has no END:VCARD", path=shown, line=current.line, column="END"
            )
        )
    return cards


def _card_kind(card: _Card, shown: str) -> str:
    kinds = []
    for prop in card.properties:
        if prop.name != "RELATED":
            continue
        for raw in prop.types():
            key = raw[2:] if raw.startswith("x-") else raw
            kind = _RELATED_KINDS.get(key) or normalize_kind(key)
            if kind is not None:
                kinds.append(kind)
            elif key not in _RELATED_IGNORED:
                raise ContactDataError(
                    f"RELATED type {raw!r} is not a kind of tie; use one of "
                    f"{', '.join(TIE_KINDS)}, or a vCard type such as co-worker or met",
                    path=shown,
                    line=prop.line,
                    column="RELATED",
                )
    if not kinds:
        return ADDRESS_BOOK_KIND
    return min(kinds, key=TIE_KINDS.index)


def _card_person(card: _Card, shown: str) -> dict[str, str]:
    def text(name: str) -> str:
        prop = card.first(name)
        return "" if prop is None else _unescape(_property_text(prop, shown))

    def component(name: str, index: int) -> str:
        prop = card.first(name)
        if prop is None:
            return ""
        parts = _split_escaped(_property_text(prop, shown), ";")
        return parts[index].strip() if index < len(parts) else ""

    version_prop = card.first("VERSION")
    version = version_prop.value.strip() if version_prop is not None else "4.0"
    if version not in _VCARD_VERSIONS:
        raise ContactDataError(
            f"vCard version {version!r} is not supported (use 4.0, 3.0 or 2.1)",
            path=shown,
            line=version_prop.line if version_prop is not None else card.line,
            column="VERSION",
        )
    name = " ".join(text("FN").split())
    if not name and version == "2.1":
        n = card.first("N")
        if n is not None:
            parts = _split_escaped(_property_text(n, shown), ";") + [""] * 5
            name = " ".join(" ".join([parts[3], parts[1], parts[2], parts[0], parts[4]]).split())
    if not name:
        fn = card.first("FN")
        raise ContactDataError(
            "this card has an empty name (FN)" if fn else "this card has no FN (its name)",
            path=shown,
            line=fn.line if fn else card.line,
            column="FN",
        )
    locality, country = component("ADR", 3), component("ADR", 6)
    categories = card.first("CATEGORIES")
    tags = []
    if categories is not None:
        tags = [t.strip() for t in _split_escaped(_property_text(categories, shown), ",")]
    return {
        "name": name,
        "organization": component("ORG", 0),
        "role": " ".join(text("TITLE").split()) or " ".join(text("ROLE").split()),
        "location": ", ".join(p for p in (locality, country) if p),
        "email": text("EMAIL").strip(),
        "tags": "; ".join(t for t in tags if t),
    }


def read_vcard(
    path: PathLike,
    me_name: str = "Me",
    *,
    errors: Errors = "raise",
    encoding: str | None = None,
) -> Network:
    """Read a vCard file (``.vcf``, one or many cards) as the learner's network.

    Each card becomes a person tied to the learner (``"me"``). Versions 4.0
    (RFC 6350) and 3.0 are read, and 2.1 (with quoted-printable values, as
    phones export it) too; a card without ``VERSION`` is read as 4.0. Long
    lines folded onto the next line and escaped commas and semicolons are
    undone.

    The properties read are ``FN`` (the name, required), ``ORG`` (its first
    part is the organisation), ``TITLE`` (or else ``ROLE``), the first
    ``EMAIL``, the first ``ADR`` (town and country become the location),
    ``CATEGORIES`` (tags) and ``RELATED``. The ``TYPE`` of ``RELATED`` says
    how the learner knows the person: ``colleague`` and ``co-worker`` make a
    colleague, ``friend`` a friend, ``met`` and ``acquaintance`` an
    acquaintance, ``kin``, ``spouse``, ``parent``, ``child`` and ``sibling``
    family; ``x-former-colleague``, ``x-classmate``, ``x-alumni`` and
    ``x-online`` name the other kinds. When a card has several, the closest
    kind wins. A card without ``RELATED`` is an acquaintance: someone whose
    details you saved, but no more. The strength is the kind's default
    (:data:`~coffeechat.contacts.DEFAULT_STRENGTH`). Ids are made from names,
    as in :func:`read_linkedin`; the value of ``RELATED`` is not used.

    Parameters
    ----------
    path : str or os.PathLike
        The ``.vcf`` file.
    me_name : str
        The learner's name, for the person with id ``"me"``.
    errors : {"raise", "skip"}
        ``"raise"`` stops at the first bad card; ``"skip"`` leaves bad cards
        and stray lines out and lists them in :attr:`Network.skipped`.
    encoding : str, optional
        The file's text encoding when it is not UTF-8.

    Returns
    -------
    Network

    Raises
    ------
    ContactDataError
        For a file that is not a vCard, a card without ``FN`` or
        ``END:VCARD``, an unsupported version or an unknown ``RELATED`` type,
        naming the file, the line and the property.

    Examples
    --------
    >>> from coffeechat.datasets import sample_path
    >>> net = read_vcard(sample_path("contacts.vcf"))
    >>> net.tie("me", "lucia-moreno").kind
    'family'
    >>> net.person("lucia-moreno").organization
    'Calder Health'
    """
    errors = check_errors(errors)
    me_name = check_me_name(me_name)
    problem = Problems(errors)
    shown, text = load_contact_text(path, encoding, "vCard")
    rows: list[dict[str, str]] = []
    kinds: list[str] = []
    lines: list[int] = []
    for card in _vcard_cards(text, shown, problem):
        try:
            person = _card_person(card, shown)
            kind = _card_kind(card, shown)
        except ContactDataError as err:
            problem(err)
            continue
        rows.append(person)
        kinds.append(kind)
        lines.append(card.line)
    if not rows and not problem.found:
        raise ContactDataError("the file has no cards (BEGIN:VCARD ... END:VCARD)", path=shown)
    columns = ("name", "organization", "role", "location", "email", "tags")
    people = {c: [r[c] for r in rows] for c in columns}
    return address_book(
        np.array(lines, dtype=np.int64), people, kinds, None, "me", me_name, shown, problem, errors
    )
