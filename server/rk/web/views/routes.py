"""The `views` blueprint: "Wer moderiert was", the timeline, the actor network, the map and
the projects per forum.

Each view runs one catalogue query (`queries/*.rq`) through the store and shows the
answer as a picture and as a plain table that needs no script; `contexts` builds what
each view's template shows.
"""

from flask import Blueprint, current_app

from rk.web.app_store import get_store
from rk.web.http import caching
from rk.web.pages import i18n, site
from rk.web.pages.linked_data import not_found
from rk.web.pages.terms import rows
from rk.web.sparql import examples
from rk.web.views import basemap, contexts
from rk.web.views.contexts import QUERIES

bp = Blueprint("views", __name__, url_prefix="/views")


@bp.route("")
def index():
    """The views, each with the query behind it."""
    return site.render("views/index.html", queries=QUERIES)


@bp.app_context_processor
def _map_helpers() -> dict:
    """Every template may draw a small map of points on the base map (see basemap)."""
    return {"small_map": basemap.small_map, "base_map_attribution": basemap.attribution}


@bp.route("/map/base.svg")
def base_map():
    """The base map's districts as SVG, under the small maps of the pages."""
    tag = caching.etag(basemap.FILE.stat().st_mtime_ns, basemap.FILE.stat().st_size, "base.svg")
    response = caching.not_modified(tag)
    if response is None:
        response = current_app.response_class(basemap.svg(), content_type="image/svg+xml; charset=utf-8")
    return caching.mark(response, tag)


@bp.route("/<name>")
def view(name: str):
    """One view, rendered from its catalogue query."""
    if name not in QUERIES:
        return not_found()
    store, lang = get_store(), i18n.page_language()
    tag = caching.etag(store.dataset_version, "view", name, lang)
    response = caching.not_modified(tag)
    if response is None:
        found = rows(store.query(examples.find(QUERIES[name]).text))  # read once, at start
        context = contexts.BUILDERS[name](found, lang)
        response = site.render(f"views/{name}.html", name=name, query_name=QUERIES[name],
                               **contexts.template_values(context))
    response.vary.add("Accept-Language")
    return caching.mark(response, tag)


