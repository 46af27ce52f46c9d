"""Comparing a learner's chain search with a right one: shared by Assignments 1 and 2.

Both assignments ask for a function ``f(data, source, target)`` that returns a
chain of person ids from ``source`` to ``target``: ``[source]`` when they are
the same person, None when no chain exists, and otherwise a best chain, by
fewest hops in Assignment 1 and by strongest ties in Assignment 2. The loop
over a plan of networks and targets, and the first questions (the same
person? anyone to reach? any chain at all?), are the same for both and live
here; each assignment says in a :class:`ChainSearch` what its function is
given, a right chain, and how a learner's chain is judged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from coffeechat.checks._chain_words import chain_text, person_name
from coffeechat.checks._core import brief, fail
from coffeechat.checks._inputs import call_on_copies
from coffeechat.contacts import Network

__all__ = ["ChainSearch", "compare_chains"]

#: One step of a plan: a network, the source, and the targets to ask for chains to.
Plan = Sequence[tuple[Network, str, Sequence[str]]]


class ChainSearch:
    """One network searched from one source, as a check of a chain search sees it.

    A subclass names the learner's function, gives its first argument, says
    who can be reached and a right chain to them, and judges a learner's
    chain that is not None.

    Parameters
    ----------
    network : Network
    source : str
        Where every chain starts.
    where : str
        How a message starts, e.g. "In the small practice network".

    Examples
    --------
    >>> from coffeechat.contacts import Person, Tie
    >>> net = Network([Person("me", "Sam"), Person("ana", "Ana Ruiz")],
    ...               [Tie("me", "ana", 0.8)], me="me")
    >>> class Direct(ChainSearch):
    ...     function, data_name = "direct_chain", "ties"
    ...     def argument(self): return {"me": ["ana"], "ana": ["me"]}
    ...     def reaches(self, target): return True
    ...     def right_chain(self, target): return [self.source, target]
    ...     def judge(self, result, target): pass
    >>> compare_chains(lambda ties, s, t: [s], [(net, "me", ["me"])],
    ...                lambda n, s: Direct(n, s, "Here"))
    >>> try:
    ...     compare_chains(lambda ties, s, t: None, [(net, "me", ["ana"])],
    ...                    lambda n, s: Direct(n, s, "Here"))
    ... except AssertionError as err:
    ...     print(err)
    Here, your function found no chain to Ana Ruiz, but there is one: you → Ana Ruiz.
    >>> try:
    ...     compare_chains(lambda ties, s, t: [], [(net, "me", ["me"])],
    ...                    lambda n, s: Direct(n, s, "Here"))
    ... except AssertionError as err:
    ...     print(err)
    Here, the chain from you to yourself is just ['me'], but your function returned [].
    """

    #: The learner's function, as messages name it.
    function: ClassVar[str] = "chain"
    #: The name of its first argument.
    data_name: ClassVar[str] = "data"
    #: What follows "nobody ... can reach knows X" before ": return None".
    no_chain: ClassVar[str] = ", so there is no chain"

    def __init__(self, network: Network, source: str, where: str) -> None:
        self.network = network
        self.source = source
        self.where = where

    def argument(self) -> object:
        """The first argument the learner's function is given."""
        raise NotImplementedError

    def reaches(self, target: str) -> bool:
        """Whether any chain leads from the source to ``target``."""
        raise NotImplementedError

    def right_chain(self, target: str) -> list[str]:
        """A best chain to ``target``, who can be reached."""
        raise NotImplementedError

    def judge(self, result: Any, target: str) -> None:
        """Fail unless ``result`` (not None) is a real and best chain to ``target``."""
        raise NotImplementedError


def compare_chains(
    function: Callable[[Any, Any, Any], Any],
    plan: Plan,
    search: Callable[[Network, str], ChainSearch],
) -> None:
    """Call a learner's chain search on every target of ``plan`` and judge each answer.

    Parameters
    ----------
    function : callable
        The learner's ``f(data, source, target)``; called on copies.
    plan : sequence of (Network, str, sequence of str)
        Each network with its source and the targets to ask for.
    search : callable
        Makes the :class:`ChainSearch` of a network and source.

    Raises
    ------
    CheckFailed
        At the first target whose answer is wrong, naming it.
    """
    for net, begin, ends in plan:
        searched = search(net, begin)
        for end in ends:
            result = call_on_copies(
                function,
                [searched.argument(), begin, end],
                f"{searched.function}({searched.data_name}, {begin!r}, {end!r})",
                [searched.data_name, "source", "target"],
            )
            if end == begin:
                _same_person(searched, result)
            elif not searched.reaches(end):
                if result is not None:
                    fail(
                        f"{searched.where}, nobody {person_name(net, begin)} can reach knows "
                        f"{person_name(net, end)}{searched.no_chain}: return None "
                        f"(your function returned {brief(result)})."
                    )
            elif result is None:
                fail(
                    f"{searched.where}, your function found no chain to "
                    f"{person_name(net, end)}, but there is one: "
                    f"{chain_text(net, searched.right_chain(end))}."
                )
            else:
                searched.judge(result, end)


def _same_person(searched: ChainSearch, result: object) -> None:
    """The chain from the source to the source is just ``[source]``."""
    begin, net = searched.source, searched.network
    if not isinstance(result, list | tuple) or list(result) != [begin]:
        whom = "yourself" if begin == net.me else "themselves"
        fail(
            f"{searched.where}, the chain from {person_name(net, begin)} to {whom} is just "
            f"[{begin!r}], but your function returned {brief(result)}."
        )
