"""import memberships: roles checked, organisations known or created on request, cities on
the right namesake, one transaction, re-import adds nothing, bad rows leave the store alone."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from citydip.api import import_memberships
from citydip.errors import DataError, InvalidInput
from citydip.store import Store

DATA = Path(__file__).resolve().parents[1] / "data" / "memberships"


def _fingerprint(store: Store) -> str:
    """Every row of every table, hashed: equal before and after means untouched."""
    digest = hashlib.sha1()
    for table in ("entities", "names", "sources", "claims", "meta"):
        for row in store.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def test_rows_become_member_of_claims_with_roles_and_references(store: Store) -> None:
    summary = import_memberships(
        store, DATA / "networks.csv", title="Our networks", date="2025-01-31"
    )
    assert summary.added == 5 and summary.unresolved == 0
    claims = store.claims(source_id="import-memberships-networks")
    assert {c.predicate for c in claims} == {"member_of"}
    by_org = {(c.subject, c.object): c for c in claims}
    assert by_org[("yokohama", "c40")].start == "2006"
    iclei = by_org[("yokohama", "iclei")]
    assert iclei.role == "board"  # "board member" is the vocabulary's "board"
    assert iclei.qualifiers["references"] == [
        {
            "title": "ICLEI members",
            "url": "https://iclei.org/members/",
            "publisher": "ICLEI",
            "date": "2024-05-01",
        }
    ]
    kyoto = next(c for c in claims if c.object == "citynet")
    assert (kyoto.role, kyoto.start, kyoto.end) == ("vice-chair", "1990", "2001")
    source = store.source("import-memberships-networks")
    assert source is not None and (source.title, source.date) == ("Our networks", "2025-01-31")


def test_a_name_in_two_countries_lands_on_two_places(store: Store) -> None:
    import_memberships(store, DATA / "networks.csv")
    valencias = [
        c for c in store.claims(source_id="import-memberships-networks") if c.object == "uclg"
    ]
    places = {c.subject: store.entity(c.subject) for c in valencias}
    assert len(places) == 2
    countries = {e.country for e in places.values() if e is not None}
    assert countries == {"ES", "VE"}


def test_reimport_adds_nothing(store: Store) -> None:
    import_memberships(store, DATA / "networks.csv")
    before = _fingerprint(store)
    counts = (store.count("claims"), store.count("entities"), store.count("names"))
    again = import_memberships(store, DATA / "networks.csv")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    assert (store.count("claims"), store.count("entities"), store.count("names")) == counts
    assert before != _fingerprint(store)  # only the snapshot record in meta grew


def test_a_bad_role_is_one_line_and_the_store_is_unchanged(store: Store) -> None:
    before = _fingerprint(store)
    with pytest.raises(DataError) as caught:
        import_memberships(store, DATA / "bad-role.csv")
    assert str(caught.value).startswith(f"{DATA / 'bad-role.csv'}:3: role: 'overlord' is not one")
    assert _fingerprint(store) == before


def test_an_unknown_organisation_is_an_error_unless_allowed(store: Store) -> None:
    before = _fingerprint(store)
    with pytest.raises(DataError) as caught:
        import_memberships(store, DATA / "unknown-org.csv")
    message = str(caught.value)
    assert message.startswith(f"{DATA / 'unknown-org.csv'}:3: organisation: unknown organisation")
    assert "Network of Imaginary Towns" in message and "\n" not in message
    assert _fingerprint(store) == before
    summary = import_memberships(store, DATA / "unknown-org.csv", new_organisations=True)
    assert summary.added == 2
    created = store.entity("org-network-of-imaginary-towns")
    assert created is not None and created.type == "organization"


def test_json_lines_with_the_american_spelling_and_numeric_years(store: Store) -> None:
    summary = import_memberships(store, DATA / "networks.jsonl")
    assert summary.added == 2
    claims = store.claims(source_id="import-memberships-networks")
    hiroshima = next(c for c in claims if c.object == "mayors-for-peace")
    assert (hiroshima.role, hiroshima.start) == ("founder", "1982")
    seoul = next(c for c in claims if c.object == "c40")
    entity = store.entity(seoul.subject)
    assert entity is not None and entity.country == "KR" and seoul.start == "2006"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("organisation,city\n,Kyoto\n", "2: organisation: empty"),
        ("organisation,city,since,until\nC40,Kyoto,2010,2009\n", "2: until: 2009 is before"),
        ("organisation,city,since\nC40,Kyoto,spring\n", "2: since: 'spring' is not a date"),
        ("organisation,city,city_qid\nC40,Kyoto,34600\n", "2: city_qid: '34600' is not a"),
        ("organisation,town\nC40,Kyoto\n", "1: city: missing column"),
        ("organisation,city,colour\nC40,Kyoto,red\n", "1: colour: unknown column"),
    ],
)
def test_bad_rows_name_file_line_and_field(
    store: Store, tmp_path: Path, text: str, where: str
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    before = _fingerprint(store)
    with pytest.raises(DataError) as caught:
        import_memberships(store, path)
    assert str(caught.value).startswith(f"{path}:{where}")
    assert _fingerprint(store) == before


def test_a_bad_list_source_names_its_argument(store: Store) -> None:
    with pytest.raises(InvalidInput) as caught:
        import_memberships(store, DATA / "networks.csv", url="ftp://example.org/list")
    assert caught.value.field == "source_url"


def test_cli_import_then_org_shows_the_import_in_the_coverage(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("import", "memberships", str(DATA / "networks.csv"), "--title", "Our networks")
    assert out.exit_code == 0, out.stderr
    data = cli("org", "ICLEI", "--format", "json").json()
    assert "Our networks" in data["coverage"]
    bad = cli("import", "memberships", str(DATA / "bad-role.csv"))
    assert bad.exit_code != 0
    assert bad.stderr.strip().endswith("role: 'overlord' is not one of " + _roles())
    assert len(bad.stderr.strip().splitlines()) == 1


def _roles() -> str:
    from citydip.vocabulary import MEMBERSHIP_ROLES

    return ", ".join(MEMBERSHIP_ROLES)


def test_a_new_organisation_cannot_take_a_places_qid(store: Store, tmp_path: Path) -> None:
    yokohama = store.entity("yokohama")
    assert yokohama is not None and yokohama.wikidata_id
    path = tmp_path / "list.csv"
    text = f"organisation,organisation_qid,city\nNew Network,{yokohama.wikidata_id},Kyoto\n"
    path.write_text(text, encoding="utf-8")
    before = _fingerprint(store)
    with pytest.raises(DataError) as caught:
        import_memberships(store, path, new_organisations=True)
    assert str(caught.value).startswith(f"{path}:2: organisation_qid: ")
    assert _fingerprint(store) == before
