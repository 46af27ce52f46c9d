"""What every ``tools/make_*.py`` script shares: write its files into the
package's data folder, or with ``--check`` only compare them with what is there.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "coffeechat" / "data"


def write_or_check(
    description: str,
    files: Callable[[], Mapping[str, bytes]],
    argv: list[str] | None = None,
    folder: Path = DATA,
) -> int:
    """Write ``files()`` into ``folder``; with ``--check``, exit 1 naming any that differ."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="only compare with the files")
    args = parser.parse_args(argv)
    stale = []
    for name, data in files().items():
        path = folder / name
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


def csv_bytes(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> bytes:
    """Rows as UTF-8 CSV text with ``columns`` as the header and ``\n`` line ends."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
