"""``gcm-graph links check``: green on the committed tables, non-zero on a malformed identifier of
each scheme, on an SDG code missing from the shipped table and on tables that disagree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gcm_graph.cli import main
from gcm_graph.config import DATA_DIR
from gcm_graph.links.check import format_report, run_check


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of data/ to break."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_cli(*args: str):
    return CliRunner().invoke(main, ["links", "check", *args])


def test_committed_tables_pass():
    report = run_check()
    assert report.errors == []
    assert report.coverage.objectives_without_sdg == []
    assert report.counts["instruments"] >= 70
    assert report.identifiers["un_symbol"] >= 20


def test_cli_exits_zero_and_reports_coverage():
    result = run_cli()
    assert result.exit_code == 0, result.output
    assert "no errors" in result.output
    assert "adopted objectives without an SDG link: none" in result.output
    assert "instruments without an external identifier:" in result.output
    assert "charter-of-the-united-nations (treaty)" in result.output


BREAKS = [
    # (file, old, new, expected fragment of the error)
    ("instruments.yaml", 'celex: "12016E209"', 'celex: "12016E0209"', "celex '12016E0209' is malformed"),
    (
        "instruments.yaml",
        "http://data.europa.eu/eli/treaty/tfeu_2016/art_209/oj",
        "http://data.europa.eu/eli/treaty/tfeu/art_209/oj",
        "eli 'http://data.europa.eu/eli/treaty/tfeu/art_209/oj'",
    ),
    ("instruments.yaml", 'ecli: "ECLI:EU:C:2014:1903"', 'ecli: "EU:C:2014:1903"', "ecli 'EU:C:2014:1903' is malformed"),
    ("instruments.yaml", 'oj: "OJ C 210, 30.6.2017, p. 1"', 'oj: "ABl. C 210 vom 30.6.2017, S. 1"', "oj 'ABl. C 210"),
    (
        "instruments.yaml",
        'au_symbol: "Assembly/AU/Dec.695(XXXI)"',
        'au_symbol: "Assembly/AU/Dec.695"',
        "au_symbol 'Assembly/AU/Dec.695' is malformed",
    ),
    ("instruments.yaml", 'un_symbol: "A/RES/70/1"', 'un_symbol: "A/RES/70-1"', "un_symbol 'A/RES/70-1' is malformed"),
    ("un_documents.yaml", 'symbol: "A/76/642"', 'symbol: "A//76/642"', "un_symbol 'A//76/642' is malformed"),
    ("eu_documents.yaml", 'celex: "52018PC0168"', 'celex: "52018PC168"', "celex '52018PC168' is malformed"),
    (
        "organisations.yaml",
        "    justification: IMRF 18.\n",
        '    identifiers: {wikidata: "P31"}\n    justification: IMRF 18.\n',
        "wikidata 'P31' is malformed",
    ),
    ("sdg_links.yaml", 'sdg: "17.18"', 'sdg: "17.19"', "SDG code '17.19' is not in the shipped SDG table"),
    ("sdg_links.yaml", 'sdg: "17.18"', 'sdg: "18"', "SDG code '18' is malformed"),
    ("sdg.yaml", 'code: "10.c"', 'code: "10.C"', "SDG code '10.C' is malformed"),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), BREAKS, ids=[b[3][:40] for b in BREAKS])
def test_malformed_identifier_fails_the_check(data, name, old, new, expected):
    replace(data / name, old, new)
    report = run_check(data)
    assert any(expected in error for error in report.errors), report.errors
    assert all(error.startswith(str(data)) for error in report.errors), report.errors
    result = run_cli("--data", str(data))
    assert result.exit_code == 1
    assert expected in result.output


def test_tables_that_disagree_fail_the_check(data):
    replace(data / "un_documents.yaml", "instruments: [sg-report-a-76-642]", "instruments: [agenda-2030]")
    replace(data / "events.yaml", "organizer: unfccc-conference-of-the-parties", "organizer: cop")
    replace(data / "instruments.yaml", 'celex: "12016E208"', 'celex: "12016E207"')
    replace(data / "instruments.yaml", 'un_symbol: "A/RES/68/4"', 'un_symbol: "A/RES/68/5"')
    errors = run_check(data).errors
    assert any("un_symbol 'A/RES/68/5' of 'hld-2013-declaration' has no row" in error for error in errors), errors
    assert any("'A/76/642' does not list 'sg-report-a-76-642'" in error for error in errors), errors
    assert any("instrument 'agenda-2030' has un_symbol 'A/RES/70/1', not 'A/76/642'" in error for error in errors)
    assert any("organizer 'cop' of 'unfccc-cop-26' is not in data/organisations.yaml" in error for error in errors)
    assert any("CELEX 12016E207 and ELI" in error and "different articles" in error for error in errors)


def test_article_celex_must_belong_to_its_treaty(data):
    replace(data / "instruments.yaml", 'celex: "12016M021"', 'celex: "12016E021"')
    replace(
        data / "instruments.yaml",
        "http://data.europa.eu/eli/treaty/teu_2016/art_21/oj",
        "http://data.europa.eu/eli/treaty/tfeu_2016/art_21/oj",
    )
    errors = run_check(data).errors
    assert any("CELEX 12016E021 of 'teu-art-21' is not of its treaty 'teu'" in error for error in errors), errors


def test_coverage_lists_objectives_without_sdg_link(data):
    path = data / "sdg_links.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - objective: 22\n")
    end = text.index("  - objective: 23\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    report = run_check(data)
    assert report.errors == []
    assert report.coverage.objectives_without_sdg == [22]
    assert report.coverage.unused_sdg_concepts == ["1.3"]
    assert "adopted objectives without an SDG link: 22" in format_report(report)


def test_missing_table_is_an_error_and_a_missing_directory_a_usage_error(data, tmp_path):
    (data / "events.yaml").unlink()
    report = run_check(data)
    assert any("events.yaml:1: file missing" in error for error in report.errors)
    assert run_cli("--data", str(tmp_path / "absent")).exit_code == 2
