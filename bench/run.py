"""Run every benchmark and write the raw results and docs/benchmarks.md: ``python -m bench.run [--quick]``.

Phases, in order (see bench/README.md): the pipeline (build, validate, start-up), the query mix
over HTTP against the four systems, throughput at 1, 4 and 16 clients, and scale on synthetic
graphs of growing size. Raw results go to ``bench/results/`` (JSON with every sample, CSV of the
summaries), the report to ``docs/benchmarks.md`` with the plot ``docs/benchmark-latency.png``.
``--quick`` runs the smallest size with few repetitions (the smoke test uses it) and, unless
told otherwise, writes to a scratch directory rather than over the committed results.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from bench import systems
from bench.measure import latency, throughput
from bench.mix import query_mix
from bench.synth import synthesize
from bench.systems import ROOT, Server, run_measured

RESULTS_DIR = ROOT / "bench" / "results"
DOCS_DIR = ROOT / "docs"


@dataclass(frozen=True)
class Plan:
    pipeline_runs: int
    rounds: int
    throughput_seconds: float
    clients: tuple[int, ...]
    sizes: tuple[int, ...]
    scale_rounds: int
    validate_synthetic: bool


FULL = Plan(3, 30, 10.0, (1, 4, 16), (100_000, 1_000_000, 10_000_000), 10, True)
QUICK = Plan(1, 2, 0.5, (1, 4), (100_000,), 2, False)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        (
            int(line.split()[1]) * 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    os_name = next(
        (
            line.split("=", 1)[1].strip('"')
            for line in Path("/etc/os-release").read_text().splitlines()
            if line.startswith("PRETTY_NAME")
        ),
        platform.system(),
    )
    return {
        "cpu": cpu,
        "cores": len(__import__("os").sched_getaffinity(0)),
        "memory_bytes": memory,
        "os": os_name,
        "kernel": platform.release(),
        "python": platform.python_version(),
    }


def versions() -> dict:
    found = {}
    for package in (
        "gcm-graph",
        "pyoxigraph",
        "oxigraph",
        "rdflib",
        "rdflib-endpoint",
        "flask",
        "waitress",
        "uvicorn",
        "pyshacl",
    ):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = None
    try:
        found["oxigraph CLI"] = subprocess.run(
            [systems.OXIGRAPH, "--version"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        found["oxigraph CLI"] = None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    found["gcm-graph commit"] = commit.stdout.strip() or None
    return found


def pipeline(plan: Plan, data_dir: Path, work: Path) -> dict:
    """Build, validate and start-up to first answer, interleaved, ``plan.pipeline_runs`` times each."""
    gcm = [str(Path(sys.executable).parent / "gcm-graph")]
    runs: dict[str, list[dict]] = {"build": [], "validate": [], "startup": []}
    commands = {
        "build": gcm + ["build", "--dist", str(work / "build" / "dist"), "--quiet"],
        "validate": gcm + ["validate", str(data_dir / "gcm.trig")],
        "startup": systems.gcm_server(data_dir, work).command,
    }
    for index in range(plan.pipeline_runs):
        log(f"pipeline run {index + 1}/{plan.pipeline_runs}")
        shutil.rmtree(work / "build", ignore_errors=True)
        runs["build"].append(run_measured(commands["build"], env=systems.clean_env()))
        runs["validate"].append(run_measured(commands["validate"], env=systems.clean_env()))
        server = systems.gcm_server(data_dir, work)
        try:
            server.start()
            runs["startup"].append({"seconds": server.startup_seconds, "peak_rss": server.memory_peak, "exit_code": 0})
        finally:
            server.stop()
    return {"runs": runs, "commands": {name: " ".join(command) for name, command in commands.items()}}


def start_all(stack: ExitStack, makers: list) -> list[Server]:
    servers = []
    for make in makers:
        server = make()
        stack.callback(server.stop)
        log(f"starting {server.name}")
        server.start()
        servers.append(server)
    return servers


def command_line(server: Server) -> list[str]:
    return [" ".join(helper.command) for helper in server.helpers] + [" ".join(server.command)]


def http_phases(plan: Plan, data_dir: Path, work: Path) -> dict:
    """Query mix latency and throughput against the four systems, all serving ``data_dir/gcm.trig``."""
    trig = data_dir / "gcm.trig"
    queries = query_mix()
    load = systems.oxigraph_load(trig, work / "oxigraph-base")
    shutil.copytree(work / "oxigraph-base", work / "oxigraph-backend")  # RocksDB allows one server per directory
    with ExitStack() as stack:
        servers = start_all(
            stack,
            [
                lambda: systems.gcm_server(data_dir, work),
                lambda: systems.gcm_remote_server(work / "oxigraph-backend", work),
                lambda: systems.oxigraph_server(work / "oxigraph-base", work),
                lambda: systems.rdflib_server(trig, work),
            ],
        )
        log(f"query mix: {len(queries)} queries x {len(servers)} systems x {plan.rounds} rounds")
        samples, sizes = latency(servers, queries, plan.rounds)
        runs = []
        for clients in plan.clients:
            for server in servers:
                log(f"throughput: {server.name}, {clients} clients, {plan.throughput_seconds:g} s")
                runs.append(throughput(server, queries, clients, plan.throughput_seconds))
        info = {
            server.name: {
                "startup_seconds": server.startup_seconds,
                "peak_rss": server.memory_peak,
                "commands": command_line(server),
            }
            for server in servers
        }
    return {
        "queries": [{"name": q.name, "kind": q.kind, "accept": q.accept, "text": q.text} for q in queries],
        "samples": samples,
        "sizes": sizes,
        "throughput": runs,
        "systems": info,
        "oxigraph_load": load,
    }


def scale(plan: Plan, base_nq: Path, work: Path, deadline: float) -> list[dict]:
    """Per size: synthesize, load into both systems, measure, stop; a size that cannot finish is reported."""
    queries = query_mix()
    steps = []
    for size in plan.sizes:
        step: dict = {"target": size}
        steps.append(step)
        remaining = deadline - time.monotonic()
        if remaining < 120:
            step["skipped"] = f"the run's time budget was spent before this size ({remaining:.0f} s left)"
            log(f"scale {size:.0e}: skipped, {step['skipped']}")
            continue
        data = work / f"synth-{size}.nq"
        log(f"scale {size:.0e}: synthesizing {data.name}")
        started = time.perf_counter()
        step["quads"] = synthesize(size, data, base_nq)
        step["synth_seconds"] = time.perf_counter() - started
        step["file_bytes"] = data.stat().st_size
        if plan.validate_synthetic and size == min(plan.sizes):
            log(f"scale {size:.0e}: gcm-graph validate")
            gcm = str(Path(sys.executable).parent / "gcm-graph")
            step["validate"] = run_measured([gcm, "validate", str(data)], env=systems.clean_env())
        log(f"scale {size:.0e}: oxigraph load")
        location = work / f"oxigraph-{size}"
        step["oxigraph_load"] = systems.oxigraph_load(data, location)
        with ExitStack() as stack:
            oxigraph = start_all(stack, [lambda location=location: systems.oxigraph_server(location, work)])[0]
            step["oxigraph_startup_seconds"] = oxigraph.startup_seconds
            gcm, attempts = None, []
            for flags in ((), ("--workers", "1", "--worker-memory", "0")):
                server = systems.gcm_server(data, work, flags)
                stack.callback(server.stop)
                log(f"scale {size:.0e}: starting gcm-graph {' '.join(flags) or '(default settings)'}")
                try:
                    server.start(timeout=max(60.0, min(1500.0, deadline - time.monotonic())))
                except RuntimeError as error:
                    attempts.append({"flags": list(flags), "error": str(error), "log": _tail(server.log_path)})
                    server.stop()
                    continue
                attempts.append(
                    {"flags": list(flags), "startup_seconds": server.startup_seconds, "peak_rss": server.memory_peak}
                )
                gcm = server
                break
            step["gcm_attempts"] = attempts
            running = [s for s in (gcm, oxigraph) if s is not None]
            for server in running:
                server.reset_window()
            log(f"scale {size:.0e}: query mix x {plan.scale_rounds} rounds")
            samples, sizes = latency(running, queries, plan.scale_rounds, warmup=1, budget=20.0)
            step["samples"] = samples
            step["sizes"] = sizes
            step["memory"] = {server.name: server.memory_peak for server in running}
            step["commands"] = {server.name: command_line(server) for server in running}
        shutil.rmtree(location, ignore_errors=True)
        data.unlink(missing_ok=True)
    return steps


def _tail(path: Path | None, lines: int = 5) -> list[str]:
    if not path or not path.exists():
        return []
    return path.read_text(errors="replace").strip().splitlines()[-lines:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smallest size, few repetitions (the smoke test)")
    parser.add_argument("--results", type=Path, default=None, help="directory for raw results")
    parser.add_argument("--report", type=Path, default=None, help="where to write the Markdown report")
    parser.add_argument("--sizes", default=None, help="scale sizes, comma-separated, e.g. 1e5,1e6")
    parser.add_argument("--budget-minutes", type=float, default=45.0, help="stop starting scale sizes after this")
    parser.add_argument(
        "--baseline",
        type=Path,
        default=RESULTS_DIR / "baseline.json",
        help="raw results of an earlier run to compare gcm-graph with (before/after)",
    )
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    if args.sizes:
        plan = Plan(**{**plan.__dict__, "sizes": tuple(int(float(size)) for size in args.sizes.split(","))})
    scratch = Path(tempfile.mkdtemp(prefix="gcm-bench-"))
    results_dir = args.results or (scratch / "results" if args.quick else RESULTS_DIR)
    report_path = args.report or (scratch / "benchmarks.md" if args.quick else DOCS_DIR / "benchmarks.md")
    deadline = time.monotonic() + args.budget_minutes * 60
    started = time.time()
    command = "python -m bench.run" + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip()
    from gcm_graph.build import ensure_built

    data_dir = ensure_built()
    results = {
        "command": command,
        "quick": args.quick,
        "plan": plan.__dict__,
        "started": time.strftime("%Y-%m-%d %H:%M:%S %Z", time.localtime(started)),
        "machine": machine(),
        "versions": versions(),
        "descriptions": systems.DESCRIPTIONS,
    }
    try:
        log("pipeline")
        results["pipeline"] = pipeline(plan, data_dir, scratch)
        log("query mix and throughput")
        results["http"] = http_phases(plan, data_dir, scratch)
        log("scale")
        results["scale"] = scale(plan, data_dir / "gcm.nq", scratch, deadline)
        results["wall_seconds"] = time.time() - started
    finally:
        for leftover in [scratch / "build", *scratch.glob("oxigraph-*"), *scratch.glob("synth-*")]:
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)
    from bench.report import write_outputs

    baseline = json.loads(args.baseline.read_text()) if args.baseline and args.baseline.exists() else None
    write_outputs(results, results_dir, report_path, baseline)
    log(f"raw results in {results_dir}, report {report_path}")
    if scratch not in (results_dir.parents, report_path.parents) and not any(
        scratch in path.parents for path in (results_dir, report_path)
    ):
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
