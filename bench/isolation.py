"""What running queries in separate query processes costs, per query.

    python bench/isolation.py [--build-dir DIR] [--queries 200]

Runs the same cheap queries on an `EmbeddedStore` (pyoxigraph in this process) and on
an `IsolatedStore` with one query process (what `rk serve` uses to enforce the time
limit), each answer serialised as a client would get it, and prints the median time
per query and the difference.
"""

import argparse
import statistics
import time

from rk.paths import BUILD_DIR
from rk.store.embedded import EmbeddedStore
from rk.store.isolated import IsolatedStore

QUERIES = {
    "ASK, boolean": ("ASK { ?s ?p ?o }", "json"),
    "10 labels, JSON": (
        "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } "
        "LIMIT 10",
        "json",
    ),
    "100 triples, JSON": ("SELECT * WHERE { ?s ?p ?o } LIMIT 100", "json"),
    "DESCRIBE forum 04, Turtle": (
        "DESCRIBE <https://w3id.org/ruhr-konferenz/id/forum/04>",
        "turtle",
    ),
}


def median_seconds(store, query: str, fmt: str, runs: int) -> float:
    for _ in range(10):  # warm up
        store.query(query).serialize(fmt)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        store.query(query).serialize(fmt)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", default=str(BUILD_DIR))
    parser.add_argument("--queries", type=int, default=200, help="runs per query and store")
    args = parser.parse_args()
    embedded = EmbeddedStore(args.build_dir)
    with IsolatedStore(args.build_dir, processes=1) as isolated:
        print(f"{args.queries} runs per query; median per query in microseconds\n")
        print(f"| {'query':28} | in-process | isolated | overhead |")
        print(f"|{'-' * 30}|-----------:|---------:|---------:|")
        for name, (query, fmt) in QUERIES.items():
            inside = median_seconds(embedded, query, fmt, args.queries) * 1e6
            outside = median_seconds(isolated, query, fmt, args.queries) * 1e6
            print(f"| {name:28} | {inside:10.0f} | {outside:8.0f} | {outside - inside:8.0f} |")


if __name__ == "__main__":
    main()
