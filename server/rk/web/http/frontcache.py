"""The front cache: finished answers to GET requests, replayed before Flask runs.

The dataset is read-only, so an answer the app marks cacheable (it carries an ETag
derived from the dataset version, `caching.mark`) is fixed by the request's path and
query string and by the headers the app reads: Accept, Accept-Language, Accept-Encoding
(compressed and plain answers are kept apart) and Host. The
first such answer is kept as status, headers and bytes; a repeated request gets it
without routing, parsing the query or asking the store (header X-RK-Cache: hit). It
sits in front of the app as WSGI middleware, so a hit costs less than Flask's own
request handling. Requests with If-None-Match, other methods and unmarked answers
(errors, dumps, static files) pass through untouched. An answer the result cache
replayed (X-RK-Cache: hit) is not copied: each answer is kept in one cache only.
"""

from rk.web.http.resultcache import BoundedCache

MARK = "rk.front_cacheable"  # set in the WSGI environ by caching.mark
KEEPS = "rk.front_cache"  # set by the front cache: it will keep this request's marked answer
KEY_FIELDS = ("SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "HTTP_ACCEPT",
              "HTTP_ACCEPT_LANGUAGE", "HTTP_ACCEPT_ENCODING", "HTTP_HOST", "wsgi.url_scheme")
_HEADER_OVERHEAD = 64  # bytes counted per header line beyond its text


class FrontCache:
    """WSGI middleware that keeps at most `max_bytes` of marked GET answers."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.answers = BoundedCache(max_bytes)

    def __call__(self, environ, start_response):
        if not self.answers.max_bytes or not _replayable(environ):
            return self.app(environ, start_response)
        key = request_key(environ)
        stored = self.answers.get(key)
        if stored is not None:
            status, headers, body = stored
            start_response(status, headers)
            return [body]
        sent = {}
        environ[KEEPS] = True

        def remember(status, headers, exc_info=None):
            state = _cache_state(headers) if environ.get(MARK) else "unmarked"
            if state is None:
                headers = [*headers, ("X-RK-Cache", "miss")]
            sent.update(status=status, headers=headers, state=state)
            return start_response(status, headers, exc_info)

        answer = self.app(environ, remember)
        if not (sent.get("state") in (None, "miss") and sent.get("status", "").startswith("200 ")):
            return answer
        try:
            body = b"".join(answer)
        finally:
            if hasattr(answer, "close"):
                answer.close()
        headers = [(n, v) for n, v in sent["headers"] if n.lower() != "x-rk-cache"]
        headers.append(("X-RK-Cache", "hit"))
        size = len(key) + len(body) + sum(len(n) + len(v) + _HEADER_OVERHEAD for n, v in headers)
        self.answers.put(key, (sent["status"], headers, body), size)
        return [body]


def _replayable(environ) -> bool:
    return environ.get("REQUEST_METHOD") == "GET" and "HTTP_IF_NONE_MATCH" not in environ


def request_key(environ) -> str:
    """What fixes a marked answer: the request line and the headers the app reads."""
    return "\x1f".join(str(environ.get(field, "")) for field in KEY_FIELDS)


def _cache_state(headers: list[tuple[str, str]]) -> str | None:
    """The X-RK-Cache header an inner cache set, if any."""
    return next((value for name, value in headers if name.lower() == "x-rk-cache"), None)
