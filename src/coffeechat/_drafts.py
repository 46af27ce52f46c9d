"""Drafts of the first message for a chain: to the person, or to your contact.

One hop (you know them): the request itself. Two or more hops: the message
to *your* contact asking for an introduction — never "X suggested I write"
to a stranger X has not spoken to. Each draft comes with its review, so a
learner sees that it passes and what to make their own.

Import these from :mod:`coffeechat.employer_plan`.
"""

from __future__ import annotations

from dataclasses import dataclass

from coffeechat._bank import with_article
from coffeechat._review import Review
from coffeechat.contacts import Network, Person
from coffeechat.errors import InvalidParameter
from coffeechat.outreach import review_introduction_request, review_request, review_request_for
from coffeechat.profile import Profile

#: The kinds of draft, by whom they go to.
REQUEST = "request"
INTRODUCTION_REQUEST = "introduction request"


@dataclass(frozen=True)
class Draft:
    """A drafted message, whom it goes to, and its review.

    Parameters
    ----------
    kind : str
        ``"request"`` (to the person you hope to talk with) or
        ``"introduction request"`` (to your own contact).
    to : str
        The id of the person it goes to; empty for someone not yet found.
    to_name : str
        Their name, or a description such as "an alum at Glasswing Labs".
    text : str
        The draft: make it your own before you send it.
    review : Review
        The review it passes (or not) as drafted.
    """

    kind: str
    to: str
    to_name: str
    text: str
    review: Review

    def __str__(self) -> str:
        return f"{self.kind.capitalize()} to {self.to_name}:\n\n{self.text}\n\n{self.review}"


def _me(network: Network, profile: Profile | None) -> str:
    """How a note about you names you: your profile's name, else your network's, else a gap.

    "Me", the name an export gives the learner, is a gap to fill, not a name.
    """
    name = profile.name if profile is not None and profile.name else ""
    name = name or network.person(network.me).name
    return "[your name]" if name in ("", "Me") else name


def _first(name: str) -> str:
    return name.split()[0] if name.split() else name


def _exploring(profile: Profile | None, person: Person) -> str:
    if profile is not None:
        return f"a move into {profile.field}"
    return f"work like yours as {with_article(person.role)}" if person.role else "work like yours"


def draft_request(
    network: Network, person: str, *, connection: str | None = None, profile: Profile | None = None
) -> Draft:
    """The request to ``person``: you know them, or ``connection`` has introduced you.

    Examples
    --------
    >>> import coffeechat as cc
    >>> draft = draft_request(cc.load_sample_network(), "zoe-lefevre")
    >>> draft.review.passed
    True
    """
    who = network.person(person)
    if connection is not None:
        opening = f"{connection} suggested I write to you, and kindly introduced us."
    elif network.tie(network.me, person) is not None:
        opening = "We are connected on LinkedIn, and I have followed your work."
    else:
        raise InvalidParameter(
            f"you do not know {who.name}: draft the message to your contact first "
            "(draft_introduction_request)"
        )
    where = f" at {who.organization}" if who.organization else ""
    role = f"your role as {who.role}{where}" if who.role else f"your work{where}"
    text = (
        f"Dear {_first(who.name)},\n\n{opening} I am exploring {_exploring(profile, who)}, and "
        f"I am curious about how {role} shapes your week. Would you have 20 minutes in the "
        "next few weeks to tell me about your path and what you enjoy in your work?\n\n"
        "Thank you for your time."
    )
    if connection is not None:
        review = review_request(text, connection=connection)
    else:
        review = review_request_for(network, person, text)
    return Draft(REQUEST, person, who.name, text, review)


def draft_introduction_request(
    network: Network,
    introducer: str,
    person: str,
    *,
    profile: Profile | None = None,
    hops: int = 2,
) -> Draft:
    """The message to your contact ``introducer``, asking to be introduced to ``person``.

    With ``hops`` above 2 your contact does not know the person either, so
    the message asks them to pass the note on towards them.

    Examples
    --------
    >>> import coffeechat as cc
    >>> draft = draft_introduction_request(cc.load_sample_network(), "lucia-moreno", "noor-khalil")
    >>> draft.review.passed, draft.to_name
    (True, 'Lucía Moreno')
    """
    contact, target = network.person(introducer), network.person(person)
    if network.tie(network.me, introducer) is None:
        raise InvalidParameter(f"{contact.name} is not one of your contacts")
    me = _me(network, profile)
    where = f" at {target.organization}" if target.organization else ""
    role = f"as {target.role}" if target.role else "there"
    exploring = _exploring(profile, target).replace("yours", "theirs")
    ask = (
        "Would you be willing to introduce us, or let me mention your name?"
        if hops <= 2
        else "You may not know them yourself: would you be willing to pass this on to someone "
        "who might?"
    )
    text = (
        f"Hi {_first(contact.name)},\n\nI hope all is well. I am exploring {exploring}, and I "
        f"would love to talk with {target.name}{where}, because their work {role} is close to "
        f"what I hope to do. {ask} "
        "No worries at all if you would rather not.\n\nHere is a short note you could forward:"
        f'\n\n"{me} is exploring {exploring} and would value 20 minutes with '
        f'{_first(target.name)} to hear how they found their way into their work{where}."\n\n'
        "Thank you!"
    )
    review = review_introduction_request(text, target=target.name)
    return Draft(INTRODUCTION_REQUEST, introducer, contact.name, text, review)


def draft_who_might_know(network: Network, contact: str, employer: str, profile: Profile) -> Draft:
    """The message asking ``contact`` who might know someone at ``employer``."""
    who = network.person(contact)
    me = _me(network, profile)
    text = (
        f"Hi {_first(who.name)},\n\nI hope all is well. I am exploring a move into "
        f"{profile.field}, and I would love to talk with someone at {employer}, because its "
        f"work is close to the {profile.role} role I am moving towards. Do you know anyone "
        "there, or anyone who might, and would you be willing to introduce us? No worries at "
        "all if not.\n\nHere is a short note you could forward:\n\n"
        f'"{me} is exploring a move into {profile.field} and would value 20 minutes with '
        f'someone at {employer} to hear what the work there is like day to day."\n\nThank you!'
    )
    review = review_introduction_request(text, target=employer)
    return Draft(INTRODUCTION_REQUEST, contact, who.name, text, review)


def draft_alumni_request(employer: str, profile: Profile) -> Draft:
    """A request to an alum (or a member of a group you share) at ``employer``."""
    text = (
        "Hello [their name],\n\nI found your name in my alumni network. Your work at "
        f"{employer} caught my eye, and I am curious about {profile.field} there. Would you be "
        "open to a 20-minute call in the next few weeks to share how you found your way into "
        "your role?\n\nThank you for considering it."
    )
    return Draft(REQUEST, "", f"an alum or group member at {employer}", text, review_request(text))


def draft_direct_message(employer: str, profile: Profile) -> Draft:
    """A courteous direct message to someone at ``employer`` (the last resort)."""
    text = (
        "Hello [their name],\n\nI came across your profile on LinkedIn while reading about "
        f"{employer}. Your work there caught my eye, and I am curious about {profile.field} "
        "from the inside. Would you be open to a 20-minute call in the next few weeks? I can "
        "fit around your schedule.\n\nThank you for considering it."
    )
    return Draft(REQUEST, "", f"someone at {employer}", text, review_request(text))
