"""Passwords, invitation codes, TOTP secrets, session tokens and names never reach the
logs, whatever happens in sign-in, invitations, password changes and audit failures."""

from __future__ import annotations

import io
import json
import logging

from access_world import PASSWORD, acting_as, api_sign_in, seed_world
from diarycard.logs import JsonFormatter

CANARY_NAME = "Canary Person 7f3a"
CANARY_PASSWORD = "canary passphrase 7f3a long"


async def test_sign_in_flows_log_no_secrets(client, conn) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    secrets_seen: list[str] = [PASSWORD, CANARY_PASSWORD, CANARY_NAME]
    try:
        world = await seed_world(conn)
        await api_sign_in(client, "user.p1", "a wrong guess for the log")
        signed_in = await api_sign_in(client, "user.p1")
        secrets_seen.append(signed_in.json()["csrf_token"])
        secrets_seen.append(signed_in.headers["set-cookie"].split(";")[0].split("=", 1)[1])
        admin = await acting_as(client, conn, world, "A1")
        invited = await client.post("/api/v1/invitations", headers=admin, json={
            "role": "patient", "login": "canary.login", "display_name": CANARY_NAME})
        code = invited.json()["code"]
        secrets_seen.append(code)
        client.cookies.clear()
        redeemed = await client.post("/api/v1/invitations/redeem",
                                     json={"code": code, "password": CANARY_PASSWORD})
        client.headers["x-csrf-token"] = redeemed.json()["csrf_token"]
        await client.post("/api/v1/invitations/redeem",
                          json={"code": code, "password": CANARY_PASSWORD})
        setup = await client.post("/api/v1/me/totp")
        secrets_seen.append(setup.json()["secret"])
        await conn.execute(
            """CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
               BEGIN RAISE EXCEPTION 'no %', NEW.action; END $$;
               CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log
                   FOR EACH ROW EXECUTE FUNCTION refuse_audit();"""
        )
        failed = await client.get("/api/v1/users", headers=admin)
        assert failed.status_code == 503
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    server = json.dumps([line for line in lines if line["logger"] != "httpx"])
    assert "audit write failed" in server  # the failure itself is logged, without detail
    for secret in secrets_seen:
        assert secret not in server
    assert "canary.login" not in server
