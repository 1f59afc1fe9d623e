"""Find the instruments a text mentions, by the curated aliases of ``data/instruments.yaml``.

Matching is case-sensitive, on word boundaries, longest alias first, and a
shorter alias never matches inside a longer one ("Paris Agreement" inside a
longer name), so one mention yields one instrument. Every alias must match
somewhere: an alias that matches nothing is a curation error, reported with
its line in the data file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Alias:
    key: str  # instrument key
    text: str
    line: int  # of the instrument entry in the data file


@dataclass(frozen=True)
class Mention:
    key: str
    alias: str
    start: int
    end: int


class AliasMatcher:
    def __init__(self, aliases: Iterable[Alias]):
        self.aliases = sorted(set(aliases), key=lambda alias: (-len(alias.text), alias.text))
        self.by_text = {alias.text: alias for alias in self.aliases}
        alternatives = "|".join(re.escape(alias.text) for alias in self.aliases)
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if self.aliases else None
        self.used: set[str] = set()

    def mentions(self, text: str) -> list[Mention]:
        if self.pattern is None:
            return []
        found = []
        for match in self.pattern.finditer(text):
            alias = self.by_text[match.group()]
            self.used.add(alias.text)
            found.append(Mention(alias.key, alias.text, match.start(), match.end()))
        return found

    def unused(self) -> list[Alias]:
        return [alias for alias in self.aliases if alias.text not in self.used]
