"""A finished query's answer, in one canonical form that serialises to every format.

Solutions travel as SPARQL TSV (one row per line), graphs as N-Triples and booleans as
a flag; `QueryResult.serialize` turns them into the format a client asked for, and
`bindings`, `triples` and `boolean` give typed access to the answer. The canonical forms
are small and picklable, so results cross process boundaries cheaply.
"""

from dataclasses import dataclass
from enum import Enum

import csv
import functools
import io

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
_QUAD_FORMATS = {"trig", "nquads"}


class Kind(Enum):
    """The three shapes of a SPARQL answer."""

    SOLUTIONS = "solutions"  # SELECT
    BOOLEAN = "boolean"  # ASK
    GRAPH = "graph"  # CONSTRUCT, DESCRIBE


@dataclass(frozen=True)
class QueryResult:
    """The answer to one query; `truncated` says the row limit cut it short."""

    kind: Kind
    data: bytes = b""
    boolean: bool = False
    truncated: bool = False

    @property
    def formats(self) -> tuple[str, ...]:
        """Names of the formats this result can be serialised to."""
        return tuple(GRAPH_FORMATS if self.kind is Kind.GRAPH else SOLUTIONS_FORMATS)

    def serialize(self, fmt: str) -> bytes:
        """The result in format `fmt` (a name from `formats`), UTF-8 encoded."""
        if fmt not in self.formats:
            raise ValueError(f"a {self.kind.value} result cannot be serialised as {fmt}")
        if self.kind is Kind.GRAPH:
            return self._serialize_graph(fmt)
        if self.kind is Kind.BOOLEAN:
            answer = ox.parse_query_results(
                b'{"head":{},"boolean":%s}' % (b"true" if self.boolean else b"false"),
                ox.QueryResultsFormat.JSON,
            )
            return answer.serialize(format=SOLUTIONS_FORMATS[fmt])
        if fmt == "tsv":
            return self.data
        solutions = ox.parse_query_results(self.data, ox.QueryResultsFormat.TSV)
        if fmt == "csv":
            return _csv(solutions)
        return solutions.serialize(format=SOLUTIONS_FORMATS[fmt])

    def variables(self) -> list[str]:
        """The names of a SELECT's variables, in the query's order."""
        if self.kind is not Kind.SOLUTIONS:
            raise ValueError(f"a {self.kind.value} result has no variables")
        return [v.value for v in ox.parse_query_results(self.data, ox.QueryResultsFormat.TSV).variables]

    def bindings(self) -> list[dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]]:
        """The solutions of a SELECT as dicts of pyoxigraph terms (unbound variables left out)."""
        if self.kind is not Kind.SOLUTIONS:
            raise ValueError(f"a {self.kind.value} result has no bindings")
        solutions = ox.parse_query_results(self.data, ox.QueryResultsFormat.TSV)
        names = [variable.value for variable in solutions.variables]
        return [
            {name: term for name in names if (term := solution[name]) is not None}
            for solution in solutions
        ]

    def triples(self) -> list[ox.Triple]:
        """The triples of a CONSTRUCT or DESCRIBE."""
        if self.kind is not Kind.GRAPH:
            raise ValueError(f"a {self.kind.value} result has no triples")
        return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(self.data, ox.RdfFormat.N_TRIPLES)]

    def _serialize_graph(self, fmt: str) -> bytes:
        if fmt == "ntriples":
            return self.data
        quads = ox.parse(self.data, ox.RdfFormat.N_TRIPLES)
        if fmt in _QUAD_FORMATS:
            statements = list(quads)
        else:
            statements = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        return ox.serialize(statements, format=GRAPH_FORMATS[fmt], prefixes=_prefixes())


@functools.cache
def _prefixes() -> dict[str, str]:
    """The project's prefixes for Turtle, TriG and JSON-LD output.

    Imported here, not at the top: rk.namespaces loads rdflib, which query processes
    (rk.store.worker) never need. Instance IRIs (id:forum/04) would need escaped
    slashes as prefixed names, so `id:` is left out and they stay whole.
    """
    from rk.namespaces import PREFIXES

    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items() if prefix != "id"}


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
