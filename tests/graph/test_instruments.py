"""Instruments: one resource per instrument, linked from every text that names or cites it."""

import pytest
from rdflib import Dataset, Literal, URIRef

from gcm_graph.curated import CuratedDataError, Instrument
from gcm_graph.graph.instruments import add_mentions, alias_matcher
from gcm_graph.graph.iris import SCHEMA

ID = "https://w3id.org/gcm-graph/id/"


def cited_by(select, key):
    rows = select(f"SELECT ?p WHERE {{ ?p dcterms:references <{ID}instrument/{key}> }}")
    return {row["p"].removeprefix(ID + "document/") for row in rows}


def test_one_resource_however_spelled(select):
    # "Organized" (ZDP 2, 25(a)), "Organised" (ZDP 24(a)) and "UNTOC" (QR objective 10 action a)
    assert {
        "gcm-zero-draft-plus/paragraph/2",
        "gcm-zero-draft-plus/objective/9/action/a",
        "gcm-zero-draft-plus/objective/10/action/a",
        "gcm/objective/10/action/a",
    } <= cited_by(select, "untoc")


def test_german_and_english_spellings_reach_the_same_instrument(select):
    cited = cited_by(select, "new-york-declaration")
    assert "gcm-zero-draft-plus/paragraph/3" in cited
    assert "com-2018-167/recital/9" in cited


def test_un_symbol_in_a_footnote_cites_the_instrument_it_issues(select):
    assert "imrf-progress-declaration-2022/footnote/2" in cited_by(select, "agenda-2030")


def test_alias_that_matches_no_text_is_an_error():
    dataset = Dataset()
    graph = dataset.graph(URIRef("urn:g"))
    graph.add((URIRef("urn:p"), SCHEMA.text, Literal("the Paris Agreement", lang="en")))
    instruments = [
        Instrument(
            "paris-agreement", "treaty", {"en": "Paris Agreement"}, {"en": ("Paris Agreement",)}, None, {}, "", 3
        ),
        Instrument("kyoto-protocol", "treaty", {"en": "Kyoto Protocol"}, {"en": ("Kyoto Protocol",)}, None, {}, "", 9),
    ]
    with pytest.raises(
        CuratedDataError, match=r"data/instruments.yaml:9: kyoto-protocol: alias 'Kyoto Protocol' matches no text"
    ):
        add_mentions(dataset, [URIRef("urn:g")], alias_matcher(instruments))
