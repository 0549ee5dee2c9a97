"""Appointments drive "since the last session" and the follow-up list; notes sit beside a
patient's words and never change them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import asyncpg
from litestar.testing import AsyncTestClient
from review_data import Team, add_entry, audit_rows


async def test_a_session_is_scheduled_then_marked_and_follow_up_follows(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    url = f"/api/v1/patients/{team.ben}/appointments"
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    made = await client.post(url, json={"starts_at": past})
    assert made.status_code == 201, made.text
    appointment = made.json()
    assert (appointment["status"], appointment["duration_minutes"]) == ("scheduled", 50)
    assert appointment["clinician_name"] == "Dr Ward"
    marked = await client.patch(f"{url}/{appointment['id']}", json={"status": "not_attended"})
    assert marked.json()["status"] == "not_attended"
    ben = next(r for r in (await client.get("/api/v1/patients")).json()
               if r["display_name"] == "Ben")
    assert ben["follow_up"] is True
    assert "missed the last appointment" in ben["summary"]
    await client.patch(f"{url}/{appointment['id']}", json={"status": "attended"})
    listed = (await client.get(url)).json()
    assert [a["status"] for a in listed] == ["attended"]
    ben = next(r for r in (await client.get("/api/v1/patients")).json()
               if r["display_name"] == "Ben")
    assert ben["follow_up"] is False and ben["since_last_session"] is True
    actions = [a for p, a in await audit_rows(conn, team.ward) if p == team.ben]
    assert actions[:3] == ["appointments.create", "appointments.update", "caseload.view"]


async def test_bad_appointment_requests_are_refused_and_store_nothing(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    url = f"/api/v1/patients/{team.amy}/appointments"
    future = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    cases = [
        ({"starts_at": "2026-12-01T10:00:00"}, "starts_at"),  # no offset
        ({"starts_at": future, "duration_minutes": 2}, "duration_minutes"),
        ({"starts_at": future, "patient_id": str(team.ben)}, "patient_id"),
    ]
    for body, field in cases:
        response = await client.post(url, json=body)
        assert response.status_code in (400, 422), body
        assert field in response.json()["detail"]
    made = (await client.post(url, json={"starts_at": future})).json()
    later = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=0)
    moved = await client.patch(f"{url}/{made['id']}", json={"starts_at": later.isoformat(),
                                                            "duration_minutes": 30})
    assert datetime.fromisoformat(moved.json()["starts_at"]) == later
    assert moved.json()["duration_minutes"] == 30
    early = await client.patch(f"{url}/{made['id']}", json={"status": "attended"})
    assert early.status_code == 422
    assert early.json()["errors"][0]["field"] == "status"
    assert (await client.patch(f"{url}/{made['id']}", json={"status": "gone"})).status_code == 422
    other = await client.patch(f"/api/v1/patients/{team.ben}/appointments/{made['id']}",
                               json={"status": "cancelled"})
    assert other.status_code == 404
    assert await conn.fetchval("SELECT count(*) FROM appointments") == 1
    assert await conn.fetchval("SELECT status FROM appointments") == "scheduled"


async def test_notes_go_on_an_entry_or_a_session_and_leave_the_entry_alone(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    entry = await add_entry(conn, team.amy, datetime.now(UTC) - timedelta(hours=3),
                            note="my own words")
    url = f"/api/v1/patients/{team.amy}/notes"
    made = await client.post(url, json={"entry_id": str(entry), "body": "Talk about Friday."})
    assert made.status_code == 201, made.text
    assert made.json()["author_name"] == "Dr Ward"
    session = (await client.post(f"/api/v1/patients/{team.amy}/appointments",
                                 json={"starts_at": datetime.now(UTC).isoformat()})).json()
    on_session = await client.post(url, json={"appointment_id": session["id"],
                                              "body": "Agreed to try the breathing timer."})
    assert on_session.status_code == 201
    assert await conn.fetchval("SELECT note FROM entries WHERE id = $1", entry) == "my own words"
    assert await conn.fetchval("SELECT version FROM entries WHERE id = $1", entry) == 1
    on_entry = (await client.get(url, params={"entry_id": str(entry)})).json()
    assert [n["body"] for n in on_entry] == ["Talk about Friday."]
    assert len((await client.get(url)).json()) == 2
    timeline = (await client.get(f"/api/v1/patients/{team.amy}/review")).json()["timeline"]
    assert timeline[0]["notes"] == 1


async def test_bad_notes_are_refused(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    theirs = await add_entry(conn, team.ben, datetime.now(UTC))
    mine = await add_entry(conn, team.amy, datetime.now(UTC))
    url = f"/api/v1/patients/{team.amy}/notes"
    neither = await client.post(url, json={"body": "hello"})
    assert neither.status_code == 422 and neither.json()["errors"][0]["field"] == "entry_id"
    nul = await client.post(url, json={"entry_id": str(mine), "body": "a\u0000b"})
    assert nul.status_code == 422 and "body" in nul.json()["detail"]
    long = await client.post(url, json={"entry_id": str(mine), "body": "x" * 4001})
    assert long.status_code == 422
    assert (await client.post(url, json={"entry_id": str(theirs), "body": "hi"})).status_code == 404
    sneaky = await client.post(url, json={"entry_id": str(mine), "body": "hi", "author_id": "x"})
    assert sneaky.status_code in (400, 422)
    assert await conn.fetchval("SELECT count(*) FROM clinician_notes") == 0
