"""data/instruments.yaml: the real table loads, its aliases stand in the sources, and every
schema violation is reported with the file, the line and what was expected."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from gcm_graph.curated import (
    CuratedDataError,
    Instrument,
    alias_index,
    find_mentions,
    load_instrument_kinds,
    load_instruments,
    unmatched_aliases,
)
from gcm_graph.extract.repair import repair_text
from gcm_graph.extract.sources import load_all_sources

REQUIRED_KEYS = {
    "charter-of-the-united-nations",
    "universal-declaration-of-human-rights",
    "iccpr",
    "icescr",
    "untoc",
    "untoc-trafficking-protocol",
    "untoc-smuggling-protocol",
    "unfccc",
    "paris-agreement",
    "agenda-2030",
    "sustainable-development-goals",
    "addis-ababa-action-agenda",
    "sendai-framework",
    "new-urban-agenda",
    "ilo-conventions-decent-work-labour-mobility",
    "ilo-recommendation-202",
    "new-york-declaration",
    "global-compact-on-refugees",
    "sg-report-making-migration-work-for-all",
    "hld-2013-declaration",
    "nansen-protection-agenda",
    "micic-guidelines",
    "ilo-fair-recruitment-principles",
    "ungp-business-and-human-rights",
    "iom-iris",
    "gmg-principles-vulnerable-situations",
    "global-plan-of-action-trafficking",
    "toolkit-to-combat-trafficking",
    "ohchr-principles-international-borders",
    "icao-travel-document-standards",
    "who-framework-health-refugees-migrants",
    "migrant-integration-policy-index",
    "global-migration-data-portal",
    "glasgow-climate-pact",
    "rabat-declaration",
    "sg-report-a-76-642",
    "unga-res-72-244",
    "unga-res-73-195",
    "unga-res-73-326",
    "sdg-global-indicator-framework",
    "au-assembly-decision-695-xxxi",
    "unfccc-decision-1-cp-21",
    "european-consensus-on-development-2017",
    "case-c-377-12",
    "european-council-conclusions-2016-10-20",
    "teu",
    "tfeu",
    "teu-art-16",
    "teu-art-17-1",
    "teu-art-21",
    "tfeu-art-79",
    "tfeu-art-79-1",
    "tfeu-art-79-4",
    "tfeu-art-208",
    "tfeu-art-209",
    "tfeu-art-221-1",
    "protocol-21-uk-ireland-afsj",
    "protocol-22-denmark",
    "migration-multi-partner-trust-fund",
    "migration-network-hub",
    "migration-network-hub-repository-of-practices",
    "capacity-building-mechanism",
    "global-forum-on-migration-and-development",
    "global-forum-on-remittances",
    "international-day-of-family-remittances",
    "platform-on-disaster-displacement",
    "global-consular-forum",
}


@pytest.fixture(scope="module")
def instruments() -> list[Instrument]:
    return load_instruments()


@pytest.fixture(scope="module")
def source_texts() -> list[str]:
    """Every source with line breaks joined, markdown and footnote markers removed."""
    return [repair_text(source.text)[0] for source in load_all_sources().values()]


def by_key(instruments: list[Instrument]) -> dict[str, Instrument]:
    return {instrument.key: instrument for instrument in instruments}


def test_real_table_loads_with_the_required_instruments(instruments):
    keys = by_key(instruments)
    assert REQUIRED_KEYS <= set(keys), sorted(REQUIRED_KEYS - set(keys))
    kinds = load_instrument_kinds()
    assert {instrument.kind for instrument in instruments} <= set(kinds)
    assert all(instrument.justification for instrument in instruments)
    assert all(instrument.line > 0 for instrument in instruments)


def test_records_carry_what_the_table_says(instruments):
    keys = by_key(instruments)
    paris = keys["paris-agreement"]
    assert paris.kind == "treaty"
    assert paris.labels == {"en": "Paris Agreement"}
    assert paris.part_of == "unfccc"
    assert paris.identifiers == {"un_symbol": "FCCC/CP/2015/10/Add.1"}
    article = keys["tfeu-art-209"]
    assert article.identifiers == {"celex": "12016E209", "eli": "http://data.europa.eu/eli/treaty/tfeu_2016/art_209/oj"}
    assert article.part_of == "tfeu"
    assert "Artikel 209 AEUV" in article.aliases["de"]
    case = keys["case-c-377-12"]
    assert case.identifiers == {"celex": "62012CJ0377", "ecli": "ECLI:EU:C:2014:1903"}
    consensus = keys["european-consensus-on-development-2017"]
    assert consensus.identifiers["celex"] == "42017Y0630(01)"
    assert consensus.aliases["de"][:2] == ("Europäischen Konsens über die Entwicklungspolitik", "Europäischen Konsens")
    untoc = keys["untoc"]
    assert set(untoc.aliases["en"]) >= {
        "United Nations Convention against Transnational Organized Crime",
        "United Nations Convention against Transnational Organised Crime",
        "UNTOC",
    }
    assert keys["untoc-smuggling-protocol"].part_of == "untoc"
    assert keys["sustainable-development-goals"].part_of == "agenda-2030"
    assert keys["agenda-2030"].labels["de"] == "Agenda 2030 für nachhaltige Entwicklung"


def test_every_alias_stands_verbatim_in_a_source(instruments, source_texts):
    for instrument in instruments:
        for alias in instrument.all_aliases():
            assert any(alias in text for text in source_texts), f"{instrument.key}: {alias!r} not in any source"


def test_every_alias_keeps_a_match_of_its_own(instruments, source_texts):
    """Longest match first, no overlap: no alias may be swallowed everywhere by a longer one."""
    assert unmatched_aliases(source_texts, alias_index(instruments)) == []


def test_longest_match_decides_between_article_and_paragraph(instruments):
    index = alias_index(instruments)
    text = "Gemäß Artikel 79 Absatz 1 AEUV und Artikel 16 EUV sowie den Artikeln 79 und 209 AEUV."
    found = [(mention.alias, mention.key) for mention in find_mentions(text, index)]
    assert found == [
        ("Artikel 79 Absatz 1 AEUV", "tfeu-art-79-1"),
        ("Artikel 16 EUV", "teu-art-16"),
        ("Artikeln 79", "tfeu-art-79"),
        ("209 AEUV", "tfeu-art-209"),
    ]


# --- error modes ----------------------------------------------------------------------------------

HEADER = """\
kinds:
  treaty: a binding agreement
  treaty-article: an article of a treaty
instruments:
"""

VALID_ENTRY = """\
  - key: paris-agreement
    kind: treaty
    label: {en: "Paris Agreement"}
    aliases:
      en: ["Paris Agreement"]
    justification: ZDP 2.
"""


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "instruments.yaml"
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return path


def errors(path: Path) -> list[str]:
    with pytest.raises(CuratedDataError) as caught:
        load_instruments(path)
    return caught.value.problems


def test_minimal_valid_table_loads(tmp_path):
    (instrument,) = load_instruments(write(tmp_path, VALID_ENTRY))
    assert instrument == Instrument(
        "paris-agreement", "treaty", {"en": "Paris Agreement"}, {"en": ("Paris Agreement",)}, None, {}, "ZDP 2.", 5
    )


@pytest.mark.parametrize(
    ("body", "line", "expected"),
    [
        (VALID_ENTRY + "    year: 2015\n", 11, "unknown field 'year' in instrument; expected one of key, kind"),
        (
            VALID_ENTRY.replace("kind: treaty", "kind: pact"),
            6,
            "unknown kind 'pact' of 'paris-agreement'; expected one of treaty, treaty-article",
        ),
        (
            VALID_ENTRY + VALID_ENTRY.replace('"Paris Agreement"', '"Paris Agreement 2015"'),
            11,
            "duplicate key 'paris-agreement' (first at line 5)",
        ),
        (
            VALID_ENTRY
            + VALID_ENTRY.replace("key: paris-agreement", "key: paris").replace(
                'en: ["Paris Agreement"]', 'en: ["Paris"]'
            ),
            13,
            "label (en) 'Paris Agreement' of 'paris' is already a label or alias of 'paris-agreement'",
        ),
        (
            VALID_ENTRY
            + VALID_ENTRY.replace("key: paris-agreement", "key: accord").replace(
                'label: {en: "Paris Agreement"}', 'label: {en: "Accord"}'
            ),
            14,
            "alias 'Paris Agreement' of 'accord' is already a label or alias of 'paris-agreement'",
        ),
        (
            VALID_ENTRY + "    part_of: unfccc\n",
            11,
            "part_of 'unfccc' of 'paris-agreement' points nowhere; expected the key of another entry",
        ),
        (
            VALID_ENTRY.replace("key: paris-agreement", "key: Paris_Agreement"),
            5,
            "key 'Paris_Agreement' is malformed; expected lowercase",
        ),
        (VALID_ENTRY.replace("    justification: ZDP 2.\n", ""), 5, "instrument lacks field 'justification'"),
        (
            VALID_ENTRY.replace('en: ["Paris Agreement"]', 'en: ["(Paris Agreement)"]'),
            9,
            "must start and end with a letter or digit",
        ),
        (VALID_ENTRY.replace('{en: "Paris Agreement"}', '{fr: "Accord de Paris"}'), 7, "unknown label language 'fr'"),
        (
            VALID_ENTRY.replace("kind: treaty", "kind: treaty-article"),
            5,
            "treaty-article 'paris-agreement' lacks part_of; expected its treaty or article",
        ),
    ],
)
def test_schema_errors_name_file_line_and_expectation(tmp_path, body, line, expected):
    path = write(tmp_path, body)
    problems = errors(path)
    assert any(problem.startswith(f"{path}:{line}: ") and expected in problem for problem in problems), problems


@pytest.mark.parametrize(
    ("scheme", "value", "expected"),
    [
        ("un_symbol", "A/RES/73-195", "expected a General Assembly resolution as A/RES/{session}/{number}"),
        ("un_symbol", "a/res/73/195", "expected a UN document symbol"),
        ("celex", "12016E9", "expected a CELEX number"),
        ("celex", "12016E0209", "expected a three-digit article number"),
        ("celex", "52018PC167", "expected a four-digit document number outside sector 1"),
        ("eli", "http://data.europa.eu/eli/treaty/tfeu/art_209/oj", "expected an ELI IRI"),
        ("ecli", "EU:C:2014:1903", "expected an ECLI"),
        ("oj", "ABl. C 210 vom 30.6.2017, S. 1", "expected an Official Journal reference"),
        ("wikidata", "P31", "expected a Wikidata item id"),
        ("au_symbol", "Assembly/AU/Dec.695", "expected an African Union decision symbol"),
        ("isbn", "978-3-16-148410-0", "unknown identifier scheme 'isbn'"),
    ],
)
def test_malformed_identifier_of_each_scheme(tmp_path, scheme, value, expected):
    path = write(tmp_path, VALID_ENTRY + f'    identifiers:\n      {scheme}: "{value}"\n')
    problems = errors(path)
    assert any(problem.startswith(f"{path}:12: ") and expected in problem for problem in problems), problems


def test_identifier_of_a_unique_scheme_may_not_repeat(tmp_path):
    second = VALID_ENTRY.replace("key: paris-agreement", "key: paris-2").replace('"Paris Agreement"', '"Paris Two"')
    ids = '    identifiers:\n      celex: "12016E209"\n'
    path = write(tmp_path, VALID_ENTRY + ids + second + ids)
    assert any("celex '12016E209' already belongs to 'paris-agreement'" in problem for problem in errors(path))


def test_part_of_cycle_is_reported(tmp_path):
    first = VALID_ENTRY + "    part_of: other\n"
    second = (
        VALID_ENTRY.replace("key: paris-agreement", "key: other").replace('"Paris Agreement"', '"Other"')
        + "    part_of: paris-agreement\n"
    )
    assert any("cycle" in problem for problem in errors(write(tmp_path, first + second)))


def test_all_problems_of_a_file_are_reported_at_once(tmp_path):
    body = VALID_ENTRY.replace("kind: treaty", "kind: pact") + "    year: 2015\n"
    problems = errors(write(tmp_path, body))
    assert len(problems) == 2


def test_yaml_syntax_error_and_duplicate_yaml_key_name_the_line(tmp_path):
    path = write(tmp_path, VALID_ENTRY + "    kind: treaty\n")
    assert any(f"{path}:11: invalid YAML: duplicate key 'kind'" in problem for problem in errors(path))
    missing = tmp_path / "absent.yaml"
    assert errors(missing) == [f"{missing}:1: file missing; expected a YAML table"]
