"""CSRF over every unsafe route: a request carrying the session cookie but not the
session's token changes nothing, whoever sends it."""

from __future__ import annotations

import re
import uuid

import pytest

from access_world import acting_as, seed_world
from diarycard.app import create_app
from diarycard.settings import load_settings

_PARAM = re.compile(r"\{(\w+)(?::[^}]+)?\}")
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
# No session, so no token: signing in, redeeming, and browsers' CSP reports (which change
# nothing but a counter and a three-fact row).
PUBLIC = {("POST", "/api/v1/session"), ("POST", "/api/v1/invitations/redeem"),
          ("POST", "/api/v1/csp-reports")}


def _unsafe_routes() -> list[tuple[str, str]]:
    app = create_app(load_settings({}), "postgresql://unused@127.0.0.1/unused")
    return sorted(
        (method, route.path)
        for route in app.routes if route.path.startswith("/api/")
        for method in getattr(route, "methods", ())
        if method in UNSAFE and (method, route.path) not in PUBLIC
    )


@pytest.mark.parametrize("who", ["P1", "C1", "A1"])
async def test_no_unsafe_route_works_without_the_token(client, conn, who) -> None:
    world = await seed_world(conn)
    headers = await acting_as(client, conn, world, who)
    cookie_only = {"cookie": headers["cookie"], "x-csrf-token": "not-the-token"}
    wrong = []
    refused = 0
    for method, path in _unsafe_routes():
        url = _PARAM.sub(lambda m: str(world.ids.get("P1", uuid.uuid4())), path)
        response = await client.request(method, url, headers=cookie_only, json={})
        if response.status_code < 400 or response.status_code >= 500:
            wrong.append(f"{method} {path}: {response.status_code}")
        refused += response.status_code == 403 and "security token" in response.text
    assert not wrong
    assert refused == len(_unsafe_routes()), (refused, len(_unsafe_routes()))
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 200
