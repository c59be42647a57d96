"""The query processes' network confinement, proven against a canary on 127.0.0.1."""

import subprocess
import sys

import pytest

from rk.store import sandbox

pytestmark = pytest.mark.skipif(not sandbox.available(), reason="seccomp confinement is Linux-only")

# runs pyoxigraph's SERVICE client against the canary, with or without confinement
PROBE = """
import sys, pyoxigraph
from rk.store import sandbox
if sys.argv[2] == "confined":
    sandbox.forbid_internet()
try:
    list(pyoxigraph.Store().query("SELECT * WHERE { SERVICE <" + sys.argv[1] + "> { ?s ?p ?o } }"))
except OSError as error:
    print(error)
"""

SOCKETS = """
import socket
from rk.store import sandbox
sandbox.forbid_internet()
socket.socketpair()
for family in (socket.AF_INET, socket.AF_INET6):
    try:
        socket.socket(family)
    except PermissionError:
        continue
    raise SystemExit(f"{family} allowed")
"""


def run(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60
    )


def test_unconfined_engine_does_call_the_canary(canary):
    """The control: without confinement the probe reaches the canary, so the test below can fail."""
    run(PROBE, canary.url, "free")
    assert len(canary.hits) == 1


def test_confined_engine_cannot_call_the_canary(canary):
    probe = run(PROBE, canary.url, "confined")
    assert probe.returncode == 0, probe.stderr
    assert "Permission denied" in probe.stdout
    assert canary.hits == []


def test_confinement_forbids_internet_sockets_but_not_unix_ones():
    probe = run(SOCKETS)
    assert probe.returncode == 0, probe.stdout + probe.stderr
