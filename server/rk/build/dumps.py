"""Deterministic serialisations of the dataset, and the five download dumps built from them.

Turtle and N-Triples hold one graph: the union of ontology, data and inferred triples.
N-Quads, TriG and JSON-LD hold every named graph except the meta graph. No dump holds the
meta graph, because the meta graph states each dump's byte size (DCAT): a dump that held
it would change its own size. So the order is dumps → sizes → meta graph → dataset.nq,
and the description stays available in build/dataset.nq, at /dataset and /.well-known/void.

Every function returns the same bytes for the same graphs (blank nodes must already carry
stable labels, see `rk.build.loader.relabel_blank_nodes`).
"""

import io
import json
from dataclasses import dataclass

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.serializers.trig import TrigSerializer

from rk.build.loader import new_dataset
from rk.namespaces import (
    BASE, GRAPH_DATA, GRAPH_INFERRED, GRAPH_ONTOLOGY, GRAPH_SHAPES, PREFIXES, bind_prefixes,
)
from rk.paths import DUMP_STEM

DOWNLOAD_BASE = BASE + "download/"
TRIPLE_GRAPHS = (GRAPH_ONTOLOGY, GRAPH_DATA, GRAPH_INFERRED)
QUAD_GRAPHS = (GRAPH_ONTOLOGY, GRAPH_DATA, GRAPH_INFERRED, GRAPH_SHAPES)


@dataclass(frozen=True)
class DumpFormat:
    """One dump: its file suffix, media type, EU file-type code and what it holds."""

    suffix: str
    label: str
    media_type: str
    file_type: str
    quads: bool

    @property
    def name(self) -> str:
        return f"{DUMP_STEM}.{self.suffix}"

    @property
    def url(self) -> URIRef:
        return URIRef(DOWNLOAD_BASE + self.name)


FORMATS = (
    DumpFormat("ttl", "Turtle", "text/turtle", "RDF_TURTLE", quads=False),
    DumpFormat("nt", "N-Triples", "application/n-triples", "RDF_N_TRIPLES", quads=False),
    DumpFormat("nq", "N-Quads", "application/n-quads", "RDF_N_QUADS", quads=True),
    DumpFormat("trig", "TriG", "application/trig", "RDF_TRIG", quads=True),
    DumpFormat("jsonld", "JSON-LD", "application/ld+json", "JSON_LD", quads=True),
)


def sorted_lines(text: str) -> bytes:
    """N-Triples or N-Quads text with its lines sorted, so equal graphs give equal bytes."""
    lines = sorted(line for line in text.splitlines() if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8")


def nquads(dataset: Dataset) -> bytes:
    """The dataset as N-Quads with sorted lines."""
    return sorted_lines(dataset.serialize(format="nquads"))


def trig(dataset: Dataset) -> bytes:
    """The dataset as TriG with its graphs in IRI order (rdflib's order depends on hashing)."""
    serializer = TrigSerializer(dataset)
    serializer.contexts.sort(key=lambda graph: str(graph.identifier))
    stream = io.BytesIO()
    serializer.serialize(stream, encoding="utf-8")
    return stream.getvalue()


def jsonld(dataset: Dataset) -> bytes:
    """The dataset as JSON-LD with the project's prefixes as context and every set sorted."""
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    document = json.loads(dataset.serialize(format="json-ld", context=context))
    return json.dumps(_ordered(document), indent=2, ensure_ascii=False).encode("utf-8")


def _ordered(value, is_list: bool = False):
    """`value` with object keys and array items sorted, except the items of an `@list`."""
    if isinstance(value, dict):
        return {key: _ordered(item, key == "@list") for key, item in sorted(value.items())}
    if isinstance(value, list):
        items = [_ordered(item) for item in value]
        return items if is_list else sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return value


def dump_contents(dataset: Dataset) -> tuple[Graph, Dataset]:
    """The two things the dumps hold: the union of TRIPLE_GRAPHS, and QUAD_GRAPHS as a dataset."""
    union = Graph()
    bind_prefixes(union)
    quads = new_dataset()
    for iri in QUAD_GRAPHS:
        target = quads.graph(iri)
        for triple in dataset.graph(iri):
            target.add(triple)
            if iri in TRIPLE_GRAPHS:
                union.add(triple)
    return union, quads


def dumps(dataset: Dataset) -> dict[str, bytes]:
    """File name → bytes of each of the five dumps."""
    union, quads = dump_contents(dataset)
    serialised = {
        "ttl": union.serialize(format="turtle", encoding="utf-8"),
        "nt": sorted_lines(union.serialize(format="nt")),
        "nq": nquads(quads),
        "trig": trig(quads),
        "jsonld": jsonld(quads),
    }
    return {dump.name: serialised[dump.suffix] for dump in FORMATS}
