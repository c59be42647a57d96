"""Fixtures for the SPARQL endpoint tests: the dataset, reference answers, real servers."""

from pathlib import Path

import pytest
from rdflib import Dataset
from sparql_support import BODY_LIMIT, ROW_LIMIT, TIME_LIMIT, start_canary, start_server

from rk.paths import DATASET_NQ


@pytest.fixture(scope="session")
def dataset_dir(built_dir) -> Path:
    """The build directory the tests serve: the real build of the project."""
    return built_dir


@pytest.fixture(scope="session")
def reference(dataset_dir) -> Dataset:
    """The dataset in rdflib, whose own engine gives the expected answers."""
    dataset = Dataset(default_union=True)
    dataset.parse(dataset_dir / DATASET_NQ, format="nquads")
    return dataset


@pytest.fixture(scope="session")
def server(dataset_dir, tmp_path_factory):
    """`rk serve` with the default limits."""
    running = start_server(
        dataset_dir, tmp_path_factory.mktemp("serve") / "serve.log", "--workers", "1"
    )
    yield running
    running.stop()


@pytest.fixture(scope="session")
def strict_server(dataset_dir, tmp_path_factory):
    """`rk serve` with a 2 s time limit, 5 rows and 2 KiB request bodies."""
    running = start_server(
        dataset_dir,
        tmp_path_factory.mktemp("strict") / "serve.log",
        *("--workers", "1", "--threads", "3", "--time-limit", str(TIME_LIMIT)),
        *("--row-limit", str(ROW_LIMIT), "--body-limit", str(BODY_LIMIT)),
    )
    yield running
    running.stop()


@pytest.fixture()
def canary():
    """An HTTP server on 127.0.0.1 that must never be contacted."""
    recorder, httpd = start_canary()
    yield recorder
    httpd.shutdown()
    httpd.server_close()
