"""Load test: many concurrent clients against a real `rk serve`, with runaway queries.

    python bench/load.py [--build-dir DIR] [--clients 64] [--seconds 60] [--slow 0] [--json FILE]

Starts `rk serve` on a free 127.0.0.1 port with a short time limit, then runs
`--clients` threads for `--seconds`, each a client of its own (its own loopback
source address) sending catalogue queries, entity pages, searches and dump downloads
in turn, plus one runaway query every `--runaway-every` seconds (answered 503 at the
time limit). `--slow N` keeps N slow connections open meanwhile (bench/attacks.py:
half send their headers, half their body, a piece every 2 s; one the server cuts off is
replaced). Prints a table: requests, failures, rps, p50/p99 per kind, and the resident
memory of the server's process tree (sum of VmRSS from /proc) at the start and the end.
`--json` also writes the figures to a file.
"""

import argparse
import http.client
import json
import os
import statistics
import subprocess
import threading
import time
import urllib.parse
from pathlib import Path

from attacks import SlowConnections, source
from processes import stop
from support.servers import free_port, serve_command, wait_until_ready

from rk.catalogue import catalogue
from rk.paths import BUILD_DIR, MANIFEST

RUNAWAY = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
ENTITIES = """SELECT DISTINCT ?s ?label WHERE {
  GRAPH <https://w3id.org/ruhr-konferenz/graph/data> { ?s a ?class ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }
  FILTER (STRSTARTS(STR(?s), "https://w3id.org/ruhr-konferenz/id/"))
} ORDER BY ?s LIMIT 300"""
CHEAP = ("catalogue", "page", "search")
TIMEOUT = 60.0  # seconds a client waits for one answer


def request(port: int, path: str, source_address: str | None = None) -> tuple[int | str, float]:
    """GET `path` on a new connection from `source_address`: (status or error, seconds)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT,
                                            source_address=(source_address, 0) if source_address else None)
    try:
        connection.request("GET", path, headers={"Accept": "text/html, application/sparql-results+json, */*;q=0.1"})
        response = connection.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException) as error:
        status = type(error).__name__
    finally:
        connection.close()
    return status, time.perf_counter() - started


def sparql_path(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


def workload(port: int, build_dir: Path) -> list[tuple[str, str]]:
    """(kind, path) pairs the clients cycle through, read from the catalogue, the data and the build."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    connection.request("GET", sparql_path(ENTITIES), headers={"Accept": "application/sparql-results+json"})
    rows = json.loads(connection.getresponse().read())["results"]["bindings"]
    connection.close()
    prefix = "https://w3id.org/ruhr-konferenz/id/"
    pages = [("page", "/page/" + row["s"]["value"][len(prefix):]) for row in rows]
    words = sorted({row["label"]["value"].split()[0] for row in rows})
    searches = [("search", "/search?" + urllib.parse.urlencode({"q": word})) for word in words]
    queries = [("catalogue", sparql_path(named.text)) for named in catalogue()]
    manifest = json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))
    dumps = [("dump", "/" + entry["file"]) for entry in manifest["downloads"]]
    mix = []
    for index in range(max(len(pages), len(queries), len(searches))):
        mix += [pages[index % len(pages)], queries[index % len(queries)], searches[index % len(searches)]]
        if index % 10 == 0:
            mix.append(dumps[(index // 10) % len(dumps)])
    return mix


def tree_rss(pid: int) -> int:
    """Bytes resident in `pid` and all its descendants (VmRSS from /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    tree, todo = {pid}, [pid]
    while todo:
        parent = todo.pop()
        for child, its_parent in parents.items():
            if its_parent == parent and child not in tree:
                tree.add(child)
                todo.append(child)
    total = 0
    for member in tree:
        try:
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def start_server(build_dir: Path, port: int, time_limit: float, log) -> subprocess.Popen:
    command = serve_command(build_dir, port, "--time-limit", str(time_limit))
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_ready(process, lambda: request(port, sparql_path("ASK {}"))[0] == 200, 120, 0.2)
    except RuntimeError as error:
        stop(process)
        raise SystemExit(str(error)) from None
    return process


def run(port: int, mix, clients: int, seconds: float, runaway_every: float) -> list[tuple[str, int | str, float]]:
    """Drive the load; every answer as (kind, status, seconds)."""
    results: list[tuple[str, int | str, float]] = []
    deadline = time.monotonic() + seconds
    stop = threading.Event()

    def client(number: int):
        index = number * 7
        while time.monotonic() < deadline:
            kind, path = mix[index % len(mix)]
            index += 1
            status, took = request(port, path, source(2, number))
            results.append((kind, status, took))

    def runaways():
        while not stop.wait(runaway_every):
            status, took = request(port, sparql_path(RUNAWAY), source(3, 0))
            results.append(("runaway", status, took))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    runaway_thread = threading.Thread(target=runaways)
    for thread in threads + [runaway_thread]:
        thread.start()
    for thread in threads:
        thread.join(seconds + TIMEOUT + 10)
    stop.set()
    runaway_thread.join(TIMEOUT + 10)
    return results


class SlowTraffic:
    """`count` slow connections (half headers, half body) kept open while the block runs;
    `figures` says how many stayed open at the least (checked every second), how many
    were opened and how many the server cut off."""

    def __init__(self, port: int, count: int, seconds: float):
        self.port, self.count, self.seconds = port, count, seconds
        self.figures = {"connections": count, "open_min": 0, "opened": 0, "ended_by_server": 0}

    def __enter__(self):
        halves = [(self.count + 1) // 2, self.count // 2]
        self._groups = [SlowConnections(self.port, n, kind, group=group, reopen=True,
                                        seconds=self.seconds + TIMEOUT)
                        for n, kind, group in zip(halves, ("headers", "body"), (110, 111)) if n]
        self._open_min = self.count
        self._stop = threading.Event()
        self._watch = threading.Thread(target=self._check, daemon=True)
        self._watch.start()
        return self

    def _check(self):
        while not self._stop.wait(1.0):
            self._open_min = min(self._open_min, sum(group.open_count() for group in self._groups))

    def __exit__(self, *exc):
        self._stop.set()
        self._watch.join(10)
        connections = [c for group in self._groups for c in group.stop()]
        self.figures.update(open_min=self._open_min if self.count else 0, opened=len(connections),
                            ended_by_server=sum(c.ended is not None for c in connections))
        return False


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def summarize(results, seconds: float, rss_start: int, rss_end: int, clients: int, time_limit: float,
              slow: dict) -> dict:
    def failed(kind, status):
        return status != (503 if kind == "runaway" else 200)

    kinds = {}
    for kind in CHEAP + ("dump", "runaway"):
        took = [t for k, s, t in results if k == kind]
        kinds[kind] = {"requests": len(took), "failures": sum(failed(k, s) for k, s, _ in results if k == kind),
                       "p50": percentile(took, 0.5), "p99": percentile(took, 0.99)}
    cheap = [t for k, s, t in results if k in CHEAP]
    return {
        "clients": clients, "seconds": seconds, "time_limit": time_limit,
        "requests": len(results), "failures": sum(failed(k, s) for k, s, _ in results),
        "failed_statuses": sorted({str(s) for k, s, _ in results if failed(k, s)}),
        "rps": len(results) / seconds,
        "cheap_p50": percentile(cheap, 0.5), "cheap_p99": percentile(cheap, 0.99),
        "cheap_median": statistics.median(cheap) if cheap else 0.0,
        "rss_start": rss_start, "rss_end": rss_end, "kinds": kinds, "slow": slow,
    }


def print_table(figures: dict) -> None:
    print(f"{figures['clients']} clients, {figures['seconds']:g} s, time limit {figures['time_limit']:g} s")
    print(f"{'kind':<10} {'requests':>9} {'failures':>9} {'p50 ms':>9} {'p99 ms':>9}")
    for kind, row in figures["kinds"].items():
        print(f"{kind:<10} {row['requests']:>9} {row['failures']:>9} {row['p50'] * 1000:>9.1f} {row['p99'] * 1000:>9.1f}")
    print(f"{'all':<10} {figures['requests']:>9} {figures['failures']:>9}   {figures['rps']:.1f} requests/s")
    print(f"cheap requests: p50 {figures['cheap_p50'] * 1000:.1f} ms, p99 {figures['cheap_p99'] * 1000:.1f} ms")
    print(f"server memory (RSS of the process tree): start {figures['rss_start'] / 2**20:.1f} MiB, "
          f"end {figures['rss_end'] / 2**20:.1f} MiB")
    slow = figures["slow"]
    if slow["connections"]:
        print(f"slow connections: {slow['connections']} kept open ({slow['open_min']} at least at any "
              f"check), {slow['opened']} opened in all, {slow['ended_by_server']} cut off by the server")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", type=Path, default=BUILD_DIR)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--time-limit", type=float, default=2.0)
    parser.add_argument("--runaway-every", type=float, default=5.0)
    parser.add_argument("--slow", type=int, default=0, help="slow connections kept open meanwhile")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--log", type=Path, default=Path(os.devnull), help="rk serve's output")
    args = parser.parse_args()
    port = free_port()
    with args.log.open("wb") as log:
        server = start_server(args.build_dir, port, args.time_limit, log)
        try:
            mix = workload(port, args.build_dir)
            rss_start = tree_rss(server.pid)
            with SlowTraffic(port, args.slow, args.seconds) as slow:
                results = run(port, mix, args.clients, args.seconds, args.runaway_every)
            rss_end = tree_rss(server.pid)
        finally:
            stop(server)
    figures = summarize(results, args.seconds, rss_start, rss_end, args.clients, args.time_limit,
                        slow.figures)
    print_table(figures)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
