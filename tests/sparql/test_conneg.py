"""Content negotiation: the Accept parser and the format tables, as a table of cases."""

import pytest

from rk.store import GRAPH_FORMATS, SOLUTIONS_FORMATS
from rk.web.http import conneg
from rk.web.http.conneg import MediaRange, choose, negotiate, parse_accept

SPARQLWRAPPER_JSON = (
    "application/sparql-results+json,application/json,text/javascript,application/javascript"
)
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/turtle", [MediaRange("text", "turtle", 1.0)]),
        ("TEXT/Turtle ; Q=0.5", [MediaRange("text", "turtle", 0.5)]),
        ("text/*;q=0.3, */*;q=0.1", [MediaRange("text", "*", 0.3), MediaRange("*", "*", 0.1)]),
        ("text/turtle;charset=utf-8;q=0.7", [MediaRange("text", "turtle", 0.7)]),
        ("application/json;q=0", [MediaRange("application", "json", 0.0)]),
        ("text/turtle;q=2, text/csv;q=abc, text/tsv;q=-1", []),
        ("*/json, turtle, , /x, text/", []),
        ("", []),
    ],
)
def test_parse_accept(header, expected):
    assert parse_accept(header) == expected


@pytest.mark.parametrize(
    ("accept", "formats", "expected"),
    [
        (None, conneg.SOLUTIONS, "json"),
        ("", conneg.GRAPH, "turtle"),
        ("*/*", conneg.SOLUTIONS, "json"),
        ("*/*", conneg.GRAPH, "turtle"),
        ("application/sparql-results+xml", conneg.SOLUTIONS, "xml"),
        ("text/csv", conneg.SOLUTIONS, "csv"),
        ("text/tab-separated-values", conneg.SOLUTIONS, "tsv"),
        (SPARQLWRAPPER_JSON, conneg.SOLUTIONS, "json"),
        (SPARQLWRAPPER_JSON, conneg.GRAPH, "jsonld"),
        ("application/rdf+xml", conneg.GRAPH, "rdfxml"),
        ("application/xml", conneg.SOLUTIONS, "xml"),
        ("application/xml", conneg.GRAPH, "rdfxml"),
        ("application/n-triples", conneg.GRAPH, "ntriples"),
        ("text/plain", conneg.GRAPH, "ntriples"),
        ("application/ld+json", conneg.GRAPH, "jsonld"),
        ("application/trig", conneg.GRAPH, "trig"),
        ("application/n-quads", conneg.GRAPH, "nquads"),
        ("text/n3", conneg.GRAPH, "turtle"),
        # q-values decide; the most specific range sets a type's q-value
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", conneg.SOLUTIONS, "xml"),
        ("text/*;q=0.9, */*;q=0.1", conneg.SOLUTIONS, "csv"),
        ("*/*;q=0.5, application/sparql-results+json;q=0", conneg.SOLUTIONS, "xml"),
        ("text/turtle;q=0.2, application/rdf+xml;q=0.3, */*;q=0.1", conneg.GRAPH, "rdfxml"),
        # equal q-values: the table's order decides
        ("application/rdf+xml, text/turtle", conneg.GRAPH, "turtle"),
        # nothing acceptable
        ("text/turtle", conneg.SOLUTIONS, None),
        ("application/sparql-results+json", conneg.GRAPH, None),
        ("image/png", conneg.SOLUTIONS, None),
        ("*/*;q=0", conneg.GRAPH, None),
        # a malformed header counts as no header
        ("nonsense", conneg.SOLUTIONS, "json"),
        # browsers get the HTML form of the service description, other clients Turtle
        (BROWSER, conneg.SERVICE_DESCRIPTION, "html"),
        ("*/*", conneg.SERVICE_DESCRIPTION, "turtle"),
        ("application/json", conneg.SERVICE_DESCRIPTION, "jsonld"),
        (BROWSER, conneg.SOLUTIONS, "xml"),
    ],
)
def test_negotiate(accept, formats, expected):
    chosen = negotiate(accept, formats)
    assert (chosen and chosen.name) == expected


@pytest.mark.parametrize(
    ("values", "formats", "expected"),
    [
        (["json"], conneg.SOLUTIONS, "json"),
        (["json"], conneg.GRAPH, "jsonld"),
        (["xml"], conneg.SOLUTIONS, "xml"),
        (["xml"], conneg.GRAPH, "rdfxml"),
        (["ttl"], conneg.GRAPH, "turtle"),
        (["turtle"], conneg.GRAPH, "turtle"),
        (["nt"], conneg.GRAPH, "ntriples"),
        (["jsonld"], conneg.GRAPH, "jsonld"),
        (["rdfxml"], conneg.GRAPH, "rdfxml"),
        (["trig"], conneg.GRAPH, "trig"),
        (["nq"], conneg.GRAPH, "nquads"),
        (["CSV"], conneg.SOLUTIONS, "csv"),
        # SPARQLWrapper sends a name and a media type
        (["tsv", "text/tab-separated-values"], conneg.SOLUTIONS, "tsv"),
        (["json-ld", "application/ld+json"], conneg.GRAPH, "jsonld"),
        (["rdf+xml", "application/rdf+xml"], conneg.GRAPH, "rdfxml"),
        (["ttl"], conneg.SOLUTIONS, None),
        (["csv"], conneg.GRAPH, None),
        (["bogus"], conneg.SOLUTIONS, None),
    ],
)
def test_format_parameter_overrides_accept(values, formats, expected):
    chosen = choose(values, "text/csv, text/turtle", formats)
    assert (chosen and chosen.name) == expected


def test_every_negotiable_format_can_be_serialised_by_the_store():
    assert [f.name for f in conneg.SOLUTIONS] == list(SOLUTIONS_FORMATS)
    assert [f.name for f in conneg.GRAPH] == list(GRAPH_FORMATS)


@pytest.mark.parametrize("fmt", conneg.SOLUTIONS + conneg.GRAPH + conneg.SERVICE_DESCRIPTION)
def test_content_types_state_the_charset(fmt):
    assert fmt.content_type == f"{fmt.media_type}; charset=utf-8"
