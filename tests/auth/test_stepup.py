"""Finding 4: exports ask for the password again after 5 minutes and are limited per
hour; diary entries are limited per patient per hour, counted in PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import pyotp
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from access_world import PASSWORD, TOTP_SECRET, World, acting_as, seed_world
from diarycard.app import create_app
from diarycard.auth.stepup import prune_counts
from diarycard.settings import load_settings

EXPORTS = [("P1", "/api/v1/me/export?format=json"), ("P1", "/api/v1/me/export?format=csv"),
           ("C1", "/api/v1/patients/{P1}/export?format=csv"),
           ("C1", "/api/v1/patients/{P1}/export?format=fhir")]


BASE = "https://testserver.local"


@asynccontextmanager
async def _limited(
    conn: asyncpg.Connection, db_url: str, tmp_path: Path, **limits: int
) -> AsyncIterator[tuple[AsyncTestClient[Litestar], World, dict[str, str]]]:
    """A client of an app with these hourly `limits`, and P1's headers, signed in."""
    settings = load_settings({}, public_url=BASE, pool_max=4, data_dir=str(tmp_path), **limits)
    world = await seed_world(conn)
    async with AsyncTestClient(create_app(settings, db_url), base_url=BASE) as client:
        client.headers["origin"] = BASE
        yield client, world, await acting_as(client, conn, world, "P1")


@pytest.mark.parametrize(("who", "path"), EXPORTS)
async def test_an_export_needs_the_password_again_after_five_minutes(
    client, conn, who, path
) -> None:
    world = await seed_world(conn)
    url = path.format(P1=world.ids["P1"])
    headers = await acting_as(client, conn, world, who)
    assert (await client.get(url, headers=headers)).status_code == 200  # just signed in
    await conn.execute("UPDATE sessions SET reauth_at = now() - interval '301 seconds'")
    refused = await client.get(url, headers=headers)
    assert refused.status_code == 403
    assert refused.json()["errors"] == [{"field": "password", "rule": "reauthenticate"}]
    assert "Person P1" not in refused.text
    wrong = await client.post("/api/v1/me/reauth", headers=headers,
                              json={"password": "not it"})
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "password"
    body = {"password": PASSWORD}
    if who != "P1":
        asked = await client.post("/api/v1/me/reauth", headers=headers, json=body)
        assert asked.status_code == 422
        assert asked.json()["errors"] == [{"field": "totp", "rule": "required"}]
        body["totp"] = pyotp.TOTP(TOTP_SECRET).now()
    assert (await client.post("/api/v1/me/reauth", headers=headers,
                              json=body)).status_code == 204
    assert (await client.get(url, headers=headers)).status_code == 200


async def test_exports_are_limited_per_person_per_hour(conn, db_url, tmp_path) -> None:
    async with _limited(conn, db_url, tmp_path, exports_per_hour=3) as (client, world, mine):
        statuses = [(await client.get("/api/v1/me/export", headers=mine)).status_code
                    for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        refused = await client.get("/api/v1/me/export", headers=mine)
        assert 0 < int(refused.headers["retry-after"]) <= 3600
        # Counted per person: someone else is unaffected; held in PostgreSQL, not the app.
        theirs = await acting_as(client, conn, world, "P2")
        assert (await client.get("/api/v1/me/export", headers=theirs)).status_code == 200
        assert await conn.fetchval("SELECT hits FROM usage_counts WHERE user_id = $1",
                                   world.ids["P1"]) == 3


def _entry(n: int) -> dict[str, object]:
    return {"category": "action", "occurred_at": "2026-05-01T10:00:00+00:00", "note": f"n{n}"}


async def test_new_entries_are_limited_per_patient_per_hour(conn, db_url, tmp_path) -> None:
    async with _limited(conn, db_url, tmp_path, entries_per_hour=5) as (client, world, mine):
        ids = [uuid.uuid4() for _ in range(6)]
        statuses = [(await client.put(f"/api/v1/entries/{i}", headers=mine,
                                      json=_entry(n))).status_code for n, i in enumerate(ids)]
        assert statuses == [201] * 5 + [429]
        # Sent again, still refused within the hour; the phone keeps it in its outbox and
        # sends it later (Retry-After). A batch is refused the same way.
        refused = await client.put(f"/api/v1/entries/{ids[5]}", headers=mine, json=_entry(5))
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
        batch = {"operations": [{"op": "upsert", "id": str(uuid.uuid4()), "entry": _entry(9)}]}
        assert (await client.post("/api/v1/sync", headers=mine, json=batch)).status_code == 429
        # Someone else is unaffected; nothing of the refused ones was stored.
        theirs = await acting_as(client, conn, world, "P2")
        assert (await client.put(f"/api/v1/entries/{uuid.uuid4()}", headers=theirs,
                                 json=_entry(0))).status_code == 201
        assert await conn.fetchval("SELECT count(*) FROM entries WHERE patient_id = $1",
                                   world.ids["P1"]) == 5
        # Refused until the hour turns (Retry-After says when); a replay of a stored entry
        # (its answer was lost) is still answered, and edits are not counted.
        assert int(refused.headers["retry-after"]) <= 3600
        replay = await client.put(f"/api/v1/entries/{ids[0]}", headers=mine, json=_entry(0))
        assert replay.status_code == 200
        edit = await client.put(f"/api/v1/entries/{ids[1]}", headers=mine,
                                json={**_entry(7), "base_version": 1})
        assert edit.status_code == 200 and edit.json()["version"] == 2
        assert await conn.fetchval(
            "SELECT hits FROM usage_counts WHERE user_id = $1 AND kind = 'entry'",
            world.ids["P1"]) == 5


async def test_a_replayed_batch_does_not_use_up_the_quota(conn, db_url, tmp_path) -> None:
    """A phone that lost the answer sends the same batch again: only new ids are counted."""
    async with _limited(conn, db_url, tmp_path, entries_per_hour=3) as (client, _world, mine):
        ops = [{"op": "upsert", "id": str(uuid.uuid4()), "entry": _entry(n)} for n in range(3)]
        for expected in (201, 200, 200):  # sent, then sent twice more
            reply = await client.post("/api/v1/sync", headers=mine, json={"operations": ops})
            assert reply.status_code == 200
            assert {r["status"] for r in reply.json()["results"]} == {expected}
        one_more = [{"op": "upsert", "id": str(uuid.uuid4()), "entry": _entry(3)}]
        reply = await client.post("/api/v1/sync", headers=mine, json={"operations": one_more})
        assert reply.status_code == 429


async def test_the_default_quota_takes_a_full_sync_and_a_day_offline(client, conn) -> None:
    world = await seed_world(conn)
    mine = await acting_as(client, conn, world, "P1")
    for _ in range(2):  # two full batches: a day offline and more
        ops = [{"op": "upsert", "id": str(uuid.uuid4()), "entry": _entry(n)} for n in range(500)]
        reply = await client.post("/api/v1/sync", headers=mine, json={"operations": ops})
        assert reply.status_code == 200
        assert {r["status"] for r in reply.json()["results"]} == {201}


async def test_the_workers_hourly_pass_drops_only_counts_of_hours_long_gone(conn) -> None:
    world = await seed_world(conn)
    who = world.ids["P1"]
    await conn.execute(
        """INSERT INTO usage_counts (user_id, kind, window_start, hits)
           VALUES ($1, 'entry', date_trunc('hour', now()) - interval '3 hours', 7),
                  ($1, 'entry', date_trunc('hour', now()), 2)""", who)
    await prune_counts(conn)
    kept = await conn.fetch("SELECT hits FROM usage_counts WHERE user_id = $1", who)
    assert [r["hits"] for r in kept] == [2]
