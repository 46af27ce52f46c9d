"""Write the sample LAMP list, ``src/coffeechat/data/lamp.csv``, reproducibly.

Alex Moreno's list of target employers for *The 2-Hour Job Search*'s LAMP
method: the sample network's organisations (Alex's own school left out) and
invented ones, 45 in all, seeded so the file is the same on every machine.

Usage::

    .venv/bin/python tools/make_lamp.py          # write the file
    .venv/bin/python tools/make_lamp.py --check  # fail if it differs
"""

from __future__ import annotations

import sys
from pathlib import Path

from _writer import write_or_check

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from coffeechat.datasets import (  # noqa: E402
    load_sample_network,
    load_sample_organizations,
    make_lamp_list,
)
from coffeechat.employer_plan import within_reach  # noqa: E402
from coffeechat.industry import related_organizations  # noqa: E402

PATH = ROOT / "src" / "coffeechat" / "data" / "lamp.csv"
SEED = 2026
EMPLOYERS = 45
OWN_SCHOOL = "Riverside Academy"
#: Where Alex most wants to work: UX research in education or health technology,
#: and Quillstack, the research-software firm that is Alex's new favourite (Assignment 2).
FAVOURITES = {"Pulsewise": 3, "Brindlewood Learning": 3, "Fieldnote Research": 3, "Quillstack": 3}


def true_notes(organizations, employer: str) -> list[str]:
    """What the organisations table says about ``employer``, as a LAMP note reads it."""
    related = related_organizations(organizations, employer)
    return (
        [f"customer of {name}" for name in related["suppliers"]]
        + [f"supplier of {name}" for name in related["customers"]]
        + [f"competitor of {name}" for name in related["competitors"]]
    )


def lamp_csv() -> bytes:
    """The file's bytes."""
    organizations = load_sample_organizations()
    everyone = set(organizations["name"])
    known = tuple(n for n in organizations["name"] if n != OWN_SCHOOL)
    lamp = make_lamp_list(EMPLOYERS, seed=SEED, known=known)
    # For the sample network's organisations, the list is true to the sample:
    # advocacy is "yes" when someone there is within two hops of Alex (a contact,
    # or a contact's contact, as Module 8's within_reach counts it), and a note
    # names only a relation the organisations table holds.
    network = load_sample_network()
    for row, employer in enumerate(lamp["employer"]):
        note = lamp.loc[row, "notes"]
        named = note.split(" of ", 1)[1] if note else ""
        if employer in known:
            lamp.loc[row, "advocacy"] = "yes" if within_reach(network, employer) else "no"
            options = true_notes(organizations, employer)
            if note and note not in options:
                lamp.loc[row, "notes"] = options[row % len(options)] if options else ""
        elif named in everyone:
            lamp.loc[row, "notes"] = ""  # an invented employer has no relation in the table
        if employer in FAVOURITES:
            lamp.loc[row, "motivation"] = FAVOURITES[employer]
    return lamp.to_csv(index=False, lineterminator="\n").encode()


def main(argv: list[str] | None = None) -> int:
    return write_or_check(
        __doc__.splitlines()[0], lambda: {PATH.name: lamp_csv()}, argv, PATH.parent
    )


if __name__ == "__main__":
    raise SystemExit(main())
