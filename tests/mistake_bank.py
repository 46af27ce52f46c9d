"""The mistake bank's shared pieces: one record for a learner's answer, one fast runner.

Every assignment keeps a bank of answers a learner might write: mistakes,
each of which a check of its own part must catch with one plain sentence
naming the cause, and right answers written other ways, which must pass.
This module holds what the banks share:

* :class:`Variant`, one answer: the part, a short name, the answer cell's
  code, and the pattern the failing check's message must match (``None``
  for a right answer);
* :class:`Notebook`, the assignment's solution notebook run once in this
  process; each variant then gets a fresh copy of the notebook's state, runs
  its answer cell and the part's graded cells (hidden ones too), and the
  results come back as :class:`live_notebook.CellResult` records, exactly as
  :class:`live_notebook.LiveNotebook` gives them from a real kernel but in
  milliseconds instead of seconds;
* :class:`Requirement`, one row of an assignment's requirement table: a
  sentence quoted from the task text, the graded cell that fails when the
  requirement is broken, and the bank mistake that proves it;
* the assertions every bank makes (:func:`assert_caught`,
  :func:`assert_passes`, :func:`assert_bank_size`,
  :func:`assert_requirements_traced`);
* :class:`BankTests`, the five tests every bank runs, written once: a test
  module subclasses it and names its notebook, bank and requirement table.

Example (in a test module)::

    NOTEBOOK = Notebook(SOLUTIONS / "ps02-who-to-talk-to")

    class TestBank(BankTests):
        NOTEBOOK = NOTEBOOK
        BANK = [Variant("a", "no strip", NOTEBOOK.edit("part-a-answer", ".strip()", ""),
                        r"spaces")]
        REQUIREMENTS = [Requirement("a", "Strip the spaces", "part-a-hidden", "no strip")]
        PARTS = "a"
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import re
import shutil
import signal
import tempfile
import textwrap
import types
import weakref
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import nbformat

from coffeechat.checks._core import MESSAGE_LIMIT
from live_notebook import CellResult, part_of

__all__ = [
    "CELL_TIMEOUT",
    "SOLUTIONS",
    "BankTests",
    "Notebook",
    "Requirement",
    "Variant",
    "assert_bank_size",
    "assert_caught",
    "assert_passes",
    "assert_requirements_traced",
    "mistakes",
    "requirement_sentences",
    "right_answers",
    "solution_answers",
    "variant_id",
]

SOLUTIONS = Path(__file__).resolve().parents[1] / "solutions"  # the instructor notebooks
CELL_TIMEOUT = 60  # seconds; a learner's endless loop fails its variant instead of hanging

_SOLUTION_MARK = re.compile(r"[ \t]*### (BEGIN|END) SOLUTION[ \t]*(\n|\Z)")


# ====================================================================== records


@dataclass(frozen=True)
class Variant:
    """One answer a learner might write for a part.

    Parameters
    ----------
    part : str
        The part's key (``"a"``, ``"b"``, ...).
    name : str
        A few words saying what the learner did.
    answer : str
        The whole answer cell's code, as the learner would leave it.
    expected : str or None
        For a mistake, a regular expression the failing check's message must
        match (it names the cause); ``None`` for a right answer.
    cell : str, optional
        The answer cell's grade id; ``part-<part>-answer`` by default.
    checks : tuple of str, optional
        The graded cells to run afterwards; every graded cell of the part
        (hidden ones included) by default.
    """

    part: str
    name: str
    answer: str
    expected: str | None = None
    cell: str | None = None
    checks: tuple[str, ...] | None = None

    @property
    def answer_cell(self) -> str:
        """The grade id of the cell this answer replaces."""
        return self.cell or f"part-{self.part}-answer"

    @property
    def is_mistake(self) -> bool:
        """Whether a check should fail on this answer."""
        return self.expected is not None


@dataclass(frozen=True)
class Requirement:
    """One row of a requirement table.

    Parameters
    ----------
    part : str
        The part whose text states it.
    text : str
        The requirement, quoted from the task text the learner reads (a
        markdown cell, or the docstring of a function they complete).
    check : str
        The grade id of the graded cell (visible or hidden) that fails when
        the requirement is broken.
    mistake : str
        The name of the bank mistake that breaks it, and so proves the check;
        for a freedom the text gives ("row order does not matter"), the name
        of a right answer that uses it, which the check must pass.
    """

    part: str
    text: str
    check: str
    mistake: str


def variant_id(variant: Variant) -> str:
    """A readable pytest id: ``"b: fewest hops taken for strongest"``."""
    return f"{variant.part}: {variant.name}"


def mistakes(bank: Iterable[Variant]) -> list[Variant]:
    """The bank's mistakes."""
    return [v for v in bank if v.is_mistake]


def right_answers(bank: Iterable[Variant]) -> list[Variant]:
    """The bank's right answers."""
    return [v for v in bank if not v.is_mistake]


def solution_answers(folder: Path) -> dict[str, str]:
    """Each answer cell's code in the folder's notebook, without the solution markers."""
    nb = nbformat.read(next(Path(folder).glob("*.ipynb")), as_version=4)
    return {
        c.metadata["nbgrader"]["grade_id"]: _SOLUTION_MARK.sub("", c.source)
        for c in nb.cells
        if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")
    }


# ====================================================================== the runner


class _Timeout(BaseException):
    """A cell ran past :data:`CELL_TIMEOUT` (a BaseException, so learner code cannot catch it)."""


@contextlib.contextmanager
def _time_limit(seconds: float):
    def stop(signum, frame):
        raise _Timeout()

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _fresh_copy(base: dict) -> dict:
    """A copy of a notebook's globals that a variant may change freely.

    Data is deep-copied (one memo, so shared objects stay shared); functions
    the notebook defined are re-created on the new globals, so that a later
    part's function calls the variant's version of an earlier one, as it
    would in the kernel. Modules and what cannot be copied are shared.
    """
    namespace: dict = {}
    memo: dict = {id(base): namespace}
    for value in base.values():
        if isinstance(value, types.FunctionType) and value.__globals__ is base:
            fresh = types.FunctionType(
                value.__code__, namespace, value.__name__, value.__defaults__, value.__closure__
            )
            fresh.__kwdefaults__ = value.__kwdefaults__
            fresh.__qualname__, fresh.__doc__ = value.__qualname__, value.__doc__
            fresh.__dict__.update(value.__dict__)
            memo[id(value)] = fresh
    for key, value in base.items():
        if key == "__builtins__" or isinstance(value, types.ModuleType):
            namespace[key] = value
            continue
        try:
            namespace[key] = copy.deepcopy(value, memo)
        except Exception:
            namespace[key] = value
    return namespace


class Notebook:
    """An assignment's solution notebook, run once in this process.

    Parameters
    ----------
    folder : Path
        The assignment's folder in ``solutions/`` (hidden tests included);
        it is copied to a temporary working folder, which is the current
        folder while cells run.
    """

    def __init__(self, folder: Path) -> None:
        found = sorted(Path(folder).glob("*.ipynb"))
        if len(found) != 1:
            raise ValueError(f"expected one notebook in {folder}, found {found}")
        self.nb = nbformat.read(found[0], as_version=4)
        self.answers = solution_answers(folder)
        self._work = Path(tempfile.mkdtemp(prefix="coffeechat-bank-"))
        shutil.copytree(folder, self._work, dirs_exist_ok=True)
        weakref.finalize(self, shutil.rmtree, self._work, ignore_errors=True)
        self._cells: dict[str, str] = {}
        self._graded: list[str] = []
        self._before: dict[str, tuple[int, dict]] = {}
        self._done: dict[tuple, dict[str, CellResult]] = {}
        self.first_run: dict[str, CellResult] = {}
        for cell in self.nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if cell.cell_type == "code" and meta.get("grade_id"):
                self._cells[meta["grade_id"]] = cell.source
                if meta.get("grade"):
                    self._graded.append(meta["grade_id"])

    # ------------------------------------------------------------- text
    def task_text(self) -> str:
        """What the learner is asked to do: the parts' markdown, the answer cells' words.

        The title cell (``# ...``, with the course's general instructions) and
        the recap (``## Recap``) are left out; answer cells count without
        their code (their docstrings and comments are part of the task).
        """
        pieces = [
            c.source
            for c in self.nb.cells
            if c.cell_type == "markdown"
            and not c.source.lstrip().startswith("# ")
            and "## Recap" not in c.source
        ]
        for grade_id in self.answers:
            source = re.sub(
                r"### BEGIN SOLUTION.*?### END SOLUTION", "", self._cells[grade_id], flags=re.S
            )
            pieces += re.findall(r'"""(.*?)"""', source, flags=re.S)
            pieces += re.findall(r"#\s*(.+)", source)
        return "\n\n".join(pieces)

    def swap(self, cell: str, code: str) -> str:
        """An answer cell with one function (``def name(...)``) replaced by ``code``."""
        code = textwrap.dedent(code).strip() + "\n\n\n"
        name = re.match(r"def (\w+)\(", code).group(1)
        source, count = re.subn(
            rf"^def {name}\(.*?(?=^\S|\Z)",
            lambda _: code,
            self.answers[cell],
            flags=re.S | re.M,
        )
        assert count == 1, f"no function {name} in {cell}"
        return source

    def edit(self, cell: str, old: str, new: str, count: int = 1) -> str:
        """An answer cell with one piece of the solution's code changed."""
        found = self.answers[cell].count(old)
        assert found == count, f"{old!r} occurs {found} times in {cell}, not {count}"
        return self.answers[cell].replace(old, new)

    # ------------------------------------------------------------- running
    def graded_cells(self, part: str) -> list[str]:
        """Grade ids of the part's graded cells (visible and hidden), in notebook order."""
        return [gid for gid in self._graded if part_of(gid) == part]

    def _start(self) -> None:
        """Run every cell once; keep a copy of the state before each answer cell."""
        if self._before:
            return
        base: dict = {"__name__": "__main__"}
        for index, cell in enumerate(self.nb.cells):
            if cell.cell_type != "code":
                continue
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("solution"):
                self._before[meta["grade_id"]] = (index, _fresh_copy(base))
            result = self._execute(cell.source, base)
            if meta.get("grade_id"):
                self.first_run[meta["grade_id"]] = result

    def _execute(self, source: str, namespace: dict) -> CellResult:
        printed = io.StringIO()
        here = Path.cwd()
        try:
            os.chdir(self._work)
            with contextlib.redirect_stdout(printed), _time_limit(CELL_TIMEOUT):
                exec(compile(source, "<cell>", "exec"), namespace)
        except _Timeout:
            return CellResult(False, printed.getvalue(), f"Timeout: over {CELL_TIMEOUT} s")
        except Exception as error:
            return CellResult(False, printed.getvalue(), f"{type(error).__name__}: {error}")
        finally:
            os.chdir(here)
        return CellResult(True, printed.getvalue(), "")

    def run(self, variant: Variant) -> dict[str, CellResult]:
        """Run a variant as a learner's "Restart and Run All" would, up to its checks.

        The state is a fresh copy of the solution's just before the answer
        cell; after the variant's answer, the cells that follow run in order
        up to the last check: the checks (visible and hidden), and every cell
        that is not graded (later answers, demo cells). Other graded cells
        are skipped.

        Returns
        -------
        dict
            Each check's grade id mapped to its result, plus the answer
            cell's own result under its grade id.
        """
        key = (variant.answer_cell, variant.answer, variant.checks, variant.part)
        if key in self._done:  # the same answer gives the same results: run it once
            return dict(self._done[key])
        self._start()
        index, before = self._before[variant.answer_cell]
        namespace = _fresh_copy(before)
        wanted = list(variant.checks or self.graded_cells(variant.part))
        results = {variant.answer_cell: self._execute(variant.answer, namespace)}
        for cell in self.nb.cells[index + 1 :]:
            if cell.cell_type != "code":
                continue
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in wanted:
                results[grade_id] = self._execute(cell.source, namespace)
                if all(check in results for check in wanted):
                    break
            elif grade_id not in self._graded:
                self._execute(cell.source, namespace)
        self._done[key] = dict(results)
        return results


# ====================================================================== assertions


def _checks_only(variant: Variant, results: dict[str, CellResult]) -> dict[str, CellResult]:
    return {gid: r for gid, r in results.items() if gid != variant.answer_cell}


def assert_caught(notebook: Notebook, variant: Variant) -> dict[str, CellResult]:
    """A check of the variant's part fails, in one plain sentence that names the cause."""
    results = notebook.run(variant)  # its answer cell may stop: a demo line may use the mistake
    failed = {gid: r for gid, r in _checks_only(variant, results).items() if not r.passed}
    assert failed, f"no check of part ({variant.part}) caught {variant.name!r}"
    for gid, result in failed.items():
        assert result.error.startswith("CheckFailed: "), f"{gid} showed {result.error}"
        assert len(result.message) <= MESSAGE_LIMIT, f"{gid}: {len(result.message)} characters"
        assert "Traceback" not in result.message and "\n" not in result.message.strip()
    messages = [r.message for r in failed.values()]
    assert any(re.search(variant.expected, m) for m in messages), messages
    return results


def assert_passes(notebook: Notebook, variant: Variant) -> dict[str, CellResult]:
    """A right answer passes its answer cell and every check of its part."""
    results = notebook.run(variant)
    failed = {gid: r.error for gid, r in results.items() if not r.passed}
    assert not failed, failed
    return results


def assert_bank_size(
    bank: Sequence[Variant], parts: str, per_part: int = 8, right: int = 5
) -> None:
    """At least ``per_part`` mistakes in every part and ``right`` right answers in all."""
    counted = Counter(v.part for v in mistakes(bank))
    short = {p: counted[p] for p in parts if counted[p] < per_part}
    assert not short, f"parts with fewer than {per_part} mistakes: {short}"
    assert len(right_answers(bank)) >= right, "too few right answers written other ways"
    names = Counter((v.part, v.name) for v in bank)
    assert all(n == 1 for n in names.values()), [k for k, n in names.items() if n > 1]


#: Words that make a sentence of the task text a requirement the checks must hold.
REQUIREMENT_WORDS = re.compile(
    r"\b(must|do not|don't|never|handles?|leave out|left out|leaving out|each once|only once|"
    r"once each|at most|at least|no more than|always|either|both|even|any order|does not matter|"
    r"whole|in any case|returns?|strip|keep|none|empty|NaN|same|use your|use the|only|exactly|"
    r"first|ties?|tied|one row per)\b",
    flags=re.IGNORECASE,
)


def _plain(text: str) -> str:
    text = re.sub(r"\*\*|(?<!\w)\*|\*(?!\w)", "", text)
    return " ".join(text.split())


def requirement_sentences(text: str) -> list[str]:
    """The sentences of a task text that state a requirement (:data:`REQUIREMENT_WORDS`)."""
    sentences = []
    text = re.sub(r"^#.*$", "", text, flags=re.M)  # headings name a part, they ask nothing
    for block in re.split(r"\n\s*(?:[-*]|\d+\.)\s+|\n\s*\n", text):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z`\"'(])", _plain(block)):
            if REQUIREMENT_WORDS.search(sentence):
                sentences.append(sentence)
    return sentences


def assert_requirements_traced(
    notebook: Notebook,
    table: Sequence[Requirement],
    bank: Sequence[Variant],
    asides: Iterable[str] = (),
) -> None:
    """Every requirement of the text has a check, and every check a mistake proving it.

    Parameters
    ----------
    notebook : Notebook
        The assignment's solution notebook; its task text is searched for
        requirement sentences, and the mistakes run in it.
    table : sequence of Requirement
        The assignment's requirement table.
    bank : sequence of Variant
        The assignment's mistake bank.
    asides : iterable of str
        Pieces of sentences that use a requirement word but ask nothing of
        the learner's code (advice for the conversation, a reading tip).
    """
    text = _plain(notebook.task_text())
    asides = [_plain(a) for a in asides]
    quoted = [_plain(r.text) for r in table]
    for sentence in requirement_sentences(notebook.task_text()):
        assert any(q in sentence for q in quoted) or any(a in sentence for a in asides), (
            f"a requirement with no row in the table: {sentence!r}"
        )
    by_name = {(v.part, v.name): v for v in bank}
    for row in table:
        assert _plain(row.text) in text, f"not in the task text: {row.text!r}"
        assert row.check in notebook.graded_cells(part_of(row.check)), f"no graded {row.check}"
        variant = by_name.get((row.part, row.mistake))
        assert variant is not None, f"no mistake {row.mistake!r} in part ({row.part})"
        results = notebook.run(variant)
        assert row.check in results, f"{row.mistake!r} does not run {row.check}"
        if variant.is_mistake:
            assert not results[row.check].passed, (
                f"{row.check} passes {row.mistake!r}, which breaks {row.text!r}"
            )
        else:  # a freedom the text gives ("any order"): a right answer using it passes
            assert results[row.check].passed, (
                f"{row.check} fails {row.mistake!r}, which {row.text!r} allows: "
                f"{results[row.check].error}"
            )


# ====================================================================== the tests


def _each(select):
    """Mark a :class:`BankTests` method to run once per answer that ``select`` picks."""

    def mark(test):
        test.bank_select = select
        return test

    return mark


class BankTests:
    """The tests every assignment's bank runs; a test module subclasses it.

    They prove that every part has at least eight mistakes, each caught by a
    check of its own part (visible or hidden) with one plain sentence naming
    the cause; that right answers written other ways pass; that the solution
    passes every check; and that each requirement the task text states has a
    row in the requirement table, whose check fails on the mistake that
    breaks it. Variants run in the solution notebook's state, in this process
    (:class:`Notebook`).

    The subclass (named ``Test...`` so that pytest collects it) sets the
    class attributes below. The per-answer tests get one test item per
    answer, with :func:`variant_id` as its id; a mistake no check catches
    fails its own item.

    Attributes
    ----------
    NOTEBOOK : Notebook
        The assignment's solution notebook.
    BANK : sequence of Variant
        Its mistakes and right answers.
    REQUIREMENTS : sequence of Requirement
        Its requirement table.
    ASIDES : sequence of str
        Sentences with a requirement word that ask nothing of the code.
    PARTS : str
        The parts' keys, each of which needs eight mistakes (``"abcd"``).
    """

    NOTEBOOK: Notebook
    BANK: Sequence[Variant] = ()
    REQUIREMENTS: Sequence[Requirement] = ()
    ASIDES: Sequence[str] = ()
    PARTS: str = ""

    def pytest_generate_tests(self, metafunc) -> None:
        """One item per answer for the tests marked with :func:`_each`."""
        select = getattr(metafunc.function, "bank_select", None)
        if select is not None:
            metafunc.parametrize("variant", select(self.BANK), ids=variant_id)

    def test_the_bank_is_big_enough(self) -> None:
        """At least eight mistakes per part and five right answers in all."""
        assert_bank_size(self.BANK, self.PARTS)

    def test_the_solution_passes_every_check(self) -> None:
        """The solution notebook passes every visible and hidden check."""
        self.NOTEBOOK.run(right_answers(self.BANK)[0])
        failed = {gid: r.error for gid, r in self.NOTEBOOK.first_run.items() if not r.passed}
        assert failed == {}

    @_each(mistakes)
    def test_each_mistake_is_caught_with_its_cause(self, variant: Variant) -> None:
        """A check of the mistake's own part fails, in one plain sentence naming the cause."""
        assert_caught(self.NOTEBOOK, variant)

    @_each(right_answers)
    def test_right_answers_written_other_ways_pass(self, variant: Variant) -> None:
        """A right answer in the learner's own style passes every check of its part."""
        assert_passes(self.NOTEBOOK, variant)

    def test_every_requirement_is_checked_and_proved(self) -> None:
        """Each requirement of the text has a check, and a bank answer proves the check works."""
        assert_requirements_traced(self.NOTEBOOK, self.REQUIREMENTS, self.BANK, self.ASIDES)
