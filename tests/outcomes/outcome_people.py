"""People for the outcome tests: patient Amy with clinician Dr Ward, patient Ben with Dr
Shah at the same site, and patient Eve at another site. `client` starts signed in as Amy."""

from __future__ import annotations

from typing import NamedTuple
from uuid import UUID

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from factories import assign, make_site, make_user, sign_in


class People(NamedTuple):
    site: UUID
    amy: UUID
    ben: UUID
    eve: UUID
    ward: UUID
    shah: UUID


@pytest.fixture
async def people(conn: asyncpg.Connection, client: AsyncTestClient) -> People:
    site, other = await make_site(conn), await make_site(conn)
    p = People(
        site,
        await make_user(conn, site, "patient", "amy", "Amy Example"),
        await make_user(conn, site, "patient", "ben", "Ben Example"),
        await make_user(conn, other, "patient", "eve", "Eve Example"),
        await make_user(conn, site, "clinician", "dr.ward", "Dr Ward"),
        await make_user(conn, site, "clinician", "dr.shah", "Dr Shah"),
    )
    await assign(conn, p.ward, p.amy)
    await assign(conn, p.shah, p.ben)
    await sign_in(client, conn, p.amy)
    return p
