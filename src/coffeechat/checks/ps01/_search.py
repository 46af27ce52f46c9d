"""Assignment 1, parts (c) and (d): breadth-first search of the network, and its checks."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from coffeechat.checks._chain_compare import ChainSearch, compare_chains
from coffeechat.checks._chain_words import chain_text, network_label, person_name
from coffeechat.checks._core import (
    Earlier,
    blame_earlier,
    brief,
    checked,
    expect_type,
    fail,
    fresh,
    listing,
    passed,
    plural,
    short,
)
from coffeechat.checks._inputs import call_on_copies
from coffeechat.contacts import Network, Person, Tie
from coffeechat.errors import CheckFailed


# ------------------------------------------------ parts (c) and (d): search
@checked
def contact_lists(network: Network) -> dict[str, list[str]]:
    """Each person's id mapped to the ids of the people they know, strongest tie first.

    This is the plain structure the assignment's search functions work on.

    Examples
    --------
    >>> contact_lists(practice_network())["me"]
    ['ana', 'dee']
    """
    return {person: network.neighbors(person) for person in network.people["id"]}


@checked
def practice_network() -> Network:
    """An eight-person network small enough to check a search by hand.

    You know Ana and Dee; both know Ben; Ben knows Cy, and Cy knows Gus. Eli
    and Fay know each other but nobody you can reach. Ben, Cy, Fay and Gus
    work at Borealis Labs.

    Examples
    --------
    >>> practice_network()
    Network(8 people, 7 ties, me='me')
    """
    people = [
        Person("me", "Sam Learner", role="Student"),
        Person("ana", "Ana Ruiz", "Acme", "UX Lead"),
        Person("dee", "Dee Park", "Acme", "Product Manager"),
        Person("ben", "Ben Ode", "Borealis Labs", "Data Analyst"),
        Person("cy", "Cy Tran", "Borealis Labs", "Engineer"),
        Person("gus", "Gus Amari", "Borealis Labs", "Director"),
        Person("eli", "Eli Fox", "Cobalt Works", "Designer"),
        Person("fay", "Fay Lind", "Borealis Labs", "Recruiter"),
    ]
    ties = [
        Tie("me", "ana", 0.8, "friend"),
        Tie("me", "dee", 0.5, "classmate"),
        Tie("ana", "ben", 0.6, "former colleague"),
        Tie("dee", "ben", 0.3, "acquaintance"),
        Tie("ben", "cy", 0.7, "colleague"),
        Tie("cy", "gus", 0.7, "colleague"),
        Tie("eli", "fay", 0.5, "classmate"),
    ]
    return Network(people, ties, me="me")


def _distances(network: Network, source: str, cutoff: int | None = None) -> dict[str, int]:
    import networkx as nx

    return dict(nx.single_source_shortest_path_length(network.graph, source, cutoff=cutoff))


def degrees_reference(contacts: Mapping[str, Sequence[str]], source: str) -> dict[str, int]:
    """A right ``degrees_of_separation(contacts, source)``: what part (c1) asks for.

    Examples
    --------
    >>> degrees_reference(contact_lists(practice_network()), "ben")
    {'ben': 0, 'cy': 1, 'ana': 1, 'dee': 1, 'gus': 2, 'me': 2}
    """
    from collections import deque

    found = {source: 0}
    queue = deque([source])
    while queue:
        person = queue.popleft()
        for other in contacts[person]:
            if other not in found:
                found[other] = found[person] + 1
                queue.append(other)
    return found


def chain_reference(
    contacts: Mapping[str, Sequence[str]], source: str, target: str
) -> list[str] | None:
    """A right ``shortest_chain(contacts, source, target)``: what part (c2) asks for.

    Examples
    --------
    >>> chain_reference(contact_lists(practice_network()), "me", "cy")
    ['me', 'ana', 'ben', 'cy']
    >>> chain_reference(contact_lists(practice_network()), "me", "eli") is None
    True
    """
    from collections import deque

    reached_from: dict[str, str | None] = {source: None}
    queue = deque([source])
    while queue:
        person = queue.popleft()
        if person == target:
            chain: list[str] = []
            step: str | None = person
            while step is not None:
                chain.append(step)
                step = reached_from[step]
            return chain[::-1]
        for other in contacts[person]:
            if other not in reached_from:
                reached_from[other] = person
                queue.append(other)
    return None


def _a_shortest_chain(network: Network, source: str, target: str) -> list[str]:
    import networkx as nx

    return list(nx.shortest_path(network.graph, source, target))


def _label(network: Network) -> str:
    return network_label(network, _PRACTICE)


def _source(network: Network, source: str | None) -> str:
    source = network.me if source is None else source
    if source not in network:
        fail(f"{source!r} is not anyone in this network.")
    return source


@checked
def check_degrees(
    degrees: Callable[[Any, Any], Any], network: Network, source: str | None = None
) -> None:
    """Check a learner's breadth-first search for degrees of separation.

    ``degrees(contacts, source)`` is called with :func:`contact_lists` of the
    small :func:`practice_network` and then of ``network``; it must map every
    person reachable from ``source`` (``source`` itself included, at 0) to the
    number of hops (ties) on a shortest chain to them, and leave out everyone else.
    The right numbers come from networkx when the check runs.

    Parameters
    ----------
    degrees : callable
        The learner's function.
    network : Network
        The network to check on, after the practice network.
    source : str, optional
        Whose degrees to compute; the learner (``network.me``) by default.

    Raises
    ------
    CheckFailed
        Naming a person whose number is wrong, missing or should not be there,
        with a shortest chain to them.
    """
    start = _source(network, source)
    for net, begin in ((_PRACTICE, "me"), (network, start)):
        _compare_degrees(degrees, net, begin)
    others = len(_distances(network, start)) - 1
    passed(
        f"Your search finds the right number of hops to all {others} people "
        f"{'you' if start == network.me else person_name(network, start)} can reach, and 0 for "
        f"{'yourself' if start == network.me else 'themselves'}."
    )


def _compare_degrees(degrees: Callable[[Any, Any], Any], network: Network, source: str) -> None:
    where = _label(network)
    result = call_on_copies(
        degrees,
        [fresh(contact_lists(network)), source],
        f"degrees_of_separation(contacts, {source!r})",
        ["contacts", "source"],
    )
    expect_type(
        result,
        Mapping,
        f"{where}, degrees_of_separation",
        "a dict that maps each person's id to a number of hops",
    )
    expected = _distances(network, source)
    strangers = [p for p in result if p not in network]
    if strangers:
        fail(
            f"{where}, your answer has {listing([repr(s) for s in strangers])}, "
            "who is not anyone in the network; use the ids in contacts."
        )
    if result.get(source) != 0:
        said = result.get(source, "nothing")
        hint = "Put the source in the answer at 0 before the search starts."
        if said == 1 and all(result.get(p) == expected[p] + 1 for p in expected):
            hint = "Every number is one too big: count hops (ties between people), not people."
        elif isinstance(said, int | float) and not isinstance(said, bool):
            hint = (
                "If it was 0 at the start, a later step changed it: give each person a "
                "number only the first time the search reaches them, and skip anyone "
                "who already has one."
            )
        fail(
            f"{where}, {person_name(network, source)} should be 0 hops from "
            f"{'yourself' if source == network.me else 'themselves'}, but your "
            f"answer says {brief(said)}. {hint}"
        )
    unreachable = [p for p in result if p not in expected]
    if unreachable:
        who = unreachable[0]
        fail(
            f"{where}, {person_name(network, who)} cannot be reached from "
            f"{person_name(network, source)} (no chain of ties leads there), so leave them "
            f"out; your answer gives them {result[who]!r}."
        )
    missing = sorted((p for p in expected if p not in result), key=lambda p: (expected[p], p))
    if missing:
        first = missing[0]
        fail(
            f"{where}, your answer leaves out "
            f"{plural(len(missing), 'person', 'people')} you can reach, for example "
            f"{person_name(network, first)} ({plural(expected[first], 'hop')} away: "
            f"{chain_text(network, _a_shortest_chain(network, source, first))}). "
            "Keep taking people from the queue until it is empty."
        )
    wrong = sorted(
        (p for p in expected if result[p] != expected[p]), key=lambda p: (expected[p], p)
    )
    if wrong:
        first = wrong[0]
        offsets = {
            result[p] - expected[p]
            for p in wrong
            if isinstance(result[p], int | float) and not isinstance(result[p], bool)
        }
        hint = (
            "Breadth-first search reaches everyone 1 hop away before anyone 2 hops away: "
            "take people from the front of the queue (popleft), and give each a number "
            "only the first time you reach them."
        )
        if offsets == {1} and len(wrong) == len(expected) - 1:
            hint = "Every number is one too big: count hops (ties between people), not people."
        elif offsets == {-1} and len(wrong) == len(expected) - 1:
            hint = "Every number is one too small: count hops (ties between people), not people."
        elif offsets and max(offsets) < 0:
            hint = (
                "Your numbers are too small: each person's number is one more than "
                "that of the person the search reached them from."
            )
        fail(
            f"{where}, {person_name(network, first)} is {plural(expected[first], 'hop')} from "
            f"{person_name(network, source)} "
            f"({chain_text(network, _a_shortest_chain(network, source, first))}), "
            f"but your answer says {result[first]!r}. {hint}"
        )


@checked
def check_chain(
    chain: object,
    network: Network,
    source: str | None = None,
    target: str | None = None,
    *,
    shortest: bool = False,
) -> None:
    """Check that ``chain`` is a real chain of introductions in ``network``.

    Parameters
    ----------
    chain : list of str
        Person ids, from ``source`` to ``target``.
    network : Network
    source : str, optional
        Who the chain must start with; the learner (``network.me``) by default.
    target : str, optional
        Who the chain must end with; anyone by default.
    shortest : bool
        Also require that no chain has fewer hops.

    Raises
    ------
    CheckFailed
        For instance "Ana Ruiz and Eli Fox do not know each other, so this chain
        skips a tie".

    Examples
    --------
    >>> net = practice_network()
    >>> check_chain(["me", "ana", "ben"], net)
    >>> try:
    ...     check_chain(["me", "ben"], net)
    ... except AssertionError as err:
    ...     print(err)
    You and Ben Ode do not know each other, so this chain skips a tie.
    """
    source = _source(network, source)
    if isinstance(chain, str) or not isinstance(chain, Sequence):
        fail(
            f"A chain should be a list of person ids, such as [{source!r}, ...], "
            f"but this is a {type(chain).__name__}."
        )
    if not chain:
        fail(
            f"This chain is empty; it should start with {person_name(network, source)} "
            f"({source!r})."
        )
    strangers = [p for p in chain if p not in network]
    if strangers:
        fail(f"{strangers[0]!r} in this chain is not anyone in the network.")
    if chain[0] != source:
        fail(
            f"A chain starts with {person_name(network, source)} ({source!r}), but this one "
            f"starts with {person_name(network, chain[0])}."
        )
    if target is not None and chain[-1] != target:
        fail(
            f"This chain should end with {person_name(network, target)} ({target!r}), but "
            f"it ends with {person_name(network, chain[-1])}."
        )
    seen: set[object] = set()
    for person in chain:
        if person in seen:
            fail(
                f"{person_name(network, person)} appears twice in this chain; a chain never "
                "needs to visit anyone twice."
            )
        seen.add(person)
    for a, b in zip(chain, chain[1:], strict=False):
        if network.tie(a, b) is None:
            first = person_name(network, a)
            fail(
                f"{first[0].upper() + first[1:]} and {person_name(network, b)} do not know "
                "each other, so this chain skips a tie."
            )
    if shortest:
        best = _a_shortest_chain(network, source, chain[-1])
        if len(best) < len(chain):
            fail(
                f"This chain to {person_name(network, chain[-1])} has "
                f"{plural(len(chain) - 1, 'hop')}, but a chain of "
                f"{plural(len(best) - 1, 'hop')} exists "
                f"({chain_text(network, best)})."
            )


def _chain_targets(network: Network, source: str, every: bool = False) -> list[str]:
    """People to ask for chains to: nearest first (or the farthest and a few others),
    then someone unreachable, then the source itself."""
    reach = _distances(network, source)
    unreachable = sorted(p for p in network.people["id"] if p not in reach)
    if every:
        return [
            *sorted((p for p in reach if p != source), key=lambda p: (reach[p], p)),
            *unreachable,
            source,
        ]
    farthest = min(reach, key=lambda p: (-reach[p], p))
    others = sorted(p for p in reach if p not in (source, farthest))
    picked = random.Random(len(network)).sample(others, min(4, len(others)))
    return [farthest, *picked, *unreachable[:1], source]


@checked
def check_shortest_chains(
    chain: Callable[[Any, Any, Any], Any],
    network: Network,
    source: str | None = None,
    targets: Sequence[str] | None = None,
) -> None:
    """Check a learner's ``shortest_chain(contacts, source, target)``.

    It must return a list of ids from ``source`` to ``target`` with as few hops
    as possible (just ``[source]`` when they are the same person), or None
    when no chain exists. It is tried on every person of the practice network
    and on a few people of ``network`` (the farthest one among them). When it
    is wrong only because the learner's ``degrees_of_separation`` is, the
    message says so.

    Raises
    ------
    CheckFailed
        Naming the target and what is wrong with the chain.
    """
    start = _source(network, source)
    plan = [(_PRACTICE, "me", _chain_targets(_PRACTICE, "me", every=True))]
    plan.append((network, start, list(targets) if targets else _chain_targets(network, start)))
    blame_earlier(lambda: _compare_chains(chain, plan), chain, _degrees_part(network, start))
    passed(
        "shortest_chain finds a shortest chain of real ties every time, and None when "
        "there is none."
    )


def _degrees_part(network: Network, source: str) -> Earlier:
    """Part (c1) as an earlier part: the reference, and its check on these networks."""

    def check(mine: Callable[[Any, Any], Any]) -> None:
        for net, begin in ((_PRACTICE, "me"), (network, source)):
            _compare_degrees(mine, net, begin)

    return Earlier("degrees_of_separation", "c1", degrees_reference, check=check)


def _chain_part(network: Network, source: str) -> Earlier:
    """Part (c2) as an earlier part: the reference, and its check on these networks."""
    plan = [
        (_PRACTICE, "me", _chain_targets(_PRACTICE, "me", every=True)),
        (network, source, _chain_targets(network, source)),
    ]
    return Earlier(
        "shortest_chain", "c2", chain_reference, check=lambda mine: _compare_chains(mine, plan)
    )


def _shown_chain(network: Network, result: object) -> str:
    if isinstance(result, list | tuple) and all(isinstance(p, str) for p in result):
        return chain_text(network, result)
    return brief(result)


class _FewestHops(ChainSearch):
    """A network searched for fewest-hop chains, as :func:`compare_chains` asks."""

    function, data_name = "shortest_chain", "contacts"

    def __init__(self, network: Network, source: str) -> None:
        super().__init__(network, source, _label(network))
        self.contacts = contact_lists(network)
        self.reach = _distances(network, source)

    def argument(self) -> object:
        return fresh(self.contacts)

    def reaches(self, target: str) -> bool:
        return target in self.reach

    def right_chain(self, target: str) -> list[str]:
        return _a_shortest_chain(self.network, self.source, target)

    def judge(self, result: Any, target: str) -> None:
        net, where = self.network, self.where
        try:
            check_chain(result, net, self.source, target)
        except CheckFailed as err:
            raise CheckFailed(
                short(
                    f"{where}, the chain your function gives to {person_name(net, target)} "
                    f"({_shown_chain(net, result)}) is not right: {err}"
                )
            ) from None
        best = self.right_chain(target)
        if len(result) > len(best):
            fail(
                f"{where}, the chain your function gives to {person_name(net, target)} has "
                f"{plural(len(result) - 1, 'hop')}, but a chain of "
                f"{plural(len(best) - 1, 'hop')} exists ({chain_text(net, best)}). "
                "Breadth-first search finds a shortest one: take people from the "
                "front of the queue (popleft)."
            )


def _compare_chains(
    chain: Callable[[Any, Any, Any], Any],
    plan: Sequence[tuple[Network, str, Sequence[str]]],
) -> None:
    compare_chains(chain, plan, _FewestHops)


@checked
def check_within_two(
    within_two: Callable[[Any, Any, Any], Any],
    network: Network,
    organization: str | None = None,
    source: str | None = None,
) -> None:
    """Check a learner's ``within_two_introductions(contacts, source, colleagues)``.

    ``colleagues`` is the set of ids of the people at an organisation
    (``network.match(organization=...)``). The function must return, for each
    of them other than ``source`` who can be reached with at most two
    introductions (a chain of at most 3 hops), the number of introductions
    needed: 0 for someone ``source`` already knows, 1 or 2 otherwise.

    It is tried first on the practice network, from you and from Ben Ode, who
    works at the target himself (he must not be in his own answer). When it is
    wrong only because the learner's ``degrees_of_separation`` or
    ``shortest_chain`` is, the message says so.

    Parameters
    ----------
    within_two : callable
        The learner's function.
    network : Network
    organization : str, optional
        The target organisation; by default the three organisations with the
        most people in ``network`` are each tried in turn, and then the
        source's own organisation.
    source : str, optional
        The learner (``network.me``) by default.

    Raises
    ------
    CheckFailed
        Naming a person who is missing, should not be there, or needs a
        different number of introductions.
    """
    start = _source(network, source)
    if organization is None:
        counts = Counter(o for o in network.people["organization"] if o)
        organizations = [o for o, _ in counts.most_common(3)]
        own = network.person(start).organization
        if own and own not in organizations:
            organizations.append(own)
    else:
        organizations = [organization]
    plan = [
        (_PRACTICE, "me", "Borealis Labs"),
        (_PRACTICE, "ben", "Borealis Labs"),
        *((network, start, target) for target in organizations),
    ]

    def run() -> None:
        for net, begin, target in plan:
            _compare_within_two(within_two, net, begin, target)

    blame_earlier(run, within_two, _degrees_part(network, start), _chain_part(network, start))
    passed(
        "within_two_introductions finds exactly the people you can meet with at most "
        "two introductions."
    )


def _compare_within_two(
    within_two: Callable[[Any, Any, Any], Any], network: Network, source: str, organization: str
) -> None:
    colleagues = set(network.match(organization=organization))
    if not colleagues:
        fail(f"Nobody in this network works at {organization!r}; check the name.")
    where = f"{_label(network)}, for {organization}"
    if source != network.me:
        where += f" and from {person_name(network, source)} ({source!r}), who works there"
    result = call_on_copies(
        within_two,
        [fresh(contact_lists(network)), source, set(colleagues)],
        "within_two_introductions(contacts, source, colleagues)",
        ["contacts", "source", "colleagues"],
    )
    expect_type(
        result,
        Mapping,
        f"{where}: within_two_introductions",
        "a dict that maps each person's id to the number of introductions needed",
    )
    reach = _distances(network, source, cutoff=3)
    expected = {p: reach[p] - 1 for p in colleagues if p in reach and p != source}
    for person in result:
        if person == source:
            fail(
                f"{where}: leave {person_name(network, source)} out; nobody needs an "
                "introduction to themselves, even when they work at the target."
            )
        if person not in colleagues:
            fail(
                f"{where}: your answer includes {person_name(network, person)}, who does not "
                f"work at {organization}."
            )
        if person not in expected:
            far = _distances(network, source).get(person)
            how = (
                "cannot be reached at all"
                if far is None
                else f"needs {plural(far - 1, 'introduction')}"
            )
            fail(f"{where}: {person_name(network, person)} {how}, so leave them out.")
    for person in sorted(expected, key=lambda p: (expected[p], p)):
        chain = chain_text(network, _a_shortest_chain(network, source, person))
        if person not in result:
            fail(
                f"{where}: {person_name(network, person)} works at {organization} and "
                f"needs {plural(expected[person], 'introduction')} ({chain}), but "
                "your answer leaves them out."
            )
        if result[person] != expected[person]:
            hint = "Someone you already know needs 0."
            if result[person] == expected[person] + 1:
                hint = "Count introductions (people in between): one fewer than the hops."
            fail(
                f"{where}: {person_name(network, person)} needs "
                f"{plural(expected[person], 'introduction')} ({chain}), but your "
                f"answer says {brief(result[person])}. {hint}"
            )


_PRACTICE = practice_network()
