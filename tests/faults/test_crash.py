"""kill -9 of the whole server (master, workers, query processes) in the middle of a slow
request; started again on the same port it serves the same dataset version (issue 7)."""

import os
import shutil
import signal
import tempfile
import threading
from pathlib import Path

from faults_support import alive, fetch
from support.servers import wait_until
from sparql_support import start_server
from support.procfs import cpu_seconds, descendants

from rk.commands.reload import pid_path

SLOW = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
PATHS = ["/page/forum/04", "/data/forum/04.ttl", "/sparql?query=ASK%7B%7D", "/.well-known/void"]


def test_restart_after_kill_serves_the_same_version(built_dir, tmp_path):
    build = tmp_path / "build"
    shutil.copytree(built_dir, build)
    server = start_server(build, tmp_path / "first.log", "--workers", "2", "--time-limit", "60")
    try:
        before = {path: fetch(server.port, path)[1]["ETag"] for path in PATHS}
        assert None not in before.values()
        slow = []
        client = threading.Thread(target=lambda: slow.append(_ask(server, SLOW)), daemon=True)
        tree = [server.process.pid] + descendants(server.process.pid)
        busy = cpu_seconds(tree)
        client.start()
        assert wait_until(lambda: cpu_seconds(descendants(server.process.pid)) > busy + 0.5, 30)
        tree = [server.process.pid] + descendants(server.process.pid)
        for pid in tree:
            os.kill(pid, signal.SIGKILL)
        server.process.wait(timeout=30)
        client.join(timeout=30)
        assert wait_until(lambda: not any(alive(pid) for pid in tree), 30)
    finally:
        server.stop()
    orphans = _pinned_copies(build)
    assert orphans  # the killed workers could not remove their pinned copies
    for folder in orphans:
        shutil.rmtree(folder)
    assert slow and slow[0] != 200  # the slow request was cut off, not answered
    stale = pid_path(build, server.port)
    assert int(stale.read_text()) == server.process.pid  # left behind by the killed master

    again = start_server(build, tmp_path / "second.log", "--workers", "2", port=server.port)
    try:
        after = {path: fetch(again.port, path)[1]["ETag"] for path in PATHS}
        assert int(stale.read_text()) == again.process.pid
    finally:
        again.stop()
    assert after == before
    assert _pinned_copies(build) == []  # a clean stop removes them
    assert not stale.exists()  # a clean stop removes it


def _pinned_copies(build: Path) -> list[Path]:
    """The private folders (rk.store.isolated) holding a link to this build's dataset."""
    return [folder for folder in Path(tempfile.gettempdir()).glob("rk-dataset-*")
            if (folder / "dataset.nq").exists() and (folder / "dataset.nq").samefile(build / "dataset.nq")]


def _ask(server, query):
    try:
        return server.get(query, timeout=90).status
    except OSError as error:
        return repr(error)
