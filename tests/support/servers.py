"""Starting a server on 127.0.0.1 for a test or a benchmark: a free port, the `rk serve`
command, the bounded wait until it answers (and the polling it uses)."""

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


def wait_until(condition: Callable[[], bool], seconds: float, step: float = 0.1) -> bool:
    """Poll `condition` until it holds or `seconds` pass; whether it held."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def wait_until_ready(process: subprocess.Popen, ready: Callable[[], bool], within: float,
                     step: float = 0.1) -> None:
    """Poll `ready()` (an OSError counts as not yet) until it holds; RuntimeError if the
    process exits first or `within` seconds pass."""
    def answered() -> bool:
        if process.poll() is not None:
            raise RuntimeError(f"the server (pid {process.pid}) exited with {process.returncode}")
        try:
            return ready()
        except OSError:
            return False

    if not wait_until(answered, within, step):
        raise RuntimeError(f"the server (pid {process.pid}) did not answer within {within:g} s")
