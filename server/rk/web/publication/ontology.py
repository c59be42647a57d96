"""The `ontology` blueprint: /ontology answers 303 to its documentation or its RDF.

The HTML documentation is pyLODE's, generated once per server process from the
ontology graph the store holds. pyLODE names some sections after their labels, so an
anchor with each term's local name is added: /ontology.html#ThematicForum works.
"""

import re
import threading

from flask import Blueprint, Response, current_app, redirect, url_for

from rk.web.http import caching, conneg
from rk.web.pages import page_queries, site
from rk.web.app_store import get_store

bp = Blueprint("ontology", __name__)
_lock = threading.Lock()
_SECTION = re.compile(
    r'(<div class="[^"]*entity" id="([^"]+)">)(?=.{0,400}?<code>[^<]*#([A-Za-z0-9_]+)</code>)',
    re.DOTALL,
)


@bp.route("/ontology")
def dereference():
    """303 See Other to the documentation or the RDF that Accept asks for."""
    fmt = site.negotiated(conneg.DOCUMENT)
    response = redirect(url_for("ontology.document", suffix=conneg.suffix(fmt)), 303)
    response.vary.add("Accept")
    return response


@bp.route("/ontology.<any(html, ttl, jsonld, rdf, nt):suffix>")
def document(suffix: str):
    """The ontology as HTML documentation or in an RDF format."""
    store = get_store()
    tag = caching.etag(store.dataset_version, "ontology", suffix)
    cached = caching.not_modified(tag)
    if cached is not None:
        return cached
    fmt = conneg.SUFFIXES[suffix]
    body = documentation() if fmt is conneg.HTML else page_queries.ontology(store).serialize(
        fmt.name
    )
    return caching.mark(Response(body, content_type=fmt.content_type), tag)


def documentation() -> str:
    """pyLODE's documentation of the ontology, made on first use and then kept."""
    extensions = current_app.extensions
    with _lock:
        if "rk.ontology_html" not in extensions:
            from pylode import OntPub

            turtle = page_queries.ontology(get_store()).serialize(conneg.TURTLE.name)
            html = OntPub(ontology=turtle.decode("utf-8")).make_html()
            extensions["rk.ontology_html"] = _SECTION.sub(_anchor, html)
        return extensions["rk.ontology_html"]


def _anchor(match: re.Match) -> str:
    opening, section_id, local_name = match.groups()
    return opening if section_id == local_name else f'{opening}<span id="{local_name}"></span>'
