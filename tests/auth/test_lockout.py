"""Brute force: the per-login back-off and lock, the per-address limit, both in
PostgreSQL; and an attacker cannot cut a patient off."""

from __future__ import annotations

from access_world import api_sign_in, seed_world, session_headers
from diarycard.auth import throttle


async def _attempts(client, login: str, count: int) -> list[int]:
    return [(await api_sign_in(client, login, "a wrong guess")).status_code for _ in range(count)]


async def test_failures_lock_the_login_with_retry_after(client, conn) -> None:
    await seed_world(conn)
    assert await _attempts(client, "user.p1", throttle.FREE_FAILURES + 1) == [401] * 5
    locked = await api_sign_in(client, "user.p1")  # even the right password waits
    assert locked.status_code == 429
    assert 1 <= int(locked.headers["retry-after"]) <= throttle.FIRST_LOCK_SECONDS
    assert locked.headers["content-type"].startswith("application/problem+json")
    # The lock lives in the database: another app instance would see it too.
    row = await conn.fetchrow("SELECT failures, locked_until > now() AS locked "
                              "FROM login_throttle WHERE login = 'user.p1'")
    assert row["failures"] == 5 and row["locked"]
    # Once the back-off has passed, the right password works and the count starts again.
    await conn.execute("UPDATE login_throttle SET locked_until = now() - interval '1 second'")
    assert (await api_sign_in(client, "user.p1")).status_code == 200
    assert await conn.fetchval("SELECT count(*) FROM login_throttle") == 0


async def test_back_off_doubles_and_is_locked_by_the_tenth_failure(client, conn) -> None:
    await seed_world(conn)
    waits = []
    for _ in range(10):
        await throttle.record_failure(conn, "user.p1")
        waits.append(await conn.fetchval(
            "SELECT coalesce(extract(epoch FROM locked_until - now()), 0) FROM login_throttle"
        ))
    assert waits[:4] == [0, 0, 0, 0]
    assert [round(w / 30) for w in waits[4:9]] == [1, 2, 4, 8, 16]
    assert 890 < waits[9] <= throttle.MAX_LOCK_SECONDS
    assert (await api_sign_in(client, "user.p1")).status_code == 429


async def _failed_before(conn, login: str, times: int = throttle.FREE_FAILURES) -> None:
    """As if `login` had already failed `times` times (argon2 kept out of the hot path)."""
    for _ in range(times):
        await throttle.record_failure(conn, login)


async def test_a_missing_login_locks_exactly_like_a_real_one(client, conn) -> None:
    await seed_world(conn)
    answers = []
    for login in ("user.p1", "no.such.person"):
        await _failed_before(conn, login)
        answers.append(await _attempts(client, login, 2))
    assert answers[0] == answers[1] == [401, 429]


async def test_a_locked_patient_stays_signed_in_on_their_phone(client, conn) -> None:
    world = await seed_world(conn)
    phone = await session_headers(conn, world, "P1")
    await _failed_before(conn, "user.p1", 10)
    assert (await api_sign_in(client, "user.p1")).status_code == 429
    client.cookies.clear()
    assert (await client.get("/api/v1/me", headers=phone)).status_code == 200
    assert (await client.get("/api/v1/site", headers=phone)).status_code == 200


async def test_a_new_invitation_code_gets_a_locked_out_patient_back_in(client, conn) -> None:
    world = await seed_world(conn)
    await _failed_before(conn, "user.p1", 10)
    clinician = await session_headers(conn, world, "C1")
    client.cookies.clear()
    issued = await client.post(f"/api/v1/users/{world.ids['P1']}/invitation", headers=clinician)
    client.cookies.clear()
    client.headers.pop("x-csrf-token", None)
    redeemed = await client.post(
        "/api/v1/invitations/redeem",
        json={"code": issued.json()["code"], "password": "a fresh start for me"},
    )
    assert redeemed.status_code == 200
    assert (await api_sign_in(client, "user.p1", "a fresh start for me")).status_code == 200


async def test_per_address_limit_is_generous_shared_and_answers_429(client, conn) -> None:
    await seed_world(conn)
    # As if another instance had already counted the limit for this address this minute.
    await conn.execute(
        """INSERT INTO ip_throttle (ip, window_start, hits)
           SELECT 'testclient', date_trunc('minute', now()) + m * interval '1 minute', $1
             FROM generate_series(0, 1) AS m""",
        throttle.PER_IP_PER_MINUTE,
    )
    assert throttle.PER_IP_PER_MINUTE >= 100  # one NHS egress address, many clinicians
    refused = await api_sign_in(client, "user.p1")
    assert refused.status_code == 429 and 1 <= int(refused.headers["retry-after"]) <= 120
    redeem = await client.post(
        "/api/v1/invitations/redeem", json={"code": "AAAAA-BBBBB", "password": "whatever it is"}
    )
    assert redeem.status_code == 429
    # The password was never checked, so nothing counts against the login itself.
    assert await conn.fetchval("SELECT count(*) FROM login_throttle") == 0
