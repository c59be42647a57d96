"""Fixtures for the linked-data page tests: one real server on the real build."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sparql"))
from sparql_support import start_server  # noqa: E402


@pytest.fixture(scope="session")
def pages_server(built_dir, tmp_path_factory):
    """`rk serve` on the real build, reused by every page test."""
    running = start_server(
        built_dir, tmp_path_factory.mktemp("pages") / "serve.log", "--workers", "1"
    )
    yield running
    running.stop()


@pytest.fixture(scope="session")
def port(pages_server) -> int:
    return pages_server.port
