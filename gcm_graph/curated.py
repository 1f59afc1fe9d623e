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
    """Alias matches as the build takes them: case-sensitive, on word boundaries, longest first,
    a shorter match never overlapping a longer one; returned in text order."""
    candidates: list[Mention] = []
    for alias, key in aliases.items():
        pattern = re.compile(r"(?<!\w)" + re.escape(alias) + r"(?!\w)")
        candidates.extend(Mention(m.start(), m.end(), alias, key) for m in pattern.finditer(text))
    candidates.sort(key=lambda mention: (-(mention.end - mention.start), mention.start))
    taken: list[Mention] = []
    occupied: list[tuple[int, int]] = []
    for mention in candidates:
        if any(mention.start < end and start < mention.end for start, end in occupied):
            continue
        taken.append(mention)
        occupied.append((mention.start, mention.end))
    return sorted(taken)


def unmatched_aliases(texts: Iterable[str], aliases: Mapping[str, str]) -> list[str]:
    """Aliases that keep no match of their own in any of the texts."""
    matched: set[str] = set()
    for text in texts:
        matched.update(mention.alias for mention in find_mentions(text, aliases))
    return sorted(set(aliases) - matched)
