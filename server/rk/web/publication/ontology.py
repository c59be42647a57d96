"""The `ontology` blueprint: /ontology answers 303 to its documentation or its RDF.

The HTML documentation is pyLODE's, made by `rk build` per language (rk.build.ontology_docs,
ontology-de.html and ontology-en.html in the pinned build), read once per server process
and language and shown inside the site's own page (header, skip link, footer,
stylesheet); only a server without a local build (a remote store alone) has pyLODE make
it from the store's ontology on first use. pyLODE's own styles, scripts and icons are
dropped, and of two sections with one id (pyLODE lists functional properties twice) the
second gets a suffix. pyLODE names some sections after their labels, so an anchor with
each term's local name is added: /ontology.html#ThematicForum works.
"""

import re
import threading

from flask import Blueprint, Response, current_app, redirect, url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from rk.build.ontology_docs import pylode_html
from rk.paths import ONTOLOGY_HTML
from rk.web.http import caching, conneg
from rk.web.pages import i18n, page_queries, site
from rk.web.app_store import build_folder, get_store

bp = Blueprint("ontology", __name__)
_lock = threading.Lock()
_SECTION = re.compile(
    r'(<div class="[^"]*entity" id="([^"]+)">)(?=.{0,400}?<code>[^<]*#([A-Za-z0-9_]+)</code>)',
    re.DOTALL,
)
_CONTENT = re.compile(r'<div id="content">(.*)</div>\s*<div id="pylode">', re.DOTALL)
_TOC = re.compile(r'<div id="toc">(.*)</div>\s*</body>', re.DOTALL)
_ID = re.compile(r'\bid="([^"]+)"')
# pyLODE's section names, translated; its other fixed wording (property names) stays
# English and is marked so on German pages
HEADINGS = {
    "Metadata": _l("Metadata"), "Classes": _l("Classes"), "Object Properties": _l("Object properties"),
    "Datatype Properties": _l("Datatype properties"), "Annotation Properties": _l("Annotation properties"),
    "Functional Properties": _l("Functional properties"), "Namespaces": _l("Namespaces"),
    "Legend": _l("Legend"), "Table of Contents": _l("Contents"),
}
_HEADING = re.compile(r"(<h[1-4]>\s*(?:<a [^>]*>)?)(" + "|".join(HEADINGS) + r")(?=\s*<)")


@bp.route("/ontology")
def dereference():
    """303 See Other to the documentation or the RDF that Accept asks for."""
    fmt = site.negotiated(conneg.DOCUMENT)
    response = redirect(url_for("ontology.document", suffix=conneg.suffix(fmt), **site.lang_args()), 303)
    response.vary.add("Accept")
    return response


@bp.route("/ontology.<any(html, ttl, jsonld, rdf, nt):suffix>")
def document(suffix: str):
    """The ontology as HTML documentation or in an RDF format."""
    store = get_store()
    fmt = conneg.SUFFIXES[suffix]
    lang = i18n.page_language() if fmt is conneg.HTML else ""
    tag = caching.etag(store.dataset_version, "ontology", suffix, lang)
    cached = caching.not_modified(tag)
    if cached is not None:
        if lang:
            cached.vary.add("Accept-Language")
        return cached
    if fmt is conneg.HTML:
        content, toc = documentation(lang)
        response = site.render("pages/ontology.html", content=content, toc=toc)
    else:
        response = Response(page_queries.ontology(store).serialize(fmt.name), content_type=fmt.content_type)
    return caching.mark(response, tag)


def documentation(lang: str) -> tuple[Markup, Markup]:
    """pyLODE's documentation in `lang` (its content and its table of contents), read once."""
    extensions = current_app.extensions
    key = f"rk.ontology_html.{lang}"
    with _lock:
        if key not in extensions:
            extensions[key] = fitted(made_by_build(lang) or made_here(lang), lang)
        return extensions[key]


def made_by_build(lang: str) -> str | None:
    """The documentation `rk build` made for `lang`, from the build this app serves."""
    folder = build_folder()
    made = folder / ONTOLOGY_HTML.format(lang=lang) if folder is not None else None
    return made.read_text(encoding="utf-8") if made is not None and made.is_file() else None


def made_here(lang: str) -> str:
    """pyLODE's documentation of the store's ontology, for a server without a local build."""
    return pylode_html(page_queries.ontology(get_store()).serialize(conneg.TURTLE.name), lang)


def fitted(html: str, lang: str) -> tuple[Markup, Markup]:
    """pyLODE's content and contents list, with unique ids, an anchor per local name,
    translated section names and its English property names marked as English."""
    html = _HEADING.sub(lambda m: m.group(1) + str(HEADINGS[m.group(2)]), html)
    if lang != "en":
        html = html.replace('<a class="hover_property" ', '<a class="hover_property" lang="en" ')
    content = _CONTENT.search(html).group(1)
    toc = _TOC.search(html).group(1)
    seen: set[str] = set()

    def unique(match: re.Match) -> str:
        name = match.group(1)
        while name in seen:
            name += "-2"
        seen.add(name)
        return f'id="{name}"'

    content = _ID.sub(unique, content)

    def anchor(match: re.Match) -> str:
        opening, section_id, local_name = match.groups()
        if section_id == local_name or local_name in seen:
            return opening
        seen.add(local_name)
        return f'{opening}<span id="{local_name}"></span>'

    content = _SECTION.sub(anchor, content)
    for level, name in (("h3", "toc-title"), ("h4", "toc-group")):
        toc = toc.replace(f"<{level}>", f'<p class="{name}">').replace(f"</{level}>", "</p>")
    return Markup(content), Markup(toc)
