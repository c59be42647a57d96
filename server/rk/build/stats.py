"""Counts of the built dataset: triples per named graph, instances per class."""

from collections import Counter

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from rk.namespaces import GRAPH_DATA, GRAPH_INFERRED, NAMED_GRAPHS


def triples_per_graph(dataset: Dataset) -> dict[str, int]:
    """Number of triples in each of the project's named graphs."""
    return {str(iri): len(dataset.graph(iri)) for iri in NAMED_GRAPHS}


def instances_per_class(dataset: Dataset) -> dict[str, int]:
    """Distinct instances per class over asserted and inferred data."""
    members: dict = {}
    for graph_iri in (GRAPH_DATA, GRAPH_INFERRED):
        for subject, cls in dataset.graph(graph_iri).subject_objects(RDF.type):
            members.setdefault(cls, set()).add(subject)
    counts = Counter({str(cls): len(subjects) for cls, subjects in members.items()})
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def format_table(rows: dict[str, int], heading: tuple[str, str], namespaces: Graph) -> str:
    """A two-column plain-text table with compact IRIs."""
    names = [namespaces.namespace_manager.normalizeUri(URIRef(name)) for name in rows]
    width = max([len(heading[0])] + [len(name) for name in names])
    lines = [f"{heading[0]:<{width}}  {heading[1]:>8}", "-" * (width + 10)]
    lines += [f"{name:<{width}}  {count:>8}" for name, count in zip(names, rows.values())]
    return "\n".join(lines)
