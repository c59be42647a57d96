"""Delivery: compressed answers that never mix with plain ones, Vary for every negotiated
header, versioned static files cached for a year, a favicon, the site's 404 page."""

import gzip
import re
import urllib.parse

import brotli
import pytest
from pages_support import get, parse_html

YEAR = "max-age=31536000"


def _vary(answer) -> set[str]:
    return {part.strip() for part in answer.headers.get("Vary", "").split(",") if part.strip()}


@pytest.mark.parametrize("path, accept", [("/page/forum/04", "text/html"), ("/queries", "text/html"),
                                          ("/data/forum/04.ttl", None), ("/queries.json", None),
                                          ("/dataset", "application/ld+json")])
def test_answers_are_compressed_and_never_mixed(port, path, accept):
    plain = get(port, path, accept, Accept_Encoding="identity")
    assert plain.status == 200 and "Content-Encoding" not in plain.headers
    for encoding, decode in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        for _ in range(2):  # the second answer comes from the front cache
            packed = get(port, path, accept, Accept_Encoding=encoding)
            assert packed.headers["Content-Encoding"] == encoding, (path, encoding)
            assert "Accept-Encoding" in _vary(packed)
            assert decode(packed.body) == plain.body
    again = get(port, path, accept, Accept_Encoding="identity")
    assert "Content-Encoding" not in again.headers and again.body == plain.body


@pytest.mark.parametrize("path", ["/", "/list/forums", "/page/forum/04", "/queries", "/views",
                                  "/views/timeline", "/dataset", "/download/", "/impressum", "/ontology.html"])
def test_language_variants_vary_by_accept_language(port, path):
    german, english = get(port, path, "text/html"), get(port, path, "text/html", Accept_Language="en")
    assert 'lang="de"' in german.text and 'lang="en"' in english.text
    assert "Accept-Language" in _vary(german) and "Accept-Language" in _vary(english)


def test_versioned_static_files_are_cached_for_a_year(port):
    page = parse_html(get(port, "/views/network").text)
    versioned = [url for url in page.resources if "?v=" in url]
    assert {urllib.parse.urlsplit(url).path for url in versioned} >= {
        "/static/style.css", "/static/favicon.svg", "/static/vendor/vis-network/vis-network.min.js"}
    for url in versioned:
        answer = get(port, url)
        assert answer.status == 200 and YEAR in answer.headers["Cache-Control"]
        assert "immutable" in answer.headers["Cache-Control"]
        stale = get(port, re.sub(r"v=[0-9a-f]+", "v=000000000000", url))
        assert YEAR not in stale.headers["Cache-Control"] and "no-cache" in stale.headers["Cache-Control"]


def test_vendored_files_are_sent_compressed(port):
    page = parse_html(get(port, "/views/network").text)
    (script,) = [url for url in page.resources if "vis-network.min.js" in url]
    plain = get(port, script, Accept_Encoding="identity")
    packed = get(port, script, Accept_Encoding="gzip, deflate, br")
    assert packed.headers["Content-Encoding"] == "br"
    assert brotli.decompress(packed.body) == plain.body and len(packed.body) < len(plain.body) / 3


def test_favicon(port):
    answer = get(port, "/favicon.ico")
    assert answer.status == 200 and answer.body[:4] == b"\0\0\1\0"  # an ICO file
    icons = [link for link in parse_html(get(port, "/").text).links if link.get("rel") == "icon"]
    assert icons and get(port, icons[0]["href"]).status == 200


@pytest.mark.parametrize("path", ["/no/such/page", "/list/nothing", "/static/nothing.css", "/page/forum/99",
                                  "/download/nothing.ttl"])
def test_unknown_paths_get_the_sites_404_page(port, path):
    answer = get(port, path, "text/html")
    assert answer.status == 404
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    page = parse_html(answer.text)
    assert any(href.startswith("/search") for href in page.anchors) and "/" in page.anchors
    assert "Nicht gefunden" in page.text
