"""The SPARQL 1.1 Service Description of the endpoint, built from the store's dataset.

https://www.w3.org/TR/sparql11-service-description/. The dataset's summary (graphs and
triple counts) is read from the store once, when the app starts.
"""

from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, VOID

from rk.store import Store
from rk.store.base import TRIPLES_PER_GRAPH

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
FORMAT_IRIS = {
    "json": FORMATS.SPARQL_Results_JSON,
    "xml": FORMATS.SPARQL_Results_XML,
    "csv": FORMATS.SPARQL_Results_CSV,
    "tsv": FORMATS.SPARQL_Results_TSV,
    "turtle": FORMATS.Turtle,
    "ntriples": FORMATS["N-Triples"],
    "jsonld": FORMATS["JSON-LD"],
    "rdfxml": FORMATS.RDF_XML,
    "trig": FORMATS.TriG,
    "nquads": FORMATS["N-Quads"],
}
RDFLIB_FORMATS = {"turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt", "rdfxml": "xml"}

DEFAULT_GRAPH_SIZE = "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }"


@dataclass(frozen=True)
class DatasetSummary:
    """The dataset behind the endpoint: version, default-graph size, named graphs and sizes."""

    version: str
    triples: int
    graphs: tuple[tuple[str, int], ...]


def summarize(store: Store) -> DatasetSummary:
    """Ask the store for the sizes of its default graph and of each named graph."""
    graphs = tuple(
        (row["graph"].value, int(row["triples"].value))
        for row in store.query(TRIPLES_PER_GRAPH).bindings()
    )
    (total,) = store.query(DEFAULT_GRAPH_SIZE).bindings()
    return DatasetSummary(store.dataset_version, int(total["triples"].value), graphs)


def describe(endpoint: str, summary: DatasetSummary, result_formats) -> Graph:
    """The service description of `endpoint` as an rdflib graph."""
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("void", VOID)
    graph.bind("formats", FORMATS)
    service = URIRef(endpoint + "#service")
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, URIRef(endpoint)))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in result_formats:
        graph.add((service, SD.resultFormat, FORMAT_IRIS[name]))
    dataset, default_graph = BNode(), BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    graph.add((default_graph, VOID.triples, Literal(summary.triples)))
    for name, triples in summary.graphs:
        named, content = BNode(), BNode()
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, URIRef(name)))
        graph.add((named, SD.graph, content))
        graph.add((content, RDF.type, SD.Graph))
        graph.add((content, VOID.triples, Literal(triples)))
    return graph

