"""Session fixtures: build the real dataset once, query it, and serve it with `rk serve`."""

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset
from sparql_support import BODY_LIMIT, ROW_LIMIT, TIME_LIMIT, start_canary, start_server

from rk.build.pipeline import build
from rk.paths import DATASET_NQ

RK_PREFIXES = """
PREFIX rk: <https://w3id.org/ruhr-konferenz/ontology#>
PREFIX id: <https://w3id.org/ruhr-konferenz/id/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <http://schema.org/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@pytest.fixture(scope="session")
def build_result(tmp_path_factory):
    """The real build of ontology, data and shapes, written to a temporary folder."""
    folder = tmp_path_factory.mktemp("build")
    result = build(folder)
    assert result.validation.conforms, result.validation.text()
    result.folder = folder
    return result


@pytest.fixture(scope="session")
def built_dir(build_result):
    """Folder holding dataset.nq, dataset.trig, validation-report.ttl and manifest.json."""
    return build_result.folder


@pytest.fixture(scope="session")
def store(built_dir):
    """The built dataset in a pyoxigraph store."""
    oxigraph = pyoxigraph.Store()
    oxigraph.bulk_load(path=str(built_dir / DATASET_NQ), format=pyoxigraph.RdfFormat.N_QUADS)
    return oxigraph


@pytest.fixture(scope="session")
def select(store):
    """Run a SELECT over the union of all graphs; rows as dicts of plain Python values."""
    def run(query: str) -> list[dict]:
        solutions = store.query(RK_PREFIXES + query, use_default_graph_as_union=True)
        names = [variable.value for variable in solutions.variables]
        return [{name: (row[name].value if row[name] is not None else None) for name in names}
                for row in solutions]
    return run


@pytest.fixture(scope="session")
def ask(store):
    """Run an ASK over the union of all graphs."""
    def run(query: str) -> bool:
        return bool(store.query(RK_PREFIXES + query, use_default_graph_as_union=True))
    return run


@pytest.fixture(scope="session")
def dataset_dir(built_dir) -> Path:
    """The build directory the tests serve: the real build of the project."""
    return built_dir


@pytest.fixture(scope="session")
def reference(dataset_dir) -> Dataset:
    """The dataset in rdflib, whose own engine gives the expected answers."""
    dataset = Dataset(default_union=True)
    dataset.parse(dataset_dir / DATASET_NQ, format="nquads")
    return dataset


@pytest.fixture(scope="session")
def server(dataset_dir, tmp_path_factory):
    """`rk serve` with the default limits."""
    running = start_server(
        dataset_dir, tmp_path_factory.mktemp("serve") / "serve.log", "--workers", "1"
    )
    yield running
    running.stop()


@pytest.fixture(scope="session")
def strict_server(dataset_dir, tmp_path_factory):
    """`rk serve` with a 2 s time limit, 5 rows and 2 KiB request bodies."""
    running = start_server(
        dataset_dir,
        tmp_path_factory.mktemp("strict") / "serve.log",
        *("--workers", "1", "--threads", "3", "--time-limit", str(TIME_LIMIT)),
        *("--row-limit", str(ROW_LIMIT), "--body-limit", str(BODY_LIMIT)),
    )
    yield running
    running.stop()


@pytest.fixture()
def canary():
    """An HTTP server on 127.0.0.1 that must never be contacted."""
    recorder, httpd = start_canary()
    yield recorder
    httpd.shutdown()
    httpd.server_close()
