"""The library's rooms keep to themselves: a Network owns its insides, and no
module uses another module's private names."""

from __future__ import annotations

import ast
import importlib
import inspect
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
