"""Every named query in queries/ runs through the HTTP endpoint and gives its expected result."""

import pytest
from rdflib import Graph
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from rk.catalogue import catalogue

QUERIES = catalogue()


def test_catalogue_has_at_least_twenty_documented_queries():
    assert len(QUERIES) >= 20
    for query in QUERIES:
        assert query.title and query.title_en and query.description, query.name
        assert query.expected_rows is not None or query.expected_triples_min is not None, query.name


def matches(row: dict, expected: dict[str, str]) -> bool:
    return all(name in row and row[name]["value"] == value for name, value in expected.items())


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_named_query_over_http(server, query):
    client = SPARQLWrapper(server.endpoint)
    client.setMethod("POST")
    client.setQuery(query.text)
    if query.expected_triples_min is not None:
        client.setReturnFormat(TURTLE)
        graph = Graph().parse(data=client.query().convert(), format="turtle")
        assert len(graph) >= query.expected_triples_min
        return
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert len(rows) == query.expected_rows
    for expected in query.expected_row_values:
        assert any(matches(row, expected) for row in rows), expected
