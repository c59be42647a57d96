"""The query catalogue over HTTP: /queries, /queries.json, /queries/<name>.rq and their links."""

import csv
import io
import json
import urllib.parse

import pytest
from pages_support import get, parse_html

from rk.catalogue import catalogue

QUERIES = {entry.name: entry for entry in catalogue()}
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def port(server) -> int:
    return server.port


@pytest.fixture(scope="module")
def listing(port):
    answer = get(port, "/queries", BROWSER)
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    return parse_html(answer.text)


def test_the_page_lists_every_query_with_title_description_and_size(listing):
    text = " ".join(" ".join(listing.text).split())
    for entry in QUERIES.values():
        assert entry.title in text
        assert " ".join(entry.description.split()) in text
        size = entry.expected_rows if entry.expected_rows is not None else entry.expected_triples_min
        assert f"{size} " in text


def test_the_page_links_each_query_to_the_editor_and_its_text(listing):
    for name in QUERIES:
        assert f"/sparql?catalogue={name}" in listing.anchors
        assert f"/queries/{name}.rq" in listing.anchors


def test_result_links_give_the_expected_rows(port, listing):
    results = [href for href in listing.anchors if href.startswith("/sparql?query=")]
    seen = set()
    for href in results:
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)
        (text,), (fmt,) = params["query"], params["format"]
        (entry,) = [e for e in QUERIES.values() if e.example_text == text]
        answer = get(port, href)
        assert answer.status == 200, href
        if fmt == "csv":
            assert len(list(csv.DictReader(io.StringIO(answer.text)))) == entry.expected_rows
        elif fmt == "json":
            assert len(json.loads(answer.body)["results"]["bindings"]) == entry.expected_rows
        else:
            assert fmt in ("ttl", "jsonld") and entry.expected_triples_min is not None
        seen.add(entry.name)
    assert seen == set(QUERIES)


def test_english_titles_on_request(port):
    page = parse_html(get(port, "/queries?lang=en", BROWSER).text)
    text = " ".join(page.text)
    assert all(entry.title_en in text for entry in QUERIES.values() if entry.title_en)
    assert "/sparql?catalogue=ministry-in-other-forums&lang=en" in page.anchors


def test_the_json_index_names_every_query(port):
    answer = get(port, "/queries.json")
    assert answer.status == 200
    assert answer.headers["Content-Type"].startswith("application/json")
    index = json.loads(answer.body)
    assert [item["name"] for item in index] == sorted(QUERIES)
    for item in index:
        entry = QUERIES[item["name"]]
        assert (item["title"], item["title_en"], item["description"]) == (
            entry.title, entry.title_en, entry.description
        )
        assert item["url"] == f"/queries/{entry.name}.rq"
        assert get(port, item["url"]).text == entry.text


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_text_is_served_as_sparql(port, name):
    answer = get(port, f"/queries/{name}.rq")
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "application/sparql-query; charset=utf-8"
    assert answer.text == QUERIES[name].path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "path",
    [
        "/queries/no-such-query.rq",
        "/queries/..%2Fpyproject.rq",
        "/queries/%2E%2E%2Fqueries%2Fministry-in-other-forums.rq",
        "/queries/ministry-in-other-forums",
        "/queries/MINISTRY-IN-OTHER-FORUMS.rq",
        "/sparql?catalogue=no-such-query",
        "/sparql?catalogue=../queries/ministry-in-other-forums",
    ],
)
def test_unknown_names_are_not_found(port, path):
    assert get(port, path, BROWSER).status == 404


def test_home_page_leads_to_the_catalogue(port):
    for lang, wording in (("", "Beispielabfragen"), ("?lang=en", "Example queries")):
        page = parse_html(get(port, "/" + lang, BROWSER).text)
        assert "/queries" + lang in page.anchors
        assert wording in page.text
