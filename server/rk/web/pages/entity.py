"""What an entity page shows, gathered from the store: properties, links, sections."""

from dataclasses import dataclass, field

from rk.namespaces import PROV, RDF
from rk.store import Store
from rk.web.pages import kinds, page_queries
from rk.web.pages.labels import LabelIndex
from rk.web.pages.terms import Term



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
    inferences: list[dict[str, Term]] = field(default_factory=list)  # rk:EditorialInference about it
    public_sources: list[dict[str, Term]] = field(default_factory=list)  # pages of the public record: source, url
    # section name → its named results (see kinds.Section)
    sections: dict[str, dict[str, list[dict[str, Term]]]] = field(default_factory=dict)


def gather(store: Store, labels: LabelIndex, iri: str, lang: str) -> Entity | None:
    """The entity `iri` in `lang`, or None if the dataset says nothing about it."""
    outgoing = page_queries.about(store, page_queries.OUTGOING, iri)
    if not outgoing:
        return None
    by_property: dict[str, list[Term]] = {}
    for row in outgoing:
        by_property.setdefault(row["p"].value, []).append(row["o"])
    types = [term.value for term in by_property.get(str(RDF.type), []) if term.is_iri]
    public_sources = page_queries.about(store, page_queries.SOURCES_OF, iri)
    public = {row["source"].value for row in public_sources}
    sources = [term.value for term in by_property.get(str(PROV.wasDerivedFrom), []) if term.value not in public]
    properties = sorted(
        ((prop, _ordered(values, labels, lang)) for prop, values in by_property.items()),
        key=lambda item: (item[0] != str(RDF.type), labels.show(item[0], lang).casefold()),
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
        _in_language(page_queries.about(store, page_queries.INFERENCES, iri), lang),
        public_sources,
    )
    for section in kinds.sections_for(types):
        entity.sections[section.name] = {
            name: page_queries.about(store, sparql, iri) for name, sparql in section.queries.items()
        }
    return entity


def _in_language(rows: list[dict[str, Term]], lang: str) -> list[dict[str, Term]]:
    """One row per inference: its comment in `lang` where it has one, else any."""
    chosen: dict[str, dict[str, Term]] = {}
    for row in rows:
        key = (row["inference"].value, row["property"].value)
        if key not in chosen or (row.get("comment") and row["comment"].lang == lang):
            chosen[key] = row
    return list(chosen.values())


def _ordered(values: list[Term], labels: LabelIndex, lang: str) -> list[Term]:
    """Values in the page language first, then by label or lexical form."""
    return sorted(
        values,
        key=lambda term: (
            term.lang not in (None, lang),
            labels.show(term.value, lang).casefold() if term.is_iri else term.value,
        ),
    )
