"""IRIs and namespaces of the Ruhr-Konferenz graph, in one place."""

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

BASE = "https://w3id.org/ruhr-konferenz/"
RK = Namespace(BASE + "ontology#")
ONTOLOGY_IRI = URIRef(BASE + "ontology")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
SCHEMA = Namespace("http://schema.org/")
SHAPES = Namespace(BASE + "shapes#")

GRAPH_ONTOLOGY = GRAPH.ontology
GRAPH_DATA = GRAPH.data
GRAPH_INFERRED = GRAPH.inferred
GRAPH_SHAPES = GRAPH.shapes
GRAPH_META = GRAPH.meta
NAMED_GRAPHS = (GRAPH_ONTOLOGY, GRAPH_DATA, GRAPH_INFERRED, GRAPH_SHAPES, GRAPH_META)

PREFIXES = {
    "rk": RK,
    "id": ID,
    "rksh": SHAPES,
    "org": ORG,
    "schema": SCHEMA,
    "foaf": FOAF,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "dcat": DCAT,
    "void": VOID,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}

__all__ = [name for name in dir() if name.isupper()]
