"""Your turn: the course's steps run on your own LinkedIn export.

Modules 2, 3, 4 and 8 end with optional "your turn" cells. They look for
``Connections.csv`` beside the notebook (:func:`your_export`); when it is
there they run on it, and when it is not (or cannot be read) they say what to
do, without an error. Everything stays on your computer.

* Module 2: your three circles (:func:`three_circles`) and ten people to ask
  for names (:func:`ask_for_names`);
* Module 3: your own request and the message to your contact
  (:func:`coffeechat.employer_plan.draft_request`,
  :func:`coffeechat.employer_plan.draft_introduction_request`), through the review;
* Module 4: a research card (:func:`research_card_for`) and three core
  questions (:func:`core_questions`) for your first interviewee.

Examples
--------
>>> import tempfile
>>> mine = your_export(tempfile.mkdtemp())
>>> mine.network is None
True
>>> print(mine.message)  # doctest: +ELLIPSIS
No Connections.csv beside this notebook yet. ...
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from coffeechat._kinds import fold, normalize_organization
from coffeechat.contacts import Network
from coffeechat.errors import CoffeeChatError, InvalidParameter
from coffeechat.io import read_linkedin
from coffeechat.profile import PROFILE_FILE, Profile, make_profile, write_profile
from coffeechat.questions import InterviewPlan, plan_interview
from coffeechat.research import ResearchCard, research_card

__all__ = [
    "CIRCLE_COLUMNS",
    "EXPORT_NAME",
    "NAMES_COLUMNS",
    "YourExport",
    "ask_for_names",
    "core_questions",
    "research_card_for",
    "three_circles",
    "your_export",
    "your_profile",
]

#: The export's file name, as LinkedIn sends it.
EXPORT_NAME = "Connections.csv"
#: Columns of :func:`three_circles`.
CIRCLE_COLUMNS: tuple[str, ...] = ("circle", "people", "for example")
#: Columns of :func:`ask_for_names`.
NAMES_COLUMNS: tuple[str, ...] = ("id", "name", "organization", "role", "why")

_HOW_TO_GET_IT = (
    "To get it: LinkedIn > Settings > Data privacy > Get a copy of your data > Connections. "
    "LinkedIn can take up to a day to send it, so ask a day ahead. Put the file, named "
    f"{EXPORT_NAME}, in the same folder as this notebook and run this cell again. It is read "
    "on your computer only."
)


@dataclass(frozen=True)
class YourExport:
    """Your export, if there is one, and what to tell you about it.

    Parameters
    ----------
    path : Path
        Where the export is looked for.
    network : Network or None
        Your first ring, or None when there is no readable export.
    message : str
        What was found, or what to do.
    """

    path: Path
    network: Network | None
    message: str

    @property
    def profile_path(self) -> Path:
        """Where your profile is kept: beside the export."""
        return self.path.with_name(PROFILE_FILE)


def your_export(folder: str | Path = ".", name: str = EXPORT_NAME) -> YourExport:
    """Look for your LinkedIn export beside the notebook, and read it if it is there.

    Never raises for a missing or broken file: the message says what to do.

    Parameters
    ----------
    folder : str or Path, default "."
        The notebook's folder.
    name : str, default "Connections.csv"

    Returns
    -------
    YourExport
    """
    if not isinstance(folder, str | Path) or not isinstance(name, str):
        raise InvalidParameter("folder and name must be a folder and a file name")
    path = Path(folder) / name
    if not path.is_file():
        return YourExport(path, None, f"No {name} beside this notebook yet. {_HOW_TO_GET_IT}")
    try:
        network = read_linkedin(path, errors="skip")
    except CoffeeChatError as err:
        return YourExport(
            path,
            None,
            f"Your {name} could not be read: {err}. Download it again from LinkedIn "
            "(Connections only) and put it here unchanged.",
        )
    skipped = (
        f"; {len(network.skipped)} rows left out ({network.skipped[0]})"
        if (network.skipped)
        else ""
    )
    message = f"Read your {name}: {len(network) - 1} connections{skipped}."
    return YourExport(path, network, message)


def your_profile(
    export: YourExport,
    field: str,
    role: str,
    targets: list[str],
    employer: str = "",
    name: str = "",
) -> Profile:
    """Your profile, as you type it; saved beside your export when there is one.

    The answers are yours to give; nothing is guessed from the export (see
    :func:`coffeechat.profile.make_profile`).
    """
    if not isinstance(export, YourExport):
        raise InvalidParameter("export must be what your_export() returns")
    profile = make_profile(field, role, targets, employer, name)
    if export.network is not None:
        write_profile(profile, export.profile_path)
    return profile


_SMALL = frozenset(["of", "in", "and", "the", "for", "to", "at", "on", "an", "or"])


def _words(text: str) -> set[str]:
    return {w for w in fold(text).split() if len(w) > 1 and w not in _SMALL}


def _shares_a_word(field: set[str], text: str) -> bool:
    """True when a word of ``text`` is a word of the field or grows from one (research-er)."""
    return any(w.startswith(f) or f.startswith(w) for w in _words(text) for f in field)


def _circles(network: Network, profile: Profile) -> dict[str, list[str]]:
    field = _words(profile.field)
    role = fold(profile.role)
    targets = {normalize_organization(t) for t in profile.targets}
    found: dict[str, list[str]] = {
        f"the industry ({profile.field})": [],
        f"the organisations ({', '.join(profile.targets)})": [],
        f"the job ({profile.role})": [],
    }
    industry, organisation, job = found.values()
    for pid in network.neighbors(network.me):
        p = network.person(pid)
        if _shares_a_word(field, f"{p.role} {p.organization} {p.industry}"):
            industry.append(pid)
        if normalize_organization(p.organization) in targets:
            organisation.append(pid)
        if role and role in fold(p.role):
            job.append(pid)
    return found


def three_circles(network: Network, profile: Profile) -> pd.DataFrame:
    """How many of your contacts are in each circle: the industry, the organisations, the job.

    An export has no industry column, so the industry circle is the contacts
    whose position or company shares a word with your field.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CIRCLE_COLUMNS`, one row a circle.
    """
    if not isinstance(network, Network) or not isinstance(profile, Profile):
        raise InvalidParameter("three_circles needs your network and your profile")
    rows = [
        {
            "circle": circle,
            "people": len(ids),
            "for example": ", ".join(network.person(p).name for p in ids[:3]),
        }
        for circle, ids in _circles(network, profile).items()
    ]
    return pd.DataFrame(rows, columns=list(CIRCLE_COLUMNS))


def ask_for_names(network: Network, profile: Profile, n: int = 10) -> pd.DataFrame:
    """Ten (or ``n``) of your contacts to ask "who should I talk to?".

    People in your circles first (the more circles the better), then those
    you know best (your ratings), then the rest by name. You ask them for
    names, not for a job.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`NAMES_COLUMNS`; ``why`` says why they are on the list.
    """
    if not isinstance(network, Network) or not isinstance(profile, Profile):
        raise InvalidParameter("ask_for_names needs your network and your profile")
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise InvalidParameter(f"n must be a positive whole number, not {n!r}")
    circles = _circles(network, profile)
    me = network.me
    ranked = []
    for pid in network.neighbors(me):
        inside = [c.split(" (")[0] for c, ids in circles.items() if pid in ids]
        strength = network.tie(me, pid).strength
        why = f"in {' and '.join(inside)}" if inside else "knows people you do not"
        ranked.append((-len(inside), -strength, network.person(pid).name, pid, why))
    ranked.sort()
    rows = []
    for *_, pid, why in ranked[:n]:
        p = network.person(pid)
        rows.append(
            {"id": pid, "name": p.name, "organization": p.organization, "role": p.role, "why": why}
        )
    return pd.DataFrame(rows, columns=list(NAMES_COLUMNS))


_NO_POSITIONS = pd.DataFrame(columns=["person", "organization", "role", "start", "end"])
_NO_ORGANIZATIONS = pd.DataFrame(
    columns=["name", "industry", "description", "city", "supplier_of", "customer_of",
             "competitor_of"]
)  # fmt: skip


def research_card_for(network: Network, person: str) -> ResearchCard:
    """A research card for someone in your export; what it cannot know says "look it up"."""
    return research_card(person, network, positions=_NO_POSITIONS, organizations=_NO_ORGANIZATIONS)


def core_questions(
    network: Network, person: str, profile: Profile | None = None, minutes: float = 20
) -> InterviewPlan:
    """A plan for a first conversation with ``person``; its first three questions are the core.

    Goals: their career path, their day-to-day, and the skills that matter.
    An export gives nobody an industry, so the questions speak of your
    profile's field instead (or of "your field").
    """
    who = network.person(person)
    if not who.industry:
        who = replace(who, industry=profile.field if profile is not None else "your field")
    return plan_interview(["career path", "day-to-day", "skills"], minutes, who, seed=0)
