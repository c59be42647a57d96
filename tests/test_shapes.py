"""Every SHACL shape fires on its invalid fixture (tests/shapes/invalid/*.ttl); the real data conforms."""

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from rk.build.pipeline import union
from rk.build.validation import validate
from rk.namespaces import GRAPH_DATA, GRAPH_INFERRED, GRAPH_ONTOLOGY, GRAPH_SHAPES, SHAPES

FIXTURES = sorted((Path(__file__).parent / "shapes" / "invalid").glob("*.ttl"))


def header(path: Path) -> dict[str, str]:
    """The `# key: value` lines at the top of a fixture."""
    fields = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("# "):
            break
        key, _, value = line[2:].partition(": ")
        fields[key] = value
    return fields


def neighbourhood(valid: Graph, fixture: Graph, hops: int = 2) -> Graph:
    """The fixture, the ontology, and what the valid graph says about the nodes the
    fixture mentions and their neighbours, up to `hops` steps (a small graph validates fast)."""
    graph = Graph()
    for triple in fixture:
        graph.add(triple)
    nodes = {node for triple in fixture for node in (triple[0], triple[2]) if isinstance(node, URIRef)}
    nodes |= set(valid.subjects(RDF.type, OWL.Class)) | set(valid.subjects(RDFS.subClassOf, None))
    for _ in range(hops):
        reached = set()
        for node in nodes:
            for triple in valid.triples((node, None, None)):
                graph.add(triple)
                if isinstance(triple[2], URIRef):
                    reached.add(triple[2])
        nodes = reached
    return graph


def owned_shapes(shapes: Graph, node_shape: URIRef) -> set[str]:
    """Names (as the report prints them) of a node shape and of its named property shapes."""
    names = {shapes.namespace_manager.normalizeUri(node_shape)}
    names |= {shapes.namespace_manager.normalizeUri(p) for p in shapes.objects(node_shape, SH.property)
              if isinstance(p, URIRef)}
    return names


@pytest.fixture(scope="module")
def valid_graph(build_result):
    dataset = build_result.dataset
    return union(dataset.graph(GRAPH_ONTOLOGY), dataset.graph(GRAPH_DATA), dataset.graph(GRAPH_INFERRED))


@pytest.fixture(scope="module")
def shapes(build_result):
    return build_result.dataset.graph(GRAPH_SHAPES)


def test_every_node_shape_has_a_fixture(shapes):
    node_shapes = {str(s).removeprefix(str(SHAPES)) for s in shapes.subjects(RDF.type, SH.NodeShape)}
    covered = {header(path)["shape"] for path in FIXTURES}
    assert node_shapes - covered == set()


def test_real_data_conforms(valid_graph, shapes):
    outcome = validate(valid_graph, shapes)
    assert outcome.conforms, outcome.text()


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_shape_fires_on_fixture(path, valid_graph, shapes):
    expected = header(path)
    fixture = Graph().parse(path, format="turtle")
    graph = neighbourhood(valid_graph, fixture)
    outcome = validate(graph, shapes)
    assert not outcome.conforms, f"{path.name}: {expected['why']} was accepted"
    focus = graph.namespace_manager.normalizeUri(URIRef(expected["focus"]))
    owned = owned_shapes(shapes, SHAPES[expected["shape"]])
    assert any(v.focus == focus and v.shape in owned for v in outcome.violations), outcome.text()
    assert all(v.message for v in outcome.violations)
