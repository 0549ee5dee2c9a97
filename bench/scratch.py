"""The scratch database every benchmark starts from (run by hand, not in CI)."""

from __future__ import annotations

import os

import asyncpg

from diarycard.db.database import with_database
from diarycard.db.migrate import migrate

PG = os.environ.get("BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


async def fresh_database(name: str) -> asyncpg.Connection:
    """Drop and recreate `name` on BENCH_PG, migrate it, and answer a connection to it."""
    admin = await asyncpg.connect(PG)
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    conn = await asyncpg.connect(with_database(PG, name))
    await migrate(conn)
    return conn
