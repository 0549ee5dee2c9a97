"""Numbered SQL migrations, carried in the package (`diarycard/migrations`, which is
`schemas/sql/` in the repository), applied in order. A new `NNNN_words.sql` file there is
picked up with no other change.

Each runs in its own transaction and is recorded in `schema_migrations`. An advisory lock
makes two instances that start together take turns: the second finds the work done.
"""

from __future__ import annotations

import asyncio
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from diarycard.db import roles
from diarycard.db.database import Urls
from diarycard.resources import migrations_dir

SQL_DIR = migrations_dir()
_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
# Any fixed number will do; it only has to be the same for every diarycard process.
_LOCK_KEY = 0x6469617279


class MigrationsMissing(Exception):
    """The package carries no migrations: a broken build. Saying "up to date" and serving
    an API with no tables would be far worse than stopping."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available(sql_dir: Path = SQL_DIR) -> list[Migration]:
    if not sql_dir.is_dir():
        raise MigrationsMissing(f"no migrations folder at {sql_dir}: the package is incomplete")
    found = []
    for path in sorted(sql_dir.glob("*.sql")):
        match = _FILE.match(path.name)
        if match is None:
            raise ValueError(f"{path.name}: migrations are named NNNN_words.sql")
        found.append(Migration(int(match[1]), match[2], path.read_text(encoding="utf-8")))
    if not found:
        raise MigrationsMissing(f"no migrations in {sql_dir}: the package is incomplete")
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise ValueError("two migrations share a number")
    return found


async def migrate(
    conn: asyncpg.Connection, sql_dir: Path = SQL_DIR, app_url: str | None = None
) -> list[Migration]:
    """Apply pending migrations as the connection's role (the migrator); answer the ones
    this call applied. With `app_url` signing in as another role, that role is created if
    missing and granted row access to every table (diarycard/db/roles.sql)."""
    to_apply = available(sql_dir)  # before the lock: a broken package fails at once
    applied: list[Migration] = []
    await conn.execute("SELECT pg_advisory_lock($1)", _LOCK_KEY)
    try:
        await conn.execute(
            """CREATE TABLE IF NOT EXISTS schema_migrations (
                   version integer PRIMARY KEY,
                   name text NOT NULL,
                   applied_at timestamptz NOT NULL DEFAULT now())"""
        )
        done = {r["version"] for r in await conn.fetch("SELECT version FROM schema_migrations")}
        for migration in to_apply:
            if migration.version in done:
                continue
            async with conn.transaction():
                await conn.execute(migration.sql)
                await conn.execute(
                    "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                    migration.version,
                    migration.name,
                )
            applied.append(migration)
        app_role, app_password = roles.user_of(app_url) if app_url else (None, None)
        if app_role is not None and app_role != await conn.fetchval("SELECT current_user"):
            await roles.grant_app_role(conn, app_role, app_password)
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1)", _LOCK_KEY)
    return applied


async def pending(conn: asyncpg.Connection, sql_dir: Path = SQL_DIR) -> list[Migration]:
    """Migrations not yet applied (all of them when the table is missing)."""
    exists = await conn.fetchval("SELECT to_regclass('schema_migrations') IS NOT NULL")
    done: set[int] = set()
    if exists:
        done = {r["version"] for r in await conn.fetch("SELECT version FROM schema_migrations")}
    return [m for m in available(sql_dir) if m.version not in done]


class SchemaNotReady(Exception):
    """The schema cannot be brought up to date from here: one line for the operator."""


async def prepare(urls: Urls, command: str) -> list[Migration] | None:
    """Bring the schema up to date as the migrator, and grant the app role (when it is
    another role). With no DIARYCARD_MIGRATE_URL, DATABASE_URL's role migrates only if it
    may create tables (development); otherwise `serve` starts only on an up-to-date schema
    (None: nothing was ours to do) and `migrate` says what is missing."""
    conn = await asyncpg.connect(urls.migrator or urls.app)
    try:
        if urls.migrator is None and not await roles.may_migrate(conn):
            if command == "migrate":
                raise SchemaNotReady(
                    "DATABASE_URL's role may not change the schema: set DIARYCARD_MIGRATE_URL "
                    "to the migrator role's URL"
                )
            behind = await pending(conn)
            if behind:
                raise SchemaNotReady(
                    f"the database schema is behind this version ({len(behind)} migrations "
                    "to apply): run `diarycard migrate` with DIARYCARD_MIGRATE_URL first"
                )
            return None
        app_url = urls.app if urls.migrator is not None else None
        return await migrate(conn, app_url=app_url)
    finally:
        await conn.close()


def prepare_or_exit(urls: Urls, command: str) -> list[Migration] | None:
    """`prepare` for a command line: SystemExit with one line when it cannot be done."""
    try:
        return asyncio.run(prepare(urls, command))
    except (MigrationsMissing, SchemaNotReady) as exc:
        print(f"diarycard: {exc}", file=sys.stderr)
    except (OSError, asyncpg.PostgresError) as exc:
        print(f"diarycard: cannot migrate the database: {exc}".splitlines()[0], file=sys.stderr)
    raise SystemExit(1)
