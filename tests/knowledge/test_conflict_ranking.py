"""Conflicts ranked by severity, filtered, and unconfirmed ties kept out of the count."""

from __future__ import annotations

from pathlib import Path

from citydip.ingest.importing import run_import
from citydip.ingest.pairs import pairs_batch
from citydip.ingest.table import table_batch
from citydip.knowledge.conflicts import conflicts_citing, find_conflicts
from citydip.knowledge.lookup import find_entity
from citydip.store import Claim, Store

DATA = Path(__file__).resolve().parents[1] / "data"


def test_ranked_most_severe_first_with_taipei_counts_on_top(store: Store) -> None:
    ranked = find_conflicts(store)
    severities = [c.severity for c in ranked]
    assert severities == sorted(severities, reverse=True)
    top = ranked.conflicts[0]
    assert (top.subject.id, top.property, top.kind) == (
        "taipei",
        "sister count",
        "self-contradiction",
    )
    assert top.level == "high"
    assert {"53", "52", "49"} <= {v.value for v in top.values}


def test_limit_kind_and_min_severity(store: Store) -> None:
    everything = find_conflicts(store)
    page = find_conflicts(store, limit=3)
    assert len(page) == 3 and page.total == everything.total > 3
    assert [c.severity for c in page] == [c.severity for c in everything.conflicts[:3]]
    counts = find_conflicts(store, kinds=["count-vs-list"])
    assert counts.total and {c.kind for c in counts} == {"count-vs-list"}
    high = find_conflicts(store, min_severity=70)
    assert high.total and all(c.severity >= 70 for c in high)
    assert high.total < everything.total


def test_unconfirmed_ties_are_notices_not_conflicts(store: Store, pairs_sample: Path) -> None:
    before = find_conflicts(store)
    summary = run_import(store, pairs_batch(store, pairs_sample))
    after = find_conflicts(store)
    # Single-source, one-sided ties add no conflict...
    assert after.total == before.total
    assert summary.conflicts == conflicts_citing(store, summary.source) == 0
    # ...but stay visible, counted apart and listed by kind.
    assert after.not_counted["unconfirmed"] > before.not_counted.get("unconfirmed", 0)
    kyoto = find_entity(store, "Kyoto")
    notices = find_conflicts(store, kyoto.id, kinds=["unconfirmed"])
    [one_sided] = [c for c in notices if c.object is not None and c.object.name == "Prague"]
    assert one_sided.kind == "unconfirmed" and one_sided.level == "low"
    assert "one side only" in one_sided.note
    assert all(c.kind == "unconfirmed" for c in notices)


def test_an_import_summary_counts_the_real_conflicts_it_brings(store: Store) -> None:
    summary = run_import(store, table_batch(store, DATA / "yokohama-table.jsonl", city="Yokohama"))
    citing = [
        c
        for c in find_conflicts(store)
        if any(s["id"] == summary.source for v in c.values for s in v.sources)
    ]
    assert summary.conflicts == len(citing) > 0
    assert "status" in {c.kind for c in citing}


def test_a_new_kind_for_a_tie_is_a_tie_kind_conflict(store: Store) -> None:
    with store.transaction():
        store.add_claim(
            Claim(
                subject="yokohama",
                predicate="twinned_with",
                object="taipei",
                kind="friendship",
                source_id="wikidata-p190-2016",
            )
        )
    [kind] = [c for c in find_conflicts(store, "yokohama") if c.property == "tie kind"]
    assert {v.value for v in kind.values} == {"partner", "sister", "friendship"}
    assert kind.kind == "tie-kind"


def test_one_entity_sees_what_the_whole_store_says_about_it(sample_store: Store) -> None:
    """Asking about one entity reads only its ties and its partners', with the same result."""
    from citydip.knowledge.severity import ALL_KINDS

    def signature(c):  # type: ignore[no-untyped-def]
        pair = frozenset({c.subject.id, c.object.id if c.object else None})
        return (pair, c.property, c.kind, c.severity, len(c.values))

    everything = find_conflicts(sample_store, kinds=ALL_KINDS)
    for name in ("Kyoto", "Kraków", "Prague", "Taipei", "Yokohama"):
        entity = find_entity(sample_store, name)
        alone = {signature(c) for c in find_conflicts(sample_store, entity.id, kinds=ALL_KINDS)}
        about = {
            signature(c)
            for c in everything
            if entity.id in (c.subject.id, c.object.id if c.object else None)
        }
        assert alone == about and alone, name


def test_whole_store_conflicts_are_kept_until_the_next_write(store: Store) -> None:
    first = find_conflicts(store)
    kept = store.conn.execute("SELECT revision FROM derived WHERE key LIKE 'conflicts:%'")
    assert [r[0] for r in kept] == [store.revision]
    again = find_conflicts(store)
    assert [c.to_dict() for c in again] == [c.to_dict() for c in first]
    with store.transaction():
        store.add_claim(
            Claim(
                subject="yokohama",
                predicate="not_member_of",
                object="c40",
                source_id="wikidata-p190-2016",
            )
        )
    after = find_conflicts(store)
    assert after.total == first.total + 1
    assert any(c.kind == "membership" and c.subject.id == "yokohama" for c in after)


def test_a_tie_a_newer_snapshot_drops_is_withdrawn(store: Store, tmp_path: Path) -> None:
    rows = (DATA / "pairs-small.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "pairs-small.csv"  # the same file name: the same imported source
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    run_import(store, pairs_batch(store, path))
    kept = [r for r in rows if "San Diego" not in r]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    summary = run_import(store, pairs_batch(store, path))
    [withdrawn] = [c for c in find_conflicts(store, "yokohama") if c.kind == "withdrawn"]
    assert withdrawn.object is not None and withdrawn.object.id == "san-diego"
    gone = next(v for v in withdrawn.values if v.value == "no longer listed")
    assert [s["id"] for s in gone.sources] == [summary.source]
    assert summary.conflicts >= 1
