"""rdflib's SPARQL engine against pyoxigraph, on the named queries in queries/.

    python bench/engines.py [--build-dir DIR] [--repeat 5] [--budget 60]

Each query runs --repeat times on each engine over the built dataset (default graph =
union of the named graphs) and the table gives the median per query and the ratio.
Every engine and query runs in a process of its own that is stopped after --budget
seconds, so one slow query cannot hold up the table.
"""

import argparse
import multiprocessing
import statistics
import time
from pathlib import Path

from rk.catalogue import NamedQuery, catalogue
from rk.paths import BUILD_DIR, DATASET_NQ, QUERIES_DIR

ENGINES = ("rdflib", "pyoxigraph")


def run_rdflib(build_dir: str, query: str, repeat: int) -> tuple[int, list[float]]:
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    dataset.parse(Path(build_dir) / DATASET_NQ, format="nquads")
    times, size = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        result = dataset.query(query)
        graph = result.type in ("CONSTRUCT", "DESCRIBE")
        size = len(result.graph) if graph else len(list(result))
        times.append(time.perf_counter() - started)
    return size, times


def run_pyoxigraph(build_dir: str, query: str, repeat: int) -> tuple[int, list[float]]:
    from rk.store import Kind
    from rk.store.embedded import EmbeddedStore

    store = EmbeddedStore(build_dir)
    times, size = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        result = store.query(query)
        if result.kind is Kind.GRAPH:
            size = result.serialize("ntriples").count(b"\n")
        else:
            size = result.serialize("tsv").count(b"\n") - 1
        times.append(time.perf_counter() - started)
    return size, times


def _child(conn, engine: str, build_dir: str, query: str, repeat: int) -> None:
    runner = run_rdflib if engine == "rdflib" else run_pyoxigraph
    conn.send(runner(build_dir, query, repeat))


def measure(engine: str, build_dir: str, query: str, repeat: int, budget: float):
    """(rows, median seconds), or None if the engine did not finish within `budget`."""
    receiver, sender = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.Process(
        target=_child, args=(sender, engine, build_dir, query, repeat)
    )
    process.start()
    sender.close()
    finished = receiver.poll(budget)
    if not finished:
        process.kill()
    process.join()
    if not finished:
        return None
    size, times = receiver.recv()
    return size, statistics.median(times)


def expected(query: NamedQuery) -> str:
    if query.expected_rows is not None:
        return str(query.expected_rows)
    return f"≥{query.expected_triples_min}" if query.expected_triples_min is not None else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", default=str(BUILD_DIR))
    parser.add_argument("--queries-dir", default=str(QUERIES_DIR))
    parser.add_argument("--repeat", type=int, default=5, help="runs per query and engine")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per query and engine")
    args = parser.parse_args()
    print(f"dataset: {Path(args.build_dir) / DATASET_NQ}; median of {args.repeat} runs\n")
    print(f"| {'query':28} | rows rdflib/oxigraph | expected | rdflib ms | pyoxigraph ms | ratio |")
    print(f"|{'-' * 30}|--------------------:|---------:|----------:|--------------:|------:|")
    for query in catalogue(Path(args.queries_dir)):
        slow, fast = (
            measure(engine, args.build_dir, query.text, args.repeat, args.budget) for engine in ENGINES
        )
        rows = "/".join(str(m[0]) if m else "-" for m in (slow, fast))
        slow_ms = f"{slow[1] * 1e3:.1f}" if slow else f">{args.budget:g} s"
        fast_ms = f"{fast[1] * 1e3:.2f}" if fast else f">{args.budget:g} s"
        ratio = f"{slow[1] / fast[1]:.0f}×" if slow and fast else "-"
        print(
            f"| {query.name:28} | {rows:>19} | {expected(query):>8} | {slow_ms:>9} "
            f"| {fast_ms:>13} | {ratio:>5} |"
        )


if __name__ == "__main__":
    main()
