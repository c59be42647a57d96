"""One IsolatedStore answers from one dataset version, even when the build is replaced
under it and a query process has to be started again (issue 7)."""

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from support.servers import wait_until

from rk.paths import DATASET_NQ, MANIFEST
from rk.store import QueryTimeout, StoreBusy
from rk.store.isolated import IsolatedStore

CITIES = "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/ruhr-konferenz/ontology#City> }"
RUNAWAY = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
CITY = (b"<urn:rk:%s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        b"<https://w3id.org/ruhr-konferenz/ontology#City> <https://w3id.org/ruhr-konferenz/graph/data> .\n")


def cities(store) -> int:
    return int(json.loads(store.query(CITIES).serialize("json"))["results"]["bindings"][0]["n"]["value"])


@pytest.fixture
def build(built_dir, tmp_path):
    folder = tmp_path / "build"
    folder.mkdir()
    for name in (DATASET_NQ, MANIFEST):
        shutil.copy(built_dir / name, folder / name)
    return folder


def test_a_replacement_process_answers_from_the_pinned_version(build, tmp_path):
    store = IsolatedStore(build, processes=1, time_limit=3)
    try:
        version, before = store.dataset_version, cities(store)
        changed = tmp_path / "changed.nq"
        changed.write_bytes((build / DATASET_NQ).read_bytes() + CITY % b"new-city")
        os.replace(changed, build / DATASET_NQ)  # as `rk build` does: rename over the file
        with pytest.raises(QueryTimeout):
            store.query(RUNAWAY)  # kills the only query process; a new one starts

        def answered():
            try:
                answered.count = cities(store)
            except StoreBusy:
                return False
            return True

        assert wait_until(answered, 60)
        assert answered.count == before
        assert store.dataset_version == version
    finally:
        store.close()


def test_closing_the_store_removes_its_pinned_copy(build):
    store = IsolatedStore(build, processes=1, time_limit=3)
    pinned = [path for path in _pinned_folders() if (path / DATASET_NQ).samefile(build / DATASET_NQ)]
    store.close()
    assert len(pinned) == 1
    assert wait_until(lambda: not pinned[0].exists(), 10)


def _pinned_folders():
    return [path for path in Path(tempfile.gettempdir()).glob("rk-dataset-*") if (path / DATASET_NQ).exists()]


def test_a_new_store_sees_the_new_build(build):
    """The control: pinning is per store; a store opened after the build answers from it."""
    first = IsolatedStore(build, processes=1, time_limit=3)
    try:
        before = cities(first)
    finally:
        first.close()
    with (build / DATASET_NQ).open("ab") as stream:
        stream.write(CITY % b"another-city")
    second = IsolatedStore(build, processes=1, time_limit=3)
    try:
        assert cities(second) == before + 1
    finally:
        second.close()
