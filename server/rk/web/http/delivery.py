"""Delivery: compression, long-lived caching of versioned static files, the site's 404 page.

Answers are compressed (brotli, else gzip; files sent from disk: brotli) when the client
accepts it, by Flask-Compress,
which adds `Vary: Accept-Encoding`; the front cache keys answers by Accept-Encoding too,
so compressed and plain variants are never mixed. Static URLs made with url_for carry
`?v=` and the first 12 hex digits of the file's sha256: such a URL never changes its
content, so it is cached for a year (`immutable`); without `v` (or with an old one) the
file is served with `no-cache` and revalidated by its ETag.
"""

import hashlib
from pathlib import Path

from flask import Flask, current_app, request
from flask_compress import Compress

YEAR = 365 * 24 * 3600
COMPRESSED = [
    "text/html", "text/css", "text/plain", "text/csv", "text/tab-separated-values",
    "text/javascript", "application/javascript", "application/json", "image/svg+xml",
    "application/sparql-results+json", "application/sparql-results+xml", "application/xml",
    "application/sparql-query", "application/ld+json", "text/turtle", "application/n-triples",
    "application/n-quads", "application/trig", "application/rdf+xml", "image/x-icon",
]


def init_app(app: Flask) -> None:
    app.config.update(
        COMPRESS_MIMETYPES=COMPRESSED,
        COMPRESS_ALGORITHM=["br", "gzip"],
        # files (static, dumps) are streamed; Flask-Compress streams brotli, not gzip
        COMPRESS_ALGORITHM_STREAMING=["br", "deflate"],
        COMPRESS_BR_LEVEL=5,
        COMPRESS_MIN_SIZE=512,
    )
    Compress(app)
    app.extensions["rk.static_versions"] = {}
    app.url_defaults(_version_static_urls)
    app.after_request(_cache_versioned)


def version(filename: str) -> str:
    """The first 12 hex digits of the sha256 of static file `filename` (read once)."""
    versions = current_app.extensions["rk.static_versions"]
    if filename not in versions:
        path = Path(current_app.static_folder, filename)
        versions[filename] = hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.is_file() else ""
    return versions[filename]


def _version_static_urls(endpoint: str, values: dict) -> None:
    if endpoint == "static" and "filename" in values and "v" not in values:
        values["v"] = version(values["filename"])


def _cache_versioned(response):
    if request.endpoint != "static" or response.status_code not in (200, 304):
        return response
    filename = (request.view_args or {}).get("filename", "")
    if request.args.get("v") and request.args.get("v") == version(filename):
        response.cache_control.no_cache = None
        response.cache_control.public = True
        response.cache_control.max_age = YEAR
        response.cache_control.immutable = True
    return response
