"""``data/organisations.yaml`` and ``data/events.yaml``: named entries that, like instruments,
carry labels, aliases and ``part_of``, typed by a controlled list at the top of each table."""

from __future__ import annotations

import re
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
from gcm_graph.curated.yaml_lines import Problems, _entries, _Node, _top_level, line_of, read_yaml

ORGANISATIONS_FILE = "organisations.yaml"
EVENTS_FILE = "events.yaml"
_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>0[1-9]|[12]\d|3[01]))?)?$")


@dataclass(frozen=True)
class Organisation(Named):
    key: str
    type: str
    labels: dict[str, str]
    aliases: dict[str, tuple[str, ...]]
    part_of: str | None
    identifiers: dict[str, str]
    justification: str
    line: int


_ORGANISATION_FIELDS = ("key", "type", "label", "aliases", "part_of", "identifiers", "justification")
_ORGANISATION_REQUIRED = ("key", "type", "label", "justification")


def load_organisations(
    path: Path = DATA_DIR / ORGANISATIONS_FILE, registry: NameRegistry | None = None
) -> list[Organisation]:
    """``data/organisations.yaml`` as records; every problem raises ``CuratedDataError``."""
    problems = Problems(path)
    document = _top_level(problems, read_yaml(path), ("types", "organisations"))
    types = check_controlled_list(problems, document, "types")
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
        part_of = check_optional_key(problems, entry, "part_of", key)
        parents[key] = (part_of, line_of(entry, "part_of"))
        identifiers = check_identifiers(problems, entry, owners, key)
        justification = check_text(problems, entry, "justification", f"organisation {key!r}")
        organisations.append(
            Organisation(key, str(kind), labels, aliases, part_of, identifiers, justification, entry.line)
        )
    check_part_of(problems, parents, "organisation")
    problems.raise_if_any()
    return organisations


# --- Events ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Event(Named):
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
    kinds = check_controlled_list(problems, document, "kinds")
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
        part_of = check_optional_key(problems, entry, "part_of", key)
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
        organizer = check_optional_key(problems, entry, "organizer", key)
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
