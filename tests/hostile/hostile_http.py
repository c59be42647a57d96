"""Raw HTTP for hostile requests (bytes http.client refuses to send) and checks on answers."""

import http.client
import re
import socket
import urllib.parse
from dataclasses import dataclass
from html.parser import HTMLParser

from flask import Flask

CHEAP = "ASK { ?s ?p ?o }"
MARK = "rkpwn"  # what every injection payload carries: a tag, attribute or call by this name
_CONVERTER = re.compile(r"<(?:(\w+)(?:\(([^)]*)\))?:)?(\w+)>")


@dataclass
class Raw:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)


def raw_get(port: int, target: bytes, headers: dict[bytes, bytes] | None = None) -> Raw:
    """Send `GET target HTTP/1.1` exactly as given (NUL, backslashes, overlong UTF-8 …)."""
    fields = {b"Host": b"127.0.0.1:%d" % port, b"Connection": b"close", **(headers or {})}
    lines = [b"GET " + target + b" HTTP/1.1"] + [key + b": " + value for key, value in fields.items()]
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"\r\n".join(lines) + b"\r\n\r\n")
        response = http.client.HTTPResponse(sock)
        response.begin()
        body = response.read()
    return Raw(response.status, response.getheaders(), body)


def stays_here(port: int, answer: Raw) -> bool:
    """Whether a redirect (if any) stays on this server."""
    location = answer.header("Location")
    target = urllib.parse.urljoin(f"http://127.0.0.1:{port}/", location or "")
    return urllib.parse.urlsplit(target).netloc == f"127.0.0.1:{port}"


def still_serving(server) -> None:
    reply = server.get(CHEAP, accept="application/sparql-results+json", timeout=10)
    assert reply.status == 200 and b"true" in reply.body


def no_traceback(body: bytes) -> None:
    assert b"Traceback" not in body and b'File "/' not in body


def route_targets(app: Flask, payload: bytes) -> list[bytes]:
    """One request target per route of `app`: every variable part replaced by `payload`
    (an `any(…)` part by its first choice), or `payload` appended to a route without one."""
    targets = []
    for rule in app.url_map.iter_rules():
        if rule.arguments:
            def fill(match: re.Match) -> str:
                converter, options, _ = match.groups()
                if converter == "any":
                    return options.split(",")[0].strip().strip("'\"")
                return "\x00PAYLOAD\x00"
            template = _CONVERTER.sub(fill, rule.rule).encode()
        else:
            template = rule.rule.encode()
        if b"\x00PAYLOAD\x00" not in template:
            template = template.rstrip(b"/") + b"/\x00PAYLOAD\x00"
        targets.append(template.replace(b"\x00PAYLOAD\x00", payload))
    return sorted(set(targets))


class Injected(HTMLParser):
    """Elements, attributes and scripts of a page that carry the payload marker."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        if MARK in tag:
            self.found.append(f"element <{tag}>")
        for name, value in attrs:
            if MARK in name or (name.startswith("on") and MARK in (value or "")):
                self.found.append(f"attribute {name} on <{tag}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{name}={value!r} on <{tag}>")
        if tag == "script":
            self._script = dict(attrs).get("type") or "text/javascript"

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None and self._script != "application/ld+json" and MARK in data:
            self.found.append(f"script running {data.strip()[:60]!r}")


def injected(html: str) -> list[str]:
    """What in `html` a payload made: elements, attributes, script code (empty if inert)."""
    parser = Injected()
    parser.feed(html)
    parser.close()
    return parser.found
