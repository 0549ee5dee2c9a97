"""The second factor: clinicians and admins must set it up before anything else, sign-in
asks for it, codes work once, and patients may turn it on and off."""

from __future__ import annotations

import time

import pyotp

from access_world import TOTP_SECRET, api_sign_in, seed_world


def _well_inside_a_step() -> float:
    """Now, moved on to the start of the next 30-second step when this one has under 10 s
    left: a sign-in hashes a password for up to a second or two, and a code made for a
    neighbouring step must still be a neighbour when it is checked."""
    if time.time() % 30 > 20:
        time.sleep(30 - time.time() % 30 + 0.1)
    return time.time()

NEW_PASSWORD = "a new and rather long passphrase"


async def test_a_clinician_without_totp_must_enrol_before_anything_else(client, conn) -> None:
    world = await seed_world(conn)
    await conn.execute(
        "UPDATE users SET totp_enabled = false, totp_secret = NULL WHERE login = 'user.c1'"
    )
    signed_in = await api_sign_in(client, "user.c1")
    assert signed_in.status_code == 200 and signed_in.json()["needs_totp_enrolment"] is True
    me = await client.get("/api/v1/me")
    assert me.status_code == 200 and me.json()["needs_totp_enrolment"] is True
    blocked = await client.post(f"/api/v1/users/{world.ids['P1']}/invitation")
    assert blocked.status_code == 403 and "authenticator" in blocked.json()["detail"]

    setup = await client.post("/api/v1/me/totp")
    assert setup.status_code == 201
    body = setup.json()
    assert body["qr_svg"].startswith("<svg") and body["otpauth_uri"].startswith("otpauth://totp/")
    wrong = await client.post("/api/v1/me/totp/confirm", json={"code": "123456"})
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "code"
    code = pyotp.TOTP(body["secret"]).now()
    assert (await client.post("/api/v1/me/totp/confirm", json={"code": code})).status_code == 204
    assert (await client.get("/api/v1/me")).json()["needs_totp_enrolment"] is False
    allowed = await client.post(f"/api/v1/users/{world.ids['P1']}/invitation")
    assert allowed.status_code == 201


async def test_sign_in_asks_for_the_code_and_a_code_works_once(client, conn) -> None:
    await seed_world(conn)
    asked = await api_sign_in(client, "user.c1")
    assert asked.status_code == 401
    assert asked.json()["errors"] == [{"field": "totp", "rule": "required"}]
    assert await conn.fetchval("SELECT count(*) FROM sessions") == 0
    wrong = await api_sign_in(client, "user.c1", totp="000000")
    assert wrong.status_code == 401
    code = pyotp.TOTP(TOTP_SECRET).now()
    assert (await api_sign_in(client, "user.c1", totp=code)).status_code == 200
    assert (await api_sign_in(client, "user.c1", totp=code)).status_code == 401  # replayed
    # A wrong password never reveals that a code would be asked for next.
    wrong_password = await api_sign_in(client, "user.c2", "not the password")
    assert wrong_password.status_code == 401 and "errors" not in wrong_password.json()


async def test_codes_from_a_neighbouring_step_are_accepted(client, conn) -> None:
    await seed_world(conn)
    earlier = pyotp.TOTP(TOTP_SECRET).at(_well_inside_a_step() - 30)
    assert (await api_sign_in(client, "user.a1", totp=earlier)).status_code == 200


async def test_a_patient_may_turn_totp_on_and_off(client, conn) -> None:
    await seed_world(conn)
    await api_sign_in(client, "user.p1")
    secret = (await client.post("/api/v1/me/totp")).json()["secret"]
    now = _well_inside_a_step()
    first = pyotp.TOTP(secret).at(now - 30)
    assert (await client.post("/api/v1/me/totp/confirm", json={"code": first})).status_code == 204
    client.headers.pop("x-csrf-token")
    client.cookies.clear()
    assert (await api_sign_in(client, "user.p1")).status_code == 401
    second = pyotp.TOTP(secret).at(now)
    assert (await api_sign_in(client, "user.p1", totp=second)).status_code == 200
    third = pyotp.TOTP(secret).at(now + 30)
    assert (await client.post("/api/v1/me/totp/off", json={"code": third})).status_code == 204
    client.cookies.clear()
    assert (await api_sign_in(client, "user.p1")).status_code == 200


async def test_clinicians_cannot_turn_totp_off(client, conn) -> None:
    await seed_world(conn)
    await api_sign_in(client, "user.c1", totp=pyotp.TOTP(TOTP_SECRET).now())
    code = pyotp.TOTP(TOTP_SECRET).at(time.time() + 30)
    assert (await client.post("/api/v1/me/totp/off", json={"code": code})).status_code == 403
    assert await conn.fetchval("SELECT totp_enabled FROM users WHERE login = 'user.c1'")
