"""A query process: `python -m rk.store.worker FD ARGUMENTS-JSON`.

Started by `rk.store.isolated`. It confines itself from the network, loads the
dataset (or opens the on-disk store, read-only), says it is ready, and answers batches
of queries from the socket FD until it closes, each answer written in the format asked
for. A batch that runs `backstop` seconds ends the process (SIGALRM's default action),
in case the parent is gone and cannot kill it.
"""

import functools
import json
import signal
import sys
from multiprocessing.connection import Connection

from rk.store import sandbox
from rk.store.base import StoreError
from rk.store.embedded import EmbeddedStore
from rk.store.results import Formats


def serve(
    conn: Connection,
    build_dir: str,
    row_limit: int,
    base_iri: str | None,
    backstop: float,
    store_dir: str | None = None,
    prefixes: dict[str, str] | None = None,
):
    """Answer batches of (sparql, default_graph_uris, named_graph_uris, solutions format,
    graph format) requests until the socket closes: the results as tuples
    (`QueryResult.to_tuple`), in the formats asked for, or the first `StoreError`."""
    if sandbox.available():
        sandbox.forbid_internet()
    store = EmbeddedStore(build_dir, row_limit=row_limit, base_iri=base_iri,
                          store_dir=store_dir, prefixes=prefixes)
    conn.send(store.dataset_version)
    while True:
        try:
            batch = conn.recv()
        except EOFError:
            return
        signal.setitimer(signal.ITIMER_REAL, backstop)
        try:
            reply = [store.query(sparql, default, named, _formats(solutions, graph)).to_tuple()
                     for sparql, default, named, solutions, graph in batch]
        except StoreError as error:
            reply = error
        signal.setitimer(signal.ITIMER_REAL, 0)
        conn.send(reply)


@functools.lru_cache(maxsize=64)
def _formats(solutions: str, graph: str) -> Formats:
    return Formats(solutions, graph)


if __name__ == "__main__":
    serve(Connection(int(sys.argv[1])), **json.loads(sys.argv[2]))
