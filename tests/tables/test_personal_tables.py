"""Personal impulsivity tables: started from the site's template, changed only by a draft
both the patient and their assigned clinician agree; retiring a row never changes past
entries; every version kept with who proposed and agreed it, and what changed."""

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


def row(emotion: str, **extra: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "category": "action", "emotion": emotion,
            "urge": "Shout at someone", "indicators": ["Jaw tight"],
            "helpful_response": "Walk away and breathe", "retired": False, **extra}


async def agree_both(client: AsyncTestClient, conn: asyncpg.Connection, clinic: Clinic,
                     rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The patient proposes `rows` and both sides agree; answers the new current table."""
    await sign_in(client, conn, clinic.patient)
    base = (await client.get(f"{OWN}/draft")).json()["version"]
    saved = await client.put(f"{OWN}/draft", json={"base_version": base, "rows": rows})
    assert saved.status_code == 200, saved.text
    version = saved.json()["version"]
    assert (await client.put(f"{OWN}/agreement", json={"draft_version": version})).is_success
    await sign_in(client, conn, clinic.clinician)
    done = await client.put(f"/api/v1/patients/{clinic.patient}/table/agreement",
                            json={"draft_version": version})
    assert done.status_code == 200, done.text
    table: dict[str, Any] = done.json()["table"]
    await sign_in(client, conn, clinic.patient)
    return table


async def test_a_new_patient_starts_from_the_template(client: AsyncTestClient, clinic: Clinic,
                                                      conn: asyncpg.Connection) -> None:
    await sign_in(client, conn, clinic.patient)
    table = (await client.get(OWN)).json()
    assert table["version"] == 0 and table["updated_at"] is None and table["updated_by"] is None
    assert [r["category"] for r in table["rows"]] == [
        "not_attending", "not_planning", "action", "action"]
    assert table["rows"][0]["emotion"] == "Boredom"
    draft = (await client.get(f"{OWN}/draft")).json()
    assert draft["version"] == 0 and draft["rows"] == table["rows"] and not draft["waiting"]

    mine = [*table["rows"][:2], row("Anger")]  # template rows may be dropped at first
    agreed = await agree_both(client, conn, clinic, mine)
    assert agreed["version"] == 1 and (await client.get(OWN)).json()["rows"] == mine
    dropped = await client.put(f"{OWN}/draft", json={"base_version": 1, "rows": mine[:2]})
    assert dropped.status_code == 422 and mine[2]["id"] in dropped.text


async def test_a_table_change_nobody_agreed_never_becomes_the_table(
    client: AsyncTestClient, clinic: Clinic, conn: asyncpg.Connection
) -> None:
    """Hazard H-035: a proposal, or one side's agreement, leaves the table as it was; an
    agreement to an older draft is refused; only the draft both agreed becomes current."""
    theirs = f"/api/v1/patients/{clinic.patient}/table"
    await sign_in(client, conn, clinic.patient)
    anger = row("Anger")
    proposed = (await client.put(f"{OWN}/draft", json={"base_version": 0, "rows": [anger]}))
    assert proposed.json()["waiting"] and proposed.json()["changes"][0].startswith(
        "New row “Anger: Shout at someone”")
    assert (await client.put(f"{OWN}/agreement", json={"draft_version": 1})).is_success
    assert (await client.get(OWN)).json()["version"] == 0

    await sign_in(client, conn, clinic.clinician)
    seen = (await client.get(f"{theirs}/draft")).json()
    assert seen["patient_agreed"] and not seen["clinician_agreed"]
    changed = {**anger, "helpful_response": "Ring my sister"}
    moved = await client.put(f"{theirs}/draft", json={"base_version": 1, "rows": [changed]})
    assert moved.json()["version"] == 2 and not moved.json()["patient_agreed"]
    assert (await client.put(f"{theirs}/agreement", json={"draft_version": 2})).is_success
    assert (await client.get(theirs)).json()["version"] == 0

    await sign_in(client, conn, clinic.patient)
    stale = await client.put(f"{OWN}/agreement", json={"draft_version": 1})
    assert stale.status_code == 412
    assert (await client.get(OWN)).json()["version"] == 0
    done = await client.put(f"{OWN}/agreement", json={"draft_version": 2})
    assert done.json()["table"]["version"] == 1
    again = await client.put(f"{OWN}/agreement", json={"draft_version": 2})  # an outbox replay
    assert again.is_success and not again.json()["draft"]["waiting"]
    table = (await client.get(OWN)).json()
    assert table["rows"] == [changed] and table["updated_by"] == "Dr.Okafor"
    assert await conn.fetchval("SELECT count(*) FROM personal_table_versions") == 1

    history = (await client.get(f"{OWN}/versions")).json()
    assert len(history) == 1 and history[0]["agreed"]
    assert history[0]["proposed_by"] == "Dr.Okafor"
    assert history[0]["clinician_name"] == "Dr.Okafor" and history[0]["patient_agreed_at"]
    assert "New row “Anger: Shout at someone”, what helps “Ring my sister”" in (
        history[0]["changes"])


async def test_the_history_says_what_changed_in_each_version(
    client: AsyncTestClient, clinic: Clinic, conn: asyncpg.Connection
) -> None:
    anger = row("Anger")
    # A version saved by one side before tables were agreed stays in the history as such.
    await conn.execute(
        "INSERT INTO personal_table_versions (patient_id, version, rows, updated_by)"
        " VALUES ($1, 1, $2::jsonb, $1)", clinic.patient, f'[{__import__("json").dumps(anger)}]')
    changed = {**anger, "retired": True, "indicators": ["Jaw tight", "Fists clench"]}
    await agree_both(client, conn, clinic, [changed, row("Shame")])
    history = (await client.get(f"{OWN}/versions")).json()
    assert [(v["version"], v["agreed"], v["proposed_by"]) for v in history] == [
        (2, True, "Riley"), (1, False, "Riley")]
    assert history[0]["changes"] == [
        "Retired the row “Anger: Shout at someone”",
        "In “Anger: Shout at someone”: added what to notice “Fists clench”",
        "New row “Shame: Shout at someone”, what helps “Walk away and breathe”"]
    assert history[1]["clinician_name"] is None


async def test_retiring_a_row_keeps_past_entries(client: AsyncTestClient, clinic: Clinic,
                                                 conn: asyncpg.Connection) -> None:
    anger = row("Anger")
    await agree_both(client, conn, clinic, [anger])
    entry_id = uuid.uuid4()
    when = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    await client.put(f"/api/v1/entries/{entry_id}", json={
        "occurred_at": when, "category": "action", "emotion": anger["emotion"],
        "urge": anger["urge"], "helpful_response": anger["helpful_response"]})
    await agree_both(client, conn, clinic, [{**anger, "emotion": "Rage", "retired": True}])
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
        reply = await client.put(f"{OWN}/draft", json={"base_version": 0, "rows": rows})
        assert reply.status_code == 422, reply.text
        assert field in reply.text
    assert await conn.fetchval("SELECT count(*) FROM agreed_drafts") == 0
    nothing = await client.put(f"{OWN}/agreement", json={"draft_version": 1})
    assert nothing.status_code == 404


async def test_the_assigned_clinician_proposes_and_agrees_with_an_audit_trail(
    client: AsyncTestClient, clinic: Clinic, conn: asyncpg.Connection
) -> None:
    url = f"/api/v1/patients/{clinic.patient}/table"
    await sign_in(client, conn, clinic.clinician)
    assert (await client.get(url)).json()["version"] == 0
    saved = await client.put(f"{url}/draft", json={"base_version": 0, "rows": [row("Shame")]})
    assert saved.status_code == 200 and saved.json()["version"] == 1
    agreed = await client.put(f"{url}/agreement", json={"draft_version": 1})
    assert agreed.json()["table"] is None and agreed.json()["draft"]["clinician_agreed"]
    assert (await client.get(f"{url}/versions")).json() == []
    audit = await conn.fetch("SELECT actor_id, patient_id, action FROM audit_log ORDER BY id")
    assert [(a["actor_id"], a["patient_id"], a["action"]) for a in audit] == [
        (clinic.clinician, clinic.patient, "table.read"),
        (clinic.clinician, clinic.patient, "update"),
        (clinic.clinician, clinic.patient, "agree"),
        (clinic.clinician, clinic.patient, "read")]
    await sign_in(client, conn, clinic.patient)
    draft = (await client.get(f"{OWN}/draft")).json()
    assert draft["updated_by_name"] == "Dr.Okafor" and draft["clinician_agreed"]
    assert (await client.put(f"{OWN}/agreement", json={"draft_version": 1})).is_success
    mine = (await client.get(OWN)).json()
    assert mine["rows"][0]["emotion"] == "Shame" and mine["updated_by"] == "Dr.Okafor"


async def test_others_cannot_reach_a_patients_table(client: AsyncTestClient, clinic: Clinic,
                                                    conn: asyncpg.Connection) -> None:
    body = {"base_version": 0, "rows": [row("Shame")]}
    agree = {"draft_version": 1}

    async def answers(url: str) -> set[int]:
        return {(await client.get(url)).status_code,
                (await client.get(f"{url}/draft")).status_code,
                (await client.get(f"{url}/versions")).status_code,
                (await client.put(f"{url}/draft", json=body)).status_code,
                (await client.put(f"{url}/agreement", json=agree)).status_code}

    await sign_in(client, conn, clinic.clinician)
    for patient in (clinic.other_patient, uuid.uuid4(), clinic.clinician):
        assert await answers(f"/api/v1/patients/{patient}/table") == {404}
    await sign_in(client, conn, clinic.far_clinician)
    far = f"/api/v1/patients/{clinic.patient}/table"
    assert await answers(far) == {404}
    for person in (clinic.patient, clinic.admin):
        await sign_in(client, conn, person)
        assert await answers(far) == {403}
    assert await conn.fetchval("SELECT count(*) FROM agreed_drafts") == 0
    assert await conn.fetchval("SELECT count(*) FROM audit_log") == 0
