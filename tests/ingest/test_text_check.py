"""Checking a document against the store and against itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from citydip.ingest.text.check import check_extraction
from citydip.ingest.text.extract import extract_file
from citydip.store import Store

ROOT = Path(__file__).resolve().parents[2]
ESSAY = ROOT.parent / "shared" / "seed" / "maturing-city-diplomacy-yokohama-taipei.txt"


@pytest.mark.skipif(not ESSAY.exists(), reason="the founding essay is not in ../shared/seed")
def test_the_essay_against_the_store_and_itself(store: Store) -> None:
    report = check_extraction(store, extract_file(ESSAY, store)).to_dict()
    contradictions = report["contradictions"]
    own = [c for c in contradictions if c["kind"] == "self-contradiction"]
    counts = next(c for c in own if c["property"] == "sister count")
    assert sorted(side["value"] for side in counts["document"]) == ["52", "53"]
    assert "Table" not in counts["document"][0]["sentence"]
    ranges = next(c for c in own if c["property"] == "ties' date range")
    assert "1961-2024" in ranges["note"] and "2025" in ranges["note"]
    assert "Basseterre" in ranges["note"]
    official = next(
        c
        for c in contradictions
        if c["kind"] == "store"
        and c["property"] == "sister count"
        and c["document"]["value"] == "53"
    )
    values = {side["value"]: side for side in official["store"]}
    assert values["49"]["as_of"] == "2019-04-29"
    assert values["49"]["sources"][0]["kind"] == "official"
    assert "48" in values
    # the essay is itself in the store: its own statements agree with it
    agreed = {(a["claim"]["type"], a["claim"]["subject"]["id"]) for a in report["agreements"]}
    assert ("non_membership", "taipei") in agreed
    assert report["summary"]["agreements"] > 30


def test_a_new_document_membership_contradiction_and_new_claims(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "note.txt"
    path.write_text(
        "Taipei is a member of C40 Cities. Taipei has 49 sister cities. "
        "Lyon has been twinned with Birmingham since 1951.\n",
        encoding="utf-8",
    )
    report = check_extraction(store, extract_file(path, store))
    membership = next(c for c in report.contradictions if c["property"] == "membership")
    assert membership["document"]["value"] == "membership"
    assert membership["store"][0]["value"] == "not_member_of"
    assert any(a["claim"]["value"] == "49" for a in report.agreements)
    assert any(n["claim"]["type"] == "tie" for n in report.new)
