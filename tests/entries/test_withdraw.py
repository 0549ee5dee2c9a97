"""A patient withdraws an entry: it leaves their own diary at once; their care team still
sees it, marked withdrawn; it keeps counting in the caseload."""

from __future__ import annotations

import uuid

from access_world import acting_as, seed_world

ENTRY = {"category": "action", "occurred_at": "2026-11-20T21:30:00+00:00", "note": "mine",
         "risk": {"self_harm": 8}}


async def test_a_withdrawn_entry_leaves_the_patients_view_only(client, conn) -> None:
    world = await seed_world(conn)
    entry_id = str(uuid.uuid4())
    p1 = await acting_as(client, conn, world, "P1")
    assert (await client.put(f"/api/v1/entries/{entry_id}", headers=p1,
                             json=ENTRY)).status_code == 201
    withdrawn = await client.post(f"/api/v1/entries/{entry_id}/withdraw", headers=p1)
    assert withdrawn.status_code == 204
    again = await client.post(f"/api/v1/entries/{entry_id}/withdraw", headers=p1)
    assert again.status_code == 204  # a retry from the outbox changes nothing
    assert (await client.get(f"/api/v1/entries/{entry_id}", headers=p1)).status_code == 404
    assert (await client.get("/api/v1/entries", headers=p1)).json()["items"] == []
    # The care team still sees it, marked, in the diary and the caseload's counts.
    c1 = await acting_as(client, conn, world, "C1")
    theirs = await client.get(f"/api/v1/patients/{world.ids['P1']}/entries", headers=c1)
    assert [(e["id"], e["withdrawn"]) for e in theirs.json()["items"]] == [(entry_id, True)]
    review = await client.get(f"/api/v1/patients/{world.ids['P1']}/review", headers=c1,
                              params={"from": "2026-11-01"})
    assert [(e["id"], e["withdrawn"]) for e in review.json()["timeline"]] == [(entry_id, True)]
    row = await conn.fetchrow("SELECT version, withdrawn_at FROM entries WHERE id = $1",
                              uuid.UUID(entry_id))
    assert row["version"] == 2 and row["withdrawn_at"] is not None
    assert await conn.fetchval("SELECT count(*) FROM entry_revisions") == 1
    # Someone else's entry, or a made-up one, is not found.
    p2 = await acting_as(client, conn, world, "P2")
    assert (await client.post(f"/api/v1/entries/{entry_id}/withdraw",
                              headers=p2)).status_code == 404
