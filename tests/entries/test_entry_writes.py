"""Writing one entry: idempotent PUT, edits with base_version, soft delete, history,
and other people's ids answering exactly like missing ones."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

import asyncpg
from litestar.testing import AsyncTestClient

from factories import sign_in

if TYPE_CHECKING:  # a fixture's type; each test folder has its own conftest
    from conftest import People

URL = "/api/v1/entries/{}"
BST = timezone(timedelta(hours=1))


def body(**extra: Any) -> dict[str, Any]:
    # British Summer Time, so the offset that comes back is checked too.
    when = (datetime.now(UTC) - timedelta(hours=2)).astimezone(BST).isoformat()
    return {"occurred_at": when, "category": "action", **extra}


async def test_create_then_replay_answers_the_same(client: AsyncTestClient, people: People,
                                                   conn: asyncpg.Connection) -> None:
    entry_id = uuid.uuid4()
    when = (datetime.now(UTC) - timedelta(hours=1)).astimezone(timezone(timedelta(hours=1)))
    sent = body(occurred_at=when.isoformat(), emotion="Loneliness",
                emotion_intensity=8, urge="Get drunk", urge_strength=7,
                indicators=["Noticing the urge"], outcome="resisted",
                risk={"self_harm": 2, "substance_use": False}, note="Rang my sister.")
    first = await client.put(URL.format(entry_id), json=sent)
    assert first.status_code == 201, first.text
    again = await client.put(URL.format(entry_id), json=sent)
    assert again.status_code == 200
    assert again.json() == first.json()
    got = (await client.get(URL.format(entry_id))).json()
    assert got == first.json()
    # The phone's offset comes back as it was sent.
    assert got["occurred_at"] == when.isoformat()
    assert got["risk"] == {"self_harm": 2, "substance_use": False}
    assert got["version"] == 1 and got["time_flagged"] is False
    assert await conn.fetchval("SELECT count(*) FROM entries") == 1


async def test_only_the_time_and_category_are_needed(client: AsyncTestClient,
                                                     people: People) -> None:
    reply = await client.put(URL.format(uuid.uuid4()), json=body())
    assert reply.status_code == 201
    assert reply.json()["emotion"] is None and reply.json()["indicators"] == []


async def test_a_different_body_needs_the_version_it_was_based_on(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    entry_id = uuid.uuid4()
    first = body(note="first words")
    await client.put(URL.format(entry_id), json=first)
    clash = await client.put(URL.format(entry_id), json={**first, "note": "other words"})
    assert clash.status_code == 409
    assert clash.headers["content-type"].startswith("application/problem+json")
    stale = await client.put(URL.format(entry_id), json={**first, "note": "x",
                                                         "base_version": 7})
    assert stale.status_code == 412
    assert await conn.fetchval("SELECT note FROM entries") == "first words"

    edit = {**first, "note": "second words", "base_version": 1}
    edited = await client.put(URL.format(entry_id), json=edit)
    assert edited.status_code == 200
    assert edited.json()["version"] == 2 and edited.json()["note"] == "second words"
    # Replaying the edit (the phone never saw the answer) changes nothing more.
    replay = await client.put(URL.format(entry_id), json=edit)
    assert replay.status_code == 200 and replay.json() == edited.json()

    history = (await client.get(URL.format(entry_id) + "/revisions")).json()
    assert [h["version"] for h in history] == [1]
    assert history[0]["entry"]["note"] == "first words"
    assert history[0]["entry"]["occurred_at"] == first["occurred_at"]


async def test_delete_is_soft_and_keeps_history(client: AsyncTestClient, people: People,
                                                conn: asyncpg.Connection) -> None:
    entry_id = uuid.uuid4()
    sent = body(note="keep me")
    await client.put(URL.format(entry_id), json=sent)
    stale = await client.delete(URL.format(entry_id), params={"base_version": 3})
    assert stale.status_code == 412
    assert (await client.delete(URL.format(entry_id))).status_code == 204
    assert (await client.delete(URL.format(entry_id))).status_code == 204  # a replay
    assert (await client.get(URL.format(entry_id))).status_code == 404
    listed = (await client.get("/api/v1/entries")).json()
    assert listed["items"] == []
    again = await client.put(URL.format(entry_id), json=sent)
    assert again.status_code == 409
    history = (await client.get(URL.format(entry_id) + "/revisions")).json()
    assert history[0]["entry"]["note"] == "keep me"
    row = await conn.fetchrow("SELECT deleted_at, note FROM entries WHERE id = $1", entry_id)
    assert row["deleted_at"] is not None and row["note"] == "keep me"


async def test_someone_elses_entry_is_exactly_like_a_missing_one(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    theirs = uuid.uuid4()
    sent = body(note="Alex's private words")
    await client.put(URL.format(theirs), json=sent)
    await sign_in(client, conn, people.jordan)
    taken = await client.put(URL.format(theirs), json=sent)
    assert taken.status_code == 404 and "private" not in taken.text
    for method in ("get", "delete"):
        mine = await getattr(client, method)(URL.format(theirs))
        none = await getattr(client, method)(URL.format(uuid.uuid4()))
        assert mine.status_code == none.status_code == 404
        assert _without_id(mine.json()) == _without_id(none.json())
    history = await client.get(URL.format(theirs) + "/revisions")
    assert history.status_code == 404
    assert await conn.fetchval("SELECT count(*) FROM entries") == 1
    assert await conn.fetchval("SELECT note FROM entries") == "Alex's private words"


def _without_id(problem: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in problem.items() if k != "request_id"}


async def test_clinicians_never_write_patient_words(client: AsyncTestClient, people: People,
                                                    conn: asyncpg.Connection) -> None:
    await sign_in(client, conn, people.clinician)
    entry_id = uuid.uuid4()
    assert (await client.put(URL.format(entry_id), json=body())).status_code == 403
    assert (await client.delete(URL.format(entry_id))).status_code == 403
    sync = await client.post("/api/v1/sync", json={"operations": []})
    assert sync.status_code == 403
    assert (await client.get("/api/v1/entries")).status_code == 403
    assert await conn.fetchval("SELECT count(*) FROM entries") == 0


async def test_writes_need_the_csrf_token(client: AsyncTestClient, people: People,
                                          conn: asyncpg.Connection) -> None:
    del client.headers["x-csrf-token"]
    reply = await client.put(URL.format(uuid.uuid4()), json=body())
    assert reply.status_code == 403
    assert await conn.fetchval("SELECT count(*) FROM entries") == 0


async def test_fifty_concurrent_identical_puts_make_one_row(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    entry_id = uuid.uuid4()
    sent = body(emotion="Boredom", note="the same words every time")
    replies = await asyncio.gather(
        *(client.put(URL.format(entry_id), json=sent) for _ in range(50))
    )
    assert sorted({r.status_code for r in replies}) == [200, 201]
    assert sum(r.status_code == 201 for r in replies) == 1
    assert len({r.content for r in replies}) == 1
    assert await conn.fetchval("SELECT count(*) FROM entries") == 1
    assert await conn.fetchval("SELECT count(*) FROM entry_revisions") == 0


async def test_odd_clocks_are_kept_but_flagged(client: AsyncTestClient, people: People) -> None:
    now = datetime.now(UTC)
    cases = {
        "2001-06-01T12:00:00+00:00": True,  # long before the account existed
        (now + timedelta(hours=3)).isoformat(): True,  # a phone clock running fast
        (now - timedelta(minutes=5)).isoformat(): False,
    }
    for when, flagged in cases.items():
        reply = await client.put(URL.format(uuid.uuid4()), json=body(occurred_at=when))
        assert reply.status_code == 201, reply.text
        assert reply.json()["time_flagged"] is flagged, when


async def test_racing_edits_from_one_version_let_exactly_one_win(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    entry_id = uuid.uuid4()
    first = body(note="as first written")
    await client.put(URL.format(entry_id), json=first)
    edits = [{**first, "note": f"edit {i}", "base_version": 1} for i in range(10)]
    replies = await asyncio.gather(*(client.put(URL.format(entry_id), json=e) for e in edits))
    assert sorted(r.status_code for r in replies) == [200] + [412] * 9
    winner = next(r.json() for r in replies if r.status_code == 200)
    stored = await conn.fetchrow("SELECT version, note FROM entries WHERE id = $1", entry_id)
    assert (stored["version"], stored["note"]) == (2, winner["note"])
    assert await conn.fetchval("SELECT count(*) FROM entry_revisions") == 1
