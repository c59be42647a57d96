"""The dataset's DCAT-AP.de 2.0 description: catalogue, dataset, one distribution per dump,
and the SPARQL endpoint as a data service.

It meets GovData's profile "Spezifikation + Konventionen" (the shapes in
../shared/dcat-ap-de-shacl/). Those shapes look codes up in code lists they import
(licences, EU data themes, file types, …), which cannot be fetched when validating; so
the facts those lists give about the codes used here (class, skos:inScheme) are stated
in the description. The publisher is the ruhr-kg project, which compiles the graph from
public documents of the state government; the Staatskanzlei NRW is not claimed as
publisher. Temporal coverage, sources and byte sizes are computed; nothing reads the
clock, so the same inputs give the same bytes.
"""

from datetime import date

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, SKOS, XSD

from rk.build.dumps import FORMATS, DumpFormat
from rk.build.metadata import DATASET_IRI, TITLES
from rk.namespaces import DCATDE, GRAPH_DATA, GRAPH_INFERRED, RK, SCHEMA

FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
FILE_TYPES = URIRef("http://publications.europa.eu/resource/authority/file-type")
IANA = Namespace("https://www.iana.org/assignments/media-types/")

# Fixed release dates instead of the clock. Set RELEASED to the day of each data release:
# GovData keeps, of two copies of a dataset, the one with the newer dct:modified.
FIRST_RELEASED = date(2026, 11, 22)
RELEASED = date(2026, 11, 22)

CATALOG = URIRef(f"{DATASET_IRI}#catalog")
PERIOD = URIRef(f"{DATASET_IRI}#temporal")
LICENCE = URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
ATTRIBUTION = Literal("Wissensgraph der Ruhr-Konferenz (Projekt ruhr-kg), "
                      "https://w3id.org/ruhr-konferenz/dataset")
SCOPE = {  # what a dump holds, by `DumpFormat.quads`
    False: ("Ontologie, Daten und abgeleitete Aussagen in einem Graphen",
            "ontology, data and inferred statements in one graph"),
    True: ("alle benannten Graphen außer den Metadaten", "every named graph except the metadata"),
}

FIXED = """
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcatde: <http://dcat-ap.de/def/dcatde/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix theme: <http://publications.europa.eu/resource/authority/data-theme/> .
@prefix lang: <http://publications.europa.eu/resource/authority/language/> .
@base <https://w3id.org/ruhr-konferenz/> .

<dataset#catalog> a dcat:Catalog ;
    dct:title "Katalog des Wissensgraphen der Ruhr-Konferenz"@de,
        "Catalogue of the Ruhr-Konferenz knowledge graph"@en ;
    dct:description "Der Katalog des Projekts ruhr-kg: der Wissensgraph der Ruhr-Konferenz mit Downloads und SPARQL-Endpunkt."@de,
        "The catalogue of the ruhr-kg project: the Ruhr-Konferenz knowledge graph with downloads and a SPARQL endpoint."@en ;
    dct:publisher <dataset#publisher> ;
    foaf:homepage <> ;
    dct:language lang:DEU, lang:ENG ;
    dcat:themeTaxonomy <http://publications.europa.eu/resource/authority/data-theme> ;
    dcat:dataset <dataset> ;
    dcat:service <sparql#service> .

<dataset> a dcat:Dataset ;
    dct:description "Verknüpfte offene Daten zur Ruhr-Konferenz, dem 2018 begonnenen Programm der Landesregierung Nordrhein-Westfalen für die Metropole Ruhr: Themenforen mit ihren Ministerien und Moderationsteams, Personen und Organisationen, Veranstaltungen und Orte, Handlungsfelder und Projekte. Jede Angabe nennt ihre öffentliche Quelle; Widersprüche zwischen den Quellen sind verzeichnet."@de,
        "Linked open data on the Ruhr-Konferenz, the programme the government of North Rhine-Westphalia started in 2018 for the Ruhr metropolitan region: thematic forums with their ministries and moderation teams, people and organisations, events and venues, action fields and projects. Every statement names its public source; disagreements between the sources are recorded."@en ;
    dct:identifier "https://w3id.org/ruhr-konferenz/dataset" ;
    dct:publisher <dataset#publisher> ;
    dcat:contactPoint <dataset#contact> ;
    dcat:landingPage <> ;
    dcat:theme theme:GOVE, theme:REGI ;
    dcat:keyword "Ruhr-Konferenz"@de, "Ruhrgebiet"@de, "Metropole Ruhr"@de, "Themenforen"@de,
        "Strukturwandel"@de, "Landesregierung Nordrhein-Westfalen"@de, "Wissensgraph"@de,
        "Ruhr area"@en, "thematic forums"@en, "structural change"@en, "knowledge graph"@en,
        "Linked Open Data"@de, "linked open data"@en ;
    dct:language lang:DEU, lang:ENG ;
    dct:spatial <http://dcat-ap.de/def/politicalGeocoding/stateKey/05>, <http://www.geonames.org/2861876/> ;
    dcatde:politicalGeocodingURI <http://dcat-ap.de/def/politicalGeocoding/stateKey/05> ;
    dcatde:politicalGeocodingLevelURI <http://dcat-ap.de/def/politicalGeocoding/Level/state> ;
    dcatde:geocodingDescription "Metropole Ruhr (Ruhrgebiet), Nordrhein-Westfalen"@de,
        "Ruhr metropolitan region, North Rhine-Westphalia"@en ;
    dcatde:contributorID <http://dcat-ap.de/def/contributors/openNRW> .

<dataset#publisher> a foaf:Agent, foaf:Organization ;
    foaf:name "Projekt ruhr-kg"@de, "ruhr-kg project"@en ;
    foaf:homepage <> .

<dataset#contact> a vcard:Organization, vcard:Kind ;
    vcard:fn "Projekt ruhr-kg" ;
    vcard:hasURL <> .

<sparql#service> a dcat:DataService ;
    dct:title "SPARQL-Endpunkt des Wissensgraphen der Ruhr-Konferenz"@de,
        "SPARQL endpoint of the Ruhr-Konferenz knowledge graph"@en ;
    dct:description "SPARQL-1.1-Abfragen über alle benannten Graphen des Datensatzes; ohne Abfrage antwortet der Endpunkt mit seiner Dienstbeschreibung."@de,
        "SPARQL 1.1 queries over every named graph of the dataset; without a query the endpoint answers with its service description."@en ;
    dcat:endpointURL <sparql> ;
    dcat:endpointDescription <sparql> ;
    dct:conformsTo <https://www.w3.org/TR/sparql11-protocol/> ;
    dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0> ;
    dcat:servesDataset <dataset> .

# What the code lists that the shapes import say about the codes used here.
<http://dcat-ap.de/def/licenses/dl-by-de/2.0> a dct:LicenseDocument ;
    skos:inScheme <http://dcat-ap.de/def/licenses> ;
    skos:prefLabel "Datenlizenz Deutschland – Namensnennung – Version 2.0"@de .
theme:GOVE a skos:Concept ;
    skos:inScheme <http://publications.europa.eu/resource/authority/data-theme> ;
    skos:prefLabel "Regierung und öffentlicher Sektor"@de, "Government and public sector"@en .
theme:REGI a skos:Concept ;
    skos:inScheme <http://publications.europa.eu/resource/authority/data-theme> ;
    skos:prefLabel "Regionen und Städte"@de, "Regions and cities"@en .
lang:DEU a dct:LinguisticSystem ;
    skos:inScheme <http://publications.europa.eu/resource/authority/language> .
lang:ENG a dct:LinguisticSystem ;
    skos:inScheme <http://publications.europa.eu/resource/authority/language> .
<http://dcat-ap.de/def/politicalGeocoding/stateKey/05> skos:inScheme <http://dcat-ap.de/def/politicalGeocoding/stateKey> .
<http://dcat-ap.de/def/politicalGeocoding/Level/state> skos:inScheme <http://dcat-ap.de/def/politicalGeocoding/Level> .
<http://dcat-ap.de/def/contributors/openNRW> skos:inScheme <http://dcat-ap.de/def/contributors> .
"""


def temporal_coverage(dataset: Dataset) -> tuple[date, date]:
    """First and last day of the events in the data (each dated by xsd:date or xsd:dateTime)."""
    data = dataset.graph(GRAPH_DATA)
    events = {event for iri in (GRAPH_DATA, GRAPH_INFERRED)
              for event in dataset.graph(iri).subjects(RDF.type, SCHEMA.Event)}
    days = [date.fromisoformat(str(value)[:10])
            for event in events
            for predicate in (SCHEMA.startDate, SCHEMA.endDate)
            for value in data.objects(event, predicate)]
    return min(days), max(days)


def distribution(graph: Graph, dump: DumpFormat, byte_size: int) -> None:
    """Describe one dump as a dcat:Distribution of the dataset."""
    node = URIRef(f"{DATASET_IRI}#distribution-{dump.suffix}")
    german, english = SCOPE[dump.quads]
    graph.add((DATASET_IRI, DCAT.distribution, node))
    graph.add((node, RDF.type, DCAT.Distribution))
    graph.add((node, DCTERMS.title, Literal(f"{dump.label}: {german}", lang="de")))
    graph.add((node, DCTERMS.title, Literal(f"{dump.label}: {english}", lang="en")))
    graph.add((node, DCAT.accessURL, dump.url))
    graph.add((node, DCAT.downloadURL, dump.url))
    graph.add((node, DCTERMS.format, FILE_TYPE[dump.file_type]))
    graph.add((FILE_TYPE[dump.file_type], RDF.type, DCTERMS.MediaTypeOrExtent))
    graph.add((FILE_TYPE[dump.file_type], SKOS.inScheme, FILE_TYPES))
    graph.add((node, DCAT.mediaType, IANA[dump.media_type]))
    graph.add((IANA[dump.media_type], RDF.type, DCTERMS.MediaType))
    graph.add((node, DCTERMS.license, LICENCE))
    graph.add((node, DCATDE.licenseAttributionByText, ATTRIBUTION))
    # xsd:decimal as the shapes demand, in its canonical form "123.0", which every
    # serialisation keeps (rdflib's Turtle writes "123" as 123.0)
    graph.add((node, DCAT.byteSize, Literal(f"{byte_size}.0", datatype=XSD.decimal)))


def dcat_description(dataset: Dataset, byte_sizes: dict[str, int]) -> Graph:
    """The DCAT-AP.de description; `byte_sizes` maps each dump's file name to its size."""
    graph = Graph().parse(data=FIXED, format="turtle")
    for title in TITLES:
        graph.add((DATASET_IRI, DCTERMS.title, title))
    for node in (CATALOG, DATASET_IRI):
        graph.add((node, DCTERMS.issued, Literal(FIRST_RELEASED, datatype=XSD.date)))
        graph.add((node, DCTERMS.modified, Literal(RELEASED, datatype=XSD.date)))
    start, end = temporal_coverage(dataset)
    graph.add((DATASET_IRI, DCTERMS.temporal, PERIOD))
    graph.add((PERIOD, RDF.type, DCTERMS.PeriodOfTime))
    graph.add((PERIOD, DCAT.startDate, Literal(start, datatype=XSD.date)))
    graph.add((PERIOD, DCAT.endDate, Literal(end, datatype=XSD.date)))
    for source in dataset.graph(GRAPH_DATA).subjects(RDF.type, RK.SourceDocument):
        graph.add((DATASET_IRI, PROV.wasDerivedFrom, source))
    for dump in FORMATS:
        distribution(graph, dump, byte_sizes[dump.name])
    return graph
