"""NICE QS88 made visible: supervision agreed and recorded, overdue flagged, shown to the
clinician and their site admin; the admin's per-statement counts in words and figures
(hazard log H-034)."""

from __future__ import annotations

from datetime import date, timedelta

import asyncpg
from litestar.testing import AsyncTestClient
from review_data import Team

from factories import make_user, sign_in


async def test_supervision_is_agreed_recorded_and_flagged_when_overdue(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    url = f"/api/v1/supervision/{team.ward}"
    first = (await client.get(url)).json()
    assert first["level"] is None and first["words"].startswith("No level and frequency")
    long_ago = (date.today() - timedelta(weeks=10)).isoformat()
    agreed = await client.put(f"{url}/agreement", json={
        "level": "individual, with the SCM team lead", "every_weeks": 4,
        "agreed_on": long_ago})
    assert agreed.status_code == 200, agreed.text
    assert agreed.json()["overdue"] is True
    assert agreed.json()["words"].endswith(": overdue")
    held = (date.today() - timedelta(days=3)).isoformat()
    after = await client.post(f"{url}/sessions", json={"held_on": held, "supervisor": "Dr Lee"})
    assert after.status_code == 201, after.text
    body = after.json()
    assert body["overdue"] is False
    assert [s["supervisor"] for s in body["sessions"]] == ["Dr Lee"]
    assert body["next_due_on"] == (date.today() - timedelta(days=3) + timedelta(weeks=4)
                                   ).isoformat()
    future = await client.post(f"{url}/sessions", json={
        "held_on": (date.today() + timedelta(days=2)).isoformat(), "supervisor": "Dr Lee"})
    assert future.status_code == 422 and "held_on" in future.text
    bad = await client.put(f"{url}/agreement", json={"level": "", "every_weeks": 40,
                                                    "agreed_on": long_ago})
    assert bad.status_code in (400, 422)
    # Another clinician's, or another site's: 404; a patient: 403.
    assert (await client.get(f"/api/v1/supervision/{team.shah}")).status_code == 404
    assert (await client.get(f"/api/v1/supervision/{team.okafor}")).status_code == 404
    await sign_in(client, conn, team.amy)
    assert (await client.get(url)).status_code == 403


async def test_the_site_admin_sees_each_statement_in_words_and_figures(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    # Amy assessed and chose her therapy; Ben assessed only; Cai and Dev have no pathway.
    await client.put(f"/api/v1/patients/{team.amy}/pathway", json={
        "phase": "discharge_transition", "assessment_done_on": "2025-09-01",
        "therapy_type": "SCM", "therapy_duration": "12 months", "therapy_intensity": "weekly",
        "choice_discussed_on": "2025-09-08"})
    await client.put(f"/api/v1/patients/{team.ben}/pathway", json={
        "phase": "treatment", "assessment_done_on": "2025-10-01"})
    await client.put(f"/api/v1/supervision/{team.ward}/agreement", json={
        "level": "group", "every_weeks": 4, "agreed_on": date.today().isoformat()})
    admin = await make_user(conn, team.site, "admin", "site.admin", "Sam Admin")
    await sign_in(client, conn, admin)
    report = await client.get("/api/v1/site/quality-statements")
    assert report.status_code == 200, report.text
    words = {s["statement"]: s["words"] for s in report.json()["statements"]}
    assert words[1] == "2 of 4 patients (50%) have a structured assessment recorded, with its date"
    assert words[2].startswith("1 of 4 patients (25%) chose the type, duration and intensity")
    assert words[5].startswith("0 of 1 patients in the discharge transition or discharged (0%)")
    assert words[6].startswith("1 of 2 clinicians (50%) have an agreed level")
    shah = next(c for c in report.json()["clinicians"] if c["display_name"] == "Dr Shah")
    assert shah["words"] == "No level and frequency of supervision agreed yet"
    # The admin records Dr Shah's supervision too; another site's clinician is a 404.
    done = await client.put(f"/api/v1/supervision/{team.shah}/agreement", json={
        "level": "group", "every_weeks": 2, "agreed_on": date.today().isoformat()})
    assert done.status_code == 200
    assert (await client.get(f"/api/v1/supervision/{team.okafor}")).status_code == 404
    await sign_in(client, conn, team.ward)
    assert (await client.get("/api/v1/site/quality-statements")).status_code == 403
