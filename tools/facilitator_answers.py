"""Write the answers to the modules' quizzes and "try this" prompts into facilitator/answers.md.

The quizzes live in the module notebooks as ``quiz(prompt, choices,
answer=..., explanation=...)`` calls; this reads each call without running
the notebook. The "try this" prompts are answered by calling the library on
the sample data, as the widgets do. Both are written between the marker
lines of ``facilitator/answers.md``, so the facilitator's answers never drift
from the course. Run it after editing a quiz or the sample data::

    python tools/facilitator_answers.py          # rewrite the answers
    python tools/facilitator_answers.py --check  # exit 1 if they are out of date
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "facilitator" / "answers.md"
BEGIN = "<!-- answers: written by tools/facilitator_answers.py; do not edit by hand -->"
END = "<!-- end of the written answers -->"


def _text(node: ast.expr) -> str:
    value = ast.literal_eval(node)
    if not isinstance(value, str):
        raise ValueError(f"expected text, not {value!r}")
    return value


def quizzes(notebook: Path) -> list[dict[str, str]]:
    """Each quiz of a notebook: its prompt, answer and explanation, in order."""
    found = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] != "code" or "quiz(" not in source:
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "quiz":
                words = {k.arg: k.value for k in node.keywords}
                answer = words["answer"] if "answer" in words else node.args[2]
                why = _text(words["explanation"]) if "explanation" in words else ""
                found.append({"prompt": _text(node.args[0]), "answer": _text(answer),
                              "explanation": why})  # fmt: skip
    return found


def _names(values: object) -> str:
    names = sorted(set(values))  # type: ignore[call-overload]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _hops(n: object) -> str:
    return f"{int(n)} hop" + ("" if int(n) == 1 else "s")  # type: ignore[call-overload]


def try_this() -> list[str]:
    """The answers to the "try this" prompts, worked out on the sample network."""
    import coffeechat as cc
    from coffeechat.industry import industry_map
    from coffeechat.snowball import snowball_table

    network = cc.load_sample_network()
    me = network.me
    reach = cc.reach_table(network, max_hops=6)
    pulsewise = reach[reach["organization"] == "Pulsewise"]
    nearest = pulsewise[pulsewise["hops"] == pulsewise["hops"].min()]
    pulse = cc.Target(organization="Pulsewise")
    fewest = cc.shortest_chain(network, source=me, target=pulse)
    strongest = cc.strongest_chain(network, source=me, target=pulse)
    researchers = reach[reach["role"] == "UX Researcher"]
    closest = researchers[researchers["hops"] == researchers["hops"].min()]
    quill = industry_map(network, cc.load_sample_organizations(), target="Quillstack", max_hops=2)
    quill_rows = [f"{r.organization} ({r.relation}): {r['in reach']} of {r.people}"
                  for _, r in quill.iterrows()]  # fmt: skip

    def even_chance(share: float) -> str:
        for step in range(1, 31):
            r = step / 10
            table = snowball_table(r, 8, target_share=share, runs=1000, seed=0)
            if table["reach_target"].iloc[-1] >= 0.5:
                return f"{r:g}"
        return "more than 3"

    return [
        "### Module 1, part 7 (the reach explorer)",
        "",
        f"Somebody at Pulsewise first appears at **{_hops(nearest['hops'].min())}**: "
        f"{_names(nearest['name'])}. Alex would ask {_names(nearest['through'])} for the "
        "introduction. Strong tie and a longer chain, or weak tie and a shorter one, has no "
        "single right answer: the strong tie is more likely to act, each extra person is one "
        "more who may forget.",
        "",
        "### Module 2, part 2 (the industry map)",
        "",
        "Within two hops, people Alex can reach, by organisation: " + "; ".join(quill_rows)
        + ". Start where someone is within reach and close to Quillstack's work.",
        "",
        "### Module 2, part 4 (the chain finder)",
        "",
        f"Fewest hops: {fewest.explain()}. Strongest: {strongest.explain()}.",
        "",
        f"The UX researchers Alex can reach most easily are {_hops(closest['hops'].min())} "
        f"away: {_names(closest['name'] + ' at ' + closest['organization'])}.",
        "",
        "### Module 6, part 3 (the snowball simulator)",
        "",
        "With one person in ten at the target, an even chance within eight weeks needs about "
        f"**{even_chance(0.1)}** referrals a conversation; with one in twenty, about "
        f"**{even_chance(0.05)}** (the simulator's 1,000 seeded runs).",
        "",
        "### Module 6, part 2 (the tracker board)",
        "",
        "Open-ended: a request sent with no reply shows a second contact due three business "
        "days later and one follow-up seven business days later; a meeting with no thank-you "
        "shows the thank-you as due.",
        "",
    ]


def section() -> str:
    """The generated Markdown: the "try this" answers, then one list of quiz answers a module."""
    lines = [BEGIN, "", "## Try this", "", *try_this(), "## Quizzes", ""]
    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        found = quizzes(notebook)
        if found:
            lines += [f"### Module {int(notebook.name[:2])} (`{notebook.name}`)", ""]
            for n, q in enumerate(found, 1):
                why = f" {q['explanation']}" if q["explanation"] else ""
                lines.append(f"{n}. *{q['prompt']}* — **{q['answer']}**{why}")
            lines.append("")
    return "\n".join([*lines, END])


def rewritten(text: str) -> str:
    """``text`` with the part between the markers replaced by :func:`section`."""
    head, begin, rest = text.partition(BEGIN)
    _, end, tail = rest.partition(END)
    if not begin or not end:
        raise SystemExit(f"{ANSWERS}: the marker lines are missing")
    return head + section() + tail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if out of date")
    args = parser.parse_args(argv)
    text = ANSWERS.read_text(encoding="utf-8")
    new = rewritten(text)
    if args.check:
        if new != text:
            print(f"{ANSWERS} is out of date: run python tools/facilitator_answers.py")
            return 1
        return 0
    ANSWERS.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
