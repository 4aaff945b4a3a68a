"""A wrong choice in a query parameter is a 400 in the one error shape, naming the
parameter and the words it takes (written once, in ``citydip.vocabulary``)."""

from __future__ import annotations

from typing import Any

import pytest

from citydip import vocabulary


@pytest.mark.parametrize(
    ("url", "field", "allowed"),
    [
        ("/api/cities?q=yo&sort=size", "sort", vocabulary.CITY_SORTS),
        ("/api/network/top?by=closeness", "by", vocabulary.CENTRALITIES),
        ("/api/network/stats?kind=sister&kind=twin", "kind", vocabulary.TIE_KINDS),
        ("/api/network/stats?status=dead", "status", vocabulary.TIE_STATUSES),
        ("/api/network/stats?level=planet", "level", vocabulary.PLACE_LEVELS),
        ("/api/cities/Yokohama/recommendations?kind=twin", "kind", vocabulary.SUGGEST_KINDS),
    ],
)
def test_a_wrong_choice_is_a_400_naming_the_parameter(
    client: Any, url: str, field: str, allowed: tuple[str, ...]
) -> None:
    response = client.get(url)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "InvalidInput" and error["field"] == field
    assert all(repr(word) in error["message"] for word in allowed), error["message"]


def test_the_schema_offers_the_words_of_the_one_definition(client: Any) -> None:
    schema = client.get("/openapi.json").json()
    top = schema["paths"]["/api/network/top"]["get"]["parameters"]
    (by,) = [p for p in top if p["name"] == "by"]
    assert by["schema"]["enum"] == list(vocabulary.CENTRALITIES)
