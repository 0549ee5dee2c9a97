"""Invitations: creating people, codes that are easy to type, single use, 72 hours, and
one clear answer for every code that does not work."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from litestar.testing import AsyncTestClient

from access_world import acting_as, api_sign_in, seed_world
from diarycard.app import create_app
from diarycard.auth.totp import qr_svg
from diarycard.settings import load_settings
from factories import as_app

NEW_PASSWORD = "a new and rather long passphrase"


async def _invite(client, headers, role="patient", login="sam.new"):
    return await client.post(
        "/api/v1/invitations", headers=headers,
        json={"role": role, "login": login, "display_name": "Sam"},
    )


async def _redeem(client, code, password=NEW_PASSWORD):
    client.cookies.clear()
    body = {"code": code, "password": password}
    return await client.post("/api/v1/invitations/redeem", json=body)


async def test_an_admin_invites_and_the_code_signs_the_person_in(client, conn) -> None:
    world = await seed_world(conn)
    created = await _invite(client, await acting_as(client, conn, world, "A1"))
    assert created.status_code == 201
    body = created.json()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}", body["code"])
    assert body["qr_svg"].startswith("<svg") and body["login"] == "sam.new"
    # The QR code opens the app with the code in the fragment (never sent to a server).
    link = f"https://testserver.local/signin#invite={body['code']}&login=sam.new"
    assert body["qr_svg"] == qr_svg(link)
    expires = datetime.fromisoformat(body["expires_at"])
    left = expires - datetime.now(UTC)
    assert timedelta(hours=71, minutes=59) < left <= timedelta(hours=72)
    stored = await conn.fetchrow("SELECT * FROM invitations")
    assert body["code"].encode() not in stored["code_hash"]  # only a hash is kept
    # Typed on a phone: lower case, no dash, spaces.
    typed = body["code"].lower().replace("-", " ")
    redeemed = await _redeem(client, typed)
    assert redeemed.status_code == 200
    assert redeemed.json()["user_id"] == body["user_id"] and "csrf_token" in redeemed.json()
    assert redeemed.headers["set-cookie"].startswith("__Host-diarycard=")
    assert (await client.get("/api/v1/me")).json()["login"] == "sam.new"
    assert (await api_sign_in(client, "sam.new", NEW_PASSWORD)).status_code == 200


async def test_used_expired_and_unknown_codes_get_one_identical_answer(client, conn) -> None:
    world = await seed_world(conn)
    admin = await acting_as(client, conn, world, "A1")
    used = (await _invite(client, admin, login="used.code")).json()["code"]
    expired = (await _invite(client, admin, login="old.code")).json()["code"]
    await conn.execute(
        "UPDATE invitations SET expires_at = now() - interval '1 second' "
        "WHERE user_id = (SELECT id FROM users WHERE login = 'old.code')"
    )
    assert (await _redeem(client, used)).status_code == 200
    answers = []
    for code in (used, expired, "ABCDE-FGHJK"):
        response = await _redeem(client, code, "another long passphrase")
        body = response.json()
        body.pop("request_id")
        answers.append((response.status_code, body))
    assert answers[0] == answers[1] == answers[2]
    assert answers[0][0] == 422 and answers[0][1]["errors"][0]["field"] == "code"
    # The reused code did not change the password.
    assert (await api_sign_in(client, "used.code", NEW_PASSWORD)).status_code == 200


async def test_a_weak_password_is_refused_and_the_code_still_works(client, conn) -> None:
    world = await seed_world(conn)
    code = (await _invite(client, await acting_as(client, conn, world, "A1"))).json()["code"]
    for weak in ("short", "password1234", "sam.new-is-me"):
        refused = await _redeem(client, code, weak)
        assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "password"
    long_one = "x" * 90 + "correct horse battery staple " + "y" * 9
    assert (await _redeem(client, code, long_one)).status_code == 200
    # No truncation: the same password differing at character 90 does not sign in.
    almost = long_one[:89] + "z" + long_one[90:]
    assert (await api_sign_in(client, "sam.new", almost)).status_code == 401
    assert (await api_sign_in(client, "sam.new", long_one)).status_code == 200


async def test_a_clinician_invites_patients_onto_their_own_care_team(client, conn) -> None:
    world = await seed_world(conn)
    clinician = await acting_as(client, conn, world, "C1")
    created = await _invite(client, clinician)
    assert created.status_code == 201
    team = await conn.fetchval(
        "SELECT clinician_id FROM care_team WHERE patient_id = $1", created.json()["user_id"]
    )
    assert team == world.ids["C1"]
    site = await conn.fetchval("SELECT site_id FROM users WHERE login = 'sam.new'")
    assert site == world.sites["A"]
    refused = await _invite(client, clinician, role="clinician", login="dr.new")
    assert refused.status_code == 403
    assert await conn.fetchval("SELECT count(*) FROM users WHERE login = 'dr.new'") == 0


@pytest.mark.parametrize(
    "extra",
    [{"site_id": "00000000-0000-0000-0000-000000000000"}, {"role": "admin"}, {"password": "x"}],
)
async def test_no_one_can_set_the_site_a_role_or_a_password_by_adding_it(
    client, conn, extra
) -> None:
    world = await seed_world(conn)
    body = {"role": "patient", "login": "sam.new", "display_name": "Sam", **extra}
    response = await client.post(
        "/api/v1/invitations", headers=await acting_as(client, conn, world, "A1"), json=body
    )
    assert response.status_code in (400, 422)
    assert await conn.fetchval("SELECT count(*) FROM users WHERE login = 'sam.new'") == 0


async def test_bad_logins_names_and_taken_logins(client, conn) -> None:
    world = await seed_world(conn)
    admin = await acting_as(client, conn, world, "A1")
    for login, name in (("a b", "Sam"), ("ok.login", "bad\x00name"), ("x", "Sam")):
        response = await client.post(
            "/api/v1/invitations", headers=admin,
            json={"role": "patient", "login": login, "display_name": name},
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] in ("login", "display_name")
    taken = await _invite(client, admin, login="USER.P3")  # another site's, any case
    assert taken.status_code == 409


async def test_a_new_code_replaces_the_old_one(client, conn) -> None:
    world = await seed_world(conn)
    clinician = await acting_as(client, conn, world, "C1")
    path = f"/api/v1/users/{world.ids['P1']}/invitation"
    first = (await client.post(path, headers=clinician)).json()["code"]
    second = (await client.post(path, headers=clinician)).json()["code"]
    assert (await _redeem(client, first)).status_code == 422
    assert (await api_sign_in(client, "user.p1")).status_code == 200  # password unchanged
    assert (await _redeem(client, second)).status_code == 200
    # Redeeming ends every earlier session.
    assert await conn.fetchval(
        "SELECT count(*) FROM sessions WHERE user_id = $1 AND revoked_at IS NULL",
        world.ids["P1"],
    ) == 1
    other_site = await client.post(
        f"/api/v1/users/{world.ids['P3']}/invitation", headers=clinician
    )
    assert other_site.status_code == 404


async def test_in_development_the_link_points_at_the_address_the_server_was_reached_at(
    conn, db_url, tmp_path
) -> None:
    """With no DIARYCARD_PUBLIC_URL, a server on another port must not hand out links
    to port 8000."""
    world = await seed_world(conn)
    settings = load_settings({}, data_dir=str(tmp_path), pool_max=4)
    base = "http://127.0.0.1:8765"
    async with AsyncTestClient(create_app(settings, as_app(db_url)), base_url=base) as local:
        local.headers["origin"] = base
        admin = await acting_as(local, conn, world, "A1")
        # Plain http on this machine: the cookie is not __Host- here.
        admin["cookie"] = admin["cookie"].replace("__Host-diarycard=", "diarycard=")
        created = await _invite(local, admin)
    assert created.status_code == 201
    code = created.json()["code"]
    assert created.json()["qr_svg"] == qr_svg(f"{base}/signin#invite={code}&login=sam.new")
