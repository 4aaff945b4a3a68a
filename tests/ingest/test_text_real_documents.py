"""More of what documents written by others need (issue 22), each on short sentences
written for these tests: headings run on into their text, tables of partners, lines that
pair two places, what became of a tie (cut, ended, suspended later, proposed), roles held
through a city's mayor, people who are no places, counts of members said after the
number, headlines, "along with", "recognise A and B as twin cities", "X, its sister city"."""

from __future__ import annotations

import pytest
from tests.ingest.conftest import pair, ties

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry
from citydip.ingest.text.segment import prepare, segment


@pytest.fixture
def registry(world_registry: Registry) -> Registry:
    return world_registry


def test_a_heading_line_runs_on_into_its_text() -> None:
    text = "Partner cities\nVilnius has partner relationships with Rome and Madrid.\n"
    norm, stop = prepare(text)
    kinds = [(u.kind, norm[u.start : u.end]) for u in segment(norm, stop)]
    assert kinds[0] == ("heading", "Partner cities")
    assert kinds[1][0] == "sentence"
    # hard-wrapped prose (the next line in lower case) is no heading
    wrapped = "Vilnius keeps ties\nwith Rome and Madrid.\n"
    norm, stop = prepare(wrapped)
    assert [u.kind for u in segment(norm, stop)] == ["sentence"]


def test_a_heading_on_its_own_line_gives_the_kind(registry: Registry) -> None:
    text = "Partner cities\nVilnius also has partner relationships with Rome, Madrid and Kraków.\n"
    found = ties(extract_claims(text, registry))
    assert set(found) == {
        pair("Vilnius", "Rome"),
        pair("Vilnius", "Madrid"),
        pair("Vilnius", "Kraków"),
    }


def test_a_table_of_partners_under_a_heading(registry: Registry) -> None:
    text = (
        "Kaunas is the second-largest city in Lithuania.\n\n"
        "Sister cities\n\n"
        "City\tCountry\tSince\n"
        "Lviv\tUkraine\t1992\n"
        "Porto Alegre\tBrazil\t2003\n"
    )
    found = ties(extract_claims(text, registry))
    assert found[pair("Kaunas", "Lviv")].year == 1992
    assert found[pair("Kaunas", "Porto Alegre")].year == 2003
    assert found[pair("Kaunas", "Lviv")].kind == "sister"


def test_a_table_without_a_header_under_a_city(registry: Registry) -> None:
    text = (
        "Sister cities and states\n\n"
        "Tokyo\n"
        "\tNew York City\tUnited States\tFebruary 29, 1960\n"
        "\tBeijing\tChina\tMarch 14, 1979\n"
    )
    found = ties(extract_claims(text, registry))
    assert found[pair("Tokyo", "Beijing")].year == 1979
    assert found[pair("Tokyo", "New York City")].kind == "sister"


def test_lines_that_pair_two_places(registry: Registry) -> None:
    text = "Sister cities\nDurban - Bremen, Germany\nDurban - Nantes, France\n"
    assert set(ties(extract_claims(text, registry))) == {
        pair("Durban", "Bremen"),
        pair("Durban", "Nantes"),
    }


def test_what_became_of_a_tie(registry: Registry) -> None:
    cut = ties(
        extract_claims(
            "The city of Wagga Wagga has cut ties with its Chinese sister city Kunming.", registry
        )
    )
    assert cut[pair("Wagga Wagga", "Kunming")].status == "ended"
    voted = ties(
        extract_claims(
            "Kunming and Wagga Wagga had been sister cities since 1988, but the council voted "
            "to terminate the agreement in 2020.",
            registry,
        )
    )
    tie = voted[pair("Wagga Wagga", "Kunming")]
    assert (tie.status, tie.year, tie.end_year) == ("ended", 1988, 2020)
    later = ties(
        extract_claims(
            "Gdańsk maintains relations with 14 partner cities, among them Bremen and "
            "Kaliningrad; the partnership with Kaliningrad was suspended in March 2022.",
            registry,
        )
    )
    assert later[pair("Gdańsk", "Kaliningrad")].status == "suspended"
    assert later[pair("Gdańsk", "Kaliningrad")].end_year == 2022
    assert later[pair("Gdańsk", "Bremen")].status == "active"
    active = ties(
        extract_claims(
            "Tel Aviv is twinned with Barcelona. Barcelona suspended relations with Tel Aviv "
            "in February 2023.",
            registry,
        )
    )
    assert active[pair("Tel Aviv", "Barcelona")].status == "suspended"


def test_a_status_belongs_to_its_own_clause(registry: Registry) -> None:
    text = (
        "Brighton's sister city is Lisbon, and in 2019 a second sister city, Bergen, was proposed."
    )
    found = ties(extract_claims(text, registry))
    assert found[pair("Brighton", "Lisbon")].status == "active"
    assert found[pair("Brighton", "Lisbon")].year is None
    assert found[pair("Brighton", "Bergen")].status == "proposed"


def test_a_tie_offered_is_proposed(registry: Registry) -> None:
    text = "Poltava is ready to become a twin city of Ganja, the mayor said on Tuesday."
    assert ties(extract_claims(text, registry))[pair("Poltava", "Ganja")].status == "proposed"
    text = "Exeter is in Devon.\n\nCouncillors voted on Tuesday to suspend the link with Yaroslavl."
    assert ties(extract_claims(text, registry))[pair("Exeter", "Yaroslavl")].status == "suspended"


def test_roles_held_through_a_mayor(registry: Registry) -> None:
    text = (
        "Mayors for Peace\n\n"
        "The Mayor of Hiroshima serves as President, and the Mayor of Nagasaki as "
        "Vice-President. The former mayor of Kyoto attended.\n"
    )
    roles = {
        c.subject.name: c.role
        for c in extract_claims(text, registry)
        if c.type == "membership" and c.object and c.object.name == "Mayors for Peace"
    }
    assert roles == {"Hiroshima": "president", "Nagasaki": "executive"}
    text = "Madison Mayor Satya Rhodes-Conway has been named chair of Climate Mayors."
    claims = extract_claims(text, registry)
    assert [(c.subject.name, c.object and c.object.name, c.role) for c in claims] == [
        ("Madison", "Climate Mayors", "chair")
    ]


def test_co_presidents_named_as_mayors_of_a_list(registry: Registry) -> None:
    text = (
        "United Cities and Local Governments\n\n"
        "Its co-presidents are the mayors of Gdynia, Istanbul and Bogotá.\n"
    )
    members = {
        c.subject.name
        for c in extract_claims(text, registry)
        if c.type == "membership" and c.role == "president"
    }
    assert members == {"Gdynia", "Istanbul", "Bogotá"}


def test_a_prefix_and_a_place_are_one_place(registry: Registry) -> None:
    text = "Exeter has been twinned with Rennes since 1956 and with Bad Homburg since 1965."
    found = ties(extract_claims(text, registry))
    assert any("Bad Homburg" in name for key in found for name in key)
    assert not any(name == "Bad" for key in found for name in key)


def test_places_counted_as_members_later_in_the_clause(registry: Registry) -> None:
    text = (
        "ICLEI\n\nAs of 2020, more than 1,750 cities, towns and counties in 126 countries are "
        "a part of the ICLEI network. On 1 April, 88 cities joined."
    )
    counts = {c.value for c in extract_claims(text, registry) if c.type == "count"}
    assert "more than 1750" in counts
    assert not {v for v in counts if "88" in v}


def test_a_headline_is_read(registry: Registry) -> None:
    text = "Mayors for Peace now has 6,000 member cities\n\nThe network grew again this year.\n"
    counts = [
        (c.subject.name, c.value) for c in extract_claims(text, registry) if c.type == "count"
    ]
    assert counts == [("Mayors for Peace", "6000")]


def test_subjects_joined_by_along_with(registry: Registry) -> None:
    text = "Riga, along with Tallinn and Vilnius, joined the Covenant of Mayors in 2009."
    members = {c.subject.name for c in extract_claims(text, registry) if c.type == "membership"}
    assert members == {"Riga", "Tallinn", "Vilnius"}


def test_places_recognised_as_twins_by_a_council(registry: Registry) -> None:
    text = "Oxford City Council voted to recognise Padua and Ramallah as twin cities."
    assert set(ties(extract_claims(text, registry))) == {
        pair("Oxford", "Padua"),
        pair("Oxford", "Ramallah"),
    }


def test_its_sister_city_after_a_place(registry: Registry) -> None:
    text = "A delegation from Nagoya visited Los Angeles, its sister city since 1959."
    found = ties(extract_claims(text, registry))
    assert found[pair("Nagoya", "Los Angeles")].year == 1959


def test_a_counted_list_after_a_dash(registry: Registry) -> None:
    text = "Oxford has four twin cities - Bonn in Germany, Grenoble in France and Perm in Russia."
    assert set(ties(extract_claims(text, registry))) == {
        pair("Oxford", "Bonn"),
        pair("Oxford", "Grenoble"),
        pair("Oxford", "Perm"),
    }


def test_a_colon_list_separated_by_semicolons(registry: Registry) -> None:
    text = "Warsaw is twinned with: Berlin, Germany; Chicago, United States; Kyiv, Ukraine."
    assert set(ties(extract_claims(text, registry))) == {
        pair("Warsaw", "Berlin"),
        pair("Warsaw", "Chicago"),
        pair("Warsaw", "Kyiv"),
    }


def test_a_link_formed_with_and_a_year_that_is_another_partners(registry: Registry) -> None:
    text = "Exeter is in Devon. In 1989 a link was formed with Yaroslavl."
    assert ties(extract_claims(text, registry))[pair("Exeter", "Yaroslavl")].year == 1989
    text = "Gothenburg has friendship agreements with Shanghai (since 1986) and Chicago."
    found = ties(extract_claims(text, registry))
    assert found[pair("Gothenburg", "Shanghai")].year == 1986
    assert found[pair("Gothenburg", "Chicago")].year is None


def test_role_holders_listed_under_a_role_heading(registry: Registry) -> None:
    text = (
        "Mayors for Peace\n\n"
        "Executive cities\n"
        "Hiroshima (President)\n"
        "Nagasaki (Vice-President)\n"
        "Volgograd\n"
    )
    roles = {
        c.subject.name: c.role
        for c in extract_claims(text, registry)
        if c.type == "membership" and c.object and c.object.name == "Mayors for Peace"
    }
    assert roles == {"Hiroshima": "president", "Nagasaki": "executive", "Volgograd": "executive"}


def test_requests_turned_down_are_denied(registry: Registry) -> None:
    claims = extract_claims(
        "Wallingford turned down a request to twin with Vienna in 1970.", registry
    )
    assert [(c.type, c.object and c.object.name) for c in claims] == [("non_tie", "Vienna")]
    claims = extract_claims(
        "The city of Luxeuil-les-Bains declined an offer of twinning from Wallingford.", registry
    )
    assert {c.type for c in claims} == {"non_tie"}


def test_a_status_clause_names_its_partners(registry: Registry) -> None:
    text = (
        "Wagga Wagga\n\nWagga Wagga's sister cities are Kunming, Nördlingen and Pittsburg. "
        "The council resolved to end the Kunming relationship."
    )
    found = ties(extract_claims(text, registry))
    assert found[pair("Wagga Wagga", "Kunming")].status == "ended"
    assert found[pair("Wagga Wagga", "Nördlingen")].status == "active"


def test_a_line_listing_several_partners_and_dated_entries(registry: Registry) -> None:
    text = (
        "Warsaw\n\nPartner cities of Warsaw:\n"
        "Berlin (Germany), Budapest (Hungary), Kyiv (Ukraine)\n"
    )
    assert set(ties(extract_claims(text, registry))) == {
        pair("Warsaw", "Berlin"),
        pair("Warsaw", "Budapest"),
        pair("Warsaw", "Kyiv"),
    }
    text = "Warsaw\n\nPartner cities:\nBerlin, Germany - agreement signed on 12.08.1991\n"
    assert ties(extract_claims(text, registry))[pair("Warsaw", "Berlin")].year == 1991


def test_a_state_after_a_city_is_where_it_lies(registry: Registry) -> None:
    text = "Brighton's sister city program began in 2002 with Mecklenburg County, North Carolina."
    assert set(ties(extract_claims(text, registry))) == {pair("Brighton", "Mecklenburg County")}


def test_a_news_story_of_several_ties(registry: Registry) -> None:
    text = (
        "US-China sister city ties fray as tensions rise\n\n"
        "Los Angeles and Guangzhou became sister cities in 1981.\n\n"
        "In Texas, Houston has been paired with Shenzhen since 1986.\n\n"
        "Lawrence ended its partnership with Hangzhou last year, while St Louis kept its tie "
        "with Nanjing, which dates from 1979.\n"
    )
    found = ties(extract_claims(text, registry))
    assert found[pair("Houston", "Shenzhen")].year == 1986
    assert found[pair("St. Louis", "Nanjing")].year == 1979
    assert found[pair("Lawrence", "Hangzhou")].status == "ended"
    assert pair("Lawrence", "Nanjing") not in found


def test_a_later_sentence_dates_the_tie_and_a_council_owns_its(registry: Registry) -> None:
    text = (
        "Tasmania news\n\n"
        "Exeter City Council has suspended its twinning arrangement with the Russian city of "
        "Yaroslavl. The link was set up in 1989.\n\n"
        "The Central Highlands Council will end its sister city relationship with Ichinoseki, "
        "which began in 1993.\n"
    )
    found = ties(extract_claims(text, registry))
    tie = found[pair("Exeter", "Yaroslavl")]
    assert (tie.status, tie.year) == ("suspended", 1989)
    assert found[pair("Central Highlands", "Ichinoseki")].year == 1993


def test_lists_grouped_by_country_or_continent(registry: Registry) -> None:
    text = (
        "Warsaw\n\nSister cities of Warsaw:\n"
        "Germany: Berlin (1991), Düsseldorf (1989)\n"
        "USA – Chicago (1960)\n"
    )
    found = ties(extract_claims(text, registry))
    assert {k: v.year for k, v in found.items()} == {
        pair("Warsaw", "Berlin"): 1991,
        pair("Warsaw", "Düsseldorf"): 1989,
        pair("Warsaw", "Chicago"): 1960,
    }
    text = "Warsaw\n\nPartner cities\n\nEurope\nBerlin\nKyiv\n\nAsia\nSeoul\nTokyo\n"
    assert set(ties(extract_claims(text, registry))) == {
        pair("Warsaw", "Berlin"),
        pair("Warsaw", "Kyiv"),
        pair("Warsaw", "Seoul"),
        pair("Warsaw", "Tokyo"),
    }


def test_reported_ties_the_text_denies(registry: Registry) -> None:
    claims = extract_claims("Rumours that Leeds is twinned with Lyon are false.", registry)
    assert [c.type for c in claims] == ["non_tie"]
    claims = extract_claims(
        "A 2019 article claimed that Dusseldorf was twinned with Saint Petersburg. In fact, "
        "the two cities have never been twinned.",
        registry,
    )
    assert [c.type for c in claims] == ["non_tie"]
    claims = extract_claims("Kunming was once a sister city of Wagga Wagga.", registry)
    assert [c.status for c in claims if c.type == "tie"] == ["ended"]


def test_partner_cities_such_as(registry: Registry) -> None:
    text = "Warsaw has 25 partner cities, such as Berlin, Budapest and Kyiv."
    assert set(ties(extract_claims(text, registry))) == {
        pair("Warsaw", "Berlin"),
        pair("Warsaw", "Budapest"),
        pair("Warsaw", "Kyiv"),
    }


def test_an_organizations_count_of_members(registry: Registry) -> None:
    text = (
        "The Global Covenant of Mayors was formed in 2016. It now counts more than 10,000 "
        "cities and local governments."
    )
    counts = [
        (c.subject.name, c.value) for c in extract_claims(text, registry) if c.type == "count"
    ]
    assert counts == [("Global Covenant of Mayors for Climate & Energy", "more than 10000")]


def test_a_population_needs_a_population_context(registry: Registry) -> None:
    def populations(text: str) -> list[str]:
        return [c.value or "" for c in extract_claims(text, registry) if c.type == "population"]

    assert populations("Lyon is a city of 520,000 people.") == ["520000"]
    assert populations("Lyon, home to more than 2 million residents, hosted it.") == ["2000000"]
    assert populations("Lyon is in France. More than 5,000 people attended the festival.") == []
    assert populations("Lyon is in France. The floods displaced 50,000 residents.") == []


def test_counts_of_ties_said_otherwise(registry: Registry) -> None:
    def counts(text: str) -> list[tuple[str, str]]:
        claims = extract_claims(text, registry)
        return [(c.subject.name, c.value or "") for c in claims if c.type == "count"]

    text = "Tokyo has sister-city agreements with the following 12 cities and states."
    assert counts(text) == [("Tokyo", "12")]
    assert counts("Brighton, Colorado has one sister city.") == [("Brighton", "1")]
    text = "Wagga Wagga Council voted to cut ties with Kunming, one of its four sister cities."
    assert counts(text) == [("Wagga Wagga", "4")]


def test_a_dashed_pair_and_a_place_of_another_clause(registry: Registry) -> None:
    text = "The Wagga Wagga-Kunming sister city relationship ended in 2020."
    assert ties(extract_claims(text, registry))[pair("Wagga Wagga", "Kunming")].status == "ended"
    text = "Luxeuil-les-Bains, twin town of Wallingford, lies in the Vosges."
    assert set(ties(extract_claims(text, registry))) == {pair("Luxeuil-les-Bains", "Wallingford")}


def test_memberships_said_otherwise(registry: Registry) -> None:
    def members(text: str) -> set[tuple[str, str, str | None]]:
        claims = extract_claims(text, registry)
        return {
            (c.subject.name, c.object.name, c.role)
            for c in claims
            if c.type == "membership" and c.object is not None
        }

    assert members("Bristol signed the Covenant of Mayors in 2009.") == {
        ("Bristol", "Covenant of Mayors", "member")
    }
    assert members("Bristol is one of the founding members of Eurocities.") == {
        ("Bristol", "Eurocities", "founder")
    }
    assert {m[0] for m in members("Member cities of Eurocities include Bristol and Lyon.")} == {
        "Bristol",
        "Lyon",
    }
    assert members("Madison's mayor was elected to chair Climate Mayors in 2024.") == {
        ("Madison", "Climate Mayors", "chair")
    }
