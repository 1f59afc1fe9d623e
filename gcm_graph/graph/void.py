"""VoID and DCAT description of the dataset: counts, classes, licence, sources with checksums."""

from __future__ import annotations

from collections import Counter

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, RDF, RDFS, XSD

from gcm_graph.config import base_iri
from gcm_graph.extract.sources import SourceFile
from gcm_graph.graph.documents import LICENCE
from gcm_graph.graph.iris import PREFIXES, SCHEMA, VOID, dataset_iri, id_iri, source_file_iri

DUMP_MEDIA_TYPES = {
    "gcm.trig": "application/trig",
    "gcm.ttl": "text/turtle",
    "gcm.nt": "application/n-triples",
    "gcm.nq": "application/n-quads",
    "gcm.jsonld": "application/ld+json",
}


def describe_dataset(dataset: Dataset, sources: dict[str, SourceFile], version: str) -> Graph:
    void = Graph()
    for prefix, namespace in PREFIXES.items():
        void.bind(prefix, namespace)
    root = dataset_iri()
    base = base_iri()
    void.add((root, RDF.type, VOID.Dataset))
    void.add((root, RDF.type, DCAT.Dataset))
    void.add(
        (root, DCTERMS.title, Literal("gcm-graph: knowledge graph of the Global Compact for Migration", lang="en"))
    )
    void.add(
        (
            root,
            DCTERMS.description,
            Literal(
                "COM(2018) 167 and its annex the GCM Zero Draft Plus, the Compact as adopted through the IOM quick "
                "reference, and the 2022 IMRF Progress Declaration, with exact text traced to its source characters.",
                lang="en",
            ),
        )
    )
    void.add((root, DCTERMS.license, LICENCE))
    void.add((root, OWL.versionInfo, Literal(version)))
    void.add((root, VOID.uriSpace, Literal(base + "id/")))
    void.add((root, VOID.sparqlEndpoint, URIRef(base + "sparql")))
    void.add((root, VOID.rootResource, id_iri("document", "gcm")))
    for file_name, media_type in DUMP_MEDIA_TYPES.items():
        dump = URIRef(base + "dumps/" + file_name)
        void.add((root, VOID.dataDump, dump))
        void.add((root, DCAT.distribution, dump))
        void.add((dump, RDF.type, DCAT.Distribution))
        void.add((dump, DCAT.mediaType, URIRef("https://www.iana.org/assignments/media-types/" + media_type)))
        void.add((dump, DCAT.downloadURL, dump))
    for source in sources.values():
        iri = source_file_iri(source.name)
        void.add((root, DCTERMS.source, iri))
        void.add((iri, SCHEMA.name, Literal(source.name)))
        void.add((iri, SCHEMA.sha256, Literal(source.sha256)))
        void.add((iri, SCHEMA.contentSize, Literal(source.size, datatype=XSD.integer)))
    _add_statistics(void, root, dataset)
    return void


def _add_statistics(void: Graph, root: URIRef, dataset: Dataset) -> None:
    total = 0
    classes: Counter = Counter()
    properties: Counter = Counter()
    subjects = set()
    for context in sorted(dataset.graphs(), key=lambda graph: str(graph.identifier)):
        count = len(context)
        if count == 0:
            continue
        total += count
        subset = URIRef(str(context.identifier))
        void.add((root, VOID.subset, subset))
        void.add((subset, RDF.type, VOID.Dataset))
        void.add((subset, VOID.triples, Literal(count, datatype=XSD.integer)))
        for subject, predicate, value in context:
            properties[predicate] += 1
            subjects.add(subject)
            if predicate == RDF.type:
                classes[value] += 1
    void.add((root, VOID.triples, Literal(total, datatype=XSD.integer)))
    void.add((root, VOID.distinctSubjects, Literal(len(subjects), datatype=XSD.integer)))
    void.add((root, VOID.classes, Literal(len(classes), datatype=XSD.integer)))
    void.add((root, VOID.properties, Literal(len(properties), datatype=XSD.integer)))
    for cls, count in classes.items():
        partition = URIRef(f"{root}/class/{_local(cls)}")
        void.add((root, VOID.classPartition, partition))
        void.add((partition, VOID["class"], cls))
        void.add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))
        void.add((partition, RDFS.label, Literal(_local(cls))))
    for prop, count in properties.items():
        partition = URIRef(f"{root}/property/{_local(prop)}")
        void.add((root, VOID.propertyPartition, partition))
        void.add((partition, VOID.property, prop))
        void.add((partition, VOID.triples, Literal(count, datatype=XSD.integer)))


def _local(iri: URIRef) -> str:
    """A readable, unique partition key: prefix-local, e.g. 'eli-LegalResource'."""
    text = str(iri)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(str(namespace)):
            return f"{prefix}-{text[len(str(namespace)) :]}"
    return text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
