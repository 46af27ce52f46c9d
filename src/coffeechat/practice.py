"""Practice conversations: fictional personas who answer, a clock, and a transcript.

:class:`Conversation` keeps the clock and the transcript while a fictional
persona from the sample network answers from a bank of answer templates
(``data/answers.csv``), keyed on the question's topic and the persona's
industry and filled in with their role and organisation, so the same
question to the same person always gets the same answer.
:func:`make_transcripts` plays seeded learners through it to write the
practice transcripts of Assignment 5; the typed role-play of Module 5
(:class:`coffeechat.roleplay.Interview`) builds on its clock and
transcript. Transcripts are judged by
:mod:`coffeechat.conversation`.

Examples
--------
>>> p = Persona("ana", "Ana Ruiz", "UX Researcher", "Pulsewise", "Health care")
>>> talk = Conversation(p, agreed_minutes=15)
>>> talk.say("intro")
>>> talk.say("closing", "closing-who-else")
>>> talk.scorecard().set_index("measure").loc["asked who else", "points"]
np.int64(1)
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from coffeechat import _bank
from coffeechat._tables import read_csv_rows
from coffeechat.conversation import INTERVIEWEE, LEARNER, TRANSCRIPT_COLUMNS, scorecard
from coffeechat.errors import InvalidParameter, TranscriptDataError
from coffeechat.questions import CLOSING_IDS, Question, QuestionBank, load_bank

__all__ = [
    "Conversation",
    "Persona",
    "answers_path",
    "load_answers",
    "make_transcripts",
    "personas",
]


@dataclass(frozen=True)
class Persona:
    """Someone to practise on: a fictional person from the sample network."""

    id: str
    name: str
    role: str
    organization: str
    industry: str

    def describe(self) -> str:
        """ "Name, Role at Organisation"."""
        return f"{self.name}, {self.role} at {self.organization}"


def personas(network: object = None, limit: int | None = 12) -> list[Persona]:
    """People of the sample network (or ``network``) with a role, organisation and industry."""
    if network is None:
        from coffeechat.datasets import load_sample_network

        network = load_sample_network()
    people = network.people  # type: ignore[attr-defined]
    found = [
        Persona(p.id, p.name, p.role, p.organization, p.industry)
        for p in people.itertuples(index=False)
        if p.id != network.me and p.role and p.organization and p.industry  # type: ignore[attr-defined]
    ]
    return found if limit is None else found[:limit]


_ANSWER_COLUMNS = ("id", "kind", "topic", "industry", "text")


def answers_path() -> Path:
    """The path of the bundled answer templates."""
    from importlib import resources

    return Path(str(resources.files("coffeechat").joinpath("data", "answers.csv")))


def load_answers(path: str | Path | None = None) -> pd.DataFrame:
    """The answer templates the role-play personas answer from.

    Columns ``id, kind, topic, industry, text``. ``kind`` is ``answer``
    (keyed on a question topic), ``detail`` (a phrase of an industry, used
    in ``{detail}``), ``follow-up``, ``searchable``, ``job``, ``closing-...``
    or ``stop``; ``industry`` is an industry or ``any``. Texts may use the
    slots ``{role}``, ``{organization}``, ``{industry}`` and ``{detail}``.

    Raises
    ------
    TranscriptDataError
        For a missing file or column, or an empty cell (names file and line).
    """
    path = answers_path() if path is None else Path(path)
    table = read_csv_rows(path, TranscriptDataError)
    missing = [c for c in _ANSWER_COLUMNS if c not in table.header]
    if missing:
        raise TranscriptDataError(
            f"no column {missing[0]!r}", path=table.path, line=table.header_line
        )
    for line, row in table.rows:
        for column in _ANSWER_COLUMNS:
            if not row[column]:
                raise TranscriptDataError("empty cell", path=table.path, line=line, column=column)
    return table.frame().astype(str)


def _pick(options: Sequence[str], *keys: str) -> str:
    """A choice that depends only on ``keys``: the same persona answers alike every time."""
    return options[zlib.crc32("|".join(keys).encode()) % len(options)]


#: Minutes the learner's own turn takes, by kind of move.
_LEARNER_MINUTES = {"intro": 0.5, "story": 3.5, "question": 0.25, "follow-up": 0.25,
                    "job": 0.25, "closing": 0.25, "stop": 0.25}  # fmt: skip


class Conversation:
    """A practice conversation with a persona: the clock, the turns, the last detail heard.

    Parameters
    ----------
    persona : Persona
        Whom the learner is talking to.
    agreed_minutes : int, default 20
        The length the learner asked for.
    answers : pandas.DataFrame, optional
        Answer templates (:func:`load_answers`).
    bank : QuestionBank, optional
        The question bank (:func:`coffeechat.questions.load_bank`).

    Examples
    --------
    >>> p = Persona("ana", "Ana Ruiz", "UX Researcher", "Pulsewise", "Health care")
    >>> talk = Conversation(p, agreed_minutes=15)
    >>> talk.say("intro")
    >>> talk.say("question", "dd-typical-week")
    >>> talk.clock
    3.5
    >>> list(talk.transcript()["speaker"])
    ['learner', 'interviewee', 'learner', 'interviewee']
    """

    def __init__(
        self,
        persona: Persona,
        agreed_minutes: int = 20,
        answers: pd.DataFrame | None = None,
        bank: QuestionBank | None = None,
    ) -> None:
        if not isinstance(persona, Persona):
            raise InvalidParameter(f"expected a Persona, not {type(persona).__name__}")
        self.persona = persona
        self.agreed_minutes = agreed_minutes
        self.answers = load_answers() if answers is None else answers
        self.bank = load_bank() if bank is None else bank
        self.clock = 0.0
        self.detail: str | None = None
        self.used: set[str] = set()
        self.rows: list[tuple[str, float, float, str]] = []

    def _slots(self, detail: str | None = None) -> dict[str, str]:
        p = self.persona
        return {
            "role": _bank.common_noun(p.role),
            "organization": p.organization,
            "industry": p.industry.lower(),
            "detail": detail or "the everyday work",
        }

    def _templates(self, kind: str, topic: str = "any") -> list[str]:
        a = self.answers
        rows = a[(a["kind"] == kind) & a["industry"].isin([self.persona.industry, "any"])]
        if topic != "any" and (rows["topic"] == topic).any():
            rows = rows[rows["topic"] == topic]
        return list(rows["text"])

    def _new_detail(self, key: str) -> str:
        details = self._templates("detail") or ["the everyday work"]
        fresh = [d for d in details if d not in self.used] or details
        detail = _pick(fresh, self.persona.id, key)
        self.used.add(detail)
        return detail

    def learner_line(self, move: str, question_id: str | None = None) -> str:
        """What the learner says for a move (see :meth:`say`)."""
        if move == "question":
            return self._question(question_id).ask(self._person())
        if move == "follow-up":
            detail = re.sub(r"^our\b", "your", self.detail or "that")
            return _pick([f"You mentioned {detail}. Could you tell me more about it?",
                          f"What has {detail} taught you?",
                          f"How did {detail} come about?"], self.persona.id, detail)  # fmt: skip
        if move == "closing":
            return self._question(question_id).text
        lines = {
            "intro": "Thank you so much for making time for me. In short: I teach science, "
                     "I have just finished a course in UX research, and I am trying to "
                     "learn how people find their way into work like yours at "
                     f"{self.persona.organization}.",
            "story": "Before I ask anything, let me tell you a bit more about myself: I have "
                     "taught for eight years, I ran the school's parent survey, I organised a "
                     "science fair, I took an evening course, and now I am looking at several "
                     "fields at once and trying to decide between them, which is hard.",
            "job": "By the way, is your team hiring at the moment?",
            "stop": f"I asked you for {self.agreed_minutes} minutes and I want to respect your "
                    "time, so I will stop here. Thank you — this has been so helpful.",
        }  # fmt: skip
        if move == "story" and any(line == lines["story"] for *_, line in self.rows):
            lines["story"] = (
                "That reminds me of something else about me: when I was at university I "
                "volunteered at a museum, and I think that says a lot about the kind of work I "
                "enjoy, though I am still not sure how it all fits together."
            )
        if move not in lines:
            raise InvalidParameter(
                f"unknown move {move!r}; choose intro, story, question, follow-up, job, "
                "closing or stop"
            )
        return lines[move]

    def _question(self, question_id: str | None) -> Question:
        if question_id not in self.bank:
            raise InvalidParameter(f"no question {question_id!r} in the question bank")
        return self.bank[question_id]

    def _person(self) -> object:
        from coffeechat.contacts import Person

        p = self.persona
        return Person(p.id, p.name, p.organization, p.role, p.industry)

    def say(self, move: str, question_id: str | None = None) -> None:
        """The learner makes a move; the persona answers; the clock moves on.

        ``move`` is ``intro`` (thanks and a 30-second introduction), ``story``
        (a long story about oneself), ``question`` (a bank question, by id),
        ``follow-up`` (about the last detail heard), ``job`` (asks about
        openings), ``closing`` (a closing question, by id) or ``stop``
        (offers to stop).
        """
        line = self.learner_line(move, question_id)
        start = self.clock
        self.clock = round(start + _LEARNER_MINUTES[move], 2)
        self.rows.append((LEARNER, start, self.clock, line))
        reply, minutes = self._reply(move, question_id)
        self.rows.append((INTERVIEWEE, self.clock, round(self.clock + minutes, 2), reply))
        self.clock = round(self.clock + minutes, 2)

    def _reply(self, move: str, question_id: str | None) -> tuple[str, float]:
        p = self.persona
        key = f"{move}:{question_id}:{len(self.rows)}"
        if move == "story":
            texts, minutes = ["I see. That is quite a journey."], 0.25
        elif move == "intro":
            texts, minutes = (
                [f"Happy to help. It is nice to meet someone curious about {p.industry.lower()}."],
                0.25,
            )
        elif move == "question":
            q = self._question(question_id)
            if q.searchable:
                texts, minutes = self._templates("searchable"), 0.5
            else:
                self.detail = self._new_detail(key)
                texts, minutes = self._templates("answer", q.topic), q.minutes + 0.5
        elif move == "follow-up":
            texts, minutes = self._templates("follow-up"), 2.0
        elif move == "closing":
            texts, minutes = self._templates(question_id or "closing"), 0.75
            self.detail = self._new_detail(key)
        else:
            texts, minutes = self._templates(move), 0.5
        template = _pick(texts or ["That is a good question."], p.id, key)
        return _bank.fill(template, self._slots(self.detail)), minutes

    def transcript(self) -> pd.DataFrame:
        """The conversation so far as a transcript table."""
        return pd.DataFrame(self.rows, columns=list(TRANSCRIPT_COLUMNS))

    def scorecard(self) -> pd.DataFrame:
        """The scorecard of the conversation so far (:func:`scorecard`)."""
        return scorecard(self.transcript(), self.agreed_minutes, self.bank)


def _plan(rng: random.Random, bank: QuestionBank) -> list[tuple[str, str | None]]:
    """A learner's moves, with the mistakes learners make, drawn at random."""
    core = [q.id for q in bank if q.topic != "closing" and not q.searchable and q.suits(["peer"])]
    searchable = [q.id for q in bank if q.searchable]
    moves: list[tuple[str, str | None]] = [("intro", None)]
    talkative = rng.random() < 0.3
    if talkative:
        moves.append(("story", None))
    for qid in rng.sample(core, rng.randint(3, 6)):
        moves.append(("question", qid))
        if rng.random() < 0.5:
            moves.append(("follow-up", None))
    if rng.random() < 0.4:
        moves.insert(rng.randint(2, len(moves)), ("question", rng.choice(searchable)))
    if rng.random() < 0.3:
        moves.insert(rng.randint(3, len(moves)), ("job", None))
    if talkative:
        moves.insert(rng.randint(3, len(moves)), ("story", None))
    for qid in CLOSING_IDS:
        if rng.random() < 0.7:
            moves.append(("closing", qid))
    if rng.random() < 0.7:
        moves.append(("stop", None))
    return moves


def make_transcripts(
    count: int = 6, seed: int = 2026, answers: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Fictional practice transcripts, the same for the same ``seed``.

    A learner's moves are drawn at random, with the usual mistakes (a long
    story about oneself, a web-searchable question, a job request, a missing
    closing question, no offer to stop), and played through
    :class:`Conversation`. ``answers`` defaults to the bundled templates.

    Returns
    -------
    (transcripts, interviews) : tuple of pandas.DataFrame
        ``transcripts`` has the columns ``transcript, speaker, start, end,
        text``; ``interviews`` one row per transcript: ``transcript,
        interviewee, role, organization, industry, agreed_minutes``.

    Examples
    --------
    >>> turns, interviews = make_transcripts(2, seed=1)
    >>> list(interviews["transcript"])
    ['T1', 'T2']
    >>> make_transcripts(2, seed=1)[0].equals(turns)
    True
    """
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise InvalidParameter(f"count must be a whole number of at least 1, not {count!r}")
    rng = random.Random(seed)
    bank = load_bank()
    answers = load_answers() if answers is None else answers
    people = personas(limit=None)
    turns, meta = [], []
    for n in range(1, count + 1):
        key = f"T{n}"
        persona = rng.choice(people)
        talk = Conversation(persona, rng.choice([15, 20, 30]), answers, bank)
        for move, qid in _plan(rng, bank):
            talk.say(move, qid)
        table = talk.transcript()
        table.insert(0, "transcript", key)
        turns.append(table)
        meta.append((key, persona.name, persona.role, persona.organization, persona.industry,
                     talk.agreed_minutes))  # fmt: skip
    interviews = pd.DataFrame(meta, columns=["transcript", "interviewee", "role", "organization",
                                             "industry", "agreed_minutes"])  # fmt: skip
    return pd.concat(turns, ignore_index=True), interviews
