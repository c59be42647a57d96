"""One page of every kind the site serves to people (besides the editor at /sparql), for the
accessibility, validity and narrow-screen tests: the fixed pages, one entity page per kind
of key under /id/ (`ENTITY_KINDS`; `test_every_entity_kind_is_covered` fails when the data
gains a kind not listed), the views, the ontology, the operator's pages and a 404.
"""

from rk.namespaces import BASE

FIXED = [
    "/", "/list/forums", "/list/events", "/list/projects", "/list/projects?forum=04", "/list/sources",
    "/search?q=essen", "/search", "/dataset", "/download/", "/queries", "/api", "/views", "/views/moderation",
    "/views/timeline", "/views/network", "/views/map", "/views/projects", "/ontology.html",
    "/impressum", "/datenschutz", "/barrierefreiheit", "/kontakt", "/no/such/page",
]
# the first segments of the keys under /id/ (forum/04, person/…, action-field, …)
ENTITY_KINDS = [
    "action-field", "cabinet-decision-2019-11-05", "cabinet-decision-nrw-tag", "department", "discrepancy", "discrepancy-kind",
    "event", "event-format", "figure", "forum", "geo-coordinates", "geometry", "inference", "link", "measure",
    "moderation", "organization", "person", "phase", "place", "post", "project", "project-status", "public-record",
    "ruhr-konferenz", "sector", "source", "status-report", "venue",
]
# the richest page of a kind where the first in key order would show little
CHOSEN = {"forum": "forum/04", "person": "person/andreas-pinkwart", "event": "event/04-1",
          "venue": "venue/ruhrfestspielhaus", "place": "place/essen", "department": "department/mwide"}
LANGUAGES = ("de", "en")


def keys(store) -> list[str]:
    """Every key under /id/ in the built data, sorted."""
    prefix = BASE + "id/"
    return sorted({q.subject.value[len(prefix):] for q in store.quads_for_pattern(None, None, None)
                   if q.subject.value.startswith(prefix)})


def entity_page(store, kind: str) -> str:
    """/page/KEY of the chosen or else the first instance whose key starts with `kind`."""
    if kind in CHOSEN:
        return f"/page/{CHOSEN[kind]}"
    return "/page/" + next(key for key in keys(store) if key.split("/")[0] == kind)


def resolve(store, kind: str) -> str:
    """The path to test for a page kind: a fixed path, or an entity kind's page."""
    return kind if kind.startswith("/") else entity_page(store, kind)


EVERY_KIND = FIXED + ENTITY_KINDS


def in_language(path: str, lang: str) -> str:
    """`path` asking for `lang` by parameter (German is the default: no parameter)."""
    if lang == "de":
        return path
    return path + ("&" if "?" in path else "?") + "lang=" + lang
