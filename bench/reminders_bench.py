"""Reminders benchmark (run by hand, not in CI; prints figures for docs/benchmarks.md).

    .venv/bin/python bench/reminders_bench.py [--patients 10000] [--pushes 3000]

Against scratch databases on the local PostgreSQL (BENCH_PG, default
postgresql://postgres@127.0.0.1:5432/postgres):
  1. The scheduler's cost per 10,000 patients with reminders on (three times a day each,
     spread over the day, quiet hours for a third of them, a phone each, five diary entries
     each): one pass at a minute when a typical number of slots fall due, and one at a
     minute when every patient has a reminder (the 09:00 rush), with what each pass wrote.
  2. Pushes a second from one `diarycard worker` process (40 in hand at once) to a
     stand-in push service in another process on this machine that answers 201, each
     push VAPID-signed and encrypted with RFC 8291 for its own subscription's key
     (DIARYCARD_PUSH_CONCURRENCY applies).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from scratch import PG, fresh_database

from diarycard.db.database import with_database
from diarycard.push.vapid import new_key_pair
from diarycard.reminders import jobs
from diarycard.reminders.schedule import plan

SCHEDULER_DB = "diarycard_bench_scheduler"
WORKER_DB = "diarycard_bench_worker"
LONDON_WINTER_MONDAY = datetime(2026, 1, 12, tzinfo=UTC)


async def seed_patients(conn: asyncpg.Connection, patients: int) -> None:
    site = await conn.fetchval("INSERT INTO sites (name) VALUES ('Bench') RETURNING id")
    await conn.execute(
        """INSERT INTO users (site_id, role, login, display_name)
           SELECT $1, 'patient', 'bench.' || n, 'Bench' FROM generate_series(1, $2) n""",
        site, patients)
    # Three times each, on the quarter hour, spread over 07:00-22:45; a third with quiet
    # hours; every patient has a live session with a phone subscribed.
    await conn.execute(
        """INSERT INTO reminder_settings (patient_id, enabled, times, quiet_start, quiet_end)
           SELECT id, true,
                  ARRAY[make_time(7 + (n % 5), (n % 4) * 15, 0),
                        make_time(12 + (n % 4), ((n / 4) % 4) * 15, 0),
                        make_time(18 + (n % 5), ((n / 16) % 4) * 15, 0)],
                  CASE WHEN n % 3 = 0 THEN time '22:00' END,
                  CASE WHEN n % 3 = 0 THEN time '07:30' END
             FROM (SELECT id, row_number() OVER (ORDER BY id)::int AS n FROM users
                    WHERE role = 'patient') p""")
    await conn.execute(
        """INSERT INTO sessions (token_hash, user_id, csrf_token, idle_timeout, expires_at)
           SELECT sha256(id::text::bytea), id, 'x', interval '30 days', now() + interval '90 days'
             FROM users WHERE role = 'patient'""")
    await conn.execute(
        """INSERT INTO push_subscriptions (user_id, session_id, endpoint, p256dh, auth)
           SELECT s.user_id, s.id, 'https://fcm.googleapis.com/fcm/send/' || s.user_id,
                  '\\x04'::bytea || sha256(s.user_id::text::bytea) || sha256(s.id::text::bytea),
                  substring(sha256(s.id::text::bytea) from 1 for 16)
             FROM sessions s""")
    await conn.execute(
        """INSERT INTO entries (id, patient_id, occurred_at, occurred_offset, category,
                                body_hash, recorded_at)
           SELECT gen_random_uuid(), u.id, $1::timestamptz - k * interval '1 day', 0,
                  'action', '\\x00', $1::timestamptz - k * interval '1 day'
             FROM users u, generate_series(1, 5) k WHERE u.role = 'patient'""",
        LONDON_WINTER_MONDAY)
    await conn.execute("ANALYZE")


async def time_pass(conn: asyncpg.Connection, now: datetime) -> tuple[float, int, int]:
    started = time.perf_counter()
    planned = await plan(conn, now)
    return (time.perf_counter() - started) * 1000, planned.slots, planned.sends


async def scheduler(patients: int) -> None:
    conn = await fresh_database(SCHEDULER_DB)
    await seed_patients(conn, patients)
    # A typical minute: 08:00 UTC on a winter Monday (08:00 in London) and the minutes after.
    steady = []
    for minute in range(20):
        at = LONDON_WINTER_MONDAY + timedelta(hours=8, minutes=minute, seconds=30)
        steady.append(await time_pass(conn, at))
    ms = [s[0] for s in steady]
    slots = sum(s[1] for s in steady) / len(steady)
    print(f"scheduler, {patients} patients: a pass each minute 08:00-08:19 took median "
          f"{statistics.median(ms):.1f} ms (min {min(ms):.1f}, max {max(ms):.1f}), "
          f"{slots:.0f} slots a minute on average")
    # The rush: everyone at 09:00.
    await conn.execute("UPDATE reminder_settings SET times = ARRAY[time '09:00']")
    await conn.execute("ANALYZE reminder_settings")
    rush = await time_pass(conn, LONDON_WINTER_MONDAY + timedelta(hours=9, seconds=30))
    after = await time_pass(conn, LONDON_WINTER_MONDAY + timedelta(hours=9, minutes=1))
    print(f"scheduler, {patients} patients all at 09:00: the pass that decided them took "
          f"{rush[0]:.0f} ms ({rush[1]} slots, {rush[2]} pushes queued); the next pass "
          f"{after[0]:.1f} ms")
    await conn.close()


def receive(port: int) -> None:
    """The stand-in push service: count, answer 201 (decrypting is the browser's work)."""
    import uvicorn

    count = 0

    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        nonlocal count
        if scope["type"] != "http":
            return
        while (await receive()).get("more_body"):
            pass
        status, body = 201, b""
        if scope["path"] == "/count":
            status, body = 200, str(count).encode()
        else:
            count += 1
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": body})

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False,
                loop="uvloop", interface="asgi3")


async def worker(pushes: int, port: int) -> None:
    conn = await fresh_database(WORKER_DB)
    site = await conn.fetchval("INSERT INTO sites (name) VALUES ('Bench') RETURNING id")
    user = await conn.fetchval(
        """INSERT INTO users (site_id, role, login, display_name)
           VALUES ($1, 'patient', 'bench', 'Bench') RETURNING id""", site)
    session = await conn.fetchval(
        """INSERT INTO sessions (token_hash, user_id, csrf_token, idle_timeout, expires_at)
           VALUES ('\\x01', $1, 'x', interval '1 day', now() + interval '1 day')
           RETURNING id""", user)
    rows = []
    for n in range(pushes):
        point = ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        rows.append((user, session, f"http://127.0.0.1:{port}/push/{n}", point, os.urandom(16)))
    await conn.copy_records_to_table(
        "push_subscriptions", records=rows,
        columns=["user_id", "session_id", "endpoint", "p256dh", "auth"])
    async with conn.transaction():
        ids = [r["id"] for r in await conn.fetch(
            """INSERT INTO reminder_sends (patient_id, subscription_id, kind, due_at)
               SELECT user_id, id, 'test', now() FROM push_subscriptions RETURNING id""")]
        await jobs.enqueue_sends(conn, [(i, 0) for i in ids])
    private, _ = new_key_pair()
    env = {**os.environ, "DATABASE_URL": with_database(PG, WORKER_DB),
           "DIARYCARD_VAPID_PRIVATE_KEY": private, "DIARYCARD_PUSH_ALLOW_LOOPBACK": "true",
           "DIARYCARD_LOG_LEVEL": "WARNING", "DIARYCARD_DATA_DIR": "/tmp/diarycard-bench"}
    process = subprocess.Popen([sys.executable, "-m", "diarycard", "worker"], env=env)
    try:
        while await conn.fetchval(
                "SELECT count(*) FROM reminder_sends WHERE status IN ('queued', 'sending')"):
            await asyncio.sleep(0.25)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(20)
    row = await conn.fetchrow(
        """SELECT count(*) FILTER (WHERE status = 'sent') AS sent,
                  extract(epoch FROM max(updated_at) - min(updated_at)) AS seconds
             FROM reminder_sends""")
    print(f"worker: one process delivered {row['sent']} of {pushes} pushes in "
          f"{row['seconds']:.1f} s from its first to its last: "
          f"{row['sent'] / row['seconds']:.0f} pushes a second")
    await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--pushes", type=int, default=3_000)
    parser.add_argument("--port", type=int, default=8270)
    parser.add_argument("--worker-only", action="store_true")
    parser.add_argument("--receive", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.receive:
        receive(args.receive)
        return
    if not args.worker_only:
        asyncio.run(scheduler(args.patients))
    service = subprocess.Popen([sys.executable, str(Path(__file__)), "--receive", str(args.port)])
    try:
        time.sleep(1.5)
        asyncio.run(worker(args.pushes, args.port))
    finally:
        service.terminate()
        service.wait(10)


if __name__ == "__main__":
    main()
