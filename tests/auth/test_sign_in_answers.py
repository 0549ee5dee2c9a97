"""Signing in: the answer, the cookie, no user enumeration, and argon2id as stored."""

from __future__ import annotations

import re
import time

from argon2 import PasswordHasher
from litestar.testing import AsyncTestClient

from access_world import PASSWORD, api_sign_in, seed_world
from diarycard.app import create_app
from diarycard.auth.passwords import hash_password, verify_password
from diarycard.settings import load_settings
from factories import as_app


async def test_sign_in_answers_who_and_sets_a_strict_host_cookie(client, conn) -> None:
    world = await seed_world(conn)
    response = await api_sign_in(client, "USER.P1 ")  # logins ignore case and spaces
    assert response.status_code == 200
    body = response.json()
    assert body["user_id"] == str(world.ids["P1"])
    assert body["role"] == "patient" and body["login"] == "user.p1"
    assert body["site_id"] == str(world.sites["A"]) and len(body["csrf_token"]) >= 32
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("__Host-diarycard=")
    for flag in ("HttpOnly", "Secure", "SameSite=Strict", "Path=/"):
        assert flag.lower() in cookie.lower()
    assert "domain=" not in cookie.lower()
    token = cookie.split(";")[0].split("=", 1)[1]
    assert len(token) >= 43  # 256 bits in URL-safe base64
    stored = await conn.fetchval("SELECT token_hash FROM sessions")
    assert token.encode() not in stored and len(stored) == 32  # only a hash is kept
    me = await client.get("/api/v1/me")
    assert me.status_code == 200 and me.json()["display_name"] == "Person P1"


async def test_plain_http_development_on_localhost_drops_secure(db_url, tmp_path, conn) -> None:
    await seed_world(conn)
    settings = load_settings({}, public_url="http://127.0.0.1:8000", data_dir=str(tmp_path))
    app = create_app(settings, as_app(db_url))
    async with AsyncTestClient(app, base_url="http://127.0.0.1") as c:
        c.headers["origin"] = "http://127.0.0.1"
        response = await api_sign_in(c, "user.p1")
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("diarycard=") and "secure" not in cookie.lower()
    assert "samesite=strict" in cookie.lower() and "httponly" in cookie.lower()


def _without_request_id(response) -> dict:
    body = response.json()
    body.pop("request_id")
    return body


async def test_wrong_password_and_missing_login_look_the_same(client, conn) -> None:
    await seed_world(conn)
    await conn.execute("UPDATE users SET disabled_at = now() WHERE login = 'user.p2'")
    answers, times = [], []
    for login in ("user.p1", "nobody.here", "user.p2"):  # wrong, missing, disabled
        started = time.perf_counter()
        response = await api_sign_in(client, login, "not the right password")
        times.append(time.perf_counter() - started)
        answers.append((response.status_code, _without_request_id(response)))
    assert answers[0] == answers[1] == answers[2]
    assert answers[0][0] == 401
    # A missing login is checked against a dummy hash, so it costs as much as a real one.
    assert min(times) > 0.02 and max(times) < 4 * min(times)


async def test_argon2id_parameters_as_stored_and_old_hashes_upgraded(client, conn) -> None:
    await seed_world(conn)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    await conn.execute("UPDATE users SET password_hash = $1 WHERE login = 'user.p1'", weak)
    assert (await api_sign_in(client, "user.p1")).status_code == 200
    stored = await conn.fetchval("SELECT password_hash FROM users WHERE login = 'user.p1'")
    assert re.match(r"^\$argon2id\$v=19\$m=65536,t=3,p=4\$", stored)
    every = await conn.fetch("SELECT password_hash FROM users WHERE password_hash IS NOT NULL")
    assert all(row["password_hash"].startswith("$argon2id$v=19$m=65536,t=3,p=4$") for row in every)


async def test_unknown_fields_in_sign_in_are_refused(client, conn) -> None:
    await seed_world(conn)
    response = await client.post(
        "/api/v1/session", json={"login": "user.p1", "password": PASSWORD, "role": "admin"}
    )
    assert response.status_code in (400, 422)
    assert response.headers["content-type"].startswith("application/problem+json")
    assert await conn.fetchval("SELECT count(*) FROM sessions") == 0


async def test_hashing_costs_what_it_should() -> None:
    started = time.perf_counter()
    stored = await hash_password("a perfectly ordinary passphrase")
    took = time.perf_counter() - started
    # Slow enough to hurt a password guesser, quick enough for a person signing in.
    assert 0.02 < took < 1.5
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert not await verify_password(stored, "a perfectly ordinary passphrasE")


async def test_odd_logins_get_a_clear_answer_not_an_error(client, conn) -> None:
    await seed_world(conn)
    for login in ("a\x00b", "x" * 65, ""):
        response = await client.post("/api/v1/session", json={"login": login, "password": "p"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "login"
