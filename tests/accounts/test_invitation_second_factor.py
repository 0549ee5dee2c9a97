"""Finding 1: an invitation replaces a password, never a second factor; a reissue by
someone else is shown to the person at their next sign-in."""

from __future__ import annotations

import pyotp
import pytest

from access_world import TOTP_SECRET, acting_as, api_sign_in, seed_world

NEW_PASSWORD = "a new and rather long passphrase"


async def _reissue(client, conn, world, by: str, whom: str) -> str:
    headers = await acting_as(client, conn, world, by)
    reply = await client.post(f"/api/v1/users/{world.ids[whom]}/invitation", headers=headers)
    assert reply.status_code == 201, reply.text
    client.cookies.clear()
    client.headers.pop("x-csrf-token", None)
    return str(reply.json()["code"])


async def _redeem(client, code: str, totp: str | None = None):
    body = {"code": code, "password": NEW_PASSWORD}
    if totp is not None:
        body["totp"] = totp
    return await client.post("/api/v1/invitations/redeem", json=body)


@pytest.mark.parametrize("whom", ["C2", "A1"])
async def test_a_staff_invitation_without_the_code_gives_no_session(client, conn, whom) -> None:
    world = await seed_world(conn)
    if whom == "A1":  # nobody reissues their own: a second admin of site A does
        await conn.execute("UPDATE users SET role = 'admin' WHERE id = $1", world.ids["C2"])
        code = await _reissue(client, conn, world, "C2", "A1")
    else:
        code = await _reissue(client, conn, world, "A1", whom)
    refused = await _redeem(client, code)
    assert refused.status_code == 401
    assert refused.json()["errors"] == [{"field": "totp", "rule": "required"}]
    assert "set-cookie" not in refused.headers
    wrong = await _redeem(client, code, "000000")
    assert wrong.status_code == 401 and "set-cookie" not in wrong.headers
    # The invitation still works with the right code, and only once.
    ok = await _redeem(client, code, pyotp.TOTP(TOTP_SECRET).now())
    assert ok.status_code == 200, ok.text
    assert ok.json()["needs_totp_enrolment"] is False
    again = await _redeem(client, code, pyotp.TOTP(TOTP_SECRET).now())
    assert again.status_code == 422


async def test_guessing_the_code_through_an_invitation_locks_like_sign_in(client, conn) -> None:
    world = await seed_world(conn)
    code = await _reissue(client, conn, world, "A1", "C2")
    statuses = [(await _redeem(client, code, f"{n:06d}")).status_code for n in range(7)]
    assert statuses[:5] == [401] * 5 and statuses[-1] == 429
    assert await conn.fetchval(
        "SELECT count(*) FROM security_events WHERE subject_id = $1 AND action = 'account.locked'",
        world.ids["C2"]) >= 1


async def test_after_an_admin_resets_the_app_the_person_must_enrol_first(client, conn) -> None:
    world = await seed_world(conn)
    admin = await acting_as(client, conn, world, "A1")
    cleared = await client.delete(f"/api/v1/users/{world.ids['C2']}/totp", headers=admin)
    assert cleared.status_code == 204
    code = await _reissue(client, conn, world, "A1", "C2")
    signed = await _redeem(client, code)
    assert signed.status_code == 200 and signed.json()["needs_totp_enrolment"] is True
    client.headers["x-csrf-token"] = signed.json()["csrf_token"]
    assert (await client.get("/api/v1/patients")).status_code == 403


async def test_a_reissue_by_a_clinician_is_shown_to_the_patient_at_next_sign_in(
    client, conn
) -> None:
    world = await seed_world(conn)
    assert (await api_sign_in(client, "user.p1")).json()["notices"] == []
    code = await _reissue(client, conn, world, "C1", "P1")
    redeemed = await _redeem(client, code)
    notices = redeemed.json()["notices"]
    assert [n["action"] for n in notices] == ["invitation.reissue"]
    assert notices[0]["by"] == "Person C1" and notices[0]["by_role"] == "clinician"
    assert "Person C1 (clinician) made a new invitation code" in notices[0]["message"]
    assert "tell your care team" in notices[0]["message"]
    # Shown once more at the next sign-in, then it is old news.
    client.cookies.clear()
    first = await api_sign_in(client, "user.p1", NEW_PASSWORD)
    assert [n["action"] for n in first.json()["notices"]] == ["invitation.reissue"]
    client.cookies.clear()
    assert (await api_sign_in(client, "user.p1", NEW_PASSWORD)).json()["notices"] == []
