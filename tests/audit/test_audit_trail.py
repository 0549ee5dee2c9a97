"""The audit trail: written with the read, append-only, fails closed, and shown to the
patient as 'Who has looked at my diary'."""

from __future__ import annotations

import asyncpg
import pytest

from access_world import acting_as, seed_world


async def test_an_admin_read_writes_a_full_audit_row(client, conn) -> None:
    world = await seed_world(conn)
    response = await client.get("/api/v1/users", headers=await acting_as(client, conn, world, "A1"))
    assert response.status_code == 200
    row = await conn.fetchrow("SELECT * FROM audit_log")
    assert row["actor_id"] == world.ids["A1"] and row["actor_role"] == "admin"
    assert row["site_id"] == world.sites["A"] and row["action"] == "users.list"
    assert row["request_id"] == response.headers["x-request-id"]
    assert row["client_ip"] == "testclient" and row["outcome"] == "ok"


async def test_a_clinician_action_on_a_patient_is_recorded_against_that_patient(
    client, conn
) -> None:
    world = await seed_world(conn)
    clinician = await acting_as(client, conn, world, "C1")
    await client.post(f"/api/v1/users/{world.ids['P1']}/invitation", headers=clinician)
    row = await conn.fetchrow("SELECT * FROM audit_log")
    assert row["patient_id"] == world.ids["P1"] and row["actor_id"] == world.ids["C1"]
    assert row["action"] == "invitation.reissue"


async def test_audit_rows_cannot_be_changed_or_removed(conn) -> None:
    world = await seed_world(conn)
    await conn.execute(
        "INSERT INTO audit_log (actor_id, actor_role, site_id, action, request_id) "
        "VALUES ($1, 'admin', $2, 'users.list', 'r1')",
        world.ids["A1"], world.sites["A"],
    )
    for statement in ("UPDATE audit_log SET action = 'nothing'", "DELETE FROM audit_log",
                      "TRUNCATE audit_log"):
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute(statement)
    assert await conn.fetchval("SELECT action FROM audit_log") == "users.list"


@pytest.fixture
async def broken_audit(conn: asyncpg.Connection) -> None:
    """Every audit insert fails, as if the application had lost its INSERT privilege."""
    await conn.execute(
        """CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN RAISE EXCEPTION 'permission denied for table audit_log'
                 USING ERRCODE = 'insufficient_privilege'; END $$;
           CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log
               FOR EACH ROW EXECUTE FUNCTION refuse_audit();"""
    )


async def test_no_data_leaves_when_the_audit_write_fails(client, conn, broken_audit) -> None:
    world = await seed_world(conn)
    response = await client.get("/api/v1/users", headers=await acting_as(client, conn, world, "A1"))
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "user.p1" not in response.text and "Person P1" not in response.text
    assert await conn.fetchval("SELECT count(*) FROM audit_log") == 0


async def test_no_change_is_kept_when_the_audit_write_fails(client, conn, broken_audit) -> None:
    world = await seed_world(conn)
    admin = await acting_as(client, conn, world, "A1")
    disable = await client.post(f"/api/v1/users/{world.ids['P1']}/disable", headers=admin)
    invite = await client.post(
        "/api/v1/invitations", headers=admin,
        json={"role": "patient", "login": "sam.new", "display_name": "Sam"},
    )
    assert disable.status_code == invite.status_code == 503
    assert "qr_svg" not in invite.json() and "user_id" not in invite.json()
    assert await conn.fetchval("SELECT disabled_at FROM users WHERE login = 'user.p1'") is None
    assert await conn.fetchval("SELECT count(*) FROM users WHERE login = 'sam.new'") == 0
    assert await conn.fetchval("SELECT count(*) FROM invitations") == 0


async def test_who_has_looked_at_my_diary(client, conn) -> None:
    world = await seed_world(conn)
    clinician = await acting_as(client, conn, world, "C1")
    admin = await acting_as(client, conn, world, "A1")
    await client.post(f"/api/v1/users/{world.ids['P1']}/invitation", headers=clinician)
    await client.put(f"/api/v1/care-team/{world.ids['C2']}/{world.ids['P1']}", headers=admin)
    await client.put(f"/api/v1/care-team/{world.ids['C2']}/{world.ids['P2']}", headers=admin)
    mine = (await client.get("/api/v1/me/access-log",
                             headers=await acting_as(client, conn, world, "P1"))).json()
    assert [(m["who"], m["role"], m["action"]) for m in mine] == [
        ("Person A1", "admin", "care_team.assign"),
        ("Person C1", "clinician", "invitation.reissue"),
    ]
    limited = await client.get("/api/v1/me/access-log?limit=1",
                               headers=await acting_as(client, conn, world, "P1"))
    assert len(limited.json()) == 1
    theirs = (await client.get("/api/v1/me/access-log",
                               headers=await acting_as(client, conn, world, "P3"))).json()
    assert theirs == []
    staff = await client.get("/api/v1/me/access-log", headers=clinician)
    assert staff.status_code == 403
