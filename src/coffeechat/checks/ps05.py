"""Checks for Assignment 5, *How did the conversation go?* (``ps05-how-did-it-go``).

Part (a) measures who did the talking, part (b) finds the classic mistakes
(overrunning, a job request, a question a web search answers, a missing
closing question), part (c) finds the follow-up questions and part (d) puts
it together in a rubric score. Each check works out the right answer with
:mod:`coffeechat.conversation` when it runs.

Examples
--------
>>> from coffeechat.checks import check_talk_share
>>> from coffeechat.datasets import load_transcripts
>>> transcripts, _ = load_transcripts()
>>> def by_turns(transcript):
...     return (transcript["speaker"].value_counts() / len(transcript)).to_dict()
>>> try:
...     check_talk_share(by_turns, transcripts)
... except AssertionError as err:
...     print(err)  # doctest: +ELLIPSIS
In transcript T1 the learner talked for 13% of the talking time, but your answer says 50%...
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from coffeechat.checks._core import (
    Assignment,
    Earlier,
    GradedTest,
    Part,
    blame_earlier,
    brief,
    checked,
    expect_type,
    fail,
    listing,
    passed,
)
from coffeechat.checks._inputs import call_on_copies, expect_number, unchanged_global
from coffeechat.conversation import (
    INTERVIEWEE,
    LEARNER,
    RUBRIC,
    content_words,
    follow_ups,
    job_requests,
    missing_closing,
    overrun_minutes,
    scorecard,
    searchable_questions,
    talk_share,
)
from coffeechat.datasets import sample_path
from coffeechat.practice import make_transcripts
from coffeechat.questions import load_bank

__all__ = [
    "ASSIGNMENT",
    "CLOSING",
    "check_follow_ups",
    "check_job_requests",
    "check_missing_closing",
    "check_overran",
    "check_rubric_score",
    "check_scores",
    "check_searchable_questions",
    "check_talk_share",
    "other_transcripts",
    "rubric_table",
    "tricky_transcript",
]

#: The closing questions as the assignment gives them.
CLOSING = ("Is there anything I should have asked?", "Who else should I talk to?")


# ------------------------------------------------------------ test data
@functools.lru_cache(maxsize=1)
def _setup() -> dict[str, Any]:
    """What the notebook's setup cell gives each of its variables."""
    return {
        "TRANSCRIPTS": pd.read_csv(sample_path("transcripts.csv")),
        "INTERVIEWS": pd.read_csv(sample_path("interviews.csv")),
        "SEARCHABLE": [question.text for question in load_bank() if question.searchable],
        "CLOSING": list(CLOSING),
    }


def _setup_intact(function: Any) -> None:
    """Fail, naming the variable, if a line the learner ran changed a variable of the setup cell."""
    namespace = getattr(function, "__globals__", None) or {}
    setup = _setup()
    if not all(label in namespace for label in setup):
        return  # not the assignment's notebook
    for label, pristine in setup.items():
        unchanged_global(label, namespace[label], pristine, "the setup cell")


@checked
def other_transcripts(seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Eight more practice conversations for the hidden checks, as ``pd.read_csv`` gives them."""
    transcripts, interviews = _other(seed)
    return transcripts.copy(), interviews.copy()


@functools.lru_cache(maxsize=4)
def _other(seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    transcripts, interviews = make_transcripts(8, seed=seed)
    transcripts["transcript"] = "H" + transcripts["transcript"].str[1:]
    interviews["transcript"] = "H" + interviews["transcript"].str[1:]
    # The conversations are listed in the other order: pair them by name, not by position.
    return transcripts, interviews.iloc[::-1].reset_index(drop=True)


def _with_pauses(transcripts: pd.DataFrame) -> pd.DataFrame:
    """The same conversations with a silence of a quarter of a minute before every turn."""
    table = transcripts.copy()
    step = table.groupby("transcript").cumcount() * 0.25 + 0.25
    table["start"] = table["start"] + step
    table["end"] = table["end"] + step
    table["transcript"] = table["transcript"].astype(str) + " (with pauses)"
    return table


_TRICKY = [
    (LEARNER, 0.25, 0.5, "Thank you for your time. What does your job involve from day to day?"),
    (INTERVIEWEE, 0.75, 3.0, "Mostly the monthly design critique and usability testing "
     "sessions. We are hiring, by the way, but that is another story."),
    (LEARNER, 3.5, 3.75, "That sounds fascinating."),
    (LEARNER, 3.75, 4.0, "How did the monthly design critique start?"),
    (INTERVIEWEE, 4.0, 6.0, "A colleague started it after a bad release. Now every designer "
     "brings one screen and one question."),
    (LEARNER, 6.5, 6.75, "What does a good market research plan look like for a screen?"),
    (INTERVIEWEE, 7.0, 8.5, "Short, and written with the people who will use it."),
    (LEARNER, 8.75, 9.0, "Who are your main competitors, and where are your offices?"),
    (INTERVIEWEE, 9.0, 9.75, "Who are our main competitors? That is on our website, honestly."),
    (LEARNER, 10.0, 10.25, "Could you pass my CV to your manager?"),
    (INTERVIEWEE, 10.5, 11.0, "I would rather not, but thank you for asking."),
    (LEARNER, 11.25, 11.5, "Who else do you think I should talk to?"),
    (INTERVIEWEE, 11.5, 14.5, "Talk to Mira in research. I can ask whether she would be happy "
     "to hear from you."),
    (LEARNER, 14.75, 15.5, "Thank you. Mira in research sounds like the right person."),
    (INTERVIEWEE, 15.5, 16.0, "Is there anything you should have asked me? Write any time."),
]  # fmt: skip

# On every boundary the text states: it ends on the agreed minute, the learner
# talks exactly a third of the time, and exactly two questions are follow-ups,
# one of them sharing exactly two content words.
_BOUNDARIES = [
    (LEARNER, 0.0, 0.5, "Thanks for making time. How did you start in supply planning?"),
    (INTERVIEWEE, 0.5, 2.0, "I started in warehouse logistics and moved to planning when our "
     "forecasts kept failing."),
    (LEARNER, 2.25, 2.75, "Why did the forecasts keep failing back then?"),
    (INTERVIEWEE, 3.0, 4.5, "Nobody shared the sales calendar, so every promotion surprised "
     "the warehouse."),
    (LEARNER, 4.5, 5.0, "How does the sales calendar reach you now?"),
    (INTERVIEWEE, 5.0, 5.5, "A weekly call with the sales team."),
    (LEARNER, 6.25, 6.5, "Is there anything I should have asked?"),
    (INTERVIEWEE, 6.5, 7.0, "Ask about the tools we use next time."),
    (LEARNER, 7.75, 8.0, "Who else should I talk to?"),
    (LEARNER, 8.0, 8.25, "Thank you again."),
    (INTERVIEWEE, 9.5, 10.0, "Talk to Ines in purchasing."),
]  # fmt: skip


@checked
def tricky_transcript() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two short conversations written to catch the usual slips, with pauses.

    ``X1`` (16 minutes agreed) holds the usual traps; ``X2`` (10 minutes
    agreed) sits on every boundary of the rubric. Both end on their agreed
    minute, and each would overrun with the other's. The rows carry labels from
    100 on, as a slice of a bigger table does, and ``interviews`` lists them
    in the other order.
    """
    tables = []
    for key, turns in (("X1", _TRICKY), ("X2", _BOUNDARIES)):
        table = pd.DataFrame(turns, columns=["speaker", "start", "end", "text"])
        table.insert(0, "transcript", key)
        tables.append(table)
    table = pd.concat(tables)
    table.index = range(100, 100 + len(table))  # a slice of a bigger table keeps its labels
    interviews = pd.DataFrame({"transcript": ["X2", "X1"], "agreed_minutes": [10, 16]})
    return table, interviews


def _text_examples() -> pd.DataFrame:
    """The task text's own examples as a conversation: the interviewee speaks of hiring."""
    turns = [
        (LEARNER, 0.0, 0.5, "What does your job involve?"),
        (INTERVIEWEE, 0.5, 2.0, "Planning, mostly. We are hiring, if you know anyone."),
        (LEARNER, 2.0, 2.5, "Could you forward my CV to your manager?"),
        (LEARNER, 2.5, 3.0, "Who are your main competitors these days?"),
        (LEARNER, 3.0, 3.5, "Who else do you think I should talk to?"),
        (INTERVIEWEE, 3.5, 5.0, "Our night shift handover is where most problems start."),
        (LEARNER, 5.0, 5.5, "The night shift handover sounds hard."),
        (LEARNER, 5.5, 6.0, "You mentioned the night shift handover. Could you tell me more?"),
    ]
    table = pd.DataFrame(turns, columns=["speaker", "start", "end", "text"])
    table.insert(0, "transcript", "E")
    return table


def _split(transcripts: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    if not isinstance(transcripts, pd.DataFrame) or "transcript" not in transcripts.columns:
        fail("The check needs the table of transcripts (TRANSCRIPTS): run the setup cell first.")
    return [
        (str(key), rows)
        for key, rows in transcripts.groupby(transcripts["transcript"].astype(str), sort=False)
    ]


def _agreed(interviews: pd.DataFrame) -> dict[str, float]:
    return {
        str(k): float(v)
        for k, v in zip(interviews["transcript"], interviews["agreed_minutes"], strict=True)
    }


def _quote(text: str, width: int = 60) -> str:
    return "“" + brief(text, width, quote=False) + "”"


def _texts(value: object, name: str) -> list[str]:
    value = expect_type(
        value, (list, tuple, set, pd.Series), name, "a list of the turns' texts",
        advice="Collect the texts in a list and return it.",
    )  # fmt: skip
    items = list(value)
    odd = [v for v in items if not isinstance(v, str)]
    if odd:
        fail(f"{name} should give the texts of turns (strings), but it holds {brief(odd[0])}.")
    return [v.strip() for v in items]


def _speaker_of(rows: pd.DataFrame, text: str) -> str | None:
    for speaker, line in zip(rows["speaker"], rows["text"], strict=True):
        if line.strip() == text:
            return speaker
    return None


def _compare_texts(
    key: str, rows: pd.DataFrame, got: list[str], want: list[str], what: str, why_missing: str,
    why_extra: Callable[[str], str],
) -> None:  # fmt: skip
    extra = [t for t in got if t not in want]
    missing = [t for t in want if t not in got]
    if extra:
        if _speaker_of(rows, extra[0]) == INTERVIEWEE:
            fail(
                f"In transcript {key}, {_quote(extra[0])} is the interviewee speaking: only "
                f"the learner's turns can be {what}."
            )
        if _speaker_of(rows, extra[0]) is None:
            fail(f"In transcript {key}, your answer holds {_quote(extra[0])}, which is not a turn.")
        fail(f"In transcript {key}, {_quote(extra[0])} is not {what}: {why_extra(extra[0])}")
    if missing:
        fail(
            f"In transcript {key}, your answer leaves out "
            f"{listing([_quote(t, 50) for t in missing])}: {why_missing}"
        )
    if len(got) > len(want):
        fail(f"In transcript {key}, your answer lists a turn twice; list each once.")


# ------------------------------------------------------ part (a): talk share
def _shares(value: object, name: str, want: dict[str, float]) -> dict[str, float]:
    value = expect_type(
        value, (dict, pd.Series), name, "a dict (or Series) from speaker to share",
        advice="For example {'learner': 0.2, 'interviewee': 0.8}.",
    )  # fmt: skip
    shares = {str(k): v for k, v in dict(value).items()}
    unknown = [k for k in shares if k not in (LEARNER, INTERVIEWEE)]
    if unknown:
        fail(f"{name} should be keyed by speaker ('learner', 'interviewee'), not {unknown[0]!r}.")
    absent = [s for s in (LEARNER, INTERVIEWEE) if s not in shares and want[s] > 0]
    if absent:
        fail(f"{name} gives no share for {absent[0]!r}, who spoke: give both speakers' shares.")
    return {
        s: float(expect_number(shares.get(s, 0.0), f"{name}[{s!r}]", "a share between 0 and 1"))
        for s in (LEARNER, INTERVIEWEE)
    }


@checked
def check_talk_share(function: Any, transcripts: pd.DataFrame, *, pauses: bool = False) -> None:
    """Check ``talk_share(transcript)``: each speaker's share of the talking time.

    With ``pauses`` the conversations are also tried with silences between
    turns, where the length of the call is not the talking time.
    """
    _setup_intact(function)
    cases = _split(transcripts) + (_split(_with_pauses(transcripts)) if pauses else [])
    for key, rows in cases:
        want = talk_share(rows).to_dict()
        got = _shares(
            call_on_copies(function, [rows], "talk_share(transcript)", ["transcript"]),
            "talk_share",
            want,
        )
        total = sum(got.values())
        if 99 <= total <= 101:
            fail("Your shares add up to 100: give them between 0 and 1 (0.25, not 25%).")
        wrong = [s for s in (LEARNER, INTERVIEWEE) if abs(got[s] - want[s]) > 0.005]
        if wrong:
            speaker = wrong[0]
            who = "the learner" if speaker == LEARNER else "the interviewee"
            hint = _share_hint(rows, got[speaker], speaker)
            fail(
                f"In transcript {key} {who} talked for {want[speaker]:.0%} of the talking "
                f"time, but your answer says {got[speaker]:.0%}. {hint}"
            )
    passed(f"talk_share measures who did the talking in all {len(cases)} conversations.")


def _share_hint(rows: pd.DataFrame, got: float, speaker: str) -> str:
    """The slip that gives ``got`` as ``speaker``'s share, if it is a known one."""
    mine = rows["speaker"] == speaker
    spoken = rows["end"] - rows["start"]
    call_length = float(rows["end"].max() - rows["start"].min())
    if abs(got - float(spoken[mine].sum()) / max(float(rows["end"].max()), 1e-9)) <= 0.005 or (
        abs(got - float(spoken[mine].sum()) / max(call_length, 1e-9)) <= 0.005
    ):
        return (
            "Divide by the total talking time (the sum of end − start of all turns), not "
            "the length of the call: silences between turns belong to nobody."
        )
    if abs(got - float(mine.mean())) <= 0.005:
        return "That is the share of turns: weigh each turn by how long it lasts (end − start)."
    return "Add up end − start over each speaker's turns, then divide by the total of all turns."


# ------------------------------------------------------ part (b): mistakes
@checked
def check_overran(function: Any, transcripts: pd.DataFrame, interviews: pd.DataFrame) -> None:
    """Check ``overran(transcript, agreed_minutes)``: minutes past the agreed end, 0 if on time."""
    _setup_intact(function)
    agreed = _agreed(interviews)
    for key, rows in _split(transcripts):
        end = float(rows["end"].max())
        # The agreed minutes as the table gives them, then on the boundary: ending on the minute.
        for minutes, where in (
            (agreed[key], ""),
            (end, " (ending exactly on the agreed minute)"),
            (end - 0.5, " (half a minute over)"),
        ):
            name = f"overran(transcript, {minutes:g})"
            got = expect_number(
                call_on_copies(function, [rows, minutes], name, ["transcript", "agreed_minutes"]),
                "overran",
                "a number of minutes (0 when on time)",
            )
            want = overrun_minutes(rows, minutes)
            if abs(float(got) - want) <= 0.01:
                continue
            if got < 0:
                fail(
                    f"Transcript {key} ended {minutes - end:g} minutes early; that is 0 minutes "
                    f"over, not {got:g}."
                )
            start = float(rows["start"].min())
            hint = (
                f" Its first turn starts at minute {start:g}: the times count from the start "
                "of the call, so compare the end itself with the agreed minutes."
                if start and abs(float(got) - max(0.0, end - start - minutes)) <= 0.01
                else " Use the end of the last turn."
            )
            fail(
                f"Transcript {key}{where} was agreed at {minutes:g} minutes and its last turn "
                f"ends at minute {end:g}, so it overran by {want:g}, but your answer says "
                f"{got:g}.{hint}"
            )
    passed("overran measures every overrun, and gives 0 for a conversation that ends on time.")


@checked
def check_job_requests(function: Any, transcripts: pd.DataFrame) -> None:
    """Check ``job_requests(transcript)``: the learner's turns that ask for a job."""
    _setup_intact(function)
    for key, rows in [*_split(transcripts), ("E (the text's examples)", _text_examples())]:
        got = _texts(
            call_on_copies(function, [rows], "job_requests(transcript)", ["transcript"]),
            "job_requests",
        )
        want = job_requests(rows)
        _compare_texts(
            key, rows, got, want, "a job request",
            "each of them asks for a job (job_request(text) finds a phrase).",
            lambda t: "it mentions a job but asks for none; use job_request(text), "
            "not a search for the word.",
        )  # fmt: skip
    passed("job_requests finds every request for a job, and nothing else.")


def _searchable_hint(line: str, searchable: Sequence[str]) -> str:
    for question in searchable:
        words = content_words(re.sub(r"\{\w+\}", " ", question))
        if words and words <= content_words(line):
            return (
                f"it holds every content word of {_quote(question, 50)} "
                f"({', '.join(sorted(words))}) once the slot in braces is left out."
            )
    return "each holds every content word of a searchable question."


@checked
def check_searchable_questions(
    function: Any, transcripts: pd.DataFrame, searchable: Sequence[str]
) -> None:
    """Check ``searchable_questions(transcript, searchable)``: questions a web search answers."""
    _setup_intact(function)
    searchable = list(searchable)
    for key, rows in [*_split(transcripts), ("E (the text's examples)", _text_examples())]:
        got = _texts(
            call_on_copies(function, [rows, searchable], "searchable_questions(transcript, "
                           "SEARCHABLE)", ["transcript", "searchable"]), "searchable_questions",
        )  # fmt: skip
        want = searchable_questions(rows, searchable)
        missing = [t for t in want if t not in got]
        _compare_texts(
            key, rows, got, want, "a web-searchable question",
            _searchable_hint(missing[0], searchable) if missing else "",
            lambda t: "it holds only some of the content words of each searchable question"
            + ("" if "?" in t else ", and it is not a question") + ".",
        )  # fmt: skip
    passed("searchable_questions finds every question a web search answers.")


@checked
def check_missing_closing(
    function: Any, transcripts: pd.DataFrame, closing: Sequence[str] = CLOSING
) -> None:
    """Check ``missing_closing(transcript, closing)``: the closing questions not asked."""
    _setup_intact(function)
    closing = list(closing)
    for key, rows in [*_split(transcripts), ("E (the text's examples)", _text_examples())]:
        got = _texts(
            call_on_copies(
                function, [rows, closing], "missing_closing(transcript, CLOSING)",
                ["transcript", "closing"],
            ),
            "missing_closing",
        )  # fmt: skip
        want = missing_closing(rows, closing)
        if set(got) == set(closing) - set(want) and set(want) != set(closing) - set(want):
            fail(
                f"In transcript {key}, your answer lists the closing questions that were asked; "
                "list the ones that were not."
            )
        extra = [q for q in got if q not in want]
        if extra:
            fail(
                f"In transcript {key}, the learner did ask {_quote(extra[0])} (a turn holds all "
                f"its content words: {', '.join(sorted(content_words(extra[0])))}), perhaps in "
                "other words; it is not missing."
            )
        lacking = [q for q in want if q not in got]
        if lacking:
            words = content_words(lacking[0])
            by_interviewee = any(
                words <= content_words(text)
                for speaker, text in zip(rows["speaker"], rows["text"], strict=True)
                if speaker == INTERVIEWEE
            )
            fail(
                f"In transcript {key}, the learner never asks {_quote(lacking[0])}, but your "
                "answer does not list it. "
                + (
                    "The interviewee's turn that holds its words does not count: only the "
                    "learner's turns do."
                    if by_interviewee
                    else "A turn asks it only when it holds all of its content words: "
                    f"{', '.join(sorted(words))}."
                )
            )
    passed("missing_closing finds every closing question left out.")


# ------------------------------------------------------ part (c): follow-ups
@checked
def check_follow_ups(function: Any, transcripts: pd.DataFrame) -> None:
    """Check ``follow_ups(transcript)``: questions that build on the answer just heard."""
    _setup_intact(function)
    for key, rows in [*_split(transcripts), ("E (the text's examples)", _text_examples())]:
        got = _texts(
            call_on_copies(function, [rows], "follow_ups(transcript)", ["transcript"]),
            "follow_ups",
        )
        want = follow_ups(rows)
        heard: set[str] = set()
        shared: dict[str, set[str]] = {}
        for speaker, text in zip(rows["speaker"], rows["text"], strict=True):
            if speaker == INTERVIEWEE:
                heard = content_words(text)
            else:
                shared[text.strip()] = content_words(text) & heard

        def why_extra(text: str, shared: dict[str, set[str]] = shared) -> str:
            if "?" not in text:
                return "it is not a question."
            n = len(shared.get(text, set()))
            return (
                f"it shares {n} content word{'' if n == 1 else 's'} with the interviewee's "
                "most recent turn; a follow-up shares at least two."
            )

        missing = [t for t in want if t not in got]
        _compare_texts(
            key, rows, got, want, "a follow-up",
            (
                f"it shares {', '.join(sorted(shared.get(missing[0], set())))} with the "
                "interviewee's most recent turn before it (even if the learner spoke in between)."
            ) if missing else "",
            why_extra,
        )  # fmt: skip
    passed("follow_ups finds every question that builds on the answer before it.")


# ------------------------------------------------------ part (d): rubric
def _ref_talk_share(transcript: pd.DataFrame) -> dict[str, float]:
    # Unrounded, as a learner's own is: a share of exactly 1/3 must stay 1/3.
    spoken = (transcript["end"] - transcript["start"]).groupby(transcript["speaker"]).sum()
    return {str(k): float(v) for k, v in (spoken / spoken.sum()).items()}


def _ref_overran(transcript: pd.DataFrame, agreed_minutes: float) -> float:
    return overrun_minutes(transcript, agreed_minutes)


def _ref_searchable(transcript: pd.DataFrame, searchable: Sequence[str]) -> list[str]:
    return searchable_questions(transcript, list(searchable))


def _ref_missing(transcript: pd.DataFrame, closing: Sequence[str]) -> list[str]:
    return missing_closing(transcript, list(closing))


def _earlier_parts() -> tuple[Earlier, ...]:
    return (
        Earlier("talk_share", "a", _ref_talk_share),
        Earlier("overran", "b1", _ref_overran),
        Earlier("job_requests", "b2", job_requests),
        Earlier("searchable_questions", "b3", _ref_searchable),
        Earlier("missing_closing", "b4", _ref_missing),
        Earlier("follow_ups", "c", follow_ups),
    )


def _card_text(rows: pd.DataFrame, minutes: float) -> str:
    card = scorecard(rows, minutes)
    return "; ".join(f"{m} {p}/{o}" for m, p, o in zip(card["measure"], card["points"],
                                                       card["out_of"], strict=True))  # fmt: skip


@checked
def check_rubric_score(function: Any, transcripts: pd.DataFrame, interviews: pd.DataFrame) -> None:
    """Check ``rubric_score(transcript, agreed_minutes)``: 0 to 10 points by the rubric."""
    _setup_intact(function)
    agreed = _agreed(interviews)

    def run() -> None:
        for key, rows in _split(transcripts):
            minutes = agreed[key]
            name = f"rubric_score(transcript, {minutes:g})"
            got = expect_number(
                call_on_copies(function, [rows, minutes], name, ["transcript", "agreed_minutes"]),
                "rubric_score",
                "a whole number of points",
            )
            want = sum(scorecard(rows, minutes)["points"])
            if got != want:
                fail(
                    f"Transcript {key} earns {want} points, but your rubric_score says {got:g}. "
                    f"By measure: {_card_text(rows, minutes)}."
                )

    blame_earlier(run, function, *_earlier_parts())
    passed("rubric_score scores every conversation by the rubric.")


@checked
def check_scores(
    function: Any, rubric: Any, transcripts: pd.DataFrame, interviews: pd.DataFrame
) -> None:
    """Check ``scores(transcripts, interviews)``: one rubric score per transcript."""
    _setup_intact(function)
    agreed = _agreed(interviews)

    def run() -> None:
        got = call_on_copies(
            function, [transcripts, interviews], "scores(TRANSCRIPTS, INTERVIEWS)",
            ["transcripts", "interviews"],
        )  # fmt: skip
        got = expect_type(
            got, (dict, pd.Series), "scores", "a dict (or Series) from transcript to score"
        )
        got = {str(k): v for k, v in dict(got).items()}
        for key, rows in _split(transcripts):
            want = sum(scorecard(rows, agreed[key])["points"])
            if key not in got:
                fail(f"Your scores leave out transcript {key}; give one score per transcript.")
            value = expect_number(got[key], f"scores[{key!r}]", "a whole number of points")
            if value != want:
                others = {m for m in agreed.values() if m != agreed[key]}
                paired = any(sum(scorecard(rows, m)["points"]) == value for m in others)
                fail(
                    f"Transcript {key} earns {want} points (it was agreed at {agreed[key]:g} "
                    f"minutes), but your scores say {value:g}."
                    + (
                        " That is its score with another transcript's minutes: take each "
                        "transcript's agreed minutes from its own row of interviews."
                        if paired else ""
                    )
                )  # fmt: skip
        extra = [k for k in got if k not in agreed]
        if extra:
            fail(f"Your scores hold {extra[0]!r}, which is not a transcript.")

    def reference_rubric(transcript: pd.DataFrame, agreed_minutes: float) -> int:
        return int(sum(scorecard(transcript, agreed_minutes)["points"]))

    blame_earlier(run, function, Earlier("rubric_score", "d1", reference_rubric))
    passed("scores gives every conversation its rubric score.")


def rubric_table() -> pd.DataFrame:
    """The rubric as a table: measure, points, what earns them."""
    return pd.DataFrame(list(RUBRIC), columns=["measure", "points", "earned when"])


ASSIGNMENT = Assignment(
    name="ps05-how-did-it-go",
    notebook="how-did-it-go",
    title="How did the conversation go?",
    parts=(
        Part(
            "a",
            "Who did the talking",
            (
                GradedTest("part-a-share", 2, "check_talk_share(talk_share, TRANSCRIPTS)"),
                GradedTest("part-a-hidden", 1),
            ),
            functions=("talk_share",),
        ),
        Part(
            "b",
            "Find the mistakes",
            (
                GradedTest("part-b-overran", 1, "check_overran(overran, TRANSCRIPTS, INTERVIEWS)"),
                GradedTest("part-b-job", 1, "check_job_requests(job_requests, TRANSCRIPTS)"),
                GradedTest(
                    "part-b-searchable",
                    2,
                    "check_searchable_questions(searchable_questions, TRANSCRIPTS, SEARCHABLE)",
                ),
                GradedTest(
                    "part-b-closing",
                    1,
                    "check_missing_closing(missing_closing, TRANSCRIPTS, CLOSING)",
                ),
                GradedTest("part-b-hidden", 2),
            ),
            functions=("overran", "job_requests", "searchable_questions", "missing_closing"),
        ),
        Part(
            "c",
            "Follow-up questions",
            (
                GradedTest("part-c-follow-ups", 3, "check_follow_ups(follow_ups, TRANSCRIPTS)"),
                GradedTest("part-c-hidden", 1),
            ),
            functions=("follow_ups",),
        ),
        Part(
            "d",
            "A rubric score",
            (
                GradedTest(
                    "part-d-rubric", 2, "check_rubric_score(rubric_score, TRANSCRIPTS, INTERVIEWS)"
                ),
                GradedTest(
                    "part-d-scores",
                    1,
                    "check_scores(scores, rubric_score, TRANSCRIPTS, INTERVIEWS)",
                ),
                GradedTest("part-d-hidden", 2),
            ),
            functions=("rubric_score", "scores"),
        ),
    ),
)
