"""Transcripts, their mistakes, the scorecard, and the role-play behind Module 5."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from coffeechat.conversation import (
    RUBRIC,
    closing_questions,
    content_words,
    follow_ups,
    job_requests,
    missing_closing,
    overrun_minutes,
    read_transcripts,
    rubric_score,
    score_transcripts,
    scorecard,
    searchable_questions,
    talk_share,
)
from coffeechat.datasets import load_transcripts
from coffeechat.errors import CoffeeChatError, InvalidParameter, TranscriptDataError
from coffeechat.practice import (
    Conversation,
    Persona,
    load_answers,
    make_transcripts,
    personas,
)
from coffeechat.ui import roleplay

ROOT = Path(__file__).resolve().parents[1]
ANA = Persona("ana", "Ana Ruiz", "UX Researcher", "Pulsewise", "Health care")


def turns(*rows: tuple[str, float, float, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["speaker", "start", "end", "text"])


GOOD = turns(
    ("learner", 0, 0.5, "Thank you for your time. What does a typical week look like for you?"),
    ("interviewee", 0.5, 4, "Mostly the weekly design critique and usability testing sessions."),
    ("learner", 4, 4.25, "How did the weekly design critique start?"),
    ("interviewee", 4.25, 8, "A colleague started it after a bad release."),
    ("learner", 8, 8.25, "What did that bad release teach the team?"),
    ("interviewee", 8.25, 12, "To test early with real users."),
    ("learner", 12, 12.25, "Is there anything I should have asked?"),
    ("interviewee", 12.25, 13, "Ask about hiring freezes, nobody does."),
    ("learner", 13, 13.25, "Who else do you think I should talk to?"),
    ("interviewee", 13.25, 14, "Talk to Mira."),
)


# ------------------------------------------------------------ words
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Who are the main competitors of Pulsewise?", {"main", "competitor", "pulsewise"}),
        ("Who else should I talk to?", {"else", "talk"}),
        ("What are the mission and values?", {"mission", "value"}),
        ("Which companies?", {"company"}),
        ("", set()),
    ],
)
def test_content_words(text: str, words: set[str]) -> None:
    """Common and short words are left out, plurals made singular."""
    assert content_words(text) == words


# ------------------------------------------------------------ measures
def test_talk_share_uses_talking_time_not_turns_or_call_length() -> None:
    """Pauses count for nobody; a long turn counts more than a short one."""
    talk = turns(("learner", 0, 1, "Hi?"), ("interviewee", 5, 8, "Hello."))
    share = talk_share(talk)
    assert share["learner"] == 0.25 and share["interviewee"] == 0.75


def test_overrun_is_zero_when_early_and_uses_last_end() -> None:
    """A call that ends early is 0 minutes over; a late one by its last turn's end."""
    assert overrun_minutes(GOOD, 20) == 0
    assert overrun_minutes(GOOD, 12.5) == 1.5


def test_job_requests_from_learner_only() -> None:
    """An interviewee saying 'we are hiring' is no request; 'pass my CV' is."""
    talk = turns(
        ("learner", 0, 1, "What does your job involve?"),
        ("interviewee", 1, 2, "We are hiring, by the way."),
        ("learner", 2, 3, "Could you pass my CV to your manager?"),
    )
    assert job_requests(talk) == ["Could you pass my CV to your manager?"]


def test_searchable_questions_need_every_content_word() -> None:
    """'Your main competitors?' is searchable; 'market research plan' is not."""
    talk = turns(
        ("learner", 0, 1, "Who are your main competitors these days?"),
        ("learner", 1, 2, "What does a good market research plan look like?"),
    )
    assert searchable_questions(talk) == ["Who are your main competitors these days?"]
    assert searchable_questions(talk, ["How large is the market for {industry}?"]) == []


def test_closing_questions_in_other_words() -> None:
    """'Who else do you think I should talk to?' counts as the closing question."""
    assert missing_closing(GOOD) == []
    asked = closing_questions(GOOD.iloc[:6])
    assert list(asked.values()) == [False, False]


def test_follow_ups_build_on_the_most_recent_answer() -> None:
    """Two shared content words with the interviewee's last turn, even after a learner aside."""
    assert follow_ups(GOOD) == [
        "How did the weekly design critique start?",
        "What did that bad release teach the team?",
    ]
    aside = turns(
        ("interviewee", 0, 1, "The night shift handover is where problems start."),
        ("learner", 1, 2, "That sounds hard."),
        ("learner", 2, 3, "What goes wrong at the night shift handover?"),
    )
    assert follow_ups(aside) == ["What goes wrong at the night shift handover?"]


def test_scorecard_full_marks_and_each_mistake() -> None:
    """A clean conversation earns 10; each mistake costs its points."""
    assert rubric_score(GOOD, 20) == sum(p for _, p, _ in RUBRIC) == 10
    card = scorecard(GOOD, 13)
    assert card.set_index("measure").loc["time kept", "points"] == 0
    assert card.loc[card["points"] < card["out_of"], "advice"].str.len().gt(0).all()
    job = pd.concat([GOOD, turns(("learner", 14, 14.5, "Is your team hiring?"))])
    assert rubric_score(job, 20) == 8


def test_bundled_transcripts_show_every_mistake() -> None:
    """The six practice conversations show each mistake the module teaches."""
    transcripts, interviews = load_transcripts()
    scores = score_transcripts(transcripts, interviews)
    assert len(scores) == 6
    assert (scores["overrun"] > 0).any() and (scores["job_requests"] > 0).any()
    assert (scores["searchable"] > 0).any() and (scores["missing_closing"] > 0).any()
    assert (scores["learner_share"] > 1 / 3).any() and (scores["score"] == 10).any()


def test_make_transcripts_is_reproducible_and_valid(tmp_path: Path) -> None:
    """The same seed gives the same table; it reads back without error."""
    a, meta = make_transcripts(3, seed=7)
    b, _ = make_transcripts(3, seed=7)
    assert a.equals(b) and list(meta["transcript"]) == ["T1", "T2", "T3"]
    path = tmp_path / "t.csv"
    a.to_csv(path, index=False)
    assert read_transcripts(path).shape == a.shape


def test_bundled_files_are_what_the_script_writes() -> None:
    """tools/make_transcripts.py --check passes: the data is reproducible."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_transcripts.py"), "--check"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


# ------------------------------------------------------------ bad input
@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("speaker,start,text\nlearner,0,Hi\n", r"t\.csv:1: no column 'end'"),
        ("speaker,start,end,text\nboss,0,1,Hi\n", r"t\.csv:2: column 'speaker': 'boss'"),
        ("speaker,start,end,text\nlearner,zero,1,Hi\n", r"t\.csv:2: column 'start': 'zero'"),
        ("speaker,start,end,text\nlearner,2,1,Hi\n", r"t\.csv:2: column 'end': the turn ends"),
        (
            "speaker,start,end,text\nlearner,0,2,Hi\ninterviewee,1,3,Yo\n",
            r"t\.csv:3: column 'start': .*overlap",
        ),
        (
            'speaker,start,end,text\nlearner,0,1,"  "\n',
            r"t\.csv:2: column 'text': the text is empty",
        ),
        ("speaker,start,end,text\nlearner,0,1\n", r"t\.csv:2: column 4: this row has 3 values"),
        ("", "empty"),
    ],
)
def test_read_transcripts_names_file_line_and_problem(
    tmp_path: Path, content: str, match: str
) -> None:
    """Every bad row is reported with its file and line, never dropped."""
    path = tmp_path / "t.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TranscriptDataError, match=match):
        read_transcripts(path)


def test_multiline_text_keeps_the_right_line(tmp_path: Path) -> None:
    """A quoted text over two lines does not shift the line numbers after it."""
    path = tmp_path / "t.csv"
    path.write_text('speaker,start,end,text\nlearner,0,1,"Hi\nthere"\nboss,1,2,x\n')
    with pytest.raises(TranscriptDataError, match=r":4: column 'speaker'"):
        read_transcripts(path)


@pytest.mark.parametrize(
    "call",
    [
        lambda: talk_share("not a table"),
        lambda: talk_share(GOOD.drop(columns="end")),
        lambda: overrun_minutes(GOOD, "20"),
        lambda: overrun_minutes(GOOD, 0),
        lambda: follow_ups(GOOD, min_shared=0),
        lambda: searchable_questions(GOOD, "What?"),
        lambda: make_transcripts(0),
        lambda: Conversation(ANA).say("dance"),
        lambda: Conversation(ANA).say("question", "no-such-id"),
        lambda: roleplay(agreed_minutes=45),
    ],
)
def test_argument_mistakes_raise_invalid_parameter(call) -> None:
    """Wrong arguments give InvalidParameter, a CoffeeChatError, never a KeyError."""
    with pytest.raises(InvalidParameter):
        call()


def test_a_row_error_in_a_table_names_the_row() -> None:
    """A bad row in a DataFrame is named by its row number."""
    bad = turns(("learner", 0, 1, "Hi"), ("learner", 2, 1, "Oops"))
    with pytest.raises(CoffeeChatError, match="row 3: column 'end'"):
        talk_share(bad)


# ------------------------------------------------------------ role-play
def test_conversation_is_deterministic_and_keeps_the_clock() -> None:
    """The same moves give the same transcript; the clock is the last turn's end."""

    def play() -> Conversation:
        talk = Conversation(ANA, agreed_minutes=15)
        for move, qid in [
            ("intro", None),
            ("question", "dd-typical-week"),
            ("follow-up", None),
            ("question", "in-competitor-list"),
            ("closing", "closing-who-else"),
        ]:
            talk.say(move, qid)
        return talk

    one, two = play(), play()
    assert one.transcript().equals(two.transcript())
    assert one.clock == one.transcript()["end"].max()
    assert len(follow_ups(one.transcript())) == 1
    assert len(searchable_questions(one.transcript())) == 1


def test_answers_are_keyed_on_industry_and_filled_in() -> None:
    """Answers name a detail of the persona's industry; no slot is left unfilled."""
    answers = load_answers()
    health = set(answers.query("kind == 'detail' and industry == 'Health care'")["text"])
    talk = Conversation(ANA)
    talk.say("question", "dd-typical-week")
    reply = talk.transcript()["text"].iloc[-1]
    assert "{" not in reply and talk.detail in health and talk.detail in reply


def test_personas_come_from_the_sample_network() -> None:
    """Personas have a role, an organisation and an industry."""
    people = personas(limit=None)
    assert len(people) > 50 and all(p.role and p.organization and p.industry for p in people)
