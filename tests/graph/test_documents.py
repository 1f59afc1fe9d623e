"""What the graph holds: counts and exact texts for samples from every document."""

import pytest

GCM = "https://w3id.org/gcm-graph/id/document/"


def count(select, where: str) -> int:
    return select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {where} }}")[0]["n"]


@pytest.mark.parametrize(
    ("document", "kind", "expected"),
    [
        ("com-2018-167", "gcm:Recital", 16),
        ("com-2018-167", "gcm:Article", 1),
        ("com-2018-167", "gcm:Footnote", 9),
        ("gcm-zero-draft-plus", "gcm:Objective", 22),
        ("gcm-zero-draft-plus", "gcm:Action", 166),
        ("gcm-zero-draft-plus", "gcm:ListItem", 12),
        ("gcm", "gcm:Objective", 23),
        ("gcm", "gcm:Action", 187),
        ("imrf-progress-declaration-2022", "gcm:RoundTable", 4),
        ("imrf-progress-declaration-2022", "gcm:Footnote", 11),
        ("imrf-progress-declaration-2022", "gcm:StatedFigure", 9),
    ],
)
def test_counts_of_parts(select, document, kind, expected):
    where = (
        f"?x a {kind} . {{ ?x eli:is_part_of+ <{GCM}{document}> }} UNION {{ ?x dcterms:isPartOf <{GCM}{document}> }}"
    )
    assert count(select, where) == expected


def test_numbered_paragraphs_of_each_document(select):
    rows = select(
        """SELECT ?doc (COUNT(?p) AS ?n) (MIN(?o) AS ?first) (MAX(?o) AS ?last) WHERE {
             ?p a gcm:Paragraph ; gcm:inDocument ?doc ; gcm:ordinal ?o
             FILTER(REGEX(STR(?p), "/document/[^/]+/paragraph/[0-9]+$")) } GROUP BY ?doc"""
    )
    found = {row["doc"].rsplit("/", 1)[-1]: (row["n"], row["first"], row["last"]) for row in rows}
    assert found["gcm-zero-draft-plus"] == (47, 1, 47)
    assert found["imrf-progress-declaration-2022"] == (77, 1, 77)


def test_memorandum_paragraphs_and_sections(select):
    assert count(select, f"?x a gcm:Paragraph ; eli:is_part_of/eli:is_part_of <{GCM}com-2018-167/memorandum>") == 19
    assert count(select, f"?x a gcm:Section ; eli:is_part_of <{GCM}com-2018-167/memorandum>") == 4


def test_exact_text_samples(select):
    def text(iri: str, prop: str = "schema:text") -> str:
        return select(f"SELECT ?t WHERE {{ <{GCM}{iri}> {prop} ?t }}")[0]["t"]

    assert text("com-2018-167/recital/10") == (
        "Der Globale Pakt für Migration begründet keine rechtlichen Verpflichtungen nach nationalem oder "
        "internationalem Recht und dient auch nicht diesem Zweck."
    )
    assert text("gcm-zero-draft-plus/objective/20/action/a") == (
        "Develop a roadmap to reduce the transaction costs of migrant remittances to less than 3 per cent and "
        "eliminate remittance corridors with costs higher than 5 per cent by 2030 in line with existing commitments"
    )
    assert text("gcm/objective/20/action/a", "schema:abstract") == (
        "Develop a roadmap to reduce the transaction costs of sending remittances to less than 3 per cent and "
        "eliminate remittance corridors with costs higher than 5 per cent by 2030;"
    )
    assert text("gcm/objective/12", "dcterms:title") == (
        "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment "
        "and referral"
    )
    assert text("imrf-progress-declaration-2022/paragraph/42").endswith(
        "However, the cost of transferring remittances remained at 6.3 per cent during the third quarter of 2021."
    )


def test_footnote_linked_from_where_its_marker_stood(select):
    rows = select(
        f"""SELECT ?anchor ?offset WHERE {{
              <{GCM}com-2018-167/footnote/6> gcm:anchoredIn ?anchor ; gcm:anchorOffset ?offset }}"""
    )
    assert rows == [{"anchor": f"{GCM}com-2018-167/recital/5", "offset": 387}]


def test_legal_bases_and_parallel_proposal(select):
    rows = select("""SELECT ?doc ?basis WHERE { ?doc eli:based_on ?basis } ORDER BY ?doc ?basis""")
    bases = {(row["doc"].rsplit("/", 1)[-1], row["basis"].rsplit("/", 1)[-1]) for row in rows}
    assert bases == {
        ("com-2018-167", "teu-art-16"),
        ("com-2018-167", "tfeu-art-209"),
        ("com-2018-168", "teu-art-16"),
        ("com-2018-168", "tfeu-art-79"),
    }


def test_round_tables_cover_each_adopted_objective_once(select):
    rows = select("SELECT ?o (COUNT(?t) AS ?n) WHERE { ?t gcm:coversObjective ?o } GROUP BY ?o")
    assert len(rows) == 23 and {row["n"] for row in rows} == {1}


def test_figures_are_typed_with_unit_and_period(select):
    rows = select(
        """SELECT ?value ?start ?end ?unit WHERE {
             ?f a gcm:StatedFigure ; gcm:quote "281 million people"@en ; schema:value ?value ;
                gcm:periodStart ?start ; gcm:periodEnd ?end ; schema:unitCode ?unit }"""
    )
    assert rows == [{"value": "281000000", "start": "2020-01-01", "end": "2020-12-31", "unit": "IE"}]


def test_quick_reference_is_one_expression_in_two_manifestations(select):
    rows = select(
        f"""SELECT ?m WHERE {{ <{GCM}iom-gcm-quick-reference-2021> eli:is_realized_by ?e .
                                ?e eli:is_embodied_by ?m }}"""
    )
    assert len(rows) == 2
    assert select(f"SELECT ?c WHERE {{ <{GCM}iom-gcm-quick-reference-2021> gcm:statedActionCount ?c }}") == [{"c": 187}]
