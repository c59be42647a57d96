"""The SPARQL 1.1 Protocol's query operation, and every way a request can be rejected."""

import json
import urllib.parse

import pyoxigraph
import pytest
from rdflib import URIRef
from sparql_support import BODY_LIMIT

from rk.namespaces import GRAPH_DATA, GRAPH_ONTOLOGY

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
DIRECT = {"Content-Type": "application/sparql-query"}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def json_rows(reply):
    assert reply.status == 200, reply.text
    return json.loads(reply.body)["results"]["bindings"]


def count_of(reply) -> int:
    return int(json_rows(reply)[0]["n"]["value"])


def form(**fields) -> str:
    return urllib.parse.urlencode(fields)


def assert_plain_error(reply, status):
    assert reply.status == status, reply.text
    assert reply.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert reply.headers["Cache-Control"] == "no-store"


def test_get_post_form_and_post_direct_give_the_same_answer(server, reference):
    expected = len(set(reference.triples((None, None, None))))
    assert count_of(server.get(COUNT)) == expected
    assert count_of(server.request("POST", body=form(query=COUNT), headers=FORM)) == expected
    assert count_of(server.request("POST", body=COUNT.encode(), headers=DIRECT)) == expected


def test_default_graph_uri_and_named_graph_uri_select_graphs(server, reference):
    ontology = len(reference.graph(URIRef(GRAPH_ONTOLOGY)))
    params = [("query", COUNT), ("default-graph-uri", str(GRAPH_ONTOLOGY))]
    assert count_of(server.request(params=params)) == ontology
    named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    params = [("query", named), ("named-graph-uri", str(GRAPH_DATA))]
    assert count_of(server.request(params=params)) == len(reference.graph(URIRef(GRAPH_DATA)))
    direct = server.request(
        "POST", [("default-graph-uri", str(GRAPH_ONTOLOGY))], COUNT.encode(), DIRECT
    )
    assert count_of(direct) == ontology


def test_format_parameter_overrides_accept(server):
    reply = server.request(
        params=[("query", COUNT), ("format", "json")], headers={"Accept": "text/csv"}
    )
    assert reply.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"
    assert count_of(reply) > 0


def test_head_answers_like_get_without_a_body(server):
    reply = server.request("HEAD", params=[("query", COUNT)])
    assert reply.status == 200 and reply.body == b""
    assert reply.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"


@pytest.mark.parametrize(
    "query", ["SELECT * WHERE { ?s ?p }", "SELEC * WHERE { ?s ?p ?o }", "ASK { FILTER( }"]
)
def test_malformed_query_gives_400_with_the_parsers_message(server, query):
    with pytest.raises(SyntaxError) as parser:
        pyoxigraph.Store().query(query)
    reply = server.get(query)
    assert_plain_error(reply, 400)
    assert reply.text == f"Malformed query: {parser.value}\n"


@pytest.mark.parametrize(
    ("method", "params", "body", "headers"),
    [
        ("POST", None, form(format="json"), FORM),
        ("POST", None, b"", DIRECT),
        ("GET", [("query", "  ")], None, {}),
    ],
    ids=["form without query", "empty body", "blank query"],
)
def test_missing_query_gives_400(server, method, params, body, headers):
    assert_plain_error(server.request(method, params, body, headers), 400)


@pytest.mark.parametrize(
    ("method", "params", "body", "headers"),
    [
        ("GET", [("query", "ASK {}"), ("query", "ASK {}")], None, {}),
        ("POST", None, "query=ASK%7B%7D&query=ASK%7B%7D", FORM),
        ("POST", [("query", "ASK {}")], b"ASK {}", DIRECT),
    ],
    ids=["two in the URL", "two in the form", "URL and body"],
)
def test_two_queries_give_400(server, method, params, body, headers):
    reply = server.request(method, params, body, headers)
    assert_plain_error(reply, 400)
    assert "exactly one query" in reply.text


@pytest.mark.parametrize(
    "headers", [{"Content-Type": "text/plain"}, {"Content-Type": "application/json"}, {}]
)
def test_post_with_wrong_or_missing_content_type_gives_415(server, headers):
    reply = server.request("POST", body=b"ASK {}", headers=headers)
    assert_plain_error(reply, 415)
    assert "application/sparql-query" in reply.text


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/sparql-query; charset=UTF-16", "ASK { ?s ?p 'ä' }".encode("utf-16")),
        ("application/sparql-query; charset=ISO-8859-1", "ASK { ?s ?p 'ä' }".encode("latin-1")),
        ("application/x-www-form-urlencoded; charset=ISO-8859-1",
         urllib.parse.urlencode({"query": "ASK { ?s ?p 'ä' }"}, encoding="latin-1").encode()),
        ("application/sparql-query; charset=no-such-charset", b"ASK {}"),
    ],
    ids=["W3C bad_query_non_utf8", "latin-1 body", "latin-1 form", "unknown charset"],
)
def test_a_body_in_another_charset_than_utf8_gives_415(server, content_type, body):
    reply = server.request("POST", body=body, headers={"Content-Type": content_type})
    assert_plain_error(reply, 415)
    assert "requires UTF-8" in reply.text


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8", "utf8"])
def test_a_body_declared_as_utf8_is_read(server, charset):
    headers = {"Content-Type": f"application/sparql-query; charset={charset}"}
    reply = server.request("POST", body="ASK { ?s ?p 'ä' }".encode(), headers=headers)
    assert reply.status == 200 and json.loads(reply.body)["boolean"] is False


def test_undecodable_body_gives_400(server):
    reply = server.request("POST", body="ASK { ?s ?p 'ä' }".encode("latin-1"), headers=DIRECT)
    assert_plain_error(reply, 400)


@pytest.mark.parametrize(
    ("query", "accept"),
    [
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "text/turtle"),
        ("ASK { ?s ?p ?o }", "application/rdf+xml"),
        ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "application/sparql-results+json"),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "image/png"),
    ],
)
def test_unacceptable_format_gives_406(server, query, accept):
    reply = server.get(query, accept=accept)
    assert_plain_error(reply, 406)
    assert "Available:" in reply.text


def test_unknown_format_parameter_gives_406(server):
    assert_plain_error(server.request(params=[("query", COUNT), ("format", "bogus")]), 406)


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_give_405_with_allow(server, method):
    reply = server.request(method, params=[("query", COUNT)])
    assert_plain_error(reply, 405)
    assert {"GET", "POST"} <= {m.strip() for m in reply.headers["Allow"].split(",")}


INSERT = "INSERT DATA { <urn:rk:test> <urn:rk:test> <urn:rk:test> }"


@pytest.mark.parametrize(
    ("method", "params", "body", "headers", "status"),
    [
        ("GET", [("update", INSERT)], None, {}, 403),
        ("POST", None, form(update=INSERT), FORM, 403),
        ("POST", None, INSERT.encode(), {"Content-Type": "application/sparql-update"}, 403),
        ("GET", [("query", INSERT)], None, {}, 400),
        ("POST", None, INSERT.encode(), DIRECT, 400),
    ],
    ids=["update parameter", "update in a form", "update body", "as query", "as query body"],
)
def test_updates_are_refused_and_never_executed(server, method, params, body, headers, status):
    assert_plain_error(server.request(method, params, body, headers), status)
    assert json.loads(server.get("ASK { <urn:rk:test> ?p ?o }").body)["boolean"] is False


def test_request_body_over_the_limit_gives_413(strict_server):
    padding = "#" * BODY_LIMIT
    reply = strict_server.request("POST", body=f"ASK {{}} {padding}\n".encode(), headers=DIRECT)
    assert_plain_error(reply, 413)
    assert str(BODY_LIMIT) in reply.text
    reply = strict_server.request("POST", body=form(query=f"ASK {{}} {padding}\n"), headers=FORM)
    assert_plain_error(reply, 413)
    reply = strict_server.request("POST", body=b"ASK {} #" + b"x" * 1000, headers=DIRECT)
    assert reply.status == 200
