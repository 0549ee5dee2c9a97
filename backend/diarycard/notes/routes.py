"""Clinician notes of one patient, for their care team."""

from __future__ import annotations

from uuid import UUID

from litestar import get, post
from litestar.params import FromPath, FromQuery, JSONBody

from diarycard.auth.access import as_clinician
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
    return await as_clinician(
        conn, principal, patient_id, "notes.list", "",
        lambda scope: list_notes(conn, scope, entry_id, appointment_id))


@post("/patients/{patient_id:uuid}/notes", tags=TAGS)
async def notes_create(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], data: JSONBody[NoteIn]
) -> Note:
    """Add a note on an entry or on a session."""
    return await as_clinician(conn, principal, patient_id, "notes.create", "",
                              lambda scope: add_note(conn, scope, data))


routes = [notes_list, notes_create]
