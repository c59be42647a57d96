"""Labels holding markup are rendered inert, in the HTML and in the embedded JSON-LD."""

import json
import shutil

import pytest
from pages_support import get, parse_html
from sparql_support import start_server

from rk.namespaces import BASE, GRAPH_DATA
from rk.paths import DATASET_NQ, MANIFEST

FORUM = BASE + "id/forum/04"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
HOSTILE = ["<script>alert(1)</script>", "</script><script>alert(2)</script>"]


@pytest.fixture(scope="module")
def hostile_port(built_dir, tmp_path_factory):
    """A server on the real dataset plus labels holding script tags on forum 04."""
    folder = tmp_path_factory.mktemp("hostile")
    shutil.copy(built_dir / DATASET_NQ, folder / DATASET_NQ)
    with (folder / DATASET_NQ).open("a", encoding="utf-8") as nquads:
        for text, lang in zip(HOSTILE, ("de", "en")):
            literal = json.dumps(text)  # a valid N-Quads string literal for this text
            nquads.write(f"<{FORUM}> <{LABEL}> {literal}@{lang} <{GRAPH_DATA}> .\n")
    version = json.loads((built_dir / MANIFEST).read_text(encoding="utf-8"))["version"]
    # a bare dataset (no file list: its dataset.nq is not the build's) with a hostile version
    (folder / MANIFEST).write_text(json.dumps({"version": "hostile-" + version}), encoding="utf-8")
    running = start_server(folder, folder / "serve.log", "--workers", "1")
    yield running.port
    running.stop()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_hostile_labels_are_inert(hostile_port, lang):
    answer = get(hostile_port, f"/page/forum/04?lang={lang}")
    assert answer.status == 200
    page = parse_html(answer.text)
    assert [attrs.get("type") for attrs, _ in page.scripts] == ["application/ld+json"]
    shown = "".join(page.text)
    for text in HOSTILE:
        assert text in shown  # displayed as text, after the parser unescaped it
    labels = json.dumps(page.jsonld())
    for text in HOSTILE:
        assert json.dumps(text)[1:-1] in labels


def test_hostile_labels_are_found_and_escaped_in_search(hostile_port):
    page = parse_html(get(hostile_port, "/search?q=alert").text)
    assert [attrs.get("type") for attrs, _ in page.scripts] == []
    assert "/page/forum/04" in page.anchors
