"""Names of the entries: labels and aliases unique across tables, and where aliases match a text.

The build links a text to an instrument, organisation or event by its aliases, so one name must
belong to one entry only, and every alias should match somewhere on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from gcm_graph.curated.fields import check_aliases, check_labels
from gcm_graph.curated.yaml_lines import Problems, _Node, line_of
from gcm_graph.extract.citations import Alias, AliasMatcher


class Named:
    """An entry with ``aliases`` by language (instruments, organisations, events); the matcher wants them flat."""

    aliases: dict[str, tuple[str, ...]]

    def all_aliases(self) -> tuple[str, ...]:
        return tuple(alias for language in self.aliases for alias in self.aliases[language])


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
