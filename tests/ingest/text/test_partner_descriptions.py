"""A partner described before its name ("the German town Recklinghausen", "war-torn
Nablus") is still a partner, a region's name is no description ("British Columbia"); a move
thrown out is a tie denied; a text's first "the city" is the city its sentence named.
Sentences written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, ties

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry


def test_described_partners_in_a_list(registry: Registry) -> None:
    text = (
        "So far Lyon is twinned with Porto in Portugal, the German town Recklinghausen and "
        "the town of Kraków in Poland.\n"
    )
    found = ties(extract_claims(text, registry))
    assert set(found) == {pair("Lyon", p) for p in ("Porto", "Recklinghausen", "Kraków")}


def test_a_region_name_is_no_description(registry: Registry) -> None:
    text = "Lyon agreed to the twinning relationship with the City of Rossland, British Columbia.\n"
    found = ties(extract_claims(text, registry))
    assert not any("Columbia" in name for p in found for name in p)


def test_a_move_thrown_out_is_a_denied_tie(registry: Registry) -> None:
    text = "Councillors in Preston threw out a move to twin the city with war-torn Nablus.\n"
    claims = extract_claims(text, registry)
    assert pair("Preston", "Nablus") in ties(claims, ("non_tie",))
    assert pair("Preston", "Nablus") not in ties(claims)


def test_an_index_letter_does_not_hide_the_next_city(registry: Registry) -> None:
    text = (
        "Twin towns in Canada\n\nBurnaby\n\n- JPN Kushiro, Japan\n\n==C==\nCalgary\n\n"
        "- KOR Daejeon, South Korea\n- CHN Daqing, China\n"
    )
    found = ties(extract_claims(text, registry))
    assert pair("Calgary", "Daejeon") in found and pair("Calgary", "Daqing") in found
    assert pair("Burnaby", "Daejeon") not in found


def test_a_region_subheading_inside_a_list_keeps_its_frame(registry: Registry) -> None:
    text = (
        "Lyon\n\nTwin towns and sister cities\n\nLyon is twinned with:[1]\n\nUnited States\n\n"
        "- Boston, MA, United States (1961)\n\nOutside United States\n\n"
        "- Turin, Italy (1966)\n- Quito, Ecuador (2015/2016)\n"
    )
    found = ties(extract_claims(text, registry))
    assert set(found) == {pair("Lyon", p) for p in ("Boston", "Turin", "Quito")}
    quito = found[pair("Lyon", "Quito")]
    assert (quito.status, quito.year) == ("active", None)  # an uncertain year, no span


def test_a_motion_struck_down_is_a_denied_tie(registry: Registry) -> None:
    text = (
        "The Blaine City Council voted to strike down a motion to forge a sister city "
        "relationship with the city of Pugwash.\n"
    )
    claims = extract_claims(text, registry)
    assert pair("Blaine", "Pugwash") in ties(claims, ("non_tie",))
    assert pair("Blaine", "Pugwash") not in ties(claims)


def test_a_list_of_ties_until_a_year_ended(registry: Registry) -> None:
    text = (
        "Lyon\n\nTwin towns\n\nLyon is twinned with:\n- Turin, Italy\n\n"
        "Twin and friendly towns until 2022:[4]\n- Yaroslavl, Russia\n"
    )
    found = ties(extract_claims(text, registry))
    assert found[pair("Lyon", "Turin")].status == "active"
    assert found[pair("Lyon", "Yaroslavl")].status == "ended"
