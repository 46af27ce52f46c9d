"""Write the career histories of the sample network: src/coffeechat/data/positions.csv.

Each person with an employer in the sample network (``people.csv``) gets the
position they hold now, with the date they started it, and up to two earlier
ones: sometimes a first, more junior role at the same organisation, often a
job somewhere else before that. Everything is fictional and drawn with a
fixed seed from the people table, so running the script again writes the same
file byte for byte. Tenure ("how long have they been there?") and a person's
path into their job come from this file (see :mod:`coffeechat.research`).

    .venv/bin/python tools/make_positions.py          # write the file
    .venv/bin/python tools/make_positions.py --check  # fail if it differs
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from _writer import csv_bytes, write_or_check

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "coffeechat" / "data"
SEED = 20260104
#: The sample's "today": no position starts after it.
AS_OF = date(2026, 1, 1)
COLUMNS = ("person", "organization", "role", "start", "end")

#: Earlier employers, made up, per industry (none is in the sample network).
EARLIER = {
    "Education": ("Oakfield Primary School", "Westbrook Sixth Form College", "Brightpath Tutors"),
    "Health care": (
        "Millbrook Care Home",
        "Eastbridge Dental Practice",
        "Linden Community Pharmacy",
    ),
    "Software": ("Bytewell Studio", "Norrland Data", "Pixelgrove Games"),
    "Research and consulting": (
        "Civic Pulse Polling",
        "Lantern Insight Group",
        "Northlight Advisory",
    ),
    "": ("Harborview Council", "Seaside Events Co.", "Greenway Logistics"),
}
#: A first role before the one someone holds now, at the same organisation.
JUNIOR = {
    "Education": "Teaching Assistant",
    "Health care": "Healthcare Assistant",
    "Software": "Junior Developer",
    "Research and consulting": "Research Assistant",
}
EARLIER_ROLES = {
    "Education": ("Teacher", "Learning Support Assistant", "Tutor"),
    "Health care": ("Nurse", "Receptionist", "Pharmacy Assistant"),
    "Software": ("Developer", "Support Engineer", "QA Tester"),
    "Research and consulting": ("Research Assistant", "Analyst", "Project Coordinator"),
    "": ("Customer Service Adviser", "Administrator", "Sales Assistant"),
}


#: Hand-written histories that the course's examples tell (they replace the drawn ones).
WRITTEN = {
    "amara-nwosu": (
        ("Calder Health", "Patient Experience Officer", "2012-09-03", "2016-02-26"),
        ("Fieldnote Research", "UX Researcher", "2016-03-01", "2022-07-08"),
        ("Pulsewise", "Head of UX Research", "2022-07-13", ""),
    ),
}


def _day(rng: np.random.Generator, first: date, last: date) -> date:
    """A day between ``first`` and ``last`` (both included)."""
    return date.fromordinal(int(rng.integers(first.toordinal(), last.toordinal() + 1)))


def positions(people: pd.DataFrame) -> list[dict[str, str]]:
    """The rows of positions.csv for a people table (as people.csv holds it)."""
    rng = np.random.default_rng(SEED)
    rows: list[dict[str, str]] = []
    for person in people.itertuples(index=False):
        if not person.organization:
            continue
        if person.id == "me":  # Alex: eight years at Riverside Academy, a science teacher all along
            start, junior = date(2017, 9, 1), None
        else:
            start = _day(rng, date(2009, 1, 1), date(2025, 9, 30))
            junior = JUNIOR.get(person.industry) if rng.random() < 0.3 else None
        current = start
        if junior is not None and current.year > 2010:
            current = _day(
                rng, date(start.year + 1, 1, 1), min(AS_OF, date(start.year + 4, 12, 31))
            )
            if current >= AS_OF:
                current, junior = start, None
        history = []
        if junior is not None and current != start:
            history.append((person.organization, junior, start, current))
        history.append((person.organization, person.role, current, None))
        before = start
        for _ in range(int(rng.integers(0, 3))):
            years = int(rng.integers(1, 6))
            begin = _day(
                rng, date(before.year - years - 1, 1, 1), date(before.year - years, 12, 31)
            )
            if begin.year < 1995:
                break
            industry = person.industry if rng.random() < 0.6 else ""
            employer = EARLIER[industry][int(rng.integers(len(EARLIER[industry])))]
            roles = EARLIER_ROLES[industry]
            history.insert(0, (employer, roles[int(rng.integers(len(roles)))], begin, before))
            before = begin
        for organization, role, begin, end in history:
            rows.append(
                {
                    "person": person.id,
                    "organization": organization,
                    "role": role,
                    "start": begin.isoformat(),
                    "end": "" if end is None else end.isoformat(),
                }
            )
    for person, history in WRITTEN.items():
        rows = [r for r in rows if r["person"] != person]
        rows += [dict(zip(COLUMNS, (person, *job), strict=True)) for job in history]
    order = {pid: n for n, pid in enumerate(people["id"])}
    return sorted(rows, key=lambda r: order[r["person"]])


def files() -> dict[str, bytes]:
    people = pd.read_csv(DATA / "people.csv", dtype=str, keep_default_na=False)
    return {"positions.csv": csv_bytes(positions(people), COLUMNS)}


def main(argv: list[str] | None = None) -> int:
    return write_or_check(__doc__.splitlines()[0], files, argv)


if __name__ == "__main__":
    raise SystemExit(main())
