"""Write named graphs into a remote SPARQL store: the Graph Store Protocol, or SPARQL Update.

`GraphWriter.replace(graph, triples)` makes the store's graph hold exactly `triples`:
with the SPARQL 1.1 Graph Store HTTP Protocol (PUT ?graph=IRI, an N-Triples body),
or, when the store does not speak it (405, 404, 501) or only an update endpoint is
known, with SPARQL Update (DROP SILENT GRAPH, then INSERT … WHERE {} in bounded
chunks: Virtuoso refuses blank nodes in INSERT DATA; triples that share a blank node
stay in one chunk, since each request has its own blank nodes). Basic and digest authentication are both answered (Virtuoso's
/sparql-graph-crud-auth and /sparql-auth ask for digest).
"""

import base64
import urllib.parse
import urllib.request
from collections.abc import Sequence
from urllib.error import HTTPError, URLError

import pyoxigraph as ox

from rk.store.base import StoreError, StoreUnavailable

NOT_SPOKEN = {404, 405, 501}  # statuses saying: no Graph Store Protocol here
CHUNK = 250  # triples per INSERT request (Virtuoso limits the size of the SQL it makes of one)
_MESSAGE_LIMIT = 500


class GraphWriter:
    """Replaces named graphs in a store reached by `graph_store` and/or `update_endpoint`."""

    def __init__(
        self,
        graph_store: str | None = None,
        update_endpoint: str | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 120.0,
    ):
        if not graph_store and not update_endpoint:
            raise ValueError("name a graph store or an update endpoint")
        self.graph_store = graph_store
        self.update_endpoint = update_endpoint
        self.timeout = timeout
        self._passwords = None
        handlers = []
        if user is not None:
            self._passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in filter(None, (graph_store, update_endpoint)):
                self._passwords.add_password(None, url, user, password or "")
            handlers = [
                urllib.request.HTTPDigestAuthHandler(self._passwords),
                urllib.request.HTTPBasicAuthHandler(self._passwords),
            ]
        self._opener = urllib.request.build_opener(*handlers)
        self._speaks_gsp = bool(graph_store)

    def replace(self, graph: str, triples: Sequence[ox.Triple]) -> str:
        """Make `graph` hold exactly `triples`; returns the protocol used ("gsp" or "update")."""
        if self._speaks_gsp:
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            url = _with_graph(self.graph_store, graph)
            status = self._send("PUT", url, body, "application/n-triples", NOT_SPOKEN)
            if status not in NOT_SPOKEN:
                return "gsp"
            self._speaks_gsp = False
        if not self.update_endpoint:
            raise StoreError(
                f"{self.graph_store} does not speak the Graph Store Protocol; "
                "name a SPARQL Update endpoint instead"
            )
        self.update(f"DROP SILENT GRAPH <{graph}>")
        for chunk in chunks(triples, CHUNK):
            data = ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
            self.update(f"INSERT {{ GRAPH <{graph}> {{\n{data}}} }} WHERE {{}}")
        return "update"

    def update(self, sparql: str) -> None:
        """Run one SPARQL Update request (form-encoded, as the protocol's update operation)."""
        body = urllib.parse.urlencode({"update": sparql}).encode("utf-8")
        self._send("POST", self.update_endpoint, body, "application/x-www-form-urlencoded")

    def _send(self, method: str, url: str, body: bytes, content_type: str,
              tolerated: set[int] = frozenset()) -> int:
        request = urllib.request.Request(url, data=body, method=method,
                                         headers={"Content-Type": content_type})
        try:
            self._authorize(request)
            with self._opener.open(request, timeout=self.timeout) as response:
                response.read()
                return response.status
        except HTTPError as error:
            if error.code in tolerated:
                return error.code
            message = " ".join(error.read().decode("utf-8", "replace").split())[:_MESSAGE_LIMIT]
            raise StoreError(f"{method} {url} answered HTTP {error.code}: {message}") from None
        except (URLError, OSError) as error:
            raise StoreUnavailable(f"{method} {url} failed: {error}") from None


    def _authorize(self, request: urllib.request.Request) -> None:
        """Add the Authorization header the store's challenge asks for, found with a HEAD
        request first: a store that answers 401 before reading a large body would break
        the upload (broken pipe) if the body went out unauthenticated."""
        if self._passwords is None:
            return
        try:
            urllib.request.urlopen(urllib.request.Request(request.full_url, method="HEAD"),
                                   timeout=self.timeout).close()
            return
        except HTTPError as error:
            challenge = error.headers.get("WWW-Authenticate", "") if error.code == 401 else ""
        scheme, _, parameters = challenge.partition(" ")
        if scheme.lower() == "digest":
            handler = urllib.request.HTTPDigestAuthHandler(self._passwords)
            fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(parameters))
            request.add_unredirected_header(
                "Authorization", "Digest " + handler.get_authorization(request, fields))
        elif scheme.lower() == "basic":
            user, password = self._passwords.find_user_password(None, request.full_url)
            token = base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
            request.add_unredirected_header("Authorization", f"Basic {token}")


def chunks(triples: Sequence[ox.Triple], size: int) -> list[list[ox.Triple]]:
    """Split `triples` into lists of about `size`, never parting triples that share a blank node."""
    parent: dict = {}

    def root(node):
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for triple in triples:
        blanks = [term for term in (triple.subject, triple.object) if isinstance(term, ox.BlankNode)]
        for other in blanks[1:]:
            parent[root(other)] = root(blanks[0])
    groups: dict = {}
    for index, triple in enumerate(triples):
        blank = next((t for t in (triple.subject, triple.object) if isinstance(t, ox.BlankNode)), None)
        groups.setdefault(root(blank) if blank is not None else index, []).append(triple)
    result, current = [], []
    for group in groups.values():
        if current and len(current) + len(group) > size:
            result.append(current)
            current = []
        current.extend(group)
    if current:
        result.append(current)
    return result


def _with_graph(url: str, graph: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urllib.parse.urlencode({'graph': graph})}"
