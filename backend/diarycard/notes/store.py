"""Clinician notes: append-only, and kept apart from the patient's own words. Functions
take the `PatientScope` of a clinician who passed the care-team check and audit."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

import asyncpg
import msgspec

from diarycard.auth.access import PatientScope
from diarycard.db.queries import load_queries
from diarycard.errors import Invalid, NotFound
from diarycard.notes.models import Note, NoteIn

SQL = load_queries(Path(__file__).with_name("queries.sql"))


async def list_notes(
    conn: asyncpg.Connection,
    scope: PatientScope,
    entry_id: UUID | None = None,
    appointment_id: UUID | None = None,
) -> list[Note]:
    rows = await conn.fetch(SQL["list"], scope.patient_id, entry_id, appointment_id)
    return [msgspec.convert(dict(r), Note) for r in rows]


async def add_note(
    conn: asyncpg.Connection, scope: PatientScope, data: NoteIn
) -> Note:
    if (data.entry_id is None) == (data.appointment_id is None):
        raise Invalid.field("entry_id", "a note is on one entry or on one session: give one")
    # A savepoint, so a missing session is a plain 404 inside the caller's transaction.
    async with conn.transaction():
        try:
            row = await conn.fetchrow(
                SQL["create"], scope.patient_id, scope.site_id, scope.who.user_id, data.entry_id,
                data.appointment_id, data.body,
            )
        except asyncpg.ForeignKeyViolationError as exc:
            raise NotFound("We could not find that session.") from exc
    if row is None:
        raise NotFound("We could not find that entry.")
    return msgspec.convert(dict(row), Note)
