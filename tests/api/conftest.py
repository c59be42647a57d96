"""Fixtures for the API and completion tests: the session's real server (tests/conftest.py)."""

import pytest


@pytest.fixture(scope="session")
def port(server) -> int:
    return server.port
