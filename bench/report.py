"""Turn one run's raw results into ``bench/results/*.json|csv``, docs/benchmarks.md and the latency plot.

Every number in the report is computed here from the raw samples of that run; the only text
not generated is ``bench/analysis.md`` (why the numbers are what they are), included verbatim.
"""

from __future__ import annotations

import csv
import json
import re
import statistics
from pathlib import Path

from bench.measure import summarise
from bench.systems import GCM, GCM_REMOTE, OXIGRAPH_SERVE, RDFLIB, ROOT

SYSTEMS = (GCM, GCM_REMOTE, OXIGRAPH_SERVE, RDFLIB)
ANALYSIS = ROOT / "bench" / "analysis.md"
PLOT_NAME = "benchmark-latency.png"
GOAL_MEDIAN, GOAL_EVERY, GOAL_RDFLIB = 1.0, 1.5, 10.0


def portable(text: str) -> str:
    """A command as a reader can run it: paths relative to the checkout, the run's scratch directory as $SCRATCH."""
    text = text.replace(str(ROOT) + "/", "")
    return re.sub(r"/tmp/gcm-bench-[A-Za-z0-9_]+", "$SCRATCH", text)


def ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.2f}" if seconds < 0.1 else f"{seconds * 1000:.0f}"


def mib(size: int | None) -> str:
    return "–" if not size else f"{size / 2**20:,.0f}"


def ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def query_table(samples: list[dict], systems: tuple[str, ...], reference: str) -> tuple[list[str], dict]:
    """Rows of name, then p50/p95 per system and the ratio of p50 to ``reference``; plus the ratios."""
    summary = summarise(samples)
    queries = list(dict.fromkeys(sample["query"] for sample in samples))
    present = [system for system in systems if any(key[0] == system for key in summary)]
    header = ["query"]
    for system in present:
        header += [f"{system} p50", "p95"] + ([f"÷ {reference}"] if system != reference else [])
    rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    ratios: dict[str, dict[str, float]] = {system: {} for system in present}
    for query in queries:
        cells = [f"`{query}`"]
        base = summary.get((reference, query), {}).get("p50")
        for system in present:
            stats = summary.get((system, query), {})
            cells += [ms(stats.get("p50")), ms(stats.get("p95"))]
            if system != reference:
                value = stats["p50"] / base if stats.get("p50") and base else None
                if value is not None:
                    ratios[system][query] = value
                cells.append(ratio(value))
        rows.append("| " + " | ".join(cells) + " |")
    medians = ["**median over queries**"]
    for system in present:
        p50s = [summary[(system, q)]["p50"] for q in queries if summary.get((system, q), {}).get("p50")]
        medians += [ms(statistics.median(p50s)) if p50s else "–", ""]
        if system != reference:
            medians.append(f"**{ratio(statistics.median(ratios[system].values()))}**" if ratios[system] else "–")
    rows.append("| " + " | ".join(medians) + " |")
    return rows, ratios


def median_p50(samples: list[dict], system: str) -> float | None:
    summary = summarise(samples)
    values = [stats["p50"] for (name, _), stats in summary.items() if name == system and stats["p50"]]
    return statistics.median(values) if values else None


def plot(scale: list[dict], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    figure, axis = plt.subplots(figsize=(7.5, 4.5), dpi=120)
    for system, marker in ((GCM, "o"), (OXIGRAPH_SERVE, "s")):
        points = [(step["quads"], median_p50(step["samples"], system)) for step in scale if step.get("samples")]
        points = [(x, y * 1000) for x, y in points if y]
        if points:
            axis.plot(*zip(*points, strict=True), marker=marker, label=f"{system}: median of per-query p50")
        worst = [
            (
                step["quads"],
                max(s["p50"] for (name, _), s in summarise(step["samples"]).items() if name == system and s["p50"])
                * 1000,
            )
            for step in scale
            if step.get("samples") and any(s["system"] == system for s in step["samples"])
        ]
        if worst:
            axis.plot(
                *zip(*worst, strict=True), marker=marker, linestyle=":", alpha=0.7, label=f"{system}: slowest query p50"
            )
    axis.set_xscale("log")
    axis.set_yscale("log")
    axis.set_xlabel("triples (quads) in the graph")
    axis.set_ylabel("latency, ms")
    axis.set_title("Query-mix latency against graph size")
    axis.grid(True, which="both", alpha=0.3)
    axis.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return True


def write_csv(results: dict, directory: Path) -> None:
    with open(directory / "latency.csv", "w", newline="") as sink:
        writer = csv.writer(sink)
        writer.writerow(["phase", "size", "system", "query", "n", "errors", "p50_ms", "p95_ms"])
        phases = [("mix", results["http"]["samples"], "")]
        phases += [("scale", step["samples"], step["quads"]) for step in results["scale"] if step.get("samples")]
        for phase, samples, size in phases:
            for (system, query), stats in summarise(samples).items():
                writer.writerow(
                    [
                        phase,
                        size,
                        system,
                        query,
                        stats["n"],
                        stats["errors"],
                        f"{stats['p50'] * 1000:.3f}" if stats["p50"] else "",
                        f"{stats['p95'] * 1000:.3f}" if stats["p95"] else "",
                    ]
                )
    with open(directory / "throughput.csv", "w", newline="") as sink:
        writer = csv.writer(sink)
        writer.writerow(["system", "clients", "seconds", "requests", "errors", "rps", "p50_ms", "p95_ms", "peak_rss"])
        for run in results["http"]["throughput"]:
            writer.writerow(
                [
                    run["system"],
                    run["clients"],
                    f"{run['seconds']:.1f}",
                    run["requests"],
                    run["errors"],
                    f"{run['rps']:.1f}",
                    f"{(run['p50'] or 0) * 1000:.3f}",
                    f"{(run['p95'] or 0) * 1000:.3f}",
                    run["peak_rss"],
                ]
            )


def write_outputs(results: dict, results_dir: Path, report_path: Path, baseline: dict | None) -> None:
    results_dir.mkdir(parents=True, exist_ok=True)
    report_path.parent.mkdir(parents=True, exist_ok=True)
    name = "quick.json" if results["quick"] else "latest.json"
    (results_dir / name).write_text(json.dumps(results, indent=1, default=str) + "\n")
    write_csv(results, results_dir)
    has_plot = plot(results["scale"], report_path.parent / PLOT_NAME)
    report_path.write_text(render(results, has_plot, baseline))


def render(results: dict, has_plot: bool, baseline: dict | None) -> str:
    out: list[str] = []
    add = out.append
    machine, versions = results["machine"], results["versions"]
    add("# Benchmarks\n")
    add(
        f"Generated by `{results['command']}` (see bench/README.md) on {results['started']}, "
        f"{results['wall_seconds'] / 60:.1f} minutes of wall time. Every table below comes from that one run; "
        "raw samples are in `bench/results/latest.json`, summaries in `bench/results/*.csv`.\n"
    )
    add("## Machine and versions\n")
    add(
        f"- {machine['cpu']}, {machine['cores']} cores, {machine['memory_bytes'] / 2**30:.0f} GiB memory; "
        f"{machine['os']}, Linux {machine['kernel']}; Python {machine['python']}"
    )
    add("- " + ", ".join(f"{name} {value}" for name, value in versions.items() if value) + "\n")
    add("## Systems and commands\n")
    add(
        "All servers listen on 127.0.0.1 and serve the same `dist/gcm.trig` (scale: the same synthetic file). "
        "Latency is measured with `http.client` on kept-alive connections, one request at a time, the "
        "query sent as a SPARQL Protocol POST form; each round sends every query to every system once, the "
        "order of the systems rotating request by request (A B C D, B C D A, ...).\n"
    )
    for system, info in results["http"]["systems"].items():
        add(f"- **{system}**: {results['descriptions'][system]}")
        for command in info["commands"]:
            add(f"  - `{portable(command)}`")
    add(f"- `oxigraph load` for the peers' store: `{systems_load_command(results)}`\n")

    _pipeline_section(results, add)
    ratios = _mix_section(results, add)
    _throughput_section(results, add)
    _scale_section(results, add, has_plot)
    if baseline:
        _before_after(results, baseline, add)
    _goals(results, ratios, add)
    return "\n".join(out) + "\n"


def systems_load_command(results: dict) -> str:
    return "oxigraph load --location DIR --file dist/gcm.trig"


def _pipeline_section(results: dict, add) -> None:
    pipeline = results["pipeline"]
    add("## Pipeline\n")
    add(
        f"{len(pipeline['runs']['build'])} runs of each, interleaved (build, validate, start-up, build, ...). "
        "Peak memory is the resident set of the process tree, sampled every 20 ms (200 ms for servers).\n"
    )
    add("| step | command | median s | slowest s | peak memory MiB | exit codes |")
    add("|---|---|---|---|---|---|")
    labels = {
        "build": "`gcm-graph build`",
        "validate": "`gcm-graph validate`",
        "startup": "server start-up to first answer",
    }
    for step, runs in pipeline["runs"].items():
        seconds = [run["seconds"] for run in runs]
        add(
            f"| {labels[step]} | `{portable(pipeline['commands'][step])}` | {statistics.median(seconds):.2f} | "
            f"{max(seconds):.2f} | {mib(max(run['peak_rss'] for run in runs))} | "
            f"{', '.join(str(run['exit_code']) for run in runs)} |"
        )
    add("")
    add(
        "Start-up to first answer of every system in the query-mix run (one start each; the peers load "
        "`dist/gcm.trig` as they start, `oxigraph serve` opens the store `oxigraph load` wrote):\n"
    )
    add("| system | start-up s | peak memory MiB over the whole HTTP phase |")
    add("|---|---|---|")
    for system, info in results["http"]["systems"].items():
        add(f"| {system} | {info['startup_seconds']:.2f} | {mib(info['peak_rss'])} |")
    load = results["http"]["oxigraph_load"]
    add(
        f"\n`oxigraph load` of `dist/gcm.trig`: {load['seconds']:.2f} s, {mib(load['peak_rss'])} MiB peak, "
        f"store {load['store_bytes'] / 2**20:.1f} MiB on disk.\n"
    )


def _mix_section(results: dict, add) -> dict:
    http = results["http"]
    rounds = results["plan"]["rounds"]
    add("## Query mix latency\n")
    add(
        f"{len(http['queries'])} queries ({sum(q['kind'] == 'cookbook' for q in http['queries'])} from the "
        f"cookbook, the rest resource lookups and a DESCRIBE; texts in `bench/mix.py`), {rounds} rounds after 2 "
        "warm-up requests per query and system. Milliseconds; ratio = p50 of the system ÷ p50 of "
        "`oxigraph serve` (below 1: faster than raw Oxigraph).\n"
    )
    rows, ratios = query_table(http["samples"], SYSTEMS, OXIGRAPH_SERVE)
    out = rows
    for row in out:
        add(row)
    add("")
    sizes = http["sizes"]
    disagreements = []
    for query in dict.fromkeys(sample["query"] for sample in http["samples"]):
        answers = {system: sizes.get(system, {}).get(query) for system in sizes}
        if len(set(answers.values())) > 1:
            disagreements.append(f"`{query}`: " + ", ".join(f"{s} {n}" for s, n in answers.items()))
    add(
        "Answer sizes (rows, or triples for CONSTRUCT/DESCRIBE) agree across all systems"
        + (" except: " + "; ".join(disagreements) + "." if disagreements else ".")
        + "\n"
    )
    errors = summarise(http["samples"])
    failed = [f"{s} {q}: {v['errors']}" for (s, q), v in errors.items() if v["errors"]]
    if failed:
        add("Failed requests: " + "; ".join(failed) + "\n")
    short = [f"{s} `{q}` ({v['n']} of {rounds})" for (s, q), v in errors.items() if v["n"] < rounds and not v["errors"]]
    if short:
        add("Sampled fewer times because they used up the 60 s budget per system and query: " + ", ".join(short) + "\n")
    return ratios


def _throughput_section(results: dict, add) -> None:
    runs = results["http"]["throughput"]
    seconds = results["plan"]["throughput_seconds"]
    add("## Throughput\n")
    add(
        f"Concurrent clients (threads of the benchmark process, each on its own kept-alive connection) send "
        f"the query mix in a loop for {seconds:g} s per system and level, systems interleaved within each "
        "level. The client shares the machine's cores with the server. Peak memory: the server's process tree "
        "during that run (gcm-graph→oxigraph: its own and its Oxigraph backend's).\n"
    )
    add("| clients | system | requests/s | requests | errors | p50 ms | p95 ms | peak memory MiB |")
    add("|---|---|---|---|---|---|---|---|")
    for run in runs:
        add(
            f"| {run['clients']} | {run['system']} | {run['rps']:.1f} | {run['requests']} | {run['errors']} | "
            f"{ms(run['p50'])} | {ms(run['p95'])} | {mib(run['peak_rss'])} |"
        )
    add("")


def _scale_section(results: dict, add, has_plot: bool) -> None:
    add("## Scale\n")
    add(
        "`bench/synth.py` grows the graph with national implementation reviews, pledges and regional reviews "
        "that cite adopted objectives, their actions and instruments, with text and provenance, written like "
        "the build writes the Progress Declaration (see its docstring). Each size starts from the built graph. "
        "Load: `oxigraph load` for Oxigraph (then `oxigraph serve` opens the store), start-up to first answer "
        "for gcm-graph (its query workers load the N-Quads file into memory). gcm-graph keeps no store on "
        "disk: its column shows the file it reads.\n"
    )
    for step in results["scale"]:
        if step.get("validate"):
            verdict = "conforms" if step["validate"]["exit_code"] == 0 else "does NOT conform"
            add(
                f"The {step['quads']:,}-quad synthetic graph {verdict} to the shapes "
                f"(`gcm-graph validate`, {step['validate']['seconds']:.1f} s, "
                f"{mib(step['validate']['peak_rss'])} MiB).\n"
            )
    add(
        "| quads | synth s | oxigraph load s | load triples/s | load peak MiB | store on disk MiB | "
        "serve peak MiB | gcm-graph start-up s | triples/s | gcm-graph peak MiB | file MiB | settings |"
    )
    add("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for step in results["scale"]:
        if step.get("skipped"):
            add(f"| {step['target']:,} | skipped: {step['skipped']} |||||||||||")
            continue
        load = step["oxigraph_load"]
        memory = step.get("memory", {})
        ok = [a for a in step["gcm_attempts"] if "startup_seconds" in a]
        gcm = ok[0] if ok else None
        settings = "default" if gcm and not gcm["flags"] else " ".join(gcm["flags"]) if gcm else "did not start"
        cells = [
            f"{step['quads']:,}",
            f"{step['synth_seconds']:.1f}",
            f"{load['seconds']:.1f}",
            f"{step['quads'] / load['seconds']:,.0f}",
            mib(load["peak_rss"]),
            mib(load["store_bytes"]),
            mib(memory.get(OXIGRAPH_SERVE)),
        ]
        if gcm:
            cells += [f"{gcm['startup_seconds']:.1f}", f"{step['quads'] / gcm['startup_seconds']:,.0f}"]
        else:
            cells += ["–", "–"]
        cells += [mib(memory.get(GCM)), mib(step["file_bytes"]), settings]
        add("| " + " | ".join(cells) + " |")
    add("")
    failures = [(step["quads"], a) for step in results["scale"] for a in step.get("gcm_attempts", []) if "error" in a]
    for quads, attempt in failures:
        add(
            f"- At {quads:,} quads gcm-graph with {' '.join(attempt['flags']) or 'default settings'} did not "
            f"start: {portable(attempt['error'])}"
            + (f" (log: `{portable(attempt['log'][-1])}`)" if attempt.get("log") else "")
        )
    if failures:
        add("")
    add("Query-mix latency at each size (p50 / p95 ms; ratio of p50s, gcm-graph ÷ oxigraph serve):\n")
    steps = [step for step in results["scale"] if step.get("samples")]
    header = ["query"] + [f"{step['quads']:.0e}".replace("e+0", "e") for step in steps]
    add("| " + " | ".join(header) + " |")
    add("|" + "---|" * len(header))
    queries = list(dict.fromkeys(s["query"] for step in steps for s in step["samples"]))
    summaries = [summarise(step["samples"]) for step in steps]
    for query in queries:
        cells = [f"`{query}`"]
        for summary in summaries:
            gcm, oxi = summary.get((GCM, query), {}), summary.get((OXIGRAPH_SERVE, query), {})
            value = gcm["p50"] / oxi["p50"] if gcm.get("p50") and oxi.get("p50") else None
            cells.append(
                f"{ms(gcm.get('p50'))} / {ms(gcm.get('p95'))} vs {ms(oxi.get('p50'))} / "
                f"{ms(oxi.get('p95'))} ({ratio(value)})"
            )
        add("| " + " | ".join(cells) + " |")
    add("")
    if has_plot:
        add(f"![Query-mix latency against graph size]({PLOT_NAME})\n")


def _before_after(results: dict, baseline: dict, add) -> None:
    add("## Before and after the fix\n")
    add(
        f"Before: `bench/results/baseline.json`, the same command at commit "
        f"{baseline['versions'].get('gcm-graph commit')} ({baseline['started']}); after: this run. gcm-graph "
        "embedded, query-mix p50 and p95 in ms, and the ratio to `oxigraph serve` in the same run.\n"
    )
    before, after = summarise(baseline["http"]["samples"]), summarise(results["http"]["samples"])
    add(
        "| query | before p50 | before p95 | before ÷ oxigraph | after p50 | after p95 | after ÷ oxigraph | "
        "after ÷ before |"
    )
    add("|---|---|---|---|---|---|---|---|")
    changes = []
    for query in dict.fromkeys(s["query"] for s in results["http"]["samples"]):
        b, a = before.get((GCM, query), {}), after.get((GCM, query), {})
        bo, ao = before.get((OXIGRAPH_SERVE, query), {}), after.get((OXIGRAPH_SERVE, query), {})
        if not (b.get("p50") and a.get("p50")):
            continue
        changes.append(a["p50"] / b["p50"])
        add(
            f"| `{query}` | {ms(b['p50'])} | {ms(b['p95'])} | {ratio(b['p50'] / bo['p50'] if bo.get('p50') else None)} "
            f"| {ms(a['p50'])} | {ms(a['p95'])} | {ratio(a['p50'] / ao['p50'] if ao.get('p50') else None)} | "
            f"{ratio(a['p50'] / b['p50'])} |"
        )
    if changes:
        add(f"\nMedian change of p50 over the mix: {ratio(statistics.median(changes))}.\n")
    add("| clients | before requests/s | after requests/s | before peak MiB | after peak MiB |")
    add("|---|---|---|---|---|")
    for run in results["http"]["throughput"]:
        if run["system"] != GCM:
            continue
        old = next(
            (r for r in baseline["http"]["throughput"] if r["system"] == GCM and r["clients"] == run["clients"]), None
        )
        if old:
            add(
                f"| {run['clients']} | {old['rps']:.1f} | {run['rps']:.1f} | {mib(old['peak_rss'])} | "
                f"{mib(run['peak_rss'])} |"
            )
    add("")


def _goals(results: dict, ratios: dict, add) -> None:
    add("## Goals\n")
    gcm = ratios.get(GCM, {})
    rdflib = ratios.get(RDFLIB, {})
    lines = []
    if gcm:
        median = statistics.median(gcm.values())
        worst_query = max(gcm, key=gcm.get)
        lines.append(
            f"- gcm-graph embedded at least as fast as raw Oxigraph on the median query (ratio ≤ {GOAL_MEDIAN:g}): "
            f"median over the mix of per-query p50 ratios **{median:.2f}×**: "
            f"**{'met' if median <= GOAL_MEDIAN else 'not met'}**."
        )
        lines.append(
            f"- within {GOAL_EVERY:g}× on every query: worst `{worst_query}` at **{gcm[worst_query]:.2f}×**; "
            f"{sum(v <= GOAL_EVERY for v in gcm.values())} of {len(gcm)} queries within: "
            f"**{'met' if gcm[worst_query] <= GOAL_EVERY else 'not met'}**."
        )
    if gcm and rdflib:
        speedups = {q: rdflib[q] / gcm[q] for q in gcm if q in rdflib}
        median = statistics.median(speedups.values())
        lines.append(
            f"- at least {GOAL_RDFLIB:g}× faster than rdflib-endpoint on the median query: median over the mix of "
            f"per-query speed-ups **{median:.1f}×** (from {min(speedups.values()):.1f}× to "
            f"{max(speedups.values()):.1f}×): **{'met' if median >= GOAL_RDFLIB else 'not met'}**."
        )
    remote = ratios.get(GCM_REMOTE, {})
    if remote:
        lines.append(
            f"- (no goal) gcm-graph fronting `oxigraph serve`: median ratio {statistics.median(remote.values()):.2f}× "
            "to raw Oxigraph, the price of the protocol, guard and formatting layer on top of the same engine."
        )
    for line in lines:
        add(line)
    add("")
    if ANALYSIS.exists():
        add(ANALYSIS.read_text().strip() + "\n")


def main(argv: list[str] | None = None) -> int:
    """Render the report again from raw results (after editing bench/analysis.md): no measurement is repeated."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("results", type=Path, nargs="?", default=ROOT / "bench" / "results" / "latest.json")
    parser.add_argument("--report", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--baseline", type=Path, default=ROOT / "bench" / "results" / "baseline.json")
    args = parser.parse_args(argv)
    results = json.loads(args.results.read_text())
    baseline = json.loads(args.baseline.read_text()) if args.baseline.exists() else None
    write_outputs(results, args.results.parent, args.report, baseline)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
