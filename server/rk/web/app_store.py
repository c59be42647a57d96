"""The app's store and build: opened once per server process from the app's settings.

The build directory is pinned first (`PinnedBuild`): the store loads the pinned dataset,
and the manifest, dumps and dataset description the app serves are that same build's,
whatever `rk build` writes meanwhile, until `rk reload` starts new server processes.
"""

import atexit
import logging
from pathlib import Path

from flask import Flask, current_app

from rk.store import Store, open_store
from rk.store.dataset import PinnedBuild
from rk.web.sparql.servicedesc import DatasetSummary, summarize

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    """Pin the build, open the store the settings name and read the dataset's summary."""
    config = app.config
    remote = bool(config["ENDPOINT"])
    build = None if remote and not (Path(config["BUILD_DIR"]) / "manifest.json").is_file() \
        else PinnedBuild(config["BUILD_DIR"])
    if build is not None:
        atexit.register(build.close)
    store = open_store(
        "remote" if remote else config["STORE"],
        build.folder if build is not None else config["BUILD_DIR"],
        time_limit=config["TIME_LIMIT"],
        row_limit=config["ROW_LIMIT"],
        base_iri=config["BASE_IRI"],
        processes=config["THREADS"],
        store_dir=config["STORE_DIR"] or None,
        endpoint=config["ENDPOINT"],
    )
    atexit.register(store.close)
    manifest = build.manifest if build is not None else {}
    if manifest and manifest.get("version") != store.dataset_version:
        log.warning("the build in %s is version %s, the store holds %s: its files are not served",
                    config["BUILD_DIR"], manifest.get("version"), store.dataset_version)
        manifest = {}
    app.extensions["rk.store"] = store
    app.extensions["rk.build"] = build if manifest else None
    app.extensions["rk.manifest"] = manifest
    app.extensions["rk.summary"] = summarize(store)


def get_store() -> Store:
    """The current app's store."""
    return current_app.extensions["rk.store"]


def get_manifest() -> dict:
    """The manifest of the build this app serves ({} when it serves no local build)."""
    return current_app.extensions["rk.manifest"]


def build_folder() -> Path | None:
    """The pinned folder of the build this app serves, or None."""
    build = current_app.extensions["rk.build"]
    return build.folder if build is not None else None


def get_summary() -> DatasetSummary:
    """The summary of the current app's dataset."""
    return current_app.extensions["rk.summary"]
