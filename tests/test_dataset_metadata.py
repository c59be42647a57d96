"""The dataset's description of itself (VoID, DCAT-AP.de) and the dumps the build writes.

The DCAT-AP.de description is checked with GovData's official shapes, profile
"Spezifikation + Konventionen": every file in ../shared/dcat-ap-de-shacl/ except
dcat-ap-de-imports.ttl, which only imports remote vocabularies (see its README).
Expected counts come from SPARQL over the built dataset, not from the build's code.
"""

import hashlib
import json
from pathlib import Path

import pyshacl
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, RDF, SH, VOID

import rk.paths
from rk.build.dumps import FORMATS
from rk.build.metadata import DATASET_IRI
from rk.namespaces import GRAPH_META, RK
from rk.paths import DATASET_NQ, DOWNLOAD_DIR, MANIFEST

SHAPES_DIR = Path(rk.paths.PROJECT_ROOT).parent / "shared" / "dcat-ap-de-shacl"
PROFILE = (  # "Spezifikation + Konventionen"
    "dcat-ap_2.1.1_shacl_shapes.ttl",
    "dcat-ap-spec-german-additions.ttl",
    "dcat-ap-spec-german-messages.ttl",
    "dcat-ap-de-deprecated.ttl",
    "dcat-ap-konventionen.ttl",
)
RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}

GRAPH = "https://w3id.org/ruhr-konferenz/graph/"
TRIPLES_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
DISTINCT_KNOWLEDGE_TRIPLES = f"""
SELECT (COUNT(*) AS ?n) WHERE {{
  SELECT DISTINCT ?s ?p ?o WHERE {{
    VALUES ?g {{ <{GRAPH}ontology> <{GRAPH}data> <{GRAPH}inferred> }}
    GRAPH ?g {{ ?s ?p ?o }}
  }}
}}"""
ENTITIES_PER_CLASS = f"""
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  VALUES ?g {{ <{GRAPH}data> <{GRAPH}inferred> }}
  GRAPH ?g {{ ?s a ?class }}
}} GROUP BY ?class"""
TRIPLES_PER_PROPERTY = f"""
SELECT ?p (COUNT(*) AS ?n) WHERE {{
  VALUES ?g {{ <{GRAPH}data> <{GRAPH}inferred> }}
  GRAPH ?g {{ ?s ?p ?o }}
}} GROUP BY ?p"""
DESCRIBED_ENTITIES = f"""
SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH <{GRAPH}data> {{ ?s ?p ?o FILTER isIRI(?s) }} }}"""
EVENT_DAYS = """
SELECT (MIN(?day) AS ?first) (MAX(?day) AS ?last) WHERE {
  ?event a schema:Event ; schema:startDate|schema:endDate ?when .
  BIND (SUBSTR(STR(?when), 1, 10) AS ?day)
}"""


@pytest.fixture(scope="module")
def official_shapes() -> Graph:
    assert SHAPES_DIR.is_dir(), f"the official DCAT-AP.de shapes are expected in {SHAPES_DIR}"
    shapes = Graph()
    for name in PROFILE:
        shapes.parse(SHAPES_DIR / name, format="turtle")
    return shapes


@pytest.fixture(scope="module")
def meta(built_dir) -> Graph:
    """The meta graph as published in dataset.nq."""
    published = Dataset()
    published.parse(built_dir / DATASET_NQ, format="nquads")
    graph = Graph()
    for triple in published.graph(GRAPH_META):
        graph.add(triple)
    return graph


def shacl(graph: Graph, shapes: Graph) -> tuple[bool, Graph, str]:
    """Validate with warnings and infos counting as failures."""
    return pyshacl.validate(graph, shacl_graph=shapes, inference="none",
                            allow_warnings=False, allow_infos=False)


def violations(report: Graph) -> set[tuple]:
    """(focus node, path) of each sh:Violation in a report."""
    return {(report.value(result, SH.focusNode), report.value(result, SH.resultPath))
            for result in report.subjects(SH.resultSeverity, SH.Violation)}


def count(select, query: str) -> int:
    (row,) = select(query)
    return int(row["n"])


def distribution_of(meta: Graph, dump) -> URIRef:
    (node,) = meta.subjects(DCAT.downloadURL, dump.url)
    return node


# (a) and (b): the official shapes

def test_dcat_description_conforms_to_spezifikation_und_konventionen(meta, official_shapes):
    conforms, _, text = shacl(meta, official_shapes)
    assert conforms, text  # no violation, warning or info


def test_void_and_dcat_describe_the_same_dataset(meta):
    assert (DATASET_IRI, RDF.type, VOID.Dataset) in meta
    assert (DATASET_IRI, RDF.type, DCAT.Dataset) in meta
    assert set(meta.subjects(RDF.type, DCAT.Distribution)) == set(meta.objects(DATASET_IRI, DCAT.distribution))
    assert len(set(meta.objects(DATASET_IRI, DCAT.distribution))) == len(FORMATS)


def test_shapes_report_a_distribution_without_licence(meta, official_shapes):
    broken = Graph()
    broken += meta
    distributions = set(broken.subjects(RDF.type, DCAT.Distribution))
    for node in distributions:
        broken.remove((node, DCTERMS.license, None))
    conforms, report, _ = shacl(broken, official_shapes)
    assert not conforms
    assert {(node, DCTERMS.license) for node in distributions} <= violations(report)


def test_shapes_report_a_dataset_without_title(meta, official_shapes):
    broken = Graph()
    broken += meta
    broken.remove((DATASET_IRI, DCTERMS.title, None))
    conforms, report, _ = shacl(broken, official_shapes)
    assert not conforms
    assert (DATASET_IRI, DCTERMS.title) in violations(report)


# (c): the dumps

@pytest.mark.parametrize("dump", FORMATS, ids=lambda dump: dump.suffix)
def test_dump_holds_the_dataset(built_dir, build_result, select, dump):
    path = built_dir / DOWNLOAD_DIR / dump.name
    built = build_result.dataset
    if dump.quads:
        parsed = Dataset()
        parsed.parse(path, format=RDFLIB_FORMATS[dump.suffix])
        found = {str(graph.identifier): len(graph) for graph in parsed.graphs() if len(graph)}
        expected = {row["g"]: int(row["n"]) for row in select(TRIPLES_PER_GRAPH)}
        del expected[str(GRAPH_META)]
        assert found == expected
        for iri in found:
            assert isomorphic(parsed.graph(URIRef(iri)), built.graph(URIRef(iri))), iri
    else:
        parsed = Graph().parse(path, format=RDFLIB_FORMATS[dump.suffix])
        assert len(parsed) == count(select, DISTINCT_KNOWLEDGE_TRIPLES)
        knowledge = Graph()
        for name in ("ontology", "data", "inferred"):
            knowledge += built.graph(URIRef(GRAPH + name))
        assert isomorphic(parsed, knowledge)


@pytest.mark.parametrize("dump", FORMATS, ids=lambda dump: dump.suffix)
def test_dump_size_and_checksum_are_stated(built_dir, meta, dump):
    content = (built_dir / DOWNLOAD_DIR / dump.name).read_bytes()
    manifest = json.loads((built_dir / MANIFEST).read_text(encoding="utf-8"))
    (entry,) = [entry for entry in manifest["downloads"] if entry["file"] == f"{DOWNLOAD_DIR}/{dump.name}"]
    assert entry["bytes"] == len(content)
    assert entry["sha256"] == hashlib.sha256(content).hexdigest()
    assert meta.value(distribution_of(meta, dump), DCAT.byteSize).toPython() == len(content)


# (d): statistics against SPARQL

def test_void_triples_per_graph(meta, select):
    counted = {row["g"]: int(row["n"]) for row in select(TRIPLES_PER_GRAPH)}
    del counted[str(GRAPH_META)]
    stated = {str(graph): int(meta.value(graph, VOID.triples))
              for graph in meta.objects(DATASET_IRI, VOID.subset) if (graph, RDF.type, VOID.Linkset) not in meta}
    assert stated == counted
    assert int(meta.value(DATASET_IRI, VOID.triples)) == sum(counted.values())


def test_void_entities_per_class(meta, select):
    counted = {row["class"]: int(row["n"]) for row in select(ENTITIES_PER_CLASS)}
    stated = {str(meta.value(partition, VOID["class"])): int(meta.value(partition, VOID.entities))
              for partition in meta.objects(DATASET_IRI, VOID.classPartition)}
    assert stated == counted
    assert stated[str(RK.ThematicForum)] == 20
    assert int(meta.value(DATASET_IRI, VOID.entities)) == count(select, DESCRIBED_ENTITIES)


def test_void_triples_per_property(meta, select):
    counted = {row["p"]: int(row["n"]) for row in select(TRIPLES_PER_PROPERTY)}
    stated = {str(meta.value(partition, VOID.property)): int(meta.value(partition, VOID.triples))
              for partition in meta.objects(DATASET_IRI, VOID.propertyPartition)}
    assert stated == counted


def test_temporal_coverage_spans_the_events(meta, select):
    (row,) = select(EVENT_DAYS)
    period = meta.value(DATASET_IRI, DCTERMS.temporal)
    assert str(meta.value(period, DCAT.startDate)) == row["first"]
    assert str(meta.value(period, DCAT.endDate)) == row["last"]
    assert row["first"].startswith("2018-") and row["last"].startswith("2022-")
