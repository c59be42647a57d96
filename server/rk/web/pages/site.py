"""What every page shares: the label index, the counts, links and the template helpers.

The templates also get _() and ngettext() from Jinja's i18n extension, which Flask-Babel
installs (see i18n.py)."""

from dataclasses import dataclass
from urllib.parse import quote

from flask import Flask, current_app, g, render_template, request, url_for
from flask_babel import gettext
from markupsafe import Markup, escape
from werkzeug.exceptions import NotAcceptable

from rk.namespaces import RK
from rk.web.http import conneg
from rk.web.pages import i18n, kinds, page_queries, values, wording
from rk.web.pages.labels import LabelIndex, compact
from rk.web.pages.terms import PATH


def init_app(app: Flask) -> None:
    """Read labels, types, counts, the entity sections and the release from the store once;
    give templates their helpers."""
    store = app.extensions["rk.store"]
    app.extensions["rk.labels"] = LabelIndex(store, app.config["BASE_IRI"])
    app.extensions["rk.counts"] = kinds.counts(store)
    app.extensions["rk.sections"] = kinds.SectionIndex(store)
    app.extensions["rk.types"] = page_queries.types(store)
    app.extensions["rk.release"] = page_queries.release(store)
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


def label(iri: str, lang: str) -> str:
    """The label of `iri`: the dataset's, else the site's own for other vocabularies, else a CURIE."""
    return labels().get(iri, lang) or str(wording.TERMS.get(iri, "")) or compact(iri)


def lang_attribute(iri: str, lang: str) -> Markup:
    """` lang="de"` when the label shown for `iri` is in another language than the page."""
    code = labels().language(iri, lang)[1]
    return Markup(f' lang="{escape(code)}"') if code and code != lang else Markup("")


def kind_names(types: list[str], lang: str) -> list[str]:
    """What a thing is, in words: the labels of its own (rk:) classes, else of the others named."""
    own = [t for t in types if t.startswith(str(RK))]
    chosen = own or [t for t in types if t in wording.TERMS]
    return list(dict.fromkeys(label(t, lang) for t in chosen))


def kind(iri: str, lang: str) -> str:
    """What the instance `iri` is, in words ("Themenforum", "Person")."""
    return ", ".join(kind_names(current_app.extensions["rk.types"].get(iri, []), lang))


def release(lang: str) -> dict | None:
    """The dataset's version (short) and release date in words, or None if unknown."""
    found = current_app.extensions["rk.release"]
    if not found:
        return None
    return {"version": found["version"][:12], "date": values.when(found["date"], None, lang)}


def negotiated(formats) -> conneg.Format:
    """The format the request asks for among `formats` (`format` parameter, else Accept), or 406."""
    fmt = conneg.choose(request.args.getlist("format"), request.headers.get("Accept"), formats)
    if fmt is None:
        raise NotAcceptable(conneg.offer(formats))
    return fmt


def render(template: str, status: int = 200, **context):
    """Render a page template in the page language; the answer varies by Accept-Language."""
    lang = i18n.page_language()
    body = render_template(template, lang=lang, **context)
    response = current_app.response_class(body, status, content_type="text/html; charset=utf-8")
    response.vary.add("Accept-Language")
    return response


MOMENTS = (values.XSD + "date", values.XSD + "dateTime")  # literals shown in <time>
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
    config = current_app.config
    prefixes = links()
    made = _made_links(prefixes, lang)

    def link_to(iri: str) -> Markup:
        found = made.get(iri)
        if found is None:
            found = made[iri] = Markup(
                f'<a href="{escape(href(iri, prefixes))}"{lang_attribute(iri, lang)}>'
                f'{escape(label(iri, lang))}</a>')
        return found

    def iri(value) -> Markup:
        """A link to the IRI `value` with its label ("" for none)."""
        return link_to(value) if value else Markup("")

    def term(value) -> Markup:
        """A link for an IRI term; a date in <time>, other values in a span (with their
        language), written for the page's language."""
        if value.is_iri:
            return link_to(value.value)
        text = escape(values.literal(value.value, value.datatype, lang))
        if value.datatype in MOMENTS:
            return Markup(f'<time datetime="{escape(value.value)}">{text}</time>')
        lang_of = f' lang="{escape(value.lang)}"' if value.lang else ""
        return Markup(f"<span{lang_of}>{text}</span>")

    def when(start, end=None) -> Markup:
        """A period in a <time> element ("" without a start)."""
        if not start:
            return Markup("")
        return Markup(f'<time datetime="{escape(start)}">{escape(values.when(start, end, lang))}</time>')

    return {
        "label": lambda iri: label(iri, lang),
        "kind": lambda iri: kind(iri, lang),
        "lang_of": lambda iri: lang_attribute(iri, lang),
        "href": lambda iri: href(iri, prefixes),
        "iri": iri,
        "term": term,
        "when": when,
        "literal": lambda term: values.literal(term.value, term.datatype, lang),
        "moments": MOMENTS,
        "period": lambda start, end=None: values.when(start, end, lang),
        "number": lambda value: values.number(value, lang),
        "release": release(lang),
        "lang_args": lang_args(),
        "other_lang": "en" if lang == "de" else "de",
        "list_titles": wording.LIST_TITLES,
        "view_titles": wording.VIEW_TITLES,
        "view_intros": wording.VIEW_INTROS,
        "relation_names": wording.RELATION_NAMES,
        "precision_names": wording.PRECISIONS,
        "format_names": wording.FORMAT_NAMES,
        "source_groups": wording.SOURCE_GROUPS,
        "operator": config["OPERATOR"],
    }


def report_link(iri: str, title: str) -> str:
    """Where "report an error in these data" leads: a prepared e-mail, else the contact page."""
    address = current_app.config["CONTACT_EMAIL"]
    if not address:
        return url_for("legal.contact", about=request.path, **lang_args())
    subject = quote(gettext("Data error: %(title)s (%(iri)s)", title=title, iri=iri))
    body = quote(request.url)
    return f"mailto:{address}?subject={subject}&body={body}"

