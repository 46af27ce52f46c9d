"""Checks of Assignment 4 (Prepare the conversation): unit tests and the mistake bank.

The unit tests call the checks directly with right and wrong functions. The
mistake bank runs the real solution notebook once in a kernel
(:class:`live_notebook.LiveNotebook`) and, per part, swaps in at least five
typical learner mistakes, each of which a check of its own part must catch
with a plain message naming the cause, and at least three right answers
written other ways, which must pass every check of the part.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from coffeechat import checks
from coffeechat.checks._core import MESSAGE_LIMIT
from coffeechat.checks.ps04 import best_choice, best_cut
from coffeechat.datasets import load_sample_organizations, load_sample_postings
from coffeechat.errors import CheckFailed
from coffeechat.research import distinctive_words, relations_table, tenure_table
from mistake_bank import Notebook, Variant, assert_caught, assert_passes, variant_id

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "solutions" / "ps04-prepare-the-conversation"


# ====================================================================== unit tests


def _message(check, *args) -> str:
    with pytest.raises(CheckFailed) as info:
        check(*args)
    message = str(info.value)
    assert len(message) <= MESSAGE_LIMIT
    return message


def test_reference_functions_pass_on_sample_and_practice_data(capsys) -> None:
    """The library's own functions pass every check, on the sample and on drawn data."""
    orgs = load_sample_organizations()
    checks.check_organization_relations(relations_table, orgs)
    for seed in range(3):
        people, positions, as_of = checks.practice_positions(seed)
        checks.check_tenure_table(tenure_table, people, positions, as_of)
        checks.check_organization_relations(relations_table, checks.research_organizations(seed))
        checks.check_industry_words(distinctive_words, checks.practice_postings(seed), 3)
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 10


def test_practice_positions_hold_promotions_returns_and_people_without_a_job() -> None:
    """The hidden data has the cases a careless answer gets wrong."""
    people, positions, as_of = checks.practice_positions(7)
    table = tenure_table(people, positions, as_of)
    assert len(table) < len(people)  # someone left, someone has no history
    current = positions[positions["end"] == ""]
    firsts = current.merge(table, left_on="person", right_on="id")
    assert (pd.to_datetime(firsts["start"]).dt.date > firsts["started"]).any()  # promotions


def test_relations_check_names_a_swapped_relation() -> None:
    """Suppliers and customers the wrong way round: the message says which is which."""

    def swapped(orgs):
        table = relations_table(orgs)
        table["relation"] = table["relation"].replace(
            {"customer": "supplier", "supplier": "customer"}
        )
        return table

    message = _message(checks.check_organization_relations, swapped, load_sample_organizations())
    assert re.search(r"is a (supplier|customer) of .*, not a (customer|supplier)", message)


def test_words_check_names_a_generic_word() -> None:
    """A word every industry uses is named with its share elsewhere."""

    def common(postings, top):
        table = distinctive_words(postings, top)
        table.loc[0, "word"] = "team"
        return table

    message = _message(checks.check_industry_words, common, load_sample_postings(), 5)
    assert "'team' is not one of" in message and "other industries' postings" in message


def _shortlist() -> pd.DataFrame:
    rows = [
        ("close", "Who else should I talk to?", 1.0, 5),
        ("a", "A?", 1.0, 3),
        ("b", "B?", 5.5, 10),
        ("c", "C?", 5.5, 10),
    ]
    return pd.DataFrame(rows, columns=["id", "text", "minutes", "value"])


def test_best_choice_is_exact_where_greedy_is_not() -> None:
    """Best value per minute first takes 'a' and wastes minutes; the knapsack does not."""
    ids, value = best_choice(_shortlist(), 12, "close")
    assert sorted(ids) == ["b", "c", "close"] and value == 25
    assert best_choice(_shortlist(), 0.5, "close") == ([], 0)


def test_question_choice_messages_speak_the_subject() -> None:
    """Missing referral, overrun and a worse choice each get their sentence."""
    table = _shortlist()
    assert "'Who else should I talk to?' must close the plan" in _message(
        checks.check_question_choice, lambda q, m, c: ["b", "c"], table, 12, "close"
    )
    assert "take 13 minutes, but only 12" in _message(
        checks.check_question_choice, lambda q, m, c: ["close", "a", "b", "c"], table, 12, "close"
    )
    assert "best choice within 12 minutes is worth 25" in _message(
        checks.check_question_choice, lambda q, m, c: ["close", "a", "b"], table, 12, "close"
    )
    checks.check_question_choice(lambda q, m, c: {"c", "b", "close"}, table, 12, "close")


def test_cut_check_says_the_plan_runs_over() -> None:
    """An agenda longer than the minutes is named in minutes, as promised."""
    agenda = checks.practice_agenda(["skills", "culture"], 30, "Data Analyst", 0)
    goals, value, _ = best_cut(agenda, 13.5)
    assert goals == 2 and value > 0
    message = _message(checks.check_cut_plan, lambda a, m: a, agenda, 13.5)
    assert re.match(
        r"Your plan runs \d+(\.5)? minutes; the conversation was promised at 13.5", message
    )


# ====================================================================== the mistake bank


NOTEBOOK = Notebook(FOLDER)
ANSWERS = NOTEBOOK.answers
swap = NOTEBOOK.swap
edit = NOTEBOOK.edit


RETIME = (
    '    cut["end"] = cut["minutes"].cumsum()\n    cut["start"] = cut["end"] - cut["minutes"]\n'
)
A = "part-a-answer"
B = "part-b-answer"
C = "part-c-answer"
D = "part-d-answer"

MISTAKES = [
    # (a) tenure and relations
    Variant(
        "a",
        "first job taken as the current one",
        edit(
            A,
            'current = jobs[jobs["end"].fillna("") == ""]',
            'current = jobs.sort_values("start").drop_duplicates("person")',
        ),
        r"is now .* \(the position with a blank `end`\)",
    ),
    Variant(
        "a",
        "tenure from the current role, not the organisation",
        edit(
            A,
            'started = there.groupby("person")["start"].min().rename("started").reset_index()',
            'started = current[["person", "start"]].rename(columns={"start": "started"})',
        ),
        r"that is when the current role began",
    ),
    Variant(
        "a",
        "years counted up to today",
        edit(A, "pd.Timestamp(as_of) - table", "pd.Timestamp.today() - table"),
        r"Count days up to `as_of`, not today",
    ),
    Variant(
        "a",
        "years as a difference of calendar years",
        edit(
            A,
            '((pd.Timestamp(as_of) - table["started"]).dt.days / 365.25).round(1)',
            'pd.Timestamp(as_of).year - table["started"].dt.year',
        ),
        r"has been at .* for [\d.]+ years .* your table says",
    ),
    Variant(
        "a",
        "a merge with every job, not the current one",
        edit(
            A,
            'table = people[["id", "name"]].merge(current, left_on="id", right_on="person")',
            'table = people[["id", "name"]].merge(jobs, left_on="id", right_on="person")',
        ),
        r"appear more than once in your table",
    ),
    Variant(
        "a",
        "suppliers and customers swapped",
        edit(
            A,
            '[("customer", "supplier_of"), ("supplier", "customer_of"),',
            '[("supplier", "supplier_of"), ("customer", "customer_of"),',
        ),
        r"is a (supplier|customer) of .*, not a",
    ),
    Variant(
        "a",
        "lists not split",
        edit(
            A, 'lists[column].fillna("").str.split(";")', 'lists[column].fillna("").str.split("@")'
        ),
        r"several organisations in one cell",
    ),
    Variant(
        "a",
        "names not stripped",
        edit(A, '        lists["other"] = lists["other"].str.strip()\n', ""),
        r"spaces around it",
    ),
    Variant(
        "a",
        "empty lists kept",
        edit(A, '        lists = lists[lists["other"] != ""]\n', ""),
        r"no other organisation",
    ),
    Variant(
        "a",
        "competitors forgotten",
        edit(A, '\n                             ("competitor", "competitor_of")]', "]"),
        r"misses that .* is a competitor of",
    ),
    # (b) distinctive words
    Variant(
        "b",
        "repetitions counted, not postings",
        edit(B, "[sorted(set(posting_words(t))) for t", "[posting_words(t) for t"),
        r"once per posting|share",
    ),
    Variant(
        "b",
        "share without subtracting elsewhere",
        edit(
            B,
            'counts["score"] = counts["share"] - counts["elsewhere"]',
            'counts["score"] = counts["share"]',
        ),
        r"but so do \d+% of the other industries' postings",
    ),
    Variant(
        "b",
        "elsewhere counted over all postings",
        edit(
            B,
            '((counts["all"] - counts["n"]) / others.where(others > 0)).fillna(0)',
            'counts["all"] / len(postings)',
        ),
        r"score|other industries",
    ),
    Variant(
        "b",
        "always five words",
        edit(B, 'groupby("industry").head(top)', 'groupby("industry").head(5)'),
        r"should have the top [34] \(top=[34]\)",
    ),
    Variant(
        "b",
        "texts split on spaces only",
        edit(B, "[sorted(set(posting_words(t))) for t", "[sorted(set(t.split())) for t"),
        r"posting_words|no .* posting uses it",
    ),
    Variant(
        "b",
        "lowest scores first",
        edit(B, "ascending=[True, False, True]", "ascending=[True, True, True]"),
        r"is not one of .* most distinctive words",
    ),
    # (c) the knapsack
    Variant(
        "c",
        "best value per minute first",
        swap(
            C,
            """
        def choose_questions(questions, minutes, closing):
            left = minutes - float(questions.loc[questions["id"] == closing, "minutes"].iloc[0])
            if left < 0:
                return []
            chosen = [closing]
            ranked = questions.assign(ratio=questions["value"] / questions["minutes"])
            for row in ranked.sort_values("ratio", ascending=False).itertuples():
                if row.id != closing and row.minutes <= left:
                    chosen.append(row.id)
                    left -= row.minutes
            return chosen
        """,
        ),
        r"best choice within .* is worth \d+",
    ),
    Variant(
        "c",
        "the referral question left to chance",
        edit(C, "    return [closing] + best[limit][1]", "    return best[limit][1]"),
        r"must close the plan",
    ),
    Variant(
        "c",
        "the closing question's minutes not set aside",
        edit(
            C, "limit = int(minutes * 2 + 1e-9) - units[closing]", "limit = int(minutes * 2 + 1e-9)"
        ),
        r"take [\d.]+ minutes, but only [\d.]+ were set aside",
    ),
    Variant(
        "c",
        "a question used twice (budgets counted upwards)",
        edit(C, "for budget in range(limit, w - 1, -1):", "for budget in range(w, limit + 1):"),
        r"more than once",
    ),
    Variant(
        "c",
        "half-minutes rounded down",
        edit(C, "units = {row.id: round(row.minutes * 2)", "units = {row.id: int(row.minutes) * 2"),
        r"take [\d.]+ minutes, but only|worth",
    ),
    Variant(
        "c",
        "the closing question kept when nothing fits",
        edit(C, "    if limit < 0:\n        return []\n", "    limit = max(limit, 0)\n"),
        r"nothing fits, so return an empty list",
    ),
    # (d) the cut
    Variant(
        "d",
        "first questions kept until the time is full",
        swap(
            D,
            """
        def cut_plan(agenda, minutes):
            room = minutes - agenda.loc[agenda["section"] != "questions", "minutes"].sum()
            keep = []
            for index, row in agenda.iterrows():
                if row["section"] != "questions":
                    keep.append(index)
                elif row["minutes"] <= room:
                    keep.append(index)
                    room -= row["minutes"]
            cut = agenda.loc[keep].copy()
            cut["end"] = cut["minutes"].cumsum()
            cut["start"] = cut["end"] - cut["minutes"]
            return cut
        """,
        ),
        r"covers \d goals .* a cut that fits .* covers \d",
    ),
    Variant(
        "d",
        "most valuable questions first, goals ignored",
        edit(
            D,
            "key = (len({row.topic for row in rows}), sum(row.value for row in rows))",
            "key = (sum(row.value for row in rows), len({row.topic for row in rows}))",
        ),
        r"covers \d goals",
    ),
    Variant(
        "d",
        "times not recomputed",
        edit(
            D,
            RETIME,
            "",
        ),
        r"recompute `start` and `end`",
    ),
    Variant(
        "d",
        "closing questions cut too",
        edit(
            D,
            'keep = (agenda["section"] != "questions") | agenda.index.isin(best_rows)',
            'keep = agenda["section"].isin(["opening", "thanks"]) | agenda.index.isin(best_rows)',
        ),
        r"drops the closing .* always stay",
    ),
    Variant(
        "d",
        "rows sorted by value",
        edit(
            D,
            "    cut = agenda[keep].copy()\n",
            '    cut = agenda[keep].sort_values("value", ascending=False, kind="stable").copy()\n',
        ),
        r"changes the order of the agenda",
    ),
    Variant(
        "d",
        "only start recomputed",
        edit(
            D,
            RETIME,
            '    cut["start"] = cut["minutes"].cumsum() - cut["minutes"]\n',
        ),
        r"`end` is `start` plus `minutes`",
    ),
]

RIGHT = [
    # (a)
    Variant(
        "a",
        "blank end found with isna (as pd.read_csv gives it)",
        edit(
            A, 'current = jobs[jobs["end"].fillna("") == ""]', 'current = jobs[jobs["end"].isna()]'
        ),
    ),
    Variant(
        "a",
        "dates kept as text, years not rounded",
        swap(
            A,
            """
        def tenure_table(people, positions, as_of):
            rows = []
            for person, jobs in positions.groupby("person"):
                now = jobs[jobs["end"].fillna("").astype(str).str.strip() == ""]
                if len(now) == 0 or person not in set(people["id"]):
                    continue
                now = now.iloc[0]
                first = jobs.loc[jobs["organization"] == now["organization"], "start"].min()
                days = (pd.Timestamp(as_of) - pd.Timestamp(first)).days
                name = people.loc[people["id"] == person, "name"].iloc[0]
                rows.append({"id": person, "name": name, "organization": now["organization"],
                             "role": now["role"], "started": first, "years": days / 365.25})
            return pd.DataFrame(rows)
        """,
        ),
    ),
    Variant(
        "a",
        "relations built row by row, capitalised, indexed by id",
        swap(
            A,
            """
        def relations_table(organizations):
            rows = []
            for _, org in organizations.iterrows():
                for relation, column in [("Customer", "supplier_of"), ("Supplier", "customer_of"),
                                         ("Competitor", "competitor_of")]:
                    cell = org[column] if isinstance(org[column], str) else ""
                    for other in cell.split(";"):
                        if other.strip():
                            rows.append((org["name"], relation, other.strip()))
            return pd.DataFrame(sorted(set(rows)), columns=["organization", "relation", "other"])
        """,
        ),
    ),
    # (b)
    Variant(
        "b",
        "counted with plain dictionaries, share and elsewhere kept",
        swap(
            B,
            """
        def distinctive_words(postings, top):
            from collections import Counter
            sizes = Counter(postings["industry"])
            counts = {i: Counter() for i in sizes}
            for industry, text in zip(postings["industry"], postings["text"]):
                counts[industry].update(set(posting_words(text)))
            rows = []
            for industry in sizes:
                others = len(postings) - sizes[industry]
                scored = []
                for word, n in counts[industry].items():
                    rest = sum(counts[i][word] for i in sizes if i != industry)
                    share, elsewhere = n / sizes[industry], (rest / others if others else 0)
                    if share - elsewhere > 1e-12:
                        scored.append((share - elsewhere, word, share, elsewhere))
                scored.sort(key=lambda s: (-s[0], s[1]))
                for score, word, share, elsewhere in scored[:top]:
                    rows.append({"word": word, "industry": industry, "share": share,
                                 "elsewhere": elsewhere, "score": score})
            return pd.DataFrame(rows)
        """,
        ),
    ),
    Variant(
        "b",
        "rows in another order, no score column",
        edit(
            B,
            'return counts.groupby("industry").head(top)[["industry", "word", "score"]]',
            'return counts.groupby("industry").head(top)[["word", "industry"]].iloc[::-1]',
        ),
    ),
    Variant(
        "b",
        "ties broken the other way",
        edit(B, "ascending=[True, False, True]", "ascending=[True, False, False]"),
    ),
    # (c)
    Variant(
        "c",
        "every combination tried",
        swap(
            C,
            """
        def choose_questions(questions, minutes, closing):
            import itertools
            rows = {r.id: (r.minutes, r.value) for r in questions.itertuples()}
            others = [i for i in rows if i != closing]
            best, best_value = [], -1
            for size in range(len(others) + 1):
                for combo in itertools.combinations(others, size):
                    chosen = (closing, *combo)
                    if sum(rows[i][0] for i in chosen) <= minutes:
                        value = sum(rows[i][1] for i in chosen)
                        if value > best_value:
                            best, best_value = list(chosen), value
            return best
        """,
        ),
    ),
    Variant(
        "c",
        "a two-dimensional table, returned as a set",
        swap(
            C,
            """
        def choose_questions(questions, minutes, closing):
            items = [(r.id, round(r.minutes * 2), r.value) for r in questions.itertuples()
                     if r.id != closing]
            need = round(float(questions.set_index("id").loc[closing, "minutes"]) * 2)
            cap = int(minutes * 2) - need
            if cap < 0:
                return set()
            table = [[0] * (cap + 1) for _ in range(len(items) + 1)]
            for k, (_, w, v) in enumerate(items, start=1):
                for b in range(cap + 1):
                    table[k][b] = table[k - 1][b]
                    if w <= b:
                        table[k][b] = max(table[k][b], table[k - 1][b - w] + v)
            chosen, b = {closing}, cap
            for k in range(len(items), 0, -1):
                if table[k][b] != table[k - 1][b]:
                    chosen.add(items[k - 1][0])
                    b -= items[k - 1][1]
            return chosen
        """,
        ),
    ),
    Variant(
        "c",
        "recursion with a memory, returned as a Series",
        swap(
            C,
            """
        def choose_questions(questions, minutes, closing):
            from functools import lru_cache
            rows = [r for r in questions.itertuples() if r.id != closing]
            need = float(questions.set_index("id").loc[closing, "minutes"])
            if need > minutes:
                return pd.Series([], dtype=str)

            @lru_cache(maxsize=None)
            def best(k, half_minutes):
                if k == len(rows):
                    return (0, ())
                skip = best(k + 1, half_minutes)
                w = round(rows[k].minutes * 2)
                if w <= half_minutes:
                    value, ids = best(k + 1, half_minutes - w)
                    if value + rows[k].value > skip[0]:
                        return (value + rows[k].value, (rows[k].id, *ids))
                return skip

            return pd.Series([closing, *best(0, int((minutes - need) * 2 + 1e-9))[1]])
        """,
        ),
    ),
    # (d)
    Variant(
        "d",
        "ties broken towards shorter cuts, index reset",
        edit(D, "    return cut\n", "    return cut.reset_index(drop=True)\n"),
    ),
    Variant(
        "d",
        "times recomputed in a loop",
        edit(
            D,
            RETIME,
            '    clock, starts = 0.0, []\n    for m in cut["minutes"]:\n'
            "        starts.append(clock)\n"
            "        clock += m\n"
            '    cut["start"] = starts\n    cut["end"] = cut["start"] + cut["minutes"]\n',
        ),
    ),
    Variant(
        "d",
        "subsets counted with bit masks",
        swap(
            D,
            """
        def cut_plan(agenda, minutes):
            questions = [i for i in agenda.index if agenda.loc[i, "section"] == "questions"]
            room = minutes - agenda.loc[agenda["section"] != "questions", "minutes"].sum()
            best_key, best_rows = (-1, -1), []
            for mask in range(1 << len(questions)):
                rows = [q for k, q in enumerate(questions) if mask >> k & 1]
                if agenda.loc[rows, "minutes"].sum() > room:
                    continue
                key = (agenda.loc[rows, "topic"].nunique(), agenda.loc[rows, "value"].sum())
                if key > best_key:
                    best_key, best_rows = key, rows
            keep = [i for i in agenda.index if i not in questions or i in best_rows]
            cut = agenda.loc[keep].copy()
            cut["start"] = cut["minutes"].cumsum().shift(fill_value=0)
            cut["end"] = cut["start"] + cut["minutes"]
            return cut
        """,
        ),
    ),
]


def test_the_bank_has_five_mistakes_and_three_right_answers_per_part():
    """The standard's minimum: per part, at least five mistakes and three right answers."""
    mistakes, right = Counter(v.part for v in MISTAKES), Counter(v.part for v in RIGHT)
    for part in "abcd":
        assert mistakes[part] >= 5 and right[part] >= 3, part
    NOTEBOOK.run(RIGHT[0])
    assert all(r.passed for r in NOTEBOOK.first_run.values()), "the solution itself should pass"


@pytest.mark.parametrize("variant", MISTAKES, ids=variant_id)
def test_each_mistake_is_caught_with_a_message_naming_the_cause(variant):
    """A check of the mistake's own part fails, in one plain sentence that names the cause."""
    assert_caught(NOTEBOOK, variant)


@pytest.mark.parametrize("variant", RIGHT, ids=variant_id)
def test_right_answers_written_other_ways_pass(variant):
    """A right answer in the learner's own style passes every check of its part."""
    assert_passes(NOTEBOOK, variant)


def test_every_variant_answer_cell_runs():
    """A variant that does not even run would test the solution's old definitions instead."""
    for variant in MISTAKES + RIGHT:
        compile(variant.answer, variant.name, "exec")
