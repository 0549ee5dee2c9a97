"""The server half of the app lock: handed out for the right PIN or a fresh password
sign-in only; five wrong PINs end the session; every step is in the security log."""

from __future__ import annotations

import base64
import os
import uuid

from access_world import PASSWORD, acting_as, seed_world


def check() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).rstrip(b"=").decode()


async def test_the_key_comes_only_with_the_right_pin_and_five_wrong_ones_end_the_session(
    client, conn
) -> None:
    world = await seed_world(conn)
    headers = await acting_as(client, conn, world, "P1")
    device, pin, other = str(uuid.uuid4()), check(), check()
    made = await client.put("/api/v1/me/device-key", headers=headers,
                            json={"device_id": device, "pin_check": pin})
    assert made.status_code == 200
    key = made.json()["key"]
    assert len(base64.urlsafe_b64decode(key + "=")) == 32
    opened = await client.post("/api/v1/me/device-key/unlock", headers=headers,
                               json={"device_id": device, "pin_check": pin})
    assert opened.status_code == 200 and opened.json()["key"] == key
    for left in (4, 3, 2, 1):
        wrong = await client.post("/api/v1/me/device-key/unlock", headers=headers,
                                  json={"device_id": device, "pin_check": other})
        assert wrong.status_code == 422
        assert wrong.json()["errors"] == [{"field": "pin", "rule": "wrong"}]
        assert str(left) in wrong.json()["detail"] and key not in wrong.text
    fifth = await client.post("/api/v1/me/device-key/unlock", headers=headers,
                              json={"device_id": device, "pin_check": other})
    assert fifth.status_code == 401 and key not in fifth.text
    right = await client.post("/api/v1/me/device-key/unlock", headers=headers,
                              json={"device_id": device, "pin_check": pin})
    assert right.status_code == 401  # even the right PIN now: the session has ended
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 401
    actions = [r["action"] for r in await conn.fetch(
        "SELECT action FROM security_events WHERE subject_id = $1 AND action LIKE 'app_lock.%'"
        " ORDER BY id", world.ids["P1"])]
    assert actions == ["app_lock.pin_set"] + ["app_lock.wrong_pin"] * 5 + ["app_lock.locked_out"]

    # Signing in with the password again sets a new PIN and gets the same key back, so
    # what the phone sealed before still opens.
    headers = await acting_as(client, conn, world, "P1")
    again = await client.put("/api/v1/me/device-key", headers=headers,
                             json={"device_id": device, "pin_check": other})
    assert again.status_code == 200 and again.json()["key"] == key


async def test_changing_a_pin_needs_a_recent_password_sign_in(client, conn) -> None:
    world = await seed_world(conn)
    headers = await acting_as(client, conn, world, "P1")
    device = str(uuid.uuid4())
    body = {"device_id": device, "pin_check": check()}
    made = await client.put("/api/v1/me/device-key", headers=headers, json=body)
    assert made.status_code == 200
    await conn.execute("UPDATE sessions SET reauth_at = now() - interval '16 minutes'")
    refused = await client.put("/api/v1/me/device-key", headers=headers,
                               json={"device_id": device, "pin_check": check()})
    assert refused.status_code == 403
    assert refused.json()["errors"] == [{"field": "password", "rule": "reauthenticate"}]
    assert (await client.post("/api/v1/me/reauth", headers=headers,
                              json={"password": PASSWORD})).status_code == 204
    assert (await client.put("/api/v1/me/device-key", headers=headers,
                             json={"device_id": device, "pin_check": check()})).status_code == 200


async def test_another_persons_phone_is_not_found_and_a_bad_check_names_the_field(
    client, conn
) -> None:
    world = await seed_world(conn)
    mine = await acting_as(client, conn, world, "P1")
    device = str(uuid.uuid4())
    body = {"device_id": device, "pin_check": check()}
    assert (await client.put("/api/v1/me/device-key", headers=mine, json=body)).status_code == 200
    theirs = await acting_as(client, conn, world, "P2")
    assert (await client.post("/api/v1/me/device-key/unlock", headers=theirs,
                              json=body)).status_code == 404
    bad = await client.put("/api/v1/me/device-key", headers=theirs,
                           json={"device_id": device, "pin_check": "1234"})
    assert bad.status_code == 422 and "pin_check" in bad.text
    assert await conn.fetchval("SELECT count(*) FROM device_keys") == 1
