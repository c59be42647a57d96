"""Every IRI under {base}id/ in the graph dereferences, in HTML and in Turtle."""

from concurrent.futures import ThreadPoolExecutor

from pages_support import get
from rdflib import Graph, URIRef

from rk.namespaces import BASE

PREFIX = BASE + "id/"


def _subjects(store) -> list[str]:
    found = {quad.subject.value for quad in store.quads_for_pattern(None, None, None)}
    return sorted(iri for iri in found if iri.startswith(PREFIX))


def _follow(port: int, path: str, accept: str):
    first = get(port, path, accept)
    assert first.status == 303, (path, accept, first.status)
    return get(port, first.headers["Location"])


def _check(port: int, iri: str) -> list[str]:
    path = "/id/" + iri[len(PREFIX) :]
    problems = []
    page = _follow(port, path, "text/html")
    if page.status != 200 or not page.headers["Content-Type"].startswith("text/html"):
        problems.append(f"{path} HTML: {page.status}")
    data = _follow(port, path, "text/turtle")
    graph = Graph().parse(data=data.body, format="turtle") if data.status == 200 else Graph()
    if not list(graph.predicate_objects(URIRef(iri))):
        problems.append(f"{path} Turtle: {data.status}, nothing about the subject")
    return problems


def test_every_iri_dereferences_in_html_and_turtle(port, store):
    subjects = _subjects(store)
    assert len(subjects) > 300
    with ThreadPoolExecutor(4) as pool:
        problems = [p for found in pool.map(lambda iri: _check(port, iri), subjects) for p in found]
    assert problems == []
