"""A small helper around one named graph: typed parts, exact text and its provenance.

Why one helper: every text literal must be traceable to the source characters
it was read from. ``add_text`` is the only way text enters the graph, so the
literal and its Web Annotation selectors can never drift apart.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from gcm_graph.extract.records import Passage
from gcm_graph.graph.iris import ELI, GCM, OA, footnote_iri, selector_iri, source_file_iri, span_iri


class GraphWriter:
    def __init__(self, graph: Graph | None = None):
        self.graph = graph if graph is not None else Graph()
        self.document: URIRef | None = None  # the work whose parts are being written

    def in_document(self, work: URIRef) -> URIRef:
        """Parts written from now on get ``gcm:inDocument`` this work, however deep they nest."""
        self.document = work
        return work

    def add(self, subject: URIRef, predicate: URIRef, value) -> None:
        self.graph.add((subject, predicate, value))

    def part(
        self,
        subject: URIRef,
        kind: URIRef,
        parent: URIRef,
        label: str,
        number: int | str | None = None,
    ) -> URIRef:
        """A subdivision of a document: typed, labelled, placed in its parent, numbered as printed."""
        self.add(subject, RDF.type, kind)
        self.add(subject, RDFS.label, Literal(label, lang="en"))
        self.add(subject, ELI.is_part_of, parent)
        self.add(parent, ELI.has_part, subject)
        if self.document is not None:
            self.add(subject, GCM.inDocument, self.document)
        if number is not None:
            self.add(subject, ELI.number, Literal(str(number)))
            self.add(subject, GCM.ordinal, Literal(_ordinal(number), datatype=XSD.integer))
        return subject

    def add_text(
        self,
        subject: URIRef,
        predicate: URIRef,
        passage: Passage,
        language: str,
        document: str | None = None,
    ) -> Literal:
        """The repaired text as a literal, one SpecificResource per source span, footnote anchors."""
        literal = Literal(passage.text, lang=language)
        self.add(subject, predicate, literal)
        self.add_provenance(subject, predicate, passage)
        if document is not None:
            for ref in passage.footnote_refs:
                footnote = footnote_iri(document, ref.number)
                self.add(subject, GCM.hasFootnote, footnote)
                self.add(footnote, GCM.anchoredIn, subject)
                self.add(footnote, GCM.anchorOffset, Literal(ref.offset, datatype=XSD.integer))
        return literal

    def add_provenance(self, subject: URIRef, predicate: URIRef, passage: Passage) -> None:
        """One SpecificResource per occurrence of the passage in a source file.

        Its TextPositionSelector covers the whole occurrence; when a page break cut
        the passage, ``gcm:fragment`` selectors list the pieces it was joined from
        (the range between them holds footnotes or page furniture).
        """
        first, last = passage.spans[0], passage.spans[-1]
        occurrence = span_iri(first.source, first.start, last.end)
        self.add(subject, PROV.wasDerivedFrom, occurrence)
        self.add(occurrence, RDF.type, OA.SpecificResource)
        self.add(occurrence, OA.hasSource, source_file_iri(first.source))
        self.add(occurrence, GCM.forProperty, predicate)
        self._selector(
            occurrence, OA.hasSelector, selector_iri(first.source, first.start, last.end), first.start, last.end
        )
        if len(passage.spans) > 1:
            for number, span in enumerate(passage.spans, start=1):
                fragment = URIRef(f"{occurrence}/fragment/{number}")
                self._selector(occurrence, GCM.fragment, fragment, span.start, span.end)
                self.add(fragment, GCM.ordinal, Literal(number, datatype=XSD.integer))

    def _selector(self, occurrence: URIRef, predicate: URIRef, selector: URIRef, start: int, end: int) -> None:
        self.add(occurrence, predicate, selector)
        self.add(selector, RDF.type, OA.TextPositionSelector)
        self.add(selector, OA.start, Literal(start, datatype=XSD.nonNegativeInteger))
        self.add(selector, OA.end, Literal(end, datatype=XSD.nonNegativeInteger))


def _ordinal(number: int | str) -> int:
    """Position of a numbered or lettered unit: 7 -> 7, 'c' -> 3."""
    if isinstance(number, int):
        return number
    if number.isdigit():
        return int(number)
    return ord(number) - ord("a") + 1
