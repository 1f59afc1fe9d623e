"""Every cookbook query runs and gives the answer the documents support."""

import pytest

from gcm_graph.cookbook import load_cookbook, recipe

ID = "https://w3id.org/gcm-graph/id/"


def run(store, name):
    results = store.query(recipe(name).query, use_default_graph_as_union=True)
    names = [variable.value for variable in results.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in results]


def test_every_recipe_has_a_title_and_runs(store):
    recipes = load_cookbook()
    assert len(recipes) >= 4
    for item in recipes:
        assert item.title and item.description
        assert list(store.query(item.query, use_default_graph_as_union=True)), item.name


def test_actions_of_objective_7_in_the_draft(store):
    rows = run(store, "01-draft-objective-7-actions")
    assert [row["letter"] for row in rows] == list("abcdefgh")
    assert rows[0]["text"].startswith("Promote the operationalization of the Global Migration Group Principles")


def test_objectives_renamed_between_draft_and_adopted_text(store):
    rows = run(store, "02-objectives-renamed")
    assert [int(row["number"]) for row in rows] == [3, 4, 10, 12, 13, 15, 17, 18, 21]
    twelve = next(row for row in rows if row["number"] == "12")
    assert twelve["draftTitle"] == "Strengthen procedures and mechanisms for status determination"


def test_paragraphs_citing_the_paris_agreement(store):
    parts = {row["part"].removeprefix(ID + "document/") for row in run(store, "03-paragraphs-citing-paris-agreement")}
    assert parts == {
        "gcm-zero-draft-plus/paragraph/2",
        "gcm-zero-draft-plus/objective/2/action/a",
        "imrf-progress-declaration-2022/paragraph/74",
        "imrf-progress-declaration-2022/footnote/10",
    }


@pytest.mark.parametrize(
    ("proposal", "expected"),
    [
        ("com-2018-167", {("teu-art-16", "12016M016"), ("tfeu-art-209", "12016E209")}),
        ("com-2018-168", {("teu-art-16", "12016M016"), ("tfeu-art-79", "12016E079")}),
    ],
)
def test_legal_bases(store, proposal, expected):
    rows = [row for row in run(store, "04-legal-bases-com-2018-167") if row["proposal"].endswith(proposal)]
    assert {(row["article"].rsplit("/", 1)[-1], row["celex"]) for row in rows} == expected
    assert all(row["eli"].startswith("http://data.europa.eu/eli/treaty/") for row in rows)
