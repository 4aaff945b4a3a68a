"""The typology: the essay's two cities for the essay's reasons, honest gaps, the codebook."""

from __future__ import annotations

from pathlib import Path

import pytest

from citydip.analysis.typology_codebook import load_codebook, shipped_codebook_path
from citydip.api import city_typology
from citydip.errors import DataError
from citydip.store.database import Store


def test_yokohama_is_expertise_driven_for_the_essay_s_reasons(store: Store) -> None:
    t = city_typology(store, "Yokohama")
    assert t.label == "expertise-driven" and t.confidence == "high"
    expertise = [e for e in t.evidence if e.axis == "expertise-driven"]
    assert len(expertise) >= 5 and len({e.source for e in expertise}) >= 3
    claims = " | ".join(e.claim for e in expertise)
    assert "Y-PORT (public–private partnership)" in claims
    assert "president of CITYNET" in claims
    assert t.scores["expertise-driven"] >= 1.25 * t.scores["soft-power-driven"]
    assert t.scores["expertise-driven"] == pytest.approx(sum(e.weight for e in expertise))


def test_taipei_is_soft_power_driven_for_the_essay_s_reasons(store: Store) -> None:
    t = city_typology(store, "Taipei")
    assert t.label == "soft-power-driven"
    soft = [e for e in t.evidence if e.axis == "soft-power-driven"]
    assert len(soft) >= 5 and len({e.source for e in soft}) >= 3
    claims = " | ".join(e.claim for e in soft)
    assert "Smart City Summit & Expo (global summits)" in claims
    assert "Sister Cities International" in claims
    assert "cultural" in t.themes


def test_every_evidence_source_is_in_the_store(store: Store) -> None:
    known = {s.id for s in store.sources()}
    for city in ("Yokohama", "Taipei"):
        t = city_typology(store, city)
        for e in t.evidence:
            assert e.source in e.sources and set(e.sources) <= known


def test_a_city_known_only_from_datasets_says_what_is_missing(world_store: Store) -> None:
    t = city_typology(world_store, "Bristol")
    assert t.confidence == "low"
    assert any("datasets only" in m for m in t.missing)
    # Bristol is on the shipped Eurocities list; a city on no list says memberships are missing
    assert not any("memberships" in m for m in t.missing)
    [bare] = world_store.conn.execute(
        "SELECT e.id FROM entities e WHERE e.type = 'place' AND e.id LIKE 'gn-%' "
        "AND EXISTS (SELECT 1 FROM claims c WHERE c.subject = e.id AND c.predicate = "
        "'twinned_with') AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.subject = e.id "
        "AND c.predicate IN ('member_of', 'signed')) ORDER BY e.id LIMIT 1"
    ).fetchone()
    assert any("memberships" in m for m in city_typology(world_store, bare).missing)
    data = t.to_dict()
    assert set(data) >= {"label", "scores", "confidence", "evidence", "missing"}
    assert set(data["scores"]) == set(load_codebook().axes)


CODEBOOK = shipped_codebook_path().read_text(encoding="utf-8")


def _book(tmp_path: Path, old: str, new: str) -> Path:
    assert old in CODEBOOK
    path = tmp_path / "book.yaml"
    path.write_text(CODEBOOK.replace(old, new, 1), encoding="utf-8")
    return path


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_an_unknown_axis_names_file_line_and_key(tmp_path: Path) -> None:
    old = "match: technical-cooperation, axis: expertise-driven"
    path = _book(tmp_path, old, "match: technical-cooperation, axis: expertness")
    with pytest.raises(DataError) as err:
        load_codebook(path)
    line = _line(path.read_text(encoding="utf-8"), "expertness")
    assert str(err.value).startswith(f"{path}:{line}: axis: unknown axis 'expertness'")


@pytest.mark.parametrize("weight", ["0", "-1", "11", "heavy", "nan"])
def test_a_bad_weight_is_refused(tmp_path: Path, weight: str) -> None:
    old = "axis: expertise-driven, weight: 2.0}"
    path = _book(tmp_path, old, f"axis: expertise-driven, weight: {weight}}}")
    with pytest.raises(DataError) as err:
        load_codebook(path)
    line = _line(path.read_text(encoding="utf-8"), f"weight: {weight}}}")
    assert str(err.value).startswith(f"{path}:{line}: weight:")


def test_other_codebook_mistakes(tmp_path: Path) -> None:
    cases = [
        ("evidence: mechanism, match: aid,", "evidence: mechanism, match: charity,", "match"),
        ("evidence: mechanism, match: aid,", "evidence: rumour, match: aid,", "evidence"),
        ("{id: aid-mechanism,", "{id: technical-cooperation,", "id"),
        ("{id: aid-mechanism,", "{id: aid-mechanism, colour: red,", "rule.colour"),
        ("  margin: 1.25", "  margin: 0.5", "margin"),
    ]
    for old, new, key in cases:
        with pytest.raises(DataError, match=rf"book\.yaml:\d+: {key}: "):
            load_codebook(_book(tmp_path, old, new))
    missing = tmp_path / "none.yaml"
    with pytest.raises(DataError, match="no such codebook file"):
        load_codebook(missing)


def test_a_user_codebook_changes_the_result(store: Store, tmp_path: Path) -> None:
    # Weigh summits and visibility heavily: Yokohama's summits now decide its style.
    text = CODEBOOK
    for match, weight in (("summit-diplomacy", "1.5"), ("hosts_event", "1.0")):
        old = f"match: {match}, axis: soft-power-driven, weight: {weight}"
        assert old in text
        text = text.replace(old, f"match: {match}, axis: soft-power-driven, weight: 10")
    path = tmp_path / "summits.yaml"
    path.write_text(text, encoding="utf-8")
    t = city_typology(store, "Yokohama", codebook=path)
    assert t.codebook == str(path)
    assert t.label in ("soft-power-driven", "mixed")
    assert (
        t.scores["soft-power-driven"] > city_typology(store, "Yokohama").scores["soft-power-driven"]
    )
