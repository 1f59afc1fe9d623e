"""gcm-graph: the linked-data knowledge graph of the Global Compact for Migration."""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"


def load(dist_dir: Path | None = None):
    """The built graph as an ``rdflib.Dataset``, building ``dist/`` first if it is missing."""
    from gcm_graph.build import ensure_built, load_dataset

    directory = ensure_built(dist_dir)
    return load_dataset(directory)
