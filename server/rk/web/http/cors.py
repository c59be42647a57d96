"""CORS: any origin may read the answers (no credentials are involved)."""

from flask import Flask, request

ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS"
ALLOWED_HEADERS = "Accept, Content-Type, If-None-Match, Cache-Control, X-Requested-With"
EXPOSED_HEADERS = "Content-Type, ETag, Link, Retry-After, X-RK-Truncated, X-RK-Row-Limit, X-RK-Cache"


def init_app(app: Flask) -> None:
    app.after_request(add_headers)


def add_headers(response):
    """Allow every origin; answer preflight requests (OPTIONS)."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = "86400"
    return response
