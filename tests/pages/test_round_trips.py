"""An uncached entity page asks the store once (one batch), whatever its kind."""

import pytest

from rk.store import Store
from rk.web import create_app
from rk.web.pages import kinds
from rk.web.pages.terms import instance_path


class CountingStore(Store):
    """The app's real store, counting the requests the app sends it (each `query` or
    `query_many` is one round trip to a query process of the isolated store)."""

    def __init__(self, store: Store):
        self.store = store
        self.requests = 0

    @property
    def dataset_version(self) -> str:
        return self.store.dataset_version

    def query(self, *args, **kwargs):
        self.requests += 1
        return self.store.query(*args, **kwargs)

    def query_many(self, queries):
        self.requests += 1
        return self.store.query_many(queries)


@pytest.fixture(scope="module")
def app(dataset_dir):
    app = create_app({"BUILD_DIR": str(dataset_dir), "STORE": "isolated", "THREADS": 1,
                      "CACHE_BYTES": 0})
    yield app
    app.extensions["rk.store"].close()


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda kind: kind.list_name)
def test_an_entity_page_is_one_round_trip(app, kind):
    real = app.extensions["rk.store"]
    member = kinds.members(real, kind)[0]["this"].value
    path = instance_path(app.config["BASE_IRI"], member)
    counting = CountingStore(real)
    app.extensions["rk.store"] = counting
    try:
        page = app.test_client().get(f"/page/{path}", headers={"Accept": "text/html"})
    finally:
        app.extensions["rk.store"] = real
    assert page.status_code == 200
    assert counting.requests == 1
