"""Personal impulsivity tables: versioned, shared by patient and assigned clinician,
started from the site's template; retiring a row never changes past entries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import asyncpg
from litestar.testing import AsyncTestClient

from factories import sign_in

if TYPE_CHECKING:  # a fixture's type; each test folder has its own conftest
    from conftest import Clinic

OWN = "/api/v1/table"
TEMPLATE = "/api/v1/site/table-template"


def row(emotion: str, **extra: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "category": "action", "emotion": emotion,
            "urge": "Shout at someone", "indicators": ["Jaw tight"],
            "helpful_response": "Walk away and breathe", **extra}


async def test_a_new_patient_starts_from_the_template(client: AsyncTestClient, clinic: Clinic,
                                                      conn: asyncpg.Connection) -> None:
    await sign_in(client, conn, clinic.patient)
    table = (await client.get(OWN)).json()
    assert table["version"] == 0 and table["updated_at"] is None and table["updated_by"] is None
    assert [r["category"] for r in table["rows"]] == [
        "not_attending", "not_planning", "action", "action"]
    assert table["rows"][0]["emotion"] == "Boredom"

    mine = [*table["rows"][:2], row("Anger")]  # template rows may be dropped at first
    saved = await client.put(OWN, json={"base_version": 0, "rows": mine})
    assert saved.status_code == 200, saved.text
    assert saved.json()["version"] == 1 and saved.json()["updated_at"]
    assert (await client.get(OWN)).json()["rows"] == saved.json()["rows"]
    stale = await client.put(OWN, json={"base_version": 0, "rows": mine})
    assert stale.status_code == 412

    dropped = await client.put(OWN, json={"base_version": 1, "rows": mine[:2]})
    assert dropped.status_code == 422 and mine[2]["id"] in dropped.text
    retired = [*mine[:2], {**mine[2], "retired": True}]
    assert (await client.put(OWN, json={"base_version": 1, "rows": retired})).status_code == 200
    who = await conn.fetch("SELECT version, updated_by FROM personal_table_versions ORDER BY 1")
    assert [(r["version"], r["updated_by"]) for r in who] == [
        (1, clinic.patient), (2, clinic.patient)]


async def test_retiring_a_row_keeps_past_entries(client: AsyncTestClient, clinic: Clinic,
                                                 conn: asyncpg.Connection) -> None:
    await sign_in(client, conn, clinic.patient)
    anger = row("Anger")
    await client.put(OWN, json={"base_version": 0, "rows": [anger]})
    entry_id = uuid.uuid4()
    when = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    await client.put(f"/api/v1/entries/{entry_id}", json={
        "occurred_at": when, "category": "action", "emotion": anger["emotion"],
        "urge": anger["urge"], "helpful_response": anger["helpful_response"]})
    renamed = {**anger, "emotion": "Rage", "retired": True}
    await client.put(OWN, json={"base_version": 1, "rows": [renamed]})
    entry = (await client.get(f"/api/v1/entries/{entry_id}")).json()
    assert entry["emotion"] == "Anger" and entry["version"] == 1


async def test_bad_rows_are_refused_by_name(client: AsyncTestClient, clinic: Clinic,
                                            conn: asyncpg.Connection) -> None:
    await sign_in(client, conn, clinic.patient)
    same = row("Fear")
    cases = [
        ([same, {**same, "emotion": "Again"}], "rows[1].id"),
        ([row("a\x00b")], "rows[0].emotion"),
        ([row("Fear", category="sometimes")], "rows[0].category"),
        ([row("")], "rows[0].emotion"),
        ([row("Fear", owner="me")], "owner"),
    ]
    for rows, field in cases:
        reply = await client.put(OWN, json={"base_version": 0, "rows": rows})
        assert reply.status_code == 422, reply.text
        assert field in reply.text
    assert await conn.fetchval("SELECT count(*) FROM personal_table_versions") == 0


async def test_the_assigned_clinician_reads_and_edits_with_an_audit_trail(
    client: AsyncTestClient, clinic: Clinic, conn: asyncpg.Connection
) -> None:
    url = f"/api/v1/patients/{clinic.patient}/table"
    await sign_in(client, conn, clinic.clinician)
    table = (await client.get(url)).json()
    assert table["version"] == 0
    saved = await client.put(url, json={"base_version": 0, "rows": [row("Shame")]})
    assert saved.status_code == 200 and saved.json()["version"] == 1
    audit = await conn.fetch("SELECT actor_id, patient_id, action FROM audit_log ORDER BY id")
    assert [(a["actor_id"], a["patient_id"], a["action"]) for a in audit] == [
        (clinic.clinician, clinic.patient, "table.read"),
        (clinic.clinician, clinic.patient, "table.update")]
    await sign_in(client, conn, clinic.patient)
    mine = (await client.get(OWN)).json()
    assert mine["rows"][0]["emotion"] == "Shame" and mine["updated_by"] == "Dr.Okafor"
    assert await conn.fetchval(
        "SELECT updated_by FROM personal_table_versions") == clinic.clinician


async def test_others_cannot_reach_a_patients_table(client: AsyncTestClient, clinic: Clinic,
                                                    conn: asyncpg.Connection) -> None:
    body = {"base_version": 0, "rows": [row("Shame")]}
    await sign_in(client, conn, clinic.clinician)
    for patient in (clinic.other_patient, uuid.uuid4(), clinic.clinician):
        url = f"/api/v1/patients/{patient}/table"
        assert (await client.get(url)).status_code == 404
        assert (await client.put(url, json=body)).status_code == 404
    await sign_in(client, conn, clinic.far_clinician)
    far = f"/api/v1/patients/{clinic.patient}/table"
    assert (await client.get(far)).status_code == 404
    for person in (clinic.patient, clinic.admin):
        await sign_in(client, conn, person)
        assert (await client.get(far)).status_code == 403
        assert (await client.put(far, json=body)).status_code == 403
    assert await conn.fetchval("SELECT count(*) FROM personal_table_versions") == 0
    assert await conn.fetchval("SELECT count(*) FROM audit_log") == 0
