"""Outcome charts and the study export on the review benchmark's database.

    python bench/review_generate.py --entries 10000000        # the review's data first
    python bench/outcomes_bench.py [--requests 300] [--exports 5] [--database NAME]

Adds to the review benchmark's world (20,000 patients, its diary entries), set-based and
only once: two years of acts and service contacts for every patient (24 each), a PHQ-9 and
a GAD-7 every three months (16 each), and one study with all 20,000 patients enrolled by
the real randomisation (`studies.randomise.allocate`). Then measures, through the real app
in-process as the review benchmark does (session, care-team check, audit rows, queries,
charts, JSON):
- one patient's outcomes, GET /patients/{id}/outcomes, cycling through bench.c0001's 40;
- the service's view across all 20,000 patients, GET /site/outcomes, as the site's admin;
- the study export as a researcher: GET /studies/{id}/export?format=csv|fhir answers 202
  (20,000 participants is a large study), the job is run here by the same function the
  worker runs (`studies.exports.run`), timed, then the file is downloaded, timed.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import time
from datetime import date, timedelta
from typing import Any
from uuid import UUID

import asyncpg
from litestar.testing import AsyncTestClient
from review_bench import ServerTimes, pct
from review_generate import NAME, SERVER

from diarycard.app import create_app
from diarycard.auth.sessions import create_session
from diarycard.db.database import with_database
from diarycard.db.migrate import migrate
from diarycard.settings import load_settings
from diarycard.studies import exports as export_jobs
from diarycard.studies.randomise import sequence, stratum_key

WARM_UP = 20
STUDY = "Benchmark study"

EVENTS = """
INSERT INTO outcome_events (id, patient_id, site_id, kind, occurred_on, severity, nights,
                            recorded_by, recorded_role, request_hash)
SELECT gen_random_uuid(), u.id, u.site_id, k.kind, current_date - (i * 30 + n % 29),
       CASE WHEN k.kind IN ('self_harm', 'verbal', 'property', 'others')
            THEN 1 + (i + n) % 4 END,
       CASE WHEN k.kind = 'admission' THEN (i + n) % 5 END,
       u.id, 'patient', '\\x00'
  FROM (SELECT id, site_id, substr(login, 8)::int AS n FROM users
         WHERE login LIKE 'bench.p%') u
 CROSS JOIN generate_series(0, 23) i
 CROSS JOIN LATERAL (SELECT (ARRAY['self_harm', 'verbal', 'property', 'others', 'ae',
        'crisis_team', 'police', 'admission', 'social_services', 'nothing'])
        [1 + (i * 7 + n) % 10] AS kind) k
"""

MEASURES = """
INSERT INTO measure_responses (id, patient_id, site_id, questionnaire, authored, items, total,
                               self_harm_item, recorded_by, request_hash)
SELECT gen_random_uuid(), u.id, u.site_id, q.q, now() - (i * 91 + n % 7) * interval '1 day',
       '[]', (i * 3 + n) % (CASE q.q WHEN 'phq-9' THEN 28 ELSE 22 END),
       CASE q.q WHEN 'phq-9' THEN (i + n) % 2 END, u.id, '\\x00'
  FROM (SELECT id, site_id, substr(login, 8)::int AS n FROM users
         WHERE login LIKE 'bench.p%') u
 CROSS JOIN generate_series(0, 7) i
 CROSS JOIN (VALUES ('phq-9'), ('gad-7')) q(q)
"""


async def prepare(conn: asyncpg.Connection) -> tuple[UUID, UUID]:
    """Outcomes, a researcher and a study with every patient enrolled (once)."""
    await migrate(conn)
    await conn.execute("SET synchronous_commit = off; SET jit = off")
    site = await conn.fetchval("SELECT id FROM sites WHERE name = 'Benchmark site'")
    await conn.execute(
        "INSERT INTO users (site_id, role, login, display_name, totp_secret, totp_enabled) "
        "VALUES ($1, 'researcher', 'bench.r0001', 'Researcher', "
        "'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', true) ON CONFLICT (login) DO NOTHING", site)
    researcher = await conn.fetchval("SELECT id FROM users WHERE login = 'bench.r0001'")
    await conn.execute(
        "INSERT INTO users (site_id, role, login, display_name, totp_secret, totp_enabled) "
        "VALUES ($1, 'admin', 'bench.a0001', 'Admin', "
        "'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', true) ON CONFLICT (login) DO NOTHING", site)
    if not await conn.fetchval("SELECT count(*) FROM outcome_events"):
        started = time.monotonic()
        await conn.execute(EVENTS)
        await conn.execute(MEASURES)
        print(f"acts, contacts and measures loaded in {time.monotonic() - started:.0f} s")
    study = await conn.fetchval("SELECT id FROM studies WHERE name = $1", STUDY)
    if study is None:
        tx = conn.transaction()  # a run stopped half-way leaves no empty study behind
        await tx.start()
        started = time.monotonic()
        seed, key = os.urandom(32), os.urandom(32)
        study = await conn.fetchval(
            "INSERT INTO studies (site_id, name, arms, factors, block_sizes, seed,"
            " pseudonym_key, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            site, STUDY, ["MOAM", "usual care"], ["age_band"], [2, 4], seed, key, researcher)
        await conn.execute("INSERT INTO study_sites VALUES ($1, $2)", study, site)
        patients = await conn.fetch("SELECT id, substr(login, 8)::int AS n FROM users "
                                    "WHERE login LIKE 'bench.p%' ORDER BY login")
        arms = ["MOAM", "usual care"]
        strata = {band: stratum_key(site, {"age_band": band}, ["age_band"])
                  for band in ("21-25", "26-39", "40+")}
        drawn = {band: sequence(seed, key, len(patients), arms, [2, 4])
                 for band, key in strata.items()}
        places: dict[str, int] = {}
        rows = []
        enrolled = date.today() - timedelta(days=730)
        for p in patients:
            band = ("21-25", "26-39", "40+")[p["n"] % 3]
            position = places.get(band, 0)
            places[band] = position + 1
            rows.append((study, p["id"], site, strata[band], position, drawn[band][position],
                         enrolled, "v1", enrolled, researcher, f"B-{p['n']}"))
        await conn.copy_records_to_table(
            "study_participants", records=rows,
            columns=["study_id", "patient_id", "site_id", "stratum", "position", "arm",
                     "consent_date", "consent_version", "enrolled_on", "enrolled_by",
                     "screening_ref"])
        await tx.commit()
        print(f"{len(rows):,} enrolments in {time.monotonic() - started:.1f} s")
    await conn.execute("VACUUM ANALYZE outcome_events")
    await conn.execute("VACUUM ANALYZE measure_responses")
    await conn.execute("VACUUM ANALYZE study_participants")
    return study, researcher


async def run(requests: int, exports: int, name: str) -> None:
    url = with_database(SERVER, name)
    conn = await asyncpg.connect(url)
    try:
        study, researcher = await prepare(conn)
        counts = await conn.fetchrow(
            "SELECT (SELECT count(*) FROM entries) AS entries,"
            " (SELECT count(*) FROM outcome_events) AS events,"
            " (SELECT count(*) FROM measure_responses) AS measures,"
            " (SELECT count(*) FROM study_participants) AS participants")
        clinician = await conn.fetchval("SELECT id FROM users WHERE login = 'bench.c0001'")
        patients = [r["patient_id"] for r in await conn.fetch(
            "SELECT patient_id FROM care_team WHERE clinician_id = $1", clinician)]
        as_clinician = await create_session(conn, clinician, "clinician", "bench")
        as_researcher = await create_session(conn, researcher, "researcher", "bench")
        admin = await conn.fetchval("SELECT id FROM users WHERE login = 'bench.a0001'")
        as_admin = await create_session(conn, admin, "admin", "bench")
    finally:
        await conn.close()
    # The export of 20,000 participants runs longer than the default 5 s query limit on a
    # busy 2-core machine (see docs/benchmarks.md); give it room so it can be measured.
    settings = load_settings({}, public_url="https://bench.local", pool_max=4,
                             data_dir="/tmp/diarycard-outcomes-bench",
                             db_command_timeout=120.0)
    app = create_app(settings, url)
    times = ServerTimes()
    access = logging.getLogger("diarycard.access")
    access.addHandler(times)
    access.setLevel(logging.INFO)
    access.propagate = False
    print(f"{counts['entries']:,} entries, {counts['events']:,} acts and contacts, "
          f"{counts['measures']:,} measures, {counts['participants']:,} participants; "
          f"load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'':40} {'server p50':>10} {'p95':>8} {'p99':>8} {'client p50':>11} {'p95':>8}")
    async with AsyncTestClient(app, base_url="https://bench.local") as client:

        async def measure(label: str, token: str, paths: Any, n: int, warm: int) -> None:
            client.cookies.set("__Host-diarycard", token)
            client_ms: list[float] = []
            for i in range(warm + n):
                if i == warm:
                    times.ms.clear()
                started = time.perf_counter()
                response = await client.get(paths(i))
                elapsed = (time.perf_counter() - started) * 1000
                assert response.status_code == 200, response.text
                if i >= warm:
                    client_ms.append(elapsed)
            server = list(times.ms)
            print(f"{label:40} {pct(server, 50):8.1f}ms {pct(server, 95):6.1f}ms "
                  f"{pct(server, 99):6.1f}ms {statistics.median(client_ms):9.1f}ms "
                  f"{pct(client_ms, 95):6.1f}ms")

        await measure("one patient's outcomes (2 years)", as_clinician.token,
                      lambda i: f"/api/v1/patients/{patients[i % len(patients)]}/outcomes",
                      requests, WARM_UP)
        await measure("the service's view (20,000 patients)", as_admin.token,
                      lambda i: "/api/v1/site/outcomes", max(5, requests // 30), 2)
        client.cookies.set("__Host-diarycard", as_researcher.token)
        for fmt in ("csv", "fhir"):
            for _ in range(exports):
                await export_once(client, url, study, fmt)


async def export_once(client: AsyncTestClient, url: str, study: UUID, fmt: str) -> None:
    """One background export: the request (202), the job, the download, each timed."""
    started = time.perf_counter()
    queued = await client.get(f"/api/v1/studies/{study}/export?format={fmt}")
    asked = (time.perf_counter() - started) * 1000
    assert queued.status_code == 202, queued.text
    job_id = UUID(queued.json()["id"])
    conn = await asyncpg.connect(url)
    try:
        started = time.perf_counter()
        await export_jobs.run(conn, job_id)
        built = time.perf_counter() - started
    finally:
        await conn.close()
    job = (await client.get(queued.headers["location"])).json()
    assert job["state"] == "done", job
    started = time.perf_counter()
    size = 0
    async with client.stream("GET", job["download"]) as got:
        async for part in got.aiter_bytes():
            size += len(part)
    fetched = time.perf_counter() - started
    print(f"study export, {fmt}: request {asked:.0f} ms (202); job {built:.1f} s for "
          f"{job['rows']:,} rows, {size / 1e6:.1f} MB; download {fetched:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--exports", type=int, default=5)
    parser.add_argument("--database", default=NAME)
    args = parser.parse_args()
    asyncio.run(run(args.requests, args.exports, args.database))


if __name__ == "__main__":
    main()
