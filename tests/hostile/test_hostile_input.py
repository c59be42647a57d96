"""Hostile input against the real server: each case checks status and message, and that
the server still answers a cheap query right after (issue 7, part 1)."""

import http.client

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sparql_support import TIME_LIMIT

CHEAP = "ASK { ?s ?p ?o }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def still_serving(server) -> None:
    reply = server.get(CHEAP, accept="application/sparql-results+json", timeout=10)
    assert reply.status == 200 and b"true" in reply.body
    assert reply.seconds < 2.0


def no_traceback(reply) -> None:
    assert b"Traceback" not in reply.body and b'File "/' not in reply.body


RUNAWAYS = {
    "huge ORDER BY": "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i",
    "regex on every literal": ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i "
                               "FILTER (REGEX(STR(?c), \"^(a|aa)*b$\") || REGEX(STR(?f), \"x\")) }"),
    "nested sub-selects over a product": ("SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?a ?d WHERE { "
                                          "{ SELECT ?a WHERE { ?a ?b ?c } } ?d ?e ?f . ?g ?h ?i } } }"),
}


@pytest.mark.parametrize("name", sorted(RUNAWAYS))
def test_runaway_ends_at_the_limit(strict_server, name):
    reply = strict_server.get(RUNAWAYS[name], timeout=TIME_LIMIT + 10)
    assert reply.status == 503
    assert f"time limit of {TIME_LIMIT} s" in reply.text
    no_traceback(reply)
    still_serving(strict_server)


def test_deep_nesting_is_answered_or_refused_cleanly(server):
    depth = 300
    query = "SELECT * WHERE " + "{ " * depth + "?s ?p ?o" + " }" * depth + " LIMIT 1"
    reply = server.request("POST", body=query.encode(), headers={"Content-Type": "application/sparql-query"})
    assert reply.status in (200, 400)
    no_traceback(reply)
    still_serving(server)


UPDATES = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/x.ttl>",
    "CLEAR ALL", "DROP ALL", "CREATE GRAPH <urn:g>",
    "ADD DEFAULT TO <urn:g>", "MOVE DEFAULT TO <urn:g>", "COPY DEFAULT TO <urn:g>",
]


def triple_count(server) -> str:
    return server.get(COUNT, accept="text/csv").text


@pytest.mark.parametrize("update", UPDATES)
@pytest.mark.parametrize("how", ["query-get", "query-form", "update-form", "update-body", "update-get"])
def test_update_is_refused_in_every_form(server, update, how):
    before = triple_count(server)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    import urllib.parse as parse
    if how == "query-get":
        reply = server.request(params=[("query", update)])
    elif how == "query-form":
        reply = server.request("POST", body=parse.urlencode({"query": update}).encode(), headers=form)
    elif how == "update-form":
        reply = server.request("POST", body=parse.urlencode({"update": update}).encode(), headers=form)
    elif how == "update-get":
        reply = server.request(params=[("update", update)])
    else:
        reply = server.request("POST", body=update.encode(), headers={"Content-Type": "application/sparql-update"})
    assert 400 <= reply.status < 500
    assert reply.text.strip()
    no_traceback(reply)
    assert triple_count(server) == before


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_write_methods_are_not_allowed(server, method):
    reply = server.request(method, body=b"<urn:a> <urn:b> <urn:c> .", headers={"Content-Type": "text/turtle"})
    assert reply.status == 405
    assert "GET" in reply.headers.get("Allow", "")
    still_serving(server)


FETCH_ATTEMPTS = [
    "SELECT * WHERE { SERVICE <{canary}/a> { ?s ?p ?o } }",
    "SELECT * FROM <{canary}/b> WHERE { ?s ?p ?o } LIMIT 1",
    "SELECT * FROM NAMED <{canary}/c> WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1",
    "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o } LIMIT 1",
    "SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
    "SELECT * FROM <http://127.0.0.2:{port}/internal> WHERE { ?s ?p ?o } LIMIT 1",
    "DESCRIBE <{canary}/d>",
]


@pytest.mark.parametrize("template", FETCH_ATTEMPTS)
def test_no_request_leaves_the_server(server, canary, template):
    port = canary.url.rsplit(":", 1)[1].split("/")[0]
    query = template.replace("{canary}", canary.url.rstrip("/")).replace("{port}", port)
    reply = server.get(query, timeout=15)
    assert reply.status in (200, 400)
    no_traceback(reply)
    assert b"root:" not in reply.body
    assert canary.hits == []
    still_serving(server)


@pytest.mark.parametrize("body", [
    b"SELECT * WHERE { ?s ?p ",  # truncated
    b"SELECT * WHERE { ?s ?p ?o } }}}",  # unbalanced
    b"\xff\xfe S\x00E\x00L\x00",  # not UTF-8
    b"SELECT * WHERE { ?s ?p \"\xc3\x28\" }",  # broken UTF-8 sequence
    b"",  # empty
])
def test_malformed_queries_get_a_400_with_a_message(server, body):
    reply = server.request("POST", body=body, headers={"Content-Type": "application/sparql-query"})
    assert reply.status == 400
    assert reply.body.strip()
    no_traceback(reply)
    still_serving(server)


def test_oversized_body_gets_413(strict_server):
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 10_000
    reply = strict_server.request("POST", body=query.encode(), headers={"Content-Type": "application/sparql-query"})
    assert reply.status == 413
    still_serving(strict_server)


def test_oversized_header_is_refused(server):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request("GET", "/sparql?query=ASK%7B%7D", headers={"X-Padding": "a" * 20_000})
        status = connection.getresponse().status
    finally:
        connection.close()
    assert status in (400, 431)
    still_serving(server)


def test_markup_in_a_malformed_query_is_not_served_as_html(server):
    reply = server.get("SELECT <script>alert(1)</script> WHERE {}")
    assert reply.status == 400
    assert reply.headers["Content-Type"].startswith("text/plain")
    assert reply.headers.get("X-Content-Type-Options") in (None, "nosniff")


def test_header_injection_through_format_is_inert(server):
    reply = server.request(params=[("query", CHEAP), ("format", "json\r\nX-Injected: 1")])
    assert "X-Injected" not in reply.headers
    assert reply.status in (200, 406)


text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=text, fmt=st.one_of(st.none(), text), graph=st.one_of(st.none(), text),
       accept=st.one_of(st.none(), st.sampled_from(["*/*", "text/html", "application/json;q=0.1",
                                                      "text/turtle, */*;q=0", "garbage/;;q=x"])))
def test_fuzzed_protocol_parameters_never_fail_the_server(server, query, fmt, graph, accept):
    params = [("query", query)]
    if fmt is not None:
        params.append(("format", fmt))
    if graph is not None:
        params.append(("default-graph-uri", graph))
    reply = server.request(params=params, headers={"Accept": accept} if accept else {}, timeout=15)
    assert reply.status < 500 or reply.status == 503
    no_traceback(reply)
