"""Requests per second and latency over HTTP: ours, a no-op app, Virtuoso, rdflib-endpoint.

    python bench/throughput.py [--duration 5] [--rounds 3] [--build-dir build] [--work-dir build/bench]

Every server runs on 127.0.0.1 and is started and stopped here: `rk serve` with its
defaults (result cache on, and once more with --cache-bytes 0), the no-op Flask app under
the same gunicorn configuration (bench/noop.py), Virtuoso 7 (tests/support/virtuoso.py) and
rdflib-endpoint, the last two loaded with the same dataset.nq. `wrk` (Debian package)
sends GET requests for --duration seconds per URL at concurrency 1 and 16 and reports
requests/s and the 50th and 99th percentile latency; all servers run at once and
--rounds rounds visit them in turn, so slow drifts of a noisy machine hit every peer
alike, and each figure is the median round. A peer that is not installed is
left out of the tables. Prints Markdown.
"""

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from processes import stop

from rk.catalogue import catalogue
from rk.paths import BUILD_DIR, DATASET_NQ, PROJECT_ROOT
from rk.web.settings import defaults

QUERIES = ("who-moderates-what", "describe-forum", "events-by-venue", "forums-per-department",
           "largest-events")
PAGE = "/page/forum/04"
CONCURRENCY = {1: 1, 16: 2}  # connections: wrk threads
ACCEPT = {"SOLUTIONS": "application/sparql-results+json", "GRAPH": "text/turtle"}
TARGETS = {"noop": 0.8, "virtuoso": 3.0, "rdflib-endpoint": 20.0}
_PORT = iter(range(18700, 18800))


def wait_until_up(url: str, process: subprocess.Popen | None, within: float) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server for {url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {within:g} s")


@contextlib.contextmanager
def process(command: list[str], url: str, log: Path, within: float = 600.0, env=None):
    """Run a server command until the block ends; yields once `url` answers 200."""
    with log.open("wb") as sink:
        child = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT,
                                 cwd=PROJECT_ROOT, env={**os.environ, **(env or {})})
    try:
        wait_until_up(url, child, within)
        yield
    finally:
        stop(child)


def sparql_path(endpoint: str, query) -> str:
    return f"{endpoint}?" + urllib.parse.urlencode({"query": query.text})


def wrk(url: str, accept: str, connections: int, duration: float) -> dict:
    """Run wrk once; requests/s, p50 and p99 in ms, and failed requests."""
    command = ["wrk", "-t", str(CONCURRENCY[connections]), "-c", str(connections),
               "-d", f"{duration:g}s", "--timeout", "30s", "--latency",
               "-H", f"Accept: {accept}", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True,
                            timeout=duration + 60).stdout
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", output, re.M))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
            "p50": _ms(percentiles.get("50")), "p99": _ms(percentiles.get("99")),
            "errors": errors}


def _ms(value: str | None) -> float | None:
    if value is None:
        return None
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit]


def bench(base: str, targets: dict[str, tuple[str, str]], duration: float) -> dict:
    """Results by (target name, connections) for the server at `base`."""
    results = {}
    for name, (path, accept) in targets.items():
        request = urllib.request.Request(base + path, headers={"Accept": accept})
        with urllib.request.urlopen(request, timeout=120) as response:  # fails loudly if not 200
            response.read()
        for connections in CONCURRENCY:
            results[name, connections] = wrk(base + path, accept, connections, duration)
    return results


def servers(args, workers: int, threads: int):
    """(peer name, context manager yielding the base URL, targets) for every peer here."""
    build_dir, work = args.build_dir.resolve(), args.work_dir.resolve()
    named = {query.name: query for query in catalogue()}
    kind = {name: "GRAPH" if re.search(r"^\s*(DESCRIBE|CONSTRUCT)", named[name].text, re.M)
            else "SOLUTIONS" for name in QUERIES}
    def sparql(endpoint: str = "/sparql") -> dict:
        return {name: (sparql_path(endpoint, named[name]), ACCEPT[kind[name]])
                for name in QUERIES}

    @contextlib.contextmanager
    def ours(*flags):
        port = next(_PORT)
        command = [sys.executable, "-m", "rk.cli", "serve", "--port", str(port),
                   "--build-dir", str(build_dir), "--workers", str(workers),
                   "--threads", str(threads), *flags]
        env = {"RK_PID_FILE": str(work / f"rk-serve-{port}.pid")}
        with process(command, f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D",
                     work / "rk-serve.log", env=env):
            yield f"http://127.0.0.1:{port}"

    @contextlib.contextmanager
    def noop():
        port = next(_PORT)
        command = [sys.executable, "bench/noop.py", str(port), str(workers), str(threads)]
        with process(command, f"http://127.0.0.1:{port}/", work / "noop.log"):
            yield f"http://127.0.0.1:{port}"

    @contextlib.contextmanager
    def virtuoso():
        from support.virtuoso import Virtuoso

        folder = work / "virtuoso"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        with Virtuoso(folder) as server:
            server.load_nquads(build_dir / DATASET_NQ)
            yield server.base_url

    @contextlib.contextmanager
    def rdflib_endpoint():
        port = next(_PORT)
        command = [sys.executable, "-m", "rdflib_endpoint", "serve", str(build_dir / DATASET_NQ),
                   "--host", "127.0.0.1", "--port", str(port)]
        with process(command, f"http://127.0.0.1:{port}/?query=ASK%7B%7D",
                     work / "rdflib-endpoint.log", within=120):
            yield f"http://127.0.0.1:{port}"

    yield "noop", noop(), {"no-op": ("/", "text/plain")}
    page = {"page " + PAGE: (PAGE, "text/html")}
    yield "ours", ours(), {**sparql(), **page}
    yield "ours, no cache", ours("--cache-bytes", "0"), {**sparql(), **page}
    if _virtuoso_installed():
        yield "virtuoso", virtuoso(), sparql()
    if _module_available("rdflib_endpoint"):
        yield "rdflib-endpoint", rdflib_endpoint(), sparql("/")  # its endpoint is at /


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
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: `make bench` installs it (Debian package wrk)")
    args.work_dir.mkdir(parents=True, exist_ok=True)
    config = defaults()
    workers, threads = config["WORKERS"], config["THREADS"]
    runs: dict = {}
    with contextlib.ExitStack() as running:
        started = {}
        for peer, server, targets in servers(args, workers, threads):
            print(f"starting {peer} …", file=sys.stderr, flush=True)
            started[peer] = (running.enter_context(server), targets)
        for round_number in range(1, args.rounds + 1):
            for peer, (base, targets) in started.items():
                print(f"round {round_number}: {peer} …", file=sys.stderr, flush=True)
                for key, result in bench(base, targets, args.duration).items():
                    runs.setdefault(peer, {}).setdefault(key, []).append(result)
    results = {peer: {key: median_run(found) for key, found in by_key.items()}
               for peer, by_key in runs.items()}
    report(results, workers, threads, args.duration, args.rounds)


def median_run(found: list[dict]) -> dict:
    """The run with the median requests/s (its latencies), with every run's failures."""
    middle = sorted(found, key=lambda result: result["rps"])[(len(found) - 1) // 2]
    return {**middle, "errors": sum(result["errors"] for result in found)}


def report(results: dict, workers: int, threads: int, duration: float, rounds: int) -> None:
    print(f"`wrk`, {duration:g} s per URL and concurrency, GET on 127.0.0.1, median of "
          f"{rounds} rounds (all peers run side by side, each round visits them in turn); "
          "ours and the "
          f"no-op app under the same gunicorn configuration ({workers} workers × {threads} "
          "threads, gthread). Requests/s, p50 / p99 latency in ms of the median round; "
          "failed requests of all rounds, if any, in brackets.\n")
    peers = list(results)
    names = list(dict.fromkeys(name for peer in peers for name, _ in results[peer]))
    print("| URL | c | " + " | ".join(peers) + " |")
    print("|---|---:|" + "---:|" * len(peers))
    for name in names:
        for connections in CONCURRENCY:
            cells = []
            for peer in peers:
                found = results[peer].get((name, connections))
                cells.append(_cell(found) if found else "")
            print(f"| {name} | {connections} | " + " | ".join(cells) + " |")
    print()
    noop = results.get("noop", {}).get(("no-op", 16))
    for ours in ("ours", "ours, no cache"):
        if ours not in results:
            continue
        lines = []
        for name in names:
            mine = results[ours].get((name, 16))
            if not mine or name == "no-op":
                continue
            ratios = []
            if noop:
                ratios.append(("noop", mine["rps"] / noop["rps"]))
            for peer in ("virtuoso", "rdflib-endpoint"):
                theirs = results.get(peer, {}).get((name, 16))
                if theirs and theirs["rps"]:
                    ratios.append((peer, mine["rps"] / theirs["rps"]))
            lines.append((name, ratios))
        print(f"Ratios of requests/s at concurrency 16, {ours}:\n")
        print("| URL | vs no-op (target ≥ 80 %) | vs Virtuoso (target ≥ 3×) "
              "| vs rdflib-endpoint (target ≥ 20×) |")
        print("|---|---:|---:|---:|")
        for name, ratios in lines:
            found = dict(ratios)
            cells = []
            for peer in ("noop", "virtuoso", "rdflib-endpoint"):
                if peer not in found:
                    cells.append("")
                    continue
                value = found[peer]
                text = f"{value * 100:.0f} %" if peer == "noop" else f"{value:.1f}×"
                cells.append(f"{text} {'✓' if value >= TARGETS[peer] else '✗'}")
            print(f"| {name} | " + " | ".join(cells) + " |")
        print()


def _cell(found: dict) -> str:
    latency = "/".join(f"{found[k]:.1f}" if found[k] is not None else "?" for k in ("p50", "p99"))
    errors = f" ({found['errors']})" if found["errors"] else ""
    return f"{found['rps']:.0f} · {latency}{errors}"


if __name__ == "__main__":
    main()
