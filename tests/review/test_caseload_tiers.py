"""The caseload's tiers: an urgent patient is never below a less urgent one, whatever the
rest of their week looks like (hazard log H-005 to H-007)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import asyncpg
from litestar.testing import AsyncTestClient
from review_data import Team, add_appointment, add_entry

from diarycard.auth.principal import Principal
from diarycard.caseload.store import caseload
from factories import make_user

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def days_ago(n: float) -> datetime:
    return NOW - timedelta(days=n)


def as_ward(t: Team) -> Principal:
    return Principal(t.ward, "clinician", t.site, "dr.ward", "Dr Ward", uuid4())


async def add_patient(conn: asyncpg.Connection, t: Team, name: str) -> UUID:
    patient = await make_user(conn, t.site, "patient", name.lower(), name)
    await conn.execute(
        "INSERT INTO care_team (clinician_id, patient_id, site_id) VALUES ($1, $2, $3)",
        t.ward, patient, t.site)
    return patient


async def agree_plan(conn: asyncpg.Connection, t: Team, patient: UUID, thresholds: dict) -> None:
    plan = json.dumps({"thresholds": thresholds})
    await conn.execute(
        "INSERT INTO crisis_plan_versions (patient_id, site_id, version, draft_version, plan,"
        " review_date, patient_agreed_at, clinician_id, clinician_name, clinician_agreed_at)"
        " VALUES ($1, $2, 1, 1, $3::jsonb, $4, $5, $6, 'Dr Ward', $5)",
        patient, t.site, plan, date(2027, 3, 1), days_ago(60), t.ward)


async def offer(conn: asyncpg.Connection, t: Team, patient: UUID, entry: UUID) -> None:
    await conn.execute(
        "INSERT INTO crisis_offers (id, patient_id, site_id, entry_id, offered_at, reason)"
        " VALUES ($1, $2, $3, $4, $5, 'warning sign')", uuid4(), patient, t.site, entry, NOW)


async def ordered(conn: asyncpg.Connection, t: Team) -> list[tuple[str, int]]:
    return [(r.display_name, r.tier) for r in await caseload(conn, as_ward(t), now=NOW)]


async def quiet_history(conn: asyncpg.Connection, patient: UUID) -> None:
    """A patient who logs most days and did yesterday: nothing to flag."""
    for n in (1, 2, 3, 4):
        await add_entry(conn, patient, days_ago(n), outcome="resisted")


async def test_a_high_self_harm_urge_with_a_plan_offered_is_never_below_a_missed_appointment(
    conn: asyncpg.Connection, team: Team
) -> None:
    # Amy: three missed appointments and a long silence, which the old score put on top.
    for n in (3, 10, 17):
        await add_appointment(conn, team.amy, team.ward, days_ago(n), "not_attended")
    await add_entry(conn, team.amy, days_ago(40))
    # Ben: one entry, a self-harm urge of 9, the plan offered.
    entry = await add_entry(conn, team.ben, days_ago(1), risk_self_harm=9, outcome="resisted")
    await offer(conn, team, team.ben, entry)
    await quiet_history(conn, team.cai)
    assert await ordered(conn, team) == [("Ben", 1), ("Amy", 2), ("Cai", 3)]


async def test_an_acted_entry_with_low_risk_is_in_the_first_tier(
    conn: asyncpg.Connection, team: Team
) -> None:
    await quiet_history(conn, team.amy)
    await quiet_history(conn, team.ben)
    await add_entry(conn, team.cai, days_ago(2), outcome="acted", risk_self_harm=3)
    await add_appointment(conn, team.amy, team.ward, days_ago(5), "not_attended")
    rows = await caseload(conn, as_ward(team), now=NOW)
    assert [(r.display_name, r.tier) for r in rows] == [("Cai", 1), ("Amy", 2), ("Ben", 3)]
    assert rows[0].reasons == [
        "1 urge acted on (or partly) with a self-harm or aggression risk, up to 3 out of 10"]
    assert rows[0].tier_name.startswith("Look at first")


async def test_the_site_floor_holds_whatever_the_plan_says(
    conn: asyncpg.Connection, team: Team
) -> None:
    # Amy's plan declined a self-harm threshold; Ben's set it at 10; Cai has no plan.
    await agree_plan(conn, team, team.amy, {"self_harm": None, "aggression": 9})
    await agree_plan(conn, team, team.ben, {"self_harm": 10})
    for patient in (team.amy, team.ben, team.cai):
        await add_entry(conn, patient, days_ago(1), risk_self_harm=7, outcome="resisted")
    rows = await caseload(conn, as_ward(team), now=NOW)
    assert {r.display_name: r.tier for r in rows} == {"Amy": 1, "Ben": 1, "Cai": 1}
    assert all("at or over the site's floor of 7" in r.reasons[0] for r in rows)


async def test_a_site_can_lower_its_floor(conn: asyncpg.Connection, team: Team) -> None:
    await conn.execute("UPDATE sites SET risk_floor = 5 WHERE id = $1", team.site)
    await add_entry(conn, team.amy, days_ago(1), risk_aggression=5)
    await add_entry(conn, team.ben, days_ago(1), risk_aggression=4)
    tiers = dict(await ordered(conn, team))
    assert (tiers["Amy"], tiers["Ben"]) == (1, 3)


async def test_the_plans_own_threshold_counts_below_the_floor(
    conn: asyncpg.Connection, team: Team
) -> None:
    await agree_plan(conn, team, team.amy, {"self_harm": 4, "substance_use": True})
    await agree_plan(conn, team, team.ben, {"aggression": 8})
    await add_entry(conn, team.amy, days_ago(1), risk_self_harm=4)
    await add_entry(conn, team.ben, days_ago(1), risk_aggression=5, risk_substance_use=True)
    await add_entry(conn, team.cai, days_ago(1), risk_substance_use=True)
    rows = {r.display_name: r for r in await caseload(conn, as_ward(team), now=NOW)}
    assert rows["Amy"].tier == 1
    assert "at or over the plan's threshold of 4 (once)" in rows["Amy"].reasons[0]
    assert rows["Ben"].tier == 3  # under the plan's 8 and the site's 7; no substance rule
    assert rows["Cai"].tier == 3
    await agree_plan(conn, team, team.cai, {"substance_use": True})
    rows = {r.display_name: r for r in await caseload(conn, as_ward(team), now=NOW)}
    assert rows["Cai"].tier == 1
    assert rows["Cai"].reasons == ["alcohol or drugs used once, which the plan asks to flag"]


async def test_within_a_tier_severity_then_acted_then_most_recent(
    conn: asyncpg.Connection, team: Team
) -> None:
    dan = await add_patient(conn, team, "Dan")
    await add_entry(conn, team.amy, days_ago(0.5), risk_self_harm=7, outcome="resisted")
    await add_entry(conn, team.ben, days_ago(3), risk_self_harm=9, outcome="resisted")
    await add_entry(conn, team.cai, days_ago(4), risk_self_harm=7, outcome="acted")
    await add_entry(conn, dan, days_ago(1), risk_aggression=7, outcome="resisted")
    assert await ordered(conn, team) == [("Ben", 1), ("Cai", 1), ("Amy", 1), ("Dan", 1)]


async def test_silence_is_measured_against_the_patients_own_habit(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    # Amy logs daily and has been quiet 4 days; Ben logs weekly and has been quiet 8 days.
    for n in range(4, 14):
        await add_entry(conn, team.amy, days_ago(n))
    for n in (8, 15, 22, 29):
        await add_entry(conn, team.ben, days_ago(n))
    await quiet_history(conn, team.cai)
    rows = {r.display_name: r for r in await caseload(conn, as_ward(team), now=NOW)}
    assert rows["Amy"].tier == 2
    assert rows["Amy"].reasons == ["no entry for 4 days (usually every day)"]
    assert rows["Ben"].tier == 3
    assert rows["Cai"].tier == 3


async def test_everyone_else_is_in_order_of_the_most_recent_entry(
    conn: asyncpg.Connection, team: Team
) -> None:
    await quiet_history(conn, team.amy)
    for n in (0.1, 1, 2, 3):
        await add_entry(conn, team.cai, days_ago(n))
    for n in (0.5, 1, 2, 3):
        await add_entry(conn, team.ben, days_ago(n))
    assert await ordered(conn, team) == [("Cai", 3), ("Ben", 3), ("Amy", 3)]


async def test_an_admin_sets_the_floor_with_a_clear_error_out_of_range(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    from factories import sign_in

    admin = await make_user(conn, team.site, "admin", "site.admin")
    await sign_in(client, conn, admin)
    refused = await client.put("/api/v1/site/risk-floor", json={"risk_floor": 11})
    assert refused.status_code == 422
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert "risk_floor" in refused.text
    changed = await client.put("/api/v1/site/risk-floor", json={"risk_floor": 5})
    assert changed.status_code == 200 and changed.json()["risk_floor"] == 5
    assert await conn.fetchval("SELECT risk_floor FROM sites WHERE id = $1", team.site) == 5
    assert await conn.fetchval(
        "SELECT resource FROM audit_log WHERE action = 'site.risk_floor'") == "5"
