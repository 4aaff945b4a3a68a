"""``citydip cities``, ``citydip org`` and ``city`` on a place with nothing recorded."""

from __future__ import annotations

from typing import Any

from tests.conftest import partners_in_csv


def test_cities_search_is_accent_and_case_insensitive_with_tie_counts(
    cli: Any, pairs_sample: Any
) -> None:
    assert cli("import", "pairs", str(pairs_sample), "-q").exit_code == 0
    for query in ("krakow", "KRAKÓW", "Kraków"):
        [hit, *_] = cli("cities", query, "-f", "json").json()
        assert (hit["name"], hit["country"]) == ("Kraków", "PL")
    assert hit["ties"] == len(partners_in_csv(pairs_sample, "Kraków"))
    [kyoto] = cli("cities", "kyoto", "-f", "json").json()
    assert kyoto["ties"] == len(partners_in_csv(pairs_sample, "Kyoto"))


def test_cities_country_filter_sort_and_limit(cli: Any, pairs_sample: Any) -> None:
    assert cli("import", "pairs", str(pairs_sample), "-q").exit_code == 0
    polish = cli("cities", "--country", "pl", "-f", "json").json()
    assert polish and {h["country"] for h in polish} == {"PL"}
    assert cli("cities", "--country", "Poland", "-f", "json").json() == polish
    ranked = cli("cities", "--limit", "10", "-f", "json").json()
    assert len(ranked) == 10
    assert [h["ties"] for h in ranked] == sorted((h["ties"] for h in ranked), reverse=True)
    assert ranked[0]["name"] == "Taipei"  # the curated store's best-documented city
    named = cli("cities", "--sort", "name", "--limit", "5", "-f", "json").json()
    assert [h["name"] for h in named] == sorted(h["name"] for h in named)
    table = cli("cities", "--country", "PL")
    assert "Kraków" in table.stdout and f"{len(polish)} places" in table.stdout
    csv_out = cli("cities", "kyoto", "-f", "csv").stdout.splitlines()
    assert csv_out[0] == "name,country,level,ties,population,id"
    assert csv_out[1].startswith("Kyoto,JP,")


def test_cities_unknown_country_is_one_line(cli: Any) -> None:
    out = cli("cities", "--country", "Narnia")
    assert out.exit_code == 2 and out.stdout == ""
    assert out.stderr == "country 'Narnia': give an ISO 3166 code such as JP, or its name\n"


def test_org_members_with_roles_and_sources(cli: Any) -> None:
    data = cli("org", "C40", "-f", "json").json()
    assert data["organization"]["acronym"] == "C40"
    [yokohama] = [m for m in data["members"] if m["member"]["name"] == "Yokohama"]
    assert yokohama["roles"] and yokohama["sources"]
    assert "yokohama-c40-page" in {s["id"] for s in yokohama["sources"]}
    goarn = cli("org", "GOARN", "-f", "csv").stdout.splitlines()
    assert goarn[0].startswith("member,member_id,type,country,roles,start,end,sources,")
    assert any(line.startswith("New York City,new-york-city,place,US,member") for line in goarn)
    table = cli("org", "GOARN").stdout
    assert "New York City" in table and "members" in table


def test_org_unknown_is_one_line_with_a_suggestion(cli: Any) -> None:
    out = cli("org", "C41")
    assert out.exit_code != 0 and out.stderr.startswith("no organization named 'C41'")


def test_city_with_nothing_recorded_is_one_line(cli: Any) -> None:
    out = cli("city", "Paris")
    assert out.exit_code == 0
    assert out.stdout.strip() == (
        "Paris (FR, city): no ties, memberships or activities recorded in this store."
    )
    assert cli("city", "Paris", "-f", "json").json()["ties"] == []


def test_merge_districts_counts_a_district_as_its_city(cli: Any) -> None:
    import sqlite3

    before = cli("cities", "Taipei", "-f", "json").json()
    [taipei] = [h for h in before if h["id"] == "taipei"]
    [district] = [h for h in cli("cities", "Shilin", "-f", "json").json() if h["id"] == "shilin"]
    with sqlite3.connect(cli.db_path) as conn:
        parent = conn.execute("SELECT parent FROM entities WHERE id = 'shilin'").fetchone()[0]
        own = {
            r[0]
            for r in conn.execute(
                "SELECT CASE WHEN subject = 'shilin' THEN object ELSE subject END FROM claims "
                "WHERE predicate = 'twinned_with' AND review = 'accepted' "
                "AND 'shilin' IN (subject, object)"
            )
        }
        theirs = {
            r[0]
            for r in conn.execute(
                "SELECT CASE WHEN subject = 'taipei' THEN object ELSE subject END FROM claims "
                "WHERE predicate = 'twinned_with' AND review = 'accepted' "
                "AND 'taipei' IN (subject, object)"
            )
        }
    assert parent == "taipei" and district["ties"] == len(own) > 0
    merged = cli("cities", "Taipei", "--merge-districts", "-f", "json").json()
    [whole] = [h for h in merged if h["id"] == "taipei"]
    assert whole["ties"] == len((theirs | own) - {"taipei", "shilin"}) > taipei["ties"]
    assert not [h for h in cli("cities", "Shilin", "--merge-districts", "-f", "json").json()]
