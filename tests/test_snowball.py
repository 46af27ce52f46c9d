"""Tests for the referral snowball, Module 6's sample data and its widgets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.datasets import (
    FOLLOWUP_COLUMNS,
    load_sample_followups,
    load_sample_network,
    make_followups,
    make_network,
)
from coffeechat.errors import InvalidParameter, TrackerDataError
from coffeechat.snowball import expected_network_size, snowball_run, snowball_table
from coffeechat.tracking import make_tracker
from coffeechat.ui import snowball_simulator, thank_you_findings, thank_you_reviewer, tracker_board

ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------ the snowball
@pytest.mark.parametrize(
    ("referrals", "weeks", "want"),
    [(0, 5, 1.0), (1, 5, 5.0), (2, 3, 7.0), (0.5, 2, 1.5), (3, 1, 1.0)],
)
def test_expected_network_size(referrals, weeks, want):
    """The expected total is 1 + r + ... + r**(weeks - 1), r = 1 included."""
    assert expected_network_size(referrals, weeks) == pytest.approx(want)


@given(st.floats(0, 3), st.integers(1, 10))
@settings(max_examples=50, deadline=None)
def test_expected_size_is_the_sum_of_powers(referrals, weeks):
    """The closed form agrees with the sum it stands for."""
    want = sum(referrals**k for k in range(weeks))
    assert expected_network_size(referrals, weeks) == pytest.approx(want, rel=1e-9, abs=1e-9)


def test_run_is_reproducible_and_starts_with_one():
    """The same seed gives the same story; week 1 holds the first conversation."""
    a = snowball_run(1.5, 8, np.random.default_rng(3))
    b = snowball_run(1.5, 8, np.random.default_rng(3))
    assert a.tolist() == b.tolist() and a[0] == 1 and len(a) == 8
    assert snowball_run(0, 4, np.random.default_rng(3)).tolist() == [1, 0, 0, 0]


def test_table_mean_is_close_to_expected():
    """Averaged over many runs, the simulated network is near the expected one."""
    table = snowball_table(1.5, 6, runs=4000, seed=11, target_share=0.1)
    assert list(table.index) == [1, 2, 3, 4, 5, 6]
    last = table.iloc[-1]
    assert abs(last["network"] - last["expected_network"]) < 0.05 * last["expected_network"]
    assert table["reach_target"].is_monotonic_increasing
    assert table["reach_target"].iloc[0] == pytest.approx(0.1)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"referrals": -1, "weeks": 3}, "referrals must be 0 or more"),
        ({"referrals": 1, "weeks": 0}, "weeks must be a whole number"),
        ({"referrals": "two", "weeks": 3}, "referrals must be a number"),
        ({"referrals": 1, "weeks": 3, "target_share": 2}, "target_share"),
    ],
)
def test_table_rejects_bad_arguments(kwargs, match):
    """Argument mistakes raise InvalidParameter naming the argument."""
    with pytest.raises(InvalidParameter, match=match):
        snowball_table(**kwargs)


def test_run_needs_a_generator():
    """A seed where a generator belongs is explained."""
    with pytest.raises(InvalidParameter, match="default_rng"):
        snowball_run(1, 3, 42)


# ------------------------------------------------------------ sample data
def test_sample_followups_read_as_a_tracker():
    """The bundled tracker has its columns and passes the tracker's own checks."""
    tracker, new_ties = load_sample_followups()
    assert tracker.columns.tolist() == list(FOLLOWUP_COLUMNS)
    make_tracker(tracker)
    assert set(new_ties["target"]) <= set(tracker["person_id"])


def test_bundled_followups_are_what_the_tool_writes():
    """tools/make_followups.py --check finds the bundled files up to date."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_followups.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("seed", range(6))
def test_generated_trackers_hold_every_case(seed):
    """Every generated tracker has a follow-up due today, one exactly 24 h and a missing note."""
    network = make_network(300, seed=seed, mean_degree=6)
    target = network.people["organization"].value_counts().index[1]
    tracker, ties = make_followups(network, target, today="2026-05-13", my_offset=2, seed=seed)
    make_tracker(tracker)
    met = tracker[tracker["met_at"] != ""]
    thanked = met[met["thanked_at"] != ""]
    hours = (
        pd.to_datetime(thanked["thanked_at"], utc=True)
        - pd.to_datetime(thanked["met_at"], utc=True)
    ).dt.total_seconds() / 3600
    assert 24.0 in set(hours) and 24.5 in set(hours)
    assert len(met) - len(thanked) == 1
    assert sum(network.tie(a, b) is not None for a, b in zip(ties.source, ties.target, strict=True))


def test_make_followups_rejects_a_weekend():
    """today must be a weekday."""
    with pytest.raises(InvalidParameter, match="weekend"):
        make_followups(load_sample_network(), "Brindlewood Learning", today="2026-03-21")


# ------------------------------------------------------------ widgets
def test_tracker_board_adds_a_row_and_follows_today():
    """Adding a conversation and changing the day update the table."""
    board = tracker_board([], today="2026-03-13")
    assert board.table.empty
    board.contact.value, board.organization.value = "Ana Ruiz", "Acme"
    board.sent_on.value = "2026-03-02"
    board.add.click()
    assert board.table["contact"].tolist() == ["Ana Ruiz", "Ana Ruiz"]
    board.today.value = "2026-03-04"
    assert board.table.empty


def test_tracker_board_explains_a_bad_row():
    """A row that does not read is explained and not added."""
    board = tracker_board([{"contact": "Ana Ruiz", "sent_on": "2026-03-02"}], today="2026-03-13")
    board.contact.value, board.sent_on.value = "Ben Ode", "March 3rd"
    board.add.click()
    assert "Not added" in board.status.value and "2025-03-14" in board.status.value
    assert len(board.tracker) == 1


def test_tracker_board_needs_a_tracker():
    """A tracker with a repeated person is refused at once."""
    with pytest.raises(TrackerDataError):
        tracker_board([{"contact": "Ana"}, {"contact": "Ana"}], today="2026-03-13")


def test_snowball_simulator_follows_its_sliders():
    """Moving a slider recomputes the table."""
    sim = snowball_simulator(referrals=1.0, weeks=4, target_share=0.1, runs=200)
    assert sim.table["expected_network"].tolist() == [1.0, 2.0, 3.0, 4.0]
    sim.referrals.value = 2.0
    assert sim.table["expected_network"].iloc[-1] == 15.0
    sim.weeks.value = 6
    assert len(sim.table) == 6 and "6 weeks" in sim.summary.value


def test_thank_you_reviewer_reviews_as_you_type():
    """The review changes when the note or the time changes."""
    reviewer = thank_you_reviewer()
    assert reviewer.table["passed"].all()
    reviewer.sent_at.value = "2026-03-15T09:00"
    assert not reviewer.table.set_index("rule").loc["within-24-hours", "passed"]
    reviewer.sent_at.value = "not a time"
    assert reviewer.table.empty and "not a date" in reviewer.summary.value


def test_thank_you_findings_is_a_table():
    """The function under the reviewer returns one row a rule."""
    table = thank_you_findings(
        "Thanks! Could you send me the job list?", "2026-03-12", "2026-03-12"
    )
    assert list(table.columns) == ["rule", "passed", "message"]
    assert not table.set_index("rule").loc["no-new-request", "passed"]
