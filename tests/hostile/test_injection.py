"""Markup and header injection through everything a request can carry into an answer:
query parameters (q, lang, format, query), IRIs in paths, and the Host header. HTML
answers are parsed: no element, attribute or script may come from the payload; headers
never gain a line (issue 7)."""

import urllib.parse

import pytest
from hostile_http import MARK, injected, no_traceback, raw_get, still_serving

PAYLOADS = {
    "element": f"<{MARK} id=x>",
    "attribute breakout": f'"><{MARK} {MARK}=1>',
    "single-quote breakout": f"'><script>{MARK}()</script>",
    "event handler": f"<img src=x onerror={MARK}()>",
    "title breakout": f"</title><script>{MARK}()</script>",
    "javascript URL": f"javascript:{MARK}()",
    "CRLF header": f"x\r\nX-{MARK}: 1\r\nSet-Cookie: {MARK}=1",
    "LF header": f"x\nX-{MARK}: 1",
    "unicode line breaks": f"x\u560a\u560dX-{MARK}: 1\u2028\u0085",
}
# where a request's own text may be reflected: {} is the encoded payload
PLACES = [
    "/search?q={}",
    "/search?q={}&lang={}",
    "/?lang={}",
    "/page/forum/04?lang={}",
    "/id/forum/04?lang={}",
    "/list/forums?lang={}",
    "/dataset?lang={}",
    "/dataset?format={}",
    "/.well-known/void?format={}",
    "/ontology?format={}",
    "/id/forum/04?format={}",
    "/sparql?query={}",
    "/sparql?query=ASK%7B%7D&format={}",
    "/sparql?format={}",
    "/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D&default-graph-uri={}",
    "/id/{}",
    "/page/{}",
    "/data/{}.ttl",
    "/list/{}",
    "/download/{}",
    "/static/{}",
]


def check(answer) -> None:
    """The answer carries the payload only as inert text."""
    no_traceback(answer.body)
    assert answer.status < 500
    for name, value in answer.headers:
        assert MARK not in name.lower(), (name, value)
        assert "\r" not in value and "\n" not in value, (name, value)
    assert not any(name.lower() == "set-cookie" for name, _ in answer.headers)
    content_type = answer.header("Content-Type") or ""
    if content_type.startswith("text/html"):
        assert injected(answer.body.decode("utf-8")) == []
    elif MARK.encode() in answer.body:
        assert not content_type.startswith(("text/html", "application/xhtml", "image/svg")), content_type


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_is_inert(server, place, name):
    encoded = urllib.parse.quote(PAYLOADS[name], safe="")
    for accept in (b"text/html", b"*/*"):
        answer = raw_get(server.port, place.replace("{}", encoded).encode(), {b"Accept": accept})
        check(answer)
    still_serving(server)


@pytest.mark.parametrize("path", ["/", "/sparql", "/page/forum/04", "/id/forum/04", "/dataset"])
@pytest.mark.parametrize("host", [f'127.0.0.1"><{MARK} {MARK}=1>', f"127.0.0.1/<script>{MARK}()</script>"])
def test_host_header_is_inert(server, path, host):
    for accept in (b"text/html", b"text/turtle", b"application/ld+json"):
        answer = raw_get(server.port, path.encode(), {b"Accept": accept, b"Host": host.encode()})
        check(answer)
    still_serving(server)


def test_the_checks_see_an_injection():
    """The control: the parser finds what an unescaped payload would make."""
    for name in ("element", "attribute breakout", "single-quote breakout", "event handler",
                 "javascript URL"):
        payload = PAYLOADS[name]
        page = f'<p>{payload}</p><a href="{payload}">x</a>'
        assert injected(page), name
