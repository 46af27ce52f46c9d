"""Other data for Assignment 4's hidden checks, drawn from a seed.

Each function makes what one part's hidden checks give a learner's function
instead of the sample data: other people and careers, other organisations,
other postings, other question shortlists and other agendas, each holding
the cases a careless answer gets wrong.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date

import numpy as np
import pandas as pd

from coffeechat.checks._core import checked
from coffeechat.questions import load_bank, plan_interview

__all__ = [
    "practice_agenda",
    "research_organizations",
    "practice_positions",
    "practice_postings",
    "practice_questions",
]


@checked
def practice_positions(seed: int) -> tuple[pd.DataFrame, pd.DataFrame, date]:
    """People, career histories and an ``as_of`` day to try ``tenure_table`` on.

    Drawn with ``seed``: promotions at the same organisation, earlier jobs
    elsewhere, people who left their job with nothing current, someone who
    came back to an earlier employer, and people with no positions at all.
    """
    rng = np.random.default_rng(seed)
    orgs = ["Alder Clinic", "Birchway School", "Cedar Data", "Dunmore Surveys", "Elm Studio"]
    roles = ["Analyst", "Teacher", "Nurse", "Designer", "Researcher", "Coordinator"]
    as_of = date(2024 + int(rng.integers(0, 3)), 1 + int(rng.integers(0, 12)), 1)
    people, rows = [], []
    for n in range(14):
        pid = f"p{n:02d}"
        people.append({"id": pid, "name": f"Person {chr(65 + n)} {seed % 97}", "organization": ""})
        if n == 13:
            continue  # nobody knows their history
        end = as_of.toordinal() - int(rng.integers(30, 4000))
        jobs = int(rng.integers(1, 4))
        spans = sorted(rng.integers(200, 2000, size=jobs))
        cursor = end
        stint = []
        for span in spans:
            start = cursor - int(span)
            stint.append((start, cursor))
            cursor = start
        stint.reverse()
        org_seq = [orgs[int(rng.integers(len(orgs)))] for _ in stint]
        if jobs >= 2 and rng.random() < 0.5:
            org_seq[-1] = org_seq[-2]  # a promotion
        if jobs == 3 and n % 4 == 0:
            org_seq[0], org_seq[-1] = org_seq[-1], org_seq[-1]  # came back
            org_seq[1] = next(o for o in orgs if o != org_seq[-1])
        left = n == 12
        for k, ((start, stop), org) in enumerate(zip(stint, org_seq, strict=True)):
            last = k == len(stint) - 1
            rows.append(
                {
                    "person": pid,
                    "organization": org,
                    "role": roles[int(rng.integers(len(roles)))] + ("" if not last else " Lead"),
                    "start": date.fromordinal(start).isoformat(),
                    "end": ""
                    if last and not left
                    else date.fromordinal(stop if not last else end).isoformat(),
                }
            )
    order = rng.permutation(len(rows))
    positions = pd.DataFrame([rows[i] for i in order])
    return pd.DataFrame(people), positions, as_of


@checked
def research_organizations(seed: int) -> pd.DataFrame:
    """A small, consistent organisations table with blanks, to try ``relations_table`` on."""
    rng = np.random.default_rng(seed)
    names = ["Ash Health", "Beech Learning", "Cobalt Cloud", "Drift Analytics", "Ember Research",
             "Fern Clinics"]  # fmt: skip
    sells: dict[str, set[str]] = {n: set() for n in names}
    rivals: dict[str, set[str]] = {n: set() for n in names}
    for a, b in itertools.permutations(names, 2):
        if rng.random() < 0.3:
            sells[a].add(b)
    for a, b in itertools.combinations(names, 2):
        if rng.random() < 0.2:
            rivals[a].add(b)
            rivals[b].add(a)
    rows = []
    for n in names:
        buys = {m for m in names if n in sells[m]}
        rows.append(
            {
                "name": n,
                "industry": "Mixed",
                "description": "",
                "city": "Harborview",
                "supplier_of": "; ".join(sorted(sells[n])),
                "customer_of": "; ".join(sorted(buys)),
                "competitor_of": "; ".join(sorted(rivals[n])),
            }
        )
    return pd.DataFrame(rows)


@checked
def practice_postings(seed: int) -> pd.DataFrame:
    """A small set of made-up postings in three industries of unequal size, to try (b) on.

    Some words repeat inside a posting (counted once), some are shared by
    every industry, one industry has very few postings.
    """
    rng = np.random.default_rng(seed)
    fields = {
        "Farming": ["harvest", "soil", "tractor", "livestock", "irrigation", "crops", "team"],
        "Aviation": ["aircraft", "runway", "pilots", "cabin", "maintenance", "safety", "team"],
        "Retail": ["customers", "store", "stock", "tills", "merchandising", "safety", "sales"],
    }
    common = ["experience", "communication", "flexible", "team", "training", "motivated"]
    sizes = {"Farming": 9, "Aviation": 14, "Retail": 3 + seed % 3}
    rows = []
    for industry, size in sizes.items():
        own = fields[industry]
        for k in range(size):
            picked = list(rng.choice(own, size=int(rng.integers(2, 5)), replace=False))
            picked += list(rng.choice(common, size=int(rng.integers(1, 4)), replace=False))
            if k % 3 == 0:
                picked.append(picked[0].capitalize() + ".")  # repeats, with a capital and a stop
            rng.shuffle(picked)
            rows.append(
                {"id": f"{industry[:2]}{k}", "industry": industry, "text": " ".join(picked)}
            )
    order = rng.permutation(len(rows))
    return pd.DataFrame([rows[i] for i in order]).reset_index(drop=True)


@checked
def practice_questions(seed: int) -> tuple[pd.DataFrame, float, str]:
    """A made-up question table, a number of minutes and the closing id, for (c).

    Drawn so that taking the best value per minute first is not the best
    choice, with half-minutes, a closing question of its own name, and now
    and then too few minutes for anything.
    """
    rng = np.random.default_rng(seed)
    n = 9 + int(rng.integers(0, 5))
    rows = [
        {
            "id": f"q{seed % 100}-{k}",
            "text": f"Made-up question {k}?",
            "minutes": float(rng.choice([1.0, 1.5, 2.0, 2.5, 3.0, 4.0])),
            "value": int(rng.integers(1, 6)),
        }
        for k in range(n)
    ]
    rows.append({"id": "end-referral", "text": "Who else would you suggest I speak with?",
                 "minutes": 1.5, "value": 5})  # fmt: skip
    rows.insert(0, {"id": "trap-ratio", "text": "A quick but small one?", "minutes": 1.0,
                    "value": 3})  # fmt: skip
    order = rng.permutation(len(rows))
    minutes = float(rng.choice([1.0, 6.5, 8.0, 9.5, 11.0]))
    return pd.DataFrame([rows[i] for i in order]).reset_index(drop=True), minutes, "end-referral"


@checked
def practice_agenda(
    goals: Iterable[str], minutes: float, interviewee: str | None = None, seed: int = 0
) -> pd.DataFrame:
    """A plan's agenda with each question's value, as part (d) receives it.

    ``plan_interview(...).to_frame()`` merged with the bank's ``value`` column.
    """
    plan = plan_interview(list(goals), minutes, interviewee, seed=seed)
    values = load_bank().to_frame()[["id", "value"]]
    return plan.to_frame().merge(values, on="id", how="left")
