"""Assignment 6, part (d): adding the new ties and what they reach, and its checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from coffeechat.checks._core import (
    blank,
    brief,
    call,
    checked,
    expect_type,
    fail,
    listing,
    passed,
    plural,
)
from coffeechat.checks.ps06._follow_ups import as_day, spoken_day
from coffeechat.contacts import Network
from coffeechat.errors import CheckFailed, ContactDataError
from coffeechat.paths import reach


# --------------------------------------------------- part (d): new ties
def reference_add_ties(network: Network, new_ties: pd.DataFrame) -> Network:
    """The right answer to part (d1): the network with the new ties, none twice."""
    fresh = [
        row
        for row in new_ties.to_dict("records")
        if network.tie(str(row["source"]), str(row["target"])) is None
    ]
    ties = pd.concat(
        [network.ties, pd.DataFrame(fresh, columns=new_ties.columns)], ignore_index=True
    )
    return Network.from_frames(network.people, ties, me=network.me)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _pairs(network: Network) -> set[tuple[str, str]]:
    ties = network.ties
    return {_pair(str(a), str(b)) for a, b in zip(ties["source"], ties["target"], strict=True)}


def _compare_add_ties(
    add_ties: Callable[..., Any], network: Network, new_ties: pd.DataFrame
) -> None:
    before = _pairs(network)
    try:
        got = call(add_ties, [network, new_ties.copy()], "add_ties(network, NEW_TIES)")
    except CheckFailed as err:
        repeated = [
            network.person(str(r["target"])).name
            for r in new_ties.to_dict("records")
            if network.tie(str(r["source"]), str(r["target"])) is not None
        ]
        if isinstance(err.__cause__, ContactDataError) and repeated:
            fail(
                f"{network.person(network.me).name} already knew {listing(repeated)}: that new "
                "tie repeats one the network has, and a network holds one tie a pair — leave "
                "out new ties between people already tied (network.tie(a, b) is not None)."
            )
        raise
    got = expect_type(
        got,
        Network,
        "add_ties",
        "a Network",
        advice="Build it with Network.from_frames(people, ties).",
    )
    if got is network:
        fail(
            "add_ties gave back the same network it was given: build a new Network with "
            "Network.from_frames from the people and the old ties plus the new ones."
        )
    if got.me != network.me or set(got.people["id"]) != set(network.people["id"]):
        fail(
            "add_ties changed who is in the network (or who the learner is): keep the same "
            "people and me=network.me, and only add ties."
        )
    after = _pairs(got)
    lost = sorted(before - after)
    if lost:
        names = [f"{network.person(a).name}–{network.person(b).name}" for a, b in lost]
        fail(
            f"Your new network has lost {plural(len(lost), 'old tie')}, such as "
            f"{listing(names)}: keep every tie of the network and add the new ones."
        )
    for row in new_ties.to_dict("records"):
        pair = _pair(str(row["source"]), str(row["target"]))
        if pair not in after:
            other = network.person(str(row["target"])).name
            fail(
                f"{network.person(str(row['source'])).name} met {other} on "
                f"{spoken_day(as_day(row['met_on']))}, but your new network has no tie "
                "between them."
            )
    extra = sorted(
        after
        - before
        - {_pair(str(r["source"]), str(r["target"])) for r in new_ties.to_dict("records")}
    )
    if extra:
        names = [f"{network.person(a).name}–{network.person(b).name}" for a, b in extra]
        fail(f"Your new network has ties that are neither old nor new: {listing(names)}.")


@checked
def check_add_ties(add_ties: Callable[..., Any], network: Network, new_ties: pd.DataFrame) -> None:
    """Check a learner's ``add_ties(network, new_ties)`` (part d1).

    It must return a new Network with the same people and learner, every old
    tie, and a tie for each new row (a pair already tied keeps one tie).
    """
    _compare_add_ties(add_ties, network, new_ties)
    added = len(_pairs(reference_add_ties(network, new_ties))) - len(_pairs(network))
    passed(
        f"add_ties adds {plural(added, 'new tie')} and keeps all {network.number_of_ties} old ones."
    )


def reference_within_two(network: Network, organization: str) -> dict[str, int]:
    """The right answer to part (d2): people at ``organization`` -> introductions needed."""
    chains = reach(network, source=network.me, max_hops=3)
    return {
        person: len(chains[person]) - 2
        for person in network.match(organization=organization)
        if person in chains
    }


def _compare_within_two(
    within_two: Callable[..., Any], network: Network, organization: str, label: str
) -> None:
    got = call(
        within_two, [network, organization], f"within_two_introductions({label}, {organization!r})"
    )
    got = expect_type(
        got, dict, "within_two_introductions", "a dict of person id to the number of introductions"
    )
    want = reference_within_two(network, organization)
    chains = reach(network, source=network.me)
    names = {str(k): v for k, v in got.items()}

    def story(person: str) -> str:
        chain = chains[person]
        labels = ["you", *(network.person(p).name for p in chain[1:])]
        return " → ".join(labels)

    for person, count in sorted(want.items(), key=lambda kv: (kv[1], kv[0])):
        name = network.person(person).name
        if person not in names:
            hint = " (two introductions are three hops: max_hops=3)" if count == 2 else ""
            fail(
                f"In the {label}, {name} at {organization} is {plural(count, 'introduction')} "
                f"away ({story(person)}), but your answer leaves {name} out{hint}."
            )
        theirs = names[person]
        if blank(theirs) or theirs != count:
            fail(
                f"In the {label}, {name} needs {plural(count, 'introduction')} "
                f"({story(person)}: {count + 1} hops, {count} people in between), but your "
                f"answer says {brief(theirs, 20)}."
            )
    for person in names:
        if person in want:
            continue
        if person == network.me:
            fail("Your answer includes you: leave out network.me, who needs no introduction.")
        if person not in network:
            fail(f"Your answer lists {brief(person)}, who is not in the network.")
        who = network.person(person)
        if person not in set(network.match(organization=organization)):
            fail(
                f"Your answer lists {who.name}, who works at {who.organization or 'no employer'}"
                f", not {organization}."
            )
        hops = len(chains[person]) - 1 if person in chains else None
        fail(
            f"In the {label}, {who.name} at {organization} is "
            f"{'out of reach' if hops is None else f'{hops} hops away ({story(person)})'}: "
            "more than two introductions, but your answer lists them."
        )


@checked
def check_reach_after(
    within_two_introductions: Callable[..., Any],
    network: Network,
    new_ties: pd.DataFrame,
    organization: str,
) -> None:
    """Check a learner's ``within_two_introductions(network, organization)`` (part d2).

    It must return, for each person at ``organization`` within two
    introductions of the learner (at most three hops), the number of
    introductions needed (hops - 1). It is tried on the network before and
    after the new ties are added (the reference's :func:`reference_add_ties`).
    """
    grown = reference_add_ties(network, new_ties)
    _compare_within_two(within_two_introductions, network, organization, "old network")
    _compare_within_two(within_two_introductions, grown, organization, "network with the new ties")
    before, after = (
        reference_within_two(network, organization),
        reference_within_two(grown, organization),
    )
    closer = sum(1 for p in after if p not in before or after[p] < before[p])
    passed(
        f"within_two_introductions finds {len(after)} people at {organization} within two "
        f"introductions; the new ties brought {plural(closer, 'of them', 'of them')} closer."
    )


@checked
def check_new_ties_elsewhere(
    add_ties: Callable[..., Any],
    within_two_introductions: Callable[..., Any],
    network: Network,
    new_ties: pd.DataFrame,
    organization: str,
) -> None:
    """Both part (d) functions on another network (hidden check)."""
    _compare_add_ties(add_ties, network, new_ties)
    check_reach_after(within_two_introductions, network, new_ties, organization)
