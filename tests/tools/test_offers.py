"""Recording that the app offered a crisis-plan step after a diary entry."""

from __future__ import annotations

import asyncpg
from tools_api import Call

from access_world import World

OFFER = "/crisis-plan/offers/5b0c3a64-94a4-4f0e-9d43-0d4c2b6a1e01"
BODY = {
    "entry_id": "0f6b1b7e-8d2c-4a55-a9a4-7b8e7c7e1f11",
    "offered_at": "2026-03-01T21:15:00+00:00",
    "reason": "Early warning sign: Not sleeping",
}


async def test_an_offer_is_stored_once_and_counted_for_the_clinician(
    api: Call, conn: asyncpg.Connection, world: World
) -> None:
    first = await api("P1", "PUT", OFFER, json=BODY)
    assert first.status_code == 200
    replay = await api("P1", "PUT", OFFER, json=BODY)
    assert replay.json() == first.json()
    changed = await api("P1", "PUT", OFFER, json={**BODY, "reason": "Something else"})
    assert changed.status_code == 409
    # Another patient replaying the same id learns nothing.
    theirs = await api("P2", "PUT", OFFER, json=BODY)
    assert theirs.status_code == 404 and "Not sleeping" not in theirs.text
    rows = await conn.fetch("SELECT patient_id, entry_id, reason FROM crisis_offers")
    assert [(r["patient_id"], r["reason"]) for r in rows] == [
        (world.ids["P1"], "Early warning sign: Not sleeping")
    ]
    seen = await api("C1", "GET", "/patients/{P1}/crisis-plan/offers")
    assert [o["reason"] for o in seen.json()] == ["Early warning sign: Not sleeping"]
    assert (await api("C2", "GET", "/patients/{P1}/crisis-plan/offers")).status_code == 404
    assert (await api("C1", "PUT", OFFER, json=BODY)).status_code == 403


async def test_an_offer_needs_a_time_zone_and_a_reason(api: Call) -> None:
    naive = await api("P1", "PUT", OFFER, json={**BODY, "offered_at": "2026-03-01T21:15:00"})
    assert naive.status_code == 422 and "offered_at" in naive.json()["detail"]
    empty = await api("P1", "PUT", OFFER, json={**BODY, "reason": ""})
    assert empty.status_code == 422 and "reason" in empty.json()["detail"]


async def test_an_entry_is_offered_for_once_so_the_count_equals_the_offers_seen(
    api: Call, conn: asyncpg.Connection
) -> None:
    first = await api("P1", "PUT", OFFER, json=BODY)
    # Editing the entry later made the phone offer again, with a new id: counted once.
    again = await api("P1", "PUT", "/crisis-plan/offers/7d1e4b22-5c3f-4b8a-9e61-2f0a9c4d3b12",
                      json={**BODY, "offered_at": "2026-03-02T08:00:00+00:00"})
    assert again.status_code == 200 and again.json() == first.json()
    assert await conn.fetchval("SELECT count(*) FROM crisis_offers") == 1
    seen = await api("C1", "GET", "/patients/{P1}/crisis-plan/offers")
    assert len(seen.json()) == 1


async def test_an_offer_cannot_name_another_patients_entry(
    api: Call, conn: asyncpg.Connection, world: World
) -> None:
    theirs = "7d1f0e64-1c2a-4b4e-8a55-3e9d5b1c2a01"
    stored = await api("P2", "PUT", f"/entries/{theirs}", json={
        "category": "action", "occurred_at": "2026-03-01T21:00:00+00:00", "note": "P2's"})
    assert stored.status_code == 201
    refused = await api("P1", "PUT", OFFER, json={**BODY, "entry_id": theirs})
    assert refused.status_code == 404
    assert await conn.fetchval("SELECT count(*) FROM crisis_offers") == 0
    # Their own entry, or one that has not arrived yet, is fine.
    assert (await api("P1", "PUT", OFFER, json=BODY)).status_code == 200
