"""Who may see a patient's review: their own clinicians only. Everyone else gets the same
404 as a patient who does not exist; patients get 403; nothing leaves unaudited."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import asyncpg
from litestar.testing import AsyncTestClient
from review_data import Team, add_entry, audit_rows

from factories import sign_in

CANARY = "canary-words-7f3a"


def reads(patient: object) -> list[str]:
    base = f"/api/v1/patients/{patient}"
    return [f"{base}/review", f"{base}/entries", f"{base}/appointments", f"{base}/notes",
            f"{base}/export?format=csv", f"{base}/export?format=fhir",
            f"{base}/entries/{uuid4()}/revisions"]


def writes(patient: object) -> list[tuple[str, str, dict[str, object]]]:
    base = f"/api/v1/patients/{patient}"
    return [("POST", f"{base}/appointments", {"starts_at": "2026-12-01T10:00:00+00:00"}),
            ("PATCH", f"{base}/appointments/{uuid4()}", {"status": "cancelled"}),
            ("POST", f"{base}/notes", {"appointment_id": str(uuid4()), "body": "hello"})]


def without_request_id(body: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in body.items() if k != "request_id"}


async def test_other_patients_look_exactly_like_missing_ones(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    for patient in (team.dev, team.eve):
        await add_entry(conn, patient, datetime.now(UTC), note=CANARY)
    for patient in (team.dev, team.eve, team.shah):
        for their, missing in zip(reads(patient), reads(uuid4()), strict=True):
            a, b = await client.get(their), await client.get(missing)
            assert (a.status_code, b.status_code) == (404, 404), their
            assert without_request_id(a.json()) == without_request_id(b.json())
            assert CANARY not in a.text
        for method, path, body in writes(patient):
            response = await client.request(method, path, json=body)
            assert response.status_code == 404, path
    assert await audit_rows(conn, team.ward) == []
    assert await conn.fetchval("SELECT count(*) FROM appointments") == 0


async def test_patients_are_refused_on_every_clinician_route(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    await sign_in(client, conn, team.amy)
    for path in reads(team.amy):
        assert (await client.get(path)).status_code == 403, path
    for method, path, body in writes(team.amy):
        assert (await client.request(method, path, json=body)).status_code == 403, path


async def test_unassigning_works_on_the_very_next_request(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    url = f"/api/v1/patients/{team.amy}/review"
    assert (await client.get(url)).status_code == 200
    await conn.execute("DELETE FROM care_team WHERE clinician_id = $1 AND patient_id = $2",
                       team.ward, team.amy)
    assert (await client.get(url)).status_code == 404


async def test_every_read_writes_its_audit_row_first_or_returns_nothing(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    await add_entry(conn, team.amy, datetime.now(UTC), note=CANARY)
    for path in reads(team.amy)[:-1]:
        assert (await client.get(path)).status_code == 200, path
    assert [a for _, a in await audit_rows(conn, team.ward)] == [
        "review.view", "entries.list", "appointments.list", "notes.list", "export.csv",
        "export.fhir"]
    # Make the audit insert fail: every read must fail closed, with no patient data.
    await conn.execute("""
        CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'no audit today'; END; $$;
        CREATE TRIGGER refuse BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse();
    """)
    for path in [*reads(team.amy)[:-1], "/api/v1/patients"]:
        response = await client.get(path)
        assert response.status_code == 503, path
        assert CANARY not in response.text and "amy" not in response.text.lower()
