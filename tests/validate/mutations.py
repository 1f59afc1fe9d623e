"""One way to break the built graph for every constraint of shapes/: a SPARQL UPDATE and the
message validation must then give.

Each row is ``Mutation(constraint, update, expect)``: ``constraint`` names a SPARQL-based
constraint (``ActionsLetteredWithoutGaps``) or a shape and SHACL Core component
(``Action-letter Pattern``), both by their local names in shapes/; ``update`` runs on a copy of the
built graph (all triples in the default graph); ``expect`` is a piece of the message the result
must carry (for SHACL Core the whole sh:message of the shape is checked as well).
test_mutations.py checks that every constraint of shapes/ has a row, so none goes untested.
"""

from __future__ import annotations

from dataclasses import dataclass

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX voaf: <http://purl.org/vocommons/voaf#>
PREFIX gcm: <https://w3id.org/gcm-graph/ontology/>
PREFIX kind: <https://w3id.org/gcm-graph/id/instrument-kind/>
PREFIX change: <https://w3id.org/gcm-graph/id/change-kind/>
"""

ID = "https://w3id.org/gcm-graph/id/"


@dataclass(frozen=True)
class Mutation:
    constraint: str
    update: str
    expect: str = ""

    @property
    def id(self) -> str:
        return self.constraint.replace(" ", ":")


def doc(path: str) -> str:
    return f"<{ID}document/{path}>"


def iri(path: str) -> str:
    return f"<{ID}{path}>"


def inst(key: str) -> str:
    return f"<{ID}instrument/{key}>"


def drop(subject: str, predicate: str) -> str:
    return f"DELETE WHERE {{ {subject} {predicate} ?value }}"


def add(subject: str, predicate: str, value: str) -> str:
    return f"INSERT DATA {{ {subject} {predicate} {value} }}"


def replace(subject: str, predicate: str, value: str) -> str:
    return (
        f"DELETE {{ {subject} {predicate} ?old }} INSERT {{ {subject} {predicate} {value} }} "
        f"WHERE {{ {subject} {predicate} ?old }}"
    )


def drop_node(subject: str) -> str:
    return f"DELETE WHERE {{ {subject} ?p ?o }} ; DELETE WHERE {{ ?s ?p {subject} }}"


def span(subject: str, change: str, where: str = "") -> str:
    """``change`` (DELETE and INSERT templates) on the source span of ``subject``, bound to ?span, and
    its selector, bound to ?selector; ``where`` adds patterns."""
    return f"{change} WHERE {{ {subject} prov:wasDerivedFrom ?span . ?span oa:hasSelector ?selector . {where} }}"


def selector(subject: str, predicate: str, value: str | None) -> str:
    """Replace (or, with ``value`` None, drop) the start or end of the selector of ``subject``'s span."""
    insert = "" if value is None else f"INSERT {{ ?selector {predicate} {value} }}"
    return span(subject, f"DELETE {{ ?selector {predicate} ?old }} {insert}", f"?selector {predicate} ?old .")


ACTION = doc("gcm/objective/7/action/c")
DRAFT_ACTION = doc("gcm-zero-draft-plus/objective/7/action/c")
OBJECTIVE = doc("gcm/objective/7")
DRAFT_OBJECTIVE = doc("gcm-zero-draft-plus/objective/7")
COMMITMENT = doc("gcm/objective/7/commitment/1")
DRAFT_COMMITMENT = doc("gcm-zero-draft-plus/paragraph/22")
PARAGRAPH = doc("imrf-progress-declaration-2022/paragraph/10")
ARTICLE = doc("com-2018-167/article/1")
MEMORANDUM = doc("com-2018-167/memorandum")
CITATION = doc("com-2018-167/citation/1")
RECITAL = doc("com-2018-167/recital/1")
FOOTNOTE = doc("com-2018-167/footnote/1")
LIST_ITEM = doc("gcm-zero-draft-plus/paragraph/42/item/a")
SECTION = doc("gcm-zero-draft-plus/section/preamble")
ROUND_TABLE = doc("imrf-progress-declaration-2022/round-table/1")
ROUND_TABLE_4 = doc("imrf-progress-declaration-2022/round-table/4")
QUOTATION = doc("imrf-progress-declaration-2022/footnote/7/objective/7")
FIGURE = doc("imrf-progress-declaration-2022/figure/international-migrants-2020")
FIGURE_USD = doc("imrf-progress-declaration-2022/figure/remittances-2021")
EXPRESSION = doc("gcm/en")
QUICK_REFERENCE = doc("iom-gcm-quick-reference-2021")
SOURCE = iri("source/imrf-progress-declaration-2022-draft-resolution-en.txt")
PRINCIPLE = iri("guiding-principle/sustainable-development")
CHANGE_KIND = iri("change-kind/new")
INSTRUMENT_KIND = "kind:treaty"
ARTICLE_16 = inst("teu-art-16")
CASE = inst("case-c-377-12")
RESOLUTION = inst("unga-res-73-195")
ONTOLOGY = "<https://w3id.org/gcm-graph/ontology/>"
EVENT = iri("event/imrf-2022")
ORGANIZATION = iri("organization/iom-bangladesh")
SDG_TARGET = iri("sdg/10.7")
UNCITED_INSTRUMENT = (
    f"INSERT DATA {{ {inst('vienna-convention-on-the-law-of-treaties')} a gcm:Instrument ; "
    'rdfs:label "Vienna Convention on the Law of Treaties"@en ; '
    'skos:prefLabel "Vienna Convention on the Law of Treaties"@en ; gcm:instrumentKind kind:treaty }'
)

MUTATIONS: list[Mutation] = [
    # --- actions -----------------------------------------------------------------------------
    Mutation("Action-document In", replace(ACTION, "gcm:inDocument", doc("com-2018-167"))),
    Mutation("Action-document MinCount", drop(ACTION, "gcm:inDocument")),
    Mutation("Action-letter MinCount", drop(ACTION, "eli:number")),
    Mutation("Action-letter Pattern", replace(ACTION, "eli:number", '"C"')),
    Mutation("Action-objective Class", replace(ACTION, "eli:is_part_of", doc("gcm/section/implementation-and-review"))),
    Mutation("Action-ordinal MaxInclusive", replace(ACTION, "gcm:ordinal", "27")),
    Mutation("Action-ordinal MinCount", drop(ACTION, "gcm:ordinal")),
    Mutation("Action-paragraph Class", add(ACTION, "gcm:inParagraph", PARAGRAPH)),
    Mutation(
        "Action-paragraph MaxCount", add(DRAFT_ACTION, "gcm:inParagraph", doc("gcm-zero-draft-plus/paragraph/23"))
    ),
    Mutation("ActionShape Pattern", add(doc("gcm/objective/7/act-c"), "a", "gcm:Action")),
    Mutation(
        "ActionInItsObjectivesVersion",
        replace(ACTION, "gcm:inDocument", doc("gcm-zero-draft-plus")),
        "is in document https://w3id.org/gcm-graph/id/document/gcm-zero-draft-plus but its objective",
    ),
    Mutation(
        "ActionInOneObjective",
        add(doc("gcm/objective/8"), "eli:has_part", ACTION),
        "The action belongs to two objectives",
    ),
    Mutation(
        "ActionLettersUnique",
        replace(doc("gcm/objective/7/action/d"), "eli:number", '"c"'),
        "both have letter (c)",
    ),
    Mutation(
        "ActionsLetteredWithoutGaps",
        drop_node(ACTION),
        "is letter (d), but the objective has no action before it, at position 3",
    ),
    # --- objective counts per version --------------------------------------------------------
    Mutation(
        "AdoptedCompact-objectives QualifiedMaxCount",
        f"INSERT DATA {{ {doc('gcm/objective/24')} a gcm:Objective ; gcm:inDocument {doc('gcm')} }}",
    ),
    Mutation("AdoptedCompact-objectives QualifiedMinCount", drop(doc("gcm/objective/23"), "gcm:inDocument")),
    # --- COM(2018) 167 parts -----------------------------------------------------------------
    Mutation("Article-parts Class", add(ARTICLE, "eli:has_part", RECITAL)),
    Mutation("Article-parts MinCount", drop(ARTICLE, "eli:has_part")),
    Mutation("Article-title MaxCount", add(ARTICLE, "dcterms:title", '"Artikel 2"@de')),
    Mutation("Article-title MinCount", drop(ARTICLE, "dcterms:title")),
    Mutation("ArticleShape Pattern", add(doc("com-2018-167/artikel-1"), "a", "gcm:Article")),
    Mutation("Citation-text LanguageIn", replace(CITATION, "schema:text", '"having regard to the Treaty"@en')),
    Mutation("Citation-text MinCount", drop(CITATION, "schema:text")),
    Mutation("CitationShape Pattern", add(doc("com-2018-167/zitat/1"), "a", "gcm:Citation")),
    Mutation("ExplanatoryMemorandum-parts Class", add(MEMORANDUM, "eli:has_part", RECITAL)),
    Mutation("ExplanatoryMemorandum-parts MinCount", drop(MEMORANDUM, "eli:has_part")),
    Mutation("ExplanatoryMemorandum-title LanguageIn", replace(MEMORANDUM, "dcterms:title", '"MEMORANDUM"@en')),
    Mutation("ExplanatoryMemorandum-title MaxCount", add(MEMORANDUM, "dcterms:title", '"Begründung"@de')),
    Mutation("ExplanatoryMemorandum-title MinCount", drop(MEMORANDUM, "dcterms:title")),
    Mutation(
        "ExplanatoryMemorandumShape Pattern", add(doc("com-2018-167/begruendung"), "a", "gcm:ExplanatoryMemorandum")
    ),
    Mutation("Formula-text MinCount", drop(doc("com-2018-167/authority"), "schema:text")),
    Mutation("FormulaShape Pattern", add(doc("com-2018-167/formula/1"), "a", "gcm:Formula")),
    Mutation("Recital-number MinCount", drop(RECITAL, "eli:number")),
    Mutation("Recital-text LanguageIn", replace(RECITAL, "schema:text", '"The Union ..."@en')),
    Mutation("Recital-text MinCount", drop(RECITAL, "schema:text")),
    Mutation("RecitalShape Pattern", add(doc("com-2018-167/erwaegungsgrund/1"), "a", "gcm:Recital")),
    Mutation("SignatureBlock-text MinCount", drop(doc("com-2018-167/signature"), "schema:text")),
    Mutation("SignatureBlockShape Pattern", add(doc("com-2018-167/signature-block"), "a", "gcm:SignatureBlock")),
    # --- instruments and their identifiers ---------------------------------------------------
    Mutation("CaseHasEcli", drop(CASE, "gcm:ecli"), "has its European Case Law Identifier (gcm:ecli)"),
    Mutation("Instrument-altLabel LanguageIn", add(ARTICLE_16, "skos:altLabel", '"article 16 TUE"@fr')),
    Mutation("Instrument-celex MaxCount", add(ARTICLE_16, "gcm:celex", '"12016M017"')),
    Mutation("Instrument-celex Pattern", replace(ARTICLE_16, "gcm:celex", '"CELEX:12016M016"')),
    Mutation("Instrument-ecli MaxCount", add(CASE, "gcm:ecli", '"ECLI:EU:C:2014:1904"')),
    Mutation("Instrument-ecli Pattern", replace(CASE, "gcm:ecli", '"EU:C:2014:1903"')),
    Mutation(
        "Instrument-englishName QualifiedMinCount",
        f"DELETE {{ {ARTICLE_16} skos:prefLabel ?name }} WHERE {{ {ARTICLE_16} skos:prefLabel ?name "
        'FILTER(LANG(?name) = "en") }',
    ),
    Mutation("Instrument-kind Class", replace(ARTICLE_16, "gcm:instrumentKind", CHANGE_KIND)),
    Mutation("Instrument-kind MaxCount", add(ARTICLE_16, "gcm:instrumentKind", "kind:treaty")),
    Mutation("Instrument-kind MinCount", drop(ARTICLE_16, "gcm:instrumentKind")),
    Mutation("Instrument-label LanguageIn", replace(ARTICLE_16, "rdfs:label", '"Artikel 16 EUV"@de')),
    Mutation("Instrument-label MaxCount", add(ARTICLE_16, "rdfs:label", '"Art. 16 TEU"@en')),
    Mutation("Instrument-label MinCount", drop(ARTICLE_16, "rdfs:label")),
    Mutation("Instrument-parent Class", replace(ARTICLE_16, "dcterms:isPartOf", doc("gcm"))),
    Mutation("Instrument-parent MaxCount", add(ARTICLE_16, "dcterms:isPartOf", inst("tfeu"))),
    Mutation("Instrument-prefLabel LanguageIn", add(ARTICLE_16, "skos:prefLabel", '"article 16 TUE"@fr')),
    Mutation("Instrument-prefLabel MinCount", drop(ARTICLE_16, "skos:prefLabel")),
    Mutation("Instrument-prefLabel UniqueLang", add(ARTICLE_16, "skos:prefLabel", '"Art. 16 EUV"@de')),
    Mutation(
        "Instrument-sameAs NodeKind",
        add(ARTICLE_16, "owl:sameAs", '"http://data.europa.eu/eli/treaty/teu_2016/art_16/oj"'),
    ),
    Mutation(
        "Instrument-sameAs Pattern",
        add(ARTICLE_16, "owl:sameAs", "<https://eur-lex.europa.eu/eli/treaty/teu_2016/art_16/oj>"),
    ),
    Mutation("Instrument-unSymbol MaxCount", add(RESOLUTION, "gcm:unDocumentSymbol", '"A/RES/73/196"')),
    Mutation("Instrument-unSymbol Pattern", replace(RESOLUTION, "gcm:unDocumentSymbol", '"a/res/73/195"')),
    Mutation("InstrumentCited", UNCITED_INSTRUMENT, "No part of any document cites this instrument"),
    Mutation("InstrumentIdentifierCoverage", UNCITED_INSTRUMENT, "has no identifier of its own"),
    Mutation(
        "InstrumentNamesUnique",
        add(inst("teu-art-17"), "skos:altLabel", '"Artikel 16 EUV"@de'),
        'has the same name or alias "Artikel 16 EUV"',
    ),
    Mutation("InstrumentShape Pattern", add(iri("instrument/TEU_Art_16"), "a", "gcm:Instrument")),
    Mutation(
        "TreatyArticleEliMatchesCelex",
        replace(inst("tfeu-art-79"), "gcm:celex", '"12016E080"'),
        "the ELI IRI corresponds to CELEX 12016E079",
    ),
    Mutation("TreatyArticleIdentified", drop(inst("teu-art-21"), "gcm:celex"), "the CELEX number missing"),
    Mutation("UnDocumentHasSymbol", drop(RESOLUTION, "gcm:unDocumentSymbol"), "has its UN document symbol"),
    Mutation(
        "LegalBasesOfCom2018167",
        f"DELETE DATA {{ {inst('tfeu-art-209')} owl:sameAs <http://data.europa.eu/eli/treaty/tfeu_2016/art_209/oj> }}",
        "http://data.europa.eu/eli/treaty/tfeu_2016/art_209/oj is missing",
    ),
    Mutation(
        "LegalBasesOfCom2018168",
        f"DELETE DATA {{ {doc('com-2018-168')} eli:based_on {inst('tfeu-art-79')} }} ; "
        f"INSERT DATA {{ {doc('com-2018-168')} eli:based_on {inst('tfeu-art-209')} }}",
        "http://data.europa.eu/eli/treaty/tfeu_2016/art_79/oj is missing",
    ),
    # --- concept schemes ---------------------------------------------------------------------
    Mutation("ChangeKind-definition LanguageIn", replace(CHANGE_KIND, "skos:definition", '"Neu."@de')),
    Mutation("ChangeKind-definition MaxCount", add(CHANGE_KIND, "skos:definition", '"Another."@en')),
    Mutation("ChangeKind-definition MinCount", drop(CHANGE_KIND, "skos:definition")),
    Mutation("ChangeKind-prefLabel LanguageIn", replace(CHANGE_KIND, "skos:prefLabel", '"neu"@de')),
    Mutation("ChangeKind-prefLabel MaxCount", add(CHANGE_KIND, "skos:prefLabel", '"added"@en')),
    Mutation("ChangeKind-prefLabel MinCount", drop(CHANGE_KIND, "skos:prefLabel")),
    Mutation("ChangeKind-scheme HasValue", replace(CHANGE_KIND, "skos:inScheme", iri("guiding-principle"))),
    Mutation("ChangeKindShape In", add(iri("change-kind/split"), "a", "gcm:ChangeKind")),
    Mutation("GuidingPrinciple-altLabel LanguageIn", add(PRINCIPLE, "skos:altLabel", '"Nachhaltigkeit"@de')),
    Mutation("GuidingPrinciple-definedIn Class", replace(PRINCIPLE, "gcm:definedIn", SECTION)),
    Mutation(
        "GuidingPrinciple-definedIn MaxCount", add(PRINCIPLE, "gcm:definedIn", doc("gcm-zero-draft-plus/paragraph/15"))
    ),
    Mutation("GuidingPrinciple-definedIn MinCount", drop(PRINCIPLE, "gcm:definedIn")),
    Mutation("GuidingPrinciple-definition LanguageIn", replace(PRINCIPLE, "skos:definition", '"..."@de')),
    Mutation("GuidingPrinciple-definition MaxCount", add(PRINCIPLE, "skos:definition", '"Another."@en')),
    Mutation("GuidingPrinciple-definition MinCount", drop(PRINCIPLE, "skos:definition")),
    Mutation("GuidingPrinciple-notation MaxCount", add(PRINCIPLE, "skos:notation", '"6"')),
    Mutation("GuidingPrinciple-notation MinCount", drop(PRINCIPLE, "skos:notation")),
    Mutation("GuidingPrinciple-notation Pattern", replace(PRINCIPLE, "skos:notation", '"11"')),
    Mutation("GuidingPrinciple-prefLabel LanguageIn", replace(PRINCIPLE, "skos:prefLabel", '"Nachhaltigkeit"@de')),
    Mutation("GuidingPrinciple-prefLabel MaxCount", add(PRINCIPLE, "skos:prefLabel", '"Sustainability"@en')),
    Mutation("GuidingPrinciple-prefLabel MinCount", drop(PRINCIPLE, "skos:prefLabel")),
    Mutation("GuidingPrinciple-scheme HasValue", replace(PRINCIPLE, "skos:inScheme", iri("change-kind"))),
    Mutation("GuidingPrincipleShape Pattern", add(iri("guiding-principle/Rule_of_Law"), "a", "gcm:GuidingPrinciple")),
    Mutation("InstrumentKind-definition LanguageIn", replace(INSTRUMENT_KIND, "skos:definition", '"Vertrag"@de')),
    Mutation("InstrumentKind-definition MaxCount", add(INSTRUMENT_KIND, "skos:definition", '"Another."@en')),
    Mutation("InstrumentKind-definition MinCount", drop(INSTRUMENT_KIND, "skos:definition")),
    Mutation("InstrumentKind-prefLabel LanguageIn", replace(INSTRUMENT_KIND, "skos:prefLabel", '"Vertrag"@de')),
    Mutation("InstrumentKind-prefLabel MaxCount", add(INSTRUMENT_KIND, "skos:prefLabel", '"convention"@en')),
    Mutation("InstrumentKind-prefLabel MinCount", drop(INSTRUMENT_KIND, "skos:prefLabel")),
    Mutation("InstrumentKind-scheme HasValue", replace(INSTRUMENT_KIND, "skos:inScheme", iri("change-kind"))),
    Mutation("InstrumentKindShape Pattern", add(iri("instrument-kind/Treaty"), "a", "gcm:InstrumentKind")),
    # --- commitments ---------------------------------------------------------------------------
    Mutation("Commitment-document MinCount", drop(COMMITMENT, "gcm:inDocument")),
    Mutation("Commitment-introduction LanguageIn", replace(DRAFT_COMMITMENT, "gcm:actionsIntroduction", '"..."@de')),
    Mutation("Commitment-introduction MaxCount", add(DRAFT_COMMITMENT, "gcm:actionsIntroduction", '"We will:"@en')),
    Mutation("Commitment-of Class", replace(COMMITMENT, "gcm:commitmentOf", doc("gcm/objective/7/action/a"))),
    Mutation("Commitment-of MaxCount", add(COMMITMENT, "gcm:commitmentOf", doc("gcm/objective/8"))),
    Mutation("Commitment-of MinCount", drop(COMMITMENT, "gcm:commitmentOf")),
    Mutation("CommitmentShape Pattern", add(doc("gcm/objective/7/pledge"), "a", "gcm:Commitment")),
    # --- round tables and quoted titles ------------------------------------------------------
    Mutation(
        "CoveredObjectiveQuoted",
        drop(doc("imrf-progress-declaration-2022/footnote/4/objective/2"), "gcm:quotesTitleOf"),
        "covers objective https://w3id.org/gcm-graph/id/document/gcm/objective/2, but its footnote",
    ),
    Mutation(
        "EachObjectiveCoveredByARoundTable",
        f"DELETE DATA {{ {ROUND_TABLE_4} gcm:coversObjective {OBJECTIVE} }}",
        "Adopted objective https://w3id.org/gcm-graph/id/document/gcm/objective/7 is covered by none",
    ),
    Mutation(
        "NoObjectiveCoveredTwice",
        add(ROUND_TABLE, "gcm:coversObjective", OBJECTIVE),
        "objective https://w3id.org/gcm-graph/id/document/gcm/objective/7 is covered by two round tables",
    ),
    Mutation(
        "QuotedObjectiveCovered",
        replace(QUOTATION, "gcm:quotesTitleOf", doc("gcm/objective/8")),
        "the round table it belongs to does not cover that objective",
    ),
    Mutation(
        "QuotedTitleEqualsAdoptedTitle",
        replace(QUOTATION, "schema:text", '"Address and reduce vulnerability in migration"@en'),
        'as "Address and reduce vulnerability in migration", but the adopted title is '
        '"Address and reduce vulnerabilities in migration"',
    ),
    Mutation("ObjectiveTitleQuotation-footnote Class", replace(QUOTATION, "eli:is_part_of", PARAGRAPH)),
    Mutation("ObjectiveTitleQuotation-quotes Class", replace(QUOTATION, "gcm:quotesTitleOf", ACTION)),
    Mutation("ObjectiveTitleQuotation-quotes MaxCount", add(QUOTATION, "gcm:quotesTitleOf", doc("gcm/objective/8"))),
    Mutation("ObjectiveTitleQuotation-quotes MinCount", drop(QUOTATION, "gcm:quotesTitleOf")),
    Mutation("ObjectiveTitleQuotation-text LanguageIn", replace(QUOTATION, "schema:text", '"Vulnérabilités"@fr')),
    Mutation("ObjectiveTitleQuotation-text MinCount", drop(QUOTATION, "schema:text")),
    Mutation(
        "ObjectiveTitleQuotationShape Pattern",
        add(doc("imrf-progress-declaration-2022/footnote/7/objective/24"), "a", "gcm:ObjectiveTitleQuotation"),
    ),
    Mutation("RoundTable-covers Class", add(ROUND_TABLE, "gcm:coversObjective", doc("gcm/objective/7/action/a"))),
    Mutation("RoundTable-covers MinCount", drop(ROUND_TABLE, "gcm:coversObjective")),
    Mutation("RoundTable-covers Pattern", add(ROUND_TABLE, "gcm:coversObjective", DRAFT_OBJECTIVE)),
    Mutation("RoundTable-footnote Class", replace(ROUND_TABLE, "gcm:hasFootnote", PARAGRAPH)),
    Mutation(
        "RoundTable-footnote MaxCount",
        add(ROUND_TABLE, "gcm:hasFootnote", doc("imrf-progress-declaration-2022/footnote/5")),
    ),
    Mutation("RoundTable-footnote MinCount", drop(ROUND_TABLE, "gcm:hasFootnote")),
    Mutation("RoundTable-title LanguageIn", replace(ROUND_TABLE, "dcterms:title", '"Runder Tisch 1"@de')),
    Mutation(
        "RoundTableShape Pattern", add(doc("imrf-progress-declaration-2022/round-table/5"), "a", "gcm:RoundTable")
    ),
    # --- documents -----------------------------------------------------------------------------
    Mutation("Document-date Datatype", replace(doc("com-2018-167"), "eli:date_document", '"21.3.2018"')),
    Mutation("Document-date MaxCount", add(doc("com-2018-167"), "eli:date_document", '"2018-03-22"^^xsd:date')),
    Mutation("Document-expression Pattern", add(doc("gcm"), "eli:is_realized_by", doc("gcm/english"))),
    Mutation("Document-label LanguageIn", replace(doc("gcm"), "rdfs:label", '"Globaler Pakt"@de')),
    Mutation("Document-label MaxCount", add(doc("gcm"), "rdfs:label", '"GCM"@en')),
    Mutation("Document-label MinCount", drop(doc("gcm"), "rdfs:label")),
    Mutation("Document-licence MinCount", drop(doc("gcm"), "dcterms:license")),
    Mutation("Document-licence NodeKind", replace(doc("gcm"), "dcterms:license", '"CC BY 4.0"')),
    Mutation("Document-title LanguageIn", replace(doc("gcm"), "dcterms:title", '"Pacte mondial"@fr')),
    Mutation("Document-title MaxCount", add(doc("gcm"), "dcterms:title", '"GCM"@en')),
    Mutation("DocumentShape Pattern", add(doc("GCM_2018"), "a", "eli:LegalResource")),
    Mutation(
        "Expression-euLanguage MaxCount",
        add(EXPRESSION, "eli:language", "<http://publications.europa.eu/resource/authority/language/DEU>"),
    ),
    Mutation("Expression-euLanguage MinCount", drop(EXPRESSION, "eli:language")),
    Mutation(
        "Expression-euLanguage Pattern",
        replace(EXPRESSION, "eli:language", "<http://id.loc.gov/vocabulary/iso639-1/en>"),
    ),
    Mutation("Expression-language Datatype", replace(EXPRESSION, "dcterms:language", '"en"')),
    Mutation("Expression-language MaxCount", add(EXPRESSION, "dcterms:language", '"de"^^xsd:language')),
    Mutation("Expression-language MinCount", drop(EXPRESSION, "dcterms:language")),
    Mutation("Expression-realizes MaxCount", add(EXPRESSION, "eli:realizes", doc("gcm-zero-draft-plus"))),
    Mutation("Expression-realizes MinCount", drop(EXPRESSION, "eli:realizes")),
    Mutation("Expression-realizes NodeKind", replace(EXPRESSION, "eli:realizes", '"gcm"')),
    Mutation("ExpressionShape Pattern", add(doc("gcm/english"), "a", "eli:LegalExpression")),
    Mutation("Manifestation-embodies MinCount", drop(SOURCE, "eli:embodies")),
    Mutation("Manifestation-embodies Pattern", replace(SOURCE, "eli:embodies", doc("imrf-progress-declaration-2022"))),
    Mutation("Manifestation-mediaType In", replace(SOURCE, "schema:encodingFormat", '"application/pdf"')),
    Mutation("Manifestation-mediaType MaxCount", add(SOURCE, "schema:encodingFormat", '"text/markdown"')),
    Mutation("Manifestation-mediaType MinCount", drop(SOURCE, "schema:encodingFormat")),
    Mutation("Manifestation-sha256 MaxCount", add(SOURCE, "schema:sha256", '"' + "0" * 64 + '"')),
    Mutation("Manifestation-sha256 MinCount", drop(SOURCE, "schema:sha256")),
    Mutation("Manifestation-sha256 Pattern", replace(SOURCE, "schema:sha256", '"SHA256:90e05ca9"')),
    Mutation("Manifestation-size Datatype", replace(SOURCE, "schema:contentSize", '"30 kB"')),
    Mutation("Manifestation-size MaxCount", add(SOURCE, "schema:contentSize", "1")),
    Mutation("Manifestation-size MinCount", drop(SOURCE, "schema:contentSize")),
    Mutation("Manifestation-size MinInclusive", replace(SOURCE, "schema:contentSize", "0")),
    Mutation("ManifestationShape Pattern", add(iri("source/imrf/draft.txt"), "a", "eli:Format")),
    # --- stated counts -------------------------------------------------------------------------
    Mutation(
        "StatedActionCountMatches",
        replace(QUICK_REFERENCE, "gcm:statedActionCount", "186"),
        "states 186 actions of https://w3id.org/gcm-graph/id/document/gcm, but the graph holds 187",
    ),
    Mutation(
        "StatedObjectiveCountMatches",
        replace(QUICK_REFERENCE, "gcm:statedObjectiveCount", "22"),
        "states 22 objectives of https://w3id.org/gcm-graph/id/document/gcm, but the graph holds 23",
    ),
    Mutation("StatedCounts-actions Datatype", replace(QUICK_REFERENCE, "gcm:statedActionCount", '"187"')),
    Mutation("StatedCounts-actions MaxCount", add(QUICK_REFERENCE, "gcm:statedActionCount", "188")),
    Mutation("StatedCounts-actions MinCount", drop(QUICK_REFERENCE, "gcm:statedActionCount")),
    Mutation("StatedCounts-actions MinInclusive", replace(QUICK_REFERENCE, "gcm:statedActionCount", "-1")),
    Mutation("StatedCounts-objectives Datatype", replace(QUICK_REFERENCE, "gcm:statedObjectiveCount", '"23"')),
    Mutation("StatedCounts-objectives MaxCount", add(QUICK_REFERENCE, "gcm:statedObjectiveCount", "24")),
    Mutation("StatedCounts-objectives MinCount", drop(QUICK_REFERENCE, "gcm:statedObjectiveCount")),
    Mutation("StatedCounts-objectives MinInclusive", replace(QUICK_REFERENCE, "gcm:statedObjectiveCount", "-1")),
    # --- objectives and alignment ------------------------------------------------------------
    Mutation(
        "ChangeKindAgreesWithTitles",
        replace(OBJECTIVE, "gcm:changeKind", "change:title-reworded"),
        "(https://w3id.org/gcm-graph/id/change-kind/title-reworded) does not agree with the titles: expected https://w3id.org/gcm-graph/id/change-kind/unchanged",
    ),
    Mutation("DraftObjectiveAlignedOnce", drop(OBJECTIVE, "prov:wasRevisionOf"), "is revised by 0 adopted objectives"),
    Mutation("Objective-changeKind Class", replace(OBJECTIVE, "gcm:changeKind", "kind:treaty")),
    Mutation("Objective-changeKind MaxCount", add(OBJECTIVE, "gcm:changeKind", "change:new")),
    Mutation("Objective-commitment Class", add(OBJECTIVE, "gcm:commitment", doc("gcm/objective/7/action/a"))),
    Mutation("Objective-commitment MinCount", drop(OBJECTIVE, "gcm:commitment")),
    Mutation("Objective-document In", replace(OBJECTIVE, "gcm:inDocument", doc("imrf-progress-declaration-2022"))),
    Mutation("Objective-document MinCount", drop(OBJECTIVE, "gcm:inDocument")),
    Mutation("Objective-number MinCount", drop(OBJECTIVE, "eli:number")),
    Mutation("Objective-number Pattern", replace(OBJECTIVE, "eli:number", '"VII"')),
    Mutation("Objective-ordinal MaxInclusive", replace(OBJECTIVE, "gcm:ordinal", "24")),
    Mutation("Objective-ordinal MinCount", drop(OBJECTIVE, "gcm:ordinal")),
    Mutation("Objective-revisionOf Class", replace(OBJECTIVE, "prov:wasRevisionOf", DRAFT_COMMITMENT)),
    Mutation(
        "Objective-revisionOf MaxCount", add(OBJECTIVE, "prov:wasRevisionOf", doc("gcm-zero-draft-plus/objective/8"))
    ),
    Mutation("Objective-revisionOf Pattern", replace(OBJECTIVE, "prov:wasRevisionOf", doc("gcm/objective/6"))),
    Mutation("Objective-shortTitle LanguageIn", replace(OBJECTIVE, "eli:title_short", '"VULNÉRABILITÉS"@fr')),
    Mutation("Objective-shortTitle MaxCount", add(OBJECTIVE, "eli:title_short", '"VULNERABILITIES"@en')),
    Mutation("Objective-title LanguageIn", replace(OBJECTIVE, "dcterms:title", '"Vulnérabilités"@fr')),
    Mutation("Objective-title MaxCount", add(OBJECTIVE, "dcterms:title", '"Vulnerabilities"@en')),
    Mutation("Objective-title MinCount", drop(OBJECTIVE, "dcterms:title")),
    Mutation("ObjectiveShape Pattern", add(doc("gcm-zero-draft-plus/objective/23"), "a", "gcm:Objective")),
    Mutation(
        "ObjectivesNumberedWithoutGaps",
        drop(DRAFT_OBJECTIVE, "gcm:inDocument"),
        "is number 8, but the document has no objective number 7",
    ),
    Mutation(
        "ZeroDraftPlus-objectives QualifiedMaxCount",
        f"INSERT DATA {{ {doc('gcm-zero-draft-plus/objective/23')} a gcm:Objective ; "
        f"gcm:inDocument {doc('gcm-zero-draft-plus')} }}",
    ),
    Mutation(
        "ZeroDraftPlus-objectives QualifiedMinCount", drop(doc("gcm-zero-draft-plus/objective/22"), "gcm:inDocument")
    ),
    # --- figures -------------------------------------------------------------------------------
    Mutation(
        "FigureHasReferencePeriod", drop(FIGURE, "gcm:periodStart"), "no reference period start (gcm:periodStart)"
    ),
    Mutation("FigureHasUnit", drop(FIGURE, "schema:unitCode"), "The figure has no unit"),
    Mutation(
        "FigureQuoteInParagraph",
        replace(FIGURE, "gcm:quote", '"282 million people"@en'),
        'quote "282 million people" does not stand in the text of the paragraph',
    ),
    Mutation("StatedFigure-currency MaxCount", add(FIGURE_USD, "schema:currency", '"EUR"')),
    Mutation("StatedFigure-currency Pattern", replace(FIGURE_USD, "schema:currency", '"US$"')),
    Mutation("StatedFigure-document MaxCount", add(FIGURE, "dcterms:isPartOf", doc("gcm"))),
    Mutation("StatedFigure-document MinCount", drop(FIGURE, "dcterms:isPartOf")),
    Mutation(
        "StatedFigure-document Pattern",
        replace(FIGURE, "dcterms:isPartOf", doc("imrf-progress-declaration-2022/paragraph/9")),
    ),
    Mutation("StatedFigure-isTarget Datatype", replace(FIGURE, "gcm:isTarget", '"no"')),
    Mutation("StatedFigure-isTarget MaxCount", add(FIGURE, "gcm:isTarget", "true")),
    Mutation("StatedFigure-isTarget MinCount", drop(FIGURE, "gcm:isTarget")),
    Mutation("StatedFigure-measure LanguageIn", replace(FIGURE, "gcm:measure", '"Migranten"@de')),
    Mutation("StatedFigure-measure MaxCount", add(FIGURE, "gcm:measure", '"migrants"@en')),
    Mutation("StatedFigure-measure MinCount", drop(FIGURE, "gcm:measure")),
    Mutation("StatedFigure-periodEnd Datatype", replace(FIGURE, "gcm:periodEnd", '"2020"')),
    Mutation("StatedFigure-periodEnd MaxCount", add(FIGURE, "gcm:periodEnd", '"2021-12-31"^^xsd:date')),
    Mutation("StatedFigure-periodStart Datatype", replace(FIGURE, "gcm:periodStart", '"2020"^^xsd:gYear')),
    Mutation("StatedFigure-periodStart LessThanOrEquals", replace(FIGURE, "gcm:periodStart", '"2021-01-01"^^xsd:date')),
    Mutation("StatedFigure-periodStart MaxCount", add(FIGURE, "gcm:periodStart", '"2020-06-01"^^xsd:date')),
    Mutation("StatedFigure-quote LanguageIn", replace(FIGURE, "gcm:quote", '"281 Millionen Menschen"@de')),
    Mutation("StatedFigure-quote MaxCount", add(FIGURE, "gcm:quote", '"281 million"@en')),
    Mutation("StatedFigure-quote MinCount", drop(FIGURE, "gcm:quote")),
    Mutation(
        "StatedFigure-statedIn Class", replace(FIGURE, "gcm:statedIn", doc("imrf-progress-declaration-2022/footnote/1"))
    ),
    Mutation("StatedFigure-statedIn MaxCount", add(FIGURE, "gcm:statedIn", PARAGRAPH)),
    Mutation("StatedFigure-statedIn MinCount", drop(FIGURE, "gcm:statedIn")),
    Mutation("StatedFigure-unit MaxCount", add(FIGURE, "schema:currency", '"USD"')),
    Mutation("StatedFigure-unitCode In", replace(FIGURE, "schema:unitCode", '"C62"')),
    Mutation("StatedFigure-unitCode MaxCount", add(FIGURE, "schema:unitCode", '"P1"')),
    Mutation("StatedFigure-unitText LanguageIn", replace(FIGURE, "schema:unitText", '"Personen"@de')),
    Mutation("StatedFigure-unitText MaxCount", add(FIGURE, "schema:unitText", '"people"@en')),
    Mutation("StatedFigure-unitText MinCount", drop(FIGURE, "schema:unitText")),
    Mutation("StatedFigure-value Datatype", replace(FIGURE, "schema:value", '"281 million"')),
    Mutation("StatedFigure-value MaxCount", add(FIGURE, "schema:value", "281000001.0")),
    Mutation("StatedFigure-value MinCount", drop(FIGURE, "schema:value")),
    Mutation("StatedFigure-value MinInclusive", replace(FIGURE, "schema:value", "-5.0")),
    Mutation(
        "StatedFigureShape Pattern", add(doc("imrf-progress-declaration-2022/figures/1"), "a", "gcm:StatedFigure")
    ),
    # --- footnotes, paragraphs, list items, sections -----------------------------------------
    Mutation("Footnote-anchorOffset Datatype", replace(FOOTNOTE, "gcm:anchorOffset", '"12"')),
    Mutation("Footnote-anchorOffset MaxCount", add(FOOTNOTE, "gcm:anchorOffset", "99999")),
    Mutation("Footnote-anchorOffset MinCount", drop(FOOTNOTE, "gcm:anchorOffset")),
    Mutation("Footnote-anchorOffset MinInclusive", replace(FOOTNOTE, "gcm:anchorOffset", "-1")),
    Mutation("Footnote-anchoredIn MaxCount", add(FOOTNOTE, "gcm:anchoredIn", doc("com-2018-167/recital/16"))),
    Mutation("Footnote-anchoredIn MinCount", drop(FOOTNOTE, "gcm:anchoredIn")),
    Mutation("Footnote-anchoredIn NodeKind", replace(FOOTNOTE, "gcm:anchoredIn", '"recital 1"')),
    Mutation("Footnote-number MinCount", drop(FOOTNOTE, "eli:number")),
    Mutation("Footnote-number Pattern", replace(FOOTNOTE, "eli:number", '"1a"')),
    Mutation("FootnoteShape Pattern", add(doc("com-2018-167/fussnote/1"), "a", "gcm:Footnote")),
    Mutation("ListItem-number MinCount", drop(LIST_ITEM, "eli:number")),
    Mutation("ListItem-number Pattern", replace(LIST_ITEM, "eli:number", '"A"')),
    Mutation("ListItemShape Pattern", add(doc("gcm-zero-draft-plus/paragraph/42/point/a"), "a", "gcm:ListItem")),
    Mutation(
        "Paragraph-footnote Class",
        add(PARAGRAPH, "gcm:hasFootnote", doc("imrf-progress-declaration-2022/paragraph/11")),
    ),
    Mutation("Paragraph-number MinCount", drop(PARAGRAPH, "eli:number")),
    Mutation("Paragraph-number Pattern", replace(PARAGRAPH, "eli:number", '"10bis"')),
    Mutation("ParagraphShape Pattern", add(doc("imrf-progress-declaration-2022/para/10"), "a", "gcm:Paragraph")),
    Mutation("Section-position MinCount", drop(SECTION, "gcm:ordinal")),
    Mutation("Section-title LanguageIn", replace(SECTION, "dcterms:title", '"PRÉAMBULE"@fr')),
    Mutation("Section-title MaxCount", add(SECTION, "dcterms:title", '"Preamble"@en')),
    Mutation("Section-title MinCount", drop(SECTION, "dcterms:title")),
    Mutation("SectionShape Pattern", add(doc("gcm-zero-draft-plus/section/Preamble"), "a", "gcm:Section")),
    # --- what every part has -----------------------------------------------------------------
    Mutation(
        "Subdivision-derivedFrom Class", add(PARAGRAPH, "prov:wasDerivedFrom", doc("imrf-progress-declaration-2022"))
    ),
    Mutation("Subdivision-inDocument MaxCount", add(PARAGRAPH, "gcm:inDocument", doc("gcm"))),
    Mutation("Subdivision-inDocument MinCount", drop(PARAGRAPH, "gcm:inDocument")),
    Mutation(
        "Subdivision-inDocument Pattern",
        replace(PARAGRAPH, "gcm:inDocument", doc("imrf-progress-declaration-2022/section/introduction")),
    ),
    Mutation("Subdivision-isPartOf MaxCount", add(PARAGRAPH, "eli:is_part_of", doc("imrf-progress-declaration-2022"))),
    Mutation("Subdivision-isPartOf MinCount", drop(PARAGRAPH, "eli:is_part_of")),
    Mutation("Subdivision-isPartOf NodeKind", replace(PARAGRAPH, "eli:is_part_of", '"introduction"')),
    Mutation("Subdivision-label LanguageIn", replace(PARAGRAPH, "rdfs:label", '"Absatz 10"@de')),
    Mutation("Subdivision-label MaxCount", add(PARAGRAPH, "rdfs:label", '"para 10"@en')),
    Mutation("Subdivision-label MinCount", drop(PARAGRAPH, "rdfs:label")),
    Mutation("Subdivision-number Datatype", replace(PARAGRAPH, "eli:number", "10")),
    Mutation("Subdivision-number MaxCount", add(PARAGRAPH, "eli:number", '"11"')),
    Mutation("Subdivision-number Pattern", replace(PARAGRAPH, "eli:number", '"010"')),
    Mutation("Subdivision-ordinal Datatype", replace(PARAGRAPH, "gcm:ordinal", '"10"')),
    Mutation("Subdivision-ordinal MaxCount", add(PARAGRAPH, "gcm:ordinal", "11")),
    Mutation("Subdivision-ordinal MinInclusive", replace(PARAGRAPH, "gcm:ordinal", "0")),
    Mutation("SubdivisionShape NodeKind", "INSERT DATA { [] a gcm:Paragraph }"),
    Mutation("SubdivisionShape Pattern", add(iri("paragraph/10"), "a", "gcm:Paragraph")),
    Mutation(
        "OrdinalMatchesPrintedNumber",
        replace(DRAFT_ACTION, "gcm:ordinal", "4"),
        'does not match the printed number or letter "c", which is position 3',
    ),
    Mutation(
        "IriEndsInPrintedNumber",
        replace(doc("gcm-zero-draft-plus/paragraph/10"), "eli:number", '"11"'),
        'The IRI does not end in the printed number or letter "11"',
    ),
    Mutation(
        "PartOfHasInverse",
        f"DELETE DATA {{ {OBJECTIVE} eli:has_part {ACTION} }}",
        "does not list it among its parts",
    ),
    Mutation("TextBearingPart-abstract LanguageIn", replace(ACTION, "schema:abstract", '"Politiken entwickeln"@de')),
    Mutation("TextBearingPart-abstract MaxCount", add(ACTION, "schema:abstract", '"Another summary."@en')),
    Mutation("TextBearingPart-content MaxCount", add(DRAFT_ACTION, "schema:abstract", '"A summary."@en')),
    Mutation("TextBearingPart-content MinCount", drop(DRAFT_ACTION, "schema:text")),
    Mutation("TextBearingPart-text LanguageIn", replace(DRAFT_ACTION, "schema:text", '"Établir des politiques"@fr')),
    Mutation("TextBearingPart-text MaxCount", add(DRAFT_ACTION, "schema:text", '"Another text"@en')),
    # --- provenance ----------------------------------------------------------------------------
    Mutation(
        "SourceText-whitespace Pattern",
        replace(
            PARAGRAPH, "schema:text", '"We  recognize the value and dignity of the labour of all migrant workers."@en'
        ),
        "two spaces in a row",
    ),
    Mutation(
        "TextHasSourceSelector",
        span(PARAGRAPH, "DELETE { ?span gcm:forProperty schema:text }"),
        "This text (https://schema.org/text) has no source selector",
    ),
    Mutation(
        "TitleHasSourceSelector",
        span(OBJECTIVE, "DELETE { ?span gcm:forProperty dcterms:title }"),
        "This title (dcterms:title) has no source selector",
    ),
    Mutation(
        "PrincipleHasSourceSelector",
        span(PRINCIPLE, "DELETE { ?span gcm:forProperty skos:definition }"),
        "The guiding principle's http://www.w3.org/2004/02/skos/core#definition has no source selector",
    ),
    Mutation(
        "SpecificResource-forProperty MinCount",
        span(PARAGRAPH, "DELETE { ?span gcm:forProperty ?property }", "?span gcm:forProperty ?property ."),
    ),
    Mutation(
        "SpecificResource-forProperty NodeKind", span(PARAGRAPH, 'INSERT { ?span gcm:forProperty "schema:text" }')
    ),
    Mutation("SpecificResource-fragment Class", span(PARAGRAPH, f"INSERT {{ ?span gcm:fragment {PARAGRAPH} }}")),
    Mutation("SpecificResource-selector Class", span(PARAGRAPH, f"INSERT {{ ?span oa:hasSelector {PARAGRAPH} }}")),
    Mutation(
        "SpecificResource-selector MaxCount",
        span(
            PARAGRAPH,
            "INSERT { ?span oa:hasSelector ?other }",
            f"{doc('imrf-progress-declaration-2022/paragraph/11')} prov:wasDerivedFrom/oa:hasSelector ?other .",
        ),
    ),
    Mutation("SpecificResource-selector MinCount", span(PARAGRAPH, "DELETE { ?span oa:hasSelector ?selector }")),
    Mutation(
        "SpecificResource-source Class",
        span(PARAGRAPH, f"INSERT {{ ?span oa:hasSource {doc('imrf-progress-declaration-2022')} }}"),
    ),
    Mutation(
        "SpecificResource-source MaxCount",
        span(PARAGRAPH, f"INSERT {{ ?span oa:hasSource {iri('source/iom-gcm-quick-reference-2021-en.txt')} }}"),
    ),
    Mutation(
        "SpecificResource-source MinCount",
        span(PARAGRAPH, "DELETE { ?span oa:hasSource ?source }", "?span oa:hasSource ?source ."),
    ),
    Mutation("SpecificResourceShape Pattern", add(iri("source/imrf.txt/0-10-20"), "a", "oa:SpecificResource")),
    Mutation("TextPositionSelector-end Datatype", selector(PARAGRAPH, "oa:end", '"end"')),
    Mutation("TextPositionSelector-end MaxCount", span(PARAGRAPH, "INSERT { ?selector oa:end 999999 }")),
    Mutation("TextPositionSelector-end MinCount", selector(PARAGRAPH, "oa:end", None)),
    Mutation("TextPositionSelector-start Datatype", selector(PARAGRAPH, "oa:start", '"0"')),
    Mutation("TextPositionSelector-start LessThan", selector(PARAGRAPH, "oa:start", "9999999")),
    Mutation("TextPositionSelector-start MaxCount", span(PARAGRAPH, "INSERT { ?selector oa:start 1 }")),
    Mutation("TextPositionSelector-start MinCount", selector(PARAGRAPH, "oa:start", None)),
    Mutation("TextPositionSelector-start MinInclusive", selector(PARAGRAPH, "oa:start", "-1")),
    # --- links: organisations, events, SDGs ---------------------------------------------------
    Mutation("Document-adoptedAt Class", replace(doc("gcm"), "gcm:adoptedAt", ORGANIZATION)),
    Mutation("Document-endorsedBy Class", replace(doc("gcm"), "gcm:endorsedBy", EVENT)),
    Mutation(
        "Event-name QualifiedMinCount",
        f'DELETE {{ {EVENT} schema:name ?name }} WHERE {{ {EVENT} schema:name ?name FILTER(LANG(?name) = "en") }}',
    ),
    Mutation("Event-organizer Class", replace(EVENT, "schema:organizer", EVENT)),
    Mutation("Event-startDate LessThanOrEquals", replace(EVENT, "schema:startDate", '"2022-05-21"^^xsd:date')),
    Mutation("Event-startDate MaxCount", add(EVENT, "schema:startDate", '"2022-05-18"^^xsd:date')),
    Mutation("Event-startDate MinCount", drop(EVENT, "schema:startDate")),
    Mutation("Event-startDate Or", replace(EVENT, "schema:startDate", '"17 May 2022"')),
    Mutation("Event-superEvent Pattern", replace(EVENT, "schema:superEvent", doc("imrf-progress-declaration-2022"))),
    Mutation("EventShape Pattern", add(iri("event/IMRF_2022"), "a", "schema:Event")),
    Mutation("Objective-sdgGoal Pattern", add(OBJECTIVE, "gcm:servesSdgGoal", "<http://metadata.un.org/sdg/10.7>")),
    Mutation(
        "Objective-sdgTarget Pattern", add(OBJECTIVE, "gcm:servesSdgTarget", "<https://unstats.un.org/sdgs/10.7>")
    ),
    Mutation("Organization-name MinCount", drop(ORGANIZATION, "schema:name")),
    Mutation("Organization-parent Pattern", add(ORGANIZATION, "schema:parentOrganization", "<https://www.iom.int/>")),
    Mutation(
        "Organization-prefLabel MinCount",
        drop(iri("organization/iom"), "skos:prefLabel"),
        "An organisation has a preferred name (skos:prefLabel)",
    ),
    Mutation("OrganizationShape Pattern", add(iri("organization/IOM"), "a", "schema:Organization")),
    Mutation(
        "SdgConceptMatchesCode",
        replace(SDG_TARGET, "skos:exactMatch", "<http://metadata.un.org/sdg/10.c>"),
        "skos:exactMatch http://metadata.un.org/sdg/10.c should be http://metadata.un.org/sdg/10.7 for code 10.7",
    ),
    # --- ontology hygiene --------------------------------------------------------------------
    Mutation("DeclaredTerm-comment LanguageIn", replace("gcm:Objective", "rdfs:comment", '"Ein Ziel."@de')),
    Mutation("DeclaredTerm-comment MinCount", drop("gcm:Objective", "rdfs:comment")),
    Mutation("DeclaredTerm-label LanguageIn", replace("gcm:Action", "rdfs:label", '"Maßnahme"@de')),
    Mutation("DeclaredTerm-label MinCount", drop("gcm:Action", "rdfs:label")),
    Mutation(
        "GcmTermsDeclared",
        add(doc("gcm"), "gcm:nickname", '"GCM"'),
        "The data uses https://w3id.org/gcm-graph/ontology/nickname as a property",
    ),
    Mutation(
        "ExternalTermsFromDeclaredVocabularies",
        add(doc("gcm"), "<http://xmlns.com/foaf/0.1/name>", '"GCM"'),
        "The data uses http://xmlns.com/foaf/0.1/name, whose vocabulary",
    ),
    Mutation("Ontology-reliesOn MinCount", drop(ONTOLOGY, "voaf:reliesOn")),
    Mutation("Ontology-reliesOn NodeKind", add(ONTOLOGY, "voaf:reliesOn", '"http://xmlns.com/foaf/0.1/"')),
    Mutation("Ontology-version MaxCount", add(ONTOLOGY, "owl:versionInfo", '"0.2.0"')),
    Mutation("Ontology-version MinCount", drop(ONTOLOGY, "owl:versionInfo")),
]
