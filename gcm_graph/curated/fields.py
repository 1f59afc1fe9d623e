"""Checks of one table entry's fields shared by every table: keys, texts, labels, aliases, identifiers.

Each check adds ``file:line`` problems and returns the cleaned value, so a loader reports every
problem of a file at once instead of stopping at the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gcm_graph.curated.yaml_lines import Problems, _Node, line_of
from gcm_graph.links.schemes import UNIQUE_SCHEMES, check_identifier

LANGUAGES = ("en", "de")
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WORD_EDGES = re.compile(r"^\w(?:.*\w)?$", re.DOTALL)


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


def check_controlled_list(problems: Problems, document: _Node, section: str) -> dict[str, str]:
    """The mapping of name to one-line meaning that types a table's entries (kinds, types)."""
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


def check_optional_key(problems: Problems, entry: _Node, name: str, key: str) -> str | None:
    value = entry.get(name)
    if value is not None and not isinstance(value, str):
        problems.add(line_of(entry, name), f"{name} of {key!r} must be a key")
        return None
    return value
