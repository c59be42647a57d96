"""The check of one catalogue query over HTTP, shared by every server the tests run."""

from rdflib import Graph
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from rk.catalogue import NamedQuery


def matches(row: dict, expected: dict[str, str]) -> bool:
    return all(name in row and row[name]["value"] == value for name, value in expected.items())


def check_named_query(endpoint: str, query: NamedQuery) -> None:
    """Run `query` at `endpoint` with SPARQLWrapper and assert its expected result."""
    client = SPARQLWrapper(endpoint)
    client.setMethod("POST")
    client.setQuery(query.example_text)
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
