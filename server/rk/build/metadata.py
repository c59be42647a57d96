"""The dataset's description of itself (VoID statistics and access points), computed from the built graphs."""

import hashlib
from dataclasses import dataclass

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, VOID, XSD

from rk.build.dumps import FORMATS, nquads
from rk.build.stats import instances_per_class, triples_per_graph
from rk.namespaces import BASE, DATASET_IRI, DCATDE, GRAPH_DATA, GRAPH_INFERRED, GRAPH_META

SPARQL_ENDPOINT = URIRef(BASE + "sparql")
TITLES = (Literal("Wissensgraph der Ruhr-Konferenz", lang="de"),
          Literal("Ruhr-Konferenz knowledge graph", lang="en"))


def partition_iri(kind: str, term: URIRef) -> URIRef:
    """A stable IRI for the class or property partition of `term`."""
    digest = hashlib.sha1(str(term).encode("utf-8")).hexdigest()[:12]
    return URIRef(f"{DATASET_IRI}#{kind}-{digest}")


@dataclass(frozen=True)
class LinkTarget:
    """A dataset the graph links to: the links are the data graph's triples with `predicate`
    from one of our things to an IRI in `uri_space`."""

    key: str
    title_de: str
    title_en: str
    predicate: URIRef
    uri_space: str
    homepage: str


LINK_TARGETS = (
    LinkTarget("geonames", "GeoNames", "GeoNames", OWL.sameAs, "https://sws.geonames.org/", "https://www.geonames.org/"),
    LinkTarget("dbpedia", "DBpedia (deutsch)", "DBpedia (German)", OWL.sameAs,
               "http://de.dbpedia.org/resource/", "http://de.dbpedia.org/"),
    LinkTarget("wikidata", "Wikidata", "Wikidata", OWL.sameAs, "http://www.wikidata.org/entity/", "https://www.wikidata.org/"),
    LinkTarget("wikipedia", "Wikipedia (deutsch), Artikelseiten", "Wikipedia (German), article pages",
               FOAF.isPrimaryTopicOf, "https://de.wikipedia.org/wiki/", "https://de.wikipedia.org/"),
    LinkTarget("political-geocoding", "DCAT-AP.de: Amtliche Gemeindeschlüssel", "DCAT-AP.de: official municipality keys",
               DCATDE.politicalGeocodingURI, "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/",
               "https://www.dcat-ap.de/def/politicalGeocoding/"),
)


def link_count(data: Graph, target: LinkTarget) -> int:
    """The links of the data graph to `target`: triples with its predicate from one of our
    things to an IRI in its URI space."""
    return sum(1 for subject, obj in data.subject_objects(target.predicate)
               if str(subject).startswith(BASE) and isinstance(obj, URIRef) and str(obj).startswith(target.uri_space))


def linksets(dataset: Dataset) -> Graph:
    """One void:Linkset per target dataset, its links counted in the built data graph."""
    meta, data = Graph(), dataset.graph(GRAPH_DATA)
    for target in LINK_TARGETS:
        linkset, other = URIRef(f"{DATASET_IRI}#linkset-{target.key}"), URIRef(f"{DATASET_IRI}#target-{target.key}")
        meta.add((DATASET_IRI, VOID.subset, linkset))
        meta.add((linkset, RDF.type, VOID.Linkset))
        meta.add((linkset, DCTERMS.title, Literal(f"Verweise auf {target.title_de}", lang="de")))
        meta.add((linkset, DCTERMS.title, Literal(f"Links to {target.title_en}", lang="en")))
        meta.add((linkset, VOID.subjectsTarget, DATASET_IRI))
        meta.add((linkset, VOID.objectsTarget, other))
        meta.add((linkset, VOID.target, DATASET_IRI))
        meta.add((linkset, VOID.target, other))
        meta.add((linkset, VOID.linkPredicate, target.predicate))
        meta.add((linkset, VOID.triples, Literal(link_count(data, target), datatype=XSD.integer)))
        meta.add((other, RDF.type, VOID.Dataset))
        meta.add((other, DCTERMS.title, Literal(target.title_de, lang="de")))
        meta.add((other, DCTERMS.title, Literal(target.title_en, lang="en")))
        meta.add((other, VOID.uriSpace, Literal(target.uri_space)))
        meta.add((other, FOAF.homepage, URIRef(target.homepage)))
    return meta


def void_description(dataset: Dataset) -> Graph:
    """VoID: triples, entities, classes and properties of the dataset and of each graph,
    its SPARQL endpoint, its dumps and its linksets.

    Deterministic (no timestamps), so that the same inputs give the same dataset version.
    """
    meta = Graph()
    meta.add((DATASET_IRI, RDF.type, VOID.Dataset))
    meta.add((DATASET_IRI, VOID.uriSpace, Literal(BASE + "id/")))
    meta.add((DATASET_IRI, VOID.vocabulary, URIRef(BASE + "ontology#")))
    meta.add((DATASET_IRI, VOID.sparqlEndpoint, SPARQL_ENDPOINT))
    for dump in FORMATS:
        meta.add((DATASET_IRI, VOID.dataDump, dump.url))
    described_graphs = {iri: count for iri, count in triples_per_graph(dataset).items()
                        if iri != str(GRAPH_META)}
    total = sum(described_graphs.values())
    meta.add((DATASET_IRI, VOID.triples, Literal(total, datatype=XSD.integer)))
    for graph_iri, count in described_graphs.items():
        meta.add((DATASET_IRI, VOID.subset, URIRef(graph_iri)))
        meta.add((URIRef(graph_iri), RDF.type, VOID.Dataset))
        meta.add((URIRef(graph_iri), VOID.triples, Literal(count, datatype=XSD.integer)))
    described = {s for s in dataset.graph(GRAPH_DATA).subjects() if isinstance(s, URIRef)}
    meta.add((DATASET_IRI, VOID.entities, Literal(len(described), datatype=XSD.integer)))
    for cls, count in instances_per_class(dataset).items():
        partition = partition_iri("class", URIRef(cls))
        meta.add((DATASET_IRI, VOID.classPartition, partition))
        meta.add((partition, VOID["class"], URIRef(cls)))
        meta.add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))
    properties = {}
    for graph_iri in (GRAPH_DATA, GRAPH_INFERRED):
        for _, predicate, _ in dataset.graph(graph_iri):
            properties[predicate] = properties.get(predicate, 0) + 1
    for predicate, count in sorted(properties.items()):
        partition = partition_iri("property", predicate)
        meta.add((DATASET_IRI, VOID.propertyPartition, partition))
        meta.add((partition, VOID.property, predicate))
        meta.add((partition, VOID.triples, Literal(count, datatype=XSD.integer)))
    for title in TITLES:
        meta.add((DATASET_IRI, DCTERMS.title, title))
    for triple in linksets(dataset):
        meta.add(triple)
    return meta


def version_statement(dataset: Dataset) -> tuple:
    """The dataset's version as a triple for the meta graph: owl:versionInfo, the sha256 of the
    dataset's N-Quads before this triple is added. A remote store reports the version it
    holds from it (rk.store.remote)."""
    return DATASET_IRI, OWL.versionInfo, Literal(hashlib.sha256(nquads(dataset)).hexdigest())
