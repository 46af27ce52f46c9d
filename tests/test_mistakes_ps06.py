"""Assignment 6 (After the conversation): mistake bank and requirement table."""

from __future__ import annotations

import pytest

from mistake_bank import SOLUTIONS, BankTests, Notebook, Requirement, Variant

pytestmark = pytest.mark.slow

NOTEBOOK = Notebook(SOLUTIONS / "ps06-after-the-conversation")
edit, swap = NOTEBOOK.edit, NOTEBOOK.swap

A, B, C, D = "part-a-answer", "part-b-answer", "part-c-answer", "part-d-answer"
HOURS = 'return pd.Series((gap.dt.total_seconds() / 3600).to_numpy(), index=met["contact"])'
FRESH = (
    "    fresh = new_ties[[network.tie(a, b) is None\n"
    '                      for a, b in zip(new_ties["source"], new_ties["target"])]]\n'
)

BLANKS = """\
        tracker["sent_on"].notna()
        & tracker["replied_on"].isna()
        & tracker["meeting_on"].isna()
        & tracker["followed_up_on"].isna()
"""

NEW_MISTAKES = [
    Variant(
        "a",
        "blanks tested as empty text",
        edit(A, BLANKS, BLANKS.replace(".isna()", '.eq("")').replace(".notna()", '.ne("")')),
        r"with no reply and no follow-up yet: the follow-up was due on .* your table leaves",
    ),
    Variant(
        "a",
        "the tracker's dates converted in place",
        edit(
            A,
            "    today = pd.Timestamp(today)\n",
            "    today = pd.Timestamp(today)\n"
            '    tracker["sent_on"] = pd.to_datetime(tracker["sent_on"])\n',
        ),
        r"changed the table `tracker` it was given \(its column 'sent_on' changed\)"
        r"|tracker is no longer what the cell that loads it",
    ),
    Variant(
        "a",
        "a list of names, not a table",
        edit(
            A,
            'return table.sort_values("days_overdue", ascending=False).reset_index(drop=True)',
            'return list(table.sort_values("days_overdue", ascending=False)["contact"])',
        ),
        r"should give a (pandas )?DataFrame",
    ),
    Variant(
        "b",
        "indexed by person id",
        edit(B, HOURS, HOURS.replace('met["contact"]', 'met["person_id"]')),
        r"Your Series is indexed by .*, not by contact",
    ),
    Variant(
        "b",
        "a dict of hours",
        edit(B, HOURS, 'return dict(zip(met["contact"], gap.dt.total_seconds() / 3600))'),
        r"should give a pandas Series indexed by contact, but it gave a dict",
        checks=("part-b-hours",),
    ),
    Variant(
        "b",
        "the tracker's moments converted in place",
        swap(
            B,
            """\
            def thank_you_hours(tracker):
                tracker["met_at"] = pd.to_datetime(tracker["met_at"], utc=True)
                tracker["thanked_at"] = pd.to_datetime(tracker["thanked_at"], utc=True)
                met = tracker[tracker["met_at"].notna()]
                gap = met["thanked_at"] - met["met_at"]
                return pd.Series((gap.dt.total_seconds() / 3600).to_numpy(), index=met["contact"])
            """,
        ),
        r"changed the table `tracker` it was given|tracker is no longer what",
    ),
    Variant(
        "c",
        "one draw multiplied by the conversations",
        edit(
            C,
            "held.append(int(rng.poisson(referrals, size=held[-1]).sum()))",
            "held.append(int(rng.poisson(referrals)) * held[-1])",
        ),
        r"your weeks vary [\d.]+ times as much as chance allows, though their averages are right",
    ),
    Variant(
        "c",
        "the average, not a draw",
        edit(
            C,
            "held.append(int(rng.poisson(referrals, size=held[-1]).sum()))",
            "held.append(round(held[-1] * referrals))",
        ),
        r"never drew a number from the generator `rng` it was given",
    ),
    Variant(
        "d",
        "the ties rebuilt from pairs alone",
        edit(
            D,
            "    ties = pd.concat([network.ties, fresh], ignore_index=True)\n",
            (
                "    ties = pd.concat([network.ties, fresh],"
                ' ignore_index=True)[["source", "target"]]\n'
            ),
        ),
        r"Your new network changed \d+ old ties: .* was a \w+ tie of strength",
    ),
    Variant(
        "d",
        "the learner written as 'me'",
        edit(
            D,
            "chains = reach(network, source=network.me, max_hops=3)",
            'chains = reach(network, source="me", max_hops=3)',
        ),
        r"looked up 'me', but in this network the learner's id is 'alex': use network.me",
    ),
    Variant(
        "d",
        "old ties looked up one way round",
        edit(
            D,
            FRESH,
            '    old = set(zip(network.ties["source"], network.ties["target"]))\n'
            "    fresh = new_ties[[(a, b) not in old\n"
            '                      for a, b in zip(new_ties["source"], new_ties["target"])]]\n',
        ),
        r"Alex Moreno already knew Kai Kahale: .* the other way round",
    ),
]

OLD_MISTAKES = [
    Variant(
        "a",
        "a-calendar-days",
        edit(A, "pd.offsets.BDay(7)", "pd.Timedelta(days=7)"),
        "(?i)business",
    ),
    Variant(
        "a",
        "a-three-days",
        edit(A, "pd.offsets.BDay(7)", "pd.offsets.BDay(3)"),
        r"due 3 business days after the request: the one follow-up comes after 7",
    ),
    Variant(
        "a",
        "a-not-due-today",
        edit(A, 'table["due_on"] <= today', 'table["due_on"] < today'),
        "(?i)today",
    ),
    Variant(
        "a",
        "a-ignores-replies",
        edit(A, '& tracker["replied_on"].isna()\n', "\n"),
        "(?i)replied",
    ),
    Variant(
        "a",
        "a-ignores-follow-ups",
        edit(A, '& tracker["followed_up_on"].isna()\n', "\n"),
        "(?i)follow\\-up",
    ),
    Variant(
        "a",
        "a-least-overdue-first",
        edit(
            A,
            'sort_values("days_overdue", ascending=False)',
            'sort_values("days_overdue", ascending=True)',
        ),
        "(?i)order",
    ),
    Variant(
        "b",
        "b-ignores-time-zones",
        edit(
            B,
            'pd.to_datetime(met["thanked_at"], utc=True) - pd.to_datetime(met["met_at"], utc=True)',
            'pd.to_datetime(met["thanked_at"].str[:19]) - pd.to_datetime(met["met_at"].str[:19])',
        ),
        "(?i)time\\ zones",
    ),
    Variant(
        "b",
        "b-rounds-down",
        edit(B, "gap.dt.total_seconds() / 3600", "gap.dt.total_seconds() // 3600"),
        "(?i)round",
    ),
    Variant(
        "b",
        "b-whole-days",
        edit(B, "gap.dt.total_seconds() / 3600", "gap.dt.days * 24"),
        r"that counts whole days only \(\.dt\.days × 24\)",
    ),
    Variant(
        "b",
        "b-strictly-less",
        edit(B, "hours[hours <= 24]", "hours[hours < 24]"),
        "(?i)exactly\\ 24",
    ),
    Variant(
        "b",
        "b-drops-unthanked",
        edit(
            B,
            'met = tracker[tracker["met_at"].notna()]',
            'met = tracker[tracker["thanked_at"].notna()]',
        ),
        "(?i)NaN",
    ),
    Variant(
        "b",
        "b-counts-unthanked",
        edit(B, "hours[hours <= 24]", "hours[hours.fillna(0) <= 24]"),
        "(?i)no\\ thank\\-you\\ yet",
    ),
    Variant(
        "c",
        "c-one-draw-a-week",
        edit(C, "rng.poisson(referrals, size=held[-1]).sum()", "rng.poisson(referrals)"),
        "(?i)on\\ average",
    ),
    Variant(
        "c",
        "c-global-generator",
        edit(
            C,
            "rng.poisson(referrals, size=held[-1])",
            "np.random.poisson(referrals, size=held[-1])",
        ),
        r"never drew a number from the generator `rng` it was given",
    ),
    Variant(
        "c",
        "c-own-seeded-generator",
        edit(C, "    held = [1]\n", "    rng = np.random.default_rng(0)\n    held = [1]\n"),
        r"never drew a number from the generator `rng` it was given",
    ),
    Variant(
        "c",
        "c-one-week-too-many",
        edit(C, "for _ in range(weeks - 1):", "for _ in range(weeks):"),
        "(?i)numbers",
    ),
    Variant(
        "c",
        "c-power-not-sum",
        edit(C, "return sum(referrals**week for week in range(weeks))", "return referrals**weeks"),
        r"That is r \*\* weeks, week \d+'s conversations alone",
    ),
    Variant(
        "c",
        "c-sum-one-too-far",
        edit(C, "for week in range(weeks))", "for week in range(weeks + 1))"),
        "(?i)in\\ all",
    ),
    Variant(
        "c",
        "c-fresh-generator-each-run",
        edit(
            C,
            "sum(simulate_snowball(referrals, weeks, rng))",
            "sum(simulate_snowball(referrals, weeks, np.random.default_rng(seed)))",
        ),
        "(?i)generator\\ once",
    ),
    Variant(
        "d",
        "d-adds-repeated-tie",
        edit(
            D,
            FRESH,
            "    fresh = new_ties\n",
        ).split("\n\n\ngrown = ")[0],  # the demo line would stop on the repeated tie
        "(?i)already\\ knew",
    ),
    Variant(
        "d",
        "d-same-network",
        edit(
            D,
            "    return Network.from_frames(network.people, ties, me=network.me)",
            "    return network",
        ),
        "(?i)same\\ network",
    ),
    Variant(
        "d",
        "d-two-hops",
        edit(D, "max_hops=3", "max_hops=2"),
        "(?i)max_hops=3",
    ),
    Variant(
        "d",
        "d-hops-not-introductions",
        edit(D, "len(chains[person]) - 2", "len(chains[person]) - 1"),
        "(?i)introductions",
    ),
    Variant(
        "d",
        "d-everyone-in-reach",
        edit(
            D,
            "for person in network.match(organization=organization)\n        if person in chains",
            "for person in chains",
        ),
        "(?i)works\\ at",
    ),
]

RIGHT = [
    Variant(
        "a",
        "a-busday-offset",
        edit(
            A,
            'due_on = pd.to_datetime(waiting["sent_on"]) + pd.offsets.BDay(7)',
            (
                'due_on = pd.to_datetime(pd.Series(np.busday_offset(waiting["'
                "sent_on\"].to_numpy(dtype='datetime64[D]'), 7),"
                " index=waiting.index))"
            ),
        ),
    ),
    Variant(
        "a",
        "a-dates-as-text",
        edit(
            A,
            'return table.sort_values("days_overdue", ascending=False).reset_index(drop=True)',
            (
                'table["due_on"] = table["due_on"].dt.strftime("%Y-%m-%d")\n'
                '    return table.sort_values("days_overdue",'
                " ascending=False)"
            ),
        ),
    ),
    Variant(
        "a",
        "a-query",
        edit(
            A,
            (
                "    waiting = tracker[\n"
                '        tracker["sent_on"].notna()\n'
                '        & tracker["replied_on"].isna()\n'
                '        & tracker["meeting_on"].isna()\n'
                '        & tracker["followed_up_on"].isna()\n'
                "    ]\n"
            ),
            (
                '    waiting = tracker.query("sent_on.notna() and'
                " replied_on.isna() and meeting_on.isna() and"
                ' followed_up_on.isna()", engine="python")\n'
            ),
        ),
    ),
    Variant(
        "b",
        "b-dict-and-set",
        edit(B, "return list(hours[hours <= 24].index)", "return set(hours[hours <= 24].index)"),
    ),
    Variant(
        "b",
        "b-boolean-series",
        edit(B, "return list(hours[hours <= 24].index)", "return hours <= 24"),
    ),
    Variant(
        "b",
        "b-python-datetimes",
        edit(
            B,
            (
                '    gap = pd.to_datetime(met["thanked_at"], utc=True) -'
                ' pd.to_datetime(met["met_at"], utc=True)\n'
                "    return pd.Series((gap.dt.total_seconds() /"
                ' 3600).to_numpy(), index=met["contact"])'
            ),
            (
                "    from datetime import datetime\n"
                "    hours = {}\n"
                "    for name, a, b in zip(met['contact'], met['met_at'],"
                " met['thanked_at']):\n"
                "        hours[name] = (float('nan') if pd.isna(b) else"
                " (datetime.fromisoformat(b) -"
                " datetime.fromisoformat(a)).total_seconds() / 3600)\n"
                "    return pd.Series(hours)"
            ),
        ),
    ),
    Variant(
        "c",
        "c-loop-per-conversation",
        edit(
            C,
            "held.append(int(rng.poisson(referrals, size=held[-1]).sum()))",
            "held.append(sum(int(rng.poisson(referrals)) for _ in range(held[-1])))",
        ),
    ),
    Variant(
        "c",
        "c-array-and-formula",
        edit(
            C,
            "return sum(referrals**week for week in range(weeks))",
            "return float(weeks) if referrals == 1 else (1 - referrals**weeks) / (1 - referrals)",
        ),
    ),
    Variant(
        "c",
        "c-numpy-mean",
        edit(
            C,
            (
                "return float(np.mean([sum(simulate_snowball(referrals,"
                " weeks, rng)) for _ in range(runs)]))"
            ),
            (
                "totals = np.array([np.sum(simulate_snowball(referrals,"
                " weeks, rng)) for _ in range(runs)])\n"
                "    return totals.mean()"
            ),
        ),
    ),
    Variant(
        "d",
        "d-pair-set",
        edit(
            D,
            FRESH,
            (
                "    old = {frozenset(p) for p in"
                " zip(network.ties['source'], network.ties['target'])}\n"
                "    fresh = new_ties[[frozenset(p) not in old for p in"
                " zip(new_ties['source'], new_ties['target'])]]\n"
            ),
        ),
    ),
    Variant(
        "d",
        "d-reach-all-then-filter",
        edit(
            D,
            "chains = reach(network, source=network.me, max_hops=3)",
            "chains = {p: c for p, c in reach(network, source=network.me).items() if len(c) <= 4}",
        ),
    ),
    Variant(
        "d",
        "d-fewer-columns",
        edit(
            D,
            "ties = pd.concat([network.ties, fresh], ignore_index=True)",
            (
                "ties = pd.concat([network.ties, fresh[['source', 'target',"
                " 'kind']]], ignore_index=True)"
            ),
        ),
    ),
]

BANK = NEW_MISTAKES + OLD_MISTAKES + RIGHT


#: Every sentence of the task text that asks something of the learner's code.
REQUIREMENTS = [
    Requirement(
        "a", "must not change them", "part-a-due", "the tracker's dates converted in place"
    ),
    Requirement("a", "It returns a DataFrame", "part-a-due", "a list of names, not a table"),
    Requirement(
        "a", "has had no reply, no meeting and no follow-up yet", "part-a-due", "a-ignores-replies"
    ),
    Requirement("a", "7 business days after `sent_on`", "part-a-due", "a-calendar-days"),
    Requirement("a", "today or earlier", "part-a-due", "a-not-due-today"),
    Requirement("a", "with the most overdue first", "part-a-due", "a-least-overdue-first"),
    Requirement("b", "a pandas Series indexed by contact", "part-b-hours", "a dict of hours"),
    Requirement("b", "minutes included (e.g. 24.5)", "part-b-hours", "b-rounds-down"),
    Requirement("b", "`NaN` when no thank-you went out yet", "part-b-hours", "b-drops-unthanked"),
    Requirement("b", "(exactly 24 counts)", "part-b-within-a-day", "b-strictly-less"),
    Requirement(
        "b",
        "thanked at most 24 hours after the conversation began",
        "part-b-within-a-day",
        "b-counts-unthanked",
    ),
    Requirement(
        "c",
        "so that the same seed always gives the same story",
        "part-c-run",
        "c-global-generator",
    ),
    Requirement("c", "(`weeks` numbers, week 1 first)", "part-c-run", "c-one-week-too-many"),
    Requirement(
        "c",
        "each conversation draws its own number",
        "part-c-run",
        "one draw multiplied by the conversations",
    ),
    Requirement(
        "c", "Draw only with the `rng` you are given", "part-c-run", "c-own-seeded-generator"
    ),
    Requirement("c", "`1 + r + r**2 + ... + r**(weeks - 1)`", "part-c-expected", "c-power-not-sum"),
    Requirement(
        "c",
        "make one generator `np.random.default_rng(seed)`",
        "part-c-mean",
        "c-fresh-generator-each-run",
    ),
    Requirement("d", "so that row must not be added again", "part-d-add", "d-adds-repeated-tie"),
    Requirement(
        "d",
        "every old tie as it was (its kind and strength kept)",
        "part-d-add",
        "the ties rebuilt from pairs alone",
    ),
    Requirement("d", "you build a new one from its two tables", "part-d-add", "d-same-network"),
    Requirement(
        "d",
        "new ties or old ones written the other way round",
        "part-d-add",
        "old ties looked up one way round",
    ),
    Requirement("d", "at most two introductions to the number", "part-d-reach", "d-two-hops"),
    Requirement(
        "d", "the number of introductions needed", "part-d-reach", "d-hops-not-introductions"
    ),
    Requirement(
        "d",
        "can meet with at most two introductions.",
        "part-d-reach",
        "d-two-hops",
    ),
    Requirement(
        "d", "the id of each person at `organization`", "part-d-reach", "d-everyone-in-reach"
    ),
    Requirement(
        "d",
        'Use `network.me` for the learner, never the text `"me"`',
        "part-d-reach",
        "the learner written as 'me'",
    ),
    Requirement("a", "a blank cell is `NaN`", "part-a-due", "blanks tested as empty text"),
    Requirement(
        "a",
        "after 7 business days, send the first person one short follow-up",
        "part-a-due",
        "a-three-days",
    ),
    Requirement(
        "a",
        "there are no holidays to skip",
        "part-a-due",
        "a-busday-offset",
    ),
    Requirement(
        "b",
        "Tell pandas to turn both into one zone, UTC, and subtract",
        "part-b-hours",
        "b-ignores-time-zones",
    ),
    Requirement("b", "(NaN if none yet)", "part-b-hours", "b-drops-unthanked"),
    Requirement(
        "c",
        "Conversations held in each week of one snowball, week 1 first.",
        "part-c-run",
        "c-one-week-too-many",
    ),
    Requirement("d", "two introductions are three hops", "part-d-reach", "d-two-hops"),
    Requirement(
        "d", "(pairs already tied are left as they are)", "part-d-add", "d-adds-repeated-tie"
    ),
]

#: Sentences with a requirement word that ask nothing of the code.
ASIDES = [
    "Alex's tracker has one row per person written to.",
    "With `pd.to_datetime` the text becomes dates, and whole columns move at once:",
    "Every conversation ends with the same question",
    "Each conversation made a new tie: Alex now knows the person.",
    "Each line is someone at the target and the introductions needed",
    "Please do not delete or copy the check cells.",
    "recompute whom at a target organisation you can meet with",
    "Check (d2): whom at the target you can meet with at most two introductions.",
]


class TestBank(BankTests):
    NOTEBOOK, BANK, REQUIREMENTS, ASIDES = NOTEBOOK, BANK, REQUIREMENTS, ASIDES
    PARTS = "abcd"
