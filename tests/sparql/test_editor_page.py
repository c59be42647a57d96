"""/sparql for browsers: the editor page, queries carried in links, and who gets it."""

import csv
import io
import json
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from rk.catalogue import catalogue
from rk.namespaces import PREFIXES
from rk.web.http import conneg
from rk.web.http.conneg import prefers_html
from rk.web.sparql import editor

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
SPARQLWRAPPER = "application/sparql-results+json,application/json,text/javascript,application/javascript"
MINISTRY = next(entry for entry in catalogue() if entry.name == "ministry-in-other-forums")
RESULTS = conneg.SOLUTIONS + conneg.GRAPH


class Editor(HTMLParser):
    """The editor page's textarea text, the #editor element's attributes and all scripts."""

    def __init__(self, html: str):
        super().__init__()
        self.textarea, self.editor, self.scripts, self.options = None, None, [], []
        self._in_textarea = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "textarea" and attributes.get("name") == "query":
            self._in_textarea, self.textarea = True, ""
        elif tag == "div" and attributes.get("id") == "editor":
            self.editor = attributes
        elif tag == "script":
            self.scripts.append(attributes)
        elif tag == "option" and "data-url" in attributes:
            self.options.append(attributes["value"])

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._in_textarea = False

    def handle_data(self, data):
        if self._in_textarea:
            self.textarea += data


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (BROWSER, True),
        ("text/html", True),
        ("application/xhtml+xml", True),
        ("text/html;q=0.5, text/csv", False),
        ("text/html, application/sparql-results+json", False),  # a tie goes to the results
        ("*/*", False),
        ("text/*", False),
        (None, False),
        ("", False),
        (SPARQLWRAPPER, False),
        ("application/sparql-results+xml", False),
        ("text/turtle, */*;q=0.1", False),
    ],
)
def test_prefers_html(accept, expected):
    assert prefers_html(accept, RESULTS) is expected


def test_a_browser_without_query_gets_the_editor_with_the_vocabulary_prefixes(server):
    reply = server.request(headers={"Accept": BROWSER})
    assert reply.status == 200
    page = Editor(reply.text)
    assert page.editor["data-endpoint"] == server.endpoint
    assert page.editor["data-run"] == "false"
    for prefix, namespace in PREFIXES.items():
        assert f"PREFIX {prefix}: <{namespace}>" in page.editor["data-new-tab"]
    assert sorted(page.options) == sorted(entry.name for entry in catalogue())
    assert [urlsplit(script["src"]).path for script in page.scripts] == [
        f"/static/{name}" for name in editor.SCRIPTS
    ]
    assert all("defer" in script for script in page.scripts)
    assert "Accept-Language" in reply.headers["Vary"]


def test_a_catalogue_name_opens_its_query(server):
    reply = server.request(params=[("catalogue", MINISTRY.name)], headers={"Accept": BROWSER})
    page = Editor(reply.text)
    assert page.textarea == MINISTRY.text
    assert page.editor["data-name"] == MINISTRY.name
    assert page.editor["data-run"] == "false"


def test_a_browser_following_a_query_link_gets_the_editor_that_runs_it(server):
    reply = server.get(MINISTRY.text, accept=BROWSER)
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    page = Editor(reply.text)
    assert page.textarea == MINISTRY.text
    assert page.editor["data-run"] == "true"


@pytest.mark.parametrize("accept", [None, "*/*", SPARQLWRAPPER, "application/sparql-results+json"])
def test_protocol_clients_still_get_results(server, accept):
    reply = server.get(MINISTRY.text, accept=accept)
    assert reply.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"
    assert len(json.loads(reply.body)["results"]["bindings"]) == MINISTRY.expected_rows


def test_the_format_parameter_beats_the_browser_header(server):
    reply = server.request(params=[("query", MINISTRY.text), ("format", "csv")], headers={"Accept": BROWSER})
    assert reply.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert len(list(csv.DictReader(io.StringIO(reply.text)))) == MINISTRY.expected_rows


def test_a_browser_posting_a_query_gets_results(server):
    reply = server.request(
        "POST", body=MINISTRY.text.encode(),
        headers={"Accept": BROWSER, "Content-Type": "application/sparql-query"},
    )
    assert reply.headers["Content-Type"] == "application/sparql-results+xml; charset=utf-8"


def test_editor_pages_differ_in_etag_by_query_and_language(server):
    tags = {
        server.request(params=params, headers={"Accept": BROWSER}).headers["ETag"]
        for params in (None, [("lang", "en")], [("catalogue", MINISTRY.name)], [("query", MINISTRY.text)])
    }
    assert len(tags) == 4
