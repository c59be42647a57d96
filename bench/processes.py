"""The servers a benchmark started: stopping them, and the CPU time their processes use."""

import subprocess
import sys
from pathlib import Path

# tests/support holds what the tests and the benchmarks share (the /proc helpers, the Virtuoso peer)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.procfs import children_by_parent, cpu_seconds, descendants  # noqa: E402


def stop(process: subprocess.Popen, within: float = 30.0) -> None:
    """SIGTERM, wait up to `within` seconds, then SIGKILL."""
    process.terminate()
    try:
        process.wait(timeout=within)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def server_cpu(pid: int) -> dict[str, float]:
    """CPU seconds of a server's processes so far: "workers" (the children of `pid` but
    an nginx front: for gunicorn its worker processes), "engine" (their descendants: our
    query processes), "front" (`rk serve`'s nginx and its workers) and "all" (`pid` and
    every descendant)."""
    children = children_by_parent()
    direct = children.get(pid, [])
    fronts = [child for child in direct if _is_nginx(child)]
    workers = [child for child in direct if child not in fronts]
    engine = [p for worker in workers for p in descendants(worker, children)]
    front = fronts + [p for child in fronts for p in descendants(child, children)]
    return {"workers": cpu_seconds(workers), "engine": cpu_seconds(engine),
            "front": cpu_seconds(front), "all": cpu_seconds([pid, *workers, *engine, *front])}


def _is_nginx(pid: int) -> bool:
    try:
        return b"nginx" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0]
    except OSError:
        return False
