"""`rk query`: run a catalogue query or a .rq file against the built graph or an endpoint."""

import sys
from pathlib import Path

import click
import pyoxigraph as ox

from rk.catalogue import catalogue, parse
from rk.paths import BUILD_DIR
from rk.store import Kind, QueryResult, StoreError

OUTPUTS = ("table", "csv", "json")
GRAPH_OUTPUT = {"table": "turtle", "csv": "ntriples", "json": "jsonld"}


def table(result: QueryResult) -> str:
    """SELECT solutions as an aligned plain-text table; ASK as yes/no."""
    if result.kind is Kind.BOOLEAN:
        return "yes" if result.boolean else "no"
    names = result.variables()
    rows = [names] + [[_cell(row.get(name)) for name in names] for row in result.bindings()]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines + [f"({len(rows) - 1} rows)"])


def _cell(term) -> str:
    """A term as the table shows it: its value, blank nodes as _:id, unbound empty."""
    if term is None:
        return ""
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def render(result: QueryResult, output: str) -> str:
    """The result in the chosen output: table, csv or json (graphs as Turtle, N-Triples, JSON-LD)."""
    if result.kind is Kind.GRAPH:
        return result.serialize(GRAPH_OUTPUT[output]).decode("utf-8")
    if output == "table":
        return table(result)
    return result.serialize(output).decode("utf-8")


def resolve(name_or_file: str):
    """A catalogue entry by name, or a .rq file by path."""
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.is_file():
        return parse(path)
    for query in catalogue():
        if query.name == name_or_file:
            return query
    raise click.BadParameter(f"{name_or_file!r} is neither a catalogue query (see --list) nor a .rq file")


def open_target(endpoint: str | None, build_dir: Path):
    if endpoint:
        from rk.store.remote import RemoteStore
        return RemoteStore(endpoint)
    from rk.store.embedded import EmbeddedStore
    return EmbeddedStore(build_dir)


@click.command()
@click.argument("query", required=False)
@click.option("--list", "list_only", is_flag=True, help="List the query catalogue and exit.")
@click.option("--endpoint", metavar="URL", help="Ask this SPARQL endpoint instead of the built graph.")
@click.option("--build-dir", type=click.Path(path_type=Path), default=BUILD_DIR, show_default=True,
              help="The built dataset to query when no --endpoint is given.")
@click.option("--format", "output", type=click.Choice(OUTPUTS), default="table", show_default=True,
              help="Output: an aligned table, CSV or SPARQL JSON (graphs: Turtle, N-Triples, JSON-LD).")
def query(query, list_only, endpoint, build_dir, output):
    """Run QUERY (a catalogue name or a .rq file) and print its result.

    A catalogue query with parameters (see /api) runs its example call.
    """
    if list_only:
        for entry in catalogue():
            click.echo(f"{entry.name:30} {entry.title_en or entry.title}")
        return
    if not query:
        raise click.UsageError("name a catalogue query or a .rq file, or use --list")
    entry = resolve(query)
    try:
        with open_target(endpoint, build_dir) as store:
            click.echo(render(store.query(entry.example_text), output))
    except StoreError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
