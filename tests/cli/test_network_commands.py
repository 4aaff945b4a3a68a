"""``citydip network ...`` end to end on the curated store and on hand-built stores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from citydip.stores import build_store

STATS_KEYS = {
    "nodes",
    "edges",
    "components",
    "largest_component_nodes",
    "max_degree",
    "mean_degree",
    "degree_assortativity",
    "clustering_global",
    "triangles",
    "diameter",
    "mean_distance",
    "degree_gini",
    "power_law",
}


def test_stats_json_has_the_documented_keys(cli: Any) -> None:
    result = cli("network", "stats", "--format", "json", "-q")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert set(data) >= STATS_KEYS
    assert data["nodes"] > 50 and data["edges"] >= data["nodes"] - data["components"]
    assert data["diameter"] >= 1 and data["skipped"] == []


def test_stats_table_and_skip_heavy(cli: Any) -> None:
    result = cli("network", "stats", "--skip-heavy", "-q")
    assert result.exit_code == 0, result.stderr
    assert "largest_component_nodes" in result.stdout
    assert "skipped (--skip-heavy): diameter, mean_distance" in result.stdout


def test_city_json_for_yokohama(cli: Any) -> None:
    result = cli("network", "city", "Yokohama", "--format", "json", "-q")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data["city"]["country"] == "JP"
    assert data["partners"] == sum(data["degree_by_kind"].values())
    assert data["time"]["first"]["year"] == 1957  # San Diego, the essay's first tie
    assert data["reach"]["continents"] >= 4
    assert 0 < data["partner_profile"]["port_share"] <= 1
    assert data["centrality"]["degree"]["rank"] >= 1


def test_city_table(cli: Any) -> None:
    result = cli("network", "city", "Taipei", "-q", "--skip-heavy")
    assert result.exit_code == 0, result.stderr
    assert "Taipei (TW) in the network" in result.stdout
    assert "skipped (--skip-heavy)" in result.stdout


def test_unknown_city_is_one_line(cli: Any) -> None:
    result = cli("network", "city", "Atlantis-on-Sea")
    assert result.exit_code == 1
    assert result.stderr.startswith("no city named 'Atlantis-on-Sea'")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_filter_that_leaves_no_ties(cli: Any) -> None:
    result = cli("network", "stats", "--since", "2090")
    assert result.exit_code == 1
    assert result.stderr.startswith("the network is empty: none of the store's")
    assert result.stderr.count("\n") == 1
    city = cli(
        "network",
        "city",
        "Yokohama",
        "--kind",
        "joint-statement",
        "--since",
        "1950",
        "--until",
        "1951",
    )
    assert city.exit_code == 1
    assert city.stderr.startswith("the network is empty: none of the store's")


def test_city_outside_the_filtered_graph(cli: Any) -> None:
    result = cli("network", "city", "Yokohama", "--since", "1957", "--until", "1957", "-q")
    other = cli("network", "city", "Taipei", "--since", "1957", "--until", "1957", "-q")
    assert result.exit_code == 0, result.stderr
    assert other.exit_code == 1
    assert other.stderr == "Taipei has no ties in the network (started 1957–1957)\n"


def test_bad_filter_values_exit_2(cli: Any) -> None:
    result = cli("network", "stats", "--kind", "twin")
    assert result.exit_code == 2
    assert result.stderr.startswith("--kind: 'twin' is not one of sister")


def test_empty_store(tmp_path: Path, cli: Any) -> None:
    path = tmp_path / "empty.db"
    build_store(path, empty=True).close()
    result = cli("--db", str(path), "network", "stats")
    assert result.exit_code == 1
    assert result.stderr == "the network is empty: the store holds no twinning ties\n"


def test_stats_json_skip_heavy(cli: Any) -> None:
    result = cli("network", "stats", "--format", "json", "-q", "--skip-heavy")
    assert json.loads(result.stdout)["diameter"] is None


def test_homophily_communities_and_countries_json(cli: Any) -> None:
    h = cli("network", "homophily", "--format", "json")
    assert h.exit_code == 0, h.stderr
    assert h.json()["port"]["places"] >= 1 and h.json()["distance"]["random_pairs"] == 10_000
    c = cli("network", "communities", "--format", "json", "--top", "3")
    assert c.exit_code == 0, c.stderr
    assert len(c.json()["communities"]) == 3 and 0 < c.json()["modularity"] < 1
    k = cli("network", "countries", "--format", "json")
    assert k.exit_code == 0, k.stderr
    assert {"JP", "TW"} <= {x["country"] for x in k.json()["most_tied_countries"]}


def test_export_writes_files(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "ties.gexf"
    result = cli("network", "export", "gexf", str(out), "--communities")
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith('<?xml version="1.0"')
    assert 'title="community"' in out.read_text(encoding="utf-8")
    assert result.stdout.endswith(f"ties → {out}\n")
    csv_dir = tmp_path / "lists"
    assert cli("network", "export", "csv", str(csv_dir)).exit_code == 0
    assert (csv_dir / "nodes.csv").exists() and (csv_dir / "edges.csv").exists()


def test_export_to_an_unwritable_place(cli: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    result = cli("network", "export", "geojson", str(blocker / "x.geojson"))
    assert result.exit_code == 3  # I/O (README: exit codes)
    assert result.stderr.startswith(f"{blocker / 'x.geojson'}: cannot write")


def test_top_by_pagerank(cli: Any) -> None:
    result = cli("network", "top", "--by", "pagerank", "--limit", "3", "--format", "json", "-q")
    assert result.exit_code == 0, result.stderr
    rows = result.json()
    assert [r["rank"] for r in rows] == [1, 2, 3]
    assert rows[0]["pagerank"] >= rows[1]["pagerank"] >= rows[2]["pagerank"]
    bad = cli("network", "top", "--by", "closeness")
    assert bad.exit_code == 2 and "--by" in bad.stderr
    assert "'closeness' is not one of 'degree', 'betweenness'" in bad.stderr


def test_export_one_citys_ego_network_to_stdout(cli: Any) -> None:
    one = cli("network", "export", "geojson", "-", "--city", "Yokohama")
    assert one.exit_code == 0, one.stderr
    data = json.loads(one.stdout)
    places = {
        f["properties"]["label"] for f in data["features"] if f["properties"]["feature"] == "place"
    }
    lines = [f for f in data["features"] if f["properties"]["feature"] == "tie"]
    assert {"Yokohama", "San Diego", "Lyon"} <= places
    assert "Houston" not in places  # Taipei's partner, two steps away
    assert all(
        "Yokohama" in (f["properties"]["source_label"], f["properties"]["target_label"])
        or {f["properties"]["source_label"], f["properties"]["target_label"]} <= places
        for f in lines
    )
    assert one.stderr.endswith("ties → stdout\n")
    two = cli("network", "export", "geojson", "-", "--city", "横浜", "--depth", "2")
    places2 = {
        f["properties"]["label"]
        for f in json.loads(two.stdout)["features"]
        if f["properties"]["feature"] == "place"
    }
    assert places < places2 and "Houston" in places2  # via Taipei, a partner of Yokohama
    assert not (Path.cwd() / "-").exists()


def test_export_stdout_and_city_errors(cli: Any, tmp_path: Path) -> None:
    gexf = cli("network", "export", "gexf", "-", "--city", "Taipei")
    assert gexf.exit_code == 0 and gexf.stdout.startswith('<?xml version="1.0"')
    assert cli("network", "export", "csv", "-").exit_code == 2
    assert cli("network", "export", "gexf", str(tmp_path / "x"), "--depth", "2").exit_code == 2
    missing = cli("network", "export", "gexf", str(tmp_path / "x"), "--city", "Tiapei")
    assert missing.exit_code == 1 and "Taipei" in missing.stderr
    assert not (tmp_path / "x").exists()


def test_network_source_filter_keeps_one_sources_ties(cli: Any) -> None:
    every = cli("network", "stats", "--skip-heavy", "--format", "json", "-q")
    crawl = cli(
        "network", "stats", "--source", "wikidata-p190-2016", "--skip-heavy", "--format", "json"
    )
    assert every.exit_code == crawl.exit_code == 0, crawl.stderr
    assert 0 < crawl.json()["edges"] < every.json()["edges"]
    assert "stated by wikidata-p190-2016" in crawl.json()["filters"]
    nothing = cli("network", "stats", "--source", "no-such-source", "--skip-heavy")
    assert nothing.exit_code == 1 and "no-such-source" in nothing.stderr
