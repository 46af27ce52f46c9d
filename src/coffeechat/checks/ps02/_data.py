"""Assignment 2: the data its checks share.

Tie strengths, organisations, the practice network, and how a message names a network.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from coffeechat.checks._chain_words import network_label, person_name
from coffeechat.checks._core import (
    blank,
    brief,
    checked,
    fail,
)
from coffeechat.contacts import Network, Person, Tie
from coffeechat.industry import make_organizations

#: The keys of ``related_organizations``' answer, and the relation column behind each:
#: a row (X, column, target) makes X one of the target's ...
GROUPS: dict[str, str] = {
    "suppliers": "supplier_of",
    "competitors": "competitor_of",
    "customers": "customer_of",
}

#: Part (d): how many people to pick, at most how many per organisation, within how many hops.
PICKS, PER_ORGANIZATION, MAX_HOPS = 5, 2, 3

TOLERANCE = 1e-9


# ------------------------------------------------------------ shared data
@checked
def tie_strengths(network: Network) -> dict[str, dict[str, float]]:
    """Each person's id mapped to ``{contact's id: tie strength}``.

    This is the structure the assignment's search functions work on.

    Examples
    --------
    >>> tie_strengths(strength_practice_network())["me"]
    {'ana': 0.9, 'hal': 0.5, 'dee': 0.3}
    """
    ties = network.ties
    strengths: dict[str, dict[str, float]] = {p: {} for p in network.people["id"]}
    for person in strengths:
        for other in network.neighbors(person):
            strengths[person][other] = 0.0
    for a, b, s in zip(ties["source"], ties["target"], ties["strength"], strict=True):
        strengths[a][b] = strengths[b][a] = float(s)
    return strengths


@checked
def organization_of(network: Network) -> dict[str, str]:
    """Each person's id mapped to their organisation (``''`` when unknown).

    Examples
    --------
    >>> organization_of(strength_practice_network())["ben"]
    'Borealis Labs'
    """
    people = network.people
    return {
        str(p): ("" if blank(o) else str(o))
        for p, o in zip(people["id"], people["organization"], strict=True)
    }


@checked
def strength_practice_network() -> Network:
    """A ten-person network where the fewest hops and the strongest ties disagree.

    You know Ana well, Hal a little and Dee hardly. The one-introduction chain
    to Cy (through Dee) is far weaker than the two-introduction chain through
    Ana and Ben; even Dee is better reached through Hal, her close colleague,
    than by your weak direct tie. Kim, at Dunmore Health, is three introductions
    away by strong ties but only weakly within two. Eli and Fay know nobody you
    can reach.

    Examples
    --------
    >>> strength_practice_network()
    Network(12 people, 14 ties, me='me')
    """
    people = [
        Person("me", "Sam Learner", role="Student"),
        Person("ana", "Ana Ruiz", "Acme", "UX Lead"),
        Person("ben", "Ben Ode", "Borealis Labs", "Data Analyst"),
        Person("cy", "Cy Tran", "Borealis Labs", "Engineer"),
        Person("dee", "Dee Park", "Cobalt Works", "Recruiter"),
        Person("gus", "Gus Amari", "Borealis Labs", "Director"),
        Person("hal", "Hal Moss", "Cobalt Works", "Buyer"),
        Person("ivy", "Ivy Chen", "Acme", "Product Manager"),
        Person("eli", "Eli Fox", "Cobalt Works", "Designer"),
        Person("fay", "Fay Lind", "Borealis Labs", "Recruiter"),
        Person("kim", "Kim Sato", "Dunmore Health", "Nurse"),
        Person("lee", "Lee Wong", "Dunmore Health", "Data Analyst"),
    ]
    ties = [
        Tie("me", "ana", 0.9, "friend"),
        Tie("ana", "ben", 0.8, "former colleague"),
        Tie("ben", "cy", 0.9, "colleague"),
        Tie("me", "dee", 0.3, "acquaintance"),
        Tie("dee", "cy", 0.4, "online"),
        Tie("cy", "gus", 0.7, "colleague"),
        Tie("dee", "gus", 0.2, "online"),
        Tie("me", "hal", 0.5, "classmate"),
        Tie("hal", "dee", 0.9, "colleague"),
        Tie("ana", "ivy", 0.1, "online"),
        Tie("hal", "ivy", 0.9, "friend"),
        Tie("eli", "fay", 0.5, "classmate"),
        Tie("cy", "kim", 0.9, "friend"),
        Tie("hal", "lee", 0.5, "classmate"),
    ]
    return Network(people, ties, me="me")


def need_network(network: object) -> Network:
    if not isinstance(network, Network):
        fail(
            f"The check needs a coffeechat Network (such as load_sample_network()), not a "
            f"{type(network).__name__}: {brief(network)}."
        )
    return network


def need_table(organizations: object) -> pd.DataFrame:
    if not isinstance(organizations, pd.DataFrame) or "name" not in organizations.columns:
        fail(
            "The check needs the organisations table (load_sample_organizations()), not "
            f"{brief(organizations)}."
        )
    return organizations


PRACTICE = strength_practice_network()


def label(network: Network) -> str:
    return network_label(network, PRACTICE)


def via(network: Network, chain: Sequence[str]) -> str:
    middle = [person_name(network, p) for p in chain[1:-1]]
    return " → ".join(middle) if middle else "nobody (a direct tie)"


# ---------------------------------------------------------------- hidden data
@checked
def practice_organizations(network: Network, seed: int) -> pd.DataFrame:
    """An organisations table for a generated network (see ``industry.make_organizations``)."""
    return make_organizations(network, seed=seed)
