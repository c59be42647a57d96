"""The `sparql` blueprint: the SPARQL 1.1 Protocol query operation at /sparql."""

import functools

from flask import Blueprint, Response, current_app, request, url_for
from werkzeug.exceptions import BadRequest, NotAcceptable

from rk.store import Formats, Kind
from rk.web.http import caching, clients, conneg, errors, frontcache, resultcache
from rk.web.sparql import editor, examples, servicedesc
from rk.web.pages.linked_data import not_found
from rk.web.sparql.protocol import read_request
from rk.web.app_store import get_store, get_summary

bp = Blueprint("sparql", __name__)

@bp.route("/sparql", methods=["GET", "POST"])
def endpoint():
    """Answer a query, or describe the service when a GET carries none."""
    query_request = read_request(request)
    if query_request.query is None:
        if request.method == "POST":
            raise BadRequest("No query: send it in the `query` parameter or as the body.")
        return _service_description(query_request.format_values)
    accept = request.headers.get("Accept")
    if _wants_editor(query_request, accept):
        endpoint_iri = url_for("sparql.endpoint", _external=True)
        return _alternates(editor.page(get_summary(), endpoint_iri, text=query_request.query), endpoint_iri)
    solutions_format = conneg.choose(query_request.format_values, accept, conneg.SOLUTIONS)
    graph_format = conneg.choose(query_request.format_values, accept, conneg.GRAPH)
    if solutions_format is None and graph_format is None:
        raise NotAcceptable(conneg.offer(conneg.SOLUTIONS + conneg.GRAPH))
    store = get_store()
    row_limit = current_app.config["ROW_LIMIT"]
    tag = caching.etag(  # the request's fields one by one (a dataclass's repr costs more)
        store.dataset_version,
        repr(query_request.query),  # quoted: no text can pass for the fields after it
        query_request.default_graph_uris,
        query_request.named_graph_uris,
        query_request.format_values,
        solutions_format and solutions_format.name,
        graph_format and graph_format.name,
        row_limit,
    )
    cached = caching.not_modified(tag)
    if cached is not None:
        return cached
    answers = resultcache.get_cache()  # keyed by the tag: it covers all that fixes the answer
    answer = answers.get(tag)
    if answer is not None:
        answer.headers["X-RK-Cache"] = "hit"
        return caching.mark(answer, tag)
    formats = _formats(solutions_format or conneg.JSON, graph_format or conneg.TURTLE)
    # 429 once this client has used its query time for the minute
    with errors.client_query(), clients.Metered():
        result = store.query(
            query_request.query,
            query_request.default_graph_uris,
            query_request.named_graph_uris,
            formats,
        )
    fmt = graph_format if result.kind is Kind.GRAPH else solutions_format
    if fmt is None:
        table = conneg.GRAPH if result.kind is Kind.GRAPH else conneg.SOLUTIONS
        raise NotAcceptable(conneg.offer(table))
    response = Response(result.serialize(fmt.name), content_type=fmt.content_type)
    headers = response.headers
    if result.kind is not Kind.BOOLEAN:
        headers["X-RK-Truncated"] = "true" if result.truncated else "false"
        headers["X-RK-Row-Limit"] = str(row_limit)
    if not request.environ.get(frontcache.KEEPS):  # else the front cache keeps the answer
        answers.put(tag, response)
    headers["X-RK-Cache"] = "miss"
    return caching.mark(response, tag)


@functools.lru_cache(maxsize=None)  # at most |SOLUTIONS| × |GRAPH| entries
def _formats(solutions: conneg.Format, graph: conneg.Format) -> Formats:
    """What the store writes the answer in (the negotiated format of each query form)."""
    return Formats(solutions.name, graph.name)


def _service_description(format_values):
    fmt = conneg.choose(format_values, request.headers.get("Accept"), conneg.SERVICE_DESCRIPTION)
    if fmt is None:
        raise NotAcceptable(conneg.offer(conneg.SERVICE_DESCRIPTION))
    summary = get_summary()
    endpoint_iri = url_for("sparql.endpoint", _external=True)
    if fmt is conneg.HTML:
        name = request.args.get("catalogue")
        entry = examples.find(name) if name is not None else None
        if name is not None and entry is None:
            return not_found()
        return _alternates(editor.page(summary, endpoint_iri, entry=entry), endpoint_iri)
    tag = caching.etag(summary.version, endpoint_iri, fmt.name)
    cached = caching.not_modified(tag)
    if cached is not None:
        return cached
    names = [f.name for f in conneg.SOLUTIONS + conneg.GRAPH]
    graph = servicedesc.describe(endpoint_iri, summary, names)
    body = graph.serialize(format=servicedesc.RDFLIB_FORMATS[fmt.name], encoding="utf-8")
    response = Response(body, content_type=fmt.content_type)
    return caching.mark(_alternates(response, endpoint_iri), tag)


def _wants_editor(query_request, accept) -> bool:
    """A browser following a link to a query (GET, no `format`, no graphs, HTML first)."""
    return (
        caching.cacheable()
        and not query_request.format_values
        and query_request.default_graph_uris is None
        and conneg.prefers_html(accept, conneg.SOLUTIONS + conneg.GRAPH)
    )


def _alternates(response, endpoint_iri):
    """Point to the service description in Turtle and JSON-LD."""
    response.headers["Link"] = ", ".join(
        f'<{endpoint_iri}?format={fmt.keys[0]}>; rel="alternate"; type="{fmt.media_type}"'
        for fmt in (conneg.TURTLE, conneg.JSONLD)
    )
    return response

