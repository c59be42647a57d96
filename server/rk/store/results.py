"""A finished query's answer, written in the format the client asked for.

The engine writes the answer once, in the format named when the query was asked
(`Formats`), so a server hands the bytes on as they are; `serialize` turns them into any
other format, and `variables`, `bindings`, `triples` and `boolean` give typed access,
parsing the bytes (only when asked). CSV loses the kind of each term, so a CSV answer
also carries its TSV (`lossless`) for typed access. Results are small and picklable, so
they cross process boundaries cheaply (`to_tuple` / `from_tuple`).
"""

import csv
import functools
import io
from dataclasses import dataclass
from enum import Enum

import pyoxigraph as ox

SOLUTIONS_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}
QUAD_FORMATS = {"trig", "nquads"}
_LOSSY = {"csv"}  # formats that do not say whether a value is an IRI, a literal or a blank node


class Kind(Enum):
    """The three shapes of a SPARQL answer."""

    SOLUTIONS = "solutions"  # SELECT
    BOOLEAN = "boolean"  # ASK
    GRAPH = "graph"  # CONSTRUCT, DESCRIBE


@dataclass(frozen=True)
class Formats:
    """The formats to write an answer in: one for SELECT and ASK, one for graphs."""

    solutions: str = "tsv"
    graph: str = "ntriples"

    def __post_init__(self):
        if self.solutions not in SOLUTIONS_FORMATS or self.graph not in GRAPH_FORMATS:
            raise ValueError(f"unknown result formats {self.solutions!r}, {self.graph!r}")

    def of(self, kind: "Kind") -> str:
        return self.graph if kind is Kind.GRAPH else self.solutions


CANONICAL = Formats()


@dataclass(frozen=True)
class QueryResult:
    """The answer to one query as `data` in `format`; `truncated`: the row limit cut it."""

    kind: Kind
    data: bytes = b""
    boolean: bool = False
    truncated: bool = False
    format: str = ""  # a name from `formats`; default: TSV or N-Triples (see CANONICAL)
    lossless: bytes = b""  # with a lossy `format` (CSV): the same rows as TSV
    size: int | None = None  # the number of triples of a graph answer, if known

    def __post_init__(self):
        if not self.format and (self.data or self.kind is not Kind.BOOLEAN):
            object.__setattr__(self, "format", CANONICAL.of(self.kind))

    @property
    def formats(self) -> tuple[str, ...]:
        """Names of the formats this result can be serialised to."""
        return tuple(GRAPH_FORMATS if self.kind is Kind.GRAPH else SOLUTIONS_FORMATS)

    def serialize(self, fmt: str) -> bytes:
        """The result in format `fmt` (a name from `formats`), UTF-8 encoded."""
        if fmt not in self.formats:
            raise ValueError(f"a {self.kind.value} result cannot be serialised as {fmt}")
        if fmt == self.format:
            return self.data
        if self.kind is Kind.GRAPH:
            return write_graph(self._statements(fmt in QUAD_FORMATS), fmt)
        if self.kind is Kind.BOOLEAN:
            return write_boolean(self.boolean, fmt)
        return write_solutions(self._solutions(), fmt)

    def variables(self) -> list[str]:
        """The names of a SELECT's variables, in the query's order."""
        if self.kind is not Kind.SOLUTIONS:
            raise ValueError(f"a {self.kind.value} result has no variables")
        return [v.value for v in self._solutions().variables]

    def bindings(self) -> list[dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]]:
        """The solutions of a SELECT as dicts of pyoxigraph terms (unbound variables left out)."""
        if self.kind is not Kind.SOLUTIONS:
            raise ValueError(f"a {self.kind.value} result has no bindings")
        solutions = self._solutions()
        names = [variable.value for variable in solutions.variables]
        return [
            {name: term for name in names if (term := solution[name]) is not None}
            for solution in solutions
        ]

    def triples(self) -> list[ox.Triple]:
        """The triples of a CONSTRUCT or DESCRIBE."""
        if self.kind is not Kind.GRAPH:
            raise ValueError(f"a {self.kind.value} result has no triples")
        return self._statements(quads=False)

    def to_tuple(self) -> tuple:
        """The result as plain values (cheaper to pickle than the dataclass)."""
        return (self.kind.value, self.data, self.boolean, self.truncated, self.format,
                self.lossless, self.size)

    @classmethod
    def from_tuple(cls, values: tuple) -> "QueryResult":
        kind, *rest = values
        return cls(Kind(kind), *rest)

    def _solutions(self) -> ox.QuerySolutions:
        if self.lossless:
            return ox.parse_query_results(self.lossless, ox.QueryResultsFormat.TSV)
        return ox.parse_query_results(self.data, SOLUTIONS_FORMATS[self.format])

    def _statements(self, quads: bool) -> list:
        parsed = ox.parse(self.data, GRAPH_FORMATS[self.format])
        if quads:
            return list(parsed)
        return [ox.Triple(q.subject, q.predicate, q.object) for q in parsed]


def boolean_result(value: bool, formats: Formats = CANONICAL) -> QueryResult:
    """An ASK answer written in `formats.solutions`."""
    fmt = formats.solutions
    return QueryResult(Kind.BOOLEAN, write_boolean(value, fmt), bool(value), format=fmt)


def write_boolean(value: bool, fmt: str) -> bytes:
    answer = ox.parse_query_results(
        b'{"head":{},"boolean":%s}' % (b"true" if value else b"false"), ox.QueryResultsFormat.JSON
    )
    return answer.serialize(format=SOLUTIONS_FORMATS[fmt])


def write_solutions(solutions: ox.QuerySolutions, fmt: str) -> bytes:
    """Parsed or evaluated solutions in `fmt` (CSV quoted correctly, see `_csv`)."""
    if fmt == "csv":
        return _csv(solutions)
    return solutions.serialize(format=SOLUTIONS_FORMATS[fmt])


def write_graph(statements: list, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """Triples (or quads) in `fmt`, with the project's prefixes where the format has them."""
    if fmt == "ntriples" or fmt == "nquads":
        return ox.serialize(statements, format=GRAPH_FORMATS[fmt])
    return ox.serialize(statements, format=GRAPH_FORMATS[fmt],
                        prefixes=_prefixes() if prefixes is None else prefixes)


@functools.cache
def _prefixes() -> dict[str, str]:
    """The project's prefixes for Turtle, TriG and JSON-LD output.

    Imported here, not at the top: rk.namespaces loads rdflib, which query processes
    (rk.store.worker) never need; they are given `output_prefixes()` when they start.
    Instance IRIs (id:forum/04) would need escaped slashes as prefixed names, so `id:` is
    left out and they stay whole.
    """
    from rk.namespaces import PREFIXES

    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items() if prefix != "id"}


def output_prefixes() -> dict[str, str]:
    """The prefixes graph answers are written with (see `_prefixes`)."""
    return dict(_prefixes())


def _csv(solutions: ox.QuerySolutions) -> bytes:
    """SPARQL 1.1 CSV; pyoxigraph 0.5 leaves IRIs that contain a comma unquoted."""
    names = [variable.value for variable in solutions.variables]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for solution in solutions:
        writer.writerow([_csv_value(solution[name]) for name in names])
    return out.getvalue().encode("utf-8")


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):  # as pyoxigraph writes triple terms
        return " ".join(_csv_value(part) for part in term)
    return term.value


def lossy(fmt: str) -> bool:
    """Whether answers in `fmt` need their TSV alongside for typed access."""
    return fmt in _LOSSY
