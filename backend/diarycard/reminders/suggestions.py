"""A clinician suggests reminder times for a patient on their care team (through the one
gate, which audits the access). The patient decides: see store.answer_suggestion."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from diarycard.auth.access import open_patient
from diarycard.auth.principal import Principal
from diarycard.errors import Invalid
from diarycard.reminders.models import ClinicianView, SuggestionIn
from diarycard.reminders.store import SQL, as_time, suggestion_from


async def clinician_view(
    conn: asyncpg.Connection, who: Principal, patient_id: UUID
) -> ClinicianView:
    async with conn.transaction():
        await open_patient(conn, who, patient_id, "reminders.read")
        on = await conn.fetchval(SQL["reminders_on"], patient_id)
        row = await conn.fetchrow(SQL["pending_suggestion"], patient_id, True)
    return ClinicianView(reminders_on=on, suggestion=suggestion_from(row) if row else None)


async def suggest(
    conn: asyncpg.Connection, who: Principal, patient_id: UUID, data: SuggestionIn
) -> ClinicianView:
    if len(set(data.times)) != len(data.times):
        raise Invalid.field("times", "each time once")
    if len(set(data.days)) != len(data.days):
        raise Invalid.field("days", "each day once")
    async with conn.transaction():
        await open_patient(conn, who, patient_id, "reminders.suggest")
        await conn.execute(SQL["put_suggestion"], patient_id, who.user_id,
                           sorted(as_time(t) for t in data.times), sorted(data.days))
    return await clinician_view(conn, who, patient_id)
