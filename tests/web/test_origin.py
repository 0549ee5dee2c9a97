"""Finding 2: a page on another site cannot sign a browser in (login CSRF), and no unsafe
request that a browser says comes from another site is served."""

from __future__ import annotations

from uuid import uuid4

import asyncpg
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from factories import PASSWORD, make_site, make_user, sign_in

EVIL = "https://evil.example"


@pytest.fixture
async def patient(conn: asyncpg.Connection) -> str:
    site = await make_site(conn)
    await make_user(conn, site, "patient", "attacker.account")
    return "attacker.account"


def _no_cookie(response: object) -> None:
    assert "set-cookie" not in getattr(response, "headers")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"content": b'{"login": "attacker.account", "password": "%s"}' % PASSWORD.encode(),
         "headers": {"content-type": "text/plain"}},
        {"data": {"login": "attacker.account", "password": PASSWORD}},
        {"files": {"login": (None, "attacker.account"), "password": (None, PASSWORD)}},
    ],
    ids=["text/plain", "form", "multipart"],
)
async def test_sign_in_refuses_bodies_that_are_not_json(
    client: AsyncTestClient[Litestar], patient: str, kwargs: dict[str, object]
) -> None:
    response = await client.post("/api/v1/session", **kwargs)  # type: ignore[arg-type]
    assert response.status_code == 415
    assert response.headers["content-type"].startswith("application/problem+json")
    _no_cookie(response)


@pytest.mark.parametrize("path", ["/api/v1/session", "/api/v1/invitations/redeem"])
@pytest.mark.parametrize(
    "headers",
    [{"origin": EVIL}, {"origin": "null"}, {"sec-fetch-site": "cross-site"},
     {"sec-fetch-site": "same-site"}, {"origin": "http://testserver.local"}],
    ids=["other-origin", "null-origin", "cross-site", "same-site", "http-downgrade"],
)
async def test_public_routes_refuse_other_sites(
    client: AsyncTestClient[Litestar], patient: str, path: str, headers: dict[str, str]
) -> None:
    client.headers.pop("origin")
    body = {"login": patient, "password": PASSWORD} if "session" in path else {
        "code": "AAAAA-AAAAA", "password": PASSWORD}
    response = await client.post(path, json=body, headers=headers)
    assert response.status_code == 403, response.text
    assert response.json()["detail"].startswith("This request came from another website")
    _no_cookie(response)


async def test_sign_in_needs_to_say_where_it_comes_from(
    client: AsyncTestClient[Litestar], patient: str
) -> None:
    client.headers.pop("origin")
    body = {"login": patient, "password": PASSWORD}
    response = await client.post("/api/v1/session", json=body)
    assert response.status_code == 403
    _no_cookie(response)
    # A browser on this very site says so either way.
    ok = await client.post("/api/v1/session", json=body, headers={"sec-fetch-site": "same-origin"})
    assert ok.status_code == 200
    ok = await client.post("/api/v1/session", json=body,
                           headers={"origin": "https://testserver.local"})
    assert ok.status_code == 200


async def test_signed_in_unsafe_requests_from_another_site_are_refused(
    client: AsyncTestClient[Litestar], conn: asyncpg.Connection
) -> None:
    site = await make_site(conn)
    alex = await make_user(conn, site, "patient", "alex")
    await sign_in(client, conn, alex)
    entry = {"category": "action", "occurred_at": "2026-05-01T10:00:00+00:00", "note": "hi"}
    path = f"/api/v1/entries/{uuid4()}"
    refused = await client.put(path, json=entry, headers={"origin": EVIL})
    assert refused.status_code == 403
    assert await conn.fetchval("SELECT count(*) FROM entries") == 0
    # Without Origin (a tool, not a browser), the CSRF token alone still lets it through.
    client.headers.pop("origin")
    assert (await client.put(path, json=entry)).status_code == 201
    # Reading is unaffected.
    assert (await client.get("/api/v1/entries", headers={"origin": EVIL})).status_code == 200
