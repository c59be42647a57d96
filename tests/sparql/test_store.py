"""The store: the dataset's graphs, row limit, errors; the isolated store's time limit."""

import json
import os

import pytest
from rdflib import Dataset, Graph, URIRef

from rk.namespaces import BASE, GRAPH_DATA, GRAPH_ONTOLOGY, NAMED_GRAPHS
from rk.store import (
    Kind,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
)
from rk.store.embedded import EmbeddedStore
from rk.store.results import Formats
from rk.store.isolated import IsolatedStore

DATA, ONTOLOGY = str(GRAPH_DATA), str(GRAPH_ONTOLOGY)
COUNT_DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
COUNT_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@pytest.fixture(scope="module")
def embedded(dataset_dir):
    return EmbeddedStore(dataset_dir, row_limit=10_000, base_iri=BASE)


def rows(result) -> list[dict]:
    return json.loads(result.serialize("json"))["results"]["bindings"]


def count(result) -> int:
    return int(rows(result)[0]["n"]["value"])


def graph_sizes(result) -> dict[str, int]:
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows(result)}


def reference_size(reference: Dataset, graph: str) -> int:
    return len(reference.graph(URIRef(graph)))


def test_default_graph_is_the_union_of_the_named_graphs(embedded, reference):
    union = set(reference.triples((None, None, None)))
    assert count(embedded.query(COUNT_DEFAULT)) == len(union)


def test_named_graphs_are_exactly_the_dataset_graphs(embedded, reference):
    expected = {str(g): reference_size(reference, g) for g in NAMED_GRAPHS}
    assert graph_sizes(embedded.query(COUNT_PER_GRAPH)) == expected


def test_from_selects_a_graph_of_the_dataset(embedded, reference):
    query = f"SELECT (COUNT(*) AS ?n) FROM <{ONTOLOGY}> WHERE {{ ?s ?p ?o }}"
    assert count(embedded.query(query)) == reference_size(reference, ONTOLOGY)


def test_from_named_alone_leaves_the_default_graph_empty(embedded, reference):
    query = (
        f"SELECT ?g (COUNT(*) AS ?n) FROM NAMED <{DATA}> "
        "WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    )
    assert graph_sizes(embedded.query(query)) == {DATA: reference_size(reference, DATA)}
    ask = f"ASK FROM NAMED <{DATA}> {{ ?s ?p ?o }}"
    assert embedded.query(ask).boolean is False


def test_protocol_graphs_replace_the_querys_dataset(embedded, reference):
    query = f"SELECT (COUNT(*) AS ?n) FROM <{ONTOLOGY}> WHERE {{ ?s ?p ?o }}"
    assert count(embedded.query(query, [DATA])) == reference_size(reference, DATA)
    assert count(embedded.query(COUNT_DEFAULT, [DATA, ONTOLOGY])) == len(
        set(reference.graph(URIRef(DATA))) | set(reference.graph(URIRef(ONTOLOGY)))
    )


def test_named_graph_uris_alone_give_an_empty_default_graph(embedded, reference):
    assert count(embedded.query(COUNT_DEFAULT, None, [DATA])) == 0
    assert graph_sizes(embedded.query(COUNT_PER_GRAPH, None, [DATA])) == {
        DATA: reference_size(reference, DATA)
    }


@pytest.mark.parametrize("graph", ["http://127.0.0.1:9/elsewhere", BASE + "graph/unknown"])
def test_graphs_outside_the_dataset_are_empty(embedded, graph):
    assert count(embedded.query(f"SELECT (COUNT(*) AS ?n) FROM <{graph}> {{ ?s ?p ?o }}")) == 0
    assert count(embedded.query(COUNT_DEFAULT, [graph])) == 0


def test_a_malformed_graph_iri_is_refused(embedded):
    with pytest.raises(QueryRefused, match="Not an absolute IRI"):
        embedded.query(COUNT_DEFAULT, ["not an iri"])


def test_relative_iris_resolve_against_the_base_iri(embedded):
    assert embedded.query("ASK { <id/forum/04> ?p ?o }").boolean is True


@pytest.mark.parametrize(
    "query", ["SELEC * WHERE { ?s ?p ?o }", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"]
)
def test_syntax_errors_carry_the_parsers_message(embedded, query):
    with pytest.raises(QuerySyntaxError, match=r"Malformed query: error at 1:\d+"):
        embedded.query(query)


def test_row_limit_cuts_solutions_and_says_so(dataset_dir):
    store = EmbeddedStore(dataset_dir, row_limit=3)
    cut = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert cut.truncated and len(rows(cut)) == 3
    exact = store.query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
    assert not exact.truncated and len(rows(exact)) == 3


def test_row_limit_cuts_graphs_and_says_so(dataset_dir):
    store = EmbeddedStore(dataset_dir, row_limit=3)
    cut = store.query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert cut.kind is Kind.GRAPH and cut.truncated
    assert len(Graph().parse(data=cut.serialize("turtle"), format="turtle")) == 3


@pytest.fixture(scope="module")
def isolated(dataset_dir):
    with IsolatedStore(dataset_dir, processes=2, time_limit=1.0) as store:
        yield store


def test_isolated_store_answers_like_the_embedded_one(isolated, embedded):
    query = "SELECT ?s ?o WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o }"
    query += " ORDER BY ?s ?o"
    assert rows(isolated.query(query)) == rows(embedded.query(query))
    assert isolated.dataset_version == embedded.dataset_version


def test_isolated_store_kills_a_runaway_query_and_recovers(isolated):
    before = {worker.process.pid for worker in isolated._workers}
    with pytest.raises(QueryTimeout, match="time limit of 1 s"):
        isolated.query("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    alive = {pid for pid in before if os.path.exists(f"/proc/{pid}")}
    assert len(alive) == len(before) - 1, "the runaway's process must be gone, the others kept"
    assert isolated.query("ASK { ?s ?p ?o }").boolean is True


TRICKY = ('SELECT ?type ?o WHERE { VALUES (?type ?o) '
          '{ (1 "\\"type\\":\\"x") (2 "<binding ") (3 UNDEF) (4 "\\n") } }')


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
@pytest.mark.parametrize("limit", [1, 3, 4, 5])
def test_the_row_limit_is_exact_in_every_format(dataset_dir, fmt, limit):
    store = EmbeddedStore(dataset_dir, row_limit=limit)
    for query, size in ((TRICKY, 4), ("SELECT ?x WHERE { VALUES ?x { UNDEF UNDEF UNDEF UNDEF } }", 4),
                        ("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", None)):
        result = store.query(query, formats=Formats(fmt))
        expected = limit if size is None else min(size, limit)
        assert result.format == fmt
        assert len(result.bindings()) == expected
        assert result.truncated == (size is None or size > limit)
