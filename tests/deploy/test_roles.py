"""Least-privilege database roles: the app's role reads and writes rows and nothing more,
the audit trail is append-only for it, and `serve` without migration rights refuses a
schema that is behind instead of serving an API with missing tables."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from access_world import acting_as, seed_world
from diarycard.app import create_app
from diarycard.db.database import EMBEDDED_APP_ROLE, with_database
from diarycard.db.embedded import EmbeddedPostgres
from diarycard.db.migrate import migrate
from diarycard.settings import load_settings
from factories import as_app

BIN = Path(sys.executable).with_name("diarycard")


async def test_the_app_role_holds_no_rights_beyond_rows(conn, db_url) -> None:
    role = await conn.fetchrow(
        "SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls"
        "  FROM pg_roles WHERE rolname = $1", EMBEDDED_APP_ROLE)
    assert not any(role.values())
    grants = {
        privilege: await conn.fetchval(
            "SELECT has_table_privilege($1, 'audit_log', $2)", EMBEDDED_APP_ROLE, privilege)
        for privilege in ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")
    }
    assert grants == {"SELECT": True, "INSERT": True, "UPDATE": False, "DELETE": False,
                      "TRUNCATE": False}
    assert not await conn.fetchval(
        "SELECT has_schema_privilege($1, 'public', 'CREATE')", EMBEDDED_APP_ROLE)
    assert not await conn.fetchval(
        "SELECT has_table_privilege($1, 'schema_migrations', 'INSERT')", EMBEDDED_APP_ROLE)
    # Every table is covered, including any a later migration adds.
    tables = await conn.fetch(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        "   AND NOT has_table_privilege($1, format('%I.%I', schemaname, tablename), 'SELECT')",
        EMBEDDED_APP_ROLE)
    assert tables == []

    app = await asyncpg.connect(as_app(db_url))
    try:
        for forbidden in ("CREATE TABLE smuggled (id int)", "UPDATE audit_log SET action = 'x'",
                          "DELETE FROM audit_log", "TRUNCATE audit_log", "DROP TABLE entries",
                          "CREATE ROLE intruder"):
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await app.execute(forbidden)
    finally:
        await app.close()


async def test_migrating_again_changes_nothing_and_grants_stay(conn, db_url) -> None:
    # Run twice at once, as two migrate jobs might: the lock makes them take turns.
    async def once() -> list[object]:
        c = await asyncpg.connect(db_url)
        try:
            return list(await migrate(c, app_url=as_app(db_url)))
        finally:
            await c.close()

    assert await asyncio.gather(once(), once()) == [[], []]
    assert await conn.fetchval(
        "SELECT has_table_privilege($1, 'entries', 'INSERT')", EMBEDDED_APP_ROLE)


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {**{k: v for k, v in os.environ.items()
              if k not in ("DATABASE_URL", "DIARYCARD_MIGRATE_URL")}, **env}
    return subprocess.run([str(BIN), *args], env=env, capture_output=True, text=True,
                          timeout=60)


@pytest.fixture
async def empty_db(pg_url: str):
    name = f"dct_{os.getpid()}_empty_roles"
    admin = await asyncpg.connect(pg_url)
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.execute(f'CREATE DATABASE "{name}"')
    yield with_database(pg_url, name)
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.close()


async def test_serve_without_migration_rights_refuses_a_schema_behind(empty_db) -> None:
    # The app role exists (the template made it) but may not create tables here.
    refused = _run({"DATABASE_URL": as_app(empty_db)}, "serve", "--port", "1")
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "behind this version" in lines[0]
    assert "DIARYCARD_MIGRATE_URL" in lines[0]
    told = _run({"DATABASE_URL": as_app(empty_db)}, "migrate")
    assert told.returncode == 1 and "may not change the schema" in told.stderr

    migrated = _run({"DATABASE_URL": as_app(empty_db), "DIARYCARD_MIGRATE_URL": empty_db},
                    "migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert "Applied 0001_foundation" in migrated.stdout
    again = _run({"DATABASE_URL": as_app(empty_db), "DIARYCARD_MIGRATE_URL": empty_db},
                 "migrate")
    assert again.stdout.strip() == "Database is up to date."


def test_a_taken_login_never_reaches_the_database_log(embedded_dir: Path) -> None:
    """PostgreSQL logs a unique violation's detail, key values included; a login is often a
    person's name. The taken login must be answered from ON CONFLICT's empty result."""
    server = EmbeddedPostgres(str(embedded_dir))
    base = server.start()
    try:
        asyncio.run(_invite_twice(base, embedded_dir))
        log = (embedded_dir / "pgdata" / "log").read_text(errors="replace")
    finally:
        server.stop()
    assert "ready to accept connections" in log  # the server's own log, read whole
    assert "harriet.quill" not in log.lower()


async def _invite_twice(base: str, tmp_path: Path) -> None:
    conn = await asyncpg.connect(base)
    try:
        await migrate(conn, app_url=as_app(base))
        world = await seed_world(conn)
        settings = load_settings({}, public_url="https://testserver.local",
                                 data_dir=str(tmp_path), pool_max=2)
        async with AsyncTestClient(create_app(settings, as_app(base)),
                                   base_url="https://testserver.local") as client:
            admin = await acting_as(client, conn, world, "A1")
            body = {"role": "patient", "login": "Harriet.Quill", "display_name": "Harriet"}
            first = await client.post("/api/v1/invitations", headers=admin, json=body)
            again = await client.post("/api/v1/invitations", headers=admin, json=body)
        assert (first.status_code, again.status_code) == (201, 409)
    finally:
        await conn.close()
