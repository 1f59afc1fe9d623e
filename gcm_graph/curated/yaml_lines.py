"""Read a curated table so that every problem can name its line: ``data/<file>.yaml:LINE: ...``.

The tables are edited by hand; a message without a line sends the editor searching. PyYAML's
safe loader forgets where nodes stood, so the loader here keeps the line of each mapping, key and
sequence item, and refuses duplicate keys (which plain YAML silently overwrites).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from gcm_graph.config import PROJECT_ROOT


class CuratedDataError(Exception):
    """A curated table is invalid; ``problems`` lists every ``file:line: message`` found."""

    def __init__(self, problems: Iterable[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


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
# Dates stay text: the tables' own checks then report an impossible date (2018-13-45) with its
# line, where PyYAML's timestamp constructor would raise a bare ValueError.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


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


def read_yaml(path: Path, text: str | None = None) -> Any:
    """Parse one table (``text`` stands in for the file's content); a missing file or a YAML syntax error is
    a ``CuratedDataError`` with a line."""
    where = display_path(path)
    if text is None and not path.is_file():
        raise CuratedDataError([f"{where}:1: file missing; expected a YAML table"])
    try:
        content = path.read_text(encoding="utf-8") if text is None else text
        return yaml.load(content, Loader=_LineLoader)  # noqa: S506 - safe loader subclass
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
