"""Abuse a public endpoint meets every day, against a real `rk serve` (issue 18): slow
clients, a greedy client, query time beyond the budget, oversized bodies. During each
attack a prober (another client) sends cheap queries, each different so that no cache
answers them; every one must be answered within 1 s, the bound the issue demands."""

import collections
import sys
import time
import urllib.error
import urllib.request

import pytest
import requests
from SPARQLWrapper import POST, POSTDIRECTLY, SPARQLWrapper
from sparql_support import BODY_LIMIT, start_server

from rk.paths import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "bench"))  # the attackers are shared with bench/abuse.py
from attacks import RUNAWAY, Greedy, Prober, SlowConnections, get, sparql_path  # noqa: E402

BOUND = 1.0  # seconds within which every probe must be answered during an attack
READ_TIMEOUT = 3
ATTACK_SECONDS = 8
SLOW = 256


@pytest.fixture(scope="module")
def guarded(dataset_dir, tmp_path_factory):
    """`rk serve` with its defaults (2 workers × 4 threads, 4 queries per client at once,
    60 s of query time per minute), a 3 s read timeout and a 2 s time limit."""
    running = start_server(dataset_dir, tmp_path_factory.mktemp("guarded") / "serve.log",
                           "--read-timeout", str(READ_TIMEOUT), "--time-limit", "2")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def budgeted(dataset_dir, tmp_path_factory):
    """`rk serve` with 2 s of query time per client and minute, a 1 s time limit, and
    127.0.6.1 as a trusted proxy."""
    running = start_server(dataset_dir, tmp_path_factory.mktemp("budgeted") / "serve.log",
                           *("--time-limit", "1", "--client-query-seconds", "2"),
                           "--trusted-proxies", "127.0.6.1")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def frugal(dataset_dir, tmp_path_factory):
    """`rk serve` with 0.05 s of query time per client and minute."""
    running = start_server(dataset_dir, tmp_path_factory.mktemp("frugal") / "serve.log",
                           "--client-query-seconds", "0.05")
    yield running
    running.stop()


def probe(port: int, seconds: float = ATTACK_SECONDS):
    prober = Prober(port, seconds=seconds + 30)
    time.sleep(seconds)
    return prober.stop()


def assert_prompt(answers) -> None:
    slowest = max(answer.seconds for answer in answers)
    print(f"{len(answers)} probes, slowest {slowest:.3f} s")
    assert len(answers) >= 10
    assert [answer.status for answer in answers if answer.status != 200] == []
    assert slowest < BOUND


@pytest.mark.parametrize("kind, group", [("headers", 101), ("body", 102)])
def test_slow_requests_delay_no_one_and_are_cut_off(guarded, kind, group):
    """Slow headers, or a body a byte a second (never a pause of the read timeout): the
    prober is answered promptly, and each slow connection ends at the read timeout."""
    slow = SlowConnections(guarded.port, SLOW, kind, interval=1.0, group=group, reopen=True)
    try:
        time.sleep(0.5)
        answers = probe(guarded.port)
    finally:
        connections = slow.stop()
    assert_prompt(answers)
    first = connections[:SLOW]
    assert all(connection.ended is not None for connection in first)
    lifetimes = [connection.ended - connection.opened for connection in first]
    print(f"cut off after {min(lifetimes):.2f} to {max(lifetimes):.2f} s")
    assert READ_TIMEOUT - 0.5 < min(lifetimes) and max(lifetimes) < READ_TIMEOUT + 3
    assert {connection.status for connection in first} <= {None, 408}


def test_a_stalled_body_is_cut_off(guarded):
    slow = SlowConnections(guarded.port, 1, "body", interval=3600, group=103)
    try:
        deadline = time.monotonic() + READ_TIMEOUT + 5
        while slow.open_count() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        (connection,) = slow.stop()
    assert connection.ended is not None
    assert READ_TIMEOUT - 0.5 < connection.ended - connection.opened < READ_TIMEOUT + 3
    assert connection.status in (None, 408)


def test_a_greedy_client_does_not_starve_another(guarded):
    greedy = Greedy(guarded.port, 16, "127.0.3.1")
    try:
        time.sleep(1.0)
        answers = probe(guarded.port, 10)
    finally:
        got = greedy.stop()
    assert_prompt(answers)
    statuses = collections.Counter(answer.status for answer in got)
    print(f"the greedy client got {dict(statuses)}")
    assert set(statuses) == {429, 503}
    refused = [answer for answer in got if answer.status == 429]
    assert all(answer.retry_after == "1" for answer in refused)
    assert all(b"4 queries (/sparql, /api) in progress" in answer.body for answer in refused)


def test_api_queries_count_towards_the_queries_in_progress(guarded):
    greedy = Greedy(guarded.port, 4, "127.0.3.2")  # the most this client may have at once
    try:
        time.sleep(1.0)
        for _ in range(10):  # between two runaways of a greedy thread there is a brief gap
            answer = get(guarded.port, "/api/forums-per-department?page=1", "127.0.3.2")
            if answer.status == 429:
                break
            time.sleep(0.2)
        other = get(guarded.port, "/api/forums-per-department?page=1", "127.0.3.3")
    finally:
        greedy.stop()
    assert answer.status == 429 and answer.retry_after == "1"
    assert b"4 queries (/sparql, /api) in progress" in answer.body
    assert other.status == 200


def spend_budget(port: int, source_address: str, headers: dict | None = None):
    """Runaways from one client until it is refused (at most 6); the 503s, then the 429."""
    answers = []
    for _ in range(6):
        answers.append(get(port, sparql_path(RUNAWAY), source_address, 30, headers))
        if answers[-1].status != 503:
            break
    return answers[:-1], answers[-1]


def test_query_time_per_minute_is_limited_across_workers(budgeted):
    ran, refused = spend_budget(budgeted.port, "127.0.4.1")
    assert refused.status == 429
    assert 1 <= int(refused.retry_after) <= 60
    assert b"(127.0.4.1) has used its 2 s of query time for this minute" in refused.body
    # each took 1 s at least, so the third at the latest is refused, in whichever worker
    assert 1 <= len(ran) <= 2
    assert get(budgeted.port, sparql_path("ASK { ?s ?p ?o }"), "127.0.4.2").status == 200


def test_api_queries_are_refused_once_the_budget_is_spent(budgeted):
    _, refused = spend_budget(budgeted.port, "127.0.4.5")
    assert refused.status == 429
    api = get(budgeted.port, "/api/forums-per-department", "127.0.4.5")
    assert api.status == 429
    assert 1 <= int(api.retry_after) <= 60
    assert b"(127.0.4.5) has used its 2 s of query time for this minute" in api.body
    assert get(budgeted.port, "/api/forums-per-department", "127.0.4.6").status == 200


def test_api_queries_spend_the_budget(frugal):
    answers = []
    for page in range(1, 301):  # each 1 ms at least: the 50 ms are spent within 50 calls
        answers.append(get(frugal.port, f"/api/events-between?per_page=1&page={page}", "127.0.4.7"))
        if answers[-1].status != 200:
            break
    assert answers[-1].status == 429, [answer.status for answer in answers[-3:]]
    assert 1 <= int(answers[-1].retry_after) <= 60
    assert b"(127.0.4.7) has used its 0.05 s of query time" in answers[-1].body
    assert len(answers) > 1
    spent = get(frugal.port, sparql_path("ASK { ?s ?p ?o }"), "127.0.4.7")
    assert spent.status == 429  # the same budget as /sparql


def test_x_forwarded_for_counts_only_from_a_trusted_proxy(budgeted):
    _, refused = spend_budget(budgeted.port, "127.0.4.3")
    assert refused.status == 429
    spoofed = get(budgeted.port, sparql_path(RUNAWAY), "127.0.4.3", 30, {"X-Forwarded-For": "192.0.2.50"})
    assert spoofed.status == 429 and b"(127.0.4.3)" in spoofed.body
    behind = {"X-Forwarded-For": "198.51.100.9, 192.0.2.7"}  # the proxy appends the client it saw
    _, refused = spend_budget(budgeted.port, "127.0.6.1", behind)
    assert refused.status == 429 and b"(192.0.2.7)" in refused.body
    other = get(budgeted.port, sparql_path(RUNAWAY), "127.0.6.1", 30, {"X-Forwarded-For": "192.0.2.8"})
    assert other.status == 503  # another client behind the same proxy has its own budget


def test_x_forwarded_proto_counts_only_from_a_trusted_proxy(budgeted):
    headers = {"Accept": "text/turtle", "X-Forwarded-Proto": "https", "X-Forwarded-Ssl": "on"}
    endpoints = {}
    for peer in ("127.0.4.4", "127.0.6.1"):
        description = get(budgeted.port, "/sparql", peer, 30, headers)
        assert description.status == 200
        endpoints[peer] = [line.strip() for line in description.body.decode().splitlines()
                           if line.strip().startswith("sd:endpoint")]
    assert endpoints["127.0.4.4"] == [f"sd:endpoint <http://127.0.0.1:{budgeted.port}/sparql> ;"]
    assert endpoints["127.0.6.1"] == [f"sd:endpoint <https://127.0.0.1:{budgeted.port}/sparql> ;"]


def oversized(size: int = 32 * 2**20) -> bytes:
    return b'ASK { FILTER ("' + b"x" * size + b'" != "") }'


def test_urllib_sees_the_413_of_an_oversized_body(strict_server):
    request = urllib.request.Request(strict_server.endpoint, data=oversized(),
                                     headers={"Content-Type": "application/sparql-query"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=60)
    assert refused.value.code == 413
    assert refused.value.read() == f"The request body exceeds the limit of {BODY_LIMIT} bytes.\n".encode()


def test_requests_sees_the_413_of_an_oversized_body(strict_server):
    for body, content_type in [(oversized(), "application/sparql-query"),
                               (b"query=" + oversized(), "application/x-www-form-urlencoded")]:
        reply = requests.post(strict_server.endpoint, data=body, headers={"Content-Type": content_type},
                              timeout=60)
        assert reply.status_code == 413
        assert reply.headers["Content-Type"] == "text/plain; charset=utf-8"
        assert f"limit of {BODY_LIMIT} bytes" in reply.text


def test_sparqlwrapper_sees_the_413_of_an_oversized_query(strict_server):
    client = SPARQLWrapper(strict_server.endpoint)
    client.setMethod(POST)
    client.setRequestMethod(POSTDIRECTLY)
    client.setQuery(oversized(8 * 2**20).decode())
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 413
    assert f"limit of {BODY_LIMIT} bytes".encode() in refused.value.read()
