"""Write Module 6's fictional follow-up data into src/coffeechat/data/.

Alex Moreno's tracker of requests and conversations (``followups.csv``, with
the moment each conversation started in the other person's time zone and the
moment each thank-you went out in Alex's), and the ties those conversations
made (``new_ties.csv``). Both are drawn by
:func:`coffeechat.datasets.make_followups` from the sample network with a
fixed seed, so running the script again writes the same files byte for byte.

    .venv/bin/python tools/make_followups.py          # write the files
    .venv/bin/python tools/make_followups.py --check  # fail if they differ
"""

from __future__ import annotations

from pathlib import Path

from _writer import write_or_check

from coffeechat.datasets import load_sample_network, make_followups
from coffeechat.tracking import make_tracker

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "coffeechat" / "data"
SEED = 2026
TODAY = "2026-03-20"
TARGET = "Brindlewood Learning"
MY_OFFSET = -5.0  # Harborview's winter time, UTC-5


def files() -> dict[str, bytes]:
    """The files' names and their exact bytes."""
    tracker, new_ties = make_followups(
        load_sample_network(), TARGET, today=TODAY, my_offset=MY_OFFSET, seed=SEED
    )
    make_tracker(tracker)  # the tracker must read as a tracker
    return {
        "followups.csv": tracker.to_csv(index=False, lineterminator="\n").encode(),
        "new_ties.csv": new_ties.to_csv(index=False, lineterminator="\n").encode(),
    }


def main(argv: list[str] | None = None) -> int:
    return write_or_check(__doc__.splitlines()[0], files, argv)


if __name__ == "__main__":
    raise SystemExit(main())
