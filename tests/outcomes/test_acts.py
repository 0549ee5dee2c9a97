"""Acts and service contacts through the API: the patient's own (offline-style idempotent
PUTs), the clinician's, and the rules that keep them believable."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import asyncpg
from litestar.testing import AsyncTestClient
from outcome_people import People

from factories import sign_in

TODAY = date.today()


def act(**fields: object) -> dict[str, object]:
    return {"base_version": 0, "occurred_on": TODAY.isoformat(), **fields}


async def test_patient_records_acts_contacts_and_a_quiet_week(
    client: AsyncTestClient, conn: asyncpg.Connection, people: People
) -> None:
    bodies = [
        act(kind="self_harm", injury="first_aid", note="after the phone call"),
        act(kind="verbal", severity=2),
        act(kind="admission", nights=3),
        act(kind="ae"),
        act(kind="nothing", occurred_on=(TODAY - timedelta(days=8)).isoformat()),
    ]
    for body in bodies:
        r = await client.put(f"/api/v1/acts-and-contacts/{uuid4()}", json=body)
        assert r.status_code == 200, r.text
        assert r.json()["recorded_by"] == "patient" and r.json()["version"] == 1
    mine = (await client.get("/api/v1/acts-and-contacts")).json()
    assert sorted(e["kind"] for e in mine) == ["admission", "ae", "nothing", "self_harm",
                                               "verbal"]
    harm = next(e for e in mine if e["kind"] == "self_harm")
    # Plain words in, MOAS's "against self" band stored: first aid is band 3.
    assert harm["injury"] == "first_aid" and harm["severity"] == 3
    assert next(e for e in mine if e["kind"] == "admission")["nights"] == 3
    # Someone else sees none of it.
    await sign_in(client, conn, people.ben)
    assert (await client.get("/api/v1/acts-and-contacts")).json() == []


async def test_a_resend_is_stored_once_and_an_edit_needs_the_version(
    client: AsyncTestClient, conn: asyncpg.Connection, people: People
) -> None:
    url = f"/api/v1/acts-and-contacts/{uuid4()}"
    body = act(kind="property", severity=1)
    first = await client.put(url, json=body)
    again = await client.put(url, json=body)  # the outbox retried: same answer, one row
    assert first.json() == again.json()
    assert await conn.fetchval("SELECT count(*) FROM outcome_events") == 1
    stale = await client.put(url, json=act(kind="property", severity=3))
    assert stale.status_code == 412
    edit = await client.put(url, json={**act(kind="property", severity=3), "base_version": 1})
    assert edit.status_code == 200 and edit.json()["severity"] == 3
    # Another patient using the same id finds nothing of Amy's.
    await sign_in(client, conn, people.ben)
    theirs = await client.put(url, json={**body, "base_version": 1})
    assert theirs.status_code == 404


async def test_bad_input_names_the_field_and_stores_nothing(
    client: AsyncTestClient, conn: asyncpg.Connection, people: People
) -> None:
    cases = [
        (act(kind="ae", occurred_on=(TODAY + timedelta(days=2)).isoformat()), "occurred_on"),
        (act(kind="admission", nights=-1), "nights"),
        (act(kind="admission"), "nights"),
        (act(kind="stabbing"), "kind"),
        (act(kind="self_harm"), "injury"),
        (act(kind="verbal", severity=5), "severity"),
        (act(kind="ae", severity=2), "severity"),
        (act(kind="police", note="a\u0000b"), "note"),
        (act(kind="police", entry_id=str(uuid4())), "entry_id"),
    ]
    for body, field in cases:
        r = await client.put(f"/api/v1/acts-and-contacts/{uuid4()}", json=body)
        assert r.status_code == 422, (body, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert field in [e["field"] for e in r.json()["errors"]], (body, r.json())
    assert await conn.fetchval("SELECT count(*) FROM outcome_events") == 0


async def test_an_act_links_to_the_entry_it_came_from(
    client: AsyncTestClient, people: People
) -> None:
    entry = await client.put(f"/api/v1/entries/{uuid4()}", json={
        "category": "action", "urge": "hurt myself", "urge_strength": 8,
        "occurred_at": f"{TODAY.isoformat()}T09:00:00+00:00"})
    assert entry.status_code == 201, entry.text
    r = await client.put(f"/api/v1/acts-and-contacts/{uuid4()}",
                         json=act(kind="self_harm", injury="no_injury",
                                  entry_id=entry.json()["id"]))
    assert r.status_code == 200 and r.json()["entry_id"] == entry.json()["id"]


async def test_clinician_records_for_their_patient_only_and_it_is_audited(
    client: AsyncTestClient, conn: asyncpg.Connection, people: People
) -> None:
    await sign_in(client, conn, people.ward)
    r = await client.put(f"/api/v1/patients/{people.amy}/acts-and-contacts/{uuid4()}",
                         json=act(kind="police"))
    assert r.status_code == 200 and r.json()["recorded_by"] == "clinician"
    other = await client.put(f"/api/v1/patients/{people.ben}/acts-and-contacts/{uuid4()}",
                             json=act(kind="police"))
    assert other.status_code == 404
    assert await conn.fetchval(
        "SELECT count(*) FROM audit_log WHERE actor_id = $1 AND patient_id = $2 "
        "AND resource = 'outcomes'", people.ward, people.amy) == 1
    # A patient cannot use the clinician's route, nor a clinician the patient's.
    assert (await client.put(f"/api/v1/acts-and-contacts/{uuid4()}",
                             json=act(kind="police"))).status_code == 403
