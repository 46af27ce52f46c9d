"""The words of a contact network: the kinds of tie and their default
strengths, the columns of the people and ties tables, and how an
organisation's name or a tie's kind is given one spelling.

Import these from :mod:`coffeechat.contacts`.
"""

from __future__ import annotations

import math
import re
import unicodedata

from coffeechat.errors import InvalidParameter

#: The kinds of tie the course talks about, closest first.
TIE_KINDS: tuple[str, ...] = (
    "family",
    "friend",
    "colleague",
    "former colleague",
    "classmate",
    "alumni",
    "acquaintance",
    "online",
)

#: The strength a tie gets when the data gives its kind but no strength.
#: These are teaching defaults, not measurements: a family tie or a friend is
#: someone you could call tonight; an online-only connection may not
#: remember you.
DEFAULT_STRENGTH: dict[str, float] = {
    "family": 0.9,
    "friend": 0.8,
    "colleague": 0.7,
    "former colleague": 0.6,
    "classmate": 0.5,
    "alumni": 0.3,
    "acquaintance": 0.3,
    "online": 0.2,
}

_KIND_SYNONYMS: dict[str, str] = {
    "coworker": "colleague",
    "co worker": "colleague",
    "workmate": "colleague",
    "current colleague": "colleague",
    "ex colleague": "former colleague",
    "former coworker": "former colleague",
    "former co worker": "former colleague",
    "classmates": "classmate",
    "schoolmate": "classmate",
    "alumnus": "alumni",
    "alumna": "alumni",
    "alum": "alumni",
    "friends": "friend",
    "relative": "family",
    "kin": "family",
    "spouse": "family",
    "parent": "family",
    "child": "family",
    "sibling": "family",
    "met": "acquaintance",
    "contact": "acquaintance",
    "neighbor": "acquaintance",
    "neighbour": "acquaintance",
    "linkedin": "online",
}

#: Columns of ``Network.people``, in order. Only ``id`` and ``name`` are required.
PERSON_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "organization",
    "role",
    "industry",
    "location",
    "school",
    "email",
    "tags",
)

#: Columns of ``Network.ties``, in order. Only ``source`` and ``target`` are required.
TIE_COLUMNS: tuple[str, ...] = (
    "source",
    "target",
    "strength",
    "kind",
    "met_on",
    "last_contact",
)

_LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "corp",
        "corporation",
        "co",
        "company",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "bv",
        "nv",
        "pty",
        "oy",
        "ab",
    ]
)


def normalize_organization(name: object) -> str:
    """Return the key used to compare organisation names.

    Case, accents, punctuation and legal suffixes such as "Inc." or "Ltd" are
    ignored, so that the names people type for one employer compare equal.

    Parameters
    ----------
    name : str
        An organisation's name as written anywhere.

    Returns
    -------
    str
        A lower-case key; empty for an empty name.

    Examples
    --------
    >>> normalize_organization("Acme Inc.") == normalize_organization("ACME")
    True
    >>> normalize_organization("  Borealis Labs, Ltd ")
    'borealis labs'
    """
    words = fold(name).split()
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def fold(text: object) -> str:
    """Lower-case, strip accents, turn punctuation into spaces."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("&", " and ").lower()
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def normalize_kind(kind: object) -> str | None:
    """Return the tie kind in :data:`TIE_KINDS` that ``kind`` means, or None.

    Examples
    --------
    >>> normalize_kind("Co-worker")
    'colleague'
    >>> normalize_kind("FORMER_COLLEAGUE")
    'former colleague'
    >>> normalize_kind("pen pal") is None
    True
    """
    key = fold(kind).replace("_", " ")
    key = " ".join(key.split())
    if key in TIE_KINDS:
        return key
    return _KIND_SYNONYMS.get(key)


def strength_label(strength: float) -> str:
    """Describe a tie strength in words.

    Examples
    --------
    >>> strength_label(0.9), strength_label(0.5), strength_label(0.2)
    ('strong tie', 'medium tie', 'weak tie')
    """
    if strength >= 0.7:
        return "strong tie"
    if strength >= 0.4:
        return "medium tie"
    return "weak tie"


#: A chain at least this strong (the product of its ties' strengths, from your
#: own ratings) is called a "stronger chain"; below it, a "weaker chain". A
#: rough guide, never a probability.
STRONGER_CHAIN = 0.3


def chain_label(strength: float) -> str:
    """A chain's strength in words: ``"stronger chain"`` or ``"weaker chain"``.

    The strengths behind it are rough ratings (your own, see
    :mod:`coffeechat.ratings`), so the course never turns them into a
    percentage.

    Examples
    --------
    >>> chain_label(0.6), chain_label(0.12)
    ('stronger chain', 'weaker chain')
    """
    if isinstance(strength, bool) or not isinstance(strength, int | float):
        raise InvalidParameter(f"strength must be a number, not {strength!r}")
    return "stronger chain" if strength >= STRONGER_CHAIN else "weaker chain"
