"""Every named query in queries/ runs through the HTTP endpoint and gives its expected result."""

import pytest
from catalogue_support import check_named_query

from rk.catalogue import catalogue

QUERIES = catalogue()


def test_catalogue_has_at_least_twenty_documented_queries():
    assert len(QUERIES) >= 20
    for query in QUERIES:
        assert query.title and query.title_en and query.description, query.name
        assert query.expected_rows is not None or query.expected_triples_min is not None, query.name


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_named_query_over_http(server, query):
    check_named_query(server.endpoint, query)
