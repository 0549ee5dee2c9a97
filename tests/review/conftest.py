"""A small care team on a real database: clinician Dr Ward (signed in on `client`) with
three patients, Dr Shah at the same site with a fourth, and Dr Okafor at another site."""

from __future__ import annotations

import asyncpg
import pytest
from litestar.testing import AsyncTestClient
from review_data import Team

from factories import assign, make_site, make_user, sign_in


@pytest.fixture
async def team(conn: asyncpg.Connection, client: AsyncTestClient) -> Team:
    site = await make_site(conn)
    other = await make_site(conn)
    t = Team(
        site, other,
        await make_user(conn, site, "clinician", "dr.ward", "Dr Ward"),
        await make_user(conn, site, "clinician", "dr.shah", "Dr Shah"),
        await make_user(conn, other, "clinician", "dr.okafor", "Dr Okafor"),
        await make_user(conn, site, "patient", "amy", "Amy"),
        await make_user(conn, site, "patient", "ben", "Ben"),
        await make_user(conn, site, "patient", "cai", "Cai"),
        await make_user(conn, site, "patient", "dev", "Dev"),
        await make_user(conn, other, "patient", "eve", "Eve"),
    )
    for patient in (t.amy, t.ben, t.cai):
        await assign(conn, t.ward, patient)
    await assign(conn, t.shah, t.dev)
    await assign(conn, t.okafor, t.eve)
    await sign_in(client, conn, t.ward)
    return t
