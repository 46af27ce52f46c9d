"""The role-play on free text: the learner types, the persona answers in kind.

Module 5's mock informational interview lets the learner practise the
conversation itself: they write and check their own 30-second introduction
(:func:`check_introduction`), then type their questions and follow-ups. Each
question is classified with the measures of the scorecard
(:func:`classify_question`): open or closed, answered by a web search, about
them, asking for a job, a real follow-up of what was just said, or a closing
question — using the scorecard's own functions, so the two never disagree.
A fictional persona from the learner's target field (:func:`field_personas`)
answers in a way that fits the kind of question: a closed question gets a
short answer, a searchable one a pointer to the website, a job request a
polite no, a follow-up more about what they just said. The persona's facts —
how long they have been there, what they did before, what they are working
on, whom else to talk to — come from the sample network and its career
histories, and stay the same through the conversation (:class:`Interview`).

Examples
--------
>>> noor = next(p for p in field_personas() if p.name == "Noor Khalil")
>>> talk = Interview(noor, agreed_minutes=15)
>>> asked, answer = talk.ask("What are you working on right now?")
>>> asked.open, asked.about_them, asked.follow_up
(True, True, False)
>>> "{" in answer
False
>>> classify_question("Are you hiring at the moment?").asks_for_job
True
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from coffeechat._review import Finding, Review, lower_words, require_text
from coffeechat.conversation import (
    INTERVIEWEE,
    LEARNER,
    closing_questions,
    follow_ups,
    searchable_questions,
)
from coffeechat.errors import InvalidParameter
from coffeechat.outreach import job_request
from coffeechat.practice import Conversation, Persona, personas
from coffeechat.questions import CLOSING_IDS, QuestionBank, load_bank

__all__ = [
    "INTRO_WORDS",
    "QUESTION_MEASURES",
    "TARGET_FIELD",
    "Asked",
    "Interview",
    "check_introduction",
    "classify_question",
    "field_personas",
]

#: The columns of :meth:`Interview.questions`: a question and the scorecard's measures.
QUESTION_MEASURES: tuple[str, ...] = (
    "question", "open", "web-searchable", "about them", "asks for a job", "follow-up",
    "closing question",
)  # fmt: skip

#: The sample learner's target field: Alex is moving into UX research.
TARGET_FIELD = "UX Research"
#: Words a 30-second introduction can hold, spoken at about 150 words a minute.
INTRO_WORDS = 75

_YOU = frozenset(["you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll"])
_ME = frozenset(["i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"])
_FILLER = re.compile(r"^(?:(?:and|so|but|ok|okay|well|then|also|right|great|thanks)\b[,\s]*)+",
                     re.IGNORECASE)  # fmt: skip
_CLOSED = re.compile(
    r"^(?:is|are|am|was|were|do|does|did|have|has|had|can|could|would|will|should|shall|may|"
    r"might|must|isn't|aren't|don't|doesn't|didn't|won't|wouldn't|couldn't)\b",
    re.IGNORECASE,
)
_OPEN_REQUEST = re.compile(
    r"^(?:could|would|can|will) you (?:please )?(?:tell|describe|walk|explain|say|share|talk|"
    r"give|help me understand)\b",
    re.IGNORECASE,
)
_REQUEST = re.compile(
    r"^(?:please )?(?:tell me|describe|walk me through|talk me through|say more|explain)\b",
    re.IGNORECASE,
)
_STOP = re.compile(r"respect your time|stop here|agreed time|time is up|let you go", re.IGNORECASE)

#: Topics a typed question is about, tried in order: the first whose words appear wins.
_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("hard", r"\b(?:hard|hardest|challeng\w*|difficult|frustrat\w*|worst|struggle)"),
        ("pay", r"\b(?:salary|salaries|pay|paid|earn\w*|money|wages?)\b"),
        ("before", r"\b(?:before|path|background|get into|got into|start(?:ed)?|first job|"
                   r"how long|come to|came to|join(?:ed)?|end up|ended up|cho(?:o)?se|"
                   r"decided?|made you)\b"),
        ("skill", r"\b(?:skills?|learn\w*|tools?|methods?|training|qualif\w*|degree)\b"),
        ("team", r"\b(?:team|culture|colleagues|people there|values|manager|work with)\b"),
        ("trend", r"\b(?:trends?|chang\w*|future|next \w+ years|industry|going|heading|"
                  r"shift)\b"),
        ("resource", r"\b(?:books?|read|courses?|communit\w*|resources?|meet-?ups?|follow|"
                     r"podcasts?|groups?)\b"),
        ("tip", r"\b(?:advice|wish|recommend|suggest|if you were|someone like me|tips?|"
                r"in my shoes)\b"),
        ("assignment", r"\b(?:try on my own|small project|practi[cs]e|portfolio|exercise|"
                       r"assignment)\b"),
        ("favourite", r"\b(?:enjoy|love|like most|favou?rite|best part|rewarding)\b"),
        ("project", r"\b(?:right now|working on|current\w*|this week|typical|day|week|"
                    r"projects?|stud(?:y|ies)|do all day)\b"),
    )
)  # fmt: skip


@dataclass(frozen=True)
class Asked:
    """What a typed question is, by the scorecard's measures.

    Parameters
    ----------
    text : str
        The question as typed.
    question : bool
        It holds a question mark, or asks in other words ("Tell me about ...");
        otherwise it is a remark, and the measures below that need a
        question are False.
    open : bool
        It invites a story ("What ...?", "How ...?", "Could you tell me ...?")
        rather than a yes or no ("Do you ...?", "Is it ...?").
    searchable : bool
        A quick web search answers it (the scorecard's "no web-searchable question").
    about_them : bool
        It is about the other person: "you" and "your" at least match "I" and "me".
    asks_for_job : bool
        It asks for a job, a referral or a look at a CV (the scorecard's "no job request").
    follow_up : bool
        It builds on the answer just heard (the scorecard's "follow-up questions").
    closing : str
        The closing question it asks (its text in the bank), or ``""``.
    topic : str
        What it is about, for the answer: ``project``, ``before``, ``skill``,
        ``team``, ``trend``, ``tip``, ``resource``, ``assignment``, ``hard``,
        ``favourite``, ``pay`` or ``other``.
    """

    text: str
    question: bool
    open: bool
    searchable: bool
    about_them: bool
    asks_for_job: bool
    follow_up: bool
    closing: str
    topic: str

    def labels(self) -> list[str]:
        """Short words for what the question is, in the order of the scorecard.

        Examples
        --------
        >>> classify_question("Do you like it?").labels()
        ['closed', 'about them']
        """
        if not self.question:
            return ["not a question"]
        found = ["open" if self.open else "closed"]
        found += ["web-searchable"] * self.searchable + ["about them"] * self.about_them
        found += ["asks for a job"] * self.asks_for_job + ["follow-up"] * self.follow_up
        return found + ["closing question"] * bool(self.closing)


def _mini(heard: str, text: str) -> pd.DataFrame:
    """A two-turn transcript, so the scorecard's own functions can judge one question."""
    rows = ([(INTERVIEWEE, 0.0, 1.0, heard)] if heard else []) + [(LEARNER, 1.0, 1.25, text)]
    return pd.DataFrame(rows, columns=["speaker", "start", "end", "text"])


def _last_question(text: str) -> str:
    """The sentence that carries the question mark (the last one), without fillers."""
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p.strip()]
    asked = [p for p in parts if p.endswith("?")] or parts or [""]
    sentence = _FILLER.sub("", asked[-1]).strip()
    return re.sub(r"^[A-Z][a-z]+,\s+(?=[A-Za-z])", "", sentence)  # "Noor, what ...?"


def _topic(text: str) -> str:
    for name, pattern in _TOPICS:
        if pattern.search(text):
            return name
    return "other"


def classify_question(text: str, heard: str = "", bank: QuestionBank | None = None) -> Asked:
    """Classify a typed question with the scorecard's measures.

    Parameters
    ----------
    text : str
        What the learner typed.
    heard : str, optional
        The answer just heard, for the follow-up measure.
    bank : QuestionBank, optional
        The question bank whose searchable and closing questions count; the
        bundled one by default.

    Returns
    -------
    Asked

    Raises
    ------
    InvalidParameter
        If ``text`` is not text or is empty.

    Examples
    --------
    >>> asked = classify_question("How did the weekly patient interviews start?",
    ...                           heard="Most weeks I run patient interviews for the app.")
    >>> asked.follow_up, asked.open
    (True, True)
    >>> classify_question("Who are the main competitors of Pulsewise?").searchable
    True
    """
    require_text(text, "text")
    if not text.strip():
        raise InvalidParameter("the question is empty: type what you would ask")
    if not isinstance(heard, str):
        raise InvalidParameter(f"heard must be text, not {type(heard).__name__}")
    bank = load_bank() if bank is None else bank
    if not isinstance(bank, QuestionBank):
        raise InvalidParameter(f"bank must be a QuestionBank, not {type(bank).__name__}")
    sentence = _last_question(text)
    is_question = "?" in text or bool(_REQUEST.match(sentence))
    talk = _mini(heard, text)
    closing = [q for q, asked in closing_questions(talk, [bank[i].text for i in CLOSING_IDS])
               .items() if asked]  # fmt: skip
    words = lower_words(text)
    you = sum(w in _YOU for w in words)
    me = sum(w in _ME for w in words)
    opened = bool(_OPEN_REQUEST.match(sentence)) or not _CLOSED.match(sentence)
    return Asked(
        text=text,
        question=is_question,
        open=is_question and (opened or bool(closing)),
        searchable=bool(searchable_questions(talk, bank)),
        about_them=is_question and you >= 1 and you >= me,
        asks_for_job=job_request(text) is not None,
        follow_up=bool(heard) and bool(follow_ups(talk)),
        closing=closing[0] if is_question and closing else "",
        topic=_topic(sentence),
    )


def _check_network(network: object) -> None:
    from coffeechat.contacts import Network

    if network is not None and not isinstance(network, Network):
        raise InvalidParameter(f"expected a Network, not {type(network).__name__}")


def field_personas(
    network: object = None,
    field: str = TARGET_FIELD,
    *,
    role: str | None = None,
    organization: str | None = None,
) -> list[Persona]:
    """People of the learner's target field to practise on, optionally filtered.

    Parameters
    ----------
    network : Network, optional
        Where they come from; the sample network by default.
    field : str, default "UX Research"
        Words their job title contains (any case).
    role, organization : str, optional
        Keep only this exact job title, or only this organisation.

    Returns
    -------
    list of Persona
        In the network's order.

    Raises
    ------
    InvalidParameter
        If nobody matches (the message says what was looked for).

    Examples
    --------
    >>> people = field_personas()
    >>> all("ux research" in p.role.lower() for p in people), len(people) >= 10
    (True, True)
    >>> [p.name for p in field_personas(organization="Pulsewise")]
    ['Amara Nwosu', 'Noor Khalil']
    """
    _check_network(network)
    for name, value in (("field", field), ("role", role), ("organization", organization)):
        if (value is not None or name == "field") and (
            not isinstance(value, str) or not value.strip()
        ):
            raise InvalidParameter(f"{name} must be non-empty text, not {value!r}")
    wanted = field.strip().lower()
    found = [
        p for p in personas(network, limit=None)
        if wanted in p.role.lower()
        and (role is None or p.role == role)
        and (organization is None or p.organization == organization)
    ]  # fmt: skip
    if not found:
        criteria = f"a job title with {field!r}" + (f", the role {role!r}" if role else "") + (
            f", at {organization!r}" if organization else ""
        )
        raise InvalidParameter(f"nobody in the network has {criteria}")
    return found


# ------------------------------------------------------------------ the persona's story

_PROJECTS = {
    "Health care": ["a study of how patients book follow-up appointments",
                    "a round of interviews with nurses about handing over between shifts",
                    "testing a new recovery diary with patients at home"],
    "Education": ["a study of how teachers plan a week of lessons",
                  "a round of interviews with parents about school reports",
                  "testing a new homework screen with pupils"],
    "Software": ["a study of how small teams share research notes",
                 "a round of interviews with customers who stopped using a feature",
                 "testing a new onboarding flow with first-time users"],
    "Research and consulting": ["a survey of how city libraries are used",
                                "a round of interviews for a client about online banking",
                                "a diary study with people who work shifts"],
}  # fmt: skip
_GENERIC_PROJECTS = ["a round of interviews with new customers",
                     "a study of why people drop out of sign-up"]  # fmt: skip
_SKILLS = ["asking a question and then staying quiet long enough to hear the real answer",
           "turning forty pages of notes into three decisions a team can act on",
           "writing a one-page study plan that a busy manager will read"]  # fmt: skip
_HARD = ["getting time with the people who actually use the product",
         "telling a team that the idea they love did not work",
         "keeping studies small when everyone wants certainty"]  # fmt: skip
_TIPS = ["run one small study of your own and write it up as a short case study",
         "ask to sit in on a usability test, even as a note-taker",
         "practise summarising an interview in five sentences"]  # fmt: skip
_TRENDS = ["teams doing more of their own research, with researchers coaching them",
           "shorter studies, run every week rather than twice a year",
           "more care with people's data, and more questions about consent"]  # fmt: skip
_FAVOURITES = ["the moment in an interview when someone shows you their workaround",
               "seeing a finding change what a team builds",
               "meeting people whose work I would never otherwise see"]  # fmt: skip
_ASSIGNMENTS = [
    "interview three friends about how they plan a trip, and write up what surprised you",
    "pick an app you use daily, watch two people use it, and list where they hesitate",
    "rewrite a confusing form from a public website and test it with two people",
]  # fmt: skip


def _pick(options: Sequence[str], *keys: str) -> str:
    return options[zlib.crc32("|".join(keys).encode()) % len(options)]


@dataclass(frozen=True)
class _Story:
    """The facts a persona keeps to through a conversation."""

    years: str
    before: str
    project: str
    skill: str
    hard: str
    tip: str
    trend: str
    favourite: str
    assignment: str
    team: int
    resource: str
    colleague: str


def _years(value: float | None) -> str:
    if value is None:
        return "a few years"
    if value < 1:
        return "less than a year"
    whole = round(value)
    return "about a year" if whole == 1 else f"about {whole} years"


def _story(persona: Persona, network: object) -> _Story:
    from coffeechat.research import research_card

    key = persona.id
    years, before, related = None, "", ""
    try:
        card = research_card(persona.id, network)  # type: ignore[arg-type]
        years = card.years
        if card.path:
            role, _, rest = card.path[0].partition(", ")
            vowel = role[:1].lower() in "aeio" or (role[:1] == "U" and role[1:2].islower())
            before = f"{'an' if vowel else 'a'} {role} at {rest.split(' (')[0]}"
        related = (card.customers + card.competitors + card.suppliers or ("",))[0]
    except Exception:  # a network without career histories: the story falls back
        pass
    if not before:
        before = _pick(["a teacher", "a customer support agent", "a graphic designer",
                        "a market research assistant"], key, "before")  # fmt: skip
    colleague = ""
    neighbours = getattr(network, "neighbors", None)
    if neighbours is not None:
        people = sorted(
            (network.person(n)  # type: ignore[attr-defined]
             for n in neighbours(persona.id) if n != network.me),  # type: ignore[attr-defined]
            key=lambda p: (not re.search(r"research|design", p.role, re.I),
                           p.organization != persona.organization, p.name),
        )
        if people:
            colleague = f"{people[0].name}, {people[0].role} at {people[0].organization}"
    return _Story(
        years=_years(years),
        before=before,
        project=_pick(_PROJECTS.get(persona.industry, _GENERIC_PROJECTS), key, "project"),
        skill=_pick(_SKILLS, key, "skill"),
        hard=_pick(_HARD, key, "hard"),
        tip=_pick(_TIPS, key, "tip"),
        trend=_pick(_TRENDS, key, "trend"),
        favourite=_pick(_FAVOURITES, key, "favourite"),
        assignment=_pick(_ASSIGNMENTS, key, "assignment"),
        team=3 + zlib.crc32(f"{key}|team".encode()) % 6,
        resource=f"what {related} publishes about its work" if related
        else "a local research meet-up",
        colleague=colleague or "the research lead at a firm you admire",
    )


#: What the persona says about each topic: an open answer, a short one, and two follow-ups.
_ANSWERS: dict[str, tuple[str, str, tuple[str, str]]] = {
    "project": (
        "Right now most of my time goes on {project}. A typical week is about half talking to "
        "people and half making sense of it with the team at {organization}.",
        "Yes, mostly. At the moment that means {project}.",
        ("It started because the team kept guessing, and {project} was the cheapest way to "
         "stop guessing. We share what we find every Friday.",
         "The surprise in {project} has been how often people invent their own workarounds; "
         "those are where the best ideas come from."),
    ),
    "before": (
        "I have been at {organization} for {years}. Before that I was {before}, and more of it "
        "carried over than I expected, above all {skill}.",
        "Yes. I have been at {organization} for {years}; before that I was {before}.",
        ("The move took about a year of small steps: a course in the evenings, then one study "
         "for a friend's business, then my first research role.",
         "What helped most when I moved was talking to people already doing the work — "
         "conversations like this one."),
    ),
    "skill": (
        "The skill that matters most is {skill}. Tools you can learn in a month; that takes "
        "practice.",
        "Yes, though the tools matter less than {skill}.",
        ("I practised {skill} by running short interviews with friends and recording them, "
         "then listening back to where I talked too much.",
         "You can see whether someone has that skill in the first five minutes of a "
         "practice interview."),
    ),
    "team": (
        "We are a team of {team} at {organization}. People share half-finished work early, "
        "and nobody minds being told a study went nowhere.",
        "Yes, mostly. It is a team of {team}, and we share work early.",
        ("With {team} of us, everyone does a bit of everything: planning, interviewing, "
         "analysis and presenting.",
         "The weekly review is the heart of the team: each of us brings one finding and one "
         "open question."),
    ),
    "trend": (
        "In {industry}, the big shift is {trend}. It changes what a researcher spends the "
        "day on.",
        "Yes, it is changing: I see {trend}.",
        ("For someone starting out, {trend} is good news: there are more ways in than there "
         "were five years ago.",
         "We felt that shift at {organization} last year, when two product teams began "
         "running their own small studies."),
    ),
    "tip": (
        "My advice: {tip}. Nothing else shows so quickly that you can do the work.",
        "Yes: {tip}.",
        ("Keep it small: one question, five people, one page of findings. That is enough to "
         "talk about in any conversation.",
         "People who did that stand out, because they can tell a story about a real study."),
    ),
    "resource": (
        "I would start with {resource}, and with people: every conversation gives you two more "
        "names.",
        "Yes — {resource} is a good start.",
        ("I still go back to {resource} when I want to see how others frame a problem.",
         "Ask everyone you meet what they read; you will hear the same two or three names."),
    ),
    "assignment": (
        "Try this: {assignment}. It is exactly what we do at work, only smaller.",
        "Yes. For example, {assignment}.",
        ("When you have done it, write one page: what you asked, what you saw, and what you "
         "would change.",
         "Bring that page to your next conversation; it gives people something concrete to "
         "react to."),
    ),
    "hard": (
        "The hardest part is {hard}. You get better at it, but it never quite goes away.",
        "Sometimes, yes. The hardest part is {hard}.",
        ("What helps with {hard} is bringing the team into the interviews, so the finding is "
         "theirs as much as mine.",
         "I keep a list of small wins for the weeks when {hard} gets me down."),
    ),
    "favourite": (
        "The best part is {favourite}. That is what keeps me in {industry}.",
        "Yes, very much. The best part is {favourite}.",
        ("It happened last month: {favourite} turned a two-week debate into a decision in an "
         "afternoon.",
         "That is also why I like talking to people from other fields; they notice things we "
         "have stopped seeing."),
    ),
    "pay": (
        "Pay varies a lot by organisation and city, so the published salary surveys are a "
        "better guide than my own case. What I can say is that the first research role is the "
        "hardest step; after that it moves quickly.",
        "It varies a lot by organisation; the published salary surveys are a better guide than "
        "my own case.",
        ("The surveys also show how pay grows with experience, which matters more than the "
         "first salary.",
         "At {organization}, what people value most is the chance to learn, more than the "
         "salary itself."),
    ),
    "other": (
        "Good question. I can only speak for myself, as {role} at {organization}: most of my "
        "work is {project}, and what matters most is {skill}.",
        "I think so, yes. In my own work at {organization}, it comes down to {skill}.",
        ("To say more: the work is mostly listening, then deciding what matters.",
         "Every study teaches me something about asking better questions."),
    ),
}

_JOB = (
    "I am not the person to ask about openings, and I would rather keep today to your "
    "questions about the work. Happy to tell you how people like me got in, though."
)
_SEARCHABLE = ("You will find that on the {organization} website, to be honest. What I can tell "
               "you that the website can't is what the work is like day to day.")  # fmt: skip
_ABOUT_ME = ("I can only speak from my own experience at {organization}: what helped me most "
             "was {skill}.")  # fmt: skip
_CLOSING = {
    "closing-anything-else": "You could have asked me about {hard}: it is the part nobody "
                             "sees from outside, and it is what the job is really about.",
    "closing-who-else": "Talk to {colleague}. Tell them I suggested it; they are generous "
                        "with their time.",
}  # fmt: skip
_REMARK = "Mm-hm, I see."
_THANKS = "You are welcome. What else would you like to know?"
_STOP_REPLY = ("Thank you, that is kind of you. It was a pleasure; good luck, and let me know "
               "how it goes.")
_INTRO_REPLY = ("Happy to help. It is nice to meet someone curious about {industry}. "
                "What would you like to know?")  # fmt: skip

#: Minutes each kind of answer takes.
_MINUTES = {"open": 2.0, "closed": 0.5, "follow-up": 1.5, "searchable": 0.5, "job": 0.5,
            "closing": 0.75, "remark": 0.25, "stop": 0.25, "intro": 0.25}  # fmt: skip


def check_introduction(text: str) -> Review:
    """Check a 30-second introduction: thanks, who you are, what you explore, why them, short.

    Rules:

    ``thanks``
        It thanks them for their time.
    ``who-you-are``
        It says who you are ("I am ...", "I teach ...", "I work ...").
    ``what-you-explore``
        It says what you are exploring ("moving into", "curious about", ...).
    ``why-them``
        It says why them: it speaks to them ("you", "your").
    ``thirty-seconds``
        At most :data:`INTRO_WORDS` words (30 seconds aloud), and at least 20.
    ``no-job-request``
        It asks for no job, referral or CV review.

    Examples
    --------
    >>> review = check_introduction(
    ...     "Thank you for making time for me. I am a science teacher, and I am exploring "
    ...     "a move into UX research. Your work on the patient app is exactly the kind of "
    ...     "research I would love to understand better.")
    >>> review.passed
    True
    >>> [f.rule for f in check_introduction("Hi. Are you hiring?").failures][:2]
    ['thanks', 'who-you-are']
    """
    require_text(text, "text")
    words = lower_words(text)
    n = len(words)
    ask = job_request(text)
    rules = (
        ("thanks", bool(re.search(r"\bthank", text, re.I)),
         "You thank them.", "Open by thanking them for their time."),
        ("who-you-are", bool(re.search(r"\b(?:I am|I'm|I work|I teach|I have been|I've been|"
                                       r"I studied|I run|I manage)\b", text, re.I)),
         "You say who you are.", "Say who you are in one clause: \"I teach science ...\"."),
        ("what-you-explore", bool(re.search(r"\b(?:explor\w*|moving into|move into|curious|"
                                            r"interested in|considering|switch\w*|learn\w* "
                                            r"(?:about|more|how))", text, re.I)),
         "You say what you are exploring.",
         "Say what you are exploring: \"I am moving into UX research\"."),
        ("why-them", any(w in _YOU for w in lower_words(re.sub(r"\bthank you\b", "", text,
                                                                flags=re.I))),
         "You say why them.", "Say why them: what in their work made you write."),
        ("thirty-seconds", 20 <= n <= INTRO_WORDS,
         f"{n} words: about 30 seconds aloud.",
         f"{n} words; aim for 20 to {INTRO_WORDS} (30 seconds aloud)."),
        ("no-job-request", ask is None,
         "No job request.", f"Leave out “{ask}”: never ask for a job."),
    )  # fmt: skip
    return Review(
        "introduction",
        tuple(Finding(rule, ok, good if ok else fix) for rule, ok, good, fix in rules),
    )


class Interview(Conversation):
    """A practice conversation on free text with a persona from the target field.

    The learner's turns are typed: :meth:`introduce` opens with their own
    introduction, :meth:`ask` puts a question and returns how it was
    classified and the answer. The persona answers from a story of fixed
    facts, so two questions about the same thing get the same facts, and
    two follow-ups on the same thing get different, new detail. The clock,
    :meth:`transcript` and :meth:`scorecard` are those of
    :class:`~coffeechat.practice.Conversation`.

    Parameters
    ----------
    persona : Persona
    agreed_minutes : int, default 20
    network : Network, optional
        Where the persona's colleagues and career come from; the sample
        network by default.

    Examples
    --------
    >>> amara = field_personas(organization="Pulsewise")[0]
    >>> talk = Interview(amara)
    >>> talk.introduce("Thank you for your time. I teach science and am moving into UX "
    ...                "research; your team's work on the patient app is why I wrote.")
    >>> _, first = talk.ask("How long have you been at Pulsewise?")
    >>> _, again = talk.ask("And what did you do before Pulsewise?")
    >>> first.split(". ")[1] in again or "Before that" in again
    True
    """

    def __init__(self, persona: Persona, agreed_minutes: int = 20, network: object = None,
                 bank: QuestionBank | None = None) -> None:  # fmt: skip
        _check_network(network)
        if isinstance(agreed_minutes, bool) or not isinstance(agreed_minutes, (int, float)) or (
            agreed_minutes <= 0
        ):
            raise InvalidParameter(f"agreed_minutes must be more than 0, not {agreed_minutes!r}")
        if network is None:
            from coffeechat.datasets import load_sample_network

            network = load_sample_network()
        super().__init__(persona, agreed_minutes, bank=bank)
        self.story = _story(persona, network)
        self.asked: list[Asked] = []
        self._follow_ups: dict[str, int] = {}
        self._last_topic = "other"
        self.introduced = False

    def _slots(self, detail: str | None = None) -> dict[str, str]:
        p, s = self.persona, self.story
        return {
            "role": p.role, "organization": p.organization,
            "industry": p.industry.lower(), "years": s.years, "before": s.before,
            "project": s.project, "skill": s.skill, "hard": s.hard, "tip": s.tip,
            "trend": s.trend, "favourite": s.favourite, "assignment": s.assignment,
            "team": str(s.team), "resource": s.resource, "colleague": s.colleague,
        }  # fmt: skip

    def _turn(self, line: str, reply: str, minutes: float) -> None:
        words = len(line.split())
        start = self.clock
        self.clock = round(start + max(0.25, round(words / 150 * 4) / 4), 2)
        self.rows.append((LEARNER, start, self.clock, line.strip()))
        self.rows.append((INTERVIEWEE, self.clock, round(self.clock + minutes, 2), reply))
        self.clock = round(self.clock + minutes, 2)

    def introduce(self, text: str) -> None:
        """Open the conversation with the learner's own thanks and introduction."""
        require_text(text, "text")
        if not text.strip():
            raise InvalidParameter("the introduction is empty: write your 30 seconds first")
        if self.rows:
            raise InvalidParameter("the introduction opens the conversation: start a new one")
        self._turn(text, _INTRO_REPLY.format(**self._slots()), _MINUTES["intro"])
        self.introduced = True

    def heard(self) -> str:
        """The persona's last answer ("" before any)."""
        return next((t for s, *_, t in reversed(self.rows) if s == INTERVIEWEE), "")

    def ask(self, text: str) -> tuple[Asked, str]:
        """Put a typed question (or remark); the persona answers; the clock moves on.

        Returns
        -------
        (Asked, str)
            How the question was classified, and the answer.
        """
        asked = classify_question(text, self.heard(), self.bank)
        reply, kind = self._reply(asked)
        self._turn(text, reply.format(**self._slots()), _MINUTES[kind])
        self.asked.append(asked)
        return asked, self.rows[-1][3]

    def _reply(self, asked: Asked) -> tuple[str, str]:
        if _STOP.search(asked.text):
            return _STOP_REPLY, "stop"
        if not asked.question:
            thanked = re.search(r"\bthank", asked.text, re.I)
            return (_THANKS if thanked else _REMARK), "remark"
        if asked.asks_for_job:
            return _JOB, "job"
        if asked.closing:
            qid = next(i for i in CLOSING_IDS if self.bank[i].text == asked.closing)
            self._last_topic = "hard" if qid == "closing-anything-else" else "other"
            return _CLOSING[qid], "closing"
        if asked.searchable:
            return _SEARCHABLE, "searchable"
        if asked.follow_up:
            n = self._follow_ups.get(self._last_topic, 0)
            more = _ANSWERS[self._last_topic][2]
            if n < len(more):
                self._follow_ups[self._last_topic] = n + 1
                return more[n], "follow-up"
        topic = asked.topic
        self._last_topic = topic
        opening, short, _ = _ANSWERS[topic]
        if not asked.about_them and topic == "other":
            return _ABOUT_ME, "closed"
        return (opening, "open") if asked.open else (short, "closed")

    def questions(self) -> pd.DataFrame:
        """The learner's questions so far, one row each, with the scorecard's measures.

        Columns ``question, open, web-searchable, about them, asks for a job,
        follow-up, closing question`` (True or False).
        """
        rows = [(a.text, a.question and a.open, a.searchable, a.about_them, a.asks_for_job,
                 a.follow_up, bool(a.closing)) for a in self.asked]  # fmt: skip
        return pd.DataFrame(rows, columns=list(QUESTION_MEASURES))

    def save(self, path: str | Path) -> Path:
        """Write the transcript as CSV (``transcript, speaker, start, end, text``), to bring
        to the debrief; :func:`coffeechat.conversation.read_transcripts` reads it back."""
        if not isinstance(path, (str, Path)) or not str(path).strip():
            raise InvalidParameter(f"expected a file name for the transcript, not {path!r}")
        target = Path(path)
        table = self.transcript()
        table.insert(0, "transcript", self.persona.name)
        try:
            table.to_csv(target, index=False)
        except OSError as err:
            raise InvalidParameter(
                f"cannot save the transcript to {target}: {err.strerror or err}"
            ) from err
        return target
