"""Through the real server command: the HTTP server must not believe X-Forwarded-For on
its own (uvicorn would, from any local peer). Only our middleware decides, from
DIARYCARD_TRUSTED_PROXIES, so a client cannot dodge the per-address sign-in limit."""

from __future__ import annotations

import os
from pathlib import Path

import asyncpg
import httpx

from browser_support import Server, free_port, run_async, scratch_database


async def _addresses(url: str) -> list[str]:
    conn = await asyncpg.connect(url)
    try:
        return [row["ip"] for row in await conn.fetch("SELECT DISTINCT ip FROM ip_throttle")]
    finally:
        await conn.close()


def test_a_forged_forwarded_for_is_not_the_client(
    pg_url: str, template_db: str, tmp_path: Path
) -> None:
    with scratch_database(pg_url, template_db, f"dct_forwarded_{os.getpid()}") as url:
        port = free_port(8700, 8799, "DIARYCARD_TEST_FORWARDED_PORT")
        with Server(url, tmp_path, port).running() as server:
            reply = httpx.post(
                f"{server.base}/api/v1/session",
                json={"login": "nobody.here", "password": "not-the-password"},
                headers={"X-Forwarded-For": "203.0.113.9", "Origin": server.base},
            )
            assert reply.status_code in (401, 403), reply.text
        assert run_async(_addresses(url)) == ["127.0.0.1"]
