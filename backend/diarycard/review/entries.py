"""A patient's entries for their care team: the diary's own reads, behind the care-team
check and the audit row, in one transaction."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from diarycard.auth.access import open_patient
from diarycard.auth.principal import Principal
from diarycard.entries import store
from diarycard.entries.models import EntryPage, EntryQuery, EntryRevision


async def patient_entries(
    conn: asyncpg.Connection, who: Principal, patient_id: UUID, query: EntryQuery
) -> EntryPage:
    async with conn.transaction():
        scope = await open_patient(conn, who, patient_id, "entries.list")
        return await store.list_entries(conn, scope, query, withdrawn=True)


async def entry_revisions(
    conn: asyncpg.Connection, who: Principal, patient_id: UUID, entry_id: UUID
) -> list[EntryRevision]:
    async with conn.transaction():
        scope = await open_patient(conn, who, patient_id, "entries.revisions", str(entry_id))
        return await store.list_revisions(conn, scope, entry_id)
