"""Tools reviewed together: every worksheet and checking-it-out record since the last
session, open and finished, all four steps, marked reviewed together with a note."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import asyncpg
from litestar.testing import AsyncTestClient
from review_data import Team, add_appointment

from factories import sign_in

SHEET = "3e1f6a2b-7c4d-4e8f-9a0b-1c2d3e4f5a01"
CHECK = "3e1f6a2b-7c4d-4e8f-9a0b-1c2d3e4f5a02"


async def test_worksheets_and_checks_since_the_last_session_are_reviewed_together(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    await add_appointment(conn, team.amy, team.ward, datetime.now(UTC) - timedelta(days=7),
                          "attended")
    await sign_in(client, conn, team.amy)
    done = await client.put(f"/api/v1/problem-solving/{SHEET}", json={
        "base_version": 0, "status": "done", "problem": "Rent is late",
        "solutions": [{"idea": "Call the landlord"}], "chosen": 0, "first_step": "Ring at 9",
        "what_happened": "He gave me a week", "learned": "Asking early helps"})
    assert done.status_code in (200, 201), done.text
    await client.put(f"/api/v1/checking-it-out/{CHECK}", json={
        "base_version": 0, "situation": "Jo did not reply", "assumed": "She is angry",
        "how_sure": 80, "learned": "She was at work"})
    await sign_in(client, conn, team.ward)
    url = f"/api/v1/patients/{team.amy}/session-tools"
    tools = (await client.get(url)).json()
    [sheet] = tools["worksheets"]
    assert sheet["status"] == "done"
    assert (sheet["fields"]["what_happened"], sheet["fields"]["learned"]) == (
        "He gave me a week", "Asking early helps")
    assert sheet["reviewed"] is None
    assert tools["checks"][0]["fields"]["assumed"] == "She is angry"
    marked = await client.post(f"{url}/{SHEET}/reviewed",
                               json={"version": 1, "note": "Try asking early again"})
    assert marked.status_code == 201, marked.text
    reviewed = marked.json()["worksheets"][0]["reviewed"]
    assert (reviewed["clinician_name"], reviewed["note"]) == ("Dr Ward",
                                                             "Try asking early again")
    stale = await client.post(f"{url}/{CHECK}/reviewed", json={"version": 5})
    assert stale.status_code == 412
    other = await client.post(f"/api/v1/patients/{team.ben}/session-tools/{SHEET}/reviewed",
                              json={"version": 1})
    assert other.status_code == 404
    await sign_in(client, conn, team.shah)
    assert (await client.get(url)).status_code == 404
    assert await conn.fetchval("SELECT count(*) FROM reviewed_together") == 1
