"""Helpers for the SPARQL endpoint tests: a real server process, raw HTTP, a canary."""

import http.client
import http.server
import subprocess
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from support.servers import free_port, serve_command, wait_until_ready

# the strict server's limits, small enough to reach in a test
TIME_LIMIT = 2
ROW_LIMIT = 5
BODY_LIMIT = 2048


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass
class Server:
    """`rk serve` running as a subprocess on 127.0.0.1."""

    process: subprocess.Popen
    port: int
    log: Path

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    def request(self, method="GET", params=None, body=None, headers=None, timeout=30.0) -> Reply:
        """Send one request to /sparql; `params` (a list of pairs) go into the URL."""
        path = "/sparql"
        if params:
            path += "?" + urllib.parse.urlencode(params)
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        started = time.monotonic()
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        return Reply(response.status, response.headers, data, time.monotonic() - started)

    def get(self, query, accept=None, **kwargs) -> Reply:
        headers = {"Accept": accept} if accept else {}
        return self.request(params=[("query", query)], headers=headers, **kwargs)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_server(build_dir: Path, log: Path, *options: str, ready_within: float = 60.0,
                 port: int | None = None) -> Server:
    """Start `rk serve` on `port` (else a free one) and wait (bounded) until it answers a query."""
    port = port or free_port()
    with log.open("wb") as sink:
        process = subprocess.Popen(serve_command(build_dir, port, *options), stdout=sink,
                                   stderr=subprocess.STDOUT)
    server = Server(process, port, log)
    try:
        wait_until_ready(process, lambda: server.get("ASK {}", timeout=2).status == 200, ready_within)
    except RuntimeError as error:
        server.stop()
        raise RuntimeError(f"{error}:\n{log.read_text()}") from None
    return server


@dataclass
class Canary:
    """An HTTP server on 127.0.0.1 that records every request it receives."""

    url: str
    hits: list = field(default_factory=list)


def start_canary() -> tuple[Canary, http.server.ThreadingHTTPServer]:
    canary = Canary("")

    class Handler(http.server.BaseHTTPRequestHandler):
        def _record(self):
            canary.hits.append((self.command, self.path))
            body = b'{"head":{"vars":[]},"results":{"bindings":[{}]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_HEAD = _record

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    canary.url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    return canary, httpd


def term_from_json(value: dict):
    """An rdflib term from a SPARQL JSON results binding."""
    if value["type"] == "uri":
        return URIRef(value["value"])
    if value["type"] == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    datatype = value.get("datatype")
    return Literal(value["value"], datatype=URIRef(datatype) if datatype else None)
