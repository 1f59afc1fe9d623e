"""``data/un_documents.yaml`` and ``data/eu_documents.yaml``: the UN document symbols the sources
cite or the instruments carry, and the graph's own Commission proposals with COM number, procedure
and CELEX; both point at the documents of the graph by key."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from gcm_graph.config import DATA_DIR
from gcm_graph.curated.fields import _KEY, check_fields, check_text
from gcm_graph.curated.yaml_lines import Problems, _entries, _Node, _top_level, line_of, read_yaml
from gcm_graph.links.schemes import check_identifier

UN_DOCUMENTS_FILE = "un_documents.yaml"
EU_DOCUMENTS_FILE = "eu_documents.yaml"

# Keys of the documents of the graph (gcm_graph.graph.iris; checked by tests/links).
DOCUMENT_KEYS = frozenset(
    {
        "com-2018-167",
        "com-2018-168",
        "gcm-zero-draft-plus",
        "gcm",
        "iom-gcm-quick-reference-2021",
        "imrf-progress-declaration-2022",
    }
)


@dataclass(frozen=True)
class UnDocument:
    symbol: str
    title: str
    cited: bool
    instruments: tuple[str, ...]
    documents: tuple[str, ...]
    justification: str
    line: int


_UN_DOCUMENT_FIELDS = ("symbol", "title", "cited", "instruments", "documents", "justification")


def load_un_documents(path: Path = DATA_DIR / UN_DOCUMENTS_FILE) -> list[UnDocument]:
    """``data/un_documents.yaml``; instrument keys are cross-checked by ``gcm_graph.links.check``."""
    problems = Problems(path)
    document = _top_level(problems, read_yaml(path), ("documents",))
    rows: list[UnDocument] = []
    seen: dict[str, int] = {}
    for entry in _entries(problems, document, "documents"):
        if not check_fields(
            problems, entry, _UN_DOCUMENT_FIELDS, ("symbol", "title", "cited", "justification"), "UN document"
        ):
            continue
        symbol = entry.get("symbol")
        problem = check_identifier("un_symbol", symbol)
        if problem:
            problems.add(line_of(entry, "symbol"), f"un_symbol {symbol!r} is malformed: {problem}")
            continue
        if symbol in seen:
            problems.add(line_of(entry, "symbol"), f"duplicate symbol {symbol!r} (first at line {seen[symbol]})")
            continue
        seen[symbol] = entry.line
        cited = entry.get("cited")
        if not isinstance(cited, bool):
            problems.add(line_of(entry, "cited"), f"cited of {symbol!r} must be true or false")
        instruments = _key_list(problems, entry, "instruments")
        documents = _key_list(problems, entry, "documents")
        for key in documents:
            if key not in DOCUMENT_KEYS:
                problems.add(
                    line_of(entry, "documents"),
                    f"document {key!r} is not a document of the graph; "
                    f"expected one of {', '.join(sorted(DOCUMENT_KEYS))}",
                )
        if not instruments and not documents:
            problems.add(entry.line, f"UN document {symbol!r} links to nothing; expected instruments or documents")
        title = check_text(problems, entry, "title", f"UN document {symbol!r}")
        justification = check_text(problems, entry, "justification", f"UN document {symbol!r}")
        rows.append(UnDocument(symbol, title, bool(cited), instruments, documents, justification, entry.line))
    problems.raise_if_any()
    return rows


def _key_list(problems: Problems, entry: _Node, name: str) -> tuple[str, ...]:
    value = entry.get(name, [])
    if not isinstance(value, list) or not all(isinstance(item, str) and _KEY.match(item) for item in value):
        problems.add(line_of(entry, name), f"{name} must be a list of keys")
        return ()
    return tuple(value)


@dataclass(frozen=True)
class EuDocument:
    document: str
    com_number: str
    procedure: str
    celex: str
    title: str
    justification: str
    line: int


_EU_DOCUMENT_FIELDS = ("document", "com_number", "procedure", "celex", "title", "justification")
_COM_NUMBER = re.compile(r"^COM\((?P<year>\d{4})\) (?P<number>\d+) final$")
_PROCEDURE = re.compile(r"^\d{4}/\d{4} \((?:NLE|COD|CNS|APP)\)$")


def load_eu_documents(path: Path = DATA_DIR / EU_DOCUMENTS_FILE) -> list[EuDocument]:
    """``data/eu_documents.yaml``: COM documents of the graph with CELEX numbers matching their COM numbers."""
    problems = Problems(path)
    document = _top_level(problems, read_yaml(path), ("documents",))
    rows: list[EuDocument] = []
    seen: dict[str, int] = {}
    for entry in _entries(problems, document, "documents"):
        if not check_fields(problems, entry, _EU_DOCUMENT_FIELDS, _EU_DOCUMENT_FIELDS, "EU document"):
            continue
        key = entry.get("document")
        if key not in DOCUMENT_KEYS:
            problems.add(
                line_of(entry, "document"),
                f"document {key!r} is not a document of the graph; expected one of {', '.join(sorted(DOCUMENT_KEYS))}",
            )
            continue
        if key in seen:
            problems.add(line_of(entry, "document"), f"duplicate document {key!r} (first at line {seen[key]})")
            continue
        seen[key] = entry.line
        celex = entry.get("celex")
        problem = check_identifier("celex", celex)
        com_number = check_text(problems, entry, "com_number", f"EU document {key!r}")
        match = _COM_NUMBER.match(com_number)
        if problem:
            problems.add(line_of(entry, "celex"), f"celex {celex!r} is malformed: {problem}")
        elif not match:
            problems.add(
                line_of(entry, "com_number"), f"com_number {com_number!r} is malformed; expected 'COM(2018) 167 final'"
            )
        elif celex != f"5{match.group('year')}PC{int(match.group('number')):04d}":
            problems.add(
                line_of(entry, "celex"),
                f"celex {celex!r} does not match {com_number!r}; expected 5{{year}}PC{{number:04}}",
            )
        procedure = check_text(problems, entry, "procedure", f"EU document {key!r}")
        if procedure and not _PROCEDURE.match(procedure):
            problems.add(
                line_of(entry, "procedure"), f"procedure {procedure!r} is malformed; expected '2018/0079 (NLE)'"
            )
        title = check_text(problems, entry, "title", f"EU document {key!r}")
        justification = check_text(problems, entry, "justification", f"EU document {key!r}")
        rows.append(EuDocument(str(key), com_number, procedure, str(celex), title, justification, entry.line))
    problems.raise_if_any()
    return rows
