"""A build interrupted halfway (``gcm-graph build`` killed with SIGKILL) leaves the previous ``dist/``
intact and servable. The failing builds (missing, changed or unreadable sources, a failed write) are
covered by tests/test_build.py; this is the case no exception handler can help with.

Killed after "serialising" nothing has been written yet; killed after "writing" the kill lands before,
during or after the swap into place, so ``dist/`` must be either the previous one, byte for byte, or the
complete new one (it matches its manifest): never a mixture.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from gcm_graph.config import PROJECT_ROOT
from gcm_graph.dist import read_manifest
from gcm_graph.server.dumps import check_dist
from tests.server.conftest import LiveServer
from tests.test_build import snapshot


def build_killed_after(step: str, dist) -> int:
    """Run ``gcm-graph build --dist DIST``, SIGKILL it as soon as it reports ``step``; its return code."""
    build = subprocess.Popen(
        [sys.executable, "-m", "gcm_graph.cli", "build", "--dist", str(dist)],
        cwd=PROJECT_ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for line in build.stderr:
            if step in line:
                build.send_signal(signal.SIGKILL)
                break
        return build.wait(60)
    finally:
        if build.poll() is None:
            build.kill()
            build.wait(10)
        build.stderr.close()


def previous_build(source: Path, dist: Path) -> Path:
    """A servable dist/ that differs from what a new build writes (a comment in gcm.trig, in the manifest too),
    so the test can tell the previous build from a finished new one."""
    shutil.copytree(source, dist)
    trig = (dist / "gcm.trig").read_bytes() + b"# the previous build\n"
    (dist / "gcm.trig").write_bytes(trig)
    manifest = read_manifest(dist)
    manifest["files"]["gcm.trig"] = {"bytes": len(trig), "sha256": hashlib.sha256(trig).hexdigest()}
    (dist / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return dist


@pytest.mark.parametrize("step", ["serialising", "writing"])
def test_a_build_killed_halfway_leaves_a_complete_servable_dist(hardening_dist, tmp_path, step):
    dist = previous_build(hardening_dist, tmp_path / "dist")
    before = snapshot(dist)

    returncode = build_killed_after(step, dist)

    after = snapshot(dist)
    if step == "serialising" or after == before:
        assert returncode == -signal.SIGKILL
        assert after == before
    else:
        check_dist(dist)  # the new build, whole
    live = LiveServer("--data", str(dist), "--workers", "1", log=tmp_path / "serve.log")
    try:
        response = requests.get(live.url + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
        served = int(response.json()["results"]["bindings"][0]["n"]["value"])
        quads = sum(1 for line in (dist / "gcm.nq").read_text(encoding="utf-8").splitlines() if line.strip())
        assert served == quads  # the union default graph counts a triple once per named graph holding it
    finally:
        live.stop()
