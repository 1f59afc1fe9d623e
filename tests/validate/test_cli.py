"""``gcm-graph validate``: exit 0 on the built graph, 1 on broken data, 2 on input it cannot read;
the three report formats; the data behind a real ``oxigraph serve`` on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDF, SH

import gcm_graph.validate
from gcm_graph.cli import main
from gcm_graph.config import PROJECT_ROOT
from tests.validate.mutations import MUTATIONS

# The examples of the issue: drop an action, duplicate a letter, change a footnote title, remove an
# ELI IRI, add an uncited instrument, give a round table a second copy of an objective.
ISSUE_EXAMPLES = [
    "ActionsLetteredWithoutGaps",
    "ActionLettersUnique",
    "QuotedTitleEqualsAdoptedTitle",
    "LegalBasesOfCom2018167",
    "InstrumentCited",
    "NoObjectiveCoveredTwice",
]


def validate(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


def test_the_built_graph_conforms_exit_0(built_dist):
    result = subprocess.run(
        [sys.executable, "-m", "gcm_graph.cli", "validate", str(built_dist / "gcm.trig")],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{built_dist / 'gcm.trig'} (") and "conforms: 0 violations" in first


def test_dist_is_the_default(built_dist, monkeypatch):
    monkeypatch.setattr(gcm_graph.validate, "DEFAULT_DIST_DIR", built_dist)
    result = validate()
    assert result.exit_code == 0, result.output
    assert str(built_dist / "gcm.trig") in result.output


@pytest.mark.parametrize("name", ISSUE_EXAMPLES)
def test_broken_data_exit_1(name, mutated_store, tmp_path):
    mutation = next(m for m in MUTATIONS if m.constraint == name)
    path = tmp_path / "broken.nq"
    mutated_store(mutation.update).dump(path, format=ox.RdfFormat.N_QUADS)
    result = validate(str(path))
    assert result.exit_code == 1, result.output
    assert "Violation (" in result.output and mutation.expect in result.output


def test_dropping_an_action_breaks_lettering_and_the_stated_count(mutated_store, tmp_path):
    mutation = next(m for m in MUTATIONS if m.constraint == "ActionsLetteredWithoutGaps")
    path = tmp_path / "broken.nq"
    mutated_store(mutation.update).dump(path, format=ox.RdfFormat.N_QUADS)
    result = validate("--format", "json", str(path))
    assert result.exit_code == 1
    failed = {(r["sourceConstraint"] or "").rsplit("/", 1)[-1] for r in json.loads(result.output)["results"]}
    assert {"ActionsLetteredWithoutGaps", "StatedActionCountMatches"} <= failed


def test_text_report_groups_by_severity_then_shape(mutated_store, tmp_path):
    names = ("NoObjectiveCoveredTwice", "SourceText-whitespace Pattern", "InstrumentCited")
    update = " ; ".join(m.update for m in MUTATIONS if m.constraint in names)
    path = tmp_path / "broken.nq"
    mutated_store(update).dump(path, format=ox.RdfFormat.N_QUADS)
    output = validate(str(path)).output
    assert output.index("\nViolation (") < output.index("\nWarning (") < output.index("\nInfo (")
    assert "\n  gcmsh:NoObjectiveCoveredTwice (SPARQL): 1 result\n" in output
    assert "\n  gcmsh:SourceText-whitespace (Pattern): 1 result\n" in output
    assert "      focus: <https://w3id.org/gcm-graph/id/document/imrf-progress-declaration-2022>\n" in output
    assert "      path:  schema:text|schema:abstract|dcterms:title\n" in output


def test_json_and_turtle_reports_say_the_same(built_dist):
    as_json = json.loads(validate("--format", "json", str(built_dist / "gcm.trig")).output)
    turtle = Graph().parse(data=validate("--format", "turtle", str(built_dist / "gcm.trig")).output, format="turtle")
    report = turtle.value(None, RDF.type, SH.ValidationReport, any=False)
    assert turtle.value(report, SH.conforms).toPython() is as_json["conforms"] is True
    assert len(list(turtle.objects(report, SH.result))) == len(as_json["results"]) == sum(as_json["counts"].values())
    assert {r["severity"] for r in as_json["results"]} <= {"Warning", "Info"}


def test_missing_file_exit_2(tmp_path):
    result = validate(str(tmp_path / "gcm.trig"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'gcm.trig'}: no such file" in result.output


def test_unparsable_file_names_file_and_line(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e "open .\n', encoding="utf-8")
    result = validate(str(path))
    assert result.exit_code == 2
    assert f"{path}:3: not valid Turtle" in result.output


def test_unknown_extension_exit_2(tmp_path):
    path = tmp_path / "gcm.txt"
    path.write_text("", encoding="utf-8")
    result = validate(str(path))
    assert result.exit_code == 2 and "unknown RDF format" in result.output


def test_file_and_endpoint_together_is_a_usage_error(built_dist):
    result = validate(str(built_dist / "gcm.trig"), "--endpoint", "http://127.0.0.1:9/query")
    assert result.exit_code == 2 and "not both" in result.output


def test_unreachable_endpoint_exit_2():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = validate("--endpoint", f"http://127.0.0.1:{port}/query")
    assert result.exit_code == 2
    assert "unreachable" in result.output


@pytest.fixture(scope="module")
def oxigraph_endpoint(built_dist, tmp_path_factory):
    """``oxigraph serve-read-only`` (PyPI package ``oxigraph``) on a free loopback port, loaded with
    dist/gcm.trig; its default graph is the default one, not the union."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed")
    location = tmp_path_factory.mktemp("oxigraph")
    subprocess.run(
        [binary, "load", "--location", str(location), "--file", str(built_dist / "gcm.trig")], check=True, timeout=120
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [binary, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}/query"
    finally:
        process.terminate()
        process.wait(10)


def test_endpoint_gives_the_same_report_as_the_file(oxigraph_endpoint, built_dist):
    from_endpoint = validate("--endpoint", oxigraph_endpoint, "--format", "json")
    from_file = json.loads(validate(str(built_dist / "gcm.trig"), "--format", "json").output)
    assert from_endpoint.exit_code == 0, from_endpoint.output
    report = json.loads(from_endpoint.output)
    assert report["source"] == oxigraph_endpoint
    assert report["triples"] == from_file["triples"]
    assert report["results"] == from_file["results"]


def _wait_for_port(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"oxigraph did not listen on 127.0.0.1:{port} within {seconds} s")
