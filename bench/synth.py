"""Grow the graph the way it will grow in use, for the scale benchmark: ``python bench/synth.py N OUT.nq``.

After the Compact's adoption, the documents that cite it are the reviews of its implementation
(A/RES/73/195, paragraphs 48-54): voluntary national implementation reviews, pledges of States
and stakeholders, and the regional reviews of the UN regional commissions. Each synthetic one is
written the way the build writes the Progress Declaration (gcm_graph/graph/imrf_declaration.py):
a document at its three FRBR levels (work, English expression, the source file it was read
from), headed sections, numbered paragraphs with their verbatim text, footnotes and stated
figures; every text points to its characters in the (virtual) source file through an
``oa:SpecificResource`` with an ``oa:TextPositionSelector``. Paragraphs cite adopted objectives,
their actions and the instruments of the curated graph with ``dcterms:references``, so the
cookbook queries find more to join as the graph grows. Same ontology, same shapes: the output
passes ``gcm-graph validate`` (the harness checks this at the smallest size).

The output is N-Quads, streamed to disk: the built ``dist/gcm.nq`` first, then documents until
about N quads, one named graph per kind of document. Deterministic for a given N and seed, so
runs compare. Nothing is held in memory but one document at a time.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

BASE = "https://w3id.org/gcm-graph/"
DOC = BASE + "id/document/"
ONTO = BASE + "ontology/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
ELI = "http://data.europa.eu/eli/ontology#"
DCT = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"

# ISO 3166-1 alpha-3 codes with English short names: a sample of States across all regions.
COUNTRIES = (
    ("arg", "Argentina"),
    ("aus", "Australia"),
    ("bgd", "Bangladesh"),
    ("bel", "Belgium"),
    ("bra", "Brazil"),
    ("can", "Canada"),
    ("chl", "Chile"),
    ("col", "Colombia"),
    ("crc", "Costa Rica"),
    ("ecu", "Ecuador"),
    ("egy", "Egypt"),
    ("eth", "Ethiopia"),
    ("fin", "Finland"),
    ("fra", "France"),
    ("deu", "Germany"),
    ("gha", "Ghana"),
    ("gtm", "Guatemala"),
    ("ind", "India"),
    ("idn", "Indonesia"),
    ("irl", "Ireland"),
    ("ita", "Italy"),
    ("jam", "Jamaica"),
    ("jpn", "Japan"),
    ("jor", "Jordan"),
    ("ken", "Kenya"),
    ("kgz", "Kyrgyzstan"),
    ("lbn", "Lebanon"),
    ("mdg", "Madagascar"),
    ("mli", "Mali"),
    ("mex", "Mexico"),
    ("mda", "Republic of Moldova"),
    ("mar", "Morocco"),
    ("npl", "Nepal"),
    ("nld", "Netherlands"),
    ("nga", "Nigeria"),
    ("nor", "Norway"),
    ("pak", "Pakistan"),
    ("pan", "Panama"),
    ("per", "Peru"),
    ("phl", "Philippines"),
    ("prt", "Portugal"),
    ("rwa", "Rwanda"),
    ("sen", "Senegal"),
    ("srb", "Serbia"),
    ("zaf", "South Africa"),
    ("esp", "Spain"),
    ("lka", "Sri Lanka"),
    ("swe", "Sweden"),
    ("che", "Switzerland"),
    ("tha", "Thailand"),
    ("tun", "Tunisia"),
    ("tur", "Türkiye"),
    ("uga", "Uganda"),
    ("gbr", "United Kingdom"),
    ("tza", "United Republic of Tanzania"),
    ("uru", "Uruguay"),
    ("uzb", "Uzbekistan"),
    ("vnm", "Viet Nam"),
    ("zmb", "Zambia"),
    ("zwe", "Zimbabwe"),
)
REGIONS = (
    ("ece", "UNECE region"),
    ("eca", "ECA region"),
    ("eclac", "ECLAC region"),
    ("escap", "ESCAP region"),
    ("escwa", "ESCWA region"),
)
STAKEHOLDERS = (
    "the national statistics office",
    "local authorities",
    "civil society organizations",
    "trade unions",
    "employers' organizations",
    "diaspora associations",
    "academia",
    "the national human rights institution",
    "migrant-led organizations",
    "the private sector",
)
VERBS = (
    "has strengthened",
    "has adopted measures on",
    "reports progress on",
    "has reviewed its policies on",
    "continues to invest in",
    "has launched a programme on",
    "identifies gaps in",
    "has expanded cooperation on",
)
MEASURES = (
    ("migrants assisted to return voluntarily", "persons"),
    ("migrant workers registered", "persons"),
    ("border officials trained", "persons"),
    ("children reunited with their families", "persons"),
)
SECTIONS = {
    "national-review": (
        "Introduction",
        "Methodology and consultation",
        "Progress on the objectives",
        "Challenges and gaps",
        "Next steps",
    ),
    "pledge": ("Pledge", "Means of implementation"),
    "regional-review": (
        "Introduction",
        "Regional trends",
        "Progress on the objectives",
        "Regional cooperation",
        "Recommendations",
    ),
}
KINDS = (  # kind, share of documents, paragraphs (min, max), named graph
    ("national-review", 0.5, (30, 70), "national-reviews"),
    ("pledge", 0.4, (4, 10), "pledges"),
    ("regional-review", 0.1, (60, 110), "regional-reviews"),
)


@dataclass
class Pools:
    """What synthetic documents cite: adopted objectives (IRI, title), their actions, instruments (IRI, label)."""

    objectives: list[tuple[str, str]]
    actions: dict[str, list[str]]
    instruments: list[tuple[str, str]]


def read_pools(base_graph: Path) -> Pools:
    store = ox.Store()
    store.bulk_load(path=str(base_graph), format=ox.RdfFormat.from_extension(base_graph.suffix.lstrip(".")))

    def rows(query: str) -> list[tuple[str, ...]]:
        return [tuple(term.value for term in row) for row in store.query(query, use_default_graph_as_union=True)]

    objectives = rows(
        f"SELECT ?o ?t WHERE {{ ?o a <{ONTO}Objective> ; <{ONTO}inDocument> <{DOC}gcm> ; <{DCT}title> ?t ; "
        f"<{ONTO}ordinal> ?n }} ORDER BY ?n"
    )
    actions: dict[str, list[str]] = {}
    for action, objective in rows(
        f"SELECT ?a ?o WHERE {{ ?a a <{ONTO}Action> ; <{ELI}is_part_of> ?o ; <{ONTO}inDocument> <{DOC}gcm> }} "
        "ORDER BY ?a"
    ):
        actions.setdefault(objective, []).append(action)
    instruments = rows(
        f"SELECT ?i ?l WHERE {{ ?i a <{ONTO}Instrument> ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?l "
        '. FILTER(lang(?l) = "en") } ORDER BY ?i'
    )
    if not objectives or not instruments:
        raise ValueError(f"{base_graph}: no adopted objectives or instruments found; is this the built graph?")
    return Pools(objectives, actions, instruments)


def _literal(text: str, language: str | None = None, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if language:
        return f'"{escaped}"@{language}'
    if datatype:
        return f'"{escaped}"^^<{XSD}{datatype}>'
    return f'"{escaped}"'


class DocumentWriter:
    """One synthetic document as N-Quads lines, with a running offset into its virtual source text."""

    def __init__(self, key: str, graph: str):
        self.key = key
        self.iri = DOC + key
        self.graph = f"<{BASE}graph/{graph}>"
        self.file_name = f"{key}-en.txt"
        self.source = f"{BASE}id/source/{self.file_name}"
        self.lines: list[str] = []
        self.offset = 0
        self.sha = hashlib.sha256()

    def add(self, subject: str, predicate: str, obj: str) -> None:
        """``obj`` is written as given: an ``<IRI>`` or a literal from ``_literal``."""
        self.lines.append(f"<{subject}> <{predicate}> {obj} {self.graph} .\n")

    def iri_triple(self, subject: str, predicate: str, obj: str) -> None:
        self.add(subject, predicate, f"<{obj}>")

    def text(self, subject: str, predicate: str, text: str) -> tuple[int, int]:
        """A text read from the source: the literal, and a span saying where it stands."""
        self.add(subject, predicate, _literal(text, "en"))
        start = self.offset
        encoded = text.encode("utf-8")
        self.sha.update(encoded + b"\n\n")
        self.offset += len(text) + 2
        end = start + len(text)
        span = f"{self.source}/{start}-{end}"
        selector = span + "/position"
        self.iri_triple(subject, PROV + "wasDerivedFrom", span)
        self.iri_triple(span, RDF_TYPE, OA + "SpecificResource")
        self.iri_triple(span, OA + "hasSource", self.source)
        self.iri_triple(span, ONTO + "forProperty", predicate)
        self.iri_triple(span, OA + "hasSelector", selector)
        self.iri_triple(selector, RDF_TYPE, OA + "TextPositionSelector")
        self.add(selector, OA + "start", _literal(str(start), datatype="nonNegativeInteger"))
        self.add(selector, OA + "end", _literal(str(end), datatype="nonNegativeInteger"))
        return start, end

    def part(self, iri: str, kind: str, parent: str, label: str, number: int | None, ordinal: int) -> None:
        self.iri_triple(iri, RDF_TYPE, ONTO + kind)
        self.add(iri, RDFS_LABEL, _literal(label, "en"))
        self.iri_triple(iri, ELI + "is_part_of", parent)
        self.iri_triple(parent, ELI + "has_part", iri)
        self.iri_triple(iri, ONTO + "inDocument", self.iri)
        if number is not None:
            self.add(iri, ELI + "number", _literal(str(number)))
        self.add(iri, ONTO + "ordinal", _literal(str(ordinal), datatype="positiveInteger"))


def write_document(
    kind: str,
    key: str,
    title: str,
    label: str,
    date: str,
    graph: str,
    rng: random.Random,
    pools: Pools,
    paragraphs: int,
) -> list[str]:
    doc = DocumentWriter(key, graph)
    expression = doc.iri + "/en"
    doc.iri_triple(doc.iri, RDF_TYPE, ELI + "LegalResource")
    doc.add(doc.iri, RDFS_LABEL, _literal(label, "en"))
    doc.text(doc.iri, DCT + "title", title)
    doc.iri_triple(doc.iri, DCT + "license", CC_BY)
    doc.add(doc.iri, ELI + "date_document", _literal(date, datatype="date"))
    doc.iri_triple(doc.iri, ELI + "is_realized_by", expression)
    doc.iri_triple(doc.iri, ONTO + "reviews", DOC + "gcm")
    doc.iri_triple(expression, RDF_TYPE, ELI + "LegalExpression")
    doc.iri_triple(expression, ELI + "realizes", doc.iri)
    doc.iri_triple(expression, ELI + "language", "http://publications.europa.eu/resource/authority/language/ENG")
    doc.add(expression, DCT + "language", _literal("en", datatype="language"))
    doc.add(expression, RDFS_LABEL, _literal(label + ", en text", "en"))
    doc.iri_triple(expression, ELI + "is_embodied_by", doc.source)

    headings = SECTIONS[kind]
    per_section = max(1, paragraphs // len(headings))
    number, footnotes, figures = 0, 0, 0
    for position, heading in enumerate(headings, start=1):
        section = f"{doc.iri}/section/{heading.lower().replace(' ', '-')}"
        doc.part(section, "Section", doc.iri, f"{label}, section {heading!r}", None, position)
        doc.text(section, DCT + "title", heading)
        for _ in range(per_section):
            number += 1
            paragraph = f"{doc.iri}/paragraph/{number}"
            doc.part(paragraph, "Paragraph", section, f"{label}, paragraph {number}", number, number)
            text, cited, figure = _paragraph_text(rng, pools, kind)
            doc.text(paragraph, SCHEMA + "text", text)
            for iri in cited:
                doc.iri_triple(paragraph, DCT + "references", iri)
            if figure is not None:
                figures += 1
                _figure(doc, paragraph, number, figures, figure, date[:4])
            if rng.random() < 0.12:
                footnotes += 1
                _footnote(doc, rng, pools, paragraph, footnotes, len(text), label)
    file_size = doc.offset
    doc.iri_triple(doc.source, RDF_TYPE, ELI + "Format")
    doc.iri_triple(doc.source, RDF_TYPE, SCHEMA + "MediaObject")
    doc.add(doc.source, RDFS_LABEL, _literal(f"sources/{doc.file_name}", "en"))
    doc.add(doc.source, SCHEMA + "name", _literal(doc.file_name))
    doc.add(doc.source, SCHEMA + "sha256", _literal(doc.sha.hexdigest()))
    doc.add(doc.source, SCHEMA + "contentSize", _literal(str(file_size), datatype="nonNegativeInteger"))
    doc.add(doc.source, SCHEMA + "encodingFormat", _literal("text/plain"))
    doc.iri_triple(doc.source, ELI + "format", "http://www.iana.org/assignments/media-types/text/plain")
    doc.iri_triple(doc.source, ELI + "embodies", expression)
    return doc.lines


def _paragraph_text(rng: random.Random, pools: Pools, kind: str) -> tuple[str, list[str], tuple | None]:
    """A paragraph in the register of a review: who did what on which objective, under which instrument."""
    cited: list[str] = []
    sentences = []
    for _ in range(rng.randint(2, 4)):
        objective, title = rng.choice(pools.objectives)
        cited.append(objective)
        who = "The Government" if kind != "regional-review" else "Member States of the region"
        sentences.append(
            f"{who} {rng.choice(VERBS)} objective {objective.rsplit('/', 1)[1]}, to {title[0].lower() + title[1:]}, "
            f"together with {rng.choice(STAKEHOLDERS)}."
        )
        if rng.random() < 0.5 and pools.actions.get(objective):
            action = rng.choice(pools.actions[objective])
            cited.append(action)
            sentences.append(f"Action ({action.rsplit('/', 1)[1]}) of that objective guided the work.")
    if rng.random() < 0.4:
        instrument, name = rng.choice(pools.instruments)
        cited.append(instrument)
        sentences.append(f"This is in line with the {name}.")
    figure = None
    if kind == "national-review" and rng.random() < 0.1:
        measure, unit = rng.choice(MEASURES)
        value = rng.randint(120, 98000)
        quote = f"{value:,} {measure}"
        sentences.append(f"In the reporting period, {quote} were recorded.")
        figure = (measure, unit, value, quote)
    return " ".join(sentences), list(dict.fromkeys(cited)), figure


def _figure(doc: DocumentWriter, paragraph: str, number: int, index: int, figure: tuple, year: str) -> None:
    measure, unit, value, quote = figure
    iri = f"{doc.iri}/figure/{measure.replace(' ', '-').replace(chr(39), '')}-{index}"
    doc.iri_triple(iri, RDF_TYPE, ONTO + "StatedFigure")
    doc.iri_triple(iri, RDF_TYPE, SCHEMA + "QuantitativeValue")
    doc.add(iri, RDFS_LABEL, _literal(f"paragraph {number}: {measure}", "en"))
    doc.iri_triple(iri, DCT + "isPartOf", doc.iri)
    doc.add(iri, SCHEMA + "value", _literal(str(value), datatype="decimal"))
    doc.add(iri, SCHEMA + "unitCode", _literal("IE"))
    doc.add(iri, SCHEMA + "unitText", _literal(unit, "en"))
    doc.add(iri, ONTO + "measure", _literal(measure, "en"))
    doc.add(iri, ONTO + "isTarget", _literal("false", datatype="boolean"))
    previous = str(int(year) - 1)
    doc.add(iri, ONTO + "periodStart", _literal(f"{previous}-01-01", datatype="date"))
    doc.add(iri, ONTO + "periodEnd", _literal(f"{previous}-12-31", datatype="date"))
    doc.iri_triple(iri, ONTO + "statedIn", paragraph)
    doc.text(iri, ONTO + "quote", quote)


def _footnote(
    doc: DocumentWriter, rng: random.Random, pools: Pools, paragraph: str, number: int, anchor: int, label: str
) -> None:
    instrument, name = rng.choice(pools.instruments)
    iri = f"{doc.iri}/footnote/{number}"
    doc.part(iri, "Footnote", doc.iri, f"{label}, footnote {number}", number, number)
    doc.text(iri, SCHEMA + "text", f"See the {name}.")
    doc.iri_triple(iri, DCT + "references", instrument)
    doc.iri_triple(iri, ONTO + "anchoredIn", paragraph)
    doc.add(iri, ONTO + "anchorOffset", _literal(str(anchor), datatype="nonNegativeInteger"))
    doc.iri_triple(paragraph, ONTO + "hasFootnote", iri)


def _kind_of(index: int) -> int:
    """Which kind the ``index``-th document is: the shares of ``KINDS`` in every run of ten documents."""
    slot, bound = index % 10, 0.0
    for position, (_, share, _, _) in enumerate(KINDS):
        bound += share * 10
        if slot < bound:
            return position
    return len(KINDS) - 1


def _document_plan(index: int, serial: int) -> tuple[str, str, str, str, str, str]:
    """Kind, key, title, label, date and graph of the ``index``-th document, the ``serial``-th of its kind."""
    kind, _, _, graph = KINDS[_kind_of(index)]
    if kind == "regional-review":
        code, name = REGIONS[serial % len(REGIONS)]
        year = 2020 + (serial // len(REGIONS)) % 11
        round_ = serial // (len(REGIONS) * 11) + 1
        key = f"regional-review-{code}-{year}-{round_}"
        title = f"Regional review of the implementation of the Global Compact in the {name}, {year}"
    else:
        code, name = COUNTRIES[serial % len(COUNTRIES)]
        year = 2020 + (serial // len(COUNTRIES)) % 11
        round_ = serial // (len(COUNTRIES) * 11) + 1
        if kind == "national-review":
            key = f"national-review-{code}-{year}-{round_}"
            title = f"Voluntary national review of the implementation of the Global Compact: {name}, {year}"
        else:
            key = f"pledge-{code}-{year}-{round_}"
            title = f"Pledge of {name} to the International Migration Review Forum, {year}"
    date = f"{year}-{1 + index % 12:02d}-{1 + index % 28:02d}"
    label = title if round_ == 1 else f"{title} (round {round_})"
    return kind, key, title, label, date, graph


def synthesize(target: int, out: Path, base: Path, seed: int = 73195) -> int:
    """Write ``base`` (N-Quads) then synthetic documents to ``out`` until about ``target`` quads; returns the count."""
    pools = read_pools(base)
    rng = random.Random(seed)
    paragraph_ranges = {kind: span for kind, _, span, _ in KINDS}
    tmp = out.with_suffix(out.suffix + ".part")
    count = 0
    with open(tmp, "w", encoding="utf-8", newline="\n") as sink:
        with open(base, encoding="utf-8") as source:
            for line in source:
                if line.strip():
                    sink.write(line)
                    count += 1
        index, serials = 0, [0] * len(KINDS)
        while count < target:
            kind_index = _kind_of(index)
            kind, key, title, label, date, graph = _document_plan(index, serials[kind_index])
            serials[kind_index] += 1
            lines = write_document(
                kind, key, title, label, date, graph, rng, pools, rng.randint(*paragraph_ranges[kind])
            )
            sink.writelines(lines)
            count += len(lines)
            index += 1
    tmp.replace(out)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("triples", type=float, help="about how many quads to write, e.g. 1e6")
    parser.add_argument("out", type=Path, help="output file (.nq)")
    parser.add_argument("--base", type=Path, default=Path("dist/gcm.nq"), help="the built graph as N-Quads")
    parser.add_argument("--seed", type=int, default=73195)
    args = parser.parse_args(argv)
    count = synthesize(int(args.triples), args.out, args.base, args.seed)
    print(f"{count} quads -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
