"""The `pages` blueprint: dereferencing /id/… IRIs, data documents and entity pages.

The base IRI (setting BASE_IRI) is mapped onto this host: /id/{key} stands for
{BASE_IRI}id/{key}. A GET on it answers 303 See Other to the HTML page /page/{key} or
to the data document /data/{key}.{ttl,jsonld,rdf,nt} that Accept (or ?format=) asks
for. Unknown keys answer 404 with an HTML page.
"""

from flask import Blueprint, Response, current_app, redirect, request, url_for
from markupsafe import Markup

from rk.namespaces import SCHEMA
from rk.web.http import caching, conneg
from rk.web.pages import entity, i18n, page_queries, site
from rk.web.app_store import get_store
from rk.web.pages.terms import instance_iri

bp = Blueprint("pages", __name__)
DATA_FORMATS = tuple(f for f in conneg.DOCUMENT if f is not conneg.HTML)


@bp.route("/id/<path:path>")
def dereference(path: str):
    """303 See Other to the page or data document Accept asks for."""
    iri = _iri(path)
    if iri is None or not page_queries.exists(get_store(), iri):
        return not_found()
    fmt = site.negotiated(conneg.DOCUMENT)
    if fmt is conneg.HTML:
        location = url_for("pages.page", path=path, **site.lang_args())
    else:
        location = url_for("pages.data", path=path, suffix=conneg.suffix(fmt))
    response = redirect(location, 303)
    response.vary.add("Accept")
    return response


@bp.route("/data/<path:path>.<any(ttl, jsonld, rdf, nt):suffix>")
def data(path: str, suffix: str):
    """The data document: the thing's triples and the labels of what they link to."""
    iri = _iri(path)
    if iri is None:
        return not_found()
    store = get_store()
    tag = caching.etag(store.dataset_version, "data", path, suffix)
    cached = caching.not_modified(tag)
    if cached is not None:
        return cached
    fmt = conneg.SUFFIXES[suffix]
    result = page_queries.document(store, iri, fmt.name)
    if not result.size:
        return not_found()
    response = Response(result.serialize(fmt.name), content_type=fmt.content_type)
    return caching.mark(response, tag)


@bp.route("/page/<path:path>")
def page(path: str):
    """The HTML page of a thing."""
    iri = _iri(path)
    if iri is None:
        return not_found()
    store = get_store()
    lang = i18n.page_language()
    tag = caching.etag(store.dataset_version, "page", path, lang)
    cached = caching.not_modified(tag)
    if cached is not None:
        return caching.vary(cached, "Accept-Language")
    found = entity.gather(store, site.labels(), site.sections(iri), iri, lang)
    if found is None:
        return not_found()
    links = site.links()
    alternates = [(fmt, links.data_of(path, conneg.suffix(fmt))) for fmt in DATA_FORMATS]
    response = site.render(
        "pages/entity.html",
        entity=found,
        kinds=site.kind_names(found.types, lang),
        dates=_dates(found),
        alternates=alternates,
        jsonld=script_json(found.jsonld.decode("utf-8")),
        path=path,
        report=site.report_link(iri, found.label),
    )
    response.headers["Link"] = ", ".join(
        f'<{url}>; rel="alternate"; type="{fmt.media_type}"' for fmt, url in alternates
    )
    caching.vary(response, "Accept-Language")
    return caching.mark(response, tag)


def _dates(found: entity.Entity) -> tuple[str, str | None] | None:
    """An event's start and end (lexical forms), for the line that gives its time in words."""
    values = dict(found.properties)
    starts, ends = values.get(str(SCHEMA.startDate)), values.get(str(SCHEMA.endDate))
    if not starts:
        return None
    return starts[0].value, ends[0].value if ends else None


def not_found():
    """The 404 page: what was asked for, a search field and the way home."""
    response = site.render("pages/not_found.html", status=404, asked=request.path)
    response.cache_control.no_store = True
    return response


def script_json(text: str) -> Markup:
    """JSON made safe inside <script>: `<`, `>` and `&` as \\u escapes (valid JSON)."""
    for char in "<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


def _iri(path: str) -> str | None:
    return instance_iri(current_app.config["BASE_IRI"], path)

