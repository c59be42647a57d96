"""The embedded store: pyoxigraph in this process, loaded from the build's dataset.nq
or opened from an on-disk store of it (`rk.store.disk`)."""

import itertools
from collections.abc import Sequence

import pyoxigraph as ox

from rk.store import disk
from rk.store.base import QueryFailed, QueryRefused, QuerySyntaxError, Store
from rk.store.dataset import BuiltDataset
from rk.store.guard import refuse_service
from rk.store.results import (
    CANONICAL,
    SOLUTIONS_FORMATS,
    Formats,
    Kind,
    QueryResult,
    boolean_result,
    lossy,
    write_graph,
    write_solutions,
)


class EmbeddedStore(Store):
    """pyoxigraph holding one built dataset, in memory or (with `store_dir`) on disk.

    Every triple is also in the store's default graph, which so is the union of the
    named graphs while FROM / FROM NAMED keep their standard meaning (pyoxigraph's
    `use_default_graph_as_union` would override them). Graph IRIs that are not in the
    dataset name empty graphs; nothing is ever loaded from the web. Queries run to
    their end here: `rk.store.isolated` adds the time limit. Answers are written in the
    `formats` asked for, cut at the row limit.
    """

    def __init__(
        self,
        build_dir,
        *,
        row_limit: int = 10_000,
        base_iri: str | None = None,
        store_dir: str | None = None,
        prefixes: dict[str, str] | None = None,
    ):
        self._dataset = BuiltDataset.locate(build_dir)
        self._row_limit = row_limit
        self._prefixes = prefixes  # for Turtle, TriG, JSON-LD; None: the project's
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
        formats: Formats = CANONICAL,
    ) -> QueryResult:
        refuse_service(sparql)
        options = _dataset_options(default_graph_uris, named_graph_uris)

        def evaluate():
            return self._store.query(sparql, base_iri=self._base_iri, **options)

        try:
            answer = evaluate()
            if isinstance(answer, ox.QueryBoolean):
                return boolean_result(bool(answer), formats)
            if isinstance(answer, ox.QuerySolutions):
                return _solutions(answer, evaluate, self._row_limit, formats.solutions)
            return _graph(answer, self._row_limit, formats.graph, self._prefixes)
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


class _Full(Exception):
    """Raised into pyoxigraph's serialiser to stop it (row limit or byte bound reached)."""


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
            raise _Full
        return len(chunk)

    def flush(self) -> None:
        """Part of the sink protocol pyoxigraph uses; nothing is buffered here."""

    def head(self) -> bytes:
        """The header line and the first `limit` rows."""
        end = -1
        for _ in range(self.limit + 1):
            end = self.buffer.index(b"\n", end + 1)
        return bytes(self.buffer[: end + 1])


class _TermCap:
    """A binary sink for JSON or XML results that stops the serialiser once the answer
    surely holds more than `limit` rows (it has more than `limit` × `width` bound terms,
    each marked by `mark`, which cannot occur inside a value) or exceeds `max_bytes`."""

    def __init__(self, limit: int, width: int, mark: bytes, max_bytes: int):
        self.buffer = bytearray()
        self._terms = 0
        self._most_terms = limit * width
        self._mark = mark
        self._max_bytes = max_bytes

    def write(self, chunk: bytes) -> int:
        start = max(0, len(self.buffer) - len(self._mark) + 1)
        self.buffer += chunk
        self._terms += self.buffer.count(self._mark, start)
        if self._terms > self._most_terms or len(self.buffer) > self._max_bytes:
            raise _Full
        return len(chunk)

    def flush(self) -> None:
        """Part of the sink protocol pyoxigraph uses; nothing is buffered here."""


# How each bound term starts ("type" is a key, never a value) and the fewest bytes one
# more row adds (JSON `{},`, XML `<result></result>`): an answer shorter than `limit`
# times that cannot hold more than `limit` rows.
_TERM_MARKS = {"json": b'"type":"', "xml": b"<binding "}
_ROW_BYTES = {"json": 3, "xml": 17}
_BYTES_PER_ROW_BOUND = 4096  # a JSON or XML answer larger than row_limit times this is cut


def _solutions(answer: ox.QuerySolutions, evaluate, limit: int, fmt: str) -> QueryResult:
    """`answer` in `fmt`, at most `limit` rows. TSV and CSV count rows as lines of TSV.
    JSON and XML are written directly: rows are counted only when the answer is long
    enough to hold more than `limit`, and the writing stops as soon as it surely holds
    more; then `evaluate()` runs the query again for TSV, which is cut and converted."""
    width = len(answer.variables)
    if fmt in _TERM_MARKS and width:
        sink = _TermCap(limit, width, _TERM_MARKS[fmt], max(limit, 1) * _BYTES_PER_ROW_BOUND)
        try:
            answer.serialize(sink, SOLUTIONS_FORMATS[fmt])
        except _Full:
            pass
        else:
            data = bytes(sink.buffer)
            if len(data) < _ROW_BYTES[fmt] * (limit + 1) or _rows(data, fmt) <= limit:
                return QueryResult(Kind.SOLUTIONS, data, format=fmt)
        answer = evaluate()
    tsv = _RowCap(limit)
    truncated = False
    try:
        answer.serialize(tsv, ox.QueryResultsFormat.TSV)
    except _Full:
        truncated = True
    rows = tsv.head() if truncated else bytes(tsv.buffer)
    if fmt == "tsv":
        return QueryResult(Kind.SOLUTIONS, rows, truncated=truncated, format=fmt)
    data = write_solutions(ox.parse_query_results(rows, ox.QueryResultsFormat.TSV), fmt)
    return QueryResult(Kind.SOLUTIONS, data, truncated=truncated, format=fmt,
                       lossless=rows if lossy(fmt) else b"")


def _rows(data: bytes, fmt: str) -> int:
    return sum(1 for _ in ox.parse_query_results(data, SOLUTIONS_FORMATS[fmt]))


def _graph(triples: ox.QueryTriples, limit: int, fmt: str, prefixes) -> QueryResult:
    kept = list(itertools.islice(triples, limit + 1))
    data = write_graph(kept[:limit], fmt, prefixes)
    return QueryResult(Kind.GRAPH, data, truncated=len(kept) > limit, format=fmt,
                       size=min(len(kept), limit))
