"""Retention: `diarycard admin purge` reports, then with --apply removes, closed patient
records past their site's retention period, through the migrator's function; the audit
trail stays and each removal is in the security log."""

from __future__ import annotations

import uuid

import pytest
from test_demo_and_admin_cli import _cli

from access_world import acting_as, seed_world


@pytest.mark.slow
async def test_purge_reports_first_then_removes_only_what_is_past_retention(
    client, conn, db_url
) -> None:
    world = await seed_world(conn)
    for name in ("P1", "P2"):
        headers = await acting_as(client, conn, world, name)
        reply = await client.put(f"/api/v1/entries/{uuid.uuid4()}", headers=headers, json={
            "category": "action", "occurred_at": "2026-05-01T10:00:00+00:00"})
        assert reply.status_code == 201
    c1 = await acting_as(client, conn, world, "C1")
    assert (await client.get(f"/api/v1/patients/{world.ids['P1']}/entries",
                             headers=c1)).status_code == 200
    audit_before = await conn.fetchval("SELECT count(*) FROM audit_log")
    # P1 closed 21 years ago (past the default 20), P2 closed yesterday, P3 open.
    await conn.execute("UPDATE users SET disabled_at = now() - interval '21 years'"
                       " WHERE id = $1", world.ids["P1"])
    await conn.execute("UPDATE users SET disabled_at = now() - interval '1 day' WHERE id = $1",
                       world.ids["P2"])
    code, out = await _cli(db_url, "admin", "purge")
    assert code == 0, out
    assert "Would remove (dry run" in out and str(world.ids["P1"]) in out
    assert str(world.ids["P2"]) not in out
    assert await conn.fetchval("SELECT count(*) FROM users WHERE id = $1", world.ids["P1"]) == 1
    code, out = await _cli(db_url, "admin", "purge", "--apply")
    assert code == 0 and "Removed: 1 closed patient records" in out
    assert await conn.fetchval("SELECT count(*) FROM users WHERE id = $1", world.ids["P1"]) == 0
    assert await conn.fetchval("SELECT count(*) FROM entries WHERE patient_id = $1",
                               world.ids["P1"]) == 0
    assert await conn.fetchval("SELECT count(*) FROM entries WHERE patient_id = $1",
                               world.ids["P2"]) == 1
    assert await conn.fetchval("SELECT count(*) FROM audit_log") >= audit_before  # kept
    logged = await conn.fetchrow("SELECT * FROM security_events WHERE action = 'records.purge'")
    assert logged["subject_id"] == world.ids["P1"] and logged["site_id"] == world.sites["A"]
    # A site that keeps records for a shorter time: P2 is still inside even 1 year.
    code, out = await _cli(db_url, "admin", "retention", f"Site A{world.tag}", "365")
    assert code == 0 and "kept for 365 days" in out
    code, out = await _cli(db_url, "admin", "retention", f"Site A{world.tag}", "30")
    assert code == 2
    code, out = await _cli(db_url, "admin", "purge")
    assert "Would remove (dry run; add --apply to remove): 0" in out


async def test_the_app_role_cannot_run_the_purge_unless_granted(conn) -> None:
    """The function is not executable by PUBLIC: only its owner (the migrator) and roles it
    grants run it."""
    granted = await conn.fetchval(
        "SELECT has_function_privilege('public', 'purge_closed_records(boolean)', 'EXECUTE')")
    assert granted is False
    definer = await conn.fetchval(
        "SELECT prosecdef FROM pg_proc WHERE proname = 'purge_closed_records'")
    assert definer is True
