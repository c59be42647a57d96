"""rk serve --endpoint when its store fails: down, slow, garbage; then back again.

Each test asks a query no other test asks, so no answer comes from rk serve's caches.
"""

import http.client

import pytest
from fake_store import FAULT_TIME_LIMIT

MARGIN = 3.0  # seconds past the time limit that an answer may take
COUNT = "SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }} # {}"


@pytest.fixture()
def store(fake_store, fault_server):
    """The fake store, back in order after the test."""
    yield fake_store
    if fake_store.mode == "down":
        fake_store.start()
    fake_store.mode = "ok"


def assert_plain_message(reply, store_url):
    assert reply.headers.get_content_type() == "text/plain"
    assert store_url in reply.text
    assert "Traceback" not in reply.text


def test_store_down_gives_502_quickly(store, fault_server):
    url = store.url
    store.stop()
    store.mode = "down"
    reply = fault_server.get(COUNT.format("down"), timeout=30)
    assert reply.status == 502
    assert reply.seconds < FAULT_TIME_LIMIT
    assert_plain_message(reply, url)


def test_pages_give_502_while_the_store_is_down(store, fault_server):
    url = store.url
    store.stop()
    store.mode = "down"
    connection = http.client.HTTPConnection("127.0.0.1", fault_server.port, timeout=30)
    try:
        connection.request("GET", "/page/forum/04", headers={"Accept": "text/html"})
        response = connection.getresponse()
        body = response.read().decode("utf-8")
    finally:
        connection.close()
    assert response.status == 502
    assert url in body and "Traceback" not in body


def test_slow_store_gives_504_within_the_time_limit(store, fault_server):
    store.mode = "slow"
    reply = fault_server.get(COUNT.format("slow"), timeout=30)
    assert reply.status == 504
    assert reply.seconds < FAULT_TIME_LIMIT + MARGIN
    assert_plain_message(reply, store.url)


@pytest.mark.parametrize("mode", ["garbage", "wrong_type"])
def test_garbage_answer_gives_502(store, fault_server, mode):
    store.mode = mode
    reply = fault_server.get(COUNT.format(mode))
    assert reply.status == 502
    assert_plain_message(reply, store.url)


def test_syntax_error_reported_by_the_store_gives_400(store, fault_server):
    reply = fault_server.get("SELECT WHERE { ?s ?p }")
    assert reply.status == 400
    assert_plain_message(reply, store.url)


def test_service_is_refused_before_the_store_is_asked(store, fault_server):
    store.mode = "garbage"  # would give 502 if the query reached the store
    reply = fault_server.get("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")
    assert reply.status == 400


def test_recovers_when_the_store_is_back(store, fault_server):
    store.stop()
    store.mode = "down"
    assert fault_server.get(COUNT.format("recovery")).status == 502
    store.start()
    store.mode = "ok"
    reply = fault_server.get(COUNT.format("recovery"), accept="text/csv")
    assert reply.status == 200
    expected = store.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert reply.text.split()[1] == expected.data.split()[1].decode()
