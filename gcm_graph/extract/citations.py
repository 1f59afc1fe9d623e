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
        # A lookahead finds the longest alias at every position, overlapping ones included.
        self.pattern = re.compile(rf"(?<!\w)(?=({alternatives})(?!\w))") if self.aliases else None
        self.used: set[str] = set()

    def mentions(self, text: str) -> list[Mention]:
        """Longest first; a shorter match never overlaps a longer one; returned in text order."""
        if self.pattern is None:
            return []
        candidates = [(match.start(1), match.end(1), match.group(1)) for match in self.pattern.finditer(text)]
        candidates.sort(key=lambda candidate: (candidate[0] - candidate[1], candidate[0]))
        taken: list[Mention] = []
        for start, end, alias_text in candidates:
            if all(end <= other.start or other.end <= start for other in taken):
                alias = self.by_text[alias_text]
                self.used.add(alias.text)
                taken.append(Mention(alias.key, alias.text, start, end))
        return sorted(taken, key=lambda mention: mention.start)

    def unused(self) -> list[Alias]:
        return [alias for alias in self.aliases if alias.text not in self.used]
