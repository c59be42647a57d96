"""Hostile clients for bench/abuse.py and bench/load.py: slow connections, a greedy
client and a prober that measures what a well-behaved client meets meanwhile.

Every connection goes to 127.0.0.1. A client's source address is another loopback
address (127.0.0.0/8 is local on Linux), so that one machine can play many clients.
"""

import http.client
import multiprocessing
import selectors
import socket
import statistics
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

RUNAWAY = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
SLOW_BODY_BYTES = 100_000  # the Content-Length a slow body announces (under the body limit)


def source(group: int, index: int) -> str:
    """The loopback address of client `index` in `group` (1..200): 127.<group>.x.y."""
    return f"127.{group}.{1 + index // 250}.{1 + index % 250}"


def sparql_path(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


@dataclass
class Answer:
    """One request: when it started, how long it took, its status (or the error met)."""

    started: float
    seconds: float
    status: int | str
    retry_after: str | None = None
    body: bytes = b""


def get(port: int, path: str, source_address: str | None = None, timeout: float = 30.0,
        headers: dict | None = None) -> Answer:
    """GET `path` on a new connection from `source_address`."""
    started = time.monotonic()
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=timeout,
        source_address=(source_address, 0) if source_address else None)
    try:
        connection.request("GET", path, headers={"Accept": "application/sparql-results+json",
                                                 **(headers or {})})
        response = connection.getresponse()
        body = response.read()
        return Answer(started, time.monotonic() - started, response.status,
                      response.getheader("Retry-After"), body)
    except (OSError, http.client.HTTPException) as error:
        return Answer(started, time.monotonic() - started, type(error).__name__)
    finally:
        connection.close()


class Prober:
    """Cheap queries, each different (so no cache answers it), one after the other from
    `source_address` until stopped or `seconds` pass; every answer is kept."""

    def __init__(self, port: int, source_address: str | None = None, pause: float = 0.1,
                 seconds: float = 300.0, timeout: float = 15.0):
        self.answers: list[Answer] = []
        self._stop = threading.Event()

        def run():
            deadline = time.monotonic() + seconds
            number = 0
            while not self._stop.is_set() and time.monotonic() < deadline:
                number += 1
                query = f"ASK {{ ?s ?p ?o }} # probe {number} {time.time_ns()}"
                self.answers.append(get(port, sparql_path(query), source_address, timeout))
                self._stop.wait(pause)

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()

    def stop(self) -> list[Answer]:
        self._stop.set()
        self._thread.join(60)
        return self.answers


def latency_figures(answers: list[Answer]) -> dict:
    """Count, failures (not 200), median and max seconds of a prober's answers."""
    seconds = [answer.seconds for answer in answers]
    return {
        "count": len(answers),
        "failures": sum(answer.status != 200 for answer in answers),
        "statuses": sorted({str(answer.status) for answer in answers}),
        "median": statistics.median(seconds) if seconds else None,
        "max": max(seconds) if seconds else None,
    }


class Greedy:
    """`count` threads of one client (one source address), each sending runaway queries
    back to back until stopped or `seconds` pass; after a 429 a thread waits the
    Retry-After it was given, or not at all with `hammer`. They run in a process of
    their own, so that they do not take the interpreter from a prober here."""

    def __init__(self, port: int, count: int = 16, source_address: str = "127.0.0.2",
                 seconds: float = 300.0, timeout: float = 60.0, hammer: bool = False):
        context = multiprocessing.get_context("fork")
        self._stop = context.Event()
        self._answers, theirs = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_greedy, args=(theirs, self._stop, port, count, source_address, seconds, timeout, hammer),
            daemon=True)
        self._process.start()
        theirs.close()

    def stop(self) -> list[Answer]:
        self._stop.set()
        answers = self._answers.recv() if self._answers.poll(120) else []
        self._process.join(30)
        return answers


def _greedy(conn, stop, port, count, source_address, seconds, timeout, hammer) -> None:
    answers: list[Answer] = []
    deadline = time.monotonic() + seconds

    def run():
        while not stop.is_set() and time.monotonic() < deadline:
            answer = get(port, sparql_path(RUNAWAY), source_address, timeout)
            answer.body = answer.body[:200]
            answers.append(answer)
            if answer.status == 429 and not hammer:
                stop.wait(float(answer.retry_after or 1))

    threads = [threading.Thread(target=run, daemon=True) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + timeout + 10)
    conn.send(answers)
    conn.close()


@dataclass
class Slow:
    """One slow connection: when it opened, when the server ended it (None: it did
    not), and the status of what the server sent (None: nothing)."""

    sock: socket.socket
    opened: float
    sent: int = 0
    ended: float | None = None
    status: int | None = None
    received: bytes = field(default=b"", repr=False)


class SlowConnections:
    """`count` connections that send their request a little at a time: `kind` "headers"
    sends the request line, then one header line every `interval` seconds; "body" sends
    the headers of a POST announcing a body, then one byte of it every `interval`.
    Each comes from its own loopback address in `group`. With `reopen`, a connection
    the server ends is replaced, so `count` stay open."""

    def __init__(self, port: int, count: int, kind: str = "headers", interval: float = 2.0,
                 group: int = 100, reopen: bool = False, seconds: float = 600.0):
        if kind not in ("headers", "body"):
            raise ValueError(kind)
        self.port, self.kind, self.interval, self.group, self.reopen = port, kind, interval, group, reopen
        self.connections: list[Slow] = []
        self.failed_opens = 0
        self._opened = 0
        self._selector = selectors.DefaultSelector()
        self._stop = threading.Event()
        for _ in range(count):
            self._open()
        self._deadline = time.monotonic() + seconds
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _open(self) -> None:
        address = source(self.group, self._opened % 40_000)
        self._opened += 1
        try:
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=10,
                                            source_address=(address, 0))
        except OSError:
            self.failed_opens += 1
            return
        if self.kind == "headers":
            opening = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        else:
            opening = (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       b"Content-Type: application/sparql-query\r\n"
                       b"Content-Length: %d\r\n\r\n" % SLOW_BODY_BYTES)
        slow = Slow(sock, time.monotonic())
        try:
            sock.sendall(opening)
        except OSError:
            slow.ended = time.monotonic()
        sock.setblocking(False)
        self.connections.append(slow)
        if slow.ended is None:
            self._selector.register(sock, selectors.EVENT_READ, slow)

    def _end(self, slow: Slow) -> None:
        if self.reopen and not self._stop.is_set():
            self._open()  # first, so that `count` stay open at every moment
        slow.ended = time.monotonic()
        self._selector.unregister(slow.sock)
        slow.sock.close()

    def _receive(self, slow: Slow) -> None:
        try:
            data = slow.sock.recv(4096)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if data:
            slow.received += data
            if slow.status is None and slow.received.startswith(b"HTTP/") and b" " in slow.received:
                slow.status = int(slow.received.split(b" ", 2)[1][:3] or 0)
            return
        self._end(slow)

    def _run(self) -> None:
        next_piece = time.monotonic() + self.interval
        while not self._stop.is_set() and time.monotonic() < self._deadline:
            for key, _ in self._selector.select(timeout=max(0.0, min(0.2, next_piece - time.monotonic()))):
                self._receive(key.data)
            if time.monotonic() >= next_piece:
                next_piece += self.interval
                for slow in [s for s in self.connections if s.ended is None]:
                    piece = b"X-Slow-%d: 1\r\n" % slow.sent if self.kind == "headers" else b"#"
                    try:
                        slow.sock.send(piece)
                        slow.sent += 1
                    except BlockingIOError:
                        pass
                    except OSError:
                        self._end(slow)

    def open_count(self) -> int:
        return sum(slow.ended is None for slow in self.connections)

    def stop(self) -> list[Slow]:
        self._stop.set()
        self._thread.join(30)
        for slow in self.connections:
            if slow.ended is None:
                slow.sock.close()
        self._selector.close()
        return self.connections


def slow_figures(connections: list[Slow], stopped: float) -> dict:
    """How many slow connections the server ended, after how long, and with what."""
    ended = [slow for slow in connections if slow.ended is not None and slow.ended <= stopped]
    lifetimes = [slow.ended - slow.opened for slow in ended]
    return {
        "count": len(connections),
        "ended_by_server": len(ended),
        "statuses": sorted({str(slow.status) for slow in ended}),
        "ended_after_min": min(lifetimes) if lifetimes else None,
        "ended_after_max": max(lifetimes) if lifetimes else None,
    }
