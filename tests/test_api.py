"""The library API: one call per operation, typed records, errors that name no CLI flag."""

from __future__ import annotations

import dataclasses

import pytest

from citydip import api
from citydip.errors import InvalidInput
from citydip.store import Store


def test_every_public_name_is_exported_and_records_render_to_json(store: Store) -> None:
    assert api.__all__ == sorted(api.__all__)
    profile = api.city_profile(store, "Yokohama")
    assert isinstance(profile, api.Profile) and profile.name == "Yokohama"
    assert profile.to_dict()["city"]["id"] == "yokohama"
    matches = api.search_cities(store, "yoko")
    assert matches.hits and matches.hits[0].id == "yokohama"
    assert dataclasses.is_dataclass(matches.hits[0]) and matches.to_dict()["total"] >= 1
    top = api.network_top(store, by="degree", limit=3)
    assert len(top.rows) == 3 and top.rows[0].rank == 1 and top.places > 3


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda s: api.network_stats(s, api.network_filter(kinds=["twin"])), "kind"),
        (lambda s: api.network_filter(since=2000, until=1990), "since"),
        (lambda s: api.network_top(s, by="closeness"), "by"),
        (lambda s: api.list_conflicts(s, limit=-1), "limit"),
        (lambda s: api.compare_cities(s, ["Yokohama"]), "cities"),
        (lambda s: api.review(s, "maybe", ids=[1]), "state"),
    ],
)
def test_bad_arguments_are_named_by_field_never_by_a_flag(store: Store, call, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as info:
        call(store)
    assert info.value.field == field
    assert "--" not in str(info.value)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda s, t: api.briefing_report(s, ["Yokohama"], out=str(t / "b.docx")), "out"),
        (
            lambda s, t: api.briefing_report(s, ["Yokohama"], out="-", format="pdf", terminal=True),
            "out",
        ),
        (lambda s, t: api.briefing_report(s, ["Yokohama"], out="-", format="doc"), "format"),
        (lambda s, t: api.resolve_names(None), "batch"),
        (lambda s, t: api.resolve_names("Odessa", batch=t / "in.csv"), "batch"),
        (lambda s, t: api.download_geonames([]), "countries"),
        (lambda s, t: api.download_geonames(["UA"], all_countries=True), "countries"),
        (lambda s, t: api.import_wikidata(s), "query"),
        (lambda s, t: api.update_wikidata(s, page_size=0, folder=t / "pages"), "page_size"),
    ],
)
def test_the_commands_argument_checks_are_the_apis(store: Store, tmp_path, call, field) -> None:  # type: ignore[no-untyped-def]
    """What ``report``, ``resolve``, ``data download``, ``import wikidata`` and ``update
    wikidata`` refused in the CLI is refused here, named by field, before any work."""
    with pytest.raises(InvalidInput) as info:
        call(store, tmp_path)
    assert info.value.field == field


def test_a_briefing_report_says_its_format_and_refuses_outputs_before_the_work(
    store: Store, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from citydip.errors import OutputError

    report = api.briefing_report(store, ["Yokohama"], out=str(tmp_path / "b.PDF"))
    assert report.format == "pdf" and report.briefing.to_dict()
    assert api.briefing_report(store, ["Taipei"], out="-").format == "html"
    with pytest.raises(OutputError, match="no such folder"):
        api.briefing_report(store, ["Atlantis"], out=str(tmp_path / "no" / "x.pdf"))
    with pytest.raises(OutputError, match="is a folder"):
        api.network_export(store, "gexf", tmp_path)
    names = tmp_path / "in.csv"
    names.write_text("name\nOdessa\n", encoding="utf-8")
    with pytest.raises(OutputError, match="is the input file"):
        api.resolve_batch(names, out=names)


def test_rebuild_store_refuses_by_field_and_asks_before_dropping_imports(
    tmp_path, pairs_sample
) -> None:  # type: ignore[no-untyped-def]
    from citydip.stores import check_rebuild, open_db

    other = tmp_path / "notes.db"
    import sqlite3

    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(InvalidInput) as info:
        api.rebuild_store(str(other), empty=True)
    assert info.value.field == "force" and "notes.db" in info.value.problem
    db = tmp_path / "s.db"
    api.rebuild_store(str(db), empty=True)
    with open_db(str(db)) as store:
        api.import_pairs(store, pairs_sample)
    asked: list[str] = []
    with pytest.raises(InvalidInput) as info:
        api.rebuild_store(str(db), empty=True, confirm=lambda q: asked.append(q) or False)
    assert info.value.field == "drop_imports" and "imported claims" in asked[0]
    assert check_rebuild(db).imported_claims > 1
    assert api.rebuild_store(str(db), empty=True, confirm=lambda q: True) == db


def test_one_imported_claim_is_singular(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from citydip.stores import check_rebuild, open_db

    db, pairs = tmp_path / "s.db", tmp_path / "one.csv"
    pairs.write_text("city1,country1,city2,country2\nBeira,MZ,Quelimane,MZ\n", encoding="utf-8")
    api.rebuild_store(str(db), empty=True)
    with open_db(str(db)) as store:
        api.import_pairs(store, pairs)
    assert check_rebuild(db).dropped.startswith("1 imported claim (")
