"""The caseload: only my patients, the one who most needs attention first, in words."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import asyncpg
from litestar.testing import AsyncTestClient
from review_data import Team, add_appointment, add_entry, audit_rows

from diarycard.auth.principal import Principal
from diarycard.caseload.store import caseload
from factories import make_user, sign_in

# Thursday 26 November 2026, midday: London is on GMT.
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=UTC)


async def fixed_week(conn: asyncpg.Connection, t: Team) -> None:
    """Amy: seen Monday, four entries since. Ben: missed Tuesday, quiet for nine days.
    Cai: no session yet, one risky entry two days ago, a crisis step offered."""
    await add_appointment(conn, t.amy, t.ward, at(23), "attended")
    await add_appointment(conn, t.amy, t.ward, at(20), "not_attended")  # before the session
    await add_entry(conn, t.amy, at(22), outcome="acted")  # before the session: not counted
    for day, outcome in ((23, "acted"), (24, "acted"), (24, "resisted"), (25, "partly")):
        await add_entry(conn, t.amy, at(day, 18), outcome=outcome)
    await add_appointment(conn, t.ben, t.ward, at(16), "attended")
    await add_appointment(conn, t.ben, t.ward, at(24), "not_attended")
    await add_appointment(conn, t.ben, t.ward, at(30), "scheduled")
    await add_entry(conn, t.ben, at(17), "not_planning")
    cai_entry = await add_entry(conn, t.cai, at(24), risk_self_harm=8, risk_substance_use=True)
    await conn.execute(
        "INSERT INTO crisis_offers (id, patient_id, site_id, entry_id, offered_at, reason)"
        " VALUES ($1, $2, $3, $4, $5, 'warning sign')",
        uuid4(), t.cai, t.site, cai_entry, at(24),
    )


def as_ward(t: Team) -> Principal:
    return Principal(t.ward, "clinician", t.site, "dr.ward", "Dr Ward", uuid4())


async def test_rows_say_it_in_words_and_most_attention_comes_first(
    conn: asyncpg.Connection, team: Team
) -> None:
    await fixed_week(conn, team)
    rows = await caseload(conn, as_ward(team), now=NOW)
    assert [r.display_name for r in rows] == ["Cai", "Ben", "Amy"]
    cai, ben, amy = rows
    assert cai.summary == ("1 entry in the last 14 days; self-harm urge up to 8 out of 10, at "
                           "or over the site's floor of 7; crisis plan offered once; "
                           "alcohol or drugs used once")
    assert (cai.tier, cai.risk_floor) == (1, 7)
    assert ben.summary == "1 entry since 16 Nov; missed the last appointment; no entry for 9 days"
    assert ben.tier == 2
    assert ben.follow_up and ben.missed_appointments == 1
    assert ben.next_appointment_at == at(30)
    assert amy.summary == "4 entries since Mon; 2 urges acted on; 1 urge partly acted on"
    assert amy.tier == 3 and amy.reasons == []
    assert not amy.follow_up  # the missed one was before the last session
    assert (amy.entries_since, amy.acted_since, amy.days_since_last_entry) == (4, 2, 1)


async def test_a_plan_due_for_review_and_no_entries_yet_are_said(
    conn: asyncpg.Connection, team: Team
) -> None:
    await conn.execute(
        "INSERT INTO crisis_plan_versions (patient_id, site_id, version, draft_version, plan,"
        " review_date, patient_agreed_at, clinician_id, clinician_name, clinician_agreed_at)"
        " VALUES ($1, $2, 1, 1, '{}', $3, $4, $5, 'Dr Ward', $4)",
        team.amy, team.site, date(2026, 11, 30), at(1), team.ward,
    )
    rows = {r.display_name: r for r in await caseload(conn, as_ward(team), now=NOW)}
    assert rows["Amy"].summary == ("no entries in the last 14 days; no entries yet; "
                                   "crisis plan due for review")
    assert rows["Amy"].plan_review_due and rows["Amy"].tier == 2
    assert rows["Ben"].summary == "no entries in the last 14 days; no entries yet"


async def test_only_my_patients_are_listed_and_each_is_audited(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    now = datetime.now(UTC)
    await add_entry(conn, team.dev, now - timedelta(hours=1), risk_self_harm=10)
    await add_entry(conn, team.eve, now - timedelta(hours=1), risk_self_harm=10)
    response = await client.get("/api/v1/patients")
    assert response.status_code == 200
    body = response.json()
    assert {row["patient_id"] for row in body} == {str(team.amy), str(team.ben), str(team.cai)}
    assert {"patient_id", "login", "display_name", "summary"} <= set(body[0])
    audited = await audit_rows(conn, team.ward)
    assert sorted(str(p) for p, _ in audited) == sorted(row["patient_id"] for row in body)
    assert {action for _, action in audited} == {"caseload.view"}


async def test_unassigned_or_disabled_patients_drop_out_at_once(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    await conn.execute("DELETE FROM care_team WHERE patient_id = $1", team.amy)
    await conn.execute("UPDATE users SET disabled_at = now() WHERE id = $1", team.ben)
    body = (await client.get("/api/v1/patients")).json()
    assert [row["display_name"] for row in body] == ["Cai"]


async def test_patients_and_admins_are_refused(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    await sign_in(client, conn, team.amy)
    assert (await client.get("/api/v1/patients")).status_code == 403
    admin = await make_user(conn, team.site, "admin", "admin.one")
    await sign_in(client, conn, admin)
    response = await client.get("/api/v1/patients")
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("application/problem+json")
    client.cookies.clear()
    assert (await client.get("/api/v1/patients")).status_code == 401


async def test_no_query_modifier_widens_the_caseload(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    mine = {str(team.amy), str(team.ben), str(team.cai)}
    tries = [{"patient_id": str(team.dev)}, {"site": str(team.other_site)},
             {"site_id": str(team.other_site)}, {"clinician_id": str(team.shah)},
             {"_sort": "patient_id", "limit": "1000"}, {"q": "*"}, {"patient_id": ""}]
    for params in tries:
        response = await client.get("/api/v1/patients", params=params)
        assert response.status_code == 200, params
        assert {row["patient_id"] for row in response.json()} == mine, params
