"""Command line: thin wrappers that parse arguments, call one function and set the exit code.

Exit codes: 0 success, 1 the data is invalid (validation violations, link errors),
2 usage or input error (bad flag, missing or changed source file), 3 the build
failed in an unexpected way.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from gcm_graph import __version__
from gcm_graph.server.settings import click_options


@click.group()
@click.version_option(__version__, prog_name="gcm-graph")
def main() -> None:
    """Build, validate and serve the GCM knowledge graph."""


@main.command()
@click.option(
    "--dist", "dist_dir", type=click.Path(file_okay=False), default=None, help="Output directory (default: dist/)."
)
@click.option(
    "--sources",
    "sources_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Directory of source texts with their SHA256SUMS (default: sources/).",
)
@click.option("--quiet", is_flag=True, help="Do not show progress.")
def build(dist_dir: str | None, sources_dir: str | None, quiet: bool) -> None:
    """Extract the sources, build the graph, validate it and write dist/ atomically."""
    from gcm_graph.build import run_build_command

    sys.exit(run_build_command(dist_dir, sources_dir, quiet=quiet))


@main.group()
def links() -> None:
    """Curated external links: identifiers, SDG links, UN and EU documents, organisations, events."""


@links.command("check")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, exists=True),
    default=None,
    help="Curated tables (default: data/).",
)
def links_check(data_dir: str | None) -> None:
    """Check every external identifier against its scheme and report coverage (offline)."""
    from pathlib import Path

    from gcm_graph.config import DATA_DIR
    from gcm_graph.links.check import format_report, run_check

    report = run_check(Path(data_dir) if data_dir else DATA_DIR)
    click.echo(format_report(report))
    sys.exit(0 if report.ok else 1)


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--endpoint", metavar="URL", default=None, help="Validate the data behind this SPARQL endpoint.")
@click.option(
    "--format",
    "report_format",
    type=click.Choice(["text", "turtle", "json"]),
    default="text",
    show_default=True,
    help="Report as readable text, as the sh:ValidationReport in Turtle, or as JSON.",
)
def validate(file: Path | None, endpoint: str | None, report_format: str) -> None:
    """Check dist/gcm.trig, an RDF FILE or a SPARQL endpoint against shapes/ (see docs/validation.md).

    Exit 0 when the data conforms, 1 on violations, 2 when the input cannot be read.
    """
    from gcm_graph.validate import InputError, ShapesError, ValidationFailure, validate_source

    if file and endpoint:
        raise click.UsageError("give FILE or --endpoint, not both")
    try:
        report = validate_source(file, endpoint)
    except (InputError, ShapesError, ValidationFailure) as error:
        click.echo(f"gcm-graph validate: {error}", err=True)
        sys.exit(2)
    click.echo(report.render(report_format))
    sys.exit(0 if report.conforms else 1)


@main.command()
@click_options
def serve(**settings) -> None:
    """Serve the SPARQL endpoint, linked data and query page (see docs/endpoint.md)."""
    from gcm_graph.server.run import serve as run_server

    sys.exit(run_server(settings))


@main.command()
@click.option(
    "--into", "url", required=True, help="Graph Store Protocol URL of the store, e.g. http://localhost:7878/store."
)
@click.option(
    "--data",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Dist directory or RDF file (default: dist/).",
)
def load(url: str, data: Path | None) -> None:
    """Push dist/gcm.trig into a SPARQL store, one named graph at a time (Graph Store Protocol PUT)."""
    from gcm_graph.store.load import run_load_command

    sys.exit(run_load_command(url, data))


if __name__ == "__main__":  # pragma: no cover
    main()
