"""The role-play on free text: typed questions classified as the scorecard does, answered."""

from __future__ import annotations

import re

import pytest

from coffeechat.conversation import (
    follow_ups,
    job_requests,
    read_transcripts,
    searchable_questions,
)
from coffeechat.errors import InvalidParameter
from coffeechat.roleplay import (
    INTRO_WORDS,
    QUESTION_MEASURES,
    Interview,
    check_introduction,
    classify_question,
    field_personas,
)
from coffeechat.ui import roleplay

HEARD = ("Right now most of my time goes on testing a new recovery diary with patients at "
         "home. A typical week is about half talking to people and half making sense of it.")
INTRO = ("Thank you so much for making time for me. I teach science and I am moving into UX "
         "research; your work on the Pulsewise patient app is why I wanted to talk to you.")

# (typed question, the answer just heard, the labels it must get)
BANK = [
    ("What are you working on right now?", "", ["open", "about them"]),
    ("What does a typical week look like for you?", "", ["open", "about them"]),
    ("How did you get into UX research?", "", ["open", "about them"]),
    ("Could you tell me how your team decides what to study?", "", ["open", "about them"]),
    ("Why did you choose Pulsewise?", "", ["open", "about them"]),
    ("So, what is the hardest part of your job?", "", ["open", "about them"]),
    ("Noor, what advice would you give someone moving into the field?", "",
     ["open", "about them"]),
    ("Do you enjoy your work?", "", ["closed", "about them"]),
    ("Is it hard to get into UX research?", "", ["closed"]),
    ("Did you study psychology?", "", ["closed", "about them"]),
    ("Would you do it again?", "", ["closed", "about them"]),
    ("Have you worked anywhere else?", "", ["closed", "about them"]),
    ("What should I learn first?", "", ["open"]),
    ("Tell me about your team.", "", ["open", "about them"]),
    ("How much do UX researchers earn?", "", ["open"]),
    ("Who are the main competitors of Pulsewise?", "", ["open", "web-searchable"]),
    ("Where are the offices of Pulsewise?", "", ["open", "web-searchable"]),
    ("Is your team hiring at the moment?", "", ["closed", "about them", "asks for a job"]),
    ("Could you pass my CV to your manager?", "", ["closed", "about them", "asks for a job"]),
    ("Are there any openings on your team?", "", ["closed", "about them", "asks for a job"]),
    ("What have you learned from testing the recovery diary with patients?", HEARD,
     ["open", "about them", "follow-up"]),
    ("How do patients at home keep the recovery diary?", HEARD, ["open", "follow-up"]),
    ("Do patients at home like the recovery diary?", HEARD, ["closed", "follow-up"]),
    ("What do you do at weekends?", HEARD, ["open", "about them"]),
    ("Is there anything I should have asked?", "", ["open", "closing question"]),
    ("Who else should I talk to?", "", ["open", "closing question"]),
    ("I see, that makes sense.", HEARD, ["not a question"]),
]


@pytest.mark.parametrize(("text", "heard", "labels"), BANK, ids=[b[0][:40] for b in BANK])
def test_typed_questions_are_classified_as_expected(text, heard, labels):
    """Each typed question gets the scorecard's measures, open or closed among them."""
    assert classify_question(text, heard).labels() == labels


def test_the_bank_covers_every_measure():
    """The bank has over twenty questions, and each measure both met and not."""
    assert len(BANK) >= 20
    found = [set(labels) for _, _, labels in BANK]
    for label in ("open", "closed", "web-searchable", "about them", "asks for a job", "follow-up"):
        assert any(label in f for f in found) and any(label not in f for f in found), label


def test_the_classifier_agrees_with_the_scorecard():
    """Over a whole conversation, the questions marked as follow-ups, searchable and job requests
    are exactly those the scorecard counts."""
    talk = Interview(_noor(), agreed_minutes=20)
    talk.introduce(INTRO)
    for text in ["What are you working on right now?",
                 f"What surprised you most about {talk.story.project}?",
                 "Who are the main competitors of Pulsewise?", "Is your team hiring?",
                 "How did you get into the field?", "What helped most when you moved?",
                 "Who else should I talk to?"]:  # fmt: skip
        talk.ask(text)
    transcript = talk.transcript()
    table = talk.questions()
    assert list(table.columns) == list(QUESTION_MEASURES)
    assert list(table[table["follow-up"]]["question"]) == follow_ups(transcript)
    assert list(table[table["web-searchable"]]["question"]) == searchable_questions(transcript)
    assert list(table[table["asks for a job"]]["question"]) == job_requests(transcript)
    card = talk.scorecard().set_index("measure")
    assert card.loc["asked who else", "points"] == 1 and card.loc["no job request", "points"] == 0


def _noor():
    return next(p for p in field_personas() if p.name == "Noor Khalil")


def test_personas_come_from_the_target_field_with_filters():
    """The people offered work in UX research; role and organisation filters narrow them."""
    people = field_personas()
    assert len(people) >= 10 and all("ux research" in p.role.lower() for p in people)
    assert {p.name for p in field_personas(organization="Pulsewise")} == {
        "Amara Nwosu", "Noor Khalil"}
    assert {p.role for p in field_personas(role="Senior UX Researcher")} == {
        "Senior UX Researcher"}
    with pytest.raises(InvalidParameter, match="nobody in the network has .*'Acme'"):
        field_personas(organization="Acme")


def _answers(talk: Interview) -> list[str]:
    return [t for s, *_, t in talk.rows if s == "interviewee"]


@pytest.mark.parametrize("persona", field_personas(), ids=lambda p: p.id)
def test_answers_are_clean_and_stay_consistent(persona):
    """No raw slot, no doubled word or space; the same facts every time they come up."""
    talk = Interview(persona)
    talk.introduce(INTRO)
    questions = ["What are you working on right now?",
                 "What does a typical week look like in your job?",
                 "How did you get into this work?", "What did you do before this job?",
                 "How long have you been there?", "What is the hardest part of your job?",
                 "Do you find it hard sometimes?", "What skills matter most in your role?",
                 "Who else should I talk to?",
                 "Is there anything I should have asked?"]  # fmt: skip
    for text in questions:
        talk.ask(text)
    answers = _answers(talk)
    for answer in answers:
        assert not re.search(r"[{}]|\s{2}|\b(\w+) \1\b", answer), answer
        assert answer[0].isupper() and answer.rstrip()[-1] in ".!?", answer
    story = talk.story
    assert story.project in answers[1] and story.project in answers[2]
    assert story.before in answers[3] and story.before in answers[4]
    assert story.years in answers[3] and story.years in answers[5]
    assert story.hard in answers[6] and story.hard in answers[7] and story.hard in answers[10]
    assert story.colleague.split(",")[0] in answers[9]


def test_answers_fit_the_kind_of_question():
    """Closed questions get short answers; job, searchable and closing questions their own."""
    talk = Interview(_noor())
    _, opened = talk.ask("What is the hardest part of your job?")
    _, closed = talk.ask("Is it hard sometimes?")
    _, job = talk.ask("Is your team hiring?")
    _, searched = talk.ask("Who are the main competitors of Pulsewise?")
    assert len(closed) < len(opened) and closed.startswith(("Yes", "Sometimes", "I think"))
    assert "openings" in job and "website" in searched
    _, pay = talk.ask("How much do UX researchers earn?")
    assert "salary surveys" in pay
    _, stop = talk.ask("I asked for 20 minutes and want to respect your time, so I'll stop here.")
    assert stop.startswith("Thank you")


def test_follow_ups_build_on_the_last_answer_and_never_repeat():
    """Two follow-ups on the same thing get two different answers, both about that thing."""
    talk = Interview(_noor())
    _, first = talk.ask("What are you working on right now?")
    project = talk.story.project
    one, a = talk.ask(f"How did {project} start?")
    two, b = talk.ask(f"What surprised you in {project}?")
    assert one.follow_up and two.follow_up
    assert a != b and project in a and project in b
    assert a not in first and b not in first


def test_the_same_conversation_gives_the_same_answers():
    """Two learners asking the same questions of the same person hear the same answers."""
    def play():
        talk = Interview(_noor())
        for text in ("What are you working on right now?", "How did you get into the field?"):
            talk.ask(text)
        return talk.transcript()

    assert play().equals(play())


@pytest.mark.parametrize(
    ("text", "failed"),
    [
        (INTRO, []),
        ("I teach science and I am moving into UX research; your work is why I wrote.",
         ["thanks", "thirty-seconds"]),
        ("Thank you. " + " ".join(["I teach science and love it."] * 14)
         + " I am exploring research and your work.", ["thirty-seconds"]),
        ("Thanks so much for your time. I teach science and I am moving into UX research. "
         "Is your team hiring, and could you pass on my CV?", ["no-job-request"]),
        ("Thank you for meeting me today, it is really kind, and I have wanted to meet "
         "someone doing research for ages now.", ["who-you-are", "what-you-explore", "why-them"]),
    ],
)
def test_the_introduction_check(text, failed):
    """The introduction: thanks, who you are, what you explore, why them, short, no job."""
    review = check_introduction(text)
    assert [f.rule for f in review.failures] == failed
    assert len(review) == 6 and INTRO_WORDS == 75


def test_the_transcript_saves_and_reads_back(tmp_path):
    """The saved transcript is a table read_transcripts reads back, turn for turn."""
    talk = Interview(_noor())
    talk.introduce(INTRO)
    talk.ask("What are you working on right now?")
    path = talk.save(tmp_path / "noor.csv")
    back = read_transcripts(path)
    assert list(back["text"]) == list(talk.transcript()["text"])
    assert set(back["transcript"]) == {"Noor Khalil"}
    with pytest.raises(InvalidParameter, match="cannot save the transcript to"):
        talk.save(tmp_path / "no-such-folder" / "x.csv")


def test_bad_input_gets_clear_errors():
    """An empty question, a second introduction, a bad argument: InvalidParameter, in words."""
    talk = Interview(_noor())
    with pytest.raises(InvalidParameter, match="the question is empty"):
        talk.ask("   ")
    talk.introduce(INTRO)
    with pytest.raises(InvalidParameter, match="the introduction opens the conversation"):
        talk.introduce(INTRO)
    with pytest.raises(InvalidParameter):
        classify_question(42)
    with pytest.raises(InvalidParameter, match="agreed_minutes should be one of 15, 20, 30"):
        roleplay(agreed_minutes=45)
    with pytest.raises(InvalidParameter, match="nobody in the target field has the role"):
        roleplay(role="Astronaut")


def test_the_widget_filters_checks_asks_scores_and_saves(tmp_path, monkeypatch):
    """Filters narrow the people; the introduction is checked; typed questions are answered
    and labelled; the scorecard and the questions table appear; the transcript is saved."""
    monkeypatch.chdir(tmp_path)
    play = roleplay()
    everyone = len(play.persona.options)
    play.organization.value = "Pulsewise"
    assert [label for label, _ in play.persona.options] == [
        "Amara Nwosu, Head of UX Research at Pulsewise", "Noor Khalil, UX Researcher at Pulsewise"]
    play.role.value = "UX Researcher"
    assert len(play.persona.options) == 1 and play.interview.persona.name == "Noor Khalil"
    play.role.value = "Head of UX Research"
    play.organization.value = "Fieldnote Research"
    assert "Nobody matches" in play.clock.value
    play.role.value, play.organization.value = "any role", "any organisation"
    assert len(play.persona.options) == everyone
    play.introduction.value = "Hi, are you hiring?"
    play.check_intro.click()
    feedback = play.intro_feedback.value
    assert "✗ thanks" in feedback and "✗ no-job-request" in feedback
    play.introduction.value = INTRO
    play.start.click()
    play.question.value = "What are you working on right now?"
    play.ask.click()
    assert play.question.value == "" and "minute 2.75" in play.clock.value
    assert ">open<" in play.talk.value and ">about them<" in play.talk.value
    play.question.value = "Is your team hiring?"
    play.ask.click()
    assert ">asks for a job<" in play.talk.value
    play.finish.click()
    assert "of 10</b> points" in play.score.value and "web-searchable" in play.score.value
    play.save.click()
    assert (tmp_path / "my-roleplay.csv").is_file() and "✓ Saved to" in play.saved.value
    play.persona.value = next(v for _, v in play.persona.options if v != play.persona.value)
    assert play.interview.rows == [] and play.score.value == ""
