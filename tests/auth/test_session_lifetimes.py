"""Sessions end when they should: idle and absolute limits, sign-out, password change,
an admin disabling the person, and ending one's other sessions. Plus the CSRF check."""

from __future__ import annotations

import pyotp
import pytest

from access_world import COOKIE, PASSWORD, api_sign_in, seed_world, session_headers


async def _me(client, headers) -> int:
    client.cookies.clear()
    return (await client.get("/api/v1/me", headers=headers)).status_code


@pytest.mark.parametrize(
    ("who", "idle", "status"),
    [
        ("C1", "29 minutes", 200), ("C1", "31 minutes", 401),
        ("A1", "31 minutes", 401),
        ("P1", "13 days", 200), ("P1", "15 days", 401),
    ],
)
async def test_idle_timeouts(client, conn, who, idle, status) -> None:
    world = await seed_world(conn)
    headers = await session_headers(conn, world, who)
    await conn.execute(f"UPDATE sessions SET last_seen_at = now() - interval '{idle}'")
    assert await _me(client, headers) == status


async def test_clinician_sessions_end_after_twelve_hours_however_busy(client, conn) -> None:
    world = await seed_world(conn)
    headers = await session_headers(conn, world, "C1")
    created = await conn.fetchval("SELECT expires_at - created_at FROM sessions")
    assert created.total_seconds() == 12 * 3600
    await conn.execute("UPDATE sessions SET expires_at = now() - interval '1 minute'")
    assert await _me(client, headers) == 401


async def test_sign_out_ends_the_session_on_the_server(client, conn) -> None:
    world = await seed_world(conn)
    headers = await session_headers(conn, world, "P1")
    assert await _me(client, headers) == 200
    assert (await client.delete("/api/v1/session", headers=headers)).status_code == 204
    assert await _me(client, headers) == 401  # the old cookie is worthless now


async def test_password_change_ends_every_other_session(client, conn) -> None:
    world = await seed_world(conn)
    other = await session_headers(conn, world, "P1")
    here = await session_headers(conn, world, "P1")
    client.cookies.clear()
    response = await client.put(
        "/api/v1/me/password", headers=here,
        json={"current_password": PASSWORD, "new_password": "seven swans a swimming"},
    )
    assert response.status_code == 204
    assert await _me(client, other) == 401
    # This session carries on under a new token (rotation); the old one is worthless.
    assert await _me(client, here) == 401
    rotated = response.cookies[COOKIE]
    assert rotated not in here["cookie"]
    assert await _me(client, {**here, "cookie": f"{COOKIE}={rotated}"}) == 200
    client.cookies.clear()
    assert (await api_sign_in(client, "user.p1")).status_code == 401
    assert (await api_sign_in(client, "user.p1", "seven swans a swimming")).status_code == 200


async def test_password_change_refuses_a_wrong_current_or_weak_new_password(client, conn) -> None:
    world = await seed_world(conn)
    here = await session_headers(conn, world, "P1")
    wrong = await client.put(
        "/api/v1/me/password", headers=here,
        json={"current_password": "not my password", "new_password": "seven swans a swimming"},
    )
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "current_password"
    weak = await client.put(
        "/api/v1/me/password", headers=here,
        json={"current_password": PASSWORD, "new_password": "password123"},
    )
    assert weak.status_code == 422 and weak.json()["errors"][0]["field"] == "new_password"
    assert (await api_sign_in(client, "user.p1")).status_code == 200  # unchanged


async def test_disabling_a_person_ends_their_sessions_at_once(client, conn) -> None:
    world = await seed_world(conn)
    patient = await session_headers(conn, world, "P1")
    admin = await session_headers(conn, world, "A1")
    client.cookies.clear()
    response = await client.post(f"/api/v1/users/{world.ids['P1']}/disable", headers=admin)
    assert response.status_code == 204
    assert await _me(client, patient) == 401
    assert (await api_sign_in(client, "user.p1")).status_code == 401


async def test_list_and_end_other_sessions(client, conn) -> None:
    world = await seed_world(conn)
    phone = await session_headers(conn, world, "P1")
    laptop = await session_headers(conn, world, "P1")
    someone_else = await session_headers(conn, world, "P2")
    client.cookies.clear()
    listed = (await client.get("/api/v1/me/sessions", headers=laptop)).json()
    assert len(listed) == 2 and sum(s["current"] for s in listed) == 1
    phone_id = next(s["id"] for s in listed if not s["current"])
    p2_id = await conn.fetchval(
        "SELECT id FROM sessions WHERE user_id = $1", world.ids["P2"]
    )
    # Another person's session is not found, exactly like a made-up id.
    theirs = await client.delete(f"/api/v1/me/sessions/{p2_id}", headers=laptop)
    assert theirs.status_code == 404
    assert await _me(client, someone_else) == 200
    ended = await client.delete(f"/api/v1/me/sessions/{phone_id}", headers=laptop)
    assert ended.status_code == 204
    assert await _me(client, phone) == 401
    assert await _me(client, laptop) == 200
    again = await session_headers(conn, world, "P1")
    assert (await client.delete("/api/v1/me/sessions", headers=laptop)).status_code == 204
    assert await _me(client, again) == 401 and await _me(client, laptop) == 200


async def test_unsafe_requests_need_the_csrf_token(client, conn) -> None:
    world = await seed_world(conn)
    headers = await session_headers(conn, world, "P1")
    cookie_only = {"cookie": headers["cookie"]}
    for sent in (cookie_only, {**cookie_only, "x-csrf-token": "guessed"}):
        client.cookies.clear()
        refused = await client.delete("/api/v1/session", headers=sent)
        assert refused.status_code == 403
        assert "security token" in refused.json()["detail"]
    assert await _me(client, headers) == 200  # nothing happened
    # A cross-site form post cannot set the header either.
    form = await client.post(
        "/api/v1/me/totp", content=b"a=b",
        headers={**cookie_only, "content-type": "application/x-www-form-urlencoded"},
    )
    assert form.status_code == 403
    pending = "SELECT totp_pending_secret FROM users WHERE login = 'user.p1'"
    assert await conn.fetchval(pending) is None
    client.cookies.clear()
    assert (await client.delete("/api/v1/session", headers=headers)).status_code == 204


async def test_signing_in_again_ends_the_browsers_earlier_session(client, conn) -> None:
    """Rotation on sign-in: a token planted in (or left over in) this browser is not the
    one that ends up signed in."""
    world = await seed_world(conn)
    planted = await session_headers(conn, world, "P1")
    client.cookies.clear()
    token = planted["cookie"].split("=", 1)[1]
    client.cookies.set(COOKIE, token)
    signed = await api_sign_in(client, "user.p1")
    assert signed.status_code == 200
    assert signed.cookies[COOKIE] != token
    assert await _me(client, planted) == 401
    assert await conn.fetchval("SELECT count(*) FROM sessions WHERE revoked_at IS NULL") == 1


async def test_turning_the_second_factor_on_gives_a_new_token(client, conn) -> None:
    world = await seed_world(conn)
    here = await session_headers(conn, world, "P1")
    client.cookies.clear()
    secret = (await client.post("/api/v1/me/totp", headers=here)).json()["secret"]
    on = await client.post("/api/v1/me/totp/confirm", headers=here,
                           json={"code": pyotp.TOTP(secret).now()})
    assert on.status_code == 204
    assert await _me(client, here) == 401
    rotated = {**here, "cookie": f"{COOKIE}={on.cookies[COOKIE]}"}
    assert await _me(client, rotated) == 200
