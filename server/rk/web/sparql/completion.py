"""What the query editor completes and how it labels results, from this dataset only.

At app start the store is asked (with the store's time limit) how often each class and
property is used, which properties the instances of each class use, and which class each
instance has; the label index (`rk.web.pages.labels`) supplies the labels. Three GET
routes serve it, each with a dataset-derived ETag (so the browser and the front cache
keep it):

- /sparql/vocabulary.json: the prefixes of `rk.namespaces`, the classes and properties
  ranked by use, and per class its properties ranked by use;
- /sparql/instances.json?q=WORDS: instances whose label contains the words, with label
  and class (at most `limit`, default 20);
- /sparql/labels.json: the label of every IRI of this dataset, for the result tables.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from flask import Blueprint, Flask, current_app, jsonify, request
from werkzeug.exceptions import BadRequest

from rk.namespaces import BASE, PREFIXES
from rk.store import Store
from rk.web.http import caching
from rk.web.pages import i18n, site
from rk.web.pages.terms import rows

bp = Blueprint("completion", __name__)

CLASSES = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class FILTER(isIRI(?class)) } GROUP BY ?class"
PROPERTIES = "SELECT ?property (COUNT(*) AS ?n) WHERE { ?s ?property ?o } GROUP BY ?property"
CLASS_PROPERTIES = """SELECT ?class ?property (COUNT(*) AS ?n)
WHERE { ?s a ?class ; ?property ?o FILTER(isIRI(?class)) } GROUP BY ?class ?property"""
INSTANCE_CLASSES = f"""SELECT ?s ?class
WHERE {{ GRAPH <{BASE}graph/data> {{ ?s a ?class FILTER(STRSTARTS(STR(?s), "{BASE}id/")) }} }}"""
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
MAX_QUERY = 100  # characters of an instance search
MAX_HITS = 50
PAGES = {BASE + "id/": "/page/", BASE + "ontology#": "/ontology.html#"}


@dataclass(frozen=True)
class Vocabulary:
    """Classes and properties with their use counts, per-class properties, instance classes."""

    classes: Counter
    properties: Counter
    class_properties: dict[str, list[list]]  # class -> [property, uses by its instances], most used first
    instance_class: dict[str, str]


def read(store: Store) -> Vocabulary:
    """Ask the store for the counts (four queries, run once)."""
    classes = Counter({row["class"].value: int(row["n"].value) for row in rows(store.query(CLASSES))})
    properties = Counter(
        {row["property"].value: int(row["n"].value) for row in rows(store.query(PROPERTIES))}
    )
    by_class: dict[str, Counter] = defaultdict(Counter)
    for row in rows(store.query(CLASS_PROPERTIES)):
        by_class[row["class"].value][row["property"].value] = int(row["n"].value)
    asserted: dict[str, list[str]] = defaultdict(list)
    for row in rows(store.query(INSTANCE_CLASSES)):
        asserted[row["s"].value].append(row["class"].value)
    # the most specific asserted class: the one with the fewest instances
    instance_class = {
        iri: min(found, key=lambda c: (classes.get(c, 0), c)) for iri, found in asserted.items()
    }
    return Vocabulary(
        classes,
        properties,
        {c: [[p, n] for p, n in counts.most_common() if p != RDF_TYPE] for c, counts in by_class.items()},
        instance_class,
    )


def init_app(app: Flask) -> None:
    """Read the vocabulary once, after the label index (`site.init_app`)."""
    app.extensions["rk.vocabulary"] = read(app.extensions["rk.store"])


def vocabulary() -> Vocabulary:
    return current_app.extensions["rk.vocabulary"]


def _answer(payload_of, *key):
    """A JSON answer with a dataset-derived ETag over `key` and the page language."""
    lang = i18n.page_language()
    tag = caching.etag(current_app.extensions["rk.store"].dataset_version, request.path, *key, lang)
    cached = caching.not_modified(tag)
    if cached is None:
        cached = caching.mark(jsonify(payload_of(lang)), tag)
    cached.vary.add("Accept-Language")
    return cached


@bp.route("/sparql/vocabulary.json")
def vocabulary_json():
    """Prefixes, classes and properties ranked by use, and the properties of each class."""
    def payload(lang):
        found, labels = vocabulary(), site.labels()

        def terms(counts: Counter) -> list[dict]:
            return [{"iri": iri, "count": n, "label": labels.get(iri, lang)} for iri, n in counts.most_common()]

        return {
            "prefixes": {prefix: str(namespace) for prefix, namespace in PREFIXES.items()},
            "classes": terms(found.classes),
            "properties": terms(found.properties),
            "classProperties": found.class_properties,
        }
    return _answer(payload)


@bp.route("/sparql/instances.json")
def instances_json():
    """Instances whose label contains every word of `q`, with label and class."""
    words = request.args.get("q", "")
    if len(words) > MAX_QUERY:
        raise BadRequest(f"Parameter `q` must be at most {MAX_QUERY} characters.")
    limit = request.args.get("limit", "20")
    if not limit.isdigit() or not 1 <= int(limit) <= MAX_HITS:
        raise BadRequest(f"Parameter `limit` must be integer: a whole number from 1 to {MAX_HITS}.")

    def payload(lang):
        found, labels = vocabulary(), site.labels()
        hits = []
        for hit in labels.search(words, lang, int(limit)):
            kind = found.instance_class.get(hit.iri)
            hits.append({"iri": hit.iri, "label": hit.label, "class": kind,
                         "classLabel": labels.show(kind, lang) if kind else None})
        return {"q": words, "hits": hits}
    return _answer(payload, words, limit)


@bp.route("/sparql/labels.json")
def labels_json():
    """The label of every IRI of this dataset, and where its page is."""
    def payload(lang):
        labels = site.labels()
        return {
            "pages": PAGES,
            "labels": {iri: labels.get(iri, lang) for iri in labels.iris()
                       if any(iri.startswith(prefix) for prefix in PAGES)},
        }
    return _answer(payload)
