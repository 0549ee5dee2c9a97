"""Sign-in and session benchmark (run by hand, not in CI; prints figures for
docs/benchmarks.md).

    .venv/bin/python bench/auth_bench.py [--port 8250] [--seconds 6]

Against a scratch database on the local PostgreSQL (BENCH_PG, default
postgresql://postgres@127.0.0.1:5432/postgres), the app as `diarycard serve` starts it,
with 1 worker:
  1. GET /healthz (no database) and GET /api/v1/me (one session lookup, the cost every API
     request pays) from 32 signed-in patients over keep-alive connections: requests a
     second and p50/p99 latency;
  2. POST /api/v1/session (argon2id at its default cost, m=64 MiB, t=3, p=4) from 4
     clients, each its own login: sign-ins a second and p50/p99.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import time

import asyncpg
import httpx
from scratch import PG, fresh_database

from diarycard.accounts.seed import ensure_site, ensure_user
from diarycard.auth.passwords import hash_password
from diarycard.auth.sessions import create_session
from diarycard.db.database import with_database
from diarycard.server import server_command

DB = "diarycard_bench_auth"
PASSWORD = "bench-lantern-harbour-plum"


async def prepare(patients: int) -> tuple[str, list[tuple[str, str]]]:
    conn = await fresh_database(DB)
    url = with_database(PG, DB)
    site = await ensure_site(conn, "Bench site")
    digest = await hash_password(PASSWORD)
    sessions = []
    for i in range(patients):
        user = await ensure_user(conn, site, "patient", f"bench.{i}", "Bench", digest)
        new = await create_session(conn, user, "patient", "bench")
        sessions.append((new.token, new.csrf_token))
    await conn.close()
    return url, sessions


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def load(base: str, seconds: float, clients: list[dict[str, str]], method: str,
               path: str, body: list[dict[str, str] | None]) -> tuple[float, list[float]]:
    latencies: list[float] = []
    stop = time.perf_counter() + seconds

    async def one(i: int) -> None:
        async with httpx.AsyncClient(base_url=base, headers=clients[i]) as client:
            while time.perf_counter() < stop:
                started = time.perf_counter()
                response = await client.request(method, path, json=body[i])
                assert response.status_code == 200, response.text
                latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(len(clients))))
    return len(latencies) / (time.perf_counter() - started), latencies


def report(name: str, rate: float, latencies: list[float]) -> None:
    print(f"{name:<34} {rate:8.1f}/s   p50 {1000 * statistics.median(latencies):7.1f} ms"
          f"   p99 {1000 * percentile(latencies, 0.99):7.1f} ms")


async def bench(port: int, seconds: float) -> None:
    url, sessions = await prepare(32)
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": url, "DIARYCARD_PUBLIC_URL": base,
           "DIARYCARD_LOG_LEVEL": "WARNING"}
    server = subprocess.Popen(
        server_command("127.0.0.1", port), env=env, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{base}/readyz").status_code == 200:
                    break
            except httpx.HTTPError:
                await asyncio.sleep(0.1)
        signed = [{"cookie": f"diarycard={token}"} for token, _ in sessions]
        nobody: list[dict[str, str] | None] = [None] * 32
        report("GET /healthz, 32 clients", *await load(base, seconds, signed, "GET",
                                                        "/healthz", nobody))
        report("GET /api/v1/me, 32 clients", *await load(base, seconds, signed, "GET",
                                                          "/api/v1/me", nobody))
        logins: list[dict[str, str] | None] = [
            {"login": f"bench.{i}", "password": PASSWORD} for i in range(4)
        ]
        report("POST /api/v1/session, 4 clients", *await load(
            base, seconds, [{"origin": base}] * 4, "POST", "/api/v1/session", logins))
    finally:
        server.terminate()
        server.wait(10)
        admin = await asyncpg.connect(PG)
        await admin.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        await admin.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8250)
    parser.add_argument("--seconds", type=float, default=6)
    args = parser.parse_args()
    asyncio.run(bench(args.port, args.seconds))
