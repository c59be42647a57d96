"""What every page shares: the label index, the counts, links and the template helpers."""

from dataclasses import dataclass

from flask import Flask, current_app, g, render_template, request, url_for
from markupsafe import Markup, escape
from werkzeug.exceptions import NotAcceptable

from rk.web.http import conneg
from rk.web.pages import i18n, kinds
from rk.web.pages.labels import LabelIndex
from rk.web.pages.terms import PATH


def init_app(app: Flask) -> None:
    """Read labels, counts and the entity sections from the store once; give templates
    their helpers."""
    store = app.extensions["rk.store"]
    app.extensions["rk.labels"] = LabelIndex(store, app.config["BASE_IRI"])
    app.extensions["rk.counts"] = kinds.counts(store)
    app.extensions["rk.sections"] = kinds.SectionIndex(store)
    app.context_processor(_helpers)


def sections(iri: str) -> tuple:
    """The sections (kinds.Section) the page of `iri` shows."""
    return current_app.extensions["rk.sections"].of(iri)


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


@dataclass(frozen=True)
class Links:
    """The prefixes of this request's links, built with url_for once per request."""

    instances: str  # BASE_IRI + "id/"
    terms: str  # BASE_IRI + "ontology#"
    page: str  # where /page/{key} is mounted
    data: str  # where /data/{key}.{suffix} is mounted
    ontology: str  # the ontology documentation, up to its fragment
    lang: str  # "?lang=…" when the language was chosen explicitly, else ""

    def page_of(self, path: str) -> str:
        return self.page + path + self.lang

    def data_of(self, path: str, suffix: str) -> str:
        return f"{self.data}{path}.{suffix}"


def links() -> Links:
    """This request's link prefixes (computed on first use)."""
    found = g.get("rk_links")
    if found is None:
        base = current_app.config["BASE_IRI"]
        page = url_for("pages.page", path="x")
        data = url_for("pages.data", path="x", suffix="ttl")
        lang = lang_args()
        found = g.rk_links = Links(
            base + "id/", base + "ontology#", page[:-1], data[: -len("x.ttl")],
            url_for("ontology.document", suffix="html") + "#",
            f"?lang={lang['lang']}" if lang else "",
        )
    return found


def href(iri: str, prefixes: Links | None = None) -> str:
    """Where a link to `iri` goes: its page here, the ontology documentation, or `iri`."""
    prefixes = prefixes or links()
    if iri.startswith(prefixes.instances):
        path = iri[len(prefixes.instances):]
        if PATH.fullmatch(path):
            return prefixes.page_of(path)
    elif iri.startswith(prefixes.terms):
        return prefixes.ontology + iri[len(prefixes.terms):]
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


_MADE_LINKS = 50_000  # links remembered per link prefixes and language, at most


def _made_links(prefixes: Links, lang: str) -> dict[str, Markup]:
    """The links written so far with these prefixes in `lang`, by IRI: the dataset and its
    labels do not change while the app runs, so each link is written once."""
    made = current_app.extensions.setdefault("rk.links", {})
    found = made.get((prefixes, lang))
    if found is None or len(found) > _MADE_LINKS:
        found = made[prefixes, lang] = {}
    return found


def _helpers() -> dict:
    """The templates' helpers for this request; `iri` and `term` write a link (or a
    literal) in Python, as a Jinja macro call costs more than the link itself."""
    lang = i18n.page_language()
    show = labels().show
    prefixes = links()
    made = _made_links(prefixes, lang)

    def link_to(iri: str) -> Markup:
        found = made.get(iri)
        if found is None:
            found = made[iri] = Markup(
                f'<a href="{escape(href(iri, prefixes))}">{escape(show(iri, lang))}</a>')
        return found

    def iri(value) -> Markup:
        """A link to the IRI `value` with its label ("" for none)."""
        return link_to(value) if value else Markup("")

    def term(value) -> Markup:
        """A link for an IRI term, the value in a span (with its language) otherwise."""
        if value.is_iri:
            return link_to(value.value)
        lang_attribute = f' lang="{escape(value.lang)}"' if value.lang else ""
        return Markup(f"<span{lang_attribute}>{escape(value.value)}</span>")

    return {
        "t": lambda key: i18n.text(key, lang),
        "label": lambda iri: show(iri, lang),
        "href": lambda iri: href(iri, prefixes),
        "iri": iri,
        "term": term,
        "lang_args": lang_args(),
        "other_lang": "en" if lang == "de" else "de",
    }
