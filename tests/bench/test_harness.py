"""Smoke test: the benchmark harness runs end to end on the smallest size, so it cannot rot.

No timings are asserted (benchmarks are not tests): only that every phase ran, every system
answered every query of the mix, and the report and raw results were written.
"""

from __future__ import annotations

import json

import pytest

pytest.importorskip("psutil")
pytest.importorskip("rdflib_endpoint")

from bench import run  # noqa: E402
from bench.report import PLOT_NAME  # noqa: E402
from bench.systems import DESCRIPTIONS  # noqa: E402


def test_quick_run_writes_results_and_report(tmp_path):
    report = tmp_path / "docs" / "benchmarks.md"
    assert (
        run.main(
            [
                "--quick",
                "--results",
                str(tmp_path / "results"),
                "--report",
                str(report),
                "--baseline",
                str(tmp_path / "no-baseline.json"),
            ]
        )
        == 0
    )

    results = json.loads((tmp_path / "results" / "quick.json").read_text())
    assert set(results["http"]["systems"]) == set(DESCRIPTIONS)
    assert all(sample["status"] == 200 for sample in results["http"]["samples"])
    assert {run["clients"] for run in results["http"]["throughput"]} == set(run.QUICK.clients)
    assert all(r["exit_code"] == 0 for runs in results["pipeline"]["runs"].values() for r in runs)
    step = results["scale"][0]
    assert step["quads"] >= run.QUICK.sizes[0] and step["samples"]
    assert (tmp_path / "results" / "latency.csv").exists()
    text = report.read_text()
    for heading in ("## Pipeline", "## Query mix latency", "## Throughput", "## Scale", "## Goals"):
        assert heading in text
    assert (report.parent / PLOT_NAME).exists()
