"""Assignment 5's checks: right answers pass, and every mistake in the bank is caught.

The unit tests call the checks with functions written here; the mistake bank
and the requirement table, run in the solution notebook, are in
``test_mistakes_ps05.py``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from coffeechat import checks
from coffeechat.checks._core import MESSAGE_LIMIT
from coffeechat.conversation import follow_ups, talk_share
from coffeechat.datasets import load_transcripts
from coffeechat.errors import CheckFailed

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "solutions" / "ps05-how-did-it-go"


# ------------------------------------------------------------ unit tests
@pytest.fixture(scope="module")
def bundled() -> tuple[pd.DataFrame, pd.DataFrame]:
    transcripts, interviews = load_transcripts()
    return transcripts, interviews


def test_reference_answers_pass_on_all_data(bundled, capsys) -> None:
    """The library's own functions pass every check, on bundled, other and tricky data."""
    datasets = [bundled, checks.other_transcripts(99), checks.tricky_transcript()]
    for transcripts, _ in datasets:
        checks.check_talk_share(lambda t: talk_share(t).to_dict(), transcripts, pauses=True)
        checks.check_follow_ups(follow_ups, transcripts)
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 6


def test_a_wrong_answer_gives_one_short_sentence(bundled) -> None:
    """A failing check says what is wrong in the subject's words, under the limit."""
    transcripts, _ = bundled
    with pytest.raises(CheckFailed) as err:
        checks.check_follow_ups(lambda t: [], transcripts)
    assert "leaves out" in str(err.value) and len(str(err.value)) <= MESSAGE_LIMIT


def test_a_stub_is_explained(bundled) -> None:
    """An unanswered cell is 'not written yet', not a traceback."""

    def talk_share_stub(transcript):
        raise NotImplementedError()

    with pytest.raises(CheckFailed, match="not written yet"):
        checks.check_talk_share(talk_share_stub, bundled[0])


def test_other_transcripts_differ_and_are_fresh_copies() -> None:
    """Hidden data is not the bundled data, and changing it spoils nothing."""
    first, _ = checks.other_transcripts(5)
    first.loc[:, "text"] = "changed"
    again, _ = checks.other_transcripts(5)
    assert (again["text"] != "changed").all()
    assert again["transcript"].str.startswith("H").all()


def test_a_function_that_changes_its_input_is_told_so(bundled) -> None:
    """A function that adds a column to the transcript it is given fails, naming the column."""

    def adds_a_column(transcript):
        transcript["length"] = transcript["end"] - transcript["start"]
        return talk_share(transcript).to_dict()

    with pytest.raises(CheckFailed, match=r"changed the table `transcript` .* 'length' was added"):
        checks.check_talk_share(adds_a_column, bundled[0])


def test_a_setup_variable_changed_by_a_demo_line_is_named(bundled) -> None:
    """A notebook whose INTERVIEWS lost a column is told to rerun the setup cell, not blamed."""
    from coffeechat.checks import ps05

    setup = {k: v.copy() for k, v in ps05._setup().items()}
    setup["INTERVIEWS"] = setup["INTERVIEWS"].set_index("transcript")
    namespace = {**setup, "talk_share": talk_share}
    exec("def rubric_score(transcript, agreed_minutes):\n    return 10\n", namespace)
    with pytest.raises(CheckFailed, match=r"INTERVIEWS is no longer what the setup cell made it"):
        checks.check_rubric_score(namespace["rubric_score"], *bundled)


def test_numbers_of_any_kind_pass_as_minutes(bundled) -> None:
    """numpy numbers are numbers: an overrun given as numpy.float64 or numpy.int64 passes."""
    import numpy as np

    from coffeechat.conversation import overrun_minutes

    checks.check_overran(lambda t, m: np.float64(overrun_minutes(t, m)), *bundled)
    checks.check_overran(
        lambda t, m: np.int64(0) if overrun_minutes(t, m) == 0 else overrun_minutes(t, m), *bundled
    )
