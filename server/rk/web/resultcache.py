"""A per-process cache of /sparql answers, bounded in bytes, least recently used out first.

The dataset is read-only, so an answer is determined by its key, which the endpoint
derives from the dataset version, the query, the graph URIs, the chosen formats and
the row limit: a new dataset version gives new keys and the old entries age out.
Only finished answers are stored, never errors or timeouts.
"""

import threading
from collections import OrderedDict

from flask import Flask, Response, current_app

_ENTRY_OVERHEAD = 256  # bytes counted per entry beyond its body and key, for bookkeeping


class ResultCache:
    """Answers by key, at most `max_bytes` in total; thread-safe."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[str, tuple[bytes, list[tuple[str, str]], int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> Response | None:
        """A fresh copy of the answer stored under `key`, or None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
        body, headers, _ = entry
        return Response(body, headers=headers)

    def put(self, key: str, response: Response) -> None:
        """Store `response`'s body and headers under `key`, evicting the oldest as needed."""
        body = response.get_data()
        size = cost(key, body)
        if size > self.max_bytes:
            return
        entry = (body, list(response.headers.items()), size)
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self.size -= previous[2]
            self._entries[key] = entry
            self.size += size
            while self.size > self.max_bytes:
                _, (_, _, evicted) = self._entries.popitem(last=False)
                self.size -= evicted


def cost(key: str, body: bytes) -> int:
    """The bytes an answer counts against the bound."""
    return len(body) + len(key) + _ENTRY_OVERHEAD


def init_app(app: Flask) -> None:
    """Give the app an empty cache of the configured size."""
    app.extensions["rk.resultcache"] = ResultCache(app.config["CACHE_BYTES"])


def get_cache() -> ResultCache:
    """The current app's result cache."""
    return current_app.extensions["rk.resultcache"]
