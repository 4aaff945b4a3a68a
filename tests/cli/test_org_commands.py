"""org in every format (members, coverage line, limit), orgs, network orgs, city memberships
on the world store with the shipped lists."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

COVERAGE = (
    "memberships recorded from: C40 list (2024-11-06), Eurocities list (2025-05-18), "
    "curated cities; other networks' members are recorded only for curated cities"
)


def test_org_json_lists_every_c40_member_placed(world_cli: Any) -> None:
    data = world_cli("org", "C40", "--format", "json").json()
    assert data["total"] == data["shown"] == len(data["members"]) >= 95 and data["more"] == 0
    assert all(m["member"]["lat"] is not None for m in data["members"])
    assert data["coverage"] == COVERAGE
    assert [m["source"] for m in data["lists"]] == ["c40-members-2024"]
    portland = next(m for m in data["members"] if m["listed_as"] == ["Portland"])
    assert portland["member"]["country"] == "US" and portland["member"]["lon"] < -115
    assert portland["as_of"] == "2024-11-06" and portland["details"]["tier"] == 3


def test_org_table_has_a_limit_a_more_line_and_the_coverage(world_cli: Any) -> None:
    out = world_cli("org", "Eurocities", "--limit", "10")
    assert out.exit_code == 0, out.stderr
    text = " ".join(out.stdout.split())
    total = world_cli("org", "Eurocities", "--format", "json").json()["total"]
    assert f"{total} members (showing 10)" in text
    assert f"{total - 10} more members not shown ({total} in all)" in text
    assert COVERAGE in text
    full = world_cli("org", "Eurocities", "--limit", "0")
    assert "more members not shown" not in full.stdout


def test_org_csv_md_and_geojson(world_cli: Any) -> None:
    rows = list(csv.DictReader(io.StringIO(world_cli("org", "C40", "-f", "csv").stdout)))
    assert len(rows) == 97 and {"lat", "lon", "as_of", "sources"} <= set(rows[0])
    assert all(r["lat"] for r in rows)
    md = world_cli("org", "C40", "-f", "md").stdout
    assert md.startswith("# C40 Cities Climate Leadership Group (C40)")
    assert COVERAGE in md and "47 more members not shown (97 in all)" in md
    assert md.count("\n| ") == 50 + 1  # header and 50 members (the default limit)
    geo = json.loads(world_cli("org", "C40", "-f", "geojson").stdout)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 97
    assert geo["unplaced"] == [] and geo["coverage"] == COVERAGE
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_orgs_lists_member_counts(world_cli: Any) -> None:
    data = world_cli("orgs", "--format", "json").json()
    counts = {o["id"]: o for o in data["organizations"]}
    assert counts["c40"]["members"] == 97 and counts["eurocities"]["members"] >= 200
    assert counts["gpm"]["members"] == 0 and counts["gpm"]["signatories"] >= 240
    assert data["coverage"]["line"] == COVERAGE
    table = world_cli("orgs", "C40")
    assert "C40 list (2024-11-06)" in " ".join(table.stdout.split())


def test_city_and_compare_show_memberships_from_the_lists(world_cli: Any) -> None:
    paris = world_cli("city", "Paris", "--format", "json").json()
    orgs = {m["organization"]["id"]: m for m in paris["memberships"]}
    assert {"c40", "eurocities"} <= set(orgs)
    text = json.dumps(orgs["c40"])
    assert "c40-members-2024" in text
    row = world_cli("compare", "Seoul", "Osaka", "--format", "json").json()
    cell = json.dumps(row)
    assert "Member of C40" in cell


def test_network_orgs_counts_shared_members(world_cli: Any) -> None:
    out = world_cli("network", "orgs", "--org", "C40", "--org", "Eurocities", "--format", "json")
    result = out.json()
    c40 = set(_ids(world_cli, "C40")) & set(_ids(world_cli, "Eurocities"))
    [pair] = result["pairs"]
    assert pair["shared"] == len(c40) > 5
    assert all(g["expected_degree"] > 0 for g in result["groups"])
    assert "configuration model" in result["expectation"]


def _ids(cli: Any, org: str) -> list[str]:
    return [m["member"]["id"] for m in cli("org", org, "--format", "json").json()["members"]]
