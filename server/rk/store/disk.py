"""The dataset in a persistent pyoxigraph store on disk: STORE_DIR/<dataset version>/.

The first start bulk loads dataset.nq into STORE_DIR/<version>.tmp-<pid>/ and renames
it to STORE_DIR/<version>/ when complete, so a half-loaded store is never opened;
later starts find the directory and open it without parsing anything. Stores are
opened read-only, which RocksDB allows to any number of processes at once.

Everything happens under an exclusive lock on STORE_DIR/.lock, so one process loads
while the others wait. Whoever uses a version holds a shared lock on
STORE_DIR/<version>.lock (a `Pin`); after a successful load, the other versions whose
lock nobody holds are removed, and so are temporary directories of interrupted loads.
"""

import fcntl
import logging
import os
import shutil
import time
from pathlib import Path

import pyoxigraph as ox

from rk.store.dataset import BuiltDataset

log = logging.getLogger(__name__)
_ROOT_LOCK = ".lock"


def fill(store: ox.Store, nquads: Path) -> None:
    """Bulk load `nquads` into `store`, each triple also into the default graph.

    The default graph so is the union of the named graphs while FROM / FROM NAMED keep
    their standard meaning. The file is streamed; no quad list is held in memory.
    """
    store.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
    store.bulk_extend(
        ox.Quad(q.subject, q.predicate, q.object)
        for q in ox.parse(path=nquads, format=ox.RdfFormat.N_QUADS)
    )


class Pin:
    """A shared lock on one version's directory, which keeps it from being removed."""

    def __init__(self, root: Path, version: str):
        self.path = root / version
        self._lock = (root / f"{version}.lock").open("a")
        fcntl.flock(self._lock, fcntl.LOCK_SH)

    def release(self) -> None:
        self._lock.close()


def pin(dataset: BuiltDataset, store_dir: str | Path) -> Pin:
    """Pin the on-disk store of `dataset` in `store_dir`, loading it first if it is missing."""
    root = Path(store_dir)
    root.mkdir(parents=True, exist_ok=True)
    with (root / _ROOT_LOCK).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        target = root / dataset.version
        if target.is_dir():
            log.info("opening the on-disk store %s (already loaded)", target)
        else:
            _load(dataset.nquads, target)
            _remove_unused(root, keep=dataset.version)
        return Pin(root, dataset.version)


def open_read_only(dataset: BuiltDataset, store_dir: str | Path) -> tuple[ox.Store, Pin]:
    """The on-disk store of `dataset`, opened read-only, and the pin that keeps it."""
    held = pin(dataset, store_dir)
    try:
        return ox.Store.read_only(str(held.path)), held
    except OSError:
        held.release()
        raise


def _load(nquads: Path, target: Path) -> None:
    started = time.monotonic()
    temporary = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    shutil.rmtree(temporary, ignore_errors=True)
    try:
        store = ox.Store(str(temporary))
        fill(store, nquads)
        store.flush()
        store.optimize()
        del store  # closes the database before it is renamed
        temporary.rename(target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    log.info("loaded %s into the on-disk store %s in %.1f s", nquads, target,
             time.monotonic() - started)


def _remove_unused(root: Path, keep: str) -> None:
    """Remove other versions nobody pins and leftovers of interrupted loads."""
    for entry in root.iterdir():
        if not entry.is_dir() or entry.name == keep:
            continue
        if ".tmp-" in entry.name:
            shutil.rmtree(entry, ignore_errors=True)
            continue
        lock_path = root / f"{entry.name}.lock"
        with lock_path.open("a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a running server still answers from this version
            shutil.rmtree(entry, ignore_errors=True)
            lock_path.unlink()
        log.info("removed the unused on-disk store %s", entry)
