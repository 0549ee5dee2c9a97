from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from factories import make_site, make_user, sign_in


@dataclass
class People:
    site: UUID
    alex: UUID
    jordan: UUID
    clinician: UUID


@pytest.fixture
async def people(conn: asyncpg.Connection, client: AsyncTestClient) -> People:
    """Alex (signed in on `client`), Jordan (another patient) and a clinician."""
    site = await make_site(conn)
    found = People(
        site,
        await make_user(conn, site, "patient", "alex"),
        await make_user(conn, site, "patient", "jordan"),
        await make_user(conn, site, "clinician", "dr.patel"),
    )
    await sign_in(client, conn, found.alex)
    return found
