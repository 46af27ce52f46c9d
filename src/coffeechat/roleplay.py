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
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from coffeechat._persona_story import (
    ABOUT_ME_REPLY,
    ANSWERS,
    CLOSING_REPLIES,
    INTRO_REPLY,
    JOB_REPLY,
    MINUTES,
    REMARK_REPLY,
    SEARCHABLE_REPLY,
    STOP_REPLY,
    THANKS_REPLY,
    make_story,
)
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
        self.story = make_story(persona, network)
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
        self._turn(text, INTRO_REPLY.format(**self._slots()), MINUTES["intro"])
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
        self._turn(text, reply.format(**self._slots()), MINUTES[kind])
        self.asked.append(asked)
        return asked, self.rows[-1][3]

    def _reply(self, asked: Asked) -> tuple[str, str]:
        if _STOP.search(asked.text):
            return STOP_REPLY, "stop"
        if not asked.question:
            thanked = re.search(r"\bthank", asked.text, re.I)
            return (THANKS_REPLY if thanked else REMARK_REPLY), "remark"
        if asked.asks_for_job:
            return JOB_REPLY, "job"
        if asked.closing:
            qid = next(i for i in CLOSING_IDS if self.bank[i].text == asked.closing)
            self._last_topic = "hard" if qid == "closing-anything-else" else "other"
            return CLOSING_REPLIES[qid], "closing"
        if asked.searchable:
            return SEARCHABLE_REPLY, "searchable"
        if asked.follow_up:
            n = self._follow_ups.get(self._last_topic, 0)
            more = ANSWERS[self._last_topic][2]
            if n < len(more):
                self._follow_ups[self._last_topic] = n + 1
                return more[n], "follow-up"
        topic = asked.topic
        self._last_topic = topic
        opening, short, _ = ANSWERS[topic]
        if not asked.about_them and topic == "other":
            return ABOUT_ME_REPLY, "closed"
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
