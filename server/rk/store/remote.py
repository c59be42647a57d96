"""A store that forwards queries to another SPARQL 1.1 endpoint through SPARQLWrapper."""

from collections.abc import Sequence
from urllib.error import HTTPError, URLError

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TSV, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from rk.store.base import QueryFailed, QuerySyntaxError, Store, StoreError
from rk.store.results import Kind, QueryResult


class RemoteStore(Store):
    """Answers queries from a remote endpoint; results come back in the canonical form."""

    def __init__(self, endpoint: str, timeout: float = 30.0):
        self.endpoint = endpoint
        self.timeout = timeout

    @property
    def dataset_version(self) -> str:
        return f"remote:{self.endpoint}"

    def query(self, sparql: str, default_graph_uris: Sequence[str] | None = None,
              named_graph_uris: Sequence[str] | None = None) -> QueryResult:
        client = SPARQLWrapper(self.endpoint)
        client.setMethod(POST)
        client.setTimeout(self.timeout)
        client.setQuery(sparql)
        for uri in default_graph_uris or ():
            client.addDefaultGraph(uri)
        for uri in named_graph_uris or ():
            client.addNamedGraph(uri)
        kind = {"SELECT": Kind.SOLUTIONS, "ASK": Kind.BOOLEAN}.get(client.queryType, Kind.GRAPH)
        client.setReturnFormat({Kind.SOLUTIONS: TSV, Kind.BOOLEAN: JSON, Kind.GRAPH: TURTLE}[kind])
        try:
            answer = client.query().convert()
        except QueryBadFormed as error:
            raise QuerySyntaxError(str(error)) from error
        except SPARQLWrapperException as error:
            raise QueryFailed(str(error)) from error
        except HTTPError as error:
            raise QueryFailed(f"{self.endpoint} answered {error.code}: {error.reason}") from error
        except (URLError, OSError) as error:
            raise StoreError(f"{self.endpoint} did not answer: {error}") from error
        if kind is Kind.BOOLEAN:
            return QueryResult(kind, boolean=bool(answer["boolean"]))
        if kind is Kind.GRAPH:
            triples = ox.parse(answer if isinstance(answer, bytes) else answer.encode(), ox.RdfFormat.TURTLE)
            return QueryResult(kind, data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
        return QueryResult(kind, data=answer if isinstance(answer, bytes) else answer.encode("utf-8"))
