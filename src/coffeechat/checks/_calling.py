"""Running a learner's code: friendly errors, right variants, blaming an earlier part.

- :func:`call` runs a learner's function and turns "not written yet", a crash
  or a value that is not a function into one plain sentence;
  :func:`expect_type` does the same for a result of the wrong type.
- :func:`passes_one_of` accepts an answer that is right for any one of
  several equally valid inputs (a table whose blanks are NaN, or ``''``);
  :func:`blanks_as_nan` and :func:`blanks_as_empty` make those tables.
- :func:`blame_earlier` reruns a failed check with the reference for an
  earlier part (described by :class:`Earlier`) and, when that passes, says
  which earlier function is the cause.

Rules 1 to 3 of the check standard (:mod:`coffeechat.checks`).
"""

from __future__ import annotations

import contextlib
import io
import types
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from coffeechat import _args
from coffeechat.checks._messages import MESSAGE_LIMIT, brief, fail, short
from coffeechat.errors import CheckFailed

__all__ = [
    "Earlier",
    "blame_earlier",
    "blank",
    "blanks_as_empty",
    "blanks_as_nan",
    "call",
    "checked",
    "expect_type",
    "fresh",
    "global_names",
    "learner_function",
    "passes_one_of",
]


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


def fresh(contacts: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """A copy a learner's function may change without spoiling the next test."""
    return {person: list(others) for person, others in contacts.items()}


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


def global_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= global_names(const)
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
    used = [e for e in earlier if e.name in global_names(code)]
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
