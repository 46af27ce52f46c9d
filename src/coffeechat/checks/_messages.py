"""The words of a check: one problem, at most three examples, under 400 characters.

:func:`fail`, :func:`listing`, :func:`brief` and :func:`arrow_chain` keep a
message to one problem, at most :data:`EXAMPLES` examples and under
:data:`MESSAGE_LIMIT` characters; :func:`passed` is the line of a check that
passes. Rule 4 of the check standard (:mod:`coffeechat.checks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NoReturn

from coffeechat.errors import CheckFailed

__all__ = [
    "EXAMPLES",
    "MESSAGE_LIMIT",
    "arrow_chain",
    "brief",
    "fail",
    "listing",
    "passed",
    "plural",
    "short",
]

#: The longest a check's message may be, in characters.
MESSAGE_LIMIT = 400

#: How many examples a message shows at most.
EXAMPLES = 3


# --------------------------------------------------------------- plumbing
def passed(message: str) -> None:
    """Tell the learner a check passed (stdout: nbgrader reads stderr as a failure)."""
    print(f"\N{CHECK MARK} {message}")


def fail(message: str) -> NoReturn:
    """Raise :class:`CheckFailed` with ``message``, kept under :data:`MESSAGE_LIMIT`.

    Examples
    --------
    >>> try:
    ...     fail("Ana Ruiz is 1 tie from you, but your answer says 2.")
    ... except CheckFailed as err:
    ...     print(err)
    Ana Ruiz is 1 tie from you, but your answer says 2.
    """
    raise CheckFailed(short(message))


def short(message: str, limit: int = MESSAGE_LIMIT) -> str:
    """``message`` cut at a sentence end (or a word) so it has at most ``limit`` characters.

    Examples
    --------
    >>> short("One problem. A long hint " + "x" * 400, limit=40)
    'One problem.'
    """
    if len(message) <= limit:
        return message
    head = message[: limit - 1]
    end = max(head.rfind(". "), head.rfind("? "))
    if end > 0:
        return head[: end + 1]
    return head[: head.rfind(" ")].rstrip(",;") + "\N{HORIZONTAL ELLIPSIS}"


def brief(value: object, width: int = 60, *, quote: bool = True) -> str:
    """A short ``repr`` (or ``str``) of a learner's value, for a message.

    Examples
    --------
    >>> brief(list(range(100)), 20)
    '[0, 1, 2, 3, 4, 5,…'
    >>> brief("Ana")
    "'Ana'"
    """
    text = repr(value) if quote else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\N{HORIZONTAL ELLIPSIS}"


def plural(number: object, word: str, many: str | None = None) -> str:
    """``1 tie``, ``2 ties``: a number with its noun."""
    return f"{number} {word if number == 1 else many or word + 's'}"


def listing(items: Sequence[str], limit: int = EXAMPLES) -> str:
    """At most ``limit`` items, then how many more: a message never lists forty names.

    Examples
    --------
    >>> listing(["Ana", "Ben", "Cy", "Dee", "Eli"])
    'Ana, Ben, Cy and 2 more'
    >>> listing(["Ana", "Ben"])
    'Ana, Ben'
    """
    items = list(items)
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def arrow_chain(labels: Sequence[str], limit: int = 6) -> str:
    """A chain written with arrows, its middle left out when it is long.

    Examples
    --------
    >>> arrow_chain(["you", "Ana", "Ben"])
    'you → Ana → Ben'
    >>> arrow_chain([str(n) for n in range(40)])
    '0 → 1 → 2 → … → 37 → 38 → 39 (39 hops)'
    """
    arrow = " \N{RIGHTWARDS ARROW} "
    labels = [str(label) for label in labels]
    if len(labels) <= limit:
        return arrow.join(labels)
    head, tail = labels[: limit // 2], labels[-(limit // 2) :]
    return (
        f"{arrow.join(head)}{arrow}\N{HORIZONTAL ELLIPSIS}{arrow}{arrow.join(tail)} "
        f"({len(labels) - 1} hops)"
    )
