"""Safety: nothing is ever fetched, runaway queries stop at the limit, long answers are cut."""

import json
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

import pytest
from rdflib import Graph
from sparql_support import ROW_LIMIT, TIME_LIMIT
from support.procfs import cpu_seconds, descendants

from rk.store import sandbox

FETCHES = {
    "SERVICE": ("SELECT * WHERE {{ SERVICE <{c}> {{ ?s ?p ?o }} }}", 400),
    "SERVICE SILENT": ("SELECT * WHERE {{ SERVICE SILENT <{c}> {{ ?s ?p ?o }} }}", 400),
    "FROM": ("SELECT * FROM <{c}x> WHERE {{ ?s ?p ?o }}", 200),
    "FROM NAMED": ("SELECT * FROM NAMED <{c}y> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", 200),
    "DESCRIBE": ("DESCRIBE <{c}z>", 200),
    "LOAD as a query": ("LOAD <{c}load>", 400),
}


@pytest.mark.parametrize("name", FETCHES)
def test_nothing_is_fetched_for_a_query(server, canary, name):
    query, status = FETCHES[name]
    reply = server.get(query.format(c=canary.url))
    assert reply.status == status, reply.text
    if status == 200:
        assert reply.body.count(b'"value"') == 0, "graphs outside the dataset are empty"
    assert canary.hits == []


ASK_NAMED = "ASK { GRAPH ?g { ?s ?p ?o } }"


@pytest.mark.parametrize(
    ("method", "params", "body", "content_type", "status"),
    [
        ("GET", [("query", "ASK { ?s ?p ?o }"), ("default-graph-uri", "{c}d")], None, None, 200),
        ("GET", [("query", ASK_NAMED), ("named-graph-uri", "{c}n")], None, None, 200),
        ("GET", [("update", "LOAD <{c}load>")], None, None, 403),
        ("POST", None, "LOAD <{c}load>", "application/sparql-update", 403),
    ],
    ids=["default-graph-uri", "named-graph-uri", "LOAD as update", "LOAD as update body"],
)
def test_nothing_is_fetched_for_protocol_parameters(
    server, canary, method, params, body, content_type, status
):
    params = [(k, v.replace("{c}", canary.url)) for k, v in params or []]
    headers = {"Content-Type": content_type} if content_type else {}
    body = body and body.replace("{c}", canary.url).encode()
    reply = server.request(method, params, body, headers)
    assert reply.status == status, reply.text
    if status == 200:
        assert json.loads(reply.body)["boolean"] is False
    assert canary.hits == []


@pytest.mark.skipif(not sandbox.available(), reason="seccomp confinement is Linux-only")
def test_a_service_clause_that_slips_past_the_guard_still_fetches_nothing(server, canary):
    """`<?b)SERVICE#>` looks like an IRI to the guard; the engine reads `<` as less-than."""
    query = (
        "SELECT * WHERE { ?s ?p ?o FILTER(?o <?b)SERVICE#>\n"
        f"<{canary.url}> {{ ?x ?y ?z }} }} LIMIT 1"
    )
    reply = server.get(query)
    assert reply.status in (200, 500), reply.text
    assert canary.hits == []


RUNAWAYS = {
    "cartesian join": (
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n0 ?o }"
    ),
    "unbounded property path": (
        "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:p>|!<urn:p>)* ?b . "
        "?c (<urn:p>|!<urn:p>)* ?d . ?e (<urn:p>|!<urn:p>)* ?f }"
    ),
    "huge GROUP BY": (
        "SELECT ?a ?d ?g (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } "
        "GROUP BY ?a ?d ?g"
    ),
}
CHEAP = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
JSON, TURTLE = "application/sparql-results+json", "text/turtle"


@pytest.mark.parametrize("name", RUNAWAYS)
def test_runaway_query_stops_at_the_limit_while_others_are_served(strict_server, name):
    with ThreadPoolExecutor(max_workers=1) as pool:
        runaway = pool.submit(strict_server.get, RUNAWAYS[name])
        with pytest.raises(FutureTimeout):  # give the runaway half a second's head start
            runaway.result(timeout=0.5)
        cheap = strict_server.get(CHEAP)
        assert cheap.status == 200 and cheap.seconds < 0.5, cheap.seconds
        stopped = runaway.result(timeout=TIME_LIMIT + 5)
    assert stopped.status == 503
    assert stopped.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert f"time limit of {TIME_LIMIT} s" in stopped.text
    assert TIME_LIMIT - 0.1 <= stopped.seconds <= TIME_LIMIT + 2


def test_a_stopped_query_frees_its_cpu(strict_server):
    """After the 503, the server's processes fall idle (within 5 s, measured in 0.5 s windows)."""
    assert strict_server.get(RUNAWAYS["cartesian join"]).status == 503
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        processes = [strict_server.process.pid, *descendants(strict_server.process.pid)]
        before = cpu_seconds(processes)
        time.sleep(0.5)
        if cpu_seconds(processes) - before < 0.1:
            return
    pytest.fail("the server kept using CPU after the query was stopped")


@pytest.mark.parametrize(
    ("query", "accept", "truncated", "size"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", JSON, "true", ROW_LIMIT),
        (f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {ROW_LIMIT}", JSON, "false", ROW_LIMIT),
        ("CONSTRUCT WHERE { ?s ?p ?o }", TURTLE, "true", ROW_LIMIT),
        (f"CONSTRUCT WHERE {{ ?s ?p ?o }} LIMIT {ROW_LIMIT - 1}", TURTLE, "false", ROW_LIMIT - 1),
    ],
)
def test_row_limit_is_stated_in_headers(strict_server, query, accept, truncated, size):
    reply = strict_server.get(query, accept=accept)
    assert reply.status == 200
    assert reply.headers["X-RK-Truncated"] == truncated
    assert reply.headers["X-RK-Row-Limit"] == str(ROW_LIMIT)
    if accept == TURTLE:
        assert len(Graph().parse(data=reply.body, format="turtle")) == size
    else:
        assert len(json.loads(reply.body)["results"]["bindings"]) == size
