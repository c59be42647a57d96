"""Requests per second, latency and CPU per request over HTTP: ours and its peers.

    python bench/throughput.py [--duration 5] [--rounds 3] [--build-dir build]
                               [--work-dir build/bench] [--before DIR]

Every server runs on 127.0.0.1 and is started and stopped here: `rk serve` with its
defaults (result caches on, and once more with --cache-bytes 0), the no-op Flask app under
the same gunicorn configuration (bench/noop.py), Oxigraph's own server (`oxigraph serve`,
in memory, from the PyPI package `oxigraph`: the limit for our engine), Virtuoso 7
(tests/support/virtuoso.py) and rdflib-endpoint, all loaded with the same dataset.nq; with
--before DIR also `rk serve` from the checkout DIR (another version of this project,
started exactly as ours), for a before/after comparison in one run.

`wrk` (Debian package) sends GET requests for --duration seconds per URL at concurrency 1
and 16 and reports requests/s and the 50th and 99th percentile latency, in two modes:
"repeated" (the same URL every time, so the caches answer) and "distinct" (bench/distinct.lua:
every query text ends with a comment never sent before, every page URL has a query
parameter never sent before, so every request is new to every cache; before the runs a
probe checks that such URLs really miss our caches). The CPU time the server's processes
use during each run, divided by the requests it answered, gives the CPU per request of
the gunicorn workers and of the query processes. All servers run at once and --rounds
rounds visit them in turn, so slow drifts of a noisy machine hit every peer alike; each
figure is the median round. A peer that is not installed is left out. Prints Markdown,
with the ratios the goals of issue 17 name, marked ✓ or ✗.
"""

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

from processes import server_cpu, stop
from support.servers import wait_until_ready

from rk.catalogue import catalogue
from rk.paths import BUILD_DIR, DATASET_NQ, PROJECT_ROOT
from rk.web.settings import defaults

QUERIES = ("who-moderates-what", "describe-forum", "events-by-venue", "forums-per-department",
           "largest-events")
PAGE = "/page/forum/04"
PAGE_NAME = "page " + PAGE
CONCURRENCY = {1: 1, 16: 2}  # connections: wrk threads
ACCEPT = {"SOLUTIONS": "application/sparql-results+json", "GRAPH": "text/turtle"}
MODES = ("repeated", "distinct")
DISTINCT_SCRIPT = Path(__file__).resolve().parent / "distinct.lua"
QUERY_SUFFIX = "%0A%23%20"  # a new line with a comment: the query text becomes new
PAGE_SUFFIX = "?v="  # a query parameter the pages do not read
# repeated mode (caches answer): ours against the no-op route and the other stores
REPEATED_TARGETS = {"noop": 0.8, "virtuoso": 3.0, "rdflib-endpoint": 20.0}
# distinct mode (issue 17): a new query against `oxigraph serve`, Virtuoso; a new page
ENGINE_TARGETS = {"who-moderates-what": 0.5, "events-by-venue": 0.5,
                  "forums-per-department": 0.35, "largest-events": 0.35}
VIRTUOSO_TARGET = 3.0
PAGE_TARGET = 0.25  # of the no-op route
CPU_ALLOWANCE_MS = 0.6  # a new query's worker CPU over the no-op route's
CACHE_NOISE = 0.95  # caches on / off: at least this (run-to-run noise of a shared machine)
_PORT = iter(range(18700, 18800))


@dataclass(frozen=True)
class Target:
    """One URL to load: its path, Accept header and how to make it distinct (or None)."""

    path: str
    accept: str
    suffix: str | None


@dataclass
class Peer:
    """A server under test: its name, the context manager running it, what it is sent."""

    name: str
    server: object  # context manager yielding (base URL, process id or None)
    targets: dict[str, Target]
    modes: tuple[str, ...]


def answers_200(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status == 200


@contextlib.contextmanager
def process(command: list[str], url: str, log: Path, within: float = 600.0, env=None):
    """Run a server command until the block ends; yields its pid once `url` answers 200."""
    with log.open("wb") as sink:
        child = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT,
                                 cwd=PROJECT_ROOT, env={**os.environ, **(env or {})})
    try:
        wait_until_ready(child, lambda: answers_200(url), within, step=0.2)
        yield child.pid
    finally:
        stop(child)


def sparql_path(endpoint: str, query) -> str:
    return f"{endpoint}?" + urllib.parse.urlencode({"query": query.text})


def wrk(url: str, accept: str, connections: int, duration: float, distinct: list[str] | None,
        pid: int | None) -> dict:
    """Run wrk once; requests/s, p50 and p99 in ms, failed requests and, with `pid`, the
    server's CPU ms per request (workers, engine, all)."""
    command = ["wrk", "-t", str(CONCURRENCY[connections]), "-c", str(connections),
               "-d", f"{duration:g}s", "--timeout", "30s", "--latency",
               "-H", f"Accept: {accept}"]
    if distinct is not None:
        command += ["-s", str(DISTINCT_SCRIPT), url, "--", *distinct]
    else:
        command.append(url)
    before = server_cpu(pid) if pid else None
    output = subprocess.run(command, capture_output=True, text=True, check=True,
                            timeout=duration + 60).stdout
    after = server_cpu(pid) if pid else None
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", output, re.M))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
              "p50": _ms(percentiles.get("50")), "p99": _ms(percentiles.get("99")),
              "errors": errors}
    if before and requests:
        result["cpu"] = {part: (after[part] - before[part]) * 1e3 / requests for part in after}
    return result


def _ms(value: str | None) -> float | None:
    if value is None:
        return None
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit]


def fetch(url: str, accept: str) -> tuple[int, dict]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=120) as response:  # fails loudly if not 200
        response.read()
        return response.status, dict(response.headers)


def check_distinct(base: str, target: Target, cached: bool) -> None:
    """Distinct URLs answer 200; where the server has caches, a URL made distinct misses
    them (X-RK-Cache: miss) while the same URL sent again hits (each server process has
    its caches, so a hit may take as many requests as there are processes)."""
    probe = base + target.path + target.suffix + f"probe-{uuid.uuid4().hex}"
    states = [fetch(probe, target.accept)[1].get("X-RK-Cache") for _ in range(8)]
    if cached and (states[0] != "miss" or "hit" not in states):
        raise RuntimeError(f"{probe}: X-RK-Cache {states}, expected a miss, then a hit")


def bench(peer: Peer, base: str, pid: int | None, mode: str, duration: float,
          round_number: int) -> dict:
    """Results by (target name, connections) for `peer` at `base` in `mode`."""
    results = {}
    for name, target in peer.targets.items():
        distinct = None
        if mode == "distinct":
            if target.suffix is None:
                continue
            check_distinct(base, target, cached=peer.name in ("ours", "before"))
            distinct = [f"r{round_number}x{uuid.uuid4().hex[:8]}", target.suffix]
        else:
            fetch(base + target.path, target.accept)
        for connections in CONCURRENCY:
            results[name, connections] = wrk(base + target.path, target.accept, connections,
                                             duration, distinct, pid)
    return results


def servers(args, workers: int, threads: int):
    """Every peer that is installed here."""
    build_dir, work = args.build_dir.resolve(), args.work_dir.resolve()
    named = {query.name: query for query in catalogue()}
    kind = {name: "GRAPH" if re.search(r"^\s*(DESCRIBE|CONSTRUCT)", named[name].text, re.M)
            else "SOLUTIONS" for name in QUERIES}

    def sparql(endpoint: str = "/sparql") -> dict[str, Target]:
        return {name: Target(sparql_path(endpoint, named[name]), ACCEPT[kind[name]],
                             QUERY_SUFFIX) for name in QUERIES}

    @contextlib.contextmanager
    def rk_serve(label: str, *flags, source: Path | None = None):
        port = next(_PORT)
        command = [sys.executable, "-m", "rk.cli", "serve", "--port", str(port),
                   "--build-dir", str(build_dir), "--workers", str(workers),
                   "--threads", str(threads), *flags]
        if source is None:  # this checkout has per-client limits; wrk is one client
            command += ["--client-queries", "0", "--client-query-seconds", "0"]
        env = {"RK_PID_FILE": str(work / f"rk-serve-{port}.pid")}
        if source is not None:  # another checkout's rk first on the path
            env["PYTHONPATH"] = os.pathsep.join(
                filter(None, [str(source / "server"), os.environ.get("PYTHONPATH")]))
        with process(command, f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D",
                     work / f"rk-serve-{label}.log", env=env) as pid:
            yield f"http://127.0.0.1:{port}", pid

    @contextlib.contextmanager
    def noop():
        port = next(_PORT)
        command = [sys.executable, "bench/noop.py", str(port), str(workers), str(threads)]
        with process(command, f"http://127.0.0.1:{port}/", work / "noop.log") as pid:
            yield f"http://127.0.0.1:{port}", pid

    @contextlib.contextmanager
    def oxigraph():
        port = next(_PORT)
        command = [_oxigraph_binary(), "serve", "--bind", f"127.0.0.1:{port}",
                   "--union-default-graph"]
        base = f"http://127.0.0.1:{port}"
        with process(command, f"{base}/query?query=ASK%7B%7D", work / "oxigraph.log",
                     within=60) as pid:
            request = urllib.request.Request(
                f"{base}/store", data=(build_dir / DATASET_NQ).read_bytes(), method="POST",
                headers={"Content-Type": "application/n-quads"})
            with urllib.request.urlopen(request, timeout=600) as response:
                response.read()
            yield base, pid

    @contextlib.contextmanager
    def virtuoso():
        from support.virtuoso import Virtuoso

        folder = work / "virtuoso"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        with Virtuoso(folder) as server:
            server.load_nquads(build_dir / DATASET_NQ)
            yield server.base_url, server.process.pid

    @contextlib.contextmanager
    def rdflib_endpoint():
        port = next(_PORT)
        command = [sys.executable, "-m", "rdflib_endpoint", "serve", str(build_dir / DATASET_NQ),
                   "--host", "127.0.0.1", "--port", str(port)]
        with process(command, f"http://127.0.0.1:{port}/?query=ASK%7B%7D",
                     work / "rdflib-endpoint.log", within=120) as pid:
            yield f"http://127.0.0.1:{port}", pid

    page = {PAGE_NAME: Target(PAGE, "text/html", PAGE_SUFFIX)}
    yield Peer("noop", noop(), {"no-op": Target("/", "text/plain", PAGE_SUFFIX)}, MODES)
    yield Peer("ours", rk_serve("ours"), {**sparql(), **page}, MODES)
    yield Peer("ours, no cache", rk_serve("no-cache", "--cache-bytes", "0"),
               {**sparql(), **page}, MODES)
    if args.before:
        yield Peer("before", rk_serve("before", source=args.before.resolve()),
                   {**sparql(), **page}, ("distinct",))
    if _oxigraph_binary():
        yield Peer("oxigraph serve", oxigraph(), sparql("/query"), ("distinct",))
    if _virtuoso_installed():
        yield Peer("virtuoso", virtuoso(), sparql(), MODES)
    if _module_available("rdflib_endpoint"):
        yield Peer("rdflib-endpoint", rdflib_endpoint(), sparql("/"), ("repeated",))  # at /


def _oxigraph_binary() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def _virtuoso_installed() -> bool:
    try:
        from support.virtuoso import installed
    except ImportError:
        return False
    return installed()


def _module_available(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds over all peers; each figure is the median round")
    parser.add_argument("--build-dir", type=Path, default=BUILD_DIR)
    parser.add_argument("--work-dir", type=Path, default=BUILD_DIR / "bench")
    parser.add_argument("--modes", default=",".join(MODES),
                        help="which of the modes to run, comma-separated")
    parser.add_argument("--before", type=Path, default=None,
                        help="a checkout of another version of this project, served as peer 'before'")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: `make bench` installs it (Debian package wrk)")
    args.work_dir.mkdir(parents=True, exist_ok=True)
    config = defaults()
    workers, threads = config["WORKERS"], config["THREADS"]
    runs: dict = {}
    with contextlib.ExitStack() as running:
        started = []
        for peer in servers(args, workers, threads):
            if not set(peer.modes) & set(args.modes.split(",")):
                continue
            print(f"starting {peer.name} …", file=sys.stderr, flush=True)
            started.append((peer, *running.enter_context(peer.server)))
        modes = [mode for mode in MODES if mode in args.modes.split(",")]
        for round_number in range(1, args.rounds + 1):
            for mode in modes:
                for peer, base, pid in started:
                    if mode not in peer.modes:
                        continue
                    print(f"round {round_number}, {mode}: {peer.name} …", file=sys.stderr,
                          flush=True)
                    for key, result in bench(peer, base, pid, mode, args.duration,
                                             round_number).items():
                        runs.setdefault(mode, {}).setdefault(peer.name, {}) \
                            .setdefault(key, []).append(result)
    results = {mode: {peer: {key: median_run(found) for key, found in by_key.items()}
                      for peer, by_key in by_peer.items()}
               for mode, by_peer in runs.items()}
    report(results, workers, threads, args.duration, args.rounds)


def median_run(found: list[dict]) -> dict:
    """The run with the median requests/s (its latencies), with every run's failures and
    the median of each CPU figure."""
    middle = sorted(found, key=lambda result: result["rps"])[(len(found) - 1) // 2]
    merged = {**middle, "errors": sum(result["errors"] for result in found)}
    cpus = [result["cpu"] for result in found if "cpu" in result]
    if cpus:
        merged["cpu"] = {part: sorted(cpu[part] for cpu in cpus)[(len(cpus) - 1) // 2]
                         for part in cpus[0]}
    return merged


def report(results: dict, workers: int, threads: int, duration: float, rounds: int) -> None:
    print(f"`wrk`, {duration:g} s per URL and concurrency, GET on 127.0.0.1, median of "
          f"{rounds} rounds (all peers run side by side, each round visits them in turn); "
          f"ours and the no-op app under the same gunicorn configuration ({workers} workers "
          f"× {threads} threads, gthread). Requests/s, p50 / p99 latency in ms of the median "
          "round; failed requests of all rounds, if any, in brackets.\n")
    repeated, distinct = results.get("repeated", {}), results.get("distinct", {})
    noop = repeated.get("noop", {}).get(("no-op", 16))
    if repeated:
        print("### Repeated requests (the caches answer)\n")
        _table(repeated)
    for ours in ("ours", "ours, no cache"):
        if ours in repeated:
            _repeated_ratios(repeated, ours, noop)
    noop = distinct.get("noop", {}).get(("no-op", 16), noop)
    if distinct:
        print("### New requests (every query text and page URL distinct: no cache can answer)\n")
        print("`bench/distinct.lua` ends every query text with a comment line never sent "
              "before and gives every page URL a query parameter never sent before; a probe "
              "checked that such URLs miss our caches (X-RK-Cache: miss, then hit when "
              "repeated).\n")
        _table(distinct)
        _cpu_table(distinct, noop)
        _goals(distinct, noop)
        _before_after(distinct, noop)


def _table(results: dict) -> None:
    peers = list(results)
    names = list(dict.fromkeys(name for peer in peers for name, _ in results[peer]))
    print("| URL | c | " + " | ".join(peers) + " |")
    print("|---|---:|" + "---:|" * len(peers))
    for name in names:
        for connections in CONCURRENCY:
            cells = [_cell(results[peer][name, connections])
                     if (name, connections) in results[peer] else "" for peer in peers]
            print(f"| {name} | {connections} | " + " | ".join(cells) + " |")
    print()


def _repeated_ratios(results: dict, ours: str, noop: dict | None) -> None:
    print(f"Ratios of requests/s at concurrency 16, {ours}:\n")
    print("| URL | vs no-op (target ≥ 80 %) | vs Virtuoso (target ≥ 3×) "
          "| vs rdflib-endpoint (target ≥ 20×) |")
    print("|---|---:|---:|---:|")
    for (name, connections), mine in results[ours].items():
        if connections != 16:
            continue
        cells = []
        for peer in ("noop", "virtuoso", "rdflib-endpoint"):
            theirs = noop if peer == "noop" else results.get(peer, {}).get((name, 16))
            if not theirs or not theirs["rps"]:
                cells.append("")
                continue
            value = mine["rps"] / theirs["rps"]
            text = f"{value * 100:.0f} %" if peer == "noop" else f"{value:.1f}×"
            cells.append(f"{text} {_mark(value >= REPEATED_TARGETS[peer])}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()


def _cpu_table(results: dict, noop: dict | None) -> None:
    print("CPU per request at concurrency 16 in ms (the server's processes, measured in "
          "/proc over each run): gunicorn workers (w) and query processes (q) for `rk serve` "
          "and the no-op route (their nginx front, where they have one, not counted), the "
          "whole server for the others.\n")
    peers = [peer for peer in results if peer != "noop"]
    print("| URL | " + " | ".join(peers) + " | no-op route |")
    print("|---|" + "---:|" * (len(peers) + 1))
    noop_cpu = noop.get("cpu") if noop else None
    names = list(dict.fromkeys(name for peer in peers for name, c in results[peer] if c == 16))
    for name in names:
        if name == "no-op":
            continue
        cells = []
        for peer in peers:
            cpu = results[peer].get((name, 16), {}).get("cpu")
            if cpu is None:
                cells.append("")
            elif peer in ("ours", "ours, no cache", "before"):
                cells.append(f"w {cpu['workers']:.2f} · q {cpu['engine']:.2f}")
            else:
                cells.append(f"{cpu['all']:.2f}")
        noop_cell = f"w {noop_cpu['workers']:.2f}" if noop_cpu else ""
        print(f"| {name} | " + " | ".join(cells) + f" | {noop_cell} |")
    print()


def _goals(results: dict, noop: dict | None) -> None:
    ours = results.get("ours", {})
    no_cache = results.get("ours, no cache", {})
    oxigraph = results.get("oxigraph serve", {})
    virtuoso = results.get("virtuoso", {})
    noop_worker = noop.get("cpu", {}).get("workers") if noop else None
    print("Goals of issue 17, new requests at concurrency 16 (✓ met, ✗ not met):\n")
    print(f"| URL | vs oxigraph serve | vs Virtuoso (≥ {VIRTUOSO_TARGET:g}×) "
          f"| worker CPU over the no-op route's (≤ {CPU_ALLOWANCE_MS} ms) | vs no-op route "
          f"(page: ≥ {PAGE_TARGET:g}) | caches on / off (≥ {CACHE_NOISE:g}: a miss is not "
          "slower) |")
    print("|---|---:|---:|---:|---:|---:|")
    for (name, connections), mine in ours.items():
        if connections != 16:
            continue
        cells = []
        theirs = oxigraph.get((name, 16))
        if theirs and name in ENGINE_TARGETS:
            value = mine["rps"] / theirs["rps"]
            cells.append(f"{value:.2f} (≥ {ENGINE_TARGETS[name]:g}) "
                         f"{_mark(value >= ENGINE_TARGETS[name])}")
        else:
            cells.append(f"{mine['rps'] / theirs['rps']:.2f}" if theirs else "")
        theirs = virtuoso.get((name, 16))
        if theirs:
            value = mine["rps"] / theirs["rps"]
            cells.append(f"{value:.1f}× {_mark(value >= VIRTUOSO_TARGET)}")
        else:
            cells.append("")
        if name != PAGE_NAME and noop_worker is not None and "cpu" in mine:
            extra = mine["cpu"]["workers"] - noop_worker
            cells.append(f"+{extra:.2f} ms {_mark(extra <= CPU_ALLOWANCE_MS)}")
        else:
            cells.append("")
        if noop:
            value = mine["rps"] / noop["rps"]
            cells.append(f"{value:.2f}" + (f" {_mark(value >= PAGE_TARGET)}"
                                            if name == PAGE_NAME else ""))
        else:
            cells.append("")
        theirs = no_cache.get((name, 16))
        if theirs:
            value = mine["rps"] / theirs["rps"]
            cells.append(f"{value:.2f} {_mark(value >= CACHE_NOISE)}")
        else:
            cells.append("")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()


def _before_after(results: dict, noop: dict | None) -> None:
    if "before" not in results:
        return
    columns = ("before", "ours", "oxigraph serve", "virtuoso")
    print("Issue 17's table, measured in this run: requests/s of new requests at "
          "concurrency 16 (`before`: the other checkout, `ours`: this one).\n")
    print("| c16, requests/s | before, new query | ours, new query | oxigraph serve (memory) "
          "| Virtuoso 7, new query | no-op Flask route |")
    print("|---|---:|---:|---:|---:|---:|")
    for index, name in enumerate([*QUERIES, PAGE_NAME]):
        cells = []
        for peer in columns:
            found = results.get(peer, {}).get((name, 16))
            cells.append(f"{found['rps']:,.0f}" if found else "")
        cells.append(f"{noop['rps']:,.0f}" if noop and index == 0 else "")
        label = f"`{PAGE}`" if name == PAGE_NAME else name
        print(f"| {label} | " + " | ".join(cells) + " |")
    print()


def _mark(met: bool) -> str:
    return "✓" if met else "✗"


def _cell(found: dict) -> str:
    latency = "/".join(f"{found[k]:.1f}" if found[k] is not None else "?" for k in ("p50", "p99"))
    errors = f" ({found['errors']})" if found["errors"] else ""
    return f"{found['rps']:.0f} · {latency}{errors}"


if __name__ == "__main__":
    main()
