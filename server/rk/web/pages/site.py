"""What every page shares: the label index, the counts, links and the template helpers.

The templates also get _() and ngettext() from Jinja's i18n extension, which Flask-Babel
installs (see i18n.py)."""

from urllib.parse import quote

from flask import Flask, current_app, render_template, request, url_for
from flask_babel import gettext
from markupsafe import Markup, escape
from werkzeug.exceptions import NotAcceptable

from rk.namespaces import RK
from rk.web.http import conneg
from rk.web.pages import i18n, page_queries, values, wording
from rk.web.pages.labels import LabelIndex, compact
from rk.web.pages.terms import instance_path


def init_app(app: Flask) -> None:
    """Read labels, types, counts and the release from the store once; give templates their helpers."""
    store = app.extensions["rk.store"]
    app.extensions["rk.labels"] = LabelIndex(store, app.config["BASE_IRI"])
    app.extensions["rk.counts"] = page_queries.counts(store)
    app.extensions["rk.types"] = page_queries.types(store)
    app.extensions["rk.release"] = page_queries.release(store)
    app.context_processor(_helpers)


def labels() -> LabelIndex:
    """The current app's label index."""
    return current_app.extensions["rk.labels"]


def counts() -> dict[str, int]:
    """Instances per counted class, read at app start."""
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
        return url_for("ontology.document", suffix="html", **lang_args()) + "#" + iri.split("#", 1)[1]
    return iri


def label(iri: str, lang: str) -> str:
    """The label of `iri`: the dataset's, else the site's own for other vocabularies, else a CURIE."""
    return labels().get(iri, lang) or str(wording.TERMS.get(iri, "")) or compact(iri)


def lang_attribute(iri: str, lang: str) -> Markup:
    """` lang="de"` when the label shown for `iri` is in another language than the page."""
    code = labels().language(iri, lang)[1]
    return Markup(f' lang="{escape(code)}"') if code and code != lang else Markup("")


def kinds(types: list[str], lang: str) -> list[str]:
    """What a thing is, in words: the labels of its own (rk:) classes, else of the others named."""
    own = [t for t in types if t.startswith(str(RK))]
    chosen = own or [t for t in types if t in wording.TERMS]
    return list(dict.fromkeys(label(t, lang) for t in chosen))


def kind(iri: str, lang: str) -> str:
    """What the instance `iri` is, in words ("Themenforum", "Person")."""
    return ", ".join(kinds(current_app.extensions["rk.types"].get(iri, []), lang))


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


def _helpers() -> dict:
    lang = i18n.page_language()
    config = current_app.config
    return {
        "label": lambda iri: label(iri, lang),
        "kind": lambda iri: kind(iri, lang),
        "lang_of": lambda iri: lang_attribute(iri, lang),
        "href": href,
        "literal": lambda term: values.literal(term.value, term.datatype, lang),
        "moments": (values.XSD + "date", values.XSD + "dateTime"),
        "period": lambda start, end=None: values.when(start, end, lang),
        "number": lambda value: values.number(value, lang),
        "release": release(lang),
        "lang_args": lang_args(),
        "other_lang": "en" if lang == "de" else "de",
        "list_titles": wording.LIST_TITLES,
        "view_titles": wording.VIEW_TITLES,
        "view_intros": wording.VIEW_INTROS,
        "relation_names": wording.RELATION_NAMES,
        "format_names": wording.FORMAT_NAMES,
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

