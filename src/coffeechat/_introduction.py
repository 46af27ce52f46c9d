"""The message to your own contact asking for an introduction, and its review.

When the person you hope to meet is two hops away, the first message goes
to *your* contact, never to the stranger: you ask whether they would
introduce you (or let you use their name). "X suggested I write to you" is
written only once X knows the person and has agreed. The review here reads
that first message; :func:`name_drop_finding` catches the opposite mistake,
a request that names as its connection someone who does not know the reader.

Import these from :mod:`coffeechat.outreach`.
"""

from __future__ import annotations

import re

from coffeechat._review import (
    Finding,
    Review,
    ask_question_finding,
    fold,
    lower_words,
    no_job_words_finding,
    note_body,
    quote,
    require_text,
    split_sentences,
    word_list,
)
from coffeechat.contacts import Network
from coffeechat.errors import InvalidParameter

#: Word limit for the message to your contact, the blurb included.
MAX_INTRODUCTION_WORDS = 180
#: Word limit for the short blurb your contact can forward.
MAX_BLURB_WORDS = 75
_MIN_BLURB_WORDS = 12

_EXPLORE = re.compile(
    r"\b(?:exploring|explore|curious\s+about|interested\s+in|moving\s+into|move\s+into|"
    r"switch(?:ing)?\s+(?:in)?to|learn(?:ing)?\s+(?:more\s+)?about|looking\s+into|"
    r"thinking\s+about|career\s+in|changing\s+to|heading\s+into|getting\s+into)\s+"
    r"(?P<what>[^.?!;\n]{3,120})",
    re.IGNORECASE,
)
# fmt: off
_GENERIC = frozenset([
    "a", "an", "the", "your", "you", "my", "me", "i", "it", "this", "that", "and", "or", "of",
    "in", "at", "on", "for", "to", "with", "about", "more", "career", "careers", "work",
    "field", "fields", "role", "roles", "job", "jobs", "things", "thing", "options", "what",
    "something", "new", "next", "step", "steps", "change", "possibilities", "ideas", "some",
])
# fmt: on
_MEET = re.compile(
    r"\b(?:meet|talk(?:ing)?\s+(?:with|to)|speak(?:ing)?\s+(?:with|to)|chat(?:ting)?\s+with|"
    r"introduc\w*|put\s+(?:me|us)\s+in\s+touch|connect\s+(?:me|us)|hear\s+from|"
    r"learn\s+from|conversation\s+with|call\s+with)\b",
    re.IGNORECASE,
)
_WHY = re.compile(
    r"\b(?:because|since|as\s+(?:she|he|they)|given|(?:her|his|their)\s+(?:work|team|"
    r"research|path|move|experience|role|projects?|talk|article|post)|who\s+(?:runs|leads|"
    r"works|has|moved|built|manages|is|was|did|made|started|wrote|switched)|"
    r"in\s+particular|especially|so\s+that|the\s+(?:person|one)\s+who)\b",
    re.IGNORECASE,
)
_EASY_NO = re.compile(
    r"\bno\s+(?:worries|pressure|problem|obligation)\b|\b(?:rather|prefer)\s+not\b|"
    r"\bfeel\s+free\s+to\s+say\s+no\b|\b(?:completely|totally|entirely|perfectly|quite)\s+"
    r"(?:fine|ok(?:ay)?|all\s+right|understandable)\b|\bi\s+(?:will|would|'d|’d)?\s*"
    r"(?:completely\s+|fully\s+|quite\s+)?understand\b|\bif\s+(?:it'?s|it\s+is|that'?s|that\s+is)"
    r"\s+(?:not|awkward|a\s+stretch|too\s+much)\b|\bif\s+not\b|\bsay\s+no\b|"
    r"\bdon'?t\s+know\s+(?:her|him|them)\s+well\b",
    re.IGNORECASE,
)
_ASK_INTRO = re.compile(
    r"\b(?:introduc\w*|put\s+(?:me|us)\s+in\s+touch|connect\s+(?:me|us)|mention\s+your\s+name|"
    r"use\s+your\s+name|pass\s+(?:this|it|my\s+note|a\s+note)\s+(?:on|along)|forward)\b",
    re.IGNORECASE,
)
_FORWARD = re.compile(
    r"\b(?:forward(?:ed|able)?|pass\s+(?:\w+\s+)?(?:on|along)|blurb|copy\s+and\s+paste|paste|"
    r"send\s+(?:it\s+)?on)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“]([^\"“”]{20,})[\"”]")
_SUGGESTED = (
    r"\s+(?:suggested|referred|recommended|mentioned|pointed\s+me|gave\s+me\s+your|"
    r"told\s+me|thought\s+(?:we|you|i))"
)


def _blurb(body: str) -> str | None:
    """The forwardable blurb: quoted text, or the paragraph after the one offering it."""
    paragraphs = body.split("\n\n")
    offers = [i for i, p in enumerate(paragraphs) if _FORWARD.search(p)]
    # A paragraph that ends in a colon introduces the blurb; try those first.
    offers.sort(key=lambda i: not paragraphs[i].rstrip().endswith(":"))
    for i in offers:
        paragraph = paragraphs[i]
        quoted = _QUOTED.search(paragraph) or (
            _QUOTED.search(paragraphs[i + 1]) if i + 1 < len(paragraphs) else None
        )
        if quoted:
            return quoted.group(1).strip()
        if i + 1 < len(paragraphs):
            return paragraphs[i + 1].strip()
    return None


def review_introduction_request(
    text: str, *, target: str | None = None, max_words: int = MAX_INTRODUCTION_WORDS
) -> Review:
    """Check the message to your own contact that asks for an introduction.

    The rules:

    ``word-count``
        Fewer than ``max_words`` words (the blurb included), greeting and
        sign-off left out.
    ``no-job-words``
        No job, position, opening, hiring, résumé or CV: you ask for a
        conversation, and so does the blurb your contact forwards.
    ``what-you-explore``
        Says what you are exploring, specifically ("a move into UX research").
    ``whom-and-why``
        Names whom you hope to meet and why them in particular.
    ``ask-is-a-question``
        The ask — to introduce you, or to let you use their name — is a question.
    ``easy-no``
        Gives an easy way to say no ("no worries at all if not").
    ``forwardable-blurb``
        Offers a short blurb (under :data:`MAX_BLURB_WORDS` words) your contact
        can forward as it is.

    Parameters
    ----------
    text : str
        The draft, greeting and sign-off included.
    target : str, optional
        Whom you hope to meet (their name or organisation); when given,
        ``whom-and-why`` looks for it.
    max_words : int, default 180

    Returns
    -------
    Review

    Examples
    --------
    >>> result = review_introduction_request(
    ...     "Hi Priya, could you introduce me to someone at Glasswing Labs? Thanks!"
    ... )
    >>> [f.rule for f in result.failures]  # doctest: +NORMALIZE_WHITESPACE
    ['what-you-explore', 'whom-and-why', 'easy-no', 'forwardable-blurb']
    """
    require_text(text, "text")
    if isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1:
        raise InvalidParameter(f"max_words must be a positive whole number, not {max_words!r}")
    if target is not None:
        require_text(target, "target")
        if not word_list(target):
            raise InvalidParameter("target is empty; leave it out or name them")
    body = note_body(text)
    sentences = split_sentences(body)
    blurb = _blurb(body)
    findings = (
        _word_count(body, max_words),
        no_job_words_finding(
            body,
            "No mention of jobs — you ask for a conversation.",
            "leave jobs out, here and in the blurb — your contact can vouch for your "
            "curiosity, not for a job application.",
        ),
        _what_you_explore(body),
        _whom_and_why(sentences, target),
        ask_question_finding(
            [s for s in sentences if _ASK_INTRO.search(s)],
            "“Would you be willing to introduce us, or let me mention your name?”",
            "There is no ask; end with a question such as “Would you be willing to introduce us?”",
        ),
        _easy_no(body),
        _forwardable(blurb),
    )
    return Review("message to your contact", findings)


def _word_count(body: str, max_words: int) -> Finding:
    n = len(word_list(body))
    if n == 0:
        return Finding("word-count", False, "The message is empty.")
    if n < max_words:
        return Finding("word-count", True, f"{n} words — short enough to read and act on.")
    return Finding(
        "word-count",
        False,
        f"Your message is {n} words; aim for under {max_words}: what you are exploring, whom "
        "you hope to meet and why, the ask, an easy no, and the blurb.",
    )


def _what_you_explore(body: str) -> Finding:
    for m in _EXPLORE.finditer(body):
        what = m.group("what").strip()
        if any(w not in _GENERIC and not w.isdigit() for w in lower_words(what)):
            return Finding(
                "what-you-explore", True, f"It says what you explore: {quote(what, 50)}."
            )
    return Finding(
        "what-you-explore",
        False,
        "Say what you are exploring, specifically — e.g. “I am exploring a move into UX "
        "research” — so your contact knows why the introduction makes sense.",
    )


def _whom_and_why(sentences: list[str], target: str | None) -> Finding:
    for i, sentence in enumerate(sentences):
        if target is not None:
            names_whom = fold(target) in fold(sentence) or any(
                fold(part) in fold(sentence) for part in target.split()[:1] if len(part) > 2
            )
        else:
            names_whom = bool(_MEET.search(sentence))
        if not names_whom:
            continue
        nearby = " ".join(sentences[i : i + 2])
        if _WHY.search(nearby):
            return Finding("whom-and-why", True, f"It names whom and why: {quote(sentence)}.")
        return Finding(
            "whom-and-why",
            False,
            f"You name whom you hope to meet ({quote(sentence, 40)}) but not why them; add "
            "what in their work draws you, e.g. “because her team runs the studies I read about”.",
        )
    whom = f"{target}" if target is not None else "the person you hope to meet"
    return Finding(
        "whom-and-why",
        False,
        f"Name {whom} and why them in particular, so your contact can judge the introduction.",
    )


def _easy_no(body: str) -> Finding:
    m = _EASY_NO.search(body)
    if m:
        return Finding("easy-no", True, f"It makes saying no easy: “{m.group(0)}”.")
    return Finding(
        "easy-no",
        False,
        "Give your contact an easy way to say no, e.g. “No worries at all if you would rather "
        "not, or don't know her well.”",
    )


def _forwardable(blurb: str | None) -> Finding:
    if blurb is None:
        return Finding(
            "forwardable-blurb",
            False,
            "Add a short blurb your contact can forward as it is (“Here is a note you could "
            "forward:” then two or three sentences about you and your question).",
        )
    n = len(word_list(blurb))
    if n < _MIN_BLURB_WORDS:
        return Finding(
            "forwardable-blurb",
            False,
            f"The blurb ({quote(blurb, 40)}) is {n} words; say who you are, what you explore "
            "and what you would ask, in two or three sentences.",
        )
    if n >= MAX_BLURB_WORDS:
        return Finding(
            "forwardable-blurb",
            False,
            f"The blurb is {n} words; keep it under {MAX_BLURB_WORDS} so it can be forwarded "
            "as it is.",
        )
    return Finding("forwardable-blurb", True, f"A {n}-word blurb to forward: {quote(blurb, 40)}.")


def name_drop_finding(network: Network, recipient: str, text: str) -> Finding:
    """Whether every person the request names as its connection knows the recipient.

    A name from your network in the note, written as a connection ("Soo-ah
    Pham suggested I write to you") or in full anywhere, must be someone who
    knows ``recipient``: otherwise the reader meets a name they cannot place,
    and your contact is named without having agreed.

    Parameters
    ----------
    network : Network
    recipient : str
        The id of the person the request goes to.
    text : str
        The request.

    Returns
    -------
    Finding
        Rule ``connection-knows-reader``.
    """
    require_text(text, "text")
    if not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")
    reader = network.person(recipient)
    folded = f" {fold(note_body(text))} "
    named = []
    for pid in network.neighbors(network.me):
        if pid == recipient:
            continue
        name = network.person(pid).name
        first = name.split()[0] if name.split() else ""
        full = f" {fold(name)} " in folded
        as_connection = bool(first) and re.search(
            rf"\b{re.escape(first)}{_SUGGESTED}", text, re.IGNORECASE
        )
        if full or as_connection:
            named.append(pid)
    strangers = [p for p in named if network.tie(p, recipient) is None]
    if strangers:
        who = network.person(strangers[0]).name
        return Finding(
            "connection-knows-reader",
            False,
            f"{who} does not know {reader.name}: ask {who} for an introduction first (the "
            f"message to your contact), and write “{who} suggested I write” only once they "
            f"know each other and {who.split()[0]} has agreed.",
        )
    if named:
        who = " and ".join(network.person(p).name for p in named)
        verb = "knows" if len(named) == 1 else "know"
        return Finding(
            "connection-knows-reader", True, f"{who} {verb} {reader.name}: a fair connection."
        )
    return Finding("connection-knows-reader", True, "It names nobody as a go-between.")
