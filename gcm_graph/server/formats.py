"""Result formats and content negotiation.

SELECT/ASK: SPARQL 1.1 Query Results JSON (https://www.w3.org/TR/sparql11-results-json/),
XML (https://www.w3.org/TR/rdf-sparql-XMLres/), CSV and TSV
(https://www.w3.org/TR/sparql11-results-csv-tsv/). CONSTRUCT/DESCRIBE and data documents:
Turtle, N-Triples, JSON-LD, RDF/XML, TriG, N-Quads, written by pyoxigraph.

Negotiation honours q-values (werkzeug's Accept parsing); a ``format`` (or ``output``)
parameter, as a short name or a media type, overrides the Accept header.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept

from gcm_graph.graph.iris import PREFIXES
from gcm_graph.store.results import AskResult, SelectResult

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True)
class Format:
    name: str
    media_types: tuple[str, ...]  # the first is the canonical one
    aliases: tuple[str, ...]
    extension: str
    rdf_format: ox.RdfFormat | None = None

    @property
    def media_type(self) -> str:
        return self.media_types[0]


RESULT_FORMATS = (
    Format("SPARQL JSON", ("application/sparql-results+json", "application/json"), ("json", "srj"), "srj"),
    Format("SPARQL XML", ("application/sparql-results+xml", "application/xml", "text/xml"), ("xml", "srx"), "srx"),
    Format("CSV", ("text/csv",), ("csv",), "csv"),
    Format("TSV", ("text/tab-separated-values",), ("tsv",), "tsv"),
)
GRAPH_FORMATS = (
    Format("Turtle", ("text/turtle", "application/x-turtle"), ("turtle", "ttl"), "ttl", ox.RdfFormat.TURTLE),
    Format(
        "N-Triples",
        ("application/n-triples", "text/plain"),
        ("nt", "ntriples", "n-triples"),
        "nt",
        ox.RdfFormat.N_TRIPLES,
    ),
    Format(
        "JSON-LD",
        ("application/ld+json", "application/json"),
        ("jsonld", "json-ld", "json"),
        "jsonld",
        ox.RdfFormat.JSON_LD,
    ),
    Format(
        "RDF/XML", ("application/rdf+xml", "application/xml"), ("rdfxml", "rdf", "xml"), "rdf", ox.RdfFormat.RDF_XML
    ),
    Format("TriG", ("application/trig",), ("trig",), "trig", ox.RdfFormat.TRIG),
    Format("N-Quads", ("application/n-quads",), ("nq", "nquads", "n-quads"), "nq", ox.RdfFormat.N_QUADS),
)
# Data documents of /id/... resources: the four formats linked-data clients ask for.
DOCUMENT_FORMATS = tuple(f for f in GRAPH_FORMATS if f.extension in ("ttl", "jsonld", "nt", "rdf"))
PREFIX_STRINGS = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def negotiate(
    formats: tuple[Format, ...], accept: MIMEAccept, explicit: str | None, has_accept: bool = True
) -> tuple[Format, str] | None:
    """The format and media type to answer with, or None when nothing acceptable is offered (406)."""
    if explicit:
        wanted = explicit.strip().lower()
        for candidate in formats:
            if wanted in candidate.aliases or wanted in candidate.media_types:
                return candidate, candidate.media_type
        return None
    if not has_accept:
        return formats[0], formats[0].media_type
    # Canonical types first, so a wildcard such as text/* picks text/csv rather than an alias like text/xml.
    offered = [f.media_type for f in formats] + [m for f in formats for m in f.media_types[1:]]
    best = accept.best_match(offered)
    if best is None:
        return None
    return next((f, best) for f in formats if best in f.media_types)


def serialize_results(result: SelectResult | AskResult, fmt: Format) -> bytes:
    writer = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[fmt.aliases[0]]
    return writer(result).encode("utf-8")


def serialize_graph(triples: list[ox.Triple], fmt: Format) -> bytes:
    if fmt.rdf_format in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        items = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    else:
        items = triples
    prefixes = (
        PREFIX_STRINGS if fmt.rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML) else None
    )
    return ox.serialize(items, format=fmt.rdf_format, prefixes=prefixes)


def term_json(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {k: term_json(getattr(term, k)) for k in ("subject", "predicate", "object")}}
    value = {"type": "literal", "value": term.value}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        value["datatype"] = term.datatype.value
    return value


def _json(result) -> str:
    if isinstance(result, AskResult):
        return json.dumps({"head": {}, "boolean": result.value})
    bindings = [
        {name: term_json(term) for name, term in zip(result.variables, row, strict=True) if term is not None}
        for row in result.rows
    ]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False)


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    return escape(_XML_INVALID.sub("\ufffd", text))


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{_x(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_x(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return f"<literal>{_x(str(term))}</literal>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{_x(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{_x(term.value)}</literal>"
    return f"<literal>{_x(term.value)}</literal>"


def _xml(result) -> str:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    if isinstance(result, AskResult):
        out.append(f"</head>\n<boolean>{'true' if result.value else 'false'}</boolean>\n</sparql>\n")
        return "".join(out)
    out += [f"<variable name={quoteattr(name)}/>" for name in result.variables]
    out.append("</head>\n<results>\n")
    for row in result.rows:
        out.append("<result>")
        for name, term in zip(result.variables, row, strict=True):
            if term is not None:
                out.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        out.append("</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out)


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def _csv(result) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if isinstance(result, AskResult):
        writer.writerows([["boolean"], ["true" if result.value else "false"]])
        return buffer.getvalue()
    writer.writerow(result.variables)
    writer.writerows([_csv_value(term) for term in row] for row in result.rows)
    return buffer.getvalue()


def _tsv_value(term) -> str:
    if term is None:
        return ""
    return str(term).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _tsv(result) -> str:
    if isinstance(result, AskResult):
        return f"?boolean\n{'true' if result.value else 'false'}\n"
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines += ["\t".join(_tsv_value(term) for term in row) for row in result.rows]
    return "\n".join(lines) + "\n"
