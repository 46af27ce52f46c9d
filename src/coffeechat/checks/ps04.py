"""Checks for Assignment 4: Prepare the conversation.

The learner writes, in pandas and plain Python:

(a) ``tenure_table`` (who holds which job, since when, for how many years)
    and ``relations_table`` (an organisation's suppliers, customers and
    competitors, one row each) — the research card;
(b) ``distinctive_words``, the words that mark an industry's job postings;
(c) ``choose_questions``, the questions worth most within the minutes, the
    referral question always included (a 0/1 knapsack by dynamic programming);
(d) ``cut_plan``, a 30-minute agenda cut to fit 15 minutes, keeping as many
    goals as it can.

Expected answers are computed when a check runs, with :mod:`coffeechat.research`
for (a) and (b) and an exact search for (c) and (d); hidden checks use other
people, organisations, postings, question banks and minutes, drawn here.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from coffeechat._args import a_date
from coffeechat.checks._core import (
    Assignment,
    GradedTest,
    Part,
    blank,
    blanks_as_empty,
    blanks_as_nan,
    brief,
    checked,
    expect_type,
    fail,
    listing,
    passed,
    plural,
    short,
)
from coffeechat.checks._inputs import call_on_copies
from coffeechat.checks._notebook_data import data_intact
from coffeechat.checks._ps04_practice import (
    practice_agenda,
    practice_positions,
    practice_postings,
    practice_questions,
    research_organizations,
)
from coffeechat.checks.ps02 import check_relations_table
from coffeechat.datasets import (
    load_sample_network,
    load_sample_organizations,
    load_sample_positions,
    load_sample_postings,
)
from coffeechat.errors import CheckFailed
from coffeechat.research import distinctive_words, posting_words, tenure_table

__all__ = [
    "ASSIGNMENT",
    "check_cut_plan",
    "check_industry_words",
    "check_organization_relations",
    "check_question_choice",
    "check_tenure_table",
    "practice_agenda",
    "research_organizations",
    "practice_positions",
    "practice_postings",
    "practice_questions",
]

#: How far a learner's tenure may be from ours, in years (rounded or not both pass).
YEARS_TOLERANCE = 0.06


@functools.lru_cache(maxsize=1)
def _setup() -> dict[str, Any]:
    """What the notebook's setup cell gives each of its tables."""
    return {
        "PEOPLE": load_sample_network().people,
        "POSITIONS": load_sample_positions(),
        "ORGANIZATIONS": load_sample_organizations(),
        "POSTINGS": load_sample_postings(),
    }


def _data_intact(function: Any, reads: Sequence[str] = (), extra: Sequence[Any] = ()) -> None:
    """Name a setup table that a line the learner ran changed (in the assignment's notebook)."""
    cells = dict.fromkeys(_setup(), "the setup cell")
    data_intact(function, _setup, cells, "POSITIONS", reads, extra)


# ====================================================================== (a)


def _table(value: object, name: str, columns: Sequence[str]) -> pd.DataFrame:
    table = expect_type(
        value, pd.DataFrame, name, "a pandas DataFrame", advice="Return the table itself."
    )
    if "id" in columns and "id" not in table.columns and table.index.name == "id":
        table = table.reset_index()
    missing = [c for c in columns if c not in table.columns]
    if missing:
        fail(
            f"{name} has no column {listing([repr(c) for c in missing])}; it should have "
            f"{', '.join(columns)} (it has {listing([str(c) for c in table.columns], 8)})."
        )
    return table.reset_index(drop=True)


def _day(value: object) -> date | None:
    if blank(value):
        return None
    try:
        return pd.Timestamp(value).date()
    except (ValueError, TypeError):
        return None


def _text(value: object) -> str:
    return "" if blank(value) else str(value).strip()


@checked(as_of=a_date)
def check_tenure_table(
    tenure: Callable[..., Any], people: pd.DataFrame, positions: pd.DataFrame, as_of: object
) -> None:
    """Check (a1): each person's current job, when they joined its organisation, and for how long.

    Raises
    ------
    CheckFailed
        Naming the person and what is wrong: a missing or extra row, the
        wrong job, the wrong first day, or the wrong number of years.
    """
    _data_intact(tenure, ["PEOPLE", "POSITIONS"], [as_of])
    for table, blanks in (
        (blanks_as_empty(positions), ""),
        (blanks_as_nan(positions), "NaN (what pd.read_csv gives)"),
    ):
        try:
            _tenure_attempt(tenure, people, table, as_of)
        except CheckFailed as err:
            if not blanks:
                raise
            message = str(err)
            raise CheckFailed(
                short(f"With a blank `end` as {blanks}: {message[0].lower()}{message[1:]}")
            ) from err
    count = len(tenure_table(people, positions, as_of))
    passed(
        f"tenure_table: {plural(count, 'person', 'people')} with their current job "
        "and years at their organisation."
    )


def _tenure_attempt(
    tenure: Callable[..., Any], people: pd.DataFrame, positions: pd.DataFrame, as_of: object
) -> None:
    mine = call_on_copies(
        tenure,
        [people, positions, as_of],
        "tenure_table(people, positions, as_of)",
        ["people", "positions", "as_of"],
    )
    columns = ("id", "name", "organization", "role", "started", "years")
    mine = _table(mine, "tenure_table", columns)
    expected = tenure_table(people, positions, as_of).set_index("id")
    names = dict(zip(people["id"], people["name"], strict=False))
    ids = [_text(i) for i in mine["id"]]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        fail(
            f"{listing([names.get(i, i) for i in repeated])} appear more than once in your "
            "table. Keep one row per person: the current position, whose `end` is blank "
            "(a merge with every position gives a row per job)."
        )
    missing = [i for i in expected.index if i not in ids]
    if missing:
        fail(
            f"Your table leaves out {listing([names.get(i, i) for i in missing])}, who "
            f"{'has' if len(missing) == 1 else 'have'} a current position (blank `end`). "
            f"It has {plural(len(mine), 'row')}; it should have {len(expected)}."
        )
    extra = [i for i in ids if i not in expected.index]
    if extra:
        fail(
            f"{listing([names.get(i, i) for i in extra])} should not be in your table: "
            "nobody without a current position (blank `end`) has a job to research. "
            "An inner merge leaves them out."
        )
    mine = mine.set_index(mine["id"].map(_text))
    for pid, row in expected.iterrows():
        got = mine.loc[pid]
        who = row["name"]
        if (_text(got["organization"]), _text(got["role"])) != (row["organization"], row["role"]):
            fail(
                f"{who} is now {row['role']} at {row['organization']} (the position with a "
                f"blank `end`); your table says {_text(got['role']) or 'nothing'} at "
                f"{_text(got['organization']) or 'nowhere'}."
            )
    for pid, row in expected.iterrows():
        got, who = mine.loc[pid], row["name"]
        day = _day(got["started"])
        if day != row["started"]:
            own = positions[(positions["person"] == pid) & (positions["end"].map(_text) == "")][
                "start"
            ]
            hint = (
                " — that is when the current role began; count from the first position "
                f"at {row['organization']}, promotions included."
                if len(own) and _day(own.iloc[0]) == day
                else "."
            )
            fail(
                f"{who} started at {row['organization']} on {row['started'].isoformat()}; "
                f"your table says {day.isoformat() if day else brief(got['started'])}{hint}"
            )
    for pid, row in expected.iterrows():
        got, who = mine.loc[pid], row["name"]
        try:
            years = float(got["years"])
        except (TypeError, ValueError):
            years = math.nan
        exact = (_as_date(as_of) - row["started"]).days / 365.25
        if not abs(years - exact) <= YEARS_TOLERANCE:
            fail(
                f"{who} has been at {row['organization']} for {exact:.1f} years (from "
                f"{row['started'].isoformat()} to {_as_date(as_of).isoformat()}); your table "
                f"says {_shown(got['years'])}. Count days up to `as_of`, not today, and divide "
                "by 365.25."
            )


def _as_date(value: object) -> date:
    day = _day(value)
    if day is None:
        fail(f"as_of should be a date, not {brief(value)}.")
    return day


@checked
def check_organization_relations(
    relations: Callable[..., Any], organizations: pd.DataFrame
) -> None:
    """Check (a2): ``relations_table`` as in Assignment 2, so that an answer carries over.

    One row per relation, the columns ``organization``, ``relation`` (the
    column it came from: ``supplier_of``, ``customer_of`` or
    ``competitor_of``) and ``other``; names stripped, empty cells (NaN or
    empty text) left out, each relation once, the table given left as it was.
    This is :func:`coffeechat.checks.check_relations_table`, the check of
    Assignment 2, part (a1).

    Raises
    ------
    CheckFailed
        Naming one relation that is missing, repeated, badly written or not in the data.
    """
    _data_intact(relations, ["ORGANIZATIONS"])
    check_relations_table(relations, organizations)


# ====================================================================== (b)


@checked
def check_industry_words(words: Callable[..., Any], postings: pd.DataFrame, top: int = 5) -> None:
    """Check (b): the ``top`` most distinctive words of each industry's postings.

    Words tied in score at the cut-off are interchangeable; the order of rows
    is not checked.

    Raises
    ------
    CheckFailed
        Naming an industry, a word that should be there and one that should not.
    """
    _data_intact(words, ["POSTINGS"], [top])
    mine = call_on_copies(
        words, [postings, top], f"distinctive_words(postings, {top})", ["postings", "top"]
    )
    mine = _table(mine, "distinctive_words", ("industry", "word"))
    expected = _all_scores(postings)
    industries = sorted(postings["industry"].unique())
    got_industries = sorted({_text(i) for i in mine["industry"]})
    if got_industries != industries:
        missing = [i for i in industries if i not in got_industries]
        what = (
            f"leaves out {listing(missing)}"
            if missing
            else f"has industries that are not in the postings: "
            f"{listing([i for i in got_industries if i not in industries])}"
        )
        fail(f"Your table {what}; it should have the top words of each of {len(industries)}.")
    for industry in industries:
        scores = expected[industry]
        ranked = sorted(
            ((s, w) for w, s in scores.items() if s > 1e-9), key=lambda sw: (-sw[0], sw[1])
        )
        want = ranked[:top]
        cutoff = want[-1][0] if want else 0.0
        sure = {w for s, w in want if s > cutoff + 1e-9}
        allowed = {w for s, w in ranked if s >= cutoff - 1e-9}
        got = [_text(w) for w in mine.loc[mine["industry"].map(_text) == industry, "word"]]
        if len(got) > len(want) and len(want) < top:
            fail(
                f"For {industry} your table has {plural(len(got), 'word')}, but only "
                f"{len(want)} of its words score above zero (a bigger share of its postings "
                "than of the others'): keep only those."
            )
        if len(got) != len(want):
            fail(
                f"For {industry} your table has {plural(len(got), 'word')}; it should have "
                f"the top {len(want)} (top={top})."
            )
        if len(set(got)) != len(got):
            twice = sorted({w for w in got if got.count(w) > 1})
            fail(f"For {industry} a word appears twice: {listing(twice)}.")
        wrong = [w for w in got if w not in allowed]
        lost = sorted(sure - set(got), key=lambda w: -scores.get(w, 0))
        if wrong or lost:
            fail(_words_message(industry, wrong, lost, scores, postings))
        if "score" in mine.columns:
            rows = mine[mine["industry"].map(_text) == industry]
            for w, s in zip(rows["word"], rows["score"], strict=True):
                if not _close(s, scores.get(_text(w), math.nan)):
                    fail(
                        f"In {industry}, '{w}' scores {scores[_text(w)]:.3f} (share of "
                        f"{industry} postings using it, once per posting, minus the share of "
                        f"other postings); your table says {_shown(s)}."
                    )
    passed(f"distinctive_words: the top {top} words of each of {len(industries)} industries.")


def _close(value: object, target: float) -> bool:
    try:
        return abs(float(value) - target) <= 5e-4
    except (TypeError, ValueError):
        return False


def _all_scores(postings: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Every word's score in every industry (the reference, without a cut-off)."""
    big = distinctive_words(postings, top=10**6)
    return {
        industry: dict(zip(rows["word"], rows["score"], strict=True))
        for industry, rows in big.groupby("industry")
    } | {i: {} for i in set(postings["industry"]) - set(big["industry"])}


def _words_message(
    industry: str,
    wrong: list[str],
    lost: list[str],
    scores: dict[str, float],
    postings: pd.DataFrame,
) -> str:
    if wrong:
        word = wrong[0]
        mine = postings[postings["industry"] == industry]
        rest = postings[postings["industry"] != industry]
        share = _share(mine, word)
        elsewhere = _share(rest, word)
        if share == 0:
            return (
                f"'{word}' is in your {industry} words, but no {industry} posting uses it as "
                "a word: split texts with `posting_words` (lower case, punctuation removed)."
            )
        return (
            f"'{word}' is not one of {industry}'s most distinctive words: {share:.0%} of its "
            f"postings use it, but so do {elsewhere:.0%} of the other industries' postings "
            f"(score {share - elsewhere:.2f}). Missing instead: "
            f"{listing(lost) or 'see the scores'}."
        )
    return (
        f"{industry}'s top words should include {listing(lost)} (score "
        f"{scores[lost[0]]:.2f} for '{lost[0]}'): count postings that use a word, once per "
        "posting, as a share of the industry's postings, minus the same share elsewhere."
    )


def _share(postings: pd.DataFrame, word: str) -> float:
    if len(postings) == 0:
        return 0.0
    return sum(word in set(posting_words(t)) for t in postings["text"]) / len(postings)


# ====================================================================== (c)


def _units(minutes: object) -> int:
    return round(float(minutes) * 2)


def best_choice(questions: pd.DataFrame, minutes: float, closing: str) -> tuple[list[str], int]:
    """The reference for (c): the most valuable questions within ``minutes``, ``closing`` included.

    A 0/1 knapsack over half-minutes by dynamic programming. Returns the
    ids chosen (in table order) and their total value; ``([], 0)`` when the
    closing question alone does not fit.
    """
    ids = [str(i) for i in questions["id"]]
    weights = [_units(m) for m in questions["minutes"]]
    values = [int(v) for v in questions["value"]]
    budget = math.floor(float(minutes) * 2 + 1e-9)
    c = ids.index(closing)
    budget -= weights[c]
    if budget < 0:
        return [], 0
    others = [i for i in range(len(ids)) if i != c]
    best = [[0] * (budget + 1) for _ in range(len(others) + 1)]
    for k, i in enumerate(others, start=1):
        w, v = weights[i], values[i]
        for b in range(budget + 1):
            best[k][b] = best[k - 1][b]
            if w <= b and best[k - 1][b - w] + v > best[k][b]:
                best[k][b] = best[k - 1][b - w] + v
    chosen, b = [], budget
    for k in range(len(others), 0, -1):
        if best[k][b] != best[k - 1][b]:
            chosen.append(others[k - 1])
            b -= weights[others[k - 1]]
    picked = sorted([c, *chosen])
    return [ids[i] for i in picked], best[len(others)][budget] + values[c]


def _ids(value: object, name: str) -> list[str]:
    if isinstance(value, pd.DataFrame) and "id" in value.columns:
        value = value["id"]
    if isinstance(value, str) or not isinstance(
        value, list | tuple | set | frozenset | pd.Series | pd.Index | np.ndarray
    ):
        expect_type(
            None if value is None else value,
            (list, tuple, set),
            name,
            "a list of question ids",
            advice="Return the ids, e.g. ['closing-who-else', ...].",
        )
    return [str(v) for v in list(value)]


@checked
def check_question_choice(
    choose: Callable[..., Any], questions: pd.DataFrame, minutes: float, closing: str
) -> None:
    """Check (c): the most valuable questions that fit in ``minutes``, ``closing`` among them.

    Raises
    ------
    CheckFailed
        For an unknown or repeated id, a missing closing question, a choice
        that overruns the minutes, or one worth less than the best that fits.
    """
    label = f"choose_questions(questions, {minutes:g}, {closing!r})"
    answer = call_on_copies(
        choose, [questions, minutes, closing], label, ["questions", "minutes", "closing"]
    )
    chosen = _ids(answer, "choose_questions")
    table = questions.assign(id=questions["id"].astype(str)).set_index("id")
    expected, value = best_choice(questions, minutes, closing)
    unknown = [i for i in chosen if i not in table.index]
    if unknown:
        fail(
            f"{listing([repr(i) for i in unknown])} "
            f"{'is' if len(unknown) == 1 else 'are'} not a question id in the table."
        )
    twice = sorted({i for i in chosen if chosen.count(i) > 1})
    if twice:
        fail(
            f"You ask {_question(table, twice[0])} more than once: each question can be "
            "asked at most once (0/1 — take it or leave it)."
        )
    close_text = _question(table, closing)
    if not expected:
        if chosen:
            fail(
                f"{close_text} alone takes {_minutes(table.loc[closing, 'minutes'])}, more "
                f"than the {minutes:g} available: nothing fits, so return an empty list."
            )
        passed(f"choose_questions: nothing fits in {minutes:g} minutes, and you chose nothing.")
        return
    if closing not in chosen:
        fail(f"{close_text} must close the plan: your choice leaves it out.")
    used = sum(_units(table.loc[i, "minutes"]) for i in chosen) / 2
    if used > minutes + 1e-9:
        fail(
            f"Your questions take {used:g} minutes, but only {minutes:g} were set aside for "
            "them: the conversation was promised at that length. Count half-minutes exactly."
        )
    got = int(sum(int(table.loc[i, "value"]) for i in chosen))
    if got < value:
        better = [i for i in expected if i not in chosen]
        fail(
            f"Your questions are worth {got} in {used:g} minutes; the best choice within "
            f"{minutes:g} minutes is worth {value}, for example with "
            f"{listing([_question(table, i) for i in better], 2)}. Try every budget, not the "
            "best ratio first."
        )
    passed(
        f"choose_questions: worth {value}, the most that fits in {minutes:g} minutes, "
        "the referral question included."
    )


def _question(table: pd.DataFrame, qid: str) -> str:
    text = str(table.loc[qid, "text"]) if qid in table.index and "text" in table.columns else qid
    return brief(text, 60)


# ====================================================================== (d)

_KEEP = ("opening", "closing", "thanks")


def best_cut(agenda: pd.DataFrame, minutes: float) -> tuple[int, int, float]:
    """The reference for (d): (goals covered, value, minutes) of the best cut that fits."""
    fixed = agenda[agenda["section"] != "questions"]
    asked = agenda[agenda["section"] == "questions"]
    budget = math.floor(float(minutes) * 2 + 1e-9) - sum(_units(m) for m in fixed["minutes"])
    best = (-1, -1, 0.0)
    rows = list(asked.itertuples(index=False))
    for r in range(len(rows) + 1):
        for subset in itertools.combinations(rows, r):
            used = sum(_units(q.minutes) for q in subset)
            if used > budget:
                continue
            key = (len({q.topic for q in subset}), int(sum(q.value for q in subset)), used / 2)
            if key[:2] > best[:2]:
                best = key
    return best if best[0] >= 0 else (0, 0, 0.0)


@checked
def check_cut_plan(cut: Callable[..., Any], agenda: pd.DataFrame, minutes: float) -> None:
    """Check (d): the cut agenda fits, keeps the most goals (then the most value) and retimes.

    Raises
    ------
    CheckFailed
        For a dropped opening, closing or thanks, a question not in the plan,
        a changed order, an overrun, fewer goals or less value than the best
        cut, or start and end times not recomputed.
    """
    label = f"cut_plan(agenda, {minutes:g})"
    mine = call_on_copies(cut, [agenda, minutes], label, ["agenda", "minutes"])
    mine = _table(mine, "cut_plan", ("section", "id", "text", "minutes", "start", "end"))
    for section, text in zip(agenda["section"], agenda["text"], strict=True):
        if section in _KEEP and text not in set(mine["text"]):
            fail(
                f"Your cut drops the {section} '{brief(text, 50, quote=False)}': opening, "
                "closing questions and thanks always stay — 'Who else should I talk to?' "
                "must close the plan. Cut only questions."
            )
    original = list(agenda["text"])
    strangers = [t for t in mine["text"] if t not in original]
    if strangers:
        fail(f"{brief(strangers[0], 60)} is not in the plan you were given: only remove rows.")
    positions = [original.index(t) for t in mine["text"]]
    if positions != sorted(positions) or len(set(positions)) != len(positions):
        fail(
            "Your cut changes the order of the agenda (or repeats a row): keep the rows "
            "that stay in the order they had — opening, questions in TIARA order, closing, thanks."
        )
    kept = agenda.iloc[positions]
    total = sum(_units(m) for m in kept["minutes"]) / 2
    if total > minutes + 1e-9:
        fail(
            f"Your plan runs {total:g} minutes; the conversation was promised at {minutes:g}. "
            "Cut more questions."
        )
    goals, value, _ = best_cut(agenda, minutes)
    asked = kept[kept["section"] == "questions"]
    covered = list(dict.fromkeys(asked["topic"]))
    if len(covered) < goals:
        all_goals = list(dict.fromkeys(agenda.loc[agenda["section"] == "questions", "topic"]))
        lost = [g for g in all_goals if g not in covered]
        fail(
            f"Your cut covers {plural(len(covered), 'goal')} ({listing(covered) or 'none'}); "
            f"a cut that fits {minutes:g} minutes covers {goals}. It drops every question on "
            f"{listing(lost)}: keep one short question per goal first, then add value."
        )
    got = int(sum(asked["value"]))
    if got < value:
        fail(
            f"Your cut keeps {len(covered)} goals with questions worth {got}; another cut "
            f"that fits {minutes:g} minutes keeps as many goals and is worth {value}."
        )
    clock = 0.0
    for _, row in mine.reset_index(drop=True).iterrows():
        start = _number(row["start"])
        if start is None or abs(start - clock) > 1e-6:
            fail(
                f"After the cut, '{brief(row['text'], 40, quote=False)}' starts at minute "
                f"{clock:g}, but your table says {_shown(row['start'])}: recompute `start` "
                "and `end` (a running total of `minutes`)."
            )
        clock += float(row["minutes"])
        end = _number(row["end"])
        if end is None or abs(end - clock) > 1e-6:
            fail(
                f"'{brief(row['text'], 40, quote=False)}' should end at minute {clock:g}; "
                f"your table says {_shown(row['end'])}: `end` is `start` plus `minutes`."
            )
    passed(
        f"cut_plan: {total:g} of {minutes:g} minutes, {plural(goals, 'goal')} kept, "
        f"questions worth {value}."
    )


def _shown(value: object) -> str:
    """A learner's number as a person writes it (17.9, not np.float64(17.9))."""
    number = _number(value)
    return brief(value) if number is None else f"{number:.3g}"


def _minutes(value: object) -> str:
    return f"{float(value):g} minute{'' if float(value) == 1 else 's'}"


def _number(value: object) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


# ====================================================================== the assignment

ASSIGNMENT = Assignment(
    name="ps04-prepare-the-conversation",
    notebook="prepare-the-conversation",
    title="Prepare the conversation",
    parts=(
        Part(
            "a",
            "A research card with pandas merges",
            (
                GradedTest(
                    "part-a-tenure",
                    2,
                    "check_tenure_table(tenure_table, PEOPLE, POSITIONS, AS_OF)",
                ),
                GradedTest(
                    "part-a-relations",
                    1,
                    "check_organization_relations(relations_table, ORGANIZATIONS)",
                ),
                GradedTest("part-a-hidden", 2),
            ),
            functions=("tenure_table", "relations_table"),
        ),
        Part(
            "b",
            "The field's language",
            (
                GradedTest(
                    "part-b-words", 2, "check_industry_words(distinctive_words, POSTINGS, 5)"
                ),
                GradedTest("part-b-hidden", 2),
            ),
            functions=("distinctive_words",),
        ),
        Part(
            "c",
            "The most valuable questions that fit",
            (
                GradedTest(
                    "part-c-choice",
                    3,
                    "check_question_choice(choose_questions, QUESTIONS, 12, CLOSING)",
                ),
                GradedTest("part-c-hidden", 3),
            ),
            functions=("choose_questions",),
        ),
        Part(
            "d",
            "From 30 minutes to 15",
            (
                GradedTest("part-d-cut", 2, "check_cut_plan(cut_plan, AGENDA_30, 13.5)"),
                GradedTest("part-d-hidden", 3),
            ),
            functions=("cut_plan",),
        ),
    ),
)
