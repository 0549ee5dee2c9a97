"""`diarycard demo` accounts that work, run after run, and `diarycard admin`."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from argparse import Namespace
from pathlib import Path

import pyotp
import pytest
from argon2 import PasswordHasher

from access_world import api_sign_in, seed_world, session_headers
from diarycard import demo
from diarycard.accounts import admin_cli
from diarycard.auth import throttle


async def _load(db_url: str, capsys) -> list[dict]:
    assert await demo.load_demo(db_url, as_json=True) == 0
    return json.loads(capsys.readouterr().out)


async def test_demo_accounts_sign_in_and_survive_a_second_run(
    client, conn, db_url, capsys, monkeypatch
) -> None:
    seen = []

    async def loader(conn, site_id, patient_ids, clinician_ids) -> None:
        seen.append((site_id, list(patient_ids), list(clinician_ids)))

    monkeypatch.setattr(demo, "DEMO_LOADERS", [loader])
    # Full-cost argon2 for 14 hashes is slow on a busy machine; signing in upgrades these.
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)

    async def quick_hash(password: str) -> str:
        return cheap.hash(password)

    monkeypatch.setattr(demo, "hash_password", quick_hash)
    first = await _load(db_url, capsys)
    roles = [a["role"] for a in first]
    assert roles.count("admin") == 1 and roles.count("clinician") == 2
    assert roles.count("patient") >= 4
    assert all((a["totp_secret"] is None) == (a["role"] == "patient") for a in first)
    second = await _load(db_url, capsys)
    assert second == first  # the same accounts, the same secrets
    assert len(seen) == 2 and len(seen[0][1]) == 4 and len(seen[0][2]) == 2
    # One of each role signs in (argon2 is slow on purpose; every account is alike).
    for account in (second[0], second[1], second[3]):
        code = pyotp.TOTP(account["totp_secret"]).now() if account["totp_secret"] else None
        client.cookies.clear()
        response = await api_sign_in(client, account["login"], account["password"], code)
        assert response.status_code == 200, account["login"]
        assert response.json()["role"] == account["role"]
        stored = await conn.fetchval(
            "SELECT password_hash FROM users WHERE login = $1", account["login"]
        )
        assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")  # upgraded on sign-in
    teams = await conn.fetch(
        "SELECT patient_id, array_agg(clinician_id ORDER BY clinician_id) AS team "
        "FROM care_team GROUP BY patient_id"
    )
    assert len(teams) == 4 and len({tuple(t["team"]) for t in teams}) == 3


async def _cli(db_url: str, *args: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        str(Path(sys.executable).with_name("diarycard")), *args,
        env={**os.environ, "DATABASE_URL": db_url},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await process.communicate()
    return process.returncode or 0, out.decode()


@pytest.mark.slow
async def test_admin_cli_creates_a_site_and_an_admin_who_can_sign_in(client, conn, db_url) -> None:
    code, out = await _cli(
        db_url, "admin", "create-site", "Leeds SCM service", "--admin-login", "leeds.admin"
    )
    assert code == 0, out
    pairs = [line.split(": ", 1) for line in out.splitlines() if ": " in line]
    lines = {key.strip(): value.strip() for key, value in pairs}
    password, secret = lines["password"], lines["TOTP secret"]
    signed_in = await api_sign_in(client, "leeds.admin", password, pyotp.TOTP(secret).now())
    assert signed_in.status_code == 200 and signed_in.json()["role"] == "admin"
    site = await conn.fetchval("SELECT name FROM sites s JOIN users u ON u.site_id = s.id "
                               "WHERE u.login = 'leeds.admin'")
    assert site == "Leeds SCM service"
    ended, out = await _cli(db_url, "admin", "end-sessions", "--login", "leeds.admin")
    assert ended == 0 and "Ended 1 sessions" in out
    assert (await client.get("/api/v1/me")).status_code == 401


async def test_admin_cli_incident_tools(client, conn, capsys) -> None:
    world = await seed_world(conn)
    for _ in range(10):
        await throttle.record_failure(conn, "user.p1")
    assert (await api_sign_in(client, "user.p1")).status_code == 429
    assert await admin_cli._unlock(conn, Namespace(login="user.p1")) == 0
    assert (await api_sign_in(client, "user.p1")).status_code == 200
    await session_headers(conn, world, "C3")
    assert await admin_cli._end_sessions(conn, Namespace(everyone=True, login=None)) == 0
    assert "Ended 2 sessions" in capsys.readouterr().out
    assert (await client.get("/api/v1/me")).status_code == 401
    assert await admin_cli._create_admin(
        conn, Namespace(site="Nowhere", login="x.admin", name="X")) == 1
    assert await admin_cli._create_admin(
        conn, Namespace(site="Site B", login="user.p1", name="X")) == 1  # login taken
    assert "taken" in capsys.readouterr().out
