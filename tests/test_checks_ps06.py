"""Tests for Assignment 6's checks: unit tests, and the mistake bank on the real notebook."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from coffeechat import checks
from coffeechat.checks import ps06
from coffeechat.contacts import Network
from coffeechat.datasets import load_sample_followups, load_sample_network, make_followups
from coffeechat.errors import CheckFailed
from coffeechat.snowball import snowball_run
from live_notebook import live_fixture

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "solutions" / "ps06-after-the-conversation"
TODAY = "2026-03-20"
TARGET = "Brindlewood Learning"


@pytest.fixture(scope="module")
def sample():
    return load_sample_followups()


# ------------------------------------------------------------ unit tests
def test_reference_follow_ups_follow_3b7(sample):
    """The reference lists exactly the unanswered requests 7 business days old or more."""
    tracker, _ = sample
    due = ps06.reference_follow_ups(tracker, TODAY)
    assert list(due["days_overdue"]) == sorted(due["days_overdue"], reverse=True)
    assert 0 in set(due["days_overdue"])
    for row in due.itertuples():
        sent = tracker.set_index("contact").loc[row.contact, "sent_on"]
        assert np.busday_offset(sent, 7) == np.datetime64(row.due_on)


def test_reference_hours_use_time_zones(sample):
    """Hours are computed in UTC, so differing offsets do not distort them."""
    tracker, _ = sample
    hours = ps06.reference_thank_you_hours(tracker)
    assert 24.0 in set(hours) and 24.5 in set(hours) and hours.isna().sum() == 1
    assert set(ps06.reference_thanked_within_a_day(tracker)) == set(hours[hours <= 24].index)


def test_check_messages_are_short_and_name_the_person(sample):
    """A wrong answer gets one sentence under 400 characters that names a contact."""
    tracker, _ = sample

    def naive(t):
        met = t[t["met_at"].notna()]
        gap = pd.to_datetime(met["thanked_at"].str[:19]) - pd.to_datetime(met["met_at"].str[:19])
        return pd.Series((gap.dt.total_seconds() / 3600).to_numpy(), index=met["contact"])

    with pytest.raises(CheckFailed) as err:
        checks.check_thank_you_hours(naive, tracker)
    message = str(err.value)
    assert len(message) < 400
    assert "time zones" in message
    assert any(name in message for name in tracker["contact"])


def test_unwritten_function_is_one_sentence(sample):
    """A stub is reported as not written yet, not as a traceback."""
    tracker, _ = sample

    def follow_ups_due(tracker, today):
        raise NotImplementedError()

    with pytest.raises(CheckFailed, match="not written yet"):
        checks.check_follow_ups_due(follow_ups_due, tracker, TODAY)


def test_expected_network_catches_the_r_equals_one_division():
    """The closed formula without a case for r = 1 fails with a plain sentence."""

    def expected(r, weeks):
        return (1 - r**weeks) / (1 - r)

    with pytest.raises(CheckFailed, match="ZeroDivisionError"):
        checks.check_expected_network(expected)


def test_snowball_checks_pass_the_library():
    """The library's own snowball passes the run and mean checks."""

    def simulate(r, weeks, rng):
        return snowball_run(r, weeks, rng)

    def mean(r, weeks, runs, seed):
        rng = np.random.default_rng(seed)
        return np.mean([simulate(r, weeks, rng).sum() for _ in range(runs)])

    checks.check_snowball_run(simulate, referrals=1.2, weeks=4, seed=5)
    checks.check_snowball_mean(mean, simulate, referrals=1.2, weeks=4, runs=300, seed=5)


def test_mean_check_blames_the_simulation():
    """A right mean_network_size over a wrong simulate_snowball blames part (c1)."""
    namespace: dict = {"np": np}
    exec(
        "def simulate_snowball(referrals, weeks, rng):\n"
        "    return [1] + [int(rng.poisson(referrals)) for _ in range(weeks - 1)]\n"
        "def mean_network_size(referrals, weeks, runs, seed):\n"
        "    rng = np.random.default_rng(seed)\n"
        "    return float(np.mean([sum(simulate_snowball(referrals, weeks, rng))\n"
        "                          for _ in range(runs)]))\n",
        namespace,
    )
    with pytest.raises(CheckFailed, match=r"`simulate_snowball` \(part c1\) is the cause"):
        checks.check_snowball_mean(
            namespace["mean_network_size"], namespace["simulate_snowball"], runs=300
        )


def test_reach_after_reference_grows(sample):
    """The new ties bring someone at the target closer, and keep one tie per pair."""
    _, new_ties = sample
    network = load_sample_network()
    grown = ps06.reference_add_ties(network, new_ties)
    assert isinstance(grown, Network)
    repeated = sum(
        network.tie(a, b) is not None for a, b in zip(new_ties.source, new_ties.target, strict=True)
    )
    assert repeated == 1
    assert grown.number_of_ties == network.number_of_ties + len(new_ties) - repeated
    before = ps06.reference_within_two(network, TARGET)
    after = ps06.reference_within_two(grown, TARGET)
    assert any(p not in before or after[p] < before[p] for p in after)


def test_hidden_data_differs_from_the_sample(sample):
    """Other seeds and offsets give other trackers (the hidden checks' data)."""
    tracker, _ = sample
    other, _ = make_followups(load_sample_network(), TARGET, my_offset=9, seed=99)
    assert set(other["contact"]) != set(tracker["contact"])
    assert all(str(t).endswith("+09:00") for t in other["thanked_at"] if t)


# ------------------------------------------------------------ mistake bank
def _variant(source: str, old: str, new: str) -> str:
    assert old in source, f"the solution no longer contains {old!r}"
    return source.replace(old, new)


def _answers() -> dict[str, str]:
    nb = nbformat.read(FOLDER / "after-the-conversation.ipynb", as_version=4)
    return {
        c.metadata["nbgrader"]["grade_id"]: c.source
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade_id", "").endswith("-answer")
    }


ANSWERS = _answers()

#: (answer cell, old text, new text, words the failing message must contain)
MISTAKES = {
    # part (a)
    "a-calendar-days": ("part-a-answer", "pd.offsets.BDay(7)", "pd.Timedelta(days=7)", "business"),
    "a-three-days": (
        "part-a-answer",
        "pd.offsets.BDay(7)",
        "pd.offsets.BDay(3)",
        "7 business days",
    ),
    "a-not-due-today": (
        "part-a-answer",
        'table["due_on"] <= today',
        'table["due_on"] < today',
        "today",
    ),
    "a-ignores-replies": ("part-a-answer", '& tracker["replied_on"].isna()\n', "\n", "replied"),
    "a-ignores-follow-ups": (
        "part-a-answer",
        '& tracker["followed_up_on"].isna()\n',
        "\n",
        "follow-up",
    ),
    "a-least-overdue-first": (
        "part-a-answer",
        'sort_values("days_overdue", ascending=False)',
        'sort_values("days_overdue", ascending=True)',
        "order",
    ),
    # part (b)
    "b-ignores-time-zones": (
        "part-b-answer",
        'pd.to_datetime(met["thanked_at"], utc=True) - pd.to_datetime(met["met_at"], utc=True)',
        'pd.to_datetime(met["thanked_at"].str[:19]) - pd.to_datetime(met["met_at"].str[:19])',
        "time zones",
    ),
    "b-rounds-down": (
        "part-b-answer",
        "gap.dt.total_seconds() / 3600",
        "gap.dt.total_seconds() // 3600",
        "round",
    ),
    "b-whole-days": (
        "part-b-answer",
        "gap.dt.total_seconds() / 3600",
        "gap.dt.days * 24",
        "thank-you went out",
    ),
    "b-strictly-less": ("part-b-answer", "hours[hours <= 24]", "hours[hours < 24]", "exactly 24"),
    "b-drops-unthanked": (
        "part-b-answer",
        'met = tracker[tracker["met_at"].notna()]',
        'met = tracker[tracker["thanked_at"].notna()]',
        "NaN",
    ),
    "b-counts-unthanked": (
        "part-b-answer",
        "hours[hours <= 24]",
        "hours[hours.fillna(0) <= 24]",
        "no thank-you yet",
    ),
    # part (c)
    "c-one-draw-a-week": (
        "part-c-answer",
        "rng.poisson(referrals, size=held[-1]).sum()",
        "rng.poisson(referrals)",
        "on average",
    ),
    "c-global-generator": (
        "part-c-answer",
        "rng.poisson(referrals, size=held[-1])",
        "np.random.poisson(referrals, size=held[-1])",
        "same seed",
    ),
    "c-own-seeded-generator": (
        "part-c-answer",
        "    held = [1]\n",
        "    rng = np.random.default_rng(0)\n    held = [1]\n",
        "came out the same",
    ),
    "c-one-week-too-many": (
        "part-c-answer",
        "for _ in range(weeks - 1):",
        "for _ in range(weeks):",
        "numbers",
    ),
    "c-power-not-sum": (
        "part-c-answer",
        "return sum(referrals**week for week in range(weeks))",
        "return referrals**weeks",
        "in all",
    ),
    "c-sum-one-too-far": (
        "part-c-answer",
        "for week in range(weeks))",
        "for week in range(weeks + 1))",
        "in all",
    ),
    "c-fresh-generator-each-run": (
        "part-c-answer",
        "sum(simulate_snowball(referrals, weeks, rng))",
        "sum(simulate_snowball(referrals, weeks, np.random.default_rng(seed)))",
        "generator once",
    ),
    # part (d)
    "d-adds-repeated-tie": (
        "part-d-answer",
        "    fresh = new_ties[[network.tie(a, b) is None\n"
        '                      for a, b in zip(new_ties["source"], '
        'new_ties["target"])]]\n',
        "    fresh = new_ties\n",
        "already knew",
    ),
    "d-same-network": (
        "part-d-answer",
        "    return Network.from_frames(network.people, ties, me=network.me)",
        "    return network",
        "same network",
    ),
    "d-two-hops": ("part-d-answer", "max_hops=3", "max_hops=2", "max_hops=3"),
    "d-hops-not-introductions": (
        "part-d-answer",
        "len(chains[person]) - 2",
        "len(chains[person]) - 1",
        "introductions",
    ),
    "d-everyone-in-reach": (
        "part-d-answer",
        "for person in network.match(organization=organization)\n        if person in chains",
        "for person in chains",
        "works at",
    ),
}

#: (answer cell, old text, new text) of answers written another reasonable way.
CORRECT = {
    "a-busday-offset": (
        "part-a-answer",
        'due_on = pd.to_datetime(waiting["sent_on"]) + pd.offsets.BDay(7)',
        "due_on = pd.to_datetime(pd.Series(np.busday_offset("
        "waiting[\"sent_on\"].to_numpy(dtype='datetime64[D]'), 7), "
        "index=waiting.index))",
    ),
    "a-dates-as-text": (
        "part-a-answer",
        'return table.sort_values("days_overdue", ascending=False).reset_index(drop=True)',
        'table["due_on"] = table["due_on"].dt.strftime("%Y-%m-%d")\n'
        '    return table.sort_values("days_overdue", ascending=False)',
    ),
    "a-query": (
        "part-a-answer",
        "    waiting = tracker[\n"
        '        tracker["sent_on"].notna()\n'
        '        & tracker["replied_on"].isna()\n'
        '        & tracker["meeting_on"].isna()\n'
        '        & tracker["followed_up_on"].isna()\n'
        "    ]\n",
        '    waiting = tracker.query("sent_on.notna() and replied_on.isna() and '
        'meeting_on.isna() and followed_up_on.isna()", engine="python")\n',
    ),
    "b-dict-and-set": (
        "part-b-answer",
        "return list(hours[hours <= 24].index)",
        "return set(hours[hours <= 24].index)",
    ),
    "b-boolean-series": (
        "part-b-answer",
        "return list(hours[hours <= 24].index)",
        "return hours <= 24",
    ),
    "b-python-datetimes": (
        "part-b-answer",
        '    gap = pd.to_datetime(met["thanked_at"], utc=True) - '
        'pd.to_datetime(met["met_at"], utc=True)\n'
        '    return pd.Series((gap.dt.total_seconds() / 3600).to_numpy(), index=met["contact"])',
        "    from datetime import datetime\n"
        "    hours = {}\n"
        "    for name, a, b in zip(met['contact'], met['met_at'], met['thanked_at']):\n"
        "        hours[name] = (float('nan') if pd.isna(b) else (datetime.fromisoformat(b)"
        " - datetime.fromisoformat(a)).total_seconds() / 3600)\n"
        "    return pd.Series(hours)",
    ),
    "c-loop-per-conversation": (
        "part-c-answer",
        "held.append(int(rng.poisson(referrals, size=held[-1]).sum()))",
        "held.append(sum(int(rng.poisson(referrals)) for _ in range(held[-1])))",
    ),
    "c-array-and-formula": (
        "part-c-answer",
        "return sum(referrals**week for week in range(weeks))",
        "return float(weeks) if referrals == 1 else (1 - referrals**weeks) / (1 - referrals)",
    ),
    "c-numpy-mean": (
        "part-c-answer",
        "return float(np.mean([sum(simulate_snowball(referrals, weeks, rng)) "
        "for _ in range(runs)]))",
        "totals = np.array([np.sum(simulate_snowball(referrals, weeks, rng)) "
        "for _ in range(runs)])\n    return totals.mean()",
    ),
    "d-pair-set": (
        "part-d-answer",
        "    fresh = new_ties[[network.tie(a, b) is None\n"
        '                      for a, b in zip(new_ties["source"], '
        'new_ties["target"])]]\n',
        "    old = {frozenset(p) for p in zip(network.ties['source'], "
        "network.ties['target'])}\n"
        "    fresh = new_ties[[frozenset(p) not in old for p in "
        "zip(new_ties['source'], new_ties['target'])]]\n",
    ),
    "d-reach-all-then-filter": (
        "part-d-answer",
        "chains = reach(network, source=network.me, max_hops=3)",
        "chains = {p: c for p, c in reach(network, source=network.me).items() if len(c) <= 4}",
    ),
    "d-fewer-columns": (
        "part-d-answer",
        "ties = pd.concat([network.ties, fresh], ignore_index=True)",
        "ties = pd.concat([network.ties, fresh[['source', 'target', 'kind']]], ignore_index=True)",
    ),
}


live = live_fixture(FOLDER)


def _failures(results, answer):
    return [r for gid, r in results.items() if gid != answer and not r.passed]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_mistake_is_caught_with_its_cause(live, name):
    """Each typical mistake fails its own part's check with a message naming the cause."""
    answer, old, new, words = MISTAKES[name]
    results = live.try_answer(answer, _variant(ANSWERS[answer], old, new))
    failed = _failures(results, answer)
    assert failed, f"{name} passed every check of its part"
    message = failed[0].message
    assert words.lower() in message.lower(), message
    assert len(message) < 400
    assert "Traceback" not in message


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CORRECT))
def test_correct_alternative_passes(live, name):
    """An answer written another reasonable way passes every check of its part."""
    answer, old, new = CORRECT[name]
    results = live.try_answer(answer, _variant(ANSWERS[answer], old, new))
    failed = {gid: r.message for gid, r in results.items() if not r.passed}
    assert not failed, failed


def test_mistake_bank_covers_every_part():
    """At least five mistakes and three correct alternatives for each part."""
    for part in "abcd":
        assert sum(v[0] == f"part-{part}-answer" for v in MISTAKES.values()) >= 5
        assert sum(v[0] == f"part-{part}-answer" for v in CORRECT.values()) >= 3
    assert all(re.fullmatch(r"part-[abcd]-answer", v[0]) for v in MISTAKES.values())
