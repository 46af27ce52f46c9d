"""Assignment 4 (Prepare the conversation): mistake bank and requirement table."""

from __future__ import annotations

from mistake_bank import SOLUTIONS, BankTests, Notebook, Requirement, Variant

FOLDER = SOLUTIONS / "ps04-prepare-the-conversation"

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
            "lists.assign(relation=column)",
            'lists.assign(relation={"supplier_of": "customer_of", "customer_of": '
            '"supplier_of"}.get(column, column))',
        ),
        r"misses .* relations?",
    ),
    Variant(
        "a",
        "relations named as in the research card (customer, supplier)",
        edit(
            A,
            "lists.assign(relation=column)",
            'lists.assign(relation={"supplier_of": "customer", "customer_of": "supplier", '
            '"competitor_of": "competitor"}[column])',
        ),
        r"not one of the table's relation columns",
    ),
    Variant(
        "a",
        "lists not split",
        edit(
            A, 'lists[column].fillna("").str.split(";")', 'lists[column].fillna("").str.split("@")'
        ),
        r"not one organisation of the table",
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
        edit(
            A, '["supplier_of", "customer_of", "competitor_of"]', '["supplier_of", "customer_of"]'
        ),
        r"no competitor_of rows",
    ),
    Variant(
        "a",
        "repeated relations kept",
        edit(A, "ignore_index=True).drop_duplicates(ignore_index=True)", "ignore_index=True)"),
        r"each relation should appear once",
    ),
    Variant(
        "a",
        "the organisations table changed",
        edit(A, "    parts = []\n", '    organizations["seen"] = True\n    parts = []\n'),
        r"changes the `ORGANIZATIONS` it is given|changed the table `organizations`",
    ),
    Variant(
        "a",
        "blank end found with isna only",
        edit(
            A, 'current = jobs[jobs["end"].fillna("") == ""]', 'current = jobs[jobs["end"].isna()]'
        ),
        r"With a blank `end` as|blank `end`",
    ),
    Variant(
        "a",
        "the positions table changed in place",
        edit(
            A,
            '    jobs = positions.copy()\n    jobs["start"] = pd.to_datetime(jobs["start"])\n',
            '    jobs = positions\n    jobs["start"] = pd.to_datetime(jobs["start"])\n',
        ),
        r"changes the `POSITIONS` it is given",
    ),
    Variant(
        "a",
        "a demo line that changes POSITIONS",
        edit(
            A,
            "tenure = tenure_table(PEOPLE, POSITIONS, AS_OF)\n",
            'POSITIONS = POSITIONS[POSITIONS["end"].fillna("") == ""]\n'
            "tenure = tenure_table(PEOPLE, POSITIONS, AS_OF)\n",
        ),
        r"POSITIONS is no longer what the setup cell made it",
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
    Variant(
        "b",
        "the postings table changed",
        edit(
            B,
            "    words = postings.assign(",
            '    postings["seen"] = True\n    words = postings.assign(',
        ),
        r"changes the `POSTINGS` it is given",
    ),
    Variant(
        "b",
        "share of all postings, not of the industry's",
        edit(
            B,
            'counts["share"] = counts["n"] / counts["industry"].map(sizes)',
            'counts["share"] = counts["n"] / len(postings)',
        ),
        r"score|share|top words",
    ),
    Variant(
        "b",
        "words that score zero or less kept",
        edit(B, '    counts = counts[counts["score"] > 1e-12]\n', ""),
        r"score above zero",
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
    Variant(
        "c",
        "whole minutes instead of half-minutes",
        edit(C, "round(row.minutes * 2)", "round(row.minutes) * 2"),
        r"worth|minutes",
    ),
    Variant(
        "c",
        "the closing question asked twice",
        edit(
            C, "return [closing] + best[limit][1]", "return [closing] + best[limit][1] + [closing]"
        ),
        r"more than once",
    ),
    Variant(
        "c",
        "a dict of ids and values",
        edit(
            C,
            "return [closing] + best[limit][1]",
            "return {qid: values[qid] for qid in [closing] + best[limit][1]}",
        ),
        r"list of question ids|dict",
    ),
    Variant(
        "c",
        "the questions table changed",
        edit(
            C,
            "    units = {",
            '    questions["units"] = (questions["minutes"] * 2).round()\n    units = {',
        ),
        r"changed the table `questions` it was given",
    ),
    Variant(
        "c",
        "an exact fit refused (under, not at most)",
        edit(
            C,
            "limit = int(minutes * 2 + 1e-9) - units[closing]",
            "limit = int(minutes * 2 + 1e-9) - units[closing] - 1",
        ),
        r"worth|best choice",
    ),
    Variant(
        "d",
        "an exact fit refused (under, not at most)",
        edit(D, "> minutes + 1e-9", ">= minutes - 1e-9"),
        r"goals|worth",
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
    Variant(
        "d",
        "the agenda changed",
        edit(D, "    asked = list(", '    agenda["kept"] = False\n    asked = list('),
        r"changed the table `agenda` it was given",
    ),
    Variant(
        "d",
        "the full 15 minutes used",
        edit(D, "> minutes + 1e-9", "> minutes + 1.5 + 1e-9"),
        r"runs .* minutes; the conversation was promised",
    ),
    Variant(
        "d",
        "questions counted instead of goals",
        edit(D, "key = (len({row.topic for row in rows}),", "key = (len(rows),"),
        r"goals?",
    ),
]

RIGHT = [
    # (a)
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
        "relations built row by row, sorted",
        swap(
            A,
            """
        def relations_table(organizations):
            rows = []
            for _, org in organizations.iterrows():
                for column in ["supplier_of", "customer_of", "competitor_of"]:
                    cell = org[column] if isinstance(org[column], str) else ""
                    for other in cell.split(";"):
                        if other.strip():
                            rows.append((org["name"], column, other.strip()))
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


BANK = MISTAKES + RIGHT

# ====================================================================== requirements
R = Requirement
REQUIREMENTS = [
    # (a1)
    R(
        "a",
        "one row per person who has a current job",
        "part-a-tenure",
        "a merge with every job, not the current one",
    ),
    R(
        "a",
        "`started`: the date of their first job at their current organisation (the earliest "
        "`start` among their jobs there, promotions included);",
        "part-a-tenure",
        "tenure from the current role, not the organisation",
    ),
    R(
        "a",
        "`years`: the years from `started` to `as_of`",
        "part-a-tenure",
        "years counted up to today",
    ),
    R(
        "a",
        "the days between them divided by 365.25",
        "part-a-tenure",
        "years as a difference of calendar years",
    ),
    R(
        "a",
        'A blank `end` may arrive as `""` or as `NaN`',
        "part-a-hidden",
        "blank end found with isna only",
    ),
    R(
        "a",
        "`end` is blank for the job a person holds now",
        "part-a-tenure",
        "first job taken as the current one",
    ),
    R(
        "a",
        "Do not change the tables you are given.",
        "part-a-tenure",
        "the positions table changed in place",
    ),
    R(
        "a",
        "Current job, first day at its organisation and years there, one row per person.",
        "part-a-tenure",
        "first job taken as the current one",
    ),
    # (a2)
    R(
        "a",
        "`relation` (the column it came from",
        "part-a-relations",
        "relations named as in the research card (customer, supplier)",
    ),
    R("a", "a DataFrame with one row per relation", "part-a-relations", "lists not split"),
    R("a", "Leave out empty cells (empty text or NaN)", "part-a-relations", "empty lists kept"),
    R("a", "strip the spaces around names", "part-a-relations", "names not stripped"),
    R("a", "keep each relation once", "part-a-hidden", "repeated relations kept"),
    R("a", "Row order does not matter.", "part-a-relations", "relations built row by row, sorted"),
    R(
        "a",
        "Do not change the table you are given.",
        "part-a-relations",
        "the organisations table changed",
    ),
    R(
        "a",
        "One row per relation: organization, relation (the column it came from), other.",
        "part-a-relations",
        "competitors forgotten",
    ),
    # (b)
    R(
        "b",
        "the number of I's postings that use w (a posting that uses it twice counts once)",
        "part-b-words",
        "repetitions counted, not postings",
    ),
    R(
        "b",
        "`elsewhere` = the same count over all the postings not in I",
        "part-b-hidden",
        "elsewhere counted over all postings",
    ),
    R("b", "`score = share - elsewhere`", "part-b-words", "share without subtracting elsewhere"),
    R(
        "b",
        "`posting_words(text)` (imported above) splits a posting into its words",
        "part-b-words",
        "texts split on spaces only",
    ),
    R("b", "its `top` words with the highest score", "part-b-hidden", "always five words"),
    R(
        "b",
        "(only words with a score above zero)",
        "part-b-hidden",
        "words that score zero or less kept",
    ),
    R(
        "b",
        "Row order does not matter; when words tie at the cut-off, any of them will do.",
        "part-b-hidden",
        "ties broken the other way",
    ),
    # (c)
    R(
        "c",
        "the closing question plus the others that give the highest total value",
        "part-c-choice",
        "best value per minute first",
    ),
    R(
        "c",
        "including the question that must close every informational interview",
        "part-c-hidden",
        "the referral question left to chance",
    ),
    R(
        "c",
        "with a total time of at most `minutes`",
        "part-c-choice",
        "an exact fit refused (under, not at most)",
    ),
    R(
        "c",
        "with a total time of at most `minutes`",
        "part-c-choice",
        "the closing question's minutes not set aside",
    ),
    R(
        "c",
        "each question at most once",
        "part-c-choice",
        "a question used twice (budgets counted upwards)",
    ),
    R("c", "count in half-minutes", "part-c-hidden", "half-minutes rounded down"),
    R(
        "c",
        "If the closing question alone does not fit, return an empty list.",
        "part-c-hidden",
        "the closing question kept when nothing fits",
    ),
    R("c", "returns a list of ids", "part-c-choice", "a dict of ids and values"),
    R("c", "Any order is fine.", "part-c-choice", "a two-dimensional table, returned as a set"),
    # (d)
    R("d", "the rows that are not questions all stay", "part-d-cut", "closing questions cut too"),
    R(
        "d",
        "the `minutes` of the rows that stay add up to at most `minutes`;",
        "part-d-cut",
        "an exact fit refused (under, not at most)",
    ),
    R(
        "d",
        "the `minutes` of the rows that stay add up to at most `minutes`;",
        "part-d-cut",
        "the full 15 minutes used",
    ),
    R(
        "d",
        "it covers the most goals",
        "part-d-cut",
        "most valuable questions first, goals ignored",
    ),
    R(
        "d",
        "and among those, the highest total `value`",
        "part-d-hidden",
        "first questions kept until the time is full",
    ),
    R("d", "the rows keep their order", "part-d-cut", "rows sorted by value"),
    R("d", "`start` and `end` are recomputed", "part-d-cut", "times not recomputed"),
    R("d", "`end = start + minutes`", "part-d-cut", "only start recomputed"),
]

#: Sentences with a requirement word that ask nothing of the code.
ASIDES = [
    "Here each person's current job (blank `end`) joins their name",
    "Hint: merge the current jobs with `positions` again",
    "With both tables, Noor's research card is a few lines.",
    "(The library's `coffeechat.research.research_card` does the same",
    "Hint: a table with one row per (posting, word)",
    "Noor may have only 15 minutes.",
    "Picking the best value per minute first sounds sensible",
    "The exact answer is a 0/1 knapsack",
    "To get the questions and not just the value",
    "`plan_interview` makes the same kind of choice",
    "Give it Alex's shortlist as a question bank",
    "Your knapsack is never worth less than the planner's choice",
    "Keep 1.5 minutes free out of 15",
    "Write `cut_plan(agenda, minutes)` that returns the agenda",
]


class TestBank(BankTests):
    NOTEBOOK, BANK, REQUIREMENTS, ASIDES = NOTEBOOK, BANK, REQUIREMENTS, ASIDES
    PARTS = "abcd"
