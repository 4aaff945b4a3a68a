"""Ties and their status in running prose (issue 22, ``prose.py`` and the tie rules), each on
short sentences written for these tests in the style of local news and council pages."""

from __future__ import annotations

from functools import partial

from tests.ingest.conftest import pair
from tests.ingest.conftest import ties as claims_by_pair

from citydip.ingest.text.claims import TIE_TYPES
from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry

# a title that makes a text one about ties (general nouns are read as ties only then)
TOPIC = "Town twinning news\n\n"


ties = partial(claims_by_pair, kinds=TIE_TYPES)  # first and latest ties too


def test_general_nouns_are_ties_only_in_a_text_about_ties(registry: Registry) -> None:
    sentence = "Wakefield has formally announced it is to end its agreement with Belgorod."
    assert pair("Wakefield", "Belgorod") in ties(extract_claims(TOPIC + sentence, registry))
    assert not ties(extract_claims("Business news\n\n" + sentence, registry))


def test_another_kind_of_accord_is_no_tie(registry: Registry) -> None:
    text = TOPIC + "Lyon also signed a cooperation agreement with Porto in 2018."
    assert pair("Lyon", "Porto") not in ties(extract_claims(text, registry))


def test_a_place_after_in_between_commas_says_where_the_subject_lies(
    registry: Registry,
) -> None:
    text = TOPIC + "Wakefield, in West Yorkshire, is to end its agreement with Belgorod."
    found = ties(extract_claims(text, registry))
    assert pair("Wakefield", "Belgorod") in found
    assert found[pair("Wakefield", "Belgorod")].status == "ended"  # "is to end": decided


def test_pausing_is_a_suspension(registry: Registry) -> None:
    text = TOPIC + "Exeter is pausing its links with Yaroslavl."
    assert ties(extract_claims(text, registry))[pair("Exeter", "Yaroslavl")].status == "suspended"


def test_an_apposition_after_the_partner_is_no_partner(registry: Registry) -> None:
    text = "Hounslow has been twinned with Leningradsky, a suburb of Moscow, since May 1989."
    found = ties(extract_claims(text, registry))
    assert pair("Hounslow", "Moscow") not in found
    assert found[pair("Hounslow", "Leningradsky")].year == 1989


def test_a_decision_to_abolish_ties_ends_them(registry: Registry) -> None:
    text = (
        "Hounslow has been twinned with Leningradsky since 1989. The cabinet voted at a "
        "meeting on September 20 to abolish its ties with Leningradsky."
    )
    found = ties(extract_claims(text, registry))
    assert found[pair("Hounslow", "Leningradsky")].status == "ended"


def test_a_call_to_cut_ties_and_a_repealed_decision_leave_them_active(
    registry: Registry,
) -> None:
    called = TOPIC + "A councillor said the war should prompt Penrith to cut ties with Kunshan."
    found = ties(extract_claims(called, registry))
    assert found[pair("Penrith", "Kunshan")].status in (None, "active")
    repealed = TOPIC + (
        "Earlier this year Wagga Wagga City Council decided to cut their relationship with "
        "the Chinese city of Kunming, then repealed the decision."
    )
    found = ties(extract_claims(repealed, registry))
    assert found[pair("Wagga Wagga", "Kunming")].status in (None, "active")


def test_a_passive_status_names_an_agent_not_a_partner(registry: Registry) -> None:
    text = (
        "For 36 years Glasgow had been twinned with the Russian city of Rostov-on-Don. "
        "But hours after the invasion the arrangement was suspended by the council leader, "
        "Susan Aitken."
    )
    found = ties(extract_claims(text, registry))
    assert found[pair("Glasgow", "Rostov-on-Don")].status == "suspended"


def test_a_noun_after_twinning_before_with(registry: Registry) -> None:
    text = "Cheltenham suspended its twinning activities with the Black Sea resort of Sochi."
    found = ties(extract_claims(text, registry))
    assert found[pair("Cheltenham", "Sochi")].status == "suspended"


def test_the_subject_of_a_second_coordinated_verb(registry: Registry) -> None:
    text = (
        "Changde also donated medical materials to Anuradhapura and started working with "
        "sister cities of Bucheon and Wonju."
    )
    subjects = {c.subject.name for c in ties(extract_claims(text, registry)).values()}
    assert subjects == {"Changde"}


def test_a_year_the_clause_opens_with_and_a_year_counted_back(registry: Registry) -> None:
    text = (
        "Le Mans and Paderborn have long been close; since 1967, they have been formally "
        "twinned. City partnerships took off in 1951. A year earlier, Ludwigsburg and "
        "Montbéliard had sealed the first official partnership between a German and a "
        "French town."
    )
    found = ties(extract_claims(text, registry))
    assert found[pair("Le Mans", "Paderborn")].year == 1967
    assert found[pair("Ludwigsburg", "Montbéliard")].year == 1950


def test_counted_partners_named_in_a_later_sentence_keep_their_year(
    registry: Registry,
) -> None:
    text = (
        "Worthing has been twinned with four small towns in the Elztal region since 1997.\n\n"
        "The twin towns of Elzach, Gutach, Simonswald and Waldkirch are holding a week of "
        "celebrations."
    )
    found = ties(extract_claims(text, registry))
    years = {name: c.year for key, c in found.items() for name in key if name != "Worthing"}
    assert years == {"Elzach": 1997, "Gutach": 1997, "Simonswald": 1997, "Waldkirch": 1997}


def test_a_list_of_partners_after_a_colon(registry: Registry) -> None:
    text = TOPIC + (
        "Hounslow will retain its relationships with four other partners: Ramallah, in "
        "Palestine; Lahore, in Pakistan; and Issy-les-Moulineaux, in France."
    )
    partners = {n for key in ties(extract_claims(text, registry)) for n in key} - {"Hounslow"}
    assert {"Ramallah", "Lahore"} <= partners
    assert "Moulineaux" not in partners  # the tail of a hyphenated name


def test_includes_after_a_count_names_the_partners(registry: Registry) -> None:
    text = "Albany's five sister-city relationships include Gallipoli and the town of Peronne."
    partners = {n for key in ties(extract_claims(text, registry)) for n in key}
    assert "Gallipoli" in partners or "Gelibolu" in partners


def test_a_verb_with_its_object_then_with(registry: Registry) -> None:
    text = TOPIC + (
        "Canterbury is twinned with Vladimir. The association also links the city with "
        "Bloomington, Illinois."
    )
    assert pair("Canterbury", "Bloomington") in ties(extract_claims(text, registry))


def test_both_partners_of_an_unnamed_we_are_no_pair(registry: Registry) -> None:
    text = (
        "The mayor visited Alzey for the 60th anniversary of the town twinning. Alzey is a "
        'market town near Mainz. She said: "We are proud of our partnership with both '
        'Alzey and Cosne."'
    )
    assert pair("Alzey", "Cosne") not in {
        frozenset(n.split("-")[0] for n in key) for key in ties(extract_claims(text, registry))
    }


def test_the_owner_of_a_council_is_no_side_of_between(registry: Registry) -> None:
    text = TOPIC + (
        "The agreement between Clover Moore's City of Sydney council and the Chinese city of "
        "Guangzhou is being investigated."
    )
    found = ties(extract_claims(text, registry))
    assert pair("Sydney", "Guangzhou") in found
    assert not any("Moore" in n for key in found for n in key)


def test_the_twinning_of_a_with_b(registry: Registry) -> None:
    text = "The twinning of Coventry with Dresden was sealed in 1959."
    assert ties(extract_claims(text, registry))[pair("Coventry", "Dresden")].year == 1959


def test_an_elided_second_pair_and_so_are(registry: Registry) -> None:
    text = "Kyiv and Kraków signed a partnership agreement in 1993, and Kyiv and Vilnius in 1991."
    assert ties(extract_claims(text, registry))[pair("Kyiv", "Vilnius")].year == 1991
    text = "Edinburgh and Kraków are twin cities; so are Edinburgh and Munich."
    assert pair("Edinburgh", "Munich") in ties(extract_claims(text, registry))
    text = (
        "Dresden and Coventry were first linked in 1959; Dresden and Strasbourg followed in 1990."
    )
    found = ties(extract_claims(text, registry))
    assert found[pair("Dresden", "Coventry")].year == 1959
    assert found[pair("Dresden", "Strasbourg")].year == 1990


def test_a_report_denied_before_or_after_is_a_denied_tie(registry: Registry) -> None:
    before = "There is no truth in reports that Salford is twinned with Lviv."
    after = "A post on social media claimed that Leeds was twinned with Kazan. It is not."
    for text, one, two in ((before, "Salford", "Lviv"), (after, "Leeds", "Kazan")):
        claims = extract_claims(text, registry)
        assert pair(one, two) not in ties(claims)
        assert any(c.type == "non_tie" for c in claims)


def test_a_denied_ending_leaves_the_tie_active(registry: Registry) -> None:
    for text in (
        "A spokesman denied that Leicester had severed its link with Krefeld.",
        "Reports that Dundee had cut ties with Nablus were denied by the council.",
    ):
        claims = extract_claims(text, registry)
        assert not any(c.type == "non_tie" for c in claims)
        assert all(c.status in (None, "active") for c in ties(claims).values())
        assert ties(claims)


def test_until_a_year_ends_a_tie_and_the_last_status_word_wins(registry: Registry) -> None:
    found = ties(extract_claims("Rostock was also twinned with Riga until 2015.", registry))
    tie = found[pair("Rostock", "Riga")]
    assert (tie.status, tie.end_year, tie.year) == ("ended", 2015, None)
    text = "Tartu's partnership with Pskov, frozen since 2022, was formally ended in 2024."
    tie = ties(extract_claims(text, registry))[pair("Tartu", "Pskov")]
    assert (tie.status, tie.end_year) == ("ended", 2024)


def test_partners_named_in_the_next_sentence(registry: Registry) -> None:
    text = "Malmö has twin towns across the Baltic. Among them are Gdańsk, Riga and Tallinn."
    partners = {n for key in ties(extract_claims(text, registry)) for n in key} - {"Malmö"}
    assert partners == {"Gdańsk", "Riga", "Tallinn"}  # and not "the Baltic"
    text = "Lorient has been twinned with five towns since 1990. They are Galway, Wismar, Vigo, "
    text += "Ventnor and Setúbal."
    found = ties(extract_claims(text, registry))
    assert {c.year for c in found.values()} == {1990} and len(found) == 5


def test_under_consideration_is_proposed(registry: Registry) -> None:
    text = "Stirling is considering a sister-city relationship with Dunedin."
    assert ties(extract_claims(text, registry))[pair("Stirling", "Dunedin")].status == "proposed"


def test_a_bare_tie_noun_between_two_places_named_before_it(registry: Registry) -> None:
    found = ties(
        extract_claims("Toulouse and Bristol have had a partnership since 1947.", registry)
    )
    assert found[pair("Toulouse", "Bristol")].year == 1947
    found = ties(extract_claims("Brest and Plymouth renewed their twinning in 2010.", registry))
    assert pair("Brest", "Plymouth") in found
    text = "Lyon and Porto will explore possibilities of partnership in culture."
    assert not ties(extract_claims(text, registry))


def test_linked_to_a_possessed_twin_and_among_its(registry: Registry) -> None:
    text = "Galway has been linked to Lorient since 1976."
    assert ties(extract_claims(text, registry))[pair("Galway", "Lorient")].year == 1976
    assert pair("Exeter", "Rennes") in ties(
        extract_claims("Exeter's twin, Rennes, sang.", registry)
    )
    text = "Norwich counts Rouen among its twin cities."
    assert pair("Norwich", "Rouen") in ties(extract_claims(text, registry))


def test_a_fronted_participle_and_a_contrast_inside_the_list(registry: Registry) -> None:
    text = "Twinned with Amiens since 1965, Darlington welcomed the mayor."
    assert ties(extract_claims(text, registry))[pair("Darlington", "Amiens")].year == 1965
    text = "Kagoshima's sister cities, like those of Nagoya, include Naples."
    assert set(ties(extract_claims(text, registry))) == {pair("Kagoshima", "Naples")}
    text = "Aarhus in brief\n\nSister cities: Turku, Bergen, Gothenburg and Reykjavik."
    subjects = {c.subject.name for c in ties(extract_claims(text, registry)).values()}
    assert subjects == {"Århus"}  # a list after a colon has no fronted subject


def test_a_sentence_repeating_the_last_tie_for_another_place(registry: Registry) -> None:
    text = "Kiel, a port on the Baltic, is twinned with Coventry. So is Dresden."
    assert set(ties(extract_claims(text, registry))) == {
        pair("Kiel", "Coventry"),
        pair("Dresden", "Coventry"),
    }
    text = "Coventry has been twinned with Stalingrad since 1944. Dresden followed in 1959 and "
    text += "Kiel in 1967."
    found = ties(extract_claims(text, registry))
    assert found[pair("Coventry", "Dresden")].year == 1959
    assert found[pair("Coventry", "Kiel")].year == 1967
    text = "In 2012 Omaha signed a sister city agreement with Šiauliai. Two years later, it added "
    text += "Naas."
    assert ties(extract_claims(text, registry))[pair("Omaha", "Naas")].year == 2014


def test_the_most_recent_and_their_twinning(registry: Registry) -> None:
    text = "Ostrava has several partner cities. The most recent is Katowice, which signed in 2012."
    assert ties(extract_claims(text, registry))[pair("Ostrava", "Katowice")].year == 2012
    text = "Bradford and Mönchengladbach are old friends. Their twinning dates from 1971."
    assert ties(extract_claims(text, registry))[pair("Bradford", "Mönchengladbach")].year == 1971


def test_not_with_one_but_with_another(registry: Registry) -> None:
    claims = extract_claims(
        "Salford said it was not twinned with Lviv, but with Narbonne.", registry
    )
    assert pair("Salford", "Narbonne") in ties(claims)
    assert pair("Salford", "Lviv") not in ties(claims)
    assert any(c.type == "non_tie" and c.object and c.object.name == "Lviv" for c in claims)


def test_a_bracketed_other_name_is_no_second_partner(registry: Registry) -> None:
    text = "Coventry twinned with Dresden and Volgograd (Stalingrad), a link which remains."
    partners = {n for key in ties(extract_claims(text, registry)) for n in key} - {"Coventry"}
    assert partners == {"Dresden", "Volgograd"}


def test_its_refers_to_the_place_of_its_clause(registry: Registry) -> None:
    text = "This is in contrast to Wallingford's relations with its German twin, Bad Wurzach."
    assert pair("Wallingford", "Bad Wurzach") in ties(extract_claims(text, registry))
    text = (
        "The Oxfordshire town of Wallingford is trying to break its twinning arrangement with "
        "the French town of Luxeuil-les-Bains."
    )
    assert pair("Wallingford", "Luxeuil-les-Bains") in ties(extract_claims(text, registry))
    text = TOPIC + (
        "Civic leaders in Wallingford, Oxfordshire, wrote in 2009, asking to break their ties "
        "with Luxeuil-les-Bains."
    )
    found = ties(extract_claims(text, registry))
    assert pair("Wallingford", "Luxeuil-les-Bains") in found
    assert found[pair("Wallingford", "Luxeuil-les-Bains")].status in (None, "active")


def test_between_a_few_words_after_the_cue(registry: Registry) -> None:
    text = (
        "The first formal twinning arrangement was made in the 1920s between Keighley in West "
        "Yorkshire and Poix-du-Nord in northern France."
    )
    assert pair("Keighley", "Poix-du-Nord") in ties(extract_claims(text, registry))


def test_the_city_under_a_title_naming_one_city(registry: Registry) -> None:
    text = (
        "Galway\n\nGalway is a harbour city in Ireland. Buses run to Limerick, Dublin and Cork, "
        "and many visitors come from Boston and New York.\n\nTwin towns\n\n"
        "The city is twinned with Lorient and Chicago."
    )
    subjects = {c.subject.name for c in ties(extract_claims(text, registry)).values()}
    assert subjects == {"Galway"}


def test_friendship_with_and_to_twin_a_with_b(registry: Registry) -> None:
    text = TOPIC + "Bergen's friendship with Seattle began in 1967."
    tie = ties(extract_claims(text, registry))[pair("Bergen", "Seattle")]
    assert (tie.kind, tie.year) == ("friendship", 1967)
    text = "The council will consider a proposal to twin Lowell with Lisbon next month."
    assert ties(extract_claims(text, registry))[pair("Lowell", "Lisbon")].status == "proposed"
    text = "Siegen and Leeds signed a friendship agreement in 1980."  # not read as "friendship"
    assert ties(extract_claims(text, registry))[pair("Siegen", "Leeds")].year == 1980
