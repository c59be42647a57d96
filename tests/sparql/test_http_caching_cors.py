"""HTTP caching (ETag, Cache-Control, 304) and CORS."""

import pytest

QUERY = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"
JSON = "application/sparql-results+json"


def test_get_answers_carry_a_weak_etag_and_cache_control(server):
    reply = server.get(QUERY, accept=JSON)
    assert reply.headers["ETag"].startswith('W/"')
    assert reply.headers["Cache-Control"] == "public, max-age=300"
    # the answer depends on Accept (its format) and Accept-Encoding (compressed or not)
    assert {name.strip() for name in reply.headers["Vary"].split(",")} == {"Accept", "Accept-Encoding"}


def test_if_none_match_gives_304_without_a_body(server):
    tag = server.get(QUERY, accept=JSON).headers["ETag"]
    reply = server.request(
        params=[("query", QUERY)], headers={"Accept": JSON, "If-None-Match": tag}
    )
    assert reply.status == 304 and reply.body == b""
    assert reply.headers["ETag"] == tag
    stale = server.request(
        params=[("query", QUERY)], headers={"Accept": JSON, "If-None-Match": 'W/"0"'}
    )
    assert stale.status == 200


def test_etag_depends_on_query_and_format(server):
    tags = {
        server.get(QUERY, accept=JSON).headers["ETag"],
        server.get(QUERY, accept="text/csv").headers["ETag"],
        server.get(QUERY + " OFFSET 1", accept=JSON).headers["ETag"],
    }
    assert len(tags) == 3
    assert server.get(QUERY, accept=JSON).headers["ETag"] in tags


def test_post_answers_are_not_marked_cacheable(server):
    reply = server.request(
        "POST", body=QUERY.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert reply.status == 200
    assert "ETag" not in reply.headers and "Cache-Control" not in reply.headers


def test_service_description_revalidates(server):
    tag = server.request(headers={"Accept": "text/turtle"}).headers["ETag"]
    reply = server.request(headers={"Accept": "text/turtle", "If-None-Match": tag})
    assert reply.status == 304


@pytest.mark.parametrize(
    ("method", "params", "body", "headers"),
    [
        ("GET", [("query", QUERY)], None, {}),
        ("POST", None, QUERY.encode(), {"Content-Type": "application/sparql-query"}),
        ("GET", [("query", "SELEC")], None, {}),
        ("GET", None, None, {}),
    ],
    ids=["GET", "POST", "error", "service description"],
)
def test_every_answer_allows_any_origin(server, method, params, body, headers):
    reply = server.request(method, params, body, {"Origin": "https://example.org", **headers})
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    exposed = {h.strip() for h in reply.headers["Access-Control-Expose-Headers"].split(",")}
    assert {"ETag", "X-RK-Truncated", "X-RK-Row-Limit"} <= exposed


def test_preflight_is_answered(server):
    reply = server.request(
        "OPTIONS",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert reply.status == 200
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    methods = {m.strip() for m in reply.headers["Access-Control-Allow-Methods"].split(",")}
    assert {"GET", "POST"} <= methods
    assert "Content-Type" in reply.headers["Access-Control-Allow-Headers"]
    assert int(reply.headers["Access-Control-Max-Age"]) > 0
