"""Completion latency over HTTP: the editor's instance look-ups against a real `rk serve`.

Starts `rk serve` (one worker) on a free 127.0.0.1 port over the build in build/, then sends
N sequential GETs to /sparql/instances.json: first N distinct prefixes of labels (what typing
asks; each answer computed by the app), then the same N again (answered by the front cache),
and N to /sparql/vocabulary.json. Prints median and p99 per series. Needs `rk build` first.

    python bench/completion.py [--requests 200]
"""

import argparse
import http.client
import json
import statistics
import subprocess
import time
import urllib.parse

from attacks import get
from processes import stop
from support.servers import free_port, serve_command, wait_until_ready

from rk.paths import BUILD_DIR


def timed_get(port: int, path: str) -> float:
    """Seconds for one GET (a fresh connection, as a browser's first request of a burst)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept": "application/json"})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{path}: {response.status}")
    finally:
        connection.close()
    return time.perf_counter() - started


def prefixes(port: int, count: int) -> list[str]:
    """`count` distinct label prefixes (2 to 8 characters) of the dataset's instances."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/sparql/labels.json")
    labels = sorted(set(json.loads(connection.getresponse().read())["labels"].values()))
    connection.close()
    found: list[str] = []
    for length in range(2, 9):
        for label in labels:
            word = label[:length].strip()
            if len(word) >= 2 and word not in found:
                found.append(word)
            if len(found) == count:
                return found
    return found


def series(port: int, paths: list[str]) -> tuple[float, float]:
    times = sorted(timed_get(port, path) for path in paths)
    return statistics.median(times), times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    port = free_port()
    process = subprocess.Popen(serve_command(BUILD_DIR, port, "--workers", "1"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_ready(process, lambda: get(port, "/sparql/vocabulary.json").status == 200, 120, 0.2)
        words = prefixes(port, args.requests)
        lookups = [f"/sparql/instances.json?{urllib.parse.urlencode({'q': w})}" for w in words]
        results = {
            f"instances.json, {len(lookups)} distinct prefixes": series(port, lookups),
            f"instances.json, the same {len(lookups)} again (front cache)": series(port, lookups),
            f"vocabulary.json x {args.requests}": series(port, ["/sparql/vocabulary.json"] * args.requests),
        }
    finally:
        stop(process)
    print("| series | median ms | p99 ms |\n|---|---|---|")
    for name, (median, p99) in results.items():
        print(f"| {name} | {median * 1000:.1f} | {p99 * 1000:.1f} |")


if __name__ == "__main__":
    main()
