"""Checks of Assignment 3, *Reaching out*: unit tests.

The unit tests call the checks with small Python functions; the mistake bank
and the requirement table are in ``test_mistakes_ps03.py``.
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
@pytest.mark.slow
def test_solution_runs_clean():
    """In a real kernel, every graded cell of the solution passes (the bank: test_mistakes_ps03)."""
    from live_notebook import LiveNotebook

    with LiveNotebook(FOLDER) as live:
        failed = {k: r.error for k, r in live.first_run.items() if not r.passed}
    assert failed == {}


def test_the_check_and_the_learners_own_review_agree():
    """On the review's seven rules, the check and `review_request(text)` give one verdict."""
    from coffeechat.outreach import review_request

    network = load_sample_network()
    opening = "Farah Siddiqui suggested that I write to you."
    for greeting in ("Hi Amara,", "Dear Ms Nwosu,", "Dear Dr. Nwosu,"):
        for interest in (
            "I would love to hear what your work at Pulsewise involves.",
            "I would love to work at Pulsewise.",
            "I am curious how your team tests new ideas with patients.",
        ):
            email = (
                f"{greeting}\n{opening} {interest} Would you be open to a 20-minute call in "
                "the next few weeks, at a time that suits you?\nBest wishes,\nAlex"
            )
            try:
                checks.check_own_request(email, network, "amara-nwosu")
                passed = True
            except CheckFailed:
                passed = False
            assert passed == review_request(email).passed, email
