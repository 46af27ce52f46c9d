"""The facilitator's kit: agendas that add up and point at real parts of the modules."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KIT = ROOT / "facilitator"
AGENDAS = KIT / "agendas.md"
COLUMNS = ["min", "module", "part", "projected", "participants do", "discussion prompt"]
BREAKS = {"Break", "Lunch"}
_TITLE = re.compile(r"^#{2,3} (.+) \((\d+) minutes\)$")


def module_parts() -> dict[int, set[str]]:
    """The headings of every module notebook, by module number."""
    parts: dict[int, set[str]] = {}
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        heads = parts.setdefault(int(path.name[:2]), set())
        for cell in cells:
            if cell["cell_type"] == "markdown":
                for line in "".join(cell["source"]).splitlines():
                    if line.startswith("#"):
                        heads.add(line.lstrip("#").strip())
    return parts


def agendas(path: Path = AGENDAS) -> dict[str, tuple[int, list[dict[str, str]]]]:
    """Each agenda of ``path``: its stated minutes and its rows, by title."""
    found: dict[str, tuple[int, list[dict[str, str]]]] = {}
    title = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        heading = _TITLE.match(line)
        if heading:
            title = heading[1]
            found[title] = (int(heading[2]), [])
        elif line.startswith("|") and title is not None:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if cells == COLUMNS or set("".join(cells)) <= set("-: "):
                continue
            assert len(cells) == len(COLUMNS), f"{path.name}:{number}: {len(cells)} columns"
            found[title][1].append({**dict(zip(COLUMNS, cells, strict=True)), "line": str(number)})
        elif line.startswith("#"):
            title = None
    return found


def test_the_kit_has_its_three_agendas():
    """A 3-hour workshop, a full day and the four weeks of a class are all there."""
    titles = list(agendas())
    assert any(t.startswith("The 3-hour workshop") for t in titles), titles
    assert any(t.startswith("The full day") for t in titles), titles
    assert sum(t.startswith("Week ") for t in titles) == 4, titles


@pytest.mark.parametrize("title", list(agendas()))
def test_an_agendas_minutes_add_up(title):
    """The rows of an agenda add up to the minutes its heading states."""
    stated, rows = agendas()[title]
    assert rows, f"{title}: no table"
    assert sum(int(r["min"]) for r in rows) == stated


def test_the_three_hour_workshop_is_three_hours():
    """The workshop is 180 minutes, as its name says."""
    assert agendas()["The 3-hour workshop"][0] == 180


@pytest.mark.parametrize("title", list(agendas()))
def test_every_section_names_a_module_part_that_exists(title):
    """Each row names a module and one of its notebook's headings, word for word (or a break)."""
    parts = module_parts()
    for row in agendas()[title][1]:
        where = f"{AGENDAS.name}:{row['line']}"
        if row["module"] == "—":
            assert row["part"] in BREAKS, f"{where}: {row['part']!r} is not a break"
            continue
        module = int(row["module"])
        assert row["part"] in parts[module], f"{where}: Module {module} has no part {row['part']!r}"
        for column in ("projected", "participants do", "discussion prompt"):
            assert row[column] and row[column] != "—" or column == "participants do", (
                f"{where}: {column} is empty"
            )
        assert row["discussion prompt"].endswith("?"), f"{where}: the prompt is not a question"


def test_the_checker_catches_a_part_that_does_not_exist(tmp_path):
    """A renamed heading would be caught: the parser reads rows, and the parts are real."""
    bad = tmp_path / "agendas.md"
    bad.write_text(
        "## Try (10 minutes)\n\n| " + " | ".join(COLUMNS) + " |\n|---|---|---|---|---|---|\n"
        "| 10 | 1 | 9. No such part | x | y | z? |\n",
        encoding="utf-8",
    )
    ((stated, rows),) = agendas(bad).values()
    assert stated == 10 and rows[0]["part"] not in module_parts()[1]


def test_every_module_appears_in_the_full_day_and_the_class():
    """The full day and the four weeks between them cover all eight modules."""
    found = agendas()
    day = {r["module"] for r in found["The full day"][1]} - {"—"}
    weeks = {r["module"] for t, (_, rows) in found.items() if t.startswith("Week") for r in rows}
    assert day == {str(n) for n in range(1, 9)}
    assert weeks - {"—"} == {str(n) for n in range(1, 9)}


def _tool():
    import importlib.util

    spec = importlib.util.spec_from_file_location("facilitator_answers",
                                                  ROOT / "tools" / "facilitator_answers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_answers_are_those_of_the_notebooks_and_the_data():
    """answers.md holds exactly what tools/facilitator_answers.py writes from the course."""
    tool = _tool()
    text = (KIT / "answers.md").read_text(encoding="utf-8")
    assert tool.rewritten(text) == text, "run python tools/facilitator_answers.py"


def test_every_quiz_is_answered():
    """Each quiz of each module appears in answers.md with its right answer."""
    tool = _tool()
    text = (KIT / "answers.md").read_text(encoding="utf-8")
    count = 0
    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        for quiz in tool.quizzes(notebook):
            assert f"*{quiz['prompt']}* — **{quiz['answer']}**" in text, quiz["prompt"]
            count += 1
    assert count >= 20


def test_the_pre_workshop_note_is_the_handouts():
    """The note in the kit says word for word what the printed handout says."""
    from coffeechat.handouts import PRE_WORKSHOP_NOTE

    text = (KIT / "pre-workshop-note.md").read_text(encoding="utf-8")
    items = [line[2:] for line in text.splitlines() if line.startswith("- ")]
    assert items == list(PRE_WORKSHOP_NOTE)
    assert any("laptop" in i for i in items) and any("LinkedIn" in i and "day" in i for i in items)


@pytest.mark.parametrize(
    ("activity", "must_say"),
    [
        ("A1. The triad role-play", ["interviewer", "interviewee", "observer",
                                     "8-minute conversation", "3-minute debrief", "rotat"]),
        ("A2. Swapping request drafts", ["Swap", "75 words"]),
        ("A3. The timed 5-minute rehearsal", ["five minutes", "30 seconds"]),
    ],
)
def test_each_activity_has_its_timing_and_what_to_say(activity, must_say):
    """Each activity is there, with its roles and timings and a script to start it."""
    text = (KIT / "activities.md").read_text(encoding="utf-8")
    head, _, rest = text.partition(f"## {activity}")
    assert rest, f"no section {activity!r}"
    section = rest.split("\n## ")[0]
    assert "**What to say to start it.**" in section and "\n> " in section
    for words in must_say:
        assert words in section, f"{activity}: {words!r} missing"


def test_the_agendas_use_every_activity():
    """The 3-hour workshop runs all three activities."""
    rows = agendas()["The 3-hour workshop"][1]
    done = " ".join(r["participants do"] for r in rows)
    for activity in ("A1", "A2", "A3"):
        assert f"**{activity}:" in done
