"""Demo data helpers for the tools: act as a demo person through the real store code."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

import asyncpg

from diarycard.auth.access import own_scope
from diarycard.auth.principal import Principal
from diarycard.errors import PreconditionFailed
from diarycard.tools import records
from diarycard.tools.records import Kind, Out

# Fixed ids from a namespace, so loading the demo again finds the same records.
DEMO_NAMESPACE = uuid.UUID("0d1e7a5c-6b8f-4c3e-9a2d-5e4f3b2a1c00")


def demo_id(patient_id: UUID, name: str) -> UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"{patient_id}:{name}")


async def person(conn: asyncpg.Connection, user_id: UUID) -> Principal:
    row = await conn.fetchrow(
        "SELECT id, role, site_id, login, display_name FROM users WHERE id = $1", user_id
    )
    return Principal(
        user_id=row["id"], role=row["role"], site_id=row["site_id"], login=row["login"],
        display_name=row["display_name"], session_id=demo_id(user_id, "session"),
        request_id="demo",
    )


async def clinician_of(conn: asyncpg.Connection, patient_id: UUID) -> Principal | None:
    found = await conn.fetchval(
        "SELECT clinician_id FROM care_team WHERE patient_id = $1 ORDER BY created_at LIMIT 1",
        patient_id,
    )
    return await person(conn, found) if found else None


async def save_as_patient(
    conn: asyncpg.Connection, patient: Principal, kind: Kind, name: str, data: Any,
    out: type[Out], agreed_fields: tuple[str, ...] = (),
) -> Out | None:
    """Save the demo record `name` as the patient would; None when the patient has changed
    it since (their version is kept)."""
    try:
        return await records.save(conn, own_scope(patient), kind,
                                  demo_id(patient.user_id, name), data, out, agreed_fields)
    except PreconditionFailed:
        return None


async def save_for_each(
    conn: asyncpg.Connection, patient_ids: Sequence[UUID], kind: Kind, items: Mapping[str, Any],
    out: type[Out],
) -> None:
    """Save each of `items` (by demo name) as each patient would."""
    for patient_id in patient_ids:
        patient = await person(conn, patient_id)
        for name, data in items.items():
            await save_as_patient(conn, patient, kind, name, data, out)
