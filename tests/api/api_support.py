"""Raw GETs for the API tests, and the catalogue's API queries."""

import http.client
import json
import urllib.parse
from dataclasses import dataclass

from rk.catalogue import catalogue

SELECTS = [entry for entry in catalogue() if entry.expected_triples_min is None]
PARAMETERISED = [entry for entry in SELECTS if entry.parameters]


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self):
        return json.loads(self.body)


def get(port: int, path: str, params: dict | list | None = None, **headers) -> Answer:
    """One GET on 127.0.0.1:`port` (`params` URL-encoded into the query string)."""
    if params:
        path += "?" + urllib.parse.urlencode(params)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


def example(entry) -> dict[str, str]:
    """The example values of `entry`'s parameters."""
    return {p.name: p.example if p.example is not None else p.default for p in entry.parameters}


def path_of(url: str) -> str:
    """The path and query of an absolute URL (the Link header's)."""
    parts = urllib.parse.urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")
