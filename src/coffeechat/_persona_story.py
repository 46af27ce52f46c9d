"""What a role-play persona knows and says: a story of fixed facts, and answers in kind.

A persona of :mod:`coffeechat.roleplay` keeps to one :class:`Story` —
how long they have been at their organisation and what they did before
(from the sample network's career histories), what they are working on, the
hardest part of the job, whom else to talk to (a tie of theirs) — drawn
from the word lists below by their id, so the same person always tells the
same story. :data:`ANSWERS` holds, for each topic of a question, an open
answer, a short answer to a closed question and two follow-ups; the other
replies answer a job request, a web-searchable question, a closing question
or a remark. Import the public names from :mod:`coffeechat.roleplay`.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from coffeechat.errors import CoffeeChatError
from coffeechat.practice import Persona

PROJECTS = {
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
GENERIC_PROJECTS = ["a round of interviews with new customers",
                    "a study of why people drop out of sign-up"]  # fmt: skip
SKILLS = ["asking a question and then staying quiet long enough to hear the real answer",
          "turning forty pages of notes into three decisions a team can act on",
          "writing a one-page study plan that a busy manager will read"]  # fmt: skip
HARD = ["getting time with the people who actually use the product",
        "telling a team that the idea they love did not work",
        "keeping studies small when everyone wants certainty"]  # fmt: skip
TIPS = ["run one small study of your own and write it up as a short case study",
        "ask to sit in on a usability test, even as a note-taker",
        "practise summarising an interview in five sentences"]  # fmt: skip
TRENDS = ["teams doing more of their own research, with researchers coaching them",
          "shorter studies, run every week rather than twice a year",
          "more care with people's data, and more questions about consent"]  # fmt: skip
FAVOURITES = ["the moment in an interview when someone shows you their workaround",
              "seeing a finding change what a team builds",
              "meeting people whose work I would never otherwise see"]  # fmt: skip
ASSIGNMENTS = [
    "interview three friends about how they plan a trip, and write up what surprised you",
    "pick an app you use daily, watch two people use it, and list where they hesitate",
    "rewrite a confusing form from a public website and test it with two people",
]  # fmt: skip


def pick(options: Sequence[str], *keys: str) -> str:
    """One of ``options``, chosen by ``keys`` alone: the same person always says the same.

    Examples
    --------
    >>> options = ["a", "b", "c"]
    >>> pick(options, "noor-khalil", "skill") == pick(options, "noor-khalil", "skill")
    True
    """
    return options[zlib.crc32("|".join(keys).encode()) % len(options)]


@dataclass(frozen=True)
class Story:
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


def years_phrase(value: float | None) -> str:
    """How long, in words.

    Examples
    --------
    >>> years_phrase(0.7), years_phrase(1.2), years_phrase(4.4), years_phrase(None)
    ('less than a year', 'about a year', 'about 4 years', 'a few years')
    """
    if value is None:
        return "a few years"
    if value < 1:
        return "less than a year"
    whole = round(value)
    return "about a year" if whole == 1 else f"about {whole} years"


def make_story(persona: Persona, network: object) -> Story:
    """The facts ``persona`` keeps to, from ``network`` and its career histories.

    Where the network has no career history for them (a network of one's own),
    the earlier job is drawn from a short list, like the other facts.
    """
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
    except CoffeeChatError:  # no career history or organisation on record: the story falls back
        pass
    if not before:
        before = pick(["a teacher", "a customer support adviser", "a graphic designer",
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
    return Story(
        years=years_phrase(years),
        before=before,
        project=pick(PROJECTS.get(persona.industry, GENERIC_PROJECTS), key, "project"),
        skill=pick(SKILLS, key, "skill"),
        hard=pick(HARD, key, "hard"),
        tip=pick(TIPS, key, "tip"),
        trend=pick(TRENDS, key, "trend"),
        favourite=pick(FAVOURITES, key, "favourite"),
        assignment=pick(ASSIGNMENTS, key, "assignment"),
        team=3 + zlib.crc32(f"{key}|team".encode()) % 6,
        resource=f"what {related} publishes about its work" if related
        else "a local research meet-up",
        colleague=colleague or "the research lead at a firm you admire",
    )


#: What the persona says about each topic: an open answer, a short one, and two follow-ups.
ANSWERS: dict[str, tuple[str, str, tuple[str, str]]] = {
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

JOB_REPLY = (
    "I am not the person to ask about openings, and I would rather keep today to your "
    "questions about the work. Happy to tell you how people like me got in, though."
)
SEARCHABLE_REPLY = (
    "You will find that on the {organization} website, to be honest. What I can tell you "
    "that the website can't is what the work is like day to day."
)
ABOUT_ME_REPLY = (
    "I can only speak from my own experience at {organization}: what helped me most was "
    "{skill}."
)
#: What the persona answers to each closing question, by the question's id in the bank.
CLOSING_REPLIES = {
    "closing-anything-else": "You could have asked me about {hard}: it is the part nobody "
                             "sees from outside, and it is what the job is really about.",
    "closing-who-else": "Talk to {colleague}. Tell them I suggested it; they are generous "
                        "with their time.",
}  # fmt: skip
REMARK_REPLY = "Mm-hm, I see."
THANKS_REPLY = "You are welcome. What else would you like to know?"
STOP_REPLY = (
    "Thank you, that is kind of you. It was a pleasure; good luck, and let me know how it goes."
)
INTRO_REPLY = (
    "Happy to help. It is nice to meet someone curious about {industry}. What would you like "
    "to know?"
)

#: Minutes each kind of answer takes.
MINUTES = {"open": 2.0, "closed": 0.5, "follow-up": 1.5, "searchable": 0.5, "job": 0.5,
           "closing": 0.75, "remark": 0.25, "stop": 0.25, "intro": 0.25}  # fmt: skip
