"""The compare rules that misread the data: focus, headline counts, expertise, subsets, plurals."""

from __future__ import annotations

import re
from typing import Any

from citydip.api import city_profile, compare_cities
from citydip.store import Claim, Store


def _cells(store: Store, *cities: str) -> dict[str, dict[str, str]]:
    data = compare_cities(store, list(cities)).to_dict()
    return {d["key"]: {k: v["text"] for k, v in d["cells"].items()} for d in data["dimensions"]}


def test_core_focus_reads_membership_themes_when_there_is_no_initiative(store: Store) -> None:
    cells = _cells(store, "New York City", "Yokohama")
    assert cells["core_focus"]["New York City"] == "Health."


def test_sister_headline_adds_later_signings_and_follows_new_figures(store: Store) -> None:
    with store.transaction():
        store.add_claim(
            Claim(
                subject="taipei",
                predicate="twinned_with",
                object="warsaw",
                kind="sister",
                start="2026-01-05",
                source_id="taipei-intl-organizations-2024",
            )
        )
    text = _cells(store, "Taipei", "Yokohama")["sister_cities"]["Taipei"]
    assert text.startswith("52 sister cities: 49 per Taipei City Government, Secretariat")
    assert "Prague (2020), Basseterre (2025) and Warsaw (2026) signed since" in text
    with store.transaction():
        store.add_claim(
            Claim(
                subject="taipei",
                predicate="count",
                value="55",
                qualifiers={"metric": "sister", "as_of": "2026-03-01"},
                source_id="taipei-sister-cities-2025",
            )
        )
    text = _cells(store, "Taipei", "Yokohama")["sister_cities"]["Taipei"]
    assert text.startswith("55 sister cities per Taipei City Government, Secretariat (2026-03-01)")


def test_taipei_shares_expertise_but_stays_soft_power_driven(store: Store) -> None:
    style = _cells(store, "Yokohama", "Taipei")["diplomatic_style"]["Taipei"]
    expertise = float(re.search(r"expertise score ([\d.]+)", style).group(1))  # type: ignore[union-attr]
    soft = float(re.search(r"soft-power score ([\d.]+)", style).group(1))  # type: ignore[union-attr]
    assert expertise >= 4
    assert style.startswith("Soft power–driven") and soft >= 1.25 * expertise


def test_three_cities_show_what_each_subset_shares(store: Store) -> None:
    cells = _cells(store, "Yokohama", "Taipei", "Seoul")["shared_attributes"]
    assert cells["Yokohama"].startswith("With Taipei: activism on")
    assert "CITYNET" in cells["Yokohama"] and "CITYNET" in cells["Taipei"]
    assert cells["Taipei"].startswith("With Yokohama: activism on")
    assert cells["Seoul"] == "Nothing shared in the recorded themes."


def test_subsets_name_the_whole_group_first(store: Store) -> None:
    for city in ("seoul", "taipei"):
        with store.transaction():
            store.add_claim(
                Claim(
                    subject=city if city != "taipei" else "seoul",
                    predicate="member_of",
                    object="citynet",
                    role="member",
                    source_id="tvbs-seoul-2023",
                )
            )
    cells = _cells(store, "Yokohama", "Taipei", "Seoul")["shared_attributes"]
    assert cells["Seoul"].startswith("All three: all in CITYNET")


def test_no_plural_after_one(store: Store) -> None:
    data = compare_cities(store, ["Yokohama", "Taipei", "Seoul"]).to_dict()
    texts = " ".join(c["text"] for d in data["dimensions"] for c in d["cells"].values())
    assert not re.search(r"\b1 (ties|countries|continents|partners are|more ties)\b", texts)
    seoul = {d["key"]: d["cells"]["Seoul"]["text"] for d in data["dimensions"]}
    assert "1 sister/friendship tie listed, in 1 country on 1 continent" in seoul["sister_cities"]
    assert "1 of 1 partner is a national capital" in seoul["sister_cities"]


def test_declarations_are_not_memberships_and_roles_carry_dates(store: Store) -> None:
    cells = _cells(store, "Yokohama", "Taipei")["network_participation"]
    assert "GPM" not in cells["Taipei"].split(";")[0]
    assert (
        "signed the Global Declaration of Mayors for Democracy (GPM), not a membership"
        in (cells["Taipei"])
    )
    assert "CITYNET (president as of 2008, president-emeritus)" in cells["Yokohama"]
    assert "ICLEI Japan (board)" in cells["Yokohama"]
    assert "chair as of 2022" in cells["Taipei"]


def _tie(profile: dict[str, Any], partner: str) -> dict[str, Any]:
    return next(t for t in profile["ties"] if t["partner"]["name"] == partner)


def test_dataset_only_ties_have_unknown_status(store: Store) -> None:
    profile = city_profile(store, "Taipei").to_dict()
    assert _tie(profile, "Atlanta")["status"] == "unknown"
    assert _tie(profile, "Houston")["status"] == "active"
    assert _tie(profile, "Cincinnati")["likely_confusion"] == "new-taipei"
    assert profile["summary"]["ties_by_status"]["unknown"] >= 40
    perth = _tie(profile, "City of Perth")["partner"]
    assert perth["population"] is None and perth["wikidata_id"] == "Q1855330"


def test_a_city_known_only_from_datasets_says_so_with_its_sources(store: Store) -> None:
    data = compare_cities(store, ["Atlanta", "Yokohama"]).to_dict()
    [cell] = [d["cells"]["Atlanta"] for d in data["dimensions"] if d["key"] == "sister_cities"]
    assert cell["text"].startswith("1 tie listed by datasets only, kind and status unknown")
    assert {s["id"] for s in cell["sources"]} >= {"hekman-twincities-2026"}
