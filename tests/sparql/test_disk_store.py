"""The on-disk store (`--store-dir`): same answers, no re-parse, no half-loaded store."""

import json
import re
import shutil

import pytest
from sparql_support import start_server

from rk.catalogue import catalogue
from rk.paths import DATASET_NQ, MANIFEST
from rk.store import Kind
from rk.store.dataset import BuiltDataset
from rk.store.disk import pin
from rk.store.embedded import EmbeddedStore
from rk.store.isolated import IsolatedStore

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
JSON = "application/sparql-results+json"
_BLANK = re.compile(rb"_:[A-Za-z0-9]+")
_SEPARATOR = re.compile(rb", |; | \| | ")  # GROUP_CONCAT separators of the catalogue
_LITERAL = re.compile(rb'"(.*)"(@[A-Za-z0-9-]+|\^\^<[^>]*>)?', re.S)


@pytest.fixture(scope="module")
def in_memory(dataset_dir):
    return EmbeddedStore(dataset_dir)


@pytest.fixture(scope="module")
def on_disk(dataset_dir, tmp_path_factory):
    with EmbeddedStore(dataset_dir, store_dir=tmp_path_factory.mktemp("stores")) as store:
        yield store


def build_copy(dataset_dir, folder, version=None):
    """A build folder with the dataset and a manifest that states `version`."""
    folder.mkdir()
    shutil.copyfile(dataset_dir / DATASET_NQ, folder / DATASET_NQ)
    manifest = json.loads((dataset_dir / MANIFEST).read_text())
    if version:
        manifest["version"] = version
    (folder / MANIFEST).write_text(json.dumps(manifest))
    return folder


def bag(result) -> list:
    """The answer's rows or triples, in any order, with blank node labels blanked and
    the parts of GROUP_CONCAT cells sorted (SPARQL leaves their order open)."""
    if result.kind is Kind.BOOLEAN:
        return [result.boolean]
    rows = (_BLANK.sub(b"_:b", line).split(b"\t") for line in result.data.splitlines())
    return sorted(tuple(_parts(cell) for cell in row) for row in rows)


def _parts(cell: bytes) -> tuple:
    """A cell's GROUP_CONCAT parts, sorted, then the literal's language tag or datatype
    (which follows the whole concatenation, not its last part)."""
    literal = _LITERAL.fullmatch(cell)
    text, suffix = (literal.group(1), literal.group(2) or b"") if literal else (cell, b"")
    return (*sorted(_SEPARATOR.split(text.replace(b'"', b""))), suffix)


def count(store) -> int:
    return int(json.loads(store.query(COUNT).serialize("json"))["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("query", catalogue(), ids=lambda q: q.name)
def test_catalogue_answers_equal_the_in_memory_store(in_memory, on_disk, query):
    assert bag(on_disk.query(query.text)) == bag(in_memory.query(query.text))


def test_default_graph_and_graph_selection_are_the_same(in_memory, on_disk):
    for args in [("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",),
                 (COUNT, ["https://w3id.org/ruhr-konferenz/graph/data"], [])]:
        assert bag(on_disk.query(*args)) == bag(in_memory.query(*args))


def test_a_second_start_opens_the_store_without_parsing(dataset_dir, in_memory, tmp_path):
    build = build_copy(dataset_dir, tmp_path / "build")
    stores = tmp_path / "stores"
    with EmbeddedStore(build, store_dir=stores) as first:
        assert count(first) == count(in_memory)
    (build / DATASET_NQ).write_bytes(b"")  # the manifest still names the same version
    with EmbeddedStore(build, store_dir=stores) as second:
        assert count(second) == count(in_memory)
    version = BuiltDataset.locate(build).version
    assert sorted(p.name for p in stores.iterdir() if p.is_dir()) == [version]


def test_a_failed_load_leaves_no_store(dataset_dir, tmp_path):
    build = build_copy(dataset_dir, tmp_path / "build", version="broken")
    with (build / DATASET_NQ).open("ab") as stream:
        stream.write(b"<not a quad\n")
    stores = tmp_path / "stores"
    with pytest.raises(SyntaxError):
        EmbeddedStore(build, store_dir=stores)
    assert [p.name for p in stores.iterdir() if p.is_dir()] == []


def test_old_versions_are_removed_unless_in_use(dataset_dir, tmp_path):
    stores = tmp_path / "stores"
    datasets = {
        v: BuiltDataset.locate(build_copy(dataset_dir, tmp_path / v, version=v))
        for v in ("v1", "v2", "v3")
    }
    held = pin(datasets["v1"], stores)
    pin(datasets["v2"], stores).release()
    assert sorted(p.name for p in stores.iterdir() if p.is_dir()) == ["v1", "v2"]
    held.release()
    pin(datasets["v3"], stores).release()
    assert sorted(p.name for p in stores.iterdir() if p.is_dir()) == ["v3"]


def test_query_processes_share_one_store(dataset_dir, in_memory, tmp_path):
    stores = tmp_path / "stores"
    with IsolatedStore(dataset_dir, processes=2, store_dir=str(stores)) as isolated:
        answers = [count(isolated) for _ in range(4)]
    assert answers == [count(in_memory)] * 4
    assert len([p for p in stores.iterdir() if p.is_dir()]) == 1


def test_rk_serve_with_a_store_dir(dataset_dir, server, tmp_path):
    running = start_server(
        dataset_dir, tmp_path / "serve.log",
        *("--workers", "2", "--threads", "1", "--store-dir", str(tmp_path / "stores")),
    )
    query = next(q for q in catalogue() if q.name == "who-moderates-what").text
    try:
        reply = running.get(query, accept="text/tab-separated-values")
    finally:
        running.stop()
    expected = server.get(query, accept="text/tab-separated-values")
    assert reply.status == 200 and sorted(reply.body.splitlines()) == sorted(
        expected.body.splitlines())
