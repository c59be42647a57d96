"""What an entity page shows, gathered from the store: properties, links, sections."""

from dataclasses import dataclass, field

from rk.namespaces import PROV, RDF
from rk.store import Store
from rk.web.pages import page_queries
from rk.web.pages.labels import LabelIndex
from rk.web.pages.terms import Term, bound, rows



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
    jsonld: bytes = b""  # the data document as JSON-LD
    public_sources: list[dict[str, Term]] = field(default_factory=list)  # pages of the public record: source, url
    # section name → its named results (see kinds.Section)
    sections: dict[str, dict[str, list[dict[str, Term]]]] = field(default_factory=dict)


def gather(store: Store, labels: LabelIndex, sections, iri: str, lang: str) -> Entity | None:
    """The entity `iri` in `lang` with `sections` (kinds.Section), or None if the dataset
    says nothing about it. Every query of the page, its JSON-LD document included
    (`Entity.jsonld`), goes to the store as one batch."""
    named = {"outgoing": page_queries.OUTGOING, "inbound": page_queries.INBOUND,
             "discrepancies": page_queries.DISCREPANCIES, "inferences": page_queries.INFERENCES,
             "public_sources": page_queries.SOURCES_OF}
    for section in sections:
        named.update({(section.name, name): sparql for name, sparql in section.queries.items()})
    batch = [(bound(sparql, iri), page_queries.ROWS) for sparql in named.values()]
    batch.append((bound(page_queries.DOCUMENT, iri), page_queries.JSONLD))
    *answers, document = store.query_many(batch)
    found = {name: rows(answer) for name, answer in zip(named, answers)}
    outgoing = found["outgoing"]
    if not outgoing:
        return None
    by_property: dict[str, list[Term]] = {}
    for row in outgoing:
        by_property.setdefault(row["p"].value, []).append(row["o"])
    types = [term.value for term in by_property.get(str(RDF.type), []) if term.is_iri]
    public = {row["source"].value for row in found["public_sources"]}
    sources = [term.value for term in by_property.get(str(PROV.wasDerivedFrom), []) if term.value not in public]
    properties = sorted(
        ((prop, _ordered(values, labels, lang)) for prop, values in by_property.items()
         if prop != str(RDF.type)),  # the types are shown as the thing's kind
        key=lambda item: labels.show(item[0], lang).casefold(),
    )
    inbound = sorted(
        ((row["s"].value, row["p"].value) for row in found["inbound"]),
        key=lambda pair: (labels.show(pair[1], lang), labels.show(pair[0], lang)),
    )
    entity = Entity(
        iri,
        labels.show(iri, lang),
        types,
        properties,
        inbound,
        sources,
        found["discrepancies"],
        _in_language(found["inferences"], lang),
        public_sources=found["public_sources"],
        jsonld=document.serialize("jsonld"),
    )
    for section in sections:
        entity.sections[section.name] = {
            name: found[section.name, name] for name in section.queries
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
