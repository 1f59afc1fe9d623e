"""Syntax of the external identifier schemes the curated tables use, and the IRIs derived from them.

Each ``check_*`` function returns ``None`` for a well-formed identifier and otherwise a sentence
saying what was expected. The patterns follow the schemes' published descriptions (cited in
``docs/links.md``); they check form, not existence: nothing here goes online.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote

# --- UN document symbols -------------------------------------------------------------------------
# Components separated by "/", the first naming the organ or series (A, E, S, FCCC, A/HRC ...);
# a revision or addendum suffix (/Add.1, /Rev.2, /Corr.1); General Assembly resolutions of the
# first 30 sessions carry the session in roman numerals ("A/RES/217A (III)"), Official Records
# supplements a part ("A/73/12 (Part II)").
_UN_COMPONENT = r"[A-Z0-9][A-Za-z0-9.\-]*"
_UN_SYMBOL = re.compile(
    rf"^(?P<organ>[A-Z]{{1,6}})(?:/{_UN_COMPONENT})+"
    r"(?: \((?:[IVXLC]+|Part [IVXLC]+)\))?$"
)
_UN_RESOLUTION = re.compile(r"^A/RES/(?:\d{2,3}/\d{1,3}|\d{1,4}[A-Z]? \([IVXLC]+\))$")
_UN_SUFFIX = re.compile(r"/(?:Add|Rev|Corr|Amend)(?!\.\d+(?:/|$| ))")

# --- EUR-Lex CELEX numbers ------------------------------------------------------------------------
_CELEX = re.compile(
    r"^(?P<sector>[0-9CE])(?P<year>\d{4})(?P<type>[A-Z]{1,2})"
    r"(?P<number>\d{3,4}|/TXT|/PRO/\d{2})(?P<suffix>\(\d{2}\))?$"
)

# --- European Legislation Identifier ---------------------------------------------------------------
ELI_BASE = "http://data.europa.eu/eli/"
_ELI_TREATY = re.compile(
    r"^http://data\.europa\.eu/eli/treaty/(?P<treaty>teu|tfeu)_(?P<year>\d{4})"
    r"(?:/art_(?P<article>\d+[a-z]?)|/pro_(?P<protocol>\d+))?/oj$"
)
_ELI_ACT = re.compile(r"^http://data\.europa\.eu/eli/(?:reg|dir|dec|reg_impl|dec_impl|reg_del|dir_impl)/\d{4}/\d+/oj$")
TREATY_CELEX_DESCRIPTOR = {"teu": "M", "tfeu": "E"}

# --- ECLI, OJ, Wikidata, AU decisions --------------------------------------------------------------
_ECLI = re.compile(
    r"^ECLI:(?P<country>[A-Z]{2}):(?P<court>[A-Z0-9]{1,7}):(?P<year>\d{4}):(?P<ordinal>[A-Za-z0-9.]{1,25})$"
)
_OJ = re.compile(r"^OJ (?P<series>[LC]) (?P<issue>\d{1,4}[A-Z]?), \d{1,2}\.\d{1,2}\.\d{4}, p\. \d+$")
_WIKIDATA = re.compile(r"^Q[1-9]\d*$")
_AU_SYMBOL = re.compile(r"^(?:Assembly|EX\.CL)/AU/Dec\.\d+\([IVXLC]+\)$")

# --- UN SDG codes ----------------------------------------------------------------------------------
_SDG_CODE = re.compile(r"^(?P<goal>[1-9]\d?)(?:\.(?P<target>[1-9]\d?|[a-z]))?$")
SDG_KOS_BASE = "http://metadata.un.org/sdg/"
UN_RESOLVER_BASE = "https://undocs.org/"
CELLAR_CELEX_BASE = "http://publications.europa.eu/resource/celex/"


def check_un_symbol(value: str) -> str | None:
    expected = (
        "expected a UN document symbol: '/'-separated components starting with the organ "
        "(A/RES/73/195, A/76/642, FCCC/CP/2015/10/Add.1, A/RES/217A (III))"
    )
    if not _UN_SYMBOL.match(value) or "//" in value:
        return expected
    if value.startswith("A/RES/") and not _UN_RESOLUTION.match(value):
        return "expected a General Assembly resolution as A/RES/{session}/{number} or A/RES/{number} ({ROMAN})"
    if _UN_SUFFIX.search(value):
        return "expected a numbered suffix such as /Add.1, /Rev.1 or /Corr.1"
    return None


def check_celex(value: str) -> str | None:
    match = _CELEX.match(value)
    if not match:
        return (
            "expected a CELEX number: sector, four-digit year, descriptor, number "
            "(12016E209, 12016M/TXT, 12016E/PRO/21, 52018PC0167, 62012CJ0377, 42017Y0630(01))"
        )
    sector, number = match.group("sector"), match.group("number")
    if sector == "1":
        if number[0].isdigit() and len(number) != 3:
            return "expected a three-digit article number in a sector-1 (treaty) CELEX number: 12016E079"
    elif not number.isdigit() or len(number) != 4:
        return "expected a four-digit document number outside sector 1: 52018PC0167"
    return None


def check_eli(value: str) -> str | None:
    if _ELI_TREATY.match(value) or _ELI_ACT.match(value):
        return None
    return (
        "expected an ELI IRI: http://data.europa.eu/eli/treaty/{teu|tfeu}_{year}[/art_{n}|/pro_{n}]/oj "
        "or http://data.europa.eu/eli/{type}/{year}/{number}/oj"
    )


def check_ecli(value: str) -> str | None:
    if _ECLI.match(value):
        return None
    return "expected an ECLI: ECLI:{country}:{court}:{year}:{ordinal}, e.g. ECLI:EU:C:2014:1903"


def check_oj(value: str) -> str | None:
    if _OJ.match(value):
        return None
    return "expected an Official Journal reference: OJ {L|C} {issue}, {d.m.yyyy}, p. {page}"


def check_wikidata(value: str) -> str | None:
    if _WIKIDATA.match(value):
        return None
    return "expected a Wikidata item id: Q followed by digits"


def check_au_symbol(value: str) -> str | None:
    if _AU_SYMBOL.match(value):
        return None
    return "expected an African Union decision symbol: Assembly/AU/Dec.{n}({ROMAN session})"


def check_sdg_code(value: str) -> str | None:
    match = _SDG_CODE.match(value)
    if not match or int(match.group("goal")) > 17:
        return "expected an SDG goal (1-17) or target code: 10, 10.7, 10.c"
    return None


SCHEMES: dict[str, Callable[[str], str | None]] = {
    "un_symbol": check_un_symbol,
    "celex": check_celex,
    "eli": check_eli,
    "ecli": check_ecli,
    "oj": check_oj,
    "wikidata": check_wikidata,
    "au_symbol": check_au_symbol,
}

# Schemes whose value names one resource only: two entries may not share one.
UNIQUE_SCHEMES = frozenset({"celex", "eli", "ecli", "wikidata", "au_symbol"})


def check_identifier(scheme: str, value: object) -> str | None:
    """Problem with one identifier, or ``None``; unknown schemes and non-strings are problems too."""
    if scheme not in SCHEMES:
        return f"unknown identifier scheme {scheme!r}; expected one of {', '.join(sorted(SCHEMES))}"
    if not isinstance(value, str) or not value:
        return f"expected a non-empty string for {scheme}"
    if value != value.strip():
        return f"expected no surrounding whitespace in {scheme} {value!r}"
    return SCHEMES[scheme](value)


def sdg_goal_of(code: str) -> str:
    return code.split(".", 1)[0]


def sdg_kos_iri(code: str) -> str:
    """UN SDG KOS IRI of a goal ("10") or target ("10.7")."""
    return SDG_KOS_BASE + code


def un_resolver_url(symbol: str) -> str:
    """The UN's public resolver for a document symbol; spaces are percent-encoded."""
    return UN_RESOLVER_BASE + quote(symbol, safe="/().-")


def cellar_celex_iri(celex: str) -> str | None:
    """Publications Office resource IRI ``.../resource/celex/{CELEX}``; none when the CELEX has a '/'."""
    if "/" in celex:
        return None
    return CELLAR_CELEX_BASE + celex


def treaty_article_consistency(celex: str, eli: str) -> str | None:
    """A treaty article's CELEX and ELI must name the same treaty, version and article."""
    celex_match = _CELEX.match(celex)
    eli_match = _ELI_TREATY.match(eli)
    if not celex_match or not eli_match or celex_match.group("sector") != "1":
        return None
    descriptor = TREATY_CELEX_DESCRIPTOR[eli_match.group("treaty")]
    if celex_match.group("type") != descriptor or celex_match.group("year") != eli_match.group("year"):
        return f"CELEX {celex} and ELI {eli} name different treaties or versions"
    number = celex_match.group("number")
    article = eli_match.group("article")
    protocol = eli_match.group("protocol")
    if article is not None and (not number.isdigit() or int(number) != int(re.sub(r"\D", "", article))):
        return f"CELEX {celex} and ELI {eli} name different articles"
    if protocol is not None and number != f"/PRO/{int(protocol):02d}":
        return f"CELEX {celex} and ELI {eli} name different protocols"
    if article is None and protocol is None and number != "/TXT":
        return f"CELEX {celex} names a part of the treaty, ELI {eli} the whole treaty"
    return None
