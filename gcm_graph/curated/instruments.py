"""``data/instruments.yaml``: the instruments the sources name or cite (treaties, declarations,
frameworks, resolutions ...), one entry however the texts spell it, typed by the kinds the table
declares at its top."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gcm_graph.config import DATA_DIR
from gcm_graph.curated.fields import (
    check_controlled_list,
    check_fields,
    check_identifiers,
    check_key,
    check_optional_key,
    check_part_of,
    check_text,
)
from gcm_graph.curated.names import Named, NameRegistry, _claim_names
from gcm_graph.curated.yaml_lines import Problems, _entries, _top_level, line_of, read_yaml

INSTRUMENTS_FILE = "instruments.yaml"


@dataclass(frozen=True)
class Instrument(Named):
    key: str
    kind: str
    labels: dict[str, str]
    aliases: dict[str, tuple[str, ...]]
    part_of: str | None
    identifiers: dict[str, str]
    justification: str
    line: int


_INSTRUMENT_FIELDS = ("key", "kind", "label", "aliases", "part_of", "identifiers", "justification")
_INSTRUMENT_REQUIRED = ("key", "kind", "label", "justification")


def load_instrument_kinds(path: Path = DATA_DIR / INSTRUMENTS_FILE) -> dict[str, str]:
    """The controlled list of kinds declared at the top of the instruments table."""
    return parse_instruments(path)[0]


def load_instruments(
    path: Path = DATA_DIR / INSTRUMENTS_FILE, registry: NameRegistry | None = None
) -> list[Instrument]:
    """``data/instruments.yaml`` as records, in file order; every problem raises ``CuratedDataError``."""
    return parse_instruments(path, registry)[1]


def parse_instruments(path: Path, registry: NameRegistry | None = None) -> tuple[dict[str, str], list[Instrument]]:
    """The table's kinds and its instruments, from one reading of the file."""
    problems = Problems(path)
    document = _top_level(problems, read_yaml(path), ("kinds", "instruments"))
    kinds = check_controlled_list(problems, document, "kinds")
    registry = registry or NameRegistry()
    keys: dict[str, int] = {}
    identifier_owners: dict[tuple[str, str], tuple[str, int]] = {}
    parents: dict[str, tuple[str | None, int]] = {}
    instruments: list[Instrument] = []
    for entry in _entries(problems, document, "instruments"):
        if not check_fields(problems, entry, _INSTRUMENT_FIELDS, _INSTRUMENT_REQUIRED, "instrument"):
            continue
        key = check_key(problems, entry, keys, "instrument")
        if key is None:
            continue
        kind = entry.get("kind")
        if kind not in kinds:
            problems.add(
                line_of(entry, "kind"), f"unknown kind {kind!r} of {key!r}; expected one of {', '.join(kinds)}"
            )
        labels, aliases = _claim_names(problems, entry, registry, key, f"instrument {key!r}")
        part_of = check_optional_key(problems, entry, "part_of", key)
        if kind == "treaty-article" and part_of is None:
            problems.add(entry.line, f"treaty-article {key!r} lacks part_of; expected its treaty or article")
        parents[key] = (part_of, line_of(entry, "part_of"))
        identifiers = check_identifiers(problems, entry, identifier_owners, key)
        justification = check_text(problems, entry, "justification", f"instrument {key!r}")
        instruments.append(Instrument(key, str(kind), labels, aliases, part_of, identifiers, justification, entry.line))
    check_part_of(problems, parents, "instrument")
    problems.raise_if_any()
    return kinds, instruments
