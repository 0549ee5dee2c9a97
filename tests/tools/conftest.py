"""The seeded two-site world (tests/access_world.py) and a way to call the API as anyone."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from tools_api import Call

from access_world import World, seed_world, session_headers


@pytest.fixture
async def world(conn: asyncpg.Connection) -> World:
    return await seed_world(conn)


@pytest.fixture
def api(client: AsyncTestClient[Litestar], conn: asyncpg.Connection, world: World) -> Call:
    """`await api("P1", "PUT", "/crisis-plan/draft", json={...})`, as that actor, under
    /api/v1; `{P1}` and the like in the path become user ids."""
    sessions: dict[str, dict[str, str]] = {}

    async def call(actor: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
        if actor not in sessions:
            sessions[actor] = await session_headers(conn, world, actor)
        url = "/api/v1" + path.format(**{k: str(v) for k, v in world.ids.items()})
        headers = {**sessions[actor], **kwargs.pop("headers", {})}
        return await client.request(method, url, headers=headers, **kwargs)

    return call
