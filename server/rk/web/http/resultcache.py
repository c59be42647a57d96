"""Per-process caches of answers, bounded in bytes, least recently used out first.

`BoundedCache` is the store; `ResultCache` keeps /sparql answers by the key the endpoint
derives from the dataset version, the query, the graph URIs, the chosen formats and the
row limit (GET and POST alike). The dataset is read-only, so an answer is determined by
its key: a new dataset version gives new keys and the old entries age out. Only finished
answers are stored, never errors or timeouts.
"""

import threading
from collections import OrderedDict

from flask import Flask, Response, current_app

_ENTRY_OVERHEAD = 256  # bytes counted per entry beyond its body and key, for bookkeeping


class BoundedCache:
    """Values by key, their stated sizes at most `max_bytes` in total; thread-safe."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[str, tuple[object, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str):
        """The value stored under `key` (now the most recently used), or None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
        return entry[0]

    def put(self, key: str, value, size: int) -> None:
        """Store `value` under `key`, evicting the least recently used as needed."""
        if size > self.max_bytes:
            return
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self.size -= previous[1]
            self._entries[key] = (value, size)
            self.size += size
            while self.size > self.max_bytes:
                _, (_, evicted) = self._entries.popitem(last=False)
                self.size -= evicted


class ResultCache(BoundedCache):
    """Responses by key: their bodies and headers, a fresh Response for each hit."""

    def get(self, key: str) -> Response | None:
        entry = super().get(key)
        if entry is None:
            return None
        body, headers = entry
        return Response(body, headers=headers)

    def put(self, key: str, response: Response) -> None:
        body = response.get_data()
        super().put(key, (body, list(response.headers.items())), cost(key, body))


def cost(key: str, body: bytes) -> int:
    """The bytes an answer counts against the bound."""
    return len(body) + len(key) + _ENTRY_OVERHEAD


def init_app(app: Flask) -> None:
    """Give the app an empty cache of the configured size."""
    app.extensions["rk.resultcache"] = ResultCache(app.config["CACHE_BYTES"])


def get_cache() -> ResultCache:
    """The current app's result cache."""
    return current_app.extensions["rk.resultcache"]
