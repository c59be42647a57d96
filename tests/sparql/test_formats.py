"""Every result format, fetched with SPARQLWrapper and parsed; answers compared with rdflib's."""

import csv
import io
from collections import Counter

import pytest
from rdflib import Dataset, Graph, URIRef, Variable
from rdflib.compare import isomorphic
from rdflib.query import Result
from sparql_support import term_from_json
from SPARQLWrapper import (
    CSV,
    JSON,
    JSONLD,
    N3,
    POST,
    POSTDIRECTLY,
    RDFXML,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)

from rk.namespaces import ID
from rk.catalogue import catalogue

PREFIXES = """
PREFIX rk: <https://w3id.org/ruhr-konferenz/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
SELECT = PREFIXES + """
SELECT ?event ?label ?start ?min ?approximate ?forum
WHERE {
  ?event a schema:Event ; rdfs:label ?label ; schema:startDate ?start .
  OPTIONAL { ?event rk:participantsMin ?min }
  OPTIONAL { ?event rk:participantsApproximate ?approximate }
  OPTIONAL { ?event rk:forum ?forum }
}
"""
CONSTRUCT = PREFIXES + """
CONSTRUCT { ?forum rdfs:label ?label ; rk:moderator ?person . ?person schema:name ?name }
WHERE {
  ?forum a rk:ThematicForum ; rdfs:label ?label ; rk:moderator ?person .
  ?person schema:name ?name .
}
"""
TEXT = 'tab\there, newline\nthere, "quoted", comma'
ESCAPES = (
    'SELECT ?text ?iri WHERE { BIND("tab\\there, newline\\nthere, \\"quoted\\", comma" AS ?text) '
    "BIND(<http://example.org/a,b> AS ?iri) }"
)


def client(server, query, return_format, method="GET"):
    wrapper = SPARQLWrapper(server.endpoint)
    wrapper.setQuery(query)
    wrapper.setReturnFormat(return_format)
    if method != "GET":
        wrapper.setMethod(POST)
    if method == "POST direct":
        wrapper.setRequestMethod(POSTDIRECTLY)
    return wrapper


def fetch(server, query, return_format, method="GET"):
    """(Content-Type, converted answer) as SPARQLWrapper gives them."""
    answer = client(server, query, return_format, method).query()
    return answer.info()["content-type"], answer.convert()


def bag(rows) -> Counter:
    """A multiset of solutions, each a frozenset of (variable name, term)."""
    return Counter(frozenset((str(k), v) for k, v in row.items()) for row in rows)


def expected_solutions(reference: Dataset, query: str) -> Counter:
    return bag(row.asdict() for row in reference.query(query))


METHODS = ["GET", "POST form", "POST direct"]


@pytest.mark.parametrize("method", METHODS)
def test_select_as_json(server, reference, method):
    content_type, answer = fetch(server, SELECT, JSON, method)
    assert content_type == "application/sparql-results+json; charset=utf-8"
    rows = [{k: term_from_json(v) for k, v in b.items()} for b in answer["results"]["bindings"]]
    assert answer["head"]["vars"] == ["event", "label", "start", "min", "approximate", "forum"]
    assert bag(rows) == expected_solutions(reference, SELECT)


@pytest.mark.parametrize("method", METHODS)
def test_select_as_xml(server, reference, method):
    content_type, document = fetch(server, SELECT, XML, method)
    assert content_type == "application/sparql-results+xml; charset=utf-8"
    result = Result.parse(io.BytesIO(document.toxml("utf-8")), format="xml")
    assert bag(result.bindings) == expected_solutions(reference, SELECT)


@pytest.mark.parametrize("method", METHODS)
def test_select_as_tsv(server, reference, method):
    content_type, data = fetch(server, SELECT, TSV, method)
    assert content_type == "text/tab-separated-values; charset=utf-8"
    result = Result.parse(io.BytesIO(data), format="tsv")
    assert bag(result.bindings) == expected_solutions(reference, SELECT)


@pytest.mark.parametrize("method", METHODS)
def test_select_as_csv(server, reference, method):
    content_type, data = fetch(server, SELECT, CSV, method)
    assert content_type == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    expected = Counter(
        tuple(str(row.asdict().get(v, "")) for v in ("event", "label", "start", "min", "forum"))
        for row in reference.query(SELECT)
    )
    got = Counter(tuple(r[v] for v in ("event", "label", "start", "min", "forum")) for r in rows)
    assert got == expected


def test_csv_and_tsv_escape_tabs_newlines_quotes_and_commas(server):
    _, data = fetch(server, ESCAPES, CSV)
    (row,) = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))
    assert row == {"text": TEXT, "iri": "http://example.org/a,b"}
    _, data = fetch(server, ESCAPES, TSV)
    (solution,) = Result.parse(io.BytesIO(data), format="tsv").bindings
    assert str(solution[Variable("text")]) == TEXT


@pytest.mark.parametrize(("return_format", "content_type"), [(JSON, "json"), (XML, "xml")])
@pytest.mark.parametrize("truth", [True, False])
def test_ask(server, return_format, content_type, truth):
    query = "ASK { ?s ?p ?o }" if truth else "ASK { ?s <urn:no-such-property> ?o }"
    got_type, answer = fetch(server, query, return_format)
    assert got_type == f"application/sparql-results+{content_type}; charset=utf-8"
    if return_format == JSON:
        assert answer["boolean"] is truth
    else:
        assert Result.parse(io.BytesIO(answer.toxml("utf-8")), format="xml").askAnswer is truth


def expected_graph(reference: Dataset, query: str) -> Graph:
    graph = Graph()
    for triple in reference.query(query).graph:
        graph.add(triple)
    return graph


@pytest.mark.parametrize(
    ("return_format", "content_type"),
    [
        (TURTLE, "text/turtle"),
        (N3, "text/turtle"),
        (RDFXML, "application/rdf+xml"),
        (XML, "application/rdf+xml"),
        (JSONLD, "application/ld+json"),
    ],
)
def test_construct_through_sparqlwrapper(server, reference, return_format, content_type):
    got_type, answer = fetch(server, CONSTRUCT, return_format)
    assert got_type == f"{content_type}; charset=utf-8"
    if isinstance(answer, bytes):
        answer = Graph().parse(data=answer, format="turtle")
    assert len(answer) > 0
    assert isomorphic(answer, expected_graph(reference, CONSTRUCT))


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("application/n-triples", "nt"),
        ("application/trig", "trig"),
        ("application/n-quads", "nquads"),
    ],
)
def test_construct_as_ntriples_trig_and_nquads(server, reference, accept, rdflib_format):
    wrapper = client(server, CONSTRUCT, TURTLE)
    wrapper.setOnlyConneg(True)
    wrapper.addCustomHttpHeader("Accept", accept)
    answer = wrapper.query()
    assert answer.info()["content-type"] == f"{accept}; charset=utf-8"
    parsed = Dataset()
    parsed.parse(data=answer.response.read(), format=rdflib_format)
    graph = Graph()
    for s, p, o, _ in parsed.quads((None, None, None, None)):
        graph.add((s, p, o))
    assert isomorphic(graph, expected_graph(reference, CONSTRUCT))


def test_describe_gives_everything_stated_about_the_resource(server, reference):
    forum = URIRef(ID["forum/04"])
    _, answer = fetch(server, f"DESCRIBE <{forum}>", TURTLE)
    graph = Graph().parse(data=answer, format="turtle")
    stated = set(reference.triples((forum, None, None)))
    assert stated and stated <= set(graph)


# rdflib 7's answers to these differ from pyoxigraph's (not yet analysed; strict: a fix shows up)
RDFLIB_DEVIATIONS = {
    "events-near-city": "rdflib 7 gives another row count for the distance arithmetic",
    "forums-with-all-projects-completed": "rdflib 7 gives rows where pyoxigraph and the header give none",
}
CATALOGUE = [
    pytest.param(entry, id=entry.name, marks=pytest.mark.xfail(reason=RDFLIB_DEVIATIONS[entry.name], strict=True))
    if entry.name in RDFLIB_DEVIATIONS else pytest.param(entry, id=entry.name)
    for entry in catalogue()
]


@pytest.mark.parametrize("entry", CATALOGUE)
def test_catalogue_queries_answer_like_rdflib(server, reference, entry):
    """Each named query (a parameterised one with its example values) gives as many rows
    (or at least the triples) rdflib's engine gives; none is empty unless its header says so."""
    query = entry.example_text
    expected = reference.query(query)
    if expected.type in ("CONSTRUCT", "DESCRIBE"):
        _, answer = fetch(server, query, TURTLE)
        graph = Graph().parse(data=answer, format="turtle")
        assert len(graph) >= len(expected.graph) > 0
    else:
        _, answer = fetch(server, query, JSON)
        assert len(answer["results"]["bindings"]) == len(expected)
        assert len(expected) > 0 or entry.expected_rows == 0
