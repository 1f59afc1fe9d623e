"""Every text literal equals the characters its selectors point to, after the documented repairs."""

from collections import defaultdict

from rdflib import Literal, URIRef
from rdflib.namespace import PROV

from gcm_graph.extract.records import Span
from gcm_graph.extract.repair import passage_from_spans
from gcm_graph.extract.sources import SOURCES_DIR
from gcm_graph.graph.iris import GCM, OA, id_iri


def _occurrences(dataset):
    """(subject, property) -> [(source file, (Span, ...)), ...] read back from the selectors."""
    source_prefix = str(id_iri("source")) + "/"
    found = defaultdict(list)
    for subject, _, occurrence in dataset.triples((None, PROV.wasDerivedFrom, None)):
        predicate = dataset.value(occurrence, GCM.forProperty)
        source = str(dataset.value(occurrence, OA.hasSource))[len(source_prefix) :]
        selectors = list(dataset.objects(occurrence, GCM.fragment)) or [dataset.value(occurrence, OA.hasSelector)]
        spans = sorted(Span(source, int(dataset.value(s, OA.start)), int(dataset.value(s, OA.end))) for s in selectors)
        found[(subject, predicate)].append((source, tuple(spans)))
    return found


def test_every_literal_is_reproduced_from_each_witness(dataset):
    texts = {name: (SOURCES_DIR / name).read_text(encoding="utf-8") for name in _sources(dataset)}
    checked = 0
    for (subject, predicate), occurrences in _occurrences(dataset).items():
        literals = [o for o in dataset.objects(subject, predicate) if isinstance(o, Literal) and o.language]
        if not literals:
            continue  # a typed value (a date, a count) read from these characters
        for source, spans in occurrences:
            derived = passage_from_spans(texts[source], spans)
            assert any(_same(derived, literal) for literal in literals), (subject, predicate, source, derived)
            checked += 1
    assert checked > 1000  # every paragraph, item, title and footnote of the four sources


def test_every_text_literal_has_a_selector(dataset):
    traced = set(_occurrences(dataset))
    untraced = []
    for subject, predicate, value in dataset.triples((None, None, None)):
        if isinstance(value, Literal) and value.language and isinstance(subject, URIRef):
            if str(predicate).startswith(("https://schema.org/text", "https://schema.org/abstract", str(GCM.quote))):
                if (subject, predicate) not in traced:
                    untraced.append((subject, predicate))
    assert untraced == []


def _same(derived: str, literal: Literal) -> bool:
    """Witnesses of the quick reference differ only in quote style and line-end hyphens."""
    if derived == str(literal):
        return True
    fold = lambda text: "".join(text.replace("’", "'").replace("‘", "'").replace("-", "").split())  # noqa: E731
    return fold(derived) == fold(str(literal))


def _sources(dataset):
    prefix = str(id_iri("source")) + "/"
    names = set()
    for _, _, source in dataset.triples((None, OA.hasSource, None)):
        names.add(str(source)[len(prefix) :])
    return names
