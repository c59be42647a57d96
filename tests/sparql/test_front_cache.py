"""The front cache: GET answers replayed before Flask runs, keyed by all that fixes them."""

import http.client

import pytest
from sparql_support import start_server

from rk.web import create_app
from rk.web.http.frontcache import FrontCache

JSON = "application/sparql-results+json"
PAGE = "/page/forum/04"


def fetch(port: int, path: str, **headers) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


@pytest.fixture()
def page_path(request):
    """A page URL no other test sends (the servers are shared by the session)."""
    return f"{PAGE}?probe={abs(hash(request.node.nodeid))}"


def test_a_repeated_page_is_replayed_whole(server, page_path):
    first = fetch(server.port, page_path, Accept="text/html")
    second = fetch(server.port, page_path, Accept="text/html")
    assert first[0] == second[0] == 200
    assert (first[1]["X-RK-Cache"], second[1]["X-RK-Cache"]) == ("miss", "hit")
    assert second[2] == first[2]
    for header in ("Content-Type", "ETag", "Vary", "Cache-Control", "Link",
                   "Access-Control-Allow-Origin"):
        assert second[1][header] == first[1][header], header


def test_what_the_app_reads_is_part_of_the_key(server, page_path):
    assert fetch(server.port, page_path, Accept="text/html")[1]["X-RK-Cache"] == "miss"
    english = fetch(server.port, page_path, Accept="text/html", **{"Accept-Language": "en"})
    assert english[1]["X-RK-Cache"] == "miss" and 'lang="en"' in english[2].decode()
    other_host = fetch(server.port, page_path, Accept="text/html", Host="example.org")
    assert other_host[1]["X-RK-Cache"] == "miss"
    turtle = fetch(server.port, "/data/forum/04.ttl?" + page_path.split("?")[1])
    assert turtle[1]["X-RK-Cache"] == "miss"


def test_revalidation_still_gets_304(server, page_path):
    first = fetch(server.port, page_path, Accept="text/html")
    fetch(server.port, page_path, Accept="text/html")
    again = fetch(server.port, page_path, Accept="text/html", **{"If-None-Match": first[1]["ETag"]})
    assert again[0] == 304 and again[2] == b""


def test_errors_and_dumps_are_not_kept(server):
    for _ in range(2):
        missing = fetch(server.port, "/page/forum/99")
        assert missing[0] == 404 and "X-RK-Cache" not in missing[1]
        dump = fetch(server.port, "/download/ruhr-konferenz.nt")
        assert dump[0] == 200 and "X-RK-Cache" not in dump[1]


@pytest.fixture()
def app(dataset_dir):
    return create_app({"BUILD_DIR": str(dataset_dir), "STORE": "embedded"})


class NoStore:
    """Stands in for the store once the answer should come from the front cache."""

    def __getattr__(self, name):
        raise AssertionError(f"the store was asked for {name}")


@pytest.mark.parametrize("path", [PAGE, "/data/forum/04.ttl", "/views/moderation",
                                  "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D&format=json"])
def test_a_hit_never_reaches_the_app(app, path):
    client = app.test_client()
    first = client.get(path)
    assert first.status_code == 200 and first.headers["X-RK-Cache"] == "miss"
    app.extensions["rk.store"] = NoStore()
    app.view_functions = {}  # routing would fail too: only the front cache can answer
    hit = client.get(path)
    assert hit.status_code == 200 and hit.headers["X-RK-Cache"] == "hit"
    assert hit.get_data() == first.get_data()


def test_a_get_answer_is_kept_once(app):
    client = app.test_client()
    path = "/sparql?query=SELECT%20%3Fs%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20LIMIT%202"
    states = [client.get(path, headers={"Accept": JSON}).headers["X-RK-Cache"] for _ in range(2)]
    assert states == ["miss", "hit"]
    assert len(app.wsgi_app.answers) == 1  # the front cache holds it
    assert len(app.extensions["rk.resultcache"]) == 0  # the query cache holds no copy


def test_head_and_post_pass_through(app):
    client = app.test_client()
    client.get(PAGE)
    assert "X-RK-Cache" not in client.head(PAGE).headers
    query = {"query": "ASK { ?s ?p ?o }"}
    posted = [client.post("/sparql", data=query, headers={"Accept": JSON}) for _ in range(2)]
    assert [reply.headers["X-RK-Cache"] for reply in posted] == ["miss", "hit"]  # query cache


def test_zero_bytes_disables_it(dataset_dir, tmp_path):
    running = start_server(dataset_dir, tmp_path / "serve.log",
                           *("--workers", "1", "--store", "embedded", "--cache-bytes", "0"))
    try:
        states = [fetch(running.port, PAGE)[1].get("X-RK-Cache") for _ in range(3)]
    finally:
        running.stop()
    assert states == [None] * 3


def counting_app(bodies: dict[str, bytes], calls: list[str]):
    """A WSGI app that marks its answers cacheable and counts its calls."""

    def app(environ, start_response):
        path = environ["PATH_INFO"]
        calls.append(path)
        environ["rk.front_cacheable"] = True
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [bodies[path]]

    return app


def wsgi_get(app, path: str) -> bytes:
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": ""}
    return b"".join(app(environ, lambda status, headers, exc_info=None: None))


def test_the_byte_bound_evicts_the_least_recently_used():
    bodies = {"/a": b"a" * 400, "/b": b"b" * 400}
    calls: list[str] = []
    front = FrontCache(counting_app(bodies, calls), max_bytes=1000)  # one answer (about 600 bytes) fits
    for path in ("/a", "/a", "/b", "/b", "/a"):
        assert wsgi_get(front, path) == bodies[path]
    assert calls == ["/a", "/b", "/a"]
    assert front.answers.size <= front.answers.max_bytes and len(front.answers) == 1
