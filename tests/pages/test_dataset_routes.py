"""/dataset, /.well-known/void and /download/ on the real server."""

import hashlib
import json

import pytest
from babel.numbers import format_decimal
from pages_support import get, parse_html
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCAT, RDF, VOID

DATASET = URIRef("https://w3id.org/ruhr-konferenz/dataset")


@pytest.fixture(scope="module")
def manifest(built_dir):
    return json.loads((built_dir / "manifest.json").read_text())


@pytest.mark.parametrize("accept, rdf_format", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                                ("application/rdf+xml", "xml"), ("application/n-triples", "nt")])
def test_dataset_description_in_rdf(port, accept, rdf_format):
    answer = get(port, "/dataset", accept)
    assert answer.status == 200 and "Accept" in answer.headers.get("Vary", "")
    graph = Graph().parse(data=answer.body, format=rdf_format)
    assert (DATASET, RDF.type, DCAT.Dataset) in graph and (DATASET, RDF.type, VOID.Dataset) in graph
    assert len(list(graph.objects(DATASET, DCAT.distribution))) == 5


def test_dataset_page_for_people(port, manifest):
    page = parse_html(get(port, "/dataset", "text/html").body.decode())
    text = " ".join(page.text)
    assert "Wissensgraph der Ruhr-Konferenz" in text
    assert format_decimal(manifest["triples"]["https://w3id.org/ruhr-konferenz/graph/data"], locale="de") in text
    assert "/download/" in page.anchors and "/.well-known/void" in page.anchors
    english = parse_html(get(port, "/dataset?lang=en", "text/html").body.decode())
    assert "Ruhr-Konferenz knowledge graph" in " ".join(english.text)


def test_well_known_void_statistics_match_the_build(port, manifest):
    graph = Graph().parse(data=get(port, "/.well-known/void").body, format="turtle")
    for graph_iri, triples in manifest["triples"].items():
        if graph_iri.endswith("/meta"):
            continue
        assert (URIRef(graph_iri), VOID.triples, None) in graph
        assert int(graph.value(URIRef(graph_iri), VOID.triples)) == triples


def test_unacceptable_format(port):
    assert get(port, "/dataset", "image/png").status == 406


def test_download_page_and_every_dump(port, manifest):
    page = get(port, "/download/")
    assert page.status == 200
    for entry in manifest["downloads"]:
        name = entry["file"].rsplit("/", 1)[-1]
        assert name in page.body.decode()
        dump = get(port, f"/download/{name}")
        assert dump.status == 200
        assert len(dump.body) == entry["bytes"]
        assert hashlib.sha256(dump.body).hexdigest() == entry["sha256"]
    quads = Dataset()
    quads.parse(data=get(port, "/download/ruhr-konferenz.nq").body, format="nquads")
    assert len(quads) > 5000


@pytest.mark.parametrize("path", ["/download/dataset.nq", "/download/manifest.json",
                                  "/download/..%2fmanifest.json", "/download/..%2F..%2Fetc%2Fpasswd",
                                  "/download/%2e%2e/manifest.json", "/download/ruhr-konferenz.ttl%00.txt"])
def test_nothing_but_the_listed_dumps_is_served(port, path):
    answer = get(port, path)
    assert answer.status in (404, 400)
    assert b"root:" not in answer.body and b"version" not in answer.body
