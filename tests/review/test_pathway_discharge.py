"""The SCM pathway and the discharge plan: phases with their expected lengths, a discharge
plan both sides agree (the crisis plan's pattern), required before "discharged" (hazard
log H-032, H-033)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg
from litestar.testing import AsyncTestClient
from review_data import Team

from factories import sign_in

READY = {
    "what_continues": ["Monthly check-in with Dr Ward until June"],
    "contacts": [{"name": "Dr Ward", "phone": "020 7946 0000"}],
    "if_worse": ["Use my crisis plan", "Ask my GP to refer me back"],
    "steps_down": [{"when": "2027-03-01", "what": "Sessions every two weeks"}],
}


def pathway(phase: str, **fields: Any) -> dict[str, Any]:
    return {"phase": phase, "responsibilities": "I write the diary; Dr Ward calls back",
            "formulation": "Urges rise when I feel left out", **fields}


async def test_the_pathway_records_phases_and_flags_a_phase_past_its_length(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    url = f"/api/v1/patients/{team.amy}/pathway"
    assert (await client.get(url)).status_code == 404
    started = (date.today() - timedelta(days=400)).isoformat()
    nice = {"assessment_done_on": "2025-09-01", "assessment_by": "Dr Ward",
            "therapy_type": "SCM individual and group", "therapy_duration": "12 months",
            "therapy_intensity": "weekly", "choice_discussed_on": "2025-09-08"}
    saved = await client.put(url, json=pathway("treatment", phase_started_on=started, **nice))
    assert saved.status_code == 200, saved.text
    body = saved.json()
    assert (body["phase_name"], body["overrun"]) == ("Treatment", True)
    assert body["phase_words"].endswith("(usually 6 to 12 months): longer than expected")
    assert [h["phase"] for h in body["history"]] == ["treatment"]
    amy = next(r for r in (await client.get("/api/v1/patients")).json()
               if r["display_name"] == "Amy")
    assert (amy["phase"], amy["phase_overrun"]) == ("treatment", True)
    assert "longer than expected" in amy["phase_words"]
    # Saving again in the same phase keeps its start; a new phase starts today.
    same = (await client.put(url, json=pathway("treatment", **nice))).json()
    assert same["phase_started_on"] == started
    moved = (await client.put(url, json=pathway("discharge_transition", **nice))).json()
    assert moved["overrun"] is False
    assert [h["phase"] for h in moved["history"]] == ["treatment", "discharge_transition"]
    assert moved["history"][1]["moved_by_name"] == "Dr Ward"
    # The patient reads their own.
    await sign_in(client, conn, team.amy)
    mine = (await client.get("/api/v1/pathway")).json()
    assert mine["phase_name"] == "Discharge transition"
    assert mine["therapy_intensity"] == "weekly"


async def test_discharge_needs_a_plan_both_sides_agreed(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    url = f"/api/v1/patients/{team.ben}/pathway"
    await client.put(url, json=pathway("discharge_transition"))
    refused = await client.put(url, json=pathway("discharged"))
    assert refused.status_code == 422
    assert refused.json()["errors"] == [{"field": "phase", "rule": (
        "discharged needs a discharge plan agreed by the patient and the clinician first")}]
    assert (await client.get(url)).json()["phase"] == "discharge_transition"

    plan_url = f"/api/v1/patients/{team.ben}/discharge-plan"
    half = await client.put(f"{plan_url}/draft", json={
        "base_version": 0, "plan": {"what_continues": ["GP reviews"]}})
    assert half.status_code == 200, half.text
    early = await client.put(f"{plan_url}/agreement", json={"draft_version": 1})
    assert early.status_code == 422
    fields = {e["field"] for e in early.json()["errors"]}
    assert fields == {"plan.contacts", "plan.if_worse", "plan.steps_down"}
    draft = (await client.put(f"{plan_url}/draft",
                              json={"base_version": 1, "plan": READY})).json()
    assert draft["version"] == 2
    stale = await client.put(f"{plan_url}/draft", json={"base_version": 1, "plan": READY | {
        "notes": "x"}})
    assert stale.status_code == 412
    mine = (await client.put(f"{plan_url}/agreement", json={"draft_version": 2})).json()
    assert (mine["draft"]["clinician_agreed"], mine["agreed"]) == (True, None)
    # Still not discharged: only one side has agreed.
    assert (await client.put(url, json=pathway("discharged"))).status_code == 422

    await sign_in(client, conn, team.ben)
    assert (await client.get("/api/v1/discharge-plan")).status_code == 404
    theirs = (await client.get("/api/v1/discharge-plan/draft")).json()
    assert theirs["plan"]["if_worse"] == READY["if_worse"] and theirs["clinician_agreed"]
    both = (await client.put("/api/v1/discharge-plan/agreement",
                             json={"draft_version": 2})).json()
    assert both["agreed"]["version"] == 1
    assert both["agreed"]["clinician_name"] == "Dr Ward"
    current = (await client.get("/api/v1/discharge-plan")).json()
    assert current["plan"]["steps_down"][0]["what"] == "Sessions every two weeks"

    await sign_in(client, conn, team.ward)
    done = await client.put(url, json=pathway("discharged"))
    assert done.status_code == 200, done.text
    assert done.json()["phase_words"].startswith("Discharged since")
    # A change after agreeing is a new draft; the agreed version stays as it was.
    changed = (await client.put(f"{plan_url}/draft", json={
        "base_version": 2, "plan": READY | {"notes": "Call if the new job is hard"}})).json()
    assert (changed["patient_agreed"], changed["clinician_agreed"]) == (False, False)
    assert (await client.get(plan_url)).json()["version"] == 1
    with_audit = await conn.fetchval(
        "SELECT count(*) FROM audit_log WHERE actor_id = $1 AND patient_id = $2"
        " AND resource LIKE 'discharge_plan%'", team.ward, team.ben)
    assert with_audit >= 5


async def test_only_the_care_team_reads_or_changes_a_pathway_or_discharge_plan(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    await client.put(f"/api/v1/patients/{team.amy}/pathway", json=pathway("assessment"))
    await sign_in(client, conn, team.shah)
    for path in ("pathway", "discharge-plan", "discharge-plan/draft"):
        assert (await client.get(f"/api/v1/patients/{team.amy}/{path}")).status_code == 404
    moved = await client.put(f"/api/v1/patients/{team.amy}/pathway", json=pathway("treatment"))
    assert moved.status_code == 404
    await sign_in(client, conn, team.ben)
    assert (await client.get(f"/api/v1/patients/{team.amy}/pathway")).status_code == 403
    assert (await client.get("/api/v1/pathway")).status_code == 404  # Ben has none
    bad = await client.put(f"/api/v1/patients/{team.amy}/pathway",
                           json=pathway("treatment"))
    assert bad.status_code == 403
    await sign_in(client, conn, team.ward)
    nonsense = await client.put(f"/api/v1/patients/{team.amy}/pathway", json=pathway(
        "finished", phase_started_on=(datetime.now(UTC) + timedelta(days=3)).date().isoformat()))
    assert nonsense.status_code in (400, 422) and "phase" in nonsense.text
    future = await client.put(f"/api/v1/patients/{team.amy}/pathway", json=pathway(
        "treatment", phase_started_on=(date.today() + timedelta(days=3)).isoformat()))
    assert future.status_code == 422 and "phase_started_on" in future.text
    assert (await client.get(f"/api/v1/patients/{team.amy}/pathway")).json()["phase"] == (
        "assessment")
