"""A crisis plan is agreed only when it is safe by construction (hazard log H-009, H-010):
every risk item has a decision, there is something the patient can do themselves, and a
person or service other than A&E and the lines everyone has."""

from __future__ import annotations

from typing import Any

import pytest
from test_crisis import THEIRS, plan
from tools_api import Call


async def agree(api: Call, body: dict[str, Any]) -> Any:
    draft = await api("P1", "PUT", "/crisis-plan/draft", json={"base_version": 0, "plan": body})
    assert draft.status_code == 200, draft.text
    mine = await api("P1", "PUT", "/crisis-plan/agreement", json={"draft_version": 1})
    if mine.status_code != 200:
        return mine
    return await api("C1", "PUT", f"{THEIRS}/agreement", json={"draft_version": 1})


def fields(reply: Any) -> dict[str, str]:
    assert reply.status_code == 422
    assert reply.headers["content-type"].startswith("application/problem+json")
    return {e["field"]: e["rule"] for e in reply.json()["errors"]}


async def test_a_threshold_left_undecided_is_refused_by_name(api: Call) -> None:
    reply = await agree(api, plan(thresholds={"self_harm": 6}))
    errors = fields(reply)
    assert set(errors) == {"plan.thresholds.aggression", "plan.thresholds.substance_use"}
    assert "say why there is no prompt" in errors["plan.thresholds.aggression"]


async def test_a_declined_threshold_with_a_reason_is_a_decision(api: Call) -> None:
    body = plan(thresholds={"declined": {
        "self_harm": "We agreed to talk about it at each session instead",
        "aggression": "Never part of a crisis", "substance_use": "Does not drink"}})
    reply = await agree(api, body)
    assert reply.status_code == 200, reply.text
    agreed = reply.json()["agreed"]
    assert agreed["plan"]["thresholds"]["self_harm"] is None
    assert agreed["plan"]["thresholds"]["declined"]["aggression"] == "Never part of a crisis"


async def test_a_threshold_and_a_reason_together_are_refused(api: Call) -> None:
    body = plan(thresholds={"self_harm": 6, "aggression": 8, "substance_use": True,
                            "declined": {"self_harm": "no"}})
    assert set(fields(await agree(api, body))) == {"plan.thresholds.self_harm"}


@pytest.mark.parametrize(("contacts", "people"), [
    ([], []),
    ([{"name": "A&E at St Mary's", "phone": "020 7946 0000"}], []),
    ([{"name": "Emergency services", "phone": "999"}, {"name": "Samaritans", "phone": "116 123"}],
     ["Go to A and E"]),
])
async def test_a_plan_of_only_a_and_e_and_the_usual_lines_is_not_a_plan(
    api: Call, contacts: list[dict[str, str]], people: list[str]
) -> None:
    errors = fields(await agree(api, plan(contacts=contacts, people_places=people)))
    assert set(errors) == {"plan.contacts"}
    assert "other than A&E" in errors["plan.contacts"]


async def test_the_site_lines_do_not_count_as_the_patients_own_support(api: Call) -> None:
    draft = (await api("P1", "GET", "/crisis-plan/draft")).json()
    site_lines = draft["plan"]["professionals"]
    assert site_lines  # the draft starts with the site's lines
    errors = fields(await agree(api, plan(contacts=[], professionals=site_lines)))
    assert set(errors) == {"plan.contacts"}


async def test_something_to_do_yourself_is_required(api: Call) -> None:
    errors = fields(await agree(api, plan(self_help=[])))
    assert set(errors) == {"plan.self_help"}


@pytest.mark.parametrize("support", [
    {"contacts": [{"name": "Jo (sister)", "phone": "07700 900123"}]},
    {"contacts": [], "professionals": [{"name": "Community team duty worker",
                                         "phone": "01632 960123"}]},
    {"contacts": [], "people_places": ["My cousin's kitchen"]},
])
async def test_a_friend_a_team_or_a_place_of_ones_own_meets_the_bar(
    api: Call, support: dict[str, Any]
) -> None:
    reply = await agree(api, plan(**support))
    assert reply.status_code == 200, reply.text
