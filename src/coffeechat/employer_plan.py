"""Your own plan: whom to ask at each target employer, and what to do when.

The capstone brings the course together. :func:`draft_lamp` starts a LAMP
list from the learner's network and profile (each employer once, however it
is spelled). From the employers at the top of it, :func:`who_to_ask` finds,
for each, the person there reachable by the strongest chain (someone already
in the target role first) and the contact to ask first; :func:`draft_for`
drafts the right first message — the request to someone you know, or the
message to your own contact asking for an introduction; :func:`next_moves`
says what to do where nobody can be reached yet; and :func:`plan_for` says
it all in plain words, with the 3B7 follow-up dates if the request goes out
on a given day. Chains are "stronger" or "weaker" (:func:`chain_label`), a
rough guide from the learner's own ratings, never a percentage.

Examples
--------
>>> import coffeechat as cc
>>> network = cc.load_sample_network()
>>> asks = who_to_ask(network, ["Pulsewise", "Nowhere Ltd"])
>>> asks[["employer", "name", "introducer_name", "hops"]]
      employer         name introducer_name  hops
0    Pulsewise  Amara Nwosu    Lucía Moreno   3.0
1  Nowhere Ltd                                NaN
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from coffeechat._args import checked, items
from coffeechat._chains import Chain
from coffeechat._drafts import (
    Draft,
    draft_alumni_request,
    draft_direct_message,
    draft_introduction_request,
    draft_request,
    draft_who_might_know,
)
from coffeechat._kinds import STRONGER_CHAIN, chain_label, fold, normalize_organization
from coffeechat.contacts import Network
from coffeechat.errors import InvalidParameter, NoChainError
from coffeechat.outreach import follow_up_dates
from coffeechat.paths import Target, reach, strongest_chain
from coffeechat.profile import Profile, employers, in_role

__all__ = [
    "ASK_COLUMNS",
    "STRONGER_CHAIN",
    "Draft",
    "NextMove",
    "chain_label",
    "draft_for",
    "draft_introduction_request",
    "draft_lamp",
    "draft_request",
    "next_moves",
    "plan_for",
    "who_to_ask",
    "within_reach",
]

#: Columns of :func:`who_to_ask`, in order.
ASK_COLUMNS: tuple[str, ...] = (
    "employer",
    "person",
    "name",
    "role",
    "introducer",
    "introducer_name",
    "hops",
    "strength",
    "chain",
    "in_role",
)
def _employers(employers: object) -> list[str]:
    if isinstance(employers, str) or not isinstance(employers, Iterable):
        raise InvalidParameter(f"employers must be a list of names, not {employers!r}")
    names = [str(e).strip() for e in employers]
    if not names or not all(names):
        raise InvalidParameter(f"employers must be a non-empty list of names, not {employers!r}")
    return names


def _role(role: object) -> str | None:
    if role is None:
        return None
    if not isinstance(role, str) or not role.strip():
        raise InvalidParameter(f"role must be a non-empty string or None, not {role!r}")
    return role.strip()


@checked
def within_reach(network: Network, employer: str, *, max_hops: int = 2) -> list[str]:
    """The ids of the people at ``employer`` within ``max_hops`` of the learner.

    This is the LAMP list's *advocacy*: someone there you know (one hop), or
    someone they know (two hops).

    Examples
    --------
    >>> import coffeechat as cc
    >>> network = cc.load_sample_network()
    >>> within_reach(network, "Pulsewise")
    ['amara-nwosu', 'noor-khalil']
    >>> within_reach(network, "Pulsewise", max_hops=1)
    []
    """
    there = set(network.match(organization=employer))
    return sorted(there & set(reach(network, max_hops=max_hops)))


def _best_chain(network: Network, employer: str, role: str | None) -> tuple[Chain | None, bool]:
    """The chain to use at ``employer``, and whether its end holds ``role``.

    With a role: a contact of yours there in the role (strongest tie first),
    else the strongest chain to someone there in the role, else to anyone there.
    """
    if role is not None:
        mine = set(network.neighbors(network.me))
        in_role = [p for p in network.match(organization=employer, role=role) if p in mine]
        if in_role:
            best = max(in_role, key=lambda p: (network.tie(network.me, p).strength, p))
            return strongest_chain(network, target=best), True
        try:
            chain = strongest_chain(network, target=Target(organization=employer, role=role))
            return chain, True
        except NoChainError:
            pass
    try:
        return strongest_chain(network, target=Target(organization=employer)), False
    except NoChainError:
        return None, False


@checked
def who_to_ask(network: Network, employers: Iterable[str], role: str | None = None) -> pd.DataFrame:
    """For each employer, the person there you can reach best, and whom to ask first.

    Parameters
    ----------
    network : Network
        The learner's network (the learner is ``network.me``).
    employers : iterable of str
        Employer names, as on a LAMP list; spelling variants such as
        "Pulsewise Inc." match, as in :meth:`Network.match`.
    role : str, optional
        The role you are moving towards. A contact of yours there already in
        that role comes first (start there); then the strongest chain to
        someone there in the role; then to anyone there.

    Returns
    -------
    pandas.DataFrame
        One row per employer, in the order given, with :data:`ASK_COLUMNS`:
        the person's id, name and role, the contact who starts the chain
        (``introducer``; the person themself when you know them already),
        the chain's ``hops`` and ``strength``, ``chain`` in words (see
        :func:`chain_label`) and ``in_role`` (whether the person holds the
        role). An employer where nobody can be reached has blank cells (NaN
        for the numbers): see :func:`next_moves`.

    Examples
    --------
    >>> import coffeechat as cc
    >>> net = cc.load_sample_network()
    >>> row = who_to_ask(net, ["Pulsewise"], role="UX Researcher").iloc[0]
    >>> row["name"], row["role"], bool(row["in_role"])
    ('Noor Khalil', 'UX Researcher', True)
    """
    if not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")
    role = _role(role)
    rows = []
    for employer in _employers(employers):
        row: dict[str, object] = dict.fromkeys(ASK_COLUMNS, "")
        row.update(employer=employer, hops=math.nan, strength=math.nan, in_role=False)
        chain, holds_role = _best_chain(network, employer, role)
        if chain is None:
            rows.append(row)
            continue
        target, first = chain.target, chain.introducer
        row.update(
            person=target.id,
            name=target.name,
            role=target.role,
            introducer=first.id,
            introducer_name=first.name,
            hops=float(chain.hops),
            strength=chain.strength,
            chain=chain_label(chain.strength),
            in_role=holds_role,
        )
        rows.append(row)
    return pd.DataFrame(rows, columns=list(ASK_COLUMNS))


def draft_for(network: Network, ask: pd.Series, profile: Profile | None = None) -> Draft:
    """The right first message for one row of :func:`who_to_ask`.

    One hop (you know them): the request to them. Two or more hops: the
    message to your own contact, asking for an introduction — the request to
    the person waits until your contact has introduced you.

    Examples
    --------
    >>> import coffeechat as cc
    >>> net = cc.load_sample_network()
    >>> draft = draft_for(net, who_to_ask(net, ["Pulsewise"]).iloc[0])
    >>> draft.kind, draft.to_name, draft.review.passed
    ('introduction request', 'Lucía Moreno', True)
    """
    if not isinstance(ask, pd.Series) or not {"person", "introducer"} <= set(ask.index):
        raise InvalidParameter("ask must be one row of who_to_ask(...)")
    person, first = str(ask["person"]), str(ask["introducer"])
    if not person or person == "nan":
        raise InvalidParameter(
            f"nobody at {ask.get('employer', 'this employer')} can be reached yet; "
            "see next_moves(...)"
        )
    if first == person:
        return draft_request(network, person, profile=profile)
    return draft_introduction_request(
        network, first, person, profile=profile, hops=int(ask.get("hops", 2))
    )


@dataclass(frozen=True)
class NextMove:
    """One next move when nobody at an employer can be reached yet.

    Parameters
    ----------
    step : str
        What to do, in words.
    draft : Draft
        The message to send, drafted and reviewed.
    """

    step: str
    draft: Draft

    def __str__(self) -> str:
        return f"{self.step}\n\n{self.draft}"


def _near_the_field(network: Network, profile: Profile, limit: int) -> list[str]:
    """Your contacts in or near the field (role or industry shares a word), strongest tie first."""
    words = {w for w in fold(f"{profile.field} {profile.role}").split() if len(w) > 2}
    me = network.me
    scored = []
    for pid in network.neighbors(me):
        person = network.person(pid)
        near = words & set(fold(f"{person.role} {person.industry}").split())
        scored.append((-len(near), -network.tie(me, pid).strength, person.name, pid))
    scored.sort()
    return [pid for *_, pid in scored[:limit]]


def next_moves(
    network: Network, employer: str, profile: Profile, *, contacts: int = 2
) -> list[NextMove]:
    """What to do when nobody at ``employer`` can be reached yet, each with a draft.

    In order: ask a few contacts in or near your field who *might* know
    someone there; look for alumni and groups you share with people there;
    and, last, a courteous direct message. Every draft passes its review.

    Parameters
    ----------
    network : Network
    employer : str
    profile : Profile
        Your profile: the field and role say who is near and what to ask.
    contacts : int, default 2
        How many contacts to ask.

    Examples
    --------
    >>> import coffeechat as cc
    >>> from coffeechat.profile import make_profile
    >>> me = make_profile("UX research", "UX Researcher", ["Glasswing Labs"])
    >>> moves = next_moves(cc.load_sample_network(), "Glasswing Labs", me)
    >>> [m.draft.review.passed for m in moves]
    [True, True, True, True]
    """
    if not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")
    if not isinstance(profile, Profile):
        raise InvalidParameter(f"profile must be a Profile (make_profile), not {profile!r}")
    moves = [
        NextMove(
            f"Ask {network.person(pid).name}, who is near your field, who might know someone "
            f"at {employer}.",
            draft_who_might_know(network, pid, employer, profile),
        )
        for pid in _near_the_field(network, profile, contacts)
    ]
    moves.append(
        NextMove(
            f"Look for alumni of your school or college, and members of groups you belong to, "
            f"at {employer}: a shared school or group is a connection to open with.",
            draft_alumni_request(employer, profile),
        )
    )
    moves.append(
        NextMove(
            "Last, a courteous direct message to someone there: short, about them, and easy "
            "to say no to.",
            draft_direct_message(employer, profile),
        )
    )
    return moves


def draft_lamp(
    network: Network, profile: Profile, found_elsewhere: Iterable[str] = ()
) -> pd.DataFrame:
    """A first LAMP list from your network and profile, to score further yourself.

    Every employer in your network appears once, in your contacts' spelling
    (see :func:`coffeechat.profile.employers`), without the place you are
    now, then each employer found elsewhere that is not already there, and
    your targets. Advocacy is :func:`within_reach`; motivation is 3 for your
    targets, 2 where someone works in or near your field, 1 otherwise;
    posting is 1 everywhere until you check their postings.

    Returns
    -------
    pandas.DataFrame
        Columns ``employer``, ``advocacy``, ``motivation``, ``posting`` — ready
        for :func:`coffeechat.tracking.make_lamp`.

    Examples
    --------
    >>> import coffeechat as cc
    >>> from coffeechat.profile import make_profile
    >>> me = make_profile("UX research", "UX Researcher", ["Pulsewise"],
    ...                   employer="Lakeside College")
    >>> lamp = cc.make_lamp(draft_lamp(cc.load_sample_network(), me), min_employers=0)
    >>> lamp.loc[1, "employer"], int(lamp.loc[1, "motivation"])
    ('Pulsewise', 3)
    """
    table = employers(network, profile)
    names = list(table["employer"])
    keys = set(table["key"])
    for extra in [*items(found_elsewhere, "found_elsewhere", str), *profile.targets]:
        key = normalize_organization(extra)
        if key and key not in keys and not profile.is_own(extra):
            keys.add(key)
            names.append(extra.strip())
    words = {w for w in fold(f"{profile.field} {profile.role}").split() if len(w) > 2}

    def near(employer: str) -> bool:
        return any(
            words & set(fold(f"{p.role} {p.industry}").split())
            for p in network.find(organization=employer)
        )

    return pd.DataFrame(
        {
            "employer": names,
            "advocacy": [bool(within_reach(network, e)) for e in names],
            "motivation": [3 if profile.is_target(e) else 2 if near(e) else 1 for e in names],
            "posting": [1] * len(names),
        }
    )


def plan_for(
    network: Network,
    employer: str,
    sent_on: date | str | None = None,
    holidays: Iterable[date | str] = (),
    *,
    role: str | None = None,
    profile: Profile | None = None,
) -> str:
    """What to do about one employer, in plain words.

    Parameters
    ----------
    network : Network
    employer : str
    sent_on : date or ISO string, optional
        When the request goes out; then the 3B7 dates are given too.
    holidays : iterable of date or ISO string
        Days that are not business days, for the 3B7 dates.
    role : str, optional
        The role you are moving towards (see :func:`who_to_ask`); the
        profile's role when a profile is given.
    profile : Profile, optional
        Your profile: with it, an employer nobody can be reached at gets the
        next moves of :func:`next_moves`.

    Examples
    --------
    >>> import coffeechat as cc
    >>> print(plan_for(cc.load_sample_network(), "Pulsewise", "2026-03-02"))
    Pulsewise: ask Lucía Moreno to introduce you to Amara Nwosu (Head of UX Research);
    the chain has 2 introductions (a stronger chain, by your own ratings). Write to
    Lucía Moreno first, asking for the introduction.
    If the request goes out on Mon 2 Mar 2026: no reply by Thu 5 Mar, write to a
    second person at Pulsewise; no reply by Wed 11 Mar, send Lucía Moreno one short
    follow-up.
    """
    if profile is not None and not isinstance(profile, Profile):
        raise InvalidParameter(f"profile must be a Profile, not {profile!r}")
    if role is None and profile is not None:
        role = profile.role
    asks = who_to_ask(network, [employer], role=role)
    row = asks.iloc[0]
    lines = []
    already = in_role(network, role) if role is not None else []
    if already and not (row["in_role"] and row["hops"] == 1):
        names = ", ".join(network.person(p).name for p in already[:3])
        lines.append(
            f"You already know someone who does this job ({names}): start there, and ask what "
            "it is like and whom else to talk to."
        )
    if not row["person"]:
        lines.append(
            f"{employer}: nobody you can reach works there yet. Ask your contacts who might "
            "know someone there, or look for alumni; write to a stranger only as a last resort."
        )
        if profile is not None:
            lines += [m.step for m in next_moves(network, employer, profile)]
        return "\n".join(lines)
    held = "" if role is None or row["in_role"] else f"; nobody there is a {role} you can reach"
    if row["introducer"] == row["person"]:
        first = (
            f"{employer}: you know {row['name']} ({row['role']}) already; write to them "
            f"directly ({row['chain']}, by your own ratings){held}"
        )
        writes_to = row["name"]
    else:
        between = int(row["hops"]) - 1
        first = (
            f"{employer}: ask {row['introducer_name']} to introduce you to {row['name']} "
            f"({row['role']}); the chain has {between} introduction"
            f"{'s' if between != 1 else ''} (a {row['chain']}, by your own ratings){held}. "
            f"Write to {row['introducer_name']} first, asking for the introduction"
        )
        writes_to = row["introducer_name"]
    lines.append(first + ".")
    if sent_on is not None:
        dates = follow_up_dates(sent_on, holidays)
        lines.append(
            f"If the request goes out on {_day(dates.sent_on)}: no reply by "
            f"{_day(dates.second_contact_on, year=False)}, write to a second person at "
            f"{employer}; no reply by {_day(dates.follow_up_on, year=False)}, send "
            f"{writes_to} one short follow-up."
        )
    return "\n".join(lines)


def _day(day: date, year: bool = True) -> str:
    text = f"{day:%a} {day.day} {day:%b}"
    return f"{text} {day.year}" if year else text
