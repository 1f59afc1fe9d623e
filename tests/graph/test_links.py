"""The curated link tables in the graph: every row's triples, no dangling links, the cookbook answers."""

from rdflib import URIRef

from gcm_graph.curated import load_tables
from gcm_graph.graph.iris import named_graph_iri
from gcm_graph.graph.links import node_iri, term
from gcm_graph.links.records import compile_links, expand
from tests.test_cookbook import run

ID = "https://w3id.org/gcm-graph/id/"


def test_each_link_table_row_compiles_to_the_triples_it_says(dataset):
    curated = dataset.graph(named_graph_iri("curated"))
    links = compile_links(load_tables())
    assert len(links) > 300
    missing = [
        (link.table, link.line)
        for link in links
        if (node_iri(link.subject), URIRef(expand(link.predicate)), term(link.object)) not in curated
    ]
    assert missing == []


def test_organisations_and_events_named_by_documents_exist(select):
    rows = select(
        """SELECT DISTINCT ?target WHERE {
             ?s ?p ?target .
             FILTER(STRSTARTS(STR(?target), "https://w3id.org/gcm-graph/id/organization/")
                 || STRSTARTS(STR(?target), "https://w3id.org/gcm-graph/id/event/")
                 || STRSTARTS(STR(?target), "https://w3id.org/gcm-graph/id/instrument/")
                 || STRSTARTS(STR(?target), "https://w3id.org/gcm-graph/id/sdg/"))
             FILTER NOT EXISTS { ?target a ?type } }"""
    )
    assert rows == []


def test_dates_of_marrakech_conference_and_imrf_editions(select):
    rows = select(
        f"""SELECT ?start ?end WHERE {{ <{ID}document/gcm> gcm:adoptedAt ?event .
              ?event schema:startDate ?start ; schema:endDate ?end }}"""
    )
    assert rows == [{"start": "2018-12-10", "end": "2018-12-11"}]


def test_objectives_serving_target_10_7(store):
    numbers = [int(row["number"]) for row in run(store, "05-objectives-serving-sdg-10-7")]
    assert numbers == sorted(numbers) and {3, 5, 23} <= set(numbers)


def test_remittance_objective_serves_target_10_c(select):
    rows = select(f"SELECT ?t WHERE {{ <{ID}document/gcm/objective/20> gcm:servesSdgTarget ?t }}")
    assert {"http://metadata.un.org/sdg/10.c"} <= {row["t"] for row in rows}


def test_eu_acts_and_articles_cited_by_com_2018_167(store):
    celex = {row["celex"] for row in run(store, "06-eu-law-cited-by-com-2018-167")}
    assert {"12016M016", "12016E209", "12016E208", "12016M021", "62012CJ0377", "42017Y0630(01)"} <= celex


def test_un_resolutions_cited_by_the_progress_declaration(store):
    symbols = {row["symbol"] for row in run(store, "07-un-resolutions-cited-by-imrf")}
    assert symbols == {"A/RES/73/195", "A/RES/73/326", "A/RES/70/1", "A/RES/69/313", "A/RES/69/283", "A/RES/71/313"}


def test_instruments_cited_by_draft_and_declaration(store):
    keys = {
        row["instrument"].removeprefix(ID + "instrument/")
        for row in run(store, "08-instruments-cited-by-draft-and-imrf")
    }
    assert {"agenda-2030", "paris-agreement", "sendai-framework", "addis-ababa-action-agenda"} <= keys
    assert "charter-of-the-united-nations" not in keys
