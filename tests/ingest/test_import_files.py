"""Pairs, tables and QID edge lists: claims, idempotence, snapshots, unresolved names."""

from __future__ import annotations

from pathlib import Path

import pytest

from citydip.ingest.edges import edges_batch
from citydip.ingest.importing import run_import, snapshots
from citydip.ingest.pairs import pairs_batch
from citydip.ingest.table import table_batch
from citydip.knowledge.conflicts import find_conflicts
from citydip.knowledge.reconcile import reconcile_ties
from citydip.store import Store

DATA = Path(__file__).resolve().parents[1] / "data"


def _tie_sources(store: Store, city: str, partner: str) -> set[str]:
    ties = [t for t in reconcile_ties(store, involving=city) if t.partner == partner]
    return set(ties[0].source_ids) if ties else set()


def test_pairs_land_on_curated_cities_and_merge_spellings(store: Store) -> None:
    summary = run_import(store, pairs_batch(store, DATA / "pairs-small.csv"))
    assert summary.added == 6
    assert "import-pairs-pairs-small" in _tie_sources(store, "yokohama", "san-diego")
    constanta = [
        c
        for c in store.claims(source_id="import-pairs-pairs-small")
        if "Constan" in (c.locator or "")
    ]
    # Constanţa (cedilla) and Constanța (comma below): one place, seen from both sides.
    others = {c.object if c.subject == "yokohama" else c.subject for c in constanta}
    assert len(others) == 1 and len(constanta) == 2
    assert {c.subject for c in constanta} == {"yokohama", *others}
    assert all(c.method == "imported" and c.kind == "unspecified" for c in constanta)


def test_reimport_adds_nothing(store: Store) -> None:
    run_import(store, pairs_batch(store, DATA / "pairs-small.csv"))
    before = (store.count("claims"), store.count("entities"), store.count("names"))
    again = run_import(store, pairs_batch(store, DATA / "pairs-small.csv"))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 6)
    assert (store.count("claims"), store.count("entities"), store.count("names")) == before
    assert len(snapshots(store, "import-pairs-pairs-small")) == 2


def test_newer_snapshot_withdraws_what_disappeared(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "pairs-small.csv"
    lines = (DATA / "pairs-small.csv").read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_import(store, pairs_batch(store, path))
    path.write_text("\n".join(line for line in lines if "Balikpapan" not in line) + "\n")
    newer = run_import(store, pairs_batch(store, path))
    assert newer.added == 0 and newer.updated == 1 and newer.unchanged == 5
    assert [(w["subject"], w["object"]) for w in newer.withdrawn] == [("balikpapan", "yokohama")]
    assert "import-pairs-pairs-small" not in _tie_sources(store, "yokohama", "balikpapan")
    assert snapshots(store, "import-pairs-pairs-small")[-1]["withdrawn"] == newer.withdrawn
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    restored = run_import(store, pairs_batch(store, path))
    assert (restored.added, restored.updated) == (0, 1)
    assert "import-pairs-pairs-small" in _tie_sources(store, "yokohama", "balikpapan")


def test_unresolved_names_become_claims_and_are_reported(store: Store) -> None:
    summary = run_import(store, pairs_batch(store, DATA / "pairs-small.csv"))
    assert [row["name"] for row in summary.unresolved_names] == ["Springfield"]
    entity_id = summary.unresolved_names[0]["entity"]
    assert entity_id == "name-us-springfield"
    claims = store.claims(subject=entity_id)
    assert claims and claims[0].object == "yokohama"
    assert claims[0].qualifiers["subject_status"] == "ambiguous"
    entity = store.entity(entity_id)
    assert entity is not None and "could not place" in (entity.description or "")
    assert (entity.country, entity.placement) == ("US", "unplaced")


def test_table_import_keeps_kinds_dates_and_urls(store: Store) -> None:
    batch = table_batch(store, DATA / "yokohama-table.csv", city="Yokohama", complete=False)
    summary = run_import(store, batch)
    assert summary.added == 5 and summary.unresolved == 1
    claims = {c.object: c for c in store.claims(source_id="import-table-yokohama-table")}
    assert claims["san-diego"].kind == "sister" and claims["san-diego"].start == "1957-10"
    assert claims["san-diego"].qualifiers["references"] == [
        {"url": "https://www.city.yokohama.lg.jp/"}
    ]
    assert claims["mumbai"].kind == "sister"
    source = store.source("import-table-yokohama-table")
    assert source is not None and source.kind == "official"


def test_jsonl_table_and_status_conflict(store: Store) -> None:
    run_import(store, table_batch(store, DATA / "yokohama-table.jsonl", city="Yokohama"))
    conflicts = find_conflicts(store, "yokohama")
    status = [c for c in conflicts if c.property == "tie status"]
    assert status and status[0].object is not None and status[0].object.id == "odesa"
    assert status[0].kind == "status"
    values = [v.value for v in status[0].values]
    assert values[0] == "suspended" and values[-1] == "listed as active"


def test_complete_table_becomes_the_official_list(store: Store) -> None:
    batch = table_batch(store, DATA / "yokohama-table.csv", city="Yokohama", complete=True)
    run_import(store, batch)
    source = store.source("import-table-yokohama-table")
    assert source is not None and source.lists_ties_of == "yokohama"


def _objects(conflicts, kind):  # type: ignore[no-untyped-def]
    return {c.object.id for c in conflicts if c.kind == kind and c.object is not None}


def test_official_list_conflicts_and_unconfirmed_notices(store: Store) -> None:
    run_import(store, pairs_batch(store, DATA / "pairs-small.csv"))
    yokohama = find_conflicts(store, "yokohama")
    assert "balikpapan" in _objects(yokohama, "official-list")
    assert "san-diego" not in _objects(yokohama, "official-list")
    taipei = find_conflicts(store, "taipei", kinds=["unconfirmed"])
    [cincinnati] = [c for c in taipei if c.object is not None and c.object.id == "cincinnati"]
    assert "same country" in cincinnati.note
    assert any(v.value.startswith("New Taipei") for v in cincinnati.values)
    # Yokohama lists San Diego, but San Diego lists nothing in this file: not one-sided.
    notices = find_conflicts(store, "yokohama", kinds=["unconfirmed"])
    assert "san-diego" not in _objects(notices, "unconfirmed")


def test_edges_with_names(store: Store, tmp_path: Path) -> None:
    edges = tmp_path / "relations.tsv"
    edges.write_text("Q38283\tQ24879\nQ24879\tQ38283\nQ38283\tQ999999999\n", encoding="utf-8")
    names = tmp_path / "names.tsv"
    names.write_text("Q24879\tBremen\n", encoding="utf-8")
    summary = run_import(store, edges_batch(store, edges, names))
    assert summary.added == 3
    objects = {c.object for c in store.claims(subject="yokohama", source_id=summary.source)}
    assert "wd-Q999999999" in objects
    assert any(store.entity(o) and store.entity(o).name == "Bremen" for o in objects)  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", ["sister", "partner"])
def test_table_kind_words(store: Store, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"partner,country,kind\nLyon,France,{kind} city\n", encoding="utf-8")
    run_import(store, table_batch(store, path, city="Yokohama"))
    assert store.claims(source_id="import-table-t")[0].kind == kind
