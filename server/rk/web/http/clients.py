"""Who the client is, and the query time each client may use per minute.

The client is the connection's address, as the front (rk/front.py) determined it and
passed it in the header the config names (CLIENT_HEADER); without a front, the peer's
address. The query time is kept in a small SQLite file that every server process of
one `rk serve` opens (BUDGET_FILE, in the front's private folder), so the limit holds
across gunicorn's workers, and across a reload.
"""

import math
import sqlite3
import tempfile
import threading
import time
from pathlib import Path

from flask import Flask, current_app, request
from werkzeug.exceptions import TooManyRequests

WINDOW = 60.0  # seconds over which a client's query time adds up
_SCHEMA = """
CREATE TABLE IF NOT EXISTS usage (client TEXT PRIMARY KEY, window_start REAL NOT NULL, seconds REAL NOT NULL);
CREATE INDEX IF NOT EXISTS usage_by_window ON usage (window_start);
"""
_CHARGE = """
INSERT INTO usage (client, window_start, seconds) VALUES (:client, :started, :spent)
ON CONFLICT (client) DO UPDATE SET
  seconds = CASE WHEN window_start + :window <= :started THEN :spent ELSE seconds + :spent END,
  window_start = CASE WHEN window_start + :window <= :started THEN :started ELSE window_start END
"""


class QueryBudget:
    """Seconds of query time per client and 60 s window, shared through a SQLite file.

    A window starts with a client's first query after the last window ended; the time
    of every query that started in it adds up; once it reaches `seconds`, the client
    waits for the window's end. Times come from the monotonic clock, which all
    processes of the machine share."""

    def __init__(self, path: str | Path, seconds: float):
        self.path, self.seconds = str(path), seconds
        self._local = threading.local()  # one connection per thread (and process)
        self._swept = -WINDOW  # when this process last removed the windows that ended
        with self._connection() as connection:
            connection.executescript(_SCHEMA)

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=OFF")  # a crash may lose a few seconds of accounting
            self._local.connection = connection
        return connection

    def wait(self, client: str, now: float | None = None) -> int:
        """Whole seconds until `client` may start a query (0: now)."""
        now = time.monotonic() if now is None else now
        row = self._connection().execute(
            "SELECT window_start, seconds FROM usage WHERE client = ?", (client,)).fetchone()
        if row is None or row[0] + WINDOW <= now or row[1] < self.seconds:
            return 0
        return max(1, math.ceil(row[0] + WINDOW - now))

    def charge(self, client: str, spent: float, started: float) -> None:
        """Add `spent` seconds of a query that started at `started` to `client`'s window
        (one statement, atomic by itself); the windows that ended are removed once a
        window's length at most (a client's row is reset by its next charge anyway)."""
        connection = self._connection()
        connection.execute(_CHARGE, {"client": client, "started": started, "spent": spent,
                                     "window": WINDOW})
        if started - self._swept >= WINDOW:
            self._swept = started
            connection.execute("DELETE FROM usage WHERE window_start + ? <= ?", (WINDOW, started))


def init_app(app: Flask) -> None:
    """Open the query budget the settings ask for (none when client_query_seconds is 0)."""
    seconds = app.config["CLIENT_QUERY_SECONDS"]
    budget = None
    if seconds > 0:
        path = app.config.get("BUDGET_FILE")
        if not path:  # an app without rk serve: a budget of its own
            folder = tempfile.TemporaryDirectory(prefix="rk-budget-")
            app.extensions["rk.budget_folder"] = folder
            path = Path(folder.name) / "budget.sqlite"
        budget = QueryBudget(path, seconds)
    app.extensions["rk.budget"] = budget


def address() -> str:
    """The current request's client."""
    header = current_app.config.get("CLIENT_HEADER")
    if header:
        return request.headers.get(header) or request.remote_addr or ""
    return request.remote_addr or ""


class Metered:
    """Runs a query on the client's budget: refuses it (429 with Retry-After) when the
    client has used its time for this window, else charges the time it takes."""

    def __init__(self):
        self.budget: QueryBudget | None = current_app.extensions["rk.budget"]
        self.client = address()

    def __enter__(self):
        if self.budget is not None:
            wait = self.budget.wait(self.client)
            if wait:
                raise TooManyRequests(
                    f"This client ({self.client}) has used its {self.budget.seconds:g} s of query "
                    f"time for this minute; try again in {wait} s.", retry_after=wait)
        self.started = time.monotonic()
        return self

    def __exit__(self, *exc):
        if self.budget is not None:
            self.budget.charge(self.client, time.monotonic() - self.started, self.started)
        return False
