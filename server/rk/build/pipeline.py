"""The build: parse (Turtle, then the link files) → reason → validate → describe → dump → write.
Never imports the web stack."""

import time
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from rk.build.dcat import dcat_description
from rk.build.dumps import dumps
from rk.build.links import links_graph
from rk.build.loader import Source, default_sources, load
from rk.build.ontology_docs import documentation
from rk.build.metadata import version_statement, void_description
from rk.build.reasoning import infer
from rk.build.stats import triples_per_graph
from rk.build.validation import ValidationOutcome, validate
from rk.build.writer import write_build
from rk.namespaces import GRAPH_DATA, GRAPH_INFERRED, GRAPH_META, GRAPH_ONTOLOGY, GRAPH_SHAPES
from rk.paths import LINKS_DIR


@dataclass
class BuildResult:
    """What a build produced."""

    dataset: Dataset
    validation: ValidationOutcome
    manifest: dict = field(default_factory=dict)
    seconds: dict = field(default_factory=dict)


def union(*graphs: Graph) -> Graph:
    """One plain graph holding the triples of all `graphs`."""
    merged = Graph()
    for graph in graphs:
        for triple in graph:
            merged.add(triple)
    return merged


def assemble(sources: list[Source] | None = None, links: Path = LINKS_DIR) -> BuildResult:
    """Load (Turtle files, then the link files of `links` into the data graph), reason and
    validate in memory; write nothing."""
    timings = {}
    started = time.perf_counter()
    dataset = load(sources or default_sources())
    data = dataset.graph(GRAPH_DATA)
    for triple in links_graph(data, links):
        data.add(triple)
    timings["parse"] = time.perf_counter() - started

    started = time.perf_counter()
    ontology, data = dataset.graph(GRAPH_ONTOLOGY), dataset.graph(GRAPH_DATA)
    inferred_graph = dataset.graph(GRAPH_INFERRED)
    for triple in infer(ontology, data):
        inferred_graph.add(triple)
    timings["reason"] = time.perf_counter() - started

    started = time.perf_counter()
    outcome = validate(union(ontology, data, inferred_graph), dataset.graph(GRAPH_SHAPES))
    timings["validate"] = time.perf_counter() - started

    meta = dataset.graph(GRAPH_META)
    for triple in void_description(dataset):
        meta.add(triple)
    return BuildResult(dataset, outcome, seconds=timings)


def build(output: Path, sources: list[Source] | None = None) -> BuildResult:
    """Assemble the dataset and, if it conforms, write it, its dumps and the ontology's
    documentation (pyLODE, per language) to `output`.

    The dumps are serialised first, because the DCAT description of them, added to
    the meta graph, states their byte sizes (no dump holds the meta graph).
    A dataset that does not conform is never written, so a server reading
    `output` keeps the last good build.
    """
    result = assemble(sources)
    if result.validation.conforms:
        started = time.perf_counter()
        downloads = dumps(result.dataset)
        sizes = {name: len(content) for name, content in downloads.items()}
        meta = result.dataset.graph(GRAPH_META)
        for triple in dcat_description(result.dataset, sizes):
            meta.add(triple)
        version = version_statement(result.dataset)
        meta.add(version)
        result.seconds["dumps"] = time.perf_counter() - started
        started = time.perf_counter()
        ontology_html = documentation(result.dataset.graph(GRAPH_ONTOLOGY))
        result.seconds["ontology"] = time.perf_counter() - started
        started = time.perf_counter()
        result.manifest = write_build(output, result.dataset, result.validation.report,
                                      triples_per_graph(result.dataset), downloads, str(version[2]), ontology_html)
        result.seconds["write"] = time.perf_counter() - started
    return result
