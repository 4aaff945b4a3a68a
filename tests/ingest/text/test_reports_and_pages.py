"""What city pages, reports and network news write: partners described by a demonym or their
country ("with British Portsmouth in 1950, with French Calais in 1964 and with Togo's capital
Lomé in 1973"), awards given in the passive or as a title ("The 2010 Europe Prize has been
awarded to the Ukrainian town of Kharkiv", "awarded the European Green Capital title"),
cities that "joined in 2019" the network a text is about, members a body announces without
naming them, and a city page whose first partner is a list item and the next ones headings.
Texts written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, ties
from tests.ingest.conftest import text_claims as claims

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry


def test_partners_described_by_demonym_or_country(registry: Registry) -> None:
    text = (
        "The German harbour city of Duisburg became twinned with British Portsmouth in 1950, "
        "with French Calais in 1964 and with Togo's capital Lomé in 1973."
    )
    found = {p: c.year for p, c in ties(extract_claims(text, registry)).items()}
    assert found == {
        pair("Duisburg", "Portsmouth"): 1950,
        pair("Duisburg", "Calais"): 1964,
        pair("Duisburg", "Lomé"): 1973,
    }


def test_an_award_given_in_the_passive(registry: Registry) -> None:
    text = "The 2010 Europe Prize has been awarded to the Ukrainian town of Kharkiv."
    found = {
        (c.subject.name, c.object.name if c.object else "") for c in claims(text, registry, "award")
    }
    assert found == {("Kharkiv", "Europe Prize")}


def test_an_award_given_as_a_title(registry: Registry) -> None:
    text = "Bristol was awarded the European Green Capital title in 2015."
    found = [
        (c.subject.name, c.object.name if c.object else "", c.year)
        for c in claims(text, registry, "award")
    ]
    assert found == [("Bristol", "European Green Capital", 2015)]


def test_a_visit_received_is_no_award(registry: Registry) -> None:
    assert claims("Lyon received the visit of the Mayor of Turin.", registry, "award") == []


NETWORK = """The Global Network of Learning Cities welcomes new members

The UNESCO Institute for Lifelong Learning is pleased to announce that 38 cities from 23
countries have become members of the UNESCO Global Network of Learning Cities in 2019.

Three Portuguese cities - Alcobaça, Setúbal and Cantanhede - joined in 2019, bringing the
country's number of member cities up to eleven.
"""


def test_cities_that_joined_the_network_of_the_text(registry: Registry) -> None:
    members = {c.subject.name for c in claims(NETWORK, registry, "membership")}
    assert members == {"Alcobaça", "Setúbal", "Cantanhede"}


def test_newcomers_counted_are_no_total(registry: Registry) -> None:
    assert claims(NETWORK, registry, "count") == []


def test_joining_something_else_is_no_membership(registry: Registry) -> None:
    assert claims("Oxford joined the celebrations in 2019.", registry, "membership") == []


PAGE = """At present, we are twinned with the following:

Schweinfurt, Germany

Schweinfurt is a town of 54,000 inhabitants in Bavaria. The twin city relationship was
established in 1974.

Koszalin, Poland

Koszalin is a town in northwest Poland. It has 106,000 residents. The twinning agreement was
signed in 1987.
"""


def test_a_city_page_of_partners_as_an_item_then_headings(registry: Registry) -> None:
    text = "Seinäjoki is a city in Finland.\n\n" + PAGE
    found = {p: c.year for p, c in ties(extract_claims(text, registry)).items()}
    assert found == {pair("Seinäjoki", "Schweinfurt"): 1974, pair("Seinäjoki", "Koszalin"): 1987}


def test_a_prize_named_with_its_year(registry: Registry) -> None:
    text = "The 2010 Europe Prize has been awarded to the Ukrainian town of Kharkiv."
    assert [c.year for c in claims(text, registry, "award")] == [2010]


def test_a_country_count_of_its_cities_ties(registry: Registry) -> None:
    text = "Australian cities and towns now have over 500 sister-city relationships globally."
    found = [(c.subject.name, c.subject.country, c.value) for c in claims(text, registry, "count")]
    assert found == [("Australia", "AU", "more than 500")]


ENTRIES = """Our Sister Cities

The City of Thunder Bay has Sister City arrangements which include:

  - Duluth, Minnesota
  - Gifu City, Japan

Duluth, Minnesota

In 1980, Thunder Bay linked with the port city of Duluth, population 85,000.

Gifu City, Japan

Our linkage with Gifu City continues the relationship with Yanaizu, Japan that began in 1998.
The university has run student exchanges with Lakehead University since 1988.
"""


def test_entry_lines_date_their_own_entry_only(registry: Registry) -> None:
    found = {p: c.year for p, c in ties(extract_claims(ENTRIES, registry)).items()}
    assert found[pair("Thunder Bay", "Duluth")] == 1980
    assert found[pair("Thunder Bay", "Gifu")] is None


BANDUNG = """Bandung's Sister Cities

There are currently six cities that are formally linked as Bandung's sisters: Braunschweig
(Germany), Fort Worth, Texas (USA), Suwon (South Korea), Hamamatsu (Japan), and Bari (Italy).
Braunschweig was the first city to sign a sister city cooperation agreement with Bandung. The
MOU for this cooperation was signed on May 24, 1960 by Braunschweig's city director.
Sister city agreement with the city of Suwon, South Korea, was signed on August 27, 1997.
"""


def test_a_page_of_a_city_s_sisters(registry: Registry) -> None:
    claimed = extract_claims(BANDUNG, registry)
    found = {p: c.year for p, c in ties(claimed, kinds=("tie", "first_tie")).items()}
    assert found[pair("Bandung", "Braunschweig")] == 1960
    assert found[pair("Bandung", "Suwon")] == 1997
    assert {pair("Bandung", "Hamamatsu"), pair("Bandung", "Bari")} <= set(found)
    assert pair("Braunschweig", "Suwon") not in found
    assert not any("Texas" in p for p in found)


def test_a_state_after_a_partner_is_where_it_lies(registry: Registry) -> None:
    text = "Manila ratified its sister city agreement with Honolulu, Hawaii, a lawmaker said."
    assert set(ties(extract_claims(text, registry))) == {pair("Manila", "Honolulu")}


def test_some_councillors_voting_against_denies_no_tie(registry: Registry) -> None:
    text = (
        "Twelve councillors voted against the arrangement with Liaocheng City, but South "
        "Ayrshire approved its friendship agreement with Liaocheng."
    )
    assert claims(text, registry, "non_tie") == []


RESOLUTION = """A RESOLUTION OF THE ANAHEIM CITY COUNCIL EXPRESSING SUPPORT FOR THE EXPLORATION OF A
FORMAL SISTER CITY RELATIONSHIP WITH PUDONG, CHINA

WHEREAS, the Sister City Program was inaugurated by the President of the United States in
1956 to foster greater friendship between the people of the United States and other nations;
and

WHEREAS, the City of Anaheim has participated in the Sister City program with the formation of
an official relationship with Mito, Japan in 1978; and
"""


def test_a_resolution_that_writes_sister_city_capitalised(registry: Registry) -> None:
    found = ties(extract_claims(RESOLUTION, registry))
    assert (found[pair("Anaheim", "Mito")].year, found[pair("Anaheim", "Mito")].status) == (
        1978,
        "active",
    )
    assert found[pair("Anaheim", "Pudong")].year is None  # the programme's 1956, not the tie's


def test_a_city_announced_as_a_title_holder(registry: Registry) -> None:
    text = (
        "Tirana is the capital of Albania. The city was announced as the European Youth "
        "Capital for 2022."
    )
    found = [
        (c.subject.name, c.object.name if c.object else "", c.year)
        for c in claims(text, registry, "award")
    ]
    assert found == [("Tirana", "European Youth Capital", 2022)]


def test_counts_that_share_a_country_count_s_noun(registry: Registry) -> None:
    text = "Twinning is back on track. France has 6,000 twinnings, Germany 5,000 and Italy 1,500."
    found = {(c.subject.name, c.value) for c in claims(text, registry, "count")}
    assert found == {("France", "6000"), ("Germany", "5000"), ("Italy", "1500")}
    other = "France has 6,000 twinnings, Germany 5,000 people."
    assert {c.subject.name for c in claims(other, registry, "count")} == {"France"}


def test_a_demonym_count_after_an_opening_word(registry: Registry) -> None:
    text = "Today, Australian cities and towns have over 500 sister city affiliations."
    found = {(c.subject.name, c.value) for c in claims(text, registry, "count")}
    assert found == {("Australia", "more than 500")}


def test_the_number_of_members_reached(registry: Registry) -> None:
    text = (
        "The Union of the Baltic Cities met in Gdynia. The number of Union member cities "
        "reached the figure 92."
    )
    found = {(c.subject.name, c.value, c.metric) for c in claims(text, registry, "count")}
    assert found == {("Union of Baltic Cities", "92", "members")}
    assert not claims("The number of cities reached 92.", registry, "count")


def test_one_of_a_counted_set(registry: Registry) -> None:
    text = "Kiel is one of the 12 sister cities of Gdynia."
    assert {(c.subject.name, c.value) for c in claims(text, registry, "count")} == {
        ("Gdynia", "12")
    }
    assert set(ties(extract_claims(text + "\n", registry))) == {pair("Kiel", "Gdynia")}
    after = "One of the 12 sister cities of Gdynia is Kiel."
    assert set(ties(extract_claims(after + "\n", registry))) == {pair("Kiel", "Gdynia")}
