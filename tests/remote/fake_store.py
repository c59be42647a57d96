"""A SPARQL store on 127.0.0.1 whose faults the test chooses: it answers from the built
dataset (rk's embedded store), or sleeps, or sends garbage, or is down (port closed)."""

import http.server
import threading
import time
import urllib.parse

from rk.store import Kind, StoreError
from rk.store.embedded import EmbeddedStore

FAULT_TIME_LIMIT = 2  # the time limit of the rk serve in front of the fake store
MEDIA = {Kind.GRAPH: ("ntriples", "application/n-triples"),
         Kind.SOLUTIONS: ("xml", "application/sparql-results+xml"),
         Kind.BOOLEAN: ("xml", "application/sparql-results+xml")}


class FakeStore:
    """`mode`: "ok", "slow", "garbage" or "wrong_type" ("down" is `stop()`, which closes the
    port; `start()` opens the same port again)."""

    def __init__(self, build_dir, slow_seconds: float):
        self.store = EmbeddedStore(build_dir)
        self.slow_seconds = slow_seconds
        self.mode = "ok"
        self.port = 0
        self._httpd = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    def start(self) -> None:
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True).start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def answer(self, form: dict) -> tuple[int, str, bytes]:
        if self.mode == "slow":
            time.sleep(self.slow_seconds)
        if self.mode == "garbage":
            return 200, "text/html", b"<html><body>Proxy error</body></html>"
        if self.mode == "wrong_type":
            return 200, "application/sparql-results+xml", b"<sparql><results><oops"
        graphs = "default-graph-uri" in form or "named-graph-uri" in form
        try:
            result = self.store.query(form["query"][0],
                                      form.get("default-graph-uri", []) if graphs else None,
                                      form.get("named-graph-uri", []) if graphs else None)
        except StoreError as error:
            return 400, "text/plain", str(error).encode()
        name, media_type = MEDIA[result.kind]
        return 200, media_type, result.serialize(name)

    def _handler(self):
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
                status, media_type, body = fake.answer(form)
                self.send_response(status)
                self.send_header("Content-Type", media_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except OSError:  # the client gave up waiting
                    pass

            def log_message(self, *args):
                pass

        return Handler
