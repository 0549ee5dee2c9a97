"""The site's starting table: clinicians and admins read it, admins change it, and new
patients at that site (only) start from the changed one."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import asyncpg
from litestar.testing import AsyncTestClient

from factories import make_site, make_user, sign_in

if TYPE_CHECKING:  # a fixture's type; each test folder has its own conftest
    from conftest import Clinic

TEMPLATE = "/api/v1/site/table-template"


async def test_admins_change_the_template_for_new_patients(
    client: AsyncTestClient, clinic: Clinic, conn: asyncpg.Connection
) -> None:
    await sign_in(client, conn, clinic.clinician)
    built_in = (await client.get(TEMPLATE)).json()
    assert built_in["version"] == 0 and len(built_in["rows"]) == 4
    rows = [{"id": str(uuid.uuid4()), "category": "not_planning", "emotion": "Restlessness",
             "urge": "Spend all my money", "indicators": [], "retired": False,
             "helpful_response": "Wait a day before buying"}]
    assert (await client.put(TEMPLATE, json={"base_version": 0, "rows": rows})).status_code == 403

    await sign_in(client, conn, clinic.admin)
    saved = await client.put(TEMPLATE, json={"base_version": 0, "rows": rows})
    assert saved.status_code == 200 and saved.json()["version"] == 1
    stale = await client.put(TEMPLATE, json={"base_version": 0, "rows": rows})
    assert stale.status_code == 412

    await sign_in(client, conn, clinic.patient)
    assert (await client.get(TEMPLATE)).status_code == 403
    mine = (await client.get("/api/v1/table")).json()
    assert mine["version"] == 0 and mine["rows"] == saved.json()["rows"]

    elsewhere = await make_user(conn, await make_site(conn), "patient", "elsewhere")
    await sign_in(client, conn, elsewhere)
    assert (await client.get("/api/v1/table")).json()["rows"] == built_in["rows"]
