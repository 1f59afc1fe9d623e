"""Identifier scheme checks: well-formed identifiers pass, a malformed one of each scheme fails."""

from __future__ import annotations

import pytest

from gcm_graph.links.schemes import (
    cellar_celex_iri,
    check_identifier,
    check_sdg_code,
    sdg_kos_iri,
    treaty_article_consistency,
    un_resolver_url,
)

WELL_FORMED = [
    ("un_symbol", "A/RES/73/195"),
    ("un_symbol", "A/76/642"),
    ("un_symbol", "FCCC/CP/2015/10/Add.1"),
    ("un_symbol", "A/RES/217A (III)"),
    ("un_symbol", "A/73/12 (Part II)"),
    ("celex", "12016E209"),
    ("celex", "12016M016"),
    ("celex", "12016M/TXT"),
    ("celex", "12016E/PRO/21"),
    ("celex", "52018PC0167"),
    ("celex", "62012CJ0377"),
    ("celex", "42017Y0630(01)"),
    ("eli", "http://data.europa.eu/eli/treaty/teu_2016/art_16/oj"),
    ("eli", "http://data.europa.eu/eli/treaty/tfeu_2016/oj"),
    ("eli", "http://data.europa.eu/eli/reg/2016/679/oj"),
    ("ecli", "ECLI:EU:C:2014:1903"),
    ("oj", "OJ C 210, 30.6.2017, p. 1"),
    ("wikidata", "Q42"),
    ("au_symbol", "Assembly/AU/Dec.695(XXXI)"),
]

MALFORMED = [
    ("un_symbol", "A/RES/73-195"),
    ("un_symbol", "A//RES/73/195"),
    ("un_symbol", "a/res/73/195"),
    ("un_symbol", "FCCC/CP/2015/10/Add"),
    ("un_symbol", " A/RES/73/195"),
    ("celex", "12016E9"),
    ("celex", "12016E0209"),
    ("celex", "52018PC167"),
    ("celex", "2016E209"),
    ("celex", "12016e209"),
    ("eli", "https://data.europa.eu/eli/treaty/teu_2016/art_16/oj"),
    ("eli", "http://data.europa.eu/eli/treaty/teu/art_16/oj"),
    ("eli", "http://data.europa.eu/eli/treaty/teu_2016/art_16"),
    ("ecli", "EU:C:2014:1903"),
    ("ecli", "ECLI:EU:C:14:1903"),
    ("oj", "ABl. C 210 vom 30.6.2017, S. 1"),
    ("oj", "OJ C 210, 2017-06-30, p. 1"),
    ("wikidata", "Q0"),
    ("wikidata", "P31"),
    ("au_symbol", "Assembly/AU/Dec.695 (XXXI)"),
    ("isbn", "978-3-16-148410-0"),
]


@pytest.mark.parametrize(("scheme", "value"), WELL_FORMED)
def test_well_formed_identifiers_pass(scheme, value):
    assert check_identifier(scheme, value) is None


@pytest.mark.parametrize(("scheme", "value"), MALFORMED)
def test_malformed_identifiers_fail_with_expectation(scheme, value):
    problem = check_identifier(scheme, value)
    assert problem is not None and "expected" in problem


@pytest.mark.parametrize("code", ["1", "10", "17", "1.3", "10.7", "10.c", "17.18"])
def test_sdg_codes(code):
    assert check_sdg_code(code) is None


@pytest.mark.parametrize("code", ["0", "18", "10.", "10.77a", "10.C", "x"])
def test_malformed_sdg_codes(code):
    assert check_sdg_code(code) is not None


def test_derived_iris():
    assert sdg_kos_iri("10.7") == "http://metadata.un.org/sdg/10.7"
    assert sdg_kos_iri("10") == "http://metadata.un.org/sdg/10"
    assert un_resolver_url("A/RES/73/195") == "https://undocs.org/A/RES/73/195"
    assert un_resolver_url("A/RES/217A (III)") == "https://undocs.org/A/RES/217A%20(III)"
    assert cellar_celex_iri("52018PC0167") == "http://publications.europa.eu/resource/celex/52018PC0167"
    assert cellar_celex_iri("42017Y0630(01)") == "http://publications.europa.eu/resource/celex/42017Y0630(01)"
    assert cellar_celex_iri("12016E/PRO/21") is None


def test_treaty_article_celex_and_eli_must_agree():
    eli = "http://data.europa.eu/eli/treaty/tfeu_2016/art_209/oj"
    assert treaty_article_consistency("12016E209", eli) is None
    assert "different articles" in treaty_article_consistency("12016E208", eli)
    assert "different treaties" in treaty_article_consistency("12016M209", eli)
    assert treaty_article_consistency("12016E/TXT", "http://data.europa.eu/eli/treaty/tfeu_2016/oj") is None
    assert "whole treaty" in treaty_article_consistency("12016E209", "http://data.europa.eu/eli/treaty/tfeu_2016/oj")
