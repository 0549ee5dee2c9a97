"""Running a site: its people, care teams, authenticator resets and emergency numbers,
always within the admin's own site."""

from __future__ import annotations

from access_world import acting_as, seed_world, session_headers


async def test_admins_list_only_their_own_site(client, conn) -> None:
    world = await seed_world(conn)
    admin = await acting_as(client, conn, world, "A1")
    users = (await client.get("/api/v1/users", headers=admin)).json()
    logins = {u["login"] for u in users}
    assert logins == {"user.p1", "user.p2", "user.c1", "user.c2", "user.a1", "user.r1"}
    p1 = next(u for u in users if u["login"] == "user.p1")
    assert p1["care_team"] == [str(world.ids["C1"])] and p1["role"] == "patient"
    c1 = next(u for u in users if u["login"] == "user.c1")
    assert c1["care_team"] == [str(world.ids["P1"])] and c1["totp_enabled"] is True
    assert all("password" not in key and "secret" not in key for key in p1)


async def test_another_sites_people_cannot_be_touched(client, conn) -> None:
    world = await seed_world(conn)
    admin = await acting_as(client, conn, world, "A1")
    p3, c3 = world.ids["P3"], world.ids["C3"]
    for method, path in (
        ("POST", f"/api/v1/users/{p3}/disable"),
        ("POST", f"/api/v1/users/{p3}/enable"),
        ("DELETE", f"/api/v1/users/{c3}/totp"),
        ("POST", f"/api/v1/users/{p3}/invitation"),
        ("PUT", f"/api/v1/care-team/{world.ids['C1']}/{p3}"),
        ("PUT", f"/api/v1/care-team/{c3}/{world.ids['P1']}"),
        ("DELETE", f"/api/v1/care-team/{c3}/{p3}"),
    ):
        response = await client.request(method, path, headers=admin)
        assert response.status_code == 404, (method, path)
    assert await conn.fetchval("SELECT count(*) FROM users WHERE disabled_at IS NOT NULL") == 0
    assert await conn.fetchval("SELECT count(*) FROM care_team") == 3


async def test_an_admin_cannot_disable_themselves(client, conn) -> None:
    world = await seed_world(conn)
    admin = await acting_as(client, conn, world, "A1")
    response = await client.post(f"/api/v1/users/{world.ids['A1']}/disable", headers=admin)
    assert response.status_code == 404
    assert (await client.get("/api/v1/me", headers=admin)).status_code == 200


async def test_disable_then_enable(client, conn) -> None:
    world = await seed_world(conn)
    admin = await acting_as(client, conn, world, "A1")
    p2 = world.ids["P2"]
    assert (await client.post(f"/api/v1/users/{p2}/disable", headers=admin)).status_code == 204
    users = (await client.get("/api/v1/users", headers=admin)).json()
    assert next(u for u in users if u["user_id"] == str(p2))["disabled"] is True
    assert (await client.post(f"/api/v1/users/{p2}/enable", headers=admin)).status_code == 204
    client.cookies.clear()
    patient = await session_headers(conn, world, "P2")
    assert (await client.get("/api/v1/me", headers=patient)).status_code == 200


async def test_unassigning_takes_effect_on_the_very_next_request(client, conn) -> None:
    world = await seed_world(conn)
    admin = await acting_as(client, conn, world, "A1")
    clinician = await acting_as(client, conn, world, "C2")
    c2, p1 = world.ids["C2"], world.ids["P1"]
    path = f"/api/v1/users/{p1}/invitation"  # a clinician's action on one patient
    assert (await client.post(path, headers=clinician)).status_code == 404
    assert (await client.put(f"/api/v1/care-team/{c2}/{p1}", headers=admin)).status_code == 204
    assert (await client.put(f"/api/v1/care-team/{c2}/{p1}", headers=admin)).status_code == 204
    assert (await client.post(path, headers=clinician)).status_code == 201
    assert (await client.delete(f"/api/v1/care-team/{c2}/{p1}", headers=admin)).status_code == 204
    assert (await client.post(path, headers=clinician)).status_code == 404
    assert (await client.delete(f"/api/v1/care-team/{c2}/{p1}", headers=admin)).status_code == 404
    # A patient cannot be put on a patient's care team.
    wrong = await client.put(f"/api/v1/care-team/{world.ids['P2']}/{p1}", headers=admin)
    assert wrong.status_code == 404


async def test_resetting_a_lost_authenticator(client, conn) -> None:
    world = await seed_world(conn)
    admin = await acting_as(client, conn, world, "A1")
    clinician = await acting_as(client, conn, world, "C1")
    reset = await client.delete(f"/api/v1/users/{world.ids['C1']}/totp", headers=admin)
    assert reset.status_code == 204
    assert (await client.get("/api/v1/me", headers=clinician)).status_code == 401
    fresh = await acting_as(client, conn, world, "C1")
    me = (await client.get("/api/v1/me", headers=fresh)).json()
    assert me["needs_totp_enrolment"] is True and me["totp_enabled"] is False


async def test_emergency_numbers(client, conn) -> None:
    world = await seed_world(conn)
    patient = await acting_as(client, conn, world, "P1")
    site = (await client.get("/api/v1/site", headers=patient)).json()
    assert site["name"] == "Site A"
    samaritans = {"label": "Samaritans, any time, free", "number": "116 123"}
    assert samaritans in site["emergency_numbers"]
    admin = await acting_as(client, conn, world, "A1")
    numbers = [{"label": "Crisis team (Leeds)", "number": "0800 183 1485"},
               {"label": "Emergency services", "number": "999"}]
    changed = await client.put(
        "/api/v1/site/emergency-numbers", headers=admin, json={"emergency_numbers": numbers}
    )
    assert changed.status_code == 200 and changed.json()["emergency_numbers"] == numbers
    seen = (await client.get("/api/v1/site", headers=patient)).json()
    assert seen["emergency_numbers"] == numbers
    other = await acting_as(client, conn, world, "P3")
    assert (await client.get("/api/v1/site", headers=other)).json()["emergency_numbers"] != numbers
    for bad in ([], [{"label": "x", "number": "call me"}], [{"label": "", "number": "999"}],
                [{"label": "x", "number": "999", "site_id": "y"}]):
        refused = await client.put(
            "/api/v1/site/emergency-numbers", headers=admin, json={"emergency_numbers": bad}
        )
        assert refused.status_code == 422, bad
        field = refused.json()["errors"][0]["field"]
        assert field.startswith("emergency_numbers") or field == "site_id", field
    after = (await client.get("/api/v1/site", headers=patient)).json()
    assert after["emergency_numbers"] == numbers


async def test_a_clinician_sees_only_their_own_patients_accounts(client, conn) -> None:
    world = await seed_world(conn)
    clinician = await acting_as(client, conn, world, "C1")
    mine = (await client.get("/api/v1/care-team", headers=clinician)).json()
    assert [p["login"] for p in mine] == ["user.p1"]
    assert mine[0]["invited"] is False and mine[0]["role"] == "patient"
    row = await conn.fetchrow("SELECT * FROM audit_log")
    assert row["actor_id"] == world.ids["C1"] and row["action"] == "care_team.list"
    admin = await acting_as(client, conn, world, "A1")
    await client.delete(f"/api/v1/care-team/{world.ids['C1']}/{world.ids['P1']}", headers=admin)
    assert (await client.get("/api/v1/care-team", headers=clinician)).json() == []
