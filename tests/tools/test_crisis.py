"""The crisis plan: a draft written together, agreed by both, fixed in dated versions."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import asyncpg
import pytest
from tools_api import Call

from access_world import World

THEIRS = "/patients/{P1}/crisis-plan"
REVIEW = (date.today() + timedelta(days=90)).isoformat()


def plan(**extra: object) -> dict[str, object]:
    return {
        "previous_crises": [{"when": "Last winter", "what_led_up": "Row with my sister"}],
        "warning_signs": ["Not sleeping", "Drinking alone"],
        "self_help": ["Cold water on my face"],
        "contacts": [{"name": "Jo (sister)", "phone": "07700 900123"}],
        "thresholds": {"self_harm": 6, "aggression": 8,
                       "declined": {"substance_use": "Not part of what led to my crises"}},
        "review_date": REVIEW,
        **extra,
    }


async def test_draft_starts_with_the_site_lines_and_no_agreed_plan(api: Call) -> None:
    missing = await api("P1", "GET", "/crisis-plan")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    draft = (await api("P1", "GET", "/crisis-plan/draft")).json()
    assert draft["version"] == 0
    phones = [c["phone"] for c in draft["plan"]["professionals"]]
    assert phones == ["999", "111", "116 123"]


async def test_both_edit_then_both_agree_makes_a_dated_version(
    api: Call, conn: asyncpg.Connection, world: World
) -> None:
    first = await api("P1", "PUT", "/crisis-plan/draft",
                      json={"base_version": 0, "plan": {"warning_signs": ["Not sleeping"]}})
    assert first.status_code == 200 and first.json()["version"] == 1
    change = {"base_version": 1, "plan": plan()}
    second = await api("C1", "PUT", f"{THEIRS}/draft", json=change)
    assert second.json()["version"] == 2
    assert second.json()["plan"]["warning_signs"] == ["Not sleeping", "Drinking alone"]

    # The patient's edit based on version 1 would overwrite the clinician's: refused.
    stale = await api("P1", "PUT", "/crisis-plan/draft",
                      json={"base_version": 1, "plan": {"warning_signs": ["Mine"]}})
    assert stale.status_code == 412
    # The clinician's request sent again (a lost response) gets the same answer.
    replay = await api("C1", "PUT", f"{THEIRS}/draft", json=change)
    assert replay.status_code == 200 and replay.json() == second.json()

    mine = await api("P1", "PUT", "/crisis-plan/agreement", json={"draft_version": 2})
    assert mine.json()["agreed"] is None and mine.json()["draft"]["patient_agreed"] is True
    first_at = await conn.fetchval("SELECT patient_agreed_at FROM crisis_drafts")
    await api("P1", "PUT", "/crisis-plan/agreement", json={"draft_version": 2})  # a replay
    assert await conn.fetchval("SELECT patient_agreed_at FROM crisis_drafts") == first_at
    assert (await api("P1", "GET", "/crisis-plan")).status_code == 404
    theirs = await api("C1", "PUT", f"{THEIRS}/agreement", json={"draft_version": 2})
    agreed = theirs.json()["agreed"]
    assert agreed["version"] == 1 and agreed["clinician_name"] == "Person C1"
    assert agreed["review_date"] == REVIEW

    current = (await api("P1", "GET", "/crisis-plan")).json()
    assert current["version"] == 1 and current["plan"]["contacts"][0]["phone"] == "07700 900123"
    assert [n["number"] for n in current["site_numbers"]] == ["999", "111", "116 123"]
    again = await api("C1", "PUT", f"{THEIRS}/agreement", json={"draft_version": 2})
    assert again.json()["agreed"] == agreed

    # A later edit leaves the agreed plan as it was, and needs agreeing afresh.
    edit = await api("P1", "PUT", "/crisis-plan/draft",
                     json={"base_version": 2, "plan": plan(reasons=["My dog"])})
    assert edit.json()["patient_agreed"] is False and edit.json()["agreed_version"] == 1
    await api("C1", "PUT", f"{THEIRS}/agreement", json={"draft_version": 3})
    assert (await api("P1", "GET", "/crisis-plan")).json()["version"] == 1
    await api("P1", "PUT", "/crisis-plan/agreement", json={"draft_version": 3})
    current = (await api("P1", "GET", "/crisis-plan")).json()
    assert current["version"] == 2 and current["plan"]["reasons"] == ["My dog"]
    versions = (await api("P1", "GET", "/crisis-plan/versions")).json()
    assert [v["version"] for v in versions] == [2, 1]

    with pytest.raises(asyncpg.exceptions.InsufficientPrivilegeError):
        await conn.execute("UPDATE crisis_plan_versions SET review_date = now()")


async def test_agreeing_needs_the_current_draft_warning_signs_and_a_review_date(
    api: Call,
) -> None:
    await api("P1", "PUT", "/crisis-plan/draft", json={"base_version": 0, "plan": {}})
    bad = await api("P1", "PUT", "/crisis-plan/agreement", json={"draft_version": 1})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "plan.review_date"
    await api("P1", "PUT", "/crisis-plan/draft",
              json={"base_version": 1, "plan": {"review_date": REVIEW}})
    bad = await api("P1", "PUT", "/crisis-plan/agreement", json={"draft_version": 2})
    assert bad.json()["errors"][0]["field"] == "plan.warning_signs"
    stale = await api("P1", "PUT", "/crisis-plan/agreement", json={"draft_version": 1})
    assert stale.status_code == 412


async def test_two_edits_at_once_one_wins_and_one_is_told(api: Call) -> None:
    await api("P1", "PUT", "/crisis-plan/draft", json={"base_version": 0, "plan": plan()})
    results = await asyncio.gather(
        api("P1", "PUT", "/crisis-plan/draft", json={"base_version": 1, "plan": plan(safer=["a"])}),
        api("C1", "PUT", f"{THEIRS}/draft", json={"base_version": 1, "plan": plan(safer=["b"])}),
    )
    assert sorted(r.status_code for r in results) == [200, 412]
    draft = (await api("P1", "GET", "/crisis-plan/draft")).json()
    assert draft["version"] == 2


async def test_only_the_care_team_sees_or_edits_and_every_read_is_audited(
    api: Call, conn: asyncpg.Connection, world: World
) -> None:
    await api("P1", "PUT", "/crisis-plan/draft", json={"base_version": 0, "plan": plan()})
    await api("P1", "PUT", "/crisis-plan/agreement", json={"draft_version": 1})
    await api("C1", "PUT", f"{THEIRS}/agreement", json={"draft_version": 1})
    assert (await api("C1", "GET", THEIRS)).status_code == 200
    audited = await conn.fetch(
        "SELECT action, resource FROM audit_log WHERE patient_id = $1 AND actor_id = $2",
        world.ids["P1"], world.ids["C1"])
    assert ("read", "crisis_plan") in [(r["action"], r["resource"]) for r in audited]

    for actor, status in [("C2", 404), ("C3", 404), ("A1", 403), ("P2", 403), ("P1", 403)]:
        assert (await api(actor, "GET", THEIRS)).status_code == status, actor
        put = await api(actor, "PUT", f"{THEIRS}/draft", json={"base_version": 1, "plan": {}})
        assert put.status_code == status, actor
    assert (await api("P2", "GET", "/crisis-plan")).status_code == 404
    assert (await api("C1", "GET", "/crisis-plan")).status_code == 403
    unknown = await api("C1", "GET", "/patients/00000000-0000-4000-8000-000000000000/crisis-plan")
    assert unknown.status_code == 404
    assert (await api("P1", "GET", "/crisis-plan/draft")).json()["version"] == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"base_version": 0, "plan": {"warning_signs": ["a\u0000b"]}}, "plan.warning_signs[0]"),
        ({"base_version": 0, "plan": {"contacts": [{"name": "Jo", "phone": "call me"}]}},
         "plan.contacts[0].phone"),
        ({"base_version": 0, "plan": {"previous_crises": [{}, {}, {}, {}]}},
         "plan.previous_crises"),
        ({"base_version": 0, "plan": {"thresholds": {"self_harm": 11}}},
         "plan.thresholds.self_harm"),
        ({"base_version": 0, "plan": {}, "patient_id": "x"}, "patient_id"),
        ({"base_version": -1, "plan": {}}, "base_version"),
    ],
)
async def test_bad_input_names_the_field_and_stores_nothing(
    api: Call, conn: asyncpg.Connection, body: dict[str, object], field: str
) -> None:
    response = await api("P1", "PUT", "/crisis-plan/draft", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert field in response.json()["detail"]
    assert await conn.fetchval("SELECT count(*) FROM crisis_drafts") == 0


async def test_a_lone_surrogate_is_refused_naming_the_field(
    api: Call, conn: asyncpg.Connection
) -> None:
    raw = b'{"base_version": 0, "plan": {"reasons": ["ok", "bad \\ud800 here"]}}'
    response = await api("P1", "PUT", "/crisis-plan/draft", content=raw,
                         headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert "plan.reasons[1]" in response.json()["detail"]
    assert await conn.fetchval("SELECT count(*) FROM crisis_drafts") == 0
