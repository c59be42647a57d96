"""The `queries` blueprint: the named-query catalogue (queries/*.rq) as pages, text and JSON."""

from urllib.parse import urlencode

from flask import Blueprint, current_app, jsonify, url_for

from rk.catalogue import NamedQuery, catalogue
from rk.web.pages import i18n, site
from rk.web.pages.linked_data import not_found

bp = Blueprint("queries", __name__)
SPARQL_QUERY = "application/sparql-query"
# download links: (label, `format` value, file suffix) for solutions and for graphs
SOLUTION_LINKS = (("CSV", "csv", "csv"), ("JSON", "json", "json"))
GRAPH_LINKS = (("Turtle", "ttl", "ttl"), ("JSON-LD", "jsonld", "jsonld"))


@bp.record_once
def _load(state) -> None:
    """Read the catalogue once, when the blueprint is registered."""
    state.app.extensions["rk.catalogue"] = {entry.name: entry for entry in catalogue()}


def entries() -> dict[str, NamedQuery]:
    """The catalogue by name, in name order."""
    return current_app.extensions["rk.catalogue"]


def find(name: str) -> NamedQuery | None:
    """The catalogue entry `name`, or None: only names of the catalogue, never paths."""
    return entries().get(name)


def title(entry: NamedQuery, lang: str) -> str:
    """The entry's title in `lang` (the German one where no English title is given)."""
    return entry.title_en if lang == "en" and entry.title_en else entry.title


def is_graph(entry: NamedQuery) -> bool:
    """Whether the entry is a CONSTRUCT or DESCRIBE (its header counts triples, not rows)."""
    return entry.expected_triples_min is not None


def downloads(entry: NamedQuery) -> list[tuple[str, str, str]]:
    """(label, URL, file name) of the entry's results, straight from /sparql."""
    links = GRAPH_LINKS if is_graph(entry) else SOLUTION_LINKS
    endpoint = url_for("sparql.endpoint")
    return [
        (label, f"{endpoint}?{urlencode({'query': entry.example_text, 'format': fmt})}", f"{entry.name}.{suffix}")
        for label, fmt, suffix in links
    ]


@bp.route("/queries")
def listing():
    """Every catalogue query: title, description, expected size, editor and result links."""
    lang = i18n.page_language()
    items = [(entry, title(entry, lang), downloads(entry)) for entry in entries().values()]
    response = site.render("queries/list.html", items=items)
    response.vary.add("Accept-Language")
    return response


@bp.route("/queries.json")
def index():
    """The catalogue for the editor's selector: name, titles, description and text URL."""
    return jsonify([
        {
            "name": entry.name,
            "title": entry.title,
            "title_en": entry.title_en,
            "description": entry.description,
            "url": url_for("queries.text", name=entry.name),
            "editor": url_for("sparql.endpoint", catalogue=entry.name),
        }
        for entry in entries().values()
    ])


@bp.route("/queries/<name>.rq")
def text(name: str):
    """The text of one catalogue query, header included."""
    entry = find(name)
    if entry is None:
        return not_found()
    return current_app.response_class(entry.text, content_type=f"{SPARQL_QUERY}; charset=utf-8")
