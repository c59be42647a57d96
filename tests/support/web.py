"""One raw GET on 127.0.0.1 for the tests: redirects are returned, not followed."""

import http.client
import json
import urllib.parse
from dataclasses import dataclass


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


def get(port: int, path: str, accept: str | None = None, params: dict | list | None = None,
        **headers) -> Answer:
    """One GET on 127.0.0.1:`port`; `params` are URL-encoded into the query string, header
    names written with `_` for `-` (If_None_Match)."""
    if params:
        path += "?" + urllib.parse.urlencode(params)
    if accept:
        headers["Accept"] = accept
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()
