"""How the network checks name people and chains: shared by Assignments 1 and 2.

A check of a search names the people of a chain the way the learner knows
them ("you", "Ana Ruiz") and says which network it used (the small practice
one, or a bigger one).
"""

from __future__ import annotations

from collections.abc import Sequence

from coffeechat.checks._messages import arrow_chain
from coffeechat.contacts import Network

__all__ = ["chain_text", "network_label", "person_name"]


def person_name(network: Network, person: object) -> str:
    """How a message names ``person``: "you" for the learner, else their name.

    Examples
    --------
    >>> from coffeechat.contacts import Person, Tie
    >>> people = [Person("me", "Sam"), Person("ana", "Ana Ruiz")]
    >>> net = Network(people, [Tie("me", "ana", 0.8)], me="me")
    >>> person_name(net, "me"), person_name(net, "ana"), person_name(net, "zed")
    ('you', 'Ana Ruiz', "'zed'")
    """
    if person == network.me:
        return "you"
    try:
        return network.person(str(person)).name
    except Exception:
        return repr(person)


def chain_text(network: Network, chain: Sequence[object]) -> str:
    """A chain of person ids written with names and arrows.

    Examples
    --------
    >>> from coffeechat.contacts import Person, Tie
    >>> people = [Person("me", "Sam"), Person("ana", "Ana Ruiz")]
    >>> net = Network(people, [Tie("me", "ana", 0.8)], me="me")
    >>> chain_text(net, ["me", "ana"])
    'you → Ana Ruiz'
    """
    return arrow_chain([person_name(network, p) for p in chain])


def network_label(network: Network, practice: Network) -> str:
    """How a message starts: which network the check used.

    Examples
    --------
    >>> from coffeechat.contacts import Person
    >>> net = Network([Person("me", "Sam")], [], me="me")
    >>> network_label(net, net)
    'In the small practice network'
    """
    if network is practice:
        return "In the small practice network"
    return f"In the network of {len(network)} people"
