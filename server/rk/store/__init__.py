"""The store: the one place that talks to the SPARQL engine (see `base.Store`)."""

from rk.store.base import (
    QueryFailed,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    Store,
    StoreAnswerInvalid,
    StoreBusy,
    StoreError,
    StoreTimeout,
    StoreUnavailable,
)
from rk.store.dataset import BuiltDataset, DatasetMissing
from rk.store.results import GRAPH_FORMATS, SOLUTIONS_FORMATS, Formats, Kind, QueryResult

KINDS = ("isolated", "embedded")  # the local stores; "remote" is chosen by an endpoint URL


def open_store(
    kind: str,
    build_dir,
    *,
    time_limit: float,
    row_limit: int,
    base_iri: str | None,
    processes: int,
    store_dir: str | None = None,
    endpoint: str = "",
) -> Store:
    """Open a store: "isolated" (query processes with a time limit), "embedded" (in-process)
    or "remote" (the SPARQL endpoint `endpoint`, loaded with `rk load`).

    With `store_dir` both answer from an on-disk store there (`rk.store.disk`) instead of
    parsing dataset.nq into memory.
    """
    if kind == "isolated":
        from rk.store.isolated import IsolatedStore

        return IsolatedStore(
            build_dir,
            processes=processes,
            time_limit=time_limit,
            row_limit=row_limit,
            base_iri=base_iri,
            store_dir=store_dir,
        )
    if kind == "embedded":
        from rk.store.embedded import EmbeddedStore

        return EmbeddedStore(build_dir, row_limit=row_limit, base_iri=base_iri, store_dir=store_dir)
    if kind == "remote":
        if not endpoint:
            raise ValueError("the remote store needs the URL of a SPARQL endpoint")
        from rk.store.remote import RemoteStore

        return RemoteStore(endpoint, time_limit=time_limit, row_limit=row_limit)
    raise ValueError(f"unknown store kind {kind!r}; expected one of {KINDS}")


__all__ = [
    "BuiltDataset",
    "DatasetMissing",
    "Formats",
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
    "StoreAnswerInvalid",
    "StoreBusy",
    "StoreError",
    "StoreTimeout",
    "StoreUnavailable",
    "open_store",
]
