"""Security and cache headers on every kind of response, and the schema's production switch."""

from __future__ import annotations

import pytest
from litestar.testing import AsyncTestClient

from diarycard.app import create_app
from diarycard.settings import load_settings
from factories import as_app

SECURITY = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}


PATHS = ["/", "/healthz", "/api/v1/me", "/api/v1/missing", "/manifest.webmanifest"]


@pytest.mark.parametrize("path", PATHS)
async def test_every_response_carries_the_security_headers(client, path) -> None:
    response = await client.get(path)
    for name, value in SECURITY.items():
        assert response.headers[name] == value, (path, name)
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "camera=()" in response.headers["permissions-policy"]
    assert response.headers["strict-transport-security"].startswith("max-age=31536000")


async def test_api_answers_are_never_stored(client) -> None:
    for path in ("/api/v1/me", "/api/v1/missing"):
        assert (await client.get(path)).headers["cache-control"] == "no-store"


async def test_the_shell_is_revalidated_and_typed(client) -> None:
    index = await client.get("/")
    assert index.headers["cache-control"] == "no-cache"
    assert index.headers["content-type"].startswith("text/html")
    manifest = await client.get("/manifest.webmanifest")
    assert manifest.headers["content-type"].startswith("application/manifest+json")
    assert manifest.headers["cache-control"] == "no-cache"


async def test_schema_is_served_in_development(client) -> None:
    response = await client.get("/schema/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/session" in response.json()["paths"]


async def test_production_serves_no_schema(db_url) -> None:
    settings = load_settings(
        {"DIARYCARD_ENV": "production", "DIARYCARD_PUBLIC_URL": "https://diary.example"}
    )
    app = create_app(settings, as_app(db_url))
    async with AsyncTestClient(app, base_url="https://diary.example") as c:
        c.headers["origin"] = "https://diary.example"
        for path in ("/schema", "/schema/openapi.json", "/schema/swagger"):
            assert (await c.get(path)).status_code == 404


async def test_the_shell_is_compressed_and_the_api_is_not(client) -> None:
    shell = await client.get("/", headers={"accept-encoding": "gzip"})
    assert shell.headers.get("content-encoding") == "gzip"
    api = await client.get("/api/v1/me", headers={"accept-encoding": "gzip"})
    assert "content-encoding" not in api.headers
