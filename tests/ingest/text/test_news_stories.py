"""What news stories about a tie write around it: "X is the twin of Y", a headline on a line
of its own above paragraphs that are each one long line, people named with their titles
("City Mayor Bernard Dy", "said Mohit Yadav, Consul General of India", "The New York City
Mayor, Eric Adams,"), dates with abbreviated months ("on Nov. 6, 2003"), a tie's start in a
relative clause ("the relationship ..., which began on ..."), a visit in the main clause of
a sentence whose apposition names the tie, a signed "Letter of Intent (LOI)" that is no
organization, and a place located "to the east of the capital of Seoul". Sentences written
for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair
from tests.ingest.conftest import text_ties as found

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry
from citydip.ingest.text.segment import prepare, segment


def test_is_the_twin_of(registry: Registry) -> None:
    text = "Milford Haven is the twin of Uman, in Ukraine, and Haverfordwest of Oberkirch."
    assert pair("Milford Haven", "Uman") in found(text, registry)


def test_the_twin_of_a_person_is_no_tie(registry: Registry) -> None:
    assert found("He is the twin of Mark Smith.", registry) == {}


def test_a_headline_above_one_line_paragraphs_is_a_heading() -> None:
    paragraph = (
        "CEBU, Philippines - To promote sharing of best practices in good governance and "
        "education, a sisterhood agreement was inked between the cities of Mandaue and Cauayan."
    )
    text = "Mandaue, Cauayan ink sisterhood agreement\n" + paragraph + "\n" + paragraph + "\n"
    norm, stop = prepare(text)
    units = segment(norm, stop)
    assert units[0].kind == "heading"
    assert norm[units[0].start : units[0].end] == "Mandaue, Cauayan ink sisterhood agreement"
    assert norm[units[1].start : units[1].end].startswith("CEBU")


def test_prose_wrapped_at_a_width_is_not_split_at_its_lines() -> None:
    text = (
        "Exeter has been twinned with Rennes since 1956, and the two cities\n"
        "exchange school groups every year. The link was renewed in 2006.\n"
    )
    norm, stop = prepare(text)
    first = segment(norm, stop)[0]
    assert norm[first.start : first.end].endswith("every year.")


def test_a_mayor_titled_inside_a_name_is_no_place(registry: Registry) -> None:
    text = (
        "Mandaue and Cauayan signed a friendship agreement. It was sealed by Cauayan City "
        "Mayor Bernard Faustino Dy in the People's Hall."
    )
    named = {name for p in found(text, registry) for name in p}
    assert not any("Mayor" in name or name == "Hall" for name in named)


def test_a_name_before_a_titled_apposition_is_a_person(registry: Registry) -> None:
    text = (
        "Ties will deepen with a sister city partnership between Aurangabad and Ingolstadt, "
        "said Mohit Yadav, Consul General of India in Munich."
    )
    assert set(found(text, registry)) == {pair("Aurangabad", "Ingolstadt")}


def test_a_mayor_named_after_his_title_and_a_comma(registry: Registry) -> None:
    text = (
        "The New York City Mayor, Eric Adams, will arrive in Abuja on Sunday. Officials had "
        "briefed Adams on the sister-city relationship with New York."
    )
    assert not any("Adams" in name for p in found(text, registry) for name in p)


def test_an_abbreviated_month_is_no_place_and_a_relative_clause_dates_the_tie(
    registry: Registry,
) -> None:
    text = (
        "A delegation from Yamanashi, Sioux City's sister city in Japan, will be in Sioux "
        "City on Nov. 16.\n\nThe delegates will celebrate the 20th anniversary of the "
        "relationship of the two cities, which began on Nov. 6, 2003."
    )
    tie = found(text, registry)[pair("Sioux City", "Yamanashi")]
    assert (tie.status, tie.year) == ("active", 2003)


def test_a_plan_in_the_main_clause_still_proposes_a_tie(registry: Registry) -> None:
    text = "Oxford will become a sister city of Perm."
    assert found(text, registry)[pair("Oxford", "Perm")].status == "proposed"


def test_a_signed_letter_of_intent_is_no_organization(registry: Registry) -> None:
    text = (
        "Aurangabad and Ingolstadt have signed a Letter of Intent (LOI) to form a sister "
        "city partnership."
    )
    claims = extract_claims(text + "\n", registry)
    assert not [c for c in claims if c.type == "membership"]


def test_a_place_located_far_from_a_capital_is_the_partner(registry: Registry) -> None:
    text = (
        "Hanam City, located to the east of the South Korean capital of Seoul, became Little "
        "Rock's sister city in 1992."
    )
    assert {p: c.year for p, c in found(text, registry).items()} == {
        pair("Little Rock", "Hanam"): 1992
    }


def test_its_namesake_in_a_country(registry: Registry) -> None:
    claims = extract_claims("Perth is twinned with its namesake in Scotland.\n", registry)
    tie = next(c for c in claims if c.type == "tie")
    assert tie.object is not None
    assert (tie.subject.name, tie.object.name) == ("Perth", "Perth")
    assert tie.subject.key != tie.object.key
    assert {tie.subject.country, tie.object.country} == {"AU", "GB"}


def test_a_namesake_in_an_unnamed_country_is_no_tie(registry: Registry) -> None:
    claims = extract_claims("Perth is twinned with its namesake in the north.\n", registry)
    assert [c for c in claims if c.type == "tie"] == []


def test_a_letter_of_intent_to_form_a_tie_proposes_it(registry: Registry) -> None:
    text = (
        "The Indian city Aurangabad in Maharashtra and Ingolstadt city in the Free State of "
        "Bavaria, Germany, have signed a Letter of Intent (LOI) to form a sister city "
        "partnership."
    )
    assert found(text, registry)[pair("Aurangabad", "Ingolstadt")].status == "proposed"


def test_a_twinning_having_taken_place_on_a_date(registry: Registry) -> None:
    text = (
        "The twinning agreement between Ballinamuck and Essert has seen many meetings.\n\n"
        '"This twinning, having taken place on Europe Day 1997, has proven a success," he '
        "said on the twenty-fifth anniversary."
    )
    assert found(text, registry)[pair("Ballinamuck", "Essert")].year == 1997


def test_a_signing_date_then_what_followed_since(registry: Registry) -> None:
    text = (
        "Dignitaries commemorated the 25th anniversary of sister city relations between Nara "
        "and Canberra.\n\nHis efforts led to the signing of the sister city agreement on Oct. "
        "27, 1993, under which the two cities have since been promoting exchanges.\n\nThe "
        "relationship brings together one of Australia's youngest cities with one of Japan's "
        "oldest."
    )
    claims = extract_claims(text + "\n", registry)
    assert [(c.type, c.year) for c in claims if c.type in ("tie", "first_tie")] == [("tie", 1993)]
