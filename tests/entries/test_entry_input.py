"""Bad input to the diary answers a 4xx problem naming the field and the rule and stores
nothing; awkward but valid text round-trips byte for byte."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import asyncpg
import msgspec
import pytest
from litestar.testing import AsyncTestClient

from diarycard.entries.models import EntryPut

if TYPE_CHECKING:  # a fixture's type; each test folder has its own conftest
    from conftest import People

URL = "/api/v1/entries/{}"
FIXTURE = Path(__file__).with_name("fixtures") / "entry_v1.json"


def recent() -> str:
    return (datetime.now(UTC) - timedelta(minutes=30)).isoformat()


def raw_entry(fields: bytes = b"", when: str | None = None) -> bytes:
    """A JSON entry written by hand, so it can hold what a JSON library would not write."""
    moment = (when or recent()).encode()
    return b'{"occurred_at": "' + moment + b'", "category": "action"' + fields + b"}"


FAR_FUTURE = (datetime.now(UTC) + timedelta(hours=25)).isoformat()
BAD: list[tuple[str, bytes, int, str]] = [
    ("malformed", b'{"occurred_at": ', 400, "body"),
    ("wrong type", raw_entry(b', "urge_strength": "high"'), 422, "urge_strength"),
    ("out of range", raw_entry(b', "emotion_intensity": 11'), 422, "emotion_intensity"),
    ("negative", raw_entry(b', "risk": {"self_harm": -1}'), 422, "risk.self_harm"),
    ("not in the list", raw_entry(b', "outcome": "maybe"'), 422, "outcome"),
    ("unknown field", raw_entry(b', "patient_id": "x"'), 422, "patient_id"),
    ("NUL", raw_entry(b', "note": "a\\u0000b"'), 422, "note"),
    ("lone high surrogate", raw_entry(b', "note": "a\\ud800b"'), 422, "note"),
    ("lone low surrogate", raw_entry(b', "emotion": "\\udc00"'), 422, "emotion"),
    ("surrogate in a list", raw_entry(b', "indicators": ["ok", "\\ud83d"]'), 422,
     "indicators[1]"),
    ("note one over", raw_entry(b', "note": "' + b"x" * 2001 + b'"'), 422, "note"),
    ("empty emotion", raw_entry(b', "emotion": ""'), 422, "emotion"),
    ("no offset", raw_entry(when="2026-11-20T21:30:00"), 422, "occurred_at"),
    ("before 2000", raw_entry(when="1999-12-31T23:59:59Z"), 422, "occurred_at"),
    ("far future", raw_entry(when=FAR_FUTURE), 422, "occurred_at"),
    ("invalid UTF-8", raw_entry(b', "note": "\xff\xfe"'), 422, "body"),
    ("missing category", b'{"occurred_at": "' + recent().encode() + b'"}', 422, "category"),
    ("a key twice", raw_entry(b', "note": "one", "note": "two"'), 422, "note"),
]


@pytest.mark.parametrize(("case", "payload", "status", "field"), BAD, ids=[b[0] for b in BAD])
async def test_bad_input_is_refused_by_name(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection,
    case: str, payload: bytes, status: int, field: str,
) -> None:
    reply = await client.put(URL.format(uuid.uuid4()), content=payload,
                             headers={"content-type": "application/json"})
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")
    problem = reply.json()
    assert field in [e["field"] for e in problem.get("errors", [])] or field in problem["detail"]
    assert await conn.fetchval("SELECT count(*) FROM entries") == 0


async def test_an_id_in_the_body_must_match_the_address(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection
) -> None:
    reply = await client.put(URL.format(uuid.uuid4()), json={
        "id": str(uuid.uuid4()), "occurred_at": recent(), "category": "action"})
    assert reply.status_code == 422 and reply.json()["errors"][0]["field"] == "id"
    assert await conn.fetchval("SELECT count(*) FROM entries") == 0


async def test_a_body_over_the_limit_is_413(client: AsyncTestClient, people: People,
                                            conn: asyncpg.Connection) -> None:
    payload = raw_entry(b', "note": "' + b"x" * 70_000 + b'"')
    reply = await client.put(URL.format(uuid.uuid4()), content=payload,
                             headers={"content-type": "application/json"})
    assert reply.status_code == 413
    assert await conn.fetchval("SELECT count(*) FROM entries") == 0


AWKWARD = {
    "emoji": "🙂👩🏽‍🦱👨‍👩‍👧 🏳️‍🌈",
    "combining": "e\u0301 n\u0303 a\u0308 (not composed)",
    "composed": "é ñ ä",
    "right to left": "שלום עולם — مرحبا بالعالم",
    "override": "abc\u202edef",
    "byte order mark": "\ufeffstarts with a BOM",
    "at the limit": "😀" * 2000,
}


@pytest.mark.parametrize("text", AWKWARD.values(), ids=AWKWARD.keys())
async def test_awkward_text_round_trips_exactly(client: AsyncTestClient, people: People,
                                                conn: asyncpg.Connection, text: str) -> None:
    entry_id = uuid.uuid4()
    word = text[:200]
    sent = {"occurred_at": recent(), "category": "not_planning", "note": text,
            "emotion": word, "indicators": [word]}
    created = await client.put(URL.format(entry_id), json=sent)
    assert created.status_code == 201, created.text
    got = await client.get(URL.format(entry_id))
    assert got.json()["note"].encode() == text.encode()
    assert got.json()["emotion"].encode() == word.encode()
    assert got.json()["indicators"] == [word]
    stored = await conn.fetchval("SELECT note FROM entries WHERE id = $1", entry_id)
    assert stored.encode() == text.encode()
    # Sending it again is a replay, not a conflict: the words compare equal byte for byte.
    assert (await client.put(URL.format(entry_id), json=sent)).status_code == 200


def test_the_first_version_payload_still_decodes() -> None:
    decoded = msgspec.json.decode(FIXTURE.read_bytes(), type=EntryPut)
    assert decoded.urge == "Get drunk" and decoded.base_version == 1
    assert decoded.risk is not None and decoded.risk.self_harm == 2
    assert decoded.occurred_at.utcoffset() == timedelta(hours=1)


async def test_the_first_version_payload_is_accepted(client: AsyncTestClient, people: People,
                                                     conn: asyncpg.Connection) -> None:
    payload: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    payload.pop("base_version")
    reply = await client.put(URL.format(payload["id"]), json=payload)
    assert reply.status_code == 201, reply.text
    assert reply.json()["note"] == payload["note"]


HOSTILE = {
    "deep nesting": b'{"indicators": ' + b"[" * 10_000 + b"]" * 10_000 + b"}",
    "huge number": raw_entry(b', "emotion_intensity": 1e400'),
    "NaN": raw_entry(b', "urge_strength": NaN'),
    "duplicate keys": raw_entry(b', "note": "one", "note": "two"'),
    "not an object": b'["occurred_at", "category"]',
    "empty": b"",
}


@pytest.mark.parametrize("payload", HOSTILE.values(), ids=HOSTILE.keys())
async def test_hostile_json_is_a_4xx(client: AsyncTestClient, people: People,
                                     conn: asyncpg.Connection, payload: bytes) -> None:
    for url in (URL.format(uuid.uuid4()), "/api/v1/sync"):
        reply = await client.request("PUT" if "entries" in url else "POST", url,
                                     content=payload,
                                     headers={"content-type": "application/json"})
        assert 400 <= reply.status_code < 500, (url, reply.text)
    assert await conn.fetchval("SELECT count(*) FROM entries") == 0
