"""The conversation itself: transcripts, their mistakes, and a scorecard.

An informational interview is judged by a few plain things: did it end at
the minute agreed, did the learner ask for a job, did they ask anything a
web search answers, did they close with "Is there anything I should have
asked?" and "Who else should I talk to?", did they build on what they heard
(follow-up questions), and who did the talking. Each of these is an ordinary
function of a **transcript table** — one row per turn, with the columns
``speaker`` (``learner`` or ``interviewee``), ``start`` and ``end`` (minutes
from the start of the call) and ``text`` — so a notebook, a test or the
role-play widget can call it and get a number, a list or a table back.

The role-play of Module 5, which writes transcripts of this kind, is in
:mod:`coffeechat.practice`.

Examples
--------
>>> import pandas as pd
>>> talk = pd.DataFrame({
...     "speaker": ["learner", "interviewee", "learner", "interviewee"],
...     "start": [0.0, 0.5, 3.0, 3.25],
...     "end": [0.5, 3.0, 3.25, 4.0],
...     "text": ["Thanks for your time. What does a typical week look like for you?",
...              "Mostly the weekly design critique and a lot of user interviews.",
...              "What makes the weekly design critique work so well?",
...              "Everyone brings one screen and one question."],
... })
>>> talk_share(talk)
speaker
learner        0.1875
interviewee    0.8125
Name: share, dtype: float64
>>> follow_ups(talk)
['What makes the weekly design critique work so well?']
>>> rubric_score(talk, agreed_minutes=20)
7
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from coffeechat._tables import read_csv_rows
from coffeechat.errors import InvalidParameter, TranscriptDataError
from coffeechat.outreach import job_request
from coffeechat.questions import CLOSING_IDS, Question, QuestionBank, load_bank

__all__ = [
    "INTERVIEWEE",
    "LEARNER",
    "RUBRIC",
    "SPEAKERS",
    "TRANSCRIPT_COLUMNS",
    "closing_questions",
    "content_words",
    "follow_ups",
    "job_requests",
    "missing_closing",
    "overrun_minutes",
    "read_transcripts",
    "rubric_score",
    "score_transcripts",
    "scorecard",
    "searchable_questions",
    "talk_share",
]

#: The two speakers of a transcript.
LEARNER = "learner"
INTERVIEWEE = "interviewee"
SPEAKERS: tuple[str, str] = (LEARNER, INTERVIEWEE)

#: The columns every transcript has (a table of several also has ``transcript``).
TRANSCRIPT_COLUMNS: tuple[str, ...] = ("speaker", "start", "end", "text")

#: The learner should talk for at most this share of the time.
MAX_LEARNER_SHARE = 1 / 3

#: A follow-up shares at least this many content words with the answer before it.
MIN_SHARED = 2

#: The rubric: measure, points, what earns them.
RUBRIC: tuple[tuple[str, int, str], ...] = (
    ("time kept", 2, "the last turn ends by the agreed minute"),
    ("no job request", 2, "the learner never asks for a job, a referral or a CV review"),
    ("no web-searchable question", 2, "no question a quick web search answers"),
    ("asked what they missed", 1, 'asked "Is there anything I should have asked?"'),
    ("asked who else", 1, 'asked "Who else should I talk to?"'),
    ("follow-up questions", 1, "at least two questions build on the answer just heard"),
    ("let them talk", 1, "the learner talked for at most a third of the time"),
)

_STOPWORD_TEXT = """
a about above after again all also am an and any are aren't around as at be because been before
being below between both but by can can't could couldn't did didn't do does doesn't doing don't
down during each few for from further get gets got had hadn't has hasn't have haven't having he
her here hers herself him himself his how i i'd i'll i'm i've if in into is isn't it it's its
itself just let's like lot lots me might more most much must my myself no nor not now of off on
once only or other our ours ourselves out over own really same say she should shouldn't so some
such than that that's the their theirs them themselves then there there's these they they'd
they'll they're they've thing things this those through to too under until up us very was
wasn't we we'd we'll we're we've were weren't what what's when where which while who who's whom
why will with won't would wouldn't yes you you'd you'll you're you've your yours yourself
yourselves one ones well thank thanks tell could please maybe kind sort quite bit something
anyone everyone
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def content_words(text: str) -> set[str]:
    """The words of ``text`` that carry meaning, in lower case and singular.

    Short words (one or two letters) and common words ("the", "you",
    "what", ...) are left out; a plural ``-s`` or ``-ies`` is taken off, so
    "competitors" and "competitor" match.

    Examples
    --------
    >>> sorted(content_words("Who are the main competitors of Pulsewise?"))
    ['competitor', 'main', 'pulsewise']
    >>> sorted(content_words("Who else should I talk to?"))
    ['else', 'talk']
    """
    if not isinstance(text, str):
        return set()
    words = set()
    for word in _WORD.findall(text.lower().replace("’", "'")):
        if len(word) < 3 or word in _STOPWORDS:
            continue
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        words.add(word)
    return words


# ------------------------------------------------------------ reading
def read_transcripts(path: str | Path) -> pd.DataFrame:
    """Read a CSV table of transcripts and check every row.

    The file needs the columns ``speaker``, ``start``, ``end`` and ``text``;
    a ``transcript`` column, if there is one, says which conversation each
    turn belongs to (without it, the whole file is one conversation).

    Parameters
    ----------
    path : str or pathlib.Path
        The CSV file (UTF-8).

    Returns
    -------
    pandas.DataFrame
        Columns ``transcript, speaker, start, end, text`` with ``start`` and
        ``end`` as floats (minutes from the start of the call).

    Raises
    ------
    TranscriptDataError
        For a missing file or column, a speaker other than ``learner`` or
        ``interviewee``, a time that is not a number, a turn that ends before
        it starts, turns out of order or overlapping, or an empty text. The
        message starts with ``file:line:``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "talk.csv"
    >>> _ = bad.write_text("speaker,start,end,text\\nlearner,0,0.5,Hello\\nboss,0.5,1,Hi\\n")
    >>> read_transcripts(bad)
    Traceback (most recent call last):
    ...
    coffeechat.errors.TranscriptDataError: .../talk.csv:3: column 'speaker': 'boss' is not ...
    """
    if not isinstance(path, str | Path):
        raise InvalidParameter(f"expected the path of a CSV file, not {type(path).__name__}")
    table = read_csv_rows(path, TranscriptDataError)
    missing = [c for c in TRANSCRIPT_COLUMNS if c not in table.header]
    if missing:
        raise TranscriptDataError(
            f"no column {missing[0]!r}; a transcript needs the columns "
            + ", ".join(TRANSCRIPT_COLUMNS),
            path=table.path,
            line=table.header_line,
        )
    return _checked(table.rows, table.path)


def _checked(rows: Sequence[tuple[int, dict[str, str]]], path: object) -> pd.DataFrame:
    out = []
    previous: dict[str, float] = {}
    for line, row in rows:
        transcript = row.get("transcript", "").strip() or "1"
        speaker = row["speaker"].strip().lower()
        if speaker not in SPEAKERS:
            raise TranscriptDataError(
                f"{row['speaker']!r} is not a speaker; use 'learner' or 'interviewee'",
                path=path, line=line, column="speaker",
            )  # fmt: skip
        times = {}
        for column in ("start", "end"):
            try:
                times[column] = float(row[column])
            except ValueError:
                times[column] = float("nan")
            if not times[column] >= 0:
                raise TranscriptDataError(
                    f"{row[column]!r} is not a number of minutes (0 or more)",
                    path=path, line=line, column=column,
                )  # fmt: skip
        if times["end"] < times["start"]:
            raise TranscriptDataError(
                f"the turn ends ({times['end']:g}) before it starts ({times['start']:g})",
                path=path, line=line, column="end",
            )  # fmt: skip
        if times["start"] < previous.get(transcript, 0.0):
            raise TranscriptDataError(
                f"the turn starts at {times['start']:g}, before the turn above ends "
                f"({previous[transcript]:g}); turns must be in order and not overlap",
                path=path, line=line, column="start",
            )  # fmt: skip
        previous[transcript] = times["end"]
        text = row["text"].strip()
        if not text:
            raise TranscriptDataError("the text is empty", path=path, line=line, column="text")
        out.append((transcript, speaker, times["start"], times["end"], text))
    return pd.DataFrame(out, columns=["transcript", *TRANSCRIPT_COLUMNS])


def _turns(transcript: object) -> pd.DataFrame:
    """The transcript's rows, checked; an argument error names the problem."""
    if not isinstance(transcript, pd.DataFrame):
        raise InvalidParameter(
            f"expected a transcript table (a DataFrame), not {type(transcript).__name__}"
        )
    missing = [c for c in TRANSCRIPT_COLUMNS if c not in transcript.columns]
    if missing:
        raise InvalidParameter(
            f"the transcript has no column {missing[0]!r}; it needs "
            + ", ".join(TRANSCRIPT_COLUMNS)
        )
    if "transcript" in transcript.columns and transcript["transcript"].nunique() > 1:
        raise InvalidParameter(
            "the table holds several transcripts; pass one at a time "
            "(e.g. table[table['transcript'] == 'T1'])"
        )
    rows = [
        (
            i + 2,
            {
                c: "" if pd.isna(v) else str(v)
                for c, v in zip(TRANSCRIPT_COLUMNS, values, strict=True)
            },
        )
        for i, values in enumerate(transcript[list(TRANSCRIPT_COLUMNS)].itertuples(index=False))
    ]
    return _checked(rows, None)


# ------------------------------------------------------------ measures
def talk_share(transcript: pd.DataFrame) -> pd.Series:
    """Each speaker's share of the talking time (0 to 1), learner first.

    Talking time is the sum of ``end - start`` over a speaker's turns.

    Returns
    -------
    pandas.Series
        Indexed by speaker (``learner``, ``interviewee``), named ``share``.
    """
    turns = _turns(transcript)
    spoken = (turns["end"] - turns["start"]).groupby(turns["speaker"]).sum()
    spoken = spoken.reindex(list(SPEAKERS), fill_value=0.0)
    total = spoken.sum()
    share = spoken / total if total > 0 else spoken
    share.name = "share"
    return share.round(4)


def overrun_minutes(transcript: pd.DataFrame, agreed_minutes: float) -> float:
    """How many minutes past the agreed length the last turn ends (0 if on time)."""
    if isinstance(agreed_minutes, bool) or not isinstance(agreed_minutes, numbers.Real):
        raise InvalidParameter(f"agreed_minutes must be a number, not {agreed_minutes!r}")
    if not agreed_minutes > 0:
        raise InvalidParameter(f"agreed_minutes must be more than 0, not {agreed_minutes!r}")
    turns = _turns(transcript)
    end = float(turns["end"].max()) if len(turns) else 0.0
    return round(max(0.0, end - float(agreed_minutes)), 4)


def _learner_lines(turns: pd.DataFrame) -> list[str]:
    return [t for s, t in zip(turns["speaker"], turns["text"], strict=True) if s == LEARNER]


def job_requests(transcript: pd.DataFrame) -> list[str]:
    """The learner's turns that ask for a job, a referral or a look at their CV.

    Uses :func:`coffeechat.outreach.job_request`, the rule of the request
    checks: "What does your job involve?" asks for nothing; "Is your team
    hiring?" does.
    """
    return [t for t in _learner_lines(_turns(transcript)) if job_request(t) is not None]


def _key_words(question: Question | str) -> set[str]:
    """Content words of a bank question, without its slots ({organization}, ...)."""
    text = question.text if isinstance(question, Question) else question
    return content_words(re.sub(r"\{[a-z]+\}", " ", text))


def _asks(line: str, question: Question | str) -> bool:
    wanted = _key_words(question)
    return bool(wanted) and wanted <= content_words(line)


def searchable_questions(
    transcript: pd.DataFrame, bank: QuestionBank | Iterable[str] | None = None
) -> list[str]:
    """The learner's questions that a quick web search would answer.

    A learner's turn asks a searchable question when it holds "?" and every
    content word (:func:`content_words`) of a question the bank marks
    ``searchable``, slots left out ("Who are the main competitors of
    {organization}?" → *main*, *competitor*).

    Parameters
    ----------
    transcript : pandas.DataFrame
        One conversation.
    bank : QuestionBank or list of str, optional
        The bank (its ``searchable`` questions count), or the texts of the
        searchable questions themselves; the bundled bank by default.
    """
    bank = load_bank() if bank is None else bank
    if isinstance(bank, QuestionBank):
        searchable: list[Question | str] = [q for q in bank if q.searchable]
    elif isinstance(bank, str) or not isinstance(bank, Iterable):
        raise InvalidParameter("bank must be a QuestionBank or a list of question texts")
    else:
        searchable = list(bank)
    lines = _learner_lines(_turns(transcript))
    return [line for line in lines if "?" in line and any(_asks(line, q) for q in searchable)]


def closing_questions(
    transcript: pd.DataFrame, closing: Iterable[str] | None = None
) -> dict[str, bool]:
    """Whether each closing question was asked, by question.

    A learner's turn asks one when it holds all the question's content
    words: *anything* and *asked*; *else* and *talk*. ``closing`` defaults
    to the bank's two closing questions (:data:`coffeechat.questions.CLOSING_IDS`).
    """
    if closing is None:
        bank = load_bank()
        closing = [bank[qid].text for qid in CLOSING_IDS]
    elif isinstance(closing, str) or not isinstance(closing, Iterable):
        raise InvalidParameter("closing must be a list of question texts")
    lines = _learner_lines(_turns(transcript))
    return {q: any(_asks(line, q) for line in lines) for q in closing}


def missing_closing(transcript: pd.DataFrame, closing: Iterable[str] | None = None) -> list[str]:
    """The closing questions the learner did not ask (see :func:`closing_questions`)."""
    return [q for q, asked in closing_questions(transcript, closing).items() if not asked]


def follow_ups(transcript: pd.DataFrame, min_shared: int = MIN_SHARED) -> list[str]:
    """The learner's questions that build on the answer just heard.

    A learner's turn is a follow-up when it is a question (it holds "?") and
    shares at least ``min_shared`` content words with the interviewee's most
    recent turn before it.
    """
    if isinstance(min_shared, bool) or not isinstance(min_shared, int) or min_shared < 1:
        raise InvalidParameter(
            f"min_shared must be a whole number of at least 1, not {min_shared!r}"
        )
    found, heard = [], None
    for speaker, text in zip(*(_turns(transcript)[c] for c in ("speaker", "text")), strict=True):
        if speaker == INTERVIEWEE:
            heard = content_words(text)
        elif heard is not None and "?" in text and len(content_words(text) & heard) >= min_shared:
            found.append(text)
    return found


def scorecard(
    transcript: pd.DataFrame, agreed_minutes: float, bank: QuestionBank | None = None
) -> pd.DataFrame:
    """How the conversation went, measure by measure, with points (:data:`RUBRIC`).

    Returns
    -------
    pandas.DataFrame
        One row per measure: ``measure, result, points, out_of, advice``
        (``advice`` is empty when all the points were earned).
    """
    over = overrun_minutes(transcript, agreed_minutes)
    jobs = job_requests(transcript)
    searchable = searchable_questions(transcript, bank)
    closing = closing_questions(transcript)
    asked_missed, asked_who = closing.values()
    ups = follow_ups(transcript)
    learner = float(talk_share(transcript)[LEARNER])
    earned = {
        "time kept": over == 0,
        "no job request": not jobs,
        "no web-searchable question": not searchable,
        "asked what they missed": asked_missed,
        "asked who else": asked_who,
        "follow-up questions": len(ups) >= 2,
        "let them talk": learner <= MAX_LEARNER_SHARE + 1e-9,
    }
    results = {
        "time kept": "on time" if over == 0 else f"{over:g} minutes over",
        "no job request": "none" if not jobs else _quoted(jobs),
        "no web-searchable question": "none" if not searchable else _quoted(searchable),
        "asked what they missed": "yes" if asked_missed else "no",
        "asked who else": "yes" if asked_who else "no",
        "follow-up questions": str(len(ups)),
        "let them talk": f"you talked {learner:.0%} of the time",
    }
    advice = {
        "time kept": "Offer to stop at the agreed minute; let them choose to go on.",
        "no job request": "Never ask for a job; a referral comes only when they offer.",
        "no web-searchable question": "Research facts beforehand; ask what only they know.",
        "asked what they missed": 'Close with "Is there anything I should have asked?"',
        "asked who else": 'Close with "Who else should I talk to?"',
        "follow-up questions": "Pick up a word from their answer and ask about it.",
        "let them talk": "Keep your turns short and let them talk.",
    }
    return pd.DataFrame(
        [
            (m, results[m], points if earned[m] else 0, points, "" if earned[m] else advice[m])
            for m, points, _ in RUBRIC
        ],
        columns=["measure", "result", "points", "out_of", "advice"],
    )


def _quoted(lines: Sequence[str]) -> str:
    first = lines[0] if len(lines[0]) <= 60 else lines[0][:59] + "…"
    return f"“{first}”" + (f" and {len(lines) - 1} more" if len(lines) > 1 else "")


def rubric_score(
    transcript: pd.DataFrame, agreed_minutes: float, bank: QuestionBank | None = None
) -> int:
    """The scorecard's total points, 0 to 10."""
    return int(scorecard(transcript, agreed_minutes, bank)["points"].sum())


def score_transcripts(transcripts: pd.DataFrame, interviews: pd.DataFrame) -> pd.DataFrame:
    """One row per transcript: the measures of the scorecard and the score.

    Parameters
    ----------
    transcripts : pandas.DataFrame
        Turns of several conversations, with a ``transcript`` column.
    interviews : pandas.DataFrame
        One row per conversation with ``transcript`` and ``agreed_minutes``.
    """
    for name, table, column in (("transcripts", transcripts, "transcript"),
                                ("interviews", interviews, "agreed_minutes")):  # fmt: skip
        if not isinstance(table, pd.DataFrame) or column not in table.columns:
            raise InvalidParameter(f"{name} must be a DataFrame with a {column!r} column")
    agreed = dict(
        zip(interviews["transcript"].astype(str), interviews["agreed_minutes"], strict=True)
    )
    rows = []
    for key, turns in transcripts.groupby(transcripts["transcript"].astype(str), sort=False):
        if key not in agreed:
            raise InvalidParameter(f"transcript {key!r} has no row in interviews")
        minutes = float(agreed[key])
        rows.append({
            "transcript": key,
            "learner_share": float(talk_share(turns)[LEARNER]),
            "overrun": overrun_minutes(turns, minutes),
            "job_requests": len(job_requests(turns)),
            "searchable": len(searchable_questions(turns)),
            "missing_closing": len(missing_closing(turns)),
            "follow_ups": len(follow_ups(turns)),
            "score": rubric_score(turns, minutes),
        })  # fmt: skip
    return pd.DataFrame(rows)
