"""Dereferencing /id/… IRIs: 303 by Accept, data documents, 404, the ontology."""

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS
from pages_support import get, parse_html

from rk.namespaces import BASE

FORUM = BASE + "id/forum/04"
# Accept → where /id/forum/04 sends the client
MATRIX = [
    ("text/html", "/page/forum/04"),
    ("application/xhtml+xml", "/page/forum/04"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "/page/forum/04"),
    ("*/*", "/page/forum/04"),
    (None, "/page/forum/04"),
    ("text/turtle", "/data/forum/04.ttl"),
    ("application/ld+json", "/data/forum/04.jsonld"),
    ("application/rdf+xml", "/data/forum/04.rdf"),
    ("application/n-triples", "/data/forum/04.nt"),
    ("text/html;q=0.5, text/turtle", "/data/forum/04.ttl"),
    ("application/rdf+xml;q=0.4, application/ld+json;q=0.8", "/data/forum/04.jsonld"),
]
DATA = [
    ("ttl", "text/turtle", "turtle"),
    ("jsonld", "application/ld+json", "json-ld"),
    ("rdf", "application/rdf+xml", "xml"),
    ("nt", "application/n-triples", "nt"),
]


@pytest.mark.parametrize("accept, location", MATRIX)
def test_id_answers_303_to_what_accept_asks_for(port, accept, location):
    answer = get(port, "/id/forum/04", accept)
    assert answer.status == 303
    assert answer.headers["Location"].endswith(location)
    assert "Accept" in answer.headers["Vary"]


def test_id_refuses_what_it_cannot_produce(port):
    assert get(port, "/id/forum/04", "image/png").status == 406


@pytest.mark.parametrize("suffix, media_type, rdflib_format", DATA)
def test_data_documents_parse_and_hold_the_subject(port, suffix, media_type, rdflib_format):
    answer = get(port, f"/data/forum/04.{suffix}")
    assert answer.status == 200
    assert answer.headers["Content-Type"].startswith(media_type)
    graph = Graph().parse(data=answer.body, format=rdflib_format)
    forum = URIRef(FORUM)
    assert (forum, RDFS.label, None) in graph
    assert len(set(graph.predicates(forum))) > 5
    lead = next(graph.objects(forum, URIRef(BASE + "ontology#leadDepartment")))
    assert (lead, RDFS.label, None) in graph  # labels of linked things


def test_data_document_equals_the_triples_about_the_subject(port, store):
    answer = get(port, "/data/person/andrea-milz.nt")
    served = Graph().parse(data=answer.body, format="nt")
    subject = URIRef(BASE + "id/person/andrea-milz")
    expected = {
        (row.predicate.value, row.object.value)
        for row in store.quads_for_pattern(None, None, None)
        if row.subject.value == str(subject)
    }
    assert {(str(p), str(o)) for p, o in served.predicate_objects(subject)} == expected


@pytest.mark.parametrize(
    "path", ["/id/forum/99", "/id/no-such/thing", "/id/Forum/04", "/id/forum/04%3E", "/page/forum/99"]
)
def test_unknown_iris_answer_404_with_a_helpful_page(port, path):
    answer = get(port, path, "text/html")
    assert answer.status == 404
    page = parse_html(answer.text)
    assert any(href.startswith("/search") for href in page.anchors)
    assert "/" in page.anchors


def test_page_advertises_its_data(port):
    answer = get(port, "/page/forum/04")
    page = parse_html(answer.text)
    alternates = {link["type"]: link["href"] for link in page.links if link.get("rel") == "alternate"}
    assert alternates == {
        "text/turtle": "/data/forum/04.ttl",
        "application/ld+json": "/data/forum/04.jsonld",
        "application/rdf+xml": "/data/forum/04.rdf",
        "application/n-triples": "/data/forum/04.nt",
    }
    assert 'rel="alternate"; type="text/turtle"' in answer.headers["Link"]
    (block,) = [text for attrs, text in page.scripts if attrs.get("type") == "application/ld+json"]
    embedded = Graph().parse(data=block, format="json-ld")
    assert (URIRef(FORUM), RDFS.label, None) in embedded


@pytest.mark.parametrize(
    "accept, location",
    [
        ("text/html", "/ontology.html"),
        ("text/turtle", "/ontology.ttl"),
        ("application/ld+json", "/ontology.jsonld"),
    ],
)
def test_ontology_iri_dereferences(port, accept, location):
    answer = get(port, "/ontology", accept)
    assert answer.status == 303
    assert answer.headers["Location"].endswith(location)
    assert "Accept" in answer.headers["Vary"]


def test_ontology_documentation_and_turtle(port):
    html = get(port, "/ontology.html")
    assert html.status == 200
    page = parse_html(html.text)
    assert 'id="moderator"' in html.text and 'id="ThematicForum"' in html.text
    assert not [r for r in page.resources if r.startswith(("http:", "https:", "//"))]
    turtle = Graph().parse(data=get(port, "/ontology.ttl").body, format="turtle")
    assert (URIRef(BASE + "ontology#moderator"), RDFS.label, None) in turtle
