"""Example SPARQL queries for researchers, one ``.rq`` file each.

The same files feed the README cookbook, the query page of the endpoint and the
tests that check each query's answer, so an example can never silently rot.
Each file starts with ``# title: ...`` and ``# description: ...`` comment lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Recipe:
    name: str  # file stem, e.g. "draft-objective-7-actions"
    title: str
    description: str
    query: str


def load_cookbook() -> list[Recipe]:
    recipes = []
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda path: path.name):
        if entry.name.endswith(".rq"):
            recipes.append(_parse(entry.name[:-3], entry.read_text(encoding="utf-8")))
    return recipes


def recipe(name: str) -> Recipe:
    for candidate in load_cookbook():
        if candidate.name == name:
            return candidate
    raise KeyError(f"no cookbook query named {name!r}")


def _parse(name: str, text: str) -> Recipe:
    fields = {}
    for line in text.splitlines():
        if line.startswith("# ") and ":" in line:
            key, _, value = line[2:].partition(":")
            fields.setdefault(key.strip(), value.strip())
    if "title" not in fields:
        raise ValueError(f"gcm_graph/cookbook/{name}.rq:1: expected a '# title: ...' line")
    return Recipe(name, fields["title"], fields.get("description", ""), text)
