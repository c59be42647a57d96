"""The servers a benchmark started: stopping them, and the CPU time their processes use."""

import os
import subprocess
from pathlib import Path


def stop(process: subprocess.Popen, within: float = 30.0) -> None:
    """SIGTERM, wait up to `within` seconds, then SIGKILL."""
    process.terminate()
    try:
        process.wait(timeout=within)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def children_by_parent() -> dict[int, list[int]]:
    """Process ids of the living processes by their parent's id (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    return children


def descendants(pid: int, children: dict[int, list[int]]) -> list[int]:
    """Process ids of all descendants of `pid`."""
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def cpu_seconds(pids: list[int]) -> float:
    """CPU time (user + system) used so far by the living processes in `pids`."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


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
