"""Participants leaving or completing (the day and why), feeding CONSORT's attendance
rows; measures due from enrolment at the study's interval; the site's measure interval
set by its admin; researchers invited by admins."""

from __future__ import annotations

from datetime import timedelta

import asyncpg
from litestar.testing import AsyncTestClient
from test_studies import enrol_body, setup

from diarycard.outcomes.schedule import add_months
from diarycard.outcomes.store import london_today
from factories import assign, make_site, make_user, sign_in


async def test_leaving_and_completing_feed_the_consort_attendance_rows(
    client: AsyncTestClient, conn: asyncpg.Connection
) -> None:
    p = await setup(conn, client)
    amy = await make_user(conn, p["site"], "patient", "amy.study", "Amy Example")
    ben = await make_user(conn, p["site"], "patient", "ben.study", "Ben Example")
    await sign_in(client, conn, p["researcher"])
    base = f"/api/v1/studies/{p['study']}/participants"
    for n, who in enumerate((amy, ben)):
        assert (await client.put(f"{base}/{who}", json=enrol_body(f"R-{n}"))).status_code == 200
    # Amy was enrolled 250 days ago and stopped attending 10 days ago; Ben completed today.
    today = london_today()
    await conn.execute("UPDATE study_participants SET enrolled_on = $1 WHERE patient_id = $2",
                       today - timedelta(days=250), amy)
    left = await client.put(f"{base}/{amy}/status", json={
        "status": "left", "on": (today - timedelta(days=10)).isoformat(),
        "reason": "stopped_attending"})
    assert left.status_code == 200, left.text
    body = left.json()
    assert (body["status"], body["left_reason"]) == ("left", "stopped_attending")
    assert body["pseudonym"].startswith("P-") and "Amy" not in left.text
    done = await client.put(f"{base}/{ben}/status", json={"status": "completed",
                                                          "on": today.isoformat()})
    assert done.status_code == 200 and done.json()["completed_on"] == today.isoformat()

    consort = (await client.get(f"/api/v1/studies/{p['study']}/consort")).json()
    counts: dict[str, int] = {}
    for row in consort["rows"]:
        counts[row["stage"]] = counts.get(row["stage"], 0) + row["count"]
    assert counts["attended 6-12 months"] == 1 and counts["completed"] == 1
    assert counts["in follow-up"] == 0 and counts["left: stopped attending"] == 1
    assert "left: stopped attending 1;" in consort["text"]
    # Neither is on the follow-up list any more.
    assert (await client.get(f"/api/v1/studies/{p['study']}/follow-ups")).json() == []
    audited = await conn.fetchval("SELECT count(*) FROM audit_log WHERE action = "
                                  "'study.participant_status' AND patient_id = $1", amy)
    assert audited == 1

    # Bad input names the field, and changes nothing.
    for bad, field in (({"status": "left", "on": today.isoformat()}, "reason"),
                       ({"status": "completed", "on": today.isoformat(),
                         "reason": "died"}, "reason"),
                       ({"status": "completed"}, "on"),
                       ({"status": "completed",
                         "on": (today + timedelta(days=1)).isoformat()}, "on"),
                       ({"status": "completed",
                         "on": (today - timedelta(days=300)).isoformat()}, "on")):
        r = await client.put(f"{base}/{amy}/status", json=bad)
        assert r.status_code == 422, (bad, r.text)
        assert field in [e["field"] for e in r.json()["errors"]], r.text
    assert await conn.fetchval("SELECT left_reason FROM study_participants WHERE patient_id"
                               " = $1", amy) == "stopped_attending"
    # Back in follow-up, to undo a mistake.
    back = await client.put(f"{base}/{amy}/status", json={"status": "in_follow_up"})
    assert back.json()["left_on"] is None

    # Another site's researcher: 404; a clinician: 403; someone not enrolled: 404.
    other = await make_site(conn)
    await sign_in(client, conn, await make_user(conn, other, "researcher", "res.b", "Rob"))
    assert (await client.put(f"{base}/{amy}/status", json={"status": "in_follow_up"})
            ).status_code == 404
    await sign_in(client, conn, p["clinician"])
    assert (await client.put(f"{base}/{amy}/status", json={"status": "in_follow_up"})
            ).status_code == 403
    await sign_in(client, conn, p["researcher"])
    stranger = await make_user(conn, p["site"], "patient", "cat.study", "Cat Example")
    assert (await client.put(f"{base}/{stranger}/status", json={"status": "in_follow_up"})
            ).status_code == 404


async def test_measures_restart_at_enrolment_at_the_studys_interval(
    client: AsyncTestClient, conn: asyncpg.Connection
) -> None:
    p = await setup(conn, client)  # the study's primary follow-up is every 3 months
    amy = await make_user(conn, p["site"], "patient", "amy.due", "Amy Example")
    await assign(conn, p["clinician"], amy)
    await conn.execute("UPDATE users SET created_at = now() - interval '130 days' "
                       "WHERE id = $1", amy)
    await conn.execute("UPDATE studies SET follow_up_primary_months = 6 WHERE id = $1",
                       p["study"])
    await sign_in(client, conn, amy)
    before = {d["questionnaire"]: d for d in (await client.get("/api/v1/measures/due")).json()}
    assert before["phq-9"]["state"] == "overdue"
    await sign_in(client, conn, p["researcher"])
    enrolled = await client.put(f"/api/v1/studies/{p['study']}/participants/{amy}",
                                json=enrol_body("D-1"))
    assert enrolled.status_code == 200
    await sign_in(client, conn, amy)
    after = {d["questionnaire"]: d for d in (await client.get("/api/v1/measures/due")).json()}
    today = london_today()
    assert (after["phq-9"]["state"], after["phq-9"]["due_on"]) == ("due", today.isoformat())
    assert after["phq-9"]["next_due"] == add_months(today, 6).isoformat()
    await sign_in(client, conn, p["clinician"])
    row = next(r for r in (await client.get("/api/v1/patients")).json()
               if r["patient_id"] == str(amy))
    assert any(m.startswith("PHQ-9 due") for m in row["measures"]), row["measures"]


async def test_the_admin_sets_the_measure_interval_and_invites_a_researcher(
    client: AsyncTestClient, conn: asyncpg.Connection
) -> None:
    site = await make_site(conn)
    admin = await make_user(conn, site, "admin", "interval.admin", "Ida Admin")
    await sign_in(client, conn, admin)
    assert (await client.get("/api/v1/site")).json()["measure_interval_months"] == 3
    r = await client.put("/api/v1/site/measure-interval", json={"measure_interval_months": 6})
    assert r.status_code == 200 and r.json()["measure_interval_months"] == 6
    assert await conn.fetchval("SELECT measure_interval_months FROM sites WHERE id = $1",
                               site) == 6
    assert await conn.fetchval("SELECT resource FROM audit_log WHERE action = "
                               "'site.measure_interval'") == "6"
    for bad in (0, 13):
        refused = await client.put("/api/v1/site/measure-interval",
                                   json={"measure_interval_months": bad})
        assert refused.status_code in (400, 422), refused.text
    invited = await client.post("/api/v1/invitations", json={
        "role": "researcher", "login": "new.researcher", "display_name": "Rae"})
    assert invited.status_code == 201, invited.text
    assert await conn.fetchval("SELECT role FROM users WHERE login = 'new.researcher'") == (
        "researcher")
    clinician = await make_user(conn, site, "clinician", "interval.dr", "Dr Int")
    await sign_in(client, conn, clinician)
    assert (await client.put("/api/v1/site/measure-interval",
                             json={"measure_interval_months": 2})).status_code == 403
    assert (await client.post("/api/v1/invitations", json={
        "role": "researcher", "login": "sneaky.researcher", "display_name": "S"})
            ).status_code == 403
