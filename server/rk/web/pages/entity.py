"""What an entity page shows, gathered from the store: properties, links, sections."""

from dataclasses import dataclass, field

from rk.namespaces import FOAF, PROV, RDF, RK
from rk.store import Store
from rk.web.pages import page_queries
from rk.web.pages.labels import LabelIndex
from rk.web.pages.terms import Term

# which purpose-built sections a class calls for (keys of page_queries.SECTIONS)
SECTION_CLASSES = {
    str(RK.ThematicForum): "forum",
    str(FOAF.Person): "person",
    str(RK.Department): "department",
    str(RK.Venue): "place",
    str(RK.City): "place",
}


@dataclass
class Entity:
    """One thing as its page shows it."""

    iri: str
    label: str
    types: list[str]
    properties: list[tuple[str, list[Term]]]
    inbound: list[tuple[str, str]]
    sources: list[str]
    discrepancies: list[dict[str, Term]]
    sections: dict[str, list[list[dict[str, Term]]]] = field(default_factory=dict)


def gather(store: Store, labels: LabelIndex, iri: str, lang: str) -> Entity | None:
    """The entity `iri` in `lang`, or None if the dataset says nothing about it."""
    outgoing = page_queries.about(store, page_queries.OUTGOING, iri)
    if not outgoing:
        return None
    by_property: dict[str, list[Term]] = {}
    for row in outgoing:
        by_property.setdefault(row["p"].value, []).append(row["o"])
    types = [term.value for term in by_property.get(str(RDF.type), []) if term.is_iri]
    sources = [term.value for term in by_property.get(str(PROV.wasDerivedFrom), [])]
    properties = sorted(
        ((prop, _ordered(values, labels, lang)) for prop, values in by_property.items()
         if prop != str(RDF.type)),  # the types are shown as the thing's kind
        key=lambda item: labels.show(item[0], lang).casefold(),
    )
    inbound = sorted(
        ((row["s"].value, row["p"].value) for row in
         page_queries.about(store, page_queries.INBOUND, iri)),
        key=lambda pair: (labels.show(pair[1], lang), labels.show(pair[0], lang)),
    )
    entity = Entity(
        iri,
        labels.show(iri, lang),
        types,
        properties,
        inbound,
        sources,
        page_queries.about(store, page_queries.DISCREPANCIES, iri),
    )
    for name in dict.fromkeys(SECTION_CLASSES[t] for t in types if t in SECTION_CLASSES):
        entity.sections[name] = [
            page_queries.about(store, sparql, iri) for sparql in page_queries.SECTIONS[name]
        ]
    return entity


def _ordered(values: list[Term], labels: LabelIndex, lang: str) -> list[Term]:
    """Values in the page language first, then by label or lexical form."""
    return sorted(
        values,
        key=lambda term: (
            term.lang not in (None, lang),
            labels.show(term.value, lang).casefold() if term.is_iri else term.value,
        ),
    )
