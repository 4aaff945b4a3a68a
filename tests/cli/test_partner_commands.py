"""``citydip recommend`` and ``citydip typology`` on the world store: every reason true."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import _runner

from citydip.analysis.geography import great_circle_km
from citydip.analysis.network.graph import build_network
from citydip.gazetteer.geonames import continent_of, country_name
from citydip.store.database import Store, open_store


@pytest.fixture(scope="module")
def partners_db(world_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The world store with the partner model fitted and kept (once for this module)."""
    from citydip.api import recommend_partners

    path = tmp_path_factory.mktemp("partners") / "citydip.db"
    path.write_bytes(world_db.read_bytes())
    with open_store(path) as store:
        recommend_partners(store, "Yokohama")
    return path


@pytest.fixture
def run(partners_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    return _runner(partners_db, tmp_path, monkeypatch, "partners.db")


@pytest.fixture
def store(partners_db: Path) -> Iterator[Store]:
    with open_store(partners_db) as s:
        yield s


def check_reasons(store: Store, data: dict[str, Any]) -> None:
    """Every suggestion is untied and every reason states a fact of the store's graph."""
    network = build_network(store)
    g = network.graph
    v = network.index[data["city"]["id"]]
    mine = set(g.neighbors(v))
    kind = data["kind"]
    of_kind = [p for p in mine if g.es[g.get_eid(v, p)]["kind"] == kind] if kind else []
    for s in data["suggestions"]:
        w = network.index[s["id"]]
        assert w not in mine and w != v
        shared = sorted(g.vs[p]["label"] for p in mine & set(g.neighbors(w)))
        assert s["shared_partners"] == shared
        for reason in s["reasons"]:
            if m := re.fullmatch(r"(\d+) shared partners?: (.+?)( and \d+ more)?", reason):
                assert int(m.group(1)) == len(shared)
                assert m.group(2).split(", ") == shared[:3]
            elif m := re.fullmatch(
                r"(\d) ties apart in the twinning graph \(no shared partner\)", reason
            ):
                assert not shared and g.distances(v, w)[0][0] == int(m.group(1))
            elif reason == "both port cities":
                assert g.vs[v]["port"] and g.vs[w]["port"]
            elif reason == "both capitals":
                assert g.vs[v]["capital"] and g.vs[w]["capital"]
            elif m := re.fullmatch(r"([\d,]+) km away \(.*median ([\d,]+) km\)", reason):
                km = great_circle_km(g.vs[v]["lat"], g.vs[v]["lon"], g.vs[w]["lat"], g.vs[w]["lon"])
                assert abs(int(m.group(1).replace(",", "")) - km) <= 1
            elif m := re.fullmatch(r"no (partner|\w+ tie) yet in (.+)", reason):
                group = mine if m.group(1) == "partner" else set(of_kind)
                countries = [g.vs[p]["country"] for p in group]
                continents = {g.vs[p]["continent"] for p in group}
                place = m.group(2)
                if place == continent_of(g.vs[w]["country"]):
                    assert place not in continents
                else:
                    assert country_name(g.vs[w]["country"]) == place
                    assert g.vs[w]["country"] not in countries
            elif m := re.fullmatch(r"already (\d+) (partners?|\w+ ties?) in (.+)", reason):
                group = mine if m.group(2).startswith("partner") else set(of_kind)
                countries = [g.vs[p]["country"] for p in group]
                assert country_name(g.vs[w]["country"]) == m.group(3)
                assert countries.count(g.vs[w]["country"]) == int(m.group(1))
            elif m := re.fullmatch(r"in the same country \((.+)\)", reason):
                assert g.vs[w]["country"] == g.vs[v]["country"]
            elif m := re.fullmatch(r"(\d+) ties? of its own", reason):
                assert g.degree(w) == int(m.group(1))
            elif reason.startswith("similar size: populations"):
                assert g.vs[v]["population"] and g.vs[w]["population"]
            elif reason.startswith("both in "):
                assert s["shared_memberships"]
            else:
                raise AssertionError(f"a reason no test checks: {reason}")


def test_recommend_gives_true_reasons(run: Any, store: Store) -> None:
    result = run("recommend", "Yokohama", "--format", "json", "--top", "10")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert len(data["suggestions"]) == 10
    scores = [s["score"] for s in data["suggestions"]]
    assert scores == sorted(scores, reverse=True)
    check_reasons(store, data)
    again = run("recommend", "Yokohama", "--format", "json", "--top", "10").json()
    assert again == data


def test_scope_kind_and_cousins(run: Any, store: Store) -> None:
    home = run("recommend", "Taipei", "--within-country", "--format", "json").json()
    assert home["suggestions"] and all(s["country"] == "TW" for s in home["suggestions"])
    abroad = run("recommend", "Taipei", "--abroad", "--kind", "sister", "--format", "json")
    assert abroad.exit_code == 0, abroad.stderr
    data = abroad.json()
    assert data["kind"] == "sister" and all(s["country"] != "TW" for s in data["suggestions"])
    check_reasons(store, data)
    cousins = run("recommend", "Bristol", "--cousins", "--format", "json").json()
    assert cousins["suggestions"]
    assert all(len(s["shared_partners"]) >= 2 for s in cousins["suggestions"])
    counts = [len(s["shared_partners"]) for s in cousins["suggestions"]]
    assert counts == sorted(counts, reverse=True)
    check_reasons(store, cousins)


def test_recommend_csv_md_and_table(run: Any) -> None:
    csv_out = run("recommend", "Yokohama", "--top", "3", "--format", "csv")
    assert csv_out.stdout.splitlines()[0].startswith("rank,id,name,country,score")
    assert len(csv_out.stdout.splitlines()) == 4
    md = run("recommend", "Yokohama", "--top", "3", "--format", "md")
    assert md.stdout.startswith("# Possible partners of Yokohama")
    table = run("recommend", "Yokohama", "--top", "3")
    assert "Possible partners of Yokohama" in table.stdout and "shared partner" in table.stdout


def test_bad_input_is_one_line(run: Any) -> None:
    unknown = run("recommend", "Tiapei")
    assert unknown.exit_code == 1 and unknown.stderr.count("\n") == 1
    assert "did you mean" in unknown.stderr
    bad_top = run("recommend", "Yokohama", "--top", "0")
    assert bad_top.exit_code == 2 and bad_top.stderr.startswith("--top:")
    unknown_source = run("recommend", "Yokohama", "--source", "nope")
    assert unknown_source.exit_code == 2
    assert unknown_source.stderr == "--source: no source with id 'nope'\n"


def test_recommend_from_one_source(run: Any) -> None:
    """--source keeps the ties one source states, as for evaluate: the model is fitted on
    them and the partners counted from them."""
    every = run("recommend", "Yokohama", "--format", "json").json()
    one = run("recommend", "Yokohama", "--source", "wikidata-p190-2016", "--format", "json")
    assert one.exit_code == 0, one.stderr
    data = one.json()
    assert data["model"].endswith("(stated by wikidata-p190-2016)")
    assert data["suggestions"] and data["partners"] <= every["partners"]
    assert "stated by" not in every["model"]


def test_typology_faces(run: Any) -> None:
    data = run("typology", "Taipei", "--format", "json").json()
    assert data["label"] == "soft-power-driven"
    assert {"claim", "source", "weight", "axis"} <= set(data["evidence"][0])
    md = run("typology", "Yokohama", "--format", "md").stdout
    assert md.startswith("# Diplomatic style of Yokohama") and "| axis |" in md
    thin = run("typology", "Bristol").stdout
    assert "low confidence" in thin and "missing:" in thin


def test_typology_bad_codebook_is_one_line(run: Any, tmp_path: Path) -> None:
    from citydip.analysis.typology_codebook import shipped_codebook_path

    text = shipped_codebook_path().read_text(encoding="utf-8")
    book = tmp_path / "mine.yaml"
    book.write_text(text.replace("weight: 2.0}", "weight: -2}", 1), encoding="utf-8")
    result = run("typology", "Yokohama", "--codebook", str(book))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert re.match(rf"{re.escape(str(book))}:\d+: weight: ", result.stderr)


def test_evaluate_runs_the_model_and_every_baseline(run: Any) -> None:
    args = ("recommend", "evaluate", "--source", "wikidata-p190-2016", "--seed", "3")
    result = run(*args, "--format", "json", "-q")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    methods = data["random"]["methods"]
    assert set(methods) == {
        "model",
        "adamic_adar",
        "preferential_attachment",
        "common_neighbours",
        "geographic_distance",
    }
    for m in methods.values():
        assert 0 <= m["auc"] <= 1 and 0 <= m["precision_at_10"] <= 1 and 0 <= m["mrr"] <= 1
    assert data["random"]["held_out"] == round(0.1 * data["ties"]) and data["seed"] == 3
    # the learned combination beats every single score on the crawl (issue #20)
    assert all(methods["model"]["auc"] > m["auc"] for k, m in methods.items() if k != "model")
    assert data["temporal"] is None and "start year" in data["temporal_note"]
    from citydip.report.partners import evaluation_text

    text = evaluation_text(data)
    assert "preferential_attachment" in text and "random split" in text


def test_evaluate_bad_input(cli: Any) -> None:
    star = cli("recommend", "evaluate", "--holdout", "0.2")  # curated: two stars, few to hide
    assert star.exit_code == 2 and "without leaving a place with none" in star.stderr
    small = cli("recommend", "evaluate", "--source", "essay-maturing-city-diplomacy")
    assert small.exit_code == 2 and small.stderr.startswith("too few ties to evaluate")
    unknown = cli("recommend", "evaluate", "--source", "nope")
    assert unknown.exit_code == 2 and unknown.stderr == "--source: no source with id 'nope'\n"
    holdout = cli("recommend", "evaluate", "--holdout", "1.5")
    assert holdout.exit_code == 2 and holdout.stderr.startswith("--holdout:")
    csv = cli("recommend", "evaluate", "--format", "csv")
    assert csv.exit_code == 2
    assert csv.stderr == (
        "--format: csv is not one of the formats of 'recommend evaluate': table, json\n"
    )


def test_a_city_with_no_ties(run: Any) -> None:
    result = run("recommend", "Batam")  # a Y-PORT partner, no twinning tie in any list
    assert result.exit_code == 1
    assert result.stderr == "Batam has no ties to suggest partners from\n"
