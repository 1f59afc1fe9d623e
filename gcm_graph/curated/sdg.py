"""``data/sdg.yaml`` and ``data/sdg_links.yaml``: SDG goals and targets, and the adopted objectives
of the compact that serve them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gcm_graph.config import DATA_DIR
from gcm_graph.curated.fields import check_fields, check_text
from gcm_graph.curated.yaml_lines import Problems, _entries, _top_level, line_of, read_yaml

SDG_FILE = "sdg.yaml"
SDG_LINKS_FILE = "sdg_links.yaml"
ADOPTED_OBJECTIVES = range(1, 24)
SDG_GROUNDINGS = ("explicit", "thematic", "umbrella")


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
