"""What every assignment's checks share: the machinery of the check standard.

The standard itself is stated in :mod:`coffeechat.checks`; here is what the
checks of each assignment use to follow it:

- :func:`call` runs a learner's function and turns "not written yet", a crash
  or a value that is not a function into one plain sentence;
  :func:`expect_type` does the same for a result of the wrong type.
- :func:`blame_earlier` reruns a failed check with the reference for an
  earlier part (described by :class:`Earlier`) and, when that passes, says
  which earlier function is the cause.
- :func:`passes_one_of` accepts an answer that is right for any one of
  several equally valid inputs (a table whose blanks are NaN, or ``''``);
  :func:`blanks_as_nan` and :func:`blanks_as_empty` make those tables.
- :func:`fail`, :func:`listing`, :func:`brief` and :func:`arrow_chain` keep a
  message to one problem, at most three examples and under
  :data:`MESSAGE_LIMIT` characters.
- :func:`not_defined` is the sentence for a name a check cell needs but the
  notebook has not defined yet; :func:`install_notebook_messages` shows it in
  place of IPython's ``NameError`` traceback in check cells.
- :class:`Assignment`, :class:`Part` and :class:`GradedTest` describe an
  assignment; :func:`scoreboard` is the learner's self-check.

A private module: the checks of each assignment (``ps01``, ``ps02``, ...)
import from it; notebooks use :mod:`coffeechat.checks`.
"""

from __future__ import annotations

import contextlib
import difflib
import html
import importlib
import io
import linecache
import os
import re
import types
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NoReturn

import pandas as pd

from coffeechat import _args, room
from coffeechat.checks._integrity import scoreboard_notes
from coffeechat.errors import CheckFailed, InvalidParameter

#: The longest a check's message may be, in characters.
MESSAGE_LIMIT = 400

#: How many examples a message shows at most.
EXAMPLES = 3


# --------------------------------------------------------------- plumbing
def passed(message: str) -> None:
    """Tell the learner a check passed (stdout: nbgrader reads stderr as a failure)."""
    print(f"\N{CHECK MARK} {message}")


def call(function: Any, args: Sequence[Any], name: str) -> Any:
    """Call a learner's function; turn its errors into friendly ones.

    Warnings and anything the function writes to the error stream are caught,
    so a harmless warning never costs points (nbgrader fails a test cell that
    writes to stderr); what the function wrote is shown on stdout instead.

    Parameters
    ----------
    function : callable
        The learner's function (anything else is explained, not called).
    args : sequence
        The arguments to call it with.
    name : str
        How the message names the call, e.g. ``"degrees_of_separation(contacts, 'me')"``.

    Raises
    ------
    CheckFailed
        If ``function`` is not a function, is not written yet, or raises.

    Examples
    --------
    >>> def stub(path):
    ...     raise NotImplementedError()
    >>> try:
    ...     call(stub, ["x.csv"], "load_connections")
    ... except CheckFailed as err:
    ...     print(err)
    load_connections is not written yet: replace `raise NotImplementedError()` with your code.
    """
    learner_function(function, name)
    stderr = io.StringIO()
    try:
        with warnings.catch_warnings(), contextlib.redirect_stderr(stderr):
            warnings.simplefilter("ignore")
            result = function(*args)
    except NotImplementedError as err:
        raise CheckFailed(
            f"{name} is not written yet: replace `raise NotImplementedError()` with your code."
        ) from err
    except CheckFailed:
        raise
    except RecursionError as err:
        raise CheckFailed(
            f"{name} called itself without end (RecursionError). Use a loop over a "
            "queue instead of calling the function inside itself."
        ) from err
    except Exception as err:
        detail = brief(str(err), 120, quote=False)
        what = type(err).__name__ + (f": {detail}" if str(err) else "")
        where = "The traceback above points at the line in your code."
        raise CheckFailed(short(f"{name} stopped with {what}. {where}")) from err
    if stderr.getvalue().strip():
        print(f"(note: {name} wrote to the error stream: {stderr.getvalue().strip()[:300]})")
    return result


def learner_function(value: object, name: str) -> None:
    """Explain, as :class:`CheckFailed`, a learner's value that is not a function.

    Examples
    --------
    >>> try:
    ...     learner_function(42, "load")
    ... except CheckFailed as err:
    ...     print(err)
    load should be a function you defined with def, but it is a int: 42.
    """
    if not callable(value):
        fail(
            f"{name} should be a function you defined with def, but it is a "
            f"{type(value).__name__}"
            + (" (run the cell where you define it)." if value is None else f": {brief(value)}.")
        )


def checked(function: Any = None, /, **rules: Callable[[object, str], None]) -> Any:
    """Check a check's arguments on entry (:func:`coffeechat._args.checked`).

    The notebook's values (a network, a table, a seed) that are of the wrong
    kind raise :class:`~coffeechat.errors.InvalidParameter`; a learner's
    value given where a function (annotated ``Callable``) belongs is explained
    as :func:`call` explains it, as :class:`CheckFailed`. What the learner's
    function does once called is left to the check and :func:`call`.
    """
    return _args.checked(function, functions=learner_function, **rules)


def expect_type(
    value: object, kinds: type | tuple[type, ...], name: str, should: str, *, advice: str = ""
) -> Any:
    """Return ``value`` if it is one of ``kinds``; otherwise explain in one sentence.

    Parameters
    ----------
    value : object
        What the learner's function returned (or the learner's variable).
    kinds : type or tuple of types
        The accepted types (list every type the text allows).
    name : str
        The learner's name for it, e.g. ``"contacts_per_organization"``.
    should : str
        What it should be, in words: ``"a pandas Series of counts"``.
    advice : str, optional
        A last sentence saying how to get the right type.

    Raises
    ------
    CheckFailed
        Naming what the value is; ``None`` gets "did you forget `return`?".

    Examples
    --------
    >>> expect_type({"a": 1}, dict, "degrees_of_separation", "a dict")
    {'a': 1}
    >>> try:
    ...     expect_type(None, dict, "degrees_of_separation", "a dict")
    ... except CheckFailed as err:
    ...     print(err)
    degrees_of_separation should give a dict, but it gave None: did you forget `return`?
    """
    if isinstance(value, kinds):
        return value
    if value is None:
        fail(f"{name} should give {should}, but it gave None: did you forget `return`?")
    fail(
        f"{name} should give {should}, but it gave a {type(value).__name__} "
        f"({brief(value)}). {advice}".strip()
    )


def fail(message: str) -> NoReturn:
    """Raise :class:`CheckFailed` with ``message``, kept under :data:`MESSAGE_LIMIT`.

    Examples
    --------
    >>> try:
    ...     fail("Ana Ruiz is 1 tie from you, but your answer says 2.")
    ... except CheckFailed as err:
    ...     print(err)
    Ana Ruiz is 1 tie from you, but your answer says 2.
    """
    raise CheckFailed(short(message))


def short(message: str, limit: int = MESSAGE_LIMIT) -> str:
    """``message`` cut at a sentence end (or a word) so it has at most ``limit`` characters.

    Examples
    --------
    >>> short("One problem. A long hint " + "x" * 400, limit=40)
    'One problem.'
    """
    if len(message) <= limit:
        return message
    head = message[: limit - 1]
    end = max(head.rfind(". "), head.rfind("? "))
    if end > 0:
        return head[: end + 1]
    return head[: head.rfind(" ")].rstrip(",;") + "\N{HORIZONTAL ELLIPSIS}"


def brief(value: object, width: int = 60, *, quote: bool = True) -> str:
    """A short ``repr`` (or ``str``) of a learner's value, for a message.

    Examples
    --------
    >>> brief(list(range(100)), 20)
    '[0, 1, 2, 3, 4, 5,…'
    >>> brief("Ana")
    "'Ana'"
    """
    text = repr(value) if quote else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\N{HORIZONTAL ELLIPSIS}"


def fresh(contacts: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """A copy a learner's function may change without spoiling the next test."""
    return {person: list(others) for person, others in contacts.items()}


def plural(number: object, word: str, many: str | None = None) -> str:
    """``1 tie``, ``2 ties``: a number with its noun."""
    return f"{number} {word if number == 1 else many or word + 's'}"


def listing(items: Sequence[str], limit: int = EXAMPLES) -> str:
    """At most ``limit`` items, then how many more: a message never lists forty names.

    Examples
    --------
    >>> listing(["Ana", "Ben", "Cy", "Dee", "Eli"])
    'Ana, Ben, Cy and 2 more'
    >>> listing(["Ana", "Ben"])
    'Ana, Ben'
    """
    items = list(items)
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def arrow_chain(labels: Sequence[str], limit: int = 6) -> str:
    """A chain written with arrows, its middle left out when it is long.

    Examples
    --------
    >>> arrow_chain(["you", "Ana", "Ben"])
    'you → Ana → Ben'
    >>> arrow_chain([str(n) for n in range(40)])
    '0 → 1 → 2 → … → 37 → 38 → 39 (39 hops)'
    """
    arrow = " \N{RIGHTWARDS ARROW} "
    labels = [str(label) for label in labels]
    if len(labels) <= limit:
        return arrow.join(labels)
    head, tail = labels[: limit // 2], labels[-(limit // 2) :]
    return (
        f"{arrow.join(head)}{arrow}\N{HORIZONTAL ELLIPSIS}{arrow}{arrow.join(tail)} "
        f"({len(labels) - 1} hops)"
    )


def blank(value: object) -> bool:
    """Whether a cell is empty: None, NaN (what pd.read_csv gives) or blank text."""
    if value is None:
        return True
    try:
        if pd.isna(value):
            return True
    except (TypeError, ValueError):
        return False
    return isinstance(value, str) and not value.strip()


def blanks_as_nan(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` with every blank text cell as NaN, as ``pd.read_csv`` gives it.

    Examples
    --------
    >>> blanks_as_nan(pd.DataFrame({"Company": ["Acme", "", None]}))["Company"].isna().tolist()
    [False, True, True]
    """
    table = table.copy()
    for column in table.columns:
        if not pd.api.types.is_datetime64_any_dtype(table[column]):
            values = [float("nan") if blank(v) else v for v in table[column]]
            table[column] = pd.Series(values, index=table.index)
    return table


def blanks_as_empty(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` with every blank text cell as ``''`` (``keep_default_na=False``).

    Examples
    --------
    >>> blanks_as_empty(pd.DataFrame({"Company": ["Acme", None]}))["Company"].tolist()
    ['Acme', '']
    """
    table = table.copy()
    for column in table.columns:
        if not pd.api.types.is_datetime64_any_dtype(table[column]):
            values = ["" if blank(v) else v for v in table[column]]
            table[column] = pd.Series(values, index=table.index)
    return table


def passes_one_of(*attempts: Callable[[], object]) -> None:
    """Pass if any attempt passes; otherwise raise the first attempt's failure.

    Use it when the text allows more than one input or answer: the first
    attempt is the one the learner meets in the notebook (its message is the
    one shown), the others are equally valid variants.

    Examples
    --------
    >>> def on_nan():
    ...     fail("your counts include an empty company.")
    >>> passes_one_of(on_nan, lambda: None)
    >>> try:
    ...     passes_one_of(on_nan, on_nan)
    ... except CheckFailed as err:
    ...     print(err)
    your counts include an empty company.
    """
    first: CheckFailed | None = None
    for attempt in attempts:
        try:
            with contextlib.redirect_stdout(io.StringIO()) if first else contextlib.nullcontext():
                attempt()
        except CheckFailed as err:
            first = first or err
        else:
            return
    if first is not None:
        raise first


# ------------------------------------------------------ earlier parts
@dataclass(frozen=True)
class Earlier:
    """A function of an earlier part that a learner's function may call.

    Parameters
    ----------
    name : str
        The function's name in the notebook, e.g. ``"role_family"``.
    part : str
        The part (and check) where it is written, e.g. ``"b2"``.
    reference : callable
        A right version, with the same parameters.
    check : callable, optional
        Runs that part's own check on a function (raising CheckFailed); its
        message is added, when it fits, to say what is wrong.
    """

    name: str
    part: str
    reference: Callable[..., Any]
    check: Callable[[Any], object] | None = None


def _global_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _global_names(const)
    return names


@contextlib.contextmanager
def _replaced(namespace: dict[str, Any], values: Mapping[str, Any]) -> Iterator[None]:
    missing = object()
    saved = {name: namespace.get(name, missing) for name in values}
    namespace.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is missing:
                namespace.pop(name, None)
            else:
                namespace[name] = value


def _quietly_passes(check: Callable[[], object]) -> bool:
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            check()
    except CheckFailed:
        return False
    return True


def blame_earlier(check: Callable[[], object], function: Any, *earlier: Earlier) -> None:
    """Run ``check``; if it fails only because of an earlier part, say so.

    When ``check()`` raises :class:`CheckFailed`, it is run again with each
    earlier function that ``function`` uses swapped for its reference (in the
    notebook's namespace, put back afterwards). If it then passes, the learner's
    function is right and the earlier part is the cause: the message says so
    instead of failing the function. Otherwise the first failure stands.

    Parameters
    ----------
    check : callable
        Runs the whole check of ``function`` (no arguments); raises CheckFailed.
    function : callable
        The learner's function under check (its globals are the notebook's).
    *earlier : Earlier
        The earlier parts' functions it may call.

    Raises
    ------
    CheckFailed
        The check's own message, or "your `role_family` (part b2) is the
        cause — fix that first".

    Examples
    --------
    >>> def double(x):
    ...     return 3 * x
    >>> namespace = {"double": double}
    >>> exec("def quadruple(x):\\n    return double(double(x))", namespace)
    >>> def check():
    ...     if namespace["quadruple"](1) != 4:
    ...         fail("quadruple(1) should be 4.")
    >>> try:
    ...     blame_earlier(check, namespace["quadruple"], Earlier("double", "a", lambda x: 2 * x))
    ... except CheckFailed as err:
    ...     print(err)
    Your `quadruple` is right once `double` is: your `double` (part a) is the
    cause — fix that first.
    """
    try:
        check()
        return
    except CheckFailed as err:
        failure = err
    namespace = getattr(function, "__globals__", None)
    code = getattr(function, "__code__", None)
    if namespace is None or code is None:
        raise failure
    used = [e for e in earlier if e.name in _global_names(code)]
    culprits: list[Earlier] = []
    for one in used:
        with _replaced(namespace, {one.name: one.reference}):
            if _quietly_passes(check):
                culprits = [one]
                break
    if not culprits and len(used) > 1:
        with _replaced(namespace, {e.name: e.reference for e in used}):
            if _quietly_passes(check):
                culprits = used
    if not culprits:
        raise failure
    mine = getattr(function, "__name__", "function")
    names = " and ".join(f"`{e.name}`" for e in culprits)
    parts = " and ".join(f"`{e.name}` (part {e.part})" for e in culprits)
    message = (
        f"Your `{mine}` is right once {names} {'is' if len(culprits) == 1 else 'are'}: "
        f"your {parts} {'is' if len(culprits) == 1 else 'are'} the cause \N{EM DASH} "
        "fix that first."
    )
    reason = _earlier_reason(culprits[0], namespace)
    if reason and len(message) + len(reason) + 12 <= MESSAGE_LIMIT:
        message += f" Check ({culprits[0].part}) says: {reason}"
    elif reason:
        message += f" Check ({culprits[0].part}) shows what is wrong with it."
    raise CheckFailed(message) from failure.__cause__


def _earlier_reason(earlier: Earlier, namespace: Mapping[str, Any]) -> str:
    if earlier.check is None or earlier.name not in namespace:
        return ""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            earlier.check(namespace[earlier.name])
    except CheckFailed as err:
        return str(err)
    return ""


# ----------------------------------------------------- names not defined
def not_defined(
    name: str, assignment: Assignment | None = None, namespace: Mapping[str, Any] | None = None
) -> str:
    """The sentence for a check cell that uses a name the notebook has not defined yet.

    Parameters
    ----------
    name : str
        The name that is not defined.
    assignment : Assignment, optional
        Where to look up which part defines it (or the function that makes it).
    namespace : mapping, optional
        The notebook's variables, to tell "not written yet" from "not run yet".

    Examples
    --------
    >>> from coffeechat.checks import ASSIGNMENTS
    >>> spec = ASSIGNMENTS["ps01-who-can-introduce-you"]
    >>> print(not_defined("connections", spec))
    `connections` is not defined yet: run the cell with `load_connections` (part
    a) first.
    >>> def load_connections(path):
    ...     raise NotImplementedError()
    >>> print(not_defined("connections", spec, {"load_connections": load_connections}))
    `connections` is not defined yet: `load_connections` (part a) is not written
    yet — write it, run its cell, then this one.
    >>> print(not_defined("role_family", spec))
    `role_family` is not defined yet: write it in the answer cell of part (b), run
    that cell, then this one.
    """
    namespace = {} if namespace is None else namespace
    if assignment is not None:
        maker = dict(assignment.made_by).get(name)
        for part in assignment.parts:
            if name in part.functions:
                return (
                    f"`{name}` is not defined yet: write it in the answer cell of part "
                    f"({part.key}), run that cell, then this one."
                )
            if maker in part.functions:
                where = f"`{maker}` (part {part.key})"
                function = namespace.get(maker)
                if function is None:
                    return f"`{name}` is not defined yet: run the cell with {where} first."
                if _unwritten(function):
                    return (
                        f"`{name}` is not defined yet: {where} is not written yet "
                        "\N{EM DASH} write it, run its cell, then this one."
                    )
                return (
                    f"`{name}` is not defined yet: run the cell with {where} again; if "
                    "it stops with an error, fix that first."
                )
    return (
        f"`{name}` is not defined yet: run the cells above this one first "
        "(Run \N{RIGHTWARDS ARROW} Run All Above Selected Cell)."
    )


def _unwritten(function: object) -> bool:
    """Whether a learner's function still raises NotImplementedError (the exercise stub)."""
    code = getattr(function, "__code__", None)
    return code is not None and "NotImplementedError" in _global_names(code)


def _assignment_for(source: str) -> Assignment | None:
    from coffeechat.checks import ASSIGNMENTS

    called = set(re.findall(r"checks\.(\w+)\(", source))
    for spec in ASSIGNMENTS.values():
        if any(t.call and t.call.split("(")[0] in called for t in spec.tests):
            return spec
    return None


def _assignment_defining(name: str) -> Assignment | None:
    from coffeechat.checks import ASSIGNMENTS

    for spec in ASSIGNMENTS.values():
        if name in spec.made_by or any(name in p.functions for p in spec.parts):
            return spec
    return None


def _check_cell_name_error(
    shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None
) -> None:
    """IPython's NameError handler: one sentence in a check cell, the usual traceback elsewhere."""
    try:
        last = tb
        while last is not None and last.tb_next is not None:
            last = last.tb_next
        frame = last.tb_frame if last is not None else None
        source = ""
        if frame is not None and frame.f_code.co_name == "<module>":
            source = "".join(linecache.getlines(frame.f_code.co_filename))
        name = getattr(value, "name", None)
        if name and "checks." in source:
            spec = _assignment_for(source) or _assignment_defining(name)
            message = CheckFailed(not_defined(name, spec, shell.user_ns))
            shell.showtraceback((CheckFailed, message, None))
            return
    except Exception:  # a handler must never break the notebook: fall back
        pass
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def install_notebook_messages() -> bool:
    """In IPython, show a check cell's NameError as one sentence (see :func:`not_defined`).

    Elsewhere (plain Python, nbgrader's own process) it does nothing. The cell
    still fails, with a ``CheckFailed`` error, so nbgrader counts it as failed.

    Returns
    -------
    bool
        Whether the handler is now installed.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return False
    shell = get_ipython()
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    if getattr(shell, "custom_exceptions", ()) not in ((), (NameError,)):
        return False  # someone else's handler: leave it alone
    shell.set_custom_exc((NameError,), _check_cell_name_error)
    return True


# ---------------------------------------------------------- assignments
@dataclass(frozen=True)
class GradedTest:
    """One graded test cell of an assignment.

    Parameters
    ----------
    grade_id : str
        The cell's nbgrader ``grade_id``.
    points : float
        Its nbgrader points.
    call : str or None
        The check the visible cell runs, as written after ``checks.`` in the
        cell; None for a cell of hidden tests or a manually graded answer.
    manual : bool
        True for an answer the instructor marks by hand (an nbgrader
        manually graded answer cell): no check runs it.
    """

    grade_id: str
    points: float
    call: str | None = None
    manual: bool = False

    @property
    def hidden(self) -> bool:
        """Whether the cell's tests are hidden from learners."""
        return self.call is None and not self.manual


@dataclass(frozen=True)
class Part:
    """One part of an assignment: a title, its graded tests, the functions it asks for.

    ``functions`` names what the learner writes in the part, so that a check
    cell run too early can say where a missing name comes from.
    """

    key: str
    title: str
    tests: tuple[GradedTest, ...]
    functions: tuple[str, ...] = ()

    @property
    def points(self) -> float:
        """All the points the part is worth, hidden tests included."""
        return sum(t.points for t in self.tests)


@dataclass(frozen=True)
class Assignment:
    """A graded assignment: its folder and notebook names, title and parts.

    ``made_by`` maps a variable the check cells use to the learner's function
    that makes it (``{"connections": "load_connections"}``), for
    :func:`not_defined`.
    """

    name: str
    notebook: str
    title: str
    parts: tuple[Part, ...]
    made_by: Mapping[str, str] = field(default_factory=dict)

    @property
    def points(self) -> float:
        """All the points the assignment is worth."""
        return sum(p.points for p in self.parts)

    @property
    def tests(self) -> tuple[GradedTest, ...]:
        """Every graded test, in notebook order."""
        return tuple(t for p in self.parts for t in p.tests)


# ------------------------------------------------------------ scoreboard
@dataclass(frozen=True)
class PartResult:
    """How a learner is doing on one part, from the visible checks alone."""

    part: Part
    earned: float
    visible: float
    notes: tuple[str, ...]

    @property
    def hidden(self) -> float:
        """Points from hidden tests, known only after grading."""
        return self.part.points - self.visible


@dataclass(frozen=True)
class Scoreboard:
    """A learner's self-check: visible points earned per part.

    Shown as a table in a notebook and as plain text elsewhere. ``graded`` is
    True when the notebook is being graded by nbgrader; then the checks are
    not rerun and the feedback shows the real scores.
    """

    assignment: Assignment
    parts: tuple[PartResult, ...]
    graded: bool = False

    @property
    def earned(self) -> float:
        """Visible points earned so far."""
        return sum(r.earned for r in self.parts)

    @property
    def visible(self) -> float:
        """Points the visible checks are worth."""
        return sum(r.visible for r in self.parts)

    def _rows(self) -> list[tuple[str, str, str]]:
        rows = []
        for r in self.parts:
            status = "\N{CHECK MARK} all visible checks pass" if not r.notes else r.notes[0]
            if not r.visible and any(t.manual for t in r.part.tests):
                status = "written answers: your instructor marks them"
            rows.append(
                (
                    f"({r.part.key}) {r.part.title}",
                    f"{_points(r.earned)} / {_points(r.visible)}",
                    status,
                )
            )
        return rows

    def _footer(self) -> str:
        manual = sum(t.points for t in self.assignment.tests if t.manual)
        hidden = self.assignment.points - self.visible - manual
        text = f"Visible checks: {_points(self.earned)} of {_points(self.visible)} points."
        if hidden:
            text += f" Hidden checks, worth {_points(hidden)} more, run when your work is graded."
        if manual:
            text += f" Your instructor marks the written answers ({_points(manual)} points)."
        return text

    def __str__(self) -> str:
        if self.graded:
            return _GRADED_MESSAGE
        width = max(len(r[0]) for r in self._rows())
        lines = [f"Self-check: {self.assignment.title}"]
        lines += [f"  {a:<{width}}  {b:>9}  {c}" for a, b, c in self._rows()]
        lines.append(self._footer())
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        if self.graded:
            return f"<p>{html.escape(_GRADED_MESSAGE)}</p>"
        cells = "".join(
            f"<tr><td style='text-align:left'>{html.escape(a)}</td><td>{html.escape(b)}</td>"
            f"<td style='text-align:left'>{html.escape(c)}</td></tr>"
            for a, b, c in self._rows()
        )
        return (
            f"<table><caption>Self-check: {html.escape(self.assignment.title)}</caption>"
            f"<tr><th>part</th><th>points</th><th>status</th></tr>{cells}</table>"
            f"<p>{html.escape(self._footer())}</p>"
        )


_GRADED_MESSAGE = "This notebook is being graded: the scores above come from all the tests."


def _points(value: float) -> str:
    return f"{value:g}"


def scoreboard(assignment: str, namespace: Mapping[str, Any]) -> Scoreboard:
    """Rerun an assignment's visible checks and score each part.

    Parameters
    ----------
    assignment : str
        The assignment's folder name, a key of :data:`ASSIGNMENTS`.
    namespace : mapping
        Where the learner's work lives; in a notebook, ``globals()``.

    Returns
    -------
    Scoreboard
        Visible points earned per part, with the first problem found in each.

    Raises
    ------
    InvalidParameter
        If there is no such assignment (the message names the close ones).

    Examples
    --------
    >>> board = scoreboard("ps01-who-can-introduce-you", {})
    >>> board.earned, board.visible
    (0.0, 12.0)
    >>> print(board.parts[0].notes[0])
    `connections` is not defined yet: run the cell with `load_connections` (part a) first.
    """
    from coffeechat.checks import ASSIGNMENTS

    if not isinstance(namespace, Mapping):
        raise InvalidParameter(f"namespace must be a mapping such as globals(), not {namespace!r}")
    if not isinstance(assignment, str) or assignment not in ASSIGNMENTS:
        close = difflib.get_close_matches(str(assignment), list(ASSIGNMENTS), n=1)
        hint = (
            f"did you mean {close[0]!r}?"
            if close
            else "the assignments are " + ", ".join(map(repr, ASSIGNMENTS))
        )
        raise InvalidParameter(f"there is no assignment {assignment!r}; {hint}")
    spec = ASSIGNMENTS[assignment]
    if os.environ.get("NBGRADER_EXECUTION") == "autograde":
        return Scoreboard(spec, (), graded=True)
    env = dict(namespace)
    env["checks"] = importlib.import_module("coffeechat.checks")
    tampered = scoreboard_notes(spec, namespace)  # deleted, copied or edited test cells
    results = []
    for part in spec.parts:
        earned, visible, notes = 0.0, 0.0, []
        for test in part.tests:
            if test.call is None:
                continue
            visible += test.points
            try:
                with contextlib.redirect_stdout(io.StringIO()), room.quiet():
                    eval("checks." + test.call, env)
            except NameError as err:
                notes.append(not_defined(str(err.name), spec, namespace))
            except CheckFailed as err:
                notes.append(str(err))
            except Exception as err:
                notes.append(f"{type(err).__name__}: {err}")
            else:
                earned += test.points
        results.append(PartResult(part, earned, visible, (*tampered.get(part.key, ()), *notes)))
    return Scoreboard(spec, tuple(results))
