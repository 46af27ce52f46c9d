"""The library's rooms keep to themselves: a Network owns its insides, and no
module uses another module's private names."""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import coffeechat
from coffeechat.contacts import Inside, Network, Person, Tie
from coffeechat.paths import reach_table, shortest_chain

PACKAGE = Path(coffeechat.__file__).parent
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "course" not in p.parts and p.name != "cli.py")
NETWORK_INSIDES = {"_people", "_ties", "_adjacency", "_csr_cache", "_engine_cache", "_cached"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize("path", MODULES, ids=[_module_name(p) for p in MODULES])
def test_no_module_imports_another_modules_private_names(path: Path) -> None:
    """``from coffeechat.x import _name`` never appears (private modules' public names are fine)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    offending = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("coffeechat")
        for alias in node.names
        if alias.name.startswith("_") and not _is_module(f"{node.module}.{alias.name}")
    ]
    assert not offending, f"{_module_name(path)} imports private names: {offending}"


def _is_module(dotted: str) -> bool:
    relative = dotted.split(".")[1:]
    return (PACKAGE.joinpath(*relative).with_suffix(".py")).exists()


PUBLIC_MODULES = [p for p in MODULES if not p.name.startswith("_") or p.name == "__init__.py"]


@pytest.mark.parametrize("path", PUBLIC_MODULES, ids=[_module_name(p) for p in PUBLIC_MODULES])
def test_every_public_name_is_importable_from_its_module(path: Path) -> None:
    """A module split into private parts still offers every name of its ``__all__``."""
    module = importlib.import_module(_module_name(path))
    missing = [name for name in getattr(module, "__all__", ()) if not hasattr(module, name)]
    assert not missing, f"{module.__name__} lists but lacks {missing}"


@pytest.mark.parametrize(
    "path",
    [p for p in MODULES if p.name != "contacts.py"],
    ids=[_module_name(p) for p in MODULES if p.name != "contacts.py"],
)
def test_only_the_network_touches_its_insides(path: Path) -> None:
    """Other modules read a network through ``network.inside``, never its private attributes."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    touched = sorted(
        {
            node.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr in NETWORK_INSIDES
        }
    )
    assert not touched, f"{_module_name(path)} reaches into a Network: {touched}"


def test_from_frames_shows_only_public_parameters() -> None:
    """The public constructor's signature has no private parameters."""
    names = list(inspect.signature(Network.from_frames).parameters)
    assert names == ["people", "ties", "me", "errors"]


def _network() -> Network:
    return Network(
        [Person("me", "Sam"), Person("a", "Ana"), Person("b", "Ben")],
        [Tie("me", "a", 0.9), Tie("a", "b", 0.5)],
    )


def test_inside_is_the_networks_own_tables_and_caches() -> None:
    """inside gives the tables and adjacency; a cache is built once and kept by the network."""
    net = _network()
    inside = net.inside
    assert isinstance(inside, Inside)
    assert list(inside.people.index) == ["me", "a", "b"]
    assert len(inside.ties) == 2
    assert dict(inside.adjacency["a"]) == {"me": 0, "b": 1}
    built = []
    first = inside.cached("demo", lambda n: built.append(n) or len(n))
    assert net.inside.cached("demo", lambda n: built.append(n) or -1) == first == 3
    assert built == [net]
    with pytest.raises(AttributeError):
        inside.people = None  # type: ignore[misc]


def test_the_array_engine_is_cached_by_the_network() -> None:
    """The array engine's arrays are built once per network, through inside.cached."""
    net = _network()
    shortest_chain(net, target="b", engine="arrays")
    csr = net.inside.cached("csr", lambda n: pytest.fail("built twice"))
    reach_table(net, engine="arrays")
    assert net.inside.cached("csr", lambda n: None) is csr


def test_version_comes_from_the_installed_package() -> None:
    """__version__ is the installed distribution's, not a second copy of pyproject's."""
    from importlib.metadata import version

    assert coffeechat.__version__ == version("coffeechat")


# ------------------------------------------------------------------ shape
MODULE_LINES = 800
FUNCTION_LINES = 100


def _name_of(node: ast.AST) -> str:
    return getattr(node, "name", type(node).__name__)


@pytest.mark.parametrize("path", MODULES, ids=[_module_name(p) for p in MODULES])
def test_no_module_is_past_800_lines(path: Path) -> None:
    """A module past ~800 lines is split by job (the checks of an assignment: one per part)."""
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MODULE_LINES, f"{_module_name(path)} has {lines} lines"


def _body_lines(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """A function's lines, its docstring left out (examples are welcome)."""
    first = function.body[0]
    docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    start = function.body[1].lineno if docstring and len(function.body) > 1 else function.lineno
    return (function.end_lineno or start) - start + 1


@pytest.mark.parametrize("path", MODULES, ids=[_module_name(p) for p in MODULES])
def test_no_function_is_past_100_lines(path: Path) -> None:
    """No function's code (its docstring aside) runs past ~100 lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = {
        node.name: _body_lines(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and _body_lines(node) > FUNCTION_LINES
    }
    assert not long, f"{_module_name(path)} has long functions: {long}"


ALL_MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imported(path: Path) -> set[str]:
    """The package's modules that ``path`` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("coffeechat"):
            for alias in node.names:
                dotted = f"{node.module}.{alias.name}"
                found.add(dotted if dotted in ALL_MODULES else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("coffeechat")}
    return {name for name in found if name in ALL_MODULES and name != _module_name(path)}


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, round a circle (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == node:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return circles


def test_the_circle_finder_finds_a_circle() -> None:
    """The finder below reports modules that import each other, and nothing else."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _circles(graph) == [["a", "b", "c"]]


def test_no_modules_import_each_other_in_a_circle() -> None:
    """Imports run one way: no module imports one that (through others) imports it back."""
    library = {name: p for name, p in ALL_MODULES.items() if p in MODULES}
    graph = {name: _imported(path) & set(library) for name, path in library.items()}
    assert _circles(graph) == []


#: Small helpers the library defines once and imports everywhere else, with the
#: other names a copy of each went by.
HELPERS = {
    "plural": {"plural"},
    "blank": {"blank", "is_blank"},
    "whole_number": {"whole_number", "whole"},
}


@pytest.mark.parametrize("helper", sorted(HELPERS))
def test_each_helper_is_defined_once(helper: str) -> None:
    """``plural``, ``blank``, ... are written once (under any number of underscores)."""
    where = [
        name
        for name, path in ALL_MODULES.items()
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.FunctionDef) and node.name.lstrip("_") in HELPERS[helper]
    ]
    assert len(where) == 1, f"{helper} is defined in {where}"


@pytest.mark.parametrize("path", PUBLIC_MODULES, ids=[_module_name(p) for p in PUBLIC_MODULES])
def test_every_public_module_says_what_it_offers(path: Path) -> None:
    """Every public module lists its public names in ``__all__``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    assert "__all__" in names, f"{_module_name(path)} has no __all__"


def test_importing_the_checks_changes_nothing_outside_them() -> None:
    """``from coffeechat import checks`` in IPython installs nothing until asked to."""
    code = (
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "shell = InteractiveShell.instance()\n"
        "from coffeechat import checks\n"
        "print(shell.custom_exceptions)\n"
        "checks.install_notebook_messages()\n"
        "print(shell.custom_exceptions)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.split() == ["()", "(<class", "'NameError'>,)"]


def test_the_checks_are_the_functions_their_modules_define() -> None:
    """The package hands out each assignment's checks as they are, not rewritten copies."""
    from coffeechat import checks
    from coffeechat.checks._assignments import checks_module

    for name, spec in checks.ASSIGNMENTS.items():
        module = checks_module(name)
        for test in spec.tests:
            if test.call:
                check = test.call.split("(")[0]
                assert getattr(checks, check) is getattr(module, check), check


TESTS = Path(__file__).parent


@pytest.mark.parametrize("path", sorted(TESTS.glob("test_*.py")), ids=lambda p: p.name)
def test_no_test_module_imports_another(path: Path) -> None:
    """Shared test tools live in strategies.py and conftest.py, never in another test module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in (
            [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
        )
    }
    assert not {n for n in imported if n.split(".")[0].startswith("test_")}


# ------------------------------------------------ the instructor's side: course/ and cli.py
INSTRUCTOR = sorted(p for p in (PACKAGE / "course").rglob("*.py")) + [PACKAGE / "cli.py"]
INSTRUCTOR_IDS = [_module_name(p) for p in INSTRUCTOR]
LONGEST_FILE, LONGEST_FUNCTION = 800, 100


def _functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]


@pytest.mark.parametrize("path", INSTRUCTOR, ids=INSTRUCTOR_IDS)
def test_instructor_modules_and_functions_stay_small(path: Path) -> None:
    """No file of course/ or cli.py past 800 lines, no function past 100."""
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= LONGEST_FILE
    long = {
        f.name: f.end_lineno - f.lineno + 1
        for f in _functions(ast.parse(text))
        if f.end_lineno - f.lineno + 1 > LONGEST_FUNCTION
    }
    assert not long, f"{_module_name(path)}: functions over {LONGEST_FUNCTION} lines: {long}"


@pytest.mark.parametrize("path", INSTRUCTOR, ids=INSTRUCTOR_IDS)
def test_instructor_modules_use_only_public_names(path: Path) -> None:
    """course/ and cli.py import no other module's private names either."""
    test_no_module_imports_another_modules_private_names(path)


@pytest.mark.parametrize("path", INSTRUCTOR, ids=INSTRUCTOR_IDS)
def test_instructor_public_modules_say_what_they_offer(path: Path) -> None:
    """Every public module of course/ and cli.py has an ``__all__`` whose names it has."""
    if path.name.startswith("_") and path.name != "__init__.py":
        return
    module = importlib.import_module(_module_name(path))
    assert hasattr(module, "__all__"), f"{module.__name__} has no __all__"
    test_every_public_name_is_importable_from_its_module(path)


def _course_imports(path: Path) -> set[str]:
    """The modules of coffeechat.course (and cli) that ``path`` imports, by dotted name."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("coffeechat")
        ):
            for alias in node.names:
                dotted = f"{node.module}.{alias.name}"
                found.add(dotted if _is_module(dotted) else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("coffeechat")}
    names = set(INSTRUCTOR_IDS)
    return {n for n in found if n in names and n != "coffeechat.course"} - {_module_name(path)}


def test_instructor_modules_import_no_circle() -> None:
    """course/ modules (the package's ``__init__`` aside) import one another in one direction."""
    graph = {_module_name(p): _course_imports(p) for p in INSTRUCTOR if p.name != "__init__.py"}
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, f"import circle: {' -> '.join((*path, name))}"
        if name in done:
            return
        for other in sorted(graph.get(name, ())):
            visit(other, (*path, name))
        done.add(name)

    for name in sorted(graph):
        visit(name, ())


def test_grading_results_travel_one_way() -> None:
    """Workers and their pool never reach the recorder's side: the course's gradebook,
    the files beside it, the grading run; one Outcome travels from worker to recorder."""
    recorder_side = {
        "coffeechat.course.grade",
        "coffeechat.course._gradebook",
        "coffeechat.course.gradebook",
        "coffeechat.course.sidecars",
    }
    for module in ("worker", "pool", "transfer", "outcome"):
        path = PACKAGE / "course" / f"{module}.py"
        assert not _course_imports(path) & recorder_side, module
    worker = (PACKAGE / "course" / "worker.py").read_text(encoding="utf-8")
    assert '("done", index, outcome)' in worker  # one typed record per submission


def test_the_command_line_is_a_table_of_thin_commands() -> None:
    """Every command of cli.COMMANDS runs one short function; the parser comes from the table."""
    from coffeechat import cli

    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    sizes = {f.name: f.end_lineno - f.lineno + 1 for f in _functions(tree)}
    for command in cli.COMMANDS:
        assert sizes[command.run.__name__] <= 15, command.name
    assert sizes["build_parser"] <= 25
    parser_commands = cli.build_parser()._subparsers._group_actions[0].choices
    assert list(parser_commands) == [c.name for c in cli.COMMANDS]
