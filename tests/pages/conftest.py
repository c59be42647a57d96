"""Fixtures for the linked-data page tests: the shared real server on the real build."""

import pytest


@pytest.fixture(scope="session")
def port(server) -> int:
    """Port of the session's `rk serve` (see tests/conftest.py)."""
    return server.port
