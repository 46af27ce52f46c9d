"""The message to your own contact asking for an introduction, and the name-drop check."""

from __future__ import annotations

import pytest

import coffeechat as cc
from coffeechat.errors import InvalidParameter
from coffeechat.outreach import (
    MAX_BLURB_WORDS,
    name_drop_finding,
    review_introduction_request,
    review_request_for,
)

GOOD = {
    "named-person": (
        "Hi Priya,\n\nI hope the new term is going well. I am exploring a move into UX "
        "research, and I would love to talk with Ines Quarry at Glasswing Labs, because her "
        "team runs the diary studies I keep reading about. Would you be willing to introduce "
        "us, or let me mention your name? No worries at all if you would rather not.\n\n"
        'Here is a short note you could forward:\n\n"Sam Rivera, a former classmate of mine, '
        "is exploring a move into UX research and would value 20 minutes with Ines to hear "
        'how her team plans its diary studies."\n\nThank you!\nSam'
    ),
    "someone-at": (
        "Dear Tomás,\n\nI am curious about clinical data science, and I hope to speak with "
        "someone at Copperfield Health, since their analytics team publishes the hospital "
        "audits I admire. Do you know anyone there, and could you put me in touch? I "
        "completely understand if that is a stretch.\n\nA blurb you can pass on as it is:\n\n"
        "Dana is moving into clinical data science after five years in retail analytics, and "
        "would welcome a 20-minute call about how Copperfield's audits are built.\n\nBest,\nDana"
    ),
    "permission-to-name": (
        "Hello Ngozi,\n\nI am looking into policy research on public transport, and I would "
        "like to meet Oren Abara, who leads the rider surveys at Marbleway Transit. Could I use "
        "your name when I write to him, or would you rather forward a short note? Feel free "
        'to say no.\n\nIf it helps, here is something to forward: "Ayşe Ulloa studies transit '
        "policy and would be grateful for 20 minutes to hear how Marbleway designs its rider "
        'surveys."\n\nThanks,\nAyşe'
    ),
}

#: Bad messages, each with the rule that catches it and words its message must hold.
BAD = {
    "no-blurb": (
        GOOD["named-person"].split("Here is")[0] + "Thank you!\nSam",
        "forwardable-blurb",
        "blurb your contact can forward",
    ),
    "blurb-too-long": (
        GOOD["named-person"].replace(
            "to hear how her team plans its diary studies.",
            "to hear how her team plans its diary studies. " + "Sam has run many surveys. " * 16,
        ),
        "forwardable-blurb",
        f"under {MAX_BLURB_WORDS}",
    ),
    "no-easy-no": (
        GOOD["named-person"].replace(" No worries at all if you would rather not.", ""),
        "easy-no",
        "easy way to say no",
    ),
    "asks-for-a-job": (
        GOOD["named-person"].replace(
            "would value 20 minutes with Ines", "would like Ines to pass on my CV for a job"
        ),
        "no-job-words",
        "“CV” and “job”",
    ),
    "no-why": (
        GOOD["named-person"].replace(
            ", because her team runs the diary studies I keep reading about", ""
        ),
        "whom-and-why",
        "but not why them",
    ),
    "nobody-named": (
        "Hi Priya,\n\nI am exploring a move into UX research. Would you be willing to help "
        'me? No worries at all if not.\n\nHere is a short note you could forward:\n\n"Sam is '
        "exploring a move into UX research and would value 20 minutes with someone who does "
        'that work, to hear how they got started."\n\nThanks,\nSam',
        "whom-and-why",
        "Name the person you hope to meet",
    ),
    "nothing-explored": (
        GOOD["named-person"]
        .replace("I am exploring a move into UX research, and I", "I")
        .replace("is exploring a move into UX research and", "is keen and"),
        "what-you-explore",
        "Say what you are exploring",
    ),
    "ask-not-a-question": (
        GOOD["named-person"].replace(
            "Would you be willing to introduce us, or let me mention your name?",
            "Please introduce us this week.",
        ),
        "ask-is-a-question",
        "is a statement",
    ),
    "too-long": (
        GOOD["named-person"].replace(
            "I hope the new term is going well.", "I hope the new term is going well. " * 20
        ),
        "word-count",
        "aim for under 180",
    ),
}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_messages_pass_every_rule(name: str) -> None:
    """A message that explores, names whom and why, asks, eases a no and offers a blurb passes."""
    result = review_introduction_request(GOOD[name])
    assert result.passed, str(result)
    assert result.rules == (
        "word-count",
        "no-job-words",
        "what-you-explore",
        "whom-and-why",
        "ask-is-a-question",
        "easy-no",
        "forwardable-blurb",
    )


def test_the_bank_is_full() -> None:
    """At least eight bad messages and three good ones."""
    assert len(BAD) >= 8 and len(GOOD) >= 3


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_mistake_is_caught_by_its_rule_in_one_sentence(name: str) -> None:
    """Each bad message fails its rule, with a message that names the problem and the fix."""
    text, rule, words = BAD[name]
    result = review_introduction_request(text)
    assert not result.passed
    assert rule in [f.rule for f in result.failures], str(result)
    assert words in result[rule].message, result[rule].message
    assert str(result).startswith("message to your contact: ")


def test_the_target_is_looked_for_by_name() -> None:
    """With target=, whom-and-why looks for that person, not just anyone."""
    text = GOOD["named-person"]
    assert review_introduction_request(text, target="Ines Quarry")["whom-and-why"].passed
    other = review_introduction_request(text, target="Oren Abara")["whom-and-why"]
    assert not other.passed and "Oren Abara" in other.message


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"text": 3}, "text must be a string"), ({"text": "Hi", "target": " "}, "target is empty")],
)
def test_bad_arguments_are_refused(kwargs, message) -> None:
    """Wrong arguments give InvalidParameter in words."""
    with pytest.raises(InvalidParameter, match=message):
        review_introduction_request(**kwargs)


# ------------------------------------------------------------------ name-drop

_NET = cc.Network(
    [
        cc.Person("me", "Sam Rivera"),
        cc.Person("soo-ah", "Soo-ah Pham", "Acme"),
        cc.Person("kofi", "Kofi Mensah", "Acme"),
        cc.Person("ines", "Ines Quarry", "Glasswing Labs", "UX Researcher"),
    ],
    [
        cc.Tie("me", "soo-ah", 0.8, "friend"),
        cc.Tie("me", "kofi", 0.5, "colleague"),
        cc.Tie("kofi", "ines", 0.6, "former colleague"),
        cc.Tie("me", "ines", 0.2, "online"),
    ],
)
_REQUEST = (
    "Dear Ines,\n\n{who} suggested I write to you. Your team's diary studies at Glasswing "
    "Labs caught my eye, and I am curious about how you plan them. Would you have 20 "
    "minutes in the next few weeks to tell me how you got started?\n\nThank you."
)


@pytest.mark.parametrize(
    ("who", "passed", "words"),
    [
        ("Soo-ah Pham", False, "Soo-ah Pham does not know Ines Quarry"),
        ("Soo-ah", False, "ask Soo-ah Pham for an introduction first"),
        ("Kofi Mensah", True, "Kofi Mensah knows Ines Quarry"),
        ("A classmate", True, "names nobody"),
    ],
)
def test_a_name_drop_of_someone_who_does_not_know_the_reader_is_flagged(
    who: str, passed: bool, words: str
) -> None:
    """Naming as the connection someone who does not know the reader fails; a real link passes."""
    text = _REQUEST.format(who=who)
    finding = name_drop_finding(_NET, "ines", text)
    assert finding.rule == "connection-knows-reader"
    assert finding.passed is passed and words in finding.message, finding.message
    review = review_request_for(_NET, "ines", text)
    assert review["connection-knows-reader"] == finding
    assert review.rules[:-1] == cc.review_request(text).rules
