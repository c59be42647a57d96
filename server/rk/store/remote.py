"""A store that forwards queries to another SPARQL 1.1 endpoint through SPARQLWrapper.

Every request carries the time limit as its socket timeout, so a silent store never
holds a request longer than that. Answers are parsed and turned into the canonical
form (TSV solutions, N-Triples graphs, cut at the row limit), so a store that sends
something else than SPARQL results is noticed. Failures become `StoreUnavailable`
(down, refusing, HTTP errors), `StoreTimeout`, `StoreAnswerInvalid` or, for a query
the store rejects with 400, `QuerySyntaxError` carrying the store's message.

When neither the client (graph URIs) nor the query (FROM / FROM NAMED) names a
dataset, the query is sent with the dataset's named graphs as default and named
graphs: stores such as Virtuoso put their own system graphs into the default graph.
"""

import ast
import http.client
import itertools
import re
from collections.abc import Sequence
from urllib.error import HTTPError, URLError

import pyoxigraph as ox
from SPARQLWrapper import POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from rk.namespaces import DATASET_IRI, GRAPH_META, NAMED_GRAPHS
from rk.store.base import (
    QuerySyntaxError,
    Store,
    StoreAnswerInvalid,
    StoreTimeout,
    StoreUnavailable,
)
from rk.store.guard import code_of, refuse_service
from rk.store.results import CANONICAL, Formats, Kind, QueryResult

SOLUTION_TYPES = {
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
}
ACCEPT = {  # XML first: Virtuoso's TSV loses language tags and its JSON is SPARQL 1.0 style
    Kind.SOLUTIONS: "application/sparql-results+xml, application/sparql-results+json;q=0.9",
    Kind.BOOLEAN: "application/sparql-results+xml, application/sparql-results+json;q=0.9",
    Kind.GRAPH: "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5",
}
VERSION = f"""SELECT ?version WHERE {{ GRAPH <{GRAPH_META}> {{
  <{DATASET_IRI}> <http://www.w3.org/2002/07/owl#versionInfo> ?version }} }}"""
_FROM = re.compile(r"(?<![\w:])FROM(?![\w:-])", re.IGNORECASE)
_MESSAGE_LIMIT = 500  # characters of a store's error message passed on to the client


class RemoteStore(Store):
    """Answers queries from a remote SPARQL endpoint that holds the built dataset."""

    def __init__(
        self,
        endpoint: str,
        *,
        time_limit: float = 30.0,
        row_limit: int = 10_000,
        graphs: Sequence[str] = tuple(map(str, NAMED_GRAPHS)),
    ):
        self.endpoint = endpoint
        self.time_limit = time_limit
        self.row_limit = row_limit
        self.graphs = list(graphs)
        self._version: str | None = None

    @property
    def dataset_version(self) -> str:
        """The version the build wrote into the meta graph (owl:versionInfo of the dataset)."""
        if self._version is None:
            result = self.query(VERSION)
            versions = sorted(row["version"].value for row in result.bindings())
            if not versions:
                raise StoreAnswerInvalid(
                    f"The SPARQL store at {self.endpoint} holds no dataset version "
                    "(owl:versionInfo in the meta graph): load a build with `rk load`."
                )
            self._version = versions[0]
        return self._version

    def query(
        self,
        sparql: str,
        default_graph_uris: Sequence[str] | None = None,
        named_graph_uris: Sequence[str] | None = None,
        formats: Formats = CANONICAL,
    ) -> QueryResult:
        """Ask the remote store; the answer stays in TSV or N-Triples whatever `formats`
        says (QueryResult.serialize converts it), as it is parsed here to be checked."""
        refuse_service(sparql)
        if default_graph_uris is None and named_graph_uris is None and not names_dataset(sparql):
            default_graph_uris = named_graph_uris = self.graphs
        client = SPARQLWrapper(self.endpoint)
        client.setMethod(POST)
        client.setOnlyConneg(True)
        client.timeout = self.time_limit  # setTimeout() would round it down to whole seconds
        client.setQuery(sparql)
        for uri in default_graph_uris or ():
            client.addDefaultGraph(uri)
        for uri in named_graph_uris or ():
            client.addNamedGraph(uri)
        kind = {"SELECT": Kind.SOLUTIONS, "ASK": Kind.BOOLEAN}.get(client.queryType, Kind.GRAPH)
        client.addCustomHttpHeader("Accept", ACCEPT[kind])
        media_type, body = self._fetch(client)
        if kind is Kind.GRAPH:
            return self._graph(media_type, body)
        return self._solutions(kind, media_type, body)

    def _fetch(self, client: SPARQLWrapper) -> tuple[str, bytes]:
        """Send the request; the answer's media type and body, or a StoreError."""
        name = f"The SPARQL store at {self.endpoint}"
        try:
            response = client.query().response
            if response.headers.get("X-SQL-State"):  # Virtuoso's partial "anytime" answer
                raise StoreTimeout(f"{name} stopped the query early and sent a partial answer.")
            return response.headers.get_content_type(), response.read()
        except QueryBadFormed as error:
            raise QuerySyntaxError(f"{name} rejected the query: {_store_message(error)}") from None
        except SPARQLWrapperException as error:
            raise StoreUnavailable(f"{name} failed: {_store_message(error)}") from None
        except HTTPError as error:
            if error.code == 504:
                raise StoreTimeout(f"{name} timed out (HTTP 504).") from None
            raise StoreUnavailable(f"{name} answered HTTP {error.code} {error.reason}.") from None
        except URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise self._timeout() from None
            raise StoreUnavailable(f"{name} is not reachable: {error.reason}.") from None
        except TimeoutError:
            raise self._timeout() from None
        except OSError as error:
            raise StoreUnavailable(f"{name} broke off the connection: {error}.") from None
        except http.client.HTTPException as error:
            raise StoreAnswerInvalid(f"{name} did not answer in HTTP: {error!r}.") from None

    def _timeout(self) -> StoreTimeout:
        return StoreTimeout(
            f"The SPARQL store at {self.endpoint} did not answer within the time limit "
            f"of {self.time_limit:g} s."
        )

    def _solutions(self, kind: Kind, media_type: str, body: bytes) -> QueryResult:
        fmt = SOLUTION_TYPES.get(media_type)
        if fmt is None:
            raise self._invalid(f"sent {media_type}, not SPARQL results")
        try:
            answer = ox.parse_query_results(body, fmt)
            if isinstance(answer, ox.QueryBoolean) and kind is Kind.BOOLEAN:
                return QueryResult(kind, boolean=bool(answer))
            if not isinstance(answer, ox.QuerySolutions) or kind is not Kind.SOLUTIONS:
                raise self._invalid("sent the wrong kind of result for the query")
            data = answer.serialize(format=ox.QueryResultsFormat.TSV)
        except (SyntaxError, ValueError, OSError) as error:
            raise self._invalid(f"sent results that do not parse ({error})") from None
        rows = data.split(b"\n")  # TSV: a header line, then one line per row, each ending in \n
        if len(rows) - 2 <= self.row_limit:
            return QueryResult(kind, data)
        return QueryResult(kind, b"\n".join(rows[: self.row_limit + 1]) + b"\n", truncated=True)

    def _graph(self, media_type: str, body: bytes) -> QueryResult:
        fmt = ox.RdfFormat.from_media_type(media_type)
        if fmt is None:
            raise self._invalid(f"sent {media_type}, not RDF")
        try:
            quads = ox.parse(body, fmt, base_iri=self.endpoint)
            kept = [ox.Triple(q.subject, q.predicate, q.object)
                    for q in itertools.islice(quads, self.row_limit + 1)]
        except (SyntaxError, ValueError, OSError) as error:
            raise self._invalid(f"sent RDF that does not parse ({error})") from None
        data = ox.serialize(kept[: self.row_limit], format=ox.RdfFormat.N_TRIPLES)
        return QueryResult(Kind.GRAPH, data, truncated=len(kept) > self.row_limit,
                           size=min(len(kept), self.row_limit))

    def _invalid(self, what: str) -> StoreAnswerInvalid:
        return StoreAnswerInvalid(f"The SPARQL store at {self.endpoint} {what}.")


def names_dataset(sparql: str) -> bool:
    """Whether the query has a FROM or FROM NAMED clause (lexically, outside strings and IRIs)."""
    return bool(_FROM.search(code_of(sparql)))


def _store_message(error: SPARQLWrapperException) -> str:
    """The first paragraph of the response body SPARQLWrapper put at the end of its message
    (Virtuoso follows its message with the query, rewritten)."""
    text = str(error)
    head, marker, body = text.partition("\n\nResponse:\n")
    if marker:
        try:
            text = ast.literal_eval(body).decode("utf-8", "replace")
        except (ValueError, SyntaxError, AttributeError):
            text = body
    else:
        text = head
    paragraph = next((part for part in re.split(r"\n\s*\n", text) if part.strip()), text)
    return " ".join(paragraph.split())[:_MESSAGE_LIMIT]
