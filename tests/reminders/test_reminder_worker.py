"""Exactly once across instances: three real `diarycard worker` processes, each running
the scheduler and the push worker on one database, and a stand-in push service counting
what arrives. Every due reminder reaches each of its phones once; a phone the push service
says is gone is forgotten; a busy answer is retried after its Retry-After; a patient who
logged in the hour before gets nothing."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import asyncpg
from litestar.testing import AsyncTestClient
from push_service import VAPID_PRIVATE, PushService, wait_for

from factories import make_site, make_user, sign_in

PATIENTS = 24


def start_workers(db_url: str, data_dir: Path, count: int) -> list[subprocess.Popen[bytes]]:
    env = {
        **os.environ, "DATABASE_URL": db_url, "DIARYCARD_VAPID_PRIVATE_KEY": VAPID_PRIVATE,
        "DIARYCARD_PUSH_ALLOW_LOOPBACK": "true", "DIARYCARD_REMINDER_TICK": "0.3",
        "DIARYCARD_DATA_DIR": str(data_dir), "DIARYCARD_LOG_LEVEL": "WARNING",
    }
    return [subprocess.Popen([sys.executable, "-m", "diarycard", "worker"], env=env,
                             stderr=subprocess.PIPE) for _ in range(count)]


async def test_three_workers_send_each_reminder_once(
    client: AsyncTestClient, conn: asyncpg.Connection, db_url: str, tmp_path: Path,
    push_service: PushService,
) -> None:
    site = await make_site(conn)
    now_here = datetime.now(ZoneInfo("Europe/London"))
    expected: dict[str, int] = {}
    for n in range(PATIENTS):
        patient = await make_user(conn, site, "patient", f"patient{n}")
        await sign_in(client, conn, patient)
        saved = await client.put("/api/v1/me/reminders", json={
            "enabled": True, "times": [now_here.strftime("%H:%M")]})
        assert saved.status_code == 200, saved.text
        phones = ["phone", "tablet"] if n % 6 == 0 else ["phone"]
        for phone in phones:
            sub = push_service.subscription(f"p{n}-{phone}")
            assert (await client.put("/api/v1/me/push-subscription",
                                     json=sub.json)).status_code == 204
            expected[sub.name] = 1
        if n == 1:  # logged twenty minutes ago: no reminder
            await conn.execute(
                """INSERT INTO entries (id, patient_id, occurred_at, occurred_offset,
                                        category, body_hash, recorded_at)
                   VALUES (gen_random_uuid(), $1, $2, 0, 'action', '\\x00', $2)""",
                patient, datetime.now(UTC) - timedelta(minutes=20))
            expected["p1-phone"] = 0
    push_service.script("p2-phone", [(410, {})])
    expected["p2-phone"] = 0
    push_service.script("p3-phone", [(429, {"Retry-After": "1"})])

    workers = start_workers(db_url, tmp_path, 3)
    started = time.monotonic()
    try:
        async def settled() -> bool:
            waiting = await conn.fetchval(
                "SELECT count(*) FROM reminder_sends WHERE status IN ('queued', 'sending')")
            decided = await conn.fetchval("SELECT count(*) FROM reminder_slots")
            return decided == PATIENTS and waiting == 0
        await wait_for(settled, timeout=40)
        # Three more scheduler ticks each: nothing further may arrive.
        await asyncio.sleep(1.5)
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        codes = [worker.wait(timeout=20) for worker in workers]
    took = time.monotonic() - started

    got = {name: len(push_service.messages(name)) for name in expected}
    print(f"\nexactly once, 3 workers: {sum(got.values())} pushes arrived for "
          f"{sum(expected.values())} expected, to {len(expected)} subscriptions of "
          f"{PATIENTS} patients; duplicates: {sum(max(0, v - 1) for v in got.values())}; "
          f"{took:.1f} s")
    assert got == expected
    assert push_service.rejected == []
    # Busy once, then delivered after the Retry-After it asked for.
    first, second = push_service.request_times("p3-phone")
    assert second - first >= 1.0
    assert codes == [0, 0, 0], [w.stderr.read().decode()[-2000:] for w in workers if w.stderr]
    outcomes = dict(await conn.fetch(
        "SELECT outcome, count(*) FROM reminder_slots GROUP BY outcome"))
    assert outcomes == {"push": PATIENTS - 1, "logged": 1}
    assert await conn.fetchval(
        "SELECT count(*) FROM push_subscriptions WHERE endpoint LIKE '%/p2-phone'") == 0
    statuses = dict(await conn.fetch(
        "SELECT status, count(*) FROM reminder_sends GROUP BY status"))
    assert statuses == {"sent": sum(expected.values()), "gone": 1}
