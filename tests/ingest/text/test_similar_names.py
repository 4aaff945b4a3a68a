"""Two places whose names differ by a letter or two are one place spelt two ways only when
nothing tells them apart: "Mercedes, Uruguay" is not Merced, California. Sentences written
for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, text_ties

from citydip.ingest.text.registry import Registry


def test_a_similar_name_in_another_country_is_another_place(registry: Registry) -> None:
    text = (
        "Merced has sister cities. In 1963 the council adopted resolutions recognizing "
        "Albury, Australia and Mercedes, Uruguay as official Sister Cities to the City of "
        "Merced."
    )
    found = text_ties(text, registry)
    assert set(found) == {pair("Merced", "Albury"), pair("Merced", "Mercedes")}
    assert found[pair("Merced", "Mercedes")].object is not None
    assert found[pair("Merced", "Mercedes")].object.country == "UY"


def test_a_misspelt_partner_is_still_one_place(registry: Registry) -> None:
    text = "Pyatigorsk is twinned with Pyathigorsk."
    assert not text_ties(text, registry)


def test_an_admin_suffix_written_apart(registry: Registry) -> None:
    text = (
        "Blacktown City Council has 4 Sister City partnerships:\n"
        "Suseong Gu, Daegu City, Republic of Korea\n"
        "Porirua City, New Zealand"
    )
    assert set(text_ties(text, registry)) == {
        pair("Blacktown", "Suseong"),
        pair("Blacktown", "Porirua"),
    }


def test_a_place_inside_a_longer_romance_name(registry: Registry) -> None:
    from tests.ingest.conftest import text_claims

    text = (
        "ICLEI Europe welcomes its new members: Navas de San Juan (Spain), Velenje "
        "(Slovenia) and Loulé (Portugal)."
    )
    members = {c.subject.name for c in text_claims(text, registry, "membership")}
    assert members == {"Navas de San Juan", "Velenje", "Loulé"}


def test_a_misspelling_beside_the_linked_name_is_one_place(registry: Registry) -> None:
    from citydip.ingest.text.extract import extract_claims

    text = (
        "Both Krasnodar and Nottingham are twinned with Karslruhe. The only active twinning "
        "arrangements Nottingham has are with Karlsruhe and Ningbo.\n"
    )
    ties = [c for c in extract_claims(text, registry) if c.type == "tie"]
    partners = sorted((c.subject.name, c.object.name if c.object else "") for c in ties)
    assert partners.count(("Nottingham", "Karlsruhe")) == 1
    assert ("Nottingham", "Karslruhe") not in partners
