"""Bad input and failures answer application/problem+json naming the field and the rule,
never a 500 with internals."""

from __future__ import annotations

import json

import msgspec
import pytest
from litestar.testing import AsyncTestClient

from diarycard.app import create_app
from diarycard.web import problems

PROBLEM = "application/problem+json"


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert len(body["request_id"]) == 16
    assert body["request_id"] == response.headers["x-request-id"]
    return body


async def test_malformed_json_is_400(client) -> None:
    response = await client.post(
        "/api/v1/session", content=b'{"login": "sam"', headers={"content-type": "application/json"}
    )
    body = _problem(response, 400)
    assert body["errors"][0]["field"] == "body"


@pytest.mark.parametrize(
    ("payload", "field", "rule"),
    [
        ({"login": 5, "password": "x"}, "login", "Expected `str`, got `int`"),
        ({"login": "", "password": "x"}, "login", "Expected `str` of length >= 1"),
        ({"password": "x"}, "login", "required: this field is missing"),
        ({"login": "a", "password": "x", "role": "x"}, "role", "unknown field: not allowed here"),
        ({"login": "a" * 65, "password": "x"}, "login", "Expected `str` of length <= 64"),
    ],
)
async def test_invalid_fields_are_named_with_their_rule(client, payload, field, rule) -> None:
    body = _problem(await client.post("/api/v1/session", json=payload), 422)
    assert body["errors"] == [{"field": field, "rule": rule}]
    assert field in body["detail"]


async def test_hostile_json_never_500s(client) -> None:
    cases = [
        b"[" * 10_000 + b"]" * 10_000,
        b'{"login": "a", "login": "b", "password": "x"}',
        b'{"login": 1e400, "password": "x"}',
        b'{"login": NaN, "password": "x"}',
        b"\xff\xfe\x00",
        json.dumps([0] * 100_000).encode()[:60_000],
    ]
    for raw in cases:
        response = await client.post(
            "/api/v1/session", content=raw, headers={"content-type": "application/json"}
        )
        assert 400 <= response.status_code < 500, (raw[:40], response.status_code)
        assert response.headers["content-type"] == PROBLEM


async def test_a_body_over_the_limit_is_413(client, settings) -> None:
    big = b'{"login": "' + b"a" * settings.max_body_bytes + b'"}'
    _problem(await client.post("/api/v1/session", content=big,
                               headers={"content-type": "application/json"}), 413)


async def test_wrong_method_is_405_and_trace_too(client) -> None:
    body = _problem(await client.put("/healthz"), 405)
    assert body["code"] == "method_not_allowed"
    assert (await client.request("TRACE", "/api/v1/me")).status_code == 405


async def test_unknown_api_path_is_a_plain_404(client) -> None:
    body = _problem(await client.get("/api/v1/nothing-here"), 404)
    assert body["detail"] == "We could not find that."


async def test_database_down_is_503_with_retry_after(settings, pg_url) -> None:
    # A database that does not exist: every connection attempt fails.
    from diarycard.db.database import with_database
    from diarycard.settings import load_settings

    down = load_settings({}, public_url="https://testserver.local", pool_min=0,
                         db_acquire_timeout=1.0)
    app = create_app(down, with_database(pg_url, "dct_no_such_database"))
    async with AsyncTestClient(app, base_url="https://testserver.local") as client:
        client.headers["origin"] = "https://testserver.local"
        client.cookies.set("__Host-diarycard", "x" * 43)
        for path in ("/readyz", "/api/v1/me"):
            response = await client.get(path)
            _problem(response, 503)
            assert int(response.headers["retry-after"]) >= 1
            assert "dct_no_such_database" not in response.text
        assert (await client.get("/healthz")).status_code == 200


def test_an_unexpected_error_is_a_generic_500() -> None:
    response = problems.handle(None, RuntimeError("SELECT secret FROM patients /srv/app.py"))  # type: ignore[arg-type]
    body = msgspec.json.decode(response.content)
    assert response.status_code == 500
    assert body["detail"] == "Something went wrong on our side. Please try again."
    assert "SELECT" not in json.dumps(body) and "/srv" not in json.dumps(body)
