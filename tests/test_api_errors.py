"""The promise of coffeechat.errors: every deliberate error is a CoffeeChatError.

Every public callable — everything in ``coffeechat.__all__`` and the public
callables of :mod:`coffeechat.ui` and :mod:`coffeechat.checks` — is called with
arguments of the wrong type, one argument at a time, the others right where a
right value is at hand. Whatever comes out must be a ``CoffeeChatError``
(``InvalidParameter`` for an argument mistake), never a bare ``KeyError``,
``TypeError`` or ``AttributeError`` from deep inside.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

import coffeechat
from coffeechat import checks, ui
from coffeechat.contacts import Network, Person, Tie
from coffeechat.errors import CheckFailed, CoffeeChatError, InvalidParameter

WRONG: list[object] = [object(), 42, -1, 2.5, True, "", "no-such-thing", [object()], {"a": 1}]


def _network() -> Network:
    return Network(
        [Person("me", "Sam"), Person("ana", "Ana Ruiz", "Acme"), Person("ben", "Ben Ode")],
        [Tie("me", "ana", 0.8, "friend"), Tie("ana", "ben", 0.5, "colleague")],
    )


#: Right values for parameters, by name, so that the wrong one is the one checked.
RIGHT: dict[str, Callable[[], object]] = {
    "network": _network,
    "net": _network,
    "target": lambda: "ben",
    "text": lambda: "Hello, I found your name in the Lakeside alumni directory.",
    "sent_on": lambda: "2025-03-03",
    "met_at": lambda: "2025-03-03",
    "sent_at": lambda: "2025-03-04",
    "data": lambda: [{"contact": "Ana Ruiz", "sent_on": "2025-03-03"}],
    "tracker": lambda: coffeechat.make_tracker([{"contact": "Ana", "sent_on": "2025-03-03"}]),
    "goals": lambda: ["culture"],
    "people": lambda: pd.DataFrame({"id": ["me"], "name": ["Sam"]}),
    "ties": lambda: pd.DataFrame({"source": [], "target": []}),
}

SKIP = {
    # no arguments to get wrong, or reads whole sample files by name
    "load_sample_network",
    "load_sample_organizations",
    "install_notebook_messages",
}


def _public() -> list[tuple[str, Callable[..., Any]]]:
    found: dict[str, Callable[..., Any]] = {}
    for module in (coffeechat, ui, checks):
        names = getattr(module, "__all__", [n for n in dir(module) if not n.startswith("_")])
        for name in names:
            value = getattr(module, name)
            if callable(value) and not isinstance(value, type(coffeechat)) and name not in SKIP:
                if inspect.isclass(value) and issubclass(value, BaseException):
                    continue
                found.setdefault(f"{module.__name__}.{name}", value)
    return sorted(found.items())


def _calls(func: Callable[..., Any]) -> list[tuple[str, dict[str, object]]]:
    """Keyword arguments for each call: one parameter wrong, the others right or wrong too."""
    try:
        params = [
            p
            for p in inspect.signature(func).parameters.values()
            if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
    except (TypeError, ValueError):
        return []
    calls = []
    for wrong_one in params:
        if wrong_one.name.startswith("_"):
            raise AssertionError(f"{func.__qualname__} shows a private parameter {wrong_one.name}")
        for bad in WRONG:
            kwargs: dict[str, object] = {}
            for p in params:
                if p is wrong_one:
                    kwargs[p.name] = bad
                elif p.name in RIGHT:
                    kwargs[p.name] = RIGHT[p.name]()
                elif p.default is not p.empty:
                    continue
                else:
                    kwargs[p.name] = bad
            calls.append((f"{wrong_one.name}={bad!r}", kwargs))
    return calls


PUBLIC = _public()

CASES = [pytest.param(name, func, id=name) for name, func in PUBLIC]


def test_the_walk_covers_the_public_api() -> None:
    """The walk really reaches the library's functions, classes, widgets and checks."""
    names = {name.rsplit(".", 1)[1] for name, _ in PUBLIC}
    assert {"shortest_chain", "reach_table", "read_csv", "review_request", "Network"} <= names
    assert {"draw_network", "reach_explorer", "mark_answer", "quiz"} <= names
    assert {"check_degrees", "scoreboard"} <= names
    assert len(PUBLIC) >= 60


@pytest.mark.parametrize(("name", "func"), CASES)
def test_wrong_arguments_raise_only_coffeechat_errors(
    name: str, func: Callable[..., Any], tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wrong argument types end in a CoffeeChatError or are accepted; nothing else escapes.

    Every message stays within a check's 400 characters.
    """
    monkeypatch.chdir(tmp_path)  # writers given a bad path write nothing anywhere that matters
    escaped = []
    for label, kwargs in _calls(func):
        try:
            func(**kwargs)
        except CoffeeChatError as err:
            if len(str(err)) > 400:
                escaped.append(f"{label}: a message of {len(str(err))} characters")
            continue
        except Exception as err:
            escaped.append(f"{label}: {type(err).__name__}: {err}")
    assert not escaped, f"{name}: " + "; ".join(escaped[:3])


def test_unknown_assignment_and_rule_are_argument_mistakes() -> None:
    """The scoreboard and a review name what exists instead of raising a bare KeyError."""
    with pytest.raises(InvalidParameter, match="did you mean 'ps01-who-can-introduce-you'"):
        checks.scoreboard("ps01-who-can-introduce", {})
    review = coffeechat.review_request("Hello! Could we talk for 20 minutes about your work?")
    with pytest.raises(InvalidParameter, match="the rules are"):
        review["no-such-rule"]


def test_a_wrong_argument_is_named_with_what_was_given_and_what_is_expected() -> None:
    """The notebook's values are checked on entry: one sentence, the argument first."""
    expected = (
        r"^network should be a coffeechat Network \(the one the notebook loaded\), not int 42$"
    )
    with pytest.raises(InvalidParameter, match=expected):
        checks.check_degrees(lambda contacts, source: {}, 42)
    with pytest.raises(
        InvalidParameter, match=r"^tracker should be a pandas DataFrame .*, not str"
    ):
        checks.check_thank_you_hours(lambda table: table, "tracker.csv")
    with pytest.raises(InvalidParameter, match=r"^seed should be a whole number of at least 0"):
        checks.practice_postings(-1)
    with pytest.raises(InvalidParameter, match=r"^emails should be a list of tuples"):
        checks.check_word_count(len, emails=["one email"])
    with pytest.raises(InvalidParameter, match=r"^agreed_minutes should be one of 15, 20, 30"):
        ui.roleplay(agreed_minutes=25)


def test_a_learner_value_that_is_not_a_function_fails_the_check() -> None:
    """What the learner gives where a function belongs is a failed check, as call() says it."""
    with pytest.raises(CheckFailed, match=r"^load should be a function you defined with def"):
        checks.check_connections_loader(42, "Connections.csv")
    with pytest.raises(CheckFailed, match=r"^degrees should be a function .*run the cell"):
        checks.check_degrees(None, _network())
