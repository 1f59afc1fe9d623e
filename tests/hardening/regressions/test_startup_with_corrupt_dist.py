"""What broke: ``serve.py --data DIST`` over a corrupt ``gcm.trig`` died with a traceback and exit code 1
(the query workers' load error, a StoreError, was not one of the start-up errors ``serve`` reports).
A ``gcm.trig`` cut off at the end of a graph parses, so the server started and silently served part of
the data; a corrupt ``void.ttl`` started too, then answered 500 on every page that reads it.

Start-up now checks ``dist/`` against its ``manifest.json`` (sizes and SHA-256 of every file) and reads
``void.ttl``; anything missing or corrupt is one line on stderr naming the file, and exit code 2."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from gcm_graph.config import PROJECT_ROOT
from tests.server.conftest import free_port, serve_command, server_environment


def cut_trig_after_first_graph(dist: Path) -> None:
    text = (dist / "gcm.trig").read_text(encoding="utf-8")
    (dist / "gcm.trig").write_text(text[: text.index("\n}\n") + 3], encoding="utf-8")


def corrupt(dist: Path, case: str) -> None:
    if case == "missing":
        shutil.rmtree(dist)
    elif case == "empty":
        shutil.rmtree(dist)
        dist.mkdir()
    elif case == "trig cut off, no manifest":
        (dist / "manifest.json").unlink()
        (dist / "gcm.trig").write_bytes((dist / "gcm.trig").read_bytes()[:300_000])
    elif case == "trig cut at a graph's end":
        cut_trig_after_first_graph(dist)
    elif case == "void.ttl corrupt, no manifest":
        (dist / "manifest.json").unlink()
        (dist / "void.ttl").write_text("@prefix broken", encoding="utf-8")
    elif case == "manifest.json corrupt":
        (dist / "manifest.json").write_text("{not json", encoding="utf-8")


CASES = {
    "missing": "no such RDF file",
    "empty": "no such RDF file",
    "trig cut off, no manifest": "gcm.trig",
    "trig cut at a graph's end": "manifest.json",
    "void.ttl corrupt, no manifest": "void.ttl",
    "manifest.json corrupt": "manifest.json",
}


def test_a_missing_or_corrupt_dist_is_one_clear_line_and_exit_code_2(hardening_dist, tmp_path):
    started = {}
    try:
        for index, case in enumerate(CASES):
            dist = tmp_path / f"case-{index}" / "dist"
            shutil.copytree(hardening_dist, dist)
            corrupt(dist, case)
            command = serve_command(free_port(), "--data", str(dist), "--workers", "1")
            started[case] = subprocess.Popen(
                command, cwd=PROJECT_ROOT, env=server_environment(), stderr=subprocess.PIPE, text=True
            )
        for case, words in CASES.items():
            _, stderr = started[case].communicate(timeout=120)
            assert started[case].returncode == 2, (case, stderr[-2000:])
            assert "Traceback" not in stderr, (case, stderr[-2000:])
            assert words in stderr and "gcm-graph serve:" in stderr, (case, stderr[-2000:])
    finally:
        for process in started.values():
            if process.poll() is None:
                process.kill()
                process.wait(10)


@pytest.fixture
def intact(hardening_dist, tmp_path) -> Path:
    return Path(shutil.copytree(hardening_dist, tmp_path / "dist"))


def test_an_intact_dist_passes_the_start_up_check(intact):
    from gcm_graph.server.dumps import check_dist

    check_dist(intact)
