"""The benchmarks run and print their tables (timings themselves are never asserted)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from coffeechat import _csr
from coffeechat.datasets import make_network

ROOT = Path(__file__).resolve().parents[1]


def _bench(script: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run ``benchmarks/<script>`` with ``args`` from the project folder, as its docs say."""
    return subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.mark.slow
def test_course_benchmark_prints_a_row_per_notebook() -> None:
    """bench_course.py runs the chosen notebooks and prints one table row for each."""
    result = _bench("bench_course.py", "--repeat", "1", "--only", "notebooks/01-", timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| `")]
    assert len(rows) == 1 and "notebooks/01-" in rows[0]
    assert "All 1 notebooks" in result.stdout


def test_course_benchmark_refuses_a_filter_that_matches_nothing() -> None:
    """A --only that names no notebook is a usage error, not an empty table."""
    result = _bench("bench_course.py", "--only", "nothing-here")
    assert result.returncode == 2
    assert "no notebook matches" in result.stderr


@pytest.mark.slow
def test_hub_benchmark_prints_a_row_per_size() -> None:
    """bench_hub.py starts the hub, runs Module 1 for each participant and prints its row."""
    result = _bench("bench_hub.py", "--sizes", "1", timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| 1 |")]
    assert len(rows) == 1
    assert rows[0].count(" MB") == 4  # one participant (median, largest), hub + proxy, total


def test_hub_benchmark_refuses_an_empty_room() -> None:
    """--sizes 0 is a usage error, not a table of nothing."""
    result = _bench("bench_hub.py", "--sizes", "0")
    assert result.returncode == 2
    assert "at least 1 participant" in result.stderr


def _bench_module(script: str) -> ModuleType:
    """Import ``benchmarks/<script>`` as a module, without running it."""
    spec = importlib.util.spec_from_file_location(Path(script).stem, ROOT / "benchmarks" / script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_path_benchmark_build_row_builds_the_arrays_each_time() -> None:
    """The build row times a new build from the ties table, never the copy a network keeps."""
    build_arrays = _bench_module("bench_paths.py").build_arrays
    network = make_network(2_000, seed=3)
    kept = _csr.cached(network)
    first, second = build_arrays(network), build_arrays(network)
    assert first is not second and kept not in (first, second)
    assert _csr.cached(network) is kept  # the network's own copy is left alone
    for built in (first, second):
        assert built.indptr is not kept.indptr and built.indices is not kept.indices
        np.testing.assert_array_equal(built.indptr, kept.indptr)
        np.testing.assert_array_equal(built.indices, kept.indices)
        np.testing.assert_array_equal(built.keys, kept.keys)
    assert len(first) == len(network) and first.indices.size == 2 * network.number_of_ties
