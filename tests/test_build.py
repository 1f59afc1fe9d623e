"""The build: determinism, atomic output, and a clear message and exit code for each failure."""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gcm_graph import build as build_module
from gcm_graph.build import EXIT_EXTRACTION, EXIT_SOURCE, BuildError, build
from gcm_graph.dist import write_dist
from gcm_graph.extract.sources import QUICK_REFERENCE_PLAINTEXT, SOURCES_DIR

COMMAND = [sys.executable, "-m", "gcm_graph.cli", "build", "--quiet"]


@pytest.fixture
def sources_copy(tmp_path) -> Path:
    copy = tmp_path / "sources"
    shutil.copytree(SOURCES_DIR, copy)
    return copy


@pytest.fixture
def previous_dist(tmp_path) -> Path:
    """A dist/ from an earlier build, which a failing build must leave exactly as it was."""
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "gcm.trig").write_text("# previous build\n", encoding="utf-8")
    return dist


def snapshot(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def rewrite_checksums(directory: Path) -> None:
    lines = [
        f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}" for path in sorted(directory.glob("*.txt"))
    ]
    (directory / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_two_builds_are_byte_identical(tmp_path):
    outputs = []
    for seed in ("1", "2"):
        dist = tmp_path / f"dist-{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([*COMMAND, "--dist", str(dist)], check=True, env=env)
        outputs.append(snapshot(dist))
    assert outputs[0] == outputs[1]
    assert set(outputs[0]) >= {"gcm.trig", "gcm.ttl", "gcm.nt", "gcm.jsonld", "void.ttl", "manifest.json"}


def test_missing_source_file(sources_copy, previous_dist):
    (sources_copy / QUICK_REFERENCE_PLAINTEXT).unlink()
    before = snapshot(previous_dist)
    with pytest.raises(BuildError, match="source file missing") as failure:
        build(previous_dist, sources_dir=sources_copy)
    assert failure.value.exit_code == EXIT_SOURCE
    assert QUICK_REFERENCE_PLAINTEXT in str(failure.value)
    assert snapshot(previous_dist) == before


def test_changed_source_file(sources_copy, previous_dist):
    path = sources_copy / QUICK_REFERENCE_PLAINTEXT
    path.write_text(path.read_text(encoding="utf-8").replace("187 specific", "188 specific"), encoding="utf-8")
    before = snapshot(previous_dist)
    with pytest.raises(BuildError, match="checksum mismatch") as failure:
        build(previous_dist, sources_dir=sources_copy)
    assert failure.value.exit_code == EXIT_SOURCE
    assert snapshot(previous_dist) == before


def test_truncated_source_file_by_command_line(sources_copy, previous_dist):
    path = sources_copy / QUICK_REFERENCE_PLAINTEXT
    path.write_bytes(path.read_bytes()[:1000])
    before = snapshot(previous_dist)
    result = subprocess.run(
        [*COMMAND, "--dist", str(previous_dist), "--sources", str(sources_copy)], capture_output=True, text=True
    )
    assert result.returncode == EXIT_SOURCE
    assert "checksum mismatch" in result.stderr and "1000 bytes" in result.stderr
    assert snapshot(previous_dist) == before


def test_unreconcilable_witnesses(sources_copy, previous_dist):
    path = sources_copy / QUICK_REFERENCE_PLAINTEXT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Establish database of corpses", "Establish register of corpses"), encoding="utf-8")
    rewrite_checksums(sources_copy)
    before = snapshot(previous_dist)
    with pytest.raises(BuildError, match=r"objective 8 action e: sources/.*markdown-extract\.txt:\d+ says") as failure:
        build(previous_dist, sources_dir=sources_copy)
    assert failure.value.exit_code == EXIT_EXTRACTION
    assert snapshot(previous_dist) == before


def test_failure_while_writing_leaves_previous_dist(monkeypatch, previous_dist):
    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(build_module, "serialise", lambda *args: b"partial")
    monkeypatch.setattr("gcm_graph.dist._swap", fail)
    before = snapshot(previous_dist)
    with pytest.raises(BuildError, match="disk full"):
        build(previous_dist)
    assert snapshot(previous_dist) == before
    assert [p.name for p in previous_dist.parent.iterdir() if p.name.startswith(".dist.")] == []


def test_the_next_write_clears_what_a_killed_build_left(previous_dist):
    (previous_dist.parent / ".dist.new-killed").mkdir()
    (previous_dist.parent / ".dist.new-killed" / "gcm.trig").write_text("# half written\n", encoding="utf-8")
    (previous_dist.parent / ".dist.old-killed").mkdir()
    write_dist({"gcm.trig": b"# new build\n"}, previous_dist, {})
    assert (previous_dist / "gcm.trig").read_text(encoding="utf-8") == "# new build\n"
    assert sorted(p.name for p in previous_dist.parent.iterdir()) == ["dist"]


def test_a_dist_retired_by_a_build_killed_mid_swap_is_put_back(monkeypatch, previous_dist):
    """Killed between the swap's two renames: no dist/, the previous one in .dist.old-*. The next write puts
    it back first, so that write failing in turn still leaves it in place."""
    before = snapshot(previous_dist)
    previous_dist.rename(previous_dist.parent / ".dist.old-killed")

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("gcm_graph.dist._swap", fail)
    with pytest.raises(OSError, match="disk full"):
        write_dist({"gcm.trig": b"# new build\n"}, previous_dist, {})
    assert snapshot(previous_dist) == before
    assert sorted(p.name for p in previous_dist.parent.iterdir()) == ["dist"]


def test_every_dump_holds_the_same_graph(built_dist):
    from rdflib import Dataset, Graph

    union = Graph().parse(built_dist / "gcm.nt", format="nt")
    for name, fmt in (("gcm.ttl", "turtle"), ("gcm.jsonld", "json-ld")):
        assert len(Graph().parse(built_dist / name, format=fmt)) == len(union), name
    quads = Dataset().parse(built_dist / "gcm.nq", format="nquads")
    trig = Dataset().parse(built_dist / "gcm.trig", format="trig")
    assert len(list(quads.quads())) == len(list(trig.quads())) >= len(union)
    assert f'"triples": {len(union)}' in (built_dist / "manifest.json").read_text(encoding="utf-8")
