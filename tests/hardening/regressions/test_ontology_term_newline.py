"""What broke: ``GET /ontology/a%0D%0ASet-Cookie:x=1`` answered 500. The term name went unquoted into the
``Location`` header of the 303, and werkzeug refuses a header value with a line break (which is what kept
it from becoming header injection). Found probing every route with CR/LF in path parts, a case the HTTP
fuzzer generates."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("name", ["a%0D%0ASet-Cookie:x=1", "a%0Ab", "%00", "a%20b%22%3C%3E"])
def test_an_ontology_term_with_control_characters_redirects_with_the_name_quoted(hostile_app, name):
    response = hostile_app.test_client().get(f"/ontology/{name}")
    assert response.status_code == 303
    location = response.headers["Location"]
    assert location.startswith("/ontology#")
    assert not any(character in location for character in '\r\n\0 "<>')
    assert "Set-Cookie" not in response.headers


def test_an_ordinary_term_still_reaches_its_anchor(hostile_app):
    assert hostile_app.test_client().get("/ontology/Objective").headers["Location"] == "/ontology#Objective"
