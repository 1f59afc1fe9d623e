"""Write ``dist/``: serialisations of the dataset, its VoID description and a manifest.

Deterministic: no blank nodes are minted, line-based formats are sorted and
JSON-LD is written with sorted nodes and keys, so two builds of the same
sources give byte-identical files. Atomic: everything is written to a sibling
temporary directory that replaces ``dist/`` only when complete.

Builds that write the same ``dist/`` take turns (a lock on its parent directory), so whatever
sibling a build finds under the lock was left by one that was killed: a staging
directory is removed, and a retired ``dist/`` is put back if the kill came between the
two renames of the swap, when no ``dist/`` existed.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

DUMP_FORMATS = {
    "gcm.trig": "trig",
    "gcm.ttl": "turtle",
    "gcm.nt": "nt",
    "gcm.nq": "nquads",
    "gcm.jsonld": "json-ld",
}
VOID_FILE = "void.ttl"
MANIFEST_FILE = "manifest.json"


def union_graph(dataset: Dataset) -> Graph:
    union = Graph()
    for prefix, namespace in dataset.namespaces():
        union.bind(prefix, namespace, override=True, replace=True)
    for context in dataset.graphs():
        for triple in context:
            union.add(triple)
    return union


def serialise(dataset: Dataset, union: Graph, file_name: str) -> bytes:
    fmt = DUMP_FORMATS[file_name]
    if fmt in ("nt", "nquads"):
        source = union if fmt == "nt" else dataset
        lines = source.serialize(format=fmt, encoding="utf-8").decode("utf-8").splitlines()
        return ("\n".join(sorted(set(line for line in lines if line.strip()))) + "\n").encode("utf-8")
    if fmt == "json-ld":
        document = json.loads(union.serialize(format="json-ld", encoding="utf-8"))
        nodes = document if isinstance(document, list) else document.get("@graph", [document])
        nodes = sorted(nodes, key=lambda node: node.get("@id", ""))
        for node in nodes:
            for key, values in node.items():
                if isinstance(values, list):
                    node[key] = sorted(values, key=lambda value: json.dumps(value, sort_keys=True))
        return (json.dumps(nodes, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    if fmt == "trig":
        return _trig(dataset)
    return union.serialize(format=fmt, encoding="utf-8")


def _trig(dataset: Dataset) -> bytes:
    """TriG with named graphs in IRI order (rdflib's own writer follows set order, which varies per run)."""
    prefixes: set[str] = set()
    blocks: list[str] = []
    for graph in sorted(dataset.graphs(), key=lambda context: str(context.identifier)):
        if len(graph) == 0:
            continue
        body = []
        for line in graph.serialize(format="turtle").splitlines():
            if line.startswith("@prefix"):
                prefixes.add(line)
            elif line.strip():
                body.append("    " + line)
        blocks.append(f"<{graph.identifier}> {{\n" + "\n".join(body) + "\n}\n")
    return ("\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)).encode("utf-8")


def write_dist(files: dict[str, bytes], dist_dir: Path, manifest_extra: dict) -> None:
    """Write all files to a temporary sibling, then swap it in place of ``dist_dir``."""
    dist_dir = dist_dir.resolve()
    dist_dir.parent.mkdir(parents=True, exist_ok=True)
    parent = os.open(dist_dir.parent, os.O_RDONLY)  # a lock on the directory leaves no lock file behind
    try:
        fcntl.flock(parent, fcntl.LOCK_EX)
        _clear_leftovers(dist_dir)
        _write_and_swap(files, dist_dir, manifest_extra)
    finally:
        os.close(parent)  # releases the lock


def _clear_leftovers(dist_dir: Path) -> None:
    """Remove what killed builds left beside ``dist_dir``; put back a retired one if ``dist_dir`` is gone."""
    retired = sorted(dist_dir.parent.glob(f".{dist_dir.name}.old-*"), key=lambda path: path.stat().st_mtime)
    if not dist_dir.exists() and retired:
        os.rename(retired.pop(), dist_dir)
    for leftover in [*retired, *dist_dir.parent.glob(f".{dist_dir.name}.new-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def _write_and_swap(files: dict[str, bytes], dist_dir: Path, manifest_extra: dict) -> None:
    staging = Path(tempfile.mkdtemp(prefix=f".{dist_dir.name}.new-", dir=dist_dir.parent))
    try:
        staging.chmod(0o755)  # mkdtemp makes it private; dumps are public
        for name, data in sorted(files.items()):
            (staging / name).write_bytes(data)
        manifest = dict(manifest_extra)
        manifest["files"] = {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for name, data in sorted(files.items())
        }
        (staging / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        _swap(staging, dist_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, dist_dir: Path) -> None:
    if not dist_dir.exists():
        os.rename(staging, dist_dir)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{dist_dir.name}.old-", dir=dist_dir.parent))
    os.rmdir(retired)
    os.rename(dist_dir, retired)
    try:
        os.rename(staging, dist_dir)
    except BaseException:
        os.rename(retired, dist_dir)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def read_manifest(dist_dir: Path) -> dict:
    return json.loads((dist_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
