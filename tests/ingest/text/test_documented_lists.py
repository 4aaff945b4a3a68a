"""Lists as city documents lay them out: numbered items whose detail lines are indented
under them ("  1. Haarlemmermeer, the Netherlands" / "    Resolution 995 (December 2,
1992)"), a list "listed by year" whose first line looks like a heading and whose items
wrap after a comma, a heading with a label before a colon ("Documentation: ..."), "Local
sister-city relations", a "Protocol of Intent", document numbers that are no years, a
date in brackets that is no citation, a person with a middle initial, "City of Sta.
Josefa", a hyphenated name that is no pair. Lines written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, tie_states, ties

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry
from citydip.ingest.text.segment import prepare, segment

NUMBERED = """Documentation: Sister-city Relations of City Government of Cebu

Maria Clara N. Dimaculangan          POLSCI-4          MW 1:00-2:30
Sister-city Relations of City Government of Cebu

  1. Haarlemmermeer, the Netherlands
    Resolution No. 1706
    Resolution 995 (December 2, 1992)

  2. Yokohama, Japan
    Resolution No. 13-2253-2015

  3. Chula Vista, California, United States of America
    Resolution No. 00-3325

  4. Brisbane, Australia
    Protocol of Intent
    Resolution No. 1111

Local Sister-city Relations
  1. City of Sta. Josefa, Agusan del Sur
    Resolution No. 2092
"""


def test_indented_detail_lines_belong_to_their_item() -> None:
    norm, stop = prepare(NUMBERED)
    items = [norm[u.start : u.end] for u in segment(norm, stop) if u.kind == "item"]
    assert any(i.startswith("Haarlemmermeer") and i.endswith("1992)") for i in items)
    assert not any(i.startswith("Resolution") for i in items)


def test_a_numbered_list_of_a_city_document(registry: Registry) -> None:
    out = tie_states(NUMBERED, registry)
    subject = next(iter(next(iter(out)) - {"Haarlemmermeer", "Yokohama"}))
    assert "Cebu" in subject
    assert out[pair(subject, "Haarlemmermeer")] == ("active", 1992)  # not 1706, not ended
    assert out[pair(subject, "Yokohama")] == ("active", None)  # "13-2253-2015" is a number
    assert out[pair(subject, "Brisbane")][0] == "proposed"
    assert out[pair(subject, "Sta. Josefa")][0] == "active"  # "City of" and "Sta." kept right
    assert pair(subject, "Chula Vista") in out
    names = {n for p in out for n in p}
    assert not names & {"California", "Resolution No.", "Resolution No"}
    assert not any("Maria" in n or "Dimaculangan" in n for n in names)  # a person


BY_YEAR = """Sister Cities Of Fresno
Listed by year of affiliation:
1959 Tachikawa,
Tokyo Metropolitan Government,
Japan (December 14)
Our sister affiliation with Tachikawa is the oldest of our relationships.

1968 Mexicali, Baja California, Mexico (January 22)

1971 Villahermosa, Tabasco, Mexico (March 8)
2003 Goyang City, Gyeonggi
Province, Republic of Korea
1993 Yushu-Gilin Province, People's Republic of China (August 16)
"""


def test_a_list_by_year_its_first_line_no_heading(registry: Registry) -> None:
    out = tie_states(BY_YEAR, registry)
    by_partner = {n: v for p, v in out.items() for n in p if n != "Fresno"}
    assert by_partner["Tachikawa"] == ("active", 1959)
    assert by_partner["Mexicali"] == ("active", 1968)
    assert by_partner["Villahermosa"] == ("active", 1971)
    assert any(n.startswith("Goyang") and v == ("active", 2003) for n, v in by_partner.items())
    assert by_partner["Yushu"] == ("active", 1993)
    assert "Tokyo" not in by_partner and "Gilin Province" not in by_partner
    assert all(pair("Fresno", n) in out for n in by_partner)


def test_a_date_in_brackets_is_no_citation() -> None:
    norm, _ = prepare("Resolution 995 (December 2, 1992) and (Smith, 2019) here")
    assert "(December 2, 1992)" in norm
    assert "(Smith, 2019)" not in norm


def test_a_cooperation_and_friendship_heading_heads_ties(registry: Registry) -> None:
    text = (
        "Santiago is twinned with:\n- China Beijing, China[101]\n- Spain Madrid, Spain[106]\n\n"
        "Cooperation and friendship\n\n- France Paris, France[112]\n- Tunisia Tunis, Tunisia\n"
    )
    kinds = {p: c.kind for p, c in ties(extract_claims(text, registry)).items()}
    assert kinds[pair("Santiago", "Madrid")] == "sister"
    assert kinds[pair("Santiago", "Paris")] == "friendship"
    assert kinds[pair("Santiago", "Tunis")] == "friendship"


def test_one_partner_by_two_names_in_a_city_s_list(registry: Registry) -> None:
    text = (
        "Edmonton has entered into three twinning relationships:\n"
        "1. Gatineau/Hull, Quebec (June 21, 1965)\n2. Harbin, China (December 5, 1985)\n"
    )
    out = tie_states(text, registry)
    assert out[pair("Edmonton", "Gatineau")] == ("active", 1965)
    assert out[pair("Edmonton", "Harbin")] == ("active", 1985)
    assert pair("Gatineau", "Hull") not in out


def test_a_count_then_a_semicolon_list_of_as_many_places(registry: Registry) -> None:
    text = (
        "Lyon has four active Sister Cities registered with Sister Cities International; "
        "the cities of Toyokawa, Japan; Hsinchu, Taiwan; Copertino, Italy; and Leeds, UK.\n"
    )
    assert set(ties(extract_claims(text, registry))) == {
        pair("Lyon", "Toyokawa"),
        pair("Lyon", "Hsinchu"),
        pair("Lyon", "Copertino"),
        pair("Lyon", "Leeds"),
    }
    # three counted, four named: the list is not the count's
    fewer = text.replace("four", "three")
    assert not ties(extract_claims(fewer, registry))
