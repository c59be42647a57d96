"""Fixtures for the remote-store tests: one Virtuoso loaded with `rk load`, `rk serve
--endpoint` in front of it, and `rk serve --endpoint` in front of a fake store.

Without Virtuoso (`make virtuoso`) the Virtuoso tests fail when the environment
variable CI is set and are skipped otherwise; the fault tests need no Virtuoso.
"""

import os

import pytest
from fake_store import FAULT_TIME_LIMIT, FakeStore
from remote_support import run_load
from sparql_support import start_server

from rk.commands.load import count_triples, graphs_of
from support.virtuoso import Virtuoso, installed


@pytest.fixture(scope="session")
def build_counts(dataset_dir) -> dict[str, int]:
    """Triples per named graph of the build."""
    return {graph: len(triples) for graph, triples in graphs_of(dataset_dir).items()}


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    if not installed():
        message = "Virtuoso is missing: `make virtuoso` installs virtuoso-opensource-7-bin"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    with Virtuoso(tmp_path_factory.mktemp("virtuoso")) as running:
        yield running


@pytest.fixture(scope="session")
def loads(virtuoso, dataset_dir, build_counts):
    """`rk load --graph-store` run twice; each run's result and the counts after it."""
    runs = []
    for _ in range(2):
        done = run_load(virtuoso, dataset_dir, "--graph-store", virtuoso.graph_store_url)
        runs.append((done, count_triples(virtuoso.sparql_url, list(build_counts), 30)))
    return runs


@pytest.fixture(scope="session")
def remote_server(virtuoso, loads, dataset_dir, tmp_path_factory):
    """`rk serve --endpoint` in front of the loaded Virtuoso."""
    running = start_server(dataset_dir, tmp_path_factory.mktemp("remote") / "serve.log",
                           "--workers", "1", "--endpoint", virtuoso.sparql_url)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def fake_store(dataset_dir):
    store = FakeStore(dataset_dir, slow_seconds=FAULT_TIME_LIMIT + 3)
    store.start()
    yield store
    store.mode = "ok"
    store.stop()


@pytest.fixture(scope="session")
def fault_server(fake_store, dataset_dir, tmp_path_factory):
    """`rk serve --endpoint` in front of the fake store, with a 2 s time limit."""
    running = start_server(dataset_dir, tmp_path_factory.mktemp("fault") / "serve.log",
                           "--workers", "1", "--time-limit", str(FAULT_TIME_LIMIT),
                           "--endpoint", fake_store.url)
    yield running
    running.stop()
