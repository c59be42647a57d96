"""The ontology's HTML documentation, made by pyLODE at build time, one file per language.

pyLODE is given the ontology with the texts of one language only (German or English, the
other where a term has no text in it), so labels are not run together. The server shows
these files inside the site's own page (rk.web.publication.ontology); it never runs pyLODE
for a build that has them.
"""

from collections import defaultdict

from rdflib import Graph, Literal

LANGUAGES = ("de", "en")


def documentation(ontology: Graph) -> dict[str, bytes]:
    """pyLODE's HTML of `ontology`, by language."""
    turtle = ontology.serialize(format="turtle")
    return {lang: pylode_html(turtle, lang).encode("utf-8") for lang in LANGUAGES}


def pylode_html(turtle: str, lang: str) -> str:
    """pyLODE's page for the ontology in `turtle`, with the texts of `lang`."""
    from pylode import OntPub  # imported here: it is slow to import and only the build needs it

    graph = in_language(Graph().parse(data=turtle, format="turtle"), lang)
    return OntPub(ontology=graph.serialize(format="turtle")).make_html()


def in_language(graph: Graph, lang: str) -> Graph:
    """`graph` with, for each subject and property, only the texts in `lang` (or all, if none is)."""
    chosen = Graph()
    for prefix, namespace in graph.namespaces():
        chosen.bind(prefix, namespace)
    texts = defaultdict(list)
    for s, p, o in graph:
        if isinstance(o, Literal) and o.language:
            texts[(s, p)].append(o)
        else:
            chosen.add((s, p, o))
    for (s, p), literals in texts.items():
        for literal in [t for t in literals if t.language == lang] or literals:
            chosen.add((s, p, literal))
    return chosen
