"""The comparison derives the essay's Table 1 from data, by rules that respond to the data."""

from __future__ import annotations

from typing import Any

from citydip.api import compare_cities
from citydip.store import Claim, Store


def _cells(store: Store) -> dict[str, dict[str, Any]]:
    data = compare_cities(store, ["Yokohama", "Taipei"]).to_dict()
    return {d["key"]: d["cells"] for d in data["dimensions"]}


def test_six_dimensions_each_cell_sourced(store: Store) -> None:
    data = compare_cities(store, ["Yokohama", "Taipei"]).to_dict()
    keys = [d["key"] for d in data["dimensions"]]
    for key in (
        "core_focus",
        "shared_attributes",
        "key_mechanisms",
        "network_participation",
        "sister_cities",
        "diplomatic_style",
    ):
        assert key in keys
    for dim in data["dimensions"][:6]:
        for city in ("Yokohama", "Taipei"):
            cell = dim["cells"][city]
            assert cell["text"] and cell["sources"], (dim["key"], city)
            assert all(s["title"] and s["kind"] for s in cell["sources"])


def test_table1_facts(store: Store) -> None:
    cells = _cells(store)
    y, t = "Yokohama", "Taipei"
    assert cells["core_focus"][y]["text"] == (
        "Technical cooperation, sustainable urban development and SDGs implementation."
    )
    assert "visibility" in cells["core_focus"][t]["text"]
    assert "cultural exchange" in cells["core_focus"][t]["text"].lower()
    assert "public–private partnership (Y-PORT" in cells["key_mechanisms"][y]["text"]
    assert "knowledge transfer" in cells["key_mechanisms"][y]["text"]
    for phrase in ("sister-city diplomacy", "cultural programmes", "global summits"):
        assert phrase in cells["key_mechanisms"][t]["text"].lower()
    for org in ("C40", "ICLEI", "CITYNET", "CNCA", "Mayors for Peace"):
        assert org in cells["network_participation"][y]["text"]
    for org in ("UCLG", "CITYNET", "SCI", "Mayors' Summit in Paris"):
        assert org in cells["network_participation"][t]["text"]
    assert "not a member of C40" in cells["network_participation"][t]["text"]
    assert cells["sister_cities"][y]["text"].startswith("8 sister/friendship cities")
    assert "7 of 8 partners are port cities" in cells["sister_cities"][y]["text"]
    assert "first San Diego (1957), latest Constanța (1977)" in cells["sister_cities"][y]["text"]
    assert cells["sister_cities"][t]["text"].startswith(
        "51 sister cities: 49 per Taipei City Government, Secretariat (2019-04-29) plus "
        "Prague (2020) and Basseterre (2025) signed since; sources state over 45, 48, 49, 52 and 53"
    )
    assert "on 5 continents" in cells["sister_cities"][t]["text"]
    assert cells["diplomatic_style"][y]["text"].startswith("Expertise-driven")
    assert cells["diplomatic_style"][t]["text"].startswith("Soft power–driven")
    assert "smart-city technology" in cells["shared_attributes"][y]["text"]
    assert cells["shared_attributes"][y]["text"] == cells["shared_attributes"][t]["text"]


def test_cells_follow_the_data(store: Store) -> None:
    """Add a water aim and large technical programmes to Taipei: focus and style follow."""
    before = _expertise(_cells(store)["diplomatic_style"]["Taipei"]["text"])
    with store.transaction():
        store.add_claim(
            Claim(
                subject="taipei",
                predicate="aim",
                value="Bring clean water to partner cities",
                source_id="wikidata-p190-2016",
                qualifiers={"themes": ["water"]},
            )
        )
        for i in range(4):
            store.add_claim(
                Claim(
                    subject="taipei",
                    predicate="runs_programme",
                    object="yscp",
                    source_id="wikidata-p190-2016",
                    value=str(i),
                    qualifiers={
                        "themes": ["water"],
                        "mechanisms": [
                            "technical-cooperation",
                            "knowledge-transfer",
                            "public-private-partnership",
                        ],
                    },
                )
            )
    cells = _cells(store)
    assert "water and sanitation" in cells["core_focus"]["Taipei"]["text"]
    # four programmes, each technical cooperation (2) and public-private partnership (2),
    # which Taipei had none of, plus running a programme (1): the codebook's weights
    assert _expertise(cells["diplomatic_style"]["Taipei"]["text"]) >= before + 4 * 5 - 1e-9


def _expertise(text: str) -> float:
    import re

    found = re.search(r"expertise score ([\d.]+)", text)
    assert found, text
    return float(found.group(1))


def test_three_cities(store: Store) -> None:
    data = compare_cities(store, ["Yokohama", "Taipei", "New York City"]).to_dict()
    assert [c["name"] for c in data["cities"]] == ["Yokohama", "Taipei", "New York City"]
    nyc = {d["key"]: d["cells"]["New York City"]["text"] for d in data["dimensions"]}
    assert "GOARN" in nyc["network_participation"]
    assert nyc["diplomatic_style"].startswith("Undetermined")
