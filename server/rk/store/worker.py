"""A query process: `python -m rk.store.worker FD ARGUMENTS-JSON`.

Started by `rk.store.isolated`. It confines itself from the network, loads the
dataset (or opens the on-disk store, read-only), says it is ready, and answers queries from the socket FD until it closes.
A query that runs `backstop` seconds ends the process (SIGALRM's default action), in
case the parent is gone and cannot kill it.
"""

import json
import signal
import sys
from multiprocessing.connection import Connection

from rk.store import sandbox
from rk.store.base import StoreError
from rk.store.embedded import EmbeddedStore


def serve(
    conn: Connection,
    build_dir: str,
    row_limit: int,
    base_iri: str | None,
    backstop: float,
    store_dir: str | None = None,
):
    """Answer (sparql, default_graph_uris, named_graph_uris) requests until the socket closes."""
    if sandbox.available():
        sandbox.forbid_internet()
    store = EmbeddedStore(build_dir, row_limit=row_limit, base_iri=base_iri, store_dir=store_dir)
    conn.send(store.dataset_version)
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        signal.setitimer(signal.ITIMER_REAL, backstop)
        try:
            reply = store.query(*request)
        except StoreError as error:
            reply = error
        signal.setitimer(signal.ITIMER_REAL, 0)
        conn.send(reply)


if __name__ == "__main__":
    serve(Connection(int(sys.argv[1])), **json.loads(sys.argv[2]))
