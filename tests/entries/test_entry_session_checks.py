"""Every diary write proves its session in the write itself (`session_principal`, called
from `write_entries`). These run valid writes (a PUT, a sync, a delete) past every way a
session can be wrong, and check that the answer is the usual one and nothing is stored."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import asyncpg
import msgspec
import pytest
from litestar.testing import AsyncTestClient

from diarycard.auth.principal import SessionClaim, token_hash
from diarycard.auth.sessions import create_session
from diarycard.entries.checks import body_hash, refuse_repeated_keys
from diarycard.entries.models import EntryIn
from diarycard.entries.rows import records_json, to_record
from diarycard.entries.sync import SQL
from diarycard.errors import Invalid
from factories import sign_in

if TYPE_CHECKING:  # a fixture's type; each test folder has its own conftest
    from conftest import People

URL = "/api/v1/entries/{}"


def new_entry() -> dict[str, Any]:
    when = (datetime.now(UTC) - timedelta(minutes=5)).isoformat()
    return {"occurred_at": when, "category": "action", "urge": "Walk out", "urge_strength": 6}


async def _stored(conn: asyncpg.Connection) -> int:
    count: int = await conn.fetchval("SELECT count(*) FROM entries")
    return count


async def test_a_new_entry_is_stored_once_for_its_patient(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    entry_id = uuid.uuid4()
    reply = await client.put(URL.format(entry_id), json=new_entry())
    assert reply.status_code == 201, reply.text
    owner = await conn.fetchval("SELECT patient_id FROM entries WHERE id = $1", entry_id)
    assert owner == people.alex


async def test_a_wrong_csrf_token_stores_nothing(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    reply = await client.put(URL.format(uuid.uuid4()), json=new_entry(),
                             headers={"x-csrf-token": "not-the-token"})
    assert reply.status_code == 403
    assert "security token" in reply.json()["detail"]
    missing = await client.put(URL.format(uuid.uuid4()), json=new_entry(),
                               headers={"x-csrf-token": ""})
    assert missing.status_code == 403
    assert await _stored(conn) == 0


@pytest.mark.parametrize("ending", [
    "UPDATE sessions SET revoked_at = now()",
    "UPDATE sessions SET expires_at = now() - interval '1 second'",
    "UPDATE sessions SET last_seen_at = now() - idle_timeout - interval '1 second'",
    "UPDATE users SET disabled_at = now()",
])
async def test_an_ended_session_stores_nothing(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection, ending: str
) -> None:
    await conn.execute(ending)
    reply = await client.put(URL.format(uuid.uuid4()), json=new_entry())
    assert reply.status_code == 401
    assert reply.headers["content-type"].startswith("application/problem+json")
    assert await _stored(conn) == 0


async def test_no_cookie_stores_nothing(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    client.cookies.clear()
    reply = await client.put(URL.format(uuid.uuid4()), json=new_entry())
    assert reply.status_code == 401
    assert await _stored(conn) == 0


async def test_a_clinician_cannot_write_an_entry(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    await conn.execute("UPDATE users SET totp_enabled = true WHERE id = $1", people.clinician)
    await sign_in(client, conn, people.clinician)
    reply = await client.put(URL.format(uuid.uuid4()), json=new_entry())
    assert reply.status_code == 403
    assert await _stored(conn) == 0


async def test_a_signed_out_bad_body_is_asked_to_sign_in_first(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    """The session is checked before the body is judged, as on every other route."""
    client.cookies.clear()
    reply = await client.put(URL.format(uuid.uuid4()), json={"category": "sometimes"})
    assert reply.status_code == 401
    assert await _stored(conn) == 0


async def test_a_refused_session_is_told_before_a_bad_body(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    """403 comes before 400 and 422 too: a wrong CSRF token, or someone who is not a
    patient, hears that first, whatever the body (not JSON, or breaking a rule)."""
    bad_bodies = [b"{not json", b'{"category": "sometimes"}']
    for body in bad_bodies:
        reply = await client.put(URL.format(uuid.uuid4()), content=body,
                                 headers={"x-csrf-token": "nope"})
        assert reply.status_code == 403, reply.text
    await conn.execute("UPDATE users SET totp_enabled = true WHERE id = $1", people.clinician)
    await sign_in(client, conn, people.clinician)
    for body in bad_bodies:
        reply = await client.put(URL.format(uuid.uuid4()), content=body)
        assert reply.status_code == 403, reply.text
        sync = await client.post("/api/v1/sync", content=body)
        assert sync.status_code == 403, sync.text
    assert await _stored(conn) == 0


async def test_writing_slides_the_idle_window(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    """A patient who only ever logs entries stays signed in: the write's round trip
    moves last_seen_at on (at most once a minute)."""
    await conn.execute("UPDATE sessions SET last_seen_at = now() - interval '10 minutes'")
    reply = await client.put(URL.format(uuid.uuid4()), json=new_entry())
    assert reply.status_code == 201
    idle = await conn.fetchval("SELECT now() - last_seen_at FROM sessions")
    assert idle < timedelta(minutes=1)


async def test_someone_elses_id_still_answers_404(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    entry_id = uuid.uuid4()
    await sign_in(client, conn, people.jordan)
    assert (await client.put(URL.format(entry_id), json=new_entry())).status_code == 201
    await sign_in(client, conn, people.alex)
    reply = await client.put(URL.format(entry_id), json=new_entry())
    assert reply.status_code == 404
    owner = await conn.fetchval("SELECT patient_id FROM entries WHERE id = $1", entry_id)
    assert owner == people.jordan


@pytest.mark.parametrize("body", [
    b'{"a": 1, "b": {"a": 2}}',  # the same key in two objects is fine
    b'{"operations": [{"id": 1}, {"id": 2}]}',
    b'{"note": "\\"a\\": 1, \\"a\\": 2"}',  # key-like text inside a string
    b'{"a": "x"}',
    b"not json at all",
])
def test_repeated_keys_are_only_refused_inside_one_object(body: bytes) -> None:
    refuse_repeated_keys(body)


@pytest.mark.parametrize("body", [
    b'{"note": 1, "note": 2}',
    b'{"risk": {"self_harm": 1, "self_harm": 2}}',
    b'{"note": 1, "no\\u0074e": 2}',  # the same key, spelled with an escape
    b'{"operations": [{"id": 1, "op": "x", "id": 2}]}',
])
def test_a_key_twice_in_one_object_is_refused(body: bytes) -> None:
    with pytest.raises(Invalid):
        refuse_repeated_keys(body)


async def test_a_sync_proves_its_session_in_the_write(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    body = {"operations": [{"op": "upsert", "id": str(uuid.uuid4()), "entry": new_entry()}]}
    wrong = await client.post("/api/v1/sync", json=body, headers={"x-csrf-token": "nope"})
    assert wrong.status_code == 403
    await sign_in(client, conn, people.clinician)
    assert (await client.post("/api/v1/sync", json=body)).status_code == 403
    client.cookies.clear()
    assert (await client.post("/api/v1/sync", json=body)).status_code == 401
    bad = await client.post("/api/v1/sync", json={"operations": "all of them"})
    assert bad.status_code == 401  # who is asking is answered before the body
    assert await _stored(conn) == 0


async def test_a_batch_of_deletes_only_still_proves_its_session(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    """With nothing to insert, the write statement still runs, to prove the session."""
    entry_id = uuid.uuid4()
    assert (await client.put(URL.format(entry_id), json=new_entry())).status_code == 201
    body = {"operations": [{"op": "delete", "id": str(entry_id)}]}
    wrong = await client.post("/api/v1/sync", json=body, headers={"x-csrf-token": "nope"})
    assert wrong.status_code == 403
    deleted = await client.delete(URL.format(entry_id), headers={"x-csrf-token": "nope"})
    assert deleted.status_code == 403
    assert await conn.fetchval("SELECT deleted_at FROM entries WHERE id = $1", entry_id) is None
    assert (await client.post("/api/v1/sync", json=body)).json()["results"][0]["status"] == 204
    assert await conn.fetchval("SELECT deleted_at FROM entries WHERE id = $1", entry_id)


async def test_refused_writes_give_their_connection_back(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    """Many more refusals than the pool has connections: each one's connection is
    returned (a dependency that raised beside `conn` once left it to the collector)."""
    client.cookies.clear()
    for _ in range(40):
        assert (await client.put(URL.format(uuid.uuid4()), json=new_entry())).status_code == 401
    await sign_in(client, conn, people.alex)
    assert (await client.put(URL.format(uuid.uuid4()), json=new_entry())).status_code == 201


async def test_the_write_keeps_one_plan(people: People, conn: asyncpg.Connection) -> None:
    """PostgreSQL plans a prepared statement afresh on each call while it guesses that a
    fresh plan is cheaper; for the write that cost more than the write itself. Priced
    right (session_principal ROWS 1), it settles on one generic plan after five calls."""
    new = await create_session(conn, people.alex, "patient", "pytest")
    claim = SessionClaim(token_hash(new.token), new.csrf_token, False, "-", "")
    for _ in range(8):
        entry = msgspec.convert(new_entry(), EntryIn)
        records = records_json([to_record(uuid.uuid4(), entry, body_hash(entry))])
        rows = await conn.fetch(SQL["write_entries"], *claim.params, records, 100, [])
        assert rows[0]["id"] is not None and rows[0]["user_id"] == people.alex
    generic, custom = await conn.fetchrow(
        "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1",
        SQL["write_entries"])
    assert (generic, custom) == (3, 5)
