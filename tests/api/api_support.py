"""Raw GETs for the API tests, and the catalogue's API queries."""

import urllib.parse

from rk.catalogue import catalogue
from support import web

SELECTS = [entry for entry in catalogue() if entry.expected_triples_min is None]
PARAMETERISED = [entry for entry in SELECTS if entry.parameters]


def get(port: int, path: str, params: dict | list | None = None, **headers):
    """One GET on 127.0.0.1:`port` with `params` URL-encoded into the query string."""
    return web.get(port, path, params=params, **headers)


def example(entry) -> dict[str, str]:
    """The example values of `entry`'s parameters."""
    return {p.name: p.example if p.example is not None else p.default for p in entry.parameters}


def path_of(url: str) -> str:
    """The path and query of an absolute URL (the Link header's)."""
    parts = urllib.parse.urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")
