"""Your search profile, and the employers in your network spelled one way each.

A LinkedIn export holds your first ring only: names, company, position and
the day you connected. It does not say where *you* work, which field you
are moving towards, or where you would love to work. Those only you know, so
the plan asks for them in a short :class:`Profile` — never guessed from the
export — and keeps it in a small file next to your export
(:func:`write_profile`, :func:`read_profile`).

In a real export one employer often comes in several spellings ("Acme,
Inc.", "ACME INC", "Acme Inc "). :func:`employers` lists each employer once,
matched by :func:`~coffeechat.contacts.normalize_organization` (case,
spaces, punctuation and legal suffixes such as Inc, Ltd, GmbH and LLC are
ignored) and shown in the spelling most of your contacts use.

Examples
--------
>>> import coffeechat as cc
>>> me = make_profile(field="UX research", role="UX Researcher",
...                   targets=["Pulsewise", "Brindlewood Learning"], employer="Lakeside College")
>>> me.describe()  # doctest: +ELLIPSIS
'Moving towards UX Researcher (UX research), from Lakeside College; targets: Pulsewise, ...'
>>> table = employers(cc.load_sample_network(), me)
>>> "Lakeside College" in set(table["employer"])
False
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from coffeechat._args import output_path
from coffeechat._kinds import fold, normalize_organization
from coffeechat.contacts import Network
from coffeechat.errors import ContactDataError, InvalidParameter

__all__ = [
    "EMPLOYER_COLUMNS",
    "MAX_TARGETS",
    "PROFILE_FILE",
    "Profile",
    "employers",
    "in_role",
    "make_profile",
    "read_profile",
    "write_profile",
]

#: The profile's file name, kept next to your export.
PROFILE_FILE = "my-search-profile.json"
#: At most this many target organisations: a few you care most about.
MAX_TARGETS = 10
#: Columns of :func:`employers`, in order.
EMPLOYER_COLUMNS: tuple[str, ...] = ("employer", "key", "people", "spellings")


@dataclass(frozen=True)
class Profile:
    """What only you can say about your search (made by :func:`make_profile`).

    Parameters
    ----------
    field : str
        The field you are moving towards, such as ``"UX research"``.
    role : str
        The role you are moving towards, such as ``"UX Researcher"``.
    targets : tuple of str
        A few organisations you would most like to learn about.
    employer : str
        Where you work or study now (empty if nowhere); never a target.
    name : str
        Your name as a note about you should give it (empty: not given).
    """

    field: str
    role: str
    targets: tuple[str, ...]
    employer: str = ""
    name: str = ""

    def describe(self) -> str:
        """The profile in one line."""
        now = f", from {self.employer}" if self.employer else ""
        return f"Moving towards {self.role} ({self.field}){now}; targets: {', '.join(self.targets)}"

    def is_own(self, organization: object) -> bool:
        """True when ``organization`` is where you are now (any spelling)."""
        key = normalize_organization(organization)
        return bool(key) and key == normalize_organization(self.employer)

    def is_target(self, organization: object) -> bool:
        """True when ``organization`` is one of your targets (any spelling)."""
        key = normalize_organization(organization)
        return bool(key) and key in {normalize_organization(t) for t in self.targets}


def _text(value: object, name: str, *, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidParameter(f"{name} must be text, not {value!r}")
    text = " ".join(value.split())
    if required and not text:
        raise InvalidParameter(
            f"{name} is empty: say it in your own words (the export cannot tell it)"
        )
    return text


def make_profile(
    field: str, role: str, targets: Iterable[str], employer: str = "", name: str = ""
) -> Profile:
    """Check and make your search profile.

    Parameters
    ----------
    field : str
        The field you are moving towards (required).
    role : str
        The role you are moving towards (required).
    targets : iterable of str
        One to :data:`MAX_TARGETS` organisations; spellings of one
        organisation count once, and your own employer cannot be one.
    employer : str, optional
        Where you work or study now.
    name : str, optional
        Your name, for the short note your contact forwards.

    Returns
    -------
    Profile

    Raises
    ------
    InvalidParameter
        For an empty field or role, no targets or too many, a target named
        twice, or your own employer among the targets.

    Examples
    --------
    >>> make_profile("UX research", "UX Researcher", ["Acme Inc.", "ACME"])
    Traceback (most recent call last):
    ...
    coffeechat.errors.InvalidParameter: targets: 'ACME' is 'Acme Inc.' again; name each once
    """
    field = _text(field, "field", required=True)
    role = _text(role, "role", required=True)
    employer = _text(employer, "employer", required=False)
    name = _text(name, "name", required=False)
    if isinstance(targets, str) or not isinstance(targets, Iterable):
        raise InvalidParameter(f"targets must be a list of organisations, not {targets!r}")
    names: list[str] = []
    seen: dict[str, str] = {}
    for target in targets:
        organisation = _text(target, "a target", required=True)
        key = normalize_organization(organisation)
        if key in seen:
            raise InvalidParameter(
                f"targets: {organisation!r} is {seen[key]!r} again; name each once"
            )
        if employer and key == normalize_organization(employer):
            raise InvalidParameter(
                f"targets: {organisation!r} is where you are now; name places to learn about"
            )
        seen[key] = organisation
        names.append(organisation)
    if not 1 <= len(names) <= MAX_TARGETS:
        raise InvalidParameter(
            f"targets has {len(names)} organisations; name 1 to {MAX_TARGETS} you care most about"
        )
    return Profile(field, role, tuple(names), employer, name)


def write_profile(profile: Profile, path: str | Path) -> Path:
    """Save the profile as a small JSON file (see :data:`PROFILE_FILE`); returns the path."""
    if not isinstance(profile, Profile):
        raise InvalidParameter(f"expected a Profile, not {type(profile).__name__}")
    out = Path(output_path(path))
    data = asdict(profile) | {"targets": list(profile.targets)}
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out


def read_profile(path: str | Path) -> Profile:
    """Read a profile saved by :func:`write_profile`.

    Raises
    ------
    ContactDataError
        If the file is missing, is not the profile's JSON, or holds a value
        :func:`make_profile` refuses; the message names the file.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / PROFILE_FILE
    >>> _ = write_profile(make_profile("Data", "Data Analyst", ["Glasswing Labs"]), path)
    >>> read_profile(path).targets
    ('Glasswing Labs',)
    """
    shown = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise ContactDataError("no such file; make your profile first", path=shown) from err
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ContactDataError(f"not a saved profile ({err})", path=shown) from err
    if not isinstance(data, dict) or not {"field", "role", "targets"} <= set(data):
        raise ContactDataError("not a saved profile: it needs field, role and targets", path=shown)
    try:
        return make_profile(
            data["field"],
            data["role"],
            data["targets"],
            data.get("employer", ""),
            data.get("name", ""),
        )
    except InvalidParameter as err:
        raise ContactDataError(str(err), path=shown) from err


def employers(network: Network, profile: Profile | None = None) -> pd.DataFrame:
    """Each employer in your network once, however your contacts spell it.

    Parameters
    ----------
    network : Network
        Your network.
    profile : Profile, optional
        When given, the employer you are at now is left out.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EMPLOYER_COLUMNS`: the spelling most people use
        (the first one met on a tie), the matching key, how many people
        work there, and every spelling seen; sorted by employer.

    Examples
    --------
    >>> from coffeechat.contacts import Network, Person
    >>> net = Network([Person("me", "Me"), Person("a", "Ana", "Acme, Inc."),
    ...                Person("b", "Ben", "ACME INC"), Person("c", "Cy", "Acme, Inc.")], [])
    >>> employers(net)[["employer", "people"]].to_dict("records")
    [{'employer': 'Acme, Inc.', 'people': 3}]
    """
    if not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")
    if profile is not None and not isinstance(profile, Profile):
        raise InvalidParameter(f"profile must be a Profile, not {type(profile).__name__}")
    people = network.people
    people = people[people["id"] != network.me]
    counts: dict[str, dict[str, int]] = {}
    for name in people["organization"]:
        key = normalize_organization(name)
        if key and not (profile is not None and profile.is_own(name)):
            spelled = counts.setdefault(key, {})
            spelled[name] = spelled.get(name, 0) + 1
    rows = [
        {
            "employer": max(spelled, key=spelled.__getitem__),
            "key": key,
            "people": sum(spelled.values()),
            "spellings": tuple(spelled),
        }
        for key, spelled in counts.items()
    ]
    table = pd.DataFrame(rows, columns=list(EMPLOYER_COLUMNS))
    return table.sort_values("key", kind="stable").reset_index(drop=True)


def in_role(network: Network, role: str) -> list[str]:
    """Ids of your own contacts whose position contains ``role`` (any case or punctuation).

    Examples
    --------
    >>> import coffeechat as cc
    >>> in_role(cc.load_sample_network(), "ux researcher")
    ['farah-siddiqui', 'zoe-lefevre']
    """
    wanted = fold(_text(role, "role", required=True))
    mine = network.neighbors(network.me)
    return sorted(p for p in mine if wanted in fold(network.person(p).role))
