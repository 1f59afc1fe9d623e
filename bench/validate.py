"""Validation of the full graph: wall time and peak memory, median of several runs, per engine.

    .venv/bin/python bench/validate.py                  # the engine in use, 7 runs -> bench/results/validate.json
    .venv/bin/python bench/validate.py --alternatives   # also the engines it was chosen over (minutes)

Each run is a fresh process (``--one CONFIG``) so that its peak resident memory (ru_maxrss, which
counts Oxigraph's memory as well as Python's) is its own; the time is measured inside it, around
the validation call, after imports. ``cli`` is the whole ``gcm-graph validate dist/gcm.trig`` as a
user runs it, interpreter start included. See bench/README.md, "Validation".
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "validate.json"
CONFIGS = {
    "chosen": "SHACL Core in pySHACL over rdflib (lifted property shapes) + SHACL-SPARQL over Oxigraph",
    "chosen-from-file": "the same, from dist/gcm.trig: parsing and conversion included",
    "core-only": "SHACL Core alone (pySHACL, rdflib, lifted property shapes)",
    "sparql-only": "SHACL-SPARQL alone (our engine over Oxigraph)",
    "cli": "gcm-graph validate dist/gcm.trig, a fresh process (interpreter start and imports included)",
}
ALTERNATIVES = {
    "core-nested": "SHACL Core in pySHACL over rdflib, property shapes nested in node shapes as written",
    "core-rdfs": "SHACL Core in pySHACL over rdflib with RDFS inference",
    "pyshacl-rdflib-all": "every shape, SPARQL included, in pySHACL over rdflib",
    "pyshacl-oxigraph-sparql": "the SPARQL-based shapes in pySHACL over its Oxigraph store",
    "pyshacl-oxigraph-core": "SHACL Core in pySHACL over its Oxigraph store",
}


def run_one(config: str, dist: Path) -> dict:
    """One measurement in this process: seconds around the validation, peak RSS in MiB."""
    from pyshacl import validate as pyshacl_validate

    from gcm_graph.validate import load_shapes, validate_data, validate_file
    from gcm_graph.validate.core import validate_core
    from gcm_graph.validate.data import load_file
    from gcm_graph.validate.shapes import core_shapes_graph
    from gcm_graph.validate.sparql import validate_sparql

    shapes = load_shapes()
    trig = dist / "gcm.trig"
    data = None if config == "chosen-from-file" else load_file(trig)
    options = {"allow_warnings": True, "allow_infos": True, "inplace": True}
    started = time.perf_counter()
    if config == "chosen":
        validate_data(data, shapes)
    elif config == "chosen-from-file":
        validate_file(trig, shapes)
    elif config == "core-only":
        validate_core(data.graph, shapes.core, shapes.graph)
    elif config == "sparql-only":
        validate_sparql(data.store, shapes.sparql)
    elif config == "core-nested":
        validate_core(data.graph, core_shapes_graph(shapes.graph), shapes.graph)
    elif config == "core-rdfs":
        pyshacl_validate(data.graph, shacl_graph=shapes.core, inference="rdfs", **options)
    elif config == "pyshacl-rdflib-all":
        pyshacl_validate(data.graph, shacl_graph=shapes.graph, inference="none", **options)
    elif config == "pyshacl-oxigraph-sparql":
        pyshacl_validate(data.store, shacl_graph=_sparql_shapes(shapes.graph), inference="none", **options)
    elif config == "pyshacl-oxigraph-core":
        pyshacl_validate(data.store, shacl_graph=shapes.core, inference="none", **options)
    else:
        raise SystemExit(f"unknown configuration {config!r}; expected one of {', '.join({**CONFIGS, **ALTERNATIVES})}")
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _sparql_shapes(shapes):
    from rdflib import BNode, Graph
    from rdflib.namespace import RDF, SH

    keep = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.sparql, SH.severity}
    graph = Graph()
    for shape in set(shapes.subjects(SH.sparql, None)):
        graph.add((shape, RDF.type, SH.NodeShape))
        graph += [t for t in shapes.triples((shape, None, None)) if t[1] in keep]
    todo = list(set(shapes.objects(None, SH.sparql)))
    while todo:
        node = todo.pop()
        for triple in shapes.triples((node, None, None)):
            graph.add(triple)
            if isinstance(triple[2], BNode) or triple[1] == SH.prefixes:
                todo.append(triple[2])
    return graph


def measure(config: str, dist: Path, runs: int) -> dict:
    samples = []
    for _ in range(runs):
        if config == "cli":
            started = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, "-m", "gcm_graph.cli", "validate", str(dist / "gcm.trig")],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
            )
            _pid, _status, usage = os.wait4(process.pid, 0)  # this child's own peak, not all children's
            samples.append({"seconds": time.perf_counter() - started, "peak_rss_mib": usage.ru_maxrss / 1024})
            continue
        output = subprocess.run(
            [sys.executable, __file__, "--one", config, "--dist", str(dist)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        samples.append(json.loads(output.splitlines()[-1]))
    seconds = [sample["seconds"] for sample in samples]
    return {
        "what": {**CONFIGS, **ALTERNATIVES}[config],
        "runs": runs,
        "median_seconds": round(statistics.median(seconds), 3),
        "min_seconds": round(min(seconds), 3),
        "max_seconds": round(max(seconds), 3),
        "peak_rss_mib": round(max(sample["peak_rss_mib"] for sample in samples), 1),
    }


def describe(dist: Path) -> dict:
    from gcm_graph.validate import load_shapes
    from gcm_graph.validate.shapes import list_constraints

    manifest = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))
    shapes = load_shapes()
    constraints = list_constraints(shapes.graph)
    return {
        "triples": manifest["triples"],
        "constraints": len(constraints),
        "sparql_constraints": sum(1 for c in constraints if c.sparql is not None),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        "versions": {name: metadata.version(name) for name in ("pyshacl", "rdflib", "pyoxigraph")},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="built dist/ to validate (default: dist/)")
    parser.add_argument("--runs", type=int, default=7, help="runs per configuration (default: 7)")
    parser.add_argument("--alternatives", action="store_true", help="also measure the engines not chosen (slow)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON results")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.dist)))
        return
    if not (args.dist / "gcm.trig").is_file():
        raise SystemExit(f"{args.dist / 'gcm.trig'}: no such file; run gcm-graph build first")
    results = {"graph": describe(args.dist), "configurations": {}}
    configs = list(CONFIGS) + (list(ALTERNATIVES) if args.alternatives else [])
    for config in configs:
        slow = config in ("pyshacl-rdflib-all", "pyshacl-oxigraph-core")
        results["configurations"][config] = measure(config, args.dist, 1 if slow else args.runs)
        print(f"{config:26} {json.dumps(results['configurations'][config])}", file=sys.stderr, flush=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
