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

PATH = ROOT / "src" / "coffeechat" / "data" / "lamp.csv"
SEED = 2026
EMPLOYERS = 45
OWN_SCHOOL = "Riverside Academy"
#: Where Alex most wants to work: UX research in education or health technology.
FAVOURITES = {"Pulsewise": 3, "Brindlewood Learning": 3, "Fieldnote Research": 3}


def lamp_csv() -> bytes:
    """The file's bytes."""
    known = tuple(n for n in load_sample_organizations()["name"] if n != OWN_SCHOOL)
    lamp = make_lamp_list(EMPLOYERS, seed=SEED, known=known)
    # For the sample network's organisations, advocacy is true to the network:
    # "yes" when one of Alex's own contacts works there.
    network = load_sample_network()
    inside = {p.organization for p in network.contacts()}
    for row, employer in enumerate(lamp["employer"]):
        if employer in known:
            lamp.loc[row, "advocacy"] = "yes" if employer in inside else "no"
        if employer in FAVOURITES:
            lamp.loc[row, "motivation"] = FAVOURITES[employer]
    return lamp.to_csv(index=False, lineterminator="\n").encode()


def main(argv: list[str] | None = None) -> int:
    return write_or_check(
        __doc__.splitlines()[0], lambda: {PATH.name: lamp_csv()}, argv, PATH.parent
    )


if __name__ == "__main__":
    raise SystemExit(main())
