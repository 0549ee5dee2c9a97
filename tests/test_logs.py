"""Logs are JSON lines with the request id, and never hold bodies, headers, cookies or
query strings (where diary text, tokens and codes travel)."""

from __future__ import annotations

import io
import json
import logging

from diarycard.logs import JsonFormatter

CANARY = "CANARY-self-harm-urge-7f3a"


async def test_access_lines_hold_no_request_content(client) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.INFO)
    try:
        client.cookies.set("__Host-diarycard", CANARY)
        await client.post(
            f"/api/v1/session?note={CANARY}",
            json={"login": CANARY, "password": CANARY},
            headers={"X-CSRF-Token": CANARY, "User-Agent": CANARY},
        )
        await client.post("/api/v1/session", content=b'{"login": "' + CANARY.encode())
        await client.get(f"/api/v1/entries/{CANARY}")
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    # The test's own HTTP client logs its URLs under "httpx"; that is not a server sink.
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    lines = [line for line in lines if line["logger"] != "httpx"]
    assert CANARY not in json.dumps(lines)
    access = [line for line in lines if line["logger"] == "diarycard.access"]
    assert len(access) == 3
    for line in access:
        assert set(line) >= {"ts", "level", "request_id", "method", "route", "status", "ms"}
        assert len(line["request_id"]) == 16


def test_a_logged_value_cannot_forge_a_line() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "login\nfake {\"level\": \"x\"}",
                               None, None)
    out = JsonFormatter().format(record)
    assert "\n" not in out
    assert json.loads(out)["msg"] == "login\nfake {\"level\": \"x\"}"


def test_exceptions_log_their_type_not_their_message() -> None:
    try:
        raise ValueError(f"duplicate key value (note)=({CANARY})")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", None, sys.exc_info())
    out = json.loads(JsonFormatter().format(record))
    assert out["exc_type"] == "ValueError"
    assert CANARY not in json.dumps(out)


async def test_logs_name_nobody_but_the_actor(client, conn) -> None:
    """Request logs keep the request id and the actor's opaque id, and no other
    identifier: not the entry, patient or session ids a request touched."""
    import re
    import uuid

    from access_world import acting_as, seed_world

    world = await seed_world(conn)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.INFO)
    try:
        theirs = str(uuid.uuid4())
        entry = {"category": "action", "occurred_at": "2026-05-01T10:00:00+00:00"}
        p2 = await acting_as(client, conn, world, "P2")
        assert (await client.put(f"/api/v1/entries/{theirs}", headers=p2,
                                 json=entry)).status_code == 201
        p1 = await acting_as(client, conn, world, "P1")
        sync = {"operations": [{"op": "upsert", "id": theirs, "entry": entry}]}
        assert (await client.post("/api/v1/sync", headers=p1, json=sync)).status_code == 200
        c2 = await acting_as(client, conn, world, "C2")
        await client.get(f"/api/v1/patients/{world.ids['P1']}/entries", headers=c2)
        await client.post("/api/v1/session", json={"login": "user.p1", "password": "wrong"})
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    lines = [line for line in lines if line["logger"] != "httpx"]
    assert any(line["msg"] == "entry ids of another patient" for line in lines)
    ids = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    for line in lines:
        rest = {k: v for k, v in line.items() if k != "actor"}
        assert not ids.search(json.dumps(rest)), line
    served = json.dumps(lines)
    assert theirs not in served
