"""Checking a document against the store and against itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from citydip.ingest.text.check import CONFIDENT, check_extraction
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


def _check(store: Store, tmp_path: Path, text: str) -> dict[str, Any]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return check_extraction(store, extract_file(path, store)).to_dict()


def test_a_tie_in_the_pair_as_subject_shape_is_checked(store: Store, tmp_path: Path) -> None:
    report = _check(store, tmp_path, "Taipei and Houston became sister cities in 1975.\n")
    start = next(c for c in report["contradictions"] if c["property"] == "tie start")
    assert start["document"]["value"] == "1975"
    assert start["store"][0]["value"] == "1961"
    assert start["document"]["confidence"] >= CONFIDENT


def test_denied_and_ended_ties_against_the_store(store: Store, tmp_path: Path) -> None:
    report = _check(
        store,
        tmp_path,
        "Yokohama is not twinned with Lyon. "
        "Yokohama's twinning with Manila, in place since 1965, ended in 2020.\n",
    )
    props = {(c["property"], c["document"]["value"]) for c in report["contradictions"]}
    assert ("tie", "not twinned") in props
    assert ("tie status", "ended") in props
    assert not any(
        n["claim"]["type"] == "tie" and n["claim"]["object"]["name"] == "Lyon"
        for n in report["new"] + report["agreements"]
    )


def test_self_contradictions_need_two_confident_sides(store: Store, tmp_path: Path) -> None:
    sure = _check(store, tmp_path, "Lyon is twinned with Porto. Lyon is not twinned with Porto.\n")
    own = [c for c in sure["contradictions"] if c["kind"] == "self-contradiction"]
    assert [c["property"] for c in own] == ["tie"]
    assert all(side["confidence"] >= CONFIDENT for side in own[0]["document"])
    unsure = _check(
        store, tmp_path, "Lyon keeps ties with Porto. Lyon is not twinned with Porto.\n"
    )
    assert not [c for c in unsure["contradictions"] if c["kind"] == "self-contradiction"]
    doubtful = unsure["uncertain"][0]
    assert sorted(side["confidence"] < CONFIDENT for side in doubtful["document"]) == [False, True]
    assert unsure["summary"]["uncertain"] == 1


def test_saved_ties_keep_their_status_and_denials_their_predicate(
    store: Store, tmp_path: Path
) -> None:
    from citydip.ingest.text.save import save_extraction

    path = tmp_path / "ties.txt"
    path.write_text(
        "Yokohama's twinning with Manila, in place since 1965, was suspended in 2021. "
        "Yokohama is not twinned with Lyon.\n",
        encoding="utf-8",
    )
    saved = save_extraction(store, extract_file(path, store))
    claims = store.claims(source_id=saved.source_id, review=None)
    tie = next(c for c in claims if c.predicate == "twinned_with")
    assert (tie.object, tie.status, tie.start, tie.end) == ("manila", "suspended", "1965", "2021")
    denial = next(c for c in claims if c.predicate == "not_twinned_with")
    assert {denial.subject, denial.object} == {"yokohama", "lyon"}
