"""Checks for Assignment 3, *Reaching out* (``ps03-reaching-out``).

Part (a) writes the word-count and job-word rules of a request with regular
expressions, part (b) asks whether the first sentence names the connection,
part (c) is the learner's own request to someone in the sample network (the
library's request review, plus the introducer by name), part (d) sorts a
LAMP list with pandas and part (e) works out the 3B7 dates with
``numpy.busday_offset``. Every check works out the right answer with the
library when it runs; the hidden checks run the same checks on other emails,
other LAMP lists and other holiday calendars.

Examples
--------
>>> from coffeechat.checks import check_word_count
>>> try:
...     check_word_count(lambda text: len(text.split()))
... except AssertionError as err:
...     print(err)  # doctest: +ELLIPSIS
Your count_words says this email is ... words; it is ...
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from coffeechat._args import one_of
from coffeechat.checks._core import (
    Assignment,
    Earlier,
    GradedTest,
    Part,
    blame_earlier,
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
from coffeechat.contacts import Network
from coffeechat.errors import CheckFailed, CoffeeChatError
from coffeechat.outreach import MAX_WORDS, follow_up_dates, job_words, review_request
from coffeechat.paths import introducers
from coffeechat.tracking import make_lamp

__all__ = [
    "ASSIGNMENT",
    "check_draft_request",
    "check_first_sentence",
    "check_job_words",
    "check_lamp_order",
    "check_names_connection",
    "check_own_request",
    "check_three_b_seven",
    "check_too_long",
    "check_word_count",
    "practice_emails",
    "practice_holidays",
    "practice_lamp",
    "reference_first_sentence",
    "two_hop_targets",
]

# ------------------------------------------------------------------ emails
# Each practice email is (text, who suggested writing). They are written to
# tell the usual mistakes apart: curly apostrophes, hyphenated words, dashes
# standing alone, sentences that wrap over lines, greetings in any case.
_EMAILS: tuple[tuple[str, str], ...] = (
    (
        "Hi Amara,\n"
        "Farah Siddiqui suggested that I write to you. Your team’s research on the\n"
        "Pulsewise patient app caught my eye — I’d love to hear how you test ideas\n"
        "with patients. Would you be open to a 20-minute call next week?\n"
        "Best,\nAlex",
        "Farah Siddiqui",
    ),
    (
        "Dear Ms Okafor,\n"
        "I found your name on Brindlewood's alumni page and wondered if you were hiring.\n"
        "My old colleague Kenji Watanabe mentioned your team. I have attached my CV\n"
        "and my résumé; are there any openings or internships?\n"
        "Thanks,\nSam",
        "Kenji Watanabe",
    ),
    (
        "hello Ivana,\n"
        "Rachel Goldberg, my classmate at Northgate, thought we should talk! Your\n"
        "service-design work at Fieldnote Research is exactly what I'm exploring. Could\n"
        "I pick your brain for 15 - 20 minutes? I'm not asking about jobs or Jobsworth\n"
        "positions, just positioned to learn about your reopening project.\n"
        "Alex",
        "Rachel Goldberg",
    ),
    (
        "Hi Camila,\n"
        "Your talk at the Lakemont EdTech meetup stayed with me. Chiara Romano, who\n"
        "works with you at Lumen Classroom, said you might be open to a short chat.\n"
        "Would you have 20 minutes? I know you’re busy; I can work around your\n"
        "schedule. HIRING managers aside, I'm curious about classroom analytics.\n"
        "Warm regards,\nAlex",
        "Chiara Romano",
    ),
    (
        "Dear Dr Hakimi,\n"
        "Fatima Zahra Benali suggested I get in touch? She said you know the\n"
        "Calder Health physiotherapy team well. The job of a patient-experience\n"
        "researcher is new to me, and the hospital's 3.5 million visits a year\n"
        "amazed me. Is a 30-minute coffee possible in May?\n"
        "Kind regards,\nAlex Moreno",
        "Fatima Zahra Benali",
    ),
    (
        "Hi Joon-ho,\n"
        "Maria  Silva and I taught together for six years, and she said you were the\n"
        "person to ask about engineering at Brindlewood Learning. What's it like\n"
        "building tools teachers use every day? Would you have 15–20 minutes?\n"
        "Thank you,\nAlex",
        "Maria Silva",
    ),
    (
        "Hello Mr Feld,\n"
        "I saw your article on clinical informatics. Farah Khan, a friend, said\n"
        "Lucía Moreno knows you well. Could we talk for 20 minutes? Hiring, jobs and\n"
        "CVs aside, I want to learn.\n"
        "Alex",
        "Lucía Moreno",
    ),
)

_GREETINGS = ("Hi", "Hello", "Dear", "hi", "HELLO", "Dear")
_FIRST_NAMES = ("Ana", "Ben", "Chloé", "Dev", "Efua", "Femi", "Grace", "Hugo", "Ines", "Jon")
_INTRODUCERS = (
    "Siobhán Ní Bhriain",
    "Marek Nowak",
    "Yusuf Demir",
    "Grace Mensah",
    "Oliver Brandt",
    "Hana Kobayashi",
)
_OPENERS = (
    "{who} suggested that I write to you.",
    "{who}, a former colleague of mine, thought we should talk!",
    "Would you mind a note from a friend of {who}?",
    "I'm writing at the suggestion of {who}.",
    "Your name came up when I spoke with {who} last week.",
)
_MIDDLES = (
    "Your work on {topic} at {org} caught my eye.",
    "I’m curious how your team approaches {topic}, and the field more broadly.",
    "I heard your talk on {topic} — it changed how I think about {org}.",
    "You've written about {topic}; I'd love to hear what surprised you most.",
    "I saw the opening at {org}, but my question is about {topic}.",
    "Is {org} hiring researchers this year, or taking on interns?",
    "I could send my résumé or CV, if it helps to pick your brains about {topic}.",
    "Your team’s well-known user-research programme drew me in.",
)
_ASKS = (
    "Would you be open to a 20-minute call?",
    "Could we talk for 15–20 minutes in the next few weeks?",
    "Might you have half an hour for a coffee?",
    "Would a 25-minute video call next week suit you?",
)
_TOPICS = ("patient research", "accessible design", "learning analytics", "service design")
_ORGS = ("Pulsewise", "Quillstack", "Verdant Clinics", "Kitewire Surveys", "Calder Health")


@checked
def practice_emails(seed: int | None = None, n: int = 12) -> list[tuple[str, str]]:
    """Emails to try a learner's functions on, each with who suggested writing.

    Without a seed, the fixed practice emails (the visible checks); with a
    seed, ``n`` others made from pieces (the hidden checks).

    Examples
    --------
    >>> len(practice_emails()) > 5, practice_emails(1, 3) == practice_emails(1, 3)
    (True, True)
    """
    if seed is None:
        return list(_EMAILS)
    rng = random.Random(seed)
    emails = []
    for _ in range(n):
        who = rng.choice(_INTRODUCERS)
        name = rng.choice(_FIRST_NAMES)
        opener = rng.choice(_OPENERS).format(who=who)
        fill = {"topic": rng.choice(_TOPICS), "org": rng.choice(_ORGS)}
        middle = " ".join(m.format(**fill) for m in rng.sample(_MIDDLES, 2))
        body = f"{opener} {middle} {rng.choice(_ASKS)}"
        if rng.random() < 0.3:  # a different first sentence that mentions nobody
            body = f"I hope this finds you well. {body}"
        words = body.split(" ")
        lines, line = [], []
        for word in words:  # wrap at about 60 characters, as a mail program does
            if sum(len(w) + 1 for w in line) + len(word) > 60:
                lines.append(" ".join(line))
                line = []
            line.append(word)
        lines.append(" ".join(line))
        greeting = f"{rng.choice(_GREETINGS)} {name},"
        sign_off = rng.choice(["Best,\nAlex", "Thanks,\nAlex", "Alex", "Kind regards,\nSam"])
        emails.append(("\n".join([greeting, *lines, sign_off]), who))
    return emails


_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_GREETING = re.compile(r"\s*(?:hi|hello|dear)\b", re.IGNORECASE)


def _reference_count(text: str) -> int:
    return len(_WORD.findall(text))


def reference_first_sentence(email: str) -> str:
    """The first sentence of an email, after its greeting line, on one line.

    Examples
    --------
    >>> reference_first_sentence("Hi Ana,\\nBen Ode suggested\\nI write. Would you...?")
    'Ben Ode suggested I write.'
    """
    lines = email.strip().splitlines()
    if lines and _GREETING.match(lines[0]):
        lines = lines[1:]
    body = " ".join(" ".join(lines).split())
    end = re.search(r"[.?!](?=\s|$)", body)
    return body[: end.end()] if end else body


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _one_line(text: str, width: int = 70) -> str:
    return brief(" ".join(text.split()), width)


# ------------------------------------------------------------ part (a)
@checked
def check_word_count(count_words: Any, emails: Sequence[tuple[str, str]] | None = None) -> None:
    """Check (a1): ``count_words(text)`` counts words as the rule does.

    A word is a run of letters or digits, which may hold an apostrophe
    (straight or curly) or a hyphen between letters: "I’m", "20-minute" and
    "Joon-ho" are one word each; a dash standing alone is no word.
    """
    emails = practice_emails() if emails is None else emails
    texts = [text for text, _ in emails] + ["", "Hi", "20-minute call — I’m in."]
    for text in texts:
        got = call(count_words, [text], f"count_words({_one_line(text, 30)})")
        if isinstance(got, bool) or not isinstance(got, int | np.integer):
            expect_type(got, (), "count_words", "a whole number (an int)")
        want = _reference_count(text)
        if got != want:
            hint = _count_hint(text, int(got), want)
            fail(
                f"Your count_words says this email is {got} words; it is {want}. {hint} "
                f"The email: {_one_line(text)}"
            )
    passed(f"count_words counts the words of {plural(len(texts), 'text')} as the rule does.")


def _count_hint(text: str, got: int, want: int) -> str:
    if got == len(text.split()):
        return "Splitting on spaces counts a dash standing alone (—) as a word: use re.findall."
    if got == len(re.findall(r"\w+", text)):
        return (
            "“I’m” and “20-minute” are one word each: let a word go on after an "
            "apostrophe (' or ’) or a hyphen."
        )
    if got == len(re.findall(r"\w+(?:['-]\w+)*", text)):
        return "Phones type a curly apostrophe (’): allow ’ as well as ' inside a word."
    if got == len(re.findall(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*", text)):
        return "Accented letters (é, í, ñ) are letters too: \\w matches them, [A-Za-z] does not."
    return "A word is a run of letters or digits, joined by an apostrophe or hyphen."


@checked
def check_too_long(
    too_long: Any, count_words: Any = None, emails: Sequence[tuple[str, str]] | None = None
) -> None:
    """Check (a2): ``too_long(text, limit=75)`` is True when the email is not *under* the limit."""
    emails = practice_emails() if emails is None else emails
    word = "coffee "
    cases: list[tuple[str, int]] = [(word * n, 75) for n in (74, 75, 76)]
    cases += [(word * n, 100) for n in (99, 100)]
    cases += [(text, limit) for text, _ in emails for limit in (40, 75)]
    cases += [(text, _reference_count(text) + d) for text, _ in emails for d in (0, 1)]

    def check() -> None:
        for text, limit in cases:
            got = call(too_long, [text, limit], f"too_long(text, {limit})")
            if not isinstance(got, bool | np.bool_):
                expect_type(got, (), "too_long", "True or False")
            n = _reference_count(text)
            want = n >= limit
            if bool(got) != want:
                rule = "under" if limit == MAX_WORDS else "under the limit of"
                if n == limit:
                    fail(
                        f"An email of exactly {n} words is too long: the rule is {rule} "
                        f"{limit}, so {limit} words is one too many (use >=, not >)."
                    )
                fail(
                    f"too_long says {bool(got)} for an email of {n} words with limit={limit}; "
                    f"the rule is {rule} {limit}, so it should say {want}. Use the limit "
                    "you are given, not a fixed 75."
                )

    if count_words is None:
        check()
    else:
        blame_earlier(
            check,
            too_long,
            Earlier("count_words", "a1", _reference_count, check=check_word_count),
        )
    passed(f"too_long applies the under-{MAX_WORDS} rule (and any other limit).")


@checked
def check_job_words(find_job_words: Any, emails: Sequence[tuple[str, str]] | None = None) -> None:
    """Check (a3): ``find_job_words(text)`` lists every job word, in order, whole words only."""
    emails = practice_emails() if emails is None else emails
    texts = [text for text, _ in emails] + [
        "Your reopening of the lab positioned it well.",
        "Picking your brains about Résumés and CVs",
    ]
    for text in texts:
        got = call(find_job_words, [text], "find_job_words(email)")
        if isinstance(got, str) or not isinstance(got, list | tuple):
            expect_type(got, (), "find_job_words", "a list of the words found")
        want = job_words(text)
        mine = [" ".join(str(w).split()).casefold() for w in got]
        right = [" ".join(w.split()).casefold() for w in want]
        if mine == right:
            continue
        missing = [w for w in want if " ".join(w.split()).casefold() not in mine]
        extra = [str(w) for w in got if " ".join(str(w).split()).casefold() not in right]
        email = _one_line(text, 60)
        if extra:
            inside = [w for w in extra if not re.search(rf"\b{re.escape(w)}\b", text, re.I)]
            why = (
                " — it is part of a longer word; put \\b at both ends of the pattern"
                if inside or any(len(w) < 4 for w in extra)
                else ""
            )
            fail(f"This email does not use {listing(extra)} as a job word{why}. The email: {email}")
        if missing:
            hint = ""
            if any(w[0].isupper() for w in missing):
                hint = " Match any case: re.IGNORECASE."
            elif any(" " in w for w in missing):
                hint = " “pick your brain” is a phrase: match it as one."
            elif any(re.search(r"[éÉ]|s$|ies$", w) for w in missing):
                hint = " Plurals and accented spellings count too (jobs, CVs, résumé)."
            fail(
                f"This email mentions {listing(missing)}, which your list leaves out.{hint} "
                f"The email: {email}"
            )
        if sorted(mine) == sorted(right):
            fail(f"List the job words in the order the email uses them: {listing(want)}.")
        fail(
            f"This email uses {plural(len(want), 'job word')} ({listing(want)}), each time "
            f"it appears; your list has {len(mine)}. The email: {email}"
        )
    passed(f"find_job_words finds every job word in {plural(len(texts), 'text')}.")


# ------------------------------------------------------------ part (b)
@checked
def check_first_sentence(
    first_sentence: Any, emails: Sequence[tuple[str, str]] | None = None
) -> None:
    """Check (b1): ``first_sentence(email)`` skips the greeting and stops at the first . ? or !."""
    emails = practice_emails() if emails is None else emails
    for text, _ in emails:
        got = call(first_sentence, [text], "first_sentence(email)")
        expect_type(got, str, "first_sentence", "the sentence as a string")
        want = reference_first_sentence(text)
        if _folded(got) == _folded(want) or _folded(got) == _folded(want[:-1]):
            continue
        first_line = text.strip().splitlines()[0]
        if _folded(first_line) in _folded(got):
            fail(
                f"Your first sentence starts with the greeting ({first_line.strip()!r}); "
                "leave out a first line that starts with Hi, Hello or Dear (any case). "
                f"It should be: {_one_line(want)}"
            )
        if _folded(want).startswith(_folded(got)):
            fail(
                f"Your first sentence stops too early: {_one_line(got, 40)} — it can go on "
                "over a line break, and ends at . ? or ! followed by a space or the end. "
                f"It should be: {_one_line(want, 60)}"
            )
        if _folded(got).startswith(_folded(want[:-1])):
            fail(
                f"Your first sentence runs on past its end: {_one_line(got, 60)}. It ends at "
                f"the first . ? or ! (followed by a space): {_one_line(want)}"
            )
        fail(f"The first sentence of this email is {_one_line(want)}; yours is {_one_line(got)}.")
    passed(f"first_sentence finds the first sentence of {plural(len(emails), 'email')}.")


def _reference_names(email: str, introducer: str) -> bool:
    return _folded(introducer) in _folded(reference_first_sentence(email))


@checked
def check_names_connection(
    names_connection: Any,
    first_sentence: Any = None,
    emails: Sequence[tuple[str, str]] | None = None,
) -> None:
    """Check (b2): ``names_connection(email, introducer)``: does the first sentence name them?"""
    emails = practice_emails() if emails is None else emails
    cases = [(text, who) for text, who in emails]
    cases += [(text, "Farah Khan") for text, _ in emails[:1]]
    cases += [(text, "Farah Siddiqui") for text, _ in emails[6:7]]
    cases += [(text, who.upper()) for text, who in emails[:1]]

    def check() -> None:
        for text, who in cases:
            got = call(names_connection, [text, who], f"names_connection(email, {who!r})")
            if not isinstance(got, bool | np.bool_):
                expect_type(got, (), "names_connection", "True or False")
            want = _reference_names(text, who)
            if bool(got) == want:
                continue
            first = reference_first_sentence(text)
            if want:
                fail(
                    f"The first sentence ({_one_line(first, 80)}) names {who}, so "
                    "names_connection should say True. Compare ignoring case and line breaks."
                )
            if _folded(who) in _folded(text):
                fail(
                    f"The first sentence should say who suggested you write: {who} — this "
                    f"email names {who} only later, so names_connection should say False. "
                    f"Look in the first sentence only."
                )
            fail(
                f"The first sentence ({_one_line(first, 80)}) does not name {who} (the "
                "whole name), so names_connection should say False."
            )

    if first_sentence is None:
        check()
    else:
        blame_earlier(
            check,
            names_connection,
            Earlier("first_sentence", "b1", reference_first_sentence, check=check_first_sentence),
        )
    passed(f"names_connection is right for {plural(len(cases), 'email')}.")


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
    if not any(_folded(n) in _folded(first) for n in names):
        others = " or ".join(names[1:3])
        also = f" (or {others})" if others else ""
        elsewhere = any(_folded(n) in _folded(text) for n in names)
        fail(
            f"The first sentence of {what} should say who suggested you write: "
            f"{names[0]}{also}"
            + (" — move the name there from later on." if elsewhere else ".")
            + f" It is now: {_one_line(first, 70)}"
        )
    who = next(n for n in names if _folded(n) in _folded(first))
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
    if not lines or _folded(given) not in _folded(lines[0]):
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
    words = _reference_count(my_request)
    passed(
        f"Your {words}-word email to {person.name} keeps every rule and opens with "
        f"{next(n for n in names if _folded(n) in _folded(my_request))}."
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


# ------------------------------------------------------------ part (d)
@checked
def practice_lamp(seed: int | None = None, n: int = 45) -> pd.DataFrame:
    """A LAMP list to sort: Alex's (no seed) or another one, as pd.read_csv gives it."""
    from coffeechat.datasets import load_sample_lamp, make_lamp_list

    if seed is None:
        return load_sample_lamp()
    lamp = make_lamp_list(n, seed=seed)
    return lamp.assign(advocacy=[float("nan") if blank(a) else a for a in lamp["advocacy"]])


@checked
def check_lamp_order(sort_lamp: Any, lamp: pd.DataFrame) -> None:
    """Check (d): ``sort_lamp(lamp)`` puts employers in LAMP order (M, then P, then A)."""
    original = lamp.copy()
    got = call(sort_lamp, [lamp.copy()], "sort_lamp(lamp)")
    expect_type(
        got,
        pd.DataFrame,
        "sort_lamp",
        "the sorted LAMP list as a DataFrame",
        advice="sort_values returns a new table: return it.",
    )
    if "employer" not in got.columns:
        fail(
            "Your sorted list has no 'employer' column; its columns are "
            f"{listing(list(got.columns))}."
        )
    want = list(make_lamp(original, min_employers=0)["employer"])
    mine = [str(e) for e in got["employer"]]
    if sorted(mine) != sorted(want):
        lost = [e for e in want if e not in mine]
        fail(
            f"Your sorted list has {len(mine)} employers; the list has {len(want)}. Keep "
            f"every row (a blank advocacy means no, not a row to drop): {listing(lost)} "
            "went missing."
        )
    if mine == want:
        passed(f"sort_lamp puts all {len(want)} employers in LAMP order.")
        return
    known = _known_wrong_order(original, mine)
    if known:
        fail(known)
    reference = make_lamp(original, min_employers=0).set_index("employer")
    at = next(i for i, (a, b) in enumerate(zip(mine, want, strict=True)) if a != b)
    a, b = reference.loc[mine[at]], reference.loc[want[at]]

    def describe(name: str, row: pd.Series) -> str:
        yes = "a contact" if row["advocacy"] else "no contact"
        return f"{name} (M {row['motivation']}, P {row['posting']}, {yes})"

    if (a["motivation"], a["posting"], a["advocacy"]) == (
        b["motivation"],
        b["posting"],
        b["advocacy"],
    ):
        reason = (
            "they score the same, so they keep the order of the list you were given "
            "(a stable sort: kind='stable')"
        )
    elif a["motivation"] < b["motivation"]:
        reason = "Motivation comes first, highest first (ascending=False)"
    elif a["motivation"] == b["motivation"] and a["posting"] < b["posting"]:
        reason = "with equal Motivation, Posting decides, highest first"
    elif (a["motivation"], a["posting"]) == (b["motivation"], b["posting"]):
        reason = (
            "with equal Motivation and Posting, an employer where you have a contact comes "
            "first: turn advocacy into True/False (yes or y, any case) before sorting"
        )
    else:
        reason = "sort by motivation, then posting, then advocacy — in that order"
    fail(
        f"At rank {at + 1} your list has {describe(mine[at], a)}, but "
        f"{describe(want[at], b)} comes first: {reason}."
    )


_LAMP_KEYS = ("motivation", "posting", "advocacy")


def _known_wrong_order(lamp: pd.DataFrame, mine: list[str]) -> str:
    """The message for a sort by the wrong keys, the wrong way or on raw text, or ''."""
    clean = lamp.copy()
    clean["advocacy"] = [
        not blank(a) and str(a).strip().lower() in {"yes", "y", "true", "1"}
        for a in clean["advocacy"]
    ]
    right = "LAMP sorts by Motivation, then Posting, then Advocacy, highest first"
    for keys in itertools.permutations(_LAMP_KEYS):
        for ascending in (False, True):
            order = clean.sort_values(list(keys), ascending=ascending, kind="stable")
            if list(order["employer"]) != mine:
                continue
            if keys == _LAMP_KEYS:
                return f"Your list is upside down: {right} (ascending=False)."
            said = ", then ".join(keys)
            letters = " (the order of the letters in LAMP)" if keys[0] == "advocacy" else ""
            return f"You sorted by {said}{letters}; {right}."
    raw = lamp.sort_values(list(_LAMP_KEYS), ascending=False, kind="stable")
    if list(raw["employer"]) == mine:
        return (
            "Your advocacy is still text, so 'yes' and 'Yes' and 'y' sort apart and blanks "
            "last: turn advocacy into True/False first (yes or y in any case is True)."
        )
    return ""


# ------------------------------------------------------------ part (e)
_HOLIDAYS = {
    "practice": [
        "2025-04-18",
        "2025-04-21",
        "2025-05-05",
        "2025-05-26",
        "2025-12-25",
        "2025-12-26",
    ],
    "harborview-2026": ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-25", "2026-08-31"],
    "lakemont-2026": [
        "2026-01-01",
        "2026-01-19",
        "2026-05-25",
        "2026-07-03",
        "2026-11-26",
        "2026-11-27",
        "2026-12-25",
    ],
}


@checked(calendar=one_of(*_HOLIDAYS))
def practice_holidays(calendar: str = "practice") -> list[str]:
    """A list of holidays (ISO strings) to try the 3B7 dates on."""
    return list(_HOLIDAYS[calendar])


def _as_plain_date(value: object) -> date | None:
    if isinstance(value, np.datetime64):
        if np.isnat(value):
            return None
        return date.fromisoformat(str(value.astype("datetime64[D]")))
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _cases(holidays: Sequence[str]) -> list[str]:
    days = {"2025-03-03", "2025-03-07", "2025-03-08", "2025-03-09", "2025-03-14"}
    for h in holidays:
        day = np.datetime64(h)
        days |= {str(day), str(day - 1), str(day - 3), str(day - 5)}
    return sorted(days)


@checked
def check_three_b_seven(three_b_seven: Any, holidays: Sequence[str]) -> None:
    """Check (e): ``three_b_seven(sent_on, holidays)`` gives the day-3 and day-7 business days."""
    for sent in _cases(holidays):
        try:
            got = call(three_b_seven, [sent, list(holidays)], f"three_b_seven({sent!r}, holidays)")
        except CheckFailed as err:
            if "Non-business day" not in str(err):
                raise
            what = "a weekend day" if date.fromisoformat(sent).weekday() >= 5 else "a holiday"
            fail(
                f"A request sent on {sent} ({what}) stopped np.busday_offset: that day is not "
                "a business day. Pass roll='forward' to count from the next business day."
            )
        if not isinstance(got, tuple | list) or len(got) != 2:
            expect_type(got, (), "three_b_seven", "a pair (second_contact_on, follow_up_on)")
        second, follow = (_as_plain_date(v) for v in got)
        if second is None or follow is None:
            fail(
                f"three_b_seven({sent!r}, ...) gave {brief(got)}; give two dates "
                "(np.busday_offset gives numpy dates, which are fine)."
            )
        want = follow_up_dates(sent, holidays)
        sent_day = date.fromisoformat(sent)
        weekend = sent_day.weekday() >= 5
        off = weekend or sent in holidays
        if (second, follow) == (want.second_contact_on, want.follow_up_on):
            continue
        if (second, follow) == (want.follow_up_on, want.second_contact_on):
            fail("Your pair is the wrong way round: the second contact (day 3) comes first.")
        if off and second < want.second_contact_on:
            what = "a weekend day" if weekend else "a holiday"
            fail(
                f"A request sent on {sent} ({what}) counts from the next business day, so "
                f"day 3 is {want.second_contact_on}, not {second}: use roll='forward'."
            )
        if second != want.second_contact_on:
            missed = [h for h in holidays if sent < h <= str(want.second_contact_on)]
            hint = (
                f" {listing(missed)} {'is a holiday' if len(missed) == 1 else 'are holidays'}: "
                "pass holidays=holidays."
                if missed
                else " Count business days (Monday to Friday): np.busday_offset(sent_on, 3, ...)."
            )
            fail(
                f"For a request sent on {sent}, three business days later is "
                f"{want.second_contact_on}; you give {second}.{hint}"
            )
        missed = [h for h in holidays if sent < h <= str(want.follow_up_on)]
        hint = " pass holidays=holidays." if missed else " use 7 business days."
        fail(
            f"For a request sent on {sent}, seven business days later (the one follow-up) is "
            f"{want.follow_up_on}; you give {follow}:{hint}"
        )
    passed(f"three_b_seven gives the 3B7 dates for {plural(len(_cases(holidays)), 'sending day')}.")


# ------------------------------------------------------------ the assignment
ASSIGNMENT = Assignment(
    name="ps03-reaching-out",
    notebook="reaching-out",
    title="Reaching out",
    parts=(
        Part(
            "a",
            "The word-count and job-word rules",
            (
                GradedTest("part-a-words", 1, "check_word_count(count_words)"),
                GradedTest("part-a-limit", 1, "check_too_long(too_long, count_words)"),
                GradedTest("part-a-job-words", 1, "check_job_words(find_job_words)"),
                GradedTest("part-a-hidden", 1),
            ),
            functions=("count_words", "too_long", "find_job_words"),
        ),
        Part(
            "b",
            "Does the first sentence name the connection?",
            (
                GradedTest("part-b-first", 1, "check_first_sentence(first_sentence)"),
                GradedTest(
                    "part-b-connection",
                    1,
                    "check_names_connection(names_connection, first_sentence)",
                ),
                GradedTest("part-b-hidden", 1),
            ),
            functions=("first_sentence", "names_connection"),
        ),
        Part(
            "c",
            "Your own request",
            (
                GradedTest("part-c-own", 3, "check_own_request(my_request, network, TARGET)"),
                GradedTest("part-c-draft", 1, "check_draft_request(draft_request, network)"),
                GradedTest("part-c-hidden", 1),
            ),
            functions=("my_request", "draft_request"),
        ),
        Part(
            "d",
            "Sort your LAMP list",
            (
                GradedTest("part-d-order", 2, "check_lamp_order(sort_lamp, lamp)"),
                GradedTest("part-d-hidden", 2),
            ),
            functions=("sort_lamp",),
        ),
        Part(
            "e",
            "The 3B7 dates",
            (
                GradedTest("part-e-dates", 2, "check_three_b_seven(three_b_seven, HOLIDAYS)"),
                GradedTest("part-e-hidden", 2),
            ),
            functions=("three_b_seven",),
        ),
    ),
)
