"""Tests for Assignment 6's checks with functions written here (the bank: test_mistakes_ps06.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coffeechat import checks
from coffeechat.checks import ps06
from coffeechat.contacts import Network
from coffeechat.datasets import load_sample_followups, load_sample_network, make_followups
from coffeechat.errors import CheckFailed
from coffeechat.snowball import snowball_run

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


def test_one_draw_multiplied_fails_by_its_spread():
    """Averages alone would pass one Poisson draw times the conversations: the spread fails it."""

    def multiplied(referrals, weeks, rng):
        held = [1]
        for _ in range(weeks - 1):
            held.append(int(rng.poisson(referrals)) * held[-1])
        return held

    with pytest.raises(CheckFailed, match="times as much as chance allows"):
        checks.check_snowball_run(multiplied)


def test_add_ties_keeps_each_old_tie_and_works_for_another_learner_id(sample):
    """Kinds and strengths lost fail; a learner id other than 'me' is tried."""
    _, new_ties = sample
    network = load_sample_network()

    def pairs_only(network, new_ties):
        ties = pd.concat([network.ties, new_ties], ignore_index=True)[["source", "target"]]
        ties = ties[~ties.duplicated()]
        return Network.from_frames(network.people, ties, me=network.me)

    with pytest.raises(CheckFailed, match=r"changed \d+ old ties"):
        checks.check_add_ties(pairs_only, network, new_ties)

    def hard_coded(network, organization):
        return (
            ps06.reference_within_two(network, organization)
            if network.me == "me"
            else {
                p: n
                for p, n in ps06.reference_within_two(network, organization).items()
                if network.tie("me", p) is None
            }
        )

    with pytest.raises(CheckFailed, match=r"looked up 'me'.* use network.me"):
        checks.check_reach_after(hard_coded, network, new_ties, TARGET)
