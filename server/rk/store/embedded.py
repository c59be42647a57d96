"""The embedded store: pyoxigraph in this process, loaded from the build's dataset.nq
or opened from an on-disk store of it (`rk.store.disk`)."""

import itertools
from collections.abc import Sequence

import pyoxigraph as ox

from rk.store import disk
from rk.store.base import QueryFailed, QueryRefused, QuerySyntaxError, Store
from rk.store.dataset import BuiltDataset
from rk.store.guard import refuse_service
from rk.store.results import Kind, QueryResult


class EmbeddedStore(Store):
    """pyoxigraph holding one built dataset, in memory or (with `store_dir`) on disk.

    Every triple is also in the store's default graph, which so is the union of the
    named graphs while FROM / FROM NAMED keep their standard meaning (pyoxigraph's
    `use_default_graph_as_union` would override them). Graph IRIs that are not in the
    dataset name empty graphs; nothing is ever loaded from the web. Queries run to
    their end here: `rk.store.isolated` adds the time limit.
    """

    def __init__(
        self,
        build_dir,
        *,
        row_limit: int = 10_000,
        base_iri: str | None = None,
        store_dir: str | None = None,
    ):
        self._dataset = BuiltDataset.locate(build_dir)
        self._row_limit = row_limit
        self._base_iri = base_iri
        self._pin = None
        if store_dir:
            self._store, self._pin = disk.open_read_only(self._dataset, store_dir)
        else:
            self._store = ox.Store()
            disk.fill(self._store, self._dataset.nquads)

    @property
    def dataset_version(self) -> str:
        return self._dataset.version

    def close(self) -> None:
        if self._pin is not None:
            self._pin.release()

    def query(
        self,
        sparql: str,
        default_graph_uris: Sequence[str] | None = None,
        named_graph_uris: Sequence[str] | None = None,
    ) -> QueryResult:
        refuse_service(sparql)
        options = _dataset_options(default_graph_uris, named_graph_uris)
        try:
            answer = self._store.query(sparql, base_iri=self._base_iri, **options)
            if isinstance(answer, ox.QueryBoolean):
                return QueryResult(Kind.BOOLEAN, boolean=bool(answer))
            if isinstance(answer, ox.QuerySolutions):
                return _solutions(answer, self._row_limit)
            return _graph(answer, self._row_limit)
        except SyntaxError as error:
            raise QuerySyntaxError(f"Malformed query: {error}") from None
        except (OSError, RuntimeError) as error:  # raised by pyoxigraph while evaluating
            raise QueryFailed(f"The query could not be evaluated: {error}") from None


def _dataset_options(default_graph_uris, named_graph_uris) -> dict:
    if default_graph_uris is None and named_graph_uris is None:
        return {}
    return {
        "default_graph": [_graph_name(uri) for uri in default_graph_uris or ()],
        "named_graphs": [_graph_name(uri) for uri in named_graph_uris or ()],
    }


def _graph_name(uri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(uri)
    except ValueError:
        raise QueryRefused(f"Not an absolute IRI: {uri!r}") from None


class _RowsFull(Exception):
    """Raised into pyoxigraph's serialiser to stop it at the row limit."""


class _RowCap:
    """A binary sink for TSV results that stops the serialiser after `limit` rows."""

    def __init__(self, limit: int):
        self.limit = limit
        self.buffer = bytearray()
        self._lines = 0

    def write(self, chunk: bytes) -> int:
        self.buffer += chunk
        self._lines += chunk.count(b"\n")
        if self._lines > self.limit + 1:  # the header line, `limit` rows, and more
            raise _RowsFull
        return len(chunk)

    def flush(self) -> None:
        """Part of the sink protocol pyoxigraph uses; nothing is buffered here."""

    def head(self) -> bytes:
        """The header line and the first `limit` rows."""
        end = -1
        for _ in range(self.limit + 1):
            end = self.buffer.index(b"\n", end + 1)
        return bytes(self.buffer[: end + 1])


def _solutions(solutions: ox.QuerySolutions, limit: int) -> QueryResult:
    sink = _RowCap(limit)
    try:
        solutions.serialize(sink, ox.QueryResultsFormat.TSV)
    except _RowsFull:
        return QueryResult(Kind.SOLUTIONS, sink.head(), truncated=True)
    return QueryResult(Kind.SOLUTIONS, bytes(sink.buffer))


def _graph(triples: ox.QueryTriples, limit: int) -> QueryResult:
    kept = list(itertools.islice(triples, limit + 1))
    data = ox.serialize(kept[:limit], format=ox.RdfFormat.N_TRIPLES)
    return QueryResult(Kind.GRAPH, data, truncated=len(kept) > limit)
