"""`diarycard demo` opens the review populated: sessions, a missed one, a session note."""

from __future__ import annotations

from uuid import uuid4

import asyncpg
import pytest

from diarycard.appointments.demo import load_demo as appointments_demo
from diarycard.auth.principal import Principal
from diarycard.caseload.store import caseload
from diarycard.demo import load_demo


async def test_demo_sessions_fill_the_review_and_a_second_run_adds_none(
    db_url: str, conn: asyncpg.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await load_demo(db_url) == 0
    # Run our loader again on its own (the whole demo's second run is argon2-bound).
    site = await conn.fetchval("SELECT id FROM sites WHERE name = 'Demo site'")
    people = await conn.fetch("SELECT id, role FROM users WHERE site_id = $1 ORDER BY login",
                              site)
    await appointments_demo(conn, site, [p["id"] for p in people if p["role"] == "patient"],
                            [p["id"] for p in people if p["role"] == "clinician"])
    patients = await conn.fetchval("SELECT count(*) FROM users WHERE role = 'patient'")
    statuses = dict(await conn.fetch(
        "SELECT status, count(*) FROM appointments GROUP BY status"))
    assert statuses == {"attended": patients, "scheduled": patients, "not_attended": 1}
    assert await conn.fetchval("SELECT count(*) FROM clinician_notes") == 1
    who = await conn.fetchrow("SELECT id, site_id FROM users WHERE login = 'demo.clinician2'")
    rows = await caseload(conn, Principal(who["id"], "clinician", who["site_id"],
                                          "demo.clinician2", "Sam Okafor", uuid4()))
    assert rows[0].display_name == "Jordan" and rows[0].follow_up
