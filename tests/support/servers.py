"""Starting `rk serve` on 127.0.0.1 for a test or a benchmark: a free port, the command, the wait."""

import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_command(build_dir: Path, port: int, *options: str) -> list[str]:
    """The `rk serve` command line for `build_dir` on 127.0.0.1:`port`."""
    return [sys.executable, "-m", "rk.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
            "--build-dir", str(build_dir), *options]


def wait_until_ready(process: subprocess.Popen, ready: Callable[[], bool], within: float,
                     step: float = 0.1) -> None:
    """Poll `ready()` (an OSError counts as not yet) until it holds; RuntimeError if the
    process exits first or `within` seconds pass."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"rk serve exited with {process.returncode}")
        try:
            if ready():
                return
        except OSError:
            pass
        time.sleep(step)
    raise RuntimeError(f"rk serve did not answer within {within} s")
