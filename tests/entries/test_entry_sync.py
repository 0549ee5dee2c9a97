"""POST /sync: a batch of queued changes, each answered as the single call would be."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import asyncpg
from litestar.testing import AsyncTestClient

from factories import sign_in

if TYPE_CHECKING:  # a fixture's type; each test folder has its own conftest
    from conftest import People

SYNC = "/api/v1/sync"


def entry(note: str = "", **extra: Any) -> dict[str, Any]:
    when = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    return {"occurred_at": when, "category": "not_attending", "note": note, **extra}


def upsert(entry_id: uuid.UUID, body: dict[str, Any], base: int | None = None) -> dict[str, Any]:
    op: dict[str, Any] = {"op": "upsert", "id": str(entry_id), "entry": body}
    if base is not None:
        op["base_version"] = base
    return op


async def test_a_mixed_batch_answers_each_operation(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    kept, edited, stale, gone, clash = (uuid.uuid4() for _ in range(5))
    first = [upsert(i, entry(f"first {i}")) for i in (kept, edited, stale, gone, clash)]
    reply = await client.post(SYNC, json={"operations": first})
    assert [r["status"] for r in reply.json()["results"]] == [201] * 5

    new, bad, theirs = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await sign_in(client, conn, people.jordan)
    await client.put(f"/api/v1/entries/{theirs}", json=entry("Jordan's words"))
    await sign_in(client, conn, people.alex)
    ops = [
        first[0],  # a replay
        upsert(edited, entry("second words"), base=1),
        upsert(stale, entry("late words"), base=5),
        {"op": "delete", "id": str(gone), "base_version": 1},
        upsert(clash, entry("other words")),
        upsert(new, entry("brand new")),
        upsert(bad, entry("x" * 2001)),
        upsert(theirs, entry("mine now?")),
        {"op": "delete", "id": str(uuid.uuid4())},
    ]
    reply = await client.post(SYNC, json={"operations": ops})
    assert reply.status_code == 200, reply.text
    results = reply.json()["results"]
    assert [r["status"] for r in results] == [200, 200, 412, 204, 409, 201, 422, 404, 404]
    assert [r["id"] for r in results] == [op["id"] for op in ops]
    assert results[0]["entry"]["note"] == f"first {kept}"
    assert results[1]["entry"]["version"] == 2
    assert results[6]["problem"]["errors"][0]["field"] == "entry.note"
    assert "Jordan" not in reply.text

    notes = dict(await conn.fetch("SELECT id, note FROM entries WHERE patient_id = $1",
                                  people.alex))
    assert notes[edited] == "second words" and notes[stale] == f"first {stale}"
    assert notes[new] == "brand new" and bad not in notes
    assert await conn.fetchval("SELECT deleted_at IS NOT NULL FROM entries WHERE id = $1",
                               gone)
    assert await conn.fetchval("SELECT note FROM entries WHERE id = $1", theirs) == (
        "Jordan's words")
    assert await conn.fetchval("SELECT count(*) FROM entry_revisions") == 2  # edit + delete


async def test_sync_matches_the_single_calls(client: AsyncTestClient, people: People) -> None:
    one, two = uuid.uuid4(), uuid.uuid4()
    await client.put(f"/api/v1/entries/{one}", json=entry("single"))
    single = await client.put(f"/api/v1/entries/{one}", json=entry("clash"))
    batch = await client.post(SYNC, json={"operations": [upsert(one, entry("clash"))]})
    result = batch.json()["results"][0]
    assert result["status"] == single.status_code == 409
    assert result["problem"]["detail"] == single.json()["detail"]
    created = await client.post(SYNC, json={"operations": [upsert(two, entry("via sync"))]})
    got = await client.get(f"/api/v1/entries/{two}")
    assert created.json()["results"][0]["entry"] == got.json()


async def test_repeated_ids_refuse_the_batch(client: AsyncTestClient, people: People,
                                             conn: asyncpg.Connection) -> None:
    twice, once = uuid.uuid4(), uuid.uuid4()
    ops = [upsert(twice, entry("a")), upsert(once, entry("b")),
           {"op": "delete", "id": str(twice)}]
    reply = await client.post(SYNC, json={"operations": ops})
    assert reply.status_code == 422
    assert str(twice) in reply.json()["detail"] and str(once) not in reply.json()["detail"]
    assert await conn.fetchval("SELECT count(*) FROM entries") == 0


async def test_batch_limits(client: AsyncTestClient, people: People,
                            conn: asyncpg.Connection) -> None:
    too_many = [upsert(uuid.uuid4(), entry()) for _ in range(501)]
    reply = await client.post(SYNC, json={"operations": too_many})
    assert reply.status_code == 422 and reply.json()["errors"][0]["field"] == "operations"
    malformed = await client.post(SYNC, content=b'{"operations": [',
                                  headers={"content-type": "application/json"})
    assert malformed.status_code == 400, malformed.text
    unknown = await client.post(SYNC, json={"operations": [], "patient_id": "x"})
    assert unknown.status_code == 422
    huge = [upsert(uuid.uuid4(), entry("😀" * 2000)) for _ in range(300)]  # 2.4 MB
    too_big = await client.post(SYNC, json={"operations": huge})
    assert too_big.status_code == 413
    assert await conn.fetchval("SELECT count(*) FROM entries") == 0


async def test_operations_are_checked_one_by_one(client: AsyncTestClient, people: People,
                                                 conn: asyncpg.Connection) -> None:
    good = uuid.uuid4()
    ops = [
        {"op": "upsert", "id": str(uuid.uuid4())},  # no entry
        {"op": "delete", "id": str(uuid.uuid4()), "entry": entry()},
        {"op": "shred", "id": str(uuid.uuid4())},
        {"op": "upsert", "id": "not-a-uuid", "entry": entry()},
        upsert(uuid.uuid4(), {**entry(), "id": str(uuid.uuid4())}),
        upsert(uuid.uuid4(), entry("a\x00b")),
        upsert(good, entry("fine")),
    ]
    reply = await client.post(SYNC, json={"operations": ops})
    results = reply.json()["results"]
    assert [r["status"] for r in results] == [422] * 6 + [201]
    fields = [r["problem"]["errors"][0]["field"] for r in results[:6]]
    assert fields == ["entry", "entry", "op", "id", "entry.id", "entry.note"]
    assert await conn.fetchval("SELECT count(*) FROM entries") == 1


async def test_a_lone_surrogate_in_a_batch_names_its_field(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    when = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    op = ('{"op": "upsert", "id": "' + str(uuid.uuid4()) + '", "entry": {"occurred_at": "'
          + when + '", "category": "action", "urge": "\\ud800"}}')
    reply = await client.post(SYNC, content=('{"operations": [' + op + "]}").encode(),
                              headers={"content-type": "application/json"})
    result = reply.json()["results"][0]
    assert result["status"] == 422
    assert result["problem"]["errors"][0]["field"] == "entry.urge"


async def test_an_entry_sent_by_put_replays_through_sync(client: AsyncTestClient,
                                                         people: People) -> None:
    entry_id = uuid.uuid4()
    body = entry("sent twice, two ways")
    first = await client.put(f"/api/v1/entries/{entry_id}", json={**body, "id": str(entry_id)})
    assert first.status_code == 201
    reply = await client.post(SYNC, json={"operations": [upsert(entry_id, body)]})
    result = reply.json()["results"][0]
    assert result["status"] == 200 and result["entry"] == first.json()
