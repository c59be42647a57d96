"""Load time, memory and catalogue query latency of synthetic datasets of growing size.

    python bench/scale.py [--sizes 1e4,1e5,1e6,1e7] [--repeat 5] [--work-dir build/bench]

For each size, bench/synthetic.py writes a dataset (kept in --work-dir for the next
run) and fresh processes measure, for the in-memory store and the on-disk store
(`rk serve --store-dir`): the time to load or open it, the resident memory (RSS) after
that, and the median latency of every catalogue query. A query whose first run takes
longer than --query-budget seconds is run once, a fast one until it has run 0.5 s (at
most 500 times); one that has not finished after --query-budget × 3 seconds is stopped
(its process is killed and a new one goes on with the next query). Selective queries
are those whose answer is the same at every size (the synthetic copies do not touch
it); the target is that their latency grows less than 2× from the smallest size to the
largest. Prints Markdown.
"""

import argparse
import hashlib
import json
import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import synthetic

from rk.catalogue import catalogue
from rk.paths import BUILD_DIR, MANIFEST, PROJECT_ROOT

MODES = ("memory", "disk")
GROWTH_TARGET = 2.0
_FAST_TOTAL, _MOST_RUNS = 0.5, 500  # fast queries run more often, for a stable median
_BLANK = re.compile(rb"_:[A-Za-z0-9]+")


def rss_mb() -> tuple[float, float]:
    """This process's resident memory now and at its peak, in MB."""
    fields = dict(
        line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines()
    )
    return tuple(int(fields[key].split()[0]) / 1024 for key in ("VmRSS", "VmHWM"))


def probe(mode: str, build_dir: str, store_dir: str, names: list[str], repeat: int,
          query_budget: float) -> None:
    """In a fresh process: open the store, report, then time each query (JSON lines)."""
    from rk.store import Kind
    from rk.store.embedded import EmbeddedStore

    def say(**record):
        print(json.dumps(record), flush=True)

    if mode == "baseline":
        say(event="open", seconds=0.0, rss=rss_mb())
        return
    if mode == "load":  # the on-disk store's first start: bulk load into store_dir
        from rk.store import disk
        from rk.store.dataset import BuiltDataset

        started = time.perf_counter()
        disk.pin(BuiltDataset.locate(build_dir), store_dir).release()
        say(event="open", seconds=time.perf_counter() - started, rss=rss_mb())
        return
    started = time.perf_counter()
    store = EmbeddedStore(build_dir, store_dir=store_dir if mode == "disk" else None)
    say(event="open", seconds=time.perf_counter() - started, rss=rss_mb())
    texts = {query.name: query.text for query in catalogue()}
    for name in names:
        say(event="start", query=name)
        times = []
        while len(times) < _MOST_RUNS and (len(times) < repeat or sum(times) < _FAST_TOTAL):
            started = time.perf_counter()
            result = store.query(texts[name])
            times.append(time.perf_counter() - started)
            if times[0] > query_budget:
                break
        lines = sorted(_BLANK.sub(b"_:b", line) for line in result.data.splitlines())
        say(event="query", query=name, rows=len(lines) - (result.kind is Kind.SOLUTIONS),
            answer=hashlib.sha256(b"\n".join(lines)).hexdigest(),
            seconds=statistics.median(times))
    say(event="done", rss=rss_mb())


class Records:
    """The child's JSON lines, one at a time, each awaited until a deadline of its own."""

    def __init__(self, process: subprocess.Popen):
        self.process = process
        self.buffer = b""
        self.ready: list[bytes] = []

    def next(self, within: float) -> dict | None:
        """The next record, None once the child has closed its output; TimeoutError after
        `within` seconds without one."""
        deadline = time.monotonic() + within
        while not self.ready:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self.process.stdout], [], [], remaining)[0]:
                raise TimeoutError
            chunk = os.read(self.process.stdout.fileno(), 65536)
            if not chunk:
                return None
            *complete, self.buffer = (self.buffer + chunk).split(b"\n")
            self.ready += complete
        return json.loads(self.ready.pop(0))


def measure(mode: str, build_dir: Path, store_dir: Path, args) -> dict:
    """Open, RSS and per-query (rows, seconds) of one store; queries over budget are None.

    A query still running after --query-budget × 3 seconds is given up: its process is
    killed and a new one opens the store and goes on with the queries not yet done."""
    names = [query.name for query in catalogue()]
    found: dict = {"queries": {}}
    while True:
        todo = [name for name in names if name not in found["queries"]]
        if not todo:  # the last query was given up: nothing left to run
            return found
        command = [sys.executable, __file__, "--probe", mode, str(build_dir), str(store_dir),
                   ",".join(todo), str(args.repeat), str(args.query_budget)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=PROJECT_ROOT)
        records, current = Records(process), None
        try:
            record = records.next(args.open_budget)
            if record is None or record["event"] != "open":
                raise RuntimeError(f"{mode} store of {build_dir} did not open: {record}")
            found.setdefault("open", record)
            while (record := records.next(args.query_budget * 3)) is not None:
                if record["event"] == "start":
                    current = record["query"]
                elif record["event"] == "query":
                    found["queries"][record["query"]] = (
                        record["rows"], record["seconds"], record["answer"])
                    current = None
                elif record["event"] == "done":
                    found["after"] = record["rss"]
            process.wait()
            return found
        except TimeoutError:
            process.kill()
            process.wait()
            if "open" not in found:
                raise RuntimeError(f"{mode} store of {build_dir} did not open in time") from None
            if current is None:
                raise RuntimeError(f"{mode} probe of {build_dir} stalled between queries") from None
            found["queries"][current] = None


def dataset(size: int, work_dir: Path, build_dir: Path) -> tuple[Path, dict]:
    folder = work_dir / f"scale-{size:.0e}".replace("+", "")
    manifest = folder / MANIFEST
    if manifest.is_file():
        return folder, json.loads(manifest.read_text())
    return folder, synthetic.generate(size, folder, build_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--probe", nargs=6, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="1e4,1e5,1e6,1e7", help="triples, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    parser.add_argument("--query-budget", type=float, default=20.0, help="seconds, see above")
    parser.add_argument("--open-budget", type=float, default=3600.0,
                        help="seconds a store may take to load or open")
    parser.add_argument("--work-dir", type=Path, default=BUILD_DIR / "bench")
    parser.add_argument("--build-dir", type=Path, default=BUILD_DIR)
    args = parser.parse_args()
    if args.probe:
        mode, build_dir, store_dir, names, repeat, budget = args.probe
        probe(mode, build_dir, store_dir, names.split(","), int(repeat), float(budget))
        return
    sizes = [int(float(size)) for size in args.sizes.split(",")]
    baseline = measure("baseline", args.build_dir, args.work_dir, args)["open"]["rss"][0]
    rows, failures = [], []
    for size in sizes:
        print(f"size {size:.0e} …", file=sys.stderr, flush=True)
        folder, manifest = dataset(size, args.work_dir, args.build_dir)
        store_dir = args.work_dir / "stores" / folder.name
        shutil.rmtree(store_dir, ignore_errors=True)
        try:
            load = measure("load", folder, store_dir, args)["open"]["seconds"]
            results = {mode: measure(mode, folder, store_dir, args) for mode in MODES}
        except RuntimeError as error:  # reported below the tables; the other sizes go on
            failures.append(f"{size:.0e} triples: {error}")
            continue
        disk_mb = sum(f.stat().st_size for f in store_dir.rglob("*") if f.is_file()) / 2**20
        rows.append((manifest["triples_total"], load, disk_mb, results))
    report(rows, baseline, args)
    for failure in failures:
        print(f"\n**Not measured**: {failure}")


def report(rows, baseline: float, args) -> None:
    print(f"Sizes {args.sizes}; median of {args.repeat} runs per query; RSS of a fresh "
          f"process after loading (Python with rk imported: {baseline:.0f} MB, subtracted "
          "for MB per million triples). The on-disk store is loaded once (first start), "
          "then opened read-only.\n")
    print("| triples | in-memory load s | RSS MB | MB / 10⁶ triples | on-disk first load s "
          "| open s | RSS MB | MB / 10⁶ triples | on disk MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for triples, load, disk_mb, results in rows:
        memory, disk = results["memory"], results["disk"]
        cells = [f"{triples:,}"]
        for result, extra in ((memory, None), (disk, load)):
            if extra is not None:
                cells.append(f"{extra:.2f}")
            rss = result["open"]["rss"][0]
            cells += [f"{result['open']['seconds']:.2f}", f"{rss:.0f}",
                      f"{(rss - baseline) / (triples / 1e6):.0f}"]
        cells.append(f"{disk_mb:.0f}")
        print("| " + " | ".join(cells) + " |")
    names = [query.name for query in catalogue()]
    sizes = [f"{triples:.0e}".replace("+0", "") for triples, *_ in rows]
    print(f"\nLatency in ms, in-memory / on-disk (rows in brackets); '-' = stopped after "
          f"{args.query_budget * 3:g} s.\n")
    print("| query | " + " | ".join(sizes) + " | selective | growth |")
    print("|---|" + "---:|" * len(sizes) + ":---:|---:|")
    met = []
    for name in names:
        cells, counts, memory_ms = [], set(), []
        for *_, results in rows:
            pair = [results[mode]["queries"].get(name) for mode in MODES]
            counts.update(p[2] for p in pair if p)
            memory_ms.append(pair[0][1] * 1e3 if pair[0] else None)
            ms = "/".join(f"{p[1] * 1e3:.{1 if p[1] > 0.01 else 2}f}" if p else "-"
                          for p in pair)
            cells.append(f"{ms} ({pair[0][0] if pair[0] else '?'})")
        selective = len(counts) == 1 and len(rows) > 1 and None not in memory_ms
        growth = memory_ms[-1] / memory_ms[0] if selective else None
        if selective:
            met.append(growth < GROWTH_TARGET)
        print(f"| {name} | " + " | ".join(cells) + f" | {'yes' if selective else 'no'} | "
              + (f"{growth:.2f}×" if growth else "") + " |")
    print(f"\nTarget: selective queries' latency (in-memory) grows < {GROWTH_TARGET:g}× from "
          f"{sizes[0]} to {sizes[-1]} triples: **{'met' if met and all(met) else 'not met'}** "
          f"({sum(met)} of {len(met)} selective queries).")


if __name__ == "__main__":
    main()
