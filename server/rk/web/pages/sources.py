"""The sources in three groups, kept apart on the pages: the five source documents
("Quellen"), the web pages of the public record ("Weitere öffentliche Quellen", each with
its address) and the references of the link files (reference lists, Wikipedia articles)."""

from dataclasses import dataclass

from rk.store import Store
from rk.web.pages import page_queries
from rk.web.pages.terms import rows

GROUPS = ("documents", "public_record", "link_evidence")


@dataclass(frozen=True)
class Source:
    iri: str
    group: str
    url: str | None


def _group(row) -> str:
    if "file" in row:
        return "documents"
    return "public_record" if row["record"].value == "true" else "link_evidence"


def grouped(store: Store) -> dict[str, list[Source]]:
    """Every rk:SourceDocument once, in its group (the caller orders each group); a source
    with two addresses (a Wikipedia article under http and https) keeps the first."""
    found: dict[str, Source] = {}
    for row in rows(store.query(page_queries.SOURCES)):
        iri = row["source"].value
        if iri not in found:
            found[iri] = Source(iri, _group(row), row["url"].value if "url" in row else None)
    return {name: [s for s in found.values() if s.group == name] for name in GROUPS}
