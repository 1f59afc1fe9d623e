"""Push the built dataset into a remote store with the SPARQL 1.1 Graph Store Protocol.

One ``PUT ?graph=IRI`` per named graph (https://www.w3.org/TR/sparql11-http-rdf-update/#http-put),
as Turtle, the one format every Graph Store implementation must accept. PUT replaces the graph,
so loading twice leaves the store as after one load.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import requests

from gcm_graph.graph.iris import PREFIXES
from gcm_graph.store.worker import data_file


def load_into(url: str, data: Path, timeout: float = 120.0) -> dict[str, int]:
    """PUT every graph of ``data`` (a dist directory or an RDF file) to the Graph Store at ``url``.

    Returns the number of triples sent per graph ('' for the default graph).
    """
    path = data_file(data)
    rdf_format = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    if rdf_format is None:
        raise ValueError(f"{path}: cannot tell the RDF format from the extension")
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in ox.parse(path=str(path), format=rdf_format):
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graphs[name].append(quad.triple)
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    session = requests.Session()
    session.trust_env = False
    counts = {}
    for name, triples in sorted(graphs.items()):
        body = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
        params = {"graph": name} if name else {"default": ""}
        response = session.put(url, params=params, data=body, headers={"Content-Type": "text/turtle"}, timeout=timeout)
        if response.status_code not in (200, 201, 204):
            raise RuntimeError(
                f"{url}: PUT graph <{name or 'default'}> answered {response.status_code}: {response.text[:300]}"
            )
        counts[name] = len(triples)
    return counts


def run_load_command(url: str, data: Path | None) -> int:
    """``gcm-graph load --into URL``: 0 when every graph was stored, 2 on a usage or connection error."""
    import sys

    from gcm_graph.build import ensure_built

    try:
        counts = load_into(url, data if data is not None else ensure_built())
    except (OSError, ValueError, RuntimeError, requests.RequestException) as error:
        print(f"gcm-graph load: {error}", file=sys.stderr)
        return 2
    for name, count in counts.items():
        print(f"{count:>7} triples -> <{name or 'default graph'}>")
    return 0
