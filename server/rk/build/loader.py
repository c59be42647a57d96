"""Parse the project's Turtle files into the named graphs of one rdflib Dataset."""

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import to_canonical_graph

from rk.build.errors import BuildError
from rk.namespaces import GRAPH_DATA, GRAPH_ONTOLOGY, GRAPH_SHAPES, bind_prefixes
from rk.paths import DATA_DIR, ONTOLOGY_DIR, SHAPES_DIR


@dataclass(frozen=True)
class Source:
    """A folder of Turtle files and the named graph they load into."""

    folder: Path
    graph: URIRef


def default_sources() -> list[Source]:
    """The project's inputs: ontology, data and shapes."""
    return [
        Source(ONTOLOGY_DIR, GRAPH_ONTOLOGY),
        Source(DATA_DIR, GRAPH_DATA),
        Source(SHAPES_DIR, GRAPH_SHAPES),
    ]


def check_syntax(path: Path) -> None:
    """Raise BuildError naming file and line when `path` is not valid Turtle.

    pyoxigraph's parser is strict (it rejects what rdflib tolerates) and reports
    line and column, so it is the one that judges syntax.
    """
    try:
        for _ in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
            pass
    except SyntaxError as error:
        raise BuildError(f"{path}: Turtle syntax error: {error.msg}") from error


def parse_turtle(path: Path) -> Graph:
    """Parse one Turtle file after checking its syntax."""
    check_syntax(path)
    graph = Graph()
    graph.parse(path, format="turtle")
    return graph


def new_dataset() -> Dataset:
    """An empty dataset with the project's prefixes bound."""
    dataset = Dataset()
    bind_prefixes(dataset)
    return dataset


def relabel_blank_nodes(dataset: Dataset) -> None:
    """Give blank nodes labels computed from their graph (rdflib.compare's canonical
    labelling) instead of the parser's random ones, so equal inputs give equal bytes."""
    for graph in list(dataset.graphs()):
        if not any(isinstance(term, BNode) for triple in graph for term in triple):
            continue
        canonical = list(to_canonical_graph(graph))
        graph.remove((None, None, None))
        for triple in canonical:
            graph.add(triple)


def load(sources: list[Source]) -> Dataset:
    """Load every `*.ttl` of each source folder into its named graph, blank nodes relabelled."""
    dataset = new_dataset()
    for source in sources:
        files = sorted(source.folder.glob("*.ttl"))
        if not files:
            raise BuildError(f"{source.folder}: no Turtle files to load")
        target = dataset.graph(source.graph)
        for path in files:
            for triple in parse_turtle(path):
                target.add(triple)
    relabel_blank_nodes(dataset)
    return dataset
