"""Member lists, counts and populations of network pages and partner lists (issue 22,
lists and pages), on short texts written for these tests."""

from __future__ import annotations

from citydip.ingest.text.claims import ExtractedClaim
from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry


def members(claims: list[ExtractedClaim]) -> dict[str, tuple[str, str | None]]:
    return {
        c.subject.name: (c.object.name if c.object else "", c.role)
        for c in claims
        if c.type == "membership"
    }


def test_signatories_listed_in_pairs_are_members(registry: Registry) -> None:
    text = (
        "Covenant of Mayors: exchange programme announced\n\n"
        "Ten municipalities have been selected to take part in the Covenant of Mayors "
        "exchange programme.\n\n"
        "Selected signatories:\n"
        " • Ghent (Belgium) and Tartu (Estonia)\n"
        " • Lille Metropole (France) and Kaunas (Lithuania)\n"
        " • Porto (Portugal) and Valencia (Spain)\n\n"
        "The two twinnings between signatories will focus on adaptation.\n"
    )
    claims = extract_claims(text, registry)
    found = members(claims)
    assert {"Tartu", "Porto", "Valencia", "Lille", "Kaunas"} <= set(found)
    assert len(found) == 6  # and Ghent
    assert {org for org, _ in found.values()} == {"Covenant of Mayors"}
    assert not [c for c in claims if c.type == "count"]  # selected, not members; "between"
    assert not [c for c in claims if c.type == "tie"]  # exchange pairs are no twinnings


def test_cities_that_established_a_network_are_its_founders(registry: Registry) -> None:
    text = (
        "Eurocities\n\n"
        "Eurocities is a network of large cities, established in 1986 by the mayors of six "
        "cities: Barcelona, Birmingham, Frankfurt, Lyon, Milan and Rotterdam."
    )
    found = members(extract_claims(text, registry))
    assert found["Lyon"] == ("Eurocities", "founder")
    assert len(found) == 6


def test_an_infobox_member_count_is_the_networks(registry: Registry) -> None:
    text = (
        "Eurocities\n\n"
        "Formation | 1986 |\n"
        "Region served | Europe |\n"
        "Membership | 200 member cities |\n\n"
        "Eurocities is a network of large cities in Europe."
    )
    counts = {
        (c.subject.name, c.value) for c in extract_claims(text, registry) if c.type == "count"
    }
    assert ("Eurocities", "200") in counts


def test_ties_counted_worldwide_are_no_citys_but_a_networks_cities_are(
    registry: Registry,
) -> None:
    text = (
        "Bamberg keeps four partnerships. Since 1950, more than 20,000 twinning "
        "partnerships have been formed worldwide."
    )
    counts = {c.value for c in extract_claims(text, registry) if c.type == "count"}
    assert "4" in counts and not any("20000" in (v or "") for v in counts)
    text = "ICLEI is a network of 2,500 cities around the world."
    counts = {c.value for c in extract_claims(text, registry) if c.type == "count"}
    assert any("2500" in (v or "") for v in counts)


def test_a_population_belongs_to_the_place_the_sentence_opens_with(registry: Registry) -> None:
    text = (
        "Tübingen is twinned with these towns:\n"
        " • With Prizrem in Kosovo since 1968. Prizrem has a population of over 130,000.\n"
        " • With Kutna Hora since 2012. Kutna Hora lies east of Prague and has a "
        "population of around 21,000.\n"
    )
    pops = {
        c.subject.name: c.value for c in extract_claims(text, registry) if c.type == "population"
    }
    assert pops.get("Prizrem") == "130000"
    assert "Prague" not in pops and "Tübingen" not in pops
    assert "21000" in (next((v for k, v in pops.items() if k.startswith("Kutn")), "") or "")


def test_a_roster_after_an_announcing_sentence(registry: Registry) -> None:
    text = (
        "League news\n\n"
        "Here are the new members that have joined ALC this spring. Welcome them at our "
        "events!\n\n"
        "City of Tacoma, WA\nPop. 219,346\nMayor Jane Doe\n\n"
        "Town of Vail, CO\nPop. 4,835\nMayor John Roe\n\n"
        "Tacoma hosted the spring meeting, which many mayors attended.\n"
    )
    claims = extract_claims(text, registry)
    found = members(claims)
    assert found == {"Tacoma": ("ALC", "member"), "Vail": ("ALC", "member")}
    pops = {c.subject.name: c.value for c in claims if c.type == "population"}
    assert pops == {"Tacoma": "219346", "Vail": "4835"}


def test_a_countrys_count_of_ties(registry: Registry) -> None:
    text = (
        "Korea Has 150 Sister Cities with Japan\n\n"
        "In Canada, there are 76 sister cities with Japan. In Canada, 12 cities are members "
        "of the network."
    )
    claims = extract_claims(text, registry)
    counts = {(c.subject.name, c.value) for c in claims if c.type == "count"}
    assert ("Korea", "150") in counts or ("South Korea", "150") in counts
    assert ("Canada", "76") in counts
    assert not any(name == "Japan" for name, _ in counts)  # the ties are "with Japan"
    assert not any(value == "12" for _, value in counts)  # not ties


def test_a_citys_own_ties_worldwide_are_its_count(registry: Registry) -> None:
    text = "Lisbon has 20 sister cities and 4 friendship cities worldwide."
    counts = {
        (c.subject.name, c.value) for c in extract_claims(text, registry) if c.type == "count"
    }
    assert {("Lisbon", "20"), ("Lisbon", "4")} <= counts
