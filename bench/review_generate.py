"""Fill a separate benchmark database for the clinician review, set-based, with a
progress bar.

    python bench/review_generate.py --entries 1000000     # create, migrate, load to 1M
    python bench/review_generate.py --entries 10000000    # grow the same data to 10M
    python bench/review_generate.py --drop                # remove the database
    (--database NAME works on another database, e.g. one per size side by side)

The world: one site, 20,000 patients, 500 clinicians with 40 patients each. The measured
clinician (bench.c0001) has the same 40 patients at every size, each with 500 entries
over the last year; the other 19,960 patients share the rest of the entries, so between
1M and 10M only the table grows, never the measured patients' own data.

Rows are made in PostgreSQL (generate_series), 200 patients a statement; ids are built
from (patient, n) so the primary key grows at its right-hand edge.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time

import asyncpg

from diarycard.db.database import ensure_database, with_database
from diarycard.db.migrate import migrate

SERVER = os.environ.get("BENCH_SERVER_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
NAME = os.environ.get("BENCH_DATABASE", "diarycard_review_bench")
PATIENTS = 20_000
PER_CLINICIAN = 40
MEASURED = 40
MEASURED_ENTRIES = 500
CHUNK = 200

PEOPLE = f"""
INSERT INTO sites (name) VALUES ('Benchmark site') ON CONFLICT (name) DO NOTHING;
INSERT INTO users (site_id, role, login, display_name)
SELECT (SELECT id FROM sites WHERE name = 'Benchmark site'), 'patient',
       'bench.p' || lpad(n::text, 5, '0'), 'Patient ' || n
  FROM generate_series(1, {PATIENTS}) n
ON CONFLICT (login) DO NOTHING;
INSERT INTO users (site_id, role, login, display_name)
SELECT (SELECT id FROM sites WHERE name = 'Benchmark site'), 'clinician',
       'bench.c' || lpad(n::text, 4, '0'), 'Clinician ' || n
  FROM generate_series(1, {PATIENTS // PER_CLINICIAN}) n
ON CONFLICT (login) DO NOTHING;
-- Clinicians pass the second-factor gate (the benchmark signs in with a session directly).
UPDATE users SET totp_secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', totp_enabled = true
 WHERE login LIKE 'bench.c%' AND NOT totp_enabled;
INSERT INTO care_team (site_id, clinician_id, patient_id)
SELECT p.site_id, c.id, p.id
  FROM users p
  JOIN users c ON c.login = 'bench.c' ||
       lpad(((substr(p.login, 8)::int - 1) / {PER_CLINICIAN} + 1)::text, 4, '0')
 WHERE p.login LIKE 'bench.p%'
ON CONFLICT DO NOTHING;
-- Each patient: an attended session 3 to 16 days ago, one booked for next week, and one
-- in eight missed their last one.
INSERT INTO appointments (patient_id, site_id, clinician_id, starts_at, status)
SELECT ct.patient_id, ct.site_id, ct.clinician_id,
       now() - (3 + (hashtext(ct.patient_id::text) & 15)) * interval '1 day', 'attended'
  FROM care_team ct JOIN users u ON u.id = ct.patient_id AND u.login LIKE 'bench.p%'
 WHERE NOT EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = ct.patient_id)
UNION ALL
SELECT ct.patient_id, ct.site_id, ct.clinician_id, now() + interval '7 days', 'scheduled'
  FROM care_team ct JOIN users u ON u.id = ct.patient_id AND u.login LIKE 'bench.p%'
 WHERE NOT EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = ct.patient_id)
UNION ALL
SELECT ct.patient_id, ct.site_id, ct.clinician_id, now() - interval '1 day', 'not_attended'
  FROM care_team ct JOIN users u ON u.id = ct.patient_id AND u.login LIKE 'bench.p%'
 WHERE NOT EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = ct.patient_id)
   AND hashtext(ct.patient_id::text) % 8 = 0;
"""

# $1, $2: the patient numbers of this chunk; $3: entries to add per patient; the patient's
# existing count makes the new ids and times continue where the last run stopped.
ENTRIES = """
INSERT INTO entries (id, patient_id, occurred_at, occurred_offset, category, emotion,
                     emotion_intensity, urge, urge_strength, indicators, helpful_response,
                     outcome, risk_self_harm, risk_aggression, risk_substance_use, body_hash,
                     recorded_at, updated_at)
SELECT (lpad(to_hex(p.n), 12, '0') || lpad(to_hex(p.have + i), 20, '0'))::uuid,
       p.id, t, 0,
       (ARRAY['not_attending', 'not_planning', 'action'])[1 + (p.have + i) % 3],
       (ARRAY['boredom', 'loneliness', 'anger', 'shame', 'excitement'])[1 + (p.have + i) % 5],
       (p.have + i * 7) % 11,
       (ARRAY['get drunk', 'text my ex', 'spend money', 'shout'])[1 + (p.have + i) % 4],
       (p.have + i * 3) % 11, '{}',
       CASE WHEN i % 3 > 0 THEN (ARRAY['stop, think', 'meet friends', 'walk away'])[1 + i % 3] END,
       (ARRAY['acted', 'resisted', 'resisted', 'partly'])[1 + (p.have + i) % 4],
       CASE WHEN i % 9 = 0 THEN (p.have + i) % 11 END,
       CASE WHEN i % 13 = 0 THEN (p.have + i) % 11 END,
       CASE WHEN i % 17 = 0 THEN true END,
       '\\x00'::bytea, t, t
  FROM (SELECT u.id, substr(u.login, 8)::int AS n,
               (SELECT count(*) FROM entries e
                 WHERE e.patient_id = u.id AND e.deleted_at IS NULL)::int AS have
          FROM users u
         WHERE u.login BETWEEN 'bench.p' || lpad($1::int::text, 5, '0')
                           AND 'bench.p' || lpad($2::int::text, 5, '0')
        OFFSET 0) p  -- OFFSET 0: count each patient's entries once, not once per row
 CROSS JOIN LATERAL generate_series(1, $3) i
 CROSS JOIN LATERAL (SELECT now() - ((i * 365.0 / $3) * interval '1 day')
                                 - ((p.n % 24) * interval '1 hour') AS t) tt
"""


def bar(done: int, total: int, started: float, label: str) -> None:
    width = 40
    filled = int(width * done / max(total, 1))
    rate = done / max(time.monotonic() - started, 1e-9)
    sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] "
                     f"{done:>11,}/{total:,} rows  {rate:,.0f}/s ")
    sys.stderr.flush()


async def load(total: int, name: str) -> None:
    await ensure_database(SERVER, name)
    conn = await asyncpg.connect(with_database(SERVER, name))
    try:
        await migrate(conn)
        # A bulk load: no need to wait for each commit's flush, nor to JIT-compile.
        await conn.execute("SET synchronous_commit = off; SET jit = off")
        await conn.execute(PEOPLE)
        have = await conn.fetchval("SELECT count(*) FROM entries")
        if have == 0:
            await fill(conn, 1, MEASURED, MEASURED_ENTRIES, "measured patients")
            have = MEASURED * MEASURED_ENTRIES
        others = PATIENTS - MEASURED
        per_patient = (total - have) // others
        if per_patient > 0:
            await fill(conn, MEASURED + 1, PATIENTS, per_patient, f"to {total:,} entries")
        sys.stderr.write("vacuum analyze...\n")
        await conn.execute("VACUUM ANALYZE entries")
        await conn.execute("VACUUM ANALYZE")
        count = await conn.fetchval("SELECT count(*) FROM entries")
        size = await conn.fetchval("SELECT pg_size_pretty(pg_database_size(current_database()))")
        print(f"{name}: {count:,} entries across {PATIENTS:,} patients, {size}")
    finally:
        await conn.close()


async def fill(conn: asyncpg.Connection, first: int, last: int, each: int, label: str) -> None:
    total = (last - first + 1) * each
    started = time.monotonic()
    done = 0
    for lo in range(first, last + 1, CHUNK):
        hi = min(lo + CHUNK - 1, last)
        await conn.execute(ENTRIES, lo, hi, each)
        done += (hi - lo + 1) * each
        bar(done, total, started, label)
    sys.stderr.write(f"  {time.monotonic() - started:.0f} s\n")


async def drop(name: str) -> None:
    conn = await asyncpg.connect(SERVER)
    try:
        # A name from our own command line, quoted as an identifier (it cannot be a parameter).
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()
    print(f"dropped {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--drop", action="store_true")
    parser.add_argument("--database", default=NAME)
    args = parser.parse_args()
    asyncio.run(drop(args.database) if args.drop else load(args.entries, args.database))


if __name__ == "__main__":
    main()
