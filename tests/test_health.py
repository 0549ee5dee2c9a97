from __future__ import annotations

import asyncpg


async def test_healthz_answers_without_touching_the_database(client) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_ready_on_a_migrated_database(client) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


async def test_readyz_is_503_when_a_migration_is_missing(client, db_url) -> None:
    conn = await asyncpg.connect(db_url)
    await conn.execute("DELETE FROM schema_migrations WHERE version = 2")
    await conn.close()
    response = await client.get("/readyz")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "The database is not migrated yet."
