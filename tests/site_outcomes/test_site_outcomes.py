"""The service's view for a site admin (issue 14, part 4): retention, acts and contacts
per patient-year and measures' change from start, across the site's patients, with every
count under 5 hidden (and one more when only one would be), audited; nobody else sees it."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import asyncpg
from litestar.testing import AsyncTestClient

from diarycard.outcomes.store import london_today
from factories import make_site, make_user, sign_in

LONDON = ZoneInfo("Europe/London")


async def _patient(conn: asyncpg.Connection, site: UUID, n: int, started_days_ago: int,
                   attended_days_ago: int | None, phase: str, clinician: UUID) -> UUID:
    today = london_today()
    pid = await make_user(conn, site, "patient", f"site.patient{n}", f"Site Person{n}")
    start = today - timedelta(days=started_days_ago)
    await conn.execute(
        "INSERT INTO pathways (patient_id, site_id, phase, phase_started_on, started_on,"
        " updated_by) VALUES ($1, $2, $3, $4, $4, $5)", pid, site, phase, start, clinician)
    if attended_days_ago is not None:
        at = datetime.combine(today - timedelta(days=attended_days_ago), time(11),
                              tzinfo=LONDON)
        await conn.execute(
            "INSERT INTO appointments (patient_id, site_id, clinician_id, starts_at, status)"
            " VALUES ($1, $2, $3, $4, 'attended')", pid, site, clinician, at)
    return pid


async def _event(conn: asyncpg.Connection, pid: UUID, kind: str, severity: int | None = None,
                 nights: int | None = None) -> None:
    await conn.execute(
        "INSERT INTO outcome_events (id, patient_id, site_id, kind, occurred_on, severity,"
        " nights, recorded_by, recorded_role, request_hash)"
        " SELECT $1, u.id, u.site_id, $3, $4, $5, $6, u.id, 'patient', '\\x00'"
        "   FROM users u WHERE u.id = $2",
        uuid4(), pid, kind, london_today() - timedelta(days=3), severity, nights)


async def _measure(conn: asyncpg.Connection, pid: UUID, qid: str, total: int,
                   days_ago: int) -> None:
    at = datetime.combine(london_today() - timedelta(days=days_ago), time(9), tzinfo=LONDON)
    await conn.execute(
        "INSERT INTO measure_responses (id, patient_id, site_id, questionnaire, authored,"
        " items, total, recorded_by, request_hash)"
        " SELECT $1, u.id, u.site_id, $3, $4, '[]', $5, u.id, $6 FROM users u WHERE u.id = $2",
        uuid4(), pid, qid, at, total, hashlib.sha256(str(uuid4()).encode()).digest())


async def test_a_site_admin_sees_retention_rates_and_change_with_small_numbers_hidden(
    client: AsyncTestClient, conn: asyncpg.Connection
) -> None:
    site, other = await make_site(conn), await make_site(conn)
    ward = await make_user(conn, site, "clinician", "dr.site.ward", "Dr Ward")
    # 6 attending, 5 stopped within 6 months, 1 stopped after 6-12 months, 5 completed.
    plan = ([(100, 10, "treatment")] * 6 + [(200, 150, "treatment")] * 5
            + [(400, 100, "treatment")] + [(300, 20, "discharged")] * 5)
    people = [await _patient(conn, site, i, s, a, phase, ward)
              for i, (s, a, phase) in enumerate(plan)]
    for pid in people[:6]:
        await _event(conn, pid, "self_harm", severity=1)
    for pid in people[:2]:
        await _event(conn, pid, "police")
    for pid in people[6:11]:
        await _event(conn, pid, "admission", nights=3)
    for i, pid in enumerate(people[:5]):  # PHQ-9: 4 from severe to mild, 1 moderate both
        await _measure(conn, pid, "phq-9", 10 if i == 4 else 20, 90)
        await _measure(conn, pid, "phq-9", 12 if i == 4 else 8, 5)
    for pid in people[:2]:
        await _measure(conn, pid, "gad-7", 15, 90)
        await _measure(conn, pid, "gad-7", 5, 5)
    await _measure(conn, people[5], "phq-9", 3, 2)  # one score only: not a pair
    # Another site's patient never counts here.
    await _patient(conn, other, 99, 100, 10, "treatment",
                   await make_user(conn, other, "clinician", "dr.other", "Dr Other"))

    admin = await make_user(conn, site, "admin", "site.outcomes.admin", "Sam Admin")
    await sign_in(client, conn, admin)
    reply = await client.get("/api/v1/site/outcomes")
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["patients"] == 17 and body["suppressed_below"] == 5

    shown = {r["key"]: r["shown"] for r in body["retention"]["rows"]}
    # 1 in 6-12 months is hidden, so the next smallest (5 under 6 months) is hidden too.
    assert shown == {"attending": "6", "under_6": "fewer than 5", "6_to_12": "fewer than 5",
                     "completed": "5"}
    assert body["retention"]["summary"] == (
        "Of 17 patients, 6 still attending, fewer than 5 attended under 6 months, "
        "fewer than 5 attended 6-12 months and 5 completed treatment.")

    years = (6 * 100 + 5 * 200 + 400 + 5 * 300) / 365.25
    rates = {r["key"]: r for r in body["rates"]["rows"]}
    assert body["rates"]["patient_years"] == round(years, 1)
    assert rates["self_harm"]["count"] == 6
    assert rates["self_harm"]["per_patient_year"] == round(6 / years, 2)
    assert rates["police"] == {"key": "police", "label": "Police contacts", "count": None,
                               "shown": "fewer than 5", "per_patient_year": None}
    assert rates["admission"]["count"] == 5 and rates["nights"]["count"] == 15
    assert body["rates"]["summary"] == (
        f"Over {round(years, 1)} patient-years of care: 6 acts ({round(6 / years, 2)} per "
        f"patient-year) and 7 service contacts ({round(7 / years, 2)} per patient-year), "
        "as recorded by patients and their care teams.")

    phq, gad = body["change"]["rows"]
    assert (phq["patients"], phq["mean_start"], phq["mean_now"], phq["mean_change"]) == (
        5, 18.0, 8.8, -9.2)
    assert [phq[k]["shown"] for k in ("lower_band", "same_band", "higher_band")] == [
        "fewer than 5", "fewer than 5", "0"]
    assert gad["patients"] is None and gad["mean_start"] is None
    assert body["change"]["summary"].startswith(
        "PHQ-9: 5 patients have a first and a later score; on average 18.0 at the start and "
        "8.8 at the latest (-9.2)")
    assert "GAD-7: fewer than 5 patients have a first and a later score" in (
        body["change"]["summary"])
    # Nothing that names anyone leaves.
    assert "Site Person" not in reply.text and "site.patient" not in reply.text
    audited = await conn.fetchval(
        "SELECT count(*) FROM audit_log WHERE actor_id = $1 AND action = 'site.outcomes'",
        admin)
    assert audited == 1

    # Another site's admin sees only their own site: one patient, so every figure hidden.
    other_admin = await make_user(conn, other, "admin", "other.outcomes.admin", "Olu Admin")
    await sign_in(client, conn, other_admin)
    theirs = (await client.get("/api/v1/site/outcomes")).json()
    assert theirs["patients"] == 1 and theirs["patients_shown"] == "fewer than 5"
    assert theirs["retention"]["summary"] == (
        "Fewer than 5 patients: figures are not shown, so nobody can be recognised.")
    assert all(r["count"] in (None, 0) for r in theirs["retention"]["rows"])
    # Clinicians and patients do not see it.
    await sign_in(client, conn, ward)
    assert (await client.get("/api/v1/site/outcomes")).status_code == 403
    await sign_in(client, conn, people[0])
    assert (await client.get("/api/v1/site/outcomes")).status_code == 403


def test_stay_counts_the_time_attended_from_the_start(  # hazard H-056
) -> None:
    from diarycard.site_outcomes.figures import Patient, stay

    today = date(2026, 6, 30)
    start = today - timedelta(days=400)
    assert stay(Patient(start, "discharged", None, None), today) == "completed"
    assert stay(Patient(start, "treatment", None, today - timedelta(days=60)),
                today) == "attending"
    assert stay(Patient(start, "treatment", None, today - timedelta(days=61)),
                today) == "6_to_12"
    assert stay(Patient(start, "treatment", today, today), today) == "6_to_12"
    assert stay(Patient(start, None, None, start + timedelta(days=182)), today) == "under_6"
    # Never attended and started long ago: stopped, having attended under 6 months.
    assert stay(Patient(start, "assessment", None, None), today) == "under_6"
    # Started recently, no session yet: still attending.
    assert stay(Patient(today - timedelta(days=20), "assessment", None, None),
                today) == "attending"
