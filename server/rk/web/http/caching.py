"""ETag and Cache-Control for GET answers, derived from the dataset version.

The headers are written as strings: werkzeug's parsed header objects (`vary`,
`cache_control`) rewrite the header on every change, which costs more than the rest of
a cached answer.
"""

import hashlib

from flask import Response, current_app, request

from rk.web.http.frontcache import MARK


def etag(*parts: object) -> str:
    """A validator for the answer determined by `parts` (start with the dataset version)."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8"))
    return digest.hexdigest()[:40]


def cacheable() -> bool:
    """Whether the current request may be answered from a cache."""
    return request.method in ("GET", "HEAD")


def not_modified(tag: str) -> Response | None:
    """A 304 response if the client already holds the answer tagged `tag`."""
    if "HTTP_IF_NONE_MATCH" not in request.environ:
        return None
    if not (cacheable() and request.if_none_match.contains_weak(tag)):
        return None
    return mark(Response(status=304), tag)


def vary(response: Response, header: str) -> Response:
    """Add `header` to the response's Vary header (once)."""
    present = response.headers.get("Vary")
    if not present:
        response.headers["Vary"] = header
    elif header.lower() not in (name.strip().lower() for name in present.split(",")):
        response.headers["Vary"] = f"{present}, {header}"
    return response


def mark(response: Response, tag: str | None) -> Response:
    """Add the validator and caching headers (on GET) and Vary to a response."""
    vary(response, "Accept")
    if tag is not None and cacheable():
        request.environ[MARK] = True  # fixed by the request: the front cache may keep it
        response.headers["ETag"] = f'W/"{tag}"'
        response.headers["Cache-Control"] = f"public, max-age={current_app.config['CACHE_MAX_AGE']}"
    return response
