"""Fictional LinkedIn ``Connections.csv`` exports in the shapes real ones have.

Every name and employer here is made up from the lists below. An export can
start with LinkedIn's notes preamble or not, with a byte-order mark or not;
some rows have a blank company or position; one employer is spelled three
ways ("Acme Robotics, Inc.", "ACME ROBOTICS INC", "Acme Robotics Inc ");
some names are not ASCII; company and position hold quoted commas.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

FIRST = (
    "Zoë", "Ana", "Bjørn", "Chidi", "Dana", "Émile", "Farah", "Gabriel", "Hana", "Ivo",
    "Jun", "Kalani", "Leila", "Mateo", "Noor", "Oren", "Priya", "Quinn", "Rosa", "Søren",
    "Tomás", "Uma", "Vera", "Wen", "Ximena", "Yusuf", "Zhao", "Łucja", "Ngozi", "Ayşe",
)  # fmt: skip
LAST = (
    "Abara", "Brandt", "Castellanos", "Dubois", "Eklund", "Fonseca", "Gallo", "Haddad",
    "Ishikawa", "Jovanović", "Kowalczyk", "Lindqvist", "Mbeki", "Nakamura", "Okonkwo",
    "Petrov", "Quintero", "Řezníček", "Sandoval", "Tanaka", "Ulloa", "Varga", "Wójcik",
    "Yildiz", "Zamora", "Müller", "Nguyễn", "O'Hara", "Ferreira-Lopes", "Dahl",
)  # fmt: skip
#: Employers, the first spelled three ways in every export.
ACME_SPELLINGS = ("Acme Robotics, Inc.", "ACME ROBOTICS INC", "Acme Robotics Inc ")
EMPLOYERS = (
    "Brightwater Analytics Ltd", "Brightwater Analytics Ltd.", "Copperfield Health",
    "Dunmore College", "Everfern Studio GmbH", "Foxhollow Games LLC", "Glasswing Labs",
    "Harrowgate Council", "Ironleaf Bank, N.A.", "Juniper & Finch", "Kettleby Foods",
    "Lanternfish Media", "Marbleway Transit", "Northgale Energy",
)  # fmt: skip
POSITIONS = (
    "UX Researcher", "Senior UX Researcher", "Data Analyst", "Product Manager",
    "Software Engineer", "Recruiter", "Teacher", "Nurse", "Designer, Growth",
    "Head of Research, EMEA", "Marketing Lead", "Policy Officer", "Student",
)  # fmt: skip
NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address."\n\n'
)
HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")


@dataclass(frozen=True)
class Export:
    """One generated export: its shape, and the people in it."""

    label: str
    rows: int
    notes: bool
    bom: bool
    seed: int

    def people(self) -> list[tuple[str, str, str, str]]:
        """(first, last, company, position) for each row, in file order."""
        rng = random.Random(self.seed)
        out = []
        for i in range(self.rows):
            # i // 30 shifts the surname each round, so names repeat only past 900 rows
            first, last = FIRST[i % len(FIRST)], LAST[(i // 30 + i * 7 + self.seed) % len(LAST)]
            if i < 3:
                company = ACME_SPELLINGS[i]
            elif i % 11 == 5:
                company = ""
            else:
                company = rng.choice(EMPLOYERS)
            position = "" if i % 13 == 6 else rng.choice(POSITIONS)
            if i < 3:
                position = ("UX Researcher", "Recruiter", "Software Engineer")[i]
            out.append((first, last, company, position))
        return out

    def text(self) -> str:
        """The file's text (without the byte-order mark)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(HEADER)
        day = date(2025, 6, 30)
        for i, (first, last, company, position) in enumerate(self.people()):
            slug = f"{first}-{last}-{i}".lower().replace(" ", "-")
            email = f"{slug.encode('ascii', 'ignore').decode()}@mail.example" if i % 9 == 2 else ""
            connected = day - timedelta(days=3 * i)
            writer.writerow(
                (first, last, f"https://www.linkedin.com/in/{slug}", email, company, position,
                 f"{connected.day:02d} {connected:%b %Y}")
            )  # fmt: skip
        return (NOTES if self.notes else "") + buffer.getvalue()

    def write(self, path: Path) -> Path:
        """Write the export to ``path`` (with its byte-order mark if it has one)."""
        path.write_text(("\ufeff" if self.bom else "") + self.text(), encoding="utf-8")
        return path


#: The shapes tests run on: 10 to 500 rows, every mix of notes and BOM.
EXPORTS = (
    Export("10-notes-bom", 10, notes=True, bom=True, seed=1),
    Export("63-plain", 63, notes=False, bom=False, seed=2),
    Export("240-notes", 240, notes=True, bom=False, seed=3),
    Export("500-bom", 500, notes=False, bom=True, seed=4),
)
