"""Curated reference tables in ``data/*.yaml``, loaded into plain records and validated.

Every table is edited by hand, so every problem is reported as ``data/<file>.yaml:LINE: what is
wrong; expected what``, all problems of a file at once (``CuratedDataError.problems``). The
records carry the YAML line they come from, for later messages.

This module does not import rdflib: the graph build turns the records into triples
(``docs/links.md`` says which predicate each field becomes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from gcm_graph.config import DATA_DIR, PROJECT_ROOT
from gcm_graph.extract.citations import Alias, AliasMatcher
from gcm_graph.links.schemes import UNIQUE_SCHEMES, check_identifier

INSTRUMENTS_FILE = "instruments.yaml"
LANGUAGES = ("en", "de")
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WORD_EDGES = re.compile(r"^\w(?:.*\w)?$", re.DOTALL)


class CuratedDataError(Exception):
    """A curated table is invalid; ``problems`` lists every ``file:line: message`` found."""

    def __init__(self, problems: Iterable[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


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


# --- YAML with line numbers --------------------------------------------------------------------


class _Node(dict):
    """A YAML mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class _Sequence(list):
    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    """Safe loader whose mappings and sequences know where they stand; duplicate keys are errors."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Node:
    loader.flatten_mapping(node)
    mapping = _Node()
    mapping.key_lines = {}
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first at line {mapping.key_lines[key]})", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> _Sequence:
    sequence = _Sequence(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
    return sequence


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def display_path(path: Path) -> str:
    """``data/instruments.yaml`` for project files, the path as given otherwise."""
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


class Problems:
    """Collects ``file:line: message`` problems of one table."""

    def __init__(self, path: Path):
        self.where = display_path(path)
        self.items: list[str] = []

    def add(self, line: int, message: str) -> None:
        self.items.append(f"{self.where}:{line}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            raise CuratedDataError(self.items)


def read_yaml(path: Path) -> Any:
    """Parse one table; a missing file or a YAML syntax error is a ``CuratedDataError`` with a line."""
    where = display_path(path)
    if not path.is_file():
        raise CuratedDataError([f"{where}:1: file missing; expected a YAML table"])
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 - safe loader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise CuratedDataError([f"{where}:{line}: invalid YAML: {error.problem or error}"]) from error
    except yaml.YAMLError as error:
        raise CuratedDataError([f"{where}:1: invalid YAML: {error}"]) from error


def line_of(node: Any, key: str | None = None, default: int = 1) -> int:
    if isinstance(node, _Node):
        if key is not None and key in node.key_lines:
            return node.key_lines[key]
        return node.line
    if isinstance(node, _Sequence):
        return node.line
    return default


def check_fields(problems: Problems, entry: _Node, allowed: Iterable[str], required: Iterable[str], what: str) -> bool:
    """Unknown and missing fields of one entry; ``False`` when a required field is missing."""
    allowed = tuple(allowed)
    complete = True
    for name in entry:
        if name not in allowed:
            problems.add(
                line_of(entry, name), f"unknown field {name!r} in {what}; expected one of {', '.join(allowed)}"
            )
    for name in required:
        if name not in entry:
            problems.add(entry.line, f"{what} lacks field {name!r}")
            complete = False
    return complete


def check_key(problems: Problems, entry: _Node, seen: dict[str, int], what: str) -> str | None:
    key = entry.get("key")
    line = line_of(entry, "key")
    if not isinstance(key, str) or not _KEY.match(key):
        problems.add(line, f"{what} key {key!r} is malformed; expected lowercase letters and digits joined by hyphens")
        return None
    if key in seen:
        problems.add(line, f"duplicate key {key!r} (first at line {seen[key]})")
        return None
    seen[key] = line
    return key


def check_text(problems: Problems, entry: _Node, name: str, what: str) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        problems.add(line_of(entry, name), f"{what} {name!r} must be a non-empty string")
        return ""
    return " ".join(value.split())


def check_labels(problems: Problems, entry: _Node, what: str) -> dict[str, str]:
    """``label: {en: ..., de: ...}``: en required, only known languages, non-empty strings."""
    value = entry.get("label")
    line = line_of(entry, "label")
    if not isinstance(value, dict):
        problems.add(line, f'{what} label must be a mapping of language to text, e.g. {{en: "..."}}')
        return {}
    labels: dict[str, str] = {}
    for language, text in value.items():
        if language not in LANGUAGES:
            problems.add(
                line_of(value, language, line),
                f"unknown label language {language!r}; expected one of {', '.join(LANGUAGES)}",
            )
        elif not isinstance(text, str) or not text.strip():
            problems.add(line_of(value, language, line), f"label {language!r} must be a non-empty string")
        else:
            labels[language] = text.strip()
    if "en" not in value:
        problems.add(line, f"{what} label lacks 'en'")
    return labels


def check_aliases(problems: Problems, entry: _Node, what: str) -> dict[str, tuple[str, ...]]:
    """``aliases: {en: [...], de: [...]}``: exact source spellings, each starting and ending with a word character."""
    value = entry.get("aliases")
    line = line_of(entry, "aliases")
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add(line, f"{what} aliases must be a mapping of language to a list of strings")
        return {}
    aliases: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()
    for language, items in value.items():
        item_line = line_of(value, language, line)
        if language not in LANGUAGES:
            problems.add(item_line, f"unknown alias language {language!r}; expected one of {', '.join(LANGUAGES)}")
            continue
        if not isinstance(items, list):
            problems.add(item_line, f"aliases {language!r} must be a list of strings")
            continue
        kept: list[str] = []
        for alias in items:
            if not isinstance(alias, str) or not alias:
                problems.add(item_line, f"alias {alias!r} must be a non-empty string")
            elif alias != " ".join(alias.split()):
                problems.add(
                    item_line, f"alias {alias!r} has extra whitespace; expected single spaces as in the joined text"
                )
            elif not _WORD_EDGES.match(alias):
                problems.add(item_line, f"alias {alias!r} must start and end with a letter or digit (word boundaries)")
            elif alias in seen:
                problems.add(item_line, f"alias {alias!r} is listed twice in this entry")
            else:
                seen.add(alias)
                kept.append(alias)
        aliases[language] = tuple(kept)
    return aliases


def check_identifiers(
    problems: Problems, entry: _Node, owners: dict[tuple[str, str], tuple[str, int]], key: str
) -> dict[str, str]:
    """Each identifier well formed for its scheme; unique-valued schemes used by one entry only."""
    value = entry.get("identifiers")
    line = line_of(entry, "identifiers")
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add(line, "identifiers must be a mapping of scheme to value")
        return {}
    identifiers: dict[str, str] = {}
    for scheme, identifier in value.items():
        item_line = line_of(value, scheme, line)
        problem = check_identifier(scheme, identifier)
        if problem:
            problems.add(item_line, f"{scheme} {identifier!r} is malformed: {problem}")
            continue
        if scheme in UNIQUE_SCHEMES:
            owner = owners.get((scheme, identifier))
            if owner:
                problems.add(item_line, f"{scheme} {identifier!r} already belongs to {owner[0]!r} (line {owner[1]})")
                continue
            owners[(scheme, identifier)] = (key, item_line)
        identifiers[scheme] = identifier
    return identifiers


class NameRegistry:
    """Labels and aliases must not be shared by two entries (of one table or of several)."""

    def __init__(self) -> None:
        self.owners: dict[str, tuple[str, str, int]] = {}

    def claim(self, problems: Problems, name: str, owner: str, line: int, what: str) -> None:
        previous = self.owners.get(name)
        if previous and previous[0] != owner:
            problems.add(
                line,
                f"{what} {name!r} of {owner!r} is already a label or alias of {previous[0]!r} "
                f"({previous[1]}:{previous[2]})",
            )
        elif not previous:
            self.owners[name] = (owner, problems.where, line)


def check_part_of(problems: Problems, parents: dict[str, tuple[str | None, int]], what: str) -> None:
    """``part_of`` must name another entry of the same table, without cycles."""
    for key, (parent, line) in parents.items():
        if parent is None:
            continue
        if parent == key:
            problems.add(line, f"{what} {key!r} is part_of itself")
        elif parent not in parents:
            problems.add(line, f"part_of {parent!r} of {key!r} points nowhere; expected the key of another entry")
    for key in parents:
        seen = {key}
        parent = parents[key][0]
        while parent is not None and parent in parents:
            if parent in seen:
                problems.add(parents[key][1], f"part_of chain of {key!r} is a cycle")
                break
            seen.add(parent)
            parent = parents[parent][0]


# --- Instruments --------------------------------------------------------------------------------

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


# --- Mentions -------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Mention:
    """Where an alias matched in a text, and the entry it names."""

    start: int
    end: int
    alias: str = field(compare=False)
    key: str = field(compare=False)


def alias_index(entries: Iterable[Any]) -> dict[str, str]:
    """Alias -> entry key, for any records with ``key`` and ``all_aliases()``."""
    return {alias: entry.key for entry in entries for alias in entry.all_aliases()}


def find_mentions(text: str, aliases: Mapping[str, str]) -> list[Mention]:
    """Alias matches as the build takes them (``gcm_graph.extract.citations.AliasMatcher``):
    case-sensitive, on word boundaries, longest first, a shorter match never overlapping a longer
    one; returned in text order."""
    matcher = AliasMatcher(Alias(key, alias, 0) for alias, key in aliases.items())
    return [Mention(found.start, found.end, found.alias, found.key) for found in matcher.mentions(text)]


def unmatched_aliases(texts: Iterable[str], aliases: Mapping[str, str]) -> list[str]:
    """Aliases that keep no match of their own in any of the texts."""
    matched: set[str] = set()
    for text in texts:
        matched.update(mention.alias for mention in find_mentions(text, aliases))
    return sorted(set(aliases) - matched)


# --- Shared parsing of named entries (instruments' siblings: organisations, events) ---------------

ORGANISATIONS_FILE = "organisations.yaml"
EVENTS_FILE = "events.yaml"
SDG_FILE = "sdg.yaml"
SDG_LINKS_FILE = "sdg_links.yaml"
UN_DOCUMENTS_FILE = "un_documents.yaml"
EU_DOCUMENTS_FILE = "eu_documents.yaml"

# Keys of the documents of the graph (gcm_graph.graph.iris; checked by tests/links).
DOCUMENT_KEYS = frozenset(
    {
        "com-2018-167",
        "com-2018-168",
        "gcm-zero-draft-plus",
        "gcm",
        "iom-gcm-quick-reference-2021",
        "imrf-progress-declaration-2022",
    }
)
ADOPTED_OBJECTIVES = range(1, 24)
SDG_GROUNDINGS = ("explicit", "thematic", "umbrella")
_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>0[1-9]|[12]\d|3[01]))?)?$")


def _top_level(problems: Problems, document: Any, sections: tuple[str, ...]) -> _Node:
    if not isinstance(document, _Node):
        problems.add(1, f"expected a mapping with {', '.join(repr(s) for s in sections)}")
        problems.raise_if_any()
    for name in document:
        if name not in sections:
            problems.add(
                line_of(document, name),
                f"unknown top-level field {name!r}; expected {', '.join(repr(s) for s in sections)}",
            )
    return document


def _entries(problems: Problems, document: _Node, section: str) -> list[_Node]:
    entries = document.get(section)
    if not isinstance(entries, list):
        problems.add(line_of(document, section), f"expected {section!r} to be a list of entries")
        problems.raise_if_any()
    kept = []
    for index, entry in enumerate(entries):
        if isinstance(entry, _Node):
            kept.append(entry)
        else:
            problems.add(entries.item_lines[index], f"each entry of {section!r} must be a mapping")
    return kept


@dataclass(frozen=True)
class Organisation:
    key: str
    type: str
    labels: dict[str, str]
    aliases: dict[str, tuple[str, ...]]
    part_of: str | None
    identifiers: dict[str, str]
    justification: str
    line: int

    def all_aliases(self) -> tuple[str, ...]:
        return tuple(alias for language in self.aliases for alias in self.aliases[language])


_ORGANISATION_FIELDS = ("key", "type", "label", "aliases", "part_of", "identifiers", "justification")
_ORGANISATION_REQUIRED = ("key", "type", "label", "justification")


def load_organisations(
    path: Path = DATA_DIR / ORGANISATIONS_FILE, registry: NameRegistry | None = None
) -> list[Organisation]:
    """``data/organisations.yaml`` as records; every problem raises ``CuratedDataError``."""
    problems = Problems(path)
    document = _top_level(problems, read_yaml(path), ("types", "organisations"))
    types = _parse_controlled_list(problems, document, "types")
    registry = registry or NameRegistry()
    keys: dict[str, int] = {}
    owners: dict[tuple[str, str], tuple[str, int]] = {}
    parents: dict[str, tuple[str | None, int]] = {}
    organisations = []
    for entry in _entries(problems, document, "organisations"):
        if not check_fields(problems, entry, _ORGANISATION_FIELDS, _ORGANISATION_REQUIRED, "organisation"):
            continue
        key = check_key(problems, entry, keys, "organisation")
        if key is None:
            continue
        kind = entry.get("type")
        if kind not in types:
            problems.add(
                line_of(entry, "type"), f"unknown type {kind!r} of {key!r}; expected one of {', '.join(types)}"
            )
        labels, aliases = _claim_names(problems, entry, registry, key, f"organisation {key!r}")
        part_of = _optional_key(problems, entry, "part_of", key)
        parents[key] = (part_of, line_of(entry, "part_of"))
        identifiers = check_identifiers(problems, entry, owners, key)
        justification = check_text(problems, entry, "justification", f"organisation {key!r}")
        organisations.append(
            Organisation(key, str(kind), labels, aliases, part_of, identifiers, justification, entry.line)
        )
    check_part_of(problems, parents, "organisation")
    problems.raise_if_any()
    return organisations


def _parse_controlled_list(problems: Problems, document: _Node, section: str) -> dict[str, str]:
    values = document.get(section)
    line = line_of(document, section)
    if not isinstance(values, dict) or not values:
        problems.add(line, f"expected {section!r}: a mapping of name to a one-line meaning")
        return {}
    valid: dict[str, str] = {}
    for name, meaning in values.items():
        if not isinstance(name, str) or not _KEY.match(name):
            problems.add(
                line_of(values, name, line),
                f"{section} entry {name!r} is malformed; expected lowercase words joined by hyphens",
            )
        elif not isinstance(meaning, str) or not meaning.strip() or "\n" in meaning.strip():
            problems.add(line_of(values, name, line), f"{section} entry {name!r} needs a one-line meaning")
        else:
            valid[name] = meaning.strip()
    return valid


def _claim_names(
    problems: Problems, entry: _Node, registry: NameRegistry, key: str, what: str
) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    labels = check_labels(problems, entry, what)
    aliases = check_aliases(problems, entry, what)
    for language, label in labels.items():
        registry.claim(problems, label, key, line_of(entry, "label"), f"label ({language})")
    for language_aliases in aliases.values():
        for alias in language_aliases:
            registry.claim(problems, alias, key, line_of(entry, "aliases"), "alias")
    return labels, aliases


def _optional_key(problems: Problems, entry: _Node, name: str, key: str) -> str | None:
    value = entry.get(name)
    if value is not None and not isinstance(value, str):
        problems.add(line_of(entry, name), f"{name} of {key!r} must be a key")
        return None
    return value


# --- Events ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    key: str
    kind: str
    labels: dict[str, str]
    aliases: dict[str, tuple[str, ...]]
    part_of: str | None
    start: str | None
    end: str | None
    location: str | None
    organizer: str | None
    justification: str
    line: int

    def all_aliases(self) -> tuple[str, ...]:
        return tuple(alias for language in self.aliases for alias in self.aliases[language])


def date_datatype(value: str) -> str:
    """XSD datatype of an ISO date of the precision given: xsd:date, xsd:gYearMonth or xsd:gYear."""
    return {10: "xsd:date", 7: "xsd:gYearMonth", 4: "xsd:gYear"}[len(value)]


_EVENT_FIELDS = ("key", "kind", "label", "aliases", "part_of", "start", "end", "location", "organizer", "justification")
_EVENT_REQUIRED = ("key", "kind", "label", "start", "justification")


def load_events(path: Path = DATA_DIR / EVENTS_FILE, registry: NameRegistry | None = None) -> list[Event]:
    """``data/events.yaml`` as records; every problem raises ``CuratedDataError``.

    Organizer keys are checked against the organisations table by ``gcm_graph.links.check``."""
    problems = Problems(path)
    document = _top_level(problems, read_yaml(path), ("kinds", "events"))
    kinds = _parse_controlled_list(problems, document, "kinds")
    registry = registry or NameRegistry()
    keys: dict[str, int] = {}
    parents: dict[str, tuple[str | None, int]] = {}
    events = []
    for entry in _entries(problems, document, "events"):
        if not check_fields(problems, entry, _EVENT_FIELDS, _EVENT_REQUIRED, "event"):
            continue
        key = check_key(problems, entry, keys, "event")
        if key is None:
            continue
        kind = entry.get("kind")
        if kind not in kinds:
            problems.add(
                line_of(entry, "kind"), f"unknown kind {kind!r} of {key!r}; expected one of {', '.join(kinds)}"
            )
        labels, aliases = _claim_names(problems, entry, registry, key, f"event {key!r}")
        part_of = _optional_key(problems, entry, "part_of", key)
        parents[key] = (part_of, line_of(entry, "part_of"))
        start = _parse_date(problems, entry, "start", key)
        end = _parse_date(problems, entry, "end", key)
        if start and end and (len(start) != len(end) or end <= start):
            problems.add(
                line_of(entry, "end"),
                f"end {end} of {key!r} must be later than start {start} and as precise; omit end for a one-day event",
            )
        location = entry.get("location")
        if location is not None and (not isinstance(location, str) or not location.strip()):
            problems.add(line_of(entry, "location"), f"location of {key!r} must be a non-empty string")
            location = None
        organizer = _optional_key(problems, entry, "organizer", key)
        justification = check_text(problems, entry, "justification", f"event {key!r}")
        events.append(
            Event(key, str(kind), labels, aliases, part_of, start, end, location, organizer, justification, entry.line)
        )
    check_part_of(problems, parents, "event")
    problems.raise_if_any()
    return events


def _parse_date(problems: Problems, entry: _Node, name: str, key: str) -> str | None:
    value = entry.get(name)
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    match = _DATE.match(text)
    valid = bool(match)
    if match and match.group("day"):
        from datetime import date

        try:
            date.fromisoformat(text)
        except ValueError:
            valid = False
    if not valid:
        problems.add(
            line_of(entry, name), f"{name} {value!r} of {key!r} is malformed; expected YYYY-MM-DD, YYYY-MM or YYYY"
        )
        return None
    return text


# --- SDG goals and targets --------------------------------------------------------------------------


@dataclass(frozen=True)
class SdgConcept:
    """A goal ("10") or target ("10.7") with its official wording."""

    code: str
    label: str
    justification: str
    line: int

    @property
    def is_target(self) -> bool:
        return "." in self.code

    @property
    def goal(self) -> str:
        return self.code.split(".", 1)[0]


def load_sdg(path: Path = DATA_DIR / SDG_FILE) -> list[SdgConcept]:
    """``data/sdg.yaml``: goals then targets; each target's goal must be listed."""
    from gcm_graph.links.schemes import check_sdg_code

    problems = Problems(path)
    document = _top_level(problems, read_yaml(path), ("goals", "targets"))
    concepts: list[SdgConcept] = []
    seen: dict[str, int] = {}
    for section, is_target in (("goals", False), ("targets", True)):
        for entry in _entries(problems, document, section):
            if not check_fields(
                problems, entry, ("code", "label", "justification"), ("code", "label", "justification"), section[:-1]
            ):
                continue
            code = entry.get("code")
            line = line_of(entry, "code")
            problem = check_sdg_code(code) if isinstance(code, str) else 'expected a quoted code such as "10.7"'
            if problem:
                problems.add(line, f"SDG code {code!r} is malformed: {problem}")
                continue
            if ("." in code) != is_target:
                problems.add(
                    line,
                    f"SDG code {code!r} is listed under {section!r}; "
                    f"expected a {'target' if is_target else 'goal'} code",
                )
                continue
            if code in seen:
                problems.add(line, f"duplicate SDG code {code!r} (first at line {seen[code]})")
                continue
            seen[code] = line
            label = check_text(problems, entry, "label", f"SDG {code}")
            justification = check_text(problems, entry, "justification", f"SDG {code}")
            concepts.append(SdgConcept(code, label, justification, entry.line))
    for concept in concepts:
        if concept.is_target and concept.goal not in seen:
            problems.add(concept.line, f"target {concept.code} needs its goal {concept.goal} in 'goals'")
    problems.raise_if_any()
    return concepts


@dataclass(frozen=True)
class SdgLink:
    """An adopted objective serves an SDG target (code with a dot) or goal."""

    objective: int
    sdg: str
    grounding: str
    basis: str
    justification: str
    line: int

    @property
    def is_target(self) -> bool:
        return "." in self.sdg


@dataclass(frozen=True)
class SdgLinkTable:
    objectives: dict[int, str]
    links: list[SdgLink]


_SDG_LINK_FIELDS = ("objective", "sdg", "grounding", "basis", "justification")


def load_sdg_links(path: Path = DATA_DIR / SDG_LINKS_FILE, sdg: Iterable[SdgConcept] | None = None) -> SdgLinkTable:
    """``data/sdg_links.yaml``: the 23 adopted objectives and one row per link.

    With ``sdg`` given, every code must be one of the shipped goals and targets."""
    from gcm_graph.links.schemes import check_sdg_code

    problems = Problems(path)
    document = _top_level(problems, read_yaml(path), ("objectives", "links"))
    objectives: dict[int, str] = {}
    listed = document.get("objectives")
    if not isinstance(listed, dict):
        problems.add(line_of(document, "objectives"), "expected 'objectives': a mapping of number to title")
        listed = {}
    for number, title in listed.items():
        line = line_of(listed, number, line_of(document, "objectives"))
        if not isinstance(number, int) or number not in ADOPTED_OBJECTIVES:
            problems.add(line, f"objective {number!r} is not a number from 1 to 23")
        elif not isinstance(title, str) or not title.strip():
            problems.add(line, f"objective {number} needs its title")
        else:
            objectives[number] = title.strip()
    missing = [n for n in ADOPTED_OBJECTIVES if n not in listed]
    if missing:
        problems.add(line_of(document, "objectives"), f"objectives {missing} are missing; expected all of 1-23")
    known = {concept.code for concept in sdg} if sdg is not None else None
    links: list[SdgLink] = []
    seen: dict[tuple[int, str], int] = {}
    for entry in _entries(problems, document, "links"):
        if not check_fields(problems, entry, _SDG_LINK_FIELDS, _SDG_LINK_FIELDS, "SDG link"):
            continue
        objective = entry.get("objective")
        if not isinstance(objective, int) or objective not in ADOPTED_OBJECTIVES:
            problems.add(
                line_of(entry, "objective"), f"objective {objective!r} is not an adopted objective; expected 1-23"
            )
            continue
        code = entry.get("sdg")
        problem = check_sdg_code(code) if isinstance(code, str) else 'expected a quoted code such as "10.7"'
        if problem:
            problems.add(line_of(entry, "sdg"), f"SDG code {code!r} is malformed: {problem}")
            continue
        if known is not None and code not in known:
            problems.add(line_of(entry, "sdg"), f"SDG code {code!r} is not in the shipped SDG table data/{SDG_FILE}")
            continue
        grounding = entry.get("grounding")
        if grounding not in SDG_GROUNDINGS:
            problems.add(
                line_of(entry, "grounding"),
                f"grounding {grounding!r} unknown; expected one of {', '.join(SDG_GROUNDINGS)}",
            )
            continue
        if (objective, code) in seen:
            problems.add(
                entry.line, f"objective {objective} -> {code} is listed twice (first at line {seen[(objective, code)]})"
            )
            continue
        seen[(objective, code)] = entry.line
        basis = check_text(problems, entry, "basis", f"SDG link {objective} -> {code}")
        justification = check_text(problems, entry, "justification", f"SDG link {objective} -> {code}")
        links.append(SdgLink(objective, code, str(grounding), basis, justification, entry.line))
    problems.raise_if_any()
    return SdgLinkTable(objectives, links)


# --- UN and EU documents -----------------------------------------------------------------------------


@dataclass(frozen=True)
class UnDocument:
    symbol: str
    title: str
    cited: bool
    instruments: tuple[str, ...]
    documents: tuple[str, ...]
    justification: str
    line: int


_UN_DOCUMENT_FIELDS = ("symbol", "title", "cited", "instruments", "documents", "justification")


def load_un_documents(path: Path = DATA_DIR / UN_DOCUMENTS_FILE) -> list[UnDocument]:
    """``data/un_documents.yaml``; instrument keys are cross-checked by ``gcm_graph.links.check``."""
    problems = Problems(path)
    document = _top_level(problems, read_yaml(path), ("documents",))
    rows: list[UnDocument] = []
    seen: dict[str, int] = {}
    for entry in _entries(problems, document, "documents"):
        if not check_fields(
            problems, entry, _UN_DOCUMENT_FIELDS, ("symbol", "title", "cited", "justification"), "UN document"
        ):
            continue
        symbol = entry.get("symbol")
        problem = check_identifier("un_symbol", symbol)
        if problem:
            problems.add(line_of(entry, "symbol"), f"un_symbol {symbol!r} is malformed: {problem}")
            continue
        if symbol in seen:
            problems.add(line_of(entry, "symbol"), f"duplicate symbol {symbol!r} (first at line {seen[symbol]})")
            continue
        seen[symbol] = entry.line
        cited = entry.get("cited")
        if not isinstance(cited, bool):
            problems.add(line_of(entry, "cited"), f"cited of {symbol!r} must be true or false")
        instruments = _key_list(problems, entry, "instruments")
        documents = _key_list(problems, entry, "documents")
        for key in documents:
            if key not in DOCUMENT_KEYS:
                problems.add(
                    line_of(entry, "documents"),
                    f"document {key!r} is not a document of the graph; "
                    f"expected one of {', '.join(sorted(DOCUMENT_KEYS))}",
                )
        if not instruments and not documents:
            problems.add(entry.line, f"UN document {symbol!r} links to nothing; expected instruments or documents")
        title = check_text(problems, entry, "title", f"UN document {symbol!r}")
        justification = check_text(problems, entry, "justification", f"UN document {symbol!r}")
        rows.append(UnDocument(symbol, title, bool(cited), instruments, documents, justification, entry.line))
    problems.raise_if_any()
    return rows


def _key_list(problems: Problems, entry: _Node, name: str) -> tuple[str, ...]:
    value = entry.get(name, [])
    if not isinstance(value, list) or not all(isinstance(item, str) and _KEY.match(item) for item in value):
        problems.add(line_of(entry, name), f"{name} must be a list of keys")
        return ()
    return tuple(value)


@dataclass(frozen=True)
class EuDocument:
    document: str
    com_number: str
    procedure: str
    celex: str
    title: str
    justification: str
    line: int


_EU_DOCUMENT_FIELDS = ("document", "com_number", "procedure", "celex", "title", "justification")
_COM_NUMBER = re.compile(r"^COM\((?P<year>\d{4})\) (?P<number>\d+) final$")
_PROCEDURE = re.compile(r"^\d{4}/\d{4} \((?:NLE|COD|CNS|APP)\)$")


def load_eu_documents(path: Path = DATA_DIR / EU_DOCUMENTS_FILE) -> list[EuDocument]:
    """``data/eu_documents.yaml``: COM documents of the graph with CELEX numbers matching their COM numbers."""
    problems = Problems(path)
    document = _top_level(problems, read_yaml(path), ("documents",))
    rows: list[EuDocument] = []
    seen: dict[str, int] = {}
    for entry in _entries(problems, document, "documents"):
        if not check_fields(problems, entry, _EU_DOCUMENT_FIELDS, _EU_DOCUMENT_FIELDS, "EU document"):
            continue
        key = entry.get("document")
        if key not in DOCUMENT_KEYS:
            problems.add(
                line_of(entry, "document"),
                f"document {key!r} is not a document of the graph; expected one of {', '.join(sorted(DOCUMENT_KEYS))}",
            )
            continue
        if key in seen:
            problems.add(line_of(entry, "document"), f"duplicate document {key!r} (first at line {seen[key]})")
            continue
        seen[key] = entry.line
        celex = entry.get("celex")
        problem = check_identifier("celex", celex)
        com_number = check_text(problems, entry, "com_number", f"EU document {key!r}")
        match = _COM_NUMBER.match(com_number)
        if problem:
            problems.add(line_of(entry, "celex"), f"celex {celex!r} is malformed: {problem}")
        elif not match:
            problems.add(
                line_of(entry, "com_number"), f"com_number {com_number!r} is malformed; expected 'COM(2018) 167 final'"
            )
        elif celex != f"5{match.group('year')}PC{int(match.group('number')):04d}":
            problems.add(
                line_of(entry, "celex"),
                f"celex {celex!r} does not match {com_number!r}; expected 5{{year}}PC{{number:04}}",
            )
        procedure = check_text(problems, entry, "procedure", f"EU document {key!r}")
        if procedure and not _PROCEDURE.match(procedure):
            problems.add(
                line_of(entry, "procedure"), f"procedure {procedure!r} is malformed; expected '2018/0079 (NLE)'"
            )
        title = check_text(problems, entry, "title", f"EU document {key!r}")
        justification = check_text(problems, entry, "justification", f"EU document {key!r}")
        rows.append(EuDocument(str(key), com_number, procedure, str(celex), title, justification, entry.line))
    problems.raise_if_any()
    return rows


# --- All tables ------------------------------------------------------------------------------------


@dataclass
class CuratedTables:
    """Every curated link table; ``problems`` lists what failed to load (tables left empty)."""

    instruments: list[Instrument] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sdg: list[SdgConcept] = field(default_factory=list)
    sdg_links: SdgLinkTable = field(default_factory=lambda: SdgLinkTable({}, []))
    un_documents: list[UnDocument] = field(default_factory=list)
    eu_documents: list[EuDocument] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def load_tables(data_dir: Path = DATA_DIR) -> CuratedTables:
    """Load every table, collecting problems instead of stopping at the first bad file.

    Labels and aliases are unique across the instruments, organisations and events tables."""
    tables = CuratedTables()
    registry = NameRegistry()

    def attempt(loader, *args):
        try:
            return loader(*args)
        except CuratedDataError as error:
            tables.problems.extend(error.problems)
            return None

    tables.instruments = attempt(load_instruments, data_dir / INSTRUMENTS_FILE, registry) or []
    tables.organisations = attempt(load_organisations, data_dir / ORGANISATIONS_FILE, registry) or []
    tables.events = attempt(load_events, data_dir / EVENTS_FILE, registry) or []
    tables.sdg = attempt(load_sdg, data_dir / SDG_FILE) or []
    sdg = tables.sdg if tables.sdg else None
    tables.sdg_links = attempt(load_sdg_links, data_dir / SDG_LINKS_FILE, sdg) or SdgLinkTable({}, [])
    tables.un_documents = attempt(load_un_documents, data_dir / UN_DOCUMENTS_FILE) or []
    tables.eu_documents = attempt(load_eu_documents, data_dir / EU_DOCUMENTS_FILE) or []
    return tables
