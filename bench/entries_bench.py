"""Diary write benchmark (run by hand, not in CI; prints figures for docs/benchmarks.md).

    .venv/bin/python bench/entries_bench.py [--port 8300] [--seconds 8] [--clients 32]
                                            [--rounds 3]

In one run, against a scratch database on the local PostgreSQL (BENCH_PG, default
postgresql://postgres@127.0.0.1:5432/postgres):
  1. raw asyncpg (a pool of 16, the same 32-way concurrency) inserting the same rows: the
     ceiling, and the denominator of the ratio;
  2. the app as `diarycard serve` starts it (diarycard.server) on 1 and then 2 workers: each of
     32 clients is a signed-in patient sending single-entry PUTs with its session cookie
     and CSRF token over keep-alive HTTP/1.1; throughput and p50/p99 latency. Steps 1 and
     2 run `--rounds` times, one after the other, and the summary gives the medians and
     ranges: on a shared two-core machine one round's p99 moves by a fifth;
  3. one 500-entry POST /sync, several times: time from request to full response over
     loopback (an upper bound on server time).
The load generator is a few lines of asyncio on uvloop, not httpx, with its bodies built
before the clock starts, so the client costs little of the two cores the server also needs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import msgspec
import uvloop
from scratch import PG, fresh_database

from diarycard.auth.sessions import create_session
from diarycard.db.database import with_database
from diarycard.entries.checks import body_hash
from diarycard.entries.models import EntryIn
from diarycard.server import server_command

DB = "diarycard_bench_entries"
NOW = datetime.now(UTC)


def entry(i: int) -> dict[str, Any]:
    when = (NOW - timedelta(minutes=i % 600)).astimezone().isoformat()
    return {"occurred_at": when, "category": "action", "emotion": "Loneliness",
            "emotion_intensity": i % 11, "urge": "Get drunk", "urge_strength": (i * 7) % 11,
            "indicators": ["I notice the urge to act pushing me"],
            "helpful_response": "Meet friends", "outcome": "resisted",
            "note": "Rang my sister instead, and went for a walk after. 🙂"}


async def prepare(patients: int) -> tuple[str, list[uuid.UUID], list[tuple[str, str]]]:
    conn = await fresh_database(DB)
    url = with_database(PG, DB)
    site = await conn.fetchval("INSERT INTO sites (name) VALUES ('Bench site') RETURNING id")
    ids, sessions = [], []
    for i in range(patients):
        user = await conn.fetchval(
            """INSERT INTO users (site_id, role, login, display_name, created_at)
               VALUES ($1, 'patient', $2, 'Bench', now() - interval '30 days') RETURNING id""",
            site, f"bench.{i}",
        )
        new = await create_session(conn, user, "patient", "bench")
        ids.append(user)
        sessions.append((new.token, new.csrf_token))
    await conn.close()
    return url, ids, sessions


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


RAW_INSERT = """
INSERT INTO entries (id, patient_id, occurred_at, occurred_offset, category, emotion,
    emotion_intensity, urge, urge_strength, indicators, helpful_response, outcome, note,
    body_hash)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"""


async def raw_asyncpg(url: str, patients: list[uuid.UUID], clients: int,
                      seconds: float) -> tuple[float, list[float]]:
    """Rows per second, and each INSERT's latency, for plain single-row INSERTs of the
    same entries: what the database alone gives at the same concurrency."""
    pool = await asyncpg.create_pool(url, min_size=16, max_size=16)
    done = 0
    latencies: list[float] = []

    async def worker(n: int) -> None:
        nonlocal done
        i = n * 1_000_000
        while (started := time.perf_counter()) < deadline:
            body = entry(i)
            parsed = msgspec.convert(body, EntryIn)
            offset = parsed.occurred_at.utcoffset() or timedelta(0)
            await pool.execute(
                RAW_INSERT, uuid.uuid4(), patients[n % len(patients)], parsed.occurred_at,
                int(offset.total_seconds()), "action", body["emotion"],
                body["emotion_intensity"], body["urge"], body["urge_strength"],
                body["indicators"], body["helpful_response"], body["outcome"], body["note"],
                body_hash(parsed),
            )
            latencies.append(time.perf_counter() - started)
            done += 1
            i += 1

    deadline = time.perf_counter() + seconds
    started = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in range(clients)))
    elapsed = time.perf_counter() - started
    await pool.close()
    return done / elapsed, latencies


class Http:
    """One keep-alive HTTP/1.1 connection: just enough client for this benchmark."""

    def __init__(self, port: int, token: str, csrf: str) -> None:
        self.port, self.token, self.csrf = port, token, csrf

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def send(self, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
        head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Cookie: diarycard={self.token}\r\nX-CSRF-Token: {self.csrf}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
        self.writer.write(head.encode() + body)
        raw = await self.reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.lower(): v.strip() for k, _, v in (h.partition(":") for h in lines[1:] if h)}
        if "content-length" in headers:
            return status, await self.reader.readexactly(int(headers["content-length"]))
        chunks = b""
        while size := int((await self.reader.readuntil(b"\r\n")).strip(), 16):
            chunks += await self.reader.readexactly(size + 2)
        await self.reader.readuntil(b"\r\n")
        return status, chunks

    def close(self) -> None:
        self.writer.close()


async def http_puts(port: int, sessions: list[tuple[str, str]], seconds: float,
                    warmup: float = 2.0, client_class: type[Http] | None = None,
                    ) -> tuple[float, list[float], int]:
    conns = [(client_class or Http)(port, token, csrf) for token, csrf in sessions]
    await asyncio.gather(*(c.open() for c in conns))
    latencies: list[float] = []
    errors = 0

    # Built before the clock starts: the generator shares the two cores with the server,
    # so the less it does per request, the less it distorts what is measured.
    bodies = [msgspec.json.encode(entry(i)) for i in range(1024)]

    async def client(c: Http, n: int) -> None:
        nonlocal errors
        i = n * 31
        while (now := time.perf_counter()) < stop:
            body = bodies[i % len(bodies)]
            started = time.perf_counter()
            status, _ = await c.send("PUT", f"/api/v1/entries/{uuid.uuid4()}", body)
            if now >= measure_from:
                latencies.append(time.perf_counter() - started)
                errors += status != 201
            i += 1

    measure_from = time.perf_counter() + warmup
    stop = measure_from + seconds
    await asyncio.gather(*(client(c, n) for n, c in enumerate(conns)))
    for c in conns:
        c.close()
    return len(latencies) / seconds, latencies, errors


async def sync_batches(port: int, session: tuple[str, str], repeats: int = 5) -> list[float]:
    c = Http(port, *session)
    await c.open()
    times = []
    for r in range(repeats):
        ops = [{"op": "upsert", "id": str(uuid.uuid4()), "entry": entry(r * 1000 + i)}
               for i in range(500)]
        body = msgspec.json.encode({"operations": ops})
        started = time.perf_counter()
        status, reply = await c.send("POST", "/api/v1/sync", body)
        times.append(time.perf_counter() - started)
        results = msgspec.json.decode(reply)["results"]
        assert status == 200 and {x["status"] for x in results} == {201}, reply[:300]
    c.close()
    return times


def serve(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": url, "DIARYCARD_PUBLIC_URL": f"http://127.0.0.1:{port}",
           "DIARYCARD_LOG_LEVEL": "WARNING",
           # The benchmark writes far more per patient than anyone could by hand.
           "DIARYCARD_ENTRIES_PER_HOUR": "10000000"}
    return subprocess.Popen(server_command("127.0.0.1", port, workers), env=env)


async def wait_ready(port: int, seconds: float = 10) -> None:
    for _ in range(int(seconds * 10)):
        try:
            c = Http(port, "", "")
            await c.open()
            status, _ = await c.send("GET", "/readyz")
            c.close()
            if status == 200:
                return
        except OSError:
            pass
        await asyncio.sleep(0.1)
    raise SystemExit("the app did not become ready")


def ms(latencies: list[float], q: float) -> str:
    return f"{percentile(latencies, q) * 1000:.1f}"


async def run_workers(args: argparse.Namespace, url: str, patients: list[uuid.UUID],
                      sessions: list[tuple[str, str]], workers: int) -> None:
    name = f"{workers} worker{'s' if workers > 1 else ''}"
    server = serve(url, args.port, workers)
    rounds: list[tuple[float, float, float, float]] = []
    try:
        await wait_ready(args.port)
        for n in range(1, args.rounds + 1):
            # The ceiling is measured next to each HTTP round (the server idle), so both
            # see the same machine.
            raw, raw_latencies = await raw_asyncpg(url, patients, args.clients, args.seconds)
            rate, latencies, errors = await http_puts(args.port, sessions, args.seconds)
            p50, p99 = percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000
            rounds.append((raw, rate, p50, p99))
            print(f"{name}, round {n}: raw asyncpg {raw:,.0f} rows/s (p50 "
                  f"{ms(raw_latencies, 0.5)} ms, p99 {ms(raw_latencies, 0.99)} ms); "
                  f"PUT {rate:,.0f} req/s ({rate / raw:.0%} of raw), p50 {p50:.1f} ms, "
                  f"p99 {p99:.1f} ms, p99.9 {ms(latencies, 0.999)} ms, non-201: {errors}",
                  flush=True)
        batches = await sync_batches(args.port, sessions[0])
    finally:
        server.terminate()
        server.wait(timeout=30)
    ratios = [rate / raw for raw, rate, _, _ in rounds]
    p99s = [p99 for *_, p99 in rounds]
    print(f"{name}: PUT /api/v1/entries/{{id}}, {args.clients} signed-in clients with CSRF, "
          f"median of {len(rounds)} rounds: "
          f"{statistics.median(r[1] for r in rounds):,.0f} req/s, "
          f"{statistics.median(ratios):.0%} of raw asyncpg "
          f"({min(ratios):.0%}-{max(ratios):.0%}), "
          f"p50 {statistics.median(r[2] for r in rounds):.1f} ms, "
          f"p99 {statistics.median(p99s):.1f} ms ({min(p99s):.1f}-{max(p99s):.1f})")
    print(f"{name}: POST /api/v1/sync with 500 new entries: median "
          f"{statistics.median(batches) * 1000:.0f} ms, best {min(batches) * 1000:.0f} ms "
          f"over {len(batches)} batches", flush=True)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8300)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    url, patients, sessions = await prepare(args.clients)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average before the run: {load}")
    for workers in (1, 2):
        await run_workers(args, url, patients, sessions, workers)


if __name__ == "__main__":
    # uvloop for the same reason: a cheaper event loop leaves more CPU to the server.
    uvloop.run(main())
