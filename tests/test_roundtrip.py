"""Serialising the dataset and parsing it again gives isomorphic graphs."""

import json

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from rk.namespaces import NAMED_GRAPHS
from rk.paths import DATASET_NQ, DATASET_TRIG, MANIFEST


@pytest.mark.parametrize("name, fmt", [(DATASET_NQ, "nquads"), (DATASET_TRIG, "trig")])
def test_written_dataset_is_isomorphic_to_the_built_one(build_result, built_dir, name, fmt):
    reread = Dataset()
    reread.parse(built_dir / name, format=fmt)
    for iri in NAMED_GRAPHS:
        assert isomorphic(build_result.dataset.graph(iri), reread.graph(iri)), iri


@pytest.mark.parametrize("fmt", ["turtle", "xml", "json-ld", "nt"])
def test_data_graph_survives_each_format(build_result, fmt):
    from rk.namespaces import GRAPH_DATA
    original = build_result.dataset.graph(GRAPH_DATA)
    again = Graph().parse(data=original.serialize(format=fmt), format=fmt)
    assert isomorphic(original, again)


def test_manifest_counts_match(built_dir, build_result):
    manifest = json.loads((built_dir / MANIFEST).read_text())
    assert manifest["triples"] == {str(iri): len(build_result.dataset.graph(iri)) for iri in NAMED_GRAPHS}
    assert len(manifest["version"]) == 64
