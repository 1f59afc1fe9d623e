"""Standard SPARQL clients work against the endpoint unchanged: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

from tests.server.conftest import BASE

OBJECTIVE = BASE + "id/document/gcm-zero-draft-plus/objective/7"
ACTIONS = f"""PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT ?action WHERE {{ ?action eli:is_part_of <{OBJECTIVE}> ; a <https://w3id.org/gcm-graph/ontology/Action> }}
ORDER BY ?action"""


def wrapper(server: str, query: str, return_format: str, method: str | None = None) -> SPARQLWrapper:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(return_format)
    if method:
        client.setMethod(method)
    return client


def test_sparqlwrapper_select_json_by_get_and_post(server):
    by_get = wrapper(server, ACTIONS, JSON).query().convert()
    by_post = wrapper(server, ACTIONS, JSON, POST).query().convert()
    actions = [row["action"]["value"] for row in by_get["results"]["bindings"]]
    assert actions == [row["action"]["value"] for row in by_post["results"]["bindings"]]
    assert [a.rsplit("/", 1)[-1] for a in actions] == list("abcdefgh")


def test_sparqlwrapper_select_xml_and_csv(server):
    xml = wrapper(server, ACTIONS, XML).query().convert()
    assert len(xml.getElementsByTagName("result")) == 8
    table = wrapper(server, ACTIONS, CSV).query().convert().decode()
    assert table.splitlines()[0] == "action" and len(table.splitlines()) == 9


def test_sparqlwrapper_ask_and_construct(server):
    assert wrapper(server, f"ASK {{ <{OBJECTIVE}> ?p ?o }}", JSON).query().convert()["boolean"] is True
    construct = f"CONSTRUCT {{ <{OBJECTIVE}> ?p ?o }} WHERE {{ <{OBJECTIVE}> ?p ?o }}"
    turtle = wrapper(server, construct, TURTLE).query().convert()
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    assert (rdflib.URIRef(OBJECTIVE), None, None) in graph
    as_graph = wrapper(server, construct, XML).query().convert()
    assert isinstance(as_graph, rdflib.Graph) and len(as_graph) == len(graph)


def test_rdflib_sparqlstore_reads_the_union_graph(server):
    graph = rdflib.Graph(store=SPARQLStore(server + "/sparql", returnFormat="json"))
    rows = list(graph.query(ACTIONS))
    assert len(rows) == 8
    labels = list(graph.objects(rdflib.URIRef(OBJECTIVE), rdflib.RDFS.label))
    assert labels and "objective 7" in str(labels[0])


def test_rdflib_sparqlstore_reaches_named_graphs(server):
    graph = rdflib.Graph(store=SPARQLStore(server + "/sparql", returnFormat="json"))
    graphs = {str(row.g) for row in graph.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert BASE + "graph/gcm-zero-draft-plus" in graphs


def test_rdflib_dataset_over_sparqlstore(server):
    """rdflib's Dataset client names the service's default graph ``urn:x-rdflib:default``."""
    dataset = rdflib.Dataset(store=SPARQLStore(server + "/sparql", returnFormat="json"))
    assert len(list(dataset.query(ACTIONS))) == 8
