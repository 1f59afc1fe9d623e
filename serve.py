"""Production entry point: ``python serve.py [flags]`` serves dist/ (built first when missing) on 127.0.0.1:8000.

The flags are those of ``gcm-graph serve``; ``python serve.py --help`` lists them with their
environment variables. See docs/endpoint.md.
"""

import sys

import click

from gcm_graph.server.settings import click_options


@click.command()
@click_options
def main(**settings) -> None:
    """Serve the GCM knowledge graph: SPARQL endpoint, linked data and query page."""
    from gcm_graph.server.run import serve

    sys.exit(serve(settings))


if __name__ == "__main__":
    main()
