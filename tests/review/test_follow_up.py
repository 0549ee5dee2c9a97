"""Assertive follow-up as tasks: a missed session opens a task, attempts and the decision
are recorded by name, and an open task keeps the patient in the caseload's second tier (the
first when a risk rule applies), flagged when overdue (hazard log H-030, H-031)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import asyncpg
from litestar.testing import AsyncTestClient
from review_data import Team, add_entry

from factories import sign_in


async def miss(client: AsyncTestClient, patient: UUID, days_ago: float) -> dict[str, Any]:
    """Book a session in the past and mark it not attended, as the review does."""
    url = f"/api/v1/patients/{patient}/appointments"
    when = (datetime.now(UTC) - timedelta(days=days_ago)).isoformat()
    made = (await client.post(url, json={"starts_at": when})).json()
    marked = await client.patch(f"{url}/{made['id']}", json={"status": "not_attended"})
    assert marked.status_code == 200, marked.text
    return made


async def row_of(client: AsyncTestClient, name: str) -> dict[str, Any]:
    rows = (await client.get("/api/v1/patients")).json()
    return next(r for r in rows if r["display_name"] == name)


async def test_a_missed_session_opens_a_task_that_is_followed_up_and_closed_by_name(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    missed = await miss(client, team.ben, days_ago=1)
    # Marking it again (a double click) opens nothing new.
    await client.patch(f"/api/v1/patients/{team.ben}/appointments/{missed['id']}",
                       json={"status": "not_attended"})
    url = f"/api/v1/patients/{team.ben}/follow-ups"
    tasks = (await client.get(url)).json()
    assert len(tasks) == 1
    task = tasks[0]
    assert (task["open"], task["overdue"], task["attempts"]) == (True, False, [])
    assert task["appointment_id"] == missed["id"]
    ben = await row_of(client, "Ben")
    assert ben["tier"] == 2 and ben["follow_up_tasks"] == 1
    assert any(r.startswith("follow-up open since") and r.endswith("no attempts yet")
               for r in ben["reasons"]), ben["reasons"]

    for outcome in ("no_answer", "message_left"):
        made = await client.post(f"{url}/{task['id']}/attempts", json={
            "attempted_at": datetime.now(UTC).isoformat(), "method": "phone",
            "outcome": outcome, "note": "mobile number on file"})
        assert made.status_code == 201, made.text
    after = made.json()
    assert [(a["method"], a["outcome"], a["made_by_name"]) for a in after["attempts"]] == [
        ("phone", "no_answer", "Dr Ward"), ("phone", "message_left", "Dr Ward")]
    ben = await row_of(client, "Ben")
    assert any(r.endswith(", 2 attempts") for r in ben["reasons"]), ben["reasons"]
    mine = (await client.get("/api/v1/follow-ups")).json()
    assert [(m["display_name"], len(m["task"]["attempts"])) for m in mine] == [("Ben", 2)]

    closed = await client.post(f"{url}/{task['id']}/close",
                               json={"decision": "rebooked", "note": "Thursday at 10"})
    assert closed.status_code == 201, closed.text
    body = closed.json()
    assert (body["open"], body["decision"], body["closed_by_name"]) == (False, "rebooked",
                                                                          "Dr Ward")
    ben = await row_of(client, "Ben")
    assert ben["follow_up_tasks"] == 0
    assert not any("follow-up" in r for r in ben["reasons"])
    assert (await client.get("/api/v1/follow-ups")).json() == []
    # Closed stays closed: a second decision or a late attempt is a clear 409.
    again = await client.post(f"{url}/{task['id']}/close", json={"decision": "escalated"})
    assert again.status_code == 409
    assert "already closed by Dr Ward" in again.json()["detail"]
    late = await client.post(f"{url}/{task['id']}/attempts", json={
        "attempted_at": datetime.now(UTC).isoformat(), "method": "text", "outcome": "reached"})
    assert late.status_code == 409
    actions = await conn.fetch(
        "SELECT action FROM audit_log WHERE actor_id = $1 AND patient_id = $2"
        " AND action LIKE 'follow_up.%' ORDER BY id", team.ward, team.ben)
    assert "follow_up.close" in [a["action"] for a in actions]


async def test_an_overdue_task_is_flagged_and_a_risk_rule_still_comes_first(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    await miss(client, team.amy, days_ago=4)
    await miss(client, team.cai, days_ago=4)
    await add_entry(conn, team.cai, datetime.now(UTC) - timedelta(hours=3),
                    risk_self_harm=9, outcome="resisted")
    amy, cai = await row_of(client, "Amy"), await row_of(client, "Cai")
    assert amy["tier"] == 2 and amy["follow_up_overdue"] is True
    assert any(r.endswith("no attempts yet, overdue") for r in amy["reasons"]), amy["reasons"]
    # Risk puts Cai first; the open follow-up is still said.
    assert cai["tier"] == 1
    assert any("follow-up open" in r for r in cai["reasons"])
    task = (await client.get(f"/api/v1/patients/{team.amy}/follow-ups")).json()[0]
    assert task["overdue"] is True
    # An attempt today makes the next one due in two days: no longer overdue.
    await client.post(f"/api/v1/patients/{team.amy}/follow-ups/{task['id']}/attempts", json={
        "attempted_at": datetime.now(UTC).isoformat(), "method": "letter",
        "outcome": "letter_sent"})
    amy = await row_of(client, "Amy")
    assert amy["follow_up_overdue"] is False and amy["tier"] == 2


async def test_a_session_corrected_to_attended_closes_its_task(
    client: AsyncTestClient, team: Team
) -> None:
    missed = await miss(client, team.amy, days_ago=1)
    await client.patch(f"/api/v1/patients/{team.amy}/appointments/{missed['id']}",
                       json={"status": "attended"})
    task = (await client.get(f"/api/v1/patients/{team.amy}/follow-ups")).json()[0]
    assert (task["open"], task["decision"], task["closed_by_name"]) == (
        False, "attended_after_all", "Dr Ward")
    amy = await row_of(client, "Amy")
    assert amy["follow_up_tasks"] == 0
    assert not any("follow-up" in r for r in amy["reasons"])


async def test_bad_follow_up_requests_name_the_field_and_store_nothing(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    await miss(client, team.amy, days_ago=1)
    url = f"/api/v1/patients/{team.amy}/follow-ups"
    task = (await client.get(url)).json()[0]
    now = datetime.now(UTC).isoformat()
    cases = [
        ({"attempted_at": now, "method": "pigeon", "outcome": "reached"}, "method"),
        ({"attempted_at": now, "method": "phone", "outcome": "maybe"}, "outcome"),
        ({"attempted_at": "2026-11-01T10:00:00", "method": "phone", "outcome": "reached"},
         "attempted_at"),
        ({"attempted_at": (datetime.now(UTC) + timedelta(days=1)).isoformat(),
          "method": "phone", "outcome": "reached"}, "attempted_at"),
        ({"attempted_at": now, "method": "phone", "outcome": "reached", "note": "a\u0000b"},
         "note"),
    ]
    for body, field in cases:
        response = await client.post(f"{url}/{task['id']}/attempts", json=body)
        assert response.status_code in (400, 422), body
        assert response.headers["content-type"].startswith("application/problem+json")
        assert field in response.text, response.text
    refused = await client.post(f"{url}/{task['id']}/close",
                                json={"decision": "attended_after_all"})
    assert refused.status_code == 422 and "decision" in refused.text
    assert await conn.fetchval("SELECT count(*) FROM follow_up_attempts") == 0
    assert (await client.get(url)).json()[0]["open"] is True
    missing = await client.post(f"{url}/{uuid4()}/close", json={"decision": "rebooked"})
    assert missing.status_code == 404


async def test_only_the_care_team_sees_or_records_follow_up(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    await miss(client, team.amy, days_ago=1)
    task = (await client.get(f"/api/v1/patients/{team.amy}/follow-ups")).json()[0]
    await sign_in(client, conn, team.shah)
    url = f"/api/v1/patients/{team.amy}/follow-ups"
    assert (await client.get(url)).status_code == 404
    closing = await client.post(f"{url}/{task['id']}/close", json={"decision": "escalated"})
    assert closing.status_code == 404
    assert (await client.get("/api/v1/follow-ups")).json() == []
    # Dr Shah's own patient, with Amy's task id: still 404, nothing closed.
    wrong = await client.post(f"/api/v1/patients/{team.dev}/follow-ups/{task['id']}/close",
                              json={"decision": "escalated"})
    assert wrong.status_code == 404
    await sign_in(client, conn, team.amy)
    assert (await client.get(url)).status_code == 403
    assert await conn.fetchval("SELECT closed_at FROM follow_up_tasks") is None
