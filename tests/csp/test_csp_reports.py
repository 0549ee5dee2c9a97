"""Finding 8: browsers report CSP violations to an endpoint that keeps three short facts
(never the body, never in the logs), limited per address."""

from __future__ import annotations

import logging

import msgspec

CANARY = "secret-diary-words-7731"
LEGACY = {"csp-report": {
    "document-uri": f"https://testserver.local/entries?note={CANARY}",
    "violated-directive": "script-src-elem",
    "effective-directive": "script-src-elem",
    "blocked-uri": f"https://evil.example/x.js?{CANARY}",
    "script-sample": f"alert('{CANARY}')",
}}
MODERN = [{"type": "csp-violation", "age": 1, "url": "https://testserver.local/",
           "body": {"documentURL": f"https://testserver.local/crisis#{CANARY}",
                    "effectiveDirective": "style-src-attr", "blockedURL": "inline",
                    "sample": CANARY}}]


async def test_violations_are_recorded_without_their_bodies(client, conn, caplog) -> None:
    caplog.set_level(logging.INFO)
    client.headers.pop("origin")  # browsers send reports without one, or from anywhere
    legacy = await client.post("/api/v1/csp-reports", content=msgspec.json.encode(LEGACY),
                               headers={"content-type": "application/csp-report"})
    modern = await client.post("/api/v1/csp-reports", content=msgspec.json.encode(MODERN),
                               headers={"content-type": "application/reports+json"})
    assert legacy.status_code == modern.status_code == 204
    rows = [tuple(r) for r in await conn.fetch(
        "SELECT directive, page, blocked FROM csp_reports ORDER BY id")]
    assert rows == [("script-src-elem", "/entries", "https://evil.example"),
                    ("style-src-attr", "/crisis", "inline")]
    assert CANARY not in caplog.text
    assert "csp violation" in caplog.text


async def test_reports_are_limited_per_address(client, conn) -> None:
    body = msgspec.json.encode(LEGACY)
    statuses = [(await client.post("/api/v1/csp-reports", content=body, headers={
        "content-type": "application/csp-report"})).status_code for _ in range(21)]
    assert statuses == [204] * 20 + [429]
    assert await conn.fetchval("SELECT count(*) FROM csp_reports") == 20


async def test_pages_say_where_to_report(client) -> None:
    response = await client.get("/")
    assert "report-to csp" in response.headers["content-security-policy"]
    assert response.headers["reporting-endpoints"] == 'csp="/api/v1/csp-reports"'


async def test_anything_else_is_stored_as_nothing(client, conn) -> None:
    for content, media in [(b"not json", "application/csp-report"),
                           (b'{"csp-report": 5}', "application/csp-report"),
                           (b'[{"type": "deprecation", "body": {}}]', "application/reports+json"),
                           (msgspec.json.encode(LEGACY), "text/plain")]:
        reply = await client.post("/api/v1/csp-reports", content=content,
                                  headers={"content-type": media})
        assert reply.status_code == 204
    assert await conn.fetchval("SELECT count(*) FROM csp_reports") == 0
