"""What features about ties write: a speaker named before "said" is a person, not a partner
('"They have been the strongest sister cities ever since," Kane said'), and a date in a
sentence's own clause ("Xi first visited the US in 1985, ... under a sister-city
relationship between Iowa and Hebei") is no opening phrase dating every tie of the
sentence. Sentences written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, text_ties

from citydip.ingest.text.registry import Registry


def test_a_speaker_is_no_partner(registry: Registry) -> None:
    text = (
        "Sister cities matter to Iowa. Xi went to Muscatine, Iowa, under a sister-city "
        "relationship between Iowa and Hebei province.\n"
        '"They have been the strongest sister cities ever since," Kane said of the '
        "relationship between Hebei and Iowa, set up in 1983."
    )
    found = text_ties(text, registry)
    assert set(found) == {pair("Iowa", "Hebei")}


def test_a_clause_date_is_no_opening_phrase(registry: Registry) -> None:
    text = (
        "Sister cities matter. Xi first visited the US in 1985 at the age of 27, going to "
        "Muscatine, Iowa, under a sister-city relationship between Iowa and Hebei province."
    )
    found = text_ties(text, registry)
    assert set(found) == {pair("Iowa", "Hebei")}
    assert found[pair("Iowa", "Hebei")].year is None
    opening = "Sister cities matter. In 1985, Iowa formed a sister-state relationship with Hebei."
    assert text_ties(opening, registry)[pair("Iowa", "Hebei")].year == 1985


def test_a_partner_named_by_the_tie_noun_is_no_plan(registry: Registry) -> None:
    text = (
        "A Whanganui delegation to Japanese sister city Nagaizumi-cho for the anniversary "
        "will strengthen friendship and explore trade and school links, the mayor says."
    )
    assert {c.status for c in text_ties(text, registry).values()} == {"active"}
    planned = "Whanganui will become a sister city of Nagaizumi next year."
    assert {c.status for c in text_ties(planned, registry).values()} == {"proposed"}


def test_a_made_up_twin_is_no_tie(registry: Registry) -> None:
    from citydip.ingest.text.extract import extract_claims

    text = (
        "Wallingford is twinned with Luxeuil-les-Bains in France and Bad Wurzach in "
        "Germany, and with the fictional town of Midsomer."
    )
    claims = extract_claims(text + "\n", registry)
    assert {(c.type, c.object.name if c.object else "") for c in claims} == {
        ("tie", "Luxeuil-les-Bains"),
        ("tie", "Bad Wurzach"),
        ("non_tie", "Midsomer"),
    }


def test_namesakes_qualified_by_state_and_country(registry: Registry) -> None:
    text = "Sister cities. Toledo, Ohio and Toledo, Spain have been sister cities since 1931."
    [tie] = text_ties(text, registry).values()
    assert tie.object is not None
    assert tie.subject.name == tie.object.name == "Toledo"
    assert {tie.subject.country, tie.object.country} == {"US", "ES"}
    assert tie.year == 1931


def test_two_places_joined_by_their_mayors_possessive(registry: Registry) -> None:
    text = (
        "Kiel's mayor Ulf Kämpfer and Gdynia's mayor Wojciech Szczurek signed a twinning "
        "agreement in 1990."
    )
    found = text_ties(text, registry)
    assert set(found) == {pair("Kiel", "Gdynia")}
    assert found[pair("Kiel", "Gdynia")].year == 1990


def test_generic_ties_between_two_places_dated(registry: Registry) -> None:
    text = "Sister cities matter. Ties between Shanghai and San Francisco date back to 1980."
    found = text_ties(text, registry)
    assert {p: c.year for p, c in found.items()} == {pair("Shanghai", "San Francisco"): 1980}
    trade = "Sister cities matter. Trade ties between Shanghai and San Francisco date back to 1980."
    assert not text_ties(trade, registry)
    grew = "Sister cities matter. Ties between Shanghai and San Francisco grew in 1980."
    assert not text_ties(grew, registry)


def test_a_preliminary_document_proposes(registry: Registry) -> None:
    for text in (
        "Kiel and Gdynia signed a letter of intent to form a sister city relationship.",
        "Kiel and Gdynia signed a memorandum of understanding to become sister cities.",
    ):
        assert {c.status for c in text_ties(text, registry).values()} == {"proposed"}, text
    signed = "Kiel and Gdynia signed an agreement to become sister cities."
    assert {c.status for c in text_ties(signed, registry).values()} == {"active"}


def test_a_text_that_writes_sister_city_with_a_hyphen_is_about_ties(registry: Registry) -> None:
    text = (
        "The council will sign a memorandum with Houston to take forward its sister-city "
        "partnership with Ahmedabad. Earlier, Ahmedabad had signed similar agreements with "
        "the American cities of Atlanta and Columbus."
    )
    found = text_ties(text, registry)
    assert {pair("Ahmedabad", "Atlanta"), pair("Ahmedabad", "Columbus")} <= set(found)
