"""Scheduling sessions and recording whether they happened. Every function takes the
`PatientScope` of a clinician who passed the care-team check and audit
(`auth.access.as_clinician`): an appointment is part of the patient's record."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

import asyncpg
import msgspec
from msgspec import UNSET

from diarycard.appointments.models import Appointment, AppointmentIn, AppointmentPatch
from diarycard.auth.access import PatientScope
from diarycard.db.queries import load_queries
from diarycard.errors import Invalid, NotFound
from diarycard.follow_up.store import after_status_change

SQL = load_queries(Path(__file__).with_name("queries.sql"))


def _one(row: asyncpg.Record) -> Appointment:
    return msgspec.convert(dict(row), Appointment)


async def list_appointments(conn: asyncpg.Connection, scope: PatientScope) -> list[Appointment]:
    return [_one(r) for r in await conn.fetch(SQL["list"], scope.patient_id)]


async def create_appointment(
    conn: asyncpg.Connection, scope: PatientScope, data: AppointmentIn
) -> Appointment:
    row = await conn.fetchrow(
        SQL["create"], scope.patient_id, scope.site_id, scope.who.user_id, data.starts_at,
        data.duration_minutes,
    )
    return _one(row)


async def update_appointment(
    conn: asyncpg.Connection, scope: PatientScope, appointment_id: UUID, data: AppointmentPatch
) -> Appointment:
    def given(value: object) -> object:
        return None if value is UNSET else value

    patient_id = scope.patient_id
    async with conn.transaction():
        row = await conn.fetchrow(
            SQL["update"], appointment_id, patient_id, given(data.status),
            given(data.starts_at), given(data.duration_minutes),
        )
        if row is None:
            if await conn.fetchval(SQL["exists"], appointment_id, patient_id):
                raise Invalid.field(
                    "status", "attended or not attended can be recorded once it has started"
                )
            raise NotFound()
        # A missed session opens a follow-up task for the care team (in this transaction).
        await after_status_change(conn, scope, appointment_id)
    return _one(row)
