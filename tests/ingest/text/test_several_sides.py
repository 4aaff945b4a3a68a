"""Accords of more than two places and partners named by groups: a "tripartite" accord ties
every two of its cities; "the German cities of A and B and the Polish city of C" ties each
place of one side with each of the other; "agreements with the American cities of A and B"
names two partners of the subject, not a pair; regions named by "the U.S. states of" are
partners; "an agreement on friendship and cooperation" names a tie in any text. Sentences
written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, text_ties

from citydip.ingest.text.registry import Registry


def test_a_tripartite_accord_ties_every_two(registry: Registry) -> None:
    text = (
        "Rustavi has sister cities. A tripartite agreement for cooperation and friendship "
        "between the Philippine cities of Cauayan and Santiago and the Georgian city of "
        "Rustavi was approved on June 6, 2014."
    )
    found = text_ties(text, registry)
    assert set(found) == {
        pair("Cauayan", "Santiago"),
        pair("Cauayan", "Rustavi"),
        pair("Santiago", "Rustavi"),
    }
    assert found[pair("Cauayan", "Rustavi")].kind == "friendship"


def test_a_trilateral_list_ties_every_two(registry: Registry) -> None:
    text = "A trilateral twinning agreement between Lyon, Turin and Kraków was signed in 2014."
    assert set(text_ties(text, registry)) == {
        pair("Lyon", "Turin"),
        pair("Lyon", "Kraków"),
        pair("Turin", "Kraków"),
    }


def test_two_sides_named_by_groups(registry: Registry) -> None:
    one = (
        "A sister city agreement between the German cities of Kiel and Bonn and the Polish "
        "city of Gdynia was approved in 2014."
    )
    assert set(text_ties(one, registry)) == {pair("Kiel", "Gdynia"), pair("Bonn", "Gdynia")}
    two = (
        "A sister city agreement between the German town of Kiel and the Polish cities of "
        "Gdynia and Sopot was approved in 2014."
    )
    assert set(text_ties(two, registry)) == {pair("Kiel", "Gdynia"), pair("Kiel", "Sopot")}


def test_a_council_name_is_no_side(registry: Registry) -> None:
    text = (
        "Sister cities. In 2006, a friendship city partnership agreement between Merri-bek "
        "City Council and the City of Canterbury - Bankstown was established."
    )
    found = text_ties(text, registry)
    assert pair("Merri-bek", "Bankstown") not in found
    assert len(found) == 1


def test_partners_named_after_a_group_noun(registry: Registry) -> None:
    text = (
        "Ahmedabad signed a sister city agreement with Houston. Earlier, it had signed "
        "agreements with the American cities of Atlanta and Columbus."
    )
    assert set(text_ties(text, registry)) == {
        pair("Ahmedabad", name) for name in ("Houston", "Atlanta", "Columbus")
    }
    signed_by = "The Twinning Pact was signed by the cities of Bucha and Bergamo."
    assert set(text_ties(signed_by, registry)) == {pair("Bucha", "Bergamo")}


def test_regions_named_after_a_region_noun(registry: Registry) -> None:
    text = (
        "South Jeolla has inked sister relationships with the U.S. states of Oregon and "
        "Hawaii and the Chinese provinces of Zhejiang and Jiangxi."
    )
    found = text_ties(text, registry)
    assert {pair("South Jeolla", "Oregon"), pair("South Jeolla", "Zhejiang")} <= set(found)


def test_a_formal_accord_of_friendship(registry: Registry) -> None:
    text = "An agreement on friendship and cooperation between Kiel and Gdynia was signed in 1990."
    found = text_ties(text, registry)
    assert set(found) == {pair("Kiel", "Gdynia")}
    assert found[pair("Kiel", "Gdynia")].year == 1990
    other = "A cooperation agreement between Kiel and Gdynia was signed in 1990."
    assert not text_ties(other, registry)
