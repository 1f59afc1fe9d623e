"""Curated reference tables in ``data/*.yaml``, loaded into plain records and validated.

Every table is edited by hand, so every problem is reported as ``data/<file>.yaml:LINE: what is
wrong; expected what``, all problems of a file at once (``CuratedDataError.problems``). The
records carry the YAML line they come from, for later messages.

This package does not import rdflib: the graph build turns the records into triples
(``docs/links.md`` says which predicate each field becomes). One module per table family:
``instruments``, ``entities`` (organisations, events), ``sdg``, ``documents`` (UN, EU), with
``tables`` loading them all; ``yaml_lines``, ``fields`` and ``names`` hold what they share.
The names below are the ones callers, ``docs/links.md`` and the table headers refer to.
"""

from gcm_graph.curated.documents import (
    DOCUMENT_KEYS,
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
    date_datatype,
    load_events,
    load_organisations,
)
from gcm_graph.curated.instruments import INSTRUMENTS_FILE, Instrument, load_instrument_kinds, load_instruments
from gcm_graph.curated.names import alias_index, find_mentions, unmatched_aliases
from gcm_graph.curated.sdg import (
    ADOPTED_OBJECTIVES,
    SDG_FILE,
    SDG_LINKS_FILE,
    SdgConcept,
    SdgLink,
    SdgLinkTable,
    load_sdg,
    load_sdg_links,
)
from gcm_graph.curated.tables import CuratedTables, load_tables
from gcm_graph.curated.yaml_lines import CuratedDataError, display_path

__all__ = [
    "ADOPTED_OBJECTIVES",
    "DOCUMENT_KEYS",
    "EU_DOCUMENTS_FILE",
    "EVENTS_FILE",
    "INSTRUMENTS_FILE",
    "ORGANISATIONS_FILE",
    "SDG_FILE",
    "SDG_LINKS_FILE",
    "UN_DOCUMENTS_FILE",
    "CuratedDataError",
    "CuratedTables",
    "EuDocument",
    "Event",
    "Instrument",
    "Organisation",
    "SdgConcept",
    "SdgLink",
    "SdgLinkTable",
    "UnDocument",
    "alias_index",
    "date_datatype",
    "display_path",
    "find_mentions",
    "load_eu_documents",
    "load_events",
    "load_instrument_kinds",
    "load_instruments",
    "load_organisations",
    "load_sdg",
    "load_sdg_links",
    "load_tables",
    "load_un_documents",
    "unmatched_aliases",
]
