"""Click commands of the build: `rk build`, `rk validate`, `rk stats`."""

import sys
from pathlib import Path

import click

from rk.build.errors import BuildError
from rk.build.pipeline import assemble, build as run_build
from rk.build.stats import format_table, instances_per_class, triples_per_graph
from rk.build.loader import new_dataset
from rk.paths import BUILD_DIR, DATASET_NQ


def _fail(error: BuildError) -> None:
    click.echo(f"error: {error}", err=True)
    sys.exit(2)


@click.command()
@click.option("--output", "-o", type=click.Path(path_type=Path), default=BUILD_DIR, show_default=True,
              help="Folder to write dataset.nq, dataset.trig, validation-report.ttl, download/ (dumps) and manifest.json into.")
def build(output: Path) -> None:
    """Parse, reason, validate and write the dataset (nothing is written if it does not conform)."""
    try:
        result = run_build(output)
    except BuildError as error:
        _fail(error)
    click.echo(result.validation.text())
    if not result.validation.conforms:
        click.echo(f"Nothing written; {output} keeps the last good build.", err=True)
        sys.exit(1)
    timings = ", ".join(f"{step} {seconds:.2f} s" for step, seconds in result.seconds.items())
    click.echo(f"Wrote {output} (version {result.manifest['version'][:12]}; {timings}).")


@click.command()
def validate() -> None:
    """Validate the data against the SHACL shapes; exit 1 with a report if it does not conform."""
    try:
        result = assemble()
    except BuildError as error:
        _fail(error)
    click.echo(result.validation.text())
    sys.exit(0 if result.validation.conforms else 1)


@click.command()
@click.option("--build-dir", type=click.Path(path_type=Path), default=BUILD_DIR, show_default=True,
              help="Count the dataset written here; without one, assemble it from the inputs first.")
def stats(build_dir: Path) -> None:
    """Print triples per named graph and instances per class."""
    written = build_dir / DATASET_NQ
    if written.exists():
        dataset = new_dataset()
        dataset.parse(written, format="nquads")
    else:
        try:
            dataset = assemble().dataset
        except BuildError as error:
            _fail(error)
    click.echo(format_table(triples_per_graph(dataset), ("graph", "triples"), dataset))
    click.echo()
    click.echo(format_table(instances_per_class(dataset), ("class", "instances"), dataset))
