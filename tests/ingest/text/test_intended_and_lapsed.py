"""Statuses said around the tie rather than on it: a tie cities "resolved to establish" or
"should be made" (proposed) but not one a council "voted to establish" or an agreement
signed "to establish"; a vote or a decision still to come ("vote on partnership between");
"is not active" (suspended) and "no longer active" (ended); ", which was suspended after";
"These include ..." after a sentence on dormant twinnings; "Until 2022, ..." is no start
year. Sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.ingest.conftest import pair, tie_states

from citydip.ingest.text.registry import Registry


@pytest.mark.parametrize(
    "text",
    [
        "The cities of Lyon and Leeds have resolved to establish a sister-city relation.",
        "Both governments agreed that Lyon and Leeds should be made sister cities.",
        "The government has decided to declare Lyon as the sister city of Leeds.",
        "Councillors vote on a partnership between Lyon and Leeds this Monday.",
        "The delegation is expected to formalise the sister city tie between Lyon and Leeds.",
        "Lyon plans to establish a sister city relationship with Leeds.",
    ],
)
def test_a_tie_intended_is_proposed(text: str, registry: Registry) -> None:
    assert tie_states(text + "\n", registry)[pair("Lyon", "Leeds")][0] == "proposed"


@pytest.mark.parametrize(
    "text",
    [
        "In 1990 Lyon and Leeds signed an agreement to establish a twinning.",
        "Lyon is twinned with Leeds.",
        "Lyon and Leeds became sister cities to create opportunities for trade.",
    ],
)
def test_a_tie_made_is_active(text: str, registry: Registry) -> None:
    assert tie_states(text + "\n", registry)[pair("Lyon", "Leeds")][0] == "active"


def test_a_tie_not_active_or_no_longer_active(registry: Registry) -> None:
    text = (
        "A sister city relationship between Lyon and Leeds, established in 1962, is not "
        "active.\n\nThe twinning between Porto and Bristol is no longer active.\n"
    )
    out = tie_states(text, registry)
    assert out[pair("Lyon", "Leeds")] == ("suspended", 1962)
    assert out[pair("Porto", "Bristol")][0] == "ended"


def test_a_relative_clause_says_what_became_of_the_tie(registry: Registry) -> None:
    text = (
        "Until 2022, Helsinki also had a partnership with the Russian cities of Moscow and "
        "Saint Petersburg, which was suspended after the invasion of Ukraine.\n"
    )
    out = tie_states(text, registry)
    assert out[pair("Helsinki", "Moscow")] == ("suspended", None)  # 2022 is no start
    assert out[pair("Helsinki", "Saint Petersburg")] == ("suspended", None)


def test_these_include_takes_the_status_of_the_sentence_before(registry: Registry) -> None:
    text = (
        "Harare has active relations with Nottingham and Munich.\n\n"
        "Several other twinning arrangements are lying dormant. These include relationships "
        "with Sacramento, Winnipeg and Cairo.\n\n"
        "These include exchanges of staff with Munich.\n"
    )
    out = tie_states(text, registry)
    for partner in ("Sacramento", "Winnipeg", "Cairo"):
        assert out[pair("Harare", partner)][0] == "suspended"
    assert out[pair("Harare", "Munich")][0] == "active"


def test_breaking_ties_is_ending_them(registry: Registry) -> None:
    text = (
        "Arnhem is breaking ties with its Chinese sister city of Wuhan, against the mayor's "
        "plan to continue the relationship.\n"
    )
    assert tie_states(text, registry)[pair("Arnhem", "Wuhan")][0] == "ended"


def test_a_lapsed_tie_being_revived_in_a_hard_wrapped_story(registry: Registry) -> None:
    text = (
        "City revives co-operation with US city\n\nWindhoek\n"
        "After an agreement between the City of Windhoek and the City of Richmond lapsed in\n"
        "2003, the two cities have made efforts to revive the co-operation.\nA delegation "
        "from the sister city visited Namibia last year.\n"
    )
    assert tie_states(text, registry)[pair("Windhoek", "Richmond")][0] == "proposed"


def test_a_tie_since_a_year_is_no_plan_for_its_next_step(registry: Registry) -> None:
    text = "Lyon has been twinned with Leeds since 1960 and is set to sign a new charter.\n"
    assert tie_states(text, registry)[pair("Lyon", "Leeds")] == ("active", 1960)


def test_a_tie_sought_then_made_is_active_from_when_made(registry: Registry) -> None:
    text = (
        "In 1982, two teachers started an initiative to make Lyon a sister city of Leeds.\n\n"
        "In 1987, the mayor of Lyon officially made Leeds a sister city of Lyon.\n"
    )
    assert tie_states(text, registry)[pair("Lyon", "Leeds")] == ("active", 1987)
    sought = "In 1982, two teachers started an initiative to make Lyon a sister city of Leeds.\n"
    assert tie_states(sought, registry)[pair("Lyon", "Leeds")][0] == "proposed"


def test_a_meeting_to_formalise_a_tie_is_no_plan(registry: Registry) -> None:
    text = "Leaders of Lyon and Leeds met virtually to formalize their sister city status.\n"
    assert tie_states(text, registry)[pair("Lyon", "Leeds")][0] != "proposed"
