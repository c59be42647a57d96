"""Editorial inferences on the pages: the note beside the property, the list, the links.

Every rk:EditorialInference of the built data is checked: the page of the thing it
concerns marks the inferred property "erschlossen, nicht in den Quellen" (English:
"inferred, not stated by a source") with a link to the inference, and links to the list
of all inferences, which the home page links to."""

import html

import pytest
from pages_support import get, parse_html

from rk.namespaces import BASE

NOTE = {"de": "erschlossen, nicht in den Quellen", "en": "inferred, not stated by a source"}


@pytest.fixture(scope="module")
def inferences(select):
    rows = select("""SELECT DISTINCT ?inference ?thing WHERE {
        ?inference a rk:EditorialInference ; rk:concerns ?thing ; rk:property ?property .
        ?thing ?property ?value }""")
    assert len(rows) >= 10
    return [(str(row["inference"]), str(row["thing"])) for row in rows]


def _path(iri: str) -> str:
    assert iri.startswith(BASE + "id/")
    return "/page/" + iri[len(BASE + "id/"):]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_inferred_statement_is_marked_on_its_page(port, inferences, lang):
    for inference, thing in inferences:
        answer = get(port, _path(thing) + f"?lang={lang}")
        assert answer.status == 200, thing
        text = html.unescape(answer.text)
        assert f"({NOTE[lang]})" in text, thing
        page = parse_html(answer.text)
        assert any(anchor.startswith(_path(inference)) for anchor in page.anchors), (thing, inference)
        assert any(anchor.startswith("/list/inferences") for anchor in page.anchors), thing


def test_the_inference_list_is_reachable_from_home(port, inferences):
    home = parse_html(get(port, "/").text)
    assert any(anchor.startswith("/list/inferences") for anchor in home.anchors)
    listing = parse_html(get(port, "/list/inferences").text)
    for inference, _ in inferences:
        assert any(anchor.startswith(_path(inference)) for anchor in listing.anchors), inference


def test_discrepancies_are_not_shown_as_inferences_and_link_their_list(port, select):
    (row,) = select("""SELECT ?thing WHERE { ?d a rk:SourceDiscrepancy ; rk:concerns ?thing
                       FILTER NOT EXISTS { ?i a rk:EditorialInference ; rk:concerns ?thing } } LIMIT 1""")
    answer = get(port, _path(str(row["thing"])))
    assert NOTE["de"] not in html.unescape(answer.text)
    assert any(anchor.startswith("/list/discrepancies") for anchor in parse_html(answer.text).anchors)
