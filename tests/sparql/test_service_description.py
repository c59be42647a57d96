"""GET /sparql without a query: the service description, and the HTML form for browsers."""

from html.parser import HTMLParser

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, VOID

from rk.namespaces import NAMED_GRAPHS
from rk.web import create_app
from rk.web.sparql.servicedesc import FORMAT_IRIS, SD, DatasetSummary

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def description(server) -> Graph:
    reply = server.request(headers={"Accept": "text/turtle"})
    assert reply.headers["Content-Type"] == "text/turtle; charset=utf-8"
    return Graph().parse(data=reply.body, format="turtle")


def test_describes_the_endpoint_language_and_formats(server, description):
    (service,) = description.subjects(RDF.type, SD.Service)
    assert description.value(service, SD.endpoint) == URIRef(server.endpoint)
    assert description.value(service, SD.supportedLanguage) == SD.SPARQL11Query
    assert (service, SD.feature, SD.UnionDefaultGraph) in description
    assert set(description.objects(service, SD.resultFormat)) == set(FORMAT_IRIS.values())


def test_describes_the_default_dataset_with_triple_counts(description, reference):
    (service,) = description.subjects(RDF.type, SD.Service)
    dataset = description.value(service, SD.defaultDataset)
    default_graph = description.value(dataset, SD.defaultGraph)
    union = len(set(reference.triples((None, None, None))))
    assert description.value(default_graph, VOID.triples) == Literal(union)
    sizes = {}
    for named in description.objects(dataset, SD.namedGraph):
        content = description.value(named, SD.graph)
        sizes[description.value(named, SD.name)] = description.value(content, VOID.triples)
    assert sizes == {g: Literal(len(reference.graph(g))) for g in NAMED_GRAPHS}


@pytest.mark.parametrize(
    ("accept", "params"), [("application/ld+json", None), (None, [("format", "jsonld")])]
)
def test_json_ld_says_the_same(server, description, accept, params):
    reply = server.request(params=params, headers={"Accept": accept} if accept else {})
    assert reply.headers["Content-Type"] == "application/ld+json; charset=utf-8"
    assert isomorphic(Graph().parse(data=reply.body, format="json-ld"), description)


class Page(HTMLParser):
    """Collects the elements of an HTML page as (tag, attributes) and its text."""

    def __init__(self, html: str):
        super().__init__()
        self.elements, self.text = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def find(self, tag, **attributes):
        return [a for t, a in self.elements if t == tag and attributes.items() <= a.items()]


def test_browsers_get_a_query_form(server):
    reply = server.request(headers={"Accept": BROWSER})
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    page = Page(reply.text)
    (form,) = page.find("form", action=server.endpoint, method="get")
    assert page.find("textarea", name="query")
    assert {o["value"] for o in page.find("option")} >= {"", "json", "csv", "ttl", "jsonld"}
    alternates = {a["type"] for a in page.find("link", rel="alternate")}
    assert alternates == {"text/turtle", "application/ld+json"}
    text = "".join(page.text)
    assert all(str(graph) in text for graph in NAMED_GRAPHS)


def test_the_form_escapes_every_value(dataset_dir):
    app = create_app({"STORE": "embedded", "BUILD_DIR": str(dataset_dir)})
    hostile = '"><script>alert(1)</script>'
    graphs = ((f"http://example.org/{hostile}", 1),)
    app.extensions["rk.summary"] = DatasetSummary(hostile, 1, graphs)
    reply = app.test_client().get("/sparql", headers={"Accept": BROWSER})
    page = Page(reply.get_data(as_text=True))
    scripts = page.find("script")
    assert scripts and all(set(script) == {"src", "defer"} for script in scripts)
    assert all(script["src"].startswith("/static/") for script in scripts)
    assert "".join(page.text).count(hostile) == 2
