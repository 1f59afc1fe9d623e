"""``data/instruments.yaml``: the instruments the sources name or cite (treaties, declarations,
frameworks, resolutions ...), one entry however the texts spell it, typed by the kinds the table
declares at its top."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gcm_graph.config import DATA_DIR
from gcm_graph.curated.fields import (
    _KEY,
    check_aliases,
    check_fields,
    check_identifiers,
    check_key,
    check_labels,
    check_part_of,
    check_text,
)
from gcm_graph.curated.names import NameRegistry
from gcm_graph.curated.yaml_lines import Problems, _Node, line_of, read_yaml

INSTRUMENTS_FILE = "instruments.yaml"


@dataclass(frozen=True)
class Instrument:
    key: str
    kind: str
    labels: dict[str, str]
    aliases: dict[str, tuple[str, ...]]
    part_of: str | None
    identifiers: dict[str, str]
    justification: str
    line: int

    def all_aliases(self) -> tuple[str, ...]:
        return tuple(alias for language in self.aliases for alias in self.aliases[language])


_INSTRUMENT_FIELDS = ("key", "kind", "label", "aliases", "part_of", "identifiers", "justification")
_INSTRUMENT_REQUIRED = ("key", "kind", "label", "justification")


def load_instrument_kinds(path: Path = DATA_DIR / INSTRUMENTS_FILE) -> dict[str, str]:
    """The controlled list of kinds declared at the top of the instruments table."""
    return _parse_instruments(path)[0]


def load_instruments(
    path: Path = DATA_DIR / INSTRUMENTS_FILE, registry: NameRegistry | None = None
) -> list[Instrument]:
    """``data/instruments.yaml`` as records, in file order; every problem raises ``CuratedDataError``."""
    return _parse_instruments(path, registry)[1]


def _parse_instruments(path: Path, registry: NameRegistry | None = None) -> tuple[dict[str, str], list[Instrument]]:
    problems = Problems(path)
    document = read_yaml(path)
    if not isinstance(document, _Node):
        problems.add(1, "expected a mapping with 'kinds' and 'instruments'")
        problems.raise_if_any()
    for name in document:
        if name not in ("kinds", "instruments"):
            problems.add(
                line_of(document, name), f"unknown top-level field {name!r}; expected 'kinds' and 'instruments'"
            )
    kinds = _parse_kinds(problems, document)
    entries = document.get("instruments")
    if not isinstance(entries, list):
        problems.add(line_of(document, "instruments"), "expected 'instruments' to be a list of entries")
        problems.raise_if_any()
    registry = registry or NameRegistry()
    keys: dict[str, int] = {}
    identifier_owners: dict[tuple[str, str], tuple[str, int]] = {}
    parents: dict[str, tuple[str | None, int]] = {}
    instruments: list[Instrument] = []
    for entry in entries:
        if not isinstance(entry, _Node):
            problems.add(line_of(entries), "each instrument must be a mapping")
            continue
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
        labels = check_labels(problems, entry, f"instrument {key!r}")
        aliases = check_aliases(problems, entry, f"instrument {key!r}")
        for language, label in labels.items():
            registry.claim(problems, label, key, line_of(entry, "label"), f"label ({language})")
        for language_aliases in aliases.values():
            for alias in language_aliases:
                registry.claim(problems, alias, key, line_of(entry, "aliases"), "alias")
        part_of = entry.get("part_of")
        if part_of is not None and not isinstance(part_of, str):
            problems.add(line_of(entry, "part_of"), f"part_of of {key!r} must be an instrument key")
            part_of = None
        if kind == "treaty-article" and part_of is None:
            problems.add(entry.line, f"treaty-article {key!r} lacks part_of; expected its treaty or article")
        parents[key] = (part_of, line_of(entry, "part_of"))
        identifiers = check_identifiers(problems, entry, identifier_owners, key)
        justification = check_text(problems, entry, "justification", f"instrument {key!r}")
        instruments.append(Instrument(key, str(kind), labels, aliases, part_of, identifiers, justification, entry.line))
    check_part_of(problems, parents, "instrument")
    problems.raise_if_any()
    return kinds, instruments


def _parse_kinds(problems: Problems, document: _Node) -> dict[str, str]:
    kinds = document.get("kinds")
    line = line_of(document, "kinds")
    if not isinstance(kinds, dict) or not kinds:
        problems.add(line, "expected 'kinds': a mapping of kind to a one-line meaning")
        return {}
    valid: dict[str, str] = {}
    for kind, meaning in kinds.items():
        if not isinstance(kind, str) or not _KEY.match(kind):
            problems.add(
                line_of(kinds, kind, line), f"kind {kind!r} is malformed; expected lowercase words joined by hyphens"
            )
        elif not isinstance(meaning, str) or not meaning.strip() or "\n" in meaning.strip():
            problems.add(line_of(kinds, kind, line), f"kind {kind!r} needs a one-line meaning")
        else:
            valid[kind] = meaning.strip()
    return valid
