"""The `api` blueprint: every SELECT query of the catalogue at /api/NAME, and its description.

`GET /api/NAME?param=value` binds the values (`rk.parameters`: checked RDF terms in a
VALUES block), runs the query through the store and answers one page of rows: JSON rows
(default), SPARQL JSON, CSV or TSV, chosen by suffix (`/api/NAME.csv`), `format` or Accept.
`/api/NAME.rq` gives the SPARQL text the call runs. `/api` lists the queries with a form
each; `/api/openapi.json` is the OpenAPI 3.1 description.
"""

import json

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from werkzeug.exceptions import BadRequest, NotAcceptable, NotFound

from rk.catalogue import PAGING, NamedQuery
from rk.parameters import ParameterError, example_values
from rk.web.api import openapi, paging
from rk.web.app_store import get_store
from rk.web.http import caching, clients, conneg, errors
from rk.web.pages import i18n, site
from rk.web.sparql import examples

bp = Blueprint("api", __name__)

ROWS = conneg.Format("rows", "application/json", (), ("json", "rows"))
SPARQL_JSON = conneg.Format("json", "application/sparql-results+json", (), ("srj", "sparql-json"))
FORMATS = (ROWS, SPARQL_JSON, conneg.CSV, conneg.TSV)
SUFFIXES = {"json": ROWS, "srj": SPARQL_JSON, "csv": conneg.CSV, "tsv": conneg.TSV}
QUERY_TEXT = "rq"
RESERVED = ("page", "per_page", "format")


def api_queries() -> dict[str, NamedQuery]:
    """The catalogue's SELECT queries by name: those with parameters first."""
    entries = [entry for entry in examples.entries().values() if not examples.is_graph(entry)]
    entries.sort(key=lambda entry: (not entry.parameters, entry.name))
    return {entry.name: entry for entry in entries}


def example_url(entry: NamedQuery, suffix: str = "", **extra) -> str:
    """The example call of `entry` (its example values; a suffix picks the format)."""
    return url_for("api.call", call=entry.name + (f".{suffix}" if suffix else ""),
                   **example_values(entry.parameters), **extra)


@bp.route("/api")
def index():
    """Every API query with its parameters, a form and the example call."""
    lang = i18n.page_language()
    items = [
        (entry, examples.title(entry, lang), example_url(entry)) for entry in api_queries().values()
    ]
    response = site.render("api/index.html", items=items, suffixes=SUFFIXES)
    response.vary.add("Accept-Language")
    return response


@bp.route("/api/openapi.json")
def openapi_document():
    """The OpenAPI 3.1 description of every API query."""
    store = get_store()
    tag = caching.etag(store.dataset_version, "openapi", request.host_url)
    cached = caching.not_modified(tag)
    if cached is not None:
        return cached
    document = openapi.document(list(api_queries().values()), request.host_url.rstrip("/"), store.dataset_version)
    return caching.mark(jsonify(document), tag)


@bp.route("/api/<call>")
def call(call: str):
    """One page of the answer of the API query `call` (NAME or NAME.SUFFIX) for the given values."""
    name, _, suffix = call.partition(".")
    entry = api_queries().get(name)
    if entry is None or (suffix and suffix not in SUFFIXES and suffix != QUERY_TEXT):
        raise NotFound(f"No API query {call!r}: /api lists them, /api/openapi.json describes them.")
    given = _arguments(entry)
    try:
        sparql = entry.bound_text(given)
    except ParameterError as error:
        raise BadRequest(str(error)) from None
    if suffix == QUERY_TEXT:
        return Response(sparql, content_type=f"{examples.SPARQL_QUERY}; charset=utf-8")
    page = _count("page", 1, None)
    per_page = _count("per_page", paging.DEFAULT_PER_PAGE, paging.MAX_PER_PAGE)
    fmt = SUFFIXES[suffix] if suffix else conneg.choose(
        request.args.getlist("format"), request.headers.get("Accept"), FORMATS
    )
    if fmt is None:
        raise NotAcceptable(conneg.offer(FORMATS))
    store = get_store()
    tag = caching.etag(store.dataset_version, "api", call, sorted(given.items()), page, per_page,
                       fmt.name, current_app.config["ROW_LIMIT"])
    cached = caching.not_modified(tag)
    if cached is not None:
        return cached
    if PAGING.search(entry.text):  # its own LIMIT/OFFSET: cut the page from the whole answer
        result = paging.cut(_run(store, sparql), per_page, (page - 1) * per_page)
    else:
        result = paging.cut(_run(store, paging.window(sparql, page, per_page)), per_page)
    next_url = _page_url(call, page + 1) if result.has_next else None
    if fmt is ROWS:
        variables, rows = paging.rows(result.result)
        body = json.dumps({
            "query": entry.name,
            "parameters": {p.name: given.get(p.name) or p.default for p in entry.parameters},
            "page": page, "per_page": per_page, "variables": variables, "rows": rows, "next": next_url,
        }, ensure_ascii=False)
        response = Response(body, content_type="application/json; charset=utf-8")
    else:
        response = Response(result.result.serialize(fmt.name), content_type=fmt.content_type)
    links = [(next_url, "next")] if next_url else []
    if page > 1:
        links += [(_page_url(call, page - 1), "prev"), (_page_url(call, 1), "first")]
    if links:
        response.headers["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for url, rel in links)
    response.headers["X-RK-Truncated"] = "true" if result.result.truncated else "false"
    return caching.mark(response, tag)


def _arguments(entry: NamedQuery) -> dict[str, str]:
    """The query's parameter values from the URL; 400 for unknown or repeated parameters."""
    declared = {p.name for p in entry.parameters}
    for key in request.args:
        if key not in declared and key not in RESERVED:
            takes = ", ".join(sorted(declared)) or "no parameters"
            raise BadRequest(f"Unknown parameter `{key}`: /api/{entry.name} takes {takes} (and page, per_page).")
        if len(request.args.getlist(key)) > 1:
            raise BadRequest(f"Parameter `{key}` is given more than once.")
    return {key: request.args[key] for key in declared if key in request.args}


def _count(key: str, default: int, most: int | None) -> int:
    """A positive integer URL parameter (at most `most`); 400 naming it otherwise."""
    value = request.args.get(key)
    if value is None or value == "":
        return default
    bound = f" from 1 to {most}" if most else " from 1"
    if not value.isdigit() or not 1 <= int(value) <= (most or 10**9):
        raise BadRequest(f"Parameter `{key}` must be integer: a whole number{bound}; got {value[:40]!r}.")
    return int(value)


def _page_url(call: str, page: int) -> str:
    args = request.args.to_dict()
    args["page"] = str(page)
    return url_for("api.call", call=call, _external=True, **args)


def _run(store, sparql: str):
    """The query on the client's budget, like one sent to /sparql (429 beyond it)."""
    with errors.client_query(), clients.Metered():
        return store.query(sparql)
