"""What every page shares: the label index, the counts, links and the template helpers."""

from flask import Flask, current_app, render_template, request, url_for
from werkzeug.exceptions import NotAcceptable

from rk.web.http import conneg
from rk.web.pages import i18n, kinds
from rk.web.pages.labels import LabelIndex
from rk.web.pages.terms import instance_path


def init_app(app: Flask) -> None:
    """Read labels and counts from the store once; give templates their helpers."""
    store = app.extensions["rk.store"]
    app.extensions["rk.labels"] = LabelIndex(store, app.config["BASE_IRI"])
    app.extensions["rk.counts"] = kinds.counts(store)
    app.context_processor(_helpers)


def labels() -> LabelIndex:
    """The current app's label index."""
    return current_app.extensions["rk.labels"]


def counts() -> dict[str, int]:
    """Things per kind (by list name), read at app start."""
    return current_app.extensions["rk.counts"]


def lang_args() -> dict:
    """The query arguments that keep an explicitly chosen language on the next page."""
    lang = request.args.get("lang")
    return {"lang": lang} if lang in i18n.LANGUAGES else {}


def href(iri: str) -> str:
    """Where a link to `iri` goes: its page here, the ontology documentation, or `iri`."""
    base = current_app.config["BASE_IRI"]
    path = instance_path(base, iri)
    if path is not None:
        return url_for("pages.page", path=path, **lang_args())
    if iri.startswith(base + "ontology#"):
        return url_for("ontology.document", suffix="html") + "#" + iri.split("#", 1)[1]
    return iri


def negotiated(formats) -> conneg.Format:
    """The format the request asks for among `formats` (`format` parameter, else Accept), or 406."""
    fmt = conneg.choose(request.args.getlist("format"), request.headers.get("Accept"), formats)
    if fmt is None:
        raise NotAcceptable(conneg.offer(formats))
    return fmt


def render(template: str, status: int = 200, **context):
    """Render a page template in the page language."""
    lang = i18n.page_language()
    body = render_template(template, lang=lang, **context)
    return current_app.response_class(body, status, content_type="text/html; charset=utf-8")


def _helpers() -> dict:
    lang = i18n.page_language()
    return {
        "t": lambda key: i18n.text(key, lang),
        "label": lambda iri: labels().show(iri, lang),
        "href": href,
        "lang_args": lang_args(),
        "other_lang": "en" if lang == "de" else "de",
    }
