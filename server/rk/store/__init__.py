"""The store: the one place that talks to the SPARQL engine (see `base.Store`)."""

from rk.store.base import (
    QueryFailed,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    Store,
    StoreBusy,
    StoreError,
)
from rk.store.dataset import BuiltDataset, DatasetMissing
from rk.store.results import GRAPH_FORMATS, SOLUTIONS_FORMATS, Kind, QueryResult

KINDS = ("isolated", "embedded")


def open_store(
    kind: str,
    build_dir,
    *,
    time_limit: float,
    row_limit: int,
    base_iri: str | None,
    processes: int,
) -> Store:
    """Open a store: "isolated" (query processes with a time limit) or "embedded" (in-process)."""
    if kind == "isolated":
        from rk.store.isolated import IsolatedStore

        return IsolatedStore(
            build_dir,
            processes=processes,
            time_limit=time_limit,
            row_limit=row_limit,
            base_iri=base_iri,
        )
    if kind == "embedded":
        from rk.store.embedded import EmbeddedStore

        return EmbeddedStore(build_dir, row_limit=row_limit, base_iri=base_iri)
    raise ValueError(f"unknown store kind {kind!r}; expected one of {KINDS}")


__all__ = [
    "BuiltDataset",
    "DatasetMissing",
    "GRAPH_FORMATS",
    "KINDS",
    "Kind",
    "QueryFailed",
    "QueryRefused",
    "QueryResult",
    "QuerySyntaxError",
    "QueryTimeout",
    "SOLUTIONS_FORMATS",
    "Store",
    "StoreBusy",
    "StoreError",
    "open_store",
]
