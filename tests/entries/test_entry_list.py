"""GET /entries: the patient's own, newest first, cursor-paginated and filtered."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import asyncpg
from litestar.testing import AsyncTestClient

from factories import sign_in

if TYPE_CHECKING:  # a fixture's type; each test folder has its own conftest
    from conftest import People

LIST = "/api/v1/entries"


async def test_pages_filters_and_ownership(client: AsyncTestClient, people: People,
                                           conn: asyncpg.Connection) -> None:
    base = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=30)
    categories = ["action", "not_planning", "not_attending"]
    ops = [
        {"op": "upsert", "id": str(uuid.uuid4()), "entry": {
            "occurred_at": (base + timedelta(hours=i)).isoformat(),
            "category": categories[i % 3], "note": f"entry {i}"}}
        for i in range(25)
    ]
    reply = await client.post("/api/v1/sync", json={"operations": ops})
    assert {r["status"] for r in reply.json()["results"]} == {201}

    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 10, **({"cursor": cursor} if cursor else {})}
        page = (await client.get(LIST, params=params)).json()
        seen += [item["note"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"entry {i}" for i in reversed(range(25))]

    window = {"from": (base + timedelta(hours=5)).isoformat(),
              "to": (base + timedelta(hours=10)).isoformat()}
    page = (await client.get(LIST, params=window)).json()
    assert [item["note"] for item in page["items"]] == [f"entry {i}" for i in (9, 8, 7, 6, 5)]
    page = (await client.get(LIST, params={**window, "category": "action"})).json()
    assert [item["note"] for item in page["items"]] == ["entry 9", "entry 6"]

    await sign_in(client, conn, people.jordan)
    assert (await client.get(LIST)).json() == {"items": [], "next_cursor": None}


async def test_bad_filters_name_the_parameter(client: AsyncTestClient, people: People) -> None:
    cases = {"limit": "0", "cursor": "nonsense", "from": "yesterday", "to": "2026-11-20T10:00"}
    for name, value in cases.items():
        reply = await client.get(LIST, params={name: value})
        assert reply.status_code in (400, 422), (name, reply.text)
        assert name in reply.text
    too_big = await client.get(LIST, params={"limit": 201})
    assert too_big.status_code in (400, 422)
    wrong = await client.get(LIST, params={"category": "sometimes"})
    assert wrong.status_code in (400, 422)
