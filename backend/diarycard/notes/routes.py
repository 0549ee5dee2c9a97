"""Clinician notes of one patient, for their care team."""

from __future__ import annotations

from uuid import UUID

from litestar import get, post
from litestar.params import FromPath, FromQuery, JSONBody

from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.notes.models import Note, NoteIn
from diarycard.notes.store import add_note, list_notes

TAGS = ["notes"]


@get("/patients/{patient_id:uuid}/notes", tags=TAGS)
async def notes_list(
    conn: Conn,
    principal: CurrentUser,
    patient_id: FromPath[UUID],
    entry_id: FromQuery[UUID | None] = None,
    appointment_id: FromQuery[UUID | None] = None,
) -> list[Note]:
    """The care team's notes on this patient, newest first."""
    return await list_notes(conn, principal, patient_id, entry_id, appointment_id)


@post("/patients/{patient_id:uuid}/notes", tags=TAGS)
async def notes_create(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], data: JSONBody[NoteIn]
) -> Note:
    """Add a note on an entry or on a session."""
    return await add_note(conn, principal, patient_id, data)


routes = [notes_list, notes_create]
