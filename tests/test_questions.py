"""Tests of the question bank and the interview planner."""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from coffeechat.contacts import Person
from coffeechat.errors import CoffeeChatError, InvalidParameter, PlanError, QuestionBankError
from coffeechat.outreach import job_request, job_words
from coffeechat.questions import (
    AUDIENCES,
    CLOSING_IDS,
    CORE_QUESTIONS,
    GOALS,
    MORE_QUESTIONS,
    TIARA,
    TOPICS,
    InterviewPlan,
    Question,
    QuestionBank,
    default_bank_path,
    infer_audience,
    load_bank,
    normalize_goal,
    plan_interview,
)

BANK = load_bank()
HEADER = "id,text,category,topic,audience,minutes,searchable,value,group\n"
ROLES = {
    "peer": Person("p", "Pia Lund", "Northwind Foods", "Data Analyst", "Food retail"),
    "manager": Person("m", "Malik Osei", "Borealis Labs", "Engineering Manager", "Energy"),
    "executive": Person("e", "Erin Vale", "Cobalt & Co", "VP of Operations", "Logistics"),
    "recruiter": Person("r", "Rosa Kim", "Acme Health", "Talent Partner", "Healthcare"),
    "alumni": Person("a", "Ari Stone", "Lumen Bank", "Analyst", "Finance", tags=("alumni",)),
}


def write(tmp_path: Path, body: str, name: str = "mine.csv") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


# ------------------------------------------------------------------ the bundled bank


def test_bank_size_and_vocabulary() -> None:
    """The bundled bank has at least 120 questions using every category and topic."""
    assert len(BANK) >= 120
    assert {q.category for q in BANK} == set(TIARA)
    assert {q.topic for q in BANK} == set(TOPICS)
    assert all(set(q.audience) <= set(AUDIENCES) for q in BANK)
    assert all(q.text.endswith("?") for q in BANK)


def test_bank_has_the_closing_questions() -> None:
    """The two closing questions every plan ends with are in the bank."""
    texts = [BANK[i].text for i in CLOSING_IDS]
    assert texts == ["Is there anything I should have asked?", "Who else should I talk to?"]


def test_bank_never_talks_about_jobs() -> None:
    """No bundled question asks for a job or even uses a job word."""
    assert [q.id for q in BANK if job_request(q.text) or job_words(q.text)] == []


def test_bank_flags_searchable_questions() -> None:
    """The bank keeps some web-searchable questions, each marked and worth little."""
    searchable = [q for q in BANK if q.searchable]
    assert len(searchable) >= 8
    assert all(q.value == 1 for q in searchable)


@pytest.mark.parametrize("audience", ["peer", "manager", "executive", "recruiter", "alumni"])
@pytest.mark.parametrize("goal", GOALS)
def test_every_goal_has_questions_for_every_audience(goal: str, audience: str) -> None:
    """Each goal has at least two usable questions for each kind of interviewee."""
    usable = [q for q in BANK if q.topic == goal and q.suits((audience,)) and not q.searchable]
    assert len({BANK.cluster(q.id) for q in usable}) >= 2


def test_bank_near_duplicates_share_a_group() -> None:
    """Every pair the similarity measure flags in the bundled bank was grouped on purpose."""
    by_id = {q.id: q for q in BANK}
    pairs = BANK.near_duplicates()
    assert pairs, "the bank should group some near-duplicates"
    assert all(by_id[a].group and by_id[a].group == by_id[b].group for a, b in pairs)


def test_bank_round_trips_through_csv(tmp_path: Path) -> None:
    """Writing the bank to CSV and loading it back gives the same questions."""
    path = tmp_path / "copy.csv"
    BANK.to_csv(path)
    assert load_bank(path, include_default=False) == BANK
    assert default_bank_path().read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_to_frame_has_one_row_per_question() -> None:
    """The bank as a DataFrame keeps every question and column."""
    frame = BANK.to_frame()
    assert list(frame.columns) == [
        "id",
        "text",
        "category",
        "topic",
        "audience",
        "minutes",
        "searchable",
        "value",
        "group",
    ]
    assert len(frame) == len(BANK)
    assert frame["id"].is_unique


# ------------------------------------------------------------------ questions


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        (
            Person("x", "Noor", "Acme Health", "UX Lead", "Healthcare"),
            "What did your first three months as a UX Lead look like?",
        ),
        (None, "What did your first three months in your role look like?"),
    ],
)
def test_slots_are_filled(person: Person | None, expected: str) -> None:
    """Slots take the interviewee's values, or read naturally when unknown."""
    assert BANK["dd-first-months"].ask(person) == expected


def test_organization_and_industry_slots() -> None:
    """Organisation and industry slots are filled, with "your ..." when unknown."""
    q = BANK["in-other-organisations"]
    assert q.ask(ROLES["recruiter"]) == (
        "Besides Acme Health, which organisations in healthcare would you suggest I learn about?"
    )
    assert "your organization" in q.ask(Person("z", "Zed")) and "your industry" in q.ask()


@pytest.mark.parametrize(
    ("fields", "match"),
    [
        ({"category": "gossip"}, "category 'gossip' is not one of trends"),
        ({"topic": "weather"}, "topic 'weather' is not one of career path"),
        ({"text": "Tell me about your day."}, "should end with a question mark"),
        ({"text": "What is {salary}?"}, r"unknown slot \{salary\}"),
        ({"text": "Are you hiring?"}, "asks for a job"),
        ({"minutes": 0.3}, "minutes '0.3' must be 0.5 to 10"),
        ({"value": 9}, "value '9' must be a whole number from 1 to 5"),
        ({"audience": ("ceo",)}, "audience 'ceo' is not one of"),
        ({"id": "two words"}, "must be one word"),
    ],
)
def test_invalid_question_records(fields: dict, match: str) -> None:
    """A Question built in code is checked like a bank row."""
    base = {"id": "q", "text": "What do you enjoy?", "category": "insights", "topic": "culture"}
    with pytest.raises(QuestionBankError, match=match):
        Question(**{**base, **fields})


def test_question_synonyms_are_normalised() -> None:
    """Synonyms for categories, topics and audiences are stored in their usual spelling."""
    q = Question("q", "What do you enjoy?", "Trend", "Salary", ("Managers", "alum"), 1, "yes")
    assert (q.category, q.topic, q.audience, q.minutes, q.searchable) == (
        "trends",
        "pay and schedule",
        ("manager", "alumni"),
        1.0,
        True,
    )


def test_bank_refuses_repeats() -> None:
    """A bank holds each id and each text once."""
    a = Question("a", "What do you enjoy?", "insights", "culture")
    with pytest.raises(QuestionBankError, match="id 'a' is used twice"):
        QuestionBank([a, Question("a", "What is hard?", "insights", "culture")])
    with pytest.raises(QuestionBankError, match="repeats the text of 'a'"):
        QuestionBank([a, Question("b", "What do you  ENJOY?", "insights", "culture")])


def test_unknown_question_id_suggests_close_ids() -> None:
    """Looking up a mistyped id suggests the ids it may mean."""
    with pytest.raises(QuestionBankError, match="did you mean 'closing-who-else'"):
        BANK["closing-who-els"]


# ------------------------------------------------------------------ loading files


def test_custom_questions_are_added(tmp_path: Path) -> None:
    """A learner's CSV adds to the bundled bank; optional columns take defaults."""
    path = write(
        tmp_path,
        "id,text,category,topic\n"
        'my-1,"What would you tell your younger self about {industry}?",advice,career path\n',
    )
    bank = load_bank(path)
    assert len(bank) == len(BANK) + 1
    mine = bank["my-1"]
    assert (mine.audience, mine.minutes, mine.searchable, mine.value) == (("any",), 2.0, False, 3)
    assert bank.where("my-1") == f"{path}:2"


@pytest.mark.parametrize(
    ("body", "where", "message"),
    [
        pytest.param(
            HEADER + "a,What do you enjoy?,gossip,culture,any,2,no,3,\n",
            "2:3",
            "category 'gossip'",
            id="category",
        ),
        pytest.param(
            HEADER + "a,What do you enjoy?,insights,weather,any,2,no,3,\n",
            "2:4",
            "topic 'weather'",
            id="topic",
        ),
        pytest.param(
            HEADER + "a,What do you enjoy?,insights,culture,ceo,2,no,3,\n",
            "2:5",
            "audience 'ceo'",
            id="audience",
        ),
        pytest.param(
            HEADER + "a,What do you enjoy?,insights,culture,any,two,no,3,\n",
            "2:6",
            "minutes 'two'",
            id="minutes",
        ),
        pytest.param(
            HEADER + "a,What do you enjoy?,insights,culture,any,2,maybe,3,\n",
            "2:7",
            "searchable 'maybe' must be yes or no",
            id="searchable",
        ),
        pytest.param(
            HEADER + "a,What do you enjoy?,insights,culture,any,2,no,0,\n",
            "2:8",
            "value '0'",
            id="value",
        ),
        pytest.param(
            HEADER + "a,What do you enjoy?,insights,culture,any,2,no,3,two words\n",
            "2:9",
            "group 'two words'",
            id="group",
        ),
        pytest.param(
            HEADER + "a,Could you refer me to your manager?,advice,entry paths,any,2,no,3,\n",
            "2:2",
            "asks for a job ('refer me')",
            id="job-request",
        ),
        pytest.param(
            HEADER + "a,Tell me about {team}.,insights,culture,any,2,no,3,\n",
            "2:2",
            "should end with a question mark",
            id="not-a-question",
        ),
        pytest.param(
            HEADER + "a,What do you enjoy?,insights,culture,any,2,no,3,\n"
            "a,What is hard?,insights,culture,any,2,no,3,\n",
            "3:1",
            "id 'a' is already used on line 2",
            id="duplicate-id",
        ),
        pytest.param(
            HEADER + "a,What do you enjoy?,insights,culture,any,2,no,3,\n"
            "b,What do you enjoy?,insights,culture,any,2,no,3,\n",
            "3:2",
            "same text as line 2",
            id="duplicate-text",
        ),
        pytest.param(
            "id,text,category,topic,colour\na,What do you enjoy?,insights,culture,red\n",
            "1:5",
            "unknown column 'colour'",
            id="unknown-column",
        ),
        pytest.param(
            "id,text,category\na,What do you enjoy?,insights\n",
            "1:4",
            "missing column 'topic'",
            id="missing-column",
        ),
        pytest.param(
            HEADER + "a,What do you enjoy, really?,insights,culture,any,2,no,3,\n",
            "2:10",
            "has 10 values but the header has 9",
            id="unquoted-comma",
        ),
        pytest.param(
            HEADER + "\n\na,What do you enjoy?,insights,culture,any,2,no,3,\n"
            'b,"What is\nhard?",insights,culture,any,2,no,3,\n'
            "c,Why?,insights,culture,any,2,no,9,\n",
            "7:8",
            "value '9'",
            id="line-after-blank-lines-and-a-multiline-cell",
        ),
    ],
)
def test_bad_rows_name_file_line_and_column(
    tmp_path: Path, body: str, where: str, message: str
) -> None:
    """A bad bank file is refused with file:line:column and the problem."""
    path = write(tmp_path, body)
    with pytest.raises(QuestionBankError) as info:
        load_bank(path, include_default=False)
    assert f"{path}:{where}: " in str(info.value)
    assert message in str(info.value)


def test_every_bad_row_is_reported(tmp_path: Path) -> None:
    """All problems of a file come in one error, one line each."""
    path = write(
        tmp_path,
        HEADER
        + "a,What do you enjoy?,gossip,culture,any,2,no,3,\n"
        + "b,What is hard?,insights,culture,any,2,no,3,\n"
        + "c,Is your team hiring?,insights,weather,any,2,no,3,\n",
    )
    with pytest.raises(QuestionBankError) as info:
        load_bank(path, include_default=False)
    problems = info.value.problems
    assert [p.split(": ")[0] for p in problems] == [f"{path}:2:3", f"{path}:4:2", f"{path}:4:4"]
    assert str(info.value).splitlines() == list(problems)


def test_duplicate_across_files_names_both_places(tmp_path: Path) -> None:
    """An id used in the bundled bank and in a learner's file is refused, naming both."""
    path = write(tmp_path, "id,text,category,topic\nclosing-who-else,Who next?,resources,closing\n")
    with pytest.raises(QuestionBankError, match=rf"{path}:2: id 'closing-who-else' is used twice"):
        load_bank(path)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (None, "no such file"),
        ("", "the file is empty"),
        ("id,text,,topic\n", "column 3 has no name"),
        ("id,text,id\n", "column 'id' appears twice"),
    ],
)
def test_unreadable_files(tmp_path: Path, body: str | None, message: str) -> None:
    """Missing, empty and badly headed files are refused with a clear message."""
    path = tmp_path / "bank.csv" if body is None else write(tmp_path, body, "bank.csv")
    with pytest.raises(QuestionBankError, match=message):
        load_bank(path, include_default=False)


def test_non_utf8_file(tmp_path: Path) -> None:
    """A file saved in another encoding is refused with a hint."""
    path = tmp_path / "latin.csv"
    path.write_bytes("id,text,category,topic\na,¿Qué?,insights,culture\n".encode("latin-1"))
    with pytest.raises(QuestionBankError, match="save it as CSV UTF-8"):
        load_bank(path, include_default=False)


# ------------------------------------------------------------------ goals and audiences


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("career path", "career path"),
        ("Career", "career path"),
        ("day to day", "day-to-day"),
        ("Company culture and values", "culture"),
        ("competitors", "industry"),
        ("skill gaps", "skills"),
        ("breaking in", "entry paths"),
        ("workplace", "work environment"),
        ("Salary", "pay and schedule"),
    ],
)
def test_goal_synonyms(text: str, goal: str) -> None:
    """Friendly names for goals are understood."""
    assert normalize_goal(text) == goal


@pytest.mark.parametrize("text", ["fame", "closing", ""])
def test_unknown_goal_lists_the_goals(text: str) -> None:
    """An unknown goal raises PlanError listing every valid goal."""
    with pytest.raises(PlanError) as info:
        normalize_goal(text)
    assert all(g in str(info.value) for g in GOALS)


@pytest.mark.parametrize(
    ("interviewee", "audience"),
    [
        (ROLES["peer"], ("peer",)),
        (ROLES["manager"], ("manager",)),
        (ROLES["executive"], ("executive",)),
        (ROLES["recruiter"], ("recruiter",)),
        (ROLES["alumni"], ("peer", "alumni")),
        (Person("h", "Hana", role="Head of Design"), ("executive",)),
        (Person("c", "Cy", role="Chief Executive Officer"), ("executive",)),
        (Person("t", "Tom", role="Technical Recruiting Manager"), ("recruiter",)),
        (Person("l", "Lee", role="Team Lead, Payments"), ("manager",)),
        (Person("n", "Nia", role="Nurse"), ("peer",)),
        ("recruiter", ("recruiter",)),
        ("Managers", ("manager",)),
        ("any", ()),
        (None, ()),
    ],
)
def test_infer_audience(interviewee: object, audience: tuple[str, ...]) -> None:
    """Roles map to audiences; an alumni tag adds 'alumni'."""
    assert infer_audience(interviewee) == audience


# ------------------------------------------------------------------ plans: shape


def sections(plan: InterviewPlan) -> list[str]:
    return [item.section for item in plan.items]


def test_plan_shape() -> None:
    """Opening, questions in TIARA order, the two closing questions, then thanks."""
    plan = plan_interview(["culture", "industry", "skills"], 25, ROLES["manager"], seed=3)
    kinds = sections(plan)
    assert kinds[:2] == ["opening", "opening"]
    assert "30 seconds" in plan.items[1].text
    assert kinds[-1] == "thanks"
    assert [q.id for q in plan.closing] == list(CLOSING_IDS)
    body = kinds[2:-3]
    assert body and set(body) == {"questions"}
    order = [TIARA.index(q.category) for q in plan.questions]
    assert order == sorted(order)
    starts = [item.start for item in plan.items]
    assert starts[0] == 0 and all(b.start == a.end for a, b in itertools.pairwise(plan.items))


@pytest.mark.parametrize(
    ("minutes", "questions"), [(10, 1), (15, 3), (20, 4), (25, 5), (30, 5), (60, 5)]
)
def test_plan_holds_three_core_questions_and_a_couple_more(minutes: float, questions: int) -> None:
    """Three core questions, then at most two more as time allows, each a realistic 3-4 minutes."""
    plan = plan_interview(["career path", "skills", "entry paths"], minutes, ROLES["peer"], seed=0)
    assert len(plan.questions) == questions
    assert len(plan.core) == min(questions, CORE_QUESTIONS)
    minutes_planned = [i.minutes for i in plan.items if i.section == "questions"]
    assert all(3 <= m <= 4 for m in minutes_planned), minutes_planned
    assert len(plan.questions) <= CORE_QUESTIONS + MORE_QUESTIONS
    assert [i.core for i in plan.items if i.section == "questions"].count(True) == len(plan.core)


def test_bank_questions_are_planned_at_realistic_minutes() -> None:
    """Every question but the closing ones is planned at 3 to 4 minutes, a follow-up included."""
    for q in BANK:
        if q.topic == "closing":
            assert q.planned_minutes == q.minutes == 1, q.id
        else:
            assert 3 <= q.planned_minutes <= 4 and q.planned_minutes >= q.minutes + 1, q.id


def test_the_learners_own_questions_come_first_as_core() -> None:
    """must_ask questions are the first core questions, in the order given."""
    own = ["sk-my-gaps", "cu-who-thrives"]
    plan = plan_interview(["skills", "culture", "industry"], 30, ROLES["peer"], must_ask=own)
    assert [q.id for q in plan.questions[:2]] == own
    assert [q.id for q in plan.core[:2]] == own and len(plan.core) == CORE_QUESTIONS
    assert len(plan.questions) == CORE_QUESTIONS + MORE_QUESTIONS


def test_tiara_is_covered_where_time_allows() -> None:
    """The questions added as time allows bring TIARA categories the core does not ask."""
    goals = ["career path", "skills", "entry paths"]
    short = plan_interview(goals, 15, ROLES["peer"], seed=0)
    long = plan_interview(goals, 30, ROLES["peer"], seed=0)
    core = {q.category for q in long.core}
    added = {q.category for q in long.questions if q not in long.core}
    assert added and not added & core
    assert len({q.category for q in long.questions}) > len({q.category for q in short.questions})


@pytest.mark.parametrize("minutes", [10, 15, 20, 30])
def test_explain_mentions_only_what_is_asked(minutes: float) -> None:
    """explain() names a TIARA category as coming before only if a question of it was asked."""
    plan = plan_interview(["career path", "skills"], minutes, ROLES["manager"], seed=1)
    asked = {q.category for q in plan.questions}
    explanation = plan.explain()
    for category in TIARA:
        if category not in asked:
            assert f"after the {category} question" not in explanation
            assert f"TIARA: {category}" not in explanation
    first = plan.questions[0]
    assert f"- {first.id}: " in explanation and "asked first" in explanation


def test_plan_fills_slots_from_interviewee() -> None:
    """The agenda's questions are asked about the interviewee's own organisation."""
    plan = plan_interview("culture", 20, ROLES["recruiter"], seed=0)
    texts = " ".join(i.text for i in plan.items)
    assert "{" not in texts
    assert "Acme Health" in texts


def test_plan_is_deterministic_for_a_seed() -> None:
    """The same seed gives the same plan; other seeds give plans of equal worth."""
    args = (["skills", "culture"], 20, ROLES["peer"])
    first = plan_interview(*args, seed=11)
    assert plan_interview(*args, seed=11) == first
    others = [plan_interview(*args, seed=s) for s in range(8)]
    core_value = {(p.covered_goals, sum(q.value for q in p.core), len(p.questions)) for p in others}
    assert core_value == {(first.covered_goals, sum(q.value for q in first.core), 4)}
    assert len({tuple(q.id for q in p.questions) for p in others}) > 1


def test_plan_prefers_questions_the_web_cannot_answer() -> None:
    """A searchable question is never chosen, even when it is worth more."""
    bank = QuestionBank(
        [
            Question(
                "web",
                "When was {organization} founded?",
                "resources",
                "industry",
                minutes=1,
                searchable=True,
                value=5,
            ),
            Question(
                "deep",
                "What worries you about {industry}?",
                "trends",
                "industry",
                minutes=2,
                value=2,
            ),
        ]
    )
    plan = plan_interview("industry", 10, bank=bank)
    assert [q.id for q in plan.questions] == ["deep"]
    only_web = QuestionBank([bank["web"]])
    empty = plan_interview("industry", 10, bank=only_web)
    assert empty.questions == ()
    assert "quick web search" in dict(empty.left_out)["industry"]


def test_must_ask_and_avoid() -> None:
    """must_ask questions are always asked; avoided ids and topics never are."""
    plan = plan_interview(
        ["culture", "skills"],
        20,
        ROLES["peer"],
        must_ask=["ps-travel", "cl-mention-name"],
        avoid=["cu-who-thrives"],
        seed=2,
    )
    ids = [q.id for q in plan.questions]
    assert "ps-travel" in ids
    assert "cu-who-thrives" not in ids
    assert [q.id for q in plan.closing] == ["cl-mention-name", *CLOSING_IDS]
    assert (
        "not one of your goals"
        in {i.question.id: i.why for i in plan.items if i.question}["ps-travel"]
    )


def test_must_ask_blocks_its_near_duplicates() -> None:
    """A must-ask question keeps its near-duplicates out of the plan."""
    plan = plan_interview("day-to-day", 30, ROLES["peer"], must_ask=["dd-recent-day"], seed=0)
    ids = {q.id for q in plan.questions}
    assert "dd-recent-day" in ids and "dd-typical-week" not in ids


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"goals": []}, "name at least one goal"),
        ({"goals": ["fame"]}, "unknown goal 'fame'"),
        ({"goals": 7}, "goals must be a list of goals"),
        ({"minutes": 3}, "outside 5 to 60"),
        ({"minutes": 90}, "outside 5 to 60"),
        ({"minutes": "20"}, "minutes must be a number"),
        ({"minutes": float("nan")}, "outside 5 to 60"),
        ({"must_ask": ["cl-mention-nam"]}, "did you mean 'cl-mention-name'"),
        ({"must_ask": [3]}, "must hold question ids"),
        ({"must_ask": ["cu-who-thrives", "cu-fit-early"]}, "near-duplicates; keep one"),
        (
            {"minutes": 10, "must_ask": ["dd-recent-day", "cu-who-thrives", "sk-my-gaps"]},
            "take 10 minutes, but a 10-minute plan has only 5.5",
        ),
        (
            {
                "minutes": 60,
                "must_ask": [
                    "dd-recent-day",
                    "cu-who-thrives",
                    "sk-my-gaps",
                    "cp-first-spark",
                    "in-watching",
                    "ep-how-joined",
                ],
            },
            "must_ask names 6 questions, but a plan asks at most 5",
        ),  # fmt: skip
        ({"avoid": ["culture"]}, "leave it out of the goals"),
        ({"avoid": ["cu-who-thrive"]}, "did you mean 'cu-who-thrives'"),
        ({"must_ask": ["sk-my-gaps"], "avoid": ["sk-my-gaps"]}, "both in must_ask and in avoid"),
        ({"seed": "x"}, "seed must be a whole number"),
        ({"bank": [1, 2]}, "bank must be a QuestionBank"),
        ({"interviewee": 42}, "interviewee must be a Person"),
    ],
)
def test_plan_errors(kwargs: dict, match: str) -> None:
    """Impossible requests raise PlanError, arguments of the wrong type InvalidParameter."""
    args = {"goals": ["culture"], "minutes": 20, **kwargs}
    wrong_type = any(
        words in match
        for words in ("must be a list", "must be a number", "must hold", "seed must", "bank must")
    )
    with pytest.raises(InvalidParameter if wrong_type else PlanError, match=match) as info:
        plan_interview(**args)
    assert isinstance(info.value, CoffeeChatError)


def test_left_out_goals_say_why_and_how_much_time_would_do() -> None:
    """Goals that do not fit are named, and the suggested time really covers them all."""
    goals = GOALS[:5]
    plan = plan_interview(goals, 10, ROLES["peer"], seed=0)
    assert plan.left_out
    reason = plan.left_out[0][1]
    assert "not enough time" in reason
    suggested = float(re.search(r"\ban? (\d+)-minute conversation", reason)[1])
    assert suggested > 10
    assert plan_interview(goals, suggested, ROLES["peer"], seed=0).left_out == ()
    assert plan_interview(goals, suggested - 1, ROLES["peer"], seed=0).left_out != ()


def test_more_goals_than_questions_are_left_out_with_that_reason() -> None:
    """Five questions cover at most five goals, whatever the time: the plan says so."""
    plan = plan_interview(GOALS, 60, ROLES["peer"], seed=0)
    assert len(plan.covered_goals) == 5 and len(plan.left_out) == len(GOALS) - 5
    assert all("at most 5 goals" in reason for _, reason in plan.left_out)


def test_left_out_when_no_question_suits() -> None:
    """A goal with no question for this audience is left out with that reason."""
    bank = QuestionBank(
        [
            Question(
                "a",
                "What is the pay like for recruiters?",
                "insights",
                "pay and schedule",
                audience=("recruiter",),
            ),
            Question("b", "What do you enjoy?", "insights", "culture"),
        ]
    )
    plan = plan_interview(["pay", "culture", "skills"], 20, ROLES["executive"], bank=bank)
    reasons = dict(plan.left_out)
    assert "suit an executive" in reasons["pay and schedule"]
    assert "no questions on it" in reasons["skills"]
    assert plan.covered_goals == ("culture",)


def test_markdown_frame_and_explanation() -> None:
    """The printable agenda, the table and the explanation agree with the plan."""
    plan = plan_interview(["industry", "entry paths"], 20, ROLES["alumni"], seed=4)
    markdown = plan.to_markdown()
    assert markdown.startswith("# Informational interview with Ari Stone, Analyst at Lumen Bank")
    assert markdown.count("\n| ") == len(plan.items) + 1
    assert "| 0:00 |" in markdown and "| 0:30 |" in markdown
    frame = plan.to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == len(plan.items)
    assert frame["minutes"].sum() == plan.total_minutes
    assert list(frame["id"][frame["section"] == "questions"]) == [q.id for q in plan.questions]
    explanation = plan.explain()
    for q in (*plan.questions, *plan.closing):
        assert f"- {q.id}: " in explanation
    assert "exact search" in explanation
    assert plan._repr_markdown_() == markdown == str(plan)


# ------------------------------------------------------------------ plans: properties

PEOPLE = st.sampled_from([None, *ROLES.values()])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    goals=st.lists(st.sampled_from(GOALS), min_size=1, max_size=8, unique=True),
    minutes=st.one_of(st.integers(5, 60), st.floats(5, 60, allow_nan=False)),
    person=PEOPLE,
    seed=st.one_of(st.none(), st.integers(0, 10_000)),
)
def test_plan_properties(goals, minutes, person, seed) -> None:
    """Any plan keeps its time with a buffer, closes with the referral, and never asks for work."""
    plan = plan_interview(goals, minutes, person, seed=seed)
    assert plan.total_minutes + plan.buffer == pytest.approx(minutes)
    assert plan.buffer >= max(1.0, minutes / 10)
    assert plan.items[-1].section == "thanks"
    assert plan.items[-2].question.id == "closing-who-else"
    assert plan.items[-3].question.id == "closing-anything-else"
    assert not any(job_request(item.text) for item in plan.items)
    audience = infer_audience(person)
    for q in plan.questions:
        assert q.topic in plan.goals and q.suits(audience) and not q.searchable
    clusters = [BANK.cluster(q.id) for q in (*plan.questions, *plan.closing)]
    assert len(clusters) == len(set(clusters))
    assert set(plan.covered_goals) | set(plan.missing_goals) == set(plan.goals)
    assert sum(q.planned_minutes for q in plan.questions) <= plan.question_budget
    assert len(plan.core) <= CORE_QUESTIONS
    assert len(plan.questions) <= CORE_QUESTIONS + MORE_QUESTIONS


def min_cover_minutes(goals, person) -> float | None:
    """The fewest question minutes that cover every goal, by trying every combination."""
    audience = infer_audience(person)
    closing = {BANK.cluster(i) for i in CLOSING_IDS}
    options = [
        [
            q
            for q in BANK
            if q.topic == g
            and q.suits(audience)
            and not q.searchable
            and BANK.cluster(q.id) not in closing
        ]
        for g in goals
    ]
    best = None
    for combo in itertools.product(*options):
        if len({BANK.cluster(q.id) for q in combo}) < len(combo):
            continue
        cost = sum(q.planned_minutes for q in combo)
        best = cost if best is None else min(best, cost)
    return best


@settings(max_examples=60, deadline=None)
@given(
    goals=st.lists(st.sampled_from(GOALS), min_size=1, max_size=3, unique=True),
    minutes=st.integers(5, 30),
    person=PEOPLE,
)
def test_plan_covers_goals_when_feasible(goals, minutes, person) -> None:
    """Whenever some choice of questions covering every goal fits, the plan covers them all."""
    plan = plan_interview(goals, minutes, person, seed=0)
    need = min_cover_minutes(goals, person)
    feasible = need is not None and need <= plan.question_budget
    assert (plan.left_out == ()) is feasible


# ------------------------------------------------------------------ optimality

SMALL_GOALS = ("culture", "skills", "industry")


def letters(i: int) -> str:
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
    return out


@st.composite
def small_banks(draw):
    """A bank of up to 10 questions whose texts share no content words."""
    n = draw(st.integers(1, 10))
    questions = []
    for i in range(n):
        tag = letters(i)
        questions.append(
            Question(
                id=f"q{i}",
                text=f"What is zq{tag}x about zq{tag}y?",
                category=draw(st.sampled_from(TIARA)),
                topic=draw(st.sampled_from([*SMALL_GOALS, "pay and schedule"])),
                audience=draw(st.sampled_from([("any",), ("peer",), ("recruiter",)])),
                minutes=draw(st.sampled_from([0.5, 1, 1.5, 2, 3, 4])),
                searchable=draw(st.booleans()),
                value=draw(st.integers(1, 5)),
                group=draw(st.sampled_from(["", "", "g1", "g2"])),
            )
        )
    return QuestionBank(questions)


def _distinct_groups(questions) -> bool:
    groups = [q.group for q in questions if q.group]
    return len(groups) == len(set(groups))


def brute_force_core(bank, goals, audience, budget, forced):
    """(goals covered, value) of the best core, over every small enough subset."""
    forced_groups = {q.group for q in forced if q.group}
    pool = [
        q
        for q in bank
        if q.topic in goals
        and q.suits(audience)
        and not q.searchable
        and q not in forced
        and q.group not in forced_groups
    ]
    slots = max(0, CORE_QUESTIONS - len(forced))
    best = None
    for r in range(slots + 1):
        for combo in itertools.combinations(pool, r):
            if not _distinct_groups(combo):
                continue
            if sum(q.planned_minutes for q in (*forced, *combo)) > budget:
                continue
            covered = {q.topic for q in (*forced, *combo)} & set(goals)
            key = (len(covered), sum(q.value for q in combo))
            best = key if best is None or key > best else best
    return best, pool


def more_key(chosen, asked, goals, taken):
    """How good a set of questions added as time allows is: new goals, new TIARA, value."""
    return (
        len({q.topic for q in chosen} & set(goals) - taken),
        len({q.category for q in chosen} - asked),
        sum(q.value for q in chosen),
        -sum(q.planned_minutes for q in chosen),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    bank=small_banks(),
    goals=st.lists(st.sampled_from(SMALL_GOALS), min_size=1, max_size=3, unique=True),
    minutes=st.integers(5, 30),
    person=st.sampled_from([None, "peer", "recruiter"]),
    must=st.lists(st.integers(0, 9), max_size=2, unique=True),
    seed=st.one_of(st.none(), st.integers(0, 99)),
)
def test_plan_is_optimal_against_brute_force(bank, goals, minutes, person, must, seed) -> None:
    """No core that fits covers more goals, or as many with more value; no better few more fit."""
    must_ask = [f"q{i}" for i in must if f"q{i}" in bank]
    forced = [bank[i] for i in must_ask]
    assume(_distinct_groups(forced))
    try:
        plan = plan_interview(goals, minutes, person, bank=bank, must_ask=must_ask, seed=seed)
    except PlanError as err:
        assert "must_ask take" in str(err)
        return
    audience = infer_audience(person)
    chosen = plan.questions
    assert sum(q.planned_minutes for q in chosen) <= plan.question_budget
    assert _distinct_groups(chosen)
    assert [q.id for q in chosen[: len(must_ask)]] == must_ask  # the learner's own come first
    core = [q for q in plan.core if q.id not in must_ask]
    more = [q for q in chosen if q not in plan.core]
    assert len(plan.core) <= CORE_QUESTIONS and len(more) <= MORE_QUESTIONS
    expected, pool = brute_force_core(bank, goals, audience, plan.question_budget, forced)
    covered = {q.topic for q in (*forced, *core)} & set(goals)
    assert (len(covered), sum(q.value for q in core)) == expected

    left = plan.question_budget - sum(q.planned_minutes for q in (*forced, *core))
    taken = {q.group for q in (*forced, *core) if q.group} | {q.id for q in (*forced, *core)}
    options = [q for q in pool if q.id not in taken and q.group not in taken]
    asked = {q.category for q in (*forced, *core)}
    best = more_key([], asked, goals, covered)
    if len(core) == CORE_QUESTIONS - len(forced):
        for r in (1, 2):
            for combo in itertools.combinations(options, r):
                if _distinct_groups(combo) and sum(q.planned_minutes for q in combo) <= left:
                    best = max(best, more_key(combo, asked, goals, covered))
    assert more_key(more, asked, goals, covered) == best


@pytest.mark.parametrize("minutes", [5, 12.5, 15, 20, 30, 45, 60])
def test_question_budget_leaves_room(minutes: float) -> None:
    """Opening, closing, thanks, buffer and the question budget fit in the minutes asked."""
    plan = plan_interview("culture", minutes, seed=0)
    fixed = 0.5 + 0.5 + 1 + 1 + 0.5
    buffer = max(1.0, math.ceil(minutes * 0.2) / 2)
    assert plan.question_budget == math.floor((minutes - fixed - buffer) * 2) / 2
    assert plan.question_budget + fixed + buffer <= minutes
