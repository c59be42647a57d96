"""The result cache of /sparql: hits, what makes a miss, the byte bound, errors, 0 disables."""

import threading

import pytest
from flask import Response
from sparql_support import start_server

from rk.web import create_app
from rk.web.http.resultcache import ResultCache, cost

JSON = "application/sparql-results+json"
LABELS = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
DATA_GRAPH = "https://w3id.org/ruhr-konferenz/graph/data"
ONTOLOGY_GRAPH = "https://w3id.org/ruhr-konferenz/graph/ontology"


@pytest.fixture()
def fresh(request):
    """A query no other test sends (the servers are shared by the session)."""
    return f"# {request.node.nodeid}\n{LABELS} LIMIT 7"


def cache_state(reply) -> str:
    assert reply.status == 200, reply.text
    return reply.headers["X-RK-Cache"]


def test_a_repeated_query_is_a_hit_with_the_same_answer(server, fresh):
    first = server.get(fresh, accept=JSON)
    second = server.get(fresh, accept=JSON)
    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert second.body == first.body
    for header in ("Content-Type", "X-RK-Truncated", "X-RK-Row-Limit", "ETag"):
        assert second.headers[header] == first.headers[header]


def test_post_and_get_share_the_answer(server, fresh):
    posted = server.request(
        "POST", body=fresh.encode(), headers={"Content-Type": "application/sparql-query",
                                              "Accept": JSON}
    )
    assert cache_state(posted) == "miss"
    assert cache_state(server.get(fresh, accept=JSON)) == "hit"


def test_another_format_is_a_miss(server, fresh):
    assert cache_state(server.get(fresh, accept=JSON)) == "miss"
    csv = server.get(fresh, accept="text/csv")
    assert cache_state(csv) == "miss" and csv.headers["Content-Type"].startswith("text/csv")
    assert cache_state(server.get(fresh, accept="text/csv")) == "hit"


def test_another_graph_parameter_is_a_miss(server, fresh):
    def ask(*graphs):
        params = [("query", fresh)] + [("default-graph-uri", g) for g in graphs]
        return server.request(params=params, headers={"Accept": JSON})

    assert cache_state(ask(DATA_GRAPH)) == "miss"
    assert cache_state(ask(ONTOLOGY_GRAPH)) == "miss"
    assert cache_state(ask()) == "miss"
    assert cache_state(ask(DATA_GRAPH)) == "hit"


def test_another_row_limit_is_a_miss(dataset_dir, fresh):
    app = create_app({"BUILD_DIR": str(dataset_dir), "STORE": "embedded", "ROW_LIMIT": 3})
    client = app.test_client()

    def post():  # POST: the query cache alone (the front cache keeps GET answers only)
        return client.post("/sparql", data={"query": fresh}, headers={"Accept": JSON})

    cut = post()
    assert cut.headers["X-RK-Cache"] == "miss" and cut.headers["X-RK-Row-Limit"] == "3"
    app.config["ROW_LIMIT"] = 5
    wider = post()
    assert wider.headers["X-RK-Cache"] == "miss" and wider.headers["X-RK-Row-Limit"] == "5"
    assert post().headers["X-RK-Cache"] == "hit"


def test_errors_are_not_cached(server, strict_server, fresh):
    broken = fresh + " }}"
    for _ in range(2):
        reply = server.get(broken, accept=JSON)
        assert reply.status == 400 and "X-RK-Cache" not in reply.headers
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    for _ in range(2):
        reply = strict_server.get(f"# {fresh.splitlines()[0]}\n{endless}", accept=JSON)
        assert reply.status == 503 and "X-RK-Cache" not in reply.headers


def test_zero_bytes_disables_the_cache(dataset_dir, tmp_path, fresh):
    running = start_server(
        dataset_dir, tmp_path / "serve.log",
        *("--workers", "1", "--store", "embedded", "--cache-bytes", "0"),
    )
    try:
        states = [cache_state(running.get(fresh, accept=JSON)) for _ in range(3)]
    finally:
        running.stop()
    assert states == ["miss"] * 3


def test_the_byte_bound_evicts_the_least_recently_used(dataset_dir, server, tmp_path):
    queries = [f"{LABELS} LIMIT {n}" for n in (5, 6)]
    bodies = [server.get(query, accept=JSON).body for query in queries]
    one_fits = max(cost("0" * 40, body) for body in bodies) + 1
    running = start_server(
        dataset_dir, tmp_path / "serve.log",
        *("--workers", "1", "--store", "embedded", "--cache-bytes", str(one_fits)),
    )

    def post(query):  # POST: the query cache alone (the front cache keeps GET answers)
        return running.request("POST", body=query.encode(), headers={
            "Content-Type": "application/sparql-query", "Accept": JSON})

    try:
        first, second = (lambda q=q: post(q) for q in queries)
        states = [cache_state(reply()) for reply in (first, first, second, second, first)]
    finally:
        running.stop()
    assert states == ["miss", "hit", "miss", "hit", "miss"]


def answer(body: bytes) -> Response:
    return Response(body, content_type="text/plain")


def test_least_recently_used_goes_first():
    body = b"x" * 100
    cache = ResultCache(2 * cost("a", body))
    cache.put("a", answer(body))
    cache.put("b", answer(body))
    assert cache.get("a") is not None  # now "b" is the least recently used
    cache.put("c", answer(body))
    assert cache.get("b") is None
    assert cache.get("a").get_data() == body and cache.get("c").get_data() == body
    assert cache.size == 2 * cost("a", body) and len(cache) == 2


def test_an_answer_larger_than_the_bound_is_not_stored():
    cache = ResultCache(1000)
    cache.put("small", answer(b"s"))
    cache.put("large", answer(b"x" * 1000))
    assert cache.get("large") is None and cache.get("small") is not None


def test_the_bound_holds_under_concurrent_use():
    cache = ResultCache(10 * cost("k00", b"x" * 50))
    failures = []

    def hammer(seed: int):
        try:
            for i in range(300):
                key = f"k{(seed * 7 + i) % 40:02d}"
                cache.put(key, answer(b"x" * (50 - i % 5)))
                cache.get(f"k{(seed + i) % 40:02d}")
        except Exception as error:  # collected and asserted below
            failures.append(error)

    threads = [threading.Thread(target=hammer, args=(seed,)) for seed in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures and not any(thread.is_alive() for thread in threads)
    assert 0 < cache.size <= cache.max_bytes
    stored = [cache.get(f"k{n:02d}") for n in range(40)]
    assert cache.size == sum(cost("k00", r.get_data()) for r in stored if r is not None)
