"""Assignment 5's checks: right answers pass, and every mistake in the bank is caught.

The unit tests call the checks with functions written here. The mistake bank
runs on the real solution notebook in one kernel (``LiveNotebook``): each
variant replaces a piece of an answer cell, and the part's own checks
(visible and hidden) must fail with a message naming the cause; each right
alternative must pass every check of its part.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd
import pytest

from coffeechat import checks
from coffeechat.checks._core import MESSAGE_LIMIT
from coffeechat.conversation import follow_ups, talk_share
from coffeechat.datasets import load_transcripts
from coffeechat.errors import CheckFailed
from live_notebook import live_fixture

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


# ------------------------------------------------------------ mistake bank
def _answers() -> dict[str, str]:
    nb = nbformat.read(FOLDER / "how-did-it-go.ipynb", as_version=4)
    return {
        c.metadata["nbgrader"]["grade_id"]: c.source
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }


ANSWERS = _answers()

# (answer cell, text in the solution, replacement)
A_LINE = "return (spoken / spoken.sum()).to_dict()"
C_LOOP = (
    'for speaker, text in zip(transcript["speaker"], transcript["text"]):\n'
    '        if speaker == "interviewee":\n'
    "            heard = content_words(text)\n"
    '        elif heard is not None and "?" in text and len(content_words(text) & heard) >= 2:\n'
    "            found.append(text)\n"
)
MISTAKES = [
    # part (a)
    (
        "part-a-answer",
        A_LINE,
        'return transcript["speaker"].value_counts(normalize=True).to_dict()',
        "talked for",
    ),
    ("part-a-answer", A_LINE, 'return (spoken / transcript["end"].max()).to_dict()', "pauses"),
    ("part-a-answer", A_LINE, "return (100 * spoken / spoken.sum()).to_dict()", "100"),
    ("part-a-answer", A_LINE, 'return float(spoken["learner"] / spoken.sum())', "dict"),
    (
        "part-a-answer",
        A_LINE,
        'words = transcript["text"].str.split().str.len().groupby(transcript["speaker"]).sum()\n'
        "    return (words / words.sum()).to_dict()",
        "talked for",
    ),
    ("part-a-answer", A_LINE, "(spoken / spoken.sum()).to_dict()", "forget `return`"),
    # part (b)
    (
        "part-b-answer",
        'return max(0.0, transcript["end"].max() - agreed_minutes)',
        'return max(0.0, transcript["start"].max() - agreed_minutes)',
        "end of the last turn",
    ),
    (
        "part-b-answer",
        'return max(0.0, transcript["end"].max() - agreed_minutes)',
        'return transcript["end"].max() - agreed_minutes',
        "0 minutes over",
    ),
    (
        "part-b-answer",
        'return max(0.0, transcript["end"].max() - agreed_minutes)',
        'return transcript["end"].max() > agreed_minutes',
        "True or False",
    ),
    (
        "part-b-answer",
        'return [text for text in learner["text"] if job_request(text) is not None]',
        'return [text for text in learner["text"] if "job" in text.lower() or job_request(text)]',
        "asks for none",
    ),
    (
        "part-b-answer",
        'return [text for text in learner["text"] if job_request(text) is not None]',
        'return [text for text in transcript["text"] if job_request(text) is not None]',
        "interviewee speaking",
    ),
    (
        "part-b-answer",
        'wanted = [content_words(re.sub(r"\\{\\w+\\}", " ", q)) for q in searchable]',
        "wanted = [content_words(q) for q in searchable]",
        "slot in braces",
    ),
    (
        "part-b-answer",
        "any(words and words <= content_words(text) for words in wanted)",
        "any(words & content_words(text) for words in wanted)",
        "only some",
    ),
    (
        "part-b-answer",
        "return [q for q in closing if not any(content_words(q) <= words for words in said)]",
        'return [q for q in closing if q not in list(learner["text"])]',
        "other words",
    ),
    (
        "part-b-answer",
        "return [q for q in closing if not any(content_words(q) <= words for words in said)]",
        "return [q for q in closing if any(content_words(q) <= words for words in said)]",
        "were not",
    ),
    # part (c)
    (
        "part-c-answer",
        C_LOOP,
        'for speaker, text in zip(transcript["speaker"], transcript["text"]):\n'
        '        if speaker == "learner" and heard is not None and "?" in text and '
        "len(content_words(text) & heard) >= 2:\n"
        "            found.append(text)\n"
        "        heard = content_words(text)\n",
        "most recent turn",
    ),
    (
        "part-c-answer",
        "len(content_words(text) & heard) >= 2",
        "len(content_words(text) & heard) >= 1",
        "shares 1 content word",
    ),
    ("part-c-answer", 'and "?" in text and', "and", "not a question"),
    (
        "part-c-answer",
        "heard = content_words(text)",
        "heard = (heard or set()) | content_words(text)",
        "most recent turn",
    ),
    (
        "part-c-answer",
        "len(content_words(text) & heard) >= 2",
        "len(set(text.lower().split()) & set(map(str, heard))) >= 2",
        "leaves out",
    ),
    # part (d)
    (
        "part-d-answer",
        "points += 2 if overran(transcript, agreed_minutes) == 0 else 0",
        "points += 2 if overran(transcript, agreed_minutes) <= 2 else 0",
        "By measure",
    ),
    (
        "part-d-answer",
        'talk_share(transcript).get("learner", 0) <= 1 / 3',
        'talk_share(transcript).get("learner", 0) <= 1 / 2',
        "By measure",
    ),
    (
        "part-d-answer",
        "len(follow_ups(transcript)) >= 2",
        "len(follow_ups(transcript)) >= 1",
        "By measure",
    ),
    ("part-d-answer", "points += 1 if CLOSING[1] not in missing else 0", "", "By measure"),
    ("part-d-answer", "    return points\n", "    points\n", "forget `return`"),
    (
        "part-d-answer",
        "name: rubric_score(rows, agreed[name])",
        "name.lower(): rubric_score(rows, agreed[name])",
        "leave out",
    ),
]

RIGHT = [
    ("part-a-answer", A_LINE, "return spoken / spoken.sum()"),
    ("part-a-answer", A_LINE, "return {s: round(v / spoken.sum(), 3) for s, v in spoken.items()}"),
    ("part-a-answer", "spoken = (transcript", "spoken = 1 * (transcript"),
    (
        "part-b-answer",
        'return max(0.0, transcript["end"].max() - agreed_minutes)',
        'late = transcript["end"].max() - agreed_minutes\n    return late if late > 0 else 0',
    ),
    (
        "part-b-answer",
        "return [q for q in closing if not any(content_words(q) <= words for words in said)]",
        "return [q for q in closing if all(not content_words(q).issubset(w) for w in said)]",
    ),
    (
        "part-b-answer",
        'return [text for text in learner["text"] if job_request(text) is not None]',
        'return tuple(t for _, t in learner["text"].items() if job_request(t))',
    ),
    ("part-c-answer", "found, heard = [], None", "found, heard = [], set()"),
    (
        "part-c-answer",
        'for speaker, text in zip(transcript["speaker"], transcript["text"]):',
        "for _, (speaker, text) in transcript[['speaker', 'text']].iterrows():",
    ),
    ("part-c-answer", "found.append(text)", "found = found + [text]"),
    ("part-d-answer", "    return points\n", "    return float(points)\n"),
    (
        "part-d-answer",
        'for name, rows in transcripts.groupby("transcript")',
        'for name, rows in transcripts.groupby(transcripts["transcript"])',
    ),
    (
        "part-d-answer",
        "    return {\n        name: rubric_score(rows, agreed[name])",
        "    return pd.Series({\n        name: rubric_score(rows, agreed[name])",
    ),
]


def _variant(cell: str, old: str, new: str) -> str:
    source = ANSWERS[cell]
    assert old in source, f"{old!r} is not in {cell}"
    return source.replace(old, new)


def _fix_series(source: str) -> str:  # the pd.Series variant needs its closing bracket
    if "pd.Series({" not in source:
        return source
    return source.replace(
        'for name, rows in transcripts.groupby("transcript")\n    }',
        'for name, rows in transcripts.groupby("transcript")\n    })',
    )


live = live_fixture(FOLDER)


@pytest.mark.slow
def test_the_solution_passes_every_check(live) -> None:
    """The solution notebook passes every visible and hidden check."""
    graded = {
        gid: r
        for gid, r in live.first_run.items()
        if gid.startswith("part-") and not gid.endswith("-answer")
    }
    assert graded and all(r.passed for r in graded.values()), {
        gid: r.error for gid, r in graded.items() if not r.passed
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("cell", "old", "new", "cause"),
    MISTAKES,
    ids=[f"{m[0][5]}-{i}" for i, m in enumerate(MISTAKES)],
)
def test_each_mistake_is_caught_by_its_part(live, cell, old, new, cause) -> None:
    """A typical slip fails a check of its own part, with a message naming the cause."""
    results = live.try_answer(cell, _variant(cell, old, new))
    failed = {gid: r.message for gid, r in results.items() if gid != cell and not r.passed}
    assert failed, f"no check of {cell} caught: {new!r}"
    assert any(cause in message for message in failed.values()), failed
    assert all(len(message) <= MESSAGE_LIMIT for message in failed.values())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("cell", "old", "new"), RIGHT, ids=[f"{r[0][5]}-{i}" for i, r in enumerate(RIGHT)]
)
def test_right_alternatives_pass(live, cell, old, new) -> None:
    """An answer written another reasonable way passes every check of its part."""
    results = live.try_answer(cell, _fix_series(_variant(cell, old, new)))
    failed = {gid: r.error for gid, r in results.items() if not r.passed}
    assert not failed, failed


@pytest.mark.slow
def test_rubric_blames_the_earlier_part(live) -> None:
    """With a wrong talk_share, the rubric check names part (a) as the cause."""
    wrong = _variant(
        "part-a-answer",
        A_LINE,
        'return transcript["speaker"].value_counts(normalize=True).to_dict()',
    )
    index = {c.metadata.get("nbgrader", {}).get("grade_id"): i for i, c in enumerate(live.nb.cells)}
    cell = live.nb.cells[index["part-a-answer"]]
    cell.source = wrong
    try:
        live.run("part-a-answer")
        result = live.run("part-d-rubric")
    finally:
        cell.source = ANSWERS["part-a-answer"]
        live.run("part-a-answer")
    assert not result.passed and "(part a) is the cause" in result.message, result.message
