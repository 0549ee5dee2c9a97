"""A clinician suggests reminder times; the patient accepts or declines, and whatever the
patient chooses afterwards stands. The suggestion is read and written through the care-team
gate, which audits it."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from factories import assign, make_site, make_user, sign_in


async def test_suggest_accept_then_the_patient_changes_them(
    client: AsyncTestClient, conn: asyncpg.Connection
) -> None:
    site = await make_site(conn)
    alex = await make_user(conn, site, "patient", "alex")
    sam = await make_user(conn, site, "clinician", "sam", "Sam Carter")
    await assign(conn, sam, alex)

    await sign_in(client, conn, alex)
    mine = {"enabled": True, "times": ["08:00"], "quiet_hours": {"start": "22:00", "end": "07:00"},
            "wording": "app"}
    assert (await client.put("/api/v1/me/reminders", json=mine)).status_code == 200

    await sign_in(client, conn, sam)
    url = f"/api/v1/patients/{alex}/reminder-suggestion"
    response = await client.put(url, json={"times": ["19:30", "09:00"], "days": [1, 3, 5]})
    assert response.status_code == 200, response.text
    seen = response.json()
    assert seen["reminders_on"] is True
    assert seen["suggestion"]["times"] == ["09:00", "19:30"]
    assert seen["suggestion"]["answer"] is None
    assert await conn.fetchval(
        "SELECT count(*) FROM audit_log WHERE actor_id = $1 AND action LIKE 'reminders.%'",
        sam) == 2  # the write, and the read that answers it

    await sign_in(client, conn, alex)
    # Nothing changed yet: a suggestion is only a suggestion.
    before = (await client.get("/api/v1/me/reminders")).json()
    assert before["times"] == ["08:00"]
    assert before["suggestion"]["suggested_by"] == "Sam Carter"
    accepted = await client.post("/api/v1/me/reminder-suggestion", json={"accept": True})
    assert accepted.status_code == 200, accepted.text
    now = accepted.json()
    assert (now["enabled"], now["times"], now["days"]) == (True, ["09:00", "19:30"], [1, 3, 5])
    # The patient's other choices stay theirs.
    assert now["wording"] == "app" and now["quiet_hours"] == mine["quiet_hours"]
    assert now["suggestion"] is None
    # Then the patient changes them: their choice wins.
    changed = await client.put("/api/v1/me/reminders", json={**mine, "times": ["10:00"]})
    assert changed.json()["times"] == ["10:00"]

    await sign_in(client, conn, sam)
    view = (await client.get(url)).json()
    assert view["suggestion"]["answer"] == "accepted"


async def test_declining_changes_nothing_and_answering_twice_is_404(
    client: AsyncTestClient, conn: asyncpg.Connection
) -> None:
    site = await make_site(conn)
    alex = await make_user(conn, site, "patient", "alex")
    sam = await make_user(conn, site, "clinician", "sam")
    await assign(conn, sam, alex)
    await sign_in(client, conn, sam)
    await client.put(f"/api/v1/patients/{alex}/reminder-suggestion", json={"times": ["09:00"]})
    await sign_in(client, conn, alex)
    declined = await client.post("/api/v1/me/reminder-suggestion", json={"accept": False})
    assert declined.status_code == 200
    assert declined.json()["times"] == [] and declined.json()["enabled"] is False
    again = await client.post("/api/v1/me/reminder-suggestion", json={"accept": True})
    assert again.status_code == 404


async def test_only_the_care_team_may_suggest(
    client: AsyncTestClient, conn: asyncpg.Connection
) -> None:
    site = await make_site(conn)
    alex = await make_user(conn, site, "patient", "alex")
    other = await make_user(conn, site, "clinician", "other")
    await sign_in(client, conn, other)
    url = f"/api/v1/patients/{alex}/reminder-suggestion"
    assert (await client.put(url, json={"times": ["09:00"]})).status_code == 404
    assert (await client.get(url)).status_code == 404
    bad = await client.put(url, json={"times": []})
    assert bad.status_code == 422 and "times" in bad.text
    await sign_in(client, conn, alex)
    assert (await client.put(url, json={"times": ["09:00"]})).status_code == 403
    assert await conn.fetchval("SELECT count(*) FROM reminder_suggestions") == 0
