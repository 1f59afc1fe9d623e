"""``gcm-graph links check``: every external identifier against its scheme, the tables against
each other, and coverage. Offline: it reads ``data/`` and nothing else.

Errors (the command exits non-zero): a table that does not load (malformed identifier, SDG code
not in the shipped table, schema violation), an instrument whose UN symbol has no row in
``data/un_documents.yaml`` or a row naming an instrument with another symbol, an event organised
by an unknown organisation, a treaty article whose CELEX and ELI disagree or do not belong to its
treaty. Coverage is reported, never an error: adopted objectives without an SDG link, instruments
and organisations without an external identifier, shipped SDG concepts no link uses.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from gcm_graph.config import DATA_DIR
from gcm_graph.curated import (
    ADOPTED_OBJECTIVES,
    EVENTS_FILE,
    INSTRUMENTS_FILE,
    UN_DOCUMENTS_FILE,
    CuratedTables,
    display_path,
    load_tables,
)
from gcm_graph.links.records import Link, compile_links
from gcm_graph.links.schemes import treaty_article_consistency


@dataclass
class Coverage:
    objectives_without_sdg: list[int] = field(default_factory=list)
    objectives_umbrella_only: list[int] = field(default_factory=list)
    groundings: Counter = field(default_factory=Counter)
    instruments_without_identifier: list[tuple[str, str]] = field(default_factory=list)
    organisations_without_identifier: list[str] = field(default_factory=list)
    unused_sdg_concepts: list[str] = field(default_factory=list)


@dataclass
class CheckReport:
    data_dir: Path
    errors: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    identifiers: Counter = field(default_factory=Counter)
    coverage: Coverage = field(default_factory=Coverage)
    links: list[Link] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def run_check(data_dir: Path = DATA_DIR) -> CheckReport:
    """Load every table, cross-check them, compile the links and measure coverage."""
    tables = load_tables(data_dir)
    report = CheckReport(data_dir, errors=list(tables.problems))
    report.errors.extend(_cross_check(tables, data_dir))
    report.counts = {
        "instruments": len(tables.instruments),
        "organisations": len(tables.organisations),
        "events": len(tables.events),
        "SDG goals and targets": len(tables.sdg),
        "SDG links": len(tables.sdg_links.links),
        "UN documents": len(tables.un_documents),
        "EU documents": len(tables.eu_documents),
    }
    for instrument in tables.instruments:
        report.identifiers.update(instrument.identifiers.keys())
    for organisation in tables.organisations:
        report.identifiers.update(organisation.identifiers.keys())
    report.identifiers["celex (EU documents)"] += len(tables.eu_documents)
    report.coverage = _coverage(tables)
    report.links = compile_links(tables)
    return report


def _cross_check(tables: CuratedTables, data_dir: Path) -> list[str]:
    errors: list[str] = []
    instruments_file = display_path(data_dir / INSTRUMENTS_FILE)
    un_file = display_path(data_dir / UN_DOCUMENTS_FILE)
    events_file = display_path(data_dir / EVENTS_FILE)
    instruments = {instrument.key: instrument for instrument in tables.instruments}

    un_documents_loaded = not any(problem.startswith(f"{un_file}:") for problem in tables.problems)
    if un_documents_loaded:
        rows = {row.symbol: row for row in tables.un_documents}
        for instrument in tables.instruments:
            symbol = instrument.identifiers.get("un_symbol")
            if symbol is None:
                continue
            row = rows.get(symbol)
            if row is None:
                errors.append(
                    f"{instruments_file}:{instrument.line}: un_symbol {symbol!r} of {instrument.key!r} "
                    f"has no row in data/{UN_DOCUMENTS_FILE}"
                )
            elif instrument.key not in row.instruments:
                errors.append(
                    f"{un_file}:{row.line}: {symbol!r} does not list {instrument.key!r}, whose un_symbol it is"
                )
        for row in tables.un_documents:
            for key in row.instruments:
                instrument = instruments.get(key)
                if instrument is None and tables.instruments:
                    errors.append(f"{un_file}:{row.line}: instrument {key!r} of {row.symbol!r} points nowhere")
                elif instrument is not None and instrument.identifiers.get("un_symbol") != row.symbol:
                    errors.append(
                        f"{un_file}:{row.line}: instrument {key!r} has un_symbol "
                        f"{instrument.identifiers.get('un_symbol')!r}, not {row.symbol!r}"
                    )

    if tables.organisations:
        organisations = {organisation.key for organisation in tables.organisations}
        for event in tables.events:
            if event.organizer and event.organizer not in organisations:
                errors.append(
                    f"{events_file}:{event.line}: organizer {event.organizer!r} of {event.key!r} "
                    f"is not in data/organisations.yaml"
                )

    for instrument in tables.instruments:
        celex, eli = instrument.identifiers.get("celex"), instrument.identifiers.get("eli")
        if celex and eli:
            problem = treaty_article_consistency(celex, eli)
            if problem:
                errors.append(f"{instruments_file}:{instrument.line}: {problem}")
        parent = instruments.get(instrument.part_of or "")
        if instrument.kind == "treaty-article" and celex and parent:
            treaty = _treaty_of(parent, instruments)
            treaty_celex = treaty.identifiers.get("celex", "") if treaty else ""
            if treaty_celex and celex[:6] != treaty_celex[:6]:
                errors.append(
                    f"{instruments_file}:{instrument.line}: CELEX {celex} of {instrument.key!r} is not of its "
                    f"treaty {treaty.key!r} ({treaty_celex})"
                )
    return errors


def _treaty_of(instrument, instruments):
    while instrument is not None and instrument.kind == "treaty-article":
        instrument = instruments.get(instrument.part_of or "")
    return instrument


def _coverage(tables: CuratedTables) -> Coverage:
    coverage = Coverage()
    linked: dict[int, set[str]] = {}
    for link in tables.sdg_links.links:
        linked.setdefault(link.objective, set()).add(link.grounding)
        coverage.groundings[link.grounding] += 1
    coverage.objectives_without_sdg = [n for n in ADOPTED_OBJECTIVES if n not in linked]
    coverage.objectives_umbrella_only = sorted(n for n, groundings in linked.items() if groundings == {"umbrella"})
    coverage.instruments_without_identifier = [
        (instrument.key, instrument.kind) for instrument in tables.instruments if not instrument.identifiers
    ]
    coverage.organisations_without_identifier = [o.key for o in tables.organisations if not o.identifiers]
    used = {link.sdg for link in tables.sdg_links.links}
    used |= {code.split(".", 1)[0] for code in used}
    coverage.unused_sdg_concepts = [concept.code for concept in tables.sdg if concept.code not in used]
    return coverage


def format_report(report: CheckReport) -> str:
    """Human-readable summary: errors first, then counts and coverage."""
    lines: list[str] = []
    if report.errors:
        lines.append(f"{len(report.errors)} error(s):")
        lines.extend(f"  {error}" for error in report.errors)
    else:
        lines.append("no errors: every identifier is well formed and the tables agree")
    lines.append("tables: " + ", ".join(f"{name} {count}" for name, count in report.counts.items()))
    if report.identifiers:
        checked = ", ".join(f"{scheme} {count}" for scheme, count in sorted(report.identifiers.items()))
        lines.append(f"identifiers checked: {checked}")
    lines.append(f"link records compiled: {len(report.links)}")
    coverage = report.coverage
    lines.append("coverage:")
    without = ", ".join(str(n) for n in coverage.objectives_without_sdg) or "none"
    lines.append(f"  adopted objectives without an SDG link: {without}")
    if coverage.groundings:
        groundings = ", ".join(f"{name} {count}" for name, count in sorted(coverage.groundings.items()))
        lines.append(f"  SDG links by grounding: {groundings}")
    umbrella = ", ".join(str(n) for n in coverage.objectives_umbrella_only) or "none"
    lines.append(f"  objectives linked only to the umbrella target 10.7: {umbrella}")
    missing = coverage.instruments_without_identifier
    lines.append(f"  instruments without an external identifier: {len(missing)}")
    lines.extend(f"    {key} ({kind})" for key, kind in missing)
    lines.append(
        f"  organisations without an external identifier: {len(coverage.organisations_without_identifier)} "
        f"of {report.counts.get('organisations', 0)}"
    )
    if coverage.unused_sdg_concepts:
        lines.append(f"  shipped SDG concepts no link uses: {', '.join(coverage.unused_sdg_concepts)}")
    return "\n".join(lines)
