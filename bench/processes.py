"""Stopping the servers a benchmark started: politely, then for sure."""

import subprocess


def stop(process: subprocess.Popen, within: float = 30.0) -> None:
    """SIGTERM, wait up to `within` seconds, then SIGKILL."""
    process.terminate()
    try:
        process.wait(timeout=within)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
