"""The README's promises: two set-up commands, and example code that runs."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_exactly_two_setup_commands() -> None:
    """The README gives exactly two bash set-up commands, and .ci/run runs the test one."""
    start = README.index("## Start")
    section = README[start : README.index("\n## ", start + 1)]
    commands = re.findall(r"```bash\n(.*?)\n```", section, flags=re.S)
    assert [c.split("#")[0].strip() for c in commands] == ["bash run.sh lab", "bash run.sh test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash run.sh test\n" in ci


def test_run_script_rejects_unknown_action() -> None:
    """run.sh explains its usage instead of guessing."""
    result = subprocess.run(
        ["bash", str(ROOT / "run.sh"), "deploy"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "usage: bash run.sh lab | test" in result.stderr


def test_run_script_environment_reads_notebooks_without_the_iri_parsers() -> None:
    """run.sh removes rfc3987-syntax: reading a notebook must not build its parsers.

    With it, ``import nbformat`` (through jsonschema) took about 4 s in every
    process that reads a notebook: JupyterLab, each grading run, each test.
    """
    venv_python = ROOT / ".venv" / "bin" / "python"
    result = subprocess.run(
        [
            str(venv_python),
            "-c",
            "import sys, nbformat, jsonschema; print('rfc3987_syntax' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"


def test_notebook_named_in_run_script_exists() -> None:
    """The notebook that `run.sh lab` opens is in the repository."""
    script = (ROOT / "run.sh").read_text(encoding="utf-8")
    opened = re.findall(r'"(notebooks/[^"]+\.ipynb)"', script)
    assert opened and all((ROOT / name).is_file() for name in opened)


def test_library_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """The README's library example runs as written and prints a chain and a plan."""
    (code,) = re.findall(r"```python\n(.*?)\n```", README, flags=re.S)
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "You →" in out
    assert "Who else should I talk to?" in out


def _assignment_times() -> dict[int, str]:
    """The course map's assignment time, by module number."""
    start = README.index("## Course map")
    table = README[start : README.index("\n## ", start + 1)]
    header = next(line for line in table.splitlines() if line.startswith("| # |"))
    column = [c.strip() for c in header.strip("|").split("|")].index("assignment time")
    times = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells and cells[0].isdigit():
            times[int(cells[0])] = cells[column]
    return times


def test_each_assignment_states_the_time_the_course_map_gives() -> None:
    """The course map and each assignment's introduction (source and release) give one estimate."""
    import nbformat

    times = _assignment_times()
    assert sorted(times) == list(range(1, 9))
    for number, time in times.items():
        low, high = re.fullmatch(r"(\d)–(\d) h", time).groups()
        assert 1 <= int(low) < int(high) <= 6, time
        for folder in ("solutions", "exercises"):
            (path,) = (ROOT / folder).glob(f"ps{number:02d}-*/*.ipynb")
            intro = nbformat.read(path, as_version=4).cells[0].source
            stated = re.search(r"\*\*Expected time:\*\* about (\d)–(\d) hours", intro)
            assert stated, f"{path.relative_to(ROOT)}: no expected time in the introduction"
            assert stated.groups() == (low, high), f"{path.relative_to(ROOT)} vs README: {time}"
