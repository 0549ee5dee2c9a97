"""The second-factor gate over every route: a clinician or admin without an authenticator
app reaches nothing but the routes that set one up (`before_totp=True`)."""

from __future__ import annotations

import re
import uuid

import pytest

from access_world import acting_as, seed_world
from diarycard.app import create_app
from diarycard.settings import load_settings

_PARAM = re.compile(r"\{(\w+)(?::[^}]+)?\}")
# Open to anyone (no session at all), so there is nothing to gate.
PUBLIC = {("POST", "/api/v1/session"), ("POST", "/api/v1/invitations/redeem"),
          ("POST", "/api/v1/csp-reports")}


def _gated_routes() -> list[tuple[str, str]]:
    app = create_app(load_settings({}), "postgresql://unused@127.0.0.1/unused")
    found = []
    for route in app.routes:
        if not route.path.startswith("/api/"):
            continue
        for handler in route.route_handlers:
            for method in handler.http_methods:
                if method in {"OPTIONS", "HEAD"} or (method, route.path) in PUBLIC:
                    continue
                if not handler.opt.get("before_totp"):
                    found.append((method, route.path))
    return sorted(found)


@pytest.mark.parametrize("who", ["C1", "A1"])
async def test_every_other_route_refuses_staff_without_a_second_factor(
    client, conn, who
) -> None:
    world = await seed_world(conn)
    await conn.execute("UPDATE users SET totp_enabled = false, totp_secret = NULL")
    headers = await acting_as(client, conn, world, who)
    let_through = []
    for method, path in _gated_routes():
        url = _PARAM.sub(lambda _: str(uuid.uuid4()), path)
        response = await client.request(method, url, headers=headers, json={})
        gated = response.status_code == 403 and "authenticator" in response.text
        # A request whose query parameters are missing is refused before it gets that far.
        unparsed = response.status_code in (400, 422) and response.json()["code"] in (
            "invalid", "malformed",
        ) and "errors" in response.json()
        if not (gated or unparsed):
            let_through.append(f"{method} {path}: {response.status_code}")
    assert not let_through
    me = await client.get("/api/v1/me", headers=headers)
    assert me.status_code == 200 and me.json()["needs_totp_enrolment"] is True
