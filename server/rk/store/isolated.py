"""Queries in worker processes that are killed when they reach the time limit.

pyoxigraph cannot be interrupted from another thread, so every query runs in a query
process that holds its own `EmbeddedStore` and cannot open internet sockets. The
calling thread waits for the answer up to the time limit; then it kills the process,
which frees its CPU at once. A spare process, started beforehand, takes its place and a
new spare starts in the background; when several are replaced at once, the calling
thread starts the replacement itself before it answers (about a second). Either way the
pool is whole again when the runaway's client is told. A query still running after
LOW_PRIORITY_AFTER goes on at the lowest CPU priority, so that short queries (of any
client) go first; as a process cannot raise its priority again, it is replaced the same
way once that query ends. The pool should have one process per request the server
handles at a time (and has one spare besides).

The store pins its dataset: at open, dataset.nq is hard-linked (or copied) into a
private folder that every query process loads, so a replacement started after `rk build`
has replaced the file still answers from the same version as the others. With a
store directory, the dataset is loaded once into an on-disk store (`rk.store.disk`)
that every query process opens read-only instead of parsing dataset.nq.
"""

import json
import logging
import math
import os
import queue
import select
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path

from rk.paths import DATASET_NQ, MANIFEST
from rk.store import disk, sandbox
from rk.store.base import QueryFailed, QueryTimeout, Store, StoreBusy, StoreError
from rk.store.dataset import BuiltDataset, link_or_copy
from rk.store.results import CANONICAL, Formats, QueryResult, output_prefixes

log = logging.getLogger(__name__)
_SOURCE_ROOT = str(Path(__file__).resolve().parents[2])  # the directory holding `rk`
_BACKSTOP = 5.0  # seconds past the limit after which a query process ends itself
LOW_PRIORITY_AFTER = 1.0  # seconds after which a query goes on at the lowest CPU priority


class IsolatedStore(Store):
    """A pool of query processes over one built dataset, with a per-query time limit."""

    def __init__(
        self,
        build_dir,
        *,
        processes: int = 2,
        time_limit: float = 10.0,
        row_limit: int = 10_000,
        base_iri: str | None = None,
        start_timeout: float = 120.0,
        store_dir: str | None = None,
    ):
        self._pinned = tempfile.TemporaryDirectory(prefix="rk-dataset-")
        located = BuiltDataset.locate(build_dir)
        link_or_copy(located.nquads, Path(self._pinned.name) / DATASET_NQ)
        self._version = located.version
        (Path(self._pinned.name) / MANIFEST).write_text(json.dumps({"version": self._version}))
        self._disk = None  # with store_dir: loaded here once, opened read-only by each process
        if store_dir:
            pinned = BuiltDataset(Path(self._pinned.name) / DATASET_NQ, self._version)
            self._disk = disk.pin(pinned, store_dir)
        self._time_limit = time_limit
        self._start_timeout = start_timeout
        self._arguments = {
            "build_dir": self._pinned.name,
            "row_limit": row_limit,
            "base_iri": base_iri,
            "backstop": time_limit + _BACKSTOP,
            "store_dir": store_dir,
            "prefixes": output_prefixes(),
        }
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._spare: queue.SimpleQueue[_Worker] = queue.SimpleQueue()  # one ready, kept back
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._closed = False
        if not sandbox.available():
            log.warning("query processes cannot be confined from the network on this platform")
        try:
            workers = [self._start_worker() for _ in range(processes + 1)]
            for worker in workers:
                worker.wait_ready(start_timeout)
            for worker in workers[:-1]:
                self._idle.put(worker)
            self._spare.put(workers[-1])
        except StoreError:
            self.close()
            raise

    @property
    def dataset_version(self) -> str:
        return self._version

    def query(
        self,
        sparql: str,
        default_graph_uris: Sequence[str] | None = None,
        named_graph_uris: Sequence[str] | None = None,
        formats: Formats = CANONICAL,
    ) -> QueryResult:
        request = (sparql, _listed(default_graph_uris), _listed(named_graph_uris),
                   formats.solutions, formats.graph)
        return QueryResult.from_tuple(self._ask([request])[0])

    def query_many(self, queries: Sequence[tuple[str, Formats]]) -> list[QueryResult]:
        """All `queries` in one query process, in one round trip, within one time limit."""
        requests = [(sparql, None, None, formats.solutions, formats.graph)
                    for sparql, formats in queries]
        return [QueryResult.from_tuple(reply) for reply in self._ask(requests)]

    def _ask(self, requests: list[tuple]) -> list[tuple]:
        """Send a batch of requests to an idle query process; its replies, or the first
        error. The whole batch has the time limit."""
        try:
            worker = self._idle.get(timeout=self._time_limit)
        except queue.Empty:
            raise StoreBusy(
                f"All query processes stayed busy for {self._time_limit:g} s; try again later."
            ) from None
        lowered = False
        try:
            worker.conn.send(requests)
            finished = worker.answered_within(min(self._time_limit, LOW_PRIORITY_AFTER))
            if not finished and self._time_limit > LOW_PRIORITY_AFTER:
                lowered = worker.lower_priority()
                finished = worker.answered_within(self._time_limit - LOW_PRIORITY_AFTER)
            reply = worker.conn.recv() if finished else None
        except (EOFError, OSError):
            self._replace(worker)
            raise QueryFailed(
                "The query process ended unexpectedly; the query may need more memory "
                "than the server has."
            ) from None
        if not finished:
            self._replace(worker)
            raise QueryTimeout(
                f"The query did not finish within the time limit of {self._time_limit:g} s "
                "and was stopped."
            )
        if lowered:  # a process cannot raise its priority again: a new one takes its place
            self._replace(worker)
        else:
            self._release(worker)
        if isinstance(reply, StoreError):
            raise reply
        return reply

    def close(self) -> None:
        """Stop every query process. A worker is closed by whoever holds it: busy and
        starting ones by their thread, which sees the process end; idle ones here."""
        with self._lock:
            self._closed = True
            workers, self._workers = self._workers, set()
        for worker in workers:
            worker.process.kill()
        for waiting in (self._idle, self._spare):
            while True:
                try:
                    waiting.get_nowait().kill()
                except queue.Empty:
                    break
        self._pinned.cleanup()
        if self._disk is not None:
            self._disk.release()

    def _release(self, worker: "_Worker", into: queue.SimpleQueue | None = None) -> None:
        with self._lock:
            if not self._closed:
                (self._idle if into is None else into).put(worker)
                return
        worker.kill()

    def _start_worker(self) -> "_Worker":
        worker = _Worker(self._arguments)
        with self._lock:
            if not self._closed:
                self._workers.add(worker)
                return worker
        worker.kill()
        raise StoreError("the store is closed")

    def _replace(self, worker: "_Worker") -> None:
        """Kill `worker`; the spare takes its place at once and a new spare starts in the
        background. Without a spare (several replaced at once) the calling thread starts
        the replacement itself: the request that lost the process waits for the new one,
        so the pool never lacks a process for the requests of other clients."""
        with self._lock:
            self._workers.discard(worker)
        worker.kill()
        try:
            spare = self._spare.get_nowait()
        except queue.Empty:
            self._add_replacement()
            return
        self._release(spare)
        threading.Thread(target=self._add_replacement, args=(self._spare,), daemon=True).start()

    def _add_replacement(self, into: queue.SimpleQueue | None = None) -> None:
        try:
            worker = self._start_worker()
            worker.wait_ready(self._start_timeout)
        except StoreError as error:
            if not self._closed:
                log.error("could not replace a query process: %s", error)
            return
        self._release(worker, into)


class _Worker:
    """One query process (`python -m rk.store.worker`) and the parent's end of its socket."""

    def __init__(self, arguments):
        ours, theirs = socket.socketpair()
        with theirs:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "rk.store.worker"]
                + [str(theirs.fileno()), json.dumps(arguments)],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": _python_path()},
            )
        self.conn = Connection(ours.detach())
        self._poller = select.poll()  # kept: Connection.poll builds a selector every call
        self._poller.register(self.conn.fileno(), select.POLLIN)

    def answered_within(self, seconds: float) -> bool:
        """Whether the process's answer (or its end) is there within `seconds`."""
        return bool(self._poller.poll(math.ceil(seconds * 1000)))

    def wait_ready(self, timeout: float) -> None:
        try:
            if self.conn.poll(timeout):
                self.conn.recv()
                return
        except (EOFError, OSError):
            pass
        self.kill()
        raise StoreError("a query process failed to start; see the server log")

    def lower_priority(self) -> bool:
        """Let the process run only when nothing else wants the CPU (nice 19); whether it did."""
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, 19)
        except OSError:
            return False
        return True

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()
        self.conn.close()


def _python_path() -> str:
    """PYTHONPATH for a query process: this `rk` first, then whatever was set."""
    return os.pathsep.join(filter(None, [_SOURCE_ROOT, os.environ.get("PYTHONPATH")]))


def _listed(uris: Sequence[str] | None) -> list[str] | None:
    return None if uris is None else list(uris)
