"""The app's store: opened once per server process from the app's settings."""

import atexit

from flask import Flask, current_app

from rk.store import Store, open_store
from rk.web.sparql.servicedesc import DatasetSummary, summarize


def init_app(app: Flask) -> None:
    """Open the store the settings name and read the dataset's summary."""
    config = app.config
    store = open_store(
        "remote" if config["ENDPOINT"] else config["STORE"],
        config["BUILD_DIR"],
        time_limit=config["TIME_LIMIT"],
        row_limit=config["ROW_LIMIT"],
        base_iri=config["BASE_IRI"],
        processes=config["THREADS"],
        store_dir=config["STORE_DIR"] or None,
        endpoint=config["ENDPOINT"],
    )
    atexit.register(store.close)
    app.extensions["rk.store"] = store
    app.extensions["rk.summary"] = summarize(store)


def get_store() -> Store:
    """The current app's store."""
    return current_app.extensions["rk.store"]


def get_summary() -> DatasetSummary:
    """The summary of the current app's dataset."""
    return current_app.extensions["rk.summary"]
