"""Measure the clinician review on the benchmark database (see review_generate.py).

    python bench/review_bench.py [--requests 300] [--database NAME ...]

With several databases (one per size), the runs alternate between them, so a change in
the machine's load during the run falls on every size alike.

Through the real app in-process (routing, session check, care-team check, audit rows,
queries, words, JSON), as the measured clinician bench.c0001 with 40 patients:
- the caseload digest, GET /api/v1/patients;
- one patient's year of entries with every chart's data, GET /patients/{id}/review with
  from = a year ago, cycling through the 40 patients.
"Server time" is what the app's own access log measures per request (from the first byte
in to the last byte out of the ASGI app); the client's view is printed beside it.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
from litestar.testing import AsyncTestClient
from review_generate import NAME, SERVER

from diarycard.app import create_app
from diarycard.auth.sessions import create_session
from diarycard.caseload.store import SQL as CASELOAD_SQL
from diarycard.db.database import with_database
from diarycard.review.store import SQL as REVIEW_SQL
from diarycard.settings import load_settings

WARM_UP = 20


class ServerTimes(logging.Handler):
    """Keeps the `ms` of each access-log line the app writes."""

    def __init__(self) -> None:
        super().__init__()
        self.ms: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        ms = getattr(record, "ms", None)
        if isinstance(ms, float | int):
            self.ms.append(float(ms))


async def queries_alone(url: str, requests: int) -> None:
    """The two statements that read the big table, timed on their own: the part whose
    cost must follow the patient's own data, not the size of the table."""
    conn = await asyncpg.connect(url)
    try:
        who = await conn.fetchrow("SELECT id, site_id FROM users WHERE login = 'bench.c0001'")
        patients = [r[0] for r in await conn.fetch(
            "SELECT patient_id FROM care_team WHERE clinician_id = $1", who["id"])]
        now = datetime.now(UTC)
        year_ago = now - timedelta(days=364)
        runs = {
            "  caseload query alone": lambda i: conn.fetch(
                CASELOAD_SQL["caseload"], who["id"], who["site_id"], now, timedelta(days=14)),
            "  one patient's year of entries, query alone": lambda i: conn.fetch(
                REVIEW_SQL["window_entries"], patients[i % len(patients)], year_ago, now, None),
        }
        for label, call in runs.items():
            took = []
            for i in range(WARM_UP + requests):
                started = time.perf_counter()
                await call(i)
                if i >= WARM_UP:
                    took.append((time.perf_counter() - started) * 1000)
            print(f"{label:46} {pct(took, 50):8.1f}ms {pct(took, 95):6.1f}ms "
                  f"{pct(took, 99):6.1f}ms")
    finally:
        await conn.close()


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def run(requests: int, name: str) -> None:
    url = with_database(SERVER, name)
    conn = await asyncpg.connect(url)
    try:
        total = await conn.fetchval("SELECT count(*) FROM entries")
        clinician = await conn.fetchval("SELECT id FROM users WHERE login = 'bench.c0001'")
        patients = [r["patient_id"] for r in await conn.fetch(
            "SELECT patient_id FROM care_team WHERE clinician_id = $1", clinician)]
        made = await create_session(conn, clinician, "clinician", "bench")
    finally:
        await conn.close()
    settings = load_settings({}, public_url="https://bench.local", pool_max=4,
                             data_dir="/tmp/diarycard-review-bench")
    app = create_app(settings, url)
    times = ServerTimes()
    access = logging.getLogger("diarycard.access")
    access.addHandler(times)
    access.setLevel(logging.INFO)
    access.propagate = False
    start = (datetime.now(UTC) - timedelta(days=364)).date().isoformat()
    today = datetime.now(UTC).date().isoformat()
    print(f"{total:,} entries in the table; clinician with {len(patients)} patients; "
          f"{requests} requests each after {WARM_UP} to warm up; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'':46} {'server p50':>10} {'p95':>8} {'p99':>8} {'client p50':>11} {'p95':>8}")
    async with AsyncTestClient(app, base_url="https://bench.local") as client:
        client.headers["origin"] = "https://bench.local"
        client.cookies.set("__Host-diarycard", made.token)

        async def measure(label: str, path_for: Any, check: Any) -> None:
            client_ms: list[float] = []
            for i in range(WARM_UP + requests):
                if i == WARM_UP:
                    times.ms.clear()
                started = time.perf_counter()
                response = await client.get(path_for(i))
                elapsed = (time.perf_counter() - started) * 1000
                assert response.status_code == 200, response.text
                check(response.json())
                if i >= WARM_UP:
                    client_ms.append(elapsed)
            server = list(times.ms)
            print(f"{label:46} {pct(server, 50):8.1f}ms {pct(server, 95):6.1f}ms "
                  f"{pct(server, 99):6.1f}ms {statistics.median(client_ms):9.1f}ms "
                  f"{pct(client_ms, 95):6.1f}ms")

        def caseload_ok(body: list[dict[str, Any]]) -> None:
            assert len(body) == len(patients)

        def review_ok(body: dict[str, Any]) -> None:
            assert body["timeline_total"] >= 490, body["timeline_total"]

        await measure("caseload digest (40 patients)", lambda i: "/api/v1/patients", caseload_ok)
        await measure(
            "one patient's year, all charts (about 500 entries)",
            lambda i: f"/api/v1/patients/{patients[i % len(patients)]}/review"
                      f"?from={start}&to={today}",
            review_ok,
        )
    await queries_alone(url, requests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--database", action="append", help=f"default {NAME}")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    for _ in range(args.rounds):
        for name in args.database or [NAME]:
            print(f"\n{name}")
            asyncio.run(run(args.requests, name))


if __name__ == "__main__":
    main()
