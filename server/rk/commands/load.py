"""`rk load`: upload the built dataset, graph by graph, into a SPARQL store, then verify it.

Each named graph of build/dataset.nq replaces the store's graph of that name (so a
second run leaves the same store), through the Graph Store Protocol or SPARQL Update
(`rk.store.graphstore`). Afterwards the triples of every graph are counted through
the query endpoint and compared with the build; a mismatch exits with status 1.
"""

import sys
import time
from collections import defaultdict
from pathlib import Path

import click
import pyoxigraph as ox

from rk.paths import BUILD_DIR
from rk.store import BuiltDataset, DatasetMissing, StoreError
from rk.store.base import TRIPLES_PER_GRAPH
from rk.store.graphstore import GraphWriter
from rk.store.remote import RemoteStore



def graphs_of(build_dir: Path) -> dict[str, list[ox.Triple]]:
    """The triples of each named graph of the build, by graph IRI, in IRI order."""
    graphs = defaultdict(list)
    for quad in ox.parse(path=BuiltDataset.locate(build_dir).nquads, format=ox.RdfFormat.N_QUADS):
        graphs[quad.graph_name.value].append(ox.Triple(quad.subject, quad.predicate, quad.object))
    return dict(sorted(graphs.items()))


def count_triples(endpoint: str, graphs: list[str], time_limit: float) -> dict[str, int]:
    """Triples per graph as the store's query endpoint counts them (0 for a missing graph)."""
    store = RemoteStore(endpoint, time_limit=time_limit, graphs=graphs)
    result = store.query(TRIPLES_PER_GRAPH)
    counted = {row["graph"].value: int(row["triples"].value) for row in result.bindings()}
    return {graph: counted.get(graph, 0) for graph in graphs}


@click.command()
@click.option("--graph-store", metavar="URL",
              help="Graph Store Protocol URL (Virtuoso: http://HOST:8890/sparql-graph-crud-auth).")
@click.option("--update-endpoint", metavar="URL",
              help="SPARQL Update endpoint, used when the graph store does not speak the protocol "
                   "or none is given (Virtuoso: http://HOST:8890/sparql-auth).")
@click.option("--endpoint", metavar="URL",
              help="SPARQL query endpoint for the check afterwards; default: the update endpoint.")
@click.option("--user", help="User name for basic or digest authentication.")
@click.option("--password", envvar="RK_LOAD_PASSWORD", show_envvar=True, help="Password.")
@click.option("--build-dir", type=click.Path(path_type=Path), default=BUILD_DIR, show_default=True,
              help="The build whose dataset.nq is loaded.")
@click.option("--timeout", type=float, default=120.0, show_default=True,
              help="Seconds each request to the store may take.")
def load(graph_store, update_endpoint, endpoint, user, password, build_dir, timeout):
    """Upload the built dataset into a SPARQL store, replacing its graphs, and verify the counts."""
    endpoint = endpoint or update_endpoint
    if not (graph_store or update_endpoint):
        raise click.UsageError("give --graph-store URL or --update-endpoint URL")
    if not endpoint:
        raise click.UsageError("give --endpoint URL (the query endpoint that checks the load)")
    try:
        graphs = graphs_of(build_dir)
    except DatasetMissing as error:
        raise click.ClickException(str(error)) from None
    writer = GraphWriter(graph_store, update_endpoint, user=user, password=password,
                         timeout=timeout)
    try:
        for graph, triples in graphs.items():
            started = time.perf_counter()
            protocol = writer.replace(graph, triples)
            seconds = time.perf_counter() - started
            click.echo(f"{graph}  {len(triples):>7} triples  {seconds:6.2f} s  ({protocol})")
        counted = count_triples(endpoint, list(graphs), timeout)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    wrong = {graph: n for graph, n in counted.items() if n != len(graphs[graph])}
    for graph, n in wrong.items():
        click.echo(f"mismatch: {graph} holds {n} triples, the build {len(graphs[graph])}", err=True)
    if wrong:
        sys.exit(1)
    click.echo(f"verified: {sum(map(len, graphs.values()))} triples in {len(graphs)} graphs "
               f"at {endpoint}")
