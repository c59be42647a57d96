"""IRIs and namespaces of the Ruhr-Konferenz graph, in one place."""

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

BASE = "https://w3id.org/ruhr-konferenz/"
RK = Namespace(BASE + "ontology#")
ONTOLOGY_IRI = URIRef(BASE + "ontology")
ID = Namespace(BASE + "id/")
INFERENCE = Namespace(BASE + "id/inference/")
GRAPH = Namespace(BASE + "graph/")
STATUS_REPORT = Namespace(BASE + "id/status-report/")
PROJECT_STATUS = Namespace(BASE + "id/project-status/")
SCHEMA = Namespace("http://schema.org/")
SHAPES = Namespace(BASE + "shapes#")
DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")

GRAPH_ONTOLOGY = GRAPH.ontology
GRAPH_DATA = GRAPH.data
GRAPH_INFERRED = GRAPH.inferred
GRAPH_SHAPES = GRAPH.shapes
GRAPH_META = GRAPH.meta
NAMED_GRAPHS = (GRAPH_ONTOLOGY, GRAPH_DATA, GRAPH_INFERRED, GRAPH_SHAPES, GRAPH_META)

DATASET_IRI = URIRef(BASE + "dataset")

PREFIXES = {
    "rk": RK,
    "id": ID,
    "status-report": STATUS_REPORT,
    "project-status": PROJECT_STATUS,
    "inference": INFERENCE,
    "rksh": SHAPES,
    "org": ORG,
    "schema": SCHEMA,
    "foaf": FOAF,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "dcat": DCAT,
    "dcatde": DCATDE,
    "vcard": VCARD,
    "geo": GEO,
    "void": VOID,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes on an rdflib graph or dataset, replacing rdflib's defaults
    (rdflib binds `schema:` to https://schema.org/; ours is http://schema.org/)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


__all__ = [name for name in dir() if name.isupper()] + ["bind_prefixes"]

# the PREFIX lines of every prefix above, for SPARQL written in this package
SPARQL_PROLOGUE = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
