"""Every curated table at once, for the build and ``gcm-graph links check``: all problems of all
tables collected, and names kept unique across the instruments, organisations and events."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gcm_graph.config import DATA_DIR
from gcm_graph.curated.documents import (
    EU_DOCUMENTS_FILE,
    UN_DOCUMENTS_FILE,
    EuDocument,
    UnDocument,
    load_eu_documents,
    load_un_documents,
)
from gcm_graph.curated.entities import (
    EVENTS_FILE,
    ORGANISATIONS_FILE,
    Event,
    Organisation,
    load_events,
    load_organisations,
)
from gcm_graph.curated.instruments import INSTRUMENTS_FILE, Instrument, parse_instruments
from gcm_graph.curated.names import NameRegistry
from gcm_graph.curated.sdg import SDG_FILE, SDG_LINKS_FILE, SdgConcept, SdgLinkTable, load_sdg, load_sdg_links
from gcm_graph.curated.yaml_lines import CuratedDataError


@dataclass
class CuratedTables:
    """Every curated link table; ``problems`` lists what failed to load (tables left empty)."""

    instruments: list[Instrument] = field(default_factory=list)
    instrument_kinds: dict[str, str] = field(default_factory=dict)
    organisations: list[Organisation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sdg: list[SdgConcept] = field(default_factory=list)
    sdg_links: SdgLinkTable = field(default_factory=lambda: SdgLinkTable({}, []))
    un_documents: list[UnDocument] = field(default_factory=list)
    eu_documents: list[EuDocument] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def load_tables(data_dir: Path = DATA_DIR) -> CuratedTables:
    """Load every table, collecting problems instead of stopping at the first bad file.

    Labels and aliases are unique across the instruments, organisations and events tables."""
    tables = CuratedTables()
    registry = NameRegistry()

    def attempt(loader, *args):
        try:
            return loader(*args)
        except CuratedDataError as error:
            tables.problems.extend(error.problems)
            return None

    instruments = attempt(parse_instruments, data_dir / INSTRUMENTS_FILE, registry)
    if instruments is not None:
        tables.instrument_kinds, tables.instruments = instruments
    tables.organisations = attempt(load_organisations, data_dir / ORGANISATIONS_FILE, registry) or []
    tables.events = attempt(load_events, data_dir / EVENTS_FILE, registry) or []
    tables.sdg = attempt(load_sdg, data_dir / SDG_FILE) or []
    sdg = tables.sdg if tables.sdg else None
    tables.sdg_links = attempt(load_sdg_links, data_dir / SDG_LINKS_FILE, sdg) or SdgLinkTable({}, [])
    tables.un_documents = attempt(load_un_documents, data_dir / UN_DOCUMENTS_FILE) or []
    tables.eu_documents = attempt(load_eu_documents, data_dir / EU_DOCUMENTS_FILE) or []
    return tables
