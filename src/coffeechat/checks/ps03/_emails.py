"""Assignment 3, parts (a) and (b): the practice emails, word counts, the first sentence.

The practice emails and the checks of both parts.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from coffeechat.checks._core import (
    Earlier,
    blame_earlier,
    brief,
    call,
    checked,
    expect_type,
    fail,
    listing,
    passed,
    plural,
)
from coffeechat.outreach import MAX_WORDS, job_words

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


def reference_count(text: str) -> int:
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


def folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def one_line(text: str, width: int = 70) -> str:
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
        got = call(count_words, [text], f"count_words({one_line(text, 30)})")
        if isinstance(got, bool) or not isinstance(got, int | np.integer):
            expect_type(got, (), "count_words", "a whole number (an int)")
        want = reference_count(text)
        if got != want:
            hint = _count_hint(text, int(got), want)
            fail(
                f"Your count_words says this email is {got} words; it is {want}. {hint} "
                f"The email: {one_line(text)}"
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
    cases += [(text, reference_count(text) + d) for text, _ in emails for d in (0, 1)]

    def check() -> None:
        for text, limit in cases:
            got = call(too_long, [text, limit], f"too_long(text, {limit})")
            if not isinstance(got, bool | np.bool_):
                expect_type(got, (), "too_long", "True or False")
            n = reference_count(text)
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
            Earlier("count_words", "a1", reference_count, check=check_word_count),
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
        email = one_line(text, 60)
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
        if folded(got) == folded(want) or folded(got) == folded(want[:-1]):
            continue
        first_line = text.strip().splitlines()[0]
        if folded(first_line) in folded(got):
            fail(
                f"Your first sentence starts with the greeting ({first_line.strip()!r}); "
                "leave out a first line that starts with Hi, Hello or Dear (any case). "
                f"It should be: {one_line(want)}"
            )
        if folded(want).startswith(folded(got)):
            fail(
                f"Your first sentence stops too early: {one_line(got, 40)} — it can go on "
                "over a line break, and ends at . ? or ! followed by a space or the end. "
                f"It should be: {one_line(want, 60)}"
            )
        if folded(got).startswith(folded(want[:-1])):
            fail(
                f"Your first sentence runs on past its end: {one_line(got, 60)}. It ends at "
                f"the first . ? or ! (followed by a space): {one_line(want)}"
            )
        fail(f"The first sentence of this email is {one_line(want)}; yours is {one_line(got)}.")
    passed(f"first_sentence finds the first sentence of {plural(len(emails), 'email')}.")


def _reference_names(email: str, introducer: str) -> bool:
    return folded(introducer) in folded(reference_first_sentence(email))


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
                    f"The first sentence ({one_line(first, 80)}) names {who}, so "
                    "names_connection should say True. Compare ignoring case and line breaks."
                )
            if folded(who) in folded(text):
                fail(
                    f"The first sentence should say who suggested you write: {who} — this "
                    f"email names {who} only later, so names_connection should say False. "
                    f"Look in the first sentence only."
                )
            fail(
                f"The first sentence ({one_line(first, 80)}) does not name {who} (the "
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
