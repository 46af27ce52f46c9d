"""Tests of the outreach checks: request notes, thank-you notes and the 3B7 dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.errors import CoffeeChatError, InvalidParameter
from coffeechat.outreach import (
    FIRST_EDITION_MAX_WORDS,
    MAX_WORDS,
    Finding,
    Review,
    add_business_days,
    follow_up_dates,
    job_request,
    job_words,
    review_request,
    review_thank_you,
)

REQUEST_RULES = (
    "word-count",
    "no-job-words",
    "connection-first",
    "ask-is-a-question",
    "short-stated-time",
    "about-the-reader",
    "specific-interest",
)

GOOD_ALUMNI = """Hi Ana,

I found your name in the Lakeside College alumni directory. Your work on accessible design
at Acme Health caught my eye, and I am curious about product design for healthcare more
broadly. Would you be open to a 20-minute call in the next few weeks to share your view?

Thank you,
Sam"""

GOOD_REFERRAL = """Dear Mr. Okafor,

Maria Chen, a former colleague of yours, suggested I contact you. Your team's research on
battery recycling at Borealis Labs sounds fascinating, as does energy storage more generally.
Could you spare 15 minutes for a phone call next week so I can hear how you approach it?

Best regards,
Sam Rivera"""

GOOD_EVENT = (
    "Hello Priya, we met briefly at the Riverside data meetup on Tuesday. Your talk on "
    "forecasting demand for community clinics stayed with me. Might you have 15-20 minutes "
    "this month for a video call about how your team uses it?"
)

# (draft, the rules it should fail) — realistic drafts with one or more classic mistakes.
REQUESTS = [
    pytest.param(GOOD_ALUMNI, set(), id="good-alumni"),
    pytest.param(GOOD_REFERRAL, set(), id="good-referral"),
    pytest.param(GOOD_EVENT, set(), id="good-event"),
    pytest.param(
        "Hi Ana, I found your name in the Lakeside alumni directory. I saw the opening on "
        "your team and would love to send along my resume. Would you have 20 minutes for a "
        "call about your work on accessible design?",
        {"no-job-words"},
        id="mentions-opening-and-resume",
    ),
    pytest.param(
        "Hi Ana, I found your name in the Lakeside alumni directory. Could I pick your brain "
        "for 20 minutes about your work on accessible design?",
        {"no-job-words"},
        id="pick-your-brain",
    ),
    pytest.param(
        "Your work on accessible design at Acme Health stands out, as does your view of "
        "healthcare design more broadly. I found your name in the Lakeside College alumni "
        "directory. Would you be open to a 20-minute call?",
        {"connection-first"},
        id="connection-buried",
    ),
    pytest.param(
        "Hi Ana, I found your name in the Lakeside alumni directory. Your work on accessible "
        "design stands out. I would love to have a 20-minute call with you next week.",
        {"ask-is-a-question"},
        id="ask-is-a-statement",
    ),
    pytest.param(
        "Hi Ana, I found your name in the Lakeside alumni directory. Your work on accessible "
        "design stands out. Would you be open to a quick chat sometime?",
        {"short-stated-time"},
        id="no-time-stated",
    ),
    pytest.param(
        "Hi Ana, I found your name in the Lakeside alumni directory. Your work on accessible "
        "design stands out. Would you have an hour for coffee with me?",
        {"short-stated-time"},
        id="asks-for-an-hour",
    ),
    pytest.param(
        "Hi Ana, I found your name in the Lakeside alumni directory. Your work on accessible "
        "design stands out. Could you spare 5 minutes on the phone?",
        {"short-stated-time"},
        id="too-short-to-be-real",
    ),
    pytest.param(
        "Hi Ana, I found your name in the alumni directory. I am a senior at Lakeside College, "
        "I study economics and I am interested in sustainable finance. I have done two projects "
        "in my classes and I enjoy them. Could we talk for 20 minutes?",
        {"about-the-reader"},
        id="all-about-me",
    ),
    pytest.param(
        "Hi Ana, I found your name in the Lakeside alumni directory. Would you be open to a "
        "20-minute call about your career?",
        {"specific-interest"},
        id="vague-interest",
    ),
    pytest.param(
        "Dear Sir or Madam, I am a recent graduate looking for a job and I want a position at "
        "your company. I would like to pick your brain for an hour.",
        {
            "no-job-words",
            "connection-first",
            "ask-is-a-question",
            "short-stated-time",
            "about-the-reader",
            "specific-interest",
        },
        id="classic-cold-job-ask",
    ),
]


@pytest.mark.parametrize(("draft", "failing"), REQUESTS)
def test_request_rules(draft: str, failing: set[str]) -> None:
    """Each draft fails exactly the rules it breaks, and every rule is reported."""
    result = review_request(draft)
    assert result.rules == REQUEST_RULES
    assert {f.rule for f in result.failures} == failing
    assert result.passed is (not failing)


def test_word_count_limit_and_first_edition() -> None:
    """A note of 75 to 99 words fails the 75-word rule and passes the first edition's 100."""
    extra = (
        " Your recent article on patient onboarding was thoughtful, and your team's redesign of"
        " the appointment flow looks like the kind of work you can only learn about from"
        " someone who did it."
    )
    draft = GOOD_ALUMNI.replace("caught my eye,", "caught my eye." + extra + " Also,")
    result = review_request(draft)
    words = int(result["word-count"].message.split()[3])
    assert MAX_WORDS <= words < FIRST_EDITION_MAX_WORDS
    assert [f.rule for f in result.failures] == ["word-count"]
    assert "aim for under 75" in result["word-count"].message
    assert review_request(draft, max_words=FIRST_EDITION_MAX_WORDS).passed


def test_word_count_skips_greeting_and_sign_off() -> None:
    """The greeting and sign-off are not counted: adding a longer sign-off changes nothing."""
    short = review_request(GOOD_ALUMNI)["word-count"].message
    longer = GOOD_ALUMNI.replace("Thank you,\nSam", "With thanks\nSam Rivera\nLakeside College")
    assert review_request(longer)["word-count"].message.split()[0] == short.split()[0]


def test_long_note_message_points_at_the_part_about_yourself() -> None:
    """The advice for a long note quotes the paragraph that talks most about the writer."""
    about_me = (
        "I am a third-year student and I have worked in two cafes, I led my debate club, "
        "I volunteer at my local library and I love my statistics classes very much indeed."
    )
    draft = GOOD_ALUMNI.replace("Thank you,", about_me + "\n\nThank you,")
    message = review_request(draft)["word-count"].message
    assert message.startswith("Your note is ")
    assert "cut the part about yourself" in message and "third-year student" in message


@pytest.mark.parametrize(
    ("connection", "passes", "fragment"),
    [
        ("Lakeside College", True, "names Lakeside College"),
        ("Maria Chen", False, "appears nowhere"),
    ],
)
def test_named_connection(connection: str, passes: bool, fragment: str) -> None:
    """A connection given by name must appear in the first sentence."""
    finding = review_request(GOOD_ALUMNI, connection=connection)["connection-first"]
    assert finding.passed is passes
    assert fragment in finding.message


def test_named_connection_later_says_move_it() -> None:
    """A named connection that appears only later is reported as in the wrong place."""
    draft = "Your design work caught my eye. Lakeside College lists you as an alum. Call?"
    finding = review_request(draft, connection="Lakeside College")["connection-first"]
    assert not finding.passed
    assert "move it to the first sentence" in finding.message


@pytest.mark.parametrize(
    ("interest", "passes"), [("accessible design", True), ("supply chains", False)]
)
def test_named_interest(interest: str, passes: bool) -> None:
    """An interest given by name must appear in the note."""
    assert review_request(GOOD_ALUMNI, interest=interest)["specific-interest"].passed is passes


@pytest.mark.parametrize(
    ("phrase", "passes"),
    [
        ("a 15-minute call", True),
        ("20 minutes", True),
        ("twenty minutes", True),
        ("15–30 minutes", True),
        ("half an hour", True),
        ("10-15 minutes", False),
        ("45 minutes", False),
        ("an hour", False),
        ("a few minutes", False),
    ],
)
def test_time_phrases(phrase: str, passes: bool) -> None:
    """Stated times between 15 and 30 minutes pass, in digits, words or ranges."""
    draft = f"I found your name on LinkedIn. Would you have {phrase} to talk about your work?"
    assert review_request(draft)["short-stated-time"].passed is passes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Are you hiring at the moment?", "Are you hiring"),
        ("Let me know if your team is hiring.", "is hiring"),
        ("Are there any openings on your team?", "any openings"),
        ("Could you refer me to the manager?", "refer me"),
        ("Please keep me in mind for anything suitable.", "keep me in mind"),
        ("How do I apply to your team?", "How do I apply"),
        ("Would you pass along my CV?", "pass along my CV"),
        ("What does your job involve day to day?", None),
        ("Which positions on the team work with customers?", None),
        ("Who else should I talk to?", None),
    ],
)
def test_job_request(text: str, expected: str | None) -> None:
    """Requests for a job or referral are found; questions that merely mention work are not."""
    assert job_request(text) == expected


def test_job_words_finds_every_mention() -> None:
    """Every job word is listed in order, accents included."""
    text = "No jobs here, but the Position, an opening, hiring news, my résumé and my CV."
    assert job_words(text) == ["jobs", "Position", "opening", "hiring", "résumé", "CV"]


def test_findings_read_well() -> None:
    """A result prints a headline and one line per rule, with a mark for pass or fail."""
    text = str(review_request(GOOD_ALUMNI))
    lines = text.splitlines()
    assert lines[0] == "request: 7 of 7 checks passed"
    assert all(line.startswith("✓ ") for line in lines[1:])
    assert len(lines) == 1 + len(REQUEST_RULES)


def test_result_lookup_names_the_rules() -> None:
    """Asking a result for an unknown rule says which rules exist."""
    result = Review("x", (Finding("a", True, "ok"),))
    with pytest.raises(InvalidParameter, match="the rules are a"):
        result["b"]


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: review_request(42), "text must be a string"),
        (lambda: review_request("hi", max_words=0), "max_words must be a whole number"),
        (lambda: review_request("hi", max_words=True), "max_words must be a whole number"),
        (lambda: review_request("hi", connection="  "), "connection is empty"),
        (lambda: review_thank_you("x", "2025-03-05", "2025-03-04"), "is before met_at"),
        (lambda: review_thank_you("x", "yesterday", "2025-03-04"), "is not a date"),
        (lambda: review_thank_you("x", 5, "2025-03-04"), "must be a date or datetime"),
        (lambda: follow_up_dates("2025-02-30"), "is not a date"),
        (lambda: follow_up_dates("2025-03-03", holidays="2025-03-04"), "list of dates"),
        (lambda: add_business_days("2025-03-03", -1), "days must be a whole number"),
    ],
)
def test_bad_arguments(call, match: str) -> None:
    """Bad arguments raise the package's InvalidParameter with a readable message."""
    with pytest.raises(InvalidParameter, match=match) as info:
        call()
    assert isinstance(info.value, CoffeeChatError)


# ------------------------------------------------------------ thank-you notes

THANKS_GOOD = """Dear Ana,

Thank you for your time yesterday. You suggested I look at the open data projects run by the
city council, and I have already signed up for their next meetup.

Best,
Sam"""

MET = datetime(2025, 3, 4, 15, 0)


@pytest.mark.parametrize(
    ("text", "sent_at", "failing"),
    [
        pytest.param(THANKS_GOOD, MET + timedelta(hours=18), set(), id="good-next-morning"),
        pytest.param(
            THANKS_GOOD, MET + timedelta(days=3), {"within-24-hours"}, id="three-days-late"
        ),
        pytest.param(
            "Thank you so much for your time. It was great to talk. Best, Sam",
            MET + timedelta(hours=2),
            {"concrete-takeaway"},
            id="no-takeaway",
        ),
        pytest.param(
            THANKS_GOOD.replace("meetup.", "meetup. I have attached my portfolio in case."),
            MET + timedelta(hours=2),
            {"no-attachment"},
            id="attachment",
        ),
        pytest.param(
            THANKS_GOOD.replace("meetup.", "meetup. Could you introduce me to your manager?"),
            MET + timedelta(hours=2),
            {"no-new-request"},
            id="new-request",
        ),
        pytest.param(
            THANKS_GOOD.replace("meetup.", "meetup. Please let me know if your team is hiring."),
            MET + timedelta(hours=2),
            {"no-new-request"},
            id="asks-about-hiring",
        ),
        pytest.param(
            "Thanks for the chat! Attached is my resume. Are there any openings for me?",
            MET + timedelta(days=2),
            {"within-24-hours", "concrete-takeaway", "no-attachment", "no-new-request"},
            id="everything-wrong",
        ),
    ],
)
def test_thank_you_rules(text: str, sent_at: datetime, failing: set[str]) -> None:
    """Each thank-you note fails exactly the rules it breaks."""
    result = review_thank_you(text, MET, sent_at)
    assert result.rules == (
        "within-24-hours",
        "concrete-takeaway",
        "no-attachment",
        "no-new-request",
    )
    assert {f.rule for f in result.failures} == failing


@pytest.mark.parametrize(
    ("met", "sent", "passes"),
    [
        (date(2025, 3, 4), date(2025, 3, 4), True),
        (date(2025, 3, 4), date(2025, 3, 5), True),
        (date(2025, 3, 4), date(2025, 3, 6), False),
        ("2025-03-04T09:00", "2025-03-05T09:00", True),
        ("2025-03-04T09:00", "2025-03-05T09:01", False),
        (date(2025, 3, 4), datetime(2025, 3, 5, 23, 0), True),
    ],
)
def test_thank_you_timing(met: object, sent: object, passes: bool) -> None:
    """24 hours with times; the same or the next day when only a date is known."""
    assert review_thank_you(THANKS_GOOD, met, sent)["within-24-hours"].passed is passes


def test_thank_you_named_takeaway() -> None:
    """A takeaway given by name must appear in the note."""
    ok = review_thank_you(THANKS_GOOD, MET, MET, takeaway="open data projects")
    missing = review_thank_you(THANKS_GOOD, MET, MET, takeaway="the SQL course")
    assert ok["concrete-takeaway"].passed
    assert not missing["concrete-takeaway"].passed


def test_mixed_time_zones_are_refused() -> None:
    """A time with a zone and one without cannot be compared."""
    with pytest.raises(InvalidParameter, match="time zone"):
        review_thank_you(THANKS_GOOD, MET, datetime(2025, 3, 5, tzinfo=UTC))


# ------------------------------------------------------------ 3B7


@pytest.mark.parametrize(
    ("sent", "holidays", "second", "follow_up"),
    [
        ("2025-03-03", (), date(2025, 3, 6), date(2025, 3, 12)),  # Monday
        ("2025-03-07", (), date(2025, 3, 12), date(2025, 3, 18)),  # Friday
        ("2025-03-08", (), date(2025, 3, 13), date(2025, 3, 19)),  # Saturday
        ("2025-03-03", ("2025-03-05",), date(2025, 3, 7), date(2025, 3, 13)),
        (
            date(2025, 12, 22),
            (date(2025, 12, 25), date(2025, 12, 26)),
            date(2025, 12, 29),
            date(2026, 1, 2),
        ),
    ],
)
def test_follow_up_dates(sent, holidays, second: date, follow_up: date) -> None:
    """Day 3 and day 7 count business days, skipping weekends and holidays."""
    dates = follow_up_dates(sent, holidays=holidays)
    assert (dates.second_contact_on, dates.follow_up_on) == (second, follow_up)
    assert "second contact" in str(dates) and "follow-up" in str(dates)


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    days=st.integers(min_value=0, max_value=30),
    holidays=st.lists(st.dates(min_value=date(2020, 1, 1), max_value=date(2031, 3, 1)), max_size=8),
)
def test_business_days_agree_with_numpy(start: date, days: int, holidays: list[date]) -> None:
    """add_business_days agrees with numpy's business-day calendar."""
    expected = np.busday_offset(start, days, roll="forward", holidays=holidays)
    assert add_business_days(start, days, holidays) == expected.astype(date)


# ------------------------------------------------------------ the review's words, as written


def _note(greeting: str, first: str, interest: str) -> str:
    return (
        f"{greeting}\n{first} {interest} Would you be open to a 20-minute call in the next few "
        "weeks?\nBest wishes,\nAlex"
    )


@pytest.mark.parametrize(
    "interest",
    [
        "I would love to hear what your work at Pulsewise involves.",
        "I am curious how your team tests new ideas with patients.",
        "I'd like to understand what your day as a research lead looks like.",
        "Your research on the Pulsewise patient app caught my eye.",
        "I would love to learn about usability testing with patients.",
        "I would love to find out how patient apps are tested.",
    ],
)
def test_natural_phrasings_of_a_specific_interest_pass(interest: str) -> None:
    """A specific interest said in ordinary words counts."""
    note = _note("Hi Amara,", "Farah Siddiqui suggested that I write to you.", interest)
    assert review_request(note)["specific-interest"].passed


@pytest.mark.parametrize(
    ("interest", "cause"),
    [
        ("I would love to work at Pulsewise.", "would like to work there"),
        ("I would love to join your team at Pulsewise.", "would like to work there"),
        ("I am interested in working at Pulsewise.", "would like to work there"),
        ("I am interested in a role at Pulsewise.", "would like to work there"),
        ("I would like to learn more about your company.", "Say what in particular"),
        ("I am curious about your career.", "Say what in particular"),
    ],
)
def test_wanting_to_work_there_is_not_an_interest(interest: str, cause: str) -> None:
    """A wish to work there is named as such; a vague interest gets the general advice."""
    note = _note("Hi Amara,", "Farah Siddiqui suggested that I write to you.", interest)
    finding = review_request(note)["specific-interest"]
    assert not finding.passed and cause in finding.message


@pytest.mark.parametrize("greeting", ["Dear Ms Nwosu,", "Dear Ms. Nwosu,", "Dear Dr Nwosu,"])
def test_title_and_surname_greetings_are_greetings(greeting: str) -> None:
    """A greeting with a title and surname is left out of the body, like "Hi Amara,"."""
    plain = _note(
        "Hi Amara,",
        "Farah Siddiqui suggested that I write to you.",
        "I am curious how your team tests new ideas with patients.",
    )
    formal = plain.replace("Hi Amara,", greeting)
    assert review_request(formal).passed
    assert (
        review_request(formal)["word-count"].message == review_request(plain)["word-count"].message
    )


@pytest.mark.parametrize(
    "first",
    [
        "Farah Siddiqui suggested that I write to you.",
        "Farah Siddiqui told me you lead UX research at Pulsewise.",
        "Farah Siddiqui thought we should talk.",
        "Farah Siddiqui put me in touch with you.",
        "Farah Siddiqui said you might be open to a chat.",
        "I write at the suggestion of Farah Siddiqui, who knows your work.",
        "Farah Siddiqui, who worked with you on the clinic study, recommended you.",
    ],
)
def test_the_review_agrees_with_and_without_the_connection_named(first: str) -> None:
    """A note that names its introducer first gets the same verdict either way."""
    note = _note("Dear Ms Nwosu,", first, "I am curious how your team tests ideas with patients.")
    alone = review_request(note)
    named = review_request(note, connection="Farah Siddiqui")
    assert [f.passed for f in alone] == [f.passed for f in named]
    assert alone.passed, [f.message for f in alone.failures]
