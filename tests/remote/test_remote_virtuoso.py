"""rk load into a real Virtuoso, and rk serve --endpoint answering from it."""

import urllib.request
from html.parser import HTMLParser

import pytest
from catalogue_support import check_named_query
from remote_support import run_load

from rk.catalogue import catalogue
from rk.commands.load import count_triples
from rk.store.embedded import EmbeddedStore
from rk.store.remote import VERSION, RemoteStore
from rk.web.pages.terms import bound, rows

# Virtuoso 7.2.5's own answers to these catalogue queries differ from SPARQL 1.1's;
# rk forwards queries unchanged, so they fail through it too (strict: a fix shows up).
VIRTUOSO_DEVIATIONS = {
    "actor-network": "Virtuoso 7.2 returns duplicate rows for this SELECT DISTINCT (167, not 147)",
    "events-by-month": "Virtuoso 7.2 splits GROUP BY groups of equal STR() values of xsd:date and xsd:dateTime",
    "events-without-date-or-place": "Virtuoso 7.2 answers boolean expressions with 1/0 integers",
    "programme-timeline": "Virtuoso 7.2 gives no rows for a UNION with a VALUES branch followed by OPTIONALs",
    "projects-by-action-field": "Virtuoso 7.2 gives another row count for this query (not yet analysed)",
}
QUERIES = [
    pytest.param(query, id=query.name, marks=pytest.mark.xfail(
        reason=VIRTUOSO_DEVIATIONS[query.name], strict=True)) if query.name in VIRTUOSO_DEVIATIONS
    else pytest.param(query, id=query.name)
    for query in catalogue()
]
LABEL = """SELECT ?label WHERE { ?this <http://www.w3.org/2000/01/rdf-schema#label> ?label
  FILTER(LANG(?label) = "de") }"""


def test_load_twice_gives_the_build_counts_each_time(loads, build_counts):
    for done, counted in loads:
        assert done.returncode == 0, done.stderr
        assert counted == build_counts
        for graph, triples in build_counts.items():
            assert f"{graph}  {triples:>7} triples" in done.stdout


def page_text(port: int, path: str) -> str:
    """The text of the HTML page at `path` (status 200 asserted)."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Accept": "text/html"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
        collector = TextCollector()
        collector.feed(response.read().decode("utf-8"))
    return " ".join(collector.parts)


class TextCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def test_load_by_sparql_update_gives_the_build_counts(virtuoso, dataset_dir, build_counts, loads):
    done = run_load(virtuoso, dataset_dir, "--update-endpoint", virtuoso.update_url)
    assert done.returncode == 0, done.stderr
    assert "(update)" in done.stdout
    assert count_triples(virtuoso.sparql_url, list(build_counts), 30) == build_counts


@pytest.mark.parametrize("query", QUERIES)
def test_named_query_through_the_remote_store(remote_server, query):
    check_named_query(remote_server.endpoint, query)


def test_remote_store_reports_the_version_the_build_wrote(virtuoso, loads, dataset_dir):
    (row,) = rows(EmbeddedStore(dataset_dir).query(VERSION))
    assert len(row["version"].value) == 64
    assert RemoteStore(virtuoso.sparql_url).dataset_version == row["version"].value


def test_answers_revalidate_with_their_etag(remote_server):
    first = remote_server.get("ASK { ?s ?p ?o }")
    again = remote_server.request(params=[("query", "ASK { ?s ?p ?o }")],
                                  headers={"If-None-Match": first.headers["ETag"]})
    assert (first.status, again.status) == (200, 304)


@pytest.mark.parametrize("path", ["/id/forum/04", "/id/person/andrea-milz", "/id/venue/signal-iduna-park", "/id/event/20-1"])
def test_entity_pages_render_from_the_remote_store(remote_server, dataset_dir, path):
    iri = "https://w3id.org/ruhr-konferenz" + path
    (label,) = rows(EmbeddedStore(dataset_dir).query(bound(LABEL, iri)))
    assert label["label"].value in page_text(remote_server.port, path.replace("/id/", "/page/"))


def test_dataset_page_renders_from_the_remote_store(remote_server, dataset_dir):
    titles = rows(EmbeddedStore(dataset_dir).query(
        "SELECT ?t WHERE { <https://w3id.org/ruhr-konferenz/dataset> <http://purl.org/dc/terms/title> ?t"
        " FILTER(LANG(?t) = 'de') }"))
    assert titles[0]["t"].value in page_text(remote_server.port, "/dataset")


def test_default_graph_is_the_datasets_graphs_only(remote_server, build_counts):
    answer = remote_server.get("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                               accept="text/csv")
    assert answer.text.split() == ["n", str(len(build_counts))]
