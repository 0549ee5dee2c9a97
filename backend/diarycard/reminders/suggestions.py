"""A clinician suggests reminder times for a patient on their care team. Both functions
take the clinician's `PatientScope` (`auth.access.as_clinician`, which checked the care
team and audited the access). The patient decides: see store.answer_suggestion."""

from __future__ import annotations

import asyncpg

from diarycard.audit.store import record
from diarycard.auth.access import PatientScope
from diarycard.errors import Invalid
from diarycard.reminders.models import ClinicianView, SuggestionIn
from diarycard.reminders.store import SQL, as_time, suggestion_from


async def clinician_view(
    conn: asyncpg.Connection, scope: PatientScope
) -> ClinicianView:
    on = await conn.fetchval(SQL["reminders_on"], scope.patient_id)
    row = await conn.fetchrow(SQL["pending_suggestion"], scope.patient_id, True)
    return ClinicianView(reminders_on=on, suggestion=suggestion_from(row) if row else None)


async def suggest(
    conn: asyncpg.Connection, scope: PatientScope, data: SuggestionIn
) -> ClinicianView:
    if len(set(data.times)) != len(data.times):
        raise Invalid.field("times", "each time once")
    if len(set(data.days)) != len(data.days):
        raise Invalid.field("days", "each day once")
    await conn.execute(SQL["put_suggestion"], scope.patient_id, scope.who.user_id,
                       sorted(as_time(t) for t in data.times), sorted(data.days))
    # The answer reads the patient's settings back: audited as a read of its own.
    await record(conn, scope.who, scope.patient_id, "reminders.read")
    return await clinician_view(conn, scope)
