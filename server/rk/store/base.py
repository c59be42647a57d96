"""The store interface: what the web layer and the tools may ask of a SPARQL store.

An implementation answers read-only SPARQL 1.1 queries over the built dataset, whose
default graph is the union of its named graphs, and returns a `QueryResult`.
"""

import abc
from collections.abc import Sequence

from rk.store.results import CANONICAL, Formats, QueryResult

# the triples of each named graph: what the service description states and rk load checks
TRIPLES_PER_GRAPH = "SELECT ?graph (COUNT(*) AS ?triples) WHERE { GRAPH ?graph { ?s ?p ?o } } GROUP BY ?graph ORDER BY ?graph"


class StoreError(Exception):
    """A query could not be answered; the message is meant for the client."""


class QuerySyntaxError(StoreError):
    """The query does not parse; the message is the parser's."""


class QueryRefused(StoreError):
    """The query asks for something this endpoint never does (SERVICE, a bad graph IRI)."""


class QueryFailed(StoreError):
    """The engine raised an error while evaluating the query."""


class QueryTimeout(StoreError):
    """The query ran into the time limit and was stopped."""


class StoreBusy(StoreError):
    """No query process became free within the time limit."""


class StoreUnavailable(StoreError):
    """A remote store did not answer, refused the connection or failed (HTTP 5xx)."""


class StoreTimeout(StoreError):
    """A remote store did not answer within the time limit."""


class StoreAnswerInvalid(StoreError):
    """A remote store answered with something that is not a SPARQL result."""


class Store(abc.ABC):
    """A read-only SPARQL store over one version of the built dataset."""

    @property
    @abc.abstractmethod
    def dataset_version(self) -> str:
        """The version of the dataset the store answers from (sha256 of dataset.nq)."""

    @abc.abstractmethod
    def query(
        self,
        sparql: str,
        default_graph_uris: Sequence[str] | None = None,
        named_graph_uris: Sequence[str] | None = None,
        formats: Formats = CANONICAL,
    ) -> QueryResult:
        """Answer a SPARQL query, written in `formats` (one for solutions, one for graphs).

        Without graph URIs the query's own dataset (FROM / FROM NAMED) applies, and
        without those the default graph is the union of all named graphs. Graph URIs
        given here replace the query's dataset, as the SPARQL Protocol says. Raises a
        `StoreError` subclass when the query cannot be answered.
        """

    def query_many(self, queries: Sequence[tuple[str, Formats]]) -> list[QueryResult]:
        """Answer several queries (each with its formats) as one request, under one time
        limit where the store has one; raises the first query's `StoreError` that fails."""
        return [self.query(sparql, formats=formats) for sparql, formats in queries]

    def close(self) -> None:
        """Release the store's resources."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
