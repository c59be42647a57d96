"""The fast decoder of /sparql's URL parameters gives exactly what werkzeug's request.args gives."""

import urllib.parse

from hypothesis import given, settings, strategies as st
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from rk.web.sparql.protocol import query_parameters

# what a query string is made of: escapes (good and stray), separators, +, any text
PIECES = st.one_of(
    st.sampled_from(["%", "%2", "%zz", "%41", "%e4", "%C3%A4", "%2B", "+", "&", "=", "\\", "\\x41"]),
    st.text(max_size=8),
)


def request_for(query_string: str) -> Request:
    environ = EnvironBuilder(path="/sparql").get_environ()
    environ["QUERY_STRING"] = query_string.encode("utf-8").decode("latin-1")  # as WSGI does
    return Request(environ)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_any_query_string_decodes_like_werkzeug(query_string):
    request = request_for(query_string)
    assert list(query_parameters(request).items(multi=True)) == list(request.args.items(multi=True))


def test_an_encoded_query_text_comes_back_whole():
    text = 'SELECT * WHERE { ?s ?p "Müller & Söhne 100%" } # comment\n'
    request = request_for(urllib.parse.urlencode({"query": text, "format": "json"}))
    assert query_parameters(request).getlist("query") == [text]
    assert query_parameters(request)["format"] == "json"
