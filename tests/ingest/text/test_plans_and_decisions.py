"""Decisions and plans news stories report: a suspension a council then turns into an ending
("voted to officially sever the longstanding relationship"), a plan cancelled ("cancels plan
to twin with"), a vote called off, ties to be made "within some months", a time span that is
no status ("over the past ten years"), where a side lies in brackets, an office holder named
near a place, and cooperation "between A and a number of cities". Sentences written for
these tests."""

from __future__ import annotations

from functools import partial

from tests.ingest.conftest import pair, text_ties

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry

found = partial(text_ties, kinds=("tie", "non_tie"))


def test_a_suspension_then_a_vote_to_sever(registry: Registry) -> None:
    text = (
        "Dubuque is twinned with Handan. In July, the committee of Dubuque decided to suspend "
        "the longtime relationship with Pyatigorsk, Russia.\n\nThat decision made its way to "
        "the City Council, which voted to officially sever the longstanding relationship."
    )
    ties_found = found(text, registry)
    assert ties_found[pair("Dubuque", "Pyatigorsk")].status == "ended"
    assert ties_found[pair("Dubuque", "Handan")].status == "active"


def test_a_suspension_alone_stays_a_suspension(registry: Registry) -> None:
    text = (
        "Dubuque is twinned with Handan. In July, the committee of Dubuque decided to suspend "
        "the longtime relationship with Pyatigorsk, Russia."
    )
    assert found(text, registry)[pair("Dubuque", "Pyatigorsk")].status == "suspended"


def test_a_cancelled_plan_is_no_tie(registry: Registry) -> None:
    tie = found("Amsterdam cancels plan to twin with Tel Aviv", registry)[
        pair("Amsterdam", "Tel Aviv")
    ]
    assert tie.type == "non_tie"


def test_a_cancelled_twinning_is_an_ended_tie(registry: Registry) -> None:
    text = "Oxford council cancelled its twinning with Perm in 2022."
    tie = found(text, registry)[pair("Oxford", "Perm")]
    assert (tie.type, tie.status) == ("tie", "ended")


def test_a_vote_called_off(registry: Registry) -> None:
    for text in (
        "Amsterdam called off a vote on a proposal to twin with Tel Aviv.",
        "The mayor scrapped the vote on a proposal to twin Amsterdam with Tel Aviv.",
    ):
        assert found(text, registry)[pair("Amsterdam", "Tel Aviv")].type == "non_tie"


def test_ties_a_city_will_also_establish(registry: Registry) -> None:
    text = "Kathmandu will also establish sister city relations with Dhaka within some months."
    assert found(text, registry)[pair("Kathmandu", "Dhaka")].status == "proposed"


def test_the_past_ten_years_is_no_status(registry: Registry) -> None:
    text = (
        "Cooperation between Hoi An and Wernigerode over the past ten years has helped "
        "strengthen their twinning relationship."
    )
    assert found(text, registry)[pair("Hoi An", "Wernigerode")].status == "active"


def test_a_past_twinning_is_still_an_ended_one(registry: Registry) -> None:
    text = "Lyon's past twinnings with Turin and Milan have lapsed."
    assert found(text, registry)[pair("Lyon", "Turin")].status == "ended"


def test_where_a_side_lies_in_brackets(registry: Registry) -> None:
    text = (
        "The 10th anniversary of the twinning relationship between Hoi An city (Quang Nam "
        "province, Vietnam) and Wernigerode city was marked in Wernigerode (Sachsen-Anhalt, "
        "Germany)."
    )
    assert set(found(text, registry)) == {pair("Hoi An", "Wernigerode")}


def test_a_consul_named_near_a_place_is_no_place(registry: Registry) -> None:
    text = (
        "The sister city plan was revealed by the Japanese Consul General in Medan, Daiki "
        "Yokoyama, in Banda Aceh."
    )
    named = {name for p in found(text, registry) for name in p}
    assert not {"Japanese Consul General", "Daiki Yokoyama"} & named


def test_cooperation_between_a_city_and_cities_unnamed(registry: Registry) -> None:
    text = (
        "The consulate in Medan is exploring sister city cooperation between Banda Aceh and a "
        "number of cities in Japan."
    )
    assert found(text, registry) == {}


def test_endings_announced(registry: Registry) -> None:
    for text in (
        "Wakefield twin partnerships with Nanning City and Xiangyang to be axed over concerns",
        "Oxford's twinning with Perm will be scrapped, it has been confirmed.",
        "Oxford's twinning with Perm is to be scrapped.",
    ):
        ties_found = found(text, registry)
        assert {t.status for t in ties_found.values()} == {"ended"}, text


def test_endings_asked_for_are_not_announced(registry: Registry) -> None:
    text = "Campaigners called for the twinning of Oxford with Perm to be suspended."
    assert found(text, registry)[pair("Oxford", "Perm")].status == "active"


def test_a_four_formal_relationships_list_after_a_dash(registry: Registry) -> None:
    text = (
        "Hobart is twinned with Yaizu. Hobart already has four formal international "
        "relationships - with Yaizu in Japan, L'Aquila in Italy, Xi'an and Fuzhou in China."
    )
    assert {pair("Hobart", "Fuzhou"), pair("Hobart", "Yaizu")} <= set(found(text, registry))


def test_a_newspaper_named_after_a_city_is_no_place(registry: Registry) -> None:
    text = (
        "Portland is twinned with Khabarovsk. Officials said cities should keep sister-city "
        "ties with their Russian partners, the New York Times reported."
    )
    assert set(found(text, registry)) == {pair("Portland", "Khabarovsk")}


def test_a_denial_in_another_clause_denies_no_tie(registry: Registry) -> None:
    text = (
        "Portland is twinned with Khabarovsk. The group says Russia has denied Ukrainian "
        "sovereignty but defends keeping a friendly relationship with Khabarovsk."
    )
    assert found(text, registry)[pair("Portland", "Khabarovsk")].type == "tie"


def test_a_list_after_a_verb_is_no_pair(registry: Registry) -> None:
    text = (
        "Portland is twinned with Khabarovsk. His criticism of the sister city ties was "
        "aimed at Chicago, Jacksonville, San Jose and San Diego."
    )
    assert set(found(text, registry)) == {pair("Portland", "Khabarovsk")}


def test_ties_with_one_country_are_no_count(registry: Registry) -> None:
    text = "Wakefield's twinning partnerships with two Chinese cities will be axed.\n"
    assert [c for c in extract_claims(text, registry) if c.type == "count"] == []


def test_a_tie_that_cannot_be_made_is_denied(registry: Registry) -> None:
    text = "The twinning of Oxford with Perm cannot be formalised."
    assert found(text, registry)[pair("Oxford", "Perm")].type == "non_tie"
