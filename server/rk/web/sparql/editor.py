"""The query editor that /sparql shows browsers: YASGUI from the vendored files, over a plain form.

The page works without JavaScript (a form that sends the query to /sparql); with it,
static/editor.js turns the form into a YASGUI editor on the same query.
"""

from flask import current_app, url_for

from rk.catalogue import NamedQuery
from rk.namespaces import SPARQL_PROLOGUE
from rk.web.api import routes as api_routes
from rk.web.http import caching, conneg
from rk.web.pages import i18n, site
from rk.web.sparql import examples

# the editor's scripts, in order: YASGUI and Chart.js, then ours (each plugs into YASGUI)
SCRIPTS = (
    "vendor/yasgui/yasgui.min.js", "vendor/chart.js/chart.umd.min.js", "editor-i18n.js",
    "editor-complete.js", "editor-table.js", "editor-chart.js", "code.js", "editor.js",
)
PROLOGUE = SPARQL_PROLOGUE
NEW_TAB = PROLOGUE + "\nSELECT * WHERE {\n  ?s ?p ?o .\n}\nLIMIT 10\n"
EXAMPLE = PROLOGUE + """
SELECT ?number ?forum ?label
WHERE {
  ?forum a rk:ThematicForum ;
         rk:forumNumber ?number ;
         rdfs:label ?label .
  FILTER(lang(?label) = "de")
}
ORDER BY ?number
"""


def page(summary, endpoint_iri: str, text: str | None = None, entry: NamedQuery | None = None):
    """The editor on `text` (run at once: it came in a link), on a catalogue `entry`, or on the example."""
    lang = i18n.page_language()
    initial = text if text is not None else entry.example_text if entry is not None else EXAMPLE
    tag = caching.etag(summary.version, "editor", endpoint_iri, lang, initial, text is not None)
    cached = caching.not_modified(tag)
    if cached is not None:
        cached.vary.add("Accept-Language")
        return cached
    choices = [_choice(item, lang) for item in examples.entries().values()]
    response = site.render(
        "sparql/form.html",
        endpoint=endpoint_iri,
        summary=summary,
        initial=initial,
        run=text is not None,
        entry=entry,
        choices=choices,
        scripts=SCRIPTS,
        chart=_chart(entry) if entry is not None and text is None else "",
        api=_api_url(entry) if entry is not None and text is None else "",
        new_tab=NEW_TAB,
        formats=conneg.SOLUTIONS + conneg.GRAPH,
        config=current_app.config,
        catalogue_url=url_for("queries.listing", **site.lang_args()),
    )
    response.vary.add("Accept-Language")
    return caching.mark(response, tag)


def _chart(entry: NamedQuery) -> str:
    """`KIND LABEL VALUE` of a counting catalogue query, else empty."""
    return f"{entry.chart.kind} {entry.chart.label} {entry.chart.value}".strip() if entry.chart else ""


def _api_url(entry: NamedQuery) -> str:
    """The example call of a parameterised query at /api, else empty."""
    return api_routes.example_url(entry, _external=True) if entry.parameters and not examples.is_graph(entry) else ""


def _choice(entry: NamedQuery, lang: str) -> dict:
    """One option of the selector: what it loads (the example call for a query with parameters)."""
    url = url_for("queries.text", name=entry.name)
    if entry.parameters:
        url = api_routes.example_url(entry, "rq")
    return {"name": entry.name, "title": examples.title(entry, lang), "description": entry.description,
            "url": url, "chart": _chart(entry), "api": _api_url(entry)}
