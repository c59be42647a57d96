"""Running `rk load` against a Virtuoso from the tests."""

import subprocess
import sys

from support.virtuoso import Virtuoso


def run_load(virtuoso: Virtuoso, build_dir, *options: str) -> subprocess.CompletedProcess:
    """`rk load` into `virtuoso` as a subprocess."""
    command = [sys.executable, "-m", "rk.cli", "load", "--user", virtuoso.user,
               "--password", virtuoso.password, "--endpoint", virtuoso.sparql_url,
               "--build-dir", str(build_dir), *options]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)
