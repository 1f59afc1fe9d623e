"""extract -> graph -> validate -> write ``dist/`` atomically.

Exit codes of ``gcm-graph build`` (see README "Build"): 0 built, 1 the graph
violates the shapes, 2 a source file is missing or changed, 3 a source does
not have the expected layout or the two quick-reference witnesses disagree,
4 ``dist/`` could not be written.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from gcm_graph import __version__
from gcm_graph.config import DEFAULT_DIST_DIR
from gcm_graph.curated import CuratedDataError, load_tables
from gcm_graph.dist import DUMP_FORMATS, VOID_FILE, serialise, union_graph, write_dist
from gcm_graph.extract import sources as source_files
from gcm_graph.extract.com_proposal import extract_com_proposal
from gcm_graph.extract.figures import FiguresError, load_figures
from gcm_graph.extract.imrf_declaration import extract_progress_declaration
from gcm_graph.extract.lines import ExtractionError
from gcm_graph.extract.quick_reference import (
    COVER_TITLE,
    ReconciliationError,
    extract_quick_reference,
    printed_headings,
)
from gcm_graph.extract.quotes import printed_line, quote
from gcm_graph.extract.sources import SourceError, SourceFile
from gcm_graph.extract.zero_draft import extract_zero_draft
from gcm_graph.graph import iris
from gcm_graph.graph.com_proposal import add_com_proposal
from gcm_graph.graph.compact import add_change_kinds, add_compact
from gcm_graph.graph.dataset import CURATED_GRAPH, GraphPart, add_ontology, add_part, new_dataset
from gcm_graph.graph.imrf_declaration import add_progress_declaration, symbol_citations
from gcm_graph.graph.instruments import add_instruments, add_mentions, add_symbol_citations, alias_matcher
from gcm_graph.graph.links import add_links
from gcm_graph.graph.principles import add_principle_scheme
from gcm_graph.graph.quick_reference import add_quick_reference
from gcm_graph.graph.void import describe_dataset
from gcm_graph.graph.writer import GraphWriter
from gcm_graph.graph.zero_draft import add_zero_draft
from gcm_graph.links.records import compile_links

COMPACT_TITLE = "Global Compact for Safe, Orderly and Regular Migration"
EXIT_OK, EXIT_INVALID, EXIT_SOURCE, EXIT_EXTRACTION, EXIT_OUTPUT = 0, 1, 2, 3, 4


EXTRACTION_ERRORS: tuple[type[Exception], ...] = (
    ExtractionError,
    FiguresError,
    ReconciliationError,
    CuratedDataError,
)


class BuildError(Exception):
    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


@dataclass
class Progress:
    """Steps with their wall time on stderr, so a long build shows where it is."""

    quiet: bool = False
    started: float = field(default_factory=time.perf_counter)

    def step(self, message: str) -> None:
        if not self.quiet:
            print(f"[{time.perf_counter() - self.started:6.2f}s] {message}", file=sys.stderr, flush=True)


def extract_records(sources: dict[str, SourceFile]) -> dict:
    com = sources[source_files.COM_2018_167]
    markdown = sources[source_files.QUICK_REFERENCE_MARKDOWN]
    plaintext = sources[source_files.QUICK_REFERENCE_PLAINTEXT]
    declaration = extract_progress_declaration(sources[source_files.IMRF_2022])
    draft = extract_zero_draft(com)
    tables = load_tables()
    if tables.problems:
        raise CuratedDataError(tables.problems)
    return {
        "com": extract_com_proposal(com),
        "draft": draft,
        "draft_title": quote(com.text, draft.opening, COMPACT_TITLE),
        "declaration": declaration,
        "figures": load_figures(declaration),
        "quick_reference": extract_quick_reference(markdown, plaintext),
        "quick_reference_headings": printed_headings(markdown, plaintext),
        "quick_reference_title": printed_line(markdown, COVER_TITLE),
        # The Compact's name as the Progress Declaration prints it (paragraph 2: "We reaffirm the ...").
        "compact_title": quote(declaration.source.text, declaration.paragraph(2).passage, COMPACT_TITLE),
        "tables": tables,
        "instruments": tables.instruments,
        "instrument_kinds": tables.instrument_kinds,
    }


def graph_parts(records: dict, sources: dict[str, SourceFile]) -> list[GraphPart]:
    com = sources[source_files.COM_2018_167]
    markdown = sources[source_files.QUICK_REFERENCE_MARKDOWN]
    plaintext = sources[source_files.QUICK_REFERENCE_PLAINTEXT]

    def fill_quick_reference(writer: GraphWriter) -> None:
        reference = records["quick_reference"]
        add_quick_reference(writer, reference, markdown, plaintext, records["quick_reference_title"])
        add_compact(writer, reference, records["draft"], records["compact_title"], records["quick_reference_headings"])

    def fill_declaration(writer: GraphWriter) -> None:
        add_progress_declaration(writer, records["declaration"], records["figures"])
        add_symbol_citations(writer, symbol_citations(records["declaration"]), records["instruments"])

    def fill_curated(writer: GraphWriter) -> None:
        add_change_kinds(writer)
        add_principle_scheme(writer)
        add_instruments(writer, records["instruments"], records["instrument_kinds"])
        add_links(writer, compile_links(records["tables"]))

    return [
        GraphPart(iris.COM_2018_167, lambda writer: add_com_proposal(writer, records["com"], com)),
        GraphPart(
            iris.ZERO_DRAFT_PLUS, lambda writer: add_zero_draft(writer, records["draft"], com, records["draft_title"])
        ),
        GraphPart(iris.IMRF_DECLARATION, fill_declaration),
        GraphPart(iris.QUICK_REFERENCE, fill_quick_reference),
        GraphPart(CURATED_GRAPH, fill_curated),
    ]


def build_dataset(
    progress: Progress | None = None, sources_dir: Path = source_files.SOURCES_DIR
) -> tuple[Dataset, dict[str, SourceFile]]:
    progress = progress or Progress(quiet=True)
    progress.step("checking source checksums")
    sources = source_files.load_all_sources(sources_dir)
    progress.step("extracting documents")
    records = extract_records(sources)
    dataset = new_dataset()
    parts = graph_parts(records, sources)
    for part in parts:
        progress.step(f"graph {part.name}")
        add_part(dataset, part)
    progress.step("linking mentions of instruments")
    document_graphs = [iris.named_graph_iri(part.name) for part in parts if part.name != CURATED_GRAPH]
    link = records["quick_reference"].publication.resolution_link.text  # "Link to GCM resolution"
    other_texts = [(iris.named_graph_iri(iris.QUICK_REFERENCE), iris.document_iri(iris.QUICK_REFERENCE), link)]
    add_mentions(dataset, document_graphs, alias_matcher(records["instruments"]), other_texts)
    add_ontology(dataset)
    return dataset, sources


def validate_dataset(dataset: Dataset, progress: Progress) -> None:
    """Run the shapes (docs/validation.md); violations stop the build before anything is written."""
    from gcm_graph.validate import ShapesError, ValidationFailure, validate_graph

    progress.step("validating against shapes/")
    try:
        report = validate_graph(dataset)
    except (ShapesError, ValidationFailure) as error:
        raise BuildError(str(error), EXIT_INVALID) from error
    progress.step(report.summary())
    if not report.conforms:
        raise BuildError(f"the graph violates the shapes, dist/ is left as it was\n{report.text()}", EXIT_INVALID)


def build(
    dist_dir: Path | None = None,
    progress: Progress | None = None,
    sources_dir: Path = source_files.SOURCES_DIR,
) -> Path:
    progress = progress or Progress(quiet=True)
    dist_dir = Path(dist_dir or DEFAULT_DIST_DIR)
    try:
        dataset, sources = build_dataset(progress, sources_dir)
    except SourceError as error:
        raise BuildError(str(error), EXIT_SOURCE) from error
    except EXTRACTION_ERRORS as error:  # each names the file and line and what was expected
        raise BuildError(str(error), EXIT_EXTRACTION) from error
    validate_dataset(dataset, progress)
    progress.step("serialising")
    union = union_graph(dataset)
    files = {name: serialise(dataset, union, name) for name in DUMP_FORMATS}
    void = describe_dataset(dataset, sources, __version__)
    files[VOID_FILE] = void.serialize(format="turtle", encoding="utf-8")
    manifest = {
        "version": __version__,
        "base_iri": iris.base_iri(),
        "triples": len(union),
        "sources": {name: source.sha256 for name, source in sorted(sources.items())},
    }
    progress.step(f"writing {dist_dir} ({len(union)} triples)")
    try:
        write_dist(files, dist_dir, manifest)
    except OSError as error:
        raise BuildError(f"{dist_dir}: cannot write: {error}", EXIT_OUTPUT) from error
    progress.step("done")
    return dist_dir


def run_build_command(dist_dir: str | None, sources_dir: str | None = None, quiet: bool = False) -> int:
    try:
        sources = Path(sources_dir) if sources_dir else source_files.SOURCES_DIR
        build(Path(dist_dir) if dist_dir else None, Progress(quiet=quiet), sources)
    except BuildError as error:
        print(f"gcm-graph build: {error}", file=sys.stderr)
        return error.exit_code
    return EXIT_OK


def ensure_built(dist_dir: Path | None = None) -> Path:
    """``dist/`` as it is, or freshly built when it has no dataset yet."""
    dist_dir = Path(dist_dir or DEFAULT_DIST_DIR)
    if not (dist_dir / "gcm.trig").is_file():
        build(dist_dir)
    return dist_dir


def load_dataset(dist_dir: Path) -> Dataset:
    dataset = Dataset(default_union=True)
    dataset.parse(dist_dir / "gcm.trig", format="trig")
    return dataset
