from __future__ import annotations

import asyncio

import asyncpg

from diarycard.db.database import with_database
from diarycard.db.migrate import available, migrate, pending


async def _fresh(pg_url: str, name: str) -> str:
    admin = await asyncpg.connect(pg_url)
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    return with_database(pg_url, name)


async def _drop(pg_url: str, name: str) -> None:
    admin = await asyncpg.connect(pg_url)
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.close()


async def test_empty_to_head_then_a_no_op(pg_url: str, worker_id: str = "solo") -> None:
    name = f"dct_migrate_{id(object())}"
    url = await _fresh(pg_url, name)
    try:
        conn = await asyncpg.connect(url)
        assert len(await pending(conn)) == len(available())
        first = await migrate(conn)
        assert [m.version for m in first] == [m.version for m in available()]
        assert await migrate(conn) == []
        assert await pending(conn) == []
        rows = await conn.fetch("SELECT version FROM schema_migrations ORDER BY version")
        assert [r["version"] for r in rows] == [m.version for m in available()]
        await conn.close()
    finally:
        await _drop(pg_url, name)


async def test_two_concurrent_migrates_apply_each_migration_once(pg_url: str) -> None:
    name = f"dct_migrate_{id(object())}"
    url = await _fresh(pg_url, name)
    try:
        a, b = await asyncpg.connect(url), await asyncpg.connect(url)
        applied_a, applied_b = await asyncio.gather(migrate(a), migrate(b))
        versions = sorted(m.version for m in [*applied_a, *applied_b])
        assert versions == [m.version for m in available()]  # each once, by one of them
        count = await a.fetchval("SELECT count(*) FROM schema_migrations")
        assert count == len(available())
        await a.close()
        await b.close()
    finally:
        await _drop(pg_url, name)


async def test_a_failing_migration_leaves_nothing_behind(pg_url: str, tmp_path) -> None:
    (tmp_path / "0001_good.sql").write_text("CREATE TABLE good (id int);")
    (tmp_path / "0002_bad.sql").write_text("CREATE TABLE half (id int); SELECT 1/0;")
    name = f"dct_migrate_{id(object())}"
    url = await _fresh(pg_url, name)
    try:
        conn = await asyncpg.connect(url)
        try:
            await migrate(conn, tmp_path)
        except asyncpg.DivisionByZeroError:
            pass
        else:
            raise AssertionError("the bad migration should have failed")
        assert await conn.fetchval("SELECT to_regclass('good') IS NOT NULL")
        assert await conn.fetchval("SELECT to_regclass('half') IS NULL")
        assert [m.version for m in await pending(conn, tmp_path)] == [2]
        await conn.close()
    finally:
        await _drop(pg_url, name)
