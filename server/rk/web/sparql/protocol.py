"""Reading a SPARQL 1.1 Protocol query request: GET, POST form, POST direct.

https://www.w3.org/TR/sparql11-protocol/#query-operation. Updates are refused (403)
in every form they can take, before anything else is read.
"""

import codecs
from dataclasses import dataclass

import werkzeug.urls  # noqa: F401  (registers the "werkzeug.url_quote" error handler)
from werkzeug.datastructures import CombinedMultiDict, ImmutableMultiDict
from werkzeug.exceptions import BadRequest, Forbidden, UnsupportedMediaType

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
READ_ONLY = "This endpoint is read-only: SPARQL Update is not accepted."


@dataclass(frozen=True)
class QueryRequest:
    """The parameters of a query request; `query` is None if none was sent."""

    query: str | None
    default_graph_uris: tuple[str, ...] | None
    named_graph_uris: tuple[str, ...] | None
    format_values: tuple[str, ...]


def read_request(request) -> QueryRequest:
    """Read a werkzeug request; raises 400, 403 or 415 for requests the protocol rejects."""
    queries = []
    params = query_parameters(request)
    if request.method == "POST":
        if request.mimetype == UPDATE:
            raise Forbidden(READ_ONLY)
        if request.mimetype in (FORM, DIRECT):
            _require_utf8(request)
        if request.mimetype == FORM:
            params = CombinedMultiDict([request.form, request.args])
        elif request.mimetype == DIRECT:
            queries.append(_body_text(request))
        else:
            raise UnsupportedMediaType(
                f"POST a query as {FORM} (parameter `query`) or as {DIRECT}, "
                f"not as {request.mimetype or 'a body without Content-Type'}."
            )
    if "update" in params:
        raise Forbidden(READ_ONLY)
    queries += params.getlist("query")
    if len(queries) > 1:
        raise BadRequest("A request must carry exactly one query, not several.")
    if queries and not queries[0].strip():
        raise BadRequest("The query is empty.")
    graphs = "default-graph-uri" in params or "named-graph-uri" in params
    return QueryRequest(
        query=queries[0] if queries else None,
        default_graph_uris=tuple(params.getlist("default-graph-uri")) if graphs else None,
        named_graph_uris=tuple(params.getlist("named-graph-uri")) if graphs else None,
        format_values=tuple(value for value in params.getlist("format") if value.strip()),
    )


def query_parameters(request) -> ImmutableMultiDict:
    """`request.args`, decoded faster: a query text in a URL is mostly percent escapes,
    which urllib decodes one by one in Python; here they become \\x escapes that the
    unicode_escape codec decodes in C. Anything unusual (a stray %) takes werkzeug's way."""
    try:
        pairs = []
        for part in request.query_string.decode().split("&"):
            if part:
                name, _, value = part.partition("=")
                pairs.append((_unquote(name), _unquote(value)))
    except (UnicodeDecodeError, ValueError):
        return request.args
    return ImmutableMultiDict(pairs)


def _unquote(text: str) -> str:
    """What urllib.parse.unquote gives for a form value (+ is a space), as werkzeug calls it."""
    text = text.replace("+", " ")
    if "%" not in text:
        return text
    escaped = text.encode("utf-8").replace(b"\\", b"\\\\").replace(b"%", b"\\x")
    return escaped.decode("unicode_escape").encode("latin-1").decode("utf-8", "werkzeug.url_quote")


def _require_utf8(request) -> None:
    """The protocol allows a POST body only in UTF-8: another charset gets 415."""
    charset = request.mimetype_params.get("charset")
    if charset is None:
        return
    try:
        utf8 = codecs.lookup(charset).name == "utf-8"
    except LookupError:
        utf8 = False
    if not utf8:
        raise UnsupportedMediaType(
            f"The body is declared as charset={charset}; the SPARQL 1.1 Protocol requires "
            f"UTF-8: send it as {request.mimetype}; charset=UTF-8."
        )


def _body_text(request) -> str:
    try:
        return request.get_data(cache=False).decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("The query body is not valid UTF-8 text.") from None
