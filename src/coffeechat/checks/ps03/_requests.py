"""Assignment 3, part (c): the learner's own request, and its checks.

A request to someone two introductions away, naming the introducer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from coffeechat.checks._core import (
    call,
    checked,
    expect_type,
    fail,
    passed,
    plural,
)
from coffeechat.checks.ps03._emails import (
    folded,
    one_line,
    reference_count,
    reference_first_sentence,
)
from coffeechat.contacts import Network
from coffeechat.errors import CheckFailed, CoffeeChatError
from coffeechat.outreach import MAX_WORDS, review_request
from coffeechat.paths import introducers


# ------------------------------------------------------------ part (c)
@checked
def two_hop_targets(network: Network, *, source: str | None = None, n: int = 4) -> list[str]:
    """Ids of people two hops from ``source`` (some with several possible introducers).

    Examples
    --------
    >>> from coffeechat.datasets import load_sample_network
    >>> two_hop_targets(load_sample_network(), n=2)
    ['amara-nwosu', 'camila-larsen']
    """
    from coffeechat.paths import reach

    source = network.me if source is None else source
    found = sorted(
        p for p, ids in reach(network, source=source, max_hops=2).items() if len(ids) == 3
    )
    mine = set(network.neighbors(source))
    shared = {p: len(mine & set(network.neighbors(p))) for p in found}
    one = [p for p in found if shared[p] == 1]
    many = [p for p in found if shared[p] > 1]
    picked: list[str] = []
    while len(picked) < n and (one or many):
        for pool in (one, many):
            if pool and len(picked) < n:
                picked.append(pool.pop(0))
    return picked


def _introducer_names(network: Network, target: str, source: str | None = None) -> list[str]:
    source = network.me if source is None else source
    try:
        chains = introducers(network, source=source, target=target, max_hops=2)
    except CoffeeChatError:
        return []
    return [c.introducer.name for c in chains if c.hops == 2]


def _review_request(text: str, target_name: str, names: list[str], what: str) -> None:
    """Fail with the first thing the review or the introducer rule finds wrong."""
    if not names:
        raise CheckFailed(f"{target_name} is not two hops from you; pick someone who is.")
    first = reference_first_sentence(text)
    if not any(folded(n) in folded(first) for n in names):
        others = " or ".join(names[1:3])
        also = f" (or {others})" if others else ""
        elsewhere = any(folded(n) in folded(text) for n in names)
        fail(
            f"The first sentence of {what} should say who suggested you write: "
            f"{names[0]}{also}"
            + (" — move the name there from later on." if elsewhere else ".")
            + f" It is now: {one_line(first, 70)}"
        )
    who = next(n for n in names if folded(n) in folded(first))
    review = review_request(text, connection=who)
    for finding in review.findings:
        if not finding.passed:
            subject = f"{what[0].upper()}{what[1:]}"
            counted = re.search(r"(\d+) words", finding.message)
            if finding.rule == "word-count" and counted:
                hint = finding.message.partition(" \N{EM DASH} ")[2].rstrip(".")
                fail(
                    f"{subject} is {counted.group(1)} words (greeting and sign-off not "
                    f"counted); the rule is under {MAX_WORDS}"
                    + (f" \N{EM DASH} {hint}." if hint else ".")
                )
            fail(f"{subject}: {finding.message}")
    lines = text.strip().splitlines()
    given = target_name.split()[0]
    if not lines or folded(given) not in folded(lines[0]):
        fail(
            f"Greet {target_name} by name on the first line (e.g. “Hi {given},”): a "
            "stranger reads a named greeting as meant for them."
        )


@checked
def check_own_request(my_request: Any, network: Network, target: str) -> None:
    """Check (c1): the request to ``target`` passes the review and names the introducer."""
    if not isinstance(my_request, str):
        expect_type(my_request, str, "my_request", "your email as a string (in quotes)")
    person = network.person(target)
    if "YOUR EMAIL" in my_request.upper() or not my_request.strip():
        fail(f"my_request is still empty: write your email to {person.name} between the quotes.")
    names = _introducer_names(network, target)
    _review_request(my_request, person.name, names, f"your email to {person.name}")
    words = reference_count(my_request)
    passed(
        f"Your {words}-word email to {person.name} keeps every rule and opens with "
        f"{next(n for n in names if folded(n) in folded(my_request))}."
    )


@checked
def check_draft_request(
    draft_request: Any, network: Network, targets: Iterable[str] | None = None
) -> None:
    """Check (c2): ``draft_request(network, target)`` : a good request to anyone 2 hops away."""
    targets = two_hop_targets(network) if targets is None else list(targets)
    for target in targets:
        person = network.person(target)
        text = call(draft_request, [network, target], f"draft_request(network, {target!r})")
        expect_type(text, str, "draft_request", "the email as a string")
        names = _introducer_names(network, target)
        _review_request(text, person.name, names, f"the draft to {person.name}")
    passed(
        f"draft_request writes a request that keeps every rule for "
        f"{plural(len(targets), 'person', 'people')}."
    )
