"""Finding 3: sign-ins, lock-outs, second-factor events and what staff do to accounts are
in the site's security log, written before they take effect (fail closed), and an admin
reads their own site's log."""

from __future__ import annotations

import asyncpg
import pyotp
import pytest

from access_world import TOTP_SECRET, acting_as, api_sign_in, seed_world


async def _events(conn: asyncpg.Connection, subject) -> list[tuple[str, str]]:
    rows = await conn.fetch(
        "SELECT action, outcome FROM security_events WHERE subject_id = $1 ORDER BY id", subject)
    return [(r["action"], r["outcome"]) for r in rows]


async def test_sign_in_outcomes_and_the_lock_are_logged(client, conn) -> None:
    world = await seed_world(conn)
    assert (await api_sign_in(client, "user.p1")).status_code == 200
    client.cookies.clear()
    for _ in range(5):
        await api_sign_in(client, "user.p1", "wrong password")
    assert (await api_sign_in(client, "user.p1")).status_code == 429
    assert await _events(conn, world.ids["P1"]) == [
        ("signin", "ok"), *[("signin", "wrong_password")] * 5, ("account.locked", "ok"),
        ("signin", "locked"),
    ]
    # The second factor: asked for (no event), wrong, right.
    assert (await api_sign_in(client, "user.c1")).status_code == 401
    assert (await api_sign_in(client, "user.c1", totp="000000")).status_code == 401
    totp = pyotp.TOTP(TOTP_SECRET).now()
    assert (await api_sign_in(client, "user.c1", totp=totp)).status_code == 200
    assert await _events(conn, world.ids["C1"]) == [("signin", "wrong_code"), ("signin", "ok")]
    # A login that does not exist is logged for no site and keeps no login name.
    await api_sign_in(client, "no.such.person", "my password maybe")
    row = await conn.fetchrow("SELECT * FROM security_events ORDER BY id DESC LIMIT 1")
    assert row["site_id"] is None and row["subject_id"] is None
    assert row["outcome"] == "wrong_password"
    assert "no.such.person" not in str(dict(row))


@pytest.mark.parametrize(
    ("method", "path", "whom", "action"),
    [
        ("POST", "/api/v1/users/{id}/disable", "C2", "account.disable"),
        ("POST", "/api/v1/users/{id}/enable", "C2", "account.enable"),
        ("POST", "/api/v1/users/{id}/invitation", "C2", "invitation.reissue"),
        ("DELETE", "/api/v1/users/{id}/totp", "C2", "totp.reset"),
        ("POST", "/api/v1/users/{id}/disable", "P1", "account.disable"),
    ],
)
async def test_staff_actions_on_accounts_are_logged_with_who_did_them(
    client, conn, method, path, whom, action
) -> None:
    world = await seed_world(conn)
    admin = await acting_as(client, conn, world, "A1")
    reply = await client.request(method, path.format(id=world.ids[whom]), headers=admin)
    assert reply.is_success, reply.text
    row = await conn.fetchrow("SELECT * FROM security_events WHERE action = $1", action)
    assert row["actor_id"] == world.ids["A1"] and row["subject_id"] == world.ids[whom]
    assert row["site_id"] == world.sites["A"] and row["request_id"] == reply.headers["x-request-id"]


async def test_inviting_staff_is_logged(client, conn) -> None:
    world = await seed_world(conn)
    admin = await acting_as(client, conn, world, "A1")
    reply = await client.post("/api/v1/invitations", headers=admin, json={
        "role": "clinician", "login": "new.clinician", "display_name": "New"})
    assert reply.status_code == 201
    assert await _events(conn, reply.json()["user_id"]) == [("invitation.create", "ok")]


async def test_own_password_and_second_factor_changes_are_logged(client, conn) -> None:
    world = await seed_world(conn)
    mine = await acting_as(client, conn, world, "P1")
    changed = await client.put("/api/v1/me/password", headers=mine, json={
        "current_password": "plum-kettle-harbour-lantern",
        "new_password": "seven swans a swimming"})
    assert changed.status_code == 204
    assert await _events(conn, world.ids["P1"]) == [("password.change", "ok")]


@pytest.fixture
async def broken_log(conn: asyncpg.Connection) -> None:
    """Every security-log insert fails, as if the app had lost its INSERT privilege."""
    await conn.execute(
        """CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN RAISE EXCEPTION 'permission denied for table security_events'
                 USING ERRCODE = 'insufficient_privilege'; END $$;
           CREATE TRIGGER refuse_event BEFORE INSERT ON security_events
               FOR EACH ROW EXECUTE FUNCTION refuse_event();"""
    )


async def test_nothing_happens_when_the_log_cannot_be_written(client, conn, broken_log) -> None:
    world = await seed_world(conn)
    signed = await api_sign_in(client, "user.p1")
    assert signed.status_code == 503 and "set-cookie" not in signed.headers
    admin = await acting_as(client, conn, world, "A1")
    disable = await client.post(f"/api/v1/users/{world.ids['C2']}/disable", headers=admin)
    reset = await client.delete(f"/api/v1/users/{world.ids['C2']}/totp", headers=admin)
    assert disable.status_code == reset.status_code == 503
    c2 = await conn.fetchrow("SELECT disabled_at, totp_enabled FROM users WHERE id = $1",
                             world.ids["C2"])
    assert c2["disabled_at"] is None and c2["totp_enabled"] is True
    assert await conn.fetchval("SELECT count(*) FROM sessions WHERE user_agent <> 'pytest'") == 0


async def test_an_admin_reads_their_own_sites_events_only(client, conn) -> None:
    world = await seed_world(conn)
    await api_sign_in(client, "user.p1", "wrong password")
    await api_sign_in(client, "user.p3", "wrong password")
    admin = await acting_as(client, conn, world, "A1")
    await client.post(f"/api/v1/users/{world.ids['C2']}/disable", headers=admin)
    seen = await client.get("/api/v1/site/security-events", headers=admin)
    assert seen.status_code == 200
    events = [(e["action"], e["outcome"], e["actor"], e["subject"]) for e in seen.json()]
    assert events == [
        ("account.disable", "ok", "Person A1", "Person C2"),
        ("signin", "wrong_password", None, "Person P1"),
    ]
    other = await client.get("/api/v1/site/security-events",
                             headers=await acting_as(client, conn, world, "A2"))
    assert [e["subject"] for e in other.json()] == ["Person P3"]
    clinician = await acting_as(client, conn, world, "C1")
    assert (await client.get("/api/v1/site/security-events",
                             headers=clinician)).status_code == 403
