"""`rk build` into the folder a running server serves, then `rk reload`, under load.

The server keeps answering from the version it loaded until it is reloaded; after
`rk reload` every answer comes from the new build; no answer mixes two versions, none
fails; a broken build changes nothing (issue 7)."""

import hashlib
import json
import threading
import time

import pyoxigraph
import pytest
from faults_support import (CITIES, Clients, add_city, alive, ask_cities, copy_project,
                            fetch, rk, workers)
from support.servers import wait_until
from sparql_support import start_server

from rk.paths import DATASET_NQ, MANIFEST

SECONDS = 120  # bound on every waiting loop here


@pytest.fixture(scope="module")
def deployment(built_dir, tmp_path_factory):
    """A project copy whose build/ (a copy of the session's build) a server serves."""
    project = copy_project(tmp_path_factory.mktemp("deployment"), built_dir)
    server = start_server(project / "build", project / "serve.log",
                          *("--workers", "2", "--threads", "2"))
    yield project, server
    server.stop()


def served(server) -> tuple[int, int]:
    answer = ask_cities(server.port)
    assert answer.status == 200, answer
    stated, counted = answer.cities
    assert stated == counted
    return answer.cities


def built(project) -> tuple[int, int]:
    """What CITIES answers on the build now in project/build."""
    store = pyoxigraph.Store()
    store.bulk_load(path=str(project / "build" / DATASET_NQ), format=pyoxigraph.RdfFormat.N_QUADS)
    (row,) = store.query(CITIES, use_default_graph_as_union=True)
    return int(row["stated"].value), int(row["counted"].value)


def test_dumps_are_whole_while_a_build_replaces_them(deployment):
    project, server = deployment
    before = json.loads((project / "build" / MANIFEST).read_text())["downloads"]
    add_city(project, "dumpstadt")
    results, reads = [], []  # reads: (file, status, sha256 of the body)
    build = threading.Thread(target=lambda: results.append(rk(project, "build")))
    build.start()
    deadline = time.monotonic() + SECONDS
    while (build.is_alive() or not reads) and time.monotonic() < deadline and len(reads) < 100_000:
        for entry in before:
            status, _, body = fetch(server.port, "/" + entry["file"])
            reads.append((entry["file"], status, hashlib.sha256(body).hexdigest()))
    build.join(SECONDS)
    assert results and results[0].returncode == 0, results and results[0].stderr
    after = json.loads((project / "build" / MANIFEST).read_text())["downloads"]
    whole = {(e["file"], e["sha256"]) for e in before + after}
    assert {e["sha256"] for e in before} != {e["sha256"] for e in after}
    broken = [(name, status) for name, status, digest in reads if status != 200 or (name, digest) not in whole]
    print(f"{len(reads)} dumps read during the build; {len(broken)} not whole")
    assert broken == []


def test_reload_under_load_switches_every_answer(deployment):
    project, server = deployment
    old = served(server)
    add_city(project, "reloadstadt")
    done = rk(project, "build")
    assert done.returncode == 0, done.stderr
    new = built(project)
    assert new != old and new[0] == new[1]
    assert served(server) == old  # built, not yet reloaded: the server keeps its version
    old_workers = workers(server.process.pid)
    clients = Clients(server.port, count=4, seconds=SECONDS)
    assert wait_until(lambda: len(clients.answers) >= 20, SECONDS)
    reload = rk(project, "reload", "--port", str(server.port))
    assert reload.returncode == 0, reload.stderr
    assert wait_until(lambda: not any(alive(pid) for pid in old_workers), SECONDS)
    switched = time.monotonic()
    assert wait_until(lambda: any(a.started > switched for a in clients.answers[-8:]), SECONDS)
    time.sleep(1.0)  # keep the load on for a moment with the new workers only
    answers = clients.stop()
    failed = [a for a in answers if a.status != 200]
    mixed = [a for a in answers if a.cities and a.cities[0] != a.cities[1]]
    versions = {a.cities[0] for a in answers if a.cities}
    late_old = [a for a in answers if a.started > switched and a.cities != new]
    slowest = max(a.ended - a.started for a in answers)
    print(f"{len(answers)} answers across the reload, slowest {slowest:.2f} s, versions {sorted(versions)}")
    assert failed == [] and mixed == []
    assert versions == {old[0], new[0]}
    assert late_old == []


@pytest.mark.parametrize("breakage", ["syntax error", "SHACL violation"])
def test_a_broken_build_changes_nothing(deployment, breakage):
    project, server = deployment
    version = served(server)
    manifest = (project / "build" / MANIFEST).read_bytes()
    places = project / "data" / "ttl" / "places.ttl"
    good = places.read_text(encoding="utf-8")
    lines = good.splitlines()
    if breakage == "syntax error":
        number = next(i for i, line in enumerate(lines) if line.startswith("place:dortmund"))
        lines[number + 2] += ' "unterminated'
        expected_code, expected = 2, ["places.ttl", f"line {number + 3}"]
    else:  # a city without a label
        number = next(i for i, line in enumerate(lines) if line.startswith("place:dortmund"))
        del lines[number + 2]
        expected_code, expected = 1, ["place/dortmund"]
    places.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        done = rk(project, "build")
    finally:
        places.write_text(good, encoding="utf-8")
    assert done.returncode == expected_code
    for text in expected:
        assert text in done.stdout + done.stderr
    assert (project / "build" / MANIFEST).read_bytes() == manifest
    assert served(server) == version
    old_workers = workers(server.process.pid)
    assert rk(project, "reload", "--port", str(server.port)).returncode == 0
    assert wait_until(lambda: not any(alive(pid) for pid in old_workers), SECONDS)
    assert served(server) == version


def test_reload_refuses_an_incomplete_build(deployment, tmp_path):
    project, server = deployment
    version = served(server)
    nquads = project / "build" / "dataset.nq"
    kept = tmp_path / "dataset.nq"
    kept.write_bytes(nquads.read_bytes())
    try:
        with nquads.open("a", encoding="utf-8") as stream:  # as if a build were half done
            stream.write("<urn:rk:half> <urn:rk:written> <urn:rk:build> .\n")
        done = rk(project, "reload", "--port", str(server.port))
    finally:
        nquads.write_bytes(kept.read_bytes())
    assert done.returncode == 1
    assert "no complete build" in done.stderr
    assert served(server) == version


def test_reload_without_a_server_says_so(deployment):
    project, _ = deployment
    done = rk(project, "reload", "--port", "1")
    assert done.returncode == 1 and "no running rk serve" in done.stderr
