"""Mark the module notebooks' cells as slides for the JupyterLab slideshow (jupyterlab-rise).

Each cell gets ``metadata.slideshow.slide_type`` by a rule on its kind and
length, so a facilitator can project a module as slides (Alt+R in
JupyterLab) with nothing set by hand:

=============================================  ============
cell                                           slide type
=============================================  ============
Markdown opening with a ``#`` or ``##`` title  ``slide``
Markdown opening with a ``###`` heading        ``subslide``
a "check yourself" box (``<details>``)          ``fragment``
other Markdown longer than 18 lines            ``subslide``
other Markdown                                 ``-`` (same slide)
code that shows a widget                       ``subslide``
code that shows nothing (set-up: imports,      ``skip``
assignments, display settings)
code longer than 6 lines                       ``skip``
other code (a short call and its result)       ``fragment``
=============================================  ============

Each notebook also gets ``metadata.rise.scroll`` so a long slide scrolls.
It changes nothing else and is idempotent: run it after any edit that adds
or changes cells::

    python tools/slides.py           # set the marks in notebooks/
    python tools/slides.py --check   # exit 1 if a notebook is not marked as the rules say
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LONG_TEXT = 18
LONG_CODE = 6
RISE = {"scroll": True}
_WIDGET = re.compile(r"^\s*(?:from coffeechat\.ui import|quiz\()", re.MULTILINE)


def notebooks(root: Path = ROOT) -> list[Path]:
    """The module notebooks, in order."""
    return sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def _shows_nothing(source: str) -> bool:
    """Whether a code cell only sets up (imports, assignments, display settings): no output."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    quiet = (ast.Import, ast.ImportFrom, ast.Assign, ast.AnnAssign, ast.AugAssign)

    def setting(node: ast.stmt) -> bool:
        call = node.value if isinstance(node, ast.Expr) else None
        return (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr == "show_whole_text")  # fmt: skip

    return bool(body) and all(isinstance(node, quiet) or setting(node) for node in body)


def slide_type(cell: dict) -> str:
    """The slide type the rules give a cell (see the module's table)."""
    source = "".join(cell["source"]).strip()
    lines = source.splitlines() or [""]
    if cell["cell_type"] == "markdown":
        if re.match(r"#{1,2} ", lines[0]):
            return "slide"
        if lines[0].startswith("### "):
            return "subslide"
        if lines[0].startswith("<details>"):
            return "fragment"
        return "subslide" if len(lines) > LONG_TEXT else "-"
    if cell["cell_type"] == "code":
        if _WIDGET.search(source):
            return "subslide"
        if _shows_nothing(source):
            return "skip"
        return "skip" if len(lines) > LONG_CODE else "fragment"
    return "skip"


def marked(notebook: dict) -> dict:
    """A copy of ``notebook`` with every cell's slide type set by the rules."""
    new = json.loads(json.dumps(notebook))
    for cell in new["cells"]:
        cell.setdefault("metadata", {})["slideshow"] = {"slide_type": slide_type(cell)}
    new.setdefault("metadata", {})["rise"] = dict(RISE)
    return new


def dumps(notebook: dict) -> str:
    """The notebook as nbformat writes it (sorted keys, one-space indent)."""
    return json.dumps(notebook, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a notebook is not marked")
    args = parser.parse_args(argv)
    stale = []
    for path in notebooks():
        text = path.read_text(encoding="utf-8")
        new = dumps(marked(json.loads(text)))
        if new != text:
            stale.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    if args.check and stale:
        print("not marked as slides: " + ", ".join(p.name for p in stale)
              + "; run python tools/slides.py")  # fmt: skip
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
