"""Settings shared by the build and the server, declared once.

The base IRI is configurable so that a deployment can publish under its own
domain; every minted IRI hangs off it (see ``gcm_graph.graph.iris``).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BASE_IRI = "https://w3id.org/gcm-graph/"
ONTOLOGY_NAMESPACE = "https://w3id.org/gcm-graph/ontology/"
DEFAULT_DIST_DIR = PROJECT_ROOT / "dist"
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
SHAPES_DIR = PROJECT_ROOT / "shapes"
DATA_DIR = PROJECT_ROOT / "data"


def base_iri() -> str:
    """``GCM_GRAPH_BASE_IRI`` if set (must end with '/'), else the project's persistent base."""
    value = os.environ.get("GCM_GRAPH_BASE_IRI", DEFAULT_BASE_IRI)
    if not value.endswith("/"):
        raise ValueError(f"GCM_GRAPH_BASE_IRI must end with '/', found {value!r}")
    return value
