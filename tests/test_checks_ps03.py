"""Checks of Assignment 3, *Reaching out*: unit tests, and the mistake bank on the real notebook.

The unit tests call the checks with small Python functions. The mistake bank
runs the solution notebook once in a real kernel (``LiveNotebook``) and then,
for every part, tries at least five typical learner mistakes — each must be
caught by a check of its own part with a message naming the cause — and at
least three other right answers, which must pass.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from coffeechat import checks
from coffeechat.checks import ps03
from coffeechat.datasets import load_sample_network
from coffeechat.errors import CheckFailed

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "solutions" / "ps03-reaching-out"


# ------------------------------------------------------------------ unit tests
def words(text):
    return len(re.findall(r"\w+(?:['’-]\w+)*", text))


def first(email):
    return ps03.reference_first_sentence(email)


def test_word_count_accepts_the_rule_and_names_split_words():
    """A right count passes; counting \\w+ pieces is told that I’m is one word."""
    checks.check_word_count(words)
    with pytest.raises(CheckFailed, match=r"one word each") as err:
        checks.check_word_count(lambda text: len(re.findall(r"\w+", text)))
    assert "Your count_words says this email is" in str(err.value)
    assert len(str(err.value)) < 400


def test_too_long_blames_count_words_when_that_is_the_cause():
    """A right too_long built on a wrong count_words is told to fix count_words first."""
    namespace = {"count_words": lambda text: len(text.split())}
    exec("def too_long(text, limit=75):\n    return count_words(text) >= limit", namespace)
    with pytest.raises(CheckFailed, match=r"`count_words` \(part a1\) is the cause"):
        checks.check_too_long(namespace["too_long"], namespace["count_words"])


def test_too_long_says_under_means_strictly_under():
    """Using > instead of >= is told that exactly 75 words is one too many."""
    with pytest.raises(CheckFailed, match=r"exactly 75 words is too long"):
        checks.check_too_long(lambda text, limit=75: words(text) > limit)


def test_job_words_name_the_missing_case():
    """A case-sensitive pattern is told to match any case."""
    pattern = r"\b(?:jobs?|positions?|openings?|internships?|hiring|cvs?)\b"
    with pytest.raises(CheckFailed, match=r"IGNORECASE|leaves out"):
        checks.check_job_words(lambda text: re.findall(pattern, text))


def test_first_sentence_and_connection():
    """The reference first sentence passes; searching the whole email is caught."""
    checks.check_first_sentence(first)
    checks.check_names_connection(lambda e, who: who.lower() in first(e).lower())
    with pytest.raises(CheckFailed, match=r"should say who suggested you write"):
        checks.check_names_connection(lambda e, who: who.lower() in e.lower())


def test_own_request_names_the_introducer():
    """A good email without the introducer first gets the subject's message."""
    network = load_sample_network()
    good = (
        "Hi Amara,\nFarah Siddiqui suggested that I write to you. Your research on the "
        "Pulsewise patient app caught my eye, and I would love to hear how your team tests "
        "new ideas with patients. Would you be open to a 20-minute call in the next few "
        "weeks, at a time that suits you?\nBest wishes,\nAlex"
    )
    checks.check_own_request(good, network, "amara-nwosu")
    moved = good.replace("Farah Siddiqui suggested that I write to you. ", "").replace(
        "Would you", "Farah Siddiqui suggested I write. Would you"
    )
    with pytest.raises(CheckFailed) as err:
        checks.check_own_request(moved, network, "amara-nwosu")
    assert "should say who suggested you write: Farah Siddiqui" in str(err.value)


def test_own_request_word_count_message_speaks_the_subject():
    """A long email is told its length and the rule."""
    network = load_sample_network()
    long = (
        "Hi Amara,\nFarah Siddiqui suggested that I write to you. "
        + "Your research on the patient app caught my eye. " * 8
        + "Would you be open to a 20-minute call?\nAlex"
    )
    with pytest.raises(CheckFailed) as err:
        checks.check_own_request(long, network, "amara-nwosu")
    assert re.match(
        r"Your email to Amara Nwosu is \d+ words .*; the rule is under 75", str(err.value)
    )


def test_lamp_order_explains_the_sort_keys():
    """Sorting in the order of the letters A, M, P is told that Motivation comes first."""
    lamp = checks.practice_lamp()

    def letters(table):
        t = table.copy()
        t["advocacy"] = t["advocacy"].fillna("").str.lower().isin(["yes", "y"])
        return t.sort_values(["advocacy", "motivation", "posting"], ascending=False)

    with pytest.raises(CheckFailed, match=r"letters in LAMP"):
        checks.check_lamp_order(letters, lamp)


def test_three_b_seven_accepts_several_date_types():
    """numpy dates, datetime.date, pandas Timestamps and ISO strings all pass."""
    import pandas as pd

    def numpy_dates(sent, holidays):
        return tuple(np.busday_offset(sent, n, roll="forward", holidays=holidays) for n in (3, 7))

    holidays = checks.practice_holidays()
    for convert in (lambda d: d, lambda d: d.astype(object), lambda d: pd.Timestamp(d), str):
        checks.check_three_b_seven(
            lambda s, h, c=convert: tuple(c(d) for d in numpy_dates(s, h)), holidays
        )


def test_two_hop_targets_are_two_hops_away():
    """Every target has at least one introducer, and the list mixes one and several."""
    network = load_sample_network()
    targets = checks.two_hop_targets(network, n=6)
    counts = [len(ps03._requests._introducer_names(network, t)) for t in targets]
    assert all(c >= 1 for c in counts)
    assert min(counts) == 1 and max(counts) > 1


def test_practice_emails_are_reproducible_and_varied():
    """The same seed gives the same emails; other seeds give others."""
    assert checks.practice_emails(3) == checks.practice_emails(3)
    assert checks.practice_emails(3) != checks.practice_emails(4)


# ----------------------------------------------------------- the mistake bank
PART_A = """
def count_words(text):
    return len(re.findall(r"\\w+(?:['’-]\\w+)*", text))


def too_long(text, limit=75):
    return count_words(text) >= limit


def find_job_words(text):
    pattern = (
        r"\\b(?:jobs?|positions?|openings?|internships?|vacanc(?:y|ies)|hiring|hire[sd]?"
        r"|r[eé]sum[eé]s?|cvs?)\\b|\\bpick(?:ing)?\\s+your\\s+brains?\\b"
    )
    return re.findall(pattern, text, flags=re.IGNORECASE)
"""

PART_B = """
def first_sentence(email):
    lines = email.strip().splitlines()
    if lines and re.match(r"\\s*(?:hi|hello|dear)\\b", lines[0], flags=re.IGNORECASE):
        lines = lines[1:]
    body = " ".join(" ".join(lines).split())
    end = re.search(r"[.?!](\\s|$)", body)
    return body[: end.start() + 1] if end else body


def names_connection(email, introducer):
    return " ".join(introducer.split()).lower() in first_sentence(email).lower()
"""

REQUEST = '''my_request = """Hi Amara,
Farah Siddiqui suggested that I write to you. Your research on the Pulsewise
patient app caught my eye, and I would love to hear how your team tests new
ideas with patients. Would you be open to a 20-minute call in the next few
weeks, at a time that suits you?
Best wishes,
Alex"""
'''

DRAFT = """
def draft_request(network, target):
    person = network.person(target)
    chain = introducers(network, source=network.me, target=target, max_hops=2)[0]
    return (
        f"Hi {person.name.split()[0]},\\n"
        f"{chain.introducer.name} suggested that I write to you. You work as {person.role} "
        f"at {person.organization}, and I am curious about your work there and how you see "
        "your field changing. Would you be open to a 20-minute call in the next few weeks, "
        "at a time that suits you?\\nBest wishes,\\nAlex"
    )
"""

PART_D = """
def sort_lamp(lamp):
    table = lamp.copy()
    said = table["advocacy"].fillna("").astype(str).str.strip().str.lower()
    table["advocacy"] = said.isin(["yes", "y"])
    return table.sort_values(["motivation", "posting", "advocacy"], ascending=False, kind="stable")
"""

PART_E = """
def three_b_seven(sent_on, holidays):
    second = np.busday_offset(sent_on, 3, roll="forward", holidays=holidays)
    follow_up = np.busday_offset(sent_on, 7, roll="forward", holidays=holidays)
    return second, follow_up
"""


def swap(source: str, old: str, new: str) -> str:
    assert old in source, old
    return source.replace(old, new)


# (answer cell, variant source, words the failing message must contain)
MISTAKES = {
    "a": [
        (
            swap(PART_A, 'len(re.findall(r"\\w+(?:[\'’-]\\w+)*", text))', "len(text.split())"),
            "dash standing alone",
        ),
        (swap(PART_A, "(?:['’-]\\w+)*", ""), "one word each"),
        (swap(PART_A, "['’-]", "['-]"), "curly apostrophe"),
        (swap(PART_A, ">= limit", "> limit"), "exactly"),
        (
            swap(PART_A, "count_words(text) >= limit", "count_words(text) >= 75"),
            "limit you are given",
        ),
        (swap(PART_A, ", flags=re.IGNORECASE", ""), "IGNORECASE"),
        (swap(PART_A, 'r"\\b(?:jobs?', 'r"(?:jobs?').replace("|cvs?)\\b", "|cvs?)"), "\\b"),
        (
            swap(
                PART_A,
                "return re.findall(pattern, text, flags=re.IGNORECASE)",
                "return sorted(set(re.findall(pattern, text, flags=re.IGNORECASE)))",
            ),
            "job word",
        ),
    ],
    "b": [
        (swap(PART_B, "        lines = lines[1:]\n", "        pass\n"), "greeting"),
        (swap(PART_B, 'r"[.?!](\\s|$)"', 'r"[.](\\s|$)"'), "runs on past its end"),
        (
            swap(PART_B, 'body = " ".join(" ".join(lines).split())', "body = lines[0]"),
            "stops too early",
        ),
        (swap(PART_B, "flags=re.IGNORECASE)", "flags=0)"), "greeting"),
        (
            swap(PART_B, "in first_sentence(email).lower()", "in email.lower()"),
            "who suggested you write",
        ),
        (
            swap(
                PART_B,
                '" ".join(introducer.split()).lower() in first_sentence(email).lower()',
                "introducer in first_sentence(email)",
            ),
            "ignoring case",
        ),
        (
            swap(
                PART_B,
                '" ".join(introducer.split()).lower() in first_sentence(email).lower()',
                "introducer.split()[0].lower() in first_sentence(email).lower()",
            ),
            "whole name",
        ),
    ],
    "c": [
        (
            swap(REQUEST, "Farah Siddiqui suggested that I write to you. ", "").replace(
                "Best wishes", "Farah Siddiqui says hello.\nBest wishes"
            )
            + DRAFT,
            "who suggested you write: Farah Siddiqui",
        ),
        (swap(REQUEST, "a 20-minute call", "an hour on a call") + DRAFT, "60 minutes"),
        (
            swap(
                REQUEST,
                "Would you be open to a 20-minute call in the next few\nweeks, at a "
                "time that suits you?",
                "I would like a 20-minute call in the next few weeks.",
            )
            + DRAFT,
            "question",
        ),
        (
            swap(
                REQUEST,
                "tests new\nideas with patients.",
                "tests new\nideas with patients, and whether there are any openings.",
            )
            + DRAFT,
            "openings",
        ),
        (swap(REQUEST, "Hi Amara,", "Hi there,") + DRAFT, "Greet Amara Nwosu by name"),
        (
            REQUEST + swap(DRAFT, "{chain.introducer.name} suggested", "{person.name} suggested"),
            "who suggested you write",
        ),
        (
            REQUEST
            + swap(DRAFT, "max_hops=2)[0]", "max_hops=2)[0]\n    chain = chain").replace(
                'f"Hi {person.name.split()[0]},\\n"', '"Hi there,\\n"'
            ),
            "by name",
        ),
    ],
    "d": [
        (swap(PART_D, "ascending=False", "ascending=True"), "upside down"),
        (
            swap(
                PART_D,
                '["motivation", "posting", "advocacy"]',
                '["advocacy", "motivation", "posting"]',
            ),
            "letters in LAMP",
        ),
        (
            swap(
                PART_D,
                '["motivation", "posting", "advocacy"]',
                '["motivation", "advocacy", "posting"]',
            ),
            "then Posting, then Advocacy",
        ),
        (
            swap(
                PART_D,
                '    said = table["advocacy"].fillna("").astype(str).str.strip().str.lower()\n'
                '    table["advocacy"] = said.isin(["yes", "y"])\n',
                "",
            ),
            "still text",
        ),
        (swap(PART_D, 'said.isin(["yes", "y"])', 'said == "yes"'), "advocacy"),
        (
            swap(PART_D, "    table = lamp.copy()\n", "    table = lamp.dropna().copy()\n"),
            "Keep every row",
        ),
        (
            swap(PART_D, "    return table.sort_values(", "    table.sort_values(").replace(
                'kind="stable")', 'kind="stable", inplace=True)'
            ),
            "return",
        ),
    ],
    "e": [
        (swap(PART_E, 'roll="forward", ', 'roll="backward", '), "roll='forward'"),
        (swap(PART_E, ", holidays=holidays", ""), "holidays"),
        (swap(PART_E, "return second, follow_up", "return follow_up, second"), "wrong way round"),
        (swap(PART_E, 'roll="forward", ', ""), "roll='forward'"),
        (swap(PART_E, "sent_on, 7,", "sent_on, 6,"), "seven business days"),
        (
            swap(
                PART_E,
                'second = np.busday_offset(sent_on, 3, roll="forward", holidays=holidays)',
                "second = np.datetime64(sent_on) + 3",
            ),
            "three business days",
        ),
        (swap(PART_E, "return second, follow_up", "return second"), "pair"),
    ],
}

RIGHT = {
    "a": [
        swap(PART_A, "['’-]", "[-'’]"),
        swap(
            PART_A,
            'len(re.findall(r"\\w+(?:[\'’-]\\w+)*", text))',
            'sum(1 for _ in re.finditer(r"[^\\W_]+(?:[\'’-][^\\W_]+)*", text))',
        ),
        swap(
            PART_A,
            "return re.findall(pattern, text, flags=re.IGNORECASE)",
            "return [m.group(0).lower() for m in re.finditer(pattern, text, re.I)]",
        ),
    ],
    "b": [
        swap(
            PART_B,
            "return body[: end.start() + 1] if end else body",
            "return body[: end.start()] if end else body",
        ),
        swap(
            PART_B,
            '" ".join(introducer.split()).lower() in first_sentence(email).lower()',
            "bool(re.search(re.escape(introducer), first_sentence(email), re.I))",
        ),
        swap(
            PART_B,
            'if lines and re.match(r"\\s*(?:hi|hello|dear)\\b", lines[0], flags=re.IGNORECASE):',
            "if lines and lines[0].strip().lower().startswith(('hi', 'hello', 'dear')):",
        ),
    ],
    "c": [
        REQUEST.replace("Best wishes", "Thank you") + DRAFT,
        swap(REQUEST, "20-minute call", "15–20 minute call") + DRAFT,
        REQUEST + swap(DRAFT, "max_hops=2)[0]", "max_hops=2)[-1]"),
    ],
    "d": [
        swap(PART_D, 'kind="stable"', 'kind="mergesort"'),
        swap(PART_D, 'said.isin(["yes", "y"])', 'said.str.startswith("y")'),
        swap(
            PART_D,
            'ascending=False, kind="stable")',
            "ascending=[False, False, False]).reset_index(drop=True)",
        ),
    ],
    "e": [
        swap(PART_E, "return second, follow_up", "return [str(second), str(follow_up)]"),
        swap(
            PART_E,
            "return second, follow_up",
            "return second.astype(object), follow_up.astype(object)",
        ),
        swap(
            PART_E,
            "return second, follow_up",
            "return pd.Timestamp(second), pd.Timestamp(follow_up)",
        ),
    ],
}


@pytest.fixture(scope="module")
def live():
    from live_notebook import LiveNotebook

    with LiveNotebook(FOLDER) as notebook:
        yield notebook


def _failures(results: dict) -> list[str]:
    failed = [r for gid, r in results.items() if not gid.endswith("-answer") and not r.passed]
    raw = [r.error for r in failed if not r.error.startswith("CheckFailed")]
    assert not raw, f"a check showed a raw error instead of one sentence: {raw}"
    return [r.message for r in failed]


@pytest.mark.slow
def test_solution_runs_clean(live):
    """Every graded cell of the solution passes in the live kernel."""
    assert all(r.passed for r in live.first_run.values()), {
        k: r.error for k, r in live.first_run.items() if not r.passed
    }


@pytest.mark.slow
@pytest.mark.parametrize("part", sorted(MISTAKES))
def test_mistake_bank(live, part):
    """Each typical mistake is caught by its own part's checks, with a message naming the cause."""
    assert len(MISTAKES[part]) >= 5
    for source, cause in MISTAKES[part]:
        results = live.try_answer(f"part-{part}-answer", source)
        failures = _failures(results)
        assert failures, f"part ({part}) let this mistake pass ({cause!r}):\n{source}"
        assert any(cause.lower() in m.lower() for m in failures), (cause, failures)
        assert all(len(m) <= 400 for m in failures), [(len(m), m) for m in failures]


@pytest.mark.slow
@pytest.mark.parametrize("part", sorted(RIGHT))
def test_right_alternatives_pass(live, part):
    """Other right answers pass every check of their part, hidden ones included."""
    assert len(RIGHT[part]) >= 3
    for source in RIGHT[part]:
        results = live.try_answer(f"part-{part}-answer", source)
        assert not _failures(results), (source, _failures(results))
