"""List forms of city pages (issue 22, lists and pages), each on short texts written for
these tests: numbered and column-first lines, entry tables with detail columns, label
items, entry headings with their lines, intros without a colon, number groups, site-name
headings and names that are common words."""

from __future__ import annotations

from citydip.ingest.text.claims import ExtractedClaim
from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.normalise import number_at, year_at
from citydip.ingest.text.registry import Registry
from citydip.ingest.text.tokens import tokenize
from citydip.text import fold


def partners(claims: list[ExtractedClaim]) -> dict[str, tuple[str, int | None, str | None]]:
    return {
        c.object.name: (c.subject.name, c.year, c.kind)
        for c in claims
        if c.type == "tie" and c.object is not None
    }


def named(
    found: dict[str, tuple[str, int | None, str | None]], name: str
) -> tuple[str, int | None, str | None]:
    """The entry whose name starts with ``name`` ("Oita" for "Ōita Prefecture")."""
    return next(v for k, v in found.items() if fold(k).startswith(fold(name)))


def values(claims: list[ExtractedClaim], kind: str) -> dict[str, str | None]:
    return {c.subject.name: c.value for c in claims if c.type == kind}


def test_numbered_lines_with_a_country_column_and_their_own_kind(registry: Registry) -> None:
    text = (
        "Kaohsiung City Government - Sister Cities\n"
        "No Nation City Category Date\n"
        "1 United States Seattle City, Washington State Sister City 1984.5.7\n"
        "2 Japan Yokohama City Friendship City 2006.3.2\n"
    )
    found = partners(extract_claims(text, registry))
    assert found["Seattle"][0] == "Kaohsiung"
    assert found["Seattle"][1] == 1984 and found["Seattle"][2] == "sister"
    assert found["Yokohama"][1] == 2006 and found["Yokohama"][2] == "friendship"
    assert len(found) == 2  # the header line is no entry


def test_an_entry_table_with_detail_columns(registry: Registry) -> None:
    text = (
        "Mokpo City - Sister Cities\n\n"
        "Country | City | Population (1,000) |\n"
        "Area | Agreement Date | Features |\n"
        "Japan | Nagasaki | 410 | 405.9 | 1990. 6. 2 | Former trading port, shipyards |\n"
        "Mexico | Puebla | 1,690 | 534 | 2005. 10. 1 | Colonial centre |\n"
    )
    claims = extract_claims(text, registry)
    found = partners(claims)
    assert found["Nagasaki"][:2] == ("Mokpo", 1990)
    assert found["Puebla"][:2] == ("Mokpo", 2005)  # not "Mexico" (City)
    assert all(c.status == "active" for c in claims if c.type == "tie")  # "Former trading port"
    assert values(claims, "population") == {"Nagasaki": "410000", "Puebla": "1690000"}


def test_label_items_open_frames_of_their_kind(registry: Registry) -> None:
    text = (
        "Gimhae City\n\n"
        "International Exchange Cities\n"
        "Signed an Agreement, Area, Characteristics of the Region\n"
        "Sister Cities Japan Munakata-shi\n"
        "  • Hot springs and beaches\n"
        "  • Bed Town of Fukuoka\n"
        "Friendly Exchange Cities China Jinan\n"
        "  • Provincial capital\n"
        "USA Irvine\n"
    )
    found = partners(extract_claims(text, registry))
    assert found["Munakata"][2] == "sister"
    assert found["Jinan"][2] == "friendship" and found["Irvine"][2] == "friendship"
    assert {v[0] for v in found.values()} <= {"Gimhae", "Kimhae"}  # not Fukuoka, in a bullet
    assert "Hot Springs" not in found and "Bed Town" not in found


def test_label_counts_take_the_label_kind(registry: Registry) -> None:
    text = (
        "Gyeongsangnam-do\n\n"
        "International relations - 5 cities in 3 countries\n"
        " • Sisterhood relationships : 2 cities in 2 countries\n"
        " • Oita Prefecture (12th May, 1998)\n"
        " • Partnerships : 3 cities in 1 country\n"
        " • Shaanxi Province (4th June, 2001)\n"
    )
    claims = extract_claims(text, registry)
    metrics = {c.value: c.metric for c in claims if c.type == "count"}
    assert metrics.get("2") == "sister" and metrics.get("3") == "partner"
    found = partners(claims)
    assert named(found, "Oita")[1:] == (1998, "sister")
    assert named(found, "Shaanxi")[1:] == (2001, "partner")


def test_entry_headings_and_the_lines_under_them(registry: Registry) -> None:
    text = (
        "Kielce\n\n"
        "Partner towns\n\n"
        "Winnica (Ukraine)\n\n"
        "Signing the agreement: 1995\n\n"
        "Population: 370 000 citizens\n\n"
        "Town hall\nul. Soborna 59\n\n"
        "Budapest, Hungary\n\n"
        "Budapest is the capital of Hungary. Partnership since 2001.\n\n"
        "Gotha (Germany)\n\n"
        "Population: about 45.000 citizens\n"
    )
    claims = extract_claims(text, registry)
    found = {k: v[:2] for k, v in partners(claims).items()}
    assert found.get("Budapest") == ("Kielce", 2001)
    assert found.get("Gotha") == ("Kielce", None)
    assert any(v == ("Kielce", 1995) for v in found.values())  # Winnica / Vinnytsia
    pops = values(claims, "population")
    assert pops.get("Gotha") == "45000"
    assert "370000" in pops.values()


def test_an_intro_without_a_colon_and_names_in_capitals(registry: Registry) -> None:
    text = (
        "Ipswich Twinning Association\n\n"
        "Ipswich has twinned with\n\n"
        "ARNHEM (Netherlands) since 1970\n\n"
        "LEHRTE (Germany) since 1982\n"
    )
    found = partners(extract_claims(text, registry))
    assert found["Arnhem"][:2] == ("Ipswich", 1970)
    assert found["Lehrte"][:2] == ("Ipswich", 1982)


def test_bulleted_partners_after_a_description(registry: Registry) -> None:
    text = (
        "Ravensburg keeps partnerships with four towns:\n"
        " • With the French town of Montelimar since 1963. Montelimar has around 39,000 "
        "inhabitants.\n"
        " • And with the Italian city of Brixen since 1970.\n"
    )
    claims = extract_claims(text, registry)
    found = partners(claims)
    assert found["Montélimar"][:2] == ("Ravensburg", 1963)
    assert {v[1] for v in found.values()} == {1963, 1970}
    assert values(claims, "population").get("Montélimar") == "39000"


def test_year_first_dates_and_grouped_numbers() -> None:
    assert year_at(tokenize("1983.4.11"), 0) == (1983, 1)
    assert year_at(tokenize("1994.11"), 0) == (1994, 1)
    assert year_at(tokenize("3.14"), 0) is None
    assert number_at(tokenize("12 645 citizens"), 0) == (12645.0, 2)
    assert number_at(tokenize("26.000 inhabitants"), 0) == (26000.0, 1)
    assert number_at(tokenize("3.5 km"), 0) == (3.5, 1)
    assert number_at(tokenize("12 645 metres"), 0) == (12.0, 1)


def test_no_label_inside_a_name_or_before_with(registry: Registry) -> None:
    text = (
        "Lincoln\n\n"
        "Highlights:\n"
        " • Sister Cities International honoured Lincoln's youth exchange\n"
        " • Twinning with Minsk suspended in 2022\n"
    )
    claims = extract_claims(text, registry)
    ties = [c for c in claims if c.type == "tie"]
    assert all(c.status == "suspended" for c in ties)  # no active tie from a label
    assert not any(c.object and c.object.name == "Lincoln" for c in ties)


def test_entry_lines_inside_a_block_of_prose(registry: Registry) -> None:
    text = (
        "Sister Cities\n"
        "We are proud to work with the communities of each of our sister cities around "
        "the world.\n"
        "Kagoshima, Japan | Gateway to the South\n"
        "Kagoshima is a port city facing an active volcano across the bay, known for its "
        "gardens.\n"
        "Learn more:\n"
        "Rivne, Ukraine\n"
        "Rivne is a regional centre in the north-west of the country, on the Ustia river, "
        "with a long history.\n"
    )
    claims = extract_claims("Perth\n\n" + text, registry)
    found = partners(claims)
    assert found["Kagoshima"][0] == "Perth" and found["Rivne"][0] == "Perth"
    assert not any(c.subject.name == "Kagoshima" for c in claims if c.type == "tie")


def test_names_with_hyphenated_particles_and_a_generic_noun_after(registry: Registry) -> None:
    text = (
        "Twinned towns\n\n"
        "Henley-on-Thames, England\n\n"
        "Our town has had links to Henley-on-Thames for many years and counts on them.\n\n"
        "Twin towns of Taichung:\n"
        "1 Republic of China Miaoli Country Sister City 2011.3.4\n"
    )
    found = partners(extract_claims("Falaise\n\n" + text, registry))
    assert "Henley-on-Thames" in found
    assert "Country" not in found  # "Miaoli Country" (a typo for County) names Miaoli
